"""Candidate pairs without an all-pairs loop: rare-token keys and sorted neighbourhoods, scored in rapidfuzz."""

from __future__ import annotations

from collections import Counter, defaultdict

#: How many of a title's rarest tokens make its blocking keys (each alone, and every pair of them).
BLOCK_KEYS = 3
#: Blocking keys shared by more records than this are not selective enough to compare all within.
MAX_POSTING = 200
#: How many sorted neighbours each title is compared with, in each of the two sort orders.
NEIGHBOURS = 4

_STOPWORDS = frozenset(
    "a an and are as at by for from in into is of on or over the to towards toward under via with without".split()
)


def block_keys(keys: dict[int, str]) -> dict[int, list[str]]:
    """Blocking keys per record: its BLOCK_KEYS rarest non-stopword tokens, and each pair of them.

    Single rare tokens find re-typed titles that differ in several words; pairs stay selective where single
    words are common (a key shared by more than MAX_POSTING records is skipped), and a typo in any one
    token leaves the other keys intact.
    """
    tokens = {i: {t for t in key.split() if t not in _STOPWORDS and len(t) > 1} for i, key in keys.items()}
    df: Counter[str] = Counter()
    for toks in tokens.values():
        df.update(toks)
    blocks: dict[int, list[str]] = {}
    for i, toks in tokens.items():
        rare = sorted(toks, key=lambda t: (df[t], t))[:BLOCK_KEYS]
        blocks[i] = rare + [f"{a} {b}" for x, a in enumerate(rare) for b in rare[x + 1:]]
    return blocks


def similar_pairs(blocks: dict[int, list[str]], texts: dict[int, str], floor: float) -> list[tuple[int, int, float]]:
    """Pairs (i < j, score) sharing a blocking key whose texts score at least `floor` (rapidfuzz ratio).

    Scoring runs inside rapidfuzz's C loop, one call per record and key, so Python only sees close pairs.
    Keys shared by more than MAX_POSTING records are skipped as unselective.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for i, keys in blocks.items():
        for key in keys:
            postings[key].append(i)
    found: dict[tuple[int, int], float] = {}
    for members in postings.values():
        if not 1 < len(members) <= MAX_POSTING:
            continue
        members.sort()
        strings = [texts[i] for i in members]
        for x in range(len(members) - 1):
            _score_following(members, strings, x, len(members), floor, found)
    found.update(_neighbour_pairs(texts, floor))
    return sorted((i, j, score) for (i, j), score in found.items())


def _neighbour_pairs(texts: dict[int, str], floor: float) -> dict[tuple[int, int], float]:
    """Sorted neighbourhood: each text against the next NEIGHBOURS texts in sorted order, and in the order of
    its reversed text, so re-typed titles meet even where every word is common and no blocking key is selective.
    """
    found: dict[tuple[int, int], float] = {}
    for order in (sorted(texts, key=texts.__getitem__), sorted(texts, key=lambda i: texts[i][::-1])):
        strings = [texts[i] for i in order]
        for x in range(len(order) - 1):
            _score_following(order, strings, x, x + 1 + NEIGHBOURS, floor, found)
    return found


def _score_following(
    order: list[int], strings: list[str], x: int, stop: int, floor: float, found: dict[tuple[int, int], float]
) -> None:
    """Score strings[x] against strings[x+1:stop] inside rapidfuzz; record pairs (low index first) >= floor."""
    from rapidfuzz import process
    from rapidfuzz.fuzz import ratio

    for _, score, y in process.extract(strings[x], strings[x + 1: stop], scorer=ratio, score_cutoff=floor, limit=None):
        i, j = order[x], order[x + 1 + y]
        found[(min(i, j), max(i, j))] = float(score)
