"""Works as RIS, the tagged format of EndNote, Zotero, Mendeley and PubMed (written with rispy)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from scholarcli.model import Work
from scholarcli.normalise.names import split_name, split_suffix
from scholarcli.normalise.vocab import is_arxiv_venue, ris_type

#: The note that marks an author list the source page cut short (RIS has no `and others`).
TRUNCATED_NOTE = "author list truncated in source"


def ris_name(name: str) -> str:
    """`Laurens van der Maaten` -> `van der Maaten, Laurens`, `Martin King Jr.` -> `King, Martin, Jr.`; a single
    name stays as it is."""
    base, suffix = split_suffix(name)
    given, particle, family = split_name(base)
    last = f"{particle} {family}".strip()
    if not given:
        return last
    return f"{last}, {given}, {suffix}" if suffix else f"{last}, {given}"


def _one_line(text: str) -> str:
    """RIS values end at the line end."""
    return " ".join(text.split())


def record(work: Work) -> dict[str, Any]:
    """One work as a rispy reference (field names as rispy's TAG_KEY_MAPPING has them)."""
    kind = ris_type(work.type) or ("UNPB" if work.arxiv_id or is_arxiv_venue(work.venue) else "GEN")
    out: dict[str, Any] = {"type_of_reference": kind}
    if work.authors:
        out["authors"] = [_one_line(ris_name(a)) for a in work.authors]
    if work.title:
        out["title"] = _one_line(work.title)
    if work.venue:
        out["secondary_title"] = _one_line(work.venue)
    if work.year:
        out["year"] = str(work.year)
    if work.date:
        out["date"] = work.date.replace("-", "/")
    if work.doi:
        out["doi"] = work.doi
    if work.pmid:  # PubMed's accession number; an arXiv id then travels in the arxiv.org URL
        out["accession_number"] = work.pmid
    if work.arxiv_id:
        version = f"v{work.arxiv_version}" if work.arxiv_version else ""
        if not work.pmid:
            out["accession_number"] = f"arXiv:{work.arxiv_id}{version}"
        out["urls"] = [f"https://arxiv.org/abs/{work.arxiv_id}{version if work.pmid else ''}"]
    elif work.doi:
        out["urls"] = [f"https://doi.org/{work.doi}"]
    if work.abstract:
        out["abstract"] = _one_line(work.abstract)
    notes = [_one_line(n) for n in (work.comment, work.journal_ref) if n]
    if work.authors_truncated:
        notes.append(TRUNCATED_NOTE)
    if notes:
        out["notes"] = notes
    if work.categories:
        out["keywords"] = list(work.categories)
    return out


def write_ris(works: Iterable[Work], out: TextIO) -> None:
    """Every work as an RIS record (`TY` … `ER`), records separated by a blank line; streams."""
    import rispy

    class _Writer(rispy.RisWriter):  # type: ignore[misc]  # rispy has no type hints
        def set_header(self, count: int) -> str:
            return ""  # rispy numbers records (`1.`) by default; other tools do not expect that

    for n, work in enumerate(works):
        if n:
            out.write("\n")
        out.write(rispy.dumps([record(work)], implementation=_Writer))
