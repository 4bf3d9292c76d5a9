"""The figures behind `scholar stats`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from scholarcli.model import Work
from scholarcli.model.results import Stats
from scholarcli.normalise.names import PersonIndex
from scholarcli.normalise.vocab import TOP_LIST
from scholarcli.query.filters import category_key
from scholarcli.query.people import coauthors


def _categories(works: Sequence[Work], top: int) -> tuple[tuple[str, int], ...]:
    """Works per category, `LG` and `cs.LG` counted as one and shown in their most specific spelling."""
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    for work in works:
        for category in dict.fromkeys(work.categories):
            spellings.setdefault(category_key(category), Counter())[category] += 1
        counts.update(list(dict.fromkeys(category_key(c) for c in work.categories)))

    def shown(key: str) -> str:
        return max(spellings[key].items(), key=lambda item: ("." in item[0], item[1]))[0]
    return tuple((shown(key), n) for key, n in counts.most_common(top))


def collection_stats(
    records: Sequence[Work], works: Sequence[Work], index: PersonIndex, focal: str | None, top: int = TOP_LIST
) -> Stats:
    """Works per year, top coauthors/categories/venues, the layouts read, and the works missing a field.

    `records` and `layouts` count the records behind `works` (all of them when nothing is filtered out).
    """
    selected = {s for w in works for s in w.sources}
    records = [r for r in records if r.sources and r.sources[-1] in selected]
    per_year = Counter(w.year for w in works if w.year is not None)
    venues = Counter(w.venue for w in works if w.venue)
    layouts = Counter(s.layout for r in records for s in r.sources)
    top_coauthors = coauthors(works, focal, index).rows[:top] if focal is not None else ()
    return Stats(
        records=len(records),
        works=len(works),
        author=index.display(focal) if focal is not None else None,
        per_year={y: per_year[y] for y in sorted(per_year)},
        top_coauthors=top_coauthors,
        top_categories=_categories(works, top),
        top_venues=tuple(venues.most_common(top)),
        layouts=dict(sorted(layouts.items())),
        missing={
            "title": sum(1 for w in works if not w.title),
            "authors": sum(1 for w in works if not w.authors),
            "date": sum(1 for w in works if not w.date and w.year is None),
        },
    )
