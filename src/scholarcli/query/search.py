"""Ranked fuzzy search over works, and the order hits are shown in."""

from __future__ import annotations

import re
from collections.abc import Sequence

from scholarcli.errors import UsageError
from scholarcli.model import Work
from scholarcli.model.results import Hit
from scholarcli.normalise.vocab import SEARCH_MIN_SCORE
from scholarcli.query.filters import sort_items, take

SEARCH_FIELDS = ("title", "abstract", "authors", "all")


def check_query(query: str, field_name: str) -> None:
    """A usage error for an empty query or an unknown field."""
    if not query.strip():
        raise UsageError("search: give words to look for (the query is empty)")
    if field_name not in SEARCH_FIELDS:
        raise UsageError(f"--field must be one of: {', '.join(SEARCH_FIELDS)}")


def _field_texts(work: Work, field_name: str) -> dict[str, str]:
    texts = {"title": work.title or "", "abstract": work.abstract or "", "authors": "; ".join(work.authors)}
    return texts if field_name == "all" else {field_name: texts[field_name]}


def search(
    works: Sequence[Work], query: str, field_name: str = "all", min_score: float = SEARCH_MIN_SCORE
) -> list[Hit]:
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


def order_hits(hits: list[Hit], by: str | None, reverse: bool, limit: int | None) -> list[Hit]:
    """Hits best first, or sorted by their works' year, date or title; then at most `limit`."""
    return take(sort_items(hits, lambda h: h.work, by, reverse), limit)
