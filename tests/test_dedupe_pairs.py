"""Precision and recall of the match rules on the labelled pair set (tests/data/pairs.jsonl)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scholarcli.dedupe import DEFAULT_THRESHOLD, compare, dedupe
from scholarcli.model import Work

PAIRS = [json.loads(line) for line in (Path(__file__).parent / "data" / "pairs.jsonl").read_text("utf-8").splitlines()]


def _work(d: dict[str, Any]) -> Work:
    return Work(
        title=d["title"],
        authors=tuple(d["authors"]),
        authors_truncated=d.get("authors_truncated", False),
        year=d["year"],
        arxiv_id=d.get("arxiv_id"),
        doi=d.get("doi"),
        abstract=d.get("abstract"),
        type=d.get("type"),
    )


def _scores(threshold: float) -> tuple[float, float, list[str]]:
    tp = fp = fn = 0
    wrong: list[str] = []
    for pair in PAIRS:
        decided = compare(_work(pair["a"]), _work(pair["b"]), threshold).same
        if decided and pair["same"]:
            tp += 1
        elif decided:
            fp += 1
            wrong.append(f"false merge: {pair['why']}")
        elif pair["same"]:
            fn += 1
            wrong.append(f"missed merge: {pair['why']}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, wrong


def test_pair_set_is_balanced_and_large_enough() -> None:
    positives = sum(p["same"] for p in PAIRS)
    assert positives >= 50 and len(PAIRS) - positives >= 100


def test_precision_and_recall_on_the_pair_set() -> None:
    for threshold in (80.0, 85.0, 88.0, 90.0, 92.0, 95.0):
        precision, recall, _ = _scores(threshold)
        print(f"threshold {threshold:5.1f}: precision {precision:.3f} recall {recall:.3f}")
    precision, recall, wrong = _scores(DEFAULT_THRESHOLD)
    print(f"default {DEFAULT_THRESHOLD}: precision {precision:.3f} recall {recall:.3f}", *wrong, sep="\n  ")
    assert precision == 1.0, wrong
    assert recall >= 0.98, wrong


def test_whole_pipeline_agrees_with_pairwise_decisions() -> None:
    # Each pair deduplicated on its own through the blocked clustering gives the same answer as compare().
    for pair in PAIRS:
        merged = len(dedupe([_work(pair["a"]), _work(pair["b"])]).works) == 1
        assert merged == pair["same"], pair["why"]
