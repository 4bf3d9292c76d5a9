"""One person's pages from several sites, end to end as a user reads them: each work listed once (no work
lost, none merged with another) and each coauthor counted once per shared work.

tests/people/<name>/ holds copies of that person's pages in the layouts scholar reads, written from real
bibliographic facts; expected.json, written by hand, names each work by a title pattern, its year and the
files it appears in, and each coauthor's count. `known_gaps` are the expectations scholar does not meet yet:
they run as strict xfails, so a fix shows up as a failure to update.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from conftest import AS_OF, invoke
from scholarcli.normalise.names import family_key, name_key
from scholarcli.normalise.titles import fold_accents

PEOPLE = Path(__file__).resolve().parent / "people"
FOLDERS = sorted(p for p in PEOPLE.iterdir() if (p / "expected.json").is_file())


def _pages(folder: Path) -> list[str]:
    """The copied pages of one person: every file of the folder but expected.json."""
    return sorted(str(p) for p in folder.iterdir() if p.name != "expected.json")


def _expected(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return data


@cache
def _works(folder: Path) -> list[dict[str, Any]]:
    result = invoke("list-works", "--json", "--as-of", AS_OF, *_pages(folder))
    assert result.code == 0, result.stderr
    # Every page is read whole: the only warnings are the arXiv abstracts the search page cut (`▽ More`).
    assert [line for line in result.stderr.splitlines() if "abstract cut off" not in line] == []
    works: list[dict[str, Any]] = result.json()
    return works


@cache
def _coauthors(folder: Path) -> list[dict[str, Any]]:
    person = _expected(folder)["person"]
    result = invoke("coauthors", "--author", person, "--json", "--as-of", AS_OF, *_pages(folder))
    assert result.code == 0, result.stderr
    rows: list[dict[str, Any]] = result.json()
    return rows


def _fold(name: str) -> str:
    return fold_accents(name).casefold()


def _params(kind: str) -> list[Any]:
    params = []
    for folder in FOLDERS:
        expected = _expected(folder)
        gaps = expected.get("known_gaps", {})
        items = expected["works"] if kind == "works" else list(expected["coauthors"].items())
        for item in items:
            key = item["match"] if kind == "works" else item[0]
            marks = [pytest.mark.xfail(strict=True, reason=gaps[key])] if key in gaps else []
            params.append(pytest.param(folder, item, marks=marks, id=f"{folder.name}-{key}"))
    return params


@pytest.mark.parametrize(("folder", "work"), _params("works"))
def test_each_work_is_listed_once_with_all_its_records(folder: Path, work: dict[str, Any]) -> None:
    """Exactly one listed work matches the title pattern and carries the records of exactly these files: a
    missed merge leaves two works (or a work short of a file), a wrong merge one with a file too many."""
    found = [w for w in _works(folder) if re.search(work["match"], w["title"].casefold())]
    files = [sorted({Path(s["path"]).name for s in w["sources"]}) for w in found]
    assert files == [sorted(work["files"])], (work["match"], [w["title"] for w in found])
    assert found[0]["year"] == work["year"]


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_the_person_has_as_many_works_as_expected(folder: Path) -> None:
    expected = _expected(folder)
    gaps = set(expected.get("known_gaps", {}))
    works = _works(folder)
    # Each work of a known gap is listed one time too many (a missed merge).
    missed = sum(1 for w in expected["works"] if w["match"] in gaps)
    assert len(works) == len(expected["works"]) + missed
    mine = invoke("list-works", "--author", expected["person"], "--json", "--as-of", AS_OF, *_pages(folder)).json()
    assert len(mine) >= len(expected["works"]) - len(gaps)


@pytest.mark.parametrize(("folder", "coauthor"), _params("coauthors"))
def test_each_coauthor_is_one_person_counted_once_per_work(folder: Path, coauthor: tuple[str, int]) -> None:
    family, count = coauthor
    # The row whose shown name carries the family name (`Huziel Enoc Sauceda Felix` carries `Sauceda`).
    rows = [r for r in _coauthors(folder) if _fold(family) in name_key(r["name"]).split()]
    assert [r["works"] for r in rows] == [count], (family, [(r["name"], r["works"]) for r in rows])


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_the_person_is_not_their_own_coauthor(folder: Path) -> None:
    person = _expected(folder)["person"]
    own = family_key(person)
    assert not [r["name"] for r in _coauthors(folder) if family_key(r["name"]) in {own, _fold(own)}]
