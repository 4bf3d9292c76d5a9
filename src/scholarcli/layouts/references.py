"""What the reference-manager formats (BibTeX, RIS, CSL-JSON) share when read: identifiers, dates and names.

Each reader maps its own field names; this module turns the values into the forms a `Work` holds.
"""

from __future__ import annotations

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)
from scholarcli.normalise import vocab
from scholarcli.normalise.dates import iso, month_number
from scholarcli.normalise.identifiers import DOI_PATTERN, match_arxiv_id
from scholarcli.normalise.names import display_order

_ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf)/", re.IGNORECASE)
_ARXIV_PREFIX = re.compile(r"^(?:arxiv:|abs/)", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
#: Venue names that mean "an arXiv preprint" (dblp writes CoRR).
ARXIV_VENUES = frozenset({"corr", "arxiv e-prints", "arxiv preprint"})


def arxiv_id(text: str | None) -> tuple[str | None, int | None]:
    """The arXiv id and version in `2106.09685v2`, `arXiv:2106.09685`, `abs/hep-th/9711200`, or an arxiv.org
    URL; (None, None) when the text holds none."""
    if not text:
        return None, None
    text = text.strip()
    if m := _ARXIV_URL.search(text):
        text = text[m.end():]
    text = _ARXIV_PREFIX.sub("", text)
    found = match_arxiv_id(text)
    if found is None or (found.end < len(text) and text[found.end:].strip(" .").lower() not in ("", ".pdf", "pdf")):
        return None, None
    return found.id, found.version


def arxiv_in(text: str | None) -> tuple[str | None, int | None]:
    """The arXiv id named anywhere in a venue string such as `arXiv preprint arXiv:2106.09685`."""
    if not text:
        return None, None
    m = re.search(r"arxiv:\s*(\S+)", text, re.IGNORECASE)
    return arxiv_id(m.group(1).rstrip(".,;")) if m else (None, None)


def clean_doi(text: str | None) -> str | None:
    """The DOI in a field that may hold a bare DOI, `doi:10…` or a doi.org URL."""
    if not text:
        return None
    m = DOI_PATTERN.search(text)
    return m.group(1) if m else None


def pmid(text: str | None) -> str | None:
    """A PubMed id (`22745249`, `PMID: 22745249`), or None for anything else (an `arXiv:` accession number)."""
    m = re.fullmatch(r"\s*(?:PMID:?\s*)?(\d{1,9})\s*", text or "", re.IGNORECASE)
    return m.group(1) if m else None


def year_in(text: str | None) -> int | None:
    """The first four-digit year in a field (`2020`, `2020a`, `2012///`, `2012/08/17`)."""
    m = _YEAR.search(text or "")
    return int(m.group(1)) if m else None


def month_in(text: str | None) -> int | None:
    """A month from `5`, `05`, `may`, `May.` or `September`."""
    text = (text or "").strip()
    if text.isdigit():
        return int(text) if 1 <= int(text) <= 12 else None
    return month_number(text) if text else None


def date_of(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    """ISO 8601 at the precision known; the day is kept only with its month."""
    if year is None:
        return None
    if month is None:
        return iso(year)
    return iso(year, month, day) or iso(year, month)


def person(name: str) -> str:
    """`Jinek, Martin` -> `Martin Jinek`, as the text layouts write names; single spaces."""
    return display_order(name)


def is_arxiv_venue(venue: str | None) -> bool:
    """Whether a venue names arXiv itself, as exports spell it too (`CoRR`, `arXiv preprint arXiv:…`)."""
    if not venue:
        return False
    folded = venue.casefold().strip()
    return vocab.is_arxiv_venue(venue) or folded in ARXIV_VENUES or folded.startswith("arxiv preprint")
