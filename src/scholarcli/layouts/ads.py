"""NASA ADS (SciX) search results, as a browser copies them.

    1
    2016PhRvL.116f1102A
    02/2016
    cited: 11652
    Observation of Gravitational Waves from a Binary Black Hole Merger
    Abbott, B. P.; Abbott, R.; Abbott, T. D. and 1008 more
    Show Abstract

A result opens with its 19-character bibcode (the year is its first four digits), then the `MM/YYYY` date,
the `cited: N` count, the title and the authors (`Family, I.; …`, `and 1008 more` sets `authors_truncated`).
Result numbers, buttons and any abstract shown under a result are dropped. A bibcode with no title under it
is a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from scholarcli.layouts.base import Boundaries, walk
from scholarcli.model import ParseEvent, ParseIssue, ParseResult, Source, Work
from scholarcli.normalise.vocab import SNIFF_LINES

NAME = "ads"
SUMMARY = "NASA ADS results: `2016PhRvL.116f1102A` / `02/2016` / `cited: 123` / title / `Abbott, B. P.; … and 9 more`"

_BIBCODE = re.compile(r"^(?P<year>1[5-9]\d\d|20\d\d)[A-Za-z&][A-Za-z&.]{4}[\w.]{9}[A-Z.]$")
_DATE = re.compile(r"^(?P<month>0[1-9]|1[0-2]|00)/(?P<year>\d{4})$")
_CITED = re.compile(r"^cited:\s*(?P<n>\d[\d,]*)$", re.IGNORECASE)
_MORE = re.compile(r"\s*(?:;\s*)?\band\s+\d[\d,]*\s+more$")
_CHROME = re.compile(
    r"^(?:\d{1,5}|show abstract|hide abstract|select all|sort by\b.*|your search returned\b.*|search results|"
    r"astrophysics data system|scix|nasa/ads|full text sources|references|citations|[\d,]+ results?|bulk actions|"
    r"explore|export|(?:(?:[a-z_]+:(?:\"[^\"]*\"|\S+)|AND|OR|NOT)\s*)+)$",
    re.IGNORECASE,
)


@dataclass
class _Result:
    start: int
    bibcode: str
    when: str | None = None
    cited: int | None = None
    title: str | None = None
    authors: str | None = None


def sniff(text: str) -> float:
    """High with bibcode lines over `MM/YYYY` dates and `cited:` counts."""
    lines = [ln.strip() for ln in text.split("\n")[:SNIFF_LINES] if ln.strip()]
    codes = sum(1 for ln in lines if _anchor(ln))
    marks = sum(1 for ln in lines if _DATE.match(ln) or _CITED.match(ln))
    if not codes or not marks:
        return 0.0
    return min(1.0, 0.25 * codes + 0.1 * marks)


def _anchor(line: str) -> bool:
    """A bibcode line: what opens every result, and what no other layout prints alone on a line."""
    return len(line) == 19 and _BIBCODE.match(line) is not None


def _lead(before: Sequence[str], anchor: str) -> int:
    """The result number just above the first bibcode, and the page chrome above it (`Your search returned…`).
    Another bare number is no result number of ours (a year or a count cell of the page before)."""
    lead = 1 if before and before[-1].isdigit() and len(before[-1]) <= 5 else 0
    while lead < len(before) and not before[-lead - 1].isdigit() and _CHROME.match(before[-lead - 1]):
        lead += 1
    return lead


BOUNDARIES = Boundaries(anchor=_anchor, lead=_lead)


def parse(text: str, path: str, as_of: date) -> ParseResult:
    """Read every result of the list."""
    return ParseResult.collect(NAME, path, iter_parse(text.split("\n"), path, as_of))


def iter_parse(lines: Iterable[str], path: str, as_of: date) -> Iterator[ParseEvent]:
    """Yield each result at the next bibcode (or the end)."""
    result: _Result | None = None
    for line in walk(lines):
        text = line.text
        if _anchor(text):
            if result is not None:
                yield _work(result, path)
            result = _Result(line.number, text)
            continue
        if result is None or _CHROME.match(text):
            continue
        if result.title is None and (m := _DATE.match(text)):
            month = m["month"]
            result.when = m["year"] if month == "00" else f"{m['year']}-{month}"
        elif result.title is None and (m := _CITED.match(text)):
            result.cited = int(m["n"].replace(",", ""))
        elif result.title is None:
            result.title = text
        elif result.authors is None:
            result.authors = text  # lines after the authors are an abstract shown under the result
    if result is not None:
        yield _work(result, path)


def _work(result: _Result, path: str) -> Work | ParseIssue:
    if result.title is None:
        return ParseIssue(path, result.start, f"bibcode {result.bibcode} has no title under it; skipped")
    text = result.authors or ""
    cut = bool(_MORE.search(text))
    names = tuple(n.strip() for n in _MORE.sub("", text).split(";") if n.strip())
    return Work(
        title=result.title,
        authors=names,
        authors_truncated=cut,
        year=int(result.bibcode[:4]),
        date=result.when or result.bibcode[:4],
        citations=result.cited,
        sources=(Source(NAME, path, result.start),),
    )
