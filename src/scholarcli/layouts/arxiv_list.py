"""arXiv list pages (`/list/<cat>/new`, `/recent`, `/pastweek`), as copied from the browser.

    New submissions for Tue, 23 Jul 24
    [ total of 28 entries: 1-28 ]
    [1]  arXiv:2407.14741 [pdf, html, other]
    Title: Orthogonal Hyper-category Guided Multi-interest Elicitation for Micro-video Matching
    Authors: Beibei Li, Beihong Jin, Yisong Yu
    Comments: 6 pages, accepted by ICME 2024
    Subjects: Information Retrieval (cs.IR); Artificial Intelligence (cs.AI)

    Watching micro-videos is becoming a part of public daily life. ...

Sections hold new submissions, cross-lists (`(cross-list from cs.LG)`) and replacements (`(replaced)`,
no abstract); `recent` and `pastweek` pages group entries under day headings and show no abstracts.
The abstract is the unlabelled text after `Subjects:`. Copies often lose the `Authors:` line (the names
were links): the entry still comes out. The year is the identifier's: the listing date is when the page
announced the paper, not when it was written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)
from scholarcli.layouts.base import Boundaries, split_authors, strip_numbering, walk
from scholarcli.model import ParseEvent, ParseIssue, ParseResult, Source, Work
from scholarcli.normalise.identifiers import find_doi, match_arxiv_id
from scholarcli.normalise.names import looks_like_name
from scholarcli.normalise.vocab import SNIFF_LINES

NAME = "arxiv-list"
SUMMARY = "arXiv list page (/list/<cat>/new, recent, pastweek): `[1] arXiv:ID [pdf]`, Title:, Authors:, Subjects:"

_HEADER = re.compile(
    r"^arXiv:(?P<id>\S+?)(?:\s*\((?P<note>[^)]*)\))?(?:\s*\[[^\]]*\]?)?$"
)
_LABEL = re.compile(
    r"^(?P<key>Title|Authors|Comments|Journal-ref|Journal ref|Subjects|MSC-class|ACM-class|Report-no|DOI)\s*:\s*"
    r"(?P<value>.*)$"
)
_CATEGORY = re.compile(r"\((?P<code>[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]{2,}(?:-[a-z]{2,})?)?)\)\s*$")
_DAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{2,4}"
#: Lines that are page structure, never a field: section and day headings, counters, the footer.
_CHROME = re.compile(
    r"^(?:(?:New submissions|Cross-lists|Cross submissions|Replacements|Replacement submissions)\b.*"
    rf"|(?:Showing )?new listings for .*|{_DAY}(?:\s*\(.*\))?"
    r"|\[\s*(?:total of|showing)\b.*|Total of \d+ entries.*|Authors and titles for .*"
    r"|Which authors of this paper are endorsers\?.*|Disable MathJax.*|About|Help|Contact|Subscribe|Copyright"
    r"|Privacy Policy|Web Accessibility Assistance|arXiv Operational Status.*|Get status notifications.*"
    r"|contact arXiv|subscribe to arXiv mailings|Click here to contact arXiv|Skip to main content"
    r"|We gratefully acknowledge support from\b.*)$",
    re.IGNORECASE,
)
#: A line after the title or authors this long is the abstract of a copy that lost its `Subjects:` line.
_LONG = 300


def sniff(text: str) -> float:
    """High when entries are led by `[n] arXiv:ID` lines and carry `Title:` and `Subjects:` labels."""
    head = "\n".join(text.split("\n", SNIFF_LINES)[:SNIFF_LINES])
    headers = len(re.findall(r"(?m)^[ \t]*(?:\[\d{1,5}\][ \t]*)?arXiv:\S+.*$", head))
    titles = len(re.findall(r"(?m)^[ \t]*Title:", head))
    subjects = len(re.findall(r"(?m)^[ \t]*Subjects:", head))
    if not headers or not titles:
        return 0.0
    score = 0.6 + 0.2 * min(1.0, subjects / titles) + 0.2 * min(1.0, titles / headers)
    return min(1.0, score)


#: Page lines only a list page has: the section and counter headings. (Day headings and the footer are too
#: common to mark a page; they are only claimed with the page.)
_PAGE_LINE = re.compile(
    r"^(?:(?:New submissions|Cross-lists|Cross submissions|Replacements|Replacement submissions)\b.*"
    r"|(?:Showing )?new listings for .*|\[\s*(?:total of|showing up to)\b.*|Total of \d+ entries.*"
    r"|Authors and titles for .*)$",
    re.IGNORECASE,
)
_FIELD_ANCHORS = ("Title:", "Authors:", "Comments:", "Journal-ref:", "Subjects:")
_PAGE_OPENINGS = ("New submissions", "Cross", "Replacement", "Showing new listings", "new listings", "Total of ",
                  "Authors and titles for", "[")
#: The subject heading at a list page's top (`Machine Learning`, `Cosmology and Nongalactic Astrophysics`).
_HEADING = re.compile(r"^[A-Z][A-Za-z,'()-]*(?: [A-Za-z,'()-]+){0,7}$")


def _is_header(line: str) -> bool:
    """`[1] arXiv:2407.14741 [pdf, html, other]`: an entry's identifier line."""
    if line[:1] == "[":
        line = strip_numbering(line)
    return line.startswith("arXiv:") and "[" in line and _HEADER.match(line) is not None


def _anchor(line: str) -> bool:
    """Field labels, entry headers and the section headings. `[1] arXiv:ID`, `Authors:` and `Comments:` are
    arxiv-listing's too: the splitter holds such lines until a line only one of the two has decides."""
    if line.startswith(_FIELD_ANCHORS):
        return True
    if not line.startswith(_PAGE_OPENINGS):
        return False
    return (line[0] == "[" and _is_header(line)) or _PAGE_LINE.match(line) is not None


def _lead(before: Sequence[str], anchor: str) -> int:
    """The entry header above a first `Title:`, and above it (or above a section heading) the page's chrome,
    day headings and subject heading."""
    lead = 0
    if anchor.startswith("Title:"):
        if not before or not _is_header(before[-1]):
            return 0
        lead = 1
    elif not _PAGE_LINE.match(anchor):
        return 0
    heading = False
    while lead < len(before):
        line = before[-lead - 1]
        if _CHROME.match(line) or _PAGE_LINE.match(line):
            lead += 1
        elif not heading and _HEADING.match(line) and not line.endswith("."):
            heading, lead = True, lead + 1
        else:
            break
    return lead


#: A list page opens with its subject heading and section headings, or at an entry's `[1] arXiv:ID` over `Title:`.
BOUNDARIES = Boundaries(anchor=_anchor, lead=_lead, shares=("arxiv-listing",))


def parse(text: str, path: str, as_of: date) -> ParseResult:
    """Read every entry of a list page; headings, counters and the footer are dropped."""
    return ParseResult.collect(NAME, path, iter_parse(text.split("\n"), path, as_of))


@dataclass
class _Entry:
    line: int
    arxiv_id: str
    version: int | None
    fields: dict[str, list[str]] = field(default_factory=dict)
    key: str = ""  # the field the next unlabelled line continues
    closed: bool = False  # page chrome was met: nothing more belongs to this entry


def iter_parse(lines: Iterable[str], path: str, as_of: date) -> Iterator[ParseEvent]:
    """Yield each entry's record as soon as the next entry, heading or the end is read."""
    entry: _Entry | None = None
    for line in walk(lines):
        text = strip_numbering(line.text)
        header = _HEADER.match(text) if text.startswith("arXiv:") else None
        found = match_arxiv_id(header["id"]) if header else None
        if header and found is None:
            yield ParseIssue(path, line.number, f"unreadable arXiv id {header['id'][:40]!r}; entry skipped")
        if header:
            if entry is not None:
                yield from _finish(entry, path)
            entry = _Entry(line.number, found.id, found.version) if found else None
            continue
        if entry is None or entry.closed:
            continue
        if _CHROME.match(text):
            entry.closed = True
            continue
        _add(entry, line.text)
    if entry is not None:
        yield from _finish(entry, path)


def _add(entry: _Entry, text: str) -> None:
    fields = entry.fields
    label = _LABEL.match(text)
    if label:
        entry.key = label["key"].lower().replace(" ", "-")
        fields.setdefault(entry.key, []).append(label["value"])
        return
    key = entry.key
    if key == "subjects" and not fields["subjects"][-1].rstrip().endswith(")"):
        fields[key].append(text)  # a long Subjects line wrapped before its last `(code)`, after `;` or mid-name
    elif key == "title" and "authors" not in fields and _is_name_list(text):
        entry.key = "authors"  # the `Authors:` label was lost with its links, the names were not
        fields["authors"] = [text]
    elif key in ("title", "authors") and len(text) <= _LONG:
        fields[key].append(text)
    else:
        entry.key = "abstract"
        fields.setdefault("abstract", []).append(text)


def _is_name_list(text: str) -> bool:
    names, _ = split_authors(text)
    return len(names) >= 2 and all(looks_like_name(n) for n in names)


def _finish(entry: _Entry, path: str) -> Iterator[ParseEvent]:
    work = _work(entry, Source(NAME, path, entry.line))
    if work.title is None:
        yield ParseIssue(path, entry.line, f"arXiv:{entry.arxiv_id} has no Title: line; kept without a title")
    if not work.authors:
        yield ParseIssue(path, entry.line, f"arXiv:{entry.arxiv_id} lists no authors (the `Authors:` line was lost "
                         "in the copy?); kept without authors")
    yield work


def _joined(entry: _Entry, key: str) -> str | None:
    return " ".join(" ".join(entry.fields.get(key, [])).split()) or None


def _work(entry: _Entry, source: Source) -> Work:
    found = match_arxiv_id(entry.arxiv_id)
    subjects = _joined(entry, "subjects") or ""
    categories = [m["code"] for part in subjects.split(";") if (m := _CATEGORY.search(part.strip()))]
    doi = _joined(entry, "doi")
    authors, truncated = split_authors(_joined(entry, "authors") or "")
    return Work(
        title=_joined(entry, "title"),
        authors=tuple(authors),
        authors_truncated=truncated,
        year=found.year if found else None,
        date=found.date if found else None,
        arxiv_id=entry.arxiv_id,
        arxiv_version=entry.version,
        doi=find_doi(doi) if doi else None,
        venue="arXiv",
        type="preprint",
        abstract=_joined(entry, "abstract"),
        comment=_joined(entry, "comments"),
        journal_ref=_joined(entry, "journal-ref"),
        categories=tuple(categories),
        sources=(source,),
    )
