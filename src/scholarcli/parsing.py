"""From inputs to records: read, detect the layout (or take the forced one), split where another page starts,
parse each part, check each record, as a stream of events."""

from __future__ import annotations

import os
import stat
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from scholarcli.layouts import REGISTRY, detect_opening, get
from scholarcli.layouts.segments import Part, split
from scholarcli.model import ParseEvent, ParseIssue, ParseResult, Profile, Work
from scholarcli.plausible import cap, holds_whole_input, implausible
from scholarcli.reading import STDIN, InputError, LineInput, TextInput, iter_paths, normalise_text, open_input


class UnknownLayoutError(InputError):
    """Text in none of the known layouts."""


class ParserCrashError(InputError):
    """A parser raised on an input: a bug. The message says so; `traceback` keeps the details for --debug."""

    def __init__(self, path: str, message: str, details: str) -> None:
        super().__init__(path, message)
        self.traceback = details


@dataclass(frozen=True, slots=True)
class FileStart:
    """An input was opened: which layout it is read as, whether that was detected, and its encoding."""

    path: str
    layout: str
    detected: bool
    encoding: str
    source: LineInput


@dataclass(frozen=True, slots=True)
class FileEnd:
    """An input was read to its end, giving this many records."""

    path: str
    layout: str
    records: int


@dataclass(frozen=True, slots=True)
class PartStart:
    """A new part of an input starts at `line`: a page in another layout, or a second page of the same one."""

    path: str
    layout: str
    line: int


Event = ParseEvent | FileStart | FileEnd | InputError | PartStart

#: Lines longer than this (characters) are not in any page layout.
LONG_LINE = 1_000_000


def _unknown_layout(source: LineInput) -> UnknownLayoutError:
    longest, number = 0, 0
    if len(source.head) > LONG_LINE:
        for n, line in enumerate(source.head.split("\n"), start=1):
            if len(line) > longest:
                longest, number = len(line), n
    if longest > LONG_LINE:
        return UnknownLayoutError(
            source.path,
            f"line {number} runs to more than {LONG_LINE // 1_000_000} million characters, which no page layout "
            "has (minified HTML or data?); save the page as plain text",
        )
    return UnknownLayoutError(
        source.path, "text is in no known layout; see `scholar formats`, or force one with --from"
    )


def _choose_layout(source: LineInput, layout: str | None) -> tuple[str, bool]:
    if layout is None:
        found, _ = detect_opening(source.head)
        if found is None:
            raise _unknown_layout(source)
        return found, True
    if layout not in REGISTRY:
        raise InputError(source.path, f"unknown layout {layout!r}; see `scholar formats`")
    return layout, False


def iter_source(source: LineInput, layout: str | None = None, as_of: date | None = None) -> Iterator[Event]:
    """Parse one opened input, yielding events as records are read. Problems arrive as InputError events.

    A detected input is split where a page of another layout starts (see layouts/segments.py), and each part
    is read in its own layout. Every record is checked (see plausible.py): implausible ones are warnings.
    """
    try:
        chosen, detected = _choose_layout(source, layout)
    except InputError as exc:
        yield exc
        return
    yield FileStart(source.path, chosen, detected, source.encoding, source)
    if source.note:
        yield ParseIssue(source.path, 1, source.note)
    count = 0
    part_layout = chosen
    try:
        for part in split(source.lines(), chosen, detect=detected):
            part_layout = part.layout
            if part.index:
                yield PartStart(source.path, part.layout, part.first_line)
            for event in _read_part(source, part, as_of or date.today(), forced=not detected):
                count += isinstance(event, Work)
                yield event
    except InputError as exc:
        yield exc
    except Exception as exc:  # a parser bug must not stop the other inputs
        yield ParserCrashError(
            source.path,
            f"the {part_layout} parser failed ({type(exc).__name__}: {exc}); this is a bug, please report it "
            "(--debug shows the traceback)",
            traceback.format_exc(),
        )
    yield from _warnings(source)
    yield FileEnd(source.path, chosen, count)


def _warnings(source: LineInput) -> Iterator[ParseIssue]:
    while source.warnings:
        line, message = source.warnings.popleft()
        yield ParseIssue(source.path, line, message)


def _read_part(source: LineInput, part: Part, as_of: date, forced: bool) -> Iterator[Event]:
    """One part's records, renumbered to the input's lines, capped, and checked for plausibility."""
    first: Work | None = None  # held back until a second record shows it is not the whole part
    kept = dropped = 0
    events = get(part.layout).iter_parse(part.lines, source.path, as_of)
    while True:
        try:
            event = next(events)
        except StopIteration:
            break
        except Exception:
            if first is not None:
                yield first  # read before the parser failed
            raise
        if source.warnings:
            yield from _warnings(source)
        if part.shifted:
            event = _renumbered(event, part)
        if not isinstance(event, Work):
            yield event
            continue
        work, notes = cap(event)
        if notes:
            line = work.sources[0].line if work.sources else part.first_line
            for note in notes:
                yield ParseIssue(source.path, line, note)
        reason = implausible(work)
        if reason is not None:
            dropped += 1
            line = work.sources[0].line if work.sources else part.first_line
            yield ParseIssue(source.path, line, f"record does not read as {part.layout}: {reason}; skipped")
            continue
        if first is None and kept == 0:
            first = work
            kept = 1
            continue
        if first is not None:
            yield first
            first = None
        kept += 1
        yield work
    if first is not None:
        if kept == 1 and holds_whole_input(first, part.sample):
            dropped += 1
            kept = 0
            line = first.sources[0].line if first.sources else part.first_line
            yield ParseIssue(source.path, line, f"record does not read as {part.layout}: it holds the whole "
                                                "text; skipped")
        else:
            yield first
    if not kept and (dropped or forced):
        how = "forced with --from" if forced else "detected"
        found = "no record in it is plausible" if dropped else "no record found in it"
        yield InputError(source.path, f"text does not fit the {part.layout} layout ({how}): {found}; "
                                      "see `scholar formats`")


def _renumbered(event: ParseEvent, part: Part) -> ParseEvent:
    if isinstance(event, Work) and event.sources:  # the last source is where it was read (JSON carries others)
        *carried, own = event.sources
        return event.with_changes(sources=(*carried, replace(own, line=part.number(own.line))))
    if isinstance(event, ParseIssue):
        return replace(event, line=part.number(event.line))
    return event


def iter_events(paths: Iterable[str], layout: str | None = None, as_of: date | None = None,
                seen: set[tuple[int, int]] | None = None) -> Iterator[Event]:
    """Every file the paths name, read line by line and parsed in order. One bad input never stops the others.
    A regular file is read once, however often the paths name it (`seeds seeds`, a link beside its target):
    `seen` holds the files read so far, to share it across calls."""
    seen = set() if seen is None else seen
    for raw in paths:
        for path in iter_paths(raw):
            if isinstance(path, InputError):
                yield path
                continue
            if (key := _file_key(path)) is not None:
                if key in seen:
                    yield InputError(path, "is a file already read (named twice, or linked); skipped")
                    continue
                seen.add(key)
            try:
                source = open_input(path)
            except InputError as exc:
                yield exc
                continue
            yield from iter_source(source, layout, as_of)


def _file_key(path: str) -> tuple[int, int] | None:
    """The (device, inode) of a regular file, or None for stdin, special files and paths that cannot be read."""
    if path == STDIN:
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino) if stat.S_ISREG(info.st_mode) else None


def parse_input(source: TextInput, layout: str | None = None, as_of: date | None = None) -> ParseResult:
    """Parse one decoded input into a result; raises InputError if it cannot be read in any layout."""
    lines = LineInput.from_text(source.path, source.text, source.encoding, source.note)
    return _collect(iter_source(lines, layout, as_of), source.path)


def _collect(events: Iterable[Event], path: str) -> ParseResult:
    result = ParseResult(layout="", path=path)
    for event in events:
        if isinstance(event, InputError):
            raise event
        if isinstance(event, FileStart):
            result.layout, result.detected, result.encoding = event.layout, event.detected, event.encoding
        elif isinstance(event, Work | ParseIssue | Profile):
            result.add(event)
    return result


def parse_text(text: str, layout: str | None = None, as_of: date | None = None, path: str = "<text>") -> list[Work]:
    """Parse a page's text into works (one per record, file order). Raises InputError if no layout fits."""
    return parse_input(TextInput(path, normalise_text(text), "str"), layout, as_of).works


def parse_paths(paths: Iterable[str], layout: str | None = None, as_of: date | None = None) -> list[Work]:
    """Parse files, folders and `-` into works, in file order. Raises the first InputError met."""
    works: list[Work] = []
    for event in iter_events(paths, layout, as_of):
        if isinstance(event, InputError):
            raise event
        if isinstance(event, Work):
            works.append(event)
    return works
