"""The `scholar` command line: thin wiring of read -> parse -> dedupe -> render, and errors to exit codes.

Exit codes: 0 success; 1 nothing parseable or nothing matched; 2 usage error; 3 internal error (a bug).
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Iterator
from datetime import date
from enum import Enum, StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from scholarcli import __version__
from scholarcli.layouts import NAMES

if TYPE_CHECKING:
    from scholarcli.model import Work
    from scholarcli.normalise.names import PersonIndex

EXIT_OK, EXIT_NOTHING, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class ScholarError(Exception):
    """An error to report as one line on stderr, with its exit code."""

    def __init__(self, message: str, code: int = EXIT_NOTHING) -> None:
        super().__init__(message)
        self.code = code


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    bibtex = "bibtex"
    csl_json = "csl-json"
    dot = "dot"
    mermaid = "mermaid"


WORK_FORMATS = {OutputFormat.table, OutputFormat.json, OutputFormat.jsonl, OutputFormat.csv, OutputFormat.bibtex,
                OutputFormat.csl_json}
ROW_FORMATS = {OutputFormat.table, OutputFormat.json, OutputFormat.jsonl, OutputFormat.csv}


class SortKey(StrEnum):
    year = "year"
    date = "date"
    by_title = "title"


LayoutName = Enum("LayoutName", {name: name for name in NAMES}, type=str)  # type: ignore[misc]

app = typer.Typer(
    name="scholar",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)

_state = {"debug": False}

# Options shared by every command that reads pages: defined once here.
PathsArg = Annotated[
    list[str] | None,
    typer.Argument(help="Files, folders (every file inside) or - for stdin. Default: stdin when piped.",
                   show_default=False),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option("--as-of", help="Reference date for dates printed without a year (default: today).",
                 metavar="DATE"),
]
FromOpt = Annotated[
    LayoutName | None,
    typer.Option("--from", help="Force a layout instead of detecting it (see `scholar formats`).",
                 case_sensitive=False),
]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Say on stderr what was read and how.")]
FormatOpt = Annotated[
    OutputFormat | None,
    typer.Option("--format", "-f", help="Output format; default: table on a terminal, json otherwise."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Same as --format json.")]
AuthorOpt = Annotated[
    str | None, typer.Option("--author", "-a", help="Only works by this person (accents, case and initials folded).")
]
SinceOpt = Annotated[str | None, typer.Option("--since", help="Only works from this year or date on.", metavar="WHEN")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Only works up to this year or date.", metavar="WHEN")]
TypeOpt = Annotated[str | None, typer.Option("--type", help="Only works of this type (preprint, article, …).")]
CategoryOpt = Annotated[str | None, typer.Option("--category", help="Only works in this category (LG = cs.LG).")]
HasCodeOpt = Annotated[
    bool | None, typer.Option("--has-code/--no-code", help="Only works with (or without) a code badge.",
                              show_default=False)
]
SortOpt = Annotated[SortKey | None, typer.Option("--sort", help="Sort by year, date or title.")]
ReverseOpt = Annotated[bool, typer.Option("--reverse", help="Reverse the order.")]
LimitOpt = Annotated[int | None, typer.Option("--limit", "-n", min=0, help="At most this many results.")]
NoDedupeOpt = Annotated[bool, typer.Option("--no-dedupe", help="Keep every parsed record (no merging).")]


def _version(value: bool) -> None:
    if value:
        print(f"scholar {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback when something fails.")] = False,
) -> None:
    """Turn copied or saved publication pages into clean records you can query.

    \b
    Example:
      scholar list-works seeds/
      scholar list-works --json seeds/ | jq '.[] | .title'
    """
    _state["debug"] = debug


def warn(message: str) -> None:
    """One diagnostic line on stderr."""
    print(f"scholar: warning: {message}", file=sys.stderr)


def info(message: str) -> None:
    print(f"scholar: {message}", file=sys.stderr)


def parse_as_of(value: str | None) -> date:
    """`--as-of`: an ISO date, or anything dateutil reads; today when not given."""
    if value is None:
        return date.today()
    from dateutil import parser as dateparser

    try:
        return dateparser.isoparse(value).date()
    except ValueError:
        try:
            return dateparser.parse(value).date()
        except (ValueError, OverflowError):
            raise ScholarError(f"--as-of: cannot read {value!r} as a date (try YYYY-MM-DD)", EXIT_USAGE) from None


def _input_paths(paths: list[str] | None) -> list[str]:
    if paths:
        return paths
    if sys.stdin is not None and not sys.stdin.isatty():
        return ["-"]
    raise ScholarError("no input: give files or folders, or pipe text on stdin (see --help)", EXIT_USAGE)


def read_works(
    paths: list[str] | None, layout: str | None, as_of: date, verbose: bool, stats: dict[str, int]
) -> Iterator[Work]:
    """Parse every input, yielding works as they are read; report skipped inputs and blocks on stderr."""
    from scholarcli.model import ParseIssue, Profile, Work
    from scholarcli.parsing import FileEnd, FileStart, PartStart, iter_events
    from scholarcli.reading import InputError

    stats.setdefault("works", 0)
    stats.setdefault("files", 0)
    inputs = _input_paths(paths)
    progress = _Progress.for_paths(inputs)
    for event in iter_events(inputs, layout, as_of):
        if isinstance(event, Work):
            stats["works"] += 1
            if stats["works"] % 512 == 0:
                progress.tick()
            yield event
        elif isinstance(event, ParseIssue):
            warn(str(event))
        elif isinstance(event, InputError):
            if _state["debug"] and getattr(event, "traceback", None):
                print(event.traceback, file=sys.stderr, end="")  # type: ignore[attr-defined]
            warn(str(event))
        elif isinstance(event, FileStart):
            stats["files"] += 1
            progress.start(event.path, event.source)
            if verbose:
                how = "detected" if event.detected else "forced with --from"
                info(f"{event.path}: layout {event.layout} ({how}), {event.encoding}")
        elif isinstance(event, FileEnd):
            progress.done(event.path)
            if verbose:
                info(f"{event.path}: {event.records} records")
        elif isinstance(event, PartStart) and verbose:
            info(f"{event.path}:{event.line}: a page in layout {event.layout} starts here")
        elif isinstance(event, Profile) and verbose:
            _describe_profile(event)
    progress.close()


def _describe_profile(profile: Any) -> None:
    counts = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in profile.counts.items())
    trust = f"trust {profile.trust} ({profile.trust_label})" if profile.trust is not None else ""
    details = "; ".join(x for x in (profile.affiliation or "", trust, profile.verification or "", counts) if x)
    info(f"{profile.path}: profile of {profile.name}: {details}")


class _Progress:
    """A rich progress bar on stderr while reading inputs over PROGRESS_MIN bytes, only when stderr is a terminal."""

    PROGRESS_MIN = 5_000_000

    def __init__(self, sizes: dict[str, int]) -> None:
        self.sizes = sizes
        self.bar: Any = None
        self.task: Any = None
        self.finished = 0
        self.current: Any = None
        total = sum(sizes.values())
        if total >= self.PROGRESS_MIN and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(),
                                TimeRemainingColumn(), console=Console(stderr=True), transient=True)
            self.task = self.bar.add_task("reading", total=total)
            self.bar.start()

    @classmethod
    def for_paths(cls, paths: list[str]) -> _Progress:
        """Sizes of the files the paths name (as `reading.expand_path` lists them), only for a terminal."""
        from scholarcli.reading import InputError, expand_path

        sizes: dict[str, int] = {}
        if sys.stderr.isatty():
            for raw in paths:
                try:
                    files = expand_path(raw)
                except InputError:
                    continue  # reported when the file is read
                for path in files:
                    try:
                        sizes[path] = os.path.getsize(path)
                    except OSError:
                        continue
        return cls(sizes)

    def start(self, path: str, source: Any) -> None:
        self.current = source
        if self.bar is not None:
            self.bar.update(self.task, description=os.path.basename(path))

    def tick(self) -> None:
        if self.bar is not None and self.current is not None:
            self.bar.update(self.task, completed=self.finished + self.current.position)

    def done(self, path: str) -> None:
        self.finished += self.sizes.get(path, 0)
        self.current = None
        if self.bar is not None:
            self.bar.update(self.task, completed=self.finished)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _resolve_format(fmt: OutputFormat | None, as_json: bool, allowed: set[OutputFormat]) -> OutputFormat:
    chosen = OutputFormat.json if as_json else fmt
    if chosen is None:
        chosen = OutputFormat.table if sys.stdout.isatty() else OutputFormat.json
    if chosen not in allowed:
        names = ", ".join(sorted(f.value for f in allowed))
        raise ScholarError(f"--format {chosen.value} does not apply here; choose one of: {names}", EXIT_USAGE)
    return chosen


def _when(value: str | None, option: str) -> str | None:
    """`--since`/`--until`: a year, `YYYY-MM`, or a date in any form dateutil reads, as an ISO prefix."""
    if value is None:
        return None
    import re

    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value.strip()):
        return value.strip()
    try:
        return parse_as_of(value).isoformat()
    except ScholarError:
        raise ScholarError(f"{option}: cannot read {value!r} as a year or date", EXIT_USAGE) from None


def _console() -> Any:
    from rich.console import Console

    return Console(file=sys.stdout)


def emit_works(works: list[Work] | Iterator[Work], fmt: OutputFormat) -> None:
    """Write works to stdout in the chosen format."""
    from scholarcli import render

    if fmt is OutputFormat.json:
        render.write_json(works, sys.stdout)
    elif fmt is OutputFormat.jsonl:
        render.write_jsonl(works, sys.stdout)
    elif fmt is OutputFormat.csv:
        render.write_csv(works, sys.stdout)
    elif fmt is OutputFormat.bibtex:
        from scholarcli.render.bibtex import write_bibtex

        write_bibtex(list(works), sys.stdout)
    elif fmt is OutputFormat.csl_json:
        from scholarcli.render.csljson import write_csl_json

        write_csl_json(list(works), sys.stdout)
    else:
        render.write_table(works, _console())


def emit_json(data: object) -> None:
    """Write one JSON document (an array or an object) to stdout, two-space indented, UTF-8 as is."""
    import json

    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def emit_rows(rows: list[dict[str, Any]], fields: list[str], fmt: OutputFormat) -> None:
    """Write plain data rows (coauthors, search hits) as JSON, JSON Lines or CSV."""
    import json

    if fmt is OutputFormat.json:
        emit_json(rows)
    elif fmt is OutputFormat.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        from scholarcli.render import write_rows_csv

        write_rows_csv(rows, fields, sys.stdout)


class Loaded:
    """Records as parsed, works after dedupe, and (built on first use) the people index over them."""

    def __init__(self, records: list[Work], works: list[Work]) -> None:
        self.records = records
        self.works = works

    @cached_property
    def index(self) -> PersonIndex:
        from scholarcli.query import person_index

        return person_index(self.works)


def load(
    paths: list[str] | None, layout: LayoutName | None, as_of: str | None, verbose: bool, no_dedupe: bool = False
) -> Loaded:
    """Read, parse and (unless told not to) deduplicate every input; exit 1 when nothing parsed."""
    records = list(read_works(paths, layout.value if layout else None, parse_as_of(as_of), verbose, {}))
    if not records:
        raise ScholarError("no records found in the input", EXIT_NOTHING)
    if no_dedupe:
        return Loaded(records, records)
    from scholarcli.dedupe import dedupe

    works = dedupe(records).works
    if verbose:
        info(f"{len(records)} records merged into {len(works)} works")
    return Loaded(records, works)


def select(
    loaded: Loaded,
    author: str | None = None,
    since: str | None = None,
    until: str | None = None,
    work_type: str | None = None,
    category: str | None = None,
    has_code: bool | None = None,
) -> list[Work]:
    """Apply the shared filters; an unknown author is an error that names the closest people."""
    from scholarcli.query import Filters, NoSuchAuthorError, apply_filters

    filters = Filters(author, _when(since, "--since"), _when(until, "--until"), work_type, category, has_code)
    if filters == Filters():
        return list(loaded.works)
    try:
        return apply_filters(loaded.works, filters, loaded.index if author else None)
    except NoSuchAuthorError as exc:
        raise ScholarError(str(exc), EXIT_NOTHING) from None


def resolve_person(loaded: Loaded, author: str) -> str:
    """The person `--author` names; an error naming the closest people when it names nobody."""
    from scholarcli.query import NoSuchAuthorError

    person = loaded.index.resolve(author)
    if person is None:
        raise ScholarError(str(NoSuchAuthorError(author, loaded.index.suggest(author))), EXIT_NOTHING)
    return person


def arrange(works: list[Work], sort: SortKey | None, reverse: bool, limit: int | None) -> list[Work]:
    from scholarcli.query import sort_works

    ordered = sort_works(works, sort.value if sort else None, reverse)
    return ordered[:limit] if limit is not None else ordered


@app.command("list-works")
def list_works(
    paths: PathsArg = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
    no_dedupe: NoDedupeOpt = False,
    author: AuthorOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    work_type: TypeOpt = None,
    category: CategoryOpt = None,
    has_code: HasCodeOpt = None,
    sort: SortOpt = None,
    reverse: ReverseOpt = False,
    limit: LimitOpt = None,
    as_of: AsOfOpt = None,
    layout: FromOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """List works, each once: records of one work from several pages are merged.

    Formats: table, json, jsonl, csv, bibtex, csl-json.

    \b
    Examples:
      scholar list-works seeds/
      scholar list-works --json seeds/ | jq -r '.[] | "\\(.year)\\t\\(.title)"'
      scholar list-works --author "Juhua Hu" --since 2023 --sort date --format bibtex seeds/ > hu.bib
      pbpaste | scholar list-works --format csv - > works.csv
    """
    chosen = _resolve_format(fmt, as_json, WORK_FORMATS)
    filtered = any(x is not None for x in (author, since, until, work_type, category, has_code, sort, limit))
    if no_dedupe and chosen is OutputFormat.jsonl and not filtered and not reverse:
        stats: dict[str, int] = {}
        records = read_works(paths, layout.value if layout else None, parse_as_of(as_of), verbose, stats)
        emit_works(records, chosen)  # streams: each record is written as it is parsed
        if stats["works"] == 0:
            raise ScholarError("no records found in the input", EXIT_NOTHING)
        return
    loaded = load(paths, layout, as_of, verbose, no_dedupe)
    works = arrange(select(loaded, author, since, until, work_type, category, has_code), sort, reverse, limit)
    if not works:
        raise ScholarError("no works match the filters", EXIT_NOTHING)
    emit_works(works, chosen)


@app.command("coauthors")
def coauthors_command(
    paths: PathsArg = None,
    author: Annotated[
        str | None,
        typer.Option("--author", "-a", help="Whose coauthors (default: the person in the most works)."),
    ] = None,
    min_works: Annotated[int, typer.Option("--min-works", min=1, help="Only coauthors with this many works.")] = 1,
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    work_type: TypeOpt = None,
    category: CategoryOpt = None,
    has_code: HasCodeOpt = None,
    limit: LimitOpt = None,
    as_of: AsOfOpt = None,
    layout: FromOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Who a person works with: one row per coauthor, most shared works first.

    Counts are distinct works after dedupe. When a work lists only some authors (et al., profile pages),
    counts are lower bounds: `lower_bound` in JSON, `≥` in the table. Formats: table, json, jsonl, csv,
    dot (Graphviz) and mermaid, whose edge weights are shared works.

    \b
    Examples:
      scholar coauthors --author "Juhua Hu" seeds/
      scholar coauthors --json seeds/ | jq -r '.[] | select(.works >= 5) | .name'
      scholar coauthors --author "Juhua Hu" --min-works 3 --format dot seeds/ | dot -Tsvg > hu.svg
    """
    from scholarcli.query import coauthors, most_frequent_author

    chosen = _resolve_format(fmt, as_json, ROW_FORMATS | {OutputFormat.dot, OutputFormat.mermaid})
    loaded = load(paths, layout, as_of, verbose)
    works = select(loaded, None, since, until, work_type, category, has_code)
    if author is not None:
        person = resolve_person(loaded, author)
    else:
        top = most_frequent_author(works, loaded.index)
        if top is None:
            raise ScholarError("no works with authors in the input", EXIT_NOTHING)
        person = top[0]
        info(f"no --author given; using {loaded.index.display(person)} (in {top[1]} of {len(works)} works)")
    network = coauthors(works, person, loaded.index, min_works)
    if limit is not None:
        network.rows = network.rows[:limit]
    if chosen is OutputFormat.table:
        from scholarcli.render import write_coauthors_table

        write_coauthors_table(network, _console())
    elif chosen is OutputFormat.dot:
        from scholarcli.render.graph import write_dot

        write_dot(network, sys.stdout)
    elif chosen is OutputFormat.mermaid:
        from scholarcli.render.graph import write_mermaid

        write_mermaid(network, sys.stdout)
    else:
        fields = ["name", "works", "first_year", "last_year", "variants", "lower_bound"]
        emit_rows([r.to_dict() for r in network.rows], fields, chosen)


@app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(help='Words to look for; a "quoted phrase" must appear exactly.')],
    paths: PathsArg = None,
    field_name: Annotated[
        str, typer.Option("--field", help="Where to look: title, abstract, authors or all.")
    ] = "all",
    min_score: Annotated[float, typer.Option("--min-score", min=0, max=100, help="Lowest score shown (0-100).")] = 75.0,
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
    author: AuthorOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    work_type: TypeOpt = None,
    category: CategoryOpt = None,
    has_code: HasCodeOpt = None,
    sort: SortOpt = None,
    reverse: ReverseOpt = False,
    limit: LimitOpt = 20,
    as_of: AsOfOpt = None,
    layout: FromOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Ranked fuzzy search (typos and word order tolerated), best match first, with its score.

    JSON output is the work objects, each with a `match` object: {score, field}.

    \b
    Examples:
      scholar search "knowlege distilation" seeds/
      scholar search '"multiple clustering"' --field title --json seeds/ | jq -r '.[].title'
      scholar search "Qian" --field authors --since 2024 seeds/
    """
    from scholarcli.query import SEARCH_FIELDS, search

    if field_name not in SEARCH_FIELDS:
        raise ScholarError(f"--field must be one of: {', '.join(SEARCH_FIELDS)}", EXIT_USAGE)
    chosen = _resolve_format(fmt, as_json, WORK_FORMATS)
    loaded = load(paths, layout, as_of, verbose)
    hits = search(select(loaded, author, since, until, work_type, category, has_code), query, field_name, min_score)
    if sort is not None:
        order = {id(w): n for n, w in enumerate(arrange([h.work for h in hits], sort, reverse, None))}
        hits.sort(key=lambda h: order[id(h.work)])
    elif reverse:
        hits.reverse()
    hits = hits[:limit] if limit is not None else hits
    if not hits:
        raise ScholarError(f"nothing matches {query!r}", EXIT_NOTHING)
    if chosen is OutputFormat.table:
        from scholarcli.render import write_hits_table

        write_hits_table(hits, _console())
    elif chosen in (OutputFormat.json, OutputFormat.jsonl):
        rows = [{**h.work.to_dict(), "match": {"score": h.score, "field": h.field}} for h in hits]
        emit_rows(rows, [], chosen)
    else:
        emit_works([h.work for h in hits], chosen)


@app.command("stats")
def stats_command(
    paths: PathsArg = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
    author: AuthorOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    work_type: TypeOpt = None,
    category: CategoryOpt = None,
    has_code: HasCodeOpt = None,
    top: Annotated[int, typer.Option("--top", min=1, help="Length of the top lists.")] = 10,
    as_of: AsOfOpt = None,
    layout: FromOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Figures about a collection: works per year (bar chart), top coauthors, categories and venues,
    the layouts read, and how many works lack a title, authors or a date.

    \b
    Examples:
      scholar stats seeds/
      scholar stats --json seeds/ | jq '.per_year'
      scholar stats --author "Guosheng Hu" --json seeds/ | jq '.top_coauthors[:3]'
    """
    from scholarcli.query import collection_stats, most_frequent_author

    chosen = _resolve_format(fmt, as_json, {OutputFormat.table, OutputFormat.json})
    loaded = load(paths, layout, as_of, verbose)
    works = select(loaded, author, since, until, work_type, category, has_code)
    if not works:
        raise ScholarError("no works match the filters", EXIT_NOTHING)
    focal = loaded.index.resolve(author) if author else None
    if focal is None:
        top_author = most_frequent_author(works, loaded.index)
        focal = top_author[0] if top_author else None
    figures = collection_stats(loaded.records, works, loaded.index, focal, top)
    if chosen is OutputFormat.json:
        emit_json(figures)
    else:
        from scholarcli.render import write_stats

        write_stats(figures, _console())


@app.command("dedupe")
def dedupe_command(
    paths: PathsArg = None,
    threshold: Annotated[
        float | None,
        typer.Option("--threshold", "-t", min=0, max=100,
                     help="Fuzzy title similarity (0-100) to merge at; default 88.", show_default=False),
    ] = None,
    as_json: JsonOpt = False,
    as_of: AsOfOpt = None,
    layout: FromOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Explain deduplication: each merged cluster with the rule that merged it, and the near-misses kept apart.

    \b
    Examples:
      scholar dedupe seeds/
      scholar dedupe --json seeds/ | jq '.clusters[] | {title, rules: [.links[].rule]}'
      scholar dedupe --threshold 92 --json seeds/ | jq '.near_misses[] | [.score, .reason]'
    """
    from scholarcli.dedupe import DEFAULT_THRESHOLD, dedupe, report

    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    chosen = _resolve_format(None, as_json, {OutputFormat.table, OutputFormat.json})
    records = load(paths, layout, as_of, verbose, no_dedupe=True).records
    audit = report(records, dedupe(records, threshold), threshold)
    if chosen is OutputFormat.json:
        emit_json(audit)
    else:
        from scholarcli.render import write_dedupe_report

        write_dedupe_report(audit, _console())


@app.command("formats")
def formats() -> None:
    """List the page layouts scholar reads, one line each.

    \b
    Example:
      scholar formats
      scholar list-works --from feed related.txt
    """
    from scholarcli.layouts import all_layouts

    width = max(len(name) for name in NAMES)
    for layout in all_layouts():
        print(f"{layout.name:<{width}}  {layout.summary}")


def run(argv: list[str] | None = None) -> int:
    """Run the command line with these arguments; return the exit code instead of exiting."""
    command = typer.main.get_command(app)
    _state["debug"] = False
    try:
        code = command.main(args=argv, prog_name="scholar", standalone_mode=False)
        return code if isinstance(code, int) else EXIT_OK
    except ScholarError as exc:
        print(f"scholar: error: {exc}", file=sys.stderr)
        return exc.code
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a usage error from the option parser, or a bug
        if hasattr(exc, "format_message") and hasattr(exc, "exit_code"):
            hint = _usage_hint(exc)
            print(f"scholar: error: {exc.format_message()}{hint}", file=sys.stderr)
            return int(exc.exit_code)
        if _state["debug"]:
            traceback.print_exc()
        else:
            print(f"scholar: internal error: {type(exc).__name__}: {exc} (run with --debug for a traceback)",
                  file=sys.stderr)
        return EXIT_INTERNAL


def _usage_hint(exc: Exception) -> str:
    ctx = getattr(exc, "ctx", None)
    path = getattr(ctx, "command_path", None)
    return f" (see '{path} --help')" if path else ""


def main() -> NoReturn:
    """Console-script entry point."""
    for stream in (sys.stdout, sys.stderr):
        if (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8":
            stream.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    sys.exit(run())
