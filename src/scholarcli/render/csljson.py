"""Works as CSL-JSON items, the input format of Zotero, Pandoc and citeproc."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from scholarcli.model import Work
from scholarcli.normalise.names import split_name, split_suffix
from scholarcli.normalise.vocab import csl_type, is_arxiv_venue
from scholarcli.render.bibtex import citation_keys


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


def item(work: Work, key: str) -> dict[str, object]:
    """One CSL-JSON item. Preprints are CSL `article` with the arXiv id as number and URL."""
    kind = csl_type(work.type) or ("article" if work.arxiv_id else "document")
    out: dict[str, object] = {"id": key, "type": kind}
    if work.title:
        out["title"] = work.title
    if work.authors:
        out["author"] = [_name(a) for a in work.authors]
    if work.date:
        out["issued"] = {"date-parts": [[int(part) for part in work.date.split("-")]]}
    elif work.year:
        out["issued"] = {"date-parts": [[work.year]]}
    if work.venue and not is_arxiv_venue(work.venue):
        out["container-title"] = work.venue
    if work.arxiv_id:
        out["publisher"] = "arXiv"
        out["number"] = f"arXiv:{work.arxiv_id}"
        out["URL"] = f"https://arxiv.org/abs/{work.arxiv_id}"
    elif is_arxiv_venue(work.venue):
        out["publisher"] = "arXiv"
    if work.doi:
        out["DOI"] = work.doi
    if work.pmid:
        out["PMID"] = work.pmid
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


def write_csl_json(works: Iterable[Work], out: TextIO) -> None:
    """A CSL-JSON array, ids equal to the BibTeX keys."""
    works = list(works)
    items = [item(w, k) for w, k in zip(works, citation_keys(works), strict=True)]
    json.dump(items, out, ensure_ascii=False, indent=2)
    out.write("\n")
