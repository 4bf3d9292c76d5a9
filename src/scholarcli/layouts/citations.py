"""Publication lists on CVs and lab pages; also the fallback for any text that reads as a list of citations.

    Journal Articles
    [2] Jinek M, Chylinski K, Fonfara I, Hauer M, Doudna JA, Charpentier E. A programmable dual-RNA-guided
        DNA endonuclease in adaptive bacterial immunity. Science. 2012;337(6096):816-21.
    • Smith, A., & Lee, B. (2020). Title. Journal, 12(3), 45–67. https://doi.org/10.…

Entries are cut at list markers (`[3]`, `3.`, `•`, `-`, `*`, `##### 1.`), at blank lines, at hanging
indents, and, in unmarked lists, where a finished citation (with its year) is followed by a line that opens
a new one. Section headings (`Journal Articles`, `Publications 2024`, a bare year) give the type and a
fallback year; page chrome (`Home`, `Contact`, `© 2024 …`) is dropped. Each entry is split into fields by
`citation_fields.split_reference`; an entry that cannot be split still comes out, its whole text as the
title, with a warning. Text with no sign of a citation (no year, no identifier) is reported, not invented.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, islice
from typing import NamedTuple

from scholarcli.layouts.base import Boundaries, never, split_authors
from scholarcli.layouts.citation_fields import YEAR, nameless_shape, read_names, split_reference
from scholarcli.model import ParseEvent, ParseIssue, ParseResult, Source, Work
from scholarcli.normalise.vocab import (
    LIST_HEADING_CJK,
    LIST_HEADING_ENDINGS,
    LIST_HEADING_MAX_CHARS,
    LIST_HEADING_MAX_WORDS,
    LIST_HEADING_OPENINGS,
    LIST_HEADING_PHRASES,
    LIST_HEADING_WORDS,
    SNIFF_LINES,
)

NAME = "citation-list"
SUMMARY = "Publication list from a CV or lab page: numbered, bulleted or plain citations (also the fallback)"

# `[3]`, `[J12]`, `(3)`, `3.`, `C4)`, bullets; outside brackets a number that reads as a year (`(2013).`) is none.
_NUMBER = rf"(?!{YEAR}\b)\d{{1,4}}"
_MARKER = re.compile(
    rf"^(?:\[[A-Za-z]{{0,3}}\s?\d{{1,5}}\]|\([A-Za-z]{{0,3}}{_NUMBER}\)|[A-Z]{{0,2}}{_NUMBER}[.)](?!\d)"
    r"|[•·▪◦‣●■○►✓*–—-](?=\s))\s*"
)
#: A year set in front of an entry as a column: `2019 | A. Smith …`, `2019 — Title …`, `2019<TAB>A. Smith …`.
#: Not `(2013). Title` nor `1986: 1053–75`: wrapped lines of APA and Chicago entries open so.
_YEAR_LEAD = re.compile(rf"^{YEAR}(?:\s*\|\s*|\s+[–—-]\s+|\t)(?=\S)")  # not a page range `1737–1767`
_MD_HEADING = re.compile(r"^#{1,6}\s*")
_LABEL = re.compile(
    r"^(?:\*\*\s*(?P<label>[A-Za-z ]{2,20}?)\s*:?\s*\*\*\s*:?|(?P<plain>Abstract|Summary|TL;?DR)\s*:)\s*(?P<value>.*)$"
)
#: The heading words and phrases of every language vocab names, as one alternation (longest first).
_HEADING_WORD = "|".join(sorted((*LIST_HEADING_WORDS, *(p.replace(" ", r"\s+").replace("-", "[- ]")
                                                       for p in LIST_HEADING_PHRASES)),
                                key=len, reverse=True))
_HEADING_WORDS = re.compile(
    rf"\b(?:{_HEADING_WORD})\b|(?:" + "|".join(LIST_HEADING_ENDINGS) + r")\b|\b(?:" + "|".join(LIST_HEADING_OPENINGS)
    + ")|" + "|".join(LIST_HEADING_CJK),
    re.IGNORECASE,
)
#: A line that is a list's heading and nothing else (`Selected Publications`, `Publications 2004`, `Journal
#: Articles:`, `Books and Chapters`), so it opens a list even right under an entry without its final stop:
#: not a venue wrapped onto its own line (`Proceedings of the IEEE 2019`, `Journal of Political Economy`).
_LIST_HEADING = re.compile(
    rf"^(?:(?:selected|recent|other|invited|refereed|peer[- ]reviewed|journal|conference|book|group|lab|full|"
    rf"complete|research|academic|scientific|and|&|{_HEADING_WORD})\s*)+"
    rf"(?:\([^()]{{1,30}}\)|{YEAR}(?:\s*[-–—]\s*(?:{YEAR}|today|present|now))?)?\s*:?$",
    re.IGNORECASE,
)
#: What such a heading lists (a line of venue words alone, `Proceedings` or `Conference 2019`, is none).
_LISTED = re.compile(
    r"\b(?:publications?|papers|articles|preprints|books|chapters|monographs|theses|dissertations|reports|"
    r"patents|reviews|talks|posters|presentations|manuscripts|editorials|bibliography|working papers)\b",
    re.IGNORECASE,
)
#: A heading in Chinese, Japanese or Korean is short: a line of those scripts with a heading word is a sentence
#: when it is longer than this (characters).
_CJK_HEADING_MAX = 16
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_YEAR_HEADING = re.compile(rf"^(?:{YEAR}|{YEAR}\s*[-–—]\s*(?:{YEAR}|today|present|now))\s*:?$", re.IGNORECASE)
_CHROME = re.compile(
    r"^(?:home|contact|about(?: me)?|menu|search|news|people|team|members|research|teaching|cv|blog|links?|"
    r"skip to (?:main )?content|back to top|toggle navigation|main menu|navigation|login|log in|sign in|"
    r"(?:last )?(?:updated|modified)\b.*|.*\ball rights reserved\b.*|(?:©|\(c\)|copyright)\s.*|powered by\b.*|"
    r"(?:[\w ]{1,20}\|){2,}[\w ]{1,20}|show (?:all|more|less)|expand|collapse|top|print|share|"
    r"export \d+ results?:?|filters?:.*|sort(?:ed)? by\b.*|(?:author|title|type|year|\[|\]|\s)+|"
    # list tools of search and repository pages
    r"(?:group by|jump to|export as)\s*:?.*|up a level|(?:select|cite|export|download) all|"
    r"this list was generated on\b.*|"
    r"(?:(?:export|cite|citation|download)\s*:?\s*)?(?:(?:bibtex|ris|rtf|tagged|xml|endnote|csv|marc)\b[\s|,·]*)+)\.?$",
    re.IGNORECASE,
)
#: A citation count on a results page (`Cited by: 2210 articles`): chrome, not a heading.
_CITED_BY = re.compile(r"^(?:cited by|times cited)\s*:?\s*\d", re.IGNORECASE)
#: The head of a results page or list (`Showing 1-20 of 96 results for …`, `Items where Author is …`): page
#: chrome, and the start of a new list, so the section heading above it no longer holds.
_RESULTS = re.compile(
    r"^(?:(?:showing|displaying|viewing)\s+(?:results?\s+)?\d[\d,]*\s*(?:[-–—]|to|through)\s*\d[\d,]*\s+of\s+\d[\d,]*\b.*"
    r"|(?:about\s+|your search returned\s+)?\d[\d,]*\s+(?:results?|items?|records?|hits|entries|matches)\b.*"
    r"|number of (?:items|results|records)\s*:.*|(?:search )?results(?: for\b.*)?|items where .{1,80})$",
    re.IGNORECASE,
)
#: A menu copied as one line: a few short words set apart by runs of spaces, tabs, `|` or `·`.
_NAV = re.compile(r"^(?:[\w&'’-]+(?: [\w&'’-]+)?(?:\s{2,}|\t|\s*[|·•]\s*)){2,7}[\w&'’-]+(?: [\w&'’-]+)?$")
_TAIL_LINE = re.compile(
    r"^(?:\[?(?:pdf|html|code|slides|video|bibtex|bib|abstract|link|poster|data|doi|publisher['’]s version|"
    r"download\s*:.*|google scholar|pubmed|full text|preprint|supplement(?:ary material)?|bibtex|ris|rtf|tagged|"
    r"xml|endnote|cite)\]?\s*(?:[|·,/]\s*)?)+$",
    re.IGNORECASE,
)
_SIGNAL = re.compile(
    rf"(?:\b{YEAR}[a-z]?\b|\bin\s+press\b|\bforthcoming\b|\bto\s+appear\b|\b10\.\d{{4,9}}/|\barXiv\s*:|\bdoi\b)",
    re.IGNORECASE,
)
_VENUE_CUE = re.compile(
    r"(?:\bIn\s*:|\b[Ii]n\s+Proc|\bProc(?:eedings)?\b|\bJournal\b|\bConf(?:erence)?\b|\bTrans(?:actions)?\b|"
    r"\bvol\.|\bpp\.|\bpages\b|\d+\s*\(\d+\)|\d+\s*:\s*\d+|\bWorkshop\b|\bSymposium\b|\bPress\b|\bRev(?:iew)?\b|"
    r"\bLett(?:ers)?\b|\bUniversity\b|\bpreprint\b|\bSci(?:ence|\.)?\b|[“\"„][^”\"“]{8,}[”\"“]|«[^»]{8,}»)",
)
_STRONG_CUE = re.compile(
    r"(?:\bIn\s*:|\b[Ii]n\s+Proc|\bProceedings\b|\bJournal\b|\bConference\b|\bTrans\.|\bTransactions\b|"
    r"\bvol\.|\bpp\.|\bpages\s+\d|\d+\s*\(\d+\)|\d+\s*:\s*\d+|\bWorkshop\b|\bSymposium\b|\bpreprint\b|"
    r"\b10\.\d{4,9}/|\barXiv\s*:|[“\"„][^”\"“]{8,}[”\"“]|«[^»]{8,}»)",  # quoted titles, also German, French
)
#: A section heading's work type, first match wins (English, then German, French, Spanish, Portuguese, Italian,
#: Dutch, Chinese, Japanese, Korean words; `Aufsätze in Sammelbänden` are chapters, `… in Zeitschriften` articles).
_TYPES = (
    (re.compile(r"preprint|working paper|submitted|under review|in preparation|manuscript|eingereicht|"
                r"in vorbereitung|soumis|en préparation|预印本", re.I), "preprint"),
    (re.compile(r"conference|proceedings|workshop|symposi|konferenz|tagung|kongress|colloque|congr[eè]s|actes|"
                r"conf[ée]rence|congreso|ponencia|anais|\batti\b|convegn|会议|會議|学会", re.I), "inproceedings"),
    (re.compile(r"chapter|kapitel|sammelb|buchbeitr|chapitre|cap[ií]tulo|capitol|hoofdstuk", re.I), "incollection"),
    (re.compile(r"\bbooks?\b|monogra(?:ph|fi)|bücher|\bbuch\b|ouvrages?|\blibros?\b|\blivros?\b|\blibri\b|"
                r"boeken|专著|專著|著作|编著|著書|저서", re.I), "book"),
    (re.compile(r"journal|articles?\b|zeitschrift|aufsätze|artikel|revues?\b|revistas?|art[ií]culos|artigos|"
                r"articoli|peri[óo]dicos|期刊", re.I), "article"),
    (re.compile(r"thes[ie]s|dissertation|thèses?|\btesis\b|\btesi\b|proefschrift|habilitation|学位论文", re.I),
     "thesis"),
    (re.compile(r"patent|brevet|专利|特許", re.I), "patent"),
    (re.compile(r"report|bericht|rapport|informe|relatório|报告", re.I), "report"),
)
#: An entry longer than this (characters) is not one citation: a paragraph, or lines run together.
CITATION_MAX = 2000
_HEADING_MAX_WORDS = LIST_HEADING_MAX_WORDS
#: The longest line taken for a list's title (`Genome Engineering Group`: no digits, no stops) above its menu
#: or headings.
_TITLE_MAX = 70
_PROSE_MIN_WORDS = 6
_PARAGRAPH_WORDS = 10


class _Mark(NamedTuple):
    parts: list[str]
    labels: dict[str, str]
    signal: bool
    length: int
    names_before: bool


@dataclass(slots=True)
class _Entry:
    """One entry as it is read: its first line's number and indent, its heading, and its lines joined so far.

    Lines are joined as they come (a word hyphenated across a line break is mended; a line that is nothing
    but a name list is set off by full stops, as lab pages print title, authors and venue on lines of their
    own), and whether the entry already looks finished is kept up to date, so long entries cost linear time.
    """

    number: int
    indent: int
    marked: bool
    heading: str | None
    parts: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    last_label: str = ""
    signal: bool = False  # a year or identifier seen
    length: int = 0
    names_before: bool = False
    masthead: bool = False  # lines with no year right above a heading that opens a list: that page's top

    def add(self, part: str) -> None:
        """Append one line of the entry."""
        if not part:
            return  # a marker alone on its line (`1.`), the entry on the next
        self.signal = self.signal or bool(_SIGNAL.search(part))
        self.length += len(part) + 1
        names_line = self.length < CITATION_MAX and _is_names_line(part)
        if self.parts:
            last = self.parts[-1]
            if (names_line or self.names_before) and last[-1].isalnum():
                self.parts[-1] = last = last + "."
            if last.endswith("-") and len(last) > 1 and last[-2].isalpha() and part[:1].islower():
                self.parts[-1] = last[:-1] + part  # a word hyphenated across the line break
                self.names_before = names_line
                return
        self.parts.append(part)
        self.names_before = names_line

    def mark(self) -> _Mark:
        """The entry as it is now, to go back to when the line read next shows that it was complete."""
        return _Mark(list(self.parts), dict(self.labels), self.signal, self.length, self.names_before)

    def restore(self, mark: _Mark) -> None:
        """Go back to `mark`: the lines added since were the title of the next list."""
        self.parts, self.labels, self.signal, self.length, self.names_before = mark

    @property
    def complete(self) -> bool:
        """Whether the entry already has what a citation ends with: a year or identifier, and a stop."""
        return self.signal and bool(self.parts) and self.parts[-1][-1:] in ".)]0123456789"

    @property
    def text(self) -> str:
        return " ".join(self.parts)


def _is_names_line(text: str) -> bool:
    names = read_names(text)
    if names is None or not (
        any("." in name for name in names.names)
        or (len(names.names) > 1 and sum(len(n.split()) == 2 for n in names.names) * 2 >= len(names.names))
    ):  # people, not a title-case line such as `Multi-Modal Subspace Proxy Learning,`
        return False
    # a collaboration or affiliation in brackets may follow: `B. P. Abbott et al. (LIGO Scientific Collaboration)`
    return not re.sub(r"^\s*[.,;]?\s*\([^()]*\)", "", text[names.end:]).strip(" .,;")


#: A full stop that ends a sentence, not a name's initial (`Curriculum Vitae — Jennifer A. Doudna`).
_SENTENCE = re.compile(r"(?<![\s.][A-Z])\. ")


_FIELD_VALUE = re.compile(r"\w:\s+\S")


def _is_field_row(text: str) -> bool:
    """A results page's row of fields (`Year: 2016 | Conference Paper | Publisher: IEEE`): it reads as a heading
    in the list, but heads no list of its own after a page."""
    return "|" in text and _FIELD_VALUE.search(text) is not None


def _is_heading(text: str) -> bool:
    """`Journal Articles`, `Publications 2024`, `2023`, `Refereed Conference Papers:`: short, no sentence."""
    if _YEAR_HEADING.match(text):
        return True
    words = text.split()
    if len(words) > _HEADING_MAX_WORDS or len(text) > LIST_HEADING_MAX_CHARS or text.endswith((".", ",", ";")) or (
            _SENTENCE.search(text)):
        return False
    if not _HEADING_WORDS.search(text) or _CITED_BY.match(text):
        return False
    if _CJK.search(text) and (len(text) > _CJK_HEADING_MAX or text.endswith(("。", "，", "；"))):
        return False  # a sentence of a page in Chinese, Japanese or Korean, not a heading
    return not re.search(r"[\"“”]|\d+\s*[(:]\s*\d|\bpp\.", text) and sum(ch == "," for ch in text) <= 1


def _is_cjk_heading(text: str) -> bool:
    """`发表论文`, `期刊论文`: a heading in Chinese, Japanese or Korean."""
    return _CJK.search(text) is not None and _is_heading(text)


def _opens_next_list(text: str) -> bool:
    """A heading, menu or markdown `# Title` under a short line: that line was the next list's title."""
    return _is_heading(text) or _is_chrome(text) or text.startswith("# ")


def _ends_label(text: str) -> bool:
    """Whether a line right under a labelled value (an abstract) opens a new list rather than wrapping it."""
    return (text[:1].isupper() and (_opens_list(text) or _is_chrome(text))) or _is_cjk_heading(text)


def _opens_list(text: str) -> bool:
    """A line that is a list's heading and nothing else (`Selected Publications`, `Publications 2004`): it opens
    a list even right under an entry that lacks its final stop, or under an abstract's last line."""
    return _LIST_HEADING.match(text) is not None and _LISTED.search(text) is not None


def _is_title_line(text: str) -> bool:
    """A short line with no digits or stops (but a name's initials) that may be a page's title (`Curriculum Vitae —
    Jennifer A. Doudna`, `Genome Engineering Group`)."""
    return len(text) <= _TITLE_MAX and len(text.split()) <= _HEADING_MAX_WORDS and not any(
        ch.isdigit() or ch in ",;:" for ch in text) and not text.endswith(".") and not _SENTENCE.search(text)


def _is_cv_title(text: str) -> bool:
    """A CV's or personal page's title line (`Lebenslauf — Niklas Luhmann (1927–1998)`, `何恺明 个人主页`)."""
    return len(text) <= _TITLE_MAX and _CV_TITLE.search(text) is not None


def _is_masthead_line(text: str) -> bool:
    """A line of a page's masthead over its list's title (`Harvard Law School`, `Faculty Directory`, the person's
    name): a title line of two words or more, not a button or a count's label (`Citations`, `Save`)."""
    return " " in text and text[:1].isupper() and _is_title_line(text) and not _is_list_top(text)


def _next_in_sequence(text: str, last: int) -> re.Match[str] | None:
    """`1500. …` after `1499. …`: a number that would read as a year is a marker when it continues the list."""
    m = re.match(r"(\d{4,5})[.)]\s*", text)
    return m if m and int(m.group(1)) == last + 1 else None


def _is_chrome(text: str) -> bool:
    """Navigation, buttons and footers: `Home`, `Home | People`, `© 2024 …`, `Last updated: …`."""
    if _CHROME.match(text) or _NAV.match(text) or _RESULTS.match(text) or _CITED_BY.match(text):
        return True
    return len(text.split()) <= 12 and bool(re.search(r"©|\ball rights reserved\b", text, re.IGNORECASE))


def _is_start(text: str) -> bool:
    """Whether an unmarked line can open a citation (not a continuation such as `pp. 1-14` or `in Proc.`)."""
    if re.match(r"\((?:with|joint with|jointly with|mit|avec|con|com)\s", text, re.IGNORECASE):
        return True  # `(with Jan Assmann) “Das Gestern im Heute …”`: co-authors set in front, as CVs do
    return bool(re.match(r"[\"“‘„«]|[^\W\d_]", text)) and (text[0].isupper() or text[0] in "\"“‘„«") and not re.match(
        r"(?:In(?::|\s+(?:[Pp]roc|the\b|[A-Z]{2,}|[a-z]))|Proc|Journal|Vol|pp\b|Pages|Springer|IEEE|ACM|Elsevier|"
        r"Association|doi|DOI|https?:|arXiv)",
        text,
    )  # `In Proc. of …` goes on an entry; `In Search of an Understandable Consensus Algorithm` opens one


def _type_of(heading: str | None) -> str | None:
    if heading is None:
        return None
    for pattern, kind in _TYPES:
        if pattern.search(heading):
            return kind
    return None


def _under(heading: str | None, text: str) -> str:
    """The heading entries sit under from here: a bare year (`2021`) under `Journal Articles` keeps the
    section's type (`Journal Articles 2021`); any other heading replaces the last."""
    if heading is None or not _YEAR_HEADING.match(text):
        return text
    section = re.sub(rf"\s*\b{YEAR}\b(?:\s*[-–—]\s*\S+)?", "", heading).strip(" :")
    return f"{section} {text}" if section else text


#: Lines looked at to tell a double-spaced copy (a blank line after every line, two or more between entries).
_SPACING_LINES = 80


def _double_spaced(lines: Iterable[str]) -> tuple[Iterator[str], int]:
    """The lines again, and 1 when the copy is double-spaced: in its first _SPACING_LINES lines every break
    between two lines is one blank line, or more, and some lines continue the line before (they open in lower
    case, or the line before ends with no stop): the entries were wrapped, so one blank line is a line break,
    not a gap between entries. Else 0."""
    it = iter(lines)
    head = list(islice(it, _SPACING_LINES))
    runs: list[int] = []
    blanks, seen, continued = 0, False, 0
    previous = ""
    for raw in head:
        text = raw.strip()
        if not text:
            blanks += 1
            continue
        if seen:
            runs.append(blanks)
            if text[:1].islower() or (previous and previous[-1] not in ".!?:" and blanks == 1 and len(previous) > 60):
                continued += 1
        seen, blanks, previous = True, 0, text
    spaced = len(runs) >= 6 and min(runs) >= 1 and runs.count(1) * 2 > len(runs) and continued >= 2
    return chain(head, it), int(spaced)


def _segment(lines: Iterable[str]) -> Iterator[_Entry]:
    """The entries of a list, each with the heading it sits under; headings and chrome are consumed here."""
    heading: str | None = None
    current: _Entry | None = None
    gap = False
    last_number = -1
    seen = False  # an entry was read: a short line after one may be the next entry's title
    short: tuple[int, int, str] | None = None  # such a line, held until the next line shows what it is
    fresh = False  # a heading was met since the last entry opened
    # the entry before a title-like line was added to it (`IEEE Xplore`, `Curriculum Vitae — A. Assmann` under
    # a finished entry or an abstract), kept until the next line shows whether a new list starts there
    before_title: tuple[_Entry, _Mark, int, bool] | None = None
    lines, spaced = _double_spaced(lines)
    blanks = 0
    for number, raw in enumerate(lines, start=1):
        text = raw.strip()
        if not text:
            blanks += 1
            gap = gap or blanks > spaced  # in a double-spaced copy, one blank line is every line's break
            continue
        blanks = 0
        indent = len(raw) - len(raw.lstrip())
        was_gap, gap = gap, False
        held, short = short, None
        undo, before_title = before_title, None
        if undo is not None and undo[0] is current and _opens_next_list(text) and not _TAIL_LINE.match(text):
            current.restore(undo[1])  # the line was the title of the next list, over its heading or menu
            yield current
            current = None
        elif undo is not None and undo[0] is current and undo[2] < _CV_TITLE_REACH and (_is_masthead_line(text) or (
                undo[3] and len(text) <= _TITLE_MAX and not _SIGNAL.search(text))):
            # a masthead's next line (`Faculty Directory`), or a line under a CV's title (`Professeure, MIT`)
            before_title = undo[0], undo[1], undo[2] + 1, undo[3]
        label = _LABEL.match(text)
        if label and current is not None:
            key = (label["label"] or label["plain"]).strip().casefold()
            current.last_label = "abstract" if key in {"summary", "tldr", "tl;dr"} else key
            current.labels[current.last_label] = label["value"].strip()
            continue
        opens = bool(_MD_HEADING.match(text) or _MARKER.match(text))
        if current is not None and current.last_label and not opens:
            # a labelled value wrapped onto the next line, unless a list's heading or menu opens a new list there
            if not was_gap and not _ends_label(text):
                key = current.last_label
                cv = _is_cv_title(text)
                if cv or (text[:1].isupper() and _is_title_line(text)):
                    before_title = before_title or (current, current.mark(), 0, cv)
                current.labels[key] = f"{current.labels[key]} {text}".strip()
                continue
            yield current  # after a labelled field, an unmarked paragraph opens the next entry
            current = None
        md = _MD_HEADING.match(text)
        if md:
            text = text[md.end():].strip()
        marker = _MARKER.match(text) or _next_in_sequence(text, last_number)
        if marker and (number_m := re.match(r"\D{0,4}(\d+)", marker.group(0))):
            last_number = int(number_m.group(1))
            if last_number == 1 and seen and not fresh:
                heading = None  # numbering starts again with no heading of its own: a new list, not a section
        continues = current is not None and not was_gap and not _YEAR_HEADING.match(text) and (
            indent > current.indent or not current.complete  # a wrapped line, not a heading
        )
        # a heading under a line with no year, identifier or names (a page title) is a heading all the same
        loose = current is not None and not current.signal and not current.names_before
        if not marker and not md and (not continues or loose or _opens_list(text)) and _is_heading(text):
            if current is not None:
                current.masthead = not current.signal and _opens_list(text)  # the next list's page top
                yield current
                current = None
            heading, fresh = _under(heading, text), True
            continue
        if _RESULTS.match(text):
            heading, fresh = None, True
        if not md and (_is_chrome(text) or (current is None and len(text.split()) <= 2 and not marker)):
            if current is not None and not _TAIL_LINE.match(text):
                yield current
                current = None
            elif current is None and seen and not _is_chrome(text) and not _TAIL_LINE.match(text):
                short = (number, indent, text)  # `Mask R-CNN` over its authors' line, or a button
            continue
        if _TAIL_LINE.match(text):
            continue
        if md and not marker and _is_heading(text):
            if current is not None:
                yield current
                current = None
            heading, fresh = text, True
            continue
        if md and not marker and md.group(0).rstrip() == "#" and not _SIGNAL.search(text):
            if current is not None:  # a markdown page's `# Title` (entries are `##### 1.Title`): a new list
                yield current
                current = None
            heading, fresh = text, True
            continue
        if md and not marker and current is None and not _SIGNAL.search(text) and len(text.split()) <= 3:
            heading, fresh = text, True
            continue
        body = text[marker.end():] if marker else text
        if md:
            body = re.sub(r"^\d{1,3}\.\s*", "", body)
        starts = bool(marker or md or _YEAR_LEAD.match(body))
        if current is None:
            seen = True
            if held is not None and not starts and _is_names_line(body):  # a short title, then its authors
                current = _Entry(held[0], held[1], False, heading)
                current.add(held[2])
            else:
                current = _Entry(number, indent, starts, heading)
            current.add(body)
            fresh = False
            continue
        if starts:
            new = True
        elif current.marked or md:
            new = was_gap and current.complete and _is_start(body) and not current.labels
        elif indent > current.indent:
            new = False
        else:
            new = was_gap or (current.complete and (_is_start(body) or read_names(body) is not None))
        if new:
            yield current
            current = _Entry(number, indent, starts, heading)
            fresh = False
        elif not was_gap and current.complete and (
                (cv := _is_cv_title(text)) or (text[:1].isupper() and _is_title_line(text))):
            before_title = before_title or (current, current.mark(), 0, cv)
        seen = True
        current.add(body)
    if current is not None:
        yield current


def _has_evidence(text: str) -> bool:
    """Whether an entry reads as a citation: a year or identifier, and names in front, a quoted title, an
    identifier, a venue's marks (`In Proc.`, `Journal`, `vol.`, `pp.`, `12(3)`, `12:45`), or a shape that needs
    no names in front (a GB/T 7714 type code, a book's imprint last)."""
    if not _SIGNAL.search(text):
        return False
    return bool(read_names(text) or _STRONG_CUE.search(text) or nameless_shape(text))


def sniff(text: str) -> float:
    """The share of entries that read as citations, when there are at least two of them; prose scores 0."""
    cites, prose = tally(text)
    if cites < 2:
        return 0.0
    return round(cites / (cites + prose), 3)


def tally(text: str) -> tuple[int, int]:
    """How many entries of a text's opening read as citations, and how many as prose."""
    cites = prose = 0
    for item in _segment(text.split("\n")[:SNIFF_LINES]):
        if item.length > CITATION_MAX:
            prose += 1
            continue
        body = item.text
        if item.labels or _has_evidence(body):
            cites += 1
        elif len(body.split()) >= _PROSE_MIN_WORDS:
            prose += 1
    return cites, prose


#: A CV's or personal page's title (`Curriculum Vitae — Jane Doe, PhD`, `Lebenslauf`, `个人主页`), taken with the
#: list under it from up to _CV_TITLE_REACH lines above the list's heading, whatever its digits and stops.
_CV_TITLE = re.compile(
    r"\b(?:curriculum\s+vitae|cv|vita|résumé|resume|lebenslauf|currículum|curriculum|homepage|home\s+page|"
    r"page\s+personnelle|persönliche\s+seite)\b|个人主页|个人简历|简历|履歴書|個人主頁|이력서",
    re.IGNORECASE,
)
_CV_TITLE_REACH = 3


def _is_list_top(line: str) -> bool:
    return bool(_is_heading(line) or _is_chrome(line) or _MD_HEADING.match(line))


def _is_worded_heading(line: str) -> bool:
    """A section heading in words (`Selected Publications`, `## Articles`), not a bare year (which may be a
    page's cell or item number)."""
    text = line.lstrip("# ") if _MD_HEADING.match(line) else line
    return _is_heading(text) and not _YEAR_HEADING.match(text)


def _headed(lines: Sequence[str], top: int) -> bool:
    """Whether the run of list tops (menus, headings) from lines[top] holds a section heading in words."""
    for line in lines[top:]:
        if _is_worded_heading(line):
            return True
        if not _is_list_top(line):
            return False
    return False


def _opens_numbering(line: str) -> bool:
    """Whether a line is the first entry of a numbered list (`[1] …`, `1. …`, `(1) …`): a list pasted with no
    heading of its own starts there."""
    m = _MARKER.match(line)
    return m is not None and re.fullmatch(r"[\[(]?1[.)\]]\s*", m.group(0)) is not None


def _footer_over_heading(lines: Sequence[str], top: int) -> bool:
    """Whether lines[top], a menu or footer (`Show more`), is followed by a few short lines with a CV's title
    and then a section heading: the page's footer, and the list's own title (`Help Privacy Terms`, `Lebenslauf
    — N. N. (1927–1998)`), which can read as a citation: the list starts at that title, not at the footer."""
    if _is_heading(lines[top]) or _MD_HEADING.match(lines[top]):
        return False
    titled = False
    for line in lines[top + 1: top + 2 + _CV_TITLE_REACH]:
        if _is_list_top(line):
            return titled and _is_worded_heading(line)
        if len(line) > _TITLE_MAX or _MARKER.match(line):
            return False
        titled = titled or _CV_TITLE.search(line) is not None
    return False


def _lead(before: Sequence[str], anchor: str) -> int:
    """A reference list at the end of a page's lines (those after the page's last anchor): from its first
    heading, menu or markdown heading whose next entry reads as a citation (the lines right after the page's
    anchor end its last record, which may read as a citation too), with a short title right above, or from an
    entry numbered 1 (`[1] …`) when it has no heading; else 0.
    With an `anchor` (a line of the page's layout that comes next: a `PMID:` line under a citation), the list
    holds that line, and only a list under a heading of its own (`Selected Publications`) counts: a page's
    records have menus and counts between them too."""
    for top in range(len(before) - 1):
        numbered = not _is_list_top(before[top]) and _opens_numbering(before[top])
        if not (numbered or _is_list_top(before[top])) or (top and _is_list_top(before[top - 1])):
            continue
        if anchor and (not _headed(before, top) or _is_field_row(before[top])):
            continue
        if _footer_over_heading(before, top):
            continue
        first = next((item for item in _segment(before[top:]) if item.text), None)
        if first is None or not (first.labels or _has_evidence(first.text)):
            continue
        if _YEAR_HEADING.match(before[top]) and (rest := _lead(before[top + 1:], anchor)) >= 2:
            return rest  # a bare year is the page's last record's cell (Scholar's), when a list top follows
        above = before[top - 1] if top else ""
        if (cv := next((i for i in range(top - 1, max(-1, top - 1 - _CV_TITLE_REACH), -1)
                        if _is_cv_title(before[i])), None)) is not None:
            top = cv  # `Curriculum Vitae — Jane Doe, PhD` and the line or two under it (`Professor of …`)
        elif above and not numbered and _is_title_line(above):
            top -= 1  # the list's title; a masthead's lines above it (`Harvard Law School / Faculty Directory / Name`)
            reach = top - _CV_TITLE_REACH
            while top > max(0, reach) and _is_masthead_line(before[top - 1]):
                top -= 1
            while top and _is_chrome(before[top - 1]):
                top -= 1
        return len(before) - top
    return 0


#: A reference list has no line of its own that marks it: a page of another layout that starts after it is
#: found by that layout's anchors, and the list, found before another page by detection
#: (layouts.detect_opening), is found after one by its `lead` over the lines after the page's last anchor.
BOUNDARIES = Boundaries(anchor=never, lead=_lead)


def parse(text: str, path: str, as_of: date) -> ParseResult:
    """Read every entry of a publication list."""
    return ParseResult.collect(NAME, path, iter_parse(text.split("\n"), path, as_of))


def iter_parse(lines: Iterable[str], path: str, as_of: date) -> Iterator[ParseEvent]:
    """Yield a record per entry in order; prose is reported as a warning, never made into a record."""
    read = False  # whether an entry was read as a citation yet
    for item in _segment(lines):
        if "authors" in item.labels or "author" in item.labels:
            yield _labelled(item, path)
            continue
        text = item.text
        if len(text) > CITATION_MAX:
            yield ParseIssue(path, item.number, f"{len(text)} characters without a break: too long for a citation; "
                             "skipped")
            continue
        if (item.masthead or (not read and item.heading is None)) and not _SIGNAL.search(text) and not (
                _STRONG_CUE.search(text)):
            # the page's top, above any heading or citation (or above the heading that opens a second list): a
            # masthead (`Law School / Faculty Directory / name / title`) with no year or identifier is page
            # chrome, whatever words of a venue it holds
            if _reportable(text):
                yield ParseIssue(path, item.number, f"not read as a citation (no year or identifier): {text[:60]!r}")
            continue
        if not (_SIGNAL.search(text) or _VENUE_CUE.search(text)):
            if _reportable(text):
                yield ParseIssue(path, item.number, f"not read as a citation (no year or identifier): {text[:60]!r}")
            continue
        fields = split_reference(text)
        if not fields.split and not _has_evidence(text):
            yield ParseIssue(path, item.number, f"not read as a citation: {text[:60]!r}")
            continue
        if not fields.split:
            yield ParseIssue(path, item.number, "citation not split into fields; its whole text is kept as the title")
        read = True
        year = fields.year
        if year is None and not fields.in_press and item.heading and (m := re.search(YEAR, item.heading)):
            year = int(m.group(0))
        yield Work(
            title=fields.title,
            authors=fields.authors,
            authors_truncated=fields.authors_truncated,
            year=year,
            date=str(year) if year else None,
            doi=fields.doi,
            arxiv_id=fields.arxiv_id,
            pmid=fields.pmid,
            venue=fields.venue,
            type=_type_of(item.heading),
            abstract=item.labels.get("abstract") or None,
            sources=(Source(NAME, path, item.number),),
        )


def _reportable(text: str) -> bool:
    """Whether text that is no citation is worth a warning: a short page title is dropped quietly; a paragraph,
    or anything opening with names, is reported."""
    names = read_names(text)
    return len(text.split()) >= _PARAGRAPH_WORDS or bool(names and (len(names.names) > 1 or "." in names.names[0]))


def _labelled(item: _Entry, path: str) -> Work:
    """A markdown digest entry: `##### 1.Title`, `**Authors:** A, B`, `**Abstract:** …`."""
    labels = item.labels
    authors_text = labels.get("authors") or labels.get("author") or ""
    names = read_names(authors_text)
    listed, cut = split_authors(authors_text)  # names of any shape, as the digest lists them
    authors = names.names if names and len(names.names) >= len(listed) else tuple(listed)
    identifiers = " ".join(f"{k}: {v}" for k, v in labels.items() if k not in {"abstract", "authors", "author"})
    fields = split_reference(f"{item.text}. {identifiers}") if identifiers else None
    year = fields.year if fields else None
    return Work(
        title=item.text.rstrip(". ") or None,
        authors=authors,
        authors_truncated=bool(names and names.truncated) or cut,
        year=year,
        date=str(year) if year else None,
        doi=fields.doi if fields else None,
        arxiv_id=fields.arxiv_id if fields else None,
        abstract=labels.get("abstract") or None,
        type=_type_of(item.heading),
        sources=(Source(NAME, path, item.number),),
    )
