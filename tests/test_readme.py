"""The README's promises: the Quick start block, the CI script that runs it, and the documented keys."""

from __future__ import annotations

import re

from conftest import ROOT
from scholarcli.model import JSON_KEYS

README = (ROOT / "README.md").read_text("utf-8")


def _quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1]
    block = re.search(r"```(?:sh|bash|console)?\n(.*?)```", section, re.DOTALL)
    assert block is not None
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_quick_start_has_exactly_two_commands() -> None:
    first, second = _quick_start_commands()
    assert "scholar list-works seeds/" in first
    assert "[test]" in second and "pytest" in second


def test_ci_runs_the_quick_start_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert _quick_start_commands()[1] in ci.splitlines()


def test_every_json_key_is_documented() -> None:
    for key in JSON_KEYS:
        assert f"`{key}`" in README, key
