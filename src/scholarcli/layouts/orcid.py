"""ORCID record: the person's name and iD, then the `Works (N)` list.

    Jennifer A. Doudna
    ORCID iD
    https://orcid.org/0000-0001-9161-999X
    Works (612)
    A programmable dual-RNA-guided DNA endonuclease in adaptive bacterial immunity
    Science
    2012-08-17 | Journal article
    DOI: 10.1126/science.1225829
    Part of ISSN: 0036-8075
    Source: Crossref
    Show more detail

A work is its title, an optional venue, a `date | type` line (`2019 | Conference paper`, `2020-03 | Preprint`),
then identifier and source lines. The list names no authors unless a `Contributors: A; B` line does: the
record's owner is then recorded as the author, with the list marked truncated (as on other profile pages).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)
from scholarcli.layouts.base import Boundaries, walk
from scholarcli.model import ParseEvent, ParseIssue, ParseResult, Profile, Source, Work
from scholarcli.normalise.dates import parse_date, year_of
from scholarcli.normalise.identifiers import find_doi, match_arxiv_id

NAME = "orcid"
SUMMARY = "ORCID works list: title / venue / `2021-05-12 | Journal article` / `DOI: …` / `Source: Crossref`"

_ORCID_ID = re.compile(r"\b(\d{4}-\d{4}-\d{4}-\d{3}[\dX])\b")
_WORKS = re.compile(r"^Works\s*\((?:(?P<shown>\d[\d,]*)\s+of\s+)?(?P<n>\d[\d,]*)\)$", re.IGNORECASE)
_TYPE_SPACES = re.compile(r"[\s_-]+")
_DATE_TYPE = re.compile(r"^(?P<date>\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)?\s*\|\s*(?P<type>[A-Za-z][A-Za-z /-]+)$")
_DETAIL = re.compile(
    r"^(?P<label>DOI|PMID|PMC|EID|WOSUID|ISBN|ISSN|Part of ISSN|Part of ISBN|URL|arXiv|ARXIV|Handle|Other identifier"
    r"|Source|Sources|Bibcode|Agr|Lens|Ethos|RRID|UUID|Contributors?|Citation)\s*:\s*(?P<value>.*)$"
    r"|^Preferred source\b.*$",
    re.IGNORECASE,
)
_CHROME = frozenset(
    {"show more detail", "show less detail", "sort", "select all", "actions", "add", "expand all", "collapse all",
     "orcid id", "preferred source", "show all", "other identifier types", "print view"}
)
#: The record's sections between the person's name and `Works (N)`: the name is the line above the first.
_SECTION = re.compile(
    r"^(?:Personal information|Biography|Keywords|Also known as|Other IDs|Websites(?: (?:&|and) social links)?"
    r"|Emails?|Countries|Activities|Employment|Education(?: and qualifications)?|Qualifications"
    r"|Invited positions(?: and distinctions)?|Distinctions|Membership(?: and service)?|Service|Funding"
    r"|Peer review|Research resources|Professional activities)(?:\s*\(\d[\d,]*\))?$",
    re.IGNORECASE,
)
#: ORCID's work types as printed -> the `type` scholar uses (others: lower case, hyphenated).
TYPES = {
    "journal article": "article",
    "conference paper": "inproceedings",
    "preprint": "preprint",
    "book": "book",
    "book chapter": "chapter",
    "dissertation": "thesis",
    "dissertation or thesis": "thesis",
    "dissertation/thesis": "thesis",
    "report": "report",
    "data set": "dataset",
    "dataset": "dataset",
    "software": "software",
    "patent": "patent",
    "review": "review",
}


#: Types printed alone when a work has no date (the types ORCID lists most).
_BARE_TYPES = frozenset(
    {"journal article", "conference paper", "preprint", "book", "book chapter", "dissertation or thesis",
     "report", "working paper", "data set", "dataset", "software", "conference abstract", "conference poster",
     "edited book", "encyclopedia entry", "magazine article", "newspaper article", "book review",
     "supervised student publication", "lecture speech", "other"}
)


@dataclass
class _Work:
    start: int
    heading: list[str]
    when: str | None
    kind: str
    details: list[str] = field(default_factory=list)


def sniff(text: str) -> float:
    """High with `date | Journal article` lines beside `Source:` lines and an ORCID iD."""
    lines = [ln.strip() for ln in text.split("\n")[:5000] if ln.strip()]
    dated = sum(1 for ln in lines if "|" in ln and _date_type(ln) is not None)
    bare = sum(1 for ln in lines if "|" not in ln and _date_type(ln) is not None)
    sources = sum(1 for ln in lines if ln.startswith("Source:"))
    marks = any(_WORKS.match(ln) for ln in lines) + any(_ORCID_ID.search(ln) for ln in lines)
    if not dated and not (bare and (sources or marks)):
        return 0.0  # `Article`, `Book` alone over each title (ResearchGate, repositories) is no ORCID record
    return min(1.0, 0.3 + 0.1 * (dated or bare) + 0.05 * sources + 0.2 * marks)


def _date_type(text: str) -> tuple[str | None, str] | None:
    """(ISO date, type) of `2021-05-12 | Journal article`, `2019 | Conference paper` or `| Preprint`."""
    return _flat_date_type(" ".join(text.split()))


def _flat_date_type(flat: str) -> tuple[str | None, str] | None:
    """`_date_type` of a line whose spaces are already single."""
    if "|" not in flat:
        folded = flat.casefold()
        if folded in _BARE_TYPES:  # a work without a date: only its type is shown
            return None, TYPES.get(folded, folded.replace(" ", "-"))
        return None
    return _dated_type(flat)


@lru_cache(maxsize=64)
def _dated_type(flat: str) -> tuple[str | None, str] | None:
    """`_flat_date_type` of a line with a `|`. Cached: the page splitter tests each such line (it is an anchor)
    just before the parser reads it."""
    m = _DATE_TYPE.match(flat)
    if not m:
        return None
    when = parse_date(m["date"]) if m["date"] else None
    if m["date"] and when is None:
        return None
    printed = _TYPE_SPACES.sub(" ", m["type"].strip().casefold())  # `journal-article` in the older pages
    return when, TYPES.get(printed, printed.replace(" ", "-"))


_SITE_CHROME = frozenset({"skip to main content", "sign in", "register", "sign in/register", "search"})
_ORCID_IID = "ORCID iD"
#: ORCID's `arXiv: 1403.0576` detail line. Its `PMID: 24476820` line is no anchor: PubMed's entries end with the
#: same line, so a PubMed page after an ORCID record must be able to start at its first entry (PubMed's sniff
#: tells the two apart where such a line stands inside an ORCID record).
_ID_DETAIL = re.compile(r"^arXiv: (?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$", re.I)


def _anchor(line: str) -> bool:
    if "|" in line:
        return _date_type(line) is not None
    if line[:1] in "aA":  # ORCID's `arXiv: 1403.0576` detail lines, not another page's (not `PMID:`: see above)
        return _ID_DETAIL.match(line) is not None
    return line[:1] in "WwS" and (line.startswith("Source:") or _WORKS.match(line) is not None)


#: Lines that end another page's record, never an ORCID work's title or venue: counts, buttons, identifiers.
_NOT_HEADING = re.compile(
    r"^(?:\d[\d,.]*(?:\s+\S+)?|cite|save|pdf|share|download|expand|collapse|show (?:more|less)(?: detail)?|next"
    r"|previous|PMID:.*|DOI:.*|Source:.*|.*\t.*|.* · .*)$",
    re.IGNORECASE,
)


def _lead(before: Sequence[str], anchor: str) -> int:
    """Above `Works (N)`: the header from the name over `ORCID iD` (with the site chrome above it), else the
    name alone. Above a first `date | type` line (a works list copied without its header): its title and
    venue, the lines that read as neither another page's counts nor its buttons."""
    if "|" in anchor:
        lead = 0
        while lead < min(2, len(before)) and _NOT_HEADING.match(before[-lead - 1]) is None:
            lead += 1
        return lead
    if not _WORKS.match(anchor):
        return 0
    at = next((i for i in range(len(before) - 1, max(-1, len(before) - 16), -1) if before[i] == _ORCID_IID), None)
    lead = len(before) - at + 1 if at is not None else 1
    lead = min(lead, len(before))
    while lead < len(before) and before[-lead - 1].casefold() in _SITE_CHROME:
        lead += 1
    return lead


#: A record opens with the person's name (over `ORCID iD`), and has one `Works (N)` line.
BOUNDARIES = Boundaries(
    anchor=_anchor, lead=_lead, page=lambda line: line[:1] in "Ww" and _WORKS.match(line) is not None
)


def parse(text: str, path: str, as_of: date) -> ParseResult:
    """Read the record's header and every work."""
    return ParseResult.collect(NAME, path, iter_parse(text.split("\n"), path, as_of))


def iter_parse(lines: Iterable[str], path: str, as_of: date) -> Iterator[ParseEvent]:
    """Yield the profile at `Works (N)` (or the first work), then each work as the next one starts."""
    header: list[str] = []
    buffer: list[tuple[int, str]] = []
    owner: str | None = None
    profile_done = False
    work: _Work | None = None
    total: int | None = None  # the record's `Works (N)`: it never shows more; more are another list's
    read = 0
    for line in walk(lines):
        text = " ".join(line.text.split())
        if not profile_done and (_WORKS.match(text) or _flat_date_type(text) is not None):
            profile_done = True
            if (counted := _WORKS.match(text)) is not None:
                header.extend(t for _, t in buffer)
                header.append(text)
                buffer = []
                total = int((counted["shown"] or counted["n"]).replace(",", ""))  # `Works (50 of 612)`: 50 shown
            profile = _profile(header, path)
            if profile is not None:
                owner = profile.name
                yield profile
            if _WORKS.match(text):
                continue
        if (dated := _flat_date_type(text)) is not None:
            if work is not None:
                yield _record(work, owner, path)
                read += 1
                if total is not None and read == total and owner is not None:
                    yield ParseIssue(path, buffer[0][0] if buffer else line.number, f"more works than the record's "
                                     f"Works ({total}): the rest "
                                     "are read as a works list copied without its header, with no owner")
                    owner = None
            if len(buffer) > 2 and (header or work is not None):
                # Lines no `date | type` line closed: a damaged work before this one.
                yield ParseIssue(path, buffer[0][0], f"{buffer[0][1]!r} has no `date | type` line; skipped")
            heading = buffer if len(buffer) <= 2 else buffer[-2:]
            work = _Work(heading[0][0] if heading else line.number, [t for _, t in heading], dated[0], dated[1])
            buffer = []
            continue
        if not profile_done and text.casefold() == "orcid id":
            header.extend(t for _, t in buffer)  # the name is above it, even when the iD itself was not copied
            header.append(text)
            buffer = []
            continue
        if text.casefold() in _CHROME:
            continue
        if work is not None and not buffer and _DETAIL.match(text):
            work.details.append(text)
            continue
        if not profile_done and _ORCID_ID.search(text):
            header.extend(t for _, t in buffer)
            header.append(text)
            buffer = []
            continue
        buffer.append((line.number, text))
    if work is not None:
        yield _record(work, owner, path)
    if buffer and work is not None:
        yield ParseIssue(path, buffer[0][0], f"{buffer[0][1]!r} has no `date | type` line; skipped")


def _record(work: _Work, owner: str | None, path: str) -> Work | ParseIssue:
    if not work.heading:
        return ParseIssue(path, work.start, "a `date | type` line without a title; skipped")
    doi = pmid = arxiv_id = None
    contributors: tuple[str, ...] = ()
    for detail in work.details:
        m = _DETAIL.match(detail)
        assert m is not None
        label, value = (m["label"] or "").casefold(), (m["value"] or "").strip()
        if label == "doi" and doi is None:
            doi = find_doi(value)
        elif label == "pmid" and pmid is None and value.isdigit():
            pmid = value
        elif label == "arxiv" and arxiv_id is None and (found := match_arxiv_id(value.removeprefix("arXiv:"))):
            arxiv_id = found.id
        elif label == "url" and doi is None:
            doi = find_doi(value)
        elif label.startswith("contributor") and not contributors:
            contributors = tuple(n for n in (" ".join(p.split()) for p in value.split(";")) if n)
    title, *venue = work.heading
    return Work(
        title=title,
        authors=contributors or ((owner,) if owner else ()),  # `Contributors: A; B` names them all
        authors_truncated=not contributors,
        year=year_of(work.when),
        date=work.when,
        doi=doi,
        pmid=pmid,
        arxiv_id=arxiv_id,
        venue=" ".join(venue) or None,
        type=work.kind,
        sources=(Source(NAME, path, work.start),),
    )


def _profile(header: list[str], path: str) -> Profile | None:
    if not header:
        return None
    ident = next((m[1] for t in header if (m := _ORCID_ID.search(t))), None)
    works = next((int(m["n"].replace(",", "")) for t in header if (m := _WORKS.match(t))), None)
    at = next(
        (i for i, t in enumerate(header) if t.casefold() == "orcid id" or _ORCID_ID.search(t) or _SECTION.match(t)),
        len(header),
    )
    names = [t for t in header[:at] if t.casefold() not in _CHROME and not _WORKS.match(t)]
    name = names[-1] if names else None
    return Profile(
        name=name,
        path=path,
        description=f"ORCID iD {ident}" if ident else None,
        counts={"works": works} if works is not None else {},
    )
