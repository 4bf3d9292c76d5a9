"""Typed results of the query stages, each with `to_dict()` for its JSON: search hits, coauthors, stats, and
the dedupe audit (`DedupeReport`).

Kept apart from the records (`scholarcli.model`) so start-up, which needs only the records' module, stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from scholarcli.model import Source, Work
from scholarcli.model.link import Link as Link  # re-exported: it lives apart so dedupe need not load this module


@dataclass(frozen=True, slots=True)
class Hit:
    """A work that matched a search, with its score (0-100) and the field that matched best."""

    work: Work
    score: float
    field: str

    def to_dict(self) -> dict[str, Any]:
        """The work's JSON object with a `match` object: {score, field}."""
        return {**self.work.to_dict(), "match": {"score": self.score, "field": self.field}}


@dataclass(frozen=True, slots=True)
class CoauthorRow:
    """One coauthor of the chosen person: how many distinct works they share, and when."""

    name: str
    works: int = 0
    first_year: int | None = None
    last_year: int | None = None
    variants: tuple[str, ...] = ()
    lower_bound: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "works": self.works, "first_year": self.first_year,
                "last_year": self.last_year, "variants": list(self.variants), "lower_bound": self.lower_bound}


@dataclass(frozen=True, slots=True)
class Coauthors:
    """The coauthor table of one person (rows, most shared works first) and the edges of their network."""

    author: str
    works: int
    rows: tuple[CoauthorRow, ...]
    edges: dict[tuple[str, str], int]
    truncated_works: int

    def limited(self, limit: int | None) -> Coauthors:
        """The first `limit` rows, and only the edges among the people kept (the author and those rows)."""
        if limit is None:
            return self
        rows = self.rows[:limit]
        kept = {self.author, *(r.name for r in rows)}
        edges = {pair: n for pair, n in self.edges.items() if pair[0] in kept and pair[1] in kept}
        return replace(self, rows=rows, edges=edges)

    def to_dict(self) -> list[dict[str, Any]]:
        """The rows as JSON objects (the edges are for the graph formats)."""
        return [row.to_dict() for row in self.rows]


@dataclass(frozen=True, slots=True)
class Stats:
    """The figures about a collection that `scholar stats` reports."""

    records: int
    works: int
    author: str | None
    per_year: dict[int, int]
    top_coauthors: tuple[CoauthorRow, ...]
    top_categories: tuple[tuple[str, int], ...]
    top_venues: tuple[tuple[str, int], ...]
    layouts: dict[str, int]
    missing: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "works": self.works,
            "author": self.author,
            "per_year": {str(y): n for y, n in self.per_year.items()},
            "top_coauthors": [{"name": r.name, "works": r.works, "lower_bound": r.lower_bound}
                              for r in self.top_coauthors],
            "top_categories": [{"category": c, "works": n} for c, n in self.top_categories],
            "top_venues": [{"venue": v, "works": n} for v, n in self.top_venues],
            "layouts": dict(self.layouts),
            "missing": dict(self.missing),
        }


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One input record as the dedupe audit names it: its index, where it was read, and what identifies it."""

    index: int
    source: Source | None
    title: str | None
    arxiv_id: str | None
    year: int | None

    def to_dict(self) -> dict[str, Any]:
        where = self.source.to_dict() if self.source else {"layout": None, "path": None, "line": None}
        return {"index": self.index, **where, "title": self.title, "arxiv_id": self.arxiv_id, "year": self.year}


@dataclass(frozen=True, slots=True)
class AuditCluster:
    """A work merged from several records, with the links that joined them."""

    id: str
    title: str | None
    records: tuple[AuditRecord, ...]
    links: tuple[Link, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "records": [r.to_dict() for r in self.records],
                "links": [ln.to_dict() for ln in self.links]}


@dataclass(frozen=True, slots=True)
class AuditNearMiss:
    """Two records that looked alike but were kept apart: the score (one decimal) and the guard that held."""

    a: AuditRecord
    b: AuditRecord
    score: float
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a.to_dict(), "b": self.b.to_dict(), "score": self.score, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class DedupeReport:
    """The audit of one dedupe run: record and work counts, the threshold, merged clusters and near-misses."""

    records: int
    works: int
    threshold: float
    clusters: tuple[AuditCluster, ...]
    near_misses: tuple[AuditNearMiss, ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of `scholar dedupe --json`."""
        return {"records": self.records, "works": self.works, "threshold": self.threshold,
                "clusters": [c.to_dict() for c in self.clusters],
                "near_misses": [n.to_dict() for n in self.near_misses]}
