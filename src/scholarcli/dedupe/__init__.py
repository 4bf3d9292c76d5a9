"""Which records are the same work: match rules, candidate blocking, clustering, merge policy and the audit.

The rules are in `rules`, candidate generation in `blocking`, the union-find and the `dedupe` pass in
`cluster`, how a cluster becomes one work in `merge`, and the audit report in `audit`. The names below are
loaded on first use, so `list-works` does not pay for the audit and its result types.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scholarcli.dedupe.audit import report
    from scholarcli.dedupe.cluster import DedupeResult, NearMiss, dedupe
    from scholarcli.dedupe.rules import DEFAULT_THRESHOLD, Decision, compare, numbers_differ, numbers_of
    from scholarcli.model.link import Link

#: Each public name -> the module that defines it.
_HOMES = {
    "report": "scholarcli.dedupe.audit",
    "DedupeResult": "scholarcli.dedupe.cluster",
    "NearMiss": "scholarcli.dedupe.cluster",
    "dedupe": "scholarcli.dedupe.cluster",
    "DEFAULT_THRESHOLD": "scholarcli.dedupe.rules",
    "Decision": "scholarcli.dedupe.rules",
    "compare": "scholarcli.dedupe.rules",
    "numbers_differ": "scholarcli.dedupe.rules",
    "numbers_of": "scholarcli.dedupe.rules",
    "Link": "scholarcli.model.link",
}

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


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value  # later look-ups skip this function
    return value
