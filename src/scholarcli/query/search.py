"""Ranked fuzzy search over works, and the order hits are shown in."""

from __future__ import annotations

import re
from collections.abc import Sequence

from scholarcli.errors import UsageError, quoted
from scholarcli.model import Work
from scholarcli.model.results import Hit
from scholarcli.normalise.titles import fold_accents
from scholarcli.normalise.vocab import SEARCH_MIN_SCORE, STOPWORDS
from scholarcli.query.filters import sort_items, take

SEARCH_FIELDS = ("title", "abstract", "authors", "all")


def check_query(query: str, field_name: str) -> str:
    """The field to search (in lower case); a usage error for an empty query or an unknown field."""
    if not query.strip():
        raise UsageError("search: give words to look for (the query is empty)")
    if not any(c.isalnum() for c in query):
        raise UsageError(f"search: give words to look for ({quoted(query)} has none)")
    if field_name.casefold() not in SEARCH_FIELDS:
        raise UsageError(f"--field must be one of: {', '.join(SEARCH_FIELDS)}")
    return field_name.casefold()


def _field_texts(work: Work, field_name: str) -> dict[str, str]:
    texts = {"title": work.title or "", "abstract": work.abstract or "", "authors": "; ".join(work.authors)}
    return texts if field_name == "all" else {field_name: texts[field_name]}


_FIELD_RANK = {"title": 0, "authors": 1, "abstract": 2}


def search(
    works: Sequence[Work], query: str, field_name: str = "all", min_score: float = SEARCH_MIN_SCORE
) -> list[Hit]:
    """Rank works by fuzzy match of the query (typos, word order); `"quoted phrases"` must appear as whole words.

    Every field is scored word by word: each query word's best fuzzy match among the field's words,
    averaged, so a work must match most of the query, not just share one word with it. Equal scores put
    a title match before an authors or abstract match, and the title closest to the whole query first.
    """
    from rapidfuzz import fuzz, utils

    phrases = [re.compile(rf"(?<!\w){re.escape(_fold(p))}(?!\w)")
               for p in re.findall(r'"([^"]+)"', query) if p.strip()]
    loose = re.sub(r'"[^"]*"', " ", query).strip()
    ranked: list[tuple[float, int, float, Hit]] = []
    for work in works:
        texts = _field_texts(work, field_name)
        if phrases and not all(any(p.search(_fold(t)) for t in texts.values()) for p in phrases):
            continue
        if not loose:
            hit = Hit(work, 100.0, next(iter(texts)))
        else:
            best, where = 0.0, field_name
            for name, text in texts.items():
                score = round(_words_score(loose, text), 1) if text else 0.0
                if score > best:
                    best, where = score, name
            if best < min_score:
                continue
            hit = Hit(work, best, where)
        closeness = fuzz.ratio(loose or query, work.title or "", processor=utils.default_process)
        ranked.append((-hit.score, _FIELD_RANK.get(hit.field, 3), -closeness, hit))
    ranked.sort(key=lambda r: r[:3])
    return [r[3] for r in ranked]


def _fold(text: str) -> str:
    """Text as a quoted phrase is compared: spacing, case and accents folded."""
    return fold_accents(" ".join(text.split())).casefold()


def _words_score(query: str, text: str) -> float:
    """Mean over query words (small words such as `the`, `of` left out) of the best match against any word.

    A word matches by rapidfuzz ratio (typos), or at 90 when a text word starts with it (`cluster` finds
    `clustering`, the initial `j` finds `juhua`).
    """
    from rapidfuzz import fuzz, process, utils

    words = set(utils.default_process(fold_accents(text)).split())
    terms = utils.default_process(fold_accents(query)).split()
    terms = [t for t in terms if t not in STOPWORDS] or terms
    if not words or not terms:
        return 0.0
    total = 0.0
    for term in terms:
        if term in words:
            total += 100.0
            continue
        found = process.extractOne(term, words, scorer=fuzz.ratio)
        score = float(found[1]) if found else 0.0
        if (len(term) >= 4 or len(term) == 1) and score < 90 and any(w.startswith(term) for w in words):
            score = 90.0
        total += score
    return total / len(terms)


def order_hits(hits: list[Hit], by: str | None, reverse: bool, limit: int | None) -> list[Hit]:
    """Hits best first, or sorted by their works' year, date or title; then at most `limit`."""
    return take(sort_items(hits, lambda h: h.work, by, reverse), limit)
