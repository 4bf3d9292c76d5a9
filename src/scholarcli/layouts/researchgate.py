"""ResearchGate profile research lists, as a browser copies them.

    Article
    Full-text available
    A multifaceted program causes lasting progress for the very poor: Evidence from six countries
    May 2015 · Science
    Abhijit Banerjee · Esther Duflo · Nathanael Goldberg · [...] · Christopher Udry

An item is its type (`Article`, `Book`, `Chapter`, `Conference Paper`, `Preprint`, …), optional availability
badges (`Full-text available`), the title, the date line (`May 2015`, with ` · Venue` when there is one) and
the authors set apart by ` · ` (`[...]` marks names left out, and sets `authors_truncated`). Buttons and counts
(`Cite`, `Download`, `123 Reads`) are dropped. An item without a date line is kept without a date when its
authors follow the title, else skipped; either is a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from scholarcli.layouts.base import Boundaries, walk
from scholarcli.model import ParseEvent, ParseIssue, ParseResult, Source, Work
from scholarcli.normalise.dates import MONTH_PATTERN, parse_date, year_of
from scholarcli.normalise.identifiers import find_doi
from scholarcli.normalise.names import looks_like_name
from scholarcli.normalise.vocab import SNIFF_LINES

NAME = "researchgate"
SUMMARY = "ResearchGate research list: `Article` / title / `May 2015 · Science` / `A. Banerjee · E. Duflo · [...]`"

#: ResearchGate's item types -> the `type` scholar uses (others: lower case, hyphenated).
TYPES = {
    "article": "article", "book": "book", "chapter": "chapter", "conference paper": "inproceedings",
    "preprint": "preprint", "working paper": "preprint", "thesis": "thesis", "data": "dataset",
    "dataset": "dataset", "patent": "patent", "technical report": "report",
    "presentation": "presentation", "poster": "poster", "book review": "review", "literature review": "review",
    "code": "software", "method": "other", "experiment findings": "other", "cover page": "other",
    "research proposal": "other",
}
_BADGES = frozenset(
    {"full-text available", "file available", "publisher preview available", "preview available", "cite",
     "download", "share", "request full-text", "read", "follow", "recommend", "show more", "more",
     "download citation", "copy link"}
)
_DATE_LINE = re.compile(
    rf"^(?P<when>(?:{MONTH_PATTERN})\s+(?:1[5-9]|20)\d\d|(?:1[5-9]|20)\d\d)(?:\s*·\s*(?P<venue>.+))?$"
)
_COUNT = re.compile(r"^\d[\d,]*\s+(?:Reads?|Citations?|Recommendations?)$", re.IGNORECASE)


@dataclass
class _Item:
    start: int
    kind: str
    title: str | None = None
    when: str | None = None
    venue: str | None = None
    authors: str | None = None
    doi: str | None = None


def _type(text: str) -> str | None:
    return TYPES.get(text.casefold()) if len(text) < 30 else None


def sniff(text: str) -> float:
    """High with type lines over a title and a `May 2015 · Venue` date line, two lines down."""
    lines = [ln.strip() for ln in text.split("\n")[:SNIFF_LINES] if ln.strip()]
    items = 0
    for i, line in enumerate(lines):
        if _type(line) is None:
            continue
        ahead = [ln for ln in lines[i + 1:i + 5] if ln.casefold() not in _BADGES][:2]
        if len(ahead) == 2 and _DATE_LINE.match(ahead[1]):
            items += 1
    if items < 2:
        return 0.0
    return min(1.0, 0.2 * items + (0.2 if any("ResearchGate" in ln for ln in lines[:50]) else 0.0))


#: The site's name, the first line of a whole page's copy (the logo's text), once per page.
_BRAND = "ResearchGate"
#: The availability badges over a title: ResearchGate's own words.
_AVAILABILITY = frozenset({"Full-text available", "File available", "Publisher preview available",
                           "Request full-text"})
#: The profile's tabs and headings above its research list.
_CHROME = frozenset({"overview", "research", "stats", "scores", "experience", "network", "followers", "following",
                     "publications", "research items", "articles", "preprints", "all research", "about", "contact"})
_ITEMS = re.compile(r"^(?:Research items|Publications|Articles)\s*\(?\d[\d,]*\)?$", re.IGNORECASE)
#: How far above the first item the site's name may stand (the person's name, affiliation, tabs).
_HEADER_WINDOW = 12
#: The most lines between an item's type line and its date line: badges and the title.
_ITEM_HEAD = 5


def _anchor(line: str) -> bool:
    """The lines of an item no other layout prints: an availability badge (`Full-text available`), a date line
    with a venue (`May 2015 · Science`) and the `1,204 Reads` count."""
    if " · " in line:
        return (m := _DATE_LINE.match(line)) is not None and m["venue"] is not None
    return line in _AVAILABILITY or (line.endswith(("Reads", "Read")) and _COUNT.match(line) is not None)


def _lead(before: Sequence[str], anchor: str) -> int:
    """The first item above its anchor: the type line over its badges and title (and, above a `Reads` count,
    its date and authors lines), then the profile's tabs, and the header up to the site's name when it stands
    a few lines up. Nothing when no type line stands within a few lines."""
    lead = next((back for back in range(1, min(len(before), _ITEM_HEAD + 2) + 1)
                 if _type(before[-back]) is not None), 0)
    if not lead:
        return 0
    while lead < len(before) and (before[-lead - 1].casefold() in _CHROME or _ITEMS.match(before[-lead - 1])):
        lead += 1
    for back in range(lead + 1, min(len(before), lead + _HEADER_WINDOW) + 1):
        if before[-back] == _BRAND:
            return back
    return lead


#: The badges that stand over an item's title (`Request full-text` is a button under the item).
_OVER_TITLE = frozenset({"Full-text available", "File available", "Publisher preview available"})


def _tail(anchor: str, after: Sequence[str]) -> int:
    """The lines after the page's last anchor that end its items: the authors line under a `May 2015 · Venue`
    anchor (the title, date and authors lines under a badge), buttons and counts, and whole items with no
    anchor of their own (a type line over its title and date line, and an authors line)."""
    state = "authors" if " · " in anchor else "title" if anchor in _OVER_TITLE else None
    kept = 0
    for i, line in enumerate(after):
        if line.casefold() in _BADGES or _COUNT.match(line):
            kept = i + 1 if state is None else kept
            continue
        if state == "authors" and _type(line) is None:
            state, kept = None, i + 1
            continue
        if state == "title":
            state = "date"
        elif state == "date":
            if not _DATE_LINE.match(line):
                break
            state, kept = "authors", i + 1
        elif _type(line) is not None:
            state = "title"
        else:
            break
    return kept


BOUNDARIES = Boundaries(
    anchor=_anchor,
    lead=_lead,
    tail=_tail,
    page=lambda line: line == _BRAND,
    glued=re.compile(r"(?<=\S)ResearchGate\Z"),
    glued_ends=(_BRAND,),
)


def parse(text: str, path: str, as_of: date) -> ParseResult:
    """Read every item of the list."""
    return ParseResult.collect(NAME, path, iter_parse(text.split("\n"), path, as_of))


def iter_parse(lines: Iterable[str], path: str, as_of: date) -> Iterator[ParseEvent]:
    """Yield each item at the next type line (or the end)."""
    item: _Item | None = None
    for line in walk(lines):
        text = line.text
        kind = _type(text)
        if kind is not None:
            if item is not None and item.title is not None:  # a type line alone (a filter) holds nothing
                yield from _finish(item, path)
            item = _Item(line.number, kind)
            continue
        if item is None or text.casefold() in _BADGES or _COUNT.match(text):
            continue
        if item.title is None:
            item.title = text
        elif item.when is None and (m := _DATE_LINE.match(text)):
            item.when, item.venue = parse_date(m["when"]), m["venue"]
        elif item.when is None and item.authors is None and ("·" in text or looks_like_name(text)):
            item.authors = text  # an item printed (or copied) without its date line
        elif item.when is not None and item.authors is None and "DOI" not in text:
            item.authors = text
        elif (doi := find_doi(text)) is not None and item.doi is None:
            item.doi = doi
    if item is not None:
        yield from _finish(item, path)


def _finish(item: _Item, path: str) -> Iterator[ParseEvent]:
    """The item's work; one without a date line but with its authors is kept without a date, with a warning."""
    if item.title is None or (item.when is None and item.authors is None):
        what = repr(item.title) if item.title else "a type line"
        yield ParseIssue(path, item.start, f"{what} has no date line under it; skipped")
        return
    if item.when is None:
        yield ParseIssue(path, item.start, f"{item.title!r} has no date line under it; kept without a date")
    yield _work(item, path)


def _work(item: _Item, path: str) -> Work:
    names = [n.strip() for n in (item.authors or "").split("·")]
    cut = any(n in ("[...]", "[…]", "...", "…") for n in names)
    venue = item.venue
    if venue and (doi := find_doi(venue)) is not None:
        item.doi = item.doi or doi
        venue = re.split(r"\s*·?\s*DOI\s*:?", venue)[0].strip() or None
    return Work(
        title=item.title,
        authors=tuple(n for n in names if n and n not in ("[...]", "[…]", "...", "…")),
        authors_truncated=cut,
        year=year_of(item.when),
        date=item.when,
        venue=venue,
        doi=item.doi,
        type=item.kind,
        sources=(Source(NAME, path, item.start),),
    )
