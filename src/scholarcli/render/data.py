"""Results as data: JSON documents, JSON Lines and CSV. Each writer takes a result and a text stream."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, TextIO

import orjson

from scholarcli.model import JSON_KEYS, Work

if TYPE_CHECKING:
    from scholarcli.model.results import Coauthors, DedupeReport, Hit, Stats

LIST_SEPARATOR = "; "
COAUTHOR_FIELDS = ("name", "works", "first_year", "last_year", "variants", "lower_bound")

JSONValue = object


def write_document(data: JSONValue, out: TextIO) -> None:
    """One JSON document, two-space indented, UTF-8 as is."""
    try:
        text = orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS).decode("utf-8")
    except orjson.JSONEncodeError:  # what orjson refuses (integers over 64 bits, lone surrogates): the stdlib
        import json

        text = json.dumps(data, ensure_ascii=False, indent=2)
    out.write(text)
    out.write("\n")


def _line(obj: JSONValue) -> str:
    """One object as compact JSON, UTF-8 as is, with its newline."""
    try:
        return orjson.dumps(obj, option=orjson.OPT_APPEND_NEWLINE | orjson.OPT_NON_STR_KEYS).decode("utf-8")
    except orjson.JSONEncodeError:
        import json

        return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_lines(objects: Iterable[JSONValue], out: TextIO) -> None:
    """One compact JSON object per line (no spaces after `,` and `:`), written as each arrives (so it streams).

    orjson writes them: it makes `list-works --format jsonl` about a fifth faster than the json module."""
    write = out.write
    for obj in objects:
        write(_line(obj))


def _cell(value: object) -> object:
    """A CSV cell: lists joined by `; `, None as empty."""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(map(str, value))
    return "" if value is None else value


def write_rows_csv(rows: Iterable[Mapping[str, object]], fields: Sequence[str], out: TextIO) -> None:
    """CSV with a header row of `fields` and one row per mapping."""
    import csv  # loaded only when CSV is written

    writer = csv.DictWriter(out, fieldnames=list(fields), lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})


def flat_row(work: Work) -> dict[str, object]:
    """A work's JSON object with sources as `layout:path:line` strings."""
    row = work.to_dict()
    row["sources"] = [f"{s['layout']}:{s['path']}:{s['line']}" for s in row["sources"]]
    return row


def works_json(works: Iterable[Work], out: TextIO) -> None:
    """One JSON array of work objects."""
    write_document([w.to_dict() for w in works], out)


def works_jsonl(works: Iterable[Work], out: TextIO) -> None:
    """One work object per line, as works arrive."""
    write_lines((w.to_dict() for w in works), out)


def works_csv(works: Iterable[Work], out: TextIO) -> None:
    """One row per work; every contract key is a column."""
    write_rows_csv((flat_row(w) for w in works), JSON_KEYS, out)


def hits_json(hits: Sequence[Hit], out: TextIO) -> None:
    """The works found, each with a `match` object."""
    write_document([h.to_dict() for h in hits], out)


def hits_jsonl(hits: Sequence[Hit], out: TextIO) -> None:
    write_lines((h.to_dict() for h in hits), out)


HIT_FIELDS = (*JSON_KEYS, "match_score", "match_field")


def hits_csv(hits: Sequence[Hit], out: TextIO) -> None:
    """One row per hit: the work's columns, then `match_score` and `match_field`."""
    write_rows_csv(({**flat_row(h.work), "match_score": h.score, "match_field": h.field} for h in hits),
                   HIT_FIELDS, out)


def coauthors_json(network: Coauthors, out: TextIO) -> None:
    """The coauthor rows as a JSON array."""
    write_document(network.to_dict(), out)


def coauthors_jsonl(network: Coauthors, out: TextIO) -> None:
    write_lines(network.to_dict(), out)


def coauthors_csv(network: Coauthors, out: TextIO) -> None:
    write_rows_csv(network.to_dict(), COAUTHOR_FIELDS, out)


def stats_json(stats: Stats, out: TextIO) -> None:
    write_document(stats.to_dict(), out)


def dedupe_json(report: DedupeReport, out: TextIO) -> None:
    write_document(report.to_dict(), out)
