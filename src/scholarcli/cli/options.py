"""The options commands share, stated once as groups, and the `command` decorator that spreads a group's
fields into typer parameters and gathers them back into one object for the command body."""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from datetime import date
from enum import Enum, StrEnum
from typing import TYPE_CHECKING, Annotated, TypeVar, get_type_hints

import typer

from scholarcli.cli.clicklib import get_current_context
from scholarcli.cli.diagnostics import Diagnostics, Settings
from scholarcli.errors import UsageError
from scholarcli.layouts import NAMES
from scholarcli.render.registry import Kind

if TYPE_CHECKING:
    from scholarcli.model import Work
    from scholarcli.pipeline import Loaded
    from scholarcli.query.filters import Filters

T = TypeVar("T")


class SortKey(StrEnum):
    year = "year"
    date = "date"
    by_title = "title"


LayoutName = Enum("LayoutName", {name: name for name in NAMES}, type=str)  # type: ignore[misc]

PathsArg = Annotated[
    list[str] | None,
    typer.Argument(help="Files, folders (every file inside) or - for stdin. Default: stdin when piped.",
                   show_default=False),
]
AuthorOpt = Annotated[
    str | None, typer.Option("--author", "-a", metavar="NAME",
                              help="Only works by this person (accents, case and initials folded).")
]
LimitOpt = Annotated[int | None, typer.Option("--limit", "-n", min=1, metavar="N", help="At most this many results.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Same as --format json.")]
NoDedupeOpt = Annotated[bool, typer.Option("--no-dedupe", help="Keep every parsed record (no merging).")]


@dataclass(frozen=True, slots=True)
class Inputs:
    """Where to read, how to read it, and what to say about it."""

    paths: PathsArg = None
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Reference date for dates printed without a year (default: today).", metavar="DATE")] = None
    layout: Annotated[LayoutName | None, typer.Option(
        "--from", help="Force a layout instead of detecting it (`scholar formats` lists them).",
        case_sensitive=False, metavar="LAYOUT")] = None
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Say on stderr what was read and how.")] = False

    def files(self) -> list[str]:
        """The inputs named, or stdin when it is piped; a usage error when there is neither."""
        if self.paths:
            return self.paths
        if sys.stdin is not None and not sys.stdin.isatty():
            return ["-"]
        raise UsageError("no input: give files or folders, or pipe text on stdin (see --help)")

    def reference_date(self) -> date:
        """`--as-of` as a date (today when not given)."""
        from scholarcli.normalise.dates import parse_as_of

        try:
            return date.today() if self.as_of is None else parse_as_of(self.as_of)
        except ValueError as exc:
            raise UsageError(f"--as-of: {exc}") from None

    def _setup(self) -> tuple[list[str], str | None, date, Diagnostics]:
        files, when = self.files(), self.reference_date()
        debug = get_current_context().find_object(Settings) or Settings()
        return files, self.layout.value if self.layout else None, when, Diagnostics(files, self.verbose, debug.debug)

    def stream(self) -> Iterator[Work]:
        """Every record, written on as it is parsed (for streaming output)."""
        from scholarcli.pipeline import iter_records

        files, layout, when, diagnostics = self._setup()
        for work in iter_records(files, layout, when, diagnostics):
            diagnostics.record()
            yield work
        diagnostics.progress.close()

    def load(self, dedupe: bool = True) -> Loaded:
        """Read, parse and (unless told not to) deduplicate every input."""
        from scholarcli.pipeline import load

        files, layout, when, diagnostics = self._setup()
        try:
            return load(files, layout, when, diagnostics, dedupe)
        finally:
            diagnostics.progress.close()


@dataclass(frozen=True, slots=True)
class Selection:
    """Which works count: when, what type, which category, with code or not."""

    since: Annotated[str | None, typer.Option(
        "--since", help="Only works from this year or date on.", metavar="WHEN")] = None
    until: Annotated[str | None, typer.Option(
        "--until", help="Only works up to this year or date.", metavar="WHEN")] = None
    work_type: Annotated[str | None, typer.Option(
        "--type", metavar="TYPE", help="Only works of this type (preprint, article, …).")] = None
    category: Annotated[str | None, typer.Option(
        "--category", metavar="CAT", help="Only works in this category (LG = cs.LG).")] = None
    has_code: Annotated[bool | None, typer.Option(
        "--has-code/--no-code", help="Only feed works with (or without) a Code badge; other pages cannot say.",
        show_default=False)] = None

    def filters(self, author: str | None = None) -> Filters:
        """These options (and an `--author`) as query filters; a UsageError for values that cannot be meant."""
        from scholarcli.query.filters import Filters

        return Filters.from_options(author, self.since, self.until, self.work_type, self.category, self.has_code)


@dataclass(frozen=True, slots=True)
class Order:
    """How results are ordered."""

    sort: Annotated[SortKey | None, typer.Option(
        "--sort", help="Sort by year, date or title.", case_sensitive=False)] = None
    reverse: Annotated[bool, typer.Option("--reverse", help="Reverse the order.")] = False

    @property
    def by(self) -> str | None:
        return self.sort.value if self.sort else None


@dataclass(frozen=True, slots=True)
class Output:
    """The output format: `--format`, or `--json` for short. Its choices come from the writer registry."""

    as_json: JsonOpt = False
    fmt: str | None = None  # its typer option is made per command, from the kind of result it writes

    def choose(self, kind: Kind[T]) -> str:
        """The format to write this kind of result in; a UsageError when it has no such format."""
        return kind.choose(self.fmt, self.as_json)


def emit(kind: Kind[T], fmt: str, result: T) -> None:
    """Write the result to stdout in the chosen format."""
    kind.write(fmt, result, sys.stdout)


GROUPS = (Inputs, Selection, Order, Output)


def _format_option(kind: Kind[T]) -> object:
    return Annotated[str | None, typer.Option("--format", "-f", help=kind.help(), metavar="FORMAT")]


def command(app: typer.Typer, name: str, kind: Kind[T] | None = None) -> Callable[[Callable[..., None]], None]:
    """Register `fn` as command `name`; parameters typed as an option group become that group's options."""

    def register(fn: Callable[..., None]) -> None:
        hints = get_type_hints(fn, include_extras=True)
        own = inspect.signature(fn).parameters.values()
        groups = {p.name: hints[p.name] for p in own if hints[p.name] in GROUPS}
        if Output in groups.values() and kind is None:
            raise TypeError(f"{name}: a command that takes Output must say what kind of result it writes")
        params: list[inspect.Parameter] = []
        for p in own:
            if p.name not in groups:
                params.append(p.replace(annotation=hints[p.name]))
                continue
            group_hints = get_type_hints(groups[p.name], include_extras=True)
            for f in fields(groups[p.name]):
                annotation = _format_option(kind) if f.name == "fmt" and kind else group_hints[f.name]
                params.append(inspect.Parameter(f.name, inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                                default=f.default, annotation=annotation))

        @functools.wraps(fn)
        def wrapper(**values: object) -> None:
            for param, group in groups.items():
                values[param] = group(**{f.name: values.pop(f.name) for f in fields(group)})
            fn(**values)

        del wrapper.__wrapped__  # typer must see the spread signature, not fn's
        wrapper.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        wrapper.__annotations__ = {p.name: p.annotation for p in params}
        app.command(name)(wrapper)

    return register
