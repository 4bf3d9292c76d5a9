"""From inputs to parse results: read, detect the layout (or take the forced one), parse."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from scholarcli.layouts import REGISTRY, detect, get
from scholarcli.model import ParseIssue, ParseResult, Work
from scholarcli.reading import InputError, TextInput, expand_path, normalise_text, read_input


class UnknownLayoutError(InputError):
    """Text in none of the known layouts."""


class ParserCrashError(InputError):
    """A parser raised on an input: a bug. The message says so; `traceback` keeps the details for --debug."""

    def __init__(self, path: str, message: str, traceback: str) -> None:
        super().__init__(path, message)
        self.traceback = traceback


#: Lines longer than this (characters) are not in any page layout.
LONG_LINE = 1_000_000


def _unknown_layout(source: TextInput) -> UnknownLayoutError:
    longest, number = 0, 0
    if len(source.text) > LONG_LINE:
        for n, line in enumerate(source.text.split("\n"), start=1):
            if len(line) > longest:
                longest, number = len(line), n
    if longest > LONG_LINE:
        return UnknownLayoutError(
            source.path,
            f"line {number} is {longest / 1e6:.1f} million characters long, which no page layout has "
            "(minified HTML or data?); save the page as plain text",
        )
    return UnknownLayoutError(
        source.path, "text is in no known layout; see `scholar formats`, or force one with --from"
    )


def parse_input(source: TextInput, layout: str | None = None, as_of: date | None = None) -> ParseResult:
    """Parse one decoded input in the given layout, or in the one detected from its text."""
    detected = layout is None
    if layout is None:
        layout, _ = detect(source.text)
        if layout is None:
            raise _unknown_layout(source)
    if layout not in REGISTRY:
        raise InputError(source.path, f"unknown layout {layout!r}; see `scholar formats`")
    try:
        result = get(layout).parse(source.text, source.path, as_of or date.today())
    except Exception as exc:  # a parser bug must not stop the other inputs
        import traceback

        raise ParserCrashError(
            source.path,
            f"the {layout} parser failed ({type(exc).__name__}: {exc}); this is a bug, please report it "
            "(--debug shows the traceback)",
            traceback.format_exc(),
        ) from exc
    result.encoding, result.detected = source.encoding, detected
    if source.note:
        result.issues.insert(0, ParseIssue(source.path, 1, source.note))
    return result


def iter_results(
    paths: Iterable[str], layout: str | None = None, as_of: date | None = None
) -> Iterator[ParseResult | InputError]:
    """Parse every file that the paths name, in order, yielding each result or the error that stopped it.

    One bad input never stops the others.
    """
    for raw in paths:
        try:
            files = expand_path(raw)
        except InputError as exc:
            yield exc
            continue
        for path in files:
            try:
                yield parse_input(read_input(path), layout, as_of)
            except InputError as exc:
                yield exc


def parse_text(text: str, layout: str | None = None, as_of: date | None = None, path: str = "<text>") -> list[Work]:
    """Parse a page's text into works (one per record, file order). Raises InputError if no layout fits."""
    return parse_input(TextInput(path, normalise_text(text), "str"), layout, as_of).works


def parse_paths(paths: Iterable[str], layout: str | None = None, as_of: date | None = None) -> list[Work]:
    """Parse files, folders and `-` into works, in file order. Raises the first InputError met."""
    works: list[Work] = []
    for result in iter_results(paths, layout, as_of):
        if isinstance(result, InputError):
            raise result
        works.extend(result.works)
    return works
