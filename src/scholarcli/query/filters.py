"""Filters and ordering shared by every command: who, when, what type, which category, code or not."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from scholarcli.errors import NothingFoundError, UsageError, quoted
from scholarcli.model import Work
from scholarcli.normalise.dates import parse_when

if TYPE_CHECKING:
    from scholarcli.normalise.names import PersonIndex

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Filters:
    """The filters every command shares. Dates are ISO strings compared at their common precision."""

    author: str | None = None
    since: str | None = None
    until: str | None = None
    type: str | None = None
    category: str | None = None
    has_code: bool | None = None

    @classmethod
    def from_options(
        cls,
        author: str | None = None,
        since: str | None = None,
        until: str | None = None,
        work_type: str | None = None,
        category: str | None = None,
        has_code: bool | None = None,
    ) -> Filters:
        """Filters from option values as typed; a value that cannot be meant is a UsageError."""
        first, last = _when(since, "--since"), _when(until, "--until")
        if first and last and not _on_or_before(first, last):
            raise UsageError(f"--since {since} is later than --until {until}")
        check_name(author)
        for option, value in (("--type", work_type), ("--category", category)):
            if value is not None and not value.strip():
                raise UsageError(f"{option}: give a value (it is empty)")
        return cls(author, first, last, work_type, category, has_code)


def _when(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        return parse_when(value)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}") from None


class NoSuchAuthorError(NothingFoundError):
    """`--author` names nobody in the input; carries the closest names."""

    def __init__(self, query: str, suggestions: list[str]) -> None:
        hint = f"; closest: {', '.join(suggestions)}" if suggestions else ""
        super().__init__(f"no author matches {quoted(query)}{hint}")
        self.suggestions = suggestions


def check_name(author: str | None) -> None:
    """A UsageError for an `--author` given with nothing in it."""
    if author is not None and not author.strip():
        raise UsageError("--author: give a name (the value is empty)")


def resolve_person(index: PersonIndex, author: str) -> str:
    """The person `author` names; NoSuchAuthorError naming the closest people when it names nobody."""
    check_name(author)
    person = index.resolve(author)
    if person is None:
        raise NoSuchAuthorError(author, index.suggest(author))
    return person


def _date_key(work: Work) -> str | None:
    return work.date or (str(work.year) if work.year else None)


def _on_or_after(value: str, bound: str) -> bool:
    n = min(len(value), len(bound))
    return value[:n] >= bound[:n]


def _on_or_before(value: str, bound: str) -> bool:
    n = min(len(value), len(bound))
    return value[:n] <= bound[:n]


def category_key(category: str) -> str:
    """What identifies a category: `cs.LG`, `LG` and `lg` are one (the part after the archive, folded)."""
    return category.casefold().split(".")[-1]


def apply_filters(works: Sequence[Work], filters: Filters, index: PersonIndex | None = None) -> list[Work]:
    """The works that pass every filter. `author` is matched as a person (accents, case, initials)."""
    if filters == Filters():
        return list(works)
    person: str | None = None
    if filters.author:
        from scholarcli.query.people import person_index

        index = index or person_index(works)
        person = resolve_person(index, filters.author)
    wanted = category_key(filters.category) if filters.category else None
    kept: list[Work] = []
    for work in works:
        if person is not None and index is not None and person not in {index.person(a) for a in work.authors}:
            continue
        when = _date_key(work)
        if filters.since and (when is None or not _on_or_after(when, filters.since)):
            continue
        if filters.until and (when is None or not _on_or_before(when, filters.until)):
            continue
        if filters.type and (work.type or "").casefold() != filters.type.casefold():
            continue
        if wanted and not any(category_key(c) == wanted for c in work.categories):
            continue
        if filters.has_code is not None and work.has_code is not filters.has_code:
            continue
        kept.append(work)
    return kept


def sort_items(items: Sequence[T], work_of: Callable[[T], Work], by: str | None, reverse: bool = False) -> list[T]:
    """Sort by their works' `year`, `date` or `title`; those lacking the key go last either way.
    None keeps input order (reversed when asked)."""
    if by is None:
        return list(items)[::-1] if reverse else list(items)

    def key(item: T) -> str | int | None:
        work = work_of(item)
        if by == "title":
            return _title_order(work.title)
        if by == "year":
            return work.year
        return _date_key(work)

    present = [(k, item) for item in items if (k := key(item)) not in (None, "")]
    missing = [item for item in items if key(item) in (None, "")]
    present.sort(key=lambda pair: pair[0], reverse=reverse)
    return [item for _, item in present] + missing


def _title_order(title: str | None) -> str:
    """A title as an index orders it: accents, case and opening quotes or brackets ignored (`Élan` by `E`)."""
    import re

    from scholarcli.normalise.titles import fold_accents

    return re.sub(r"^[\W_]+", "", fold_accents(title or "").casefold())


def sort_works(works: Sequence[Work], by: str | None, reverse: bool = False) -> list[Work]:
    """Sort works by `year`, `date` or `title` (see `sort_items`)."""
    return sort_items(works, lambda w: w, by, reverse)


def take(items: list[T], limit: int | None) -> list[T]:
    """At most `limit` items (all when None)."""
    return items if limit is None else items[:limit]
