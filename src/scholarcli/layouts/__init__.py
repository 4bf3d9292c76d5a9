"""The page layouts scholar reads, registered in one place, and detection of which one a text is in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from scholarcli.layouts import arxiv_abstracts, arxiv_listing, feed, paper_page, profile
from scholarcli.model import ParseResult

#: The lowest sniff score at which a layout is taken.
DETECT_THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class Layout:
    """A page layout: its name, a one-line summary, a sniffer scoring 0-1, and a parser."""

    name: str
    summary: str
    sniff: Callable[[str], float]
    parse: Callable[[str, str, date], ParseResult]


LAYOUTS: dict[str, Layout] = {
    module.NAME: Layout(module.NAME, module.SUMMARY, module.sniff, module.parse)
    for module in (profile, arxiv_listing, arxiv_abstracts, paper_page, feed)
}


def detect(text: str) -> tuple[str | None, dict[str, float]]:
    """The best-scoring layout for a text (None when no layout clears the threshold), and all scores."""
    scores = {name: layout.sniff(text) for name, layout in LAYOUTS.items()}
    best = max(scores, key=lambda name: scores[name])
    return (best if scores[best] >= DETECT_THRESHOLD else None), scores
