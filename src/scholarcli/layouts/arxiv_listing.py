"""arXiv author or search listing, as copied from the page.

Entries are separated by `-` lines, or each is led by an `arXiv:ID  [pdf, other]` line and a line of
categories. An entry has a title, `Authors:` (one per line with trailing commas, or all on one line),
`Abstract:` (cut off, then `▽ More`, the full text and `△ Less`, or just the text), a `Submitted …`
line, and optional `Comments:` and `Journal ref:` lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from scholarcli.layouts.base import Boundaries
from scholarcli.model import ParseEvent, ParseIssue, ParseResult, Source, Work
from scholarcli.normalise.dates import parse_date, year_of
from scholarcli.normalise.identifiers import find_doi, match_arxiv_id

NAME = "arxiv-listing"
SUMMARY = "arXiv author/search listing: title, Authors:, Abstract: (▽ More/△ Less), Submitted dates"

_ID_HEADER = re.compile(r"^arXiv:(?P<rest>\S+)(?:\s+\[[^\]]*\])?\s*$")
_CATEGORY = re.compile(r"^(?:[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]{2,})?)$")
_SUBMITTED = re.compile(r"^Submitted\s+(?P<latest>[^;]+?)\s*;(?P<rest>.*)$", re.IGNORECASE)
_V1 = re.compile(r"v1\s+submitted\s+(?P<v1>[^;]+?)\s*;", re.IGNORECASE)
_ANNOUNCED = re.compile(r"originally\s+announced\s+(?P<month>[A-Za-z]+\.?\s+\d{4})", re.IGNORECASE)
_FIELD = re.compile(r"^(?P<key>Authors|Abstract|Comments|Journal ref|DOI|doi|Submitted)\s*:?\s*(?P<value>.*)$")
_MORE = "▽ More"
_LESS = "△ Less"


def sniff(text: str) -> float:
    """High when the text has `Authors:` and `Abstract:` lines and arXiv submission lines."""
    head = text[:200_000]
    authors = len(re.findall(r"(?m)^Authors:", head))
    abstracts = len(re.findall(r"(?m)^Abstract:", head))
    submitted = len(re.findall(r"(?m)^Submitted\s+\d", head))
    if not authors or not (abstracts or submitted):
        return 0.0
    return 0.6 + 0.4 * min(1.0, (abstracts + submitted) / (2 * authors))


_SEPARATORS = frozenset({"-", "—", "–"})
_ANCHOR_OPENINGS = ("Authors:", "Abstract:", "Comments:", "Journal ref:", "Submitted ")
_SHOWING = re.compile(r"^Showing \d[\d,]*[–-]\d[\d,]* of \d[\d,]* results\b")


def _anchor(line: str) -> bool:
    if line in _SEPARATORS:
        return True
    if line.startswith(_ANCHOR_OPENINGS):
        return not line.startswith("Submitted ") or _SUBMITTED_LINE.match(line) is not None
    return line.startswith("arXiv:") and "[" in line and _ID_HEADER.match(line) is not None


def _lead(before: Sequence[str], anchor: str) -> int:
    """The title above a first `Authors:`; the `Showing … results` chrome above a first entry."""
    if anchor.startswith("Authors:"):
        return 1 if before else 0
    for back, line in enumerate(reversed(before[-4:]), start=1):
        if _SHOWING.match(line):
            return back
    return 0


#: Entries open at `-` separators or `arXiv:ID [pdf…]` headers; `cat` can glue a `-` to a line's end.
BOUNDARIES = Boundaries(anchor=_anchor, lead=_lead, glued=re.compile(r"(?<=[.\d])-\Z"), glued_ends=("-",))


def parse(text: str, path: str, as_of: date) -> ParseResult:
    """Read every entry; page chrome before the first entry is skipped, damaged entries are reported."""
    return ParseResult.collect(NAME, path, iter_parse(text.split("\n"), path, as_of))


def iter_parse(lines: Iterable[str], path: str, as_of: date) -> Iterator[ParseEvent]:
    """Yield each entry's record as soon as the next entry starts."""
    seen_entry = False
    for start, block in _blocks(lines):
        if not any(line.startswith(("Authors:", "Abstract:")) for _, line in block):
            if seen_entry:  # page chrome before the first entry is expected; later it means damage
                yield ParseIssue(path, start, "entry without Authors: or Abstract:; skipped")
            continue
        seen_entry = True
        work = _entry(block, Source(NAME, path, start))
        if work.title is None and not work.authors:
            yield ParseIssue(path, start, "entry without a title or authors; skipped")
            continue
        if work.date is None:
            yield ParseIssue(path, start, "entry has no Submitted line (dump cut off?); kept without dates")
        elif any(_MORE in line for _, line in block) and not any(_LESS in line for _, line in block):
            yield ParseIssue(path, start, "abstract cut off after ▽ More; kept what was there")
        yield work


def _blocks(lines: Iterable[str]) -> Iterator[tuple[int, list[tuple[int, str]]]]:
    """Group non-blank lines into entries, split at `-` separators and at `arXiv:ID [pdf…]` headers.

    Each block is (1-based start line, [(line number, stripped text)]).
    """
    current: list[tuple[int, str]] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        is_separator = line in {"-", "—", "–"}
        is_id_header = line.startswith("arXiv:") and "[" in line and bool(_ID_HEADER.match(line))
        if (is_separator or is_id_header) and current:
            yield current[0][0], current
            current = []
        if not is_separator:
            current.append((number, line))
    if current:
        yield current[0][0], current


def _entry(block: list[tuple[int, str]], source: Source) -> Work:
    arxiv_id: str | None = None
    version: int | None = None
    categories: list[str] = []
    doi: str | None = None
    fields: dict[str, list[str]] = {"title": []}
    key = "title"
    for _, line in block:
        if key == "title" and not fields["title"]:
            header = _ID_HEADER.match(line)
            if header and (found := match_arxiv_id(header["rest"])):
                arxiv_id, version = found.id, found.version
                continue
            if _is_category_line(line):
                categories.extend(line.split())
                continue
            if line.lower().startswith("doi"):
                doi = find_doi(line) or doi
                continue
        m = _FIELD.match(line)
        if m and (m["key"] != "Submitted" or _SUBMITTED_LINE.match(line)):
            key = m["key"].lower()
            fields.setdefault(key, [])
            fields[key].append(line if key == "submitted" else m["value"])
        elif (key == "submitted" and line.lower().startswith(("originally", "v1 ", "v2 "))) or key in _WRAPPING:
            fields[key].append(line)
        # anything else after the dates is page chrome (pagination, footer) and is dropped
    title = " ".join(fields.get("title", [])) or None
    authors = _authors(fields.get("authors", []))
    dated, updated = _dates(" ".join(fields.get("submitted", [])))
    doi = find_doi(" ".join(fields.get("doi", []))) or doi
    journal_ref = " ".join(fields.get("journal ref", [])) or None
    return Work(
        title=title,
        authors=tuple(authors),
        year=year_of(dated),
        date=dated,
        updated=updated,
        arxiv_id=arxiv_id,
        arxiv_version=version,
        doi=doi,
        type="preprint",
        venue="arXiv",
        abstract=full_abstract(fields.get("abstract", [])),
        comment=" ".join(fields.get("comments", [])) or None,
        journal_ref=journal_ref,
        categories=tuple(categories),
        sources=(source,),
    )


_WRAPPING = frozenset({"title", "authors", "abstract"})
_SUBMITTED_LINE = re.compile(r"^Submitted\s+\d")
_BARE_ARCHIVES = frozenset({"hep-th", "hep-ph", "hep-ex", "hep-lat", "gr-qc", "quant-ph", "nucl-th", "nucl-ex",
                            "math-ph", "astro-ph", "cond-mat", "nlin", "physics"})


def _is_category_line(line: str) -> bool:
    """`cs.CL cs.LG`, `hep-th`, `stat.ML math.OC`: a line made only of arXiv category codes."""
    tokens = line.split()
    return bool(tokens) and all(
        (_CATEGORY.match(t) is not None and "." in t) or t in _BARE_ARCHIVES for t in tokens
    )


def _authors(lines: list[str]) -> list[str]:
    names = " ".join(lines).replace(" and ", ", ")
    return [" ".join(n.split()) for n in names.split(",") if n.strip()]


def full_abstract(lines: list[str]) -> str | None:
    """The full abstract: the text between `▽ More` and `△ Less` when the page shows both, else all of it."""
    text = "\n".join(lines)
    if _MORE in text:
        after = text.split(_MORE, 1)[1]
        text = after.split(_LESS, 1)[0]
    else:
        text = text.replace(_LESS, "")
    text = " ".join(text.split())
    return text or None


def _dates(line: str) -> tuple[str | None, str | None]:
    """(first-version date, latest-version date) from `Submitted D Month, YYYY; v1 submitted …; originally …`."""
    m = _SUBMITTED.match(line)
    if not m:
        announced = _ANNOUNCED.search(line)
        month = parse_date(announced["month"]) if announced else None
        return month, None
    latest = parse_date(m["latest"])
    v1 = _V1.search(m["rest"])
    first = parse_date(v1["v1"]) if v1 else latest
    if first is None:
        announced = _ANNOUNCED.search(m["rest"])
        first = parse_date(announced["month"]) if announced else None
    return first, latest
