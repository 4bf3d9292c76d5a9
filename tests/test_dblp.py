"""dblp person pages beyond their golden twins: title/venue splitting, damaged records, detection."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import invoke
from scholarcli.layouts import dblp, detect
from scholarcli.model import Profile


@pytest.mark.parametrize(
    ("text", "title", "venue"),
    [
        ("Soundness of Data-Aware Processes. Petri Nets 2025: 86-108", "Soundness of Data-Aware Processes",
         "Petri Nets 2025: 86-108"),
        ("A survey on graph neural networks. Inf. Sci. 697: 121769 (2025)", "A survey on graph neural networks",
         "Inf. Sci. 697: 121769 (2025)"),
        ("Planck 2018 results. VI. Cosmological parameters. Astron. Astrophys. 641: A6 (2020)",
         "Planck 2018 results. VI. Cosmological parameters", "Astron. Astrophys. 641: A6 (2020)"),
        ("Is it Safe? Yes. Really! CAV 2020: 1-20", "Is it Safe? Yes. Really!", "CAV 2020: 1-20"),
        ("Learning in the U.S. Economy. Theor. Comput. Sci. 1000: 1-9 (2024)", "Learning in the U.S. Economy",
         "Theor. Comput. Sci. 1000: 1-9 (2024)"),
        ("Logic Programming. Springer 2024, ISBN 978-3-031-00000-0", "Logic Programming",
         "Springer 2024, ISBN 978-3-031-00000-0"),
        ("A Title With No Venue.", "A Title With No Venue", None),
        ("Deep Residual Networks Revisited. IEEE Trans. Pattern Anal. Mach. Intell. 42(2): 1-14 (2020)",
         "Deep Residual Networks Revisited", "IEEE Trans. Pattern Anal. Mach. Intell. 42(2): 1-14 (2020)"),
        ("Exploring the Limits of Transfer Learning. J. Mach. Learn. Res. 21: 140:1-140:67 (2020)",
         "Exploring the Limits of Transfer Learning", "J. Mach. Learn. Res. 21: 140:1-140:67 (2020)"),
        ("Lane Detection. IEEE Trans. Veh. Technol. 69(1): 1-10 (2020)", "Lane Detection",
         "IEEE Trans. Veh. Technol. 69(1): 1-10 (2020)"),
        ("Edge Caching. Future Gener. Comput. Syst. 100: 1-10 (2019)", "Edge Caching",
         "Future Gener. Comput. Syst. 100: 1-10 (2019)"),
        ("Query Processing. SIGMOD Rec. 49(1): 1-5 (2020)", "Query Processing", "SIGMOD Rec. 49(1): 1-5 (2020)"),
        # an abbreviation the list does not know (`Engl.`) stays in the venue with the initial before it
        ("Machine Learning in Medicine. N. Engl. J. Med. 380(14): 1347-1358 (2019)", "Machine Learning in Medicine",
         "N. Engl. J. Med. 380(14): 1347-1358 (2019)"),
        ("Fairness. Proc. Wkshp. Ethics 2021: 1-9", "Fairness", "Proc. Wkshp. Ethics 2021: 1-9"),
        ("A Study. Part Two. Optimal Control. IEEE Trans. Autom. Control 60: 1-10 (2015)",
         "A Study. Part Two. Optimal Control", "IEEE Trans. Autom. Control 60: 1-10 (2015)"),
    ],
)
def test_title_ends_where_a_venue_begins(text: str, title: str, venue: str | None) -> None:
    assert dblp.split_title_venue(text) == (title, venue)


def test_header_gives_the_person_and_a_damaged_record_is_reported_between_good_ones() -> None:
    page = (
        "default search action\nAna Lima 0002\nPerson information\n- affiliation: Univ. of Porto, Portugal\n"
        "export refined list as\n- 2024\n- [c3]Ana Lima, Bo Chen:\nFirst Paper. ICDE 2024: 1-12 - [c2]no colon here\n"
        "- [j1]Bo Chen, Ana Lima:\nThird Paper. VLDB J. 33(1): 1-20 (2024)\n"
    )
    events = list(dblp.iter_parse(page.split("\n"), "d.txt", date(2026, 1, 1)))
    profile = events[0]
    assert isinstance(profile, Profile)
    assert (profile.name, profile.affiliation) == ("Ana Lima", "Univ. of Porto, Portugal")
    result = dblp.parse(page, "d.txt", date(2026, 1, 1))
    assert [w.title for w in result.works] == ["First Paper", "Third Paper"]
    assert [(i.line, "skipped" in i.message) for i in result.issues] == [(8, True)]
    assert detect(page)[0] == "dblp"


def test_citation_lists_with_plain_numbers_are_not_dblp() -> None:
    assert dblp.sniff("[1] A. Smith, B. Lee. A title. In Proc. SIGMOD, 2019.\n[2] C. Wu. Another. VLDB 2020.\n") == 0.0


def test_two_pages_in_one_file_read_as_each_alone() -> None:
    first = "default search action\nAna Lima\nPerson information\n- 2024\n- [c1]Ana Lima:\nOne. ICDE 2024: 1-2\n"
    second = (
        "Stop the war!\nfor scientists:\ndefault search action\nBo Chen\nPerson information\n- 2023\n"
        "- [j1]Bo Chen:\nTwo. VLDB J. 32: 1-9 (2023)\n"
    )
    alone = [dblp.parse(t, "p", date(2026, 1, 1)).works for t in (first, second)]
    both = dblp.parse(first + second, "p", date(2026, 1, 1)).works
    strip = [w.with_changes(sources=()) for w in both]
    assert strip == [w.with_changes(sources=()) for part in alone for w in part]
    assert [(w.title, w.venue) for w in both] == [("One", "ICDE 2024"), ("Two", "VLDB J.")]


def test_page_sorted_by_type_takes_years_from_venues_and_skips_its_headings() -> None:
    page = (
        "default search action\nAna Lima\nPerson information\nexport refined list as\nJournal Articles\n"
        "- [j1]Ana Lima, Bo Chen:\nSparse Joins. Nucleic Acids Res. 51(W1): 1-8 (2023)\nBooks and Theses\n"
        "- [b1]Ana Lima:\nQuery Processing on Trees. University of Porto, Portugal, 2015\n"
    )
    works = dblp.parse(page, "t.txt", date(2026, 1, 1)).works
    assert [(w.title, w.year, w.type, w.venue) for w in works] == [
        ("Sparse Joins", 2023, "article", "Nucleic Acids Res."),
        ("Query Processing on Trees", 2015, "book", "University of Porto, Portugal"),
    ]


def test_every_record_type_is_in_the_shared_vocabulary() -> None:
    from scholarcli.normalise.vocab import WORK_TYPES

    assert set(dblp.TYPES.values()) <= set(WORK_TYPES)


def test_dblp_google_scholar_and_arxiv_list_pages_of_one_person_read_together() -> None:
    from conftest import AS_OF, invoke

    pages = Path(__file__).resolve().parent / "pages"
    ngo = [
        str(pages / "dblp" / "ngo_orcid_breaks_and_joined_records.txt"),  # `Mahmoud Abo Khamis`
        str(pages / "google-scholar" / "database_theorist_cells_on_lines.txt"),  # `M Abo Khamis`
        str(pages / "arxiv-list" / "cs_db_pastweek_no_abstracts.txt"),
    ]
    rows = invoke("coauthors", "--author", "Hung Q. Ngo", "--json", "--as-of", AS_OF, *ngo).json()
    [abo_khamis] = [row for row in rows if "Khamis" in row["name"]]
    # PANDA and In-Database Learning (dblp), the Shannon-type paper (all three), FAQ (GS, arXiv), and two
    # papers only on Google Scholar: six works, whichever spelling each page used.
    assert (abo_khamis["name"], abo_khamis["works"]) == ("Mahmoud Abo Khamis", 6)
    works = invoke("list-works", "--json", "--as-of", AS_OF, *ngo).json()
    [shannon] = [w for w in works if w["title"].startswith("What Do Shannon-type")]
    assert {s["layout"] for s in shannon["sources"]} == {"dblp", "google-scholar", "arxiv-list"}
    assert shannon["arxiv_id"] == "1612.02503"


def test_a_record_whose_tag_was_lost_is_kept_and_a_stray_line_is_reported() -> None:
    page = (
        "default search action\nAna Lima\nPerson information\nexport refined list as\n- 2024\n"
        "- [c3]Ana Lima, Bo Chen:\nFirst Paper. ICDE 2024: 1-12\n"
        "Ana Lima, Cy Dee 0002:\nSecond Paper. Inf. Sci. 5: 1-2 (2024)\n"
        "Some stray text\n"
        "- [j1]Bo Chen, Ana Lima:\nThird Paper. VLDB J. 33(1): 1-20 (2024)\n"
    )
    result = dblp.parse(page, "d.txt", date(2026, 1, 1))
    assert [(w.title, w.authors) for w in result.works] == [
        ("First Paper", ("Ana Lima", "Bo Chen")),
        ("Second Paper", ("Ana Lima", "Cy Dee")),
        ("Third Paper", ("Bo Chen", "Ana Lima")),
    ]
    assert [(i.line, i.message.split()[0]) for i in result.issues] == [(8, "dblp"), (10, "line")]


def test_a_publication_list_glued_to_a_dblp_page_is_read_as_a_part_of_its_own() -> None:
    """The list's entries come out (in the citation-list layout) next to the dblp records, in either order."""
    pages = Path(__file__).resolve().parent / "pages"
    cv = (pages / "citation-list" / "apa_long_author_lists_with_ellipsis.txt").read_text("utf-8")
    page = (pages / "dblp" / "bengio_unnumbered_record_and_cut_author_list.txt").read_text("utf-8")
    alone = [invoke("list-works", "--json", "--no-dedupe", "-", input=t.encode("utf-8")).json() for t in (cv, page)]
    for text, parts in ((cv + page, alone), (page + cv, alone[::-1])):
        result = invoke("list-works", "--json", "--no-dedupe", "-", input=text.encode("utf-8"))
        assert [(w["title"], w["sources"][0]["layout"]) for w in result.json()] == [
            (w["title"], w["sources"][0]["layout"]) for part in parts for w in part]
        assert "were not read" not in result.stderr


def test_a_copy_with_each_tag_on_its_own_line_is_dblp() -> None:
    """Firefox copies the `[j6]` tag of each record (a block of its own) on a line of its own."""
    text = (
        "Marie-Catherine de Marneffe\nPerson information\nRefine list\n2022\n[j6]\n"
        "Nan-Jiang Jiang, Marie-Catherine de Marneffe:\n"
        "Investigating Reasons for Disagreement in Natural Language Inference. "
        "Trans. Assoc. Comput. Linguistics 10: 1357-1374 (2022)\n2008\n[c3]\n"
        "Marie-Catherine de Marneffe, Anna N. Rafferty, Christopher D. Manning:\n"
        "Finding Contradictions in Text. ACL 2008: 1039-1047\n"
    )
    assert detect(text)[0] == "dblp"
    works = dblp.parse(text, "p.txt", date(2026, 1, 1)).works
    assert [(w.title, w.authors[0], w.type, w.year) for w in works] == [
        ("Investigating Reasons for Disagreement in Natural Language Inference", "Nan-Jiang Jiang", "article", 2022),
        ("Finding Contradictions in Text", "Marie-Catherine de Marneffe", "inproceedings", 2008),
    ]


def test_a_copy_with_a_space_after_each_tag_is_dblp() -> None:
    """Reader views and text saves put a space between the `[j45]` box and the authors."""
    text = (
        "Isaac S. Kohane\nPerson information\nRefine list\n2019\n"
        "[j45] Alvin Rajkomar, Jeffrey Dean, Isaac S. Kohane: Machine Learning in Medicine. "
        "N. Engl. J. Med. 380(14): 1347-1358 (2019)\n2018\n"
        "[j39] Andrew L. Beam, Isaac S. Kohane: Big Data and Machine Learning in Health Care. "
        "JAMA 319(13): 1317-1318 (2018)\n"
    )
    assert detect(text)[0] == "dblp"
    works = dblp.parse(text, "p.txt", date(2026, 1, 1)).works
    assert [(w.title, w.authors[0], w.type, w.venue) for w in works] == [
        ("Machine Learning in Medicine", "Alvin Rajkomar", "article", "N. Engl. J. Med."),
        ("Big Data and Machine Learning in Health Care", "Andrew L. Beam", "article", "JAMA"),
    ]
