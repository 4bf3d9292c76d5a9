"""One person's pages from three sites read together: coauthors fold across spellings and each shared work
counts once (Google Scholar and PubMed print initials, Semantic Scholar mostly full names)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import AS_OF, invoke
from scholarcli.dedupe import compare
from scholarcli.dedupe.merge import merge_works
from scholarcli.model import Source, Work

PAGES = Path(__file__).resolve().parent / "pages"
DOUDNA = [
    str(PAGES / "google-scholar" / "crispr_biologist_tabs.txt"),  # `JA Doudna`, `M Jinek`
    str(PAGES / "semantic-scholar" / "crispr_biologist.txt"),  # `J. Doudna`, `Martin Jinek`
    str(PAGES / "pubmed" / "crispr_biologist.txt"),  # `Doudna JA`, `Jinek M`
]


def _coauthors() -> list[dict[str, Any]]:
    result = invoke("coauthors", "--author", "Jennifer A. Doudna", "--json", "--as-of", AS_OF, *DOUDNA)
    assert result.code == 0, result.stderr
    rows: list[dict[str, Any]] = result.json()
    return rows


def _row(rows: list[dict[str, Any]], family: str) -> dict[str, Any]:
    """The one row of the person with this family name (whichever spelling it is shown in)."""
    found = [row for row in rows if family in row["name"].replace(".", " ").replace(",", " ").split()]
    assert len(found) == 1, (family, [row["name"] for row in found])
    return found[0]


def test_coauthors_fold_across_three_sites_and_count_each_shared_work_once() -> None:
    rows = _coauthors()
    # Jinek: the 2012 Science paper (on all three pages), the 2013 eLife paper (GS, PubMed) and the 2014
    # Nature paper (S2, PubMed): three works, printed `M Jinek`, `Martin Jinek` and `Jinek M`.
    jinek = _row(rows, "Jinek")
    assert (jinek["name"], jinek["works"], jinek["first_year"], jinek["last_year"]) == ("Martin Jinek", 3, 2012, 2014)
    # Sternberg: the 2014 Nature paper (S2, PubMed) and the 2012 Nature review (S2, PubMed).
    assert _row(rows, "Sternberg")["works"] == 2
    # Charpentier: the 2012 paper (three pages) and the 2014 review, which PubMed prints with its section
    # heading in front (`Genome editing. The new frontier …`) and the other two pages without.
    assert _row(rows, "Charpentier")["works"] == 2
    assert _row(rows, "Chylinski")["works"] == 1  # one paper, seen on all three pages
    assert _row(rows, "Knott")["works"] == 1
    assert not any("Doudna" in row["name"] for row in rows)
    assert len(rows) == 18


def test_the_person_has_each_work_once() -> None:
    listed = invoke("list-works", "--author", "Jennifer A. Doudna", "--json", "--as-of", AS_OF, *DOUDNA).json()
    # 7 records on GS, 5 on S2 and 6 on PubMed: 11 works, of which 9 name her (two GS rows are cut
    # before her name).
    assert len(listed) == 9
    everything = invoke("list-works", "--json", "--as-of", AS_OF, *DOUDNA).json()
    assert len(everything) == 11
    review = next(w for w in listed if w["doi"] == "10.1126/science.1258096")
    assert {s["layout"] for s in review["sources"]} == {"google-scholar", "semantic-scholar", "pubmed"}
    assert review["citations"] == 9512 and review["pmid"] == "25430774"


def test_family_first_author_lists_do_not_block_a_fuzzy_title_match() -> None:
    pubmed = Work(title="A programmable dual RNA guided DNA endonuclease in adaptive bacterial immunity",
                  authors=("Jinek M", "Chylinski K", "Doudna JA"), year=2012, pmid="22745249",
                  sources=(Source("pubmed", "p", 1),))
    scholar = Work(title="A programable dual-RNA–guided DNA endonuclease in adaptive bacterial immunity",
                   authors=("M Jinek", "K Chylinski", "JA Doudna"), year=2012, citations=19874,
                   sources=(Source("google-scholar", "g", 1),))
    assert compare(pubmed, scholar).same
    stranger = scholar.with_changes(authors=("A Smith", "B Jones"))
    assert not compare(pubmed, stranger).same
    merged = merge_works([pubmed, scholar, scholar.with_changes(citations=13579)])
    assert (merged.pmid, merged.citations) == ("22745249", 19874)


NGO = [
    str(PAGES / "dblp" / "ngo_orcid_breaks_and_joined_records.txt"),  # `Mahmoud Abo Khamis`, `Hung Q. Ngo`
    str(PAGES / "google-scholar" / "database_theorist_cells_on_lines.txt"),  # `M Abo Khamis`, `HQ Ngo`
    str(PAGES / "semantic-scholar" / "database_theorist_ngo.txt"),  # `Mahmoud Abo Khamis`, `H. Ngo`
]


def _ngo_coauthors() -> list[dict[str, Any]]:
    result = invoke("coauthors", "--author", "Hung Q. Ngo", "--json", "--as-of", AS_OF, *NGO)
    assert result.code == 0, result.stderr
    rows: list[dict[str, Any]] = result.json()
    return rows


def test_coauthors_over_dblp_google_scholar_and_semantic_scholar() -> None:
    # 8 dblp records, 6 GS rows, 4 S2 papers. Worst-case optimal joins (JACM 2018) and Skew strikes back
    # are on all three pages, FAQ on GS and S2, Shannon-type inequalities on dblp and GS, in-database
    # learning on dblp and S2.
    rows = _ngo_coauthors()
    khamis = _row(rows, "Khamis")
    # PANDA (dblp), in-database learning, Shannon-type, FAQ, and the two TODS papers only GS lists.
    assert (khamis["name"], khamis["works"], khamis["first_year"], khamis["last_year"]) == (
        "Mahmoud Abo Khamis", 6, 2016, 2024)
    assert set(khamis["variants"]) == {"M Abo Khamis", "Mahmoud Abo Khamis"}
    assert {family: _row(rows, family)["works"] for family in ("Suciu", "Schleich", "Olteanu", "Geerts")} == {
        "Suciu": 2, "Schleich": 1, "Olteanu": 2, "Geerts": 1}
    assert _row(rows, "Nguyen")["works"] == 2  # `XL Nguyen` (GS) is `XuanLong Nguyen` (dblp)
    assert not any("Ngo" in row["name"] for row in rows)
    assert len(rows) == 10


def test_a_corr_entry_and_its_extended_abstract_are_one_work() -> None:
    # The JACM 2018 version (on all three pages) stays a work of its own; the PODS 2012 paper and its CoRR
    # preprint are one: 10 works, 5 with Rudra, 4 with Ré, 2 with Porat.
    assert len(invoke("list-works", "--json", "--as-of", AS_OF, *NGO).json()) == 10
    rows = _ngo_coauthors()
    assert {family: _row(rows, family)["works"] for family in ("Rudra", "Ré", "Porat")} == {
        "Rudra": 5, "Ré": 4, "Porat": 2}
