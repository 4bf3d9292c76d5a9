"""Title normalisation: the key that decides whether two titles are the same title."""

from __future__ import annotations

import re
import unicodedata

# \"o, \'e, \^{a}, \~n, \`a, \=o, \.z, \u{g}, \v{s}, \H{o}, \c{c}, \k{a}: accent macros, dropped
# (the accent itself is stripped anyway).
_ACCENT_MACRO = re.compile(r"\\(?:[\"'^`~=.]|[uvHckdbr](?![A-Za-z]))\s*")
# \ell, \textbf, \emph ... : the command name is dropped, its braced argument is kept.
_COMMAND = re.compile(r"\\[A-Za-z]+\*?\s*")
_SYMBOL_COMMAND = re.compile(r"\\[^A-Za-z\s]")
_LATEX_ONLY = re.compile(r"[{}$_^]")  # braces, math delimiters, sub/superscript marks
_NOT_WORD = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")

# Named LaTeX letters that NFKD cannot reach; resolved before commands are dropped.
_LATEX_LETTERS = {
    r"\ss": "ss",
    r"\o": "o",
    r"\O": "O",
    r"\l": "l",
    r"\L": "L",
    r"\ae": "ae",
    r"\AE": "AE",
    r"\oe": "oe",
    r"\OE": "OE",
    r"\aa": "a",
    r"\AA": "A",
    r"\i": "i",
}
_GREEK = (
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi rho sigma "
    "tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Phi Psi Omega"
).split()
_GREEK_LETTERS = {
    name: unicodedata.lookup(
        ("GREEK CAPITAL LETTER " if name[0].isupper() else "GREEK SMALL LETTER ")
        + name.removeprefix("var").upper().replace("LAMBDA", "LAMDA")
    )
    for name in _GREEK
}
_LATEX_LETTERS.update({"\\" + name: letter for name, letter in _GREEK_LETTERS.items()})
_LATEX_LETTERS["\\ell"] = "l"
_LATEX_NAMES = sorted((k[1:] for k in _LATEX_LETTERS), key=len, reverse=True)
_LATEX_LETTER = re.compile(r"\\(" + "|".join(_LATEX_NAMES) + r")(?![A-Za-z])")

# Letters that NFKD leaves alone but that people type without the diacritic.
_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae"})


def strip_latex(text: str) -> str:
    """Resolve or remove LaTeX markup: accent macros, commands, braces and math delimiters."""
    if "\\" in text:
        text = _LATEX_LETTER.sub(lambda m: _LATEX_LETTERS["\\" + m.group(1)], text)
        text = _ACCENT_MACRO.sub("", text)
        text = _COMMAND.sub("", text)
        text = _SYMBOL_COMMAND.sub("", text)
    return _LATEX_ONLY.sub("", text)


def fold_accents(text: str) -> str:
    """NFKD-decompose and drop combining marks, so `Léon` and `Leon` compare equal."""
    if text.isascii():
        return text
    text = text.translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise_title(title: str | None) -> str:
    """The comparison key of a title: casefolded, accent- and LaTeX-free, no punctuation, single spaces."""
    if not title:
        return ""
    text = strip_latex(title)
    text = (text if text.isascii() else fold_accents(text)).casefold()
    text = _NOT_WORD.sub(" ", text).replace("_", " ")
    return _SPACE.sub(" ", text).strip()
