"""Works as CSL-JSON items, the input format of Zotero, Pandoc and citeproc."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from scholarcli.model import Work
from scholarcli.normalise.names import split_name, split_suffix
from scholarcli.render.bibtex import citation_keys

_TYPES = {
    "article": "article-journal",
    "journal-article": "article-journal",
    "inproceedings": "paper-conference",
    "proceedings-article": "paper-conference",
    "conference": "paper-conference",
    "book": "book",
    "chapter": "chapter",
    "book-chapter": "chapter",
    "incollection": "chapter",
    "thesis": "thesis",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "dissertation": "thesis",
    "report": "report",
    "techreport": "report",
    "dataset": "dataset",
    "software": "software",
    "preprint": "article",
}


def _name(name: str) -> dict[str, str]:
    base, suffix = split_suffix(name)
    given, particle, family = split_name(base)
    if not given:
        return {"literal": " ".join(name.split())}
    out = {"family": family, "given": given}
    if particle:
        out["non-dropping-particle"] = particle
    if suffix:
        out["suffix"] = suffix
    return out


def item(work: Work, key: str) -> dict[str, Any]:
    """One CSL-JSON item. Preprints are CSL `article` with the arXiv id as number and URL."""
    kind = _TYPES.get(work.type or "", "article" if work.arxiv_id else "document")
    out: dict[str, Any] = {"id": key, "type": kind}
    if work.title:
        out["title"] = work.title
    if work.authors:
        out["author"] = [_name(a) for a in work.authors]
    if work.date:
        out["issued"] = {"date-parts": [[int(part) for part in work.date.split("-")]]}
    elif work.year:
        out["issued"] = {"date-parts": [[work.year]]}
    if work.venue and work.venue.casefold() != "arxiv":
        out["container-title"] = work.venue
    if work.arxiv_id:
        out["publisher"] = "arXiv"
        out["number"] = f"arXiv:{work.arxiv_id}"
        out["URL"] = f"https://arxiv.org/abs/{work.arxiv_id}"
    elif work.venue and work.venue.casefold() == "arxiv":
        out["publisher"] = "arXiv"
    if work.doi:
        out["DOI"] = work.doi
    if work.abstract:
        out["abstract"] = work.abstract
    notes = [n for n in (work.comment, work.journal_ref) if n]
    if work.authors_truncated:
        notes.append("author list truncated in source")
    if notes:
        out["note"] = "; ".join(notes)
    if work.categories:
        out["categories"] = list(work.categories)
    return out


def write_csl_json(works: Sequence[Work], out: TextIO) -> None:
    """A CSL-JSON array, ids equal to the BibTeX keys."""
    items = [item(w, k) for w, k in zip(works, citation_keys(works), strict=True)]
    json.dump(items, out, ensure_ascii=False, indent=2)
    out.write("\n")
