"""Every seed dump against the hand-checked gold records (tests/golden/seeds.json, from ../shared/gold)."""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

import pytest

from conftest import AS_OF, ROOT, SEEDS, invoke

GOLD: dict[str, list[dict[str, Any]]] = json.loads((ROOT / "tests" / "golden" / "seeds.json").read_text("utf-8"))


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return re.sub(r"\s+", " ", unicodedata.normalize("NFC", value)).strip()
    if isinstance(value, list):
        return [_norm(v) for v in value]
    return value


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_matches_gold(name: str) -> None:
    result = invoke("list-works", "--json", "--no-dedupe", "--as-of", AS_OF, SEEDS / name)
    assert result.code == 0, result.stderr
    works = result.json()
    gold = GOLD[name]
    assert len(works) == len(gold)
    for i, (want, got) in enumerate(zip(gold, works, strict=True)):
        for key, value in want.items():
            if key == "categories":
                assert [re.sub(r"^cs\.", "", c) for c in got[key]] == value, f"{name} #{i} {key}"
            else:
                assert _norm(got[key]) == _norm(value), f"{name} #{i} {key}"


def test_gold_covers_all_72_records() -> None:
    assert sum(len(v) for v in GOLD.values()) == 72
    assert sorted(GOLD) == sorted(p.name for p in SEEDS.glob("*.txt"))
