"""scholar's own JSON Lines (`--format jsonl`): one work object per line, read back as the same works."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)
from scholarcli.layouts.base import Boundaries
from scholarcli.layouts.brackets import opens_value
from scholarcli.layouts.scholar_json import RecordError, sniff_keys, work_from_dict
from scholarcli.model import ParseEvent, ParseIssue, ParseResult, Source

NAME = "jsonl"
SUMMARY = "scholar's own JSON Lines (list-works --format jsonl), read back with its sources"

#: A part is a run of lines that each hold one JSON object (`{"…`), up to the first line that does not.
BOUNDARIES = Boundaries(anchor=opens_value, json="lines")

_OBJECT_LINE = re.compile(r"\A\s*\{.*\}\s*$", re.MULTILINE)


def sniff(head: str) -> float:
    """Sure when the first line is a whole JSON object with scholar's own keys."""
    first = head.lstrip().split("\n", 1)[0]
    return sniff_keys(first) if _OBJECT_LINE.match(first) else 0.0


def iter_parse(lines: Iterable[str], path: str, as_of: date) -> Iterator[ParseEvent]:
    """One work per non-blank line, streamed; a line that is not a work object is a ParseIssue."""
    del as_of
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield work_from_dict(json.loads(line), Source(NAME, path, number))
        except json.JSONDecodeError as exc:
            yield ParseIssue(path, number, f"record skipped: not valid JSON ({exc.msg})")
        except RecordError as exc:
            yield ParseIssue(path, number, f"record skipped: {exc}")


def parse(text: str, path: str = "<text>", as_of: date | None = None) -> ParseResult:
    """Parse a whole JSON Lines text."""
    return ParseResult.collect(NAME, path, iter_parse(text.split("\n"), path, as_of or date.today()))
