"""Output streams, terminal safety, option validation, limits and export details (issue 9, cases 13-16)."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from conftest import AS_OF, SEEDS, invoke, seed
from scholarcli.model import Work

SCHOLAR = str(Path(sys.executable).with_name("scholar"))


def _shell(script: str) -> subprocess.CompletedProcess[str]:
    """Run a bash script with `scholar` meaning this venv's console script."""
    return subprocess.run(["bash", "-c", f"set -o pipefail; scholar() {{ {SCHOLAR} \"$@\"; }}; {script}"],
                          capture_output=True, text=True, check=False, timeout=120)


# ------------------------------------------------------------------------------------------- streams (13)


def test_broken_pipe_ends_quietly_with_exit_0() -> None:
    many = " ".join([str(SEEDS)] * 20)  # megabytes of JSON Lines: more than a pipe holds
    done = _shell(f"scholar list-works --format jsonl --no-dedupe {many} | head -1")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.startswith("{") and done.stdout.count("\n") == 1


def test_version_to_a_closed_stdout_is_an_output_error_without_traceback() -> None:
    done = _shell("scholar --version >&-")
    assert "Traceback" not in done.stderr
    assert done.returncode == 4
    assert done.stderr.strip().splitlines() == ["scholar: error: cannot write output: stdout is closed"]


def test_reading_a_closed_stdin_is_an_input_error() -> None:
    done = _shell("scholar list-works - <&-")
    assert "internal" not in done.stderr and "Traceback" not in done.stderr
    assert done.returncode == 1
    assert "-: stdin is closed, nothing to read" in done.stderr


@pytest.mark.parametrize("args", ["list-works --json", "list-works --format table", "formats", "--version", "--help",
                                  "coauthors --author \"Juhua Hu\" --format dot"])
def test_a_full_disk_is_a_one_line_output_error_with_its_own_code(args: str) -> None:
    done = _shell(f"scholar {args} {seed('001') if args[0] != '-' and args != 'formats' else ''} > /dev/full")
    assert done.returncode == 4
    assert done.stderr.strip().splitlines() == ["scholar: error: cannot write output: No space left on device"]


# ---------------------------------------------------------------------------------- terminal escapes (14)


def test_control_characters_in_titles_are_shown_visibly_in_tables(tmp_path: Path) -> None:
    hostile = "MMTok\x1b[2J\x1b]0;pwned\x07\x9b: Multimodal"
    text = seed("001").read_text("utf-8").replace("MMTok: Multimodal", hostile, 1)
    path = tmp_path / "escapes.txt"
    path.write_text(text, "utf-8")
    table = invoke("list-works", "--format", "table", "--limit", "1", path, env={"COLUMNS": "400"})
    assert table.code == 0
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", table.stdout)
    assert "MMTok␛[2J␛]0;pwned␇<U+009B>: Multimodal" in table.stdout
    raw = invoke("list-works", "--json", "--limit", "1", path).json()  # data formats keep the text as read
    assert raw[0]["title"].startswith("MMTok\x1b[2J")


# -------------------------------------------------------------------------------- option validation (15)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list-works", "--author", ""], "--author: give a name"),
        (["coauthors", "--author", "  "], "--author: give a name"),
        (["search", ""], "search: give words to look for"),
        (["list-works", "--since", "2024-13"], "--since: cannot read '2024-13' as a year or date"),
        (["list-works", "--since", "2024-02-30"], "--since: cannot read '2024-02-30' as a year or date"),
        (["list-works", "--since", "2025", "--until", "2024-06"], "--since 2025 is later than --until 2024-06"),
        (["list-works", "--json", "--format", "csv"], "--json and --format csv disagree"),
        (["list-works", "--limit", "0"], "0 is not in the range x>=1"),
        (["list-works", "--as-of", "someday"], "--as-of: cannot read 'someday' as a date"),
    ],
)
def test_bad_option_values_are_one_line_usage_errors(args: list[str], message: str) -> None:
    result = invoke(*args, seed("001"))
    assert result.code == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr


def test_messages_quote_at_most_80_characters_of_a_value() -> None:
    result = invoke("list-works", "--since", "x" * 5000, seed("001"))
    assert result.code == 2
    assert len(result.stderr) < 200 and "x" * 80 in result.stderr and "x" * 81 not in result.stderr


# ------------------------------------------------------------------------------------ limits, exports (16)


def test_coauthor_graph_limit_keeps_only_edges_among_kept_people() -> None:
    table = invoke("coauthors", "--author", "Juhua Hu", "--limit", "2", "--json", seed("001")).json()
    kept = {"Juhua Hu", *(row["name"] for row in table)}
    assert len(kept) == 3
    dot = invoke("coauthors", "--author", "Juhua Hu", "--limit", "2", "--format", "dot", seed("001")).stdout
    edges = re.findall(r'^  "([^"]+)" -- "([^"]+)"', dot, re.MULTILINE)
    nodes = set(re.findall(r'^  "([^"]+)"(?: \[style=filled.*)?;$', dot, re.MULTILINE))
    assert edges and {name for edge in edges for name in edge} <= kept
    assert nodes == kept
    mermaid = invoke("coauthors", "--author", "Juhua Hu", "--limit", "2", "--format", "mermaid", seed("001")).stdout
    assert len(re.findall(r'^  p\d+\["', mermaid, re.MULTILINE)) == 3
    assert all(int(a) < 3 and int(b) < 3 for a, b in re.findall(r"p(\d+) ---\|\d+\| p(\d+)", mermaid))


def test_bibtex_month_is_an_unbraced_macro() -> None:
    bib = invoke("list-works", "--format", "bibtex", "--no-dedupe", "--limit", "1", seed("001")).stdout
    assert "  month = aug," in bib and "{aug}" not in bib


def test_a_lone_dollar_does_not_stop_later_escapes() -> None:
    from scholarcli.render.bibtex import latex_escape

    assert latex_escape("Costs under $5 for x_1 and 2^n") == r"Costs under \$5 for x\_1 and 2\textasciicircum{}n"
    assert latex_escape("$k$-means at $3 per run_time") == r"$k$-means at \$3 per run\_time"


def test_mermaid_labels_escape_entities_and_tags() -> None:
    from scholarcli.query.people import coauthors, person_index
    from scholarcli.render.graph import write_mermaid

    works = [Work(title=f"Paper {n}", authors=("Ann Lee", "Bo <b>Chen</b>", "Cy #35; Diaz")) for n in range(2)]
    index = person_index(works)
    out = io.StringIO()
    write_mermaid(coauthors(works, index.resolve("Ann Lee") or "", index), out)
    text = out.getvalue()
    assert "<b>" not in text and "#35; " not in text
    assert '["Bo #lt;b#gt;Chen#lt;/b#gt;"]' in text and '["Cy #35;35; Diaz"]' in text


def test_stats_counts_a_bare_and_a_prefixed_category_as_one() -> None:
    from scholarcli.query.people import person_index
    from scholarcli.query.stats import collection_stats

    works = [Work(title="A", categories=("cs.LG",)), Work(title="B", categories=("LG",)),
             Work(title="C", categories=("cs.CV", "cs.LG"))]
    figures = collection_stats(works, works, person_index(works), None).to_dict()
    assert figures["top_categories"] == [{"category": "cs.LG", "works": 3}, {"category": "cs.CV", "works": 1}]


def test_yearless_february_29_takes_the_last_leap_year() -> None:
    from scholarcli.normalise.dates import parse_date

    assert parse_date("Feb 29", as_of=date(2025, 3, 1)) == "2024-02-29"
    assert parse_date("Feb 29", as_of=date(2024, 3, 1)) == "2024-02-29"
    assert parse_date("Feb 29", as_of=date(2024, 2, 28)) == "2020-02-29"
    assert parse_date("Mar 1", as_of=date(2025, 3, 1)) == "2025-03-01"


def test_as_of_reads_the_same_forms_as_dates_on_pages() -> None:
    result = invoke("list-works", "--json", "--as-of", "23 November, 2026", "--limit", "1", seed("001"))
    same = invoke("list-works", "--json", "--as-of", AS_OF, "--limit", "1", seed("001"))
    assert result.code == 0 and result.stdout == same.stdout


def test_narrow_tables_fold_names_never_cut_them() -> None:
    # On a 40-column terminal rich cut names with `…` (`Jiaw…`): every character must still be shown.
    for args in (["coauthors", "--author", "Juhua Hu"], ["stats", "--author", "Juhua Hu"],
                 ["search", "video object detection", "--field", "title"], ["list-works", "--author", "Juhua Hu"]):
        table = invoke(*args, "--format", "table", SEEDS, env={"COLUMNS": "40"})
        assert table.code == 0, table.stderr
        assert "…" not in table.stdout, args


def test_stats_table_names_whose_coauthors_and_marks_lower_bounds(tmp_path: Path) -> None:
    profile = tmp_path / "both.bib"
    profile.write_text(
        "@article{a, title={Cells in the Wild}, author={Ada Lovelace and Carl Gauss and others}, year=2020}\n"
        "@article{b, title={Numbers at Large}, author={Ada Lovelace and Carl Gauss}, year=2021}\n",
        encoding="utf-8")
    table = invoke("stats", "--author", "Ada Lovelace", "--format", "table", str(profile),
                   env={"COLUMNS": "100"})
    assert table.code == 0, table.stderr
    assert "Top coauthors of Ada Lovelace" in table.stdout
    assert re.search(r"Carl Gauss\s*│\s*≥2", table.stdout), table.stdout


def test_dedupe_takes_format_like_every_command() -> None:
    as_json = invoke("dedupe", "--format", "json", seed("001"))
    assert as_json.code == 0, as_json.stderr
    assert as_json.json()["records"] >= as_json.json()["works"]
    table = invoke("dedupe", "-f", "table", seed("001"), env={"COLUMNS": "120"})
    assert table.code == 0 and "records ->" in table.stdout
    wrong = invoke("dedupe", "--format", "csv", seed("001"))
    assert wrong.code == 2 and "choose one of: json, table" in wrong.stderr


@pytest.mark.parametrize("args", [
    ["list-works", "--type", ""], ["list-works", "--category", " "], ["search", '""'], ["search", '" "'],
    ["search", "--", "-- ,"],
])
def test_values_with_nothing_in_them_are_usage_errors(args: list[str]) -> None:
    # `--type ""` dropped the filter and `search '""'` listed every work as a 100 hit.
    result = invoke(*args, seed("001"))
    assert result.code == 2, (args, result.code, result.stdout[:200])
    assert result.stdout == "" and "error:" in result.stderr


def test_coauthors_caption_counts_in_good_english(tmp_path: Path) -> None:
    bib = tmp_path / "one.bib"
    bib.write_text("@article{a, title={Cells in the Wild}, author={Ada Lovelace and Carl Gauss and others},"
                   " year=2020}\n", encoding="utf-8")
    table = invoke("coauthors", "--author", "Ada Lovelace", "--format", "table", str(bib), env={"COLUMNS": "200"})
    text = " ".join(table.stdout.split())  # the caption wraps at the table's width
    assert "1 coauthor of Ada Lovelace across 1 work;" in text, text
    assert "(1 work lists only some authors)" in text


def test_search_csv_carries_the_match_and_reads_back(tmp_path: Path) -> None:
    # JSON gives every hit its `match`; CSV dropped score and field, so a spreadsheet could not rank.
    import csv

    found = invoke("search", "video object detection", "--format", "csv", SEEDS)
    assert found.code == 0, found.stderr
    rows = list(csv.DictReader(io.StringIO(found.stdout)))
    hits = invoke("search", "video object detection", "--json", SEEDS).json()
    assert [(r["title"], float(r["match_score"]), r["match_field"]) for r in rows] == \
        [(h["title"] or "", h["match"]["score"], h["match"]["field"]) for h in hits]
    saved = tmp_path / "hits.csv"
    saved.write_text(found.stdout, encoding="utf-8")
    back = invoke("list-works", "--no-dedupe", "--json", str(saved))
    assert back.code == 0, back.stderr
    assert [w["id"] for w in back.json()] == [h["id"] for h in hits]


def test_choice_values_ignore_case_like_from_and_type_do() -> None:
    # `--from FEED` and `--type PREPRINT` were accepted but `--format JSON`, `--sort TITLE`, `--field Title`
    # were errors.
    assert invoke("list-works", "--format", "JSON", seed("001")).code == 0
    assert invoke("list-works", "--sort", "TITLE", "--json", seed("001")).code == 0
    hits = invoke("search", "video", "--field", "Title", "--json", SEEDS)
    assert hits.code == 0 and all(h["match"]["field"] == "title" for h in hits.json())


def test_stats_bars_fit_a_narrow_terminal() -> None:
    shown = invoke("stats", "--format", "table", "--as-of", AS_OF, SEEDS, env={"COLUMNS": "30"}).stdout
    years = [line for line in shown.splitlines() if "█" in line]
    assert len(years) == 11 and all(re.match(r"\s+\d{4} █+ \d+$", line) for line in years), years
    assert all(len(line) <= 30 for line in years)
