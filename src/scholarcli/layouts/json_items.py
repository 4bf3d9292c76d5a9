"""The items of a JSON array read one at a time, each with its line, so one damaged item costs only itself.

Shared by the JSON readers (scholar's own JSON and CSL-JSON).
"""

from __future__ import annotations

import json
import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from typing import Any

_NEXT_ITEM = re.compile(r"\n\s*\{")
#: A line that opens another array of objects (`[` alone, or `[{`).
_NEXT_ARRAY = re.compile(r"^[ \t]*\[[ \t]*(?:\{|$)", re.MULTILINE)
_DECODER = json.JSONDecoder()


@dataclass(frozen=True, slots=True)
class Item:
    """One array element: its 1-based start line and value, or the reason it could not be read."""

    line: int
    value: Any = None
    error: str | None = None


def looks_like_array_of_objects(head: str) -> bool:
    """Whether a text opens as a JSON array whose first element is an object (`[` then `{`)."""
    return bool(re.match(r"\A\s*\[\s*\{", head))


def iter_items(text: str) -> Iterator[Item]:
    """Each element of the top-level arrays (or the one top-level object) in `text`.

    After a syntax error the reader skips to the next line that opens an object, so the items after a
    damaged one are still read. Text before, between or after the arrays that is no JSON (a note above a
    pasted export) is one error item a run, with its line.
    """
    lines = _LineCounter(text)
    pos = _skip_space(text, 0)
    if pos < len(text) and text[pos] == "{":
        yield from _one(text, pos)
        return
    if pos >= len(text):
        yield Item(lines.at(pos), error="not a JSON array of records")
        return
    arrays = 0
    while pos < len(text):
        if text[pos] != "[":
            found = _NEXT_ARRAY.search(text, pos)
            end = found.start() if found else len(text)
            yield Item(lines.at(pos), error=_no_json(text, pos, end, arrays) if found or arrays else
                       "not a JSON array of records")
            pos = end
        else:
            arrays += 1
            pos = yield from _array(text, pos + 1, lines)
        pos = _skip_space(text, pos)


def _no_json(text: str, pos: int, end: int, arrays: int) -> str:
    count = sum(1 for line in text[pos:end].split("\n") if line.strip())
    where = "after the array" if arrays else "before the array"
    return f"{count} line{'s' if count != 1 else ''} of text {where} {'are' if count != 1 else 'is'} not JSON"


def _array(text: str, pos: int, lines: _LineCounter) -> Generator[Item, None, int]:
    """The items of the array whose `[` is just before `pos`; returns the position after its `]` (or the end of
    the text, when the array is cut short)."""
    pos = _skip_space(text, pos)
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
                return len(text)
            pos = found.end() - 1
            continue
        yield Item(lines.at(pos), value)
        pos = _skip_space(text, end)
        if pos < len(text) and text[pos] == ",":
            pos = _skip_space(text, pos + 1)
    return pos + 1


def _one(text: str, pos: int) -> Iterator[Item]:
    try:
        value, _ = _DECODER.raw_decode(text, pos)
    except json.JSONDecodeError as exc:
        yield Item(_line(text, pos), error=f"not valid JSON ({exc.msg} at line {_line(text, exc.pos)})")
        return
    yield Item(_line(text, pos), value)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n\ufeff":
        pos += 1
    return pos


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


class _LineCounter:
    """Line numbers of increasing offsets, counted incrementally (items arrive in order)."""

    def __init__(self, text: str) -> None:
        self.text, self.pos, self.line = text, 0, 1

    def at(self, pos: int) -> int:
        if pos < self.pos:
            return _line(self.text, pos)
        self.line += self.text.count("\n", self.pos, pos)
        self.pos = pos
        return self.line
