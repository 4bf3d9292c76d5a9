"""Two reference lists in one file (two CVs or lab pages pasted together), and a list before a page.

A list has no line of its own that marks where it starts, so the second list is told by its top: a heading that
opens a list (`Selected Publications`, `Curriculum Vitae — Name`, `发表论文`, a markdown `# Title`), or numbering
that starts again at 1. Its entries then take nothing from the first list: not its section's type, nor the
fallback year of a year heading, and the first list's last entry (an abstract, an entry without its final stop)
does not take the second list's title or heading. Each case is read as each list alone (tests/test_segments.py's
property), with and without a blank line between the two.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from conftest import AS_OF, SAMPLES
from scholarcli.layouts import detect
from scholarcli.layouts.pubmed import sniff as pubmed_sniff
from scholarcli.parsing import parse_text

TODAY = date.fromisoformat(AS_OF)


def _records(text: str, shift: int = 0) -> list[dict[str, Any]]:
    out = []
    for work in parse_text(text, as_of=TODAY):
        record = work.to_dict()
        record["sources"] = [{**s, "line": s["line"] + shift} for s in record["sources"]]
        out.append(record)
    return out


def _read_as_each_alone(a: str, b: str) -> list[dict[str, Any]]:
    """The records of `a` then `b`, checked to be those of `a + "\\n" + b` and of `a + b` (no blank line)."""
    assert a.endswith("\n")
    lines_a = len(a.split("\n"))
    alone_a = _records(a)
    assert _records(a + "\n" + b) == alone_a + _records(b, shift=lines_a)
    both = alone_a + _records(b, shift=lines_a - 1)
    assert _records(a + b) == both
    return both


BOOKS = """Books

Said, Edward W. Orientalism. New York: Pantheon Books, 1978.
Said, Edward W. Culture and Imperialism. New York: Knopf, 1993.
"""

OSTROM_CV = """Curriculum Vitae — Elinor Ostrom

Ostrom, E. (1990). Governing the Commons: The Evolution of Institutions for Collective Action. Cambridge
University Press.
Ostrom, E. (2009). A general framework for analyzing sustainability of social-ecological systems. Science,
325(5939), 419–422.
"""


def test_a_cv_title_opens_a_new_list_that_takes_no_type_from_the_last() -> None:
    records = _read_as_each_alone(BOOKS, OSTROM_CV)
    assert [(r["year"], r["type"]) for r in records] == [(1978, "book"), (1993, "book"), (1990, None), (2009, None)]


CONFERENCE = """Conference Papers
[1] A. Vaswani, N. Shazeer, N. Parmar, et al. Attention is all you need. In Proc. NeurIPS, pages 5998–6008, 2017.
[2] K. He, X. Zhang, S. Ren, and J. Sun. Deep residual learning for image recognition. In Proc. CVPR, 2016.
"""

GERMAN_CV = """Veröffentlichungen
[1] J. Assmann. Das kulturelle Gedächtnis. München: C.H. Beck, 1992.
[2] A. Assmann. Erinnerungsräume. München: C.H. Beck, 1999.
"""


def test_numbering_that_starts_again_opens_a_new_list() -> None:
    """`Veröffentlichungen` is no heading scholar knows, but `[1]` after `[2]` starts another list."""
    records = _read_as_each_alone(CONFERENCE, GERMAN_CV)
    assert [r["type"] for r in records] == ["inproceedings", "inproceedings", None, None]


PREPRINTS = """Preprints
2020
Brown, T. B., Mann, B., Ryder, N., et al. (2020). Language models are few-shot learners. arXiv:2005.14165.
Kaplan, J., McCandlish, S., Henighan, T., et al. (2020). Scaling laws for neural language models. arXiv preprint.
"""

CHINESE_CV = """期刊论文
[1] 周志华, 陈世福. 神经网络集成[J]. 计算机学报, 2002, 25(1): 1-8.
[2] 李宇峰, 周志华. 安全半监督学习[J]. 中国科学: 信息科学, 2018, 48(4): 1-15.
"""


def test_a_chinese_section_heading_opens_a_list_with_its_own_type() -> None:
    records = _read_as_each_alone(PREPRINTS, CHINESE_CV)
    assert [(r["year"], r["type"]) for r in records] == [
        (2020, "preprint"), (2020, "preprint"), (2002, "article"), (2018, "article")]


DIGEST = """# Cosmology reading list

##### 1.Observational Evidence from Supernovae for an Accelerating Universe and a Cosmological Constant

**Authors:**Adam G. Riess, Alexei V. Filippenko, Peter Challis

**arXiv:** astro-ph/9805201

**Abstract:** Light curves of distant type Ia supernovae, read as standard candles, show that the expansion
of the universe is speeding up.

##### 2.Measurements of Omega and Lambda from 42 High-Redshift Supernovae

**Authors:**S. Perlmutter, G. Aldering, G. Goldhaber

**arXiv:** astro-ph/9812133

**Abstract:** Spectral and photometric observations of distant type Ia supernovae point to a universe whose
expansion is speeding up.
"""

WORKING_PAPERS = """Working Papers
2019
Chetty, R., Hendren, N., & Katz, L. F. (2016). The effects of exposure to better neighborhoods on children.
    American Economic Review, 106(4), 855–902.
Acemoglu, D., Johnson, S., & Robinson, J. A. (2001). The colonial origins of comparative development.
    American Economic Review, 91(5), 1369–1401.
"""


def test_a_markdown_title_opens_a_new_list_under_no_heading() -> None:
    records = _read_as_each_alone(WORKING_PAPERS, DIGEST)
    assert [r["type"] for r in records] == ["preprint", "preprint", None, None]
    assert [(r["year"], r["arxiv_id"]) for r in records[2:]] == [(1998, "astro-ph/9805201"), (1998, "astro-ph/9812133")]


SELECTED = """Selected Publications

Banerjee, A., & Duflo, E. (2007). The economic lives of the poor. Journal of Economic Perspectives, 21(1),
141–168.
Banerjee, A., Duflo, E., Glennerster, R., & Kinnan, C. (2015). The miracle of microfinance? Evidence from a
randomized evaluation. American Economic Journal: Applied Economics, 7(1), 22–53.
"""


def test_an_abstract_does_not_take_the_next_list_s_heading_or_title() -> None:
    abstract = ("Spectral and photometric observations of distant type Ia supernovae point to a universe whose "
                "expansion is speeding up.")
    for b in (SELECTED, "Curriculum Vitae — Esther Duflo\n" + SELECTED, "Genome Engineering Group\nHome | People | "
              "Publications | Contact\n" + SELECTED):
        records = _read_as_each_alone(DIGEST, b)
        assert [r["abstract"] for r in records][1:] == [abstract, None, None]
        assert records[2]["title"] == "The economic lives of the poor"


def test_an_abstract_wrapped_onto_a_short_line_keeps_it() -> None:
    """A short capitalised line under an abstract is its last words, unless a list's heading or menu follows."""
    text = DIGEST.rstrip("\n") + "\nBlack Holes Included\n\n##### 3.Anti De Sitter Space And Holography\n"
    works = parse_text(text, as_of=TODAY)
    assert works[1].abstract is not None and works[1].abstract.endswith("speeding up. Black Holes Included")


XPLORE = """IEEE Xplore
Showing 1-2 of 2 results for Kaiming He
Deep Residual Learning for Image Recognition
Kaiming He; Xiangyu Zhang; Shaoqing Ren; Jian Sun
2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)
Year: 2016 | Conference Paper | Publisher: IEEE
Cited by: Papers (97421)
Abstract
HTML
Single Image Haze Removal Using Dark Channel Prior
Kaiming He; Jian Sun; Xiaoou Tang
IEEE Transactions on Pattern Analysis and Machine Intelligence
Year: 2011 | Volume: 33, Issue: 12 | Journal Article | Publisher: IEEE
"""

BY_YEAR = """Publications 2004

* J. Dean and S. Ghemawat. MapReduce: Simplified Data Processing on Large Clusters. In Proc. OSDI, pages
  137–150, 2004.
* W.-T. Balke and U. Güntzer. Multi-objective Query Processing for Database Systems. In Proc. VLDB, pages
  936–947, 2004.
"""


def test_a_list_heading_under_an_entry_without_its_final_stop_opens_a_list() -> None:
    """`Publications 2004` right under `… | Publisher: IEEE` is the next list's heading, not the entry's end."""
    records = _read_as_each_alone(XPLORE, BY_YEAR)
    assert [(r["title"], r["year"]) for r in records] == [
        ("Deep Residual Learning for Image Recognition", 2016),
        ("Single Image Haze Removal Using Dark Channel Prior", 2011),
        ("MapReduce: Simplified Data Processing on Large Clusters", 2004),
        ("Multi-objective Query Processing for Database Systems", 2004)]


def test_a_title_over_a_results_head_is_not_the_last_entry_s_venue() -> None:
    records = _read_as_each_alone(PREPRINTS, XPLORE)
    assert records[1]["venue"] == "arXiv preprint"  # not `arXiv preprint. IEEE Xplore`


VANCOUVER = """Selected Publications
• Jinek M, Chylinski K, Fonfara I, Hauer M, Doudna JA, Charpentier E. A programmable dual-RNA-guided DNA
endonuclease in adaptive bacterial immunity. Science. 2012;337(6096):816-21.
PMID: 22745249
• Doudna JA, Charpentier E. The new frontier of genome engineering with CRISPR-Cas9. Science.
2014;346(6213):1258096.
"""


def test_two_lists_with_a_pmid_line_each_are_no_pubmed_page() -> None:
    records = _read_as_each_alone(VANCOUVER, VANCOUVER)
    assert [r["sources"][0]["layout"] for r in records] == ["citation-list"] * 4
    assert [r["pmid"] for r in records] == ["22745249", None, "22745249", None]


def test_pubmed_counts_only_the_buttons_of_its_entries() -> None:
    """`Cite` buttons of another site's page after a list with one `PMID:` line make no PubMed page of it."""
    page = VANCOUVER + "\nSemantic Scholar\nEsther Duflo\nPublications\n" + "".join(
        f"Paper {i} on poverty traps\nEsther Duflo\nEconometrica, 20{10 + i}\nCite\nSave\n" for i in range(4))
    assert pubmed_sniff(page) < 0.5
    assert detect(VANCOUVER)[0] == "citation-list"


def test_a_reference_in_another_script_above_a_paper_page_stays_in_the_list() -> None:
    """A paper page claims the site's chrome above its title, and lines in another script are chrome there
    (its footer); a Chinese reference with a year is the list's last entry, not the page's chrome."""
    page = (SAMPLES / "paper_page_other.txt").read_text("utf-8")
    records = _read_as_each_alone(CHINESE_CV, page)
    assert [r["sources"][0]["layout"] for r in records[:2]] == ["citation-list"] * 2
    assert records[1]["title"] == "安全半监督学习"
