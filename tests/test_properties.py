"""Property tests (hypothesis): parsers survive mutated input, and rendered works parse back unchanged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SAMPLES, SEEDS
from scholarcli.layouts import NAMES, get
from scholarcli.parsing import parse_input
from scholarcli.reading import InputError, TextInput, normalise_text

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
AS_OF = date(2026, 11, 23)
PAGES = SAMPLES.parent / "pages"
SOURCES = sorted(SEEDS.glob("*.txt")) + sorted(SAMPLES.glob("*.txt")) + sorted(PAGES.glob("*/*.txt"))
TEXTS = [p.read_text("utf-8") for p in SOURCES]

# ------------------------------------------------------------------------------------------ mutation fuzz

JUNK = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), min_codepoint=1, max_codepoint=0x2FFFF), max_size=40
)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A real dump with lines dropped, swapped, duplicated, truncated or replaced by junk Unicode."""
    lines = draw(st.sampled_from(TEXTS)).split("\n")
    for _ in range(draw(st.integers(1, 8))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "swap", "dup", "cut", "junk", "glue"]))
        if action == "drop":
            del lines[i]
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "dup":
            lines.insert(i, lines[i])
        elif action == "cut":
            lines[i] = lines[i][: draw(st.integers(0, max(0, len(lines[i]))))]
        elif action == "junk":
            lines[i] = draw(JUNK)
        elif i + 1 < len(lines):
            lines[i : i + 2] = [lines[i] + lines[i + 1]]
    text = "\n".join(lines)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]
    return normalise_text(text)


def _schema() -> dict[str, object]:
    import json
    from importlib import resources

    return json.loads(resources.files("scholarcli").joinpath("schema/work.schema.json").read_text("utf-8"))


SCHEMA = _schema()


@SETTINGS
@given(text=mutated(), layout=st.sampled_from(NAMES))
def test_every_parser_survives_mutated_dumps(text: str, layout: str) -> None:
    result = get(layout).parse(text, "fuzz.txt", AS_OF)
    for work in result.works:
        jsonschema.validate(work.to_dict(), SCHEMA)
    for issue in result.issues:
        assert issue.line >= 1 and issue.message


@SETTINGS
@given(text=st.one_of(mutated(), JUNK, st.text(max_size=300)))
def test_detection_and_parsing_raise_only_input_errors(text: str) -> None:
    try:
        result = parse_input(TextInput("fuzz.txt", normalise_text(text), "utf-8"), None, AS_OF)
    except InputError:
        return
    for work in result.works:
        jsonschema.validate(work.to_dict(), SCHEMA)


# ------------------------------------------------------------------------------------------- round trips

GIVEN = ["Léon", "Łukasz", "Jean-Baptiste", "Søren", "Zoë", "Hao", "Qi", "Edward J.", "Sam", "Xian-Sheng",
         "Ana María", "Yuanhong", "Grant", "Chloé"]
FAMILY = ["Bottou", "Kaiser", "Cordonnier", "McCandlish", "O'Keefe", "Hu", "Qian", "Müller", "van der Maaten",
          "García-López", "Nyström", "Xu", "Hua", "Ng"]
WORDS = ["Learning", "Deep", "Robust", "Representations", "for", "of", "with", "via", "Graph", "Attention",
         "Efficient", "Multi-Modal", "Zero-Shot", "Clustering", "Kernel", "Transfer", "Self-Supervised", "Video",
         "Detection", "Towards", "Scalable", "Inference", "Sparse", "Proxy", "Nystr{\\\"o}m", "$\\ell_1$",
         "Diffusion", "Models", "Benchmark", "Über", "Café"]
ENDINGS = ["ConvNets", "LLMs", "CLIP", "GPT-4", "ViT", "SVMs", "Transformers", "Networks", "Data", "Nets"]
ABSTRACT_WORDS = ["we", "propose", "a", "method", "that", "learns", "robust", "features", "from", "noisy", "data",
                  "and", "show", "gains", "on", "benchmarks", "résumé", "naïve", "$k$-means", "(e.g.,", "cf.)"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"]


@dataclass
class Fake:
    title: str
    authors: list[str]
    first: date
    latest: date
    abstract: str
    arxiv_id: str
    version: int | None
    comment: str | None


@st.composite
def fakes(draw: st.DrawFn) -> Fake:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=9))
    title = " ".join([*words, draw(st.sampled_from(ENDINGS))])
    names = draw(st.lists(st.tuples(st.sampled_from(GIVEN), st.sampled_from(FAMILY)), min_size=1, max_size=6,
                          unique=True))
    first = draw(st.dates(min_value=date(2008, 1, 1), max_value=AS_OF))
    latest = first + timedelta(days=draw(st.integers(0, 700)))
    sentence = draw(st.lists(st.sampled_from(ABSTRACT_WORDS), min_size=12, max_size=60))
    abstract = "We " + " ".join(sentence) + "."
    number = draw(st.integers(1, 99999 if first.year >= 2015 else 9999))
    width = 5 if first.year >= 2015 else 4
    arxiv_id = f"{first.year % 100:02d}{first.month:02d}.{number:0{width}d}"
    version = draw(st.none() | st.integers(1, 9))
    comment = draw(st.none() | st.sampled_from(["12 pages", "Accepted by CVPR"]))
    return Fake(title, [f"{g} {f}" for g, f in names], first, min(latest, AS_OF), abstract, arxiv_id, version, comment)


def _arxiv_date(d: date) -> str:
    return f"{d.day} {MONTH_NAMES[d.month - 1]}, {d.year}"


def _parse(layout: str, text: str) -> list:  # type: ignore[type-arg]
    result = get(layout).parse(normalise_text(text), "rt.txt", AS_OF)
    return result.works


@SETTINGS
@given(works=st.lists(fakes(), min_size=1, max_size=5), one_line_authors=st.booleans(), more_less=st.booleans())
def test_arxiv_listing_round_trip(works: list[Fake], one_line_authors: bool, more_less: bool) -> None:
    blocks = []
    for w in works:
        authors = "Authors: " + ", ".join(w.authors) if one_line_authors else "Authors:\n" + ",\n".join(w.authors)
        abstract = f"Abstract:\n{w.abstract[:60]}…\n▽ More\n{w.abstract}\n△ Less" if more_less else \
            f"Abstract: {w.abstract}"
        v1 = f" v1 submitted {_arxiv_date(w.first)};" if w.latest != w.first else ""
        comment = f"\nComments: {w.comment}" if w.comment else ""
        version = f"v{w.version}" if w.version else ""
        blocks.append(f"arXiv:{w.arxiv_id}{version}  [pdf, other]\ncs.LG cs.CV\n{w.title}\n{authors}\n{abstract}\n"
                      f"Submitted {_arxiv_date(w.latest)};{v1} originally announced "
                      f"{MONTH_NAMES[w.first.month - 1]} {w.first.year}.{comment}")
    parsed = _parse("arxiv-listing", "Showing 1–5 of 5 results\n\n" + "\n\n".join(blocks) + "\n")
    assert [(p.title, list(p.authors), p.date, p.updated, p.arxiv_id, p.arxiv_version, p.abstract, p.comment)
            for p in parsed] == [
        (w.title, w.authors, w.first.isoformat(), w.latest.isoformat(), w.arxiv_id, w.version, w.abstract, w.comment)
        for w in works
    ]


@SETTINGS
@given(works=st.lists(fakes(), min_size=1, max_size=5))
def test_arxiv_abstracts_round_trip(works: list[Fake]) -> None:
    text = ""
    for n, w in enumerate(works):
        text += w.abstract + "\n" + (w.comment + "\n" if w.comment else "")
        text += f"arXiv:{w.arxiv_id}" + (f"v{w.version}" if w.version else "")
        if n + 1 == len(works):
            text += "\n"
    parsed = _parse("arxiv-abstracts", text)
    assert [(p.abstract, p.comment, p.arxiv_id, p.arxiv_version, p.year) for p in parsed] == [
        (w.abstract, w.comment, w.arxiv_id, w.version, w.first.year) for w in works
    ]


@SETTINGS
@given(works=st.lists(fakes(), min_size=1, max_size=6), scored=st.booleans())
def test_feed_round_trip_with_yearless_dates(works: list[Fake], scored: bool) -> None:
    lines = []
    for w in works:
        recent = AS_OF - date.resolution * (w.first.toordinal() % 360)
        when = f"{recent.strftime('%b')} {recent.day}" if w.first.day % 2 else \
            f"{w.first.strftime('%b')} {w.first.day}, {w.first.year}"
        score = f"{w.first.day + 60}.5" if scored else ""
        shown = w.authors[:3]
        tail = " et al." if len(w.authors) > 3 else ""
        lines += [f"{score}LG{when}Code", f"{w.title}{', '.join(shown)}{tail} · mit, eth", w.abstract]
    parsed = _parse("feed", "\n".join(lines) + "\n")
    expected = []
    for w in works:
        recent = AS_OF - date.resolution * (w.first.toordinal() % 360)
        shown_date = recent if w.first.day % 2 else w.first
        expected.append((w.title, w.authors[:3], len(w.authors) > 3, shown_date.isoformat(), ["mit", "eth"],
                         w.abstract))
    assert [(p.title, list(p.authors), p.authors_truncated, p.date, list(p.affiliations), p.abstract)
            for p in parsed] == expected


@SETTINGS
@given(works=st.lists(fakes(), min_size=1, max_size=5), venue=st.sampled_from(["arXiv", "Pattern Recognition",
                                                                              "IEEE Transactions on Pattern Analysis"]))
def test_profile_round_trip(works: list[Fake], venue: str) -> None:
    items = "".join(f"article{w.first.year}{venue}\n\n{w.title}\n\n{w.abstract}\n\n" for w in works)
    text = f"Researcher profile\n\nZoë Müller\n\nPublished work\n\n{len(works)} published item(s)\n\n{items}"
    parsed = _parse("profile", text)
    assert [(p.title, p.year, p.venue, p.abstract, p.authors) for p in parsed] == [
        (w.title, w.first.year, venue, w.abstract, ("Zoë Müller",)) for w in works
    ]


@SETTINGS
@given(main=fakes(), related=st.lists(st.tuples(fakes(), st.booleans()), max_size=5))
def test_paper_page_round_trip(main: Fake, related: list[tuple[Fake, bool]]) -> None:
    body = "".join((f"{len(w.title)} - {' , '.join(w.authors)} {w.first.year}\n" if attributed else "")
                   + w.abstract + "\n" for w, attributed in related)
    text = (f"{main.title}\n\n12   0   0.0 ( 0 )\n Added by Someone\n Publication date {main.first.year}\n\n"
            f"Ask ChatGPT about the research\n\n{main.abstract}\n\nrate research\n\nRead More\n\n{body}\n"
            "suggested questions\n")
    parsed = _parse("paper-page", text)
    assert (parsed[0].title, parsed[0].year, parsed[0].abstract) == (main.title, main.first.year, main.abstract)
    assert [(list(p.authors), p.year, p.abstract) for p in parsed[1:]] == [
        (w.authors if attributed else [], w.first.year if attributed else None, w.abstract)
        for w, attributed in related
    ]
