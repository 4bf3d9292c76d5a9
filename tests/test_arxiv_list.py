"""The arXiv list-page parser (`/list/<cat>/new`, `recent`, `pastweek`) beyond its golden twins."""

from __future__ import annotations

from datetime import date

from conftest import SAMPLES
from scholarcli.layouts import arxiv_list, detect

ENTRY = (
    "[{n}]  arXiv:{ident} [pdf, other]\nTitle: {title}\nAuthors: Ana Lima, Bo Chen\n"
    "Subjects: Databases (cs.DB)\n\n{abstract}\n"
)


def test_search_pages_and_list_pages_are_told_apart() -> None:
    page = ENTRY.format(n=1, ident="2401.00001", title="A Title", abstract="An abstract.")
    assert detect(page)[0] == "arxiv-list"
    assert arxiv_list.sniff((SAMPLES / "arxiv_search_page.txt").read_text("utf-8")) == 0.0


def test_an_entry_without_a_title_is_kept_and_reported() -> None:
    page = "[1]  arXiv:2401.00001 [pdf]\nAuthors: Ana Lima\nSubjects: Databases (cs.DB)\n" + ENTRY.format(
        n=2, ident="2401.00002", title="Second", abstract="Text."
    )
    result = arxiv_list.parse(page, "l.txt", date(2026, 1, 1))
    assert [(w.arxiv_id, w.title) for w in result.works] == [("2401.00001", None), ("2401.00002", "Second")]
    assert [i.line for i in result.issues] == [1]


def test_headings_and_footer_never_join_the_abstract_before_them() -> None:
    page = ENTRY.format(n=1, ident="2401.00001", title="T", abstract="Only this.") + (
        "Replacements for Tue, 2 Jan 24\nTue, 2 Jan 2024 (showing 1 of 1 entries)\nAbout\nHelp\n"
    )
    [work] = arxiv_list.parse(page, "l.txt", date(2026, 1, 1)).works
    assert work.abstract == "Only this."


def test_collaboration_lists_with_authors_not_shown_are_truncated() -> None:
    page = (
        "[1]  arXiv:1207.7214 [pdf, other]\nTitle: Observation of a new particle in the search for the Standard "
        "Model Higgs boson with the ATLAS detector at the LHC\nAuthors: G. Aad, T. Abajyan, B. Abbott "
        "(2913 additional authors not shown) You must enable JavaScript to view entire author list.\n"
        "Subjects: High Energy Physics - Experiment (hep-ex)\n"
    )
    [work] = arxiv_list.parse(page, "l.txt", date(2026, 1, 1)).works
    assert (work.authors, work.authors_truncated) == (("G. Aad", "T. Abajyan", "B. Abbott"), True)
    assert work.categories == ("hep-ex",)


def test_an_entry_that_lost_its_authors_is_kept_with_a_warning() -> None:
    page = (
        "New submissions for Tue, 23 Jul 24\n[1]  arXiv:2407.00001 [pdf, other]\nTitle: Cold Dark Matter Halos\n"
        "Subjects: Cosmology and Nongalactic Astrophysics (astro-ph.CO)\n\nWe study halos.\n"
    )
    result = arxiv_list.parse(page, "new.txt", date(2026, 1, 1))
    assert [(w.arxiv_id, w.authors) for w in result.works] == [("2407.00001", ())]
    assert [i.message for i in result.issues] == [
        "arXiv:2407.00001 lists no authors (the `Authors:` line was lost in the copy?); kept without authors"]


def test_a_subjects_line_wrapped_inside_a_subject_keeps_every_category_and_no_abstract() -> None:
    """A saved page wraps a long `Subjects:` line anywhere, also inside a subject's name."""
    page = (
        "[414]  arXiv:1807.06211 [pdf, other]\nTitle: Planck 2018 results. X. Constraints on inflation\n"
        "Authors: Planck Collaboration: Y. Akrami, F. Arroja\n"
        "Subjects: Cosmology and Nongalactic Astrophysics (astro-ph.CO); General\n"
        "    Relativity and Quantum Cosmology (gr-qc); High Energy Physics - Theory\n    (hep-th)\n"
        "[415]  arXiv:1807.06212 [pdf, other]\nTitle: Another entry\nAuthors: A. Lee, B. Chen\n"
        "Subjects: Cosmology and Nongalactic Astrophysics (astro-ph.CO)\n\nIts abstract, on its own line.\n"
    )
    works = arxiv_list.parse(page, "p.txt", date(2026, 1, 1)).works
    assert [(w.categories, w.abstract) for w in works] == [
        (("astro-ph.CO", "gr-qc", "hep-th"), None),
        (("astro-ph.CO",), "Its abstract, on its own line."),
    ]
    assert works[0].authors == ("Planck Collaboration", "Y. Akrami", "F. Arroja")
