"""Researcher profile page: a header about the person, then `Published work` items.

Each item is a glued `type+year+venue` line (`preprint2022arXiv`,
`article2017IEEE Transactions on Pattern Analysis and Machine Intelligence`), a title and an optional
abstract. Items name no authors: the profile owner is recorded as their author, with the list truncated.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from itertools import pairwise

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)
from scholarcli.layouts.base import Boundaries
from scholarcli.model import ParseEvent, ParseIssue, ParseResult, Profile, Source, Work
from scholarcli.normalise.names import looks_like_name
from scholarcli.normalise.vocab import PROFILE_TYPES, SNIFF_LINES

NAME = "profile"
SUMMARY = "Researcher profile page: header, then `preprint2022arXiv` / title / abstract items"

KNOWN_TYPES = PROFILE_TYPES
_TYPES = "|".join(KNOWN_TYPES)
_ITEM = re.compile(rf"^(?P<type>{_TYPES}|[a-z]+(?=(?:19|20)\d\d))(?P<year>(?:19|20)\d{{2}})?(?P<venue>.*)$")
_TRUST = re.compile(r"Trust\s+(?P<score>\d+)\s*-\s*(?P<label>[A-Za-z]+?)(?=Verification|Unclaimed|Claimed|$)")
_VERIFICATION = re.compile(r"Verification\s+(?P<level>L\d+)")
_CLAIMED = re.compile(r"(?P<state>Unclaimed|Claimed) author")
_COUNT = re.compile(r"^(?P<n>\d[\d,]*)\s?(?P<what>[a-z][a-z ]{2,30})$")
_AFFILIATION = re.compile(r"^Researcher(?P<aff>.*?)(?:Open to collaborate)?$")
_PUBLISHED = re.compile(r"^Published work$", re.IGNORECASE)
_ITEM_COUNT = re.compile(r"^\d[\d,]*\s+published item(?:\(s\)|s)?$", re.IGNORECASE)
_TRAILING_CHROME = frozenset({"load more", "show more", "view all", "see all", "back to top", "show all"})
_ITEM_LINE_MAX = 300


def sniff(text: str) -> float:
    """High when the page has a `Published work` section or `Researcher profile` and type+year lines."""
    lines = [ln.strip() for ln in text.split("\n")[:SNIFF_LINES] if ln.strip()]
    items = sum(1 for ln in lines if _is_item_header(ln))
    marks = sum(1 for ln in lines if _PUBLISHED.match(ln) or ln == "Researcher profile")
    if not items:
        return 0.0
    return min(1.0, 0.4 + 0.25 * marks + 0.05 * items)


def _is_item_header(line: str) -> bool:
    if len(line) > _ITEM_LINE_MAX:
        return False
    m = _ITEM.match(line)
    if not m:
        return False
    # A known type may stand without a year, but then nothing may follow but a venue-like capitalised word.
    return bool(m["year"]) or not m["venue"] or m["venue"][:1].isupper()


def _anchor(line: str) -> bool:
    first = line[0]
    if first.isdigit():
        return _ITEM_COUNT.match(line) is not None
    if first in "Pp" and _PUBLISHED.match(line):
        return True
    return first.islower() and _is_item_header(line)


#: The longest line read as part of a profile's header when no `Researcher profile` line marks its top.
_HEADER_LINE_MAX = 160


def _lead(before: Sequence[str], anchor: str) -> int:
    """The header above `Published work`: from the last `Researcher profile` line, else the short lines."""
    if not _PUBLISHED.match(anchor):
        return 0
    for back, line in enumerate(reversed(before), start=1):
        if line.casefold() == "researcher profile":
            return back
    run = 0
    for line in reversed(before):
        if len(line) > _HEADER_LINE_MAX:
            break
        run += 1
    return run


#: A profile page has one `Published work` line; its header above is claimed by `_lead`.
BOUNDARIES = Boundaries(
    anchor=_anchor,
    lead=_lead,
    page=lambda line: _PUBLISHED.match(line) is not None,
    glued=re.compile(r"(?<=\S)Researcher profile\Z"),
    glued_ends=("Researcher profile",),
)


def parse(text: str, path: str, as_of: date) -> ParseResult:
    """Read the profile header and every published item."""
    return ParseResult.collect(NAME, path, iter_parse(text.split("\n"), path, as_of))


def iter_parse(lines: Iterable[str], path: str, as_of: date) -> Iterator[ParseEvent]:
    """Yield the profile header once `Published work` is reached, then each item as the next one starts.

    Without a `Published work` section there is no header, and items are read wherever they stand.
    """
    header: list[str] = []
    in_works = False
    owner: str | None = None
    item: tuple[int, str, list[str]] | None = None
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        if not in_works:
            if _PUBLISHED.match(line):
                in_works = True
                profile = _profile([(0, ln) for ln in header], path)
                if profile is not None:
                    owner = profile.name
                    yield profile
                continue
            if not _is_item_header(line):
                header.append(line)
                continue
            in_works = True
        if _is_item_header(line):
            if item is not None:
                yield _item(item, owner, path)
            item = (number, line, [])
        elif item is not None:
            item[2].append(line)
    if item is not None:
        yield _item(item, owner, path)


def _item(item: tuple[int, str, list[str]], owner: str | None, path: str) -> Work | ParseIssue:
    number, line, rest = item
    while rest and rest[-1].casefold() in _TRAILING_CHROME:
        rest.pop()
    if not rest:
        return ParseIssue(path, number, f"item {line!r} has no title; skipped")
    m = _ITEM.match(line)
    assert m is not None
    year = int(m["year"]) if m["year"] else None
    return Work(
        title=rest[0],
        authors=(owner,) if owner else (),
        authors_truncated=True,
        year=year,
        date=str(year) if year else None,
        type=m["type"],
        venue=m["venue"].strip() or None,
        abstract=" ".join(rest[1:]) or None,
        sources=(Source(NAME, path, number),),
    )


#: Navigation a copied page can start with: never a profile's owner.
_CHROME = frozenset({
    "skip to main content", "skip to content", "skip to navigation", "home", "menu", "search", "sign in", "log in",
    "sign up", "register", "researchers", "explore", "about", "help", "back", "main navigation",
    "toggle navigation", "open menu", "close", "notifications", "researcher profile", "profile",
})
_NAME_MAX = 100


def owner_name(texts: list[str]) -> str | None:
    """The profile's owner among the header's lines: the line the next one describes (`X contributes to…`),
    else the line under the last `Researcher profile`, else the first line that reads as a person's name.
    Navigation lines (`Skip to main content`) never are; None when no line fits."""
    for line, after in pairwise(texts):
        if len(line) <= _NAME_MAX and after.startswith(line + " ") and line.casefold() not in _CHROME:
            return line
    marks = [i for i, line in enumerate(texts) if line.casefold() == "researcher profile"]
    if marks and marks[-1] + 1 < len(texts):
        line = texts[marks[-1] + 1]
        if len(line) <= _NAME_MAX and line.casefold() not in _CHROME and not _is_header_field(line):
            return line
    return next((line for line in texts if line.casefold() not in _CHROME and looks_like_name(line)), None)


def _is_header_field(line: str) -> bool:
    return bool(_COUNT.match(line) or _TRUST.search(line) or _AFFILIATION.match(line))


def _profile(header: list[tuple[int, str]], path: str) -> Profile | None:
    if not header:
        return None
    texts = [ln for _, ln in header]
    name = owner_name(texts)
    at = texts.index(name) if name is not None else -1
    description = texts[at + 1] if name and at + 1 < len(texts) and texts[at + 1].startswith(name) else None
    counts: dict[str, int] = {}
    trust = trust_label = verification = affiliation = None
    claimed: bool | None = None
    for line in texts:
        if line.casefold() == "researcher profile":
            continue
        if m := _COUNT.match(line):
            counts[m["what"].strip().replace(" ", "_")] = int(m["n"].replace(",", ""))
        if m := _TRUST.search(line):
            trust, trust_label = int(m["score"]), m["label"]
        if m := _VERIFICATION.search(line):
            verification = m["level"]
        if m := _CLAIMED.search(line):
            claimed = m["state"] == "Claimed"
        if (m := _AFFILIATION.match(line)) and m["aff"] and m["aff"] != "Affiliation not imported":
            affiliation = m["aff"]
    return Profile(
        name=name,
        path=path,
        description=description,
        affiliation=affiliation,
        trust=int(trust) if trust is not None else None,
        trust_label=trust_label,
        verification=verification,
        claimed=claimed,
        counts=counts,
    )
