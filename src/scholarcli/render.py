"""Works to text: JSON, JSON Lines, CSV and rich tables. Writers take a stream or a Console; none prints itself."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

from scholarcli.model import JSON_KEYS, Work

if TYPE_CHECKING:
    from rich.console import Console

WORK_FORMATS = ("table", "json", "jsonl", "csv")
LIST_SEPARATOR = "; "


def write_json(works: Iterable[Work], out: TextIO) -> None:
    """One JSON array of work objects, two-space indented, UTF-8 as is."""
    json.dump([w.to_dict() for w in works], out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_jsonl(works: Iterable[Work], out: TextIO) -> None:
    """One JSON object per line, written as each work arrives (so it streams)."""
    for work in works:
        out.write(json.dumps(work.to_dict(), ensure_ascii=False))
        out.write("\n")


def flat_row(work: Work) -> dict[str, Any]:
    """A work as a flat row: lists joined by `; `, sources as `format:path:line`, None as an empty cell."""
    row = work.to_dict()
    row["sources"] = [f"{s['format']}:{s['path']}:{s['line']}" for s in row["sources"]]
    return {
        key: LIST_SEPARATOR.join(map(str, value)) if isinstance(value, list) else ("" if value is None else value)
        for key, value in row.items()
    }


def write_csv(works: Iterable[Work], out: TextIO) -> None:
    """CSV with a header row and one row per work; every contract key is a column."""
    writer = csv.DictWriter(out, fieldnames=list(JSON_KEYS), lineterminator="\n")
    writer.writeheader()
    for work in works:
        writer.writerow(flat_row(work))


def short_authors(work: Work, limit: int = 3) -> str:
    """`A, B, C et al.` for people: the first few authors, marked when more exist or the list is cut."""
    names = list(work.authors[:limit])
    more = len(work.authors) > limit or work.authors_truncated
    text = ", ".join(names)
    return f"{text} et al." if more and text else text


def write_table(works: Iterable[Work], console: Console, title: str | None = None) -> None:
    """A rich table for people: year, title, first authors, and venue or source."""
    from rich.table import Table

    table = Table(title=title, show_lines=False, expand=False, header_style="bold")
    table.add_column("Year", justify="right", no_wrap=True)
    table.add_column("Title", ratio=3, overflow="fold")
    table.add_column("Authors", ratio=2, overflow="fold")
    table.add_column("Venue / source", ratio=1, overflow="fold")
    count = 0
    for work in works:
        count += 1
        if work.title:
            shown = _escape(work.title)
        else:
            snippet = " ".join((work.abstract or "").split()[:12])
            shown = f"[dim](untitled) {_escape(snippet)}…[/dim]"
        table.add_row(str(work.year or ""), shown, _escape(short_authors(work)), _escape(_where(work)))
    table.caption = f"{count} work{'s' if count != 1 else ''}"
    console.print(table)


def _where(work: Work) -> str:
    parts = [work.venue or ""]
    if work.arxiv_id:
        parts.append(f"arXiv:{work.arxiv_id}")
    if not any(parts):
        parts = sorted({s.format for s in work.sources})
    return " ".join(p for p in parts if p)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def write_dedupe_report(report: dict[str, Any], console: Console) -> None:
    """The dedupe audit for people: each merged cluster with its records and rules, then the near-misses."""
    from rich.markup import escape

    console.print(f"[bold]{report['records']}[/bold] records -> [bold]{report['works']}[/bold] works "
                  f"(fuzzy title threshold {report['threshold']:g})")
    for cluster in report["clusters"]:
        console.print(f"\n[bold]{escape(cluster['title'] or '(untitled)')}[/bold]  [dim]{cluster['id']}[/dim]")
        for rec in cluster["records"]:
            console.print(f"  #{rec['index']:<4} {rec['format']:<16} {escape(str(rec['path']))}:{rec['line']}")
        for link in cluster["links"]:
            score = f" {link['score']:.1f}" if link["score"] is not None else ""
            console.print(f"  [green]merged[/green] #{link['a']} + #{link['b']} by {link['rule']}{score}")
    if report["near_misses"]:
        console.print("\n[bold]Kept apart[/bold]")
    for miss in report["near_misses"]:
        a, b = miss["a"], miss["b"]
        console.print(f"  [yellow]{miss['score']:.1f}[/yellow] {escape(miss['reason'])}: "
                      f"#{a['index']} {escape(str(a['title']))} | #{b['index']} {escape(str(b['title']))}")
