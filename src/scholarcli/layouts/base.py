"""What every layout module provides (checked by mypy), and the line walker they share.

A layout module is a plain module with:

- ``NAME``: the layout's key (``dblp``, ``arxiv-listing``, …), as `scholar formats` and `--from` show it;
- ``SUMMARY``: one line for `scholar formats`;
- ``sniff(head: str) -> float``: 0-1, how sure it is that the opening of a text is in this layout;
- ``iter_parse(lines, path, as_of) -> Iterator[ParseEvent]``: records (and skipped blocks) as they are read.

`layouts/__init__.py` registers each module once and checks it against `LayoutModule`.

Optionally, ``BOUNDARIES = Boundaries(...)``: how a page of the layout is found inside a longer text, so that
a file holding pages of several layouts (or two pages of one) is split where a page starts and each part is
read in its own layout (see `layouts/segments.py`). Give the lines that only your layout has as ``anchor``;
say which lines just before your first anchor belong to your page with ``lead`` (a title above
``Authors:``); mark the line a page has once with ``page`` (``Published work``); and give the line that opens
a page, when ``cat`` can glue it to the previous file's last line, as ``glued``. A layout without
``BOUNDARIES`` keeps whole-input behaviour: it is detected from an input's opening and then reads the whole
input (no other page is looked for in it), and no page of it is found after another layout's page. Today
that is:

- ``csv``: a file of it is read whole, whatever its rows look like.

The JSON formats (``csl-json``, ``json``, ``jsonl``) declare ``Boundaries(anchor=brackets.opens_value,
json=…)``: a JSON value is a part of its own, from the line that opens it to where its brackets close (see
``json`` below), so an array with a page before or after it gives each part a valid input.

The reference-manager exports ``bibtex`` and ``ris`` declare BOUNDARIES: entries pasted before or after a page
are a part of their own. Their entries span lines, so they also say with ``inside`` where an entry is open:
no page starts inside one (an abstract's `Authors:` line), and between entries a page is looked for as
anywhere. Their modules import their parsing libraries inside the parse functions, since the splitter loads
every layout with BOUNDARIES on every run. For example, RIS, whose records open with ``TY  - JOUR``:

    BOUNDARIES = Boundaries(anchor=_type_line, inside=_in_record, glued=re.compile(r"TY {1,2}- ?[A-Z]{2,6}\\Z"),
                            glued_ends=tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))

The ``citation-list`` fallback declares BOUNDARIES with no anchor: a reference list (a CV's) before a page is
found by detection (`layouts.detect_opening`: the lines before the page's start read as citations), a page
after it by that page's anchors (the fallback is taken only when no specific layout reads a text, so the
page's sniff need not beat the list's), and a list after a page by the fallback's ``lead`` over the lines
after the page's last anchor (from a citation under a heading, menu or title of its own).

Golden twins (`tests/pages/<layout>/*.txt`) join tests/test_segments.py by glob: each is read after every
other sample, and must give the same records as when read alone (skipped, with the reason, for a layout
without ``BOUNDARIES``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple, Protocol

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)
from scholarcli.model import ParseEvent


class LayoutModule(Protocol):
    """The surface of a layout module: a name, a summary, a sniffer and a streaming parser."""

    NAME: str
    SUMMARY: str

    def sniff(self, head: str) -> float: ...

    def iter_parse(self, lines: Iterable[str], path: str, as_of: date) -> Iterator[ParseEvent]: ...


def never(line: str) -> bool:
    """The default `page`: no line marks a page."""
    return False


def _no_lead(before: Sequence[str], anchor: str) -> int:
    return 0


def _no_tail(anchor: str, after: Sequence[str]) -> int:
    return 0


@dataclass(frozen=True, slots=True)
class Boundaries:
    """Where pages of a layout start inside a longer text: the optional ``BOUNDARIES`` of a layout module.

    Every function gets lines stripped of indentation; blank lines are never passed. They are called on
    every line of every input, so keep them cheap (a `str.startswith` or a length check before a regex).

    - ``anchor(line)``: True for a line that belongs to this layout and is rare elsewhere (a feed header,
      ``Authors:``, ``arXiv:ID``, a ``preprint2022arXiv`` item line). While another layout is being read, an
      anchor of yours is where a change to your layout is considered; the change is made only when your
      ``sniff`` of the text from there (about 40 lines) clears the detection threshold and beats the current
      layout's. While your layout is being read, anchors tell the splitter which lines are surely yours.
    - ``lead(before, anchor)``: of the lines since the previous page's last anchor (``before``, oldest first),
      how many at the end open your page: the title above ``Authors:``, the abstract above ``arXiv:ID``, the
      header above ``Published work``. Claim only what surely belongs to your page; default 0.
    - ``page(line)``: True for a line a page of this layout has once (``Published work``). A second one starts
      a new page of the same layout, read on its own (a second profile gets its own owner).
    - ``glued``: a pattern for a line that opens a page, as it may end another line when files without a
      final newline are concatenated. It must end with ``\\Z`` and match only the glued part; it is tried
      on the last 120 characters of each line, and a match splits the line in two.
    - ``glued_ends``: the endings a glued opening line can have (``("Researcher profile",)``, or the ten digits
      for a line that ends with a day). Only lines that end with one are searched, which keeps reading fast;
      leave it empty to search every line.
    - ``tail(anchor, after)``: of the lines after your page's last anchor (``anchor``; ``after``, oldest first),
      how many at the start still belong to your page's last record: ResearchGate's authors line under its
      ``May 2015 · Science`` anchor. They are never taken for the start of a reference list after your page
      (a CV's name over its ``Publications`` heading). Default 0.
    - ``shares``: the layouts some of whose anchors are yours too (arxiv-list and arxiv-listing both have
      ``[1] arXiv:ID [pdf]`` and ``Authors:``). While one of them is read, such a line is held back rather
      than taken as surely its own, so that the other's page can still start there: a line only one of the
      two has (``Title:``, ``Abstract:``) then decides, by both sniffs, with the other's ``lead`` reaching
      back over the held lines. Either side may declare it.
    - ``inside(state, line)``: for a layout whose entries span lines (BibTeX's braces, RIS's ``TY``…``ER``),
      the state after `line` given the state before it; 0 is outside any entry, other values mean what the
      layout makes them mean (an open brace count), and -1 says the entry ended before `line` (it lost its
      end: `line` is no part of it). While your layout is read, a line read inside an entry is surely yours:
      no other page starts there. An entry still open after HOLD_LINES lines is taken as closed, so a
      damaged entry cannot swallow the page after it whole.
    - ``json``: for a JSON format, ``"value"`` when a part is one JSON value (an array: CSL-JSON, scholar's
      JSON), or ``"lines"`` when it is one value a line (JSON Lines). ``anchor`` is then the line that opens a
      value (`brackets.opens_value`); the value ends where its brackets close, tracked outside strings line by
      line (a line no JSON text has, such as ``Deep learning``, ends a value that never closes), and the text
      after it is detected afresh. The splitter loads such a layout only when a line opens a value.
    """

    anchor: Callable[[str], bool]
    lead: Callable[[Sequence[str], str], int] = _no_lead
    page: Callable[[str], bool] = never
    glued: re.Pattern[str] | None = None
    glued_ends: tuple[str, ...] = ()
    tail: Callable[[str, Sequence[str]], int] = _no_tail
    shares: tuple[str, ...] = ()
    inside: Callable[[int, str], int] | None = None
    json: str = ""


class Line(NamedTuple):
    """One line of an input: its 1-based number, its text without indentation or trailing space, and
    whether blank lines stood before it (``gap``). A named tuple: made for every line read, and built
    at half the cost of a frozen dataclass."""

    number: int
    text: str
    gap: bool = False


def walk(lines: Iterable[str], start: int = 1) -> Iterator[Line]:
    """The non-blank lines of an input, stripped, each numbered and marked when blank lines preceded it.

    Browsers indent copied lines and put blank lines between fields; a parser that reads through `walk`
    sees the same lines either way.
    """
    gap = False
    for number, raw in enumerate(lines, start=start):
        text = raw.strip()
        if not text:
            gap = True
            continue
        yield Line(number, text, gap)
        gap = False


_NUMBERING = re.compile(r"^(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)])\s+")


def strip_numbering(text: str) -> str:
    """`3. Title`, `[3] Title`, `(3) Title` -> `Title`: the list numbers pages and copies put in front."""
    return _NUMBERING.sub("", text, count=1)


_TRUNCATION = re.compile(
    r"(?:,?\s*(?:et\s+al\.?|and\s+others|\.\.\.|…|\+\s*\d+\s+authors?)\s*$)"
    r"|(?:\s*\(\s*[\d,]+\s+additional authors? not shown\s*\)\s*(?:You must enable JavaScript.*)?$)",
    re.IGNORECASE,
)
_AND = re.compile(r",?\s+(?:and|&)\s+")


def split_authors(text: str) -> tuple[list[str], bool]:
    """`A, B and C et al.` -> ([A, B, C], True): names split at commas and `and`, and whether the list
    was cut short (`et al.`, `and others`, `...`, `+3 authors`, `(12 additional authors not shown)`); a
    collaboration before its members (`Planck Collaboration: N. Aghanim`) is a name of its own."""
    truncated = False
    while m := _TRUNCATION.search(text, max(0, len(text) - 200)):  # markers sit at the end
        truncated = True
        text = text[: m.start()]
    from scholarcli.normalise.names import split_group_colon  # loaded with the parsers, not with the anchors

    names = [" ".join(n.split()) for n in _AND.sub(", ", text).split(",")]
    return [part for n in names if n for part in split_group_colon(n)], truncated
