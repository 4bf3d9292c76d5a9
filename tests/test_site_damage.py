"""Damaged entries on the site pages: a warning naming the line, and the neighbours kept."""

from __future__ import annotations

from conftest import AS_OF, ROOT, invoke

PUBMED = """1
Cite
Share
RNA-guided genetic silencing systems in bacteria and archaea.
Wiedenheft B, Sternberg SH, Doudna JA.
PMID: 22337052
2
Cite
Share
CRISPR-Cas guides the future of genetic engineering.
Knott GJ, Doudna JA.
Science. 2018 Aug 31;361(6405):866-869. doi: 10.1126/science.aat5011.
PMID: 30166482 Free PMC article. Review.
"""

ORCID = """Jennifer A. Doudna
Works (2)
CRISPR-Cas guides the future of genetic engineering
Science
2018-08-31 | Journal article
DOI: 10.1126/science.aat5011
Source: Crossref
A work whose date line was lost in the copy
Science
"""


def test_a_pubmed_entry_without_its_citation_line_is_kept_with_a_warning() -> None:
    result = invoke("list-works", "--json", "--no-dedupe", "--as-of", AS_OF, "-", input=PUBMED.encode())
    assert result.code == 0
    works = result.json()
    assert [w["pmid"] for w in works] == ["22337052", "30166482"]
    assert works[0]["title"] == "RNA-guided genetic silencing systems in bacteria and archaea"
    assert works[0]["authors"] == ["Wiedenheft B", "Sternberg SH", "Doudna JA"]
    assert (works[0]["year"], works[0]["venue"], works[1]["year"]) == (None, None, 2018)
    assert "-:6: PMID 22337052 has no citation line above it; kept without one" in result.stderr


def test_a_pmid_with_nothing_above_it_is_reported() -> None:
    result = invoke("list-works", "--json", "--as-of", AS_OF, "-", input=("1\nCite\nPMID: 123\n" + PUBMED).encode())
    assert result.code == 0 and len(result.json()) == 2
    assert "-:3: PMID 123 has no title above it; skipped" in result.stderr


def test_an_orcid_work_without_its_date_line_is_reported() -> None:
    result = invoke("list-works", "--json", "--as-of", AS_OF, "-", input=ORCID.encode())
    assert result.code == 0
    assert [w["doi"] for w in result.json()] == ["10.1126/science.aat5011"]
    assert "-:8: 'A work whose date line was lost in the copy' has no `date | type` line; skipped" in result.stderr


def test_orcid_lines_left_over_before_a_work_are_reported_and_the_work_kept() -> None:
    text = ORCID.replace("A work whose date line was lost in the copy\nScience\n", "") + (
        "A work whose date line was lost\nScience\nDOI lost too\n"
        "RNA-programmed genome editing in human cells\neLife\n2013-01-29 | Journal article\n"
    )
    result = invoke("list-works", "--json", "--no-dedupe", "--as-of", AS_OF, "-", input=text.encode())
    assert result.code == 0
    assert [w["title"] for w in result.json()] == [
        "CRISPR-Cas guides the future of genetic engineering", "RNA-programmed genome editing in human cells"]
    assert "-:8: 'A work whose date line was lost' has no `date | type` line; skipped" in result.stderr


LOST_PMIDS = """1
Cite
Share
RNA-guided genetic silencing systems in bacteria and archaea.
Wiedenheft B, Sternberg SH, Doudna JA.
Nature. 2012 Feb 15;482(7385):331-8. doi: 10.1038/nature10886.
2
Cite
Share
CRISPR-Cas guides the future of genetic engineering.
Knott GJ, Doudna JA.
Science. 2018 Aug 31;361(6405):866-869. doi: 10.1126/science.aat5011.
PMID: 30166482 Free PMC article. Review.
The review traces CRISPR from bacterial immunity to gene therapy.
RNA-programmed genome editing in human cells.
Jinek M, East A, Cheng A, Lin S, Ma E, Doudna J.
Elife. 2013 Jan 29;2:e00471. doi: 10.7554/eLife.00471.
"""


def test_pubmed_entries_that_lost_their_pmid_line_are_kept_with_a_warning() -> None:
    result = invoke("list-works", "--json", "--no-dedupe", "--as-of", AS_OF, "--from", "pubmed", "-",
                    input=LOST_PMIDS.encode())
    assert result.code == 0
    works = result.json()
    assert [(w["pmid"], w["year"], w["venue"]) for w in works] == [
        (None, 2012, "Nature"), ("30166482", 2018, "Science"), (None, 2013, "Elife")]
    assert works[2]["title"] == "RNA-programmed genome editing in human cells"
    lost = "-:4: entry 'RNA-guided genetic silencing systems in bacteria and archaea.' has no PMID line"
    assert lost in result.stderr
    assert "-:15: entry 'RNA-programmed genome editing in human cells.' has no PMID line" in result.stderr


INSPIRE_READ_AS_SEMANTIC_SCHOLAR = """INSPIRE
Literature
Authors
2 results
Citation Summary
Most Recent
Observation of a new particle in the search for the Standard Model Higgs boson with the ATLAS detector at the LHC
ATLAS Collaboration • Georges Aad (Freiburg U.) et al.
Jul 31, 2012
17,342 citations
Anti-de Sitter space and holography
Edward Witten (Princeton, Inst. Advanced Study)
Feb 20, 1998
14,870 citations
"""


def test_a_semantic_scholar_block_too_long_for_one_paper_is_a_warning_naming_it() -> None:
    """Another site's page (INSPIRE) read as Semantic Scholar: its chrome and first result came out as one
    paper titled `INSPIRE`, the real title lost in silence."""
    result = invoke("list-works", "--json", "--no-dedupe", "--as-of", AS_OF, "--from", "semantic-scholar", "-",
                    input=INSPIRE_READ_AS_SEMANTIC_SCHOLAR.encode())
    assert result.code == 0
    assert ":1: 8 lines read as one paper 'INSPIRE'" in result.stderr
    assert [w["title"] for w in result.json()][-1] == "Anti-de Sitter space and holography"


RESEARCHGATE = """Esther Duflo
Research
Article
The Economist as Plumber
May 2017 · American Economic Review
Esther Duflo
Book
Poor Economics: A Radical Rethinking of the Way to Fight Global Poverty
April 2011
Abhijit V. Banerjee · Esther Duflo
Working Paper
Schooling and Labor Market Consequences of School Construction in Indonesia
September 2001 · American Economic Review
Esther Duflo
"""


def test_type_words_over_titles_are_no_orcid_record() -> None:
    """`Article` / `Book` alone over each title (ResearchGate) once read as undated ORCID works, each title lost."""
    result = invoke("list-works", "--json", "--no-dedupe", "--as-of", AS_OF, "-", input=RESEARCHGATE.encode())
    assert "orcid" not in result.stdout
    assert result.code == 1 or all(w["sources"][0]["layout"] != "orcid" for w in result.json())


def test_an_inspire_result_that_lost_its_date_line_is_a_warning_naming_it() -> None:
    page = (ROOT / "tests" / "pages" / "inspire" / "hep_theorist_author_page.txt").read_text("utf-8")
    damaged = page.replace("Jun 3, 2013\n", "")
    result = invoke("list-works", "--json", "--no-dedupe", "--as-of", AS_OF, "-", input=damaged.encode())
    assert result.code == 0
    titles = [w["title"] for w in result.json()]
    assert "Cool horizons for entangled black holes" not in titles and len(titles) == 3
    assert ":20: 5 line(s) between results not read: 'Cool horizons for entangled black holes'" in result.stderr


def test_a_researchgate_item_without_its_date_line_is_kept_with_its_authors_and_a_warning() -> None:
    """The type line opens an item: a date line lost in the copy (or never printed) costs the date only."""
    page = "ResearchGate\n" + RESEARCHGATE.replace("April 2011\n", "")
    result = invoke("list-works", "--json", "--no-dedupe", "--as-of", AS_OF, "-", input=page.encode())
    assert result.code == 0
    works = result.json()
    assert [w["title"] for w in works] == [
        "The Economist as Plumber",
        "Poor Economics: A Radical Rethinking of the Way to Fight Global Poverty",
        "Schooling and Labor Market Consequences of School Construction in Indonesia",
    ]
    assert (works[1]["authors"], works[1]["year"], works[1]["type"]) == (
        ["Abhijit V. Banerjee", "Esther Duflo"], None, "book")
    title = "Poor Economics: A Radical Rethinking of the Way to Fight Global Poverty"
    assert f"-:8: {title!r} has no date line under it; kept without a date" in result.stderr
