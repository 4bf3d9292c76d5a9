"""A paper page with related papers: the main paper, then titleless related abstracts after `Read More`.

    Representation Consolidation for Training Expert Students
    141   0   0.0 ( 0 )
     Added by Zhizhong Li
     Publication date 2021
    ...abstract...
    Read More
    <abstract>
    208 - Xin Yuan , Zhe Lin , Jason Kuen 2021      <- attribution of the abstract after it
    <abstract>
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)
from scholarcli.layouts.base import Boundaries
from scholarcli.model import ParseEvent, ParseIssue, ParseResult, Source, Work
from scholarcli.normalise.dates import parse_date, year_of

NAME = "paper-page"
SUMMARY = "Paper page: title, views line, `Added by`, `Publication date`, abstract, related abstracts"

_STATS = re.compile(r"^\d[\d,]*\s+\d[\d,]*\s+\d+(?:\.\d+)?\s*\(\s*\d+\s*\)$")
_ADDED_BY = re.compile(r"^Added by\s+(?P<name>.+)$", re.IGNORECASE)
_PUBLISHED = re.compile(r"^Publication date\s+(?P<date>.+)$", re.IGNORECASE)
_ATTRIBUTION = re.compile(r"^(?P<views>\d[\d,]*)\s+-\s+(?P<names>.+?)(?:\s+(?P<year>(?:19|20)\d{2}))?$")
_READ_MORE = "read more"
#: Site chrome, never a record: whole lines, and the openings of longer furniture lines (casefolded).
_CHROME_LINES = frozenset(
    {"rate research", "suggested questions", "comments", "share", "download", "log in", "sign in", "read more",
     "mircosoft-partner", "microsoft-partner", "related research", "no comments yet", "post a comment"}
)
_CHROME_OPENINGS = (
    "do you want to publish a course",
    "ask chatgpt about the research",
    "fetching comments",
    "sign in to be able to follow",
    "and research's language is",
    "research's language is",
)
_CHROME_MAX = 200
_END_OF_RELATED = frozenset({"suggested questions", "comments"})
_ATTRIBUTION_MAX = 400


def sniff(text: str) -> float:
    """High when the page has the `Added by` / `Publication date` / `Read More` furniture."""
    head = text[:200_000]
    marks = sum(
        1
        for pattern in (r"(?m)^\s*Added by\s", r"(?m)^\s*Publication date\s", r"(?mi)^\s*Read More\s*$",
                        r"(?m)^\s*\d+\s+\d+\s+\d+(?:\.\d+)?\s*\(\s*\d+\s*\)\s*$", r"(?mi)^\s*rate research\s*$")
        if re.search(pattern, head)
    )
    return 0.0 if marks < 2 else 0.5 + 0.1 * marks


def is_chrome(line: str) -> bool:
    """Whether a line is site furniture: buttons, prompts, or a footer in a non-Latin script."""
    if len(line) > _CHROME_MAX:
        return False  # furniture is short; abstracts are not
    low = line.casefold()
    if low in _CHROME_LINES or low.startswith(_CHROME_OPENINGS):
        return True
    if line.isascii():
        return False
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and sum(1 for ch in letters if not _is_latin(ch)) > len(letters) / 2


def _is_latin(ch: str) -> bool:
    try:
        return unicodedata.name(ch).startswith(("LATIN", "GREEK"))
    except ValueError:
        return False


def _anchor(line: str) -> bool:
    first = line[0]
    if first.isdigit():
        return len(line) < _ATTRIBUTION_MAX and bool(_STATS.match(line) or _ATTRIBUTION.match(line))
    if first in "AaPp" and (_ADDED_BY.match(line) or _PUBLISHED.match(line)):
        return True
    if len(line) > _LONGEST_CHROME_LINE:
        return False
    low = line.casefold()
    return (low in _CHROME_LINES and low not in _GENERIC_CHROME) or low.startswith("fetching comments")


_LONGEST_CHROME_LINE = 40
_GENERIC_CHROME = frozenset({"share", "download", "log in", "sign in", "comments"})  # any site has these


def _lead(before: Sequence[str], anchor: str) -> int:
    """The title above the views line (or `Added by`), and the site's chrome above the title."""
    if not (_STATS.match(anchor) or _ADDED_BY.match(anchor)) or not before:
        return 0
    lead = 1
    while lead < len(before) and is_chrome(line := before[-lead - 1]) and not _YEAR.search(line):
        lead += 1  # a line in another script with a year is a reference (a CV's `[4] 李宇峰, … 2018`), not chrome
    return lead


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


#: A paper page has one views line (`141   0   0.0 ( 0 )`); the title and site chrome above it open the page.
BOUNDARIES = Boundaries(
    anchor=_anchor,
    lead=_lead,
    page=lambda line: len(line) < _ATTRIBUTION_MAX and _STATS.match(line) is not None,
    glued=re.compile(r"(?<=\S)Do you want to publish a course\? Click here\Z"),
    glued_ends=("Click here",),
)


def parse(text: str, path: str, as_of: date) -> ParseResult:
    """Read the main paper and every related abstract, with the attribution line that precedes it."""
    return ParseResult.collect(NAME, path, iter_parse(text.split("\n"), path, as_of))


def iter_parse(lines: Iterable[str], path: str, as_of: date) -> Iterator[ParseEvent]:
    """Yield the main paper when `Read More` is reached, then each related abstract as it is read."""
    content = ((n, raw.strip()) for n, raw in enumerate(lines, start=1))
    main: list[tuple[int, str]] = []
    for number, line in content:
        if not line:
            continue
        if line.casefold() == _READ_MORE:
            break
        main.append((number, line))
    work = _main_paper(main, path)
    if work is not None:
        yield work
    yield from _related(((n, ln) for n, ln in content if ln), path)


def _main_paper(block: list[tuple[int, str]], path: str) -> Work | None:
    title: str | None = None
    start = block[0][0] if block else 1
    year_date: str | None = None
    abstract: list[str] = []
    header_done = False
    for number, line in block:
        if is_chrome(line):
            continue
        if _STATS.match(line) or _ADDED_BY.match(line):
            header_done = True
            continue
        if m := _PUBLISHED.match(line):
            year_date = parse_date(m["date"])
            header_done = True
            continue
        if title is None and not header_done:
            title, start = line, number
        elif header_done:
            abstract.append(line)
        else:  # a second line before the stats line: the title wrapped
            title = f"{title} {line}"
    if title is None and not abstract:
        return None
    return Work(
        title=title,
        year=year_of(year_date),
        date=year_date,
        abstract=" ".join(abstract) or None,
        sources=(Source(NAME, path, start),),
    )


def _related(block: Iterable[tuple[int, str]], path: str) -> Iterator[ParseEvent]:
    attribution: tuple[int, re.Match[str]] | None = None
    for number, line in block:
        if line.casefold() in _END_OF_RELATED or line.casefold().startswith("fetching comments"):
            break
        if is_chrome(line):
            continue
        if len(line) < _ATTRIBUTION_MAX and (m := _ATTRIBUTION.match(line)):
            if attribution is not None:
                yield ParseIssue(path, attribution[0], "attribution line with no abstract; skipped")
            attribution = (number, m)
            continue
        authors: tuple[str, ...] = ()
        year: int | None = None
        start = number
        if attribution is not None:
            start, m = attribution
            authors = tuple(" ".join(a.split()) for a in m["names"].split(",") if a.strip())
            year = int(m["year"]) if m["year"] else None
            attribution = None
        yield Work(
            abstract=line,
            authors=authors,
            year=year,
            date=str(year) if year else None,
            sources=(Source(NAME, path, start),),
        )
    if attribution is not None:
        yield ParseIssue(path, attribution[0], "attribution line with no abstract; skipped")
