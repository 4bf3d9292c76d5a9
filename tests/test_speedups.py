"""The fast paths of issue 11 give exactly what the plain definitions give."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from scholarcli.normalise import names
from scholarcli.normalise.titles import fold_accents, normalise_title, strip_latex

_TITLE_CHARS = st.text(alphabet=st.sampled_from([chr(c) for c in range(128)] + list("éÉ²łß\u00a0–’ǅ")), max_size=30)
_NAME_CHARS = st.builds(str.__add__, st.sampled_from(list("AZÉǅa'")),
                        st.text(alphabet=st.sampled_from(list("aAbz'’-1 .éÉǅß")), max_size=7))


def _reference_key(title: str) -> str:
    """normalise_title as the regexes define it, with no ASCII shortcut."""
    text = re.sub(r"(?<=\w)(\+\+|#)", lambda m: "pp" if m.group(1) == "++" else "sharp", title)
    text = strip_latex(text)
    text = fold_accents(text.translate(str.maketrans({ch: f" sup {d}" for ch, d in zip("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789",
                                                                                          strict=True)}))).casefold()
    text = re.sub(r"[^\w\s]+", " ", text).replace("_", " ")
    return re.sub(r"\s+", " ", text).strip()


@given(_TITLE_CHARS)
def test_title_key_fast_path_matches_the_regexes(title: str) -> None:
    assert normalise_title(title) == _reference_key(title)


@given(_NAME_CHARS)
def test_capitalised_word_fast_path_matches_the_definition(word: str) -> None:
    reference = (bool(word) and word[0].isalpha() and word[0].isupper()
                 and all(ch.islower() or ch in "'’" for ch in word[1:]) and word[-1] not in "'’")
    assert names._is_capitalised_word(word) == reference
