"""Clustering: apply the rules to every candidate pair, join clusters in one union-find, merge each cluster."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from scholarcli.dedupe.blocking import block_keys, similar_pairs
from scholarcli.dedupe.merge import merge_works
from scholarcli.dedupe.rules import (
    ABSTRACT_MIN,
    DEFAULT_THRESHOLD,
    NEAR_MISS_FLOOR,
    Decision,
    abstract_key,
    abstracts_rule,
    title_guards,
)
from scholarcli.model import Link, Work
from scholarcli.normalise.titles import normalise_title


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


class UnionFind:
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


def dedupe(works: Sequence[Work], threshold: float = DEFAULT_THRESHOLD) -> DedupeResult:
    """Cluster the records that are one work and merge each cluster; keep every decision for the report."""
    uf = UnionFind(len(works))
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
    for i, j, score in similar_pairs(block_keys(rep_keys), rep_keys, NEAR_MISS_FLOOR):
        if uf.find(i) == uf.find(j):
            continue
        settle(i, j, title_guards(works[i], works[j], rep_keys[i], rep_keys[j], score, threshold), "fuzzy-title")

    # Rule 5: titleless records against every record with an abstract, blocked on rare abstract tokens.
    titleless = [i for i, w in enumerate(works) if not w.title and w.abstract]
    if titleless:
        abstract_keys = {i: abstract_key(w) for i, w in enumerate(works) if w.abstract}
        untitled = set(titleless)
        prefixes = {i: key[:ABSTRACT_MIN] for i, key in abstract_keys.items()}  # what cut copies share
        for i, j, _ in similar_pairs(block_keys(prefixes), prefixes, NEAR_MISS_FLOOR):
            if (i not in untitled and j not in untitled) or uf.find(i) == uf.find(j):
                continue
            a, b = works[i], works[j]
            if a.arxiv_id and b.arxiv_id:
                continue  # rule 1 already decided
            settle(i, j, abstracts_rule(a, b, abstract_keys[i], abstract_keys[j]), "abstract")

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(works)):
        groups[uf.find(i)].append(i)
    clusters = sorted(groups.values(), key=lambda members: members[0])
    merged = [merge_works([works[i] for i in members]) for members in clusters]
    near = [n for n in near if uf.find(n.a) != uf.find(n.b)]
    return DedupeResult(works=merged, clusters=clusters, links=links, near_misses=near)
