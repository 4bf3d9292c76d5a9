"""Is a parsed record plausible? Caps on field lengths, and the signs of a layout that does not fit.

A layout forced on text in another layout (or a page damaged beyond reading) gives records that hold a whole
page in one field. Such a record is dropped with a warning; a record with one over-long field is kept with
the field cut, and a warning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields

from scholarcli.model import Work

#: The longest title a record may have; a longer one means the layout does not fit.
TITLE_MAX = 500
#: Text fields (abstracts, comments, venues…) are cut at this many characters.
FIELD_MAX = 100_000
#: A part's only record that holds this share of the part's lines (of at least MANY_LINES) is the whole input.
WHOLE_SHARE = 0.8
MANY_LINES = 12
_TEXT_FIELDS = tuple(f.name for f in fields(Work) if f.name in {"abstract", "comment", "journal_ref", "venue"})


def implausible(work: Work) -> str | None:
    """Why a record cannot be a real one (a title of over TITLE_MAX characters), or None."""
    if work.title is not None and len(work.title) > TITLE_MAX:
        return f"title runs to {len(work.title):,} characters (over {TITLE_MAX})"
    return None


def holds_whole_input(work: Work, lines: Sequence[str]) -> bool:
    """Whether a part's only record holds (nearly) every one of the part's lines (`lines`: its first non-blank
    lines, stripped): a layout that found no structure and glued the page into one field."""
    if len(lines) < MANY_LINES:
        return False
    text = " ".join(" ".join(filter(None, (work.title, work.abstract, work.comment))).split())
    held = sum(1 for line in lines if " ".join(line.split()) in text)
    return held >= WHOLE_SHARE * len(lines)


def cap(work: Work) -> tuple[Work, list[str]]:
    """The record with every text field cut to FIELD_MAX characters, and a note for each field cut."""
    if (len(work.abstract or "") <= FIELD_MAX and len(work.comment or "") <= FIELD_MAX
            and len(work.journal_ref or "") <= FIELD_MAX and len(work.venue or "") <= FIELD_MAX
            and max(map(len, work.authors), default=0) <= FIELD_MAX):
        return work, []
    notes: list[str] = []
    changes: dict[str, str] = {}
    for name in _TEXT_FIELDS:
        value = getattr(work, name)
        if isinstance(value, str) and len(value) > FIELD_MAX:
            changes[name] = value[:FIELD_MAX].rstrip() + "…"
            notes.append(f"{name} cut at {FIELD_MAX:,} characters (it ran to {len(value):,})")
    if any(len(a) > FIELD_MAX for a in work.authors):
        changes_authors = tuple(a[:FIELD_MAX] for a in work.authors)
        notes.append(f"an author name cut at {FIELD_MAX:,} characters")
        return work.with_changes(**changes, authors=changes_authors), notes
    return (work.with_changes(**changes) if changes else work), notes
