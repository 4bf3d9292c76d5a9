"""From inputs to records: read, detect the layout (or take the forced one), parse, as a stream of events."""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from scholarcli.layouts import REGISTRY, detect, get
from scholarcli.model import ParseEvent, ParseIssue, ParseResult, Profile, Work
from scholarcli.reading import InputError, LineInput, TextInput, iter_paths, normalise_text, open_input


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


Event = ParseEvent | FileStart | FileEnd | InputError

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
        found, _ = detect(source.head)
        if found is None:
            raise _unknown_layout(source)
        return found, True
    if layout not in REGISTRY:
        raise InputError(source.path, f"unknown layout {layout!r}; see `scholar formats`")
    return layout, False


def iter_source(source: LineInput, layout: str | None = None, as_of: date | None = None) -> Iterator[Event]:
    """Parse one opened input, yielding events as records are read. Problems arrive as InputError events."""
    try:
        chosen, detected = _choose_layout(source, layout)
    except InputError as exc:
        yield exc
        return
    yield FileStart(source.path, chosen, detected, source.encoding, source)
    if source.note:
        yield ParseIssue(source.path, 1, source.note)
    count = 0
    try:
        for event in get(chosen).iter_parse(source.lines(), source.path, as_of or date.today()):
            count += isinstance(event, Work)
            while source.warnings:
                line, message = source.warnings.popleft()
                yield ParseIssue(source.path, line, message)
            yield event
        while source.warnings:
            line, message = source.warnings.popleft()
            yield ParseIssue(source.path, line, message)
    except InputError as exc:
        yield exc
    except Exception as exc:  # a parser bug must not stop the other inputs
        yield ParserCrashError(
            source.path,
            f"the {chosen} parser failed ({type(exc).__name__}: {exc}); this is a bug, please report it "
            "(--debug shows the traceback)",
            traceback.format_exc(),
        )
    yield FileEnd(source.path, chosen, count)


def iter_events(paths: Iterable[str], layout: str | None = None, as_of: date | None = None) -> Iterator[Event]:
    """Every file the paths name, read line by line and parsed in order. One bad input never stops the others."""
    for raw in paths:
        for path in iter_paths(raw):
            if isinstance(path, InputError):
                yield path
                continue
            try:
                source = open_input(path)
            except InputError as exc:
                yield exc
                continue
            yield from iter_source(source, layout, as_of)


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
        elif isinstance(event, Work):
            result.works.append(event)
        elif isinstance(event, ParseIssue):
            result.issues.append(event)
        elif isinstance(event, Profile):
            result.profile = event
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
