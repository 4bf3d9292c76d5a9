"""Works to text: JSON, JSON Lines, CSV and rich tables. Writers take a stream or a Console; none prints itself."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

from scholarcli.model import JSON_KEYS, DedupeReport, Work

if TYPE_CHECKING:
    from rich.console import Console

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
    """A work as a flat row: lists joined by `; `, sources as `layout:path:line`, None as an empty cell."""
    row = work.to_dict()
    row["sources"] = [f"{s['layout']}:{s['path']}:{s['line']}" for s in row["sources"]]
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
    table.add_column("Year", justify="right", no_wrap=True, style="cyan")
    table.add_column("Title", ratio=3, overflow="fold")
    table.add_column("Authors", ratio=2, overflow="fold", style="green")
    table.add_column("Venue / source", ratio=1, overflow="fold", style="magenta")
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
        parts = sorted({s.layout for s in work.sources})
    return " ".join(p for p in parts if p)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def write_dedupe_report(audit: DedupeReport, console: Console) -> None:
    """The dedupe audit for people: each merged cluster with its records and rules, then the near-misses."""
    report = audit.to_dict()
    console.print(f"[bold]{report['records']}[/bold] records -> [bold]{report['works']}[/bold] works "
                  f"(fuzzy title threshold {report['threshold']:g})")
    for cluster in report["clusters"]:
        console.print(f"\n[bold]{_escape(cluster['title'] or '(untitled)')}[/bold]  [dim]{cluster['id']}[/dim]")
        for rec in cluster["records"]:
            console.print(f"  #{rec['index']:<4} {rec['layout']:<16} {_escape(str(rec['path']))}:{rec['line']}")
        for link in cluster["links"]:
            score = f" {link['score']:.1f}" if link["score"] is not None else ""
            console.print(f"  [green]merged[/green] #{link['a']} + #{link['b']} by {link['rule']}{score}")
    if report["near_misses"]:
        console.print("\n[bold]Kept apart[/bold]")
    for miss in report["near_misses"]:
        a, b = miss["a"], miss["b"]
        console.print(f"  [yellow]{miss['score']:.1f}[/yellow] {_escape(miss['reason'])}: "
                      f"#{a['index']} {_escape(str(a['title']))} | #{b['index']} {_escape(str(b['title']))}")


def write_coauthors_table(network: Any, console: Console) -> None:
    """The coauthor table for people; counts marked `≥` when they are lower bounds."""
    from rich.table import Table

    caption = f"{len(network.rows)} coauthors of {network.author} across {network.works} works"
    if network.truncated_works:
        caption += f"; ≥ marks lower bounds ({network.truncated_works} works list only some authors)"
    table = Table(title=f"Coauthors of {network.author}", caption=caption, header_style="bold")
    for name, justify in (("Name", "left"), ("Works", "right"), ("First", "right"), ("Last", "right"),
                          ("Variants", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for row in network.rows:
        count = f"≥{row.works}" if row.lower_bound else str(row.works)
        table.add_row(_escape(row.name), count, str(row.first_year or ""), str(row.last_year or ""),
                      _escape(", ".join(v for v in row.variants if v != row.name)))
    console.print(table)


def write_rows_csv(rows: Iterable[dict[str, Any]], fields: list[str], out: TextIO) -> None:
    """Flat CSV of dict rows; list values joined with `; `."""
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: LIST_SEPARATOR.join(map(str, v)) if isinstance(v, list) else ("" if v is None else v)
                         for k, v in row.items()})


def write_hits_table(hits: Iterable[Any], console: Console) -> None:
    """Search results for people: score, year, title, first authors, and the field that matched."""
    from rich.table import Table

    table = Table(header_style="bold")
    for name, justify in (("Score", "right"), ("Year", "right"), ("Title", "left"), ("Authors", "left"),
                          ("Matched", "left")):
        table.add_column(name, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for hit in hits:
        work = hit.work
        title = work.title or "(untitled) " + " ".join((work.abstract or "").split()[:10]) + "…"
        table.add_row(f"{hit.score:.1f}", str(work.year or ""), _escape(title), _escape(short_authors(work)),
                      hit.field)
    console.print(table)


def write_stats(stats: dict[str, Any], console: Console) -> None:
    """The stats report: works per year as bars, top lists, layouts, and missing fields."""
    from rich.table import Table

    console.print(f"[bold]{stats['works']}[/bold] works from [bold]{stats['records']}[/bold] records")
    per_year = stats["per_year"]
    if per_year:
        peak = max(per_year.values())
        console.print("\n[bold]Works per year[/bold]")
        for year, count in per_year.items():
            bar = "█" * max(1, round(30 * count / peak))
            console.print(f"  {year:>7} {bar} {count}")
    for title, key, label in (("Top coauthors", "top_coauthors", "name"), ("Top categories", "top_categories",
                              "category"), ("Top venues", "top_venues", "venue")):
        items = stats[key]
        if not items:
            continue
        table = Table(title=title, title_justify="left", header_style="bold")
        table.add_column(label.capitalize())
        table.add_column("Works", justify="right")
        for item in items:
            table.add_row(_escape(str(item[label])), str(item["works"]))
        console.print(table)
    layouts = ", ".join(f"{name} ({n})" for name, n in stats["layouts"].items())
    console.print(f"\n[bold]Layouts read:[/bold] {layouts}")
    missing = stats["missing"]
    console.print(f"[bold]Missing:[/bold] title {missing['title']}, authors {missing['authors']}, "
                  f"date {missing['date']}")
