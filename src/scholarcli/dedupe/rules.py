"""The match rules: how one pair of records is judged one work or two, and the guards behind each verdict."""

from __future__ import annotations

import re
from dataclasses import dataclass

from scholarcli.model import Work
from scholarcli.normalise.names import name_key
from scholarcli.normalise.titles import normalise_title

#: Title similarity (rapidfuzz ratio, 0-100) at or above which rule 4 may merge; chosen on
#: tests/data/pairs.jsonl (see tests/test_dedupe_pairs.py, which prints the sweep).
DEFAULT_THRESHOLD = 88.0
#: Pairs scoring at least this but kept apart are reported as near-misses.
NEAR_MISS_FLOOR = 70.0
#: Abstract similarity for rule 5 (titleless records).
ABSTRACT_THRESHOLD = 95.0
#: A preprint and its venue version may be this many years apart.
YEAR_SLACK = 2
#: Titles shorter than this (normalised characters) merge only when equal: `Fast R-CNN` is not `Faster R-CNN`.
SHORT_TITLE = 20
#: Characters of abstract compared by rule 5 (both sides are cut to the shorter, so cut abstracts match).
ABSTRACT_SPAN = 600
ABSTRACT_MIN = 200

_NUMBER = re.compile(r"\d+")
_ROMAN = frozenset({"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"})


@dataclass(frozen=True, slots=True)
class Decision:
    """The outcome of comparing two records: same or not, by which rule, with what score, and why not."""

    same: bool
    rule: str | None = None
    score: float | None = None
    reason: str | None = None


def numbers_of(key: str) -> tuple[str, ...]:
    """Digits and Roman numerals in a normalised title: `Part I` and `Part II`, `YOLOv3` and `v4` differ here."""
    digits = _NUMBER.findall(key)
    romans = [t for t in key.split() if t in _ROMAN]
    return tuple(sorted(digits + romans))


def numbers_differ(key_a: str, key_b: str) -> bool:
    """Whether two titles carry different numbers. A Roman numeral on one side that is a cut-off word on the
    other (`vi` for `via` or `ViT`) is a typo, not a number."""
    if numbers_of(key_a) == numbers_of(key_b):
        return False
    digits_a, digits_b = sorted(_NUMBER.findall(key_a)), sorted(_NUMBER.findall(key_b))
    if digits_a != digits_b:
        return True
    tokens_a, tokens_b = key_a.split(), key_b.split()
    romans_a = [(n, t) for n, t in enumerate(tokens_a) if t in _ROMAN]
    romans_b = [(n, t) for n, t in enumerate(tokens_b) if t in _ROMAN]
    return _unexplained(romans_a, romans_b, tokens_b) or _unexplained(romans_b, romans_a, tokens_a)


def _unexplained(romans: list[tuple[int, str]], others: list[tuple[int, str]], tokens: list[str]) -> bool:
    """Whether some Roman numeral is missing from the other title and is not a cut-off word there."""
    other_values = [t for _, t in others]
    for position, numeral in romans:
        if numeral in other_values:
            other_values.remove(numeral)
            continue
        nearby = tokens[max(0, position - 1): position + 2]
        if not any(t.startswith(numeral) and t not in _ROMAN for t in nearby):
            return True
    return False


def years_compatible(a: Work, b: Work, slack: int = YEAR_SLACK) -> bool:
    """Unknown years are compatible; known ones may be `slack` years apart (a preprint and its venue)."""
    return a.year is None or b.year is None or abs(a.year - b.year) <= slack


def _surnames(work: Work) -> set[str]:
    keys = (name_key(n).split() for n in work.authors)
    return {k[-1] for k in keys if k}


def authors_compatible(a: Work, b: Work) -> bool:
    """Author lists conflict only when both are known and share no family name."""
    if not a.authors or not b.authors:
        return True
    return bool(_surnames(a) & _surnames(b))


def title_similarity(key_a: str, key_b: str) -> float:
    """rapidfuzz ratio (0-100) of two normalised titles; word order counts, so reordered titles score low."""
    from rapidfuzz.fuzz import ratio

    return float(ratio(key_a, key_b))


def abstract_key(work: Work) -> str:
    return normalise_title(work.abstract)[:ABSTRACT_SPAN] if work.abstract else ""


def abstract_similarity(key_a: str, key_b: str) -> float:
    """Similarity of two normalised abstracts over their common length (a cut abstract matches its full text)."""
    from rapidfuzz.fuzz import ratio

    span = min(len(key_a), len(key_b))
    if span < ABSTRACT_MIN:
        return 0.0
    return float(ratio(key_a[:span], key_b[:span]))


def compare(a: Work, b: Work, threshold: float = DEFAULT_THRESHOLD) -> Decision:
    """Apply the rules in order to one pair of records; the pair-set test and `dedupe --json` use this."""
    if a.arxiv_id and b.arxiv_id:
        if a.arxiv_id == b.arxiv_id:
            return Decision(True, "arxiv-id")
        return Decision(False, reason="different arXiv ids")
    if a.doi and b.doi and a.doi.lower() == b.doi.lower():
        return Decision(True, "doi")
    key_a, key_b = normalise_title(a.title), normalise_title(b.title)
    if key_a and key_b:
        if key_a == key_b:
            return Decision(True, "title")
        return _fuzzy_titles(a, b, key_a, key_b, threshold)
    return abstracts_rule(a, b, abstract_key(a), abstract_key(b))


def _fuzzy_titles(a: Work, b: Work, key_a: str, key_b: str, threshold: float) -> Decision:
    return title_guards(a, b, key_a, key_b, title_similarity(key_a, key_b), threshold)


def title_guards(a: Work, b: Work, key_a: str, key_b: str, score: float, threshold: float) -> Decision:
    """Rule 4 given the similarity: the threshold, then the guards that keep near-misses apart."""
    if score < threshold:
        return Decision(False, score=score, reason="title similarity below threshold")
    if min(len(key_a), len(key_b)) < SHORT_TITLE:
        return Decision(False, score=score, reason="titles too short for fuzzy matching")
    if numbers_differ(key_a, key_b):
        return Decision(False, score=score, reason="titles differ in a number")
    if not years_compatible(a, b):
        return Decision(False, score=score, reason="years too far apart")
    if not authors_compatible(a, b):
        return Decision(False, score=score, reason="author lists conflict")
    return Decision(True, "fuzzy-title", score)


def abstracts_rule(a: Work, b: Work, key_a: str, key_b: str) -> Decision:
    if not key_a or not key_b:
        return Decision(False, reason="nothing to compare")
    score = abstract_similarity(key_a, key_b)
    if score < ABSTRACT_THRESHOLD:
        return Decision(False, score=score, reason="abstract similarity below threshold")
    if not years_compatible(a, b, slack=1):
        return Decision(False, score=score, reason="years disagree")
    if not authors_compatible(a, b):
        return Decision(False, score=score, reason="author lists conflict")
    return Decision(True, "abstract", score)
