"""The items of a JSON array read one at a time, each with its line, so one damaged item costs only itself.

Shared by the JSON readers (scholar's own JSON and CSL-JSON).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_NEXT_ITEM = re.compile(r"\n\s*\{")
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
    """Each element of the top-level array (or the one top-level object) in `text`.

    After a syntax error the reader skips to the next line that opens an object, so the items after a
    damaged one are still read.
    """
    lines = _LineCounter(text)
    pos = _skip_space(text, 0)
    if pos < len(text) and text[pos] == "{":
        yield from _one(text, pos)
        return
    if pos >= len(text) or text[pos] != "[":
        yield Item(lines.at(pos), error="not a JSON array of records")
        return
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
                return
            pos = found.end() - 1
            continue
        yield Item(lines.at(pos), value)
        pos = _skip_space(text, end)
        if pos < len(text) and text[pos] == ",":
            pos = _skip_space(text, pos + 1)


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
