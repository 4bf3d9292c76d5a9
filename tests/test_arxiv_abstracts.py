"""Titleless arXiv abstracts closed by their identifiers."""

from __future__ import annotations

from datetime import date

from conftest import SAMPLES
from scholarcli.layouts import arxiv_abstracts, detect
from scholarcli.normalise.identifiers import match_arxiv_id

TEXT = (SAMPLES / "arxiv_ids_versions.txt").read_text("utf-8")


def test_versions_are_split_off_and_old_style_ids_read() -> None:
    assert detect(TEXT)[0] == "arxiv-abstracts"
    works = arxiv_abstracts.parse(TEXT, "a.txt", date(2026, 1, 1)).works
    assert [(w.arxiv_id, w.arxiv_version) for w in works] == [
        ("1706.03762", 7),
        ("hep-th/9711200", 3),
        ("1412.6980", 9),
        ("math.AG/0309136", None),
        ("1512.03385", None),
    ]
    assert [w.year for w in works] == [2017, 1997, 2014, 2003, 2015]
    assert works[0].date == "2017-06"


def test_comment_lines_belong_to_the_abstract_before_them() -> None:
    works = arxiv_abstracts.parse(TEXT, "a.txt", date(2026, 1, 1)).works
    assert works[0].comment == "15 pages, 5 figures"
    assert works[1].comment is None
    assert works[2].comment is not None and works[2].comment.startswith("Published as a conference paper")
    assert works[1].abstract is not None and works[1].abstract.startswith("We show that the large N limit")
    assert all(w.title is None and w.authors == () for w in works)


def test_glued_ids_respect_the_digit_count_of_their_era() -> None:
    # From 1501 on, ids have five digits after the dot; before, four. What follows is abstract text.
    glued = "arXiv:2103.13559Mixup"
    found = match_arxiv_id(glued, len("arXiv:"))
    assert found is not None and (found.id, glued[found.end:]) == ("2103.13559", "Mixup")
    old = "arXiv:1412.69801 note"
    found = match_arxiv_id(old, len("arXiv:"))
    assert found is not None and found.id == "1412.6980"
    assert match_arxiv_id("2113.00001") is None  # month 13


def test_cut_off_dump_keeps_the_last_abstract_and_warns() -> None:
    cut = TEXT.rsplit("\n", 2)[0]  # drop the final bare id
    result = arxiv_abstracts.parse(cut, "cut.txt", date(2026, 1, 1))
    assert len(result.works) == 5
    assert result.works[-1].arxiv_id is None
    assert len(result.issues) == 1 and "cut off" in result.issues[0].message


def test_created_line_dates_the_abstract_before_it_and_is_never_abstract_text() -> None:
    text = (
        "Created: 2024-01-02\n"
        "We bound the mixing time of Glauber dynamics.\n12 pages\narXiv:2401.00001\nCreated: 2024-01-03\n\n"
        "A second abstract.\narXiv:2401.00002\nCreated: sometime\n"
    )
    result = arxiv_abstracts.parse(text, "c.txt", date(2026, 1, 1))
    assert [(w.abstract, w.comment, w.date, w.year) for w in result.works] == [
        ("We bound the mixing time of Glauber dynamics.", "12 pages", "2024-01-03", 2024),
        ("A second abstract.", None, "2024-01", 2024),
    ]
    assert [i.line for i in result.issues] == [1, 9]


def test_created_may_carry_a_time_of_day() -> None:
    text = "An abstract.\narXiv:2502.00001\nCreated: 2025-02-24 14:33:02 UTC\n"
    [work] = arxiv_abstracts.parse(text, "c.txt", date(2026, 1, 1)).works
    assert (work.date, work.abstract) == ("2025-02-24", "An abstract.")


def test_an_abstract_wrapped_over_lines_keeps_its_last_line() -> None:
    text = (
        "We bound the mixing time of Glauber dynamics on graphs of\nbounded degree.\narXiv:2401.00001\n"
        "A second abstract that ends its sentence.\n12 pages\narXiv:2401.00002\n"
    )
    works = arxiv_abstracts.parse(text, "w.txt", date(2026, 1, 1)).works
    assert [(w.abstract, w.comment) for w in works] == [
        ("We bound the mixing time of Glauber dynamics on graphs of bounded degree.", None),
        ("A second abstract that ends its sentence.", "12 pages"),
    ]


def test_page_chrome_after_the_last_id_is_dropped_with_a_warning_not_made_a_record() -> None:
    """A site's footer under the last abstract (short lines, no sentence) is no abstract cut off: it is dropped
    with a warning that quotes it, and no record without an id is made of it."""
    footer = "\nHelp\nPrivacy\nTerms\n© 2025 Cornell University\n"
    result = arxiv_abstracts.parse(TEXT + footer, "a.txt", date(2026, 1, 1))
    assert [w.arxiv_id for w in result.works] == ["1706.03762", "hep-th/9711200", "1412.6980", "math.AG/0309136",
                                                  "1512.03385"]
    assert [(i.line, i.message) for i in result.issues] == [
        (len(TEXT.split("\n")) + 1, "4 line(s) after the last arXiv id read as no abstract (page chrome?); dropped: "
         "'Help'")]


def test_a_sentence_after_the_last_id_is_still_kept_as_an_abstract_cut_off() -> None:
    """Prose of a sentence or more cannot be told from an abstract whose id was cut off: it is kept, with a warning."""
    prose = "Deeper neural networks are more difficult to train, and we present a residual learning framework"
    result = arxiv_abstracts.parse(TEXT + "\n" + prose + "\n", "a.txt", date(2026, 1, 1))
    assert [w.abstract for w in result.works][-1] == prose and result.works[-1].arxiv_id is None
    assert "no closing arXiv id" in result.issues[-1].message
