"""Reading scholar's own JSON, JSON Lines and CSV, and CSL-JSON: told apart by content, damaged items kept apart."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import AS_OF, SEEDS, invoke
from scholarcli.layouts import csl_json, detect, scholar_csv, scholar_json, scholar_jsonl


def _written(fmt: str) -> str:
    result = invoke("list-works", "--format", fmt, "--as-of", AS_OF, SEEDS / "001_b8832e2ac9d70d9f.txt")
    assert result.code == 0, result.stderr
    return result.stdout


def test_each_format_is_detected_by_its_content() -> None:
    for fmt in ("json", "jsonl", "csv", "csl-json", "bibtex", "ris"):
        found, scores = detect(_written(fmt))
        assert found == fmt, scores


def test_a_damaged_json_item_is_an_issue_and_the_next_items_are_kept() -> None:
    text = _written("json")
    items = json.loads(text)
    assert len(items) >= 3
    lines = text.split("\n")
    second = [n for n, line in enumerate(lines) if line == "  {"][1]
    lines[second + 2] = lines[second + 2].replace('": ', '" ', 1)  # drop a colon inside the second item
    result = scholar_json.parse("\n".join(lines), "works.json")
    assert [w.title for w in result.works] == [items[0]["title"], *[i["title"] for i in items[2:]]]
    assert [i.line for i in result.issues] == [second + 1]


def test_an_object_that_is_not_a_work_is_an_issue() -> None:
    text = '[\n  {"title": "Kept", "authors": ["A B"], "sources": [], "arxiv_id": null, "has_code": null},\n' \
           '  {"title": "Bad", "authors": "A B", "sources": []},\n  42\n]\n'
    result = scholar_json.parse(text, "w.json")
    assert [w.title for w in result.works] == ["Kept"]
    assert [(i.line, i.message) for i in result.issues] == [
        (3, "record skipped: authors is not a list of text"), (4, "record skipped: a int, not a work object")]


def test_json_lines_and_csv_rows_that_do_not_read_are_issues_with_their_lines() -> None:
    lines = _written("jsonl").split("\n")
    lines[1] = lines[1][:40]
    result = scholar_jsonl.parse("\n".join(lines), "w.jsonl")
    assert [i.line for i in result.issues] == [2] and len(result.works) == len([x for x in lines if x]) - 1
    rows = _written("csv").split("\n")
    rows.insert(2, "x," * 30)
    result = scholar_csv.parse("\n".join(rows), "w.csv")
    assert [i.line for i in result.issues] == [3] and len(result.works) == len([r for r in rows if r]) - 2


def test_csv_cells_spanning_lines_keep_the_row_line() -> None:
    header = _written("csv").split("\n")[0]
    text = header + '\n,"Title with\na line break",A B; C D,False,2020,2020,,,,,,,"two\nlines\nhere",,,,,,,\n' \
                    ",Second,E F,True,2021,2021,,,,,,,,,,,,,,\n"
    result = scholar_csv.parse(text, "w.csv")
    assert [(w.title, w.authors, w.sources[-1].line) for w in result.works] == [
        ("Title with\na line break", ("A B", "C D"), 2), ("Second", ("E F",), 6)]
    assert result.works[1].authors_truncated is True


def test_csl_names_with_particles_suffixes_and_literals() -> None:
    text = json.dumps([{"id": "a", "type": "article-journal", "title": "T", "container-title": "J",
                        "author": [{"family": "Maaten", "given": "Laurens", "non-dropping-particle": "van der"},
                                   {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
                                   {"literal": "The ENCODE Project Consortium"}],
                        "issued": {"date-parts": [["2012", "9", "5"]]}}])
    work = csl_json.parse(text, "c.json").works[0]
    assert work.authors == ("Laurens van der Maaten", "Martin Luther King Jr.", "The ENCODE Project Consortium")
    assert (work.date, work.year, work.type, work.venue) == ("2012-09-05", 2012, "article", "J")


def test_scholar_json_is_not_taken_for_csl_and_csl_is_not_taken_for_scholar_json() -> None:
    assert csl_json.sniff(_written("json")) == 0.0
    assert scholar_json.sniff(_written("csl-json")) == 0.0


def test_a_json_file_with_a_txt_name_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_text(_written("json"), encoding="utf-8")
    result = invoke("list-works", "--json", "--no-dedupe", str(path))
    assert result.code == 0 and result.stderr == ""
    assert {w["sources"][-1]["layout"] for w in result.json()} == {"json"}
