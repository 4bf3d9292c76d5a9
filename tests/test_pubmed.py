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
