"""Google Scholar search results (scholar.google.com/scholar?q=…), as a browser copies them.

    [PDF] neurips.cc
    [PDF] Attention is all you need
    A Vaswani, N Shazeer, N Parmar… - Advances in neural …, 2017 - proceedings.neurips.cc
    The dominant sequence transduction models are based on complex recurrent or …
    Save Cite Cited by 152345 Related articles All 71 versions

A result is its title (a `[PDF]`, `[HTML]`, `[BOOK]` or `[CITATION]` mark may open it), its by-line (authors as
initials and family name, ` - ` venue and year, ` - ` the site) and a cut snippet (not kept), closed by the
footer of links with `Cited by N`. A name cut with `…` sets `authors_truncated`; `[BOOK]` sets `type: book`.
The link to a copy at the side (`[PDF] arxiv.org`) and the page's chrome are dropped. Titles and venues are
often cut with `…` by the site itself; they are kept as printed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from scholarcli.layouts.base import Boundaries, walk
from scholarcli.model import ParseEvent, ParseIssue, ParseResult, Source, Work
from scholarcli.normalise.vocab import SNIFF_LINES

NAME = "google-scholar-search"
SUMMARY = "Google Scholar search results: title / `A Vaswani, N Shazeer… - Venue, 2017 - site` / snippet / `Cited by N`"

_MARK = re.compile(r"^\[(?P<mark>PDF|HTML|DOC|DOCX|PS|BOOK|B|CITATION|C)\]\s*", re.IGNORECASE)
_DOMAIN = r"(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/\S*)?"
#: The link to a copy beside a result: `[PDF] arxiv.org`, `[HTML] nature.com`.
_SIDE_LINK = re.compile(rf"^\[(?:PDF|HTML|DOC|DOCX|PS)\]\s*{_DOMAIN}$", re.IGNORECASE)
_BYLINE = re.compile(r"^(?P<authors>[^\s-].*?)\s+[-–]\s+(?P<rest>.+)$")
#: One author as the by-line prints them: `A Vaswani`, `JA Doudna`, `N Parmar…`, or a name in full.
_AUTHOR = re.compile(r"^(?:[^\W\d_]{1,3}\s+)?[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,3}\s*(?:…|\.\.\.)?$")
_YEAR = re.compile(r"\b(1[5-9]\d\d|20[0-4]\d)\b")
_SITE = re.compile(rf"^{_DOMAIN}$", re.IGNORECASE)
_FOOTER = re.compile(
    r"(?:^|\s)(?:Cited by (?P<n>\d[\d,]*)|Related articles|All \d[\d,]* versions|Library Search)(?:\s|$)"
)
_CUT = ("…", "...")


@dataclass
class _Result:
    start: int
    title: str
    mark: str | None
    authors: tuple[str, ...]
    truncated: bool
    venue: str | None
    year: int | None
    citations: int | None = None


def _byline(text: str) -> tuple[tuple[str, ...], bool, str | None, int | None] | None:
    """(authors, cut, venue, year) of `A Vaswani, N Parmar… - Advances in neural …, 2017 - neurips.cc`."""
    m = _BYLINE.match(text)
    if m is None:
        return None
    items = [item.strip() for item in m["authors"].split(",")]
    if not items or not all(item in _CUT or _AUTHOR.match(item) for item in items):
        return None
    parts = [p.strip() for p in re.split(r"\s+[-–]\s+", m["rest"])]
    # the site closes the line: a domain (`nature.com`) or a publisher's name (`Wiley Online Library`)
    site = parts.pop() if len(parts) > 1 or _SITE.match(parts[-1]) else None
    where = " - ".join(parts)
    years = _YEAR.findall(where)
    if not years and not (site and _SITE.match(site)):
        return None  # a title with a dash in it (`CRISPR - a review`), not a by-line
    year = int(years[-1]) if years else None
    venue = re.sub(rf",?\s*{years[-1]}$", "", where).strip(" ,") if years else where
    cut = any(item in _CUT or item.endswith(_CUT) for item in items)
    names = tuple(n for n in (item.removesuffix("…").removesuffix("...").strip() for item in items) if n)
    return names, cut, venue or None, year


def sniff(text: str) -> float:
    """High with by-lines (`… - Venue, 2017 - site`) under titles and `Cited by N` footers."""
    bylines = footers = 0
    for line in text.split("\n")[:SNIFF_LINES]:
        line = line.strip()
        if " - " in line and _byline(line) is not None:
            bylines += 1
        elif _FOOTER.search(line) and ("Cited by" in line or "Related articles" in line):
            footers += 1
    if not bylines or not footers:
        return 0.0
    return min(1.0, 0.2 * bylines + 0.2 * footers)


#: The results page's chrome above its first result, as a browser copies it.
_PAGE_CHROME = re.compile(
    r"^(?:google scholar|articles|case law|about [\d,]+ results?\b.*|[\d,]+ results?\b.*|any time|since \d{4}|"
    r"custom range\.*…?|sort by (?:relevance|date)|any type|review articles|include (?:patents|citations)|"
    r"create alert|my profile|my library)$",
    re.IGNORECASE,
)
#: How far above a footer its result's by-line may stand (title, by-line, a snippet of a few lines).
_LEAD_WINDOW = 8


def _anchor(line: str) -> bool:
    """A result's footer of links: `Save Cite Cited by 152345 Related articles All 71 versions`."""
    return ("Related articles" in line or " versions" in line) and _FOOTER.search(line) is not None


def _lead(before: Sequence[str], anchor: str) -> int:
    """The first result above its footer (title, by-line, snippet; a side link above the title), and the
    page's chrome above it. Nothing when no by-line stands within a few lines of the footer."""
    for back in range(1, min(_LEAD_WINDOW, len(before)) + 1):
        if _byline(before[-back]) is not None:
            break
    else:
        return 0
    lead = min(back + 1, len(before))  # the by-line, what follows it, and the title above it
    if lead < len(before) and _SIDE_LINK.match(before[-lead - 1]):
        lead += 1
    while lead < len(before) and _PAGE_CHROME.match(before[-lead - 1]):
        lead += 1
    return lead


BOUNDARIES = Boundaries(anchor=_anchor, lead=_lead)


def parse(text: str, path: str, as_of: date) -> ParseResult:
    """Read every result of the page."""
    return ParseResult.collect(NAME, path, iter_parse(text.split("\n"), path, as_of))


def iter_parse(lines: Iterable[str], path: str, as_of: date) -> Iterator[ParseEvent]:
    """Yield each result at its footer, or at the next by-line when the footer was lost in the copy."""
    result: _Result | None = None
    previous: tuple[int, str] | None = None
    for line in walk(lines):
        text = line.text
        if _SIDE_LINK.match(text):
            continue
        footer = _FOOTER.search(text) if ("Cited by" in text or "Related" in text or "versions" in text) else None
        if footer is not None:
            if result is not None:
                result.citations = int(footer["n"].replace(",", "")) if footer["n"] else None
                yield _work(result, path)
                result = None
            elif previous is not None:
                yield ParseIssue(path, previous[0], f"result {previous[1][:60]!r} has no by-line; skipped")
            previous = None
            continue
        byline = _byline(text) if " - " in text or " – " in text else None
        if byline is not None:
            if result is not None:
                yield _work(result, path)
                result = None
            if previous is None:
                yield ParseIssue(path, line.number, f"by-line {text[:60]!r} has no title above it; skipped")
                continue
            start, title = previous
            mark = _MARK.match(title)
            result = _Result(start, title[mark.end():] if mark else title, mark["mark"].upper() if mark else None,
                             *byline)
            previous = None
            continue
        previous = (line.number, text)  # the title, when a by-line follows; else a snippet or the page's chrome
    if result is not None:
        yield _work(result, path)


def _work(result: _Result, path: str) -> Work:
    return Work(
        title=result.title.strip(),
        authors=result.authors,
        authors_truncated=result.truncated,
        year=result.year,
        date=str(result.year) if result.year else None,
        venue=result.venue,
        citations=result.citations,
        type="book" if result.mark in ("BOOK", "B") else None,
        sources=(Source(NAME, path, result.start),),
    )
