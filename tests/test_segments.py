"""Pages of different layouts in one file: each part is read in its own layout, and nothing is lost.

The property: for any two samples A and B (of any layouts, golden twins included by glob), reading
`A + "\\n" + B` gives the records of A followed by those of B, B's lines shifted by A's. The same holds
with no newline between them when B opens with a line its layout declares may arrive glued (`cat` of a
file without a final newline).
"""

from __future__ import annotations

import itertools
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import AS_OF, SAMPLES, SEEDS, invoke, seed
from scholarcli.layouts import FALLBACK, detect, get
from scholarcli.parsing import parse_text

PAGES = Path(__file__).resolve().parent / "pages"
SAMPLE_FILES = sorted(SEEDS.glob("*.txt")) + sorted(SAMPLES.glob("*.txt")) + sorted(PAGES.glob("*/*.txt"))
TODAY = date.fromisoformat(AS_OF)


def _text(path: Path) -> str:
    return path.read_text("utf-8")


def _records(text: str, shift: int = 0) -> list[dict[str, Any]]:
    out = []
    for work in parse_text(text, as_of=TODAY):
        record = work.to_dict()
        record["sources"] = [{**s, "line": s["line"] + shift} for s in record["sources"]]
        out.append(record)
    return out


def _layout(path: Path) -> str:
    if path.parent == PAGES or path.parent.parent == PAGES:
        return path.parent.name
    found, _ = detect(_text(path))
    assert found is not None, path
    return found


def _glue_allowed(a: str, b: str) -> bool:
    """Whether `a + b` may be read as two pages: `a` ends with a line end, or `b` opens with a glueable line."""
    if a.endswith("\n"):
        return True
    first = next((ln.strip() for ln in b.split("\n") if ln.strip()), "")
    boundaries = get(_layout_of_text(b)).boundaries
    return boundaries is not None and boundaries.glued is not None and boundaries.glued.fullmatch(first) is not None


def _layout_of_text(text: str) -> str:
    found, _ = detect(text)
    assert found is not None
    return found


def _ids(pair: tuple[Path, Path]) -> str:
    return f"{pair[0].stem}+{pair[1].stem}"


PAIRS = list(itertools.product(SAMPLE_FILES, SAMPLE_FILES))
_ROOT = PAGES.parent.parent
#: Pairs with a reference list (citation-list) that do not split yet, one `A + B` (paths from the repository's
#: root) a line: each is an xfail that must fail (strict), so a fix shows up and is taken off the list.
KNOWN_GAPS = frozenset(
    line.strip() for line in (PAGES.parent / "segments_known_gaps.txt").read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("#"))


def _pair_param(pair: tuple[Path, Path]) -> Any:
    name = f"{pair[0].relative_to(_ROOT)} + {pair[1].relative_to(_ROOT)}"
    if name not in KNOWN_GAPS:
        return pytest.param(pair, id=_ids(pair))
    headless = [p for p in pair if p.parent.parent == PAGES and p.stem.endswith(("_list_only", "_select_list"))]
    reason = ("a list copied without its page header (ORCID works, Semantic Scholar papers): after a page of its "
              "own layout it reads as that page's continuation, and after a page whose last lines read as its "
              "own records (an abstract, a reference list) its first record is not told from them"
              if headless else
              "two reference lists in one file are read as one list (no line marks a list's start): the second's "
              "heading joins the first's last entry, or the two lists' `PMID:` lines read as a PubMed page"
              if pair[0].parent.name == pair[1].parent.name == FALLBACK else
              "a line of the reference list is an anchor of the page after it (`PMID:`, `Abstract:`), or that page "
              "is not told from the list" if pair[0].parent.name == FALLBACK else
              "the lines after the page's last anchor do not split where the reference list starts: its heading is "
              "a line of the page's own (Semantic Scholar's `Publications`, a second page), or the split fails in "
              "the glued, indented or airy copy")
    return pytest.param(pair, id=_ids(pair), marks=pytest.mark.xfail(strict=True, reason=f"known gap: {reason}"))


@pytest.mark.parametrize("pair", [_pair_param(p) for p in PAIRS])
def test_two_pages_read_as_each_alone(pair: tuple[Path, Path]) -> None:
    a, b = _text(pair[0]), _text(pair[1])
    layouts = (_layout(pair[0]), _layout(pair[1]))
    for layout in layouts:
        if get(layout).boundaries is None:
            pytest.skip(f"layout {layout} declares no BOUNDARIES: {_WHOLE.get(layout, 'it is read as a whole input')}")
    lines_a = len(a.split("\n"))
    expected = _records(a) + _records(b, shift=lines_a)
    assert _records(a + "\n" + b) == expected
    if _glue_allowed(a, b):
        shift = lines_a - 1
        assert _records(a + b) == _records(a) + _records(b, shift=shift)
    for variant in (_indented, _airy):  # as browsers copy pages: indented, or with extra blank lines
        va, vb = variant(a), variant(b)
        assert _without_lines(_records(va + "\n" + vb)) == _without_lines(_records(va) + _records(vb))


#: Why a layout declares no BOUNDARIES (see layouts/base.py), for the skip message.
_WHOLE = {
    "bibtex": "not yet: an entry pasted before or after a page is read in the file's layout",
    "ris": "not yet: a record pasted before or after a page is read in the file's layout",
    "csl-json": "a JSON array with other text before or after it is no JSON input",
    "json": "a JSON array with other text before or after it is no JSON input",
}


def _indented(text: str) -> str:
    return "\n".join(("    " + line) if line.strip() else line for line in text.split("\n"))


def _airy(text: str) -> str:
    return "\n".join(line + "  " if line.strip() else "\n" for line in text.split("\n"))


def _without_lines(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.items() if k != "sources"} for r in records]


@pytest.mark.parametrize("pair", list(itertools.permutations(sorted(SEEDS.glob("*.txt")), 2)), ids=_ids)
def test_cat_of_two_seeds_keeps_every_record(pair: tuple[Path, Path], tmp_path: Path) -> None:
    both = tmp_path / "both.txt"
    both.write_bytes(pair[0].read_bytes() + pair[1].read_bytes())  # the seeds have no final newline
    alone = [len(invoke("list-works", "--json", "--no-dedupe", "--as-of", AS_OF, p).json()) for p in pair]
    result = invoke("list-works", "--json", "--no-dedupe", "--as-of", AS_OF, both)
    assert result.code == 0, result.stderr
    assert len(result.json()) == sum(alone)


def test_feed_then_profile_gives_the_profile_its_owner(tmp_path: Path) -> None:
    both = tmp_path / "both.txt"
    both.write_bytes(seed("004").read_bytes() + seed("000").read_bytes())
    works = invoke("list-works", "--json", "--no-dedupe", "--as-of", AS_OF, both).json()
    assert len(works) == 36
    assert [w["authors"] for w in works[32:]] == [["Juhua Hu"]] * 4
    assert {s["layout"] for w in works[:32] for s in w["sources"]} == {"feed"}
    assert works[32]["sources"][0]["layout"] == "profile"


def test_verbose_names_each_part(tmp_path: Path) -> None:
    both = tmp_path / "both.txt"
    both.write_bytes(seed("004").read_bytes() + seed("000").read_bytes())
    result = invoke("list-works", "--json", "--verbose", "--as-of", AS_OF, both)
    assert f"{both}: layout feed (detected)" in result.stderr
    glued_line = seed("004").read_bytes().count(b"\n") + 1  # 004 has no final newline: 000 starts on its last line
    assert f"{both}:{glued_line}: a page in layout profile starts here" in result.stderr


def test_two_profiles_in_one_file_each_keep_their_owner() -> None:
    text = _text(SAMPLES / "profile_other.txt") + "\n" + _text(seed("000"))
    works = parse_text(text, as_of=TODAY)
    assert [w.authors for w in works] == [("Maria Schmidt-Övergaard",)] * 5 + [("Juhua Hu",)] * 4


def test_concatenated_listing_without_final_newline(tmp_path: Path) -> None:
    both = tmp_path / "both.txt"
    both.write_bytes(seed("001").read_bytes() * 2)
    works = invoke("list-works", "--json", "--no-dedupe", "--as-of", AS_OF, both).json()
    assert len(works) == 40
    assert all(not (a.endswith("Jian Pei") is False and "Pei Sixun" in a) for w in works for a in w["authors"])
    assert not any("Pei Sixun" in a for w in works for a in w["authors"])
    assert works[20]["title"] == works[0]["title"] and works[20]["authors"] == works[0]["authors"]


class _PlainList:
    """A layout module without BOUNDARIES: `* Title (Year)` lines."""

    NAME = "plain-list"
    SUMMARY = "test layout"

    @staticmethod
    def sniff(head: str) -> float:
        lines = [ln for ln in head.split("\n") if ln.strip()]
        return sum(ln.startswith("* ") for ln in lines) / len(lines) if lines else 0.0

    @staticmethod
    def iter_parse(lines: Any, path: str, as_of: date) -> Any:
        from scholarcli.model import Source, Work

        for number, line in enumerate(lines, start=1):
            if line.startswith("* "):
                title, _, year = line[2:].rpartition(" (")
                yield Work(title=title, year=int(year.rstrip(")")), sources=(Source("plain-list", path, number),))

    @staticmethod
    def parse(text: str, path: str, as_of: date) -> Any:
        raise NotImplementedError


def test_a_layout_without_boundaries_reads_the_whole_input(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from scholarcli import layouts

    monkeypatch.setitem(sys.modules, "plain_list_layout", _PlainList)
    monkeypatch.setitem(layouts.REGISTRY, "plain-list", "plain_list_layout")
    layouts.get.cache_clear()
    try:
        listing = "".join(f"* {title} ({year})\n" for title, year in [
            ("Attention Is All You Need", 2017), ("Deep Residual Learning for Image Recognition", 2016),
            ("Adam: A Method for Stochastic Optimization", 2014)])
        assert [w.title for w in parse_text(listing)] == [
            "Attention Is All You Need", "Deep Residual Learning for Image Recognition",
            "Adam: A Method for Stochastic Optimization"]
        # Feed headers later in the input do not take it away from the layout it was detected in.
        mixed = listing * 4 + "96.6LGJun 2\nFFR: Forward-Forward Learning for RegressionXinyang Liu\nAn abstract.\n"
        assert {w.sources[0].layout for w in parse_text(mixed, as_of=TODAY)} == {"plain-list"}
    finally:
        layouts.get.cache_clear()


def test_google_scholar_then_dblp_keeps_every_record_of_both() -> None:
    """A Google Scholar copy and a dblp page in one file: the Scholar rows are not lost to the dblp part."""
    pages = [PAGES / "google-scholar" / "crispr_biologist_tabs.txt",
             PAGES / "dblp" / "berger_proceedings_and_journals.txt"]
    expected = [json.loads(p.with_suffix(".expected.json").read_text("utf-8")) for p in pages]
    works = parse_text(_text(pages[0]) + "\n" + _text(pages[1]), as_of=TODAY)
    assert [w.title for w in works] == [r["title"] for records in expected for r in records]
    assert [w.sources[0].layout for w in works] == ["google-scholar"] * len(expected[0]) + ["dblp"] * len(expected[1])


def _expected(path: Path) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads(path.with_suffix(".expected.json").read_text("utf-8"))
    return records


def _assert_glued_as_alone(pages: list[Path], authors: bool = True) -> None:
    """Two pages joined by a newline give each page's expected titles (and authors), each in its page's layout."""
    expected = [_expected(p) for p in pages]
    works = parse_text(_text(pages[0]) + "\n" + _text(pages[1]), as_of=TODAY)
    assert [w.title for w in works] == [r["title"] for records in expected for r in records]
    if authors:
        assert [w.authors for w in works] == [tuple(r["authors"]) for records in expected for r in records]
    layouts = [p.parent.name for p in pages]
    assert [w.sources[0].layout for w in works] == [layouts[0]] * len(expected[0]) + [layouts[1]] * len(expected[1])


@pytest.mark.parametrize("order", [(0, 1), (1, 0)], ids=["listing-then-list", "list-then-listing"])
def test_arxiv_listing_and_arxiv_list_pages_in_one_file_keep_their_layouts(order: tuple[int, int]) -> None:
    """The two arXiv layouts share `[1] arXiv:ID [pdf]`, `Authors:` and `Comments:` lines: such a line is held
    until `Title:` (a list page's) or `Abstract:` (a listing's) decides where the other page starts."""
    pages = [PAGES / "arxiv-listing" / "bepler_search_chrome_copy.txt",
             PAGES / "arxiv-list" / "cs_lg_new_with_sections.txt"]
    pages = [pages[i] for i in order]
    _assert_glued_as_alone(pages)


def test_a_page_right_after_a_rejected_anchor_is_still_looked_for() -> None:
    """After a stray `Title:` line is rejected as an arXiv list page's start, the list page that starts three
    lines later is not muted: the rejected window's later anchors are checked where the text reads as the page."""
    from scholarcli.layouts.segments import Splitter

    window = ["Title: a stray line", "a note on the list", "another note",
              "New submissions for Mon, 4 Dec 23", "[1] arXiv:2312.00752 [pdf, other]",
              "Title: Mamba: Linear-Time Sequence Modeling with Selective State Spaces",
              "Authors: Albert Gu, Tri Dao", "Subjects: Machine Learning (cs.LG)"]
    assert Splitter._wait(get("dblp"), get("arxiv-list"), window, 0) == 3
    none = [*window[:3], "a last note"]
    assert Splitter._wait(get("dblp"), get("arxiv-list"), none, 0) == 4  # no page in the window: to its end


@pytest.mark.parametrize("order", [(0, 1), (1, 0)], ids=["cv-then-dblp", "dblp-then-cv"])
def test_a_cv_reference_list_and_a_dblp_page_in_one_file_keep_their_records(order: tuple[int, int]) -> None:
    """A lab page's reference list has no anchor of its own: before a page it is found by detection (the lines
    before the page's start read as citations), after one by the shape of the lines after its last anchor."""
    pages = [PAGES / "citation-list" / "cs_numbered_lab_page.txt",
             PAGES / "dblp" / "berger_proceedings_and_journals.txt"]
    pages = [pages[i] for i in order]
    _assert_glued_as_alone(pages)


def test_a_reference_list_between_two_pages_is_a_part_of_its_own() -> None:
    """feed, then a CV's list, then a dblp page: three parts, each in its own layout."""
    pages = [SAMPLES / "feed_names.txt", PAGES / "citation-list" / "economics_plain_apa_chicago.txt",
             PAGES / "dblp" / "berger_proceedings_and_journals.txt"]
    alone = [parse_text(_text(p), as_of=TODAY) for p in pages]
    works = parse_text("\n".join(_text(p) for p in pages), as_of=TODAY)
    assert [(w.title, w.sources[0].layout) for w in works] == [
        (w.title, w.sources[0].layout) for part in alone for w in part]


def test_a_pmid_line_in_a_cv_list_does_not_make_it_a_pubmed_page() -> None:
    """A CV's reference list may carry `PMID:` lines, PubMed's anchor: before a PubMed page, the list is still
    a part of its own, read as citations (after one it is a known gap: tests/segments_known_gaps.txt)."""
    pages = [PAGES / "citation-list" / "biology_bulleted_vancouver_apa.txt", PAGES / "pubmed" / "crispr_biologist.txt"]
    _assert_glued_as_alone(pages, authors=False)


def test_a_publications_heading_over_a_cv_list_is_no_second_semantic_scholar_page() -> None:
    """`Publications` opens a Semantic Scholar page once; the same heading over a CV's list after such a page
    starts no second page: the list is read as citations."""
    pages = [PAGES / "semantic-scholar" / "physicist_lost_date.txt",
             PAGES / "citation-list" / "economics_plain_apa_chicago.txt"]
    expected = [_expected(p) for p in pages]
    works = parse_text(_text(pages[0]) + "\n" + _text(pages[1]), as_of=TODAY)
    assert [w.title for w in works] == [r["title"] for records in expected for r in records]
    assert [w.sources[0].layout for w in works] == (
        ["semantic-scholar"] * len(expected[0]) + ["citation-list"] * len(expected[1]))
