"""scholar's own CSV (`--format csv`): a header of work keys and one row per work, read back as the same works.

Lists are joined by `; ` and sources written `layout:path:line`, as the CSV writer does (render.flat_row).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from scholarcli.layouts.scholar_json import RecordError, work_from_dict
from scholarcli.model import JSON_KEYS, ParseEvent, ParseIssue, ParseResult, Source
from scholarcli.render.data import LIST_SEPARATOR

NAME = "csv"
SUMMARY = "scholar's own CSV (list-works --format csv), read back with its sources"

_LISTS = ("authors", "categories", "affiliations", "sources")
_INTS = ("year", "arxiv_version")
_FLAGS = ("authors_truncated", "has_code")


def _header(head: str) -> list[str]:
    first = head.lstrip("\ufeff\n")[:4096].split("\n", 1)[0]  # a header is short; a long line is no header
    try:
        return [cell.strip() for cell in next(csv.reader([first]), [])]
    except csv.Error:
        return []


def sniff(head: str) -> float:
    """Certain for scholar's own header; sure for a CSV header naming `title` and most of the work keys."""
    header = _header(head)
    if tuple(header) == JSON_KEYS:
        return 1.0
    known = sum(cell in JSON_KEYS for cell in header)
    return 0.95 if "title" in header and known >= 6 and known >= 0.8 * len(header) else 0.0


def _typed(row: dict[str, str]) -> dict[str, Any]:
    """A CSV row's cells as the JSON values they were written from."""
    out: dict[str, Any] = {}
    for key, cell in row.items():
        cell = (cell or "").strip()
        if key in _LISTS:
            out[key] = [part.strip() for part in cell.split(LIST_SEPARATOR) if part.strip()]
        elif key in _FLAGS:
            if cell.lower() not in ("true", "false", ""):
                raise RecordError(f"{key} is {cell!r}, not True or False")
            out[key] = {"true": True, "false": False}.get(cell.lower())
        elif key == "score":
            try:
                out[key] = float(cell) if cell else None
            except ValueError:
                raise RecordError(f"score is {cell!r}, not a number") from None
        elif key in JSON_KEYS:
            out[key] = cell or None
    return out


def iter_parse(lines: Iterable[str], path: str, as_of: date) -> Iterator[ParseEvent]:
    """One work per row, streamed; a row that does not read as a work is a ParseIssue with its line."""
    del as_of
    numbered = _Numbered(lines)
    reader = csv.DictReader(numbered, restkey="_extra")
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # a cell past the csv module's size limit, a NUL byte…
            yield ParseIssue(path, numbered.start, f"row skipped: {exc}")
            continue
        line = numbered.start
        if not any((v or "").strip() for k, v in row.items() if k != "_extra"):
            continue
        try:
            if row.get("_extra"):
                raise RecordError("more cells than the header has columns")
            yield work_from_dict(_typed(row), Source(NAME, path, line))
        except RecordError as exc:
            yield ParseIssue(path, line, f"row skipped: {exc}")


class _Numbered:
    """Lines for csv.reader, remembering where the current row started (a quoted cell may span lines)."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = iter(lines)
        self.number = 0
        self.start = 0
        self._row_done = True

    def __iter__(self) -> _Numbered:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.number += 1
        if self._row_done:
            self.start = self.number
        self._row_done = line.count('"') % 2 == 0 if self._row_done else line.count('"') % 2 == 1
        return line + "\n"


def parse(text: str, path: str = "<text>", as_of: date | None = None) -> ParseResult:
    """Parse a whole CSV text."""
    return ParseResult.collect(NAME, path, iter_parse(text.split("\n"), path, as_of or date.today()))
