"""Start-up (issue 11): a run loads only what it needs, and the shortcuts that make that so change no result.

Nothing here is timed; benchmarks/run.py measures start-up against `import typer`.
"""

from __future__ import annotations

import json
import random
import re
import string
import subprocess
import sys
import unicodedata
from importlib import import_module
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scholarcli import lazyre
from scholarcli.layouts import get
from scholarcli.layouts.prescreen import PRESCREENS, may_score
from scholarcli.normalise.vocab import PROFILE_TYPES

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("001_*.txt"))
decode = import_module("scholarcli.reading.decode")


def _texts() -> list[str]:
    """Every sample, golden page and seed; each whole, as detection sees it (lines stripped), and in windows."""
    files = [*sorted((ROOT / "tests").rglob("*.txt")), *sorted((ROOT / "tests" / "pages").rglob("*.*")),
             *sorted((ROOT / "seeds").glob("*.txt"))]
    texts: list[str] = []
    for path in files:
        if path.suffix == ".json" and path.name.endswith(".expected.json"):
            continue
        text = path.read_text("utf-8", errors="replace")
        lines = text.split("\n")
        texts += [text, "\n".join(line.strip() for line in lines)]
        for size, step in ((12, 6), (40, 20)):
            texts += ["\n".join(lines[i:i + size]) for i in range(0, max(1, len(lines) - size), step)]
    return texts


TEXTS = _texts()


def _lacks_prescreen(name: str, text: str) -> bool:
    return get(name).sniff(text) > 0 and not may_score(name, text)


@pytest.mark.parametrize("name", sorted(PRESCREENS))
def test_a_prescreen_passes_every_text_its_layout_scores_above_zero(name: str) -> None:
    missed = [text[:80] for text in TEXTS if _lacks_prescreen(name, text)]
    assert not missed, f"{name}: the prescreen would hide {len(missed)} texts, e.g. {missed[:3]}"


#: Lines that score in some sniff, with the characters case folding and Unicode spaces make tricky.
EDGE_LINES = [
    "Authors: Ann Lee", "Abstract: text", "Submitted 3 March 2024", "arXiv:2106.09685", "ARXIV:2106.09685 x",
    "arXİv:2106.09685", "[1] arXiv:2106.09685 [pdf]", "Title: A", "Subjects: cs.LG", "[c57]Ann Lee", "- [j3]Bo",
    "Added by Ann", "Publication date 2021", "READ MORE", "Rate Research", "12 3 4.5 (6)", "cs.CV Mar 3",
    "Sept 12, 2023", "Dec. 1", "TİTLE CITED BY YEAR", "title", "cıted by", "year", "h-index 12", "i10-index 3",
    "M Jinek, K Chylinski, JA Doudna", "JA Doudna", "AB Smith\t12\t2019", "1,234 Citations", "12 citatİons",
    "Science · 2012", "TLDR A summary", "2021-05-12 | Journal article", "| Preprint", "Journal  article",
    "CONFERENCE\u2003POSTER", "ﬁle", "Other", "oTHER", "PMID: 22745249", "Science. 2012;337:816. PMID: 1",
    "Cite", "@article{key,", "  @Misc(key,", "Published work", "Researcher profile",
    *(f"{t}2022arXiv" for t in PROFILE_TYPES[:6]), "preprint", "article2017IEEE", "conference", "abc2019x",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(st.sampled_from(EDGE_LINES) | st.text(max_size=30), min_size=1, max_size=12),
       indent=st.sampled_from(["", " ", "\t", "\u00a0", "  "]))
def test_no_prescreen_hides_a_layout_on_mixed_lines(lines: list[str], indent: str) -> None:
    text = "\n".join(indent + line for line in lines)
    for name in PRESCREENS:
        assert not _lacks_prescreen(name, text), (name, text)


def test_case_insensitive_prescreens_fold_every_character_re_matches_to_an_ascii_letter() -> None:
    prescreen = import_module("scholarcli.layouts.prescreen")
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    for char in set(re.findall("(?i)[a-z]", every)):
        letters = {a for a in string.ascii_lowercase if re.fullmatch(f"(?i){a}", char)}
        assert len(letters) == 1 and prescreen._folded(char) == letters.pop(), char


def test_the_orcid_prescreen_knows_every_type_orcid_reads_alone() -> None:
    orcid = import_module("scholarcli.layouts.orcid")
    for bare in orcid._BARE_TYPES:
        text = f"Ann Lee\nWorks (1)\n{bare.title()}\nA title"  # a bare type counts beside ORCID's own marks
        assert get("orcid").sniff(text) > 0 and may_score("orcid", text), bare


def test_prescreens_turn_layouts_away_from_a_page_in_another() -> None:
    text = SEED.read_text("utf-8")[:65536]
    kept = {name for name in PRESCREENS if may_score(name, text)}
    assert "arxiv-listing" in kept and len(kept) <= 3, kept


def _modules_after(*args: str) -> dict[str, object]:
    """Run `scholar ARGS` in a fresh interpreter; the modules it loaded, and which layouts kept lazy patterns."""
    script = (
        "import sys, json, io, contextlib\n"
        "from scholarcli.cli import run\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = run({list(args)!r})\n"
        "lazy = sorted(name for name, m in list(sys.modules.items()) if name.startswith('scholarcli.layouts.')\n"
        "              and any(type(v).__name__ == '_LazyPattern' for v in vars(m).values()))\n"
        "print(json.dumps({'code': code, 'modules': sorted(sys.modules), 'lazy': lazy}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_version_loads_no_stage_of_the_pipeline() -> None:
    found = _modules_after("--version")
    loaded = set(found["modules"])  # type: ignore[call-overload]
    assert found["code"] == 0
    assert not {m for m in loaded if m.startswith(("scholarcli.pipeline", "scholarcli.layouts", "scholarcli.dedupe",
                                                   "scholarcli.cli.commands", "rapidfuzz"))}


def test_list_works_on_one_page_loads_only_what_it_uses() -> None:
    found = _modules_after("list-works", "--json", str(SEED))
    loaded = set(found["modules"])  # type: ignore[call-overload]
    assert found["code"] == 0
    unused = {
        "scholarcli.model.results",  # the other commands' result types (dedupe needs only model.link)
        "scholarcli.dedupe.audit",  # the `dedupe` command's report
        # BibTeX and RIS load for the splitter's anchors, but not their parsing libraries nor the RIS writer.
        "bibtexparser", "pylatexenc", "rispy", "scholarcli.render.ris",
        "scholarcli.layouts.citations", "scholarcli.layouts.citation_fields",  # a layout was found first
        "scholarcli.layouts.csl_json", "scholarcli.layouts.scholar_json", "scholarcli.layouts.scholar_jsonl",
        "scholarcli.layouts.json_items",  # no line opens a JSON value: the page splitter never loads them
        "scholarcli.query.search", "scholarcli.render.tables",
        "hashlib", "_hashlib",  # Work.id hashes with _sha1, not OpenSSL
        "csv", "spellchecker", "rich",
    }
    assert not unused & loaded, sorted(unused & loaded)
    # Page layouts load for the page splitter's anchors, but the patterns only their parsers use stay uncompiled.
    assert {"scholarcli.layouts.dblp", "scholarcli.layouts.pubmed", "scholarcli.layouts.orcid",
            "scholarcli.layouts.bibtex_in", "scholarcli.layouts.ris"} <= set(
        found["lazy"])  # type: ignore[call-overload]


def test_a_lazy_pattern_compiles_once_and_then_is_the_compiled_pattern() -> None:
    namespace: dict[str, object] = {}
    exec("from scholarcli import lazyre as re\n_X = re.compile(r'a(?P<b>b)', re.I)\nKEPT = (_X,)\n", namespace)
    lazy = namespace["_X"]
    assert type(lazy).__name__ == "_LazyPattern" and lazy.pattern == "a(?P<b>b)"  # type: ignore[attr-defined]
    assert lazy.match("AB")["b"] == "B"  # type: ignore[attr-defined]
    assert namespace["_X"] is lazyre._re.compile("a(?P<b>b)", lazyre.I)  # re's cache: the very same object
    kept = namespace["KEPT"][0]  # type: ignore[index]
    assert kept.sub("x", "zab") == "zx" and kept.groupindex == {"b": 1} and kept.flags & lazyre.I


def _naive_garbage_ratio(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    return sum(1 for ch in sample if (ch not in "\n\r\t\f" and unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs"))
               or ch == "\ufffd") / len(sample)


def test_garbage_ratio_and_is_binary_count_as_a_character_loop_would() -> None:
    rng = random.Random(11)
    for n in range(120):
        size = 70_000 if n < 2 else rng.choice([0, 1, 7, 500])  # past the 64 KiB opening, and short ones
        text = "".join(chr(rng.choice([rng.randrange(128), rng.randrange(0x110000), 0xFFFD, 10]))
                       for _ in range(size))
        assert decode.garbage_ratio(text) == _naive_garbage_ratio(text)
        data = bytes(rng.randrange(256) if rng.random() < 0.2 else rng.randrange(32, 127)
                     for _ in range(70_000 if n < 2 else rng.choice([0, 3, 400])))
        naive = bool(data[:65536]) and sum(b in decode._BINARY_CONTROL for b in data[:65536]) / len(data[:65536]) > \
            decode.BINARY_CONTROL_MAX
        assert decode.is_binary(data) == (data.startswith(decode.BINARY_MAGIC) or naive)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Authors:", "Abstract:", "Submitted", "Submitted 3", "Submitted\n4", " ", "\t", "\n",
                                 "\r", "\u00a0", "x", "3", "  Authors: Ann"]), max_size=30))
def test_the_arxiv_listing_sniff_counts_label_lines_as_its_patterns_did(parts: list[str]) -> None:
    listing = import_module("scholarcli.layouts.arxiv_listing")
    text = "".join(parts)
    for label, pattern, then in (("Authors:", r"(?m)^[ \t]*Authors:", None),
                                 ("Abstract:", r"(?m)^[ \t]*Abstract:", None),
                                 ("Submitted", r"(?m)^[ \t]*Submitted\s+\d", listing._SUBMITTED_DATE)):
        assert listing._count_label_lines(text, label, then) == len(re.findall(pattern, text))
