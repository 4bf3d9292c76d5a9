"""The pipeline as a service for the CLI and the Python API: read and parse inputs, deduplicate, index people.

Diagnostics (warnings, files read, progress) go to an optional observer, so callers decide what to show.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from scholarcli.errors import NothingFoundError
from scholarcli.model import ParseIssue, Profile, Work
from scholarcli.parsing import Event, FileEnd, FileStart, ParserCrashError, PartStart, iter_events
from scholarcli.reading import InputError, LineInput, expand_path

if TYPE_CHECKING:
    from scholarcli.model.results import DedupeReport
    from scholarcli.normalise.names import PersonIndex
    from scholarcli.query.filters import Filters

#: Also re-exported: the events an observer receives, so callers tell them apart without parsing internals.
__all__ = ["Deduped", "Event", "FileEnd", "FileStart", "InputError", "LineInput", "Loaded", "Observer",
           "ParseIssue", "ParserCrashError", "PartStart", "Profile", "audit", "input_sizes", "iter_records", "load"]


@dataclass(frozen=True, slots=True)
class Deduped:
    """Dedupe ran: this many records became this many works."""

    records: int
    works: int


class Observer(Protocol):
    """Receives what the pipeline reports besides works: file starts and ends, warnings, profiles, dedupe."""

    def event(self, event: Event | Deduped) -> None: ...


def _events(paths: Iterable[str], layout: str | None, as_of: date) -> Iterator[Event]:
    seen: set[tuple[int, int]] = set()  # files read so far: each is read once
    for path in paths:
        if path == "-" and sys.stdin is None:
            yield InputError("-", "stdin is closed, nothing to read")
        else:
            yield from iter_events([path], layout, as_of, seen)


def iter_records(
    paths: Iterable[str], layout: str | None = None, as_of: date | None = None, observer: Observer | None = None
) -> Iterator[Work]:
    """Every record in the inputs, as it is parsed; everything else goes to the observer."""
    for event in _events(paths, layout, as_of or date.today()):
        if isinstance(event, Work):
            yield event
        elif observer is not None:
            observer.event(event)


def input_sizes(paths: Iterable[str]) -> dict[str, int]:
    """The size in bytes of every file the paths name (as they will be read); unreadable ones are left out."""
    sizes: dict[str, int] = {}
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
    return sizes


class Loaded:
    """Records as parsed, works after dedupe, the problems met while reading (damaged blocks, unreadable
    inputs, one line each), and (built on first use) the people index.

    The index holds every record's spellings, not only those a merged work kept, so `M Abo Khamis` on one
    page is shown as the `Mahmoud Abo Khamis` another page prints, and either finds the person.
    """

    def __init__(self, records: list[Work], works: list[Work], problems: list[str]) -> None:
        self.records = records
        self.works = works
        self.problems = problems

    @cached_property
    def index(self) -> PersonIndex:
        from scholarcli.query.people import person_index

        return person_index(self.records)

    def select(self, filters: Filters) -> list[Work]:
        """The works that pass the filters (the people index is built only when an author is asked for)."""
        from scholarcli.query.filters import apply_filters

        return apply_filters(self.works, filters, self.index if filters.author else None)


def load(
    paths: Iterable[str],
    layout: str | None = None,
    as_of: date | None = None,
    observer: Observer | None = None,
    dedupe: bool = True,
) -> Loaded:
    """Read, parse and (unless told not to) deduplicate every input; NothingFoundError when nothing parsed."""
    recorder = _Problems(observer)
    records = list(iter_records(paths, layout, as_of, recorder))
    if not records:
        raise NothingFoundError("no records found in the input")
    if not dedupe:
        return Loaded(records, records, recorder.problems)
    from scholarcli.dedupe import dedupe as merge

    works = merge(records).works
    if observer is not None:
        observer.event(Deduped(len(records), len(works)))
    return Loaded(records, works, recorder.problems)


class _Problems:
    """An observer that keeps each damaged block and unreadable input as a line, and passes every event on."""

    def __init__(self, observer: Observer | None) -> None:
        self.observer = observer
        self.problems: list[str] = []

    def event(self, event: Event | Deduped) -> None:
        if isinstance(event, ParseIssue | InputError):
            self.problems.append(str(event))
        if self.observer is not None:
            self.observer.event(event)


def audit(records: list[Work], threshold: float | None = None) -> DedupeReport:
    """The dedupe audit trail of these records: merged clusters with their rules, and near-misses."""
    from scholarcli.dedupe import DEFAULT_THRESHOLD, dedupe, report

    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    return report(records, dedupe(records, threshold), threshold)
