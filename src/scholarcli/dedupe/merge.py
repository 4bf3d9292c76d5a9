"""Merge policy: how the records of one cluster become one work, each field taking its most informative value."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from scholarcli.dedupe.rules import publisher_doi
from scholarcli.model import Source, Work
from scholarcli.normalise.names import family_key, person_key

_CUT_MARKS = ("…", "...")
# Venues that say "preprint", not where the work was published: arXiv, dblp's CoRR, bioRxiv, SSRN...
_PREPRINT_VENUE = re.compile(r"(?:arxiv|corr|biorxiv|medrxiv|chemrxiv|ssrn|research square|preprint)\b", re.I)


def merge_works(works: Sequence[Work]) -> Work:
    """One work from several records of it: full authors over truncated, full abstract over cut, earliest date.

    `year`/`date` are the first appearance (a dblp CoRR entry's year over its conference version's),
    `updated` the latest seen, `citations` the highest count; the venue and type are the published
    version's over a preprint's (`CoRR`, `arXiv`); the DOI is the publisher's over a preprint server's;
    lists and `sources` are unions.
    """
    if len(works) == 1:
        return works[0]
    authored = [w for w in works if w.authors]
    full = [w for w in authored if not w.authors_truncated]
    best_authors = max(full or authored, key=lambda w: len(w.authors)) if authored else None
    date = earliest_date(w.date for w in works)
    years = [w.year for w in works if w.year is not None]
    updated_candidates = [d for w in works for d in (w.updated, w.date) if d]
    venue_work = _most_specific_venue(works)
    return Work(
        title=_longest(w.title for w in works),
        authors=_with_missing_authors(best_authors, authored) if best_authors else (),
        authors_truncated=(
            best_authors.authors_truncated if best_authors else any(w.authors_truncated for w in works)
        ),
        year=min(years) if years else None,
        date=date,
        updated=max(updated_candidates) if any(w.updated for w in works) else None,
        arxiv_id=_first(w.arxiv_id for w in works),
        arxiv_version=max((w.arxiv_version for w in works if w.arxiv_version), default=None),
        doi=_first(w.doi for w in works if publisher_doi(w)) or _first(w.doi for w in works),
        pmid=_first(w.pmid for w in works),
        citations=max((w.citations for w in works if w.citations is not None), default=None),
        venue=venue_work.venue if venue_work else None,
        type=(venue_work.type if venue_work else None)
        or _first(w.type for w in works if w.type != "preprint")
        or _first(w.type for w in works),
        abstract=best_abstract(w.abstract for w in works),
        comment=_longest(w.comment for w in works),
        journal_ref=_longest(w.journal_ref for w in works),
        categories=_union(w.categories for w in works),
        affiliations=_union(w.affiliations for w in works),
        score=max((w.score for w in works if w.score is not None), default=None),
        has_code=_any_flag(w.has_code for w in works),
        sources=_union_sources(w.sources for w in works),
    )


def _with_missing_authors(best: Work, authored: Sequence[Work]) -> tuple[str, ...]:
    """The chosen author list; when it is cut (`…`), followed by the people other records name that it lacks.

    A Google Scholar row cut before the profile's owner, merged with the owner's ORCID record, still names
    the owner. A person is matched by family name and first initial, so `R. Green` does not add to `RE Green`.
    """
    if not best.authors_truncated:
        return best.authors
    seen = {_family_initial(name) for name in best.authors}
    extra: dict[tuple[str, str], str] = {}
    for work in authored:
        for name in work.authors:
            key = _family_initial(name)
            if key not in seen and key not in extra:
                extra[key] = name
    return best.authors + tuple(extra.values())


def _family_initial(name: str) -> tuple[str, str]:
    key = person_key(name)
    return family_key(name), key[:1]


def earliest_date(dates: Iterable[str | None]) -> str | None:
    """The earliest ISO date; of dates equal at their common precision, the most precise (`2020-09-30` over `2020`)."""
    best: str | None = None
    for d in dates:
        if not d:
            continue
        if best is None:
            best = d
            continue
        common = min(len(best), len(d))
        if d[:common] < best[:common] or (d[:common] == best[:common] and len(d) > len(best)):
            best = d
    return best


def best_abstract(abstracts: Iterable[str | None]) -> str | None:
    """The full abstract over a cut one (ending in `…`); among full ones, the longest."""
    texts = [a for a in abstracts if a]
    if not texts:
        return None
    return max(texts, key=lambda a: (not a.rstrip().endswith(_CUT_MARKS), len(a)))


def _most_specific_venue(works: Sequence[Work]) -> Work | None:
    """The record whose venue says most: a journal or conference over a preprint server, a named venue over none."""
    with_venue = [w for w in works if w.venue]
    if not with_venue:
        return None
    return max(with_venue, key=lambda w: (not _PREPRINT_VENUE.match(w.venue or ""), len(w.venue or "")))


def _any_flag(values: Iterable[bool | None]) -> bool | None:
    """True if any is True, else False if any is False, else None."""
    seen = [v for v in values if v is not None]
    return any(seen) if seen else None


def _first(values: Iterable[str | None]) -> str | None:
    return next((v for v in values if v), None)


def _longest(values: Iterable[str | None]) -> str | None:
    present = [v for v in values if v]
    return max(present, key=len) if present else None


def _union(groups: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for group in groups for item in group))


def _union_sources(groups: Iterable[tuple[Source, ...]]) -> tuple[Source, ...]:
    return tuple(dict.fromkeys(s for group in groups for s in group))
