"""Word-level evidence: the words of one title that nothing in the other explains.

Two titles of one work differ only by spelling (`colour`/`color`, folded by `match_key`), inflection
(`network`/`networks`), compounds (`pre training`/`pretraining`), small words (`a`, `of`, `the`), a doubled
word or a typo. Any other differing word (`supervised`/`unsupervised`, `image`/`video`, `adam`/`adagrad`,
`non iid`/`iid`) is evidence of two works, whoever the authors are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping
from functools import lru_cache

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)

#: Small words whose presence or absence says nothing (negations such as `not`, `non`, `without` are not here).
IGNORABLE = frozenset(
    "a an the of for on in at to by with from and or via into as is are using towards toward s".split()
)
_LONG_SMALL_WORDS = tuple(w for w in IGNORABLE if len(w) >= 4)
#: Shortest word in which a replaced letter is read as a typo, among names (`tree`/`trie` are two words).
_TYPO_REPLACE_MIN = 5
#: Shortest word whose first or last letter may slip (`image`/`imagen`, `adam`/`adamw` are two names).
_TYPO_END_MIN = 6
#: In a corpus, a word one edit from a word of the other title that occurs in at least this many times as many
#: titles is read as its typo, whatever the letter or the length (`clou`/`cloud`, `eta`/`meta`, `loud`/`cloud`).
CORPUS_TYPO_RATIO = 50
# A word written as a name: a capital after a small letter (`AdamW`, `mBERT`, `ResNeXt`) or two capitals (`GPTQ`).
_NAMED = re.compile(r"[a-z][A-Z]|[A-Z]\w*[A-Z]")


def unexplained_words(key_a: str, key_b: str, counts: Mapping[str, int] | None = None,
                      names: Collection[str] = ()) -> tuple[str, ...]:
    """The words of either match key (see `titles.match_key`) that no word of the other accounts for.

    With `counts` (in how many titles of the corpus each word occurs), a word far rarer than a word one edit
    away in the other title is that word mistyped (`corpus_typo`; `names` are the words written as names)."""
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
        partner = next((other for other in left_b if same_word(word, other)
                        or (counts is not None and corpus_typo(word, other, counts, names))), None)
        if partner is None:
            unpaired.append(word)
        else:
            left_b.remove(partner)
    # What is still left over but stands in the other title anyway is a doubled word; a slip in a small
    # word (`towrads`, `usign`; in a corpus also `wit` beside `with`, `fo` beside `for`) is a small word.
    set_a, set_b = set(tokens_a), set(tokens_b)
    small_a, small_b = set_a & IGNORABLE, set_b & IGNORABLE
    return tuple([t for t in unpaired if t not in set_b and not _small_word_slip(t, small_b, counts, names)]
                 + [t for t in left_b if t not in set_a and not _small_word_slip(t, small_a, counts, names)])


def corpus_typo(a: str, b: str, counts: Mapping[str, int], names: Collection[str] = ()) -> bool:
    """Whether one of two words, one edit apart, is the other mistyped by the corpus's evidence: the other
    occurs in at least CORPUS_TYPO_RATIO times as many titles. A slip recurs across a large corpus (`ban` for
    `bank`), but never as often as the word; a real word one letter from another (`motion`/`emotion`) has titles
    of its own. A rare word written as a name (`names`, see `written_as_names`) is a typo only with a letter
    dropped (`NeR` for `NeRF`): names are coined by adding or changing a letter (`AdamW`, `mBERT`, `GPTQ`).
    In a small corpus no word is common enough, and the word-level rules decide alone."""
    if one_edit(a, b) is None or not (a.isalpha() and b.isalpha()):
        return False
    count_a, count_b = counts.get(a, 0), counts.get(b, 0)
    (rare, rare_count), (common, common_count) = sorted(((a, count_a), (b, count_b)), key=lambda wc: wc[1])
    if rare in names and len(rare) >= len(common):
        return False
    return common_count >= CORPUS_TYPO_RATIO * max(1, rare_count)


def written_as_names(title: str | None) -> frozenset[str]:
    """The words of a title written as names (`AdamW`, `mBERT`, `GPTQ`, `NeRF`), lower-cased."""
    if not title:
        return frozenset()
    return frozenset(word.lower() for word in re.findall(r"\w+", title) if _NAMED.search(word))


def _small_word_slip(word: str, others: Collection[str], counts: Mapping[str, int] | None,
                     names: Collection[str]) -> bool:
    """A long small word mistyped into no English word, or (by the corpus) any small word of the other title."""
    if len(word) >= 4 and any(one_edit(word, small) for small in _LONG_SMALL_WORDS) and not is_english_word(word):
        return True
    return counts is not None and any(corpus_typo(word, small, counts, names) for small in others)


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
    typo (one letter dropped, added, replaced or two swapped; see `_typo`)."""
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
    """One edit apart and read as a slip, not as two words.

    Two dictionary words are two words (`mining`/`mixing`, `motion`/`emotion`, `synchronous`/
    `asynchronous`). A dictionary word against a non-word is a slip anywhere in it (`vision`/`ision`,
    `embedding`/`embeeding`), if the word is long enough (`adam`/`adamw`, `image`/`imagen` are names).
    Two non-words (names of methods and data sets) are a slip only away from their first and last letters.
    """
    edit = one_edit(a, b)
    if edit is None or not (a.isalpha() and b.isalpha()):
        return False
    first, last, replaced = edit
    known_a, known_b = is_english_word(a), is_english_word(b)
    if known_a and known_b:
        return False
    if first and not (known_a or known_b):
        return False  # a letter in front of a name is a prefix: `emnist`, `mbert`
    moved = len(a) == len(b) and not replaced  # two letters swapped: a slip wherever it is (`modle`)
    shortest = 4 if moved else _TYPO_END_MIN if first or last else _TYPO_REPLACE_MIN if replaced else 4
    word = a if known_a else b if known_b else min(a, b, key=len)  # the word the slip was made in
    return len(word) >= shortest


def one_edit(a: str, b: str) -> tuple[bool, bool, bool] | None:
    """How two words differ by one letter dropped, added or replaced, or two neighbours swapped: whether
    the edit touches the first letter, the last letter, and whether it replaced one; None otherwise."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return None
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diffs) == 1:
            return diffs[0] == 0, diffs[0] == len(a) - 1, True
        i = diffs[0]
        if len(diffs) == 2 and diffs[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]:
            return i == 0, i + 1 == len(a) - 1, False
        return None
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    if long[:i] + long[i + 1:] != short:
        return None
    return i == 0, i == len(long) - 1, False


@lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    """The English word list of pyspellchecker (MIT; about 160,000 words), read once, when first needed."""
    import gzip
    import json
    from importlib.resources import files

    return frozenset(json.loads(gzip.decompress(files("spellchecker").joinpath("resources/en.json.gz").read_bytes())))


def is_english_word(word: str) -> bool:
    """Whether a lower-case word is in the English word list."""
    return word in _english()
