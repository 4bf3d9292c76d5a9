"""scholar's own JSON (`--format json`): an array of work objects, read back as the same works.

The `sources` each object carries survive, followed by where the object itself was read. `work_from_dict`
is shared with the JSON Lines and CSV readers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)
from scholarcli.layouts.base import Boundaries
from scholarcli.layouts.brackets import opens_value
from scholarcli.layouts.json_items import iter_items, looks_like_array_of_objects
from scholarcli.model import JSON_KEYS, ParseEvent, ParseIssue, ParseResult, Source, Work

NAME = "json"
SUMMARY = "scholar's own JSON array (list-works --format json), read back with its sources"

#: A part is one JSON array, from the line that opens it (`[`, `[{`) to where its brackets close.
BOUNDARIES = Boundaries(anchor=opens_value, json="value")

#: Keys only scholar's work objects have; CSL-JSON and other JSON have none of them.
_OWN_KEYS = ("authors_truncated", "arxiv_id", "journal_ref", "has_code", "sources")


class RecordError(ValueError):
    """An object that is not a work: the message says which field is wrong."""


def sniff_keys(head: str) -> float:
    """How sure it is that a JSON text holds scholar's work objects: most of its own keys appear quoted."""
    found = sum(f'"{key}"' in head for key in _OWN_KEYS)
    return 0.0 if found < 3 else 0.5 + 0.1 * found


def sniff(head: str) -> float:
    """Sure for an array of objects with scholar's own keys (`authors_truncated`, `sources`, …)."""
    return sniff_keys(head) if looks_like_array_of_objects(head) else 0.0


def _text(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise RecordError(f"{key} is {type(value).__name__}, not text")
    return value


def _int(data: dict[str, Any], key: str) -> int | None:
    value = data.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).strip().isdigit():
        raise RecordError(f"{key} is {value!r}, not a whole number")
    return int(value)


def _list(data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RecordError(f"{key} is not a list of text")
    return tuple(value)


def _source(value: Any) -> Source:
    if isinstance(value, dict) and isinstance(value.get("layout"), str) and isinstance(value.get("line"), int):
        return Source(value["layout"], str(value.get("path", "")), value["line"])
    if isinstance(value, str) and (m := re.fullmatch(r"([^:]+):(.*):(\d+)", value)):  # the CSV form
        return Source(m[1], m[2], int(m[3]))
    raise RecordError(f"source {value!r} is not layout, path and line")


def work_from_dict(data: Any, own: Source) -> Work:
    """A work from one of scholar's work objects; its sources are kept and `own` (where it was read) added."""
    if not isinstance(data, dict):
        raise RecordError(f"a {type(data).__name__}, not a work object")
    if not any(key in data for key in JSON_KEYS if key != "id"):
        raise RecordError("an object with none of the work keys")
    score = data.get("score")
    if score is not None and (isinstance(score, bool) or not isinstance(score, int | float)):
        raise RecordError(f"score is {score!r}, not a number")
    flags = {key: data.get(key) for key in ("authors_truncated", "has_code")}
    for key, value in flags.items():
        if value is not None and not isinstance(value, bool):
            raise RecordError(f"{key} is {value!r}, not true or false")
    sources = data.get("sources") or []
    if not isinstance(sources, list):
        raise RecordError("sources is not a list")
    return Work(
        title=_text(data, "title"),
        authors=_list(data, "authors"),
        date=_text(data, "date"),
        updated=_text(data, "updated"),
        arxiv_id=_text(data, "arxiv_id"),
        doi=_text(data, "doi"),
        pmid=_text(data, "pmid"),
        citations=_int(data, "citations"),
        venue=_text(data, "venue"),
        type=_text(data, "type"),
        abstract=_text(data, "abstract"),
        comment=_text(data, "comment"),
        journal_ref=_text(data, "journal_ref"),
        categories=_list(data, "categories"),
        affiliations=_list(data, "affiliations"),
        authors_truncated=bool(flags["authors_truncated"]),
        has_code=flags["has_code"],
        year=_int(data, "year"),
        arxiv_version=_int(data, "arxiv_version"),
        score=None if score is None else float(score),
        sources=(*(_source(s) for s in sources), own),
    )


def iter_parse(lines: Iterable[str], path: str, as_of: date) -> Iterator[ParseEvent]:
    """Works in array order; an item that is not valid JSON or not a work is a ParseIssue with its line."""
    del as_of
    for item in iter_items(lines):
        if item.error is not None:
            yield ParseIssue(path, item.line, f"record skipped: {item.error}")
            continue
        try:
            yield work_from_dict(item.value, Source(NAME, path, item.line))
        except RecordError as exc:
            yield ParseIssue(path, item.line, f"record skipped: {exc}")


def parse(text: str, path: str = "<text>", as_of: date | None = None) -> ParseResult:
    """Parse a whole JSON array of works."""
    return ParseResult.collect(NAME, path, iter_parse(text.split("\n"), path, as_of or date.today()))
