"""The shape of the code (issue 8): thin commands, one writer registry, stages testable without the CLI."""

from __future__ import annotations

import ast
import io
from pathlib import Path

import pytest

from scholarcli.errors import ExitCode, NothingFoundError, UsageError
from scholarcli.model import Work
from scholarcli.model.results import Hit
from scholarcli.query.filters import Filters
from scholarcli.query.people import choose_person, coauthors, person_index
from scholarcli.query.search import order_hits
from scholarcli.render import registry

CLI = Path(__file__).resolve().parent.parent / "src" / "scholarcli" / "cli"
WORKS = [
    Work(title="Gamma", authors=("Ann Lee", "Bo Chen"), year=2021),
    Work(title="Alpha", authors=("Ann Lee", "Cy Diaz"), year=2023),
    Work(title="Beta", authors=("Ann Lee", "Bo Chen", "Cy Diaz"), year=2022),
]


def _functions(path: Path) -> list[ast.FunctionDef]:
    return [n for n in ast.walk(ast.parse(path.read_text("utf-8"))) if isinstance(n, ast.FunctionDef)]


@pytest.mark.parametrize("path", sorted((CLI / "commands").glob("*.py")), ids=lambda p: p.name)
def test_command_functions_are_short(path: Path) -> None:
    for function in _functions(path):
        assert (function.end_lineno or 0) - function.lineno < 25, f"{path.name}:{function.name}"


def test_cli_imports_no_stage_internals() -> None:
    allowed = ("scholarcli.cli", "scholarcli.pipeline", "scholarcli.render.registry", "scholarcli.errors",
               "scholarcli.query", "scholarcli.normalise.vocab", "scholarcli.normalise.dates", "scholarcli.layouts",
               "scholarcli.model")
    for path in CLI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("scholarcli"):
                module = node.module or ""
                assert module == "scholarcli" or module.startswith(allowed), f"{path.name} imports {module}"


def test_every_registered_writer_loads_and_writes() -> None:
    network = coauthors(WORKS, person_index(WORKS).resolve("Ann Lee") or "", person_index(WORKS))
    results = {registry.WORKS: WORKS, registry.HITS: [Hit(WORKS[0], 90.0, "title")], registry.COAUTHORS: network}
    for kind, result in results.items():
        for fmt in kind.formats():
            out = io.StringIO()
            kind.write(fmt, result, out)  # type: ignore[arg-type]
            assert out.getvalue(), (kind.name, fmt)


def test_hits_take_every_works_format_they_have_no_writer_of_their_own_for() -> None:
    assert set(registry.WORKS.formats()) <= set(registry.HITS.formats())


def test_format_choice_comes_from_the_registry() -> None:
    assert registry.STATS.choose(None, terminal=True) == "table"
    assert registry.STATS.choose(None, terminal=False) == "json"
    with pytest.raises(UsageError, match="--format dot does not apply here; choose one of: json, table"):
        registry.STATS.choose("dot")
    with pytest.raises(UsageError, match="--json and --format csv disagree"):
        registry.WORKS.choose("csv", as_json=True)


def test_errors_carry_their_exit_codes() -> None:
    assert UsageError("x").code == ExitCode.USAGE == 2
    assert NothingFoundError("x").code == ExitCode.NOTHING == 1
    assert (ExitCode.OUTPUT, ExitCode.INTERRUPTED) == (4, 130)


def test_default_person_and_named_person_without_the_cli() -> None:
    index = person_index(WORKS)
    chosen = choose_person(WORKS, index, None)
    assert (chosen.name, chosen.works, chosen.defaulted) == ("Ann Lee", 3, True)
    assert choose_person(WORKS, index, "bo chen").name == "Bo Chen"
    with pytest.raises(NothingFoundError, match="closest"):
        choose_person(WORKS, index, "Zed Zulu")
    with pytest.raises(NothingFoundError, match="no works with authors"):
        choose_person([Work(title="Anonymous")], person_index([]), None)


def test_coauthor_limit_keeps_the_edges_among_the_people_kept() -> None:
    index = person_index(WORKS)
    network = coauthors(WORKS, index.resolve("Ann Lee") or "", index)
    assert {name for pair in network.edges for name in pair} == {"Ann Lee", "Bo Chen", "Cy Diaz"}
    one = network.limited(1)
    assert [r.name for r in one.rows] == ["Bo Chen"]
    assert one.edges == {("Ann Lee", "Bo Chen"): 2}


def test_hit_order_sort_and_limit_without_the_cli() -> None:
    hits = [Hit(w, score, "title") for w, score in zip(WORKS, (99.0, 80.0, 90.0), strict=True)]
    assert [h.work.title for h in order_hits(hits, None, False, 2)] == ["Gamma", "Alpha"]
    assert [h.work.title for h in order_hits(hits, "year", True, None)] == ["Alpha", "Beta", "Gamma"]
    assert [h.work.title for h in order_hits(hits, "title", False, 1)] == ["Alpha"]


def test_filters_read_dates_at_their_precision() -> None:
    assert Filters.from_options(since="Feb 2024", until="2024") == Filters(since="2024-02", until="2024")
    with pytest.raises(UsageError, match="later than"):
        Filters.from_options(since="2024-03", until="2024-02-29")


def test_the_pipeline_keeps_the_problems_it_met(tmp_path: Path) -> None:
    from scholarcli import load

    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    loaded = load([str(Path(__file__).parent.parent / "seeds"), str(empty), str(tmp_path / "missing.txt")])
    assert (len(loaded.records), len(loaded.works)) == (72, 68)
    assert any("empty.txt" in p and "is empty" in p for p in loaded.problems)
    assert any("missing.txt" in p and "no such file" in p for p in loaded.problems)
