"""Title normalisation: the key that decides whether two titles are the same title."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)

# \"o, \'e, \^{a}, \~n, \`a, \=o, \.z, \u{g}, \v{s}, \H{o}, \c{c}, \k{a}: accent macros, dropped
# (the accent itself is stripped anyway).
_ACCENT_MACRO = re.compile(r"\\(?:[\"'^`~=.]|[uvHckdbr](?![A-Za-z]))\s*")
# \ell, \textbf, \emph ... : the command name is dropped, its braced argument is kept.
_COMMAND = re.compile(r"\\[A-Za-z]+\*?\s*")
_SYMBOL_COMMAND = re.compile(r"\\[^A-Za-z\s]")
_LATEX_ONLY = re.compile(r"[{}$_]")  # braces, math delimiters, subscript marks (`\ell_1` reads as `ℓ1`)
# A superscript (`x^2`, `x^{2}`, `x²`) is kept as ` sup 2`, so `$x^2$` and `$x_2$` stay two titles.
_SUPERSCRIPT = re.compile(r"\^\{?")
_UNICODE_SUPERSCRIPTS = str.maketrans({ch: f" sup {d}" for ch, d in zip("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789", strict=True)})
# Programming-language names whose punctuation is their identity: `C++` is not `C`, `C#` is not `C`.
_LANGUAGE_MARKS = re.compile(r"(?<=\w)(\+\+|#)")
_NOT_WORD = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")
# What _NOT_WORD and `_` become in an ASCII title: every byte that is not a letter, digit or space -> a space.
_ASCII_KEY = bytes(c if (chr(c).isalnum() or chr(c).isspace()) and c < 128 else 0x20 for c in range(256))

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
    if "^" in text:
        text = _SUPERSCRIPT.sub(" sup ", text)
    if "{" in text or "}" in text or "$" in text or "_" in text:
        text = _LATEX_ONLY.sub("", text)
    return text


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
    text = title
    if "+" in text or "#" in text:
        text = _LANGUAGE_MARKS.sub(lambda m: "pp" if m.group(1) == "++" else "sharp", text)
    text = strip_latex(text)
    if text.isascii():  # most titles: the same key by byte translation, four times faster than the regexes
        return " ".join(text.lower().encode("ascii").translate(_ASCII_KEY).decode("ascii").split())
    text = fold_accents(text.translate(_UNICODE_SUPERSCRIPTS)).casefold()
    text = _NOT_WORD.sub(" ", text).replace("_", " ")
    return _SPACE.sub(" ", text).strip()


# ------------------------------------------------------------------------------------- the dedupe match key

_NUMBER_WORDS = {
    word: str(n)
    for n, word in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())
}
_NUMBER_WORDS.update(
    {word: f"{n}{suffix}" for n, word, suffix in (
        (1, "first", "st"), (2, "second", "nd"), (3, "third", "rd"), (4, "fourth", "th"), (5, "fifth", "th"),
        (6, "sixth", "th"), (7, "seventh", "th"), (8, "eighth", "th"), (9, "ninth", "th"), (10, "tenth", "th"))}
)
_ROMAN_VALUES = {numeral: str(n) for n, numeral in enumerate("i ii iii iv v vi vii viii ix x xi xii".split(), 1)}
# Words after which a Roman numeral is a number: `Part I` is `Part 1`.
_NUMBERED = frozenset("part parts vol volume chapter book phase stage type level series section no issue".split())
# British spellings to American, by ending: colour/color, optimisation/optimization, analyse/analyze,
# centre/center, dialogue/dialog, modelling/modeling. Applied to both titles alike, so a rare over-reach
# (`noise` -> `noize`) changes nothing.
_SPELLING = (
    (re.compile(r"(?<=\w{2})our(s|ed|ing|able|ite|ites|ful)?$"), r"or\1"),
    (re.compile(r"(?<=\w{2})is(e|es|ed|ing|er|ers|ation|ations|ational)$"), r"iz\1"),
    (re.compile(r"(?<=\w{2})ys(e|es|ed|ing|er|ers)$"), r"yz\1"),
    (re.compile(r"(?<=\w{3})tre(s)?$"), r"ter\1"),
    (re.compile(r"(?<=\w{3})ogue(s)?$"), r"og\1"),
    (re.compile(r"(?<=\w{2}[ae])ll(ed|ing|er|ers)$"), r"l\1"),
)
_SPELLING_WORDS = {"programme": "program", "programmes": "programs", "grey": "gray", "sulphur": "sulfur",
                   "aluminium": "aluminum", "defence": "defense", "licence": "license", "ageing": "aging",
                   "judgement": "judgment", "mould": "mold", "foetal": "fetal", "oestrogen": "estrogen"}


@lru_cache(maxsize=1 << 16)
def canonical_word(token: str) -> str:
    """One spelling for a word of a normalised title: American spelling, number words as digits."""
    if token in _NUMBER_WORDS:
        return _NUMBER_WORDS[token]
    if token in _SPELLING_WORDS:
        return _SPELLING_WORDS[token]
    if len(token) > 4 and token.isalpha():
        for pattern, replacement in _SPELLING:
            token = pattern.sub(replacement, token)
    return token


# Words that `canonical_word` may change, or that may be a Roman numeral: most titles hold none and skip it.
_MAY_CHANGE = frozenset(_NUMBER_WORDS) | frozenset(_SPELLING_WORDS) | frozenset(_ROMAN_VALUES)
_BRITISH_ENDINGS = tuple(
    stem + ending
    for stem, endings in (("our", ("", "s", "ed", "ing", "able", "ite", "ites", "ful")),
                          ("is", ("e", "es", "ed", "ing", "er", "ers", "ation", "ations", "ational")),
                          ("ys", ("e", "es", "ed", "ing", "er", "ers")), ("tre", ("", "s")), ("ogue", ("", "s")),
                          ("ll", ("ed", "ing", "er", "ers")))
    for ending in endings
)


def match_key(title: str | None) -> str:
    """The dedupe key of a title: `normalise_title`, then one spelling per word (`canonical_word`) and Roman
    numerals after `Part`, `Volume`, `Chapter`... as digits, so `Colour`/`Color`, `Two-Stage`/`2-Stage` and
    `Part I`/`Part 1` give one key."""
    key = normalise_title(title)
    tokens = key.split()
    if not any(t in _MAY_CHANGE or t.endswith(_BRITISH_ENDINGS) for t in tokens):
        return key
    tokens = [canonical_word(t) for t in tokens]
    for n in range(1, len(tokens)):
        if tokens[n] in _ROMAN_VALUES and tokens[n - 1] in _NUMBERED:
            tokens[n] = _ROMAN_VALUES[tokens[n]]
    return " ".join(tokens)
