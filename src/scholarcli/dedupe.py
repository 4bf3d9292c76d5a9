"""Which records are the same work: match keys, clustering, and the decisions behind each merge."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from scholarcli.merge import merge_works
from scholarcli.model import Work
from scholarcli.titles import normalise_title


@dataclass(frozen=True, slots=True)
class Link:
    """Why two records (by index) were put in one cluster: the rule, and a score for fuzzy rules."""

    a: int
    b: int
    rule: str
    score: float | None = None


@dataclass(slots=True)
class DedupeResult:
    """Merged works in order of first appearance, the index clusters behind them, and the links that made them."""

    works: list[Work]
    clusters: list[list[int]]
    links: list[Link] = field(default_factory=list)


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if ra > rb:
            ra, rb = rb, ra
        self.parent[rb] = ra
        return True


def dedupe(works: Sequence[Work]) -> DedupeResult:
    """Cluster records that share an arXiv id, a DOI, or a normalised title, and merge each cluster."""
    uf = _UnionFind(len(works))
    links: list[Link] = []
    for rule, keyfunc in (
        ("arxiv-id", lambda w: w.arxiv_id),
        ("doi", lambda w: w.doi.lower() if w.doi else None),
        ("title", lambda w: normalise_title(w.title) or None),
    ):
        seen: dict[str, int] = {}
        for i, work in enumerate(works):
            key = keyfunc(work)
            if not key:
                continue
            if key in seen:
                if uf.union(seen[key], i):
                    links.append(Link(seen[key], i, rule))
            else:
                seen[key] = i
    groups: dict[int, list[int]] = {}
    for i in range(len(works)):
        groups.setdefault(uf.find(i), []).append(i)
    clusters = sorted(groups.values(), key=lambda members: members[0])
    merged = [merge_works([works[i] for i in members]) for members in clusters]
    return DedupeResult(works=merged, clusters=clusters, links=links)
