"""The writer registry: which output formats each kind of result has, and the function that writes each.

Every writer has one signature, `(result, out: TextIO) -> None`. A new format is one function in a
render module plus one entry below; `--format` choices, help text and dispatch all come from here.
Writers are imported on first use, so start-up pays only for the one that runs.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import import_module
from typing import TYPE_CHECKING, Generic, TextIO, TypeVar, cast

from scholarcli.errors import UsageError, quoted

if TYPE_CHECKING:
    from scholarcli.model import Work
    from scholarcli.model.results import Coauthors, DedupeReport, Hit, Stats
    from scholarcli.query.report import ReportInput

T = TypeVar("T")
Writer = Callable[[T, TextIO], None]


def _lazy(module: str, function: str) -> Callable[[], Writer[T]]:
    """A loader for `scholarcli.render.<module>.<function>`, imported when first asked for."""

    def load() -> Writer[T]:
        return cast("Writer[T]", getattr(import_module(f"scholarcli.render.{module}"), function))

    return load


class Kind(Generic[T]):
    """A kind of result (works, hits, coauthors, …) and its writers by format name, in help order."""

    def __init__(self, name: str, writers: Mapping[str, Callable[[], Writer[T]]]) -> None:
        self.name = name
        self.writers = writers

    def formats(self) -> tuple[str, ...]:
        return tuple(self.writers)

    def help(self) -> str:
        """The `--format` help text: the formats this kind has, and the default."""
        return f"Output format: {', '.join(self.formats())}. Default: table on a terminal, json otherwise."

    def choose(self, fmt: str | None, as_json: bool = False, terminal: bool | None = None) -> str:
        """The format to write: `--format`, or json for `--json`, or the default; a UsageError if it does not apply."""
        fmt = fmt.casefold() if fmt else fmt
        if as_json and fmt not in (None, "json"):
            shown = fmt if fmt in all_formats() else quoted(fmt or "")
            raise UsageError(f"--json and --format {shown} disagree; give one of them")
        if terminal is None:
            terminal = sys.stdout is not None and sys.stdout.isatty()
        chosen = "json" if as_json else fmt or ("table" if terminal else "json")
        if chosen not in self.writers:
            names = ", ".join(sorted(self.writers))
            what = f"{chosen} does not apply here" if chosen in all_formats() else f"{quoted(chosen)} is not a format"
            raise UsageError(f"--format {what}; choose one of: {names}")
        return chosen

    def write(self, fmt: str, result: T, out: TextIO) -> None:
        """Write the result in this format, and flush it (so a full disk is met here)."""
        self.writers[fmt]()(result, out)
        out.flush()


WORKS: Kind[Iterable[Work]] = Kind("works", {
    "table": _lazy("tables", "works_table"),
    "json": _lazy("data", "works_json"),
    "jsonl": _lazy("data", "works_jsonl"),
    "csv": _lazy("data", "works_csv"),
    "bibtex": _lazy("bibtex", "write_bibtex"),
    "csl-json": _lazy("csljson", "write_csl_json"),
    "ris": _lazy("ris", "write_ris"),
})


def _via_works(fmt: str) -> Callable[[], Writer[Sequence[Hit]]]:
    """Hits written as the works they found, in any works format that hits have no writer of their own for."""
    def load() -> Writer[Sequence[Hit]]:
        inner = WORKS.writers[fmt]()
        return lambda hits, out: inner([hit.work for hit in hits], out)
    return load


_HIT_WRITERS: dict[str, Callable[[], Writer[Sequence[Hit]]]] = {
    "table": _lazy("tables", "hits_table"),
    "json": _lazy("data", "hits_json"),
    "jsonl": _lazy("data", "hits_jsonl"),
    "csv": _lazy("data", "hits_csv"),
}
HITS: Kind[Sequence[Hit]] = Kind("hits", {**_HIT_WRITERS, **{f: _via_works(f) for f in WORKS.writers
                                                              if f not in _HIT_WRITERS}})

COAUTHORS: Kind[Coauthors] = Kind("coauthors", {
    "table": _lazy("tables", "coauthors_table"),
    "json": _lazy("data", "coauthors_json"),
    "jsonl": _lazy("data", "coauthors_jsonl"),
    "csv": _lazy("data", "coauthors_csv"),
    "dot": _lazy("graph", "write_dot"),
    "mermaid": _lazy("graph", "write_mermaid"),
})

STATS: Kind[Stats] = Kind("stats", {
    "table": _lazy("tables", "stats_table"),
    "json": _lazy("data", "stats_json"),
})

DEDUPE: Kind[DedupeReport] = Kind("dedupe", {
    "table": _lazy("tables", "dedupe_table"),
    "json": _lazy("data", "dedupe_json"),
})

#: `scholar report` writes one format, so it has no --format (and adds none to the choices above).
REPORT: Kind[ReportInput] = Kind("report", {"html": _lazy("report", "write_report")})


def all_formats() -> set[str]:
    """Every format some kind of result can be written in."""
    return {*WORKS.formats(), *HITS.formats(), *COAUTHORS.formats(), *STATS.formats(), *DEDUPE.formats()}
