"""The documentation tells the truth: README jq pipelines run, and every command's help has an example."""

from __future__ import annotations

import json
import re
import shlex

import jq
import pytest
import typer

from conftest import ROOT, invoke
from scholarcli.cli import app

README = (ROOT / "README.md").read_text("utf-8")
PIPELINES = [line.strip() for line in README.splitlines() if line.startswith("scholar ") and " | jq " in line]


def test_readme_documents_a_jq_pipeline_for_every_command() -> None:
    commands = {shlex.split(p)[1] for p in PIPELINES}
    assert commands >= {"list-works", "coauthors", "search", "stats", "dedupe"}


@pytest.mark.parametrize("pipeline", PIPELINES)
def test_readme_jq_pipeline_runs(pipeline: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    left, right = pipeline.split(" | jq ", 1)
    args = shlex.split(left)[1:]
    jq_args = shlex.split(right)
    program = jq_args[-1]
    result = invoke(*args)
    assert result.code == 0, result.stderr
    out = jq.compile(program).input_text(result.stdout, slurp=False).all()
    assert out, pipeline
    assert all(v is not None for v in out), pipeline
    json.dumps(out)  # jq produced plain data


def _commands() -> list[str]:
    group = typer.main.get_group(app)
    return sorted(group.commands)


def test_every_command_is_tested_for_help() -> None:
    assert set(_commands()) == {"coauthors", "dedupe", "formats", "list-works", "report", "search", "stats"}


@pytest.mark.parametrize("command", _commands())
def test_help_shows_a_worked_example(command: str) -> None:
    result = invoke(command, "--help")
    assert result.code == 0
    assert re.search(r"Examples?:", result.stdout), command
    assert re.search(rf"^\s+scholar {command}\b", result.stdout, re.MULTILINE), command


def test_top_level_help_has_an_example() -> None:
    result = invoke("--help")
    assert result.code == 0 and "Example" in result.stdout and "list-works" in result.stdout


_TEXT_SUFFIXES = {".md", ".py", ".txt", ".json", ".toml", ".cfg", ".yml", ".yaml", ".bib", ".ris", ".csv", ".html", ""}
_SKIPPED_DIRS = {".git", ".venv", "node_modules", "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}


def test_no_file_keeps_a_merge_conflict_marker() -> None:
    """A merge once committed `<<<<<<< HEAD` … `>>>>>>> branch` into the README and changelog: no file of the
    project's own (sources, tests, samples, docs) may hold a conflict marker line."""
    marked = []
    for path in sorted(ROOT.rglob("*")):
        if not path.is_file() or path.suffix not in _TEXT_SUFFIXES or _SKIPPED_DIRS & set(path.relative_to(ROOT).parts):
            continue
        if path.name.endswith(".egg-info") or path.stat().st_size > 5_000_000:
            continue
        text = path.read_bytes().decode("utf-8", "replace")
        marked += [f"{path.relative_to(ROOT)}:{n}" for n, line in enumerate(text.split("\n"), 1)
                   if line.startswith(("<<<<<<< ", ">>>>>>> ")) or line == "<<<<<<<"]
    assert marked == []
