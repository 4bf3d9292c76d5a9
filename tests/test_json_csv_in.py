"""Reading scholar's own JSON, JSON Lines and CSV, and CSL-JSON: told apart by content, damaged items kept apart."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import AS_OF, ROOT, SEEDS, invoke
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


def _items(lines: list[str]) -> list[tuple[int, object, str | None]]:
    from scholarcli.layouts.json_items import iter_items

    return [(i.line, i.value, i.error) for i in iter_items(lines)]


def test_a_json_array_read_in_chunks_gives_the_items_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """An array is decoded a chunk of whole elements at a time: chunks cut between any two elements give the
    same items, lines and errors, damaged items and text around the array included."""
    from scholarcli.layouts import json_items

    csl = (ROOT / "tests" / "pages" / "csl-json" / "zotero_export.txt").read_text("utf-8")
    own = _written("json")
    texts = [csl, own, csl.replace('"title": "Deep learning",', '"title": "Deep learning,', 1),
             own.replace('": ', '" ', 7), csl.replace("\t},\n\t{", "\t}\n\t,{"), csl[:-4],
             "A note above the export\n\n" + csl + "\nand a line after it\n",
             "[\n" + ",\n".join(f'{{"title": "x]}}{{[\\\\\\"]", "n": {n}}}' for n in range(40)) + "\n]\n"]
    for text in texts:
        whole = _items(text.split("\n"))
        assert whole and any(value is not None for _, value, _ in whole)
        for size in (1, 40, 400):
            monkeypatch.setattr(json_items, "CHUNK_CHARS", size)
            assert _items(text.split("\n")) == whole, (size, text[:40])
        monkeypatch.undo()


def test_a_long_json_array_is_read_in_flat_memory() -> None:
    """Memory holds one chunk of elements, not the whole text (about 14 MB of CSL-JSON here)."""
    import tracemalloc

    from scholarcli.layouts.json_items import CHUNK_CHARS

    item = ['\t{', '\t\t"type": "article-journal",', '\t\t"title": "Item %d",', '\t\t"author": [',
            '\t\t\t{"family": "Lee", "given": "Ann"}', '\t\t],', '\t\t"issued": {"date-parts": [[2020, 5]]},',
            '\t\t"abstract": "' + "word " * 40 + '"', '\t},']

    def lines() -> Iterator[str]:
        yield "["
        for n in range(40_000):
            yield from (line.replace("%d", str(n)) for line in item)
        yield '\t{"type": "book", "title": "Last"}'
        yield "]"

    tracemalloc.start()
    count = sum(1 for _ in csl_json.iter_parse(lines(), "big.json", date(2026, 1, 1)))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 40_001
    assert peak < 6 * CHUNK_CHARS, peak


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='[]{}"\\ ,:ab\t', max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(alphabet='[]{}"\\a', max_size=4), inner,
                                                                 max_size=4),
    max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(value=st.lists(_JSON_VALUES, min_size=1, max_size=4), indent=st.sampled_from([None, 1, 2, "\t"]),
       tail=st.sampled_from(["", "Researcher profile", " ", "[c12] x"]))
def test_the_bracket_depth_finds_where_a_json_array_closes(value: list[object], indent: int | str | None,
                                                            tail: str) -> None:
    """Fed line by line, the depth closes exactly at the array's last bracket (strings with brackets, quotes
    and escapes in them skipped), with whatever was glued after it left over."""
    from scholarcli.layouts.brackets import Depth

    lines = (json.dumps(value, indent=indent) + tail).split("\n")
    depth = Depth()
    ends = [depth.close(line) for line in lines]
    assert ends[:-1] == [None] * (len(lines) - 1)
    assert lines[-1][ends[-1]:] == tail
