"""Cheap tests that a layout's sniff can score above 0, so detection sniffs only plausible layouts.

Each test is a necessary condition of its layout's `sniff`: it looks for a literal (or a small pattern) that
every line the sniff counts must contain, over the whole text, so a False here always means the sniff would
score 0. Importing a layout compiles its patterns, which costs more than all these tests together; a run on
one page then pays only for the layouts its text could be in. tests/test_startup.py checks each test against
its sniff on every sample and golden page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from scholarcli.normalise.vocab import PROFILE_TYPES

#: The month abbreviations a feed header line carries (`cs.CV Mar 3`, `Sept 12, 2023`).
_MONTH_DAY = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s\d"
#: An ORCID work without a date shows its type alone on a line (orcid._BARE_TYPES; the test keeps them in step).
_ORCID_BARE_TYPES = frozenset({
    "journal article", "conference paper", "preprint", "book", "book chapter", "dissertation or thesis", "report",
    "working paper", "data set", "dataset", "software", "conference abstract", "conference poster", "edited book",
    "encyclopedia entry", "magazine article", "newspaper article", "book review", "supervised student publication",
    "lecture speech", "other",
})
_ORCID_FIRST_WORDS = frozenset(bare.split()[0] for bare in _ORCID_BARE_TYPES)


#: The only characters other than ASCII letters that `re.IGNORECASE` matches to an ASCII letter (the test
#: checks every code point), mapped to that letter.
_CASE_FOLDS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}


def _search(pattern: str, text: str, flags: int = 0) -> bool:
    return re.search(pattern, text, flags) is not None  # compiled once, in re's own cache


@lru_cache(maxsize=2)
def _folded(text: str) -> str:
    """The text in lower case such that a case-insensitive pattern of ASCII letters found in it by `re` is a
    plain substring of this (faster than an IGNORECASE search, which the prescreens would run four times)."""
    if not text.isascii():
        for char, letter in _CASE_FOLDS.items():
            if char in text:
                text = text.replace(char, letter)
    return text.lower()


def _has_any(text: str, *words: str) -> bool:
    """Whether a case-insensitive search would find one of these lower-case ASCII words in the text."""
    folded = _folded(text)
    return any(word in folded for word in words)


def _profile(text: str) -> bool:
    # A `preprint2022arXiv` item line opens with a known (lower-case) type, or letters glued to a year.
    for line in text.split("\n"):
        item = line.lstrip()
        if "a" <= item[:1] <= "z" and (item.startswith(PROFILE_TYPES) or re.match(r"[a-z]+(?:19|20)\d\d", item)):
            return True
    return False


def _orcid(text: str) -> bool:
    # `2021-05-12 | Journal article`, or the type alone on a line, casefolded as the sniff compares it.
    if "|" in text:
        return True
    for line in text.casefold().split("\n"):
        words = line.split(None, 1)
        if words and words[0] in _ORCID_FIRST_WORDS and " ".join(line.split()) in _ORCID_BARE_TYPES:
            return True
    return False


def _google_scholar(text: str) -> bool:
    # The `TITLE CITED BY YEAR` head, an h-index/i10-index figure, or three `M Jinek, …` author rows.
    if "-index" in text or _has_any(text, "title"):
        return True
    return len(re.findall(r"^\s*[A-Z][A-Z'\-]{0,3}\s", text, re.MULTILINE)) >= 3


def _paper_page(text: str) -> bool:
    # Two of five furniture marks, four of which carry these words.
    return "Added by" in text or "Publication date" in text or _has_any(text, "read more", "rate research")


#: Layout name -> a test its sniff can only score above 0 when it passes. Layouts not named are always sniffed.
PRESCREENS: dict[str, Callable[[str], bool]] = {
    "bibtex": lambda text: _search(r"^\s*@", text, re.MULTILINE),  # `@article{` opens a line
    "ris": lambda text: "TY" in text,  # a `TY  - JOUR` line
    "profile": _profile,
    "arxiv-listing": lambda text: "Authors:" in text,
    "arxiv-abstracts": lambda text: _has_any(text, "arxiv:"),
    "arxiv-list": lambda text: "arXiv:" in text and "Title:" in text,
    "dblp": lambda text: _search(r"\[[a-z]\d", text),  # a `[c57]` record tag
    "paper-page": _paper_page,
    "feed": lambda text: _search(_MONTH_DAY, text),
    "google-scholar": _google_scholar,
    "semantic-scholar": lambda text: "·" in text or "TLDR" in text or _has_any(text, "citation"),
    "orcid": _orcid,
    "pubmed": lambda text: "PMID:" in text,
}


def may_score(name: str, text: str) -> bool:
    """Whether the sniff of layout `name` can score above 0 on this text (True for layouts with no test)."""
    test = PRESCREENS.get(name)
    return test is None or test(text)
