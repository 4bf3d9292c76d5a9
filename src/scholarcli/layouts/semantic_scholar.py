"""Semantic Scholar author page: a header with the person's figures, then one block per paper.

    Jennifer A. Doudna
    University of California, Berkeley
    Publications
    1,024
    h-index
    187
    Citations
    201,541
    Sort by Citation Count
    A Programmable Dual-RNA–Guided DNA Endonuclease in Adaptive Bacterial Immunity
    Martin Jinek, Krzysztof Chylinski, +3 authors E. Charpentier
    Biology, Medicine
    Science · 2012
    TLDR A family of endonucleases that use dual-RNAs for site-specific DNA cleavage … Expand
    13,579 Citations
    PDF
    Save
    Cite

A paper is its title, its authors (`+3 authors` marks a cut list; the last author may follow it), optional
fields of study, the venue and date (`Science · 2012`, or a venue line then a bare year or date), then an
optional `TLDR` summary, the citation count and buttons. The TLDR is a machine summary, not the abstract,
and is not kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)
from scholarcli.layouts.base import Boundaries, Line, walk
from scholarcli.model import ParseEvent, ParseIssue, ParseResult, Profile, Source, Work
from scholarcli.normalise.dates import parse_date, year_of
from scholarcli.normalise.names import looks_like_name, looks_like_person, split_author_list

NAME = "semantic-scholar"
SUMMARY = "Semantic Scholar author page: title / authors (`+3 authors`) / `Venue · 2021` / TLDR / `1,234 Citations`"

_CITATIONS = re.compile(r"^(?P<n>\d[\d,]*)\s+Citations?$", re.IGNORECASE)
_VENUE_DATE = re.compile(r"^(?:(?P<venue>.+?)\s*·\s*)?(?P<date>[^·]+)$")
_HAS_YEAR = re.compile(r"\b\d{4}\b")
_BARE_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_TLDR = re.compile(r"^TLDR\b\s*(?P<text>.*)$")
_FIGURE_LABELS = {
    "publications": "publications",
    "h-index": "h_index",
    "citations": "citations",
    "highly influential citations": "highly_influential_citations",
}
_FIGURE_INLINE = re.compile(
    r"^(?:(?P<n1>\d[\d,]*)\s+(?P<l1>[A-Za-z][A-Za-z -]+)|(?P<l2>[A-Za-z][A-Za-z -]+?)\s+(?P<n2>\d[\d,]*))$"
)
_NUMBER = re.compile(r"^\d[\d,]*$")
_HEADER_END = re.compile(
    r"^(?:Sort by\b.*|Showing \d.*|Author'?s Papers|Papers|View All.*|Claim Author Page|Follow|Alert|"
    r"Most Influential Papers|Citation Count|Recency|Co-Authors|Co-Authors\s+View All|Has PDF|Date Range|"
    r"Fields of Study|Publication Type|Journals & Conferences|Author|Filters?)$",
    re.IGNORECASE,
)
_CHROME = frozenset(
    {"pdf", "save", "cite", "alert", "expand", "collapse", "semantic reader", "view pdf", "view via publisher",
     "share", "open access", "[pdf]", "save to library", "create alert", "load more", "show more"}
)
_PAPER_CHROME = re.compile(
    r"^(?:Corpus ID:.*|(?:\d[\d,]* )?Highly Influential(?: Citations?)?)$", re.IGNORECASE
)
_SITE_CHROME = re.compile(
    r"^(?:Semantic Scholar|Sign In|Create Free Account|Skip to (?:main )?content|Search(?: [\d,]+ papers.*)?|Menu)$",
    re.IGNORECASE,
)
_LIST_CHROME = frozenset({"load more", "show more", "open access"})
#: The pager and footer under the last paper (`1 2 3 Next`, `Stay Connected With Semantic Scholar`, `About`, `©`):
#: between papers they open no paper (a list pasted after the footer would have them as its first paper's lines).
_FOOTER = re.compile(
    r"^(?:\d{1,3}|next|previous|prev|first|last|stay connected with semantic scholar|about(?: us)?|contact(?: us)?|"
    r"terms of service|privacy policy|api|research|product|team|blog|faq|careers|resources|"
    r"©.*|.*\ball rights reserved\.?)$",
    re.IGNORECASE,
)
_CLOSING_CHROME = frozenset({"save", "cite", "alert", "save to library", "create alert"})
FIELDS_OF_STUDY = frozenset(
    {"computer science", "medicine", "biology", "chemistry", "physics", "mathematics", "engineering", "economics",
     "psychology", "political science", "business", "materials science", "environmental science", "geology",
     "geography", "sociology", "history", "philosophy", "art", "agricultural and food sciences", "education",
     "law", "linguistics"}
)


def sniff(text: str) -> float:
    """High with `1,234 Citations` lines, `Venue · 2021` lines and the `h-index` figure."""
    lines = [ln.strip() for ln in text.split("\n")[:5000] if ln.strip()]
    counts = sum(1 for ln in lines if _CITATIONS.match(ln))
    dated = sum(1 for ln in lines if "·" in ln and _date_line(ln) is not None)
    tldr = sum(1 for ln in lines if _TLDR.match(ln))
    figure = any(ln.casefold() in _FIGURE_LABELS or _inline_figure(ln) is not None for ln in lines[:200])
    cut = sum(1 for ln in lines if re.search(r"\+\d+ authors?\b", ln))
    if not (counts or dated or tldr):
        return 0.0
    return min(1.0, 0.1 * counts + 0.1 * dated + 0.1 * tldr + 0.1 * cut + 0.2 * figure)


def _date_line(text: str) -> tuple[str | None, str] | None:
    """(venue, ISO date) of `Science · 2012`, `2012`, `17 August 2012`, `Nature · 6 March 2014`."""
    m = _VENUE_DATE.match(text) if _HAS_YEAR.search(text) else None
    if not m:
        return None
    when = parse_date(m["date"].strip())
    if when is None:
        return None
    venue = m["venue"].strip() if m["venue"] else None
    return venue, when


def _is_paper_chrome(text: str) -> bool:
    """`Corpus ID: …`, `12 Highly Influential Citations`: tested on every line, so the first character first."""
    return (text[:1] in "CcHh" or text[:1].isdigit()) and _PAPER_CHROME.match(text) is not None


def _is_fields_of_study(text: str) -> bool:
    if "," not in text:
        return text.strip().casefold() in FIELDS_OF_STUDY
    return all(part.strip().casefold() in FIELDS_OF_STUDY for part in text.split(","))



def _publications(line: str) -> bool:
    """The header's first figure, once per page: `Publications`, `620 Publications`, `Publications 212`."""
    return "ublications" in line and (line.casefold() == "publications" or (
        (figure := _inline_figure(line)) is not None and figure[0] == "publications"))


def _anchor(line: str) -> bool:
    if line.endswith(("Citations", "Citation")):
        return _CITATIONS.match(line) is not None
    if "·" in line:
        return _date_line(line) is not None
    return line.startswith("TLDR") or _publications(line)


def _lead(before: Sequence[str], anchor: str) -> int:
    """The name (and affiliation) and site chrome above the `Publications` figure; a paper's title, authors and
    fields of study above its `Venue · date` line."""
    lead = 0
    if _publications(anchor):
        single = bool(before) and looks_like_person(before[-1])
        lead = min(len(before), 1 if single else 2)
        # the site's chrome above the name; a paper's buttons (`Save`, `Cite`) close the page before, not this one
        while lead < len(before) and (
            before[-lead - 1].casefold() in _LIST_CHROME or _SITE_CHROME.match(before[-lead - 1])
        ):
            lead += 1
    elif "·" in anchor:
        while lead < len(before) and _is_fields_of_study(before[-lead - 1]):
            lead += 1
        if lead < len(before) and _is_author_list(before[-lead - 1]):
            lead = min(len(before), lead + 2)
    elif anchor.startswith("TLDR") or _CITATIONS.match(anchor):
        # a list copied without its header: the paper above its TLDR or count, down from its date line (a bare
        # year when there is no venue: `Syntactic Structures` / `N. Chomsky` / `Linguistics` / `1957`)
        at = len(before)
        while at > 0 and (before[at - 1].casefold() in _CHROME or _PAPER_CHROME.match(before[at - 1])):
            at -= 1
        if not anchor.startswith("TLDR"):
            tldr = next((i for i in range(at - 1, max(-1, at - 4), -1) if _TLDR.match(before[i])), None)
            at = tldr if tldr is not None else at
        if at > 0 and (_BARE_YEAR.match(before[at - 1]) or ("·" in before[at - 1] and _date_line(before[at - 1]))):
            return len(before) - at + 1 + _lead(before[: at - 1], "·")
    return lead


#: An author page opens with the person's name above the `Publications` figure, once per page.
BOUNDARIES = Boundaries(anchor=_anchor, lead=_lead, page=_publications)


@dataclass
class _Paper:
    start: int
    lines: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)
    venue: str | None = None
    date: str | None = None
    citations: int | None = None
    closed: bool = False
    tldr_text_due: bool = False


def parse(text: str, path: str, as_of: date) -> ParseResult:
    """Read the author header and every paper block."""
    return ParseResult.collect(NAME, path, iter_parse(text.split("\n"), path, as_of))


def iter_parse(lines: Iterable[str], path: str, as_of: date) -> Iterator[ParseEvent]:
    """Yield the author's profile, then each paper as the next one starts.

    The header runs to its last figure, sort or filter line before the first dated paper. Only the lines up to
    that paper are held; the rest are read as they come.
    """
    rest = _joined_counts(walk(lines))
    walked: list[Line] = []  # the lines up to the first dated paper's date
    for line in rest:
        walked.append(line)
        if len(walked) > 2 and _date_line(line.text):
            break
    first_dated = len(walked) - 1 if len(walked) > 2 and _date_line(walked[-1].text) else len(walked)
    header_end = 0
    for i, x in enumerate(walked[:first_dated]):
        if _is_header_mark(walked, i) or x.text.casefold() in _CHROME:
            header_end = i + 1
    if header_end > max(0, first_dated - 2):  # a paper needs at least a title and authors over its date
        header_end = 0
    profile = _profile(walked[:header_end], path)
    if profile is not None:
        yield profile
    paper: _Paper | None = None
    for line in _chain(walked[header_end:], rest):
        text = line.text
        folded = text.casefold()
        if paper is not None and (folded in _CHROME or _is_paper_chrome(text) or _is_tldr_continuation(paper, text)):
            paper.closed = paper.closed or folded in _CLOSING_CHROME
            continue
        # (a count opens with a digit and a summary with `TLDR`: most lines are turned away before the regexes)
        if paper is not None and text[:1].isdigit() and (m := _CITATIONS.match(text)):
            paper.citations, paper.closed = int(m["n"].replace(",", "")), True
            continue
        if paper is not None and text.startswith("TLDR") and (m := _TLDR.match(text)) and paper.date is not None:
            paper.tldr_text_due = not m["text"]
            continue
        opens = paper is not None and not paper.closed and paper.date is None
        if paper is not None and opens and len(paper.lines) >= 2 and (dated := _date_line(text)) is not None:
            if (cut := _glued_at(paper.lines)) is not None:  # the paper before lost its date and count
                yield ParseIssue(path, paper.start, f"paper {paper.lines[0]!r} has no date or citation count; kept")
                yield from _work(_Paper(paper.start, paper.lines[:cut], paper.numbers[:cut], closed=True), path)
                paper = _Paper(paper.numbers[cut], paper.lines[cut:], paper.numbers[cut:])
            paper.venue, paper.date = dated
            continue
        if (paper is None or paper.closed) and _FOOTER.match(text):
            continue
        if paper is not None and not paper.closed and paper.date is None:
            paper.lines.append(text)
            paper.numbers.append(line.number)
            continue
        if paper is not None:
            yield from _work(paper, path)
        paper = _Paper(line.number, [text], [line.number])
    if paper is not None:
        yield from _work(paper, path)


def _glued_at(lines: list[str]) -> int | None:
    """Where a second paper starts in one undated block (title, authors, fields, venue at most per paper):
    the title over the last authors line, when the block is too long for one paper."""
    if sum(1 for ln in lines if not _is_fields_of_study(ln)) <= 3:
        return None
    for i in range(len(lines) - 1, 2, -1):
        if _is_author_list(lines[i]) and not _is_fields_of_study(lines[i - 1]):
            return i - 1
    return None


def _is_author_list(line: str) -> bool:
    """`Martin Jinek, M. Hauer, +3 authors E. Charpentier` or `L. Randall`, not a venue like `Physical Review
    Letters`: several names, a cut list, or one name with an initial."""
    names, truncated = split_author_list(line)
    if not names or not all(looks_like_name(n) for n in names):
        return False
    return len(names) >= 2 or truncated or "." in names[0]


def _joined_counts(walked: Iterable[Line]) -> Iterator[Line]:
    """`13,579` then `Citations` on the next line -> one `13,579 Citations` line."""
    last: Line | None = None  # the line read but not yet handed on
    before: Line | None = None  # the line handed on before it
    for line in walked:
        if last is not None and _NUMBER.match(last.text) and line.text.casefold() in ("citations", "citation") and (
            before is None or before.text.casefold() not in _FIGURE_LABELS
        ):
            last = Line(last.number, f"{last.text} {line.text}", last.gap)
            continue
        if last is not None:
            yield last
            before = last
        last = line
    if last is not None:
        yield last


def _chain(first: list[Line], rest: Iterator[Line]) -> Iterator[Line]:
    yield from first
    yield from rest


def _is_tldr_continuation(paper: _Paper, text: str) -> bool:
    if paper.tldr_text_due:
        paper.tldr_text_due = False
        return True
    return False


def _is_header_mark(walked: list[Line], i: int) -> bool:
    text = walked[i].text
    folded = " ".join(text.split()).casefold()
    if _HEADER_END.match(text) or folded in _FIGURE_LABELS:
        return True
    if _NUMBER.match(text) and i > 0 and " ".join(walked[i - 1].text.split()).casefold() in _FIGURE_LABELS:
        return True
    return _inline_figure(text) is not None


def _inline_figure(text: str) -> tuple[str, int] | None:
    """(count key, value) of `620 Publications` or `h-index 85`, else None."""
    m = _FIGURE_INLINE.match(" ".join(text.split()))
    if m is None:
        return None
    label = (m["l1"] or m["l2"]).strip().casefold()
    if label not in _FIGURE_LABELS:
        return None
    return _FIGURE_LABELS[label], int((m["n1"] or m["n2"]).replace(",", ""))


#: A paper block holds its title, authors and (over a bare date) a venue line: more lines are something else.
_BLOCK_LINES = 3


def _work(paper: _Paper, path: str) -> Iterator[Work | ParseIssue]:
    kept = [(n, ln) for n, ln in zip(paper.numbers, paper.lines, strict=True) if not _is_fields_of_study(ln)]
    kept = kept or list(zip(paper.numbers, paper.lines, strict=True))
    lines = [ln for _, ln in kept]
    if paper.date is None and paper.citations is None and not paper.closed:
        yield ParseIssue(path, paper.start, f"block {lines[0]!r} has no date or citation count; skipped")
        return
    start = paper.start
    if len(lines) > _BLOCK_LINES:
        # page text (or a paper that lost its date) above this one: the title sits over the last author list
        at = next((i for i in range(len(lines) - 1, 0, -1) if _is_author_list(lines[i])), None)
        if at is not None and at > 1:
            yield ParseIssue(path, kept[0][0], f"{at - 1} line(s) above paper {lines[at - 1]!r} are not part of it "
                             f"and were not read: {lines[0]!r}…")
            start, lines = kept[at - 1][0], lines[at - 1:]
        elif at is None:
            yield ParseIssue(path, kept[0][0], f"{len(lines)} lines read as one paper {lines[0]!r}: too many for "
                             "a title, authors and venue; check them")
    title, rest = lines[0], lines[1:]
    authors, truncated = split_author_list(rest.pop(0)) if rest else ((), False)
    venue = paper.venue or (" ".join(rest) or None)
    yield Work(
        title=title,
        authors=authors,
        authors_truncated=truncated,
        year=year_of(paper.date),
        date=paper.date,
        venue=venue,
        citations=paper.citations,
        sources=(Source(NAME, path, start),),
    )


def _profile(header: list[Line], path: str) -> Profile | None:
    texts = [" ".join(x.text.split()) for x in header]
    if not texts:
        return None
    counts: dict[str, int] = {}
    for i, t in enumerate(texts):
        label = t.casefold()
        if label in _FIGURE_LABELS and i + 1 < len(texts) and _NUMBER.match(texts[i + 1]):
            counts[_FIGURE_LABELS[label]] = int(texts[i + 1].replace(",", ""))
        elif (figure := _inline_figure(t)) is not None:
            counts[figure[0]] = figure[1]
    first_mark = next((i for i in range(len(texts)) if _is_header_mark(header, i)), len(texts))
    plain = [t for t in texts[:first_mark] if t.casefold() not in _CHROME and not _SITE_CHROME.match(t)]
    name = plain[0] if plain else None
    affiliation = plain[1] if len(plain) > 1 and not _NUMBER.match(plain[1]) else None
    return Profile(name=name, path=path, affiliation=affiliation, counts=counts)
