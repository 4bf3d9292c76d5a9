"""The layouts' streaming fast paths (issue 11) read as the plain definitions do, and keep memory flat."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import AS_OF
from scholarcli.layouts import google_scholar, orcid, semantic_scholar
from scholarcli.model import Work
from scholarcli.normalise.dates import parse_as_of

PAGES = Path(__file__).resolve().parent / "pages"

# Lines that open like the page lines the first-character tests look for, in any case, or like nothing.
_OPENING_TEXTS = [
    "", "Verified email at ", "verified EMAIL at ", "No verified email", "Help Privacy Terms", "help  privacy terms",
    "Dates and citation counts are estimated", "Provide feedback", "Co-authors", "CITED BY VIEW ALL",
    "Public access", "Articles 1–20", "articles 3-4", "Corpus ID: ", "12 Highly Influential Citations",
    "Highly Influential Citation", "١٢ Highly Influential", "TLDR", "2021-05 | ", "| Journal article", "2019 |",
    "Journal article", "journal  article", "13,579 Citations", "x",
]
_LINES = st.builds(str.__add__, st.sampled_from(_OPENING_TEXTS),
                   st.text(alphabet=st.sampled_from(list("aZ9 |-–.·,\t")), max_size=12))


def _google_scholar(line: str) -> None:
    text = line.strip() or "x"  # the parser only sees non-blank, stripped lines
    assert google_scholar._is_verified(text) == (google_scholar._VERIFIED.match(text) is not None)
    assert google_scholar._is_end(text) == (google_scholar._END.match(text) is not None)
    assert google_scholar._is_sidebar(text) == (google_scholar._SIDEBAR.match(text) is not None)
    folded = text.casefold()
    assert google_scholar._is_chrome(text) == (
        folded in google_scholar._CHROME or folded in google_scholar._FOOTER
        or google_scholar._ARTICLES.match(text) is not None)


def _semantic_scholar(line: str) -> None:
    text = line.strip() or "x"
    assert semantic_scholar._is_paper_chrome(text) == (semantic_scholar._PAPER_CHROME.match(text) is not None)
    assert text[:1].isdigit() or semantic_scholar._CITATIONS.match(text) is None
    assert text.startswith("TLDR") or semantic_scholar._TLDR.match(text) is None


def _orcid(line: str) -> None:
    flat = " ".join(line.split())
    folded = flat.casefold()
    m = orcid._DATE_TYPE.match(flat)
    if folded in orcid._BARE_TYPES:
        expected: tuple[str | None, str] | None = (None, orcid.TYPES.get(folded, folded.replace(" ", "-")))
    elif m is None or (m["date"] and orcid.parse_date(m["date"]) is None):
        expected = None
    else:
        printed = re.sub(r"[\s_-]+", " ", m["type"].strip().casefold())
        when = orcid.parse_date(m["date"]) if m["date"] else None
        expected = (when, orcid.TYPES.get(printed, printed.replace(" ", "-")))
    assert orcid._date_type(line) == expected
    assert orcid._date_type(line) == expected  # the cached answer is the same


@pytest.mark.parametrize("line", _OPENING_TEXTS)
def test_first_character_tests_on_whole_page_lines(line: str) -> None:
    _google_scholar(line)
    _semantic_scholar(line)
    _orcid(line)


@given(_LINES)
def test_google_scholar_first_letter_tests_match_the_regexes(line: str) -> None:
    _google_scholar(line)


@given(_LINES)
def test_semantic_scholar_first_character_tests_match_the_regexes(line: str) -> None:
    _semantic_scholar(line)


@given(_LINES)
def test_orcid_date_type_matches_its_definition(line: str) -> None:
    _orcid(line)


def test_semantic_scholar_reads_as_it_goes() -> None:
    """The first paper comes out before the rest of the page is read: memory does not grow with the page."""
    page = (PAGES / "semantic-scholar" / "crispr_biologist.txt").read_text(encoding="utf-8").split("\n")
    header_end = next(i for i, line in enumerate(page) if line.strip().startswith("Sort by"))
    lines = page + [line for _ in range(200) for line in page[header_end + 1:]]
    read = 0

    def counted() -> Iterator[str]:
        nonlocal read
        for line in lines:
            read += 1
            yield line

    events = semantic_scholar.iter_parse(counted(), "page.txt", parse_as_of(AS_OF))
    first = next(event for event in events if isinstance(event, Work))
    assert first.title
    assert read < len(page) * 2 < len(lines) // 50
    rest = [event for event in events if isinstance(event, Work)]
    whole = [e for e in semantic_scholar.iter_parse(lines, "page.txt", parse_as_of(AS_OF)) if isinstance(e, Work)]
    assert [first, *rest] == whole
    assert len(whole) > 200
