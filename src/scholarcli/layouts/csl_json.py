"""CSL-JSON: an array of citation items, as Zotero, pandoc, citeproc tools and scholar itself write them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)
from scholarcli.layouts import references as ref
from scholarcli.layouts.base import Boundaries
from scholarcli.layouts.brackets import opens_value
from scholarcli.layouts.json_items import iter_items, looks_like_array_of_objects
from scholarcli.layouts.scholar_json import sniff_keys
from scholarcli.model import ParseEvent, ParseIssue, ParseResult, Source, Work
from scholarcli.normalise.vocab import work_type_of
from scholarcli.render.ris import TRUNCATED_NOTE

NAME = "csl-json"
SUMMARY = "CSL-JSON arrays: Zotero, pandoc, citeproc, scholar --format csl-json"

#: A part is one JSON array, from the line that opens it (`[`, `[{`) to where its brackets close.
BOUNDARIES = Boundaries(anchor=opens_value, json="value")

_CSL_KEYS = ("issued", "container-title", "author", "DOI", "URL", "title", "type", "id", "publisher", "page")
#: CSL types outside the shared vocabulary (normalise/vocab.py), as the work types they mean.
_OTHER_TYPES = {"post-weblog": "article", "manuscript": "preprint"}


def sniff(head: str) -> float:
    """Sure for an array of objects with CSL keys (`"type"`, `"issued"`, `"container-title"`, …) and not
    scholar's own work objects."""
    if not looks_like_array_of_objects(head) or sniff_keys(head) >= 0.5:
        return 0.0
    found = sum(f'"{key}"' in head for key in _CSL_KEYS)
    return 0.0 if found < 3 or '"type"' not in head else min(0.95, 0.5 + 0.1 * found)


def _text(value: Any) -> str | None:
    if isinstance(value, list):  # some tools write container-title as a list
        value = next((v for v in value if v), None)
    if value is None or isinstance(value, dict | list):
        return None
    text = " ".join(str(value).split())
    return text or None


def _name(person: Any) -> str | None:
    if isinstance(person, str):
        return ref.person(person) if person.strip() else None
    if not isinstance(person, dict):
        return None
    if person.get("literal"):
        return _text(person["literal"])
    parts = [_text(person.get(key)) for key in ("given", "dropping-particle", "non-dropping-particle", "family")]
    name = " ".join(p for p in parts if p)
    suffix = _text(person.get("suffix"))
    return f"{name} {suffix}" if name and suffix else (name or None)


def _issued(value: Any) -> tuple[str | None, int | None]:
    if not isinstance(value, dict):
        return None, None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        numbers = [int(p) for p in parts[0][:3] if str(p).strip().isdigit()]
        if numbers:
            when = ref.date_of(*numbers)
            return when, numbers[0]
    raw = _text(value.get("raw")) or _text(value.get("literal"))
    if raw and (m := re.match(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", raw)):
        return ref.date_of(int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None), int(m[1])
    year = ref.year_in(raw)
    return ref.date_of(year), year


def work_from_item(item: dict[str, Any], source: Source) -> Work:
    """A work from one CSL item."""
    names = tuple(n for n in (_name(p) for p in item.get("author") or []) if n)
    notes = [n.strip() for n in (_text(item.get("note")) or "").split("; ") if n.strip()]
    truncated = TRUNCATED_NOTE in notes
    notes = [n for n in notes if n != TRUNCATED_NOTE]
    arxiv, version = ref.arxiv_id(_text(item.get("number")))
    if not arxiv:
        arxiv, version = ref.arxiv_id(_text(item.get("URL")))
    if not arxiv:
        doi_text = _text(item.get("DOI")) or ""
        if doi_text.lower().startswith("10.48550/arxiv."):
            arxiv, version = ref.arxiv_id(doi_text[len("10.48550/arxiv."):])
    venue = _text(item.get("container-title"))
    kind = _text(item.get("type")) or ""
    if not venue and kind in ("thesis", "report", "book"):
        venue = _text(item.get("publisher"))
    if not venue and ref.is_arxiv_venue(_text(item.get("publisher"))):
        venue = "arXiv"
    if ref.is_arxiv_venue(venue) or (not venue and arxiv):
        venue = "arXiv"
    when, year = _issued(item.get("issued"))
    categories = item.get("categories")
    return Work(
        title=_text(item.get("title")),
        authors=names,
        authors_truncated=truncated,
        year=year,
        date=when,
        arxiv_id=arxiv,
        arxiv_version=version,
        doi=ref.clean_doi(_text(item.get("DOI"))),
        pmid=ref.pmid(_text(item.get("PMID"))),
        venue=venue,
        type=_OTHER_TYPES.get(kind) or work_type_of(1, kind),
        abstract=_text(item.get("abstract")),
        comment="; ".join(notes) or None,
        categories=tuple(str(c) for c in categories) if isinstance(categories, list) else (),
        sources=(source,),
    )


def iter_parse(lines: Iterable[str], path: str, as_of: date) -> Iterator[ParseEvent]:
    """Works in array order; an item that is not valid JSON or not an object is a ParseIssue with its line."""
    del as_of
    for item in iter_items(lines):
        if item.error is not None:
            yield ParseIssue(path, item.line, f"CSL item skipped: {item.error}")
        elif not isinstance(item.value, dict):
            yield ParseIssue(path, item.line, f"CSL item skipped: a {type(item.value).__name__}, not an object")
        else:
            yield work_from_item(item.value, Source(NAME, path, item.line))


def parse(text: str, path: str = "<text>", as_of: date | None = None) -> ParseResult:
    """Parse a whole CSL-JSON text."""
    return ParseResult.collect(NAME, path, iter_parse(text.split("\n"), path, as_of or date.today()))
