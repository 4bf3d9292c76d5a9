"""Dedupe needs evidence (issue 9, cases 1-3) and sees one paper across sites (issue 13, "Across sources")."""

from __future__ import annotations

import pytest

from scholarcli.dedupe import compare, dedupe
from scholarcli.model import Work
from scholarcli.normalise.titles import normalise_title

# One researcher's arXiv listing: every record has the same authors and the same year.
LISTING_AUTHORS = ("Maya Lindqvist", "Tomas Berg", "Ines Duarte")
ONE_WORD_APART = [
    ("Supervised Contrastive Learning for Image Classification",
     "Unsupervised Contrastive Learning for Image Classification"),
    ("Linear Regression with Sparse Inputs", "Nonlinear Regression with Sparse Inputs"),
    ("Cross-Modal Hashing for Large-Scale Image Retrieval", "Cross-Modal Hashing for Large-Scale Video Retrieval"),
    ("Large Language Models are Zero-Shot Reasoners", "Large Language Models are Few-Shot Reasoners"),
    ("Federated Averaging Converges on Non-IID Data", "Federated Averaging Converges on IID Data"),
    ("On the Convergence of Adam under Heavy-Tailed Noise", "On the Convergence of AdaGrad under Heavy-Tailed Noise"),
    ("Masked Autoencoders are Scalable Vision Learners", "Masked Autoencoders are Scalable Audio Learners"),
    ("Generative Pre-Training of Speech Recognition Models",
     "Discriminative Pre-Training of Speech Recognition Models"),
]


def _listed(title: str, year: int = 2023) -> Work:
    return Work(title=title, authors=LISTING_AUTHORS, year=year)


@pytest.mark.parametrize(("title_a", "title_b"), ONE_WORD_APART)
def test_a_differing_word_keeps_two_works_of_one_listing_apart(title_a: str, title_b: str) -> None:
    decision = compare(_listed(title_a), _listed(title_b))
    assert not decision.same
    assert decision.reason is not None and decision.reason.startswith("titles differ in a")


def test_one_listing_of_sixteen_papers_stays_sixteen_works() -> None:
    records = [_listed(title) for pair in ONE_WORD_APART for title in pair]
    result = dedupe(records)
    assert len(result.works) == 16
    assert all(n.reason.startswith("titles differ") for n in result.near_misses if n.score >= 88)


def test_equal_titles_with_other_authors_and_years_are_two_works() -> None:
    nature = Work(title="Deep Learning", authors=("Yann LeCun", "Yoshua Bengio", "Geoffrey Hinton"), year=2015,
                  venue="Nature", doi="10.1038/nature14539")
    book = Work(title="Deep learning", authors=("Ian Goodfellow", "Yoshua Bengio", "Aaron Courville"), year=2016,
                venue="MIT Press", type="book")
    assert not compare(nature, book).same
    assert len(dedupe([nature, book]).works) == 2
    nmt_2014 = Work(title="Neural Machine Translation", authors=("Kyunghyun Cho",), year=2014)
    nmt_2020 = Work(title="Neural Machine Translation", authors=("Philipp Koehn",), year=2020)
    assert len(dedupe([nmt_2014, nmt_2020]).works) == 2


def test_a_record_without_authors_does_not_chain_two_works_together() -> None:
    orcid = Work(title="Deep Learning", year=2015)
    nature = Work(title="Deep Learning", authors=("Yann LeCun", "Yoshua Bengio", "Geoffrey Hinton"), year=2015)
    book = Work(title="Deep Learning", authors=("Ian Goodfellow", "Yoshua Bengio", "Aaron Courville"), year=2016)
    result = dedupe([orcid, nature, book])
    assert [1, 2] not in result.clusters and len(result.works) == 2


def test_normalisation_keeps_languages_and_superscripts_apart() -> None:
    assert normalise_title("Numerical Recipes in C") != normalise_title("Numerical Recipes in C++")
    assert normalise_title("Design Patterns in C#") != normalise_title("Design Patterns in C")
    assert normalise_title("Bounds on $x^2$ Sums") != normalise_title("Bounds on $x_2$ Sums")
    assert normalise_title("Bounds on $x^2$ Sums") == normalise_title("Bounds on x² Sums")
    assert normalise_title(r"Recovery with $\ell_1$ Minimization") == normalise_title("Recovery with ℓ1 Minimization")
    c = Work(title="Numerical Recipes in C", authors=("William H. Press",), year=1992)
    cpp = Work(title="Numerical Recipes in C++", authors=("William H. Press",), year=1992)
    assert len(dedupe([c, cpp]).works) == 2


@pytest.mark.parametrize(("title_a", "title_b"), [
    ("Colour Constancy", "Color Constancy"),
    ("A Two-Stage Detector for Small Objects", "A 2-Stage Detector for Small Objects"),
    ("Optimal Transport, Part 1", "Optimal Transport, Part I"),
    ("Optimisation of Neural Network Behaviour", "Optimization of Neural Network Behavior"),
])
def test_spellings_and_numbers_written_differently_are_one_work(title_a: str, title_b: str) -> None:
    a = Work(title=title_a, authors=("David H. Foster",), year=2011)
    b = Work(title=title_b, authors=("D. H. Foster",), year=2011)
    assert compare(a, b).same
    assert len(dedupe([a, b]).works) == 1


def test_a_dropped_subtitle_with_the_same_authors_and_year_is_one_work() -> None:
    authors = ("Qi Qian", "Lei Shang", "Baigui Sun", "Juhua Hu", "Hao Li", "Rong Jin")
    short = Work(title="SoftTriple Loss", authors=authors, year=2019)
    full = Work(title="SoftTriple Loss: Deep Metric Learning Without Triplet Sampling", authors=authors, year=2019)
    assert compare(short, full).rule == "subtitle"
    result = dedupe([short, full])
    assert len(result.works) == 1 and result.works[0].title == full.title
    # without the authors to confirm it, a main title is not its subtitled version
    other = Work(title="SoftTriple Loss", authors=("Ana Souza", "Pedro Lima"), year=2019)
    assert len(dedupe([other, full]).works) == 2


SOFTTRIPLE = "SoftTriple Loss: Deep Metric Learning Without Triplet Sampling"
FULL_NAMES = ("Qi Qian", "Lei Shang", "Baigui Sun", "Juhua Hu", "Hao Li", "Rong Jin")


def test_one_paper_from_dblp_scholar_orcid_and_arxiv_is_one_work() -> None:
    dblp = Work(title=SOFTTRIPLE, authors=FULL_NAMES, year=2019, venue="ICCV", type="inproceedings")
    corr = Work(title=SOFTTRIPLE, authors=FULL_NAMES, year=2019, venue="CoRR", type="preprint",
                arxiv_id="1909.05235")
    scholar = Work(title=SOFTTRIPLE, authors=("Q Qian", "L Shang", "B Sun", "J Hu", "H Li", "R Jin"), year=2019,
                   venue="Proceedings of the IEEE/CVF International Conference on Computer Vision, 6450-6458")
    orcid = Work(title=SOFTTRIPLE, year=2019, venue="2019 IEEE/CVF International Conference on Computer Vision",
                 type="inproceedings", doi="10.1109/ICCV.2019.00655")
    arxiv = Work(title=SOFTTRIPLE, authors=FULL_NAMES, year=2019, venue="arXiv", type="preprint",
                 arxiv_id="1909.05235", doi="10.48550/arXiv.1909.05235")
    result = dedupe([dblp, corr, scholar, orcid, arxiv])
    assert len(result.works) == 1
    work = result.works[0]
    assert (work.arxiv_id, work.doi, work.year) == ("1909.05235", "10.1109/ICCV.2019.00655", 2019)
    assert work.authors == FULL_NAMES and work.type == "inproceedings"
    assert work.venue not in ("CoRR", "arXiv")


def test_a_dblp_corr_entry_and_its_later_conference_version_are_one_work() -> None:
    title = "Hierarchically Robust Representation Learning"
    authors = ("Qi Qian", "Juhua Hu", "Hao Li")
    corr = Work(title=title, authors=authors, year=2019, venue="CoRR", type="preprint", arxiv_id="1911.04047")
    cvpr = Work(title=title, authors=authors, year=2020, venue="CVPR", type="inproceedings")
    works = dedupe([corr, cvpr]).works
    assert len(works) == 1
    assert (works[0].year, works[0].venue, works[0].type, works[0].arxiv_id) == (2019, "CVPR", "inproceedings",
                                                                                 "1911.04047")


def test_identifiers_are_strong_evidence_both_ways() -> None:
    title = "Learning to Rank with Partially Labelled Lists"
    authors = ("Ana Souza", "Pedro Lima")
    conference = Work(title=title, authors=authors, year=2020, doi="10.1145/3397271.3401100")
    journal = Work(title=title, authors=authors, year=2021, doi="10.1007/s10791-021-09390-1")
    assert compare(conference, journal).reason == "different DOIs"
    assert len(dedupe([conference, journal]).works) == 2
    preprint = Work(title=title, authors=authors, year=2020, doi="10.48550/arXiv.2004.01234")
    assert compare(preprint, conference).same
    biorxiv = Work(title="Lineage Tracing of Gut Stem Cells", year=2020, doi="10.1101/2020.03.02.972950")
    published = Work(title="Lineage tracing of gut stem cells", year=2021, doi="10.1038/s41586-021-03212-3")
    assert compare(biorxiv, published).same
