"""arXiv abstracts without titles: an abstract, an optional comment line, then the `arXiv:ID` that closes it.

The identifier is glued to the start of the next abstract, and the last line is a bare identifier:

    Self-supervised learning (SSL) ...
    12 pages
    arXiv:2103.13559Mixup linearly interpolates ...
    ...
    arXiv:1906.07052

A variant puts the identifier alone on its line, followed by the date of the first version, and a blank
line before the next abstract; `Created:` gives the record's date and is never abstract text:

    Pretrained language models ...
    26 Pages
    arXiv:2502.16859
    Created: 2025-02-24

Text after the last identifier is an abstract whose identifier was cut off (kept, with a warning) when a line of
it reads as prose; short lines alone are the page's chrome (dropped, with a warning).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)
from scholarcli.layouts.base import Boundaries, walk
from scholarcli.model import ParseEvent, ParseIssue, ParseResult, Source, Work
from scholarcli.normalise.dates import parse_date, year_of
from scholarcli.normalise.identifiers import match_arxiv_id
from scholarcli.normalise.vocab import SNIFF_LINES

NAME = "arxiv-abstracts"
SUMMARY = "arXiv abstracts without titles, each closed by an `arXiv:ID` glued to the next abstract"

_PREFIX = re.compile(r"arXiv:\s?", re.IGNORECASE)
_CREATED = re.compile(r"^Created:\s*(?P<date>.+?)(?:[ T]\d{1,2}:\d{2}(?::\d{2})?\S*(?:\s+\S+)?)?$", re.IGNORECASE)
#: The longest line read as a comment (`12 pages`, `Accepted by CVPR 2020`) rather than abstract text.
COMMENT_MAX = 200
#: Lines after the last identifier are an abstract cut off (kept) when one of them has this many words; short
#: lines alone (`Help`, `Privacy`, `© 2025 Cornell University`) are a page's chrome (dropped, with a warning).
ABSTRACT_LINE_WORDS = 8
_SENTENCE_END = (".", "!", "?", ")", "]", '"', "”", "'", "$", "}")


@dataclass
class _Pending:
    start: int
    lines: list[str] = field(default_factory=list)


def sniff(text: str) -> float:
    """High when many lines start with `arXiv:ID` and the text has no `Authors:` lines."""
    lines = [ln.strip() for ln in text.split("\n")[:SNIFF_LINES] if ln.strip()]
    if not lines or any(ln.startswith("Authors:") for ln in lines):
        return 0.0
    ids = sum(1 for ln in lines if _leading_id(ln) is not None)
    if ids == 0:
        return 0.0
    return min(1.0, 0.5 + ids / len(lines))


def _leading_id(line: str) -> tuple[str, int | None, str] | None:
    """(id, version, rest of line) when the line starts with `arXiv:ID`."""
    m = _PREFIX.match(line)
    if not m:
        return None
    found = match_arxiv_id(line, m.end())
    if found is None:
        return None
    return found.id, found.version, line[found.end:].strip()


def _anchor(line: str) -> bool:
    """`arXiv:ID` closing an abstract (not an `arXiv:ID [pdf, other]` listing header)."""
    if line[:6].casefold() != "arxiv:":
        return False
    leading = _leading_id(line)
    return leading is not None and not leading[2].startswith("[")


def _lead(before: Sequence[str], anchor: str) -> int:
    """The abstract above a first `arXiv:ID`, and the comment line between them."""
    if not before:
        return 0
    return 2 if len(before) > 1 and len(before[-1]) <= COMMENT_MAX < len(before[-2]) else 1


#: A record is closed by its `arXiv:ID`; the abstract (and comment) above the first one opens the page.
BOUNDARIES = Boundaries(anchor=_anchor, lead=_lead)


def parse(text: str, path: str, as_of: date) -> ParseResult:
    """Read each abstract with the comment and identifier that follow it."""
    return ParseResult.collect(NAME, path, iter_parse(text.split("\n"), path, as_of))


def iter_parse(lines: Iterable[str], path: str, as_of: date) -> Iterator[ParseEvent]:
    """Yield each abstract's record once the line after its closing identifier is read, and any damaged block."""
    pending: _Pending | None = None
    closed: Work | None = None  # closed by its identifier; a `Created:` line may still follow
    for number, line in ((ln.number, ln.text) for ln in walk(lines)):
        if closed is not None:
            created = _CREATED.match(line)
            dated = parse_date(created["date"], as_of) if created else None
            if created and dated is None:
                yield ParseIssue(path, number, f"unreadable date {created['date'][:80]!r}; kept without it")
            if dated is not None:
                closed = closed.with_changes(date=dated, year=year_of(dated))
            yield closed
            closed = None
            if created:
                continue
        elif _CREATED.match(line):
            yield ParseIssue(path, number, "`Created:` line after no arXiv id; dropped")
            continue
        leading = _leading_id(line)
        if leading is None:
            if pending is None:
                pending = _Pending(number)
            pending.lines.append(line)
            continue
        ident, version, rest = leading
        if pending is None:
            yield ParseIssue(path, number, f"arXiv:{ident} closes no abstract; skipped")
        else:
            closed = _work(pending, ident, version, Source(NAME, path, pending.start))
        pending = _Pending(number, [rest]) if rest else None
    if closed is not None:
        yield closed
    if pending is not None and not any(len(line.split()) >= ABSTRACT_LINE_WORDS for line in pending.lines):
        yield ParseIssue(path, pending.start, f"{len(pending.lines)} line(s) after the last arXiv id read as no "
                         f"abstract (page chrome?); dropped: {pending.lines[0][:60]!r}")
    elif pending is not None:
        yield ParseIssue(path, pending.start, "last abstract has no closing arXiv id (dump cut off?); kept without one")
        yield _work(pending, None, None, Source(NAME, path, pending.start))


def _work(pending: _Pending, ident: str | None, version: int | None, source: Source) -> Work:
    lines = pending.lines
    comment: str | None = None
    # A comment follows an abstract that has ended its sentence; after `…of the` the short line is the
    # rest of an abstract wrapped over several lines.
    if len(lines) > 1 and len(lines[-1]) <= COMMENT_MAX and lines[-2].endswith(_SENTENCE_END):
        comment = lines[-1]
        lines = lines[:-1]
    found = match_arxiv_id(ident) if ident else None
    return Work(
        abstract=" ".join(lines) or None,
        comment=comment,
        arxiv_id=ident,
        arxiv_version=version,
        year=found.year if found else None,
        date=found.date if found else None,
        type="preprint" if ident else None,
        venue="arXiv" if ident else None,
        sources=(source,),
    )
