"""dblp person pages, as copied from the browser.

    default search action
    Dan Suciu
    Person information
    - affiliation: University of Washington, Seattle, WA, USA
    ...
    export refined list as
    2020 – today
    - 2023
    - [j52]Yisu Remy Wang
    , Max Willsey, Dan Suciu
    :
    Free Join: Unifying Worst-Case Optimal and Traditional Joins. Proc. ACM Manag. Data 1(2): 150:1-150:23 (2023)

A record is a tag (`[j52]`: j journal, c conference, b book, i informal/CoRR, e editorship, p part of a
book, r reference work, d data) glued to the authors, who end at `:`; then the title, ended by `. ` (or
`?`/`!`), and the venue. ORCID icons break author lists over lines (`Name` / `, Next` / `:`), several
records share a line joined by ` - `, and a year can change inline (`… 122-132 - 2023`). Homonym numbers
(`Hao Li 0001`) are dropped from names. The year is the page's year heading, else the venue's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)
from scholarcli.layouts.base import Boundaries, walk
from scholarcli.model import ParseEvent, ParseIssue, ParseResult, Profile, Source, Work
from scholarcli.normalise.identifiers import match_arxiv_id
from scholarcli.normalise.names import split_author_list
from scholarcli.normalise.vocab import SNIFF_LINES

NAME = "dblp"
SUMMARY = "dblp person page: `[c57]Authors:` / `Title. Venue 2025: 86-108` records under year headings"

#: Record tag letter -> work type (a key of normalise.vocab.WORK_TYPES).
TYPES: dict[str, str] = {
    "j": "article",
    "c": "inproceedings",
    "b": "book",
    "i": "preprint",
    "e": "proceedings",
    "p": "incollection",
    "r": "incollection",  # an entry in a reference work (encyclopedia)
    "d": "dataset",
}
_TAG = r"\[(?:(?P<letter>[a-z])\d{1,4}|[-–])\]"  # `[-]`: a record dblp has not numbered (informal)
_RECORD_START = re.compile(rf"^(?:-\s*)?{_TAG}")
_INLINE_RECORD = re.compile(r"\s+-\s+(?=\[(?:[a-z]\d{1,4}|[-–])\])")
_INLINE_YEAR = re.compile(r"\s+-\s+(?P<year>(?:19|20)\d{2})$")
_YEAR_LINE = re.compile(r"^-?\s*(?P<year>(?:19|20)\d{2})$")
_PERIOD = re.compile(r"^(?:19|20)\d{2}\s*[–—-]\s*(?:today|(?:19|20)\d{2})$|^(?:19|20)\d{2} and before$", re.I)
#: An author list alone on its line (`Ann Lee, Bo Chen 0002:`), as a record whose tag was lost starts.
_UNTAGGED = re.compile(r"^[^\W\d][^:.!?]*(?:\.[^:.!?]+)*:$")
_HOMONYM = re.compile(r"\s+\d{4}$")
_FOOTER = re.compile(
    r"^(?:Coauthor Index|manage site settings|last updated on\b|a service of Schloss Dagstuhl|see FAQ\b"
    r"|load (?:references|citations) from\b|Privacy settings|dblp computer science bibliography)",
    re.I,
)
#: Headings of the page sorted by type instead of by year.
_TYPE_HEADING = re.compile(
    r"^(?:Journal Articles|Conference and Workshop Papers|Informal and Other Publications|Books and Theses"
    r"|Editorship|Parts in Books or Collections|Reference Works|Data and Artifacts|Informal Publications)$",
    re.I,
)
_CORR = re.compile(r"^CoRR\s+abs/(?P<id>\S+)")
_VENUE_YEAR = re.compile(r"(?:19|20)\d{2}")
#: Words that journal names abbreviate (ISO 4 style); a title word before `. ` is not one of these.
_ABBREVIATIONS = frozenset(
    """Acad Adv Agric Am Anal Ann Appl Artif Assoc Astron Astrophys Autom Auton Behav Biochem Bioinform Biol
    Biomed Bull Can Chem Clin Cogn Commun Comb Comput Conf Cryptol Cybern Data Decis Des Dev Discret Distrib
    Ecol Econ Educ Electr Electron Embed Endow Eng Environ Eur Evol Exp Found Gen Genet Geogr Geophys Geosci
    Graph Hist Hum Ieee Ind Inf Inform Int Intell Interact Introd Invent Izv Jpn Knowl Lang Learn Lett Ling
    Linguist Log Manag Manuf Mat Math Mech Med Meth Mol Multim Nat Natl Netw Neurosci Numer Oper Optim Parallel
    Pers Philos Phys Pract Priv Probab Proc Process Program Psychol Publ Q Recognit Rel Rep Res Rev Robot Sci
    Secur Sel Sens Sig Simul Soc Softw Stat Stud Surv Symb Symp Syst Technol Theor Trans Univ Vis Wirel Z
    Algebr Approx Bus Combin Commer Concurr Constr Contemp Decis Discov Eval Financ Funct Fundam Futur Geom
    Heurist Inst Instrum Lect Mater Meas Min Mob Organ Perform Qual Reliab Retr Supercomput Suppl Telecommun
    Topol Verif
    Aerosp Affect Annu Archit Clust Complex Cryptogr Digit Emerg Empir Entertain Explor Gener Integr Libr Mach
    Mag Methodol Model Nanotechnol Newsl Photogramm Propag Quant Reason Rec Remote Renew Represent Requir Resour
    Semant Ser Serv Spectr Struct Sustain Tech Test Top Transp Underst Univers Veh""".split()
)
_TITLE_END = re.compile(r"(?<=[.?!])\s+(?=\S)")
_MARK = re.compile(r"[?!]\s")
_STOPPED_WORD = re.compile(r"(\S+)\.\s")
_BULLET = re.compile(r"^-\s*(?=\[)")


@dataclass
class _Record:
    line: int
    letter: str
    year: int | None
    text: str


def sniff(text: str) -> float:
    """High for text with dblp record tags (`[c57]Name`) and dblp page chrome."""
    head = "\n".join(text.split("\n", SNIFF_LINES)[:SNIFF_LINES])
    # a tag glued to its authors (`[c57]Ann Lee`), spaced from them, or alone on its line as Firefox copies it
    tags = len(re.findall(r"(?m)(?:^[ \t]*(?:-[ \t]*)?|\s-\s)\[[a-z]\d{1,4}\](?:[ \t]*$|[ \t]?[^\s\d])", head))
    if tags == 0:
        return 0.0
    chrome = sum(
        marker in head for marker in ("default search action", "Person information", "export refined list as")
    )
    years = len(re.findall(r"(?m)^[ \t]*-[ \t]*(?:19|20)\d{2}[ \t]*$", head))
    return min(1.0, 0.5 + 0.1 * min(tags, 3) + 0.1 * chrome + (0.1 if years else 0.0))


_PAGE_TOP = "default search action"
_PERSON = "Person information"
#: dblp's banner and menu bar above the search box
_BANNER = frozenset({"Stop the war!", "for scientists:", "dblp", "Blog", "Statistics", "Update feed", "search dblp",
                     "Browse", "Search", "About", "Data"})


def _anchor(line: str) -> bool:
    return line in (_PAGE_TOP, _PERSON) or (line[0] in "-[" and _RECORD_START.match(line) is not None)


def _lead(before: Sequence[str], anchor: str) -> int:
    """The banner above `default search action`; the name above `Person information`; year headings above a
    first record."""
    lead = 0
    if anchor == _PERSON:
        lead = 1 if before else 0  # the person's name
        if lead < len(before) and before[-lead - 1] == _PAGE_TOP:
            lead += 1
    elif anchor != _PAGE_TOP:
        while lead < len(before) and (_YEAR_LINE.match(before[-lead - 1]) or _PERIOD.match(before[-lead - 1])):
            lead += 1
    while lead < len(before) and before[-lead - 1] in _BANNER:
        lead += 1
    return lead


#: A dblp page opens at `default search action` and has one `Person information` line.
BOUNDARIES = Boundaries(
    anchor=_anchor,
    lead=_lead,
    page=lambda line: line == _PERSON,
    glued=re.compile(r"default search action\Z"),
    glued_ends=(_PAGE_TOP,),
)


def parse(text: str, path: str, as_of: date) -> ParseResult:
    """Read the page's header and every publication record."""
    return ParseResult.collect(NAME, path, iter_parse(text.split("\n"), path, as_of))


def iter_parse(lines: Iterable[str], path: str, as_of: date) -> Iterator[ParseEvent]:
    """Yield the person header once the records begin, then each record when the next one starts."""
    header: list[str] = []
    numbers: list[int] = []  # the header's line numbers
    in_records = False
    year: int | None = None
    record: _Record | None = None
    for line in walk(lines):
        text = line.text
        if in_records and (_FOOTER.match(text) or text.lower() == "default search action"):
            if record is not None:  # the page ends here; another may follow in the same file
                yield from _finish(record, path)
            in_records, record, year, header, numbers = False, None, None, [], []
        if not in_records:
            if not _RECORD_START.match(text):
                header.append(text)
                numbers.append(line.number)
                continue
            in_records = True
            yield from _unread_header(header, numbers, path)
            if profile := _profile(header, path):
                yield profile
        if _PERIOD.match(text) or _TYPE_HEADING.match(text):
            continue
        if m := _YEAR_LINE.match(text):
            year = int(m["year"])
            continue
        text = _BULLET.sub("", text)
        inline_year = _INLINE_YEAR.search(text)
        if inline_year:
            text = text[: inline_year.start()]
        for i, piece in enumerate(_INLINE_RECORD.split(text)):
            start = _RECORD_START.match(piece)
            if start:
                if record is not None:
                    yield from _finish(record, path)
                record = _Record(line.number, start["letter"] or "", year, piece[start.end():])
            elif record is not None and i == 0:
                if not piece.startswith((",", ":")) and _complete(record):
                    # a record with its title and venue takes no more lines: an author list whose tag was
                    # lost in the copy starts a record of its own, anything else is reported, never dropped
                    if _UNTAGGED.match(piece):
                        yield from _finish(record, path)
                        record = _Record(line.number, "", year, piece)
                        yield ParseIssue(path, line.number, "dblp record without its `[j12]` tag; type unknown")
                    else:
                        yield ParseIssue(path, line.number, f"line after a dblp record not read: {piece[:60]!r}")
                    continue
                glue = "" if piece.startswith((",", ":")) else " "
                record.text = record.text + glue + piece
        if inline_year:
            year = int(inline_year["year"])
    if record is not None:
        yield from _finish(record, path)
    if not in_records:
        yield from _unread_header(header, numbers, path)  # text after the last dblp page


def _complete(record: _Record) -> bool:
    """Whether a record already has its authors, title and venue."""
    _, colon, rest = record.text.partition(":")
    return bool(colon) and split_title_venue(" ".join(rest.split()))[1] is not None


#: A header line this long that names a year is a publication of some other page, not dblp's chrome.
_FOREIGN_LINE = re.compile(r"^.{60,}\b(?:19|20)\d\d\b")


def _unread_header(header: list[str], numbers: list[int], path: str) -> Iterator[ParseIssue]:
    """A warning when lines outside the dblp records read as publications (another page glued in front of
    or after the dblp page): the dblp parser does not read them, and they must not vanish without a word."""
    foreign = [n for n, text in zip(numbers, header, strict=True) if _FOREIGN_LINE.match(text)]
    if foreign:
        yield ParseIssue(path, foreign[0], f"{len(foreign)} line(s) outside the dblp records read like publications "
                         "of another page and were not read; put that page in a file of its own")


def _profile(header: list[str], path: str) -> Profile | None:
    """The person the page is about: the line after `default search action` (or before `Person information`)."""
    name: str | None = None
    for i, text in enumerate(header):
        if text.lower() == "person information" and i > 0:
            name = header[i - 1]
        elif text.lower() == "default search action" and i + 1 < len(header) and name is None:
            name = header[i + 1]
    affiliation = next((t.split(":", 1)[1].strip() for t in header if t.startswith("- affiliation:")), None)
    if name is None:
        return None
    return Profile(name=_HOMONYM.sub("", name), path=path, affiliation=affiliation)


def _finish(record: _Record, path: str) -> Iterator[ParseEvent]:
    work = _work(record, Source(NAME, path, record.line))
    if work is None:
        yield ParseIssue(path, record.line, "dblp record without `Authors:` and a title; skipped")
        return
    if work.venue is None:
        yield ParseIssue(path, record.line, "dblp record without a recognisable venue; kept the text as its title")
    yield work


def _work(record: _Record, source: Source) -> Work | None:
    authors_text, colon, rest = record.text.partition(":")
    if not colon or not rest.strip():
        return None
    names, truncated = split_author_list(authors_text)
    authors = tuple(_name(a) for a in names)
    title, venue = split_title_venue(" ".join(rest.split()))
    arxiv_id = None
    if venue and (corr := _CORR.match(venue)):
        found = match_arxiv_id(corr["id"])
        arxiv_id = found.id if found else None
    year = record.year
    if year is None and venue and (years := _VENUE_YEAR.findall(venue)):
        year = int(years[-1])
    return Work(
        title=title or None,
        authors=authors,
        authors_truncated=truncated,
        year=year,
        arxiv_id=arxiv_id,
        venue=venue_name(venue, record.letter) if venue else None,
        journal_ref=venue,
        type=TYPES.get(record.letter, "preprint" if arxiv_id else "misc"),
        sources=(source,),
    )


def _name(text: str) -> str:
    """One author as printed, without dblp's homonym number (`Hao Li 0001` -> `Hao Li`)."""
    name = " ".join(text.split())
    return _HOMONYM.sub("", name) if name[-1].isdigit() else name


def split_title_venue(text: str) -> tuple[str, str | None]:
    """`Title. Venue 2023: 1-10` -> (`Title`, `Venue 2023: 1-10`); the title keeps `?` and `!`.

    The title ends at the first `. `/`? `/`! ` after which the rest reads as a venue: it names a year, has
    no `? ` or `! `, and each of its own full stops follows an abbreviation (`Inf. Sci.`, `ACM Trans.`).
    """
    fallback: tuple[str, str] | None = None
    short_at = -1  # where a venue starts whose only unknown abbreviations are short words (`N. Engl. J. Med.`)
    for m in _TITLE_END.finditer(text):
        title, venue = text[: m.start()], text[m.end():]
        if venue[0].isdigit() or not _VENUE_YEAR.search(venue) or _MARK.search(venue):
            continue
        unknown = [word for word in _STOPPED_WORD.findall(venue) if not _is_abbreviation(word)]
        if not unknown:
            if short_at >= 0 and all(_SHORT_WORD.match(w) for w in text[short_at:m.start()].replace(".", " ").split()):
                return text[:short_at].rstrip().removesuffix("."), text[short_at:]  # only short words between
            return title.removesuffix("."), venue
        if fallback is None:
            fallback = (title.removesuffix("."), venue)
            short_at = m.end() if all(_SHORT_WORD.match(w) for w in unknown) else -1
    if fallback:
        return fallback
    return text.removesuffix("."), None


#: A word short enough to be an abbreviation the list does not know (`Engl`, `Wkshp`).
_SHORT_WORD = re.compile(r"^[A-Z][a-z]{0,5}$")


def _is_abbreviation(word: str) -> bool:
    word = word.lstrip("(")
    return word in _ABBREVIATIONS or len(word) == 1 or (word.isupper() and len(word) <= 5) or word == "ed"


_JOURNAL = re.compile(r"^(?P<name>.+?)\s+\d+(?:\([^)\s]+\))?(?::\s*\S+)?\s*\((?:19|20)\d{2}\)$")
_CONFERENCE = re.compile(r"^(?P<name>.+?\s(?:19|20)\d{2})(?::\s*\S+)?$")
_PUBLISHER = re.compile(r"^(?P<name>.+?)\s+(?:19|20)\d{2}(?:,\s*ISBN\b.*)?$")


def venue_name(venue: str, letter: str) -> str:
    """The venue's name without volume, pages and year: `Inf. Sci. 697: 121769 (2025)` -> `Inf. Sci.`;
    conferences keep their year (`Petri Nets 2025`), books and proceedings give the publisher (`Springer`)."""
    if _CORR.match(venue):
        return "CoRR"
    if letter in ("b", "e") and (m := _PUBLISHER.match(venue)):
        return str(m["name"]).rstrip(" ,")
    for pattern in (_JOURNAL, _CONFERENCE, _PUBLISHER):
        if m := pattern.match(venue):
            return str(m["name"]).rstrip(" ,")
    return venue
