"""The arXiv listing parser on the search-page form and its variants."""

from __future__ import annotations

from datetime import date

from conftest import SAMPLES, seed
from scholarcli import parse_text
from scholarcli.layouts import arxiv_listing, detect

SEARCH = (SAMPLES / "arxiv_search_page.txt").read_text("utf-8")


def test_search_page_is_detected_and_header_and_footer_are_not_records() -> None:
    assert detect(SEARCH)[0] == "arxiv-listing"
    result = arxiv_listing.parse(SEARCH, "s.txt", date(2026, 1, 1))
    assert [w.arxiv_id for w in result.works] == ["2103.03404", "1911.03584", "1706.03762", "hep-th/9711200"]
    assert result.issues == []


def test_id_header_categories_and_one_line_authors() -> None:
    work = parse_text(SEARCH)[0]
    assert work.title == "Attention is Not All You Need: Pure Attention Loses Rank Doubly Exponentially with Depth"
    assert work.authors == ("Yihe Dong", "Jean-Baptiste Cordonnier", "Andreas Loukas")
    assert work.categories == ("cs.LG", "cs.CL")
    assert (work.date, work.updated, work.year) == ("2021-03-05", "2023-08-01", 2021)
    assert work.comment == "ICML 2021"


def test_abstract_without_more_less_is_kept_whole() -> None:
    work = parse_text(SEARCH)[2]
    assert work.abstract is not None
    assert work.abstract.startswith("The dominant sequence transduction models")
    assert work.abstract.endswith("dispensing with recurrence and convolutions entirely.")


def test_inline_more_less_keeps_only_the_full_abstract() -> None:
    work = parse_text(SEARCH)[1]
    assert work.abstract is not None
    assert work.abstract.startswith("Recent trends of incorporating")
    assert "▽" not in work.abstract and "△" not in work.abstract and "…" not in work.abstract
    assert work.abstract.endswith("they often learn to do so in practice.")


def test_comments_journal_ref_doi_and_old_style_id_with_version() -> None:
    works = parse_text(SEARCH)
    assert works[2].journal_ref == "Advances in Neural Information Processing Systems 30 (NIPS 2017)"
    assert works[2].doi == "10.48550/arXiv.1706.03762"
    assert works[2].comment == "15 pages, 5 figures"
    old = works[3]
    assert (old.arxiv_id, old.arxiv_version) == ("hep-th/9711200", 3)
    assert old.categories == ("hep-th", "gr-qc")
    assert old.journal_ref == "Adv.Theor.Math.Phys.2:231-252,1998"
    assert old.comment == "20 pages, harvmac, v2: section on AdS_2 corrected, references added"
    assert (old.date, old.updated) == ("1997-11-27", "1998-01-22")


def test_footer_after_last_entry_does_not_leak_into_fields() -> None:
    last = parse_text(SEARCH)[-1]
    assert "Subscribe" not in (last.journal_ref or "") + (last.comment or "")


def test_dash_separated_form_multiline_authors_and_versions() -> None:
    works = parse_text(seed("001").read_text("utf-8"))
    nprl = works[10]
    assert nprl.authors == ("Tucker Stewart", "Katherine Stern", "Grant O'Keefe", "Ankur Teredesai", "Juhua Hu")
    assert (nprl.date, nprl.updated) == ("2023-04-25", "2023-11-16")
    assert all(w.arxiv_id is None and w.type == "preprint" for w in works)


def test_damaged_entry_is_reported_and_neighbours_survive() -> None:
    text = SEARCH.replace(
        "Authors: Jean-Baptiste Cordonnier, Andreas Loukas, Martin Jaggi\n", ""
    ).replace("Abstract: Recent trends", "Recent trends")
    result = arxiv_listing.parse(text, "d.txt", date(2026, 1, 1))
    assert [w.arxiv_id for w in result.works] == ["2103.03404", "1706.03762", "hep-th/9711200"]
    assert len(result.issues) == 1 and result.issues[0].line == 13  # the arXiv:1911.03584 line


def test_a_title_that_starts_with_a_label_word_stays_a_title() -> None:
    # Issue 9, case 5: labels need their colon; `Abstractive…` once became the abstract "ive …".
    for title in (
        "Abstractive Summarization of Meeting Transcripts",
        "Authorship Verification with Siamese Networks",
        "Comments on the Unruh Effect",
        "DOI Coverage in Open Citation Data",
        "Doing More with Less: Data Pruning for Speech Models",
    ):
        text = (
            f"-\n{title}\nAuthors:\nAda Byron,\nMary Somerville\nAbstract:\nWe study it.\n"
            "Submitted 1 March, 2020;\noriginally announced March 2020.\n"
        )
        [work] = arxiv_listing.parse(text, "t.txt", date(2026, 1, 1)).works
        assert (work.title, work.abstract, work.comment, work.doi) == (title, "We study it.", None, None)
        assert work.authors == ("Ada Byron", "Mary Somerville")


def test_numbered_indented_search_copy_with_lost_bracket_reads_like_the_clean_one() -> None:
    # Issue 13: `  1. arXiv:ID  [pdf, other` (number in front, bracket lost), blank lines between fields.
    clean = arxiv_listing.parse(SEARCH, "s.txt", date(2026, 1, 1)).works
    lines = []
    number = 0
    for line in SEARCH.split("\n"):
        if line.startswith("arXiv:"):
            number += 1
            line = f"{number}. " + line.replace("]", "")
        lines.append("      " + line + "\n")
    copied = arxiv_listing.parse("".join(lines), "s.txt", date(2026, 1, 1)).works
    assert detect("".join(lines))[0] == "arxiv-listing"
    assert [w.with_changes(sources=()) for w in copied] == [w.with_changes(sources=()) for w in clean]


def test_categories_and_doi_copied_onto_the_header_line() -> None:
    text = (
        "1. arXiv:1604.07818  [pdf, other hep-th cond-mat.str-el doi 10.1103/PhysRevD.94.106002\n"
        "Remarks on the Sachdev-Ye-Kitaev model\nAuthors: Juan Maldacena, Douglas Stanford\n"
        "Abstract: We study a model of Majorana fermions.\n"
        "Submitted 10 November, 2016; v1 submitted 27 April, 2016; originally announced April 2016.\n"
    )
    [work] = arxiv_listing.parse(text, "h.txt", date(2026, 1, 1)).works
    assert (work.arxiv_id, work.title) == ("1604.07818", "Remarks on the Sachdev-Ye-Kitaev model")
    assert work.categories == ("hep-th", "cond-mat.str-el")
    assert work.doi == "10.1103/PhysRevD.94.106002"


def test_author_lists_cut_short_set_authors_truncated() -> None:
    text = SEARCH.replace(
        "Authors: Yihe Dong, Jean-Baptiste Cordonnier, Andreas Loukas",
        "Authors: Yihe Dong, Jean-Baptiste Cordonnier, et al.",
    )
    first = arxiv_listing.parse(text, "t.txt", date(2026, 1, 1)).works[0]
    assert (first.authors, first.authors_truncated) == (("Yihe Dong", "Jean-Baptiste Cordonnier"), True)


def test_a_copy_that_stops_at_more_keeps_the_cut_abstract() -> None:
    text = (
        "  1. arXiv:2207.02098  [pdf, other\n\n     cs.DB\n\n     Convergence of Datalog over (Pre-) Semirings\n\n"
        "     Authors: Mahmoud Abo Khamis, Hung Q. Ngo, Reinhard Pichler, Dan Suciu, Yisu Remy Wang\n\n"
        "     Abstract: Recursive queries have been studied in the framework of datalog, which restricts "
        "recursion to monotone queries over sets. We consider… ▽ More\n\n"
        "     Submitted 5 July, 2022; originally announced July 2022.\n"
    )
    result = arxiv_listing.parse(text, "cut.txt", date(2026, 1, 1))
    [work] = result.works
    assert work.abstract is not None
    assert work.abstract.startswith("Recursive queries") and work.abstract.endswith("We consider…")
    assert "▽" not in work.abstract
    assert [i.message for i in result.issues] == ["abstract cut off after ▽ More; kept what was there"]
