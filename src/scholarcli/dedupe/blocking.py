"""Candidate pairs without an all-pairs loop: rare-token keys and sorted neighbourhoods, scored in rapidfuzz."""

from __future__ import annotations

from collections import Counter, defaultdict

from scholarcli.dedupe.evidence import one_edit
from scholarcli.normalise.vocab import STOPWORDS

#: How many of a title's rarest tokens make its blocking keys (each alone, and every pair of them).
BLOCK_KEYS = 3
#: Blocking keys shared by more records than this are not selective enough to compare all within.
MAX_POSTING = 200
#: How many sorted neighbours each title is compared with, in each of the two sort orders.
NEIGHBOURS = 4

#: Shortest token that blocking reads as a typo of a more frequent one, and how much more frequent that must be.
_FIX_MIN = 4
_FIX_RATIO = 10


def block_keys(keys: dict[int, str]) -> dict[int, list[str]]:
    """Blocking keys per record: its BLOCK_KEYS rarest shared tokens, each pair of them, and its word bag.

    Single rare tokens find re-typed titles that differ in several words; pairs stay selective where single
    words are common (a key shared by more than MAX_POSTING records is skipped). A token far rarer than a
    corpus word one typo away from it is read as that word (`embeeding` -> `embedding`, see
    `typo_fixes`), so typos in several words leave the keys as they were. The word bag (the sorted set of
    those words) brings together copies that differ only by typos, case, punctuation and small words even
    where every word is common and no rare-token key is selective.
    """
    tokens = {i: {t for t in key.split() if len(t) > 1} for i, key in keys.items()}
    df: Counter[str] = Counter()
    for toks in tokens.values():
        df.update(toks)
    fixes = typo_fixes(df)  # small words count here, so `towrads` and `usign` read as small words
    for i, toks in tokens.items():
        if any(t in fixes or t in STOPWORDS for t in toks):
            fixed = {fixes.get(t, t) for t in toks} - STOPWORDS
            df.subtract(toks - fixed)
            df.update(fixed - toks)
            tokens[i] = fixed
    blocks: dict[int, list[str]] = {}
    for i, toks in tokens.items():
        rare = sorted((t for t in toks if df[t] > 1), key=lambda t: (df[t], t))[:BLOCK_KEYS]
        pairs = [f"{a} {b}" for x, a in enumerate(rare) for b in rare[x + 1:]]
        blocks[i] = [*rare, *pairs, "=" + " ".join(sorted(toks))]
    return blocks


def typo_fixes(df: Counter[str]) -> dict[str, str]:
    """Each token that is one typo (a letter dropped, added, replaced, or two swapped) from a token seen at
    least _FIX_RATIO times as often, mapped to the most frequent such token. The same slip recurs across a
    large corpus (`viion` for `vision`), so a typo is rare relative to its word, not necessarily unique.
    Found through deletion neighbourhoods: two words one edit apart share a word with one letter deleted,
    or one is the other with a letter deleted. Blocking only: the rules never see these fixes."""
    index: dict[str, str] = {}
    for word, count in df.items():
        if count > 1 and len(word) >= _FIX_MIN and word.isalpha():
            for variant in _deletions(word):
                known = index.get(variant)
                if known is None or df[known] < count:
                    index[variant] = word
    if not index:
        return {}
    fixes: dict[str, str] = {}
    for word, count in df.items():
        if len(word) >= _FIX_MIN and word.isalpha():
            found = [known for variant in _deletions(word)
                     if (known := index.get(variant)) and known != word and df[known] >= _FIX_RATIO * count
                     and one_edit(word, known)]  # two deletions can also meet two edits apart
            if found:
                fixes[word] = max(found, key=lambda known: (df[known], known))
    return fixes


def _deletions(word: str) -> list[str]:
    """The word itself and every word made by deleting one of its letters."""
    return [word] + [word[:k] + word[k + 1:] for k in range(len(word))]


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
