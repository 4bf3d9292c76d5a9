"""Pure functions over lists of works: filters, sorting, fuzzy search, and coauthor aggregation."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from scholarcli.model import Work
from scholarcli.normalise.names import PersonIndex


@dataclass(frozen=True, slots=True)
class Filters:
    """The filters every command shares. Dates are ISO strings compared at their common precision."""

    author: str | None = None
    since: str | None = None
    until: str | None = None
    type: str | None = None
    category: str | None = None
    has_code: bool | None = None


class NoSuchAuthorError(LookupError):
    """`--author` names nobody in the input; carries the closest names."""

    def __init__(self, query: str, suggestions: list[str]) -> None:
        hint = f"; closest: {', '.join(suggestions)}" if suggestions else ""
        super().__init__(f"no author matches {query!r}{hint}")
        self.suggestions = suggestions


def person_index(works: Iterable[Work]) -> PersonIndex:
    """Index every author spelling in the works into people."""
    return PersonIndex(name for work in works for name in work.authors)


def _date_key(work: Work) -> str | None:
    return work.date or (str(work.year) if work.year else None)


def _on_or_after(value: str, bound: str) -> bool:
    n = min(len(value), len(bound))
    return value[:n] >= bound[:n]


def _on_or_before(value: str, bound: str) -> bool:
    n = min(len(value), len(bound))
    return value[:n] <= bound[:n]


def apply_filters(works: Sequence[Work], filters: Filters, index: PersonIndex | None = None) -> list[Work]:
    """The works that pass every filter. `author` is matched as a person (accents, case, initials)."""
    person: str | None = None
    if filters.author:
        index = index or person_index(works)
        person = index.resolve(filters.author)
        if person is None:
            raise NoSuchAuthorError(filters.author, index.suggest(filters.author))
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
        if filters.category and not any(_category_matches(c, filters.category) for c in work.categories):
            continue
        if filters.has_code is not None and bool(work.has_code) != filters.has_code:
            continue
        kept.append(work)
    return kept


def _category_matches(category: str, wanted: str) -> bool:
    """`LG` matches `cs.LG` and `LG`; `cs.LG` matches both too."""
    return category.casefold().split(".")[-1] == wanted.casefold().split(".")[-1]


def sort_works(works: Sequence[Work], by: str | None, reverse: bool = False) -> list[Work]:
    """Sort by `year`, `date` or `title`; works lacking the key go last either way. None keeps input order."""
    if by is None:
        return list(works)[::-1] if reverse else list(works)
    def key(w: Work) -> Any:
        if by == "title":
            return (w.title or "").casefold()
        if by == "year":
            return w.year
        return _date_key(w)
    present = [w for w in works if key(w) not in (None, "")]
    missing = [w for w in works if key(w) in (None, "")]
    return sorted(present, key=key, reverse=reverse) + missing


# ------------------------------------------------------------------------------------------------ search

SEARCH_FIELDS = ("title", "abstract", "authors", "all")


@dataclass(frozen=True, slots=True)
class Hit:
    """A work that matched a search, with its score (0-100) and the field that matched best."""

    work: Work
    score: float
    field: str


def _field_texts(work: Work, field_name: str) -> dict[str, str]:
    texts = {"title": work.title or "", "abstract": work.abstract or "", "authors": "; ".join(work.authors)}
    return texts if field_name == "all" else {field_name: texts[field_name]}


def search(works: Sequence[Work], query: str, field_name: str = "all", min_score: float = 75.0) -> list[Hit]:
    """Rank works by fuzzy match of the query (typos and word order tolerated); `"quoted phrases"` must appear.

    Titles and authors are scored with rapidfuzz's WRatio; abstracts word by word (each query word's best
    fuzzy match among the abstract's words, averaged), so a few words can find a long text.
    """
    from rapidfuzz import fuzz, utils

    phrases = [p.casefold() for p in re.findall(r'"([^"]+)"', query)]
    loose = re.sub(r'"[^"]*"', " ", query).strip()
    hits: list[Hit] = []
    for work in works:
        texts = _field_texts(work, field_name)
        if phrases and not all(any(p in " ".join(t.split()).casefold() for t in texts.values()) for p in phrases):
            continue
        if not loose:
            hits.append(Hit(work, 100.0, next(iter(texts))))
            continue
        best, where = 0.0, field_name
        for name, text in texts.items():
            if not text:
                continue
            if name == "abstract":
                score = _words_score(loose, text)
            else:
                score = float(fuzz.WRatio(loose, text, processor=utils.default_process))
            if score > best:
                best, where = score, name
        if best >= min_score:
            hits.append(Hit(work, round(best, 1), where))
    hits.sort(key=lambda h: -h.score)
    return hits


def _words_score(query: str, text: str) -> float:
    """Mean over query words of the best rapidfuzz ratio against any word of the text."""
    from rapidfuzz import fuzz, process, utils

    words = set(utils.default_process(text).split())
    terms = utils.default_process(query).split()
    if not words or not terms:
        return 0.0
    best = [process.extractOne(t, words, scorer=fuzz.ratio) for t in terms]
    return sum(float(b[1]) if b else 0.0 for b in best) / len(terms)


# --------------------------------------------------------------------------------------------- coauthors


@dataclass(slots=True)
class CoauthorRow:
    """One coauthor of the chosen person: how many distinct works they share, and when."""

    name: str
    works: int = 0
    first_year: int | None = None
    last_year: int | None = None
    variants: list[str] = field(default_factory=list)
    lower_bound: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "works": self.works,
            "first_year": self.first_year,
            "last_year": self.last_year,
            "variants": self.variants,
            "lower_bound": self.lower_bound,
        }


@dataclass(slots=True)
class Coauthors:
    """The coauthor table of one person, and the edges of their coauthor network."""

    author: str
    works: int
    rows: list[CoauthorRow]
    edges: dict[tuple[str, str], int]
    truncated_works: int


def most_frequent_author(works: Sequence[Work], index: PersonIndex) -> tuple[str, int] | None:
    """The person who appears in the most works, and in how many."""
    counts: Counter[str] = Counter()
    for work in works:
        counts.update({p for p in (index.person(a) for a in work.authors) if p})
    if not counts:
        return None
    person, n = max(counts.items(), key=lambda item: (item[1], index.display(item[0])))
    return person, n


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
                variants=sorted(spellings[p]),
                lower_bound=truncated > 0,
            )
        )
    rows.sort(key=lambda r: (-r.works, r.name.casefold()))
    kept = {r.name for r in rows} | {index.display(person)}
    kept_edges = {pair: n for pair, n in edges.items() if pair[0] in kept and pair[1] in kept}
    return Coauthors(index.display(person), len(theirs), rows, kept_edges, truncated)


def collection_stats(
    records: Sequence[Work], works: Sequence[Work], index: PersonIndex, focal: str | None, top: int = 10
) -> dict[str, Any]:
    """The figures behind `scholar stats`: works per year, top coauthors/categories/venues, layouts, gaps."""
    per_year = Counter(w.year for w in works if w.year is not None)
    categories = Counter(c for w in works for c in dict.fromkeys(w.categories))
    venues = Counter(w.venue for w in works if w.venue)
    layouts = Counter(s.layout for r in records for s in r.sources)
    top_coauthors: list[dict[str, Any]] = []
    if focal is not None:
        network = coauthors(works, focal, index)
        top_coauthors = [{"name": r.name, "works": r.works, "lower_bound": r.lower_bound} for r in network.rows[:top]]
    return {
        "records": len(records),
        "works": len(works),
        "author": index.display(focal) if focal is not None else None,
        "per_year": {str(y): per_year[y] for y in sorted(per_year)},
        "top_coauthors": top_coauthors,
        "top_categories": [{"category": c, "works": n} for c, n in categories.most_common(top)],
        "top_venues": [{"venue": v, "works": n} for v, n in venues.most_common(top)],
        "layouts": dict(sorted(layouts.items())),
        "missing": {
            "title": sum(1 for w in works if not w.title),
            "authors": sum(1 for w in works if not w.authors),
            "date": sum(1 for w in works if not w.date and w.year is None),
        },
    }
