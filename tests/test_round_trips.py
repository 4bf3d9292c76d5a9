"""Every format scholar writes and reads gives the same works back, as far as the format carries them.

`scholar list-works --format F seeds/ > out` then `scholar list-works --no-dedupe out`; and the same through the
writers and readers on generated works with LaTeX specials, accents, braces and very long author lists.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import AS_OF, SEEDS, invoke
from scholarcli.model import Work
from scholarcli.normalise.names import SUFFIXES
from scholarcli.normalise.vocab import csl_type, ris_type
from scholarcli.parsing import parse_text
from scholarcli.render.registry import WORKS

#: What each format carries (the README's table says the same). The rest is not written or not read back.
CORE = ("title", "authors", "authors_truncated", "year", "date", "arxiv_id", "doi", "pmid", "venue", "abstract")
CARRIED: dict[str, tuple[str, ...]] = {
    "json": (*CORE, "updated", "arxiv_version", "type", "comment", "journal_ref", "categories", "affiliations",
             "score", "has_code", "citations"),
    "jsonl": (*CORE, "updated", "arxiv_version", "type", "comment", "journal_ref", "categories", "affiliations",
              "score", "has_code", "citations"),
    "csv": (*CORE, "updated", "arxiv_version", "type", "comment", "journal_ref", "categories", "affiliations",
            "score", "has_code", "citations"),
    "bibtex": CORE,
    "csl-json": (*CORE, "type", "categories"),
    "ris": (*CORE, "arxiv_version", "type"),
}
def _writer(fmt: str) -> Callable[[list[Work], TextIO], None]:
    return WORKS.writers[fmt]()


_LATEX = re.compile(r"\\|--|``|''")


def _carried(work: dict[str, Any], fmt: str, like: dict[str, Any] | None = None) -> dict[str, Any]:
    """The fields the format carries. BibTeX is LaTeX: text already holding LaTeX (`\\textbf{Co}Ke`, `---`) comes
    back typeset (`CoKe`, `—`), so a field whose original (`like`) holds LaTeX is left out."""
    like = like or work
    return {key: work[key] for key in CARRIED[fmt]
            if not (fmt == "bibtex" and isinstance(like[key], str) and _LATEX.search(like[key]))}


@pytest.mark.parametrize("fmt", sorted(CARRIED))
def test_seeds_written_and_read_back_are_the_same_works(fmt: str, tmp_path: Path) -> None:
    written = invoke("list-works", "--format", fmt, "--as-of", AS_OF, SEEDS)
    assert written.code == 0, written.stderr
    out = tmp_path / f"works.{fmt}"
    out.write_text(written.stdout, encoding="utf-8")
    original = invoke("list-works", "--json", "--as-of", AS_OF, SEEDS).json()
    back = invoke("list-works", "--json", "--no-dedupe", str(out))
    assert back.code == 0, back.stderr
    assert back.stderr == ""
    works = back.json()
    assert {s["layout"] for w in works for s in w["sources"][-1:]} == {fmt}
    assert len(works) == len(original)
    assert [_carried(w, fmt, o) for w, o in zip(works, original, strict=True)] == [_carried(o, fmt) for o in original]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_sources_survive_scholars_own_formats(fmt: str, tmp_path: Path) -> None:
    written = invoke("list-works", "--format", fmt, "--as-of", AS_OF, SEEDS)
    out = tmp_path / "works.txt"  # detected by content, not by name
    out.write_text(written.stdout, encoding="utf-8")
    original = invoke("list-works", "--json", "--as-of", AS_OF, SEEDS).json()
    works = invoke("list-works", "--json", "--no-dedupe", str(out)).json()
    assert [w["sources"][:-1] for w in works] == [w["sources"] for w in original]
    assert [w["id"] for w in works] == [w["id"] for w in original]


# --- generated works -------------------------------------------------------------------------------------------

_LETTERS = "abcdefghijklmnopqrstuvwxyzéèöüñçåøłßžČ"
_word = st.text(alphabet=_LETTERS, min_size=1, max_size=9)
_capitalised = _word.map(lambda w: w[0].upper() + w[1:])
_special = st.sampled_from(["&", "%", "_", "#", "R&D", "50%", "a_b", "{SQL}", "{x}", "$k$-means", "$x_i^2$",
                            "C#", "~", "^", "Nystr{ö}m", "e-mail", "don't", "(i.e.)", "vs.", ":", "?"])
_token = st.one_of(_word, _capitalised, _special)


@st.composite
def _text(draw: st.DrawFn, min_size: int = 1, max_size: int = 12) -> str:
    tokens = draw(st.lists(_token, min_size=min_size, max_size=max_size))
    if draw(st.booleans()):  # a dollar sign as currency, once
        tokens.insert(draw(st.integers(0, len(tokens))), "$5")
    return " ".join(tokens)


@st.composite
def _name(draw: st.DrawFn) -> str:
    given = draw(st.lists(_capitalised, min_size=0, max_size=2))
    initial = draw(st.sampled_from(["", "J.", "A.-B."]))
    particle = draw(st.sampled_from(["", "", "", "van der", "de", "von"]))
    family = draw(st.one_of(_capitalised, st.tuples(_capitalised, _capitalised).map("-".join)).filter(
        lambda f: f not in SUFFIXES))
    parts = [*given, initial] if given or initial else []
    suffix = draw(st.sampled_from(["", "", "", "Jr.", "III"])) if parts else ""
    return " ".join(p for p in [*parts, particle if parts else "", family, suffix] if p)


@st.composite
def _work(draw: st.DrawFn) -> Work:
    year = draw(st.none() | st.integers(1950, 2030))
    when = None
    if year is not None:
        month = draw(st.none() | st.integers(1, 12))
        day = draw(st.none() | st.integers(1, 28)) if month else None
        when = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")
    arxiv = draw(st.none() | st.builds(lambda yy, mm, n: f"{yy:02d}{mm:02d}.{n:05d}", st.integers(15, 25),
                                       st.integers(1, 12), st.integers(0, 99999)))
    # Layouts give arXiv records the venue arXiv (or the venue of the published version); the reference formats
    # read an arXiv id without a venue as venue arXiv.
    venue = draw(st.just("arXiv") | _text(max_size=6)) if arxiv else draw(st.none() | _text(max_size=6))
    kind = draw(st.sampled_from([None, "article", "inproceedings", "book", "phdthesis", "techreport"]))
    if arxiv or venue == "arXiv":
        kind = "preprint" if kind in (None, "article") else kind
    return Work(
        title=draw(_text()),
        authors=tuple(draw(st.lists(_name(), min_size=1, max_size=draw(st.sampled_from([3, 8, 120]))))),
        authors_truncated=draw(st.booleans()),
        year=year,
        date=when,
        arxiv_id=arxiv,
        arxiv_version=draw(st.none() | st.integers(1, 9)) if arxiv else None,
        pmid=draw(st.none() | st.integers(1, 40_000_000).map(str)),
        citations=draw(st.none() | st.integers(0, 300_000)),
        doi=draw(st.none() | st.from_regex(r"10\.[1-9][0-9]{3,5}/[a-zA-Z0-9][a-zA-Z0-9._/-]{0,20}[a-zA-Z0-9]",
                                           fullmatch=True)),
        venue=venue,
        type=kind,
        abstract=draw(st.none() | _text(max_size=40)),
    )


@pytest.mark.parametrize("fmt", sorted(CARRIED))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(works=st.lists(_work(), min_size=1, max_size=3))
def test_generated_works_survive_a_round_trip(fmt: str, works: list[Work]) -> None:
    out = io.StringIO()
    _writer(fmt)(works, out)
    back = parse_text(out.getvalue(), path=f"out.{fmt}")
    expected = [{k: _value(fmt, k, w.to_dict()[k]) for k in CARRIED[fmt]} for w in works]
    assert [{k: _value(fmt, k, w.to_dict()[k]) for k in CARRIED[fmt]} for w in back] == expected


def _value(fmt: str, key: str, value: Any) -> Any:
    """A value as the format can say it: single spaces; a work type as the format's own type (CSL and RIS have
    one `thesis` type for PhD and master's theses)."""
    if key == "type":
        own = {"csl-json": csl_type, "ris": ris_type}.get(fmt)
        return own(value) if own else value
    return " ".join(value.split()) if isinstance(value, str) else value
