"""PubMed search results (summary view): numbered entries, each closed by its `PMID:` line.

    1
    Cite
    Share
    A programmable dual-RNA-guided DNA endonuclease in adaptive bacterial immunity.
    Jinek M, Chylinski K, Fonfara I, Hauer M, Doudna JA, Charpentier E.
    Science. 2012 Aug 17;337(6096):816-21. doi: 10.1126/science.1225829. Epub 2012 Jun 28.
    PMID: 22745249 Free PMC article.
    Clustered regularly interspaced short palindromic repeats (CRISPR)/CRISPR-associated (Cas) systems …

An entry is read back from its `PMID:` line: the citation line above it (journal, print date, volume, pages,
`doi:`), the authors above that (family name then initials, kept as printed), and the title (its closing
full stop dropped). `Review.` sets the type. The abstract snippet after the PMID is a cut excerpt and is not
kept; neither are the `Cite`/`Share` buttons and the result numbers.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)
from scholarcli.layouts.base import Boundaries, strip_numbering, walk
from scholarcli.model import ParseEvent, ParseIssue, ParseResult, Source, Work
from scholarcli.normalise.dates import MONTH_PATTERN, iso, month_number
from scholarcli.normalise.identifiers import find_doi
from scholarcli.normalise.names import split_author_list

NAME = "pubmed"
SUMMARY = "PubMed search results: title. / `Jinek M, Doudna JA.` / `Science. 2012 Aug 17;337:816-21.` / `PMID: …`"

#: A score just under the detection threshold: evidence, but not enough on its own.
DETECT_BELOW = 0.45
_PMID = re.compile(r"(?:^|\s)PMID:\s*(?P<pmid>\d{1,9})\b(?P<tail>.*)$")
_CITATION = re.compile(
    rf"^(?P<journal>[^.;]+(?:\.[^.;\d][^.;]*)*?)\.\s+(?P<year>(?:1[89]|20)\d\d)"
    rf"(?:\s+(?P<month>{MONTH_PATTERN})(?:-[A-Z][a-z]{{2}})?(?:\s+(?P<day>\d{{1,2}}))?)?(?:\s+[A-Z][a-z]+)?[;:.]"
)
#: `Doudna JA`, `Türeci Ö`, `Frenck RW Jr`: a family name, then up to four capital initials (any script).
_PUBMED_NAME = re.compile(r"^[^\d,]+ (?:(?![a-z])[^\W\d_]){1,4}(?: (?:Jr|Sr|2nd|3rd|I{2,3}|IV))?$")
_CHROME = frozenset({"cite", "share", "item in clipboard", "free pmc article.", "free article.", "similar articles"})
_ANY_YEAR = re.compile(r"\b(?P<year>(?:1[89]|20)\d\d)(?P<month>)(?P<day>)\b")
_DATED = re.compile(rf"\b(?P<year>(?:1[89]|20)\d\d) (?P<month>{MONTH_PATTERN})(?: (?P<day>\d{{1,2}}))?\b")
_NO_AUTHORS = re.compile(r"^\[?No authors listed\]?\.?$", re.IGNORECASE)
_NUMBER = re.compile(r"^\d{1,5}\.?$")
#: A group author closing a list of people: `ENSEMBLE Study Group`, `GBD 2019 Collaborators`.
_GROUP = re.compile(r"\b(?:Group|Collaborat\w*|Consortium|Investigators|Team|Committee|Network|Study)\b", re.I)
#: A link on a line of its own between the citation and the PMID (Europe PMC prints the DOI so).
_LINK = re.compile(r"^(?:https?://|doi:\s*)\S+$", re.IGNORECASE)
_FLAGS = re.compile(r"\b(?P<flag>Systematic Review|Review|Meta-Analysis|Clinical Trial|Randomized Controlled Trial)\.")


@dataclass
class _Entry:
    start: int
    title: str
    authors: str | None
    citation: str
    pmid: str | None
    flags: list[str] = field(default_factory=list)


def sniff(text: str) -> float:
    """High with `PMID: 123` lines under journal citation lines."""
    lines = [ln.strip() for ln in text.split("\n")[:5000] if ln.strip()]
    at = [i for i, ln in enumerate(lines) if _PMID.search(ln)]
    pmids = len(at)
    if not pmids:
        return 0.0
    citations = sum(1 for ln in lines if _CITATION.match(ln))
    # the buttons of an entry, above its PMID line (another site's `Cite` buttons after a list are not PubMed's)
    chrome = sum(1 for i, ln in enumerate(lines) if ln in ("Cite", "Share") and _pmid_within(at, i, _ENTRY_LINES))
    score = min(1.0, 0.3 + 0.1 * pmids + 0.1 * citations + 0.05 * chrome)
    shaped = sum(1 for i, ln in enumerate(lines) if "PMID:" in ln and _shaped(lines, i))
    if not chrome and (pmids < 2 or shaped < 2):
        # One `PMID:` tail in a CV's reference list, or PMIDs at the end of whole references
        # (`• Jinek M, … Science. 2012;337:816-21. PMID: 22745249.`), is not a results page: leave it to the
        # citation list.
        return min(score, DETECT_BELOW)
    return score


#: The most lines an entry takes from its buttons to its PMID line (buttons, title, authors, citation, link, group).
_ENTRY_LINES = 8


def _pmid_within(at: list[int], line: int, lines: int) -> bool:
    """Whether a PMID line (their indices, ascending, in `at`) follows `line` within `lines` lines."""
    i = bisect_right(at, line)
    return i < len(at) and at[i] - line <= lines


def _journal_first(line: str) -> bool:
    """A PubMed citation line opens with the journal (`Science. 2013 Feb 15;…`, abbreviated without full stops),
    not with a whole reference nor with a title's wrapped end (`… immunity. Science. 2012;337:816-21.`)."""
    m = _CITATION.match(line)
    return m is not None and len(m["journal"]) <= 80 and "," not in m["journal"] and ". " not in m["journal"]


def _shaped(lines: Sequence[str], at: int) -> bool:
    """Whether the `PMID:` in lines[at] closes an entry as PubMed prints it: on the journal-first citation line, or
    on a line of its own under one (or under Europe PMC's `Immunity, 01 Aug 2005, 23(2):165-175`, perhaps with a
    link between), with the authors' line above (no list marker, as a CV's `2. Knott GJ, Doudna JA. …` has); not
    under a wrapped reference of a CV's list (`endonuclease Cas9. Nature. 2014;…`, `2013;2:e00471.`)."""
    line = lines[at]
    if line.startswith("PMID:"):
        at -= 1
        while at > 0 and _LINK.match(lines[at]):
            at -= 1
        if at < 0:
            return False
        line = lines[at]
        shaped = _journal_first(line) or (line[:1].isupper() and not _CITATION.match(line))
    else:
        shaped = _journal_first(line)
    return shaped and not (at and _LIST_MARKER.match(lines[at - 1]))


#: A reference list's marker (`2.`, `[2]`, `•`): PubMed prints no line of an entry with one but the title.
_LIST_MARKER = re.compile(r"^(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)]|[•·▪◦‣●■○►*–—-])\s")


def is_pubmed_author_list(line: str) -> bool:
    """`Jinek M, Chylinski K, Doudna JA.`: family names then initials, ended by a full stop; a collective author
    may stand before or after the people, split by `; ` (`RECOVERY Collaborative Group; Horby P, …`)."""
    parts = [part for part in line.rstrip(".").split(";") if part.strip()]
    people = [part for part in parts if not _GROUP.search(part)] if len(parts) > 1 else parts
    if len(people) != 1:
        return False
    names, _ = split_author_list(people[0])
    if len(parts) == 1 and len(names) >= 2 and _GROUP.search(names[-1]):
        names = names[:-1]  # `…, Gruber WC, C4591001 Clinical Trial Group.` as Europe PMC prints the group
    return bool(names) and all(_PUBMED_NAME.match(n) for n in names)


def _author_names(line: str) -> tuple[tuple[str, ...], bool]:
    """The authors of an author line: each `; `-separated part (a collective author, the people) split alone."""
    names: list[str] = []
    truncated = False
    for part in line.rstrip(".").split(";"):
        found, cut = split_author_list(part.strip())
        names.extend(found)
        truncated = truncated or cut
    return tuple(names), truncated


#: Lines of the results page's top chrome (above the first entry), claimed with it.
_TOP = frozenset({"search results", "save", "email", "send to", "display options", "items per page", "filters",
                  "pubmed", "europe pmc", "sort by", "best match", "most recent", "publication date", "first author",
                  "journal", "clear all", "page"})
#: The pager copies as `Page` / `1` / `of 3` (its number is an input box).
_TOP_LINE = re.compile(
    r"^(?:Sort(?:ed)? by:.*|\d[\d,]* results?(?: for .*)?|Page \d+ of \d+|of \d[\d,]*|Filters applied:.*|\d{1,3})$"
)

_QUERY = re.compile(r"\[[A-Za-z /]{2,40}\]|\s(?:AND|OR|NOT)\s")


def _anchor(line: str) -> bool:
    return "PMID:" in line and _PMID.search(line) is not None


def _lead(before: Sequence[str], anchor: str) -> int:
    """The first entry above its PMID line (citation, authors, title), its number and buttons, and the
    results page's chrome above them."""
    lead = 0
    if anchor.startswith("PMID:"):  # the citation is on a line of its own, perhaps with a link under it
        while lead + 1 < len(before) and _LINK.match(before[-lead - 1]):
            lead += 1
        if len(before) <= lead or not (_CITATION.match(before[-lead - 1]) or _ANY_YEAR.search(before[-lead - 1])):
            return 0
        lead += 1
    rest = len(before) - lead
    if rest >= 2 and (is_pubmed_author_list(before[-lead - 1]) or _NO_AUTHORS.match(before[-lead - 1])):
        lead += 2  # authors and title
    elif rest >= 3 and _chrome(before[-lead - 3]):
        lead += 2  # a group as the author (`GBD 2019 … Collaborators.`) under a title, under the buttons
    elif rest >= 1:
        lead += 1  # the title alone
    else:
        return 0
    # One bare number is the entry's result number, unless its title carries it (`1. Multiplex …`); another,
    # or one above the page's header, is the previous page's (a table cell on its own line), not ours.
    numbered = bool(lead) and re.match(r"\d{1,5}\.\s", before[-lead]) is not None
    header = False
    while lead < len(before) and _chrome(line := before[-lead - 1]):
        above = before[-lead - 2].casefold() if lead + 2 <= len(before) else ""
        if _NUMBER.match(line) and above not in ("items per page", "page"):  # `Items per page` / `20`: the header's
            if header or numbered:
                break
            numbered = True
        header = header or (not _NUMBER.match(line) and line.casefold() not in _CHROME)
        lead += 1
    if lead < len(before) and before[-lead] == "Search results" and _query(before[-lead - 1]):
        lead += 1  # the query in the search box
    return lead


def _query(line: str) -> bool:
    """A PubMed query: a field tag (`Ioannidis JP[Author]`) or a Boolean operator (`gene editing OR burden`)."""
    return len(line) < 200 and _QUERY.search(line) is not None


def _chrome(line: str) -> bool:
    low = line.casefold()
    return low in _CHROME or low in _TOP or _NUMBER.match(line) is not None or _TOP_LINE.match(line) is not None


#: A results page's entries each end at their `PMID:` line; the entry above the first one opens the page.
BOUNDARIES = Boundaries(anchor=_anchor, lead=_lead)


def parse(text: str, path: str, as_of: date) -> ParseResult:
    """Read every entry of the results page."""
    return ParseResult.collect(NAME, path, iter_parse(text.split("\n"), path, as_of))


def iter_parse(lines: Iterable[str], path: str, as_of: date) -> Iterator[ParseEvent]:
    """Yield each entry once its `PMID:` line is read and the flags after it (`Review.`) are known.

    Lines between two entries are the previous entry's snippet, or page chrome; the next entry takes the
    last three of them (title, authors, citation) back from its PMID line.
    """
    pending: list[tuple[int, str]] = []
    entry: _Entry | None = None
    for line in walk(lines):
        text = line.text
        if text.casefold() in _CHROME or _NUMBER.match(text):
            if text.casefold() in ("free pmc article.", "free article.") and entry is not None and not pending:
                continue
            if orphans := list(_orphans(pending, path)):  # an entry above lost its PMID line
                if entry is not None:
                    yield _work(entry, path)
                    entry = None
                yield from orphans
            pending = []  # a new entry's buttons: what came before was a snippet
            continue
        found = _PMID.search(text) if "PMID:" in text else None
        if found is None:
            if entry is not None and not pending and len(text) < 40 and _FLAGS.fullmatch(text):
                entry.flags.append(text)
                continue
            pending.append((line.number, text))
            continue
        if entry is not None:
            yield _work(entry, path)
            entry = None
        head = text[:found.start()].strip()
        if head:  # the citation and the PMID on one line
            pending.append((line.number, head))
        made = _entry(pending, found["pmid"], line.number, path)
        yield from _orphans(pending, path)  # what is left above the entry: a snippet, or entries without a PMID
        pending = []
        if isinstance(made, ParseIssue):
            yield made
            continue
        if not made.citation:
            yield ParseIssue(path, line.number, f"PMID {made.pmid} has no citation line above it; kept without one")
        entry = made
        entry.flags.append(found["tail"])
    if entry is not None:
        yield _work(entry, path)
    yield from _orphans(pending, path)


def _orphans(lines: list[tuple[int, str]], path: str) -> Iterator[ParseEvent]:
    """Entries among left-over lines (a snippet, chrome) that lost their PMID line: a citation line under a
    title (and authors). They are kept, with a warning."""
    for j, (_, text) in enumerate(lines):
        if j == 0 or not _CITATION.match(text):
            continue
        before = lines[:j]
        authors: str | None = None
        if len(before) >= 2 and is_pubmed_author_list(before[-1][1]):
            authors = before.pop()[1]
        start, title = before[-1]
        yield ParseIssue(path, start, f"entry {title!r} has no PMID line; kept without one")
        yield _work(_Entry(start, strip_numbering(title), authors, text, None), path)


def _entry(pending: list[tuple[int, str]], pmid: str, number: int, path: str) -> _Entry | ParseIssue:
    """Title, authors and citation, read back from the lines before a PMID.

    A citation line in another form (a book chapter's `In: … editors. GeneReviews® [Internet]. …; 1993.`) is
    still a citation when it names a year.
    """
    if not pending:
        return ParseIssue(path, number, f"PMID {pmid} has no title above it; skipped")
    links: list[str] = []
    while len(pending) > 1 and _LINK.match(pending[-1][1]):  # `https://doi.org/10.…` on a line of its own
        links.insert(0, pending.pop()[1])
    if _CITATION.match(pending[-1][1]) or _ANY_YEAR.search(pending[-1][1]):
        citation = " ".join([pending.pop()[1], *links])
    elif len(pending) >= 2 and is_pubmed_author_list(pending[-1][1]):
        citation = ""  # the copy lost the citation line: title and authors are still there
    else:
        return ParseIssue(path, number, f"PMID {pmid} has no citation line above it; skipped")
    authors: str | None = None
    last = pending[-1][1] if pending else ""
    # A line that is not `Family AB, …` is still the authors when a title stands alone above it (a group).
    if pending and (is_pubmed_author_list(last) or _NO_AUTHORS.match(last) or len(pending) == 2):
        authors = pending.pop()[1]
        if _NO_AUTHORS.match(authors):
            authors = None
    if not pending:
        return ParseIssue(path, number, f"PMID {pmid} has no title above it; skipped")
    start, title = pending.pop()
    return _Entry(start, strip_numbering(title), authors, citation, pmid)


def _work(entry: _Entry, path: str) -> Work:
    m = _CITATION.match(entry.citation)
    if m is None:  # a book chapter: the first dated year (`1998 Oct 23`), else the first year
        m = _DATED.search(entry.citation) or _ANY_YEAR.search(entry.citation)
        journal = None
    else:
        journal = m["journal"].strip()
    year = int(m["year"]) if m else None
    month = month_number(m["month"]) if m and m["month"] else None
    day = int(m["day"]) if m and m["day"] and month else None
    doi_at = max(entry.citation.find("doi:"), entry.citation.find("doi.org/"))
    doi = find_doi(entry.citation[doi_at:]) if doi_at >= 0 else None
    title = entry.title[:-1] if entry.title.endswith(".") and not entry.title.endswith("..") else entry.title
    if title.startswith("[") and title.endswith("]") and "[" not in title[1:]:
        title = title[1:-1]  # PubMed prints a title translated into English in brackets: `[CRISPR: a new era?].`
    names, truncated = _author_names(entry.authors) if entry.authors else ((), False)
    flags = [f["flag"].casefold() for text in entry.flags for f in _FLAGS.finditer(text)]
    return Work(
        title=title,
        authors=names,
        authors_truncated=truncated,
        year=year,
        date=(iso(year, month, day) or iso(year)) if year else None,
        doi=doi,
        pmid=entry.pmid,
        venue=journal,
        type=flags[0].replace(" ", "-") if flags else None,
        sources=(Source(NAME, path, entry.start),),
    )
