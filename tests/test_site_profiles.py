"""The profile data of the site pages (header figures, iD), which are not works."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from scholarcli.layouts import get

PAGES = Path(__file__).resolve().parent / "pages"


@pytest.mark.parametrize(
    ("case", "name", "affiliation", "counts"),
    [
        ("google-scholar/crispr_biologist_tabs", "Jennifer Doudna",
         "Professor of Molecular and Cell Biology and of Chemistry, University of California, Berkeley",
         {"citations": 261842, "citations_since_2020": 148305, "h_index": 187, "h_index_since_2020": 139,
          "i10_index": 512, "i10_index_since_2020": 431}),
        ("google-scholar/database_theorist_cells_on_lines", "Hung Q. Ngo", "RelationalAI",
         {"citations": 6843, "citations_since_2020": 3120, "h_index": 36, "h_index_since_2020": 24,
          "i10_index": 88, "i10_index_since_2020": 51}),
        ("semantic-scholar/economist_split_counts", "D. Acemoglu", "Massachusetts Institute of Technology",
         {"publications": 1190, "h_index": 157, "citations": 118774}),
        ("semantic-scholar/physicist_venue_lines", "Lisa Randall", "Harvard University",
         {"publications": 212, "h_index": 78, "citations": 41860}),
        ("orcid/crispr_biologist", "Jennifer A. Doudna", None, {"works": 612}),
        ("orcid/database_theorist_conference", "Hung Q. Ngo", None, {"works": 5}),
    ],
)
def test_profile_header(case: str, name: str, affiliation: str | None, counts: dict[str, int]) -> None:
    layout, stem = case.split("/")
    text = (PAGES / layout / f"{stem}.txt").read_text("utf-8")
    profile = get(layout).parse(text, "p", date(2026, 11, 23)).profile
    assert profile is not None
    assert (profile.name, profile.affiliation, profile.counts) == (name, affiliation, counts)


def test_orcid_id_and_scholar_interests() -> None:
    orcid = get("orcid").parse((PAGES / "orcid" / "crispr_biologist.txt").read_text("utf-8"), "p", date(2026, 1, 1))
    assert orcid.profile is not None and orcid.profile.description == "ORCID iD 0000-0001-9161-999X"
    text = (PAGES / "google-scholar" / "crispr_biologist_tabs.txt").read_text("utf-8")
    scholar = get("google-scholar").parse(text, "p", date(2026, 1, 1))
    assert scholar.profile is not None and scholar.profile.description == "CRISPR; RNA biology; Structural biology"


def test_site_page_output_validates_against_the_schema() -> None:
    import json
    from importlib import resources

    import jsonschema

    from conftest import AS_OF, invoke

    schema = json.loads(resources.files("scholarcli").joinpath("schema/work.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    layouts = ("google-scholar", "semantic-scholar", "orcid", "pubmed")
    result = invoke("list-works", "--json", "--as-of", AS_OF, *(str(PAGES / name) for name in layouts))
    assert result.code == 0, result.stderr
    works = result.json()
    assert any(w["pmid"] for w in works) and any(w["citations"] for w in works)
    for work in works:
        validator.validate(work)


@pytest.mark.parametrize("id_label", ["ORCID iD\n", ""], ids=["label-without-id", "no-label"])
def test_orcid_owner_is_the_name_above_the_sections_when_the_id_was_not_copied(id_label: str) -> None:
    """Without the iD line, the owner is the name above `Keywords`, `Employment (2)`…, never the last of those
    lines (an employer would become the author of every work)."""
    text = (
        f"Skip to main content\nSign in/Register\nHugo Duminil-Copin\n{id_label}Keywords\n"
        "probability, statistical physics\nActivities\nCollapse all\nEmployment (2)\nSort\n"
        "Université de Genève: Genève, CH\nInstitut des Hautes Études Scientifiques: Bures-sur-Yvette, FR\n"
        "Works (1)\nSort\nSharp phase transition for the random-cluster and Potts models via decision trees\n"
        "Annals of Mathematics\n2019-01-01 | Journal article\nDOI: 10.4007/annals.2019.189.1.2\nSource: Crossref\n"
    )
    result = get("orcid").parse(text, "p", date(2026, 1, 1))
    assert result.profile is not None and result.profile.name == "Hugo Duminil-Copin"
    assert [w.authors for w in result.works] == [("Hugo Duminil-Copin",)]
