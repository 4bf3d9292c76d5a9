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
from scholarcli.model import Profile
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
        *carried, own = record["sources"]  # scholar's JSON carries the sources its records were made from
        record["sources"] = [*carried, {**own, "line": own["line"] + shift}]
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
#: Pairs that do not split yet, one `A + B` (paths from the repository's root) a line: each is an xfail that must
#: fail (strict), so a fix shows up and is taken off the list.
KNOWN_GAPS = frozenset(
    line.strip() for line in (PAGES.parent / "segments_known_gaps.txt").read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("#"))


def _pair_param(pair: tuple[Path, Path]) -> Any:
    name = f"{pair[0].relative_to(_ROOT)} + {pair[1].relative_to(_ROOT)}"
    if name not in KNOWN_GAPS:
        return pytest.param(pair, id=_ids(pair))
    reason = "known gap: the pair does not split yet (segments_known_gaps.txt says why)"
    return pytest.param(pair, id=_ids(pair), marks=pytest.mark.xfail(strict=True, reason=reason))


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


@pytest.mark.parametrize("order", [(0, 1), (1, 0)], ids=["list-then-pubmed", "pubmed-then-list"])
def test_a_pmid_line_in_a_cv_list_does_not_make_it_a_pubmed_page(order: tuple[int, int]) -> None:
    """A CV's reference list may carry `PMID:` lines, PubMed's anchor: before or after a PubMed page, the list
    is still a part of its own, read as citations (after one, from its own heading: `Selected Publications`)."""
    pages = [PAGES / "citation-list" / "biology_bulleted_vancouver_apa.txt", PAGES / "pubmed" / "crispr_biologist.txt"]
    _assert_glued_as_alone([pages[i] for i in order], authors=False)


def test_abstract_lines_in_a_cv_list_after_an_arxiv_listing_stay_in_the_list() -> None:
    """`Abstract:` lines are an arXiv listing's anchor; a lab's list with abstracts under its entries, pasted
    after a listing, keeps its entries (they were read as the listing's last record)."""
    _assert_glued_as_alone([PAGES / "arxiv-listing" / "bepler_search_chrome_copy.txt",
                            PAGES / "citation-list" / "cs_ieee_entries_with_abstracts.txt"])


#: CV lists as they are pasted after a page: headings in other languages, numbered or not, any style.
_CV_LISTS = {
    "spanish-apa": (
        "Curriculum vitae — Santiago Ramón y Cajal\nPublicaciones seleccionadas\n\nArtículos\n"
        "Ramón y Cajal, S. (1888). Estructura de los centros nerviosos de las aves. Revista Trimestral de "
        "Histología Normal y Patológica, 1(1), 1–10.\n"
        "Ramón y Cajal, S. (1894). The Croonian Lecture: La fine structure des centres nerveux. Proceedings of "
        "the Royal Society of London, 55, 444–468.\n"),
    "japanese-vancouver": (
        "研究業績\n"
        "1. Takahashi K, Yamanaka S. Induction of pluripotent stem cells from mouse embryonic and adult fibroblast "
        "cultures by defined factors. Cell. 2006;126(4):663-676.\n"
        "2. Takahashi K, Tanabe K, Ohnuki M, et al. Induction of pluripotent stem cells from adult human "
        "fibroblasts by defined factors. Cell. 2007;131(5):861-872.\n"),
    "numbered-no-heading": (
        "[1] Okita K, Ichisaka T, Yamanaka S. Generation of germline-competent induced pluripotent stem cells. "
        "Nature. 2007;448(7151):313-317.\n"
        "[2] Nakagawa M, Koyanagi M, Tanabe K, et al. Generation of induced pluripotent stem cells without Myc from "
        "mouse and human fibroblasts. Nat Biotechnol. 2008;26(1):101-106.\n"),
    "german-books": (
        "Veröffentlichungen\n"
        "Die Gesellschaft der Gesellschaft. Frankfurt am Main: Suhrkamp, 1997.\n"
        "Ökologische Kommunikation. Opladen: Westdeutscher Verlag, 1986.\n"
        "„Die Autopoiesis des Bewußtseins.“ Soziale Welt 36, Nr. 4 (1985): 402–446.\n"),
}


@pytest.mark.parametrize("page", [SEEDS / "001_b8832e2ac9d70d9f.txt", PAGES / "orcid" / "crispr_biologist.txt",
                                  PAGES / "pubmed" / "crispr_biologist.txt"], ids=lambda p: p.parent.name)
@pytest.mark.parametrize("cv", sorted(_CV_LISTS))
def test_a_cv_list_in_any_language_after_a_page_keeps_every_entry(page: Path, cv: str) -> None:
    """The list after a page's last anchor is found by its heading in any language (`Publicaciones`, `研究業績`,
    `Veröffentlichungen`), or by its first number when it has none, and each of its entries is a record of its
    own, read as citations."""
    text = _text(page)
    alone = _records(text)
    listed = _records(_CV_LISTS[cv])
    assert len(listed) >= 2
    works = _records(text + "\n" + _CV_LISTS[cv], shift=len(text.split("\n")))
    assert _without_lines(works) == _without_lines(alone + listed)
    assert {s["layout"] for w in works[len(alone):] for s in w["sources"]} == {FALLBACK}


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


@pytest.mark.parametrize("orcid", sorted((PAGES / "orcid").glob("*.txt")), ids=lambda p: p.stem)
def test_a_pubmed_page_after_an_orcid_record_keeps_its_entries_with_bare_pmid_lines(orcid: Path) -> None:
    """ORCID works carry `PMID: 24476820` detail lines, which PubMed's entries end with too: a PubMed page whose
    first entries have a bare `PMID:` line, after an ORCID record, still starts at its first entry."""
    _assert_glued_as_alone([orcid, PAGES / "pubmed" / "immunologist_bare_pmid_lines.txt"], authors=False)


@pytest.mark.parametrize("before", [
    PAGES / "dblp" / "berger_proceedings_and_journals.txt", PAGES / "inspire" / "hep_theorist_author_page.txt",
    PAGES / "semantic-scholar" / "crispr_biologist.txt", PAGES / "google-scholar" / "economist_spaces.txt",
    PAGES / "researchgate" / "development_economist_profile.txt"], ids=lambda p: p.parent.name)
def test_a_scholar_profile_without_a_verified_email_line_after_a_page_keeps_its_header(before: Path) -> None:
    """A Scholar profile copied without its `Verified email at …` line: its header (name, affiliation, interests,
    figures) opens its own page, and is read as no record of the page before it."""
    from scholarcli.parsing import iter_source
    from scholarcli.reading.lines import LineInput

    profile = PAGES / "google-scholar" / "mathematician_no_verified_email.txt"
    _assert_glued_as_alone([before, profile])
    events = iter_source(LineInput.from_text("<text>", _text(before) + "\n" + _text(profile)), as_of=TODAY)
    assert [p.name for p in events if isinstance(p, Profile)][-1:] == ["Ingrid Daubechies"]


@pytest.mark.parametrize("page", [PAGES / "inspire" / "neutrino_experimentalist_firefox.txt",
                                  PAGES / "researchgate" / "ecologist_edge_copy.txt"], ids=lambda p: p.parent.name)
@pytest.mark.parametrize("first", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem[:3])
def test_a_page_glued_on_a_seed_without_a_final_newline_is_split_off(first: Path, page: Path) -> None:
    """`cat` of a seed (no final newline) and an INSPIRE or ResearchGate page: the site's name that opens the page
    ends the seed's last line, and is split off it, so the seed's last record does not take it."""
    a, b = _text(first), _text(page)
    assert not a.endswith("\n")
    assert _records(a + b) == _records(a) + _records(b, shift=len(a.split("\n")) - 1)


def _parsed(text: str) -> Any:
    from scholarcli.parsing import TextInput, parse_input
    from scholarcli.reading import normalise_text

    return parse_input(TextInput("<text>", normalise_text(text), "str"), as_of=TODAY)


CSL = PAGES / "csl-json" / "zotero_export.txt"
OWN_JSON = PAGES / "json" / "list_works_export.txt"
DBLP = PAGES / "dblp" / "berger_proceedings_and_journals.txt"


@pytest.mark.parametrize("order", [(0, 1), (1, 0)], ids=["csl-json-then-dblp", "dblp-then-csl-json"])
def test_a_zotero_export_and_a_dblp_page_in_one_file_keep_their_records(order: tuple[int, int]) -> None:
    """A CSL-JSON array ends where its brackets close and the dblp page after it is read in its own layout; a
    JSON array that opens a line below a page is a part of its own."""
    pages = [CSL, DBLP]
    _assert_glued_as_alone([pages[i] for i in order])


def test_a_zotero_export_then_a_profile_seed_keeps_the_profile() -> None:
    works = _parsed(_text(CSL) + _text(seed("000"))).works
    assert [w.sources[-1].layout for w in works] == ["csl-json"] * 5 + ["profile"] * 4
    assert [w.authors for w in works[5:]] == [("Juhua Hu",)] * 4


def test_scholar_json_glued_to_a_page_after_its_closing_bracket() -> None:
    """`cat works.json page.txt` with no final newline in works.json: the page opens on the `]` line."""
    text = _text(OWN_JSON).rstrip("\n") + _text(seed("000"))
    assert "\n]Researcher profile\n" in text
    works = _parsed(text).works
    expected = _expected(OWN_JSON)
    assert [w.title for w in works[:3]] == [r["title"] for r in expected]
    assert [w.sources[-1].layout for w in works] == ["json"] * 3 + ["profile"] * 4
    shift = _text(OWN_JSON).count("\n") - 1  # the seed's first line is the JSON's last, `]`
    assert [w.sources[-1].line for w in works[3:]] == [
        w.sources[0].line + shift for w in parse_text(_text(seed("000")), as_of=TODAY)]


def test_json_lines_then_a_page_glued_after_the_last_object() -> None:
    jsonl = PAGES / "jsonl" / "search_export.txt"
    works = _parsed(_text(jsonl).rstrip("\n") + _text(seed("000"))).works
    assert [w.sources[-1].layout for w in works] == ["jsonl"] * 3 + ["profile"] * 4


@pytest.mark.parametrize("line", ["[1] Deep learning", "[c12]", "[PDF] nature.com", "[HTML]", "[", "{\\rtf1"])
def test_a_bracket_line_in_a_page_that_opens_no_json_keeps_the_page(line: str) -> None:
    """A line opening with `[` (a list number, a dblp key, a Scholar link) is no JSON value; a `[` alone is one
    only when what follows reads as a JSON format. A real export below such lines is still found."""
    head, _, rest = _text(DBLP).partition("\n\n")
    page = f"{head}\n{line}\nsee the list below\n\n{rest}\n"
    alone = parse_text(page, as_of=TODAY)
    works = _parsed(page + _text(CSL)).works
    assert [(w.title, w.sources[-1].layout) for w in works] == [(w.title, "dblp") for w in alone] + [
        (r["title"], "csl-json") for r in _expected(CSL)]
    assert len(alone) >= len(_expected(DBLP))


def test_text_before_and_after_a_json_array_is_reported_and_the_records_kept() -> None:
    """A note above a pasted export and a line after it read in no layout: each is a warning with its line."""
    text = "My Zotero library, exported 12 March 2024:\n\n" + _text(CSL) + "\nexported by Zotero 6.0\n"
    result = _parsed(text)
    assert [w.title for w in result.works] == [r["title"] for r in _expected(CSL)]
    assert [(i.line, i.message) for i in result.issues] == [
        (1, "CSL item skipped: 1 line of text before the array is not JSON"),
        (text.split("\n").index("exported by Zotero 6.0") + 1,
         "CSL item skipped: 1 line of text after the array is not JSON")]


@pytest.mark.parametrize("damage", ["unclosed", "quote"])
def test_a_damaged_json_array_before_a_page_keeps_its_good_records_and_the_page(damage: str) -> None:
    """A CSL-JSON array that never closes (a bracket lost) or whose string lost its quote: the page after it
    still starts at its first line (no JSON line reads `Deep learning`), the damaged item is a warning."""
    lines = _text(CSL).split("\n")
    if damage == "unclosed":
        assert lines[-3:] == ["\t}", "]", ""]
        lines = lines[:-3]  # the last item's and the array's closing brackets are lost
    else:
        lines[lines.index("\t\t\"title\": \"Deep learning\",")] = "\t\t\"title\": \"Deep learning,"
    result = _parsed("\n".join(lines) + "\n" + _text(DBLP))
    layouts = [w.sources[-1].layout for w in result.works]
    assert layouts.count("dblp") == len(_expected(DBLP))
    assert layouts.count("csl-json") >= 1
    assert any("not valid JSON" in i.message for i in result.issues)


def test_an_orcid_works_list_without_its_header_after_a_page_keeps_its_first_work() -> None:
    """The first work's `PMID:` line is a PubMed anchor, which ends the look-ahead window there; a PubMed page does
    not start at it, so the window reaches past it and the works list starts at its first title."""
    _assert_glued_as_alone([PAGES / "semantic-scholar" / "crispr_biologist.txt",
                            PAGES / "orcid" / "clinical_trialist_list_only.txt"], authors=False)


def test_a_scholar_profile_after_one_whose_cells_are_on_lines_of_their_own_is_a_second_profile() -> None:
    """A profile whose rows have no TAB cells (no anchor) before its second `TITLE CITED BY YEAR` line: the line
    is the second profile's, which keeps its owner, header and rows."""
    from scholarcli.parsing import iter_source
    from scholarcli.reading.lines import LineInput

    pages = [PAGES / "google-scholar" / "materials_scientist_cells_on_lines.txt",
             PAGES / "google-scholar" / "mathematician_no_verified_email.txt"]
    _assert_glued_as_alone(pages)
    events = iter_source(LineInput.from_text("<text>", _text(pages[0]) + "\n" + _text(pages[1])), as_of=TODAY)
    assert [p.name for p in events if isinstance(p, Profile)] == ["Yi Cui (崔屹)", "Ingrid Daubechies"]


@pytest.mark.parametrize("before", [
    PAGES / "semantic-scholar" / "economist_split_counts.txt",
    PAGES / "citation-list" / "french_cv_numbered_apa_sections.txt",
    PAGES / "citation-list" / "physics_markdown_digest.txt"], ids=lambda p: p.stem)
@pytest.mark.parametrize("glued", [False, True], ids=["newline", "glued"])
def test_a_law_faculty_masthead_opens_its_list_after_a_page_or_a_list(before: Path, glued: bool) -> None:
    """`Harvard Law School / Faculty Directory / Cass R. Sunstein / … Professor` over `Selected Publications`: the
    list's masthead, never the last abstract's words or a record of its own, whatever comes before it."""
    law = PAGES / "citation-list" / "law_cv_bluebook_citations.txt"
    works = parse_text(_text(before) + ("" if glued else "\n") + _text(law), as_of=TODAY)
    expected = [r["title"] for p in (before, law) for r in _expected(p)]
    assert [w.title for w in works] == expected
    assert not any("Harvard Law School" in (w.abstract or "") + (w.venue or "") for w in works)


@pytest.mark.parametrize("cv", ["german_cv_monographien_aufsaetze", "french_cv_numbered_apa_sections",
                                "chinese_cv_journal_and_conference_sections"])
def test_a_cv_title_right_under_a_digests_last_abstract_opens_the_next_list(cv: str) -> None:
    """`Lebenslauf — Niklas Luhmann (1927–1998)`, `Esther Duflo — Curriculum vitae / Professeure d'économie, MIT`
    or `何恺明 个人主页` on the line under an abstract's last line, then a heading: the CV's title, not the
    abstract's."""
    digest = PAGES / "citation-list" / "physics_markdown_digest.txt"
    works = parse_text(_text(digest) + _text(PAGES / "citation-list" / f"{cv}.txt"), as_of=TODAY)
    alone = parse_text(_text(digest), as_of=TODAY)
    assert works[len(alone) - 1].abstract == alone[-1].abstract


def test_a_semantic_scholar_pager_and_footer_open_no_paper() -> None:
    """`1 2 3 Next`, `Stay Connected With Semantic Scholar`, `About`, `©` under the last paper, then a papers list
    copied without its header: no paper `1` with author `2`."""
    _assert_glued_as_alone([PAGES / "semantic-scholar" / "astronomer_plus_authors_firefox.txt",
                            PAGES / "semantic-scholar" / "linguist_old_books_select_list.txt"])


def test_two_layouts_that_each_hand_a_line_back_to_the_other_still_make_progress(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A part that takes no line leaves the next part its first line: a list whose `PMID:` line PubMed claims and
    then hands back (PubMed's `_list_through`) once made an endless run of empty parts. Here both decisions are
    forced at every such line; the split must still end, with every line handed over once."""
    from itertools import islice

    from scholarcli.layouts import segments

    def change(self: segments.Splitter, current: Any, other: Any, held: Any, item: Any) -> tuple[int, int]:
        self.pending.appendleft(item)
        return 0, 0  # the other layout's page starts at the first held line

    monkeypatch.setattr(segments.Splitter, "_change", change)
    monkeypatch.setattr(segments.Splitter, "_list_through", lambda *args: 0)  # …and hands it back at once
    entry = ["Doudna JA, Charpentier E. The new frontier of genome engineering. Science. 2014;346:1258096.",
             "PMID: 25430774"]
    lines = ["Selected Publications", *entry * 3]
    handed: list[str] = []
    parts = 0
    for part in islice(segments.split(lines, FALLBACK), 100):
        handed += list(part.lines)
        parts += 1
    assert parts < 100
    assert handed == lines


def _triples() -> list[tuple[Path, Path, Path]]:
    """Three-page files: a fixed random draw over every sample, and for each site layout two of its pages with a
    reference list between them (the list must not become either page's lines)."""
    import random

    draw = random.Random(2026)
    triples: list[tuple[Path, Path, Path]] = []
    for _ in range(300):
        a, b, c = draw.sample(SAMPLE_FILES, 3)
        triples.append((a, b, c))
    lists = sorted((PAGES / FALLBACK).glob("*.txt"))
    sites = sorted({p.parent.name for p in SAMPLE_FILES if p.parent.parent == PAGES} - {FALLBACK})
    for i, site in enumerate(sites):
        pages = sorted((PAGES / site).glob("*.txt"))
        if len(pages) >= 2:
            triples.append((pages[0], lists[i % len(lists)], pages[-1]))
    return [t for t in triples if not any(
        f"{a.relative_to(_ROOT)} + {b.relative_to(_ROOT)}" in KNOWN_GAPS for a, b in itertools.pairwise(t))]


@pytest.mark.parametrize("triple", _triples(), ids=lambda t: "+".join(p.stem for p in t))
def test_three_pages_read_as_each_alone(triple: tuple[Path, Path, Path]) -> None:
    """`A + "\\n" + B + "\\n" + C` gives the records of A, B and C, each alone (B's and C's lines shifted)."""
    texts = [_text(p) for p in triple]
    expected: list[dict[str, Any]] = []
    shift = 0
    for text in texts:
        expected += _records(text, shift=shift)
        shift += len(text.split("\n"))
    assert _records("\n".join(texts)) == expected


def test_works_after_as_many_as_an_orcid_records_works_count_take_no_owner() -> None:
    """A record's `Works (3)` shows at most three works: a headerless works list pasted after them is another
    list, whose works take no owner (they took the record's person as their author), with a warning."""
    record = PAGES / "orcid" / "database_theorist_undated.txt"
    headerless = PAGES / "orcid" / "clinical_trialist_list_only.txt"
    result = _parsed(_text(record) + "\n" + _text(headerless))
    alone = [parse_text(_text(p), as_of=TODAY) for p in (record, headerless)]
    assert [w.authors for w in result.works] == [w.authors for works in alone for w in works]
    assert any("more works than the record's Works (3)" in i.message for i in result.issues)
