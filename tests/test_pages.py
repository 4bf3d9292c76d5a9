"""Profile pages and paper pages with related abstracts."""

from __future__ import annotations

from datetime import date

from conftest import SAMPLES, seed
from scholarcli.layouts import detect, paper_page, profile

PROFILE = (SAMPLES / "profile_other.txt").read_text("utf-8")
PAGE = (SAMPLES / "paper_page_other.txt").read_text("utf-8")


def test_profile_header_is_kept_as_profile_data() -> None:
    result = profile.parse(PROFILE, "p.txt", date(2026, 1, 1))
    assert result.profile is not None
    p = result.profile
    assert (p.name, p.affiliation, p.trust, p.trust_label, p.verification, p.claimed) == (
        "Maria Schmidt-Övergaard", "University of Copenhagen", 42, "Verified", "L2", True)
    assert p.counts == {"works": 5, "followers": 12, "topics": 3, "close_collaborators": 7}


def test_profile_items_long_venues_missing_abstracts_and_types() -> None:
    works = profile.parse(PROFILE, "p.txt", date(2026, 1, 1)).works
    assert [(w.type, w.year, w.venue) for w in works] == [
        ("article", 2017, "IEEE Transactions on Pattern Analysis and Machine Intelligence"),
        ("inproceedings", 2019, "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition"),
        ("preprint", 2021, "arXiv"),
        ("book", 2015, None),
        ("journal-article", 2020, "Pattern Recognition Letters"),
    ]
    assert works[1].abstract is None and works[3].abstract is None
    assert works[4].abstract is not None and "Load more" not in works[4].abstract
    assert all(w.authors == ("Maria Schmidt-Övergaard",) and w.authors_truncated for w in works)


def test_seed_profile_owner_is_the_author() -> None:
    works = profile.parse(seed("000").read_text("utf-8"), "p.txt", date(2026, 1, 1)).works
    assert {w.authors for w in works} == {("Juhua Hu",)}


def test_paper_page_main_paper_and_related_attributions() -> None:
    assert detect(PAGE)[0] == "paper-page"
    result = paper_page.parse(PAGE, "pp.txt", date(2026, 1, 1))
    main, *related = result.works
    assert (main.title, main.year) == ("Deep Residual Learning for Image Recognition", 2015)
    assert main.abstract is not None and main.abstract.startswith("Deeper neural networks")
    assert [(w.authors, w.year) for w in related] == [
        (("Karen Simonyan", "Andrew Zisserman"), 2014),
        ((), None),
        (("Gao Huang", "Zhuang Liu", "Laurens van der Maaten", "Kilian Q. Weinberger"), 2016),
    ]
    assert all(w.title is None for w in related)
    assert related[0].sources[0].line == 23  # the attribution line starts the record


def test_paper_page_chrome_is_never_a_record() -> None:
    works = paper_page.parse(PAGE, "pp.txt", date(2026, 1, 1)).works
    texts = " ".join((w.abstract or "") + (w.title or "") for w in works)
    for chrome in ("Ask ChatGPT", "rate research", "suggested questions", "Fetching comments", "شمرا", "Sign in"):
        assert chrome not in texts


def test_attribution_without_abstract_is_reported() -> None:
    text = PAGE.replace("\nsuggested questions", "\n77 - Ross Girshick 2015\nsuggested questions")
    result = paper_page.parse(text, "pp.txt", date(2026, 1, 1))
    assert len(result.works) == 4
    assert len(result.issues) == 1 and "attribution" in result.issues[0].message
