"""Which records are the same work: match rules, candidate blocking, clustering, merge policy and the audit.

The rules are in `rules`, candidate generation in `blocking`, the union-find and the `dedupe` pass in
`cluster`, how a cluster becomes one work in `merge`, and the audit report in `audit`.
"""

from __future__ import annotations

from scholarcli.dedupe.audit import report
from scholarcli.dedupe.cluster import DedupeResult, NearMiss, dedupe
from scholarcli.dedupe.rules import DEFAULT_THRESHOLD, Decision, compare, numbers_differ, numbers_of
from scholarcli.model.results import Link

__all__ = [
    "DEFAULT_THRESHOLD",
    "Decision",
    "DedupeResult",
    "Link",
    "NearMiss",
    "compare",
    "dedupe",
    "numbers_differ",
    "numbers_of",
    "report",
]
