"""Which records are the same work: match rules, blocking, clustering, and the decisions behind each merge.

Rules, in order:
1. the same arXiv id (any version);
2. the same DOI;
3. equal normalised titles (see `titles.normalise_title`);
4. fuzzy title similarity >= threshold, with compatible years, no conflicting authors and the same numbers;
5. a titleless record and another record with near-identical abstracts, compatible years and authors.

There is never an all-pairs loop: fuzzy candidates share a rare title token or a pair of them (see
`_block_keys`), or sit next to each other when titles are sorted forwards or by their reversed text.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from scholarcli.dedupe.merge import merge_works
from scholarcli.model import Work
from scholarcli.normalise.names import family_key
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
#: How many of a title's rarest tokens make its blocking keys (each alone, and every pair of them).
BLOCK_KEYS = 3
#: Blocking keys shared by more records than this are not selective enough to compare all within.
MAX_POSTING = 200
#: How many sorted neighbours each title is compared with, in each of the two sort orders.
NEIGHBOURS = 4
#: Characters of abstract compared by rule 5 (both sides are cut to the shorter, so cut abstracts match).
ABSTRACT_SPAN = 600
_ABSTRACT_MIN = 200

_STOPWORDS = frozenset(
    "a an and are as at by for from in into is of on or over the to towards toward under via with without".split()
)
_NUMBER = re.compile(r"\d+")
_ROMAN = frozenset({"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"})


@dataclass(frozen=True, slots=True)
class Decision:
    """The outcome of comparing two records: same or not, by which rule, with what score, and why not."""

    same: bool
    rule: str | None = None
    score: float | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """Why two records (by index in the input) were put in one cluster."""

    a: int
    b: int
    rule: str
    score: float | None = None


@dataclass(frozen=True, slots=True)
class NearMiss:
    """Two records that looked alike but were kept apart, with the score and the guard that held."""

    a: int
    b: int
    score: float
    reason: str


@dataclass(slots=True)
class DedupeResult:
    """Merged works in order of first appearance, the index clusters behind them, and every decision."""

    works: list[Work]
    clusters: list[list[int]]
    links: list[Link] = field(default_factory=list)
    near_misses: list[NearMiss] = field(default_factory=list)


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if ra > rb:
            ra, rb = rb, ra
        self.parent[rb] = ra
        return True


# ---------------------------------------------------------------------------------------------- guards


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
    """Folded family names, wherever a spelling puts them (`Jinek M` and `M Jinek` -> `jinek`)."""
    return {key for key in map(family_key, work.authors) if key}


def authors_compatible(a: Work, b: Work) -> bool:
    """Author lists conflict only when both are known and share no family name."""
    if not a.authors or not b.authors:
        return True
    return bool(_surnames(a) & _surnames(b))


def title_similarity(key_a: str, key_b: str) -> float:
    """rapidfuzz ratio (0-100) of two normalised titles; word order counts, so reordered titles score low."""
    from rapidfuzz.fuzz import ratio

    return float(ratio(key_a, key_b))


def _abstract_key(work: Work) -> str:
    return normalise_title(work.abstract)[:ABSTRACT_SPAN] if work.abstract else ""


def abstract_similarity(key_a: str, key_b: str) -> float:
    """Similarity of two normalised abstracts over their common length (a cut abstract matches its full text)."""
    from rapidfuzz.fuzz import ratio

    span = min(len(key_a), len(key_b))
    if span < _ABSTRACT_MIN:
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
    return _abstracts(a, b, _abstract_key(a), _abstract_key(b))


def _fuzzy_titles(a: Work, b: Work, key_a: str, key_b: str, threshold: float) -> Decision:
    return _title_guards(a, b, key_a, key_b, title_similarity(key_a, key_b), threshold)


def _title_guards(a: Work, b: Work, key_a: str, key_b: str, score: float, threshold: float) -> Decision:
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


def _abstracts(a: Work, b: Work, key_a: str, key_b: str) -> Decision:
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


# ---------------------------------------------------------------------------------------------- clustering


def _block_keys(keys: dict[int, str]) -> dict[int, list[str]]:
    """Blocking keys per record: its BLOCK_KEYS rarest non-stopword tokens, and each pair of them.

    Single rare tokens find re-typed titles that differ in several words; pairs stay selective where single
    words are common (a key shared by more than MAX_POSTING records is skipped), and a typo in any one
    token leaves the other keys intact.
    """
    tokens = {i: {t for t in key.split() if t not in _STOPWORDS and len(t) > 1} for i, key in keys.items()}
    df: Counter[str] = Counter()
    for toks in tokens.values():
        df.update(toks)
    blocks: dict[int, list[str]] = {}
    for i, toks in tokens.items():
        rare = sorted(toks, key=lambda t: (df[t], t))[:BLOCK_KEYS]
        blocks[i] = rare + [f"{a} {b}" for x, a in enumerate(rare) for b in rare[x + 1:]]
    return blocks


def _similar_pairs(blocks: dict[int, list[str]], texts: dict[int, str], floor: float) -> list[tuple[int, int, float]]:
    """Pairs (i < j, score) sharing a blocking key whose texts score at least `floor` (rapidfuzz ratio).

    Scoring runs inside rapidfuzz's C loop, one call per record and key, so Python only sees close pairs.
    Keys shared by more than MAX_POSTING records are skipped as unselective.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for i, keys in blocks.items():
        for key in keys:
            postings[key].append(i)
    found: dict[tuple[int, int], float] = {}
    for members in postings.values():
        if not 1 < len(members) <= MAX_POSTING:
            continue
        members.sort()
        strings = [texts[i] for i in members]
        for x in range(len(members) - 1):
            _score_following(members, strings, x, len(members), floor, found)
    found.update(_neighbour_pairs(texts, floor))
    return sorted((i, j, score) for (i, j), score in found.items())


def _neighbour_pairs(texts: dict[int, str], floor: float) -> dict[tuple[int, int], float]:
    """Sorted neighbourhood: each text against the next NEIGHBOURS texts in sorted order, and in the order of
    its reversed text, so re-typed titles meet even where every word is common and no blocking key is selective.
    """
    found: dict[tuple[int, int], float] = {}
    for order in (sorted(texts, key=texts.__getitem__), sorted(texts, key=lambda i: texts[i][::-1])):
        strings = [texts[i] for i in order]
        for x in range(len(order) - 1):
            _score_following(order, strings, x, x + 1 + NEIGHBOURS, floor, found)
    return found


def _score_following(
    order: list[int], strings: list[str], x: int, stop: int, floor: float, found: dict[tuple[int, int], float]
) -> None:
    """Score strings[x] against strings[x+1:stop] inside rapidfuzz; record pairs (low index first) >= floor."""
    from rapidfuzz import process
    from rapidfuzz.fuzz import ratio

    for _, score, y in process.extract(strings[x], strings[x + 1: stop], scorer=ratio, score_cutoff=floor, limit=None):
        i, j = order[x], order[x + 1 + y]
        found[(min(i, j), max(i, j))] = float(score)


def dedupe(works: Sequence[Work], threshold: float = DEFAULT_THRESHOLD) -> DedupeResult:
    """Cluster the records that are one work and merge each cluster; keep every decision for the report."""
    uf = _UnionFind(len(works))
    links: list[Link] = []
    near: list[NearMiss] = []
    cluster_ids: dict[int, str] = {i: w.arxiv_id for i, w in enumerate(works) if w.arxiv_id}

    def join(a: int, b: int, rule: str, score: float | None = None) -> None:
        """Union two clusters, unless they carry different arXiv ids (then they are two works)."""
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb:
            return
        id_a, id_b = cluster_ids.get(ra), cluster_ids.get(rb)
        if id_a and id_b and id_a != id_b:
            near.append(NearMiss(a, b, score if score is not None else 100.0, "different arXiv ids"))
            return
        uf.union(a, b)
        links.append(Link(a, b, rule, score))
        if id_a or id_b:
            cluster_ids[uf.find(a)] = id_a or id_b or ""

    def settle(i: int, j: int, decision: Decision, rule: str) -> None:
        """Merge a pair the fuzzy rules accepted; keep a near-miss for one they scored high but refused."""
        if decision.same:
            join(i, j, rule, decision.score)
        elif decision.score is not None and decision.score >= NEAR_MISS_FLOOR:
            near.append(NearMiss(i, j, decision.score, decision.reason or ""))

    title_keys = {i: key for i, w in enumerate(works) if (key := normalise_title(w.title))}
    arxiv_keys = {i: w.arxiv_id for i, w in enumerate(works) if w.arxiv_id}
    doi_keys = {i: w.doi.lower() for i, w in enumerate(works) if w.doi}
    for rule, keys in (("arxiv-id", arxiv_keys), ("doi", doi_keys), ("title", title_keys)):
        seen: dict[str, int] = {}
        for i, key in keys.items():
            if key in seen:
                join(seen[key], i, rule)
            else:
                seen[key] = i

    # Rule 4: one representative per distinct title key, candidates from the rare-token index.
    reps: dict[str, int] = {}
    for i, key in title_keys.items():
        reps.setdefault(key, i)
    rep_keys = {i: key for key, i in reps.items()}
    for i, j, score in _similar_pairs(_block_keys(rep_keys), rep_keys, NEAR_MISS_FLOOR):
        if uf.find(i) == uf.find(j):
            continue
        settle(i, j, _title_guards(works[i], works[j], rep_keys[i], rep_keys[j], score, threshold), "fuzzy-title")

    # Rule 5: titleless records against every record with an abstract, blocked on rare abstract tokens.
    titleless = [i for i, w in enumerate(works) if not w.title and w.abstract]
    if titleless:
        abstract_keys = {i: _abstract_key(w) for i, w in enumerate(works) if w.abstract}
        untitled = set(titleless)
        prefixes = {i: key[:_ABSTRACT_MIN] for i, key in abstract_keys.items()}  # what cut copies share
        for i, j, _ in _similar_pairs(_block_keys(prefixes), prefixes, NEAR_MISS_FLOOR):
            if (i not in untitled and j not in untitled) or uf.find(i) == uf.find(j):
                continue
            a, b = works[i], works[j]
            if a.arxiv_id and b.arxiv_id:
                continue  # rule 1 already decided
            settle(i, j, _abstracts(a, b, abstract_keys[i], abstract_keys[j]), "abstract")

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(works)):
        groups[uf.find(i)].append(i)
    clusters = sorted(groups.values(), key=lambda members: members[0])
    merged = [merge_works([works[i] for i in members]) for members in clusters]
    near = [n for n in near if uf.find(n.a) != uf.find(n.b)]
    return DedupeResult(works=merged, clusters=clusters, links=links, near_misses=near)


def report(
    records: Sequence[Work], result: DedupeResult, threshold: float = DEFAULT_THRESHOLD
) -> dict[str, object]:
    """The audit trail as data: every multi-record cluster with its links, and every near-miss kept apart."""

    def record(i: int) -> dict[str, object]:
        work = records[i]
        source = work.sources[0].to_dict() if work.sources else {"layout": None, "path": None, "line": None}
        return {"index": i, **source, "title": work.title, "arxiv_id": work.arxiv_id, "year": work.year}

    links_by_root: dict[int, list[Link]] = defaultdict(list)
    root_of = {i: members[0] for members in result.clusters for i in members}
    for link in result.links:
        links_by_root[root_of[link.a]].append(link)
    clusters = [
        {
            "id": work.id,
            "title": work.title,
            "records": [record(i) for i in members],
            "links": [{"a": ln.a, "b": ln.b, "rule": ln.rule, "score": ln.score} for ln in links_by_root[members[0]]],
        }
        for members, work in zip(result.clusters, result.works, strict=True)
        if len(members) > 1
    ]
    near = [
        {"a": record(n.a), "b": record(n.b), "score": round(n.score, 1), "reason": n.reason}
        for n in sorted(result.near_misses, key=lambda n: -n.score)
    ]
    return {
        "records": len(records),
        "works": len(result.works),
        "threshold": threshold,
        "clusters": clusters,
        "near_misses": near,
    }
