"""The figures of `scholar report`, gathered from the pipeline's results: the person, their thinned coauthor
network, citation figures, and what was read (files, layouts, merges, warnings). Pure; rendering is elsewhere."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from scholarcli.model import Work
from scholarcli.model.results import Coauthors
from scholarcli.normalise.names import PersonIndex
from scholarcli.query.filters import sort_works
from scholarcli.query.people import coauthors, most_frequent_author

#: Coauthors shown in the network and the table when `--limit` is not given.
DEFAULT_LIMIT = 30


@dataclass(frozen=True, slots=True)
class ReadStats:
    """What was read: records per layout and per file, distinct works after dedupe, and the warnings given."""

    records: int
    works: int
    layouts: dict[str, int]
    files: dict[str, tuple[str, int]]
    warnings: tuple[str, ...] = ()

    @classmethod
    def of(cls, records: Sequence[Work], works: int, warnings: Iterable[str] = ()) -> ReadStats:
        """Count the records (as parsed, before dedupe) by layout and by file."""
        layouts: Counter[str] = Counter()
        files: dict[str, tuple[str, int]] = {}
        for record in records:
            for source in record.sources:
                layouts[source.layout] += 1
                layout, n = files.get(source.path, (source.layout, 0))
                files[source.path] = (layout, n + 1)
        return cls(len(records), works, dict(sorted(layouts.items())), files, tuple(warnings))


@dataclass(frozen=True, slots=True)
class ReportInput:
    """Everything the page shows. `works` are in display order (newest first), after dedupe and filters."""

    works: Sequence[Work]
    read: ReadStats
    generated: datetime
    version: str
    person: str | None = None
    person_given: bool = False
    person_spellings: frozenset[str] = frozenset()
    person_works: int = 0
    network: Coauthors | None = None
    coauthors_total: int = 0
    min_works: int = 1
    filters: tuple[str, ...] = ()
    citations: tuple[int, int, int] | None = None  # total, h-index, works with a known count


def build_time() -> datetime:
    """Now, in UTC; or the time SOURCE_DATE_EPOCH gives, for reproducible pages."""
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC)


def describe_filters(filters: Mapping[str, str | bool | None]) -> tuple[str, ...]:
    """The filters in force as options: {"--since": "2020", "--has-code": False} -> ("--since 2020", "--no-code")."""
    given: list[str] = []
    for option, value in filters.items():
        if isinstance(value, bool):
            given.append(option if value else "--no-" + option.removeprefix("--has-"))
        elif value is not None:
            given.append(f"{option} {value}")
    return tuple(given)


def gather(
    records: Sequence[Work],
    deduped: int,
    works: Sequence[Work],
    index: PersonIndex,
    person: str | None = None,
    *,
    min_works: int = 1,
    limit: int | None = None,
    warnings: Iterable[str] = (),
    filters: Mapping[str, str | bool | None] | None = None,
    generated: datetime | None = None,
    version: str = "",
) -> ReportInput:
    """Assemble the report's figures. `person` (a PersonIndex key) defaults to whoever is in the most works;
    their coauthor network is thinned to `min_works` shared works and the top `limit` (default DEFAULT_LIMIT).
    `deduped` is the number of works after dedupe, before the filters that left `works`."""
    given = person is not None
    if person is None:
        top = most_frequent_author(works, index)
        person = top[0] if top else None
    network: Coauthors | None = None
    total = theirs = 0
    spellings: frozenset[str] = frozenset()
    if person is not None:
        network = coauthors(works, person, index, min_works)
        theirs, total = network.works, len(network.rows)
        network = network.limited(DEFAULT_LIMIT if limit is None else limit)
        spellings = frozenset(a for w in works for a in w.authors if index.person(a) == person)
    return ReportInput(
        works=sort_works(works, "date", reverse=True),
        read=ReadStats.of(records, deduped, warnings),
        generated=generated or build_time(),
        version=version,
        person=index.display(person) if person is not None else None,
        person_given=given,
        person_spellings=spellings,
        person_works=theirs,
        network=network,
        coauthors_total=total,
        min_works=min_works,
        filters=describe_filters(filters or {}),
        citations=citation_figures(w.citations for w in works),
    )


# ------------------------------------------------------------------------------------------ figures


def h_index(counts: Iterable[int]) -> int:
    """The largest h such that h works have at least h citations each."""
    h = 0
    for rank, count in enumerate(sorted(counts, reverse=True), start=1):
        if count < rank:
            break
        h = rank
    return h


def citation_figures(counts: Iterable[int | None]) -> tuple[int, int, int] | None:
    """(total citations, h-index, works with a known count), or None when no work's count is known."""
    known = [c for c in counts if c is not None]
    if not known:
        return None
    return sum(known), h_index(known), len(known)
