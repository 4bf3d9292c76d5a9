"""PubMed results beyond the golden twins: titles PubMed translated into English (a made-up first entry)."""

from __future__ import annotations

from conftest import AS_OF, invoke

TRANSLATED = """1
Cite
Share
[Genome editing with CRISPR-Cas9: a revolution in biology?].
Dupont A, Martin B.
Med Sci (Paris). 2015 Oct;31(10):850-6.
PMID: 26481027
2
Cite
Share
CRISPR-Cas guides the future of genetic engineering.
Knott GJ, Doudna JA.
Science. 2018 Aug 31;361(6405):866-869. doi: 10.1126/science.aat5011.
PMID: 30166482 Free PMC article. Review.
"""


def test_a_translated_title_loses_the_brackets_pubmed_puts_round_it() -> None:
    result = invoke("list-works", "--json", "--no-dedupe", "--as-of", AS_OF, "-", input=TRANSLATED.encode())
    assert result.code == 0, result.stderr
    assert [w["title"] for w in result.json()] == [
        "Genome editing with CRISPR-Cas9: a revolution in biology?",
        "CRISPR-Cas guides the future of genetic engineering",
    ]


def test_a_group_and_its_people_split_by_a_semicolon_are_separate_authors() -> None:
    """PubMed prints a collective author before (or after) the people, split by `; `: neither side is glued to a
    neighbour (`RECOVERY Collaborative Group; Horby P` is not one person), and the line still reads as authors."""
    from scholarcli.layouts.pubmed import is_pubmed_author_list

    page = (
        "1\nCite\nShare\nDexamethasone in Hospitalized Patients with Covid-19.\n"
        "RECOVERY Collaborative Group; Horby P, Lim WS, Landray MJ.\n"
        "N Engl J Med. 2021 Feb 25;384(8):693-704. doi: 10.1056/NEJMoa2021436.\nPMID: 32678530\n"
        "2\nCite\nShare\nSafety and Efficacy of the BNT162b2 mRNA Covid-19 Vaccine.\n"
        "Polack FP, Thomas SJ, Gruber WC; C4591001 Clinical Trial Group.\n"
        "N Engl J Med. 2020 Dec 31;383(27):2603-2615. doi: 10.1056/NEJMoa2034577.\nPMID: 33301246\n"
    )
    result = invoke("list-works", "--json", "--no-dedupe", "--as-of", AS_OF, "-", input=page.encode())
    assert result.code == 0, result.stderr
    assert [w["authors"] for w in result.json()] == [
        ["RECOVERY Collaborative Group", "Horby P", "Lim WS", "Landray MJ"],
        ["Polack FP", "Thomas SJ", "Gruber WC", "C4591001 Clinical Trial Group"],
    ]
    assert is_pubmed_author_list("RECOVERY Collaborative Group; Horby P, Lim WS, Landray MJ.")
    assert is_pubmed_author_list("Polack FP, Thomas SJ, Gruber WC; C4591001 Clinical Trial Group.")
