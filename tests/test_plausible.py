"""Records that cannot be real are warnings, forced layouts that do not fit say so, and page chrome above a
profile never becomes its owner."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import AS_OF, SAMPLES, invoke, seed
from scholarcli.parsing import parse_text

PROFILE = (SAMPLES / "profile_other.txt").read_text("utf-8")
OWNER = "Maria Schmidt-Övergaard"
NAV = "Skip to main content\n\nHome\nResearchers\nSearch\nSign in\n\n"
BODY = PROFILE[PROFILE.index("ResearcherUniversity"):]


def _owners(text: str) -> set[tuple[str, ...]]:
    return {w.authors for w in parse_text(text, as_of=date.fromisoformat(AS_OF))}


# Case 10: page chrome above a profile never becomes its owner.
@pytest.mark.parametrize(
    "text",
    [
        pytest.param(NAV + PROFILE, id="nav-above-researcher-profile"),
        pytest.param(NAV + f"{OWNER}\n\n{OWNER} contributes to research discovery.\n\n" + BODY, id="description"),
        pytest.param(NAV + f"{OWNER}\n\n" + BODY, id="name-only"),
    ],
)
def test_chrome_above_a_profile_is_not_its_owner(text: str) -> None:
    assert _owners(text) == {(OWNER,)}


def test_profile_without_a_name_has_no_owner_rather_than_chrome() -> None:
    text = NAV + PROFILE[PROFILE.index("Published work"):]
    assert _owners(text) == {()}


# Case 11: forcing a layout that does not fit says so and exits 1.
@pytest.mark.parametrize(
    ("layout", "prefix"),
    [("arxiv-abstracts", "004"), ("paper-page", "001"), ("paper-page", "004"), ("arxiv-abstracts", "000"),
     ("profile", "001"), ("feed", "001")],
)
def test_forced_layout_that_does_not_fit(layout: str, prefix: str) -> None:
    result = invoke("list-works", "--json", "--no-dedupe", "--from", layout, seed(prefix))
    assert result.code == 1, result.stdout[:300]
    assert result.stdout == ""
    assert f"does not fit the {layout} layout (forced with --from)" in result.stderr


def test_implausible_record_is_a_warning_and_its_neighbours_stay(tmp_path: Path) -> None:
    feed = (SAMPLES / "feed_names.txt").read_text("utf-8").split("\n")
    at = next(i for i, line in enumerate(feed) if line.startswith("LoRA: Low-Rank"))
    feed[at] = "LoRA " + "and more words " * 50 + feed[at]
    path = tmp_path / "feed.txt"
    path.write_text("\n".join(feed), encoding="utf-8")
    result = invoke("list-works", "--json", "--no-dedupe", "--as-of", AS_OF, path)
    assert result.code == 0
    titles = [w["title"] for w in result.json()]
    assert len(titles) == 5 and not any(t.startswith("LoRA") for t in titles)
    assert f"{path}:{at}:" in result.stderr and "title runs to" in result.stderr


def test_whole_page_in_one_record_is_refused_even_when_short() -> None:
    text = (SAMPLES / "feed_names.txt").read_text("utf-8")
    result = invoke("list-works", "--json", "--from", "arxiv-abstracts", "-", input=text)
    assert result.code == 1 and "does not fit the arxiv-abstracts layout" in result.stderr


def test_forced_listing_on_a_glued_concatenation(tmp_path: Path) -> None:
    both = tmp_path / "both.txt"
    both.write_bytes(seed("001").read_bytes() * 2)
    result = invoke("list-works", "--json", "--no-dedupe", "--from", "arxiv-listing", both)
    works = result.json()
    assert len(works) == 40 and not any("Pei Sixun" in a for w in works for a in w["authors"])


def test_a_page_with_one_long_record_and_much_chrome_is_kept() -> None:
    page = seed("002").read_text("utf-8")
    main = page[: page.index("Read More")]
    chrome = "\n".join(["Read More", "suggested questions", "comments", "Fetching comments", "Share", "Download",
                        "Log in", "Sign in", "Related research", "No comments yet", "Post a comment"])
    works = parse_text(main + chrome + "\n", as_of=date.fromisoformat(AS_OF))
    assert [w.title for w in works] == ["Representation Consolidation for Training Expert Students"]
