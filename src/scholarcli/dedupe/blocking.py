"""Candidate pairs without an all-pairs loop: rare-token keys, word bags and sorted neighbourhoods, scored in rapidfuzz.

Memory stays a few hundred bytes per title: titles are read from one list by position, each kind of key
(rare words, pairs of them, word bags) is gathered, scored and freed in its own pass, and a key is only
gathered where no key scored before already compares the same titles.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

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
FIX_RATIO = 10

#: Found pairs, keyed by `low * size + high` (positions in the list of titles), with their score.
_Found = dict[int, float]


def word_counts(texts: Iterable[str]) -> Counter[str]:
    """In how many of the titles each token (longer than one character) occurs."""
    df: Counter[str] = Counter()
    for text in texts:
        df.update({t for t in text.split() if len(t) > 1})
    return df


def similar_pairs(texts: Sequence[str], floor: float, df: Counter[str] | None = None) -> list[tuple[int, int, float]]:
    """Pairs (p < q, score) of positions in `texts` whose texts share a blocking key or sit next to each other
    in sorted order, and score at least `floor` (rapidfuzz ratio), in order.

    Keys per text: its BLOCK_KEYS rarest tokens shared with another text, each alone and each pair of them,
    and its word bag (the sorted set of its words). Single rare tokens find re-typed titles that differ in
    several words; pairs stay selective where single words are common; the bag brings together copies that
    differ only by typos, case, punctuation and small words even where every word is common. A key shared by
    more than MAX_POSTING texts is skipped as unselective. A token far rarer than a corpus word one typo away
    from it is read as that word (`embeeding` -> `embedding`, see `typo_fixes`), so typos in several words
    leave the keys as they were. `df` is `word_counts(texts)` when the caller has it already; it is left
    as it was. Scoring runs inside rapidfuzz's C loop, so Python only sees close pairs.
    """
    df = word_counts(texts) if df is None else df
    fixes = _with_plurals(typo_fixes(df), df)  # small words count here, so `towrads`, `usign` read as small words
    special = STOPWORDS | set(fixes)
    delta = _fixed_counts(texts, fixes) if fixes else Counter()
    df.update(delta)  # the counts as blocking reads them, undone below
    try:
        rare = [_rarest(_words(text, fixes, special), df) for text in texts]
    finally:
        df.subtract(delta)
    found: _Found = {}
    covered = _score_keys(rare, texts, floor, found)
    del rare
    _score_bags(texts, covered, fixes, special, floor, found)
    del covered
    _neighbour_pairs(texts, floor, found)
    size = len(texts)
    return [(key // size, key % size, score) for key, score in sorted(found.items())]


def _words(text: str, fixes: dict[str, str], special: frozenset[str] | set[str]) -> set[str]:
    """The tokens of a text as blocking reads them: typos read as their word, small words left out."""
    tokens = {t for t in text.split() if len(t) > 1}
    if tokens.isdisjoint(special):
        return tokens
    return {fixes.get(t, t) for t in tokens} - STOPWORDS


def _fixed_counts(texts: Sequence[str], fixes: dict[str, str]) -> Counter[str]:
    """How the word counts change once typos are read as their words (and small words are left out, which
    changes only the counts of small words: no key is made of them)."""
    removed: Counter[str] = Counter()
    added: Counter[str] = Counter()
    typos = set(fixes)
    for text in texts:
        tokens = {t for t in text.split() if len(t) > 1}
        if tokens.isdisjoint(typos):
            continue
        fixed = {fixes.get(t, t) for t in tokens} - STOPWORDS
        removed.update(tokens - fixed)
        added.update(fixed - tokens)
    added.subtract(removed)
    return added


def _rarest(tokens: set[str], df: Counter[str]) -> tuple[str, ...]:
    """The BLOCK_KEYS rarest tokens that some other text shares (ties in alphabetical order), interned."""
    ranked = sorted(tokens)
    ranked.sort(key=df.__getitem__)
    start = 0
    while start < len(ranked) and df[ranked[start]] <= 1:
        start += 1
    return tuple(map(sys.intern, ranked[start: start + BLOCK_KEYS]))


def _score_keys(rare: list[tuple[str, ...]], texts: Sequence[str], floor: float, found: _Found) -> bytearray:
    """Score the texts sharing a rare token, then those sharing a pair of rare tokens where neither token
    was selective alone (where one was, the texts with both were compared already). Returns which texts
    some selective key compared (their word bags add nothing)."""
    covered = bytearray(len(texts))
    postings: dict[str, list[int]] = defaultdict(list)
    for k, tokens in enumerate(rare):
        for token in tokens:
            postings[token].append(k)
    selective = set()
    for token, members in postings.items():
        if 1 < len(members) <= MAX_POSTING:
            selective.add(token)
            _score_block(members, texts, floor, found)
            for k in members:
                covered[k] = 1
    del postings
    pairs: dict[tuple[str, str], list[int]] = defaultdict(list)
    for k, tokens in enumerate(rare):
        if len(tokens) > 1:
            for x, a in enumerate(tokens):
                if a not in selective:
                    for b in tokens[x + 1:]:
                        if b not in selective:
                            pairs[a, b].append(k)
    for members in pairs.values():
        if 1 < len(members) <= MAX_POSTING:
            _score_block(members, texts, floor, found)
            for k in members:
                covered[k] = 1
    return covered


def _score_bags(texts: Sequence[str], covered: bytearray, fixes: dict[str, str], special: frozenset[str] | set[str],
                floor: float, found: _Found) -> None:
    """Among the texts no selective key compared, score those with one word bag, and each against its
    neighbours in the sorted order of the bags (and of the reversed bags): a copy whose bag differs in one
    word (a typo two letters from its word) shares all the words before it, or all after it, in the bag.
    Texts with one bag have the same rare tokens, so where one of those keys was selective, they were
    compared there."""
    uncovered = [k for k in range(len(texts)) if not covered[k]]
    bag_of = [" ".join(sorted(_words(texts[k], fixes, special))) for k in uncovered]
    first: dict[str, int] = {}
    bags: dict[str, list[int]] = {}
    for k, bag in zip(uncovered, bag_of, strict=True):
        if (seen := first.setdefault(bag, k)) != k:
            bags.setdefault(bag, [seen]).append(k)
    del first
    for members in bags.values():
        if len(members) <= MAX_POSTING:
            _score_block(members, texts, floor, found)
    del bags
    _neighbour_pairs(texts, floor, found, uncovered, bag_of)


def typo_fixes(df: Counter[str]) -> dict[str, str]:
    """Each token that is one typo (a letter dropped, added, replaced, or two swapped) from a token seen at
    least FIX_RATIO times as often, mapped to the most frequent such token. The same slip recurs across a
    large corpus (`viion` for `vision`), so a typo is rare relative to its word, not necessarily unique.
    Found through deletion neighbourhoods: two words one edit apart share a word with one letter deleted,
    or one is the other with a letter deleted. Blocking only: the rules never see these fixes."""
    index: dict[str, list[str]] = defaultdict(list)  # every word one letter from a frequent word -> those words
    for word, count in df.items():
        if count >= FIX_RATIO and len(word) >= _FIX_MIN and word.isalpha():
            for variant in _deletions(word):
                index[variant].append(word)
    if not index:
        return {}
    fixes: dict[str, str] = {}
    for word, count in df.items():
        if count > 0 and len(word) >= _FIX_MIN and word.isalpha():
            found = [known for variant in _deletions(word) for known in index.get(variant, ())
                     if known != word and df[known] >= FIX_RATIO * count
                     and one_edit(word, known)]  # two deletions can also meet two edits apart
            if found:
                fixes[word] = max(found, key=lambda known: (df[known], known))
    return fixes


def _with_plurals(fixes: dict[str, str], df: Counter[str]) -> dict[str, str]:
    """The typo fixes, with every plural read as its singular where both are common (FIX_RATIO titles or
    more): a typo one letter from both (`agens`, `labesl`) is read as the more frequent, which need not be
    the one it was made in, so blocking keeps one of the two. Blocking only, like the fixes."""
    plurals = {word: word[:-1] for word, count in df.items()
               if count >= FIX_RATIO and word.endswith("s") and len(word) > 3 and df.get(word[:-1], 0) >= FIX_RATIO
               and word[:-1] not in fixes}
    if not plurals:
        return fixes
    return plurals | {typo: plurals.get(word, word) for typo, word in fixes.items()}


def _deletions(word: str) -> list[str]:
    """The word itself and every word made by deleting one of its letters."""
    return [word] + [word[:k] + word[k + 1:] for k in range(len(word))]


def _neighbour_pairs(texts: Sequence[str], floor: float, found: _Found, members: Sequence[int] | None = None,
                     keys: Sequence[str] | None = None) -> None:
    """Sorted neighbourhood: each text against the next NEIGHBOURS texts in sorted order, and in the order of
    its reversed text, so re-typed titles meet even where every word is common and no blocking key is selective.
    With `members` (positions) and their `keys`, those texts in the order of their keys instead.
    """
    from rapidfuzz import process
    from rapidfuzz.fuzz import ratio

    size = len(texts)
    members = range(size) if members is None else members
    keys = texts if keys is None else keys
    for ranks in (sorted(range(len(members)), key=keys.__getitem__),
                  sorted(range(len(members)), key=lambda n: keys[n][::-1])):
        order = [members[n] for n in ranks]
        del ranks
        ordered = [texts[k] for k in order]
        for x, k in enumerate(order):
            for _, score, y in process.extract(ordered[x], ordered[x + 1: x + 1 + NEIGHBOURS], scorer=ratio,
                                               score_cutoff=floor, limit=None):
                other = order[x + 1 + y]
                found[k * size + other if k < other else other * size + k] = score
        del order, ordered


def _score_block(members: list[int], texts: Sequence[str], floor: float, found: _Found) -> None:
    """Score every pair of the members (positions, ascending) inside rapidfuzz; record those >= floor."""
    from rapidfuzz import process
    from rapidfuzz.fuzz import ratio

    size = len(texts)
    if len(members) == 2:
        a, b = members
        if score := ratio(texts[a], texts[b], score_cutoff=floor):
            found[a * size + b] = score
        return
    strings = [texts[k] for k in members]
    for x in range(len(members) - 1):
        base = members[x] * size
        for _, score, y in process.extract(strings[x], strings[x + 1:], scorer=ratio, score_cutoff=floor,
                                           limit=None):
            found[base + members[x + 1 + y]] = score
