"""The citation-list layout: splitting one reference in many styles, cutting a list into entries, and the
fallback rule (a list of citations is read; prose and page chrome are not)."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import AS_OF, invoke
from scholarcli.layouts import detect
from scholarcli.layouts.citation_fields import read_names, split_reference
from scholarcli.layouts.citations import parse
from scholarcli.model import ParseIssue

# (reference as printed, title, authors, authors_truncated, year)
STYLES = [
    ("Smith, A., & Lee, B. (2020). Learning to rank with tables. Journal of Data, 12(3), 45–67.",
     "Learning to rank with tables", ["A. Smith", "B. Lee"], False, 2020),
    ("A. Smith, B. Lee, and C. Wu. Query Optimization Revisited. In Proc. of SIGMOD, pages 1–14, 2019.",
     "Query Optimization Revisited", ["A. Smith", "B. Lee", "C. Wu"], False, 2019),
    ("Efficient joins for graphs. A Smith, B Lee. VLDB 2018.", "Efficient joins for graphs",
     ["A Smith", "B Lee"], False, 2018),
    ("Vaswani A, Shazeer N, Parmar N, et al. Attention is all you need. Adv Neural Inf Process Syst. 2017;30.",
     "Attention is all you need", ["Vaswani A", "Shazeer N", "Parmar N"], True, 2017),
    ("Haraway D. Situated knowledges. Feminist Studies. 1988;14(3):575-599.", "Situated knowledges",
     ["Haraway D"], False, 1988),
    ("Said, Edward W. Orientalism. New York: Pantheon Books, 1978.", "Orientalism", ["Edward W. Said"], False, 1978),
    ('Kahneman, Daniel, and Amos Tversky. "Prospect Theory: An Analysis of Decision under Risk." Econometrica 47, '
     "no. 2 (1979): 263–91.", "Prospect Theory: An Analysis of Decision under Risk",
     ["Daniel Kahneman", "Amos Tversky"], False, 1979),
    ("K. He, X. Zhang, S. Ren, and J. Sun, “Deep residual learning for image recognition, in Proc. CVPR, 2016.",
     "Deep residual learning for image recognition", ["K. He", "X. Zhang", "S. Ren", "J. Sun"], False, 2016),
    ("Liu, Y.; Zhao, C.; Hu, G. A Comprehensive Evaluation of Quantization. arXiv preprint. 2025.",
     "A Comprehensive Evaluation of Quantization", ["Y. Liu", "C. Zhao", "G. Hu"], False, 2025),
    ("DONG, Sixun, HU, Juhua and QIAN, Qi, 2025. MMTok: Multimodal Coverage Maximization. 2025.",
     "MMTok: Multimodal Coverage Maximization", ["Sixun DONG", "Juhua HU", "Qi QIAN"], False, 2025),
    ("J. Yao, Q. Qian, and J. Hu, Customized Multiple Clustering via Subspace Proxy Learning, arXiv preprint.",
     "Customized Multiple Clustering via Subspace Proxy Learning", ["J. Yao", "Q. Qian", "J. Hu"], False, None),
    ("Song, Z., Hu, G.: Trade in Minutes! Rationality-Driven Agentic System for Quantitative Financial Trading, "
     "(2025).", "Trade in Minutes! Rationality-Driven Agentic System for Quantitative Financial Trading",
     ["Z. Song", "G. Hu"], False, 2025),
    ("W. - T. Balke, U. Güntzer. Multi-objective Query Processing. In VLDB 2004. Publisher's Version "
     "Download: vldb04.pdf", "Multi-objective Query Processing", ["W.-T. Balke", "U. Güntzer"], False, 2004),
    ("A. Smith*, B. Lee*, and C. Wu†. Query Optimization Revisited. In Proc. of SIGMOD, 2019. (Best Paper Award)",
     "Query Optimization Revisited", ["A. Smith", "B. Lee", "C. Wu"], False, 2019),
    ("A. Smith (MIT), B. Lee (Carnegie Mellon University), and C. Wu (ETH Zurich). Joins in practice. In Proc. of "
     "SIGMOD, 2019.", "Joins in practice", ["A. Smith", "B. Lee", "C. Wu"], False, 2019),
    ("Smith, A., & Lee, B. (Eds.). (2019). Joins in practice. Springer.", "Joins in practice", ["A. Smith", "B. Lee"],
     False, 2019),
    ("Matei Zaharia, Tathagata Das, and Ion Stoica. Discretized streams. In Proc. of SOSP, 2013.",
     "Discretized streams", ["Matei Zaharia", "Tathagata Das", "Ion Stoica"], False, 2013),
    ("Sun Z, Hua X-S, Yao Y. Salvage Reusable Samples from Noisy Data. arXiv preprint. 2020.",
     "Salvage Reusable Samples from Noisy Data", ["Sun Z", "Hua X-S", "Yao Y"], False, 2020),
]


@pytest.mark.parametrize(("text", "title", "authors", "truncated", "year"), STYLES, ids=[s[1][:24] for s in STYLES])
def test_a_reference_splits_into_title_authors_and_year(
    text: str, title: str, authors: list[str], truncated: bool, year: int | None
) -> None:
    fields = split_reference(text)
    assert (fields.title, list(fields.authors), fields.authors_truncated, fields.year) == (
        title, authors, truncated, year)


@pytest.mark.parametrize(
    ("text", "title", "authors", "year", "venue"),
    [
        ("Richard H. Thaler & Cass R. Sunstein, Nudge: Improving Decisions About Health, Wealth, and Happiness (2008).",
         "Nudge: Improving Decisions About Health, Wealth, and Happiness", ["Richard H. Thaler", "Cass R. Sunstein"],
         2008, None),
        ("Cass R. Sunstein, Republic.com (Princeton Univ. Press 2001).", "Republic.com", ["Cass R. Sunstein"], 2001,
         None),
        ("Christine Jolls, Cass R. Sunstein & Richard Thaler, A Behavioral Approach to Law and Economics, 50 Stan. L. "
         "Rev. 1471 (1998).", "A Behavioral Approach to Law and Economics",
         ["Christine Jolls", "Cass R. Sunstein", "Richard Thaler"], 1998, "Stan. L. Rev."),
        ("Cass R. Sunstein, On the Expressive Function of Law, 144 U. Pa. L. Rev. 2021, 2024 (1996).",
         "On the Expressive Function of Law", ["Cass R. Sunstein"], 1996, "U. Pa. L. Rev."),
        # APS keeps its venue before the volume: not a Bluebook citation
        ("A. Einstein, B. Podolsky, and N. Rosen, Can quantum-mechanical description of physical reality be "
         "considered complete?, Phys. Rev. 47, 777 (1935).",
         "Can quantum-mechanical description of physical reality be considered complete?",
         ["A. Einstein", "B. Podolsky", "N. Rosen"], 1935, "Phys. Rev."),
    ],
    ids=["book", "book-publisher", "article", "article-pincite", "aps"],
)
def test_bluebook_citations_put_the_volume_before_the_journal_and_the_year_last(
    text: str, title: str, authors: list[str], year: int, venue: str | None
) -> None:
    """Law reviews cite `Author, Title, 103 Harv. L. Rev. 405 (1989).` and books `Author, Title (2008).`"""
    fields = split_reference(text)
    assert (fields.title, list(fields.authors), fields.year, fields.venue) == (title, authors, year, venue)


def test_identifiers_are_read_and_their_prefixes_dropped() -> None:
    fields = split_reference(
        "Kingma, D. P., & Ba, J. (2015). Adam: A method for stochastic optimization. arXiv:1412.6980. "
        "https://doi.org/10.48550/arXiv.1412.6980"
    )
    assert (fields.doi, fields.arxiv_id, fields.title) == (
        "10.48550/arXiv.1412.6980", "1412.6980", "Adam: A method for stochastic optimization")


def test_an_arxiv_doi_gives_the_arxiv_id() -> None:
    fields = split_reference("Ba, J. (2015). Adam. https://doi.org/10.48550/arXiv.1412.6980")
    assert (fields.doi, fields.arxiv_id, fields.year) == ("10.48550/arXiv.1412.6980", "1412.6980", 2015)


def test_a_bare_old_style_arxiv_id_is_read() -> None:
    # Physics CVs print `hep-th/0001053` without `arXiv:`; only an archive arXiv had counts.
    fields = split_reference('J. M. Maldacena and H. Ooguri, "Strings in AdS(3) and SL(2,R) WZW model. Part 1: '
                             'The spectrum," J. Math. Phys. 42 (2001) 2929, hep-th/0001053.')
    assert (fields.arxiv_id, fields.year) == ("hep-th/0001053", 2001)
    assert "hep-th" not in (fields.venue or "")
    assert split_reference("A. Author, \"Input and/1234567 output,\" J. Phys. 4 (2001) 1.").arxiv_id is None


def test_in_press_leaves_the_year_empty() -> None:
    fields = split_reference("Doudna, J. A., & Charpentier, E. (in press). Genome engineering with Cas9. Science.")
    assert (fields.year, fields.in_press, fields.title) == (None, True, "Genome engineering with Cas9")


def test_a_title_case_title_is_not_taken_for_a_name() -> None:
    assert read_names("Deep Learning for Graphs. Nature 2015.") is None
    assert read_names("John A. Smith and Mary Jones. Why is the sky blue? Nature Physics, 2011.") is not None


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


PLAIN_LIST = _text(
    "Publications",
    "Ngo, H. Q., Porat, E., Ré, C., & Rudra, A. (2012). Worst-case optimal join algorithms. In Proceedings of",
    "PODS (pp. 37–48).",
    "Veldhuizen, T. L. (2014). Leapfrog triejoin: A simple, worst-case optimal join algorithm. In Proceedings of",
    "ICDT (pp. 96–106).",
)


def test_an_unmarked_list_without_blank_lines_is_cut_where_a_new_citation_opens() -> None:
    result = parse(PLAIN_LIST, "cv.txt", date(2026, 1, 1))
    assert [(w.title, w.sources[0].line) for w in result.works] == [
        ("Worst-case optimal join algorithms", 2),
        ("Leapfrog triejoin: A simple, worst-case optimal join algorithm", 4),
    ]


def test_a_list_of_citations_falls_back_to_the_citation_list_layout() -> None:
    layout, scores = detect(PLAIN_LIST)
    assert layout == "citation-list"
    assert all(score < 0.5 for name, score in scores.items() if name != "citation-list")


PROSE = _text(
    "About me",
    "",
    "I am a professor of history at the University of Somewhere. In 2019 I joined the department after",
    "ten years at another university, where I taught courses on early modern Europe and wrote two books.",
    "",
    "My research interests include the history of science, print culture, and the reception of",
    "classical texts in the Renaissance. Since 2021 I have led a project funded by the research council.",
    "",
    "Home   Contact   © 2024 University of Somewhere",
)


def test_prose_is_still_in_no_known_layout() -> None:
    assert detect(PROSE)[0] is None
    result = invoke("list-works", "--json", "--as-of", AS_OF, "-", input=PROSE.encode("utf-8"))
    assert result.code == 1
    assert "no known layout" in result.stderr


def test_chrome_is_dropped_and_prose_inside_a_list_is_reported_not_invented() -> None:
    text = _text(
        "Relational Theory Lab",
        "Research   News   Publications   Contact",
        "Journal Articles",
        "[1] A. Atserias, M. Grohe, and D. Marx. Size Bounds and Query Plans for Relational Joins. SIAM J. Comput.,",
        "    42(4):1737–1767, 2013.",
        "",
        "Please write to me for copies of papers that are not linked from this page, I am happy to help.",
        "",
        "[2] H. Q. Ngo, C. Ré, and A. Rudra. Skew Strikes Back. SIGMOD Record, 42(4):5–16, 2013.",
        "© 2024 Relational Theory Lab. All rights reserved.",
    )
    result = parse(text, "cv.txt", date(2026, 1, 1))
    assert [w.title for w in result.works] == ["Size Bounds and Query Plans for Relational Joins", "Skew Strikes Back"]
    assert all(w.type == "article" for w in result.works)
    assert [i.line for i in result.issues] == [7]  # the paragraph; not the lab's name nor the menu


def test_an_entry_that_cannot_be_split_is_kept_whole_with_a_warning() -> None:
    text = _text("1. Keynote lecture notes, version 3 (2019).", "2. Keynote lecture notes, v4 (2020).")
    result = parse(text, "cv.txt", date(2026, 1, 1))
    assert [w.title for w in result.works] == [
        "Keynote lecture notes, version 3 (2019)", "Keynote lecture notes, v4 (2020)"]
    assert all(isinstance(i, ParseIssue) and "whole text" in i.message for i in result.issues)
    assert [i.line for i in result.issues] == [1, 2]


def test_a_heading_year_is_the_fallback_year() -> None:
    text = _text("Publications 2023", "- A. Smith and B. Lee. Joins in practice. VLDB Journal (in press).",
                 "- C. Wu. Graphs at scale. In Proc. of SIGMOD, pages 1–12.")
    works = parse(text, "cv.txt", date(2026, 1, 1)).works
    assert [(w.title, w.year) for w in works] == [("Joins in practice", None), ("Graphs at scale", 2023)]


def test_long_lists_keep_every_entry_even_where_a_number_reads_as_a_year() -> None:
    text = "".join(f"{n}. A. Smith and B. Lee. Paper {n} on joins. In Proc. of PODS, 2019.\n" for n in range(1, 2101))
    text += "".join(f"[{n}] C. Wu. Paper {n} on graphs. In Proc. of ICDT, 2020.\n" for n in range(1, 12))
    works = parse(text, "cv.txt", date(2026, 1, 1)).works
    assert len(works) == 2111
    assert works[1999].title == "Paper 2000 on joins"


def test_an_entry_opening_with_a_lower_case_particle_is_not_run_into_the_one_before() -> None:
    text = _text(
        "Bengio, Y. (2009). Learning deep architectures for AI. Foundations and Trends in Machine Learning, 2(1).",
        "van der Maaten, L., & Hinton, G. (2008). Visualizing data using t-SNE. Journal of Machine Learning",
        "Research, 9, 2579–2605.",
    )
    works = parse(text, "cv.txt", date(2026, 1, 1)).works
    assert [(w.title, w.authors) for w in works] == [
        ("Learning deep architectures for AI", ("Y. Bengio",)),
        ("Visualizing data using t-SNE", ("L. van der Maaten", "G. Hinton")),
    ]


def test_a_long_unbroken_paragraph_is_read_in_linear_time() -> None:
    import time

    line = "Line {} Of A Long Paragraph About Things, And It Keeps Going Without A Stop"
    text = "\n".join(line.format(n) for n in range(3000))
    started = time.perf_counter()
    assert detect(text)[0] is None
    result = parse(text, "page.txt", date(2026, 1, 1))
    assert time.perf_counter() - started < 3.0  # was minutes when each line re-joined the entry so far
    assert result.works == [] and len(result.issues) == 1


def test_a_year_column_in_front_of_entries_opens_each_and_gives_its_year() -> None:
    text = _text(
        "2019 | A. Smith, B. Lee. Joins in practice. In Proc. of SIGMOD.",
        "2018 — C. Wu and D. Fox. Graphs at scale. VLDB Journal 27(3):1–20.",
        "2017\tTrees revisited. E. Gray, F. Hill. ICDE.",
    )
    works = parse(text, "cv.txt", date(2026, 1, 1)).works
    assert [(w.title, w.authors, w.year) for w in works] == [
        ("Joins in practice", ("A. Smith", "B. Lee"), 2019),
        ("Graphs at scale", ("C. Wu", "D. Fox"), 2018),
        ("Trees revisited", ("E. Gray", "F. Hill"), 2017),
    ]


def test_a_marker_alone_on_its_line_numbers_the_entry_below_it() -> None:
    text = _text("1.", "A. Smith, B. Lee", "Joins in practice. In Proc. of SIGMOD, 2019.", "2.", "", "3.")
    works = parse(text, "cv.txt", date(2026, 1, 1)).works
    assert [(w.title, w.authors, w.sources[0].line) for w in works] == [
        ("Joins in practice", ("A. Smith", "B. Lee"), 1)]


def test_a_digest_keeps_every_listed_author_whatever_their_shape() -> None:
    text = _text("##### 1.Some Title Here", "**Authors:**Juan M. Maldacena, xiao li, Bob, et al.", "**Abstract:** x")
    (work,) = parse(text, "digest.md", date(2026, 1, 1)).works
    assert (work.authors, work.authors_truncated) == (("Juan M. Maldacena", "xiao li", "Bob"), True)


def test_rows_of_title_authors_and_venue_lines_split_like_styled_citations() -> None:
    text = _text(
        "Worst-case optimal join algorithms",
        "HQ Ngo, E Porat, C Ré, A Rudra",
        "Journal of the ACM 65 (3), 1-40\t456\t2018",
        "FAQ: questions asked frequently",
        "M Abo Khamis, HQ Ngo, A Rudra",
        "Proceedings of the 35th ACM Symposium on Principles of Database Systems\t300\t2016",
    )
    works = parse(text, "rows.txt", date(2026, 1, 1)).works
    assert [(w.title, w.authors, w.year, w.venue) for w in works] == [
        ("Worst-case optimal join algorithms", ("HQ Ngo", "E Porat", "C Ré", "A Rudra"), 2018, "Journal of the ACM"),
        ("FAQ: questions asked frequently", ("M Abo Khamis", "HQ Ngo", "A Rudra"), 2016,
         "Proceedings of the 35th ACM Symposium on Principles of Database Systems"),
    ]


def test_a_cv_that_cites_pmids_is_a_citation_list_not_a_pubmed_page() -> None:
    text = _text(
        "Selected Publications",
        "• Jinek M, Chylinski K, Fonfara I, Hauer M, Doudna JA, Charpentier E. A programmable dual-RNA-guided DNA "
        "endonuclease in adaptive bacterial immunity. Science. 2012;337(6096):816-21. PMID: 22745249.",
        "• Doudna JA, Charpentier E. The new frontier of genome engineering with CRISPR-Cas9. Science. "
        "2014;346(6213):1258096. PMID: 25430774.",
        "• Cong L, Ran FA, Cox D, et al. Multiplex genome engineering using CRISPR/Cas systems. Science. "
        "2013;339(6121):819-23. PMID: 23287718.",
    )
    assert detect(text)[0] == "citation-list"
    works = parse(text, "cv.txt", date(2026, 1, 1)).works
    assert [(w.pmid, w.year) for w in works] == [("22745249", 2012), ("25430774", 2014), ("23287718", 2013)]


def test_section_headings_in_other_languages_give_their_entries_a_type() -> None:
    text = _text(
        "Monographien",
        "Ökologische Kommunikation. Opladen: Westdeutscher Verlag, 1986.",
        "Beiträge in Sammelbänden",
        "Luhmann, N. (1991). Wie lassen sich latente Strukturen beobachten? In P. Watzlawick & P. Krieg (Hrsg.), "
        "Das Auge des Betrachters (S. 61–74). München: Piper.",
        "Articles dans des revues à comité de lecture",
        "Banerjee, A. V., & Duflo, E. (2007). The economic lives of the poor. Journal of Economic Perspectives, "
        "21(1), 141–168.",
        "会议论文",
        "[1] He K, Zhang X, Ren S, et al. Deep residual learning for image recognition[C]//Proceedings of the IEEE "
        "Conference on Computer Vision and Pattern Recognition. Las Vegas: IEEE, 2016: 770-778.",
    )
    works = parse(text, "cv.txt", date(2026, 1, 1)).works
    assert [(w.year, w.type) for w in works] == [
        (1986, "book"), (1991, "incollection"), (2007, "article"), (2016, "inproceedings")]


def test_entries_in_german_or_french_quotes_on_consecutive_lines_are_two_works() -> None:
    text = _text(
        "Zeitschriftenaufsätze",
        "„Die Autopoiesis des Bewußtseins.“ Soziale Welt 36, Nr. 4 (1985): 402–446.",
        "„Die Unwahrscheinlichkeit der Kommunikation.“ Soziale Welt 32, Nr. 1 (1981): 26–35.",
        "« Les structures élémentaires de la parenté. » Revue française de sociologie 1, no. 2 (1960) : 45–60.",
    )
    works = parse(text, "cv.txt", date(2026, 1, 1)).works
    assert [(w.title, w.year) for w in works] == [
        ("Die Autopoiesis des Bewußtseins", 1985), ("Die Unwahrscheinlichkeit der Kommunikation", 1981),
        ("Les structures élémentaires de la parenté", 1960)]


@pytest.mark.parametrize(("text", "title", "venue"), [
    ("Die Gesellschaft der Gesellschaft. Frankfurt am Main: Suhrkamp, 1997.", "Die Gesellschaft der Gesellschaft",
     "Frankfurt am Main: Suhrkamp"),
    ("Ökologische Kommunikation. Opladen: Westdeutscher Verlag, 1986.", "Ökologische Kommunikation",
     "Opladen: Westdeutscher Verlag"),
])
def test_a_book_title_shaped_like_a_name_is_a_title_when_only_its_imprint_follows(
        text: str, title: str, venue: str) -> None:
    fields = split_reference(text)
    assert (fields.title, fields.authors, fields.year, fields.venue) == (title, (), int(text[-5:-1]), venue)


def test_the_splitters_cheap_heading_test_passes_every_heading_the_fallback_reads() -> None:
    """layouts.may_head_list gates the fallback's lead at a page's anchors: it must pass every line the fallback
    reads as a worded section heading (menus with runs of spaces, compounds, other scripts)."""
    from pathlib import Path

    from scholarcli.layouts import may_head_list
    from scholarcli.layouts.citations import _is_worded_heading

    root = Path(__file__).resolve().parent
    lines = [line.strip() for path in [*root.rglob("*.txt"), *(root.parent / "seeds").glob("*.txt")]
             for line in path.read_text("utf-8", errors="replace").split("\n")]
    lines += ["Research   News   Publications   Contact", "Publikationsliste", "Beiträge in Sammelbänden",
              "«Articles»", "Peer-reviewed journal articles", "研究業績", "학술 논문", "Chapitres d'ouvrages"]
    headings = [line for line in lines if line and _is_worded_heading(line)]
    assert len(headings) > 100
    assert [line for line in headings if not may_head_list([line])] == []


def test_a_masthead_with_a_venue_word_and_no_year_is_no_citation() -> None:
    """`… University Professor` over a list once became a record titled by the school's name."""
    text = _text(
        "Harvard Law School",
        "Faculty Directory",
        "Cass R. Sunstein",
        "Robert Walmsley University Professor",
        "",
        "Selected Publications",
        "",
        "Cass R. Sunstein, Republic.com (2001).",
        "Cass R. Sunstein, The Law of Group Polarization, 10 J. Pol. Phil. 175 (2002).",
    )
    result = parse(text, "cv.txt", date(2026, 1, 1))
    assert [(w.title, w.year) for w in result.works] == [
        ("Republic.com", 2001), ("The Law of Group Polarization", 2002)]


@pytest.mark.parametrize("sample", [
    "economics_plain_apa_chicago", "ieee_xplore_short_titles", "physics_lab_field_lines",
    "repository_and_search_page_chrome", "sections_with_year_subheadings", "systems_title_author_venue_lines"])
def test_a_double_spaced_copy_reads_as_the_list(sample: str) -> None:
    """Some copies put a blank line after every line (and more between entries): one blank line is then a line
    break, so entries wrapped over lines, or printed as title / authors / venue lines, stay one entry each
    (they were split in two, or merged into one)."""
    from pathlib import Path

    text = (Path(__file__).parent / "pages" / "citation-list" / f"{sample}.txt").read_text("utf-8")
    alone = parse(text, "cv.txt", date(2026, 1, 1)).works
    spaced = parse(text.replace("\n", "\n\n"), "cv.txt", date(2026, 1, 1)).works
    assert [(w.title, w.authors, w.year, w.venue) for w in spaced] == [
        (w.title, w.authors, w.year, w.venue) for w in alone]
