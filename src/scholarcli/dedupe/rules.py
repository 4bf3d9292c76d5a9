"""The match rules: how one pair of records is judged one work or two, and the guards behind each verdict.

In order: identifiers (the same arXiv id or DOI merges, different ones keep apart), equal match keys with
authors that agree, fuzzy titles with evidence (no unexplained word, the same numbers), a dropped subtitle
with the same authors, and, for a titleless record, its abstract. See README, "How records are matched".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)
from scholarcli.dedupe.evidence import unexplained_words, written_as_names
from scholarcli.model import Work
from scholarcli.normalise.names import family_key
from scholarcli.normalise.titles import fold_accents, match_key, normalise_title
from scholarcli.normalise.vocab import GENERIC_TITLES, STOPWORDS, bibtex_type

#: Title similarity (rapidfuzz ratio, 0-100) at or above which the fuzzy rule may merge; chosen on
#: tests/data/pairs.jsonl (see tests/test_dedupe_pairs.py, which prints the sweep).
DEFAULT_THRESHOLD = 88.0
#: Pairs scoring at least this but kept apart are reported as near-misses.
NEAR_MISS_FLOOR = 70.0
#: Abstract similarity for the abstract rule (titleless records).
ABSTRACT_THRESHOLD = 95.0
#: A preprint and its venue version may be this many years apart.
YEAR_SLACK = 2
#: ... or this many, when their titles are equal (or near-equal) and at least two authors are shared, or the
#: one author of both: a working paper and its journal article are often three or four years apart.
LONG_YEAR_SLACK = 4
#: Title similarity at which a fuzzy match counts as near-equal for LONG_YEAR_SLACK (`Old-Age Pensions` and
#: `Old Age Pension`).
NEAR_EQUAL_TITLE = 95.0
#: Titles shorter than this (normalised characters) merge only when equal: `Fast R-CNN` is not `Faster R-CNN`.
SHORT_TITLE = 20
#: The share of the shorter author list that the other must have, else the lists conflict.
AUTHOR_OVERLAP = 0.5
#: A main title shorter than this (normalised characters) never stands for its subtitled version (the part
#: after a heading must be at least SHORT_TITLE long).
SUBTITLE_HEAD_MIN = 8
#: Characters of abstract compared by the abstract rule (both sides are cut to the shorter, so cut ones match).
ABSTRACT_SPAN = 600
ABSTRACT_MIN = 200

_NUMBER = re.compile(r"\d+")
_ROMAN = frozenset({"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"})
# DOIs of preprint servers and repositories: a paper has one of these besides its publisher's DOI.
_PREPRINT_DOI = re.compile(
    r"10\.(?:48550/|1101/\d|2139/ssrn|21203/rs\.|20944/preprints|3121[9]/|3123[45]/|31224/|26434/chemrxiv"
    r"|36227/techrxiv|22541/au\.|5281/zenodo|6084/m9\.figshare)",
    re.IGNORECASE,
)
_ARXIV_DOI = re.compile(r"10\.48550/arxiv\.(.+)", re.IGNORECASE)
# A notice about another work, printed with that work's title: `Erratum: …`, `Correction to: …`, `Publisher
# Correction: …`, `Retraction Note to: …`, `Corrigendum to "…"`, and Web of Science's `… (vol 418, pg 869, 2002)`.
# The notice word must be followed by `:`, `to`/`for`/`on`/`notice`/`note` or a quote, so `Correction of
# aberrations …` is a title like any other.
_NOTICE = re.compile(
    r"^\W*(?:(?:publisher|author)(?:'?s|s')?\s+)?(?:errat(?:um|a)|corrigend(?:um|a)|correction|retraction|"
    r"addendum|expression\s+of\s+concern)(?:\s+(?:note|notice))?\s*(?:[:.\-\u2013\u2014\"“‘']|\s(?:to|for|on)\b)"
    r"|\(\s*vol\.?\s*\d+\s*,\s*pg\.?\s*\w+",
    re.IGNORECASE,
)
# Work types (their BibTeX type) of a published version, which a thesis of the same title is not.
_PUBLISHED_TYPES = frozenset({"article", "inproceedings", "incollection", "book"})
_THESIS_TYPES = frozenset({"phdthesis", "mastersthesis"})
# Where a subtitle (or the title after a heading) starts: `Title: Subtitle`, `Title - Subtitle`,
# `Title? Subtitle`, `Heading. Title`.
_SUBTITLE = re.compile(r"[:.?!]\s|\s[-\u2013\u2014]+\s")


@dataclass(frozen=True, slots=True)
class Decision:
    """The outcome of comparing two records: same or not, by which rule, with what score, and why not."""

    same: bool
    rule: str | None = None
    score: float | None = None
    reason: str | None = None


# ------------------------------------------------------------------------------------------ identifiers


def arxiv_of(work: Work) -> str | None:
    """The record's arXiv id, also when it is given only as an arXiv DOI (`10.48550/arXiv.2301.01234`)."""
    if work.arxiv_id:
        return work.arxiv_id
    if work.doi and (m := _ARXIV_DOI.fullmatch(work.doi.strip())):
        return m.group(1).lower()
    return None


def publisher_doi(work: Work) -> str | None:
    """The record's DOI, casefolded, unless it is a preprint server's or a repository's."""
    if not work.doi or _PREPRINT_DOI.match(work.doi.strip()):
        return None
    return work.doi.strip().lower()


def by_identifiers(a: Work, b: Work) -> Decision | None:
    """The same arXiv id or DOI is one work; different arXiv ids, or different publisher DOIs, are two.
    None when the identifiers do not decide."""
    arxiv_a, arxiv_b = arxiv_of(a), arxiv_of(b)
    if arxiv_a and arxiv_b:
        if arxiv_a == arxiv_b:
            return Decision(True, "arxiv-id")
        return Decision(False, reason="different arXiv ids")
    if a.doi and b.doi and a.doi.strip().lower() == b.doi.strip().lower():
        return Decision(True, "doi")
    if publisher_doi(a) and publisher_doi(b):
        return Decision(False, reason="different DOIs")
    return None


# ---------------------------------------------------------------------------------------------- authors


@lru_cache(maxsize=1 << 16)
def family_names(authors: tuple[str, ...]) -> frozenset[str]:
    """The family names of an author list (`names.family_key`: `Qi Qian`, `Q Qian`, `Qian Q` give `qian`)."""
    return frozenset(key for key in map(family_key, authors) if key)


def _shared_authors(a: Work, b: Work) -> tuple[int, int] | None:
    """(shared family names, size of the smaller list), or None when either list is unknown."""
    names_a, names_b = family_names(a.authors), family_names(b.authors)
    if not names_a or not names_b:
        return None
    return len(names_a & names_b), min(len(names_a), len(names_b))


def authors_conflict(a: Work, b: Work) -> bool:
    """Both lists are known and share under half of the shorter one (`LeCun, Bengio, Hinton` against
    `Goodfellow, Bengio, Courville`). Two lists that both show only some authors never conflict."""
    shared = _shared_authors(a, b)
    if shared is None or (a.authors_truncated and b.authors_truncated):
        return False
    common, smaller = shared
    return common < AUTHOR_OVERLAP * smaller


def authors_agree(a: Work, b: Work) -> bool:
    """Strong author evidence: two or more shared family names without conflict, or one and the same
    complete single-author list."""
    shared = _shared_authors(a, b)
    if shared is None or authors_conflict(a, b):
        return False
    common, _ = shared
    if common >= 2:
        return True
    singles = len(a.authors) == len(b.authors) == 1 and not (a.authors_truncated or b.authors_truncated)
    return singles and common == 1


def authors_nested(a: Work, b: Work) -> bool:
    """Every family name of the shorter known list is in the other (`Hu` against `Hu, Pei`): what a copy that
    cut the author list shows. Two lists with different coauthors (`Hu, Pei` against `Hu, Dong`) are not."""
    shared = _shared_authors(a, b)
    return shared is not None and shared[0] == shared[1]


def years_compatible(a: Work, b: Work, slack: int = YEAR_SLACK) -> bool:
    """Unknown years are compatible; known ones may be `slack` years apart (a preprint and its venue)."""
    return a.year is None or b.year is None or abs(a.year - b.year) <= slack


def conflict(a: Work, b: Work, identifiers_only: bool = False) -> str | None:
    """Why two records cannot be one work whatever their titles say, or None: different identifiers, and
    (unless `identifiers_only`) conflicting authors or years more than LONG_YEAR_SLACK apart. Clustering
    checks this across every pair of two clusters before it joins them, so no chain of merges links two works."""
    decision = by_identifiers(a, b)
    if decision is not None:
        return None if decision.same else decision.reason
    if identifiers_only:
        return None
    if why := kinds_conflict(a, b):
        return why
    if authors_conflict(a, b):
        return "author lists conflict"
    if not years_compatible(a, b, LONG_YEAR_SLACK):
        return "years too far apart"
    return None


def venues_agree(a: str | None, b: str | None) -> bool:
    """Unknown venues agree; known ones when each word of the shorter opens a word of the other
    (`J. Econ. Perspect.` and `Journal of Economic Perspectives`; not `Genome Research` and `Nature`)."""
    if not a or not b:
        return True
    words_a, words_b = (
        [w for w in re.findall(r"[^\W\d_]+", fold_accents(v).casefold()) if w not in STOPWORDS] for v in (a, b)
    )
    shorter, longer = sorted((words_a, words_b), key=len)
    return all(any(x.startswith(y) or y.startswith(x) for x in longer) for y in shorter)


def is_notice(title: str | None) -> bool:
    """Whether a title is an erratum, correction, retraction or addendum notice about another work."""
    return bool(title) and _NOTICE.search(title or "") is not None


def kinds_conflict(a: Work, b: Work) -> str | None:
    """Why two records are two kinds of work whatever their titles say, or None: a notice (`Erratum: X`) and
    the work it corrects, or a thesis and a journal article, paper, chapter or book of the same title."""
    if is_notice(a.title) != is_notice(b.title):
        return "one is an erratum or correction notice, the other is not"
    kinds = {bibtex_type(a.type), bibtex_type(b.type)}
    if kinds & _THESIS_TYPES and kinds & _PUBLISHED_TYPES:
        return "a thesis and a published work"
    return None


# ------------------------------------------------------------------------------------------------ titles


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


def title_similarity(key_a: str, key_b: str) -> float:
    """rapidfuzz ratio (0-100) of two normalised titles; word order counts, so reordered titles score low."""
    from rapidfuzz.fuzz import ratio

    return float(ratio(key_a, key_b))


def compare(a: Work, b: Work, threshold: float = DEFAULT_THRESHOLD) -> Decision:
    """Apply the rules in order to one pair of records; the pair-set test and `dedupe --json` use this."""
    decision = by_identifiers(a, b)
    if decision is not None:
        return decision
    if why := kinds_conflict(a, b):
        return Decision(False, reason=why)
    key_a, key_b = match_key(a.title), match_key(b.title)
    if key_a and key_b:
        if key_a == key_b:
            return equal_titles(a, b)
        fuzzy = title_guards(a, b, key_a, key_b, title_similarity(key_a, key_b), threshold)
        if fuzzy.same:
            return fuzzy
        return subtitle_rule(a, b, key_a, key_b) or fuzzy
    return abstracts_rule(a, b, abstract_key(a), abstract_key(b))


def equal_titles(a: Work, b: Work) -> Decision:
    """Equal match keys merge unless the authors conflict or the years are too far apart (further when
    authors agree: a preprint and its journal version)."""
    if authors_conflict(a, b):
        return Decision(False, score=100.0, reason="equal titles, but the author lists conflict")
    if match_key(a.title) in GENERIC_TITLES and not (a.year == b.year and venues_agree(a.venue, b.venue)):
        return Decision(False, score=100.0, reason="a title many works share, in two years or venues")
    slack = LONG_YEAR_SLACK if authors_agree(a, b) else YEAR_SLACK
    if not years_compatible(a, b, slack):
        return Decision(False, score=100.0, reason="equal titles, but the years are too far apart")
    return Decision(True, "title")


def title_guards(a: Work, b: Work, key_a: str, key_b: str, score: float, threshold: float,
                 counts: Mapping[str, int] | None = None) -> Decision:
    """The fuzzy-title rule given the similarity: the threshold, then the guards that keep near-misses apart.

    `counts` (in how many titles of the corpus each word of a match key occurs) lets the corpus tell a typo
    from another word (`evidence.corpus_typo`); without it the words alone decide."""
    if score < threshold:
        return Decision(False, score=score, reason="title similarity below threshold")
    if min(len(key_a), len(key_b)) < SHORT_TITLE:
        return Decision(False, score=score, reason="titles too short for fuzzy matching")
    if numbers_differ(key_a, key_b) and numbers_differ(*_as_written(a, b, key_a, key_b)):
        return Decision(False, score=score, reason="titles differ in a number")
    # The corpus reads a rare real word as a slip of a common one (`ban`/`bank`): weak evidence, so only
    # between records whose author lists nest. `Photon-assisted…` (Hu, Pei) and `Phonon-assisted…` (Hu, Dong)
    # in a listing full of photons stay two works.
    corpus = counts if counts is not None and authors_nested(a, b) else None
    if words := _differing_words(a, b, key_a, key_b, corpus):
        return Decision(False, score=score, reason=f"titles differ in a word: {', '.join(words[:4])}")
    slack = LONG_YEAR_SLACK if score >= NEAR_EQUAL_TITLE and authors_agree(a, b) else YEAR_SLACK
    if not years_compatible(a, b, slack):
        return Decision(False, score=score, reason="years too far apart")
    if authors_conflict(a, b):
        return Decision(False, score=score, reason="author lists conflict")
    return Decision(True, "fuzzy-title", score)


def _differing_words(a: Work, b: Work, key_a: str, key_b: str, counts: Mapping[str, int] | None) -> tuple[str, ...]:
    """The words nothing explains (`evidence.unexplained_words`): by the words alone, then with the corpus's
    `counts` (and the words written as names), then on the titles as written (`_as_written`)."""
    words = unexplained_words(key_a, key_b)
    if not words:
        return ()
    names = written_as_names(a.title) | written_as_names(b.title) if counts is not None else frozenset()
    if counts is not None and not (words := unexplained_words(key_a, key_b, counts, names)):
        return ()
    plain_a, plain_b = _as_written(a, b, key_a, key_b)
    if (plain_a, plain_b) != (key_a, key_b) and not unexplained_words(plain_a, plain_b, counts, names):
        return ()
    return words


def _as_written(a: Work, b: Work, key_a: str, key_b: str) -> tuple[str, str]:
    """The titles normalised but not respelled. Where one spelling per word changed a word (`supervised` ->
    `supervized`, `zero` -> `0`), a typo in it (`supervsed`, `zeo`) is one edit from the word as written, not
    from its one spelling, so words and numbers are also read this way."""
    return normalise_title(a.title), normalise_title(b.title)


def title_parts_keys(title: str | None) -> tuple[str, ...]:
    """The match keys of a title's two parts around its first separator: the main title (before a subtitle)
    and the rest (after a heading such as PubMed's `Genome editing.`). Parts too short to stand for the
    whole title are left out; none when the title has no separator."""
    if not title or not (m := _SUBTITLE.search(title)):
        return ()
    head, tail = match_key(title[: m.start()]), match_key(title[m.end():])
    parts = [head] if len(head) >= SUBTITLE_HEAD_MIN and " " in head else []
    if len(tail) >= SHORT_TITLE:
        parts.append(tail)
    return tuple(parts)


def subtitle_rule(a: Work, b: Work, key_a: str, key_b: str) -> Decision | None:
    """One title is the other without its subtitle (`SoftTriple Loss` / `SoftTriple Loss: Deep Metric
    Learning…`) or without a heading in front (`Genome editing. The new frontier…`): one work when at least
    two authors (or one and the same sole author) agree and the years are at most one apart. None when
    neither title is a part of the other."""
    if key_a not in title_parts_keys(b.title) and key_b not in title_parts_keys(a.title):
        return None
    if key_a in GENERIC_TITLES or key_b in GENERIC_TITLES:  # `Introduction` is not `Introduction: Field …`
        return Decision(False, score=title_similarity(key_a, key_b), reason="a title many works share")
    if authors_agree(a, b) and years_compatible(a, b, slack=1):
        return Decision(True, "subtitle")
    return Decision(False, score=title_similarity(key_a, key_b),
                    reason="one title is part of the other, but authors and year do not confirm it")


def abstract_key(work: Work) -> str:
    """The opening of a record's abstract, normalised like a title."""
    return normalise_title(work.abstract)[:ABSTRACT_SPAN] if work.abstract else ""


def abstract_similarity(key_a: str, key_b: str) -> float:
    """Similarity of two normalised abstracts over their common length (a cut abstract matches its full text)."""
    from rapidfuzz.fuzz import ratio

    span = min(len(key_a), len(key_b))
    if span < ABSTRACT_MIN:
        return 0.0
    return float(ratio(key_a[:span], key_b[:span]))


def abstracts_rule(a: Work, b: Work, key_a: str, key_b: str) -> Decision:
    """A titleless record and another with near-identical abstracts, years at most one apart, authors agreeing."""
    if not key_a or not key_b:
        return Decision(False, reason="nothing to compare")
    score = abstract_similarity(key_a, key_b)
    if score < ABSTRACT_THRESHOLD:
        return Decision(False, score=score, reason="abstract similarity below threshold")
    if not years_compatible(a, b, slack=1):
        return Decision(False, score=score, reason="years disagree")
    if authors_conflict(a, b):
        return Decision(False, score=score, reason="author lists conflict")
    return Decision(True, "abstract", score)
