"""INSPIRE-HEP literature results and author pages (inspirehep.net), as a browser copies them.

    Anti-de Sitter space and holography
    Edward Witten (Princeton, Inst. Advanced Study)
    Feb 20, 1998
    40 pages
    Published in: Adv.Theor.Math.Phys. 2 (1998) 253-291
    e-Print: hep-th/9802150 [hep-th]
    DOI: 10.4310/ATMP.1998.v2.n2.a1
    cite
    claim
    reference search
    14,870 citations

A result is its title, its authors (affiliations in brackets dropped; `ATLAS Collaboration • Georges Aad et
al.` keeps the collaboration and marks the list cut), its date line, then optional `N pages`, `Published in:`
(the venue; the year in brackets), `e-Print:` (the arXiv id), `DOI:`, `Report number:` and `Contribution to:`
lines, the buttons, and `N citations`. The date line opens a result: the two lines above it are its title and
authors; any other line above them that is not page chrome is a warning, never read in silence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from scholarcli.layouts.base import Boundaries, walk
from scholarcli.model import ParseEvent, ParseIssue, ParseResult, Source, Work
from scholarcli.normalise.dates import parse_date, year_of
from scholarcli.normalise.identifiers import find_doi, match_arxiv_id
from scholarcli.normalise.vocab import SNIFF_LINES

NAME = "inspire"
SUMMARY = "INSPIRE-HEP results: title / authors (affiliations) / `Jul 31, 2012` / `Published in:` / `e-Print:`"

#: `Jul 31, 2012`, `Nov 1997`, `1998`: INSPIRE's date line, alone on its line.
_DATE = re.compile(r"^(?:(?:[A-Z][a-z]{2}\s+)?(?:\d{1,2},\s+)?)?(?:1[89]|20)\d\d$")
_FIELD = re.compile(
    r"^(?P<label>Published in|e-Print|DOI|Report number|Contribution to|Part of|Published by|Proceedings of)\s*:\s*"
    r"(?P<value>.*)$"
)
_PAGES = re.compile(r"^\d+\s+pages?$")
_CITATIONS = re.compile(r"^(?P<n>\d[\d,]*)\s+citations?$", re.IGNORECASE)
_BUTTONS = frozenset(
    {"pdf", "cite", "claim", "reference search", "links", "datasets", "cite all", "citation summary",
     "most recent", "most cited", "least recent", "literature", "authors", "jobs", "seminars", "conferences",
     "institutions", "experiments", "journals", "inspire", "help", "submit", "login", "search", "export",
     "show all", "exclude self-citations", "published only"}
)
_CHROME = re.compile(r"^(?:\d[\d,]*\s+results?|Sort by\b.*|Showing \d.*|Page \d+.*)$", re.IGNORECASE)
_AFFILIATION = re.compile(r"\s*\([^()]*\)")
_ET_AL = re.compile(r"\s*\bet\s+al\.?$")


@dataclass
class _Result:
    start: int
    title: str
    authors: str
    when: str | None
    fields: dict[str, str] = field(default_factory=dict)
    citations: int | None = None


def sniff(text: str) -> float:
    """High with `e-Print:`, `Published in:` and `reference search` lines beside `N citations`."""
    eprints = published = buttons = counts = 0
    for line in text.split("\n")[:SNIFF_LINES]:
        line = line.strip()
        if line.startswith("e-Print:"):
            eprints += 1
        elif line.startswith("Published in:"):
            published += 1
        elif line == "reference search":
            buttons += 1
        elif _CITATIONS.match(line):
            counts += 1
    marks = eprints + published + buttons
    if not marks or not counts:
        return 0.0
    return min(1.0, 0.15 * marks + 0.1 * counts)


#: The site's name, the first line of a whole page's copy (the logo's text), once per page.
_BRAND = "INSPIRE"
#: The buttons under a result (the page's menus are in _BUTTONS too, and are no sign of a result).
_RESULT_BUTTONS = frozenset({"pdf", "cite", "claim", "reference search", "links", "datasets"})
#: How far above the first result the site's name may stand (the person's name, affiliations, tabs).
_HEADER_WINDOW = 12


def _anchor(line: str) -> bool:
    """The lines of a result no other layout prints: `e-Print: 1503.01409 [hep-th]`, `Published in: …`, the
    `reference search` button and the `3,012 citations` count (lower case)."""
    if line[:1] in "eP":
        return line.startswith(("e-Print:", "Published in:"))
    return line == "reference search" or (line.endswith((" citations", " citation")) and _COUNT.match(line) is not None)


_COUNT = re.compile(r"^\d[\d,]* citations?$")


def _in_result(line: str) -> bool:
    """A line a result has below its date line: a field, `N pages` or a result's button."""
    return line.casefold() in _RESULT_BUTTONS or _FIELD.match(line) is not None or _PAGES.match(line) is not None


def _lead(before: Sequence[str], anchor: str) -> int:
    """The first result above its anchor (its fields and buttons, the date line, the authors and title above
    it; results with no anchor of their own above it too, each closed by a button or field), then the page's
    chrome: the result count and menus, and the header up to the site's name when it stands a few lines up."""
    lead = 0
    while True:
        below = lead
        while below < len(before) and _in_result(before[-below - 1]):
            below += 1
        if lead and below == lead:
            break  # a result above the first one ends with a button or field line
        if below + 3 > len(before) or not _DATE.match(before[-below - 1]):
            break
        lead = below + 3  # the date line, the authors and the title above it
    if not lead:
        return 0
    while lead < len(before) and _is_chrome(before[-lead - 1]):
        lead += 1
    for back in range(lead + 1, min(len(before), lead + _HEADER_WINDOW) + 1):
        if before[-back] == _BRAND:
            return back
    return lead


BOUNDARIES = Boundaries(
    anchor=_anchor,
    lead=_lead,
    page=lambda line: line == _BRAND,
    glued=re.compile(r"(?<=\S)INSPIRE\Z"),
    glued_ends=(_BRAND,),
)


def parse(text: str, path: str, as_of: date) -> ParseResult:
    """Read every result of the page."""
    return ParseResult.collect(NAME, path, iter_parse(text.split("\n"), path, as_of))


def iter_parse(lines: Iterable[str], path: str, as_of: date) -> Iterator[ParseEvent]:
    """Yield each result when the next date line (or the end) shows where it stops."""
    result: _Result | None = None
    above: list[tuple[int, str]] = []  # lines since the last result's fields: chrome, then a title and authors
    for line in walk(lines):
        text = line.text
        if _DATE.match(text) and len(above) >= 2:
            if result is not None:
                yield _work(result, path)
            *rest, (start, title), (_, authors) = above
            stray = [(n, t) for n, t in rest if not _is_chrome(t)]
            if stray and result is not None:
                yield ParseIssue(path, stray[0][0], f"{len(stray)} line(s) between results not read: {stray[0][1]!r}")
            result = _Result(start, title, authors, parse_date(text))
            above = []
            continue
        if result is not None and not above:
            if m := _FIELD.match(text):
                result.fields.setdefault(m["label"], m["value"].strip())
                continue
            if m := _CITATIONS.match(text):
                result.citations = int(m["n"].replace(",", ""))
                continue
            if _PAGES.match(text) or text.casefold() in _BUTTONS:
                continue
        if _is_chrome(text) and not above:
            continue
        above.append((line.number, text))
    if result is not None:
        yield _work(result, path)
    stray = [(n, t) for n, t in above if not _is_chrome(t)]
    if stray:
        yield ParseIssue(path, stray[0][0], f"{len(stray)} line(s) after the last result not read: {stray[0][1]!r}")


def _is_chrome(text: str) -> bool:
    return text.casefold() in _BUTTONS or bool(_CHROME.match(text)) or bool(_PAGES.match(text))


def _authors(text: str) -> tuple[tuple[str, ...], bool]:
    """`ATLAS Collaboration • Georges Aad (Freiburg U.) et al.` -> the names, and whether the list is cut."""
    plain = _AFFILIATION.sub("", text).strip()
    cut = bool(_ET_AL.search(plain))
    plain = _ET_AL.sub("", plain)
    names = [n.strip() for part in plain.split("•") for n in part.split(",")]
    return tuple(n for n in names if n), cut


def _work(result: _Result, path: str) -> Work:
    authors, cut = _authors(result.authors)
    published = result.fields.get("Published in")
    venue = re.split(r"\s+\d", published, maxsplit=1)[0].strip() if published else None
    arxiv = match_arxiv_id(result.fields.get("e-Print", "").split(" ")[0])
    doi = find_doi(result.fields.get("DOI", ""))
    year = year_of(result.when)
    return Work(
        title=result.title,
        authors=authors,
        authors_truncated=cut,
        year=year,
        date=result.when,
        venue=venue or None,
        journal_ref=published,
        doi=doi,
        arxiv_id=arxiv.id if arxiv else None,
        citations=result.citations,
        sources=(Source(NAME, path, result.start),),
    )
