"""The page layouts scholar reads, registered in one place, and detection of which one a text is in.

Parser modules are imported on first use, so commands that parse nothing start fast.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)
from scholarcli.layouts.base import Boundaries, LayoutModule
from scholarcli.normalise.vocab import (
    LIST_HEADING_CJK,
    LIST_HEADING_ENDINGS,
    LIST_HEADING_MAX_CHARS,
    LIST_HEADING_MAX_WORDS,
    LIST_HEADING_OPENINGS,
    LIST_HEADING_PHRASES,
    LIST_HEADING_WORDS,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from scholarcli.model import ParseEvent, ParseResult

#: Layout name -> the module that parses it. Each module has NAME, SUMMARY, sniff(head), parse(text, path, as_of)
#: and iter_parse(lines, path, as_of), the streaming form that parse() collects; and, optionally, BOUNDARIES
#: (base.Boundaries), so that its pages are found inside longer inputs (layouts/segments.py).
#: The file formats come first: their syntax is checked, so on a tie in detection (the first best score wins)
#: they beat page layouts whose lines a record may happen to look like (a CSV row opening with `arxiv:2106.09685`).
REGISTRY: dict[str, str] = {
    "bibtex": "scholarcli.layouts.bibtex_in",
    "ris": "scholarcli.layouts.ris",
    "csl-json": "scholarcli.layouts.csl_json",
    "json": "scholarcli.layouts.scholar_json",
    "jsonl": "scholarcli.layouts.scholar_jsonl",
    "csv": "scholarcli.layouts.scholar_csv",
    "profile": "scholarcli.layouts.profile",
    "arxiv-listing": "scholarcli.layouts.arxiv_listing",
    "arxiv-abstracts": "scholarcli.layouts.arxiv_abstracts",
    "arxiv-list": "scholarcli.layouts.arxiv_list",
    "dblp": "scholarcli.layouts.dblp",
    "paper-page": "scholarcli.layouts.paper_page",
    "feed": "scholarcli.layouts.feed",
    "google-scholar": "scholarcli.layouts.google_scholar",
    "google-scholar-search": "scholarcli.layouts.google_scholar_search",
    "inspire": "scholarcli.layouts.inspire",
    "ads": "scholarcli.layouts.ads",
    "researchgate": "scholarcli.layouts.researchgate",
    "semantic-scholar": "scholarcli.layouts.semantic_scholar",
    "orcid": "scholarcli.layouts.orcid",
    "pubmed": "scholarcli.layouts.pubmed",
    "citation-list": "scholarcli.layouts.citations",
}
NAMES: tuple[str, ...] = tuple(REGISTRY)

#: The lowest sniff score at which a layout is taken.
DETECT_THRESHOLD = 0.5

#: The layout tried only when no other clears the threshold: any text that reads as a list of citations.
FALLBACK = "citation-list"


def _always(head: str) -> bool:
    return True


def _opens_array(head: str) -> bool:
    return head.lstrip()[:1] == "["


#: The file formats, each with a cheap test that its sniff can only score above 0 when the opening passes.
#: Detection loads a format's module only when the test passes, which keeps every other run from paying for its
#: imports, and the page splitter never loads them up front: those without BOUNDARIES are read as whole inputs,
#: the JSON formats (JSON_FORMATS) are loaded at a line that opens a JSON value. BibTeX and RIS are not among
#: them: their entries are found beside pages (their BOUNDARIES), and their modules, loaded by the splitter,
#: import their parsing libraries only to read an entry; prescreen.py tests their sniffs as it does the pages'.
WHOLE_INPUT_FORMATS: dict[str, Callable[[str], bool]] = {
    "csl-json": _opens_array,  # `[{…}]`
    "json": _opens_array,
    "jsonl": lambda head: head.lstrip()[:1] == "{",  # an object on the first line
    "csv": lambda head: "title" in head.lstrip("\ufeff\n")[:4096].split("\n", 1)[0],  # a header naming `title`
}


#: The JSON formats: a part in one of them is JSON, from a line that opens a value to where its brackets close
#: (their BOUNDARIES say so; layouts/brackets.py). The page splitter loads them only at a line that opens a value.
JSON_FORMATS = ("csl-json", "json", "jsonl")
#: How many characters of a JSON value's opening are sniffed for its format (its first element, at most), and
#: how many lines that may open one are tried below an input's first line of text.
JSON_SNIFF_CHARS = 1 << 19
JSON_TRIES = 64


@dataclass(frozen=True, slots=True)
class Layout:
    """A page layout: its name, a one-line summary, a sniffer scoring 0-1, its parsers, and where its pages
    start inside a longer text (None when the module declares no `BOUNDARIES`; see base.Boundaries)."""

    name: str
    summary: str
    sniff: Callable[[str], float]
    parse: Callable[[str, str, date], ParseResult]
    iter_parse: Callable[[Iterable[str], str, date], Iterator[ParseEvent]]
    boundaries: Boundaries | None = None


@cache
def get(name: str) -> Layout:
    """The registered layout of this name (KeyError for an unknown one)."""
    module = import_module(REGISTRY[name])
    checked: LayoutModule = module  # every layout module has the surface of base.LayoutModule
    boundaries = getattr(module, "BOUNDARIES", None)
    if boundaries is not None and not isinstance(boundaries, Boundaries):
        raise TypeError(f"{REGISTRY[name]}.BOUNDARIES must be a layouts.base.Boundaries")
    return Layout(checked.NAME, checked.SUMMARY, checked.sniff, module.parse, checked.iter_parse, boundaries)


def all_layouts() -> list[Layout]:
    """Every registered layout, in registry order."""
    return [get(name) for name in REGISTRY]


def detect(text: str) -> tuple[str | None, dict[str, float]]:
    """The best-scoring layout for a text (None when no layout clears the threshold), and all scores.

    The specific layouts are tried first; only when none clears the threshold is the fallback (a list of
    citations) scored, so a page that a specific layout reads is never taken for a citation list.
    """
    from scholarcli.layouts.prescreen import may_score

    scores = {
        name: get(name).sniff(text) if WHOLE_INPUT_FORMATS.get(name, _always)(text) and may_score(name, text) else 0.0
        for name in REGISTRY
        if name != FALLBACK  # the fallback is loaded only when it is needed
    }
    best = max(scores, key=lambda name: scores[name])
    if scores[best] >= DETECT_THRESHOLD:
        return best, scores
    scores[FALLBACK] = get(FALLBACK).sniff(text)
    return (FALLBACK if scores[FALLBACK] >= DETECT_THRESHOLD else None), scores


#: How many non-blank lines of an input's opening are sniffed first (see `detect_opening`).
OPENING_LINES = 64


def detect_opening(head: str) -> tuple[str | None, dict[str, float]]:
    """The layout an input starts in. The whole head decides, as `detect` does; when that is a layout with
    BOUNDARIES, the first OPENING_LINES non-blank lines may name another such layout, and when another
    layout's anchors come before the chosen layout's page starts, and the text before that start reads as
    the other layout, the other one wins: a short page followed by a longer page of another layout is read
    in its own layout (the rest is split off as it is read). Text above a JSON value in a JSON format (a note
    above a pasted export) is detected on its own; when it reads in no layout, the input starts in the JSON
    format, whose parser reports that text.
    """
    found, scores = detect("\n".join(line.strip() for line in head.split("\n")))  # as browsers indent copies
    if found in JSON_FORMATS:  # the first value's own records decide (another export may follow it)
        return json_format(head.lstrip()[:JSON_SNIFF_CHARS].split("\n")) or found, scores
    if (below := _json_below(head)) is not None:
        before, name = below  # a JSON value opens a line below other text: that text is a part of its own
        found, scores = detect_opening(before)
        return (found, scores) if found is not None else (name, scores)
    opening: list[str] = []
    for raw in head.split("\n", OPENING_LINES * 4)[: OPENING_LINES * 4]:
        if raw.strip():
            opening.append(raw.strip())
            if len(opening) == OPENING_LINES:
                break
    if found is None or get(found).boundaries is None:
        return found, scores  # a layout without BOUNDARIES is chosen for the whole input, as before
    in_opening, _ = detect("\n".join(opening))
    if in_opening is not None and get(in_opening).boundaries is not None:
        found = in_opening
    bounds = get(found).boundaries
    if bounds is None:
        return found, scores
    anchor = _first_anchor(found, opening)
    if anchor >= len(opening):
        return found, scores
    start = anchor - max(0, min(anchor, bounds.lead(opening[:anchor], opening[anchor])))
    if start >= 2:
        before = "\n".join(opening[:start])
        earlier = sorted((_first_anchor(name, opening), name) for name in REGISTRY
                         if name not in (found, FALLBACK) and name not in JSON_FORMATS)
        for position, name in earlier:
            if position < start and get(name).sniff(before) >= max(DETECT_THRESHOLD, get(found).sniff(before) + 1e-9):
                found, anchor = name, position  # a short page before the longer one: a list may stand before it
                break
    if _list_before(found, opening, anchor):
        return FALLBACK, scores
    return found, scores


#: A line that may open a JSON value (`brackets.opens_value` says for sure): `[` alone, `[{`, `{"`.
_JSON_OPENING = re.compile(r'^[ \t]*(?:\[[ \t]*(?:\{|$)|\{[ \t]*")', re.MULTILINE)


def json_format(lines: Iterable[str]) -> str | None:
    """The JSON format of the value whose opening line is the first of `lines`, sniffed on its first element
    (read from `lines` no further), when its score clears the detection threshold; else None."""
    from scholarcli.layouts.brackets import first_element

    text = "\n".join(line.strip() for line in first_element(lines, JSON_SNIFF_CHARS))
    scores = {name: get(name).sniff(text) for name in JSON_FORMATS if WHOLE_INPUT_FORMATS[name](text)}
    best = max(scores, key=lambda name: scores[name], default=None)
    return best if best is not None and scores[best] >= DETECT_THRESHOLD else None


def _json_below(head: str) -> tuple[str, str] | None:
    """The text before the first JSON value (in a JSON format) that opens a line below the head's first line
    of text, and the value's format; None when there is no such value."""
    first = len(head) - len(head.lstrip())
    for m in itertools.islice(_JSON_OPENING.finditer(head, first + 1), JSON_TRIES):
        start = head.rfind("\n", 0, m.start()) + 1
        if start <= first:
            continue
        name = json_format(head[start:start + JSON_SNIFF_CHARS].split("\n"))
        if name is not None:
            return head[:start], name
    return None


#: A year, DOI or arXiv mark: a reference list has one in at least two lines (the fallback is not loaded else).
_CITATION_MARK = re.compile(r"\b(?:1[89]|20)\d\d\b|10\.\d{4,9}/|arXiv:")


def may_be_list(lines: Iterable[str], least: int = 2, within: int = 1 << 20) -> bool:
    """A cheap test that lines can be a reference list: two of them (or `least`) carry a year, DOI or arXiv
    mark (in their first `within` characters)."""
    count = 0
    for line in lines:
        if _CITATION_MARK.search(line, 0, within):
            count += 1
            if count >= least:
                return True
    return count >= least


#: The words that can show a heading (LIST_HEADING_WORDS and the last word of each phrase).
_HEADING_TOKENS = LIST_HEADING_WORDS | {phrase.replace("-", " ").split()[-1] for phrase in LIST_HEADING_PHRASES}


def may_head_list(lines: Iterable[str]) -> bool:
    """A cheap test that lines can hold a reference list's section heading (`Selected Publications`, `发表论文`):
    a short line, with no stop at its end, that has a heading word (normalise.vocab; the fallback decides). The
    page splitter asks it at a page's anchors, so that a list holding such an anchor (a `PMID:` line) is found
    without loading the fallback for every page: a few string operations a line, no pattern."""
    for line in lines:
        if not line or line[-1] in ".,;" or len(line) > LIST_HEADING_MAX_CHARS or (
                line.count(" ") >= LIST_HEADING_MAX_WORDS and len(line.split()) > LIST_HEADING_MAX_WORDS):
            continue
        if not line.isascii() and any(word in line for word in LIST_HEADING_CJK):
            return True
        if _HEADING_HINT.search(line.casefold()):
            return True
    return False


def _heading_hint() -> re.Pattern[str]:
    """One pattern for a heading word in a casefolded line: a heading word or opening at a word's start, or an
    ending at a word's end (a word is a run of letters and digits). It passes every line whose words (split at
    spaces and punctuation) include such a word, and a few more: it gates a closer look, so more is safe."""
    starts = sorted({*_HEADING_TOKENS, *LIST_HEADING_OPENINGS}, key=len, reverse=True)
    ends = sorted(LIST_HEADING_ENDINGS, key=len, reverse=True)
    return re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, starts)) + r")|(?:" + "|".join(
        map(re.escape, ends)) + r")(?![^\W_])")


_HEADING_HINT = _heading_hint()


def _list_before(found: str, opening: list[str], anchor: int) -> bool:
    """Whether the opening starts with a reference list (a CV's) before the page of `found`: the lines before
    one of its first anchors' page start read as citations and not as `found`, and the text from there as
    `found`. A CV's `Publications` heading may be a line `found`'s page has once (its `page`) and stand among
    the citations; other anchors of `found` there (rows of a Scholar copy) make the lines `found`'s, unless
    the citations outnumber them twice (a CV's `PMID:` lines)."""
    bounds = get(found).boundaries
    assert bounds is not None
    anchors = [i for i in range(anchor, len(opening)) if bounds.anchor(opening[i])][:8]
    for at in anchors:
        start = at - max(0, min(at, bounds.lead(opening[:at], opening[at])))
        if start < 2:
            continue
        inside = sum(i < start and not bounds.page(opening[i]) for i in anchors)
        before, after = "\n".join(opening[:start]), "\n".join(opening[start:])
        if may_be_list(opening[:start]) and get(FALLBACK).sniff(before) >= DETECT_THRESHOLD and (
                get(found).sniff(before) < DETECT_THRESHOLD and get(found).sniff(after) >= DETECT_THRESHOLD) and (
                not inside or _strays(inside, before)):
            return True
        if inside:
            break  # `found`'s records (rows of a Scholar copy) may read as citations too: they are its page
    return False


def _strays(inside: int, before: str) -> bool:
    """Whether `inside` anchors of a page's layout among the lines `before` the page are strays in a reference
    list (a `PMID:` line under a citation): the citations outnumber them twice, by the fallback's own count."""
    from scholarcli.layouts.citations import tally

    return tally(before)[0] >= 2 * inside


def _first_anchor(name: str, lines: list[str]) -> int:
    boundaries = get(name).boundaries
    if boundaries is None:
        return len(lines)
    return next((i for i, line in enumerate(lines) if boundaries.anchor(line)), len(lines))
