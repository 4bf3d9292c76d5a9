"""Clustering: apply the rules to every candidate pair, join clusters in one union-find, merge each cluster."""

from __future__ import annotations

import gc
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field

from scholarcli.dedupe.blocking import similar_pairs, word_counts
from scholarcli.dedupe.merge import merge_works
from scholarcli.dedupe.rules import (
    ABSTRACT_MIN,
    DEFAULT_THRESHOLD,
    NEAR_MISS_FLOOR,
    Decision,
    abstract_key,
    abstracts_rule,
    arxiv_of,
    by_identifiers,
    conflict,
    equal_titles,
    subtitle_rule,
    title_guards,
    title_parts_keys,
)
from scholarcli.model import Work
from scholarcli.model.link import Link
from scholarcli.normalise.titles import match_key
from scholarcli.unionfind import UnionFind

#: How many records of each of two clusters are checked against each other before they join (and how many
#: earlier records with an equal title a record is compared with).
CROSS_CHECK = 50


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


def dedupe(works: Sequence[Work], threshold: float = DEFAULT_THRESHOLD) -> DedupeResult:
    """Cluster the records that are one work and merge each cluster; keep every decision for the report.

    Rules run strongest first: identifiers, equal match keys, fuzzy titles, dropped subtitles, abstracts.
    Two clusters join only if no record of one conflicts with a record of the other (`rules.conflict`).
    """
    # The pass makes no reference cycles, only many short-lived containers: the cyclic collector would walk
    # every record again and again (~10% of the time at 100k records) and find nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _dedupe(works, threshold)
    finally:
        if collecting:
            gc.enable()


def _dedupe(works: Sequence[Work], threshold: float) -> DedupeResult:
    uf = UnionFind(len(works))
    members: dict[int, list[int]] = {}  # root -> its records, for clusters of more than one
    links: list[Link] = []
    near: list[NearMiss] = []

    def join(a: int, b: int, rule: str, score: float | None = None, identifiers_only: bool = False) -> None:
        """Union two clusters unless some record of one conflicts with some record of the other."""
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb:
            return
        group_a, group_b = members.get(ra, [ra]), members.get(rb, [rb])
        reason = next((why for x in group_a[:CROSS_CHECK] for y in group_b[:CROSS_CHECK]
                       if (why := conflict(works[x], works[y], identifiers_only))), None)
        if reason:
            near.append(NearMiss(a, b, score if score is not None else 100.0, reason))
            return
        uf.union(a, b)
        members.pop(ra, None)
        members.pop(rb, None)
        members[uf.find(a)] = group_a + group_b
        links.append(Link(a, b, rule, score))

    def settle(i: int, j: int, decision: Decision, rule: str) -> None:
        """Merge a pair a rule accepted; keep a near-miss for one it scored high but refused."""
        if decision.same:
            join(i, j, decision.rule or rule, decision.score)
        elif decision.score is not None and decision.score >= NEAR_MISS_FLOOR:
            near.append(NearMiss(i, j, decision.score, decision.reason or ""))

    # Identifiers: the same arXiv id (also as an arXiv DOI), then the same DOI.
    for rule, ids in (("arxiv-id", {i: x for i, w in enumerate(works) if (x := arxiv_of(w))}),
                      ("doi", {i: w.doi.strip().lower() for i, w in enumerate(works) if w.doi})):
        seen: dict[str, int] = {}
        for i, ident in ids.items():
            if ident in seen:
                join(seen[ident], i, rule, identifiers_only=True)
            else:
                seen[ident] = i

    # Equal match keys: each record against the clusters already seen with its key.
    first: dict[str, int] = {}  # match key -> its first record
    shared: dict[str, list[int]] = {}  # match key -> its records, for keys of more than one record
    for i, w in enumerate(works):
        if (key := match_key(w.title)) and (j := first.setdefault(key, i)) != i:
            shared.setdefault(key, [j]).append(i)
    for group in sorted(shared.values(), key=lambda records: records[0]):
        for n, i in enumerate(group[1:], 1):
            for j in group[max(0, n - CROSS_CHECK): n]:
                if uf.find(i) == uf.find(j):
                    break
                decision = by_identifiers(works[j], works[i]) or equal_titles(works[j], works[i])
                if decision.same:
                    join(j, i, "title")
                    break
                near.append(NearMiss(j, i, decision.score or 100.0, decision.reason or ""))

    # Fuzzy titles: one representative per distinct key (its first record), candidates from blocking.
    # The corpus's word counts let the rules tell a typo from another word (`evidence.corpus_typo`).
    rep_ids, rep_keys = list(first.values()), list(first)
    counts = word_counts(rep_keys)
    for p, q, score in similar_pairs(rep_keys, NEAR_MISS_FLOOR, counts):
        i, j = rep_ids[p], rep_ids[q]
        if uf.find(i) != uf.find(j):
            settle(i, j, title_guards(works[i], works[j], rep_keys[p], rep_keys[q], score, threshold, counts),
                   "fuzzy-title")
    del counts

    # Dropped subtitles and headings: a title one of whose parts is another record's whole title. Records
    # that share that title but stayed apart (a 2012 preprint, its 2018 journal version) are each tried.
    for i, key in zip(rep_ids, rep_keys, strict=True):
        for part in title_parts_keys(works[i].title):
            for j in shared.get(part, [first[part]] if part in first else [])[:CROSS_CHECK]:
                if uf.find(i) == uf.find(j):
                    continue
                subtitled = subtitle_rule(works[j], works[i], part, key)
                if subtitled is not None:
                    settle(j, i, subtitled, "subtitle")
    del first, shared, rep_ids, rep_keys

    # Abstracts: titleless records against every record with an abstract, blocked on rare abstract tokens.
    titleless = [i for i, w in enumerate(works) if not w.title and w.abstract]
    if titleless:
        abstract_keys = {i: abstract_key(w) for i, w in enumerate(works) if w.abstract}
        untitled = set(titleless)
        with_abstract = list(abstract_keys)
        prefixes = [key[:ABSTRACT_MIN] for key in abstract_keys.values()]  # what cut copies share
        for p, q, _ in similar_pairs(prefixes, NEAR_MISS_FLOOR):
            i, j = with_abstract[p], with_abstract[q]
            if (i not in untitled and j not in untitled) or uf.find(i) == uf.find(j):
                continue
            if arxiv_of(works[i]) and arxiv_of(works[j]):
                continue  # the identifiers already decided
            settle(i, j, abstracts_rule(works[i], works[j], abstract_keys[i], abstract_keys[j]), "abstract")

    # Clusters in order of their first record (a cluster's root is its lowest record, met before the rest).
    clusters: list[list[int]] = []
    slot = array("q", bytes(8 * len(works)))  # root -> its cluster's position in `clusters`
    for i in range(len(works)):
        root = uf.find(i)
        if root == i:
            slot[i] = len(clusters)
            clusters.append([i])
        else:
            clusters[slot[root]].append(i)
    del slot
    merged = [merge_works([works[i] for i in grouped]) if len(grouped) > 1 else works[grouped[0]]
              for grouped in clusters]
    near = [n for n in near if uf.find(n.a) != uf.find(n.b)]
    return DedupeResult(works=merged, clusters=clusters, links=links, near_misses=near)
