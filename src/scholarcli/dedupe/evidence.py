"""Word-level evidence: the words of one title that nothing in the other explains.

Two titles of one work differ only by spelling (`colour`/`color`, folded by `match_key`), inflection
(`network`/`networks`), compounds (`pre training`/`pretraining`), small words (`a`, `of`, `the`), a doubled
word or a typo. Any other differing word (`supervised`/`unsupervised`, `image`/`video`, `adam`/`adagrad`,
`non iid`/`iid`) is evidence of two works, whoever the authors are.
"""

from __future__ import annotations

from collections import Counter

#: Small words whose presence or absence says nothing (negations such as `not`, `non`, `without` are not here).
IGNORABLE = frozenset(
    "a an the of for on in at to by with from and or via into as is are using towards toward s".split()
)
#: Shortest word in which a replaced letter is read as a typo (`tree`/`trie` are two words).
_TYPO_REPLACE_MIN = 5
#: Shortest word that a letter added or dropped at its end is read as a typo (`image`/`imagen` are two words).
_TYPO_END_MIN = 6


def unexplained_words(key_a: str, key_b: str) -> tuple[str, ...]:
    """The words of either match key (see `titles.match_key`) that no word of the other accounts for."""
    tokens_a, tokens_b = key_a.split(), key_b.split()
    counts_a, counts_b = Counter(tokens_a), Counter(tokens_b)
    left_a = list((counts_a - counts_b).elements())
    left_b = list((counts_b - counts_a).elements())
    left_a = _compounds(left_a, left_b, tokens_b)
    left_b = _compounds(left_b, left_a, tokens_a)
    left_a = [t for t in left_a if t not in IGNORABLE]
    left_b = [t for t in left_b if t not in IGNORABLE]
    unpaired: list[str] = []
    for word in left_a:
        partner = next((other for other in left_b if same_word(word, other)), None)
        if partner is None:
            unpaired.append(word)
        else:
            left_b.remove(partner)
    # What is still left over but stands in the other title anyway is a doubled word.
    set_a, set_b = set(tokens_a), set(tokens_b)
    return tuple([t for t in unpaired if t not in set_b] + [t for t in left_b if t not in set_a])


def _compounds(words: list[str], others: list[str], other_tokens: list[str]) -> list[str]:
    """Drop each word that is two or three consecutive words of the other title run together, and those
    words from `others` (`pretraining` and `pre training`, `learners` and `learner s`)."""
    kept: list[str] = []
    for word in words:
        parts = _split_as(word, other_tokens)
        if parts is None:
            kept.append(word)
            continue
        for part in parts:
            if part in others:
                others.remove(part)
    return kept


def _split_as(word: str, tokens: list[str]) -> list[str] | None:
    for size in (2, 3):
        for start in range(len(tokens) - size + 1):
            run = tokens[start: start + size]
            if "".join(run) == word:
                return run
    return None


def same_word(a: str, b: str) -> bool:
    """Whether two differing words are one word: an inflection (`network`/`networks`, `study`/`studies`) or a
    typo (one letter dropped, added, replaced or two swapped, away from the first letter)."""
    if a == b:
        return True
    if _inflection(a, b) or _inflection(b, a):
        return True
    return _typo(a, b)


def _inflection(short: str, long: str) -> bool:
    if long in (short + "s", short + "es"):
        return True
    return short.endswith("y") and long == short[:-1] + "ies"


def _typo(a: str, b: str) -> bool:
    if not (a.isalpha() and b.isalpha()) or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diffs) == 1:  # one letter replaced
            return diffs[0] > 0 and len(a) >= _TYPO_REPLACE_MIN
        if len(diffs) == 2:  # two neighbours swapped
            i, j = diffs
            return j == i + 1 and i > 0 and a[i] == b[j] and a[j] == b[i] and len(a) >= 4
        return False
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    if i == 0 or long[:i] + long[i + 1:] != short:
        return False  # a letter added in front is a prefix: `asynchronous`, `emnist`
    return len(short) >= (_TYPO_END_MIN if i == len(long) - 1 else 4)
