"""The project's vocabularies and cut-offs, each stated once with the reason for its value."""

from __future__ import annotations

#: Work types as pages and reference managers print them, with their BibTeX entry type and CSL-JSON type
#: (None: no CSL type of its own; the writer falls back). One row per spelling, so the profile parser,
#: the BibTeX and the CSL-JSON writers agree on every type.
WORK_TYPES: dict[str, tuple[str, str | None]] = {
    "journal-article": ("article", "article-journal"),
    "article": ("article", "article-journal"),
    "proceedings-article": ("inproceedings", "paper-conference"),
    "inproceedings": ("inproceedings", "paper-conference"),
    "conference": ("inproceedings", "paper-conference"),
    "proceedings": ("misc", None),
    "book": ("book", "book"),
    "book-chapter": ("incollection", "chapter"),
    "chapter": ("incollection", "chapter"),
    "incollection": ("incollection", "chapter"),
    "phdthesis": ("phdthesis", "thesis"),
    "thesis": ("phdthesis", "thesis"),
    "dissertation": ("phdthesis", "thesis"),
    "mastersthesis": ("mastersthesis", "thesis"),
    "techreport": ("techreport", "report"),
    "report": ("techreport", "report"),
    "dataset": ("misc", "dataset"),
    "software": ("misc", "software"),
    "preprint": ("misc", "article"),
    "posted-content": ("misc", None),
    "poster": ("misc", None),
    "patent": ("misc", None),
    "presentation": ("misc", None),
    "review": ("misc", None),
    "editorial": ("misc", None),
    "letter": ("misc", None),
    "misc": ("misc", None),
    "other": ("misc", None),
}

#: The types a profile page prints before a year, longest first so a regex alternation takes the whole word.
PROFILE_TYPES: tuple[str, ...] = tuple(sorted(WORK_TYPES, key=lambda t: (-len(t), t)))

#: Words too common to identify a title: skipped when picking a title's rare tokens (dedupe blocking)
#: and the first significant word of a citation key (`hu2022improved`, not `hu2022on`).
STOPWORDS = frozenset(
    "a an and are as at by for from in into is of on or over the to towards toward under via with without".split()
)


def is_arxiv_venue(venue: str | None) -> bool:
    """True when a venue names arXiv itself (a preprint server, not a place of publication)."""
    return venue is not None and venue.strip().casefold() == "arxiv"


def bibtex_type(work_type: str | None) -> str | None:
    """The BibTeX entry type of a work type, or None when the type is unknown."""
    row = WORK_TYPES.get((work_type or "").casefold())
    return row[0] if row else None


def csl_type(work_type: str | None) -> str | None:
    """The CSL-JSON item type of a work type, or None when the type is unknown."""
    row = WORK_TYPES.get((work_type or "").casefold())
    return row[1] if row else None


#: Lines of a file's opening that a layout's sniffer reads: a few screens of any real page, and bounded so
#: detection costs the same on a 100 MB dump as on one page.
SNIFF_LINES = 5000
#: The feed sniffer needs fewer: every record opens with a header, so 3000 lines hold hundreds of them.
FEED_SNIFF_LINES = 3000

#: Fuzzy search: the lowest score (0-100, rapidfuzz WRatio) shown by default. Below it, one-word queries
#: start to match unrelated titles on shared short words.
SEARCH_MIN_SCORE = 75.0
#: Fuzzy search: how many hits `scholar search` shows unless told otherwise (a screenful).
SEARCH_LIMIT = 20
#: stats: how long the top lists are unless told otherwise.
TOP_LIST = 10
#: Characters of a user's value quoted in an error message: enough to recognise it, never a screenful.
QUOTE_MAX = 80
