"""What every layout module provides (checked by mypy), and the line walker they share.

A layout module is a plain module with:

- ``NAME``: the layout's key (``dblp``, ``arxiv-listing``, …), as `scholar formats` and `--from` show it;
- ``SUMMARY``: one line for `scholar formats`;
- ``sniff(head: str) -> float``: 0-1, how sure it is that the opening of a text is in this layout;
- ``iter_parse(lines, path, as_of) -> Iterator[ParseEvent]``: records (and skipped blocks) as they are read.

`layouts/__init__.py` registers each module once and checks it against `LayoutModule`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from scholarcli.model import ParseEvent


class LayoutModule(Protocol):
    """The surface of a layout module: a name, a summary, a sniffer and a streaming parser."""

    NAME: str
    SUMMARY: str

    def sniff(self, head: str) -> float: ...

    def iter_parse(self, lines: Iterable[str], path: str, as_of: date) -> Iterator[ParseEvent]: ...


@dataclass(frozen=True, slots=True)
class Line:
    """One line of an input: its 1-based number, its text without indentation or trailing space, and
    whether blank lines stood before it (``gap``)."""

    number: int
    text: str
    gap: bool = False


def walk(lines: Iterable[str], start: int = 1) -> Iterator[Line]:
    """The non-blank lines of an input, stripped, each numbered and marked when blank lines preceded it.

    Browsers indent copied lines and put blank lines between fields; a parser that reads through `walk`
    sees the same lines either way.
    """
    gap = False
    for number, raw in enumerate(lines, start=start):
        text = raw.strip()
        if not text:
            gap = True
            continue
        yield Line(number, text, gap)
        gap = False


_NUMBERING = re.compile(r"^(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)])\s+")


def strip_numbering(text: str) -> str:
    """`3. Title`, `[3] Title`, `(3) Title` -> `Title`: the list numbers pages and copies put in front."""
    return _NUMBERING.sub("", text, count=1)


_TRUNCATION = re.compile(
    r"(?:,?\s*(?:et\s+al\.?|and\s+others|\.\.\.|…|\+\s*\d+\s+authors?)\s*$)"
    r"|(?:\s*\(\s*[\d,]+\s+additional authors? not shown\s*\)\s*(?:You must enable JavaScript.*)?$)",
    re.IGNORECASE,
)
_AND = re.compile(r",?\s+(?:and|&)\s+")


def split_authors(text: str) -> tuple[list[str], bool]:
    """`A, B and C et al.` -> ([A, B, C], True): names split at commas and `and`, and whether the list
    was cut short (`et al.`, `and others`, `...`, `+3 authors`, `(12 additional authors not shown)`)."""
    truncated = False
    while m := _TRUNCATION.search(text, max(0, len(text) - 200)):  # markers sit at the end
        truncated = True
        text = text[: m.start()]
    names = [" ".join(n.split()) for n in _AND.sub(", ", text).split(",")]
    return [n for n in names if n], truncated
