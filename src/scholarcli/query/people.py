"""People in a collection: the person index, the default person, and coauthor networks."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from scholarcli.errors import NothingFoundError
from scholarcli.model import Work
from scholarcli.model.results import CoauthorRow, Coauthors
from scholarcli.normalise.names import PersonIndex
from scholarcli.query.filters import resolve_person


def person_index(works: Iterable[Work]) -> PersonIndex:
    """Index every author spelling in the works into people."""
    return PersonIndex(name for work in works for name in work.authors)


@dataclass(frozen=True, slots=True)
class Chosen:
    """The person a command is about; `defaulted` when no --author named them and `works` is their count."""

    person: str
    name: str
    works: int
    defaulted: bool


def most_frequent_author(works: Sequence[Work], index: PersonIndex) -> tuple[str, int] | None:
    """The person who appears in the most works, and in how many (ties: the name that sorts last)."""
    counts: Counter[str] = Counter()
    for work in works:
        counts.update({p for p in (index.person(a) for a in work.authors) if p})
    if not counts:
        return None
    person, n = max(counts.items(), key=lambda item: (item[1], index.display(item[0])))
    return person, n


def choose_person(works: Sequence[Work], index: PersonIndex, author: str | None) -> Chosen:
    """The person `author` names, or by default the one in the most works; an error when there is neither,
    or when the filters left no works."""
    if not works:
        raise NothingFoundError("no works match the filters")
    if author is not None:
        person = resolve_person(index, author)
        return Chosen(person, index.display(person), 0, False)
    top = most_frequent_author(works, index)
    if top is None:
        raise NothingFoundError("no works with authors in the input")
    return Chosen(top[0], index.display(top[0]), top[1], True)


def coauthors(works: Sequence[Work], person: str, index: PersonIndex, min_works: int = 1) -> Coauthors:
    """Count distinct shared works per coauthor of `person`; rows sorted by works (most first), then name.

    When any of the person's works lists only some authors, every count is a lower bound (`lower_bound`).
    """
    theirs = [w for w in works if person in {index.person(a) for a in w.authors}]
    truncated = sum(1 for w in theirs if w.authors_truncated)
    shared: dict[str, list[Work]] = defaultdict(list)
    spellings: dict[str, set[str]] = defaultdict(set)
    edges: Counter[tuple[str, str]] = Counter()
    for work in theirs:
        people: dict[str, str] = {}
        for name in work.authors:
            p = index.person(name)
            if p is not None:
                people.setdefault(p, name)
                spellings[p].add(name)
        for p in people:
            if p != person:
                shared[p].append(work)
        names = sorted(index.display(p) for p in people)
        for x, a in enumerate(names):
            for b in names[x + 1:]:
                edges[(a, b)] += 1
    rows = []
    for p, ws in shared.items():
        if len(ws) < min_works:
            continue
        years = [w.year for w in ws if w.year is not None]
        rows.append(
            CoauthorRow(
                name=index.display(p),
                works=len(ws),
                first_year=min(years) if years else None,
                last_year=max(years) if years else None,
                variants=tuple(sorted(spellings[p])),
                lower_bound=truncated > 0,
            )
        )
    rows.sort(key=lambda r: (-r.works, r.name.casefold()))
    network = Coauthors(index.display(person), len(theirs), tuple(rows), dict(edges), truncated)
    return network.limited(len(rows))
