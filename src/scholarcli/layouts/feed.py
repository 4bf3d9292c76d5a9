"""Scored related-paper feed: a `[score]CATMon D[, YYYY][Code]` header, a title glued to its authors, an abstract.

    96.6LGJun 2
    FFR: Forward-Forward Learning for RegressionXinyang Liu, Xuanyu Liang, Shiqi Ding et al.
    The Forward-Forward (FF) algorithm offers ...
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)
from scholarcli.layouts.base import Boundaries
from scholarcli.model import ParseEvent, ParseIssue, ParseResult, Source, Work
from scholarcli.normalise.dates import iso, month_number, year_for
from scholarcli.normalise.names import is_given_name, is_surname, looks_like_name, name_key
from scholarcli.normalise.vocab import FEED_SNIFF_LINES

NAME = "feed"
SUMMARY = "Scored related-paper feed: `96.6LGJun 2` header, title glued to authors, abstract"

HEADER = re.compile(
    r"^(?P<score>\d{1,3}(?:\.\d+)?)?\s?"
    r"(?P<cat>(?:[a-z][a-z-]*\.)?[A-Z]{2,4})?\s?"
    r"(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s(?P<day>\d{1,2})"
    r"(?:,\s?(?P<year>\d{4}))?\s?(?P<code>Code)?$"
)
_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_ET_AL = re.compile(r",?\s*\bet\s+al\.?\s*$")
_GLUE_BEFORE = set(".!?:;)]}\"'’”") # punctuation that can end a title right before a glued name


def sniff(text: str) -> float:
    """Share of records: how many non-blank lines are feed headers, scaled so a clean feed scores 1."""
    lines = [ln for ln in text.split("\n")[:FEED_SNIFF_LINES] if ln.strip()]
    if not lines:
        return 0.0
    headers = sum(1 for ln in lines if HEADER.match(ln.strip()))
    return 0.0 if headers == 0 else min(1.0, 3.0 * headers / len(lines))


def _anchor(line: str) -> bool:
    """A header with its category or score (`LGJun 2`, `96.6CVFeb 14, 2024Code`): a bare `Jun 2` is too common."""
    if len(line) >= _HEADER_MAX or not (line[-1].isdigit() or line.endswith("Code")):
        return False
    m = HEADER.match(line)
    return m is not None and bool(m["cat"] or m["score"])


def _lead(before: Sequence[str], anchor: str) -> int:
    return 1 if before and before[-1].casefold() == "related papers" else 0


#: A feed starts at a header line (after an optional `Related papers`); a glued header needs its category.
BOUNDARIES = Boundaries(
    anchor=_anchor,
    lead=_lead,
    glued=re.compile(
        rf"(?<=\S)(?:\d{{1,3}}(?:\.\d+)?)?(?:[a-z]{{2,8}}\.)?[A-Z]{{2,4}}(?:{_MONTHS})\.?\s\d{{1,2}}"
        r"(?:,\s?\d{4})?(?:Code)?\Z|(?<=\S)Related papers\Z"
    ),
    glued_ends=(*"0123456789", "Code", "Related papers"),
)


def parse(text: str, path: str, as_of: date) -> ParseResult:
    """Read every header/title/abstract triple; a header with no title line is reported and skipped."""
    return ParseResult.collect(NAME, path, iter_parse(text.split("\n"), path, as_of))


_HEADER_MAX = 64  # headers are short; longer lines are not tried against the pattern
_CHROME = frozenset({"Related papers"})  # the feed's heading, wherever a copy puts it


def iter_parse(lines: Iterable[str], path: str, as_of: date) -> Iterator[ParseEvent]:
    """Yield each record when the next header (or the end) is reached.

    Names seen as later authors so far settle ambiguous title/author splits.
    """
    known: set[str] = set()
    start = 0
    header: re.Match[str] | None = None
    body: list[tuple[int, str]] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line in _CHROME:
            continue
        match = HEADER.match(line) if len(line) < _HEADER_MAX else None
        if match is None:
            if header is not None:
                body.append((number, line))
            continue
        if header is not None:
            yield _record(start, header, body, known, as_of, path)
        start, header, body = number, match, []
    if header is not None:
        if len(body) == 1:
            yield ParseIssue(path, body[0][0], "last record has no abstract (dump cut off?)")
        yield _record(start, header, body, known, as_of, path)


def _record(
    start: int, header: re.Match[str], body: list[tuple[int, str]], known: set[str], as_of: date, path: str
) -> Work | ParseIssue:
    if not body:
        return ParseIssue(path, start, "feed header with no title line; record skipped")
    known.update(_later_authors(body[0][1]))
    return _work(header, body, known, as_of, Source(NAME, path, start))


def _work(
    header: re.Match[str], body: list[tuple[int, str]], known: set[str], as_of: date, source: Source
) -> Work:
    month = month_number(header["mon"]) or 1
    day = int(header["day"])
    year = int(header["year"]) if header["year"] else year_for(month, day, as_of)
    title, authors, truncated, affiliations = split_title_authors(body[0][1], known)
    abstract = " ".join(text for _, text in body[1:]) or None
    return Work(
        title=title,
        authors=tuple(authors),
        authors_truncated=truncated,
        year=year,
        date=iso(year, month, day) or str(year),
        abstract=abstract,
        categories=(header["cat"],) if header["cat"] else (),
        affiliations=tuple(affiliations),
        score=float(header["score"]) if header["score"] else None,
        has_code=bool(header["code"]),
        sources=(source,),
    )


def _later_authors(line: str) -> set[str]:
    """Keys of the second and later authors of a title/author line: clean names that can settle splits."""
    people = _strip_et_al(line.rsplit(" · ", 1)[0])[0].split(",")[1:]
    return {name_key(p.strip()) for p in people if looks_like_name(p.strip())}


def _strip_et_al(line: str) -> tuple[str, bool]:
    """The line without a trailing `et al.`, and whether it had one (only the tail is searched)."""
    tail_start = max(0, len(line) - 16)
    m = _ET_AL.search(line, tail_start)
    return (line[: m.start()].strip(), True) if m else (line.strip(), False)


def split_title_authors(line: str, known: set[str] | None = None) -> tuple[str, list[str], bool, list[str]]:
    """Split `TitleFirst Author, Second Author et al. · aff1, aff2` into title, authors, truncated, affiliations.

    The first author is glued to the end of the title. The split point is an upper-case letter that follows
    a letter, digit or closing punctuation with no space, such that what follows reads as a name whose first
    token has no inner capitals (`ConvNets|Hao Chen`, `LLMs|Chi Xu`, `CLIP|Qi Qian`). Names seen elsewhere in
    the feed win ties.
    """
    affiliations: list[str] = []
    if " · " in line:
        line, tail = line.rsplit(" · ", 1)
        affiliations = [a.strip() for a in tail.split(",") if a.strip()]
    line, truncated = _strip_et_al(line)
    parts = line.split(",")
    # The trailing comma-separated parts that read as whole names are the later authors.
    cut = len(parts)
    while cut > 1 and looks_like_name(parts[cut - 1].strip()):
        cut -= 1
    later = [p.strip() for p in parts[cut:]]
    glued = ",".join(parts[:cut]).strip()
    split = _split_glued(glued, known or set())
    if split is None:
        if later or truncated:
            tokens = glued.split()
            if len(tokens) > 2 and looks_like_name(" ".join(tokens[-2:])):
                return " ".join(tokens[:-2]), [" ".join(tokens[-2:]), *later], truncated, affiliations
        return glued, later, truncated, affiliations
    title, first = split
    return title, [first, *later], truncated, affiliations


def _split_glued(text: str, known: set[str]) -> tuple[str, str] | None:
    """Find where the first author's name starts inside `text`; return (title, name) or None."""
    tokens = text.split(" ")
    candidates: list[tuple[tuple[int, int, int], str, str]] = []
    for idx in range(len(tokens) - 1, max(-1, len(tokens) - 6), -1):
        token = tokens[idx]
        if token[1:].islower():
            continue  # no upper-case letter after the first: no name can start inside this token
        rest = tokens[idx + 1:]
        for pos in range(1, len(token)):
            ch, before = token[pos], token[pos - 1]
            if not (ch.isupper() and (before.isalnum() or before in _GLUE_BEFORE)):
                continue
            name_tokens = [token[pos:], *rest]
            if not is_given_name(name_tokens[0]):
                continue
            name = " ".join(name_tokens)
            if len(name_tokens) == 1:
                plausible = 0
            else:
                plausible = 1 if looks_like_name(name) else 0
                if not plausible and not all(is_surname(t) or is_given_name(t) for t in name_tokens[1:]):
                    continue
            title = " ".join([*tokens[:idx], token[:pos]]).strip()
            rank = (1 if name_key(name) in known else 0, plausible, idx)
            candidates.append((rank, title, name))
    if not candidates:
        return None
    _, title, name = max(candidates, key=lambda c: c[0])
    return title, name

