"""Golden twins, run by glob: `tests/pages/<layout>/<case>.txt` beside `<case>.expected.json`.

Each expected file is a JSON array with one object per record, in file order, holding the keys to check
(hand-written, never copied from the parser's output). The text must be detected as `<layout>`. A case is
also read indented and with doubled blank lines, as browsers copy pages, and must give the same records.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from conftest import AS_OF, invoke

PAGES = Path(__file__).resolve().parent / "pages"
CASES = sorted(PAGES.glob("*/*.txt"))


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return re.sub(r"\s+", " ", unicodedata.normalize("NFC", value)).strip()
    if isinstance(value, list):
        return [_norm(v) for v in value]
    return value


def _read(text: str) -> list[dict[str, Any]]:
    result = invoke("list-works", "--json", "--no-dedupe", "--as-of", AS_OF, "-", input=text.encode("utf-8"))
    assert result.code == 0, result.stderr
    works: list[dict[str, Any]] = result.json()
    return works


def _case_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_golden_twin(case: Path) -> None:
    expected: list[dict[str, Any]] = json.loads(case.with_suffix(".expected.json").read_text("utf-8"))
    works = _read(case.read_text("utf-8"))
    # Every record was read in the case's layout: its last source (scholar's own JSON carries, before it, the
    # sources its records were made from).
    assert {w["sources"][-1]["layout"] for w in works} == {case.parent.name}
    assert all(len(w["sources"]) == 1 for w in works) or case.parent.name in ("json", "jsonl")
    assert len(works) == len(expected), [w["title"] for w in works]
    for i, (want, got) in enumerate(zip(expected, works, strict=True)):
        for key, value in want.items():
            assert _norm(got[key]) == _norm(value), f"{_case_id(case)} #{i} {key}"


def _indented(text: str) -> str:
    return "\n".join(("    " + line) if line.strip() else line for line in text.split("\n"))


def _airy(text: str) -> str:
    return "\n".join(line + "  " if line.strip() else "\n" for line in text.split("\n"))


def _without_lines(works: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in w.items() if k != "sources"} for w in works]


@pytest.mark.parametrize("case", CASES, ids=_case_id)
@pytest.mark.parametrize("variant", [_indented, _airy], ids=["indented", "airy"])
def test_copies_with_indentation_and_blank_lines_read_the_same(case: Path, variant: Any) -> None:
    text = case.read_text("utf-8")
    assert _without_lines(_read(variant(text))) == _without_lines(_read(text))


def test_every_case_has_its_twin() -> None:
    for case in CASES:
        assert case.with_suffix(".expected.json").exists(), case
