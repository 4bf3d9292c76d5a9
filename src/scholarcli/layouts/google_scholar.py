"""Google Scholar profile: a header about the person, then the `TITLE  CITED BY  YEAR` table of works.

    Jennifer Doudna
    Professor of Chemistry, UC Berkeley
    Verified email at berkeley.edu - Homepage
    CRISPR  Structural biology
    Follow
    Cited by	VIEW ALL
    All	Since 2020
    Citations	285211	160334
    h-index	190	143
    …
    Co-authors	VIEW ALL
    Martin Jinek
    University of Zurich
    TITLE	CITED BY	YEAR
    A programmable dual-RNA–guided DNA endonuclease in adaptive bacterial immunity
    M Jinek, K Chylinski, I Fonfara, M Hauer, JA Doudna, E Charpentier
    science 337 (6096), 816-821	18000	2012

Each work is a title, the authors as initials (a trailing `...` means the list is cut) and the venue, then
the citation count and the year as table cells. Browsers copy the cells after a TAB, after a space, or each
on a line of its own; an empty cell may be missing. The header figures and co-authors are profile data.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)
from scholarcli.layouts.base import Boundaries, Line, walk
from scholarcli.model import ParseEvent, ParseIssue, ParseResult, Profile, Source, Work
from scholarcli.normalise.names import looks_like_person, split_author_list

NAME = "google-scholar"
SUMMARY = "Google Scholar profile: header figures, then title / `M Jinek, JA Doudna` / venue TAB cites TAB year"

_TABLE_HEAD = re.compile(r"^TITLE\s+CITED BY\s+YEAR$", re.IGNORECASE)
_HEAD_CELLS = ("TITLE", "CITED BY", "YEAR")
_FOOTER = frozenset({"show more", "help privacy terms", "help", "privacy", "terms"})
#: The sidebar headings, when a copy puts the sidebar under the table: nothing after them is a work.
_SIDEBAR = re.compile(r"^(?:Co-authors|Cited by|Public access)(?:\s+VIEW ALL)?$", re.IGNORECASE)
#: The page footer under the table: nothing after it is a work.
_END = re.compile(r"^(?:Help\s+Privacy\s+Terms|Dates and citation counts are estimated\b.*|Provide feedback)$", re.I)
_CHROME = frozenset({"get my own profile", "follow", "google scholar", "sign in", "my profile", "view all",
                     "skip to main content", "skip to content"})
_ARTICLES = re.compile(r"^Articles\s+\d+\s*[–-]\s*\d+$", re.IGNORECASE)
_VERIFIED = re.compile(r"^(?:Verified email at \S+|No verified email)", re.IGNORECASE)
_FIGURE = re.compile(r"^(?P<what>Citations|h-index|i10-index)(?:\s+(?P<all>\d[\d,]*))?(?:\s+(?P<since>\d[\d,]*))?$")
_SINCE = re.compile(r"\bSince (?P<year>(?:19|20)\d\d)\b")
_CITES = re.compile(r"^(?P<n>\d[\d,]*)\s?\*?$")
_NUMBER = re.compile(r"^\d[\d,]*$")
_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d$")  # Scholar lists works back to the 1500s (`1898`, `1687`)
_INITIAL_NAME = re.compile(r"^[A-Z][A-Z'\-]{0,3}\s+(?:[a-z]{1,4}\s+)*[A-ZÀ-Þ][^\s,]*(?:\s+[A-ZÀ-Þa-z][^\s,]*){0,3}$")
_ROW_CELLS = re.compile(r"\t(?:\d[\d,]*\s?\*?)?\t(?:1[5-9]|20)\d\d$")
_CUT = frozenset({"...", "…"})


def sniff(text: str) -> float:
    """High with the `TITLE CITED BY YEAR` table head or the h-index/i10-index figures and initials rows."""
    lines = [ln.strip() for ln in text.split("\n")[:5000] if ln.strip()]
    head = any(_TABLE_HEAD.match(" ".join(ln.split())) for ln in lines) or _own_line_head(lines)
    figures = sum(1 for ln in lines if _FIGURE.match(" ".join(ln.split())) and ln.split()[0] != "Citations")
    verified = any(_VERIFIED.match(ln) for ln in lines)
    rows = sum(1 for ln in lines if is_initials_author_list(ln.split("\t")[0]))
    cells = sum(1 for ln in lines if _ROW_CELLS.search(ln))
    score = 0.6 * head + 0.15 * min(figures, 2) + 0.2 * verified + min(0.4, 0.08 * rows) + min(0.3, 0.1 * cells)
    return min(1.0, score) if head or figures or rows >= 3 else 0.0


def _own_line_head(lines: list[str]) -> bool:
    return any(tuple(x.upper() for x in lines[i:i + 3]) == _HEAD_CELLS for i in range(len(lines)))


def is_initials_author_list(line: str) -> bool:
    """`M Jinek, K Chylinski, JA Doudna, ...`: Google Scholar's authors, each initials then a family name."""
    items = [item.strip() for item in line.split(",")]
    if items and items[-1] in _CUT:
        items = items[:-1]
    return bool(items) and all(_INITIAL_NAME.match(item) for item in items)


def parse(text: str, path: str, as_of: date) -> ParseResult:
    """Read the profile header and every row of the works table."""
    return ParseResult.collect(NAME, path, iter_parse(text.split("\n"), path, as_of))


def _anchor(line: str) -> bool:
    if "\t" in line:
        return _ROW_CELLS.search(line) is not None or _TABLE_HEAD.match(" ".join(line.split())) is not None
    return (line[:1] in "VNT" and (_VERIFIED.match(line) is not None or _TABLE_HEAD.match(line) is not None)) or (
        line == "CITED BY")


def _lead(before: Sequence[str], anchor: str) -> int:
    """The name and affiliation above `Verified email at …`; the whole header above the table head when it has
    a verified-email line; the title and authors above a first row's cells."""
    if _VERIFIED.match(anchor):
        lead = min(2, len(before))
    elif "\t" in anchor and _ROW_CELLS.search(anchor):
        lead = min(len(before), 2 if before and is_initials_author_list(before[-1]) else 1)
    else:  # the table head
        at = next((i for i in range(len(before) - 1, -1, -1) if _VERIFIED.match(before[i])), None)
        if at is None:
            at = _header_top(before)
            if at is None:
                return 1 if anchor == "CITED BY" and before and before[-1] == "TITLE" else 0
            lead = len(before) - at
        else:
            lead = len(before) - max(0, at - 2)
    while lead < len(before) and before[-lead - 1].casefold() in _CHROME:
        lead += 1
    return lead


#: How far above the table head a header's `Follow` button may stand (figures, a chart's axis, co-authors), and
#: how many lines above `Follow` its name may stand (an affiliation and a few lines of interests between).
_HEADER_LINES = 80
_NAME_ABOVE = 8
#: A post or an institution: the affiliation line under a person's name.
_POST = re.compile(r"\b(?:Professor|Lecturer|Scientist|Researcher|Student|Fellow|Engineer|Director|Postdoc|Universit"
                   r"|Institut|College|School|Hospital|Laborator|Lab\b|Cent(?:er|re))", re.IGNORECASE)
_CELL_OR_YEAR = re.compile(r"^\d[\d,]*$|\b(?:1[5-9]|20)\d\d\b")
_FOLLOW = re.compile(r"^(?:Follow|Cited by(?:\s+VIEW ALL)?)$", re.IGNORECASE)


def _header_top(before: Sequence[str]) -> int | None:
    """Index in `before` where a header with no `Verified email` line starts: the person's name, looked for in
    the few lines above the `Follow` button (or `Cited by`) and below any line with a year or a bare number (the
    previous page's last row). The nearest name over a post (`Professor of …, Duke University`), else the nearest
    name over a line that is no name; else the button. A line of interests in title case (`Coding Theory`) over
    the button passes for a name when the affiliation names no post: the header then starts there."""
    follow = next((i for i in range(len(before) - 1, max(-1, len(before) - _HEADER_LINES - 1), -1)
                   if before[i][:1] in "FfCc" and _FOLLOW.match(before[i])), None)
    while follow is not None and follow > 0 and _FOLLOW.match(before[follow - 1]):
        follow -= 1  # `Follow` over `Cited by`
    if follow is None:
        return None
    top = max(0, follow - _NAME_ABOVE)
    for i in range(follow - 1, top - 1, -1):
        if _CELL_OR_YEAR.search(before[i]):
            top = i + 1  # the previous page's last row (its cells, its venue and year): no header line
            break
    names = [i for i in range(follow - 1, top - 1, -1)
             if _is_name(before[i]) and (i + 1 == follow or not _is_name(before[i + 1]))]
    over_post = [i for i in names if i + 1 < follow and _POST.search(before[i + 1])]
    return (over_post or names or [follow])[0]


def _is_name(line: str) -> bool:
    """A name alone on its line: not an affiliation (`Sorbonne Université`), nor a line of interests set apart by
    runs of spaces (`Wavelets  Signal Processing`)."""
    return "  " not in line and "\t" not in line and looks_like_person(line)


def _table_head(line: str) -> bool:
    """`TITLE  CITED BY  YEAR` (or its middle cell on a line of its own): once per page."""
    return line == "CITED BY" or (line[:1] in "Tt" and _TABLE_HEAD.match(" ".join(line.split())) is not None)


#: A profile opens with the name and affiliation above `Verified email at …` (or above `Follow` when the copy has
#: no such line); rows end with TAB-separated cells; the table head is the page's once.
BOUNDARIES = Boundaries(anchor=_anchor, lead=_lead, page=_table_head)


def iter_parse(lines: Iterable[str], path: str, as_of: date) -> Iterator[ParseEvent]:
    """Yield each page's profile once its works table starts, then each work as the next one begins.

    Without a table head (a copy of the rows only) the works start at the first title over an authors line.
    A second profile in the same input (its name two lines above `Verified email at …`) is read on its own.
    """
    for index, page in enumerate(_pages(walk(lines))):
        yield from _page(page, path, as_of, index == 0)
        for _ in page:  # what the page's reader left (after the footer) belongs to it
            pass


def _pages(walked: Iterator[Line]) -> Iterator[Iterator[Line]]:
    """The lines of each profile page: a page ends two lines above a `Verified email` line that follows rows."""
    ahead: deque[Line] = deque()

    def fill() -> None:
        while len(ahead) < 3:
            nxt = next(walked, None)
            if nxt is None:
                return
            ahead.append(nxt)

    def page() -> Iterator[Line]:
        past_header = False
        while True:
            fill()
            if not ahead:
                return
            if past_header and len(ahead) == 3 and _is_verified(ahead[2].text):
                return
            line = ahead.popleft()
            past_header = past_header or _is_verified(line.text) or "\t" in line.text or (
                is_initials_author_list(line.text))
            yield line
            if past_header and _is_end(line.text):
                return  # the page's footer: rows after it are another copy's

    while True:
        fill()
        if not ahead:
            return
        yield page()


def _page(walked: Iterator[Line], path: str, as_of: date, first: bool) -> Iterator[ParseEvent]:
    """The profile and works of one page; after the first, a profile needs its `Verified email` line (the
    lines after a footer are not a person)."""
    header: list[Line] = []
    pending_head: list[Line] = []
    first_row: list[Line] = []
    headed = False  # whether the table head was read
    for line in walked:
        flat = " ".join(line.text.split())
        if _TABLE_HEAD.match(flat):
            headed = True
            break
        if flat.upper() in _HEAD_CELLS:  # the table head with each cell on a line of its own
            pending_head.append(line)
            if len(pending_head) == 3:
                headed = True
                break
            continue
        header.extend(pending_head)
        pending_head = []
        header.append(line)
    else:
        # No table head: the rows start at the first title over an authors line, if any.
        for i in range(1, len(header)):
            if is_initials_author_list(header[i].text.split("\t")[0]) and not _is_chrome(header[i - 1].text):
                header, first_row = header[:i - 1], header[i - 1:]
                break
        else:
            header, first_row = header, []
    if headed and not any(_VERIFIED.match(x.text) for x in header) and (
            at := _header_top([x.text for x in header])) and any(
            is_initials_author_list(x.text.split("\t")[0]) for x in header[:at]):
        yield from _rows(iter(header[:at]), path, as_of)  # rows copied without their header, over this page's
        header = header[at:]
    profile = _profile(header, path) if first or any(_VERIFIED.match(x.text) for x in header) else None
    if profile is not None:
        yield profile
    yield from _rows(_chain(first_row, walked), path, as_of)


def _chain(first: list[Line], rest: Iterator[Line]) -> Iterator[Line]:
    yield from first
    yield from rest


def _is_chrome(text: str) -> bool:
    folded = text.casefold()
    return folded in _CHROME or folded in _FOOTER or (text[:1] in "Aa" and _ARTICLES.match(text) is not None)


# The first letters `_VERIFIED`, `_END` and `_SIDEBAR` can match (case-blind): lines are tested on every row, so
# most are turned away before a regex runs.
def _is_verified(text: str) -> bool:
    return text[:1] in "VvNn" and _VERIFIED.match(text) is not None


def _is_end(text: str) -> bool:
    return text[:1] in "HhDdPp" and _END.match(text) is not None


def _is_sidebar(text: str) -> bool:
    return text[:1] in "CcPp" and _SIDEBAR.match(text) is not None


def _rows(lines: Iterator[Line], path: str, as_of: date) -> Iterator[ParseEvent]:
    """Group the table's lines into rows: a row ends at its cells (a TAB) or where the next title starts."""
    row: list[Line] = []
    ahead = next(lines, None)
    while ahead is not None:
        line, ahead = ahead, next(lines, None)
        if _is_end(line.text) or _is_sidebar(line.text):
            break
        if _is_chrome(line.text):
            continue
        if row and _starts_row(row, line, ahead):
            yield _work(row, path, as_of)
            row = []
        row.append(line)
        if "\t" in line.text:
            yield _work(row, path, as_of)
            row = []
    if row:
        yield _work(row, path, as_of)


def _starts_row(row: list[Line], line: Line, ahead: Line | None) -> bool:
    """Whether `line` is the title of a new row rather than the venue or a cell of the current one."""
    if _is_cell(line.text):
        return False
    if any(_is_cell(x.text) for x in row):  # the row's cells, on lines of their own, are behind it
        return True
    if len(row) < 2:
        return False
    if ahead is not None and is_initials_author_list(ahead.text.split("\t")[0]):
        return True
    return len(row) >= 3


def _is_cell(text: str) -> bool:
    return text[:1].isdigit() and bool(_CITES.match(text))


def _work(row: list[Line], path: str, as_of: date) -> Work | ParseIssue:
    start = row[0].number
    texts: list[str] = []
    loose: list[str] = []
    for x in row:
        (loose if _is_cell(x.text) else texts).append(x.text)
    if not texts:
        return ParseIssue(path, start, f"figures {' '.join(loose)!r} without a title; skipped")
    last, cells = texts[-1], loose
    if "\t" in last:
        last, *cells = (cell.strip() for cell in last.split("\t"))
    elif not loose and len(texts) >= 2:
        last, cells = _trailing_cells(last)
    texts[-1] = last
    texts = [t for t in texts if t]
    citations, year = _read_cells(cells, as_of)
    title, rest = texts[0], texts[1:]
    authors: tuple[str, ...] = ()
    truncated = False
    if rest and (is_initials_author_list(rest[0]) or len(rest) >= 2):
        authors, truncated = split_author_list(rest.pop(0))
    venue = " ".join(rest) or None
    return Work(
        title=title,
        authors=authors,
        authors_truncated=truncated,
        year=year,
        date=str(year) if year else None,
        venue=venue,
        citations=citations,
        sources=(Source(NAME, path, start),),
    )


def _trailing_cells(text: str) -> tuple[str, list[str]]:
    """`science 337 (6096), 816-821 18000 2012` -> the venue and its cells, when a copy turned TABs to spaces.

    A number after a comma is the venue's page or year, not a cell.
    """
    tokens = text.split(" ")
    cells: list[str] = []
    if len(tokens) > 1 and _YEAR.match(tokens[-1]) and not tokens[-2].endswith(","):
        cells.insert(0, tokens.pop())
    if tokens and tokens[-1] == "*":
        tokens.pop()
        tokens[-1] += "*"
    if len(tokens) > 1 and _CITES.match(tokens[-1]) and not tokens[-2].endswith(","):
        cells.insert(0, tokens.pop())
    return " ".join(tokens), cells


def _read_cells(cells: list[str], as_of: date) -> tuple[int | None, int | None]:
    """(citations, year) from the cells after the venue; a lone cell is a year when it can be one."""
    cells = [c.strip() for c in cells]
    if len(cells) == 1:
        cell = cells[0]
        if _YEAR.match(cell) and 1900 <= int(cell) <= as_of.year + 1:  # `1650` alone is more likely a count
            return None, int(cell)
        cells = [cell, ""]
    cites, year = [*cells, "", ""][:2]
    m = _CITES.match(cites)
    return (int(m["n"].replace(",", "")) if m else None), (int(year) if _YEAR.match(year) else None)


def _profile(header: list[Line], path: str) -> Profile | None:
    texts = [x.text for x in header if not _is_chrome(x.text)]
    if not texts:
        return None
    name = texts[0]
    affiliation = texts[1] if len(texts) > 1 and not _VERIFIED.match(texts[1]) else None
    interests: list[str] = []
    verified_at = next((i for i, t in enumerate(texts) if _VERIFIED.match(t)), None)
    if verified_at is not None:
        for t in texts[verified_at + 1:]:
            if t.casefold().startswith("cited by") or t in ("Follow", "FOLLOW"):
                break
            interests.append(" ".join(t.split()))
    counts: dict[str, int] = {}
    since = next((m["year"] for t in texts if (m := _SINCE.search(t))), None)
    flat = [" ".join(t.split()) for t in texts]
    for i, t in enumerate(flat):
        if not (m := _FIGURE.match(t)) or i < 2:
            continue
        values = [m["all"], m["since"]]
        if values[0] is None:  # each cell on a line of its own
            values = [v if _NUMBER.match(v) else None for v in [*flat[i + 1:i + 3], "", ""][:2]]
        key = m["what"].casefold().replace("-", "_")
        if values[0] is not None:
            counts[key] = int(values[0].replace(",", ""))
        if values[1] is not None and since:
            counts[f"{key}_since_{since}"] = int(values[1].replace(",", ""))
    return Profile(
        name=name,
        path=path,
        description="; ".join(interests) or None,
        affiliation=affiliation,
        counts=counts,
    )
