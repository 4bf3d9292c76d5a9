"""arXiv author or search listing, as copied from the page.

Entries are separated by `-` lines, or each is led by an `arXiv:ID  [pdf, other]` line (browsers may
number it, `1. arXiv:ID`, and lose its closing bracket) and a line of categories. An entry has a title,
`Authors:` (one per line with trailing commas, or all on one line), `Abstract:` (cut off, then `▽ More`,
the full text and `△ Less`, or just the text), a `Submitted …` line, and optional `Comments:` and
`Journal ref:` lines. Indentation, list numbers and blank lines between fields decide nothing; a label
counts only with its colon, so a title such as `Abstractive Summarization…` stays a title.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)
from scholarcli.layouts.base import Boundaries, split_authors, strip_numbering, walk
from scholarcli.model import ParseEvent, ParseIssue, ParseResult, Source, Work
from scholarcli.normalise.dates import parse_date, year_of
from scholarcli.normalise.identifiers import ArxivId, find_doi, match_arxiv_id

NAME = "arxiv-listing"
SUMMARY = "arXiv author/search listing: title, Authors:, Abstract: (▽ More/△ Less), Submitted dates"

_ID_HEADER = re.compile(r"^arXiv:(?P<rest>\S+)(?P<tail>\s.*)?$")
_LINK_WORDS = frozenset({"pdf", "ps", "other", "html", "format", "doi"})
_CATEGORY = re.compile(r"^(?:[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]{2,}(?:-[a-z]{2,})?)?)$")  # cond-mat.str-el
_SUBMITTED = re.compile(r"^Submitted\s+(?P<latest>[^;]+?)\s*;(?P<rest>.*)$", re.IGNORECASE)
_V1 = re.compile(r"v1\s+submitted\s+(?P<v1>[^;]+?)\s*;", re.IGNORECASE)
_ANNOUNCED = re.compile(r"originally\s+announced\s+(?P<month>[A-Za-z]+\.?\s+\d{4})", re.IGNORECASE)
_FIELD = re.compile(r"^(?P<key>Authors|Abstract|Comments|Journal ref|DOI|doi)\s*:\s*(?P<value>.*)$")
_DOI_LINE = re.compile(r"^doi\s*:?\s*10\.", re.IGNORECASE)
_LONE_NUMBER = re.compile(r"^\d{1,4}\.$")
_SEPARATORS = frozenset({"-", "—", "–"})
_MORE = "▽ More"
_LESS = "△ Less"


def sniff(text: str) -> float:
    """High when the text has `Authors:` and `Abstract:` lines and arXiv submission lines."""
    head = text[:200_000]
    authors = _count_label_lines(head, "Authors:")
    abstracts = _count_label_lines(head, "Abstract:")
    submitted = _count_label_lines(head, "Submitted", _SUBMITTED_DATE)
    if not authors or not (abstracts or submitted):
        return 0.0
    return 0.6 + 0.4 * min(1.0, (abstracts + submitted) / (2 * authors))


_SUBMITTED_DATE = re.compile(r"\s+\d")


def _count_label_lines(head: str, label: str, then: re.Pattern[str] | None = None) -> int:
    """How many lines open with `label` (after spaces or tabs), followed by what `then` matches: what
    `len(re.findall(rf"(?m)^[ \t]*{label}{then}", head))` counts, found by `str.find` rather than a regex
    tried at every position of the text (a third of detection's time on an arXiv listing)."""
    count, at = 0, head.find(label)
    while at >= 0:
        end = at + len(label)
        if not head[head.rfind("\n", 0, at) + 1: at].strip(" \t") and (then is None or then.match(head, end)):
            count += 1
        at = head.find(label, end)
    return count


_ANCHOR_OPENINGS = ("Authors:", "Abstract:", "Comments:", "Journal ref:", "Submitted ")
_SHOWING = re.compile(r"^Showing \d[\d,]*[–-]\d[\d,]* of \d[\d,]* results\b")


def _anchor(line: str) -> bool:
    """Separators, field lines, and `[1.] arXiv:ID [pdf, other]` headers (a bare `arXiv:ID` is not one)."""
    if line in _SEPARATORS:
        return True
    if line.startswith(_ANCHOR_OPENINGS):
        return not line.startswith("Submitted ") or _SUBMITTED_LINE.match(line) is not None
    if line[0].isdigit() or line[0] in "[(":
        line = strip_numbering(line)
    return line.startswith("arXiv:") and len(line.split()) > 1 and _header(line) is not None


def _lead(before: Sequence[str], anchor: str) -> int:
    """The title above a first `Authors:`; the `Showing … results` chrome above a first entry."""
    if anchor.startswith("Authors:"):
        return 1 if before else 0
    for back, line in enumerate(reversed(before[-12:]), start=1):  # the search form sits between
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

    Each block is (1-based start line, [(line number, stripped text)]). List numbers before a header
    (`1. arXiv:…`, or `1.` alone on the line before it) are dropped.
    """
    current: list[tuple[int, str]] = []
    for walked in walk(lines):
        number, line = walked.number, walked.text
        header = line
        if line[0].isdigit() or line[0] in "[(":  # a list number: `1.` alone, or `1. arXiv:…`
            if _LONE_NUMBER.match(line):
                continue
            header = strip_numbering(line)
        is_separator = line in _SEPARATORS
        is_id_header = header.startswith("arXiv:") and _header(header) is not None
        if is_id_header:
            line = header
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
            header = _header(line) if line.startswith("arXiv:") else None
            if header and arxiv_id is None:
                found, header_categories, header_doi = header
                arxiv_id, version = found.id, found.version
                categories.extend(header_categories)
                doi = header_doi or doi
                continue
            if _is_category_line(line):
                categories.extend(line.split())
                continue
            if _DOI_LINE.match(line):
                doi = find_doi(line) or doi
                continue
        m = _FIELD.match(line)
        if m:
            key = m["key"].lower()
            fields.setdefault(key, []).append(m["value"])
        elif _SUBMITTED_LINE.match(line):
            key = "submitted"
            fields.setdefault(key, []).append(line)
        elif (key == "submitted" and line.lower().startswith(("originally", "v1 ", "v2 "))) or key in _WRAPPING:
            fields[key].append(line)
        elif fields.get(key) == [""]:  # `Comments:` alone on its line: the value is the next line
            fields[key] = [line]
        # anything else after the dates is page chrome (pagination, footer) and is dropped
    fields = {k: [v for v in values if v] for k, values in fields.items()}
    title = " ".join(fields.get("title", [])) or None
    authors, truncated = split_authors(" ".join(fields.get("authors", [])))
    dated, updated = _dates(" ".join(fields.get("submitted", [])))
    doi = find_doi(" ".join(fields.get("doi", []))) or doi
    journal_ref = " ".join(fields.get("journal ref", [])) or None
    return Work(
        title=title,
        authors=tuple(authors),
        authors_truncated=truncated,
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


def _header(line: str) -> tuple[ArxivId, list[str], str | None] | None:
    """`arXiv:ID  [pdf, other]`, its bracket possibly lost, with categories or a `doi` the copy put on the
    same line: (id, categories, doi). None when the line is not such a header."""
    m = _ID_HEADER.match(line)
    found = match_arxiv_id(m["rest"]) if m else None
    if m is None or found is None or found.end != len(m["rest"]):
        return None
    tail = m["tail"] or ""
    doi = find_doi(tail)
    if doi:
        tail = tail.replace(doi, " ")
    tokens = [t for t in re.split(r"[\s\[\],]+", tail) if t]
    categories = [t for t in tokens if _is_category_line(t)]
    if any(t.lower() not in _LINK_WORDS and not _is_category_line(t) for t in tokens):
        return None
    return found, categories, doi


def _is_category_line(line: str) -> bool:
    """`cs.CL cs.LG`, `hep-th`, `stat.ML math.OC`: a line made only of arXiv category codes."""
    tokens = line.split()
    return bool(tokens) and all(
        (_CATEGORY.match(t) is not None and "." in t) or t in _BARE_ARCHIVES for t in tokens
    )


def full_abstract(lines: list[str]) -> str | None:
    """The full abstract: the text between `▽ More` and `△ Less` when the page shows both, else all of it.

    A copy that stops at `▽ More` (the full text was never expanded) keeps the cut text shown before it.
    """
    text = "\n".join(lines)
    if _MORE in text:
        before, after = text.split(_MORE, 1)
        text = after.split(_LESS, 1)[0]
        if not text.strip():
            text = before
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
