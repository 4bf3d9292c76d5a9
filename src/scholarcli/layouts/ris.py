"""RIS files (`TY  - JOUR` … `ER  - `), as PubMed, Zotero, EndNote, Mendeley and scholar itself export them.

Records are found line by line (so each keeps its line, and a damaged one costs only itself); rispy reads the
tags of each record. rispy is imported only when a RIS text is read: the page splitter loads this module on
every run for its BOUNDARIES (records pasted before or after a page, or a page between records, are parts of
their own).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)
from scholarcli.layouts import references as ref
from scholarcli.layouts.base import Boundaries
from scholarcli.model import ParseEvent, ParseIssue, ParseResult, Source, Work
from scholarcli.normalise.vocab import work_type_of

NAME = "ris"
SUMMARY = "RIS (.ris) exports: PubMed, Zotero, EndNote, Mendeley, scholar --format ris"

_TAG = re.compile(r"^([A-Z][A-Z0-9])\s{1,2}-(?: (.*)|$)")
_TYPE_LINE = re.compile(r"^\s*TY\s{1,2}- ?[A-Z]{2,6}\s*$", re.MULTILINE)
_END_LINE = re.compile(r"^\s*ER\s{1,2}-", re.MULTILINE)
_TITLE_STOP = re.compile(r"[\w)\]]\.$")
_ABBREVIATION_END = re.compile(r"(?:\b(?:al|etc|Inc|Ltd|Co|vs)|(?<![\w.])[A-Za-z])\.$")
_RIS_DATE = re.compile(r"^\s*(\d{4})(?:[/-](\d{1,2})?(?:[/-](\d{1,2})?)?)?")

#: RIS types outside the shared vocabulary (normalise/vocab.py), as the work types they mean; EndNote writes
#: CONF for conference papers.
_OTHER_TYPES = {"JFULL": "article", "EJOUR": "article", "MGZN": "article", "CONF": "inproceedings",
                "EBOOK": "book", "ECHAP": "chapter", "EDBOOK": "book"}


def sniff(head: str) -> float:
    """Sure when a `TY  - JOUR` line opens the text (after at most a couple of header lines) and a record ends
    with `ER  -`; only fairly sure when the records come later, below other text."""
    found = _TYPE_LINE.search(head)
    if not found:
        return 0.0
    if len([line for line in head[: found.start()].split("\n") if line.strip()]) > 2:
        return 0.55
    return 0.97 if _END_LINE.search(head) else 0.8


def _type_line(line: str) -> bool:
    """A record's first line, `TY  - JOUR`."""
    return line[:2] == "TY" and _TYPE_LINE.match(line) is not None


def _in_record(state: int, line: str) -> int:
    """The splitter's state after `line`: 1 from a `TY` line through its record's `ER` line, else 0."""
    if line[:2] == "TY" and _TYPE_LINE.match(line):
        return 1
    if state and line[:2] == "ER" and _TAG.match(line):
        return 0
    return state


#: A RIS part opens at a `TY` line, which `cat` can glue to a page's last line.
BOUNDARIES = Boundaries(anchor=_type_line, inside=_in_record, glued=re.compile(r"TY {1,2}- ?[A-Z]{2,6}\Z"),
                        glued_ends=tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))


def _records(lines: Iterable[str], start: int) -> Iterator[tuple[int, list[str], bool]]:
    """(first line number, tag lines, whether it closed with ER) of each record; stray text between records is
    returned as a record without a `TY` line."""
    current: list[str] = []
    first = start
    for number, raw in enumerate(lines, start=start):
        text = raw.strip()
        if not text:
            continue
        m = _TAG.match(text)
        if m and m.group(1) == "TY":
            if current:
                yield first, current, False
            current, first = [f"TY  - {(m.group(2) or '').strip()}"], number
        elif m and m.group(1) == "ER":
            if current:
                yield first, current, True
            current = []
        elif m:
            if not current:
                first = number
            current.append(f"{m.group(1)}  - {(m.group(2) or '').strip()}")
        elif current:
            current[-1] += " " + text  # a value continued on the next line
        elif not re.fullmatch(r"\d+\.", text):  # rispy's own `1.` record numbers
            if not current:
                first = number
            current.append(text)
    if current:
        yield first, current, False


def iter_parse(lines: Iterable[str], path: str, as_of: date) -> Iterator[ParseEvent]:
    """Works in file order; text that is not a record (no `TY` line) is a ParseIssue with its line."""
    import rispy

    del as_of
    for line, tags, _closed in _records(lines, 1):
        if not tags[0].startswith("TY  - "):
            yield ParseIssue(path, line, f"text outside any RIS record skipped: {tags[0][:60]!r}")
            continue
        try:
            entries = rispy.loads("\n".join([*tags, "ER  - ", ""]))
        except Exception as exc:  # rispy raises plain IOError/ValueError on a malformed record
            yield ParseIssue(path, line, f"RIS record skipped: {exc}")
            continue
        for entry in entries:
            yield work_from_record(entry, Source(NAME, path, line))


def _first(entry: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = entry.get(key)
        if isinstance(value, list):
            value = next((v for v in value if v), None)
        if value and str(value).strip():
            return " ".join(str(value).split())
    return None


def work_from_record(entry: dict[str, Any], source: Source) -> Work:
    """A work from one rispy reference."""
    from scholarcli.render.ris import TRUNCATED_NOTE  # the writer's note, loaded with the first record

    # AU and A1 are two spellings of the author tag; a file uses one (two authors may share a name: no dedupe)
    names = [ref.person(n) for n in entry.get("authors") or entry.get("first_authors") or [] if n.strip()]
    notes = [" ".join(n.split()) for n in entry.get("notes", []) if n.strip()]
    truncated = TRUNCATED_NOTE in notes
    notes = [n for n in notes if n != TRUNCATED_NOTE]
    arxiv, version = None, None
    accession = _first(entry, "accession_number") or ""
    if accession.casefold().startswith("arxiv:"):
        arxiv, version = ref.arxiv_id(accession)
    for url in entry.get("urls", []):
        if not arxiv:
            arxiv, version = ref.arxiv_id(url)
    venue = _first(entry, "secondary_title", "journal_name", "alternate_title3", "alternate_title1",
                   "alternate_title2")
    kind = (entry.get("type_of_reference") or "").upper()
    if not venue and kind in ("THES", "BOOK", "RPRT"):
        venue = _first(entry, "publisher")
    if ref.is_arxiv_venue(venue) or (not venue and arxiv):
        venue = "arXiv"
    when, year = _date(_first(entry, "date"), _first(entry, "year", "publication_year"))
    doi = ref.clean_doi(_first(entry, "doi"))
    if not doi:
        doi = next((ref.clean_doi(u) for u in entry.get("urls", []) if "doi.org/" in u), None)
    keywords = [k.strip() for k in entry.get("keywords", []) if k.strip()]
    return Work(
        title=_title(_first(entry, "title", "primary_title", "translated_title")),
        authors=tuple(names),
        authors_truncated=truncated,
        year=year,
        date=when,
        arxiv_id=arxiv,
        arxiv_version=version,
        doi=doi,
        pmid=ref.pmid(accession),
        venue=venue,
        type=_OTHER_TYPES.get(kind) or work_type_of(2, kind),
        abstract=_first(entry, "abstract", "notes_abstract"),
        comment="; ".join(notes) or None,
        categories=tuple(keywords) if arxiv else (),
        sources=(source,),
    )


def _title(text: str | None) -> str | None:
    """PubMed (MEDLINE) ends every title with a full stop; the title itself has none (`et al.` keeps its own)."""
    if text and _TITLE_STOP.search(text) and not _ABBREVIATION_END.search(text):
        return text[:-1]
    return text


def _date(da: str | None, py: str | None) -> tuple[str | None, int | None]:
    """The ISO date and year from `DA` (`2012/08/17`, `2012/08//`) and `PY` (`2012`, `2012///`)."""
    year = ref.year_in(py)
    for text in (da, py):
        m = _RIS_DATE.match(text or "")
        if m and (year is None or int(m[1]) == year):
            when = ref.date_of(int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None)
            return when, year or int(m[1])
    return ref.date_of(year), year


def parse(text: str, path: str = "<text>", as_of: date | None = None) -> ParseResult:
    """Parse a whole RIS text."""
    return ParseResult.collect(NAME, path, iter_parse(text.split("\n"), path, as_of or date.today()))
