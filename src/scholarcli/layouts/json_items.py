"""The items of a JSON array read one at a time, each with its line, so one damaged item costs only itself.

Shared by the JSON readers (scholar's own JSON and CSL-JSON). Lines are read in chunks of whole elements
(CHUNK_CHARS), so a long array is read in flat memory.
"""

from __future__ import annotations

import json
import re
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from scholarcli.layouts.brackets import opens_value

_NEXT_ITEM = re.compile(r"\n\s*\{")
#: A line that opens another array of objects (`[` alone, or `[{`).
_NEXT_ARRAY = re.compile(r"^[ \t]*\[[ \t]*(?:\{|$)", re.MULTILINE)
_DECODER = json.JSONDecoder()
#: An array is decoded in chunks of whole lines, cut between its elements once they hold this many characters;
#: the cut is looked for over the chunk's last CUT_LINES lines.
CHUNK_CHARS = 1 << 20
CUT_LINES = 10_000
#: A string on one line (JSON strings hold no line end; an unclosed one runs to the line's end).
_STRINGS = re.compile(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*(?:"|\\?$)', re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Item:
    """One array element: its 1-based start line and value, or the reason it could not be read."""

    line: int
    value: Any = None
    error: str | None = None


def looks_like_array_of_objects(head: str) -> bool:
    """Whether a text opens as a JSON array whose first element is an object (`[` then `{`)."""
    return bool(re.match(r"\A\s*\[\s*\{", head))


def iter_items(lines: Iterable[str]) -> Iterator[Item]:
    """Each element of the top-level arrays (or the one top-level object) in the lines of a JSON text.

    After a syntax error the reader skips to the next line that opens an object, so the items after a
    damaged one are still read. Text before, between or after the arrays that is no JSON (a note above a
    pasted export) is one error item a run, with its line. An array is decoded a chunk of whole elements at
    a time (cut at a line end between two elements, found by the brackets), so memory holds one chunk.
    """
    reader = _Reader()
    chunk: list[str] = []
    size, start, limit = 0, 1, CHUNK_CHARS
    depth = 0  # the nesting depth where the chunk starts
    array: bool | None = None  # whether the text opens with an array (known at the first cut)
    for line in lines:
        chunk.append(line)
        size += len(line) + 1
        if size < limit:
            continue
        if array is None:
            array = next((text[0] == "[" for text in (ln.strip() for ln in chunk) if opens_value(text)), False)
        text = "\n".join(chunk)
        cut = _cut(text, chunk, depth) if array else None
        if cut is None:
            array = array and _depth(text, depth) > 0  # no cut once the first array has closed
            limit = size + CHUNK_CHARS  # an element longer than a chunk: look again later
            continue
        count, offset = cut
        yield from reader.read(text[:offset], start)
        del chunk[:count]
        size, start, limit, depth = sum(len(ln) + 1 for ln in chunk), start + count, CHUNK_CHARS, 1
    yield from reader.read("\n".join(chunk), start, last=True)


def _depth(text: str, depth: int) -> int:
    """The nesting depth at the end of `text`, from `depth` at its start (strings skipped)."""
    bare = _STRINGS.sub("", text) if '"' in text else text
    return depth + bare.count("[") + bare.count("{") - bare.count("]") - bare.count("}")


def _cut(text: str, chunk: list[str], depth: int) -> tuple[int, int] | None:
    """Where the chunk can be cut between two elements of the array it is in: how many of its lines, and
    their length in `text`, up to the last line end at depth 1 (looked for over CUT_LINES lines); None when
    there is none, or the array closed in the chunk."""
    level = _depth(text, depth)
    if level <= 0:
        return None
    offset = len(text)
    for count in range(len(chunk), max(0, len(chunk) - CUT_LINES), -1):
        if level == 1:
            return count, offset
        line = chunk[count - 1]
        level -= _depth(line, 0)
        offset -= len(line) + 1
    return None


class _Reader:
    """Reads a JSON text chunk by chunk, each cut between two elements of an array."""

    def __init__(self) -> None:
        self.arrays = 0
        self.inside = False  # within an array, between its elements
        self.seen = False  # whether any text was met

    def read(self, text: str, start: int, last: bool = False) -> Iterator[Item]:
        lines = _LineCounter(text, start)
        pos = _skip_space(text, 0)
        if not self.seen:
            if pos >= len(text):
                if last:
                    yield Item(lines.at(pos), error="not a JSON array of records")
                return
            self.seen = True
            if text[pos] == "{":
                yield from _one(text, pos, lines)
                self.arrays = -1  # the rest is not looked at, as one object is the whole text
                return
        if self.arrays < 0:
            return
        while pos < len(text):
            if self.inside:
                pos, closed = yield from _array(text, pos, lines)
                self.inside = not closed
            elif text[pos] == "[":
                self.arrays += 1
                self.inside = True
                pos += 1
            else:
                found = _NEXT_ARRAY.search(text, pos)
                end = found.start() if found else len(text)
                yield Item(lines.at(pos), error=_no_json(text, pos, end, self.arrays) if found or self.arrays else
                           "not a JSON array of records")
                pos = end
            pos = _skip_space(text, pos)


def _no_json(text: str, pos: int, end: int, arrays: int) -> str:
    count = sum(1 for line in text[pos:end].split("\n") if line.strip())
    where = "after the array" if arrays else "before the array"
    return f"{count} line{'s' if count != 1 else ''} of text {where} {'are' if count != 1 else 'is'} not JSON"


def _array(text: str, pos: int, lines: _LineCounter) -> Generator[Item, None, tuple[int, bool]]:
    """The items of an array from `pos` (after its `[` or an element); returns the position after its `]` and
    True, or the end of the text and False when the text ends first (the next chunk goes on)."""
    pos = _skip_space(text, pos)
    if pos < len(text) and text[pos] == ",":  # a chunk cut before a comma that starts a line
        pos = _skip_space(text, pos + 1)
    while pos < len(text) and text[pos] != "]":
        try:
            value, end = _DECODER.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            line = lines.at(pos)
            yield Item(line, error=f"not valid JSON ({exc.msg} at line {lines.at(exc.pos)})")
            # The next item opens on a line indented as this one was (nested objects are indented deeper).
            indent = text[text.rfind("\n", 0, pos) + 1:pos]
            on_own_line = not indent.strip()
            after = re.compile("\n" + re.escape(indent) + r"\{") if on_own_line else _NEXT_ITEM
            found = after.search(text, max(exc.pos, pos + 1))
            if not found:
                return len(text), False
            pos = found.end() - 1
            continue
        yield Item(lines.at(pos), value)
        pos = _skip_space(text, end)
        if pos < len(text) and text[pos] == ",":
            pos = _skip_space(text, pos + 1)
    return (pos + 1, True) if pos < len(text) else (pos, False)


def _one(text: str, pos: int, lines: _LineCounter) -> Iterator[Item]:
    try:
        value, _ = _DECODER.raw_decode(text, pos)
    except json.JSONDecodeError as exc:
        yield Item(lines.at(pos), error=f"not valid JSON ({exc.msg} at line {lines.at(exc.pos)})")
        return
    yield Item(lines.at(pos), value)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n\ufeff":
        pos += 1
    return pos


class _LineCounter:
    """Line numbers of increasing offsets in a chunk that starts at line `start`, counted incrementally."""

    def __init__(self, text: str, start: int = 1) -> None:
        self.text, self.start, self.pos, self.line = text, start, 0, start

    def at(self, pos: int) -> int:
        if pos < self.pos:
            return self.start + self.text.count("\n", 0, pos)
        self.line += self.text.count("\n", self.pos, pos)
        self.pos = pos
        return self.line
