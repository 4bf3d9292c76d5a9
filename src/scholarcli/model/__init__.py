"""The data model: frozen records that every stage passes along. No I/O here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any

from scholarcli.normalise.titles import normalise_title

if TYPE_CHECKING:
    from hashlib import sha1 as _sha1
else:
    try:  # CPython's own SHA-1: hashlib's digests, without loading OpenSSL (about 3 ms of start-up)
        from _sha1 import sha1 as _sha1
    except ImportError:  # a build without it
        from hashlib import sha1 as _sha1

#: Keys of a work's JSON object, in output order. Every key is always present.
JSON_KEYS: tuple[str, ...] = (
    "id",
    "title",
    "authors",
    "authors_truncated",
    "year",
    "date",
    "updated",
    "arxiv_id",
    "arxiv_version",
    "doi",
    "pmid",
    "citations",
    "venue",
    "type",
    "abstract",
    "comment",
    "journal_ref",
    "categories",
    "affiliations",
    "score",
    "has_code",
    "sources",
)


@dataclass(frozen=True, slots=True)
class Source:
    """Where a record was read: its layout, file (or `-` for stdin) and 1-based start line."""

    layout: str
    path: str
    line: int

    def to_dict(self) -> dict[str, Any]:
        return {"layout": self.layout, "path": self.path, "line": self.line}


@dataclass(frozen=True, slots=True)
class Work:
    """One publication record, as parsed from one source or merged from several."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    authors_truncated: bool = False
    year: int | None = None
    date: str | None = None
    updated: str | None = None
    arxiv_id: str | None = None
    arxiv_version: int | None = None
    doi: str | None = None
    pmid: str | None = None
    citations: int | None = None
    venue: str | None = None
    type: str | None = None
    abstract: str | None = None
    comment: str | None = None
    journal_ref: str | None = None
    categories: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()
    score: float | None = None
    has_code: bool | None = None
    sources: tuple[Source, ...] = ()

    @property
    def id(self) -> str:
        """A stable identifier: the arXiv id, else the DOI, else a hash of the normalised title/abstract."""
        if self.arxiv_id:
            return f"arxiv:{self.arxiv_id}"
        if self.doi:
            return f"doi:{self.doi.lower()}"
        key = normalise_title(self.title) if self.title else ""
        if key:
            return "title:" + _sha1(key.encode("utf-8")).hexdigest()[:16]
        text = " ".join((self.abstract or "").split()).casefold()
        return "text:" + _sha1(text.encode("utf-8")).hexdigest()[:16]

    def with_changes(self, **changes: Any) -> Work:
        """Return a copy with some fields replaced."""
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of the documented contract (see README and schema/work.schema.json), keys in JSON_KEYS
        order. Spelled out rather than walked with dataclasses.fields(): it runs once per record written."""
        return {
            "id": self.id,
            "title": self.title,
            "authors": list(self.authors),
            "authors_truncated": self.authors_truncated,
            "year": self.year,
            "date": self.date,
            "updated": self.updated,
            "arxiv_id": self.arxiv_id,
            "arxiv_version": self.arxiv_version,
            "doi": self.doi,
            "pmid": self.pmid,
            "citations": self.citations,
            "venue": self.venue,
            "type": self.type,
            "abstract": self.abstract,
            "comment": self.comment,
            "journal_ref": self.journal_ref,
            "categories": list(self.categories),
            "affiliations": list(self.affiliations),
            "score": self.score,
            "has_code": self.has_code,
            "sources": [{"layout": s.layout, "path": s.path, "line": s.line} for s in self.sources],
        }


@dataclass(frozen=True, slots=True)
class Profile:
    """The header of a researcher profile page: who it is about and the counts it shows."""

    name: str | None
    path: str
    description: str | None = None
    affiliation: str | None = None
    trust: int | None = None
    trust_label: str | None = None
    verification: str | None = None
    claimed: bool | None = None
    counts: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class ParseIssue:
    """A block that could not be read as a record; parsing carries on past it."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(slots=True)
class ParseResult:
    """What a layout parser read from one text: the works, any profile header, and skipped blocks."""

    layout: str
    path: str
    works: list[Work] = field(default_factory=list)
    issues: list[ParseIssue] = field(default_factory=list)
    profile: Profile | None = None
    encoding: str = "utf-8"
    detected: bool = True

    @classmethod
    def collect(cls, layout: str, path: str, events: Iterable[Work | ParseIssue | Profile]) -> ParseResult:
        """Gather what a streaming parser yields into one result."""
        result = cls(layout=layout, path=path)
        for event in events:
            result.add(event)
        return result

    def add(self, event: Work | ParseIssue | Profile) -> None:
        """Keep one thing a parser yielded: a record, a damaged block, or the profile header."""
        if isinstance(event, Work):
            self.works.append(event)
        elif isinstance(event, ParseIssue):
            self.issues.append(event)
        else:
            self.profile = event


#: What a layout parser yields as it reads: records, damaged blocks, and a profile header.
ParseEvent = Work | ParseIssue | Profile
