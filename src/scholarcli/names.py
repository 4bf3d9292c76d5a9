"""Person names: what a name looks like, and how two spellings of one are recognised.

This is the only module that knows about initials, particles and surname prefixes.
"""

from __future__ import annotations

import re

from scholarcli.titles import fold_accents

PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "dela", "di", "da", "du", "le", "la", "dos", "das",
     "do", "bin", "ibn", "al", "el", "ter", "ten", "y", "zu", "st."}
)
SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
_SURNAME_PREFIXES = ("Mc", "Mac", "O'", "O’", "D'", "D’", "De", "Di", "Da", "La", "Le", "Van", "Von", "Fitz")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.)(?:-?[^\W\d_]\.)*$")
_APOSTROPHES = "'’"


def _is_capitalised_word(word: str) -> bool:
    """`Hao`, `Léon`, `Ng`: an upper-case letter followed only by lower-case letters or apostrophes."""
    if not word or not (word[0].isalpha() and word[0].isupper()):
        return False
    return all(ch.islower() or ch in _APOSTROPHES for ch in word[1:]) and word[-1] not in _APOSTROPHES


def is_initials(token: str) -> bool:
    """`J.`, `J.-B.`, `J.B.`: one or more initials, each with its full stop."""
    return bool(_INITIALS.match(token)) and token[0].isupper()


def is_given_name(token: str) -> bool:
    """Whether a token can open a name: `Hao`, `Léon`, `Jean-Baptiste`, `Xian-sheng`, or initials `J.`.

    Inner capitals are refused (`NetsHao`), so a title glued to a name splits in one place only.
    """
    if is_initials(token):
        return True
    first, *rest = token.split("-")
    if len(first) < 2 or not _is_capitalised_word(first):
        return False
    return all(_is_capitalised_word(p) or (p.isalpha() and p.islower()) for p in rest)


def is_surname(token: str) -> bool:
    """Whether a token can be a family name: `Chen`, `Hua`, `McCandlish`, `O'Keefe`, `Zhen-Hua`."""
    if "-" in token:
        return all(is_surname(part) for part in token.split("-"))
    if len(token) >= 2 and _is_capitalised_word(token):
        return True
    return any(
        token.startswith(prefix) and _is_capitalised_word(token[len(prefix):]) for prefix in _SURNAME_PREFIXES
    )


def looks_like_name(text: str) -> bool:
    """Whether text reads as one person's name: `Hao Chen`, `Edward J. Hu`, `Léon Bottou`, `Ludwig van Beethoven`."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 5:
        return False
    while len(tokens) > 2 and tokens[-1] in SUFFIXES:
        tokens = tokens[:-1]
    if not is_given_name(tokens[0]) or not is_surname(tokens[-1]):
        return False
    return all(is_given_name(t) or is_surname(t) or t.lower() in PARTICLES for t in tokens[1:-1])


def name_key(name: str) -> str:
    """A comparison key: accents folded, casefolded, punctuation dropped, single spaces."""
    folded = fold_accents(name).casefold()
    folded = re.sub(r"[.\-‐,']", " ", folded)
    return " ".join(folded.split())
