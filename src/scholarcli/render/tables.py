"""Results as rich tables for people. Every cell shows control characters visibly: no terminal escapes pass."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TextIO

from scholarcli.model import Work
from scholarcli.model.results import AuditRecord, Coauthors, DedupeReport, Hit, Stats

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


# C0 controls (but tab), DEL, C1 controls, and the bidirectional overrides that reorder what a terminal shows.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match[0])
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␇ for BEL, …
    return "␡" if code == 0x7F else f"<U+{code:04X}>"


def visible(text: str) -> str:
    """Text safe to show on a terminal inside rich markup: controls as symbols, markup brackets escaped."""
    from rich.markup import escape

    return escape(_CONTROL.sub(_picture, text))


def _print(out: TextIO, *renderables: RenderableType) -> None:
    from rich.console import Console

    console = Console(file=out)
    for renderable in renderables:
        console.print(renderable)


def short_authors(work: Work, limit: int = 3) -> str:
    """`A, B, C et al.` for people: the first few authors, marked when more exist or the list is cut."""
    names = list(work.authors[:limit])
    more = len(work.authors) > limit or work.authors_truncated
    text = ", ".join(names)
    return f"{text} et al." if more and text else text


def _where(work: Work) -> str:
    parts = [work.venue or ""]
    if work.arxiv_id:
        parts.append(f"arXiv:{work.arxiv_id}")
    if not any(parts):
        parts = sorted({s.layout for s in work.sources})
    return " ".join(p for p in parts if p)


def _untitled(work: Work, words: int) -> str:
    return " ".join((work.abstract or "").split()[:words])


def works_table(works: Iterable[Work], out: TextIO) -> None:
    """Year, title, first authors, and venue or source; the caption counts the works."""
    from rich.table import Table

    table = Table(show_lines=False, expand=False, header_style="bold")
    table.add_column("Year", justify="right", no_wrap=True, style="cyan")
    table.add_column("Title", ratio=3, overflow="fold")
    table.add_column("Authors", ratio=2, overflow="fold", style="green")
    table.add_column("Venue / source", ratio=1, overflow="fold", style="magenta")
    count = 0
    for work in works:
        count += 1
        shown = visible(work.title) if work.title else f"[dim](untitled) {visible(_untitled(work, 12))}…[/dim]"
        table.add_row(str(work.year or ""), shown, visible(short_authors(work)), visible(_where(work)))
    table.caption = f"{count} work{'s' if count != 1 else ''}"
    _print(out, table)


def hits_table(hits: Sequence[Hit], out: TextIO) -> None:
    """Score, year, title, first authors, and the field that matched."""
    from rich.table import Table

    table = Table(header_style="bold")
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Year", justify="right", no_wrap=True)
    table.add_column("Title", ratio=3, overflow="fold")
    table.add_column("Authors", ratio=2, overflow="fold")
    table.add_column("Matched", ratio=1, overflow="fold")
    for hit in hits:
        work = hit.work
        title = work.title or f"(untitled) {_untitled(work, 10)}…"
        table.add_row(f"{hit.score:.1f}", str(work.year or ""), visible(title), visible(short_authors(work)),
                      hit.field)
    _print(out, table)


def coauthors_table(network: Coauthors, out: TextIO) -> None:
    """One row per coauthor; counts marked `≥` when they are lower bounds."""
    from rich.table import Table

    author = visible(network.author)
    rows, works = len(network.rows), network.works
    caption = f"{rows} coauthor{'s' * (rows != 1)} of {author} across {works} work{'s' * (works != 1)}"
    if network.truncated_works:
        n = network.truncated_works
        caption += f"; ≥ marks lower bounds ({n} {'work lists' if n == 1 else 'works list'} only some authors)"
    table = Table(title=f"Coauthors of {author}", caption=caption, header_style="bold")
    table.add_column("Name", ratio=2, overflow="fold")
    for name in ("Works", "First", "Last"):
        table.add_column(name, justify="right", no_wrap=True)
    table.add_column("Variants", ratio=1, overflow="fold")
    for row in network.rows:
        count = f"≥{row.works}" if row.lower_bound else str(row.works)
        table.add_row(visible(row.name), count, str(row.first_year or ""), str(row.last_year or ""),
                      visible(", ".join(v for v in row.variants if v != row.name)))
    _print(out, table)


def _top_table(title: str, label: str, items: Iterable[tuple[str, int | str]]) -> RenderableType:
    from rich.console import Group
    from rich.table import Table

    table = Table(header_style="bold")
    table.add_column(label, overflow="fold")
    table.add_column("Works", justify="right", no_wrap=True)
    for name, works in items:
        table.add_row(visible(name), str(works))
    return Group(f"\n[bold]{visible(title)}[/bold]", table)


def stats_table(stats: Stats, out: TextIO) -> None:
    """Works per year as bars, the top lists, the layouts read, and missing fields."""
    from rich.console import Console

    console = Console(file=out)
    parts: list[RenderableType] = [f"[bold]{stats.works}[/bold] works from [bold]{stats.records}[/bold] records"]
    if stats.per_year:
        peak = max(stats.per_year.values())
        room = max(5, min(30, console.width - 11 - len(str(peak))))  # the bars fit the terminal's width
        parts.append("\n[bold]Works per year[/bold]")
        parts += [f"  {year:>7} {'█' * max(1, round(room * n / peak))} {n}" for year, n in stats.per_year.items()]
    coauthors: list[tuple[str, int | str]] = [(r.name, f"≥{r.works}" if r.lower_bound else r.works)
                                              for r in stats.top_coauthors]
    whose = f"Top coauthors of {stats.author}" if stats.author else "Top coauthors"
    tops: list[tuple[str, str, Sequence[tuple[str, int | str]]]] = [
        (whose, "Name", coauthors), ("Top categories", "Category", stats.top_categories),
        ("Top venues", "Venue", stats.top_venues)]
    for title, label, items in tops:
        if items:
            parts.append(_top_table(title, label, items))
    layouts = ", ".join(f"{name} ({n})" for name, n in stats.layouts.items())
    parts.append(f"\n[bold]Layouts read:[/bold] {visible(layouts)}")
    missing = stats.missing
    parts.append(f"[bold]Missing:[/bold] title {missing['title']}, authors {missing['authors']}, "
                 f"date {missing['date']}")
    for part in parts:
        console.print(part)


def dedupe_table(report: DedupeReport, out: TextIO) -> None:
    """Each merged cluster with its records and rules, then the near-misses kept apart."""
    from rich.console import Console

    write_dedupe_report(report, Console(file=out))


def _record(rec: AuditRecord) -> str:
    layout, path, line = (rec.source.layout, rec.source.path, rec.source.line) if rec.source else (None, None, None)
    return f"#{rec.index:<4} {layout!s:<16} {visible(str(path))}:{line}"


def write_dedupe_report(report: DedupeReport, console: Console) -> None:
    """The dedupe audit on a console (see `dedupe_table`)."""
    console.print(f"[bold]{report.records}[/bold] records -> [bold]{report.works}[/bold] works "
                  f"(fuzzy title threshold {report.threshold:g})")
    for cluster in report.clusters:
        console.print(f"\n[bold]{visible(cluster.title or '(untitled)')}[/bold]  [dim]{cluster.id}[/dim]")
        for rec in cluster.records:
            console.print(f"  {_record(rec)}")
        for link in cluster.links:
            score = f" {link.score:.1f}" if link.score is not None else ""
            console.print(f"  [green]merged[/green] #{link.a} + #{link.b} by {link.rule}{score}")
    if report.near_misses:
        console.print("\n[bold]Kept apart[/bold]")
    for miss in report.near_misses:
        a, b = miss.a, miss.b
        console.print(f"  [yellow]{miss.score:.1f}[/yellow] {visible(miss.reason)}: "
                      f"#{a.index} {visible(str(a.title))} | #{b.index} {visible(str(b.title))}")
