"""BibTeX and RIS exports in one file with a copied page: each part is read in its own layout, nothing is lost.

People paste a paper's BibTeX (Google Scholar's "Cite", dblp's bib link) or a RIS export into the notes
file that holds the page they copied, before or after it, or `cat` the export with a saved page. The pair
property in test_segments.py covers every sample; these cases pin down what it cannot: no split inside an
entry, no entry made of a page's `@` line, and the glued joins.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from conftest import AS_OF, SEEDS, invoke
from scholarcli.parsing import parse_text

PAGES = Path(__file__).resolve().parent / "pages"
TODAY = date.fromisoformat(AS_OF)
DBLP = PAGES / "dblp" / "berger_proceedings_and_journals.txt"
SCHOLAR_BIB = PAGES / "bibtex" / "google_scholar_export.txt"
DBLP_BIB = PAGES / "bibtex" / "dblp_export.txt"
PUBMED_RIS = PAGES / "ris" / "pubmed_export.txt"
LISTING = next(SEEDS.glob("001_*.txt"))  # an arXiv listing
FEED = next(SEEDS.glob("004_*.txt"))  # a scored feed; no final newline
PROFILE = next(SEEDS.glob("000_*.txt"))  # a researcher profile; no final newline


def _text(path: Path) -> str:
    return path.read_text("utf-8")


def _expected(path: Path) -> list[dict[str, Any]]:
    if path.parent.parent == PAGES:
        records: list[dict[str, Any]] = json.loads(path.with_suffix(".expected.json").read_text("utf-8"))
        return records
    return [w.to_dict() for w in parse_text(_text(path), as_of=TODAY)]  # a seed: checked by check-seeds


def _layout(path: Path) -> str:
    if path.parent.parent == PAGES:
        return path.parent.name
    return parse_text(_text(path), as_of=TODAY)[0].sources[0].layout


def _assert_each_as_alone(text: str, pages: list[Path]) -> None:
    """`text` (the pages joined) gives each page's records, titles and authors, in order and in its layout."""
    works = parse_text(text, as_of=TODAY)
    expected = [_expected(p) for p in pages]
    assert [w.title for w in works] == [r["title"] for records in expected for r in records]
    assert [list(w.authors) for w in works] == [list(r["authors"]) for records in expected for r in records]
    assert [w.sources[0].layout for w in works] == [
        _layout(p) for p, records in zip(pages, expected, strict=True) for _ in records]


def test_bibtex_entries_pasted_after_a_dblp_page_are_kept() -> None:
    page = _text(DBLP)
    _assert_each_as_alone(page + "\n" + _text(DBLP_BIB), [DBLP, DBLP_BIB])
    _assert_each_as_alone(page + "\n\n" + _text(SCHOLAR_BIB), [DBLP, SCHOLAR_BIB])


def test_bibtex_entry_glued_to_a_pages_last_line_opens_its_part() -> None:
    page = _text(DBLP).rstrip("\n")  # `cat` of a page saved without a final newline
    _assert_each_as_alone(page + _text(SCHOLAR_BIB), [DBLP, SCHOLAR_BIB])


def test_a_page_after_bibtex_entries_is_not_read_as_bibtex_comments() -> None:
    _assert_each_as_alone(_text(SCHOLAR_BIB) + "\n" + _text(LISTING), [SCHOLAR_BIB, LISTING])
    _assert_each_as_alone(_text(DBLP_BIB) + "\n" + _text(DBLP), [DBLP_BIB, DBLP])
    # The export saved without a final newline: the page's first line is glued to the last `}`.
    _assert_each_as_alone(_text(DBLP_BIB).rstrip("\n") + _text(DBLP), [DBLP_BIB, DBLP])


def test_ris_records_before_and_after_a_page_are_kept() -> None:
    _assert_each_as_alone(_text(PUBMED_RIS) + "\n" + _text(FEED), [PUBMED_RIS, FEED])
    _assert_each_as_alone(_text(FEED) + "\n" + _text(PUBMED_RIS), [FEED, PUBMED_RIS])
    _assert_each_as_alone(_text(PROFILE) + _text(PUBMED_RIS), [PROFILE, PUBMED_RIS])  # `TY  - JOUR` glued


def test_cat_of_a_ris_export_and_a_page_keeps_every_record(tmp_path: Path) -> None:
    both = tmp_path / "notes.txt"
    both.write_bytes(PROFILE.read_bytes() + PUBMED_RIS.read_bytes() + FEED.read_bytes())
    result = invoke("list-works", "--json", "--no-dedupe", "--verbose", "--as-of", AS_OF, both)
    assert result.code == 0, result.stderr
    layouts = [w["sources"][0]["layout"] for w in result.json()]
    assert layouts == ["profile"] * 4 + ["ris"] * 3 + ["feed"] * len(_expected(FEED))
    assert "a page in layout ris starts here" in result.stderr


AT_LINES = "\n".join([
    "Follow me: @ann_lee",
    "@ann_lee",
    "ann.lee@example.org",
    "@NeurIPSConf best paper thread",
    "@ {not an entry}",
])


def test_at_lines_of_a_page_are_no_bibtex_entries() -> None:
    """`@username` and e-mail lines in a page's chrome leave the page whole; the entries after it are found."""
    page = AT_LINES + "\n" + _text(LISTING)
    alone = parse_text(page, as_of=TODAY)
    assert [w.title for w in alone] == [r["title"] for r in _expected(LISTING)]
    works = parse_text(page + "\n" + _text(SCHOLAR_BIB), as_of=TODAY)
    assert [w.title for w in works] == [w.title for w in alone] + [r["title"] for r in _expected(SCHOLAR_BIB)]
    assert {w.sources[0].layout for w in works[: len(alone)]} == {"arxiv-listing"}


ENTRY_WITH_PAGE_LINES = """@article{doudna2014new,
  title={The new frontier of genome engineering with {CRISPR-Cas9}},
  author={Doudna, Jennifer A and Charpentier, Emmanuelle},
  journal={Science},
  volume={346},
  number={6213},
  year={2014},
  abstract={Copied from the PubMed entry of the review:
Authors: Jennifer A Doudna, Emmanuelle Charpentier
Science. 2014 Nov 28;346(6213):1258096. doi: 10.1126/science.1258096.
PMID: 25430774
Abstract: The RNA-guided Cas9 nuclease became a general tool for editing genomes.
Comments: 9 pages, 4 figures
TY  - JOUR
}
}

@article{jinek2012programmable,
  title={A programmable dual-{RNA}--guided {DNA} endonuclease in adaptive bacterial immunity},
  author={Jinek, Martin and Chylinski, Krzysztof and Fonfara, Ines and Hauer, Michael and Doudna, Jennifer A and
          Charpentier, Emmanuelle},
  journal={Science},
  year={2012}
}
"""


def test_page_lines_inside_a_bibtex_abstract_do_not_split_the_entry() -> None:
    """An abstract holding `Authors:`, `PMID:` and `TY  -` lines stays in its entry, after a page as alone."""
    alone = parse_text(ENTRY_WITH_PAGE_LINES, as_of=TODAY)
    assert [w.title for w in alone] == [
        "The new frontier of genome engineering with CRISPR-Cas9",
        "A programmable dual-RNA–guided DNA endonuclease in adaptive bacterial immunity"]
    assert "PMID: 25430774" in (alone[0].abstract or "") and "TY - JOUR" in (alone[0].abstract or "")
    for before in (_text(DBLP) + "\n", _text(LISTING) + "\n"):
        works = parse_text(before + ENTRY_WITH_PAGE_LINES, as_of=TODAY)
        page = parse_text(before, as_of=TODAY)
        assert [w.to_dict() | {"sources": None} for w in works[len(page):]] == [
            w.to_dict() | {"sources": None} for w in alone]
        assert [w.title for w in works[: len(page)]] == [w.title for w in page]


def test_a_ris_abstract_continued_over_lines_like_a_page_stays_in_its_record() -> None:
    record = ("TY  - JOUR\nTI  - Genome editing with CRISPR-Cas9\nAU  - Doudna, Jennifer A\nAB  - Copied abstract:\n"
              "Authors: Jennifer A Doudna\nPMID: 25430774\n@article{doudna2014new,\nPY  - 2014\nER  - \n")
    alone = parse_text(record, as_of=TODAY)
    assert len(alone) == 1 and "@article{doudna2014new," in (alone[0].abstract or "")
    works = parse_text(_text(DBLP) + "\n" + record + "\n" + _text(DBLP), as_of=TODAY)
    page = parse_text(_text(DBLP), as_of=TODAY)
    assert [w.title for w in works] == [w.title for w in page] + [alone[0].title] + [w.title for w in page]
    assert works[len(page)].abstract == alone[0].abstract


def test_two_bibtex_exports_with_the_same_keys_in_one_file_keep_every_entry() -> None:
    """`cat a.bib b.bib` where both hold an entry (and its crossref volume): each copy is read as alone."""
    text = _text(DBLP_BIB)
    alone = parse_text(text, as_of=TODAY)
    both = parse_text(text + "\n" + text, as_of=TODAY)
    assert [w.to_dict() | {"sources": None} for w in both] == [w.to_dict() | {"sources": None} for w in alone] * 2


def test_a_bibtex_entry_that_lost_its_closing_brace_does_not_swallow_the_page_after_it() -> None:
    """The last entry's `}` is missing: the entry is a warning, the dblp page after it keeps its records."""
    broken = _text(SCHOLAR_BIB).rstrip().removesuffix("}")
    assert broken.endswith("year={2014}\n")
    works = parse_text(broken + "\n" + _text(DBLP), as_of=TODAY)
    page = _expected(DBLP)
    assert [w.title for w in works[-len(page):]] == [r["title"] for r in page]
    assert {w.sources[0].layout for w in works[-len(page):]} == {"dblp"}
    assert [w.title for w in works[:5]] == [r["title"] for r in _expected(SCHOLAR_BIB)[:5]]
