"""The page layouts scholar reads, registered in one place, and detection of which one a text is in.

Parser modules are imported on first use, so commands that parse nothing start fast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING

from scholarcli.layouts.base import LayoutModule

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from scholarcli.model import ParseEvent, ParseResult

#: Layout name -> the module that parses it. Each module has NAME, SUMMARY, sniff(head), parse(text, path, as_of)
#: and iter_parse(lines, path, as_of), the streaming form that parse() collects.
REGISTRY: dict[str, str] = {
    "profile": "scholarcli.layouts.profile",
    "arxiv-listing": "scholarcli.layouts.arxiv_listing",
    "arxiv-abstracts": "scholarcli.layouts.arxiv_abstracts",
    "arxiv-list": "scholarcli.layouts.arxiv_list",
    "dblp": "scholarcli.layouts.dblp",
    "paper-page": "scholarcli.layouts.paper_page",
    "feed": "scholarcli.layouts.feed",
    "google-scholar": "scholarcli.layouts.google_scholar",
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


@dataclass(frozen=True, slots=True)
class Layout:
    """A page layout: its name, a one-line summary, a sniffer scoring 0-1, and its parsers."""

    name: str
    summary: str
    sniff: Callable[[str], float]
    parse: Callable[[str, str, date], ParseResult]
    iter_parse: Callable[[Iterable[str], str, date], Iterator[ParseEvent]]


@cache
def get(name: str) -> Layout:
    """The registered layout of this name (KeyError for an unknown one)."""
    module = import_module(REGISTRY[name])
    checked: LayoutModule = module  # every layout module has the surface of base.LayoutModule
    return Layout(checked.NAME, checked.SUMMARY, checked.sniff, module.parse, checked.iter_parse)


def all_layouts() -> list[Layout]:
    """Every registered layout, in registry order."""
    return [get(name) for name in REGISTRY]


def detect(text: str) -> tuple[str | None, dict[str, float]]:
    """The best-scoring layout for a text (None when no layout clears the threshold), and all scores.

    The specific layouts are tried first; only when none clears the threshold is the fallback (a list of
    citations) scored, so a page that a specific layout reads is never taken for a citation list.
    """
    scores = {layout.name: layout.sniff(text) for layout in all_layouts() if layout.name != FALLBACK}
    best = max(scores, key=lambda name: scores[name])
    if scores[best] >= DETECT_THRESHOLD:
        return best, scores
    scores[FALLBACK] = get(FALLBACK).sniff(text)
    return (FALLBACK if scores[FALLBACK] >= DETECT_THRESHOLD else None), scores
