"""The registry's promises about the file formats: read whole, and sniffed only when a cheap test passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES, SEEDS
from scholarcli.layouts import JSON_FORMATS, REGISTRY, WHOLE_INPUT_FORMATS, get

TEXTS = sorted([*SEEDS.glob("*.txt"), *SAMPLES.glob("*.txt"), *(ROOT / "tests" / "pages").glob("*/*.*")])


@pytest.mark.parametrize("name", sorted(WHOLE_INPUT_FORMATS))
def test_file_formats_are_registered_and_read_whole(name: str) -> None:
    assert name in REGISTRY
    bounds = get(name).boundaries
    if name in JSON_FORMATS:  # a JSON value is a part of its own; the splitter loads them at a line opening one
        assert bounds is not None and bounds.json
    else:
        assert bounds is None  # the page splitter does not load them


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_failed_precheck_means_the_sniff_would_score_nothing(path: Path) -> None:
    head = path.read_text("utf-8")
    for name, precheck in WHOLE_INPUT_FORMATS.items():
        if not precheck(head):
            assert get(name).sniff(head) == 0.0, name
        if name == path.parent.name and not path.name.endswith(".expected.json"):
            assert precheck(head), name  # each format's own samples pass its test
