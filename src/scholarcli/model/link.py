"""`Link`: why dedupe put two records in one cluster. Apart from `model.results`, so that dedupe, which makes
links on every run, does not load the result types of the other commands."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Link:
    """Why two records (by index in the input) were put in one cluster: the rule, and its score if it has one."""

    a: int
    b: int
    rule: str
    score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "rule": self.rule, "score": self.score}
