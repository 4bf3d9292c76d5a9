"""The `scholar` command line: thin wiring of read -> parse -> dedupe -> render, and errors to exit codes.

Exit codes: 0 success; 1 nothing parseable or nothing matched; 2 usage error; 3 internal error (a bug).
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Iterator
from datetime import date
from enum import Enum, StrEnum
from typing import Annotated, NoReturn

import typer

from scholarcli import __version__
from scholarcli.dedupe import DEFAULT_THRESHOLD
from scholarcli.layouts import LAYOUTS
from scholarcli.model import ParseResult, Work
from scholarcli.parsing import iter_results
from scholarcli.reading import InputError

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


LayoutName = Enum("LayoutName", {name: name for name in LAYOUTS}, type=str)  # type: ignore[misc]

app = typer.Typer(
    name="scholar",
    help="Turn copied or saved publication pages into clean records you can query.",
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
    stats.setdefault("works", 0)
    stats.setdefault("files", 0)
    for result in iter_results(_input_paths(paths), layout, as_of):
        if isinstance(result, InputError):
            warn(str(result))
            continue
        stats["files"] += 1
        if verbose:
            _describe(result)
        for issue in result.issues:
            warn(str(issue))
        stats["works"] += len(result.works)
        yield from result.works


def _describe(result: ParseResult) -> None:
    how = "detected" if result.detected else "forced with --from"
    info(f"{result.path}: layout {result.layout} ({how}), {len(result.works)} records, {result.encoding}")
    profile = result.profile
    if profile is not None:
        counts = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in profile.counts.items())
        trust = f"trust {profile.trust} ({profile.trust_label})" if profile.trust is not None else ""
        details = "; ".join(x for x in (profile.affiliation or "", trust, profile.verification or "", counts) if x)
        info(f"{result.path}: profile of {profile.name}: {details}")


def _resolve_format(fmt: OutputFormat | None, as_json: bool) -> OutputFormat:
    if as_json:
        return OutputFormat.json
    if fmt is not None:
        return fmt
    return OutputFormat.table if sys.stdout.isatty() else OutputFormat.json


def emit_works(works: list[Work] | Iterator[Work], fmt: OutputFormat) -> None:
    """Write works to stdout in the chosen format."""
    from scholarcli import render

    if fmt is OutputFormat.json:
        render.write_json(works, sys.stdout)
    elif fmt is OutputFormat.jsonl:
        render.write_jsonl(works, sys.stdout)
    elif fmt is OutputFormat.csv:
        render.write_csv(works, sys.stdout)
    else:
        from rich.console import Console

        render.write_table(works, Console(file=sys.stdout))


@app.command("list-works")
def list_works(
    paths: PathsArg = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
    no_dedupe: Annotated[bool, typer.Option("--no-dedupe", help="Print every parsed record, in file order.")] = False,
    as_of: AsOfOpt = None,
    layout: FromOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """List works, each once: records with the same arXiv id, DOI or normalised title are merged.

    \b
    Examples:
      scholar list-works seeds/
      scholar list-works --json seeds/ | jq -r '.[] | "\\(.year)\\t\\(.title)"'
      pbpaste | scholar list-works --format csv - > works.csv
    """
    reference = parse_as_of(as_of)
    chosen = _resolve_format(fmt, as_json)
    stats: dict[str, int] = {}
    records = read_works(paths, layout.value if layout else None, reference, verbose, stats)
    if no_dedupe and chosen is OutputFormat.jsonl:
        emit_works(records, chosen)  # streams: each record is written as it is parsed
        works_count = stats["works"]
    else:
        works = list(records)
        if not no_dedupe:
            from scholarcli.dedupe import dedupe

            result = dedupe(works)
            if verbose:
                info(f"{len(works)} records merged into {len(result.works)} works")
            works = result.works
        works_count = len(works)
        if works_count:
            emit_works(works, chosen)
    if works_count == 0:
        raise ScholarError("no records found in the input", EXIT_NOTHING)


@app.command("dedupe")
def dedupe_command(
    paths: PathsArg = None,
    threshold: Annotated[
        float, typer.Option("--threshold", "-t", min=0, max=100, help="Fuzzy title similarity (0-100) to merge at.")
    ] = DEFAULT_THRESHOLD,
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
    from scholarcli.dedupe import dedupe, report

    records = list(read_works(paths, layout.value if layout else None, parse_as_of(as_of), verbose, {}))
    if not records:
        raise ScholarError("no records found in the input", EXIT_NOTHING)
    audit = report(records, dedupe(records, threshold), threshold)
    if as_json or not sys.stdout.isatty():
        import json

        json.dump(audit, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from rich.console import Console

        from scholarcli import render

        render.write_dedupe_report(audit, Console(file=sys.stdout))


@app.command("formats")
def formats() -> None:
    """List the page layouts scholar reads, one line each.

    \b
    Example:
      scholar formats
      scholar list-works --from feed related.txt
    """
    width = max(len(name) for name in LAYOUTS)
    for name, layout in LAYOUTS.items():
        print(f"{name:<{width}}  {layout.summary}")


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
    sys.exit(run())
