"""The audit trail of one dedupe run: merged clusters with their links, and the near-misses kept apart."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from scholarcli.dedupe.cluster import DedupeResult
from scholarcli.dedupe.rules import DEFAULT_THRESHOLD
from scholarcli.model import Work
from scholarcli.model.results import AuditCluster, AuditNearMiss, AuditRecord, DedupeReport, Link


def report(records: Sequence[Work], result: DedupeResult, threshold: float = DEFAULT_THRESHOLD) -> DedupeReport:
    """The audit trail as data: every multi-record cluster with its links, and every near-miss kept apart."""

    def record(i: int) -> AuditRecord:
        work = records[i]
        return AuditRecord(i, work.sources[0] if work.sources else None, work.title, work.arxiv_id, work.year)

    links_by_root: dict[int, list[Link]] = defaultdict(list)
    root_of = {i: members[0] for members in result.clusters for i in members}
    for link in result.links:
        links_by_root[root_of[link.a]].append(link)
    clusters = tuple(
        AuditCluster(work.id, work.title, tuple(record(i) for i in members), tuple(links_by_root[members[0]]))
        for members, work in zip(result.clusters, result.works, strict=True)
        if len(members) > 1
    )
    near = tuple(
        AuditNearMiss(record(n.a), record(n.b), round(n.score, 1), n.reason)
        for n in sorted(result.near_misses, key=lambda n: -n.score)
    )
    return DedupeReport(len(records), len(result.works), threshold, clusters, near)
