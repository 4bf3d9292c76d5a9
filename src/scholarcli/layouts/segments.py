"""Split an input where a page of another layout (or a second page of the same one) starts.

A file can hold several pages: `cat` of a feed and a profile, two profiles, a listing saved twice. The
splitter reads lines as they come and hands each part's lines to that part's parser, holding back only the
lines since the current layout's last anchor (at most HOLD_LINES) and looking ahead WINDOW_LINES lines when
another layout's anchor suggests a change. Memory stays flat whatever the input's size.

A change to layout M is made at a line that is an anchor of M and not of the current layout L, when M's
sniff of the text from M's page start clears the detection threshold and beats L's. M's page starts where
M's `lead` says, among the lines held back since L's last anchor. A page line of L (`Published work`) seen a
second time starts a new part in L when the text from it reads as L (a CV's `Publications` heading over its
reference list does not). A line that is an anchor of L and of a layout L `shares` anchors with is
held back with the lines before it, so that an exclusive anchor of the other layout can still claim it by
its `lead`. The lines after a page's last anchor are handed to the citation-list fallback as a part of their
own when they end in a reference list (by the fallback's `lead`; looked at only where the page ends, before
another page, or after HOLD_LINES lines without an anchor); the lines the current layout's `tail` keeps for its
last record (ResearchGate's authors line under its last anchor) are never the list's. A list can hold a line
that is an anchor of the page before it (a `PMID:` line under a CV's citation): at each anchor, the held lines
are looked at when one of them could head a list (`layouts.may_head_list`, a cheap test), and a list under a
heading of its own that reads as citations through the look-ahead window is split off there, the anchor's line
with it. After M is rejected at an anchor, M's later anchors in the looked-ahead window are checked only where
the text from them could read as M. Lines that end with a layout's glued opener are split in two first. The
fallback (citation-list) is beaten by any layout whose sniff clears the threshold, as in detection. In a layout
whose entries span lines (BibTeX, RIS: its `inside`), every line inside an entry is the layout's own; a page is
looked for only between entries, and the lines after its last entry go to the page or reference list that
follows (an export has no text of its own between entries: only comments, which the parser skips).
A part in a JSON format (base.Boundaries.json) is a JSON value: it starts at a line that opens one (`[`,
`[{`, a JSON Lines `{"` line) when the value's first element reads as that format (the JSON modules are loaded
only then), and ends where its brackets close, tracked line by line outside strings (layouts/brackets.py), or at
a line no JSON text has; a page glued on after the closing bracket is split off. The text after it is detected
afresh, as an input's opening is; text in no layout stays with the JSON part, whose parser reports it.
A layout without `BOUNDARIES` is read whole: an input detected in it is one part, and no page of it is found
inside another layout's input (file formats such as CSV, whose rows may look like another layout's anchors,
are safe that way).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from scholarcli.layouts import (
    DETECT_THRESHOLD,
    FALLBACK,
    REGISTRY,
    WHOLE_INPUT_FORMATS,
    Layout,
    detect_opening,
    get,
    json_format,
    may_be_list,
    may_head_list,
)
from scholarcli.layouts.base import Boundaries, never
from scholarcli.layouts.brackets import Depth, may_be_json, opens_value

#: Lines held back since the current layout's last anchor before the oldest is handed to its parser.
#: Lines of a site's top bar, above any page's opening (its name, or its `Works (N)`…): a page that starts after
#: another claims them, so they never end the other page's last record (`… Code is available. Skip to main content`).
SITE_TOP = frozenset(
    {"skip to main content", "skip to content", "skip to main page content", "skip to search", "skip navigation",
     "jump to content", "menu", "main menu", "sign in", "log in", "sign in/register", "register", "create free account",
     "search", "english", "google scholar", "semantic scholar", "nasa/ads", "scix", "pubmed", "orcid", "dblp", "blog",
     "statistics", "update feed", "researchgate", "inspire", "arxiv", "connecting research and researchers"}
)
HOLD_LINES = 200
#: Non-blank lines looked ahead to confirm a change of layout, and the bytes they may take.
WINDOW_LINES = 40
WINDOW_CHARS = 1 << 19
#: The window is sniffed at these lengths (non-blank lines from the page start), shortest first.
WINDOW_STEPS = (12, 24, WINDOW_LINES + HOLD_LINES)
#: Non-blank lines of a part before its first page line (and that line's lead) that make the line a second page's:
#: records came first (a page whose rows have no anchor of their own: Scholar's cells on lines of their own).
RECORDS_BEFORE = 12
#: Lines of each part kept as a sample for plausibility checks.
SAMPLE_LINES = 200
#: Glued openers are looked for in this many characters at the end of each line.
GLUE_TAIL = 120
#: The text after a JSON value is detected afresh on as much as an input's opening (reading/lines.py: at least
#: AFTER_LINES lines and AFTER_CHARS characters), up to AFTER_MAX characters.
AFTER_LINES = 64
AFTER_CHARS = 1 << 18
AFTER_MAX = 1 << 21


@dataclass(slots=True)
class Part:
    """One part of an input, in one layout: its lines (to hand to the parser) and their numbers in the input."""

    layout: str
    index: int
    lines: Iterator[str]
    first_line: int = 1
    _starts: list[int] = field(default_factory=list)  # parser-local line numbers where numbering jumps
    _numbers: list[int] = field(default_factory=list)  # the input line numbers at those points
    #: Whether the parser's line numbers differ from the input's (and records need renumbering).
    shifted: bool = False
    #: The first SAMPLE_LINES non-blank lines handed to the parser, stripped (for plausibility checks).
    sample: list[str] = field(default_factory=list)

    def number(self, local: int) -> int:
        """The input's line number for the parser's 1-based line number `local`."""
        i = bisect_right(self._starts, local) - 1
        if i < 0:
            return local
        return self._numbers[i] + (local - self._starts[i])


_Item = tuple[int, str]  # (input line number, text)


class Splitter:
    """Splits the lines of one input into parts (see the module docstring). Consume each part's lines, or
    leave them: asking for the next part skips the rest of the current one."""

    def __init__(self, lines: Iterable[str], layout: str, detect: bool = True) -> None:
        self.layout = layout
        self.detect = detect
        # The fallback and the file formats are not loaded here (the JSON formats are, at a line opening a value).
        names = [n for n in REGISTRY if n != FALLBACK and n not in WHOLE_INPUT_FORMATS] if detect else [layout]
        self.layouts = [get(name) for name in names]
        self.pending: deque[_Item] = deque()  # lines read ahead, handed out before the source's next ones
        self.source = self._glued(lines)
        self.next_layout: str | None = None  # set by a part's lines when the next part's start is found

    def parts(self) -> Iterator[Part]:
        """The parts in input order."""
        index = 0
        layout: str | None = self.layout
        stalled = False
        while layout is not None:
            part = Part(layout, index, iter(()), self.pending[0][0] if self.pending else 1)
            self.next_layout = None
            part.lines = self._lines(part, get(layout), stalled)
            yield part
            for _ in part.lines:  # whatever the parser left unread belongs to this part
                pass
            # A part that took no line leaves the next one to take at least its first: two layouts that each
            # hand the same line to the other never loop.
            stalled = not part.sample
            layout, index = self.next_layout, index + 1

    def _glued(self, lines: Iterable[str]) -> Iterator[_Item]:
        """Number the lines, splitting a line that ends with another page's glued opening line."""
        owners = [layout for layout in self.layouts if layout.boundaries and layout.boundaries.glued]
        openers = _Openers([layout.boundaries for layout in owners if layout.boundaries])
        lasts, anywhere = frozenset(openers.by_last), bool(openers.anywhere)
        for number, text in enumerate(lines, start=1):
            m = None
            if owners and text and (anywhere or text[-1] in lasts) and (glued := openers.pattern(text)):
                m = glued.search(text, max(0, len(text) - GLUE_TAIL))
            if m and m.lastgroup and text[: m.start()].strip():
                owner = owners[int(m.lastgroup[1:])].boundaries
                if owner is not None and not owner.anchor(text.strip()):  # not a whole line of its own layout
                    yield number, text[: m.start()]
                    yield number, text[m.start():]
                    continue
            yield number, text

    def _pull(self) -> _Item | None:
        if self.pending:
            return self.pending.popleft()
        return next(self.source, None)

    def _lines(self, part: Part, current: Layout, stalled: bool = False) -> Iterator[str]:
        """The lines of one part, handed over as its parser asks for them; ends where the next part starts.
        When the part before took no line (`stalled`), this part's first non-blank line is its own."""
        bounds = current.boundaries
        own_anchor = bounds.anchor if bounds is not None else None
        own_page = bounds.page if bounds is not None and bounds.page is not never else None
        own_inside = bounds.inside if bounds is not None else None
        state = deep = 0  # `inside`'s state (0: between entries), and the non-blank lines the open entry has had
        detect = self.detect and bounds is not None  # a layout without BOUNDARIES is read whole, as before
        held: deque[_Item] = deque()
        held_text = 0
        last: str | None = None  # the current layout's anchor right before `held`, while nothing was trimmed
        listed = False  # whether the held run was looked at for a reference list
        seen_page = False
        anchored = 0  # the current layout's anchors read before its first page line
        local, expect = 0, -1
        quiet: dict[str, int] = {}  # layout -> non-blank lines to wait before checking its anchors again
        others = [(layout, layout.boundaries.anchor) for layout in self.layouts
                  if layout.name != current.name and layout.boundaries is not None]
        # The layouts that claim some of the current layout's anchors too (either side declares it).
        sharers = [anchor for layout, anchor in others if detect and layout.boundaries is not None and (
            current.name in layout.boundaries.shares or (bounds is not None and layout.name in bounds.shares))]

        def hand(item: _Item) -> str:
            nonlocal local, expect
            local += 1
            if item[0] != expect:  # the first line, or a line split in two: the numbering jumps
                part._starts.append(local)
                part._numbers.append(item[0])
                part.shifted = part.shifted or local != item[0]
            expect = item[0] + 1
            if len(part.sample) < SAMPLE_LINES and item[1].strip():
                part.sample.append(item[1].strip())
            return item[1]

        if detect and bounds is not None and bounds.json:
            for item in self._json(bounds.json == "lines"):
                yield hand(item)
            return
        pending, source = self.pending, self.source
        while True:
            if pending:
                item = pending.popleft()
            else:
                got = next(source, None)
                if got is None:
                    break
                item = got
            text = item[1].strip()
            if not text:
                held.append(item)
                continue
            if quiet:
                for name in list(quiet):
                    quiet[name] -= 1
                    if quiet[name] <= 0:
                        del quiet[name]
            entry = state != 0  # this line is inside an entry of the current layout: surely its own
            if own_inside is not None:
                state = own_inside(state, text)
                if state < 0:  # the entry ended before this line (it lost its end): the line is outside it
                    entry, state = False, 0
                deep = deep + 1 if state else 0
                if deep > HOLD_LINES:  # an entry that never closes (a lost brace) must not swallow the rest
                    state = deep = 0
            ours = entry or (own_anchor is not None and own_anchor(text))
            shared = ours and bool(sharers) and (sharers[0](text) or any(anchor(text) for anchor in sharers[1:]))
            repeat = own_page is not None and own_page(text)
            if stalled:  # see `parts`: this line is surely the part's own
                stalled = False
                while held:
                    yield hand(held.popleft())
                held_text, listed, last = 0, False, text
                yield hand(item)
                continue
            if repeat and not seen_page:
                # the first page line is this page's own header, unless records came before it: a list copied
                # without its header (ORCID's works, Semantic Scholar's papers), or a page whose rows have no
                # anchor (Scholar's cells on lines of their own), and then a whole page
                seen_page, repeat = True, anchored >= 2 or (
                    detect and len(part.sample) + _filled(held, self._start(current, held, text)) >= RECORDS_BEFORE)
            elif ours and not seen_page:
                anchored += 1
            if repeat and detect and not self._again(current, held, item):
                repeat = ours = False  # a `Publications` heading of a reference list, not a second page
            if not ours and not repeat and detect:
                if text[0] in "[{" and opens_value(text):
                    self._json_change(item)  # a JSON value below the page: a part of its own
                for other, anchor in others if self.next_layout is None else ():
                    if anchor(text) and other.name not in quiet:
                        start, wait = self._change(current, other, held, item)
                        if start is None:
                            if wait > 0:
                                quiet[other.name] = wait
                            continue
                        self._put_back(held, start)
                        self.next_layout = other.name
                        break
                if self.next_layout is not None:
                    if (cut := self._list_start(current, held, last)) is not None:
                        self.next_layout = FALLBACK  # a reference list between the two pages: a part of its own
                        self._put_back(held, cut)
                    elif own_inside is not None:  # an export has no text of its own between entries: the page's
                        self._put_back(held, 0)
                    while held:
                        yield hand(held.popleft())
                    return
            if repeat and detect:
                start = self._start(current, held, text)
                self.pending.appendleft(item)
                self._put_back(held, start)
                self.next_layout = current.name
                if (cut := self._list_start(current, held, last)) is not None:
                    self.next_layout = FALLBACK  # a reference list between the two pages: a part of its own
                    self._put_back(held, cut)
                while held:
                    yield hand(held.popleft())
                return
            if ours and not shared and detect and len(held) >= 2 and (
                    cut := self._list_at(current, held, item, last, listed)) is not None:
                self.pending.appendleft(item)  # a reference list before the anchor, or holding it: its own part
                self._put_back(held, cut)
                while held:
                    yield hand(held.popleft())
                self.next_layout = FALLBACK
                return
            if ours and not shared:  # a line another layout claims too is held: it may open that layout's page
                while held:
                    yield hand(held.popleft())
                held_text, listed, last = 0, False, text
                yield hand(item)
                continue
            held.append(item)
            held_text += len(item[1])
            if not listed and (len(held) > HOLD_LINES or held_text > WINDOW_CHARS):
                listed = True  # a long run without an anchor of the current page: a reference list?
                if (cut := self._list_start(current, held, last)) is not None:
                    self._put_back(held, cut)
                    while held:
                        yield hand(held.popleft())
                    self.next_layout = FALLBACK
                    return
            while len(held) > HOLD_LINES or (held_text > WINDOW_CHARS and len(held) > 1):
                old = held.popleft()
                held_text -= len(old[1])
                last = None
                yield hand(old)
        if (cut := self._list_start(current, held, last)) is not None:
            self._put_back(held, cut)
            self.next_layout = FALLBACK
        while held:
            yield hand(held.popleft())

    def _put_back(self, held: deque[_Item], keep: int) -> None:
        """Move held[keep:] to the front of the lines read ahead: the next part reads them."""
        while len(held) > keep:
            self.pending.appendleft(held.pop())

    def _json(self, per_line: bool) -> Iterator[_Item]:
        """The lines of a part in a JSON format (see base.Boundaries.json): text before its first value, the
        value (for JSON Lines, values one a line), and text after it that reads in no layout (its parser reports
        both); where text in a layout follows, `next_layout` is set and the part ends."""
        values = 0
        while (item := self._pull()) is not None:
            text = item[1].strip()
            if not text:
                yield item
            elif values and not (per_line and text[0] == "{"):
                self.pending.appendleft(item)
                found, looked = self._detect_rest()
                if found is not None:
                    self.next_layout = found
                    return
                for _ in range(looked):  # text in no layout: its parser reports it
                    yield self.pending.popleft()
            elif not values and not opens_value(text):
                yield item  # text before the first value
            elif per_line and text[-1] == "}":
                values += 1
                yield item  # a JSON Lines object, as its line ends (one that does not is looked into)
            else:
                values += 1
                yield from self._value(item, per_line)

    def _value(self, item: _Item, per_line: bool) -> Iterator[_Item]:
        """The lines of the JSON value that opens on `item`, to the line where its brackets close (the rest of
        that line is put back: a page glued on), or before a line no JSON text has (the value is broken); for
        JSON Lines, the one line."""
        depth = Depth()
        pending, source = self.pending, self.source
        while True:
            number, raw = item
            if "]" in raw or "}" in raw or "[" in raw or "{" in raw:
                at = depth.close(raw)
                if at is not None:
                    if raw[at:].strip():
                        pending.appendleft((number, raw[at:]))
                        yield number, raw[:at]
                    else:
                        yield item
                    return
            yield item
            if per_line:
                return  # a line whose object never closes: its parser reports it
            got = pending.popleft() if pending else next(source, None)
            if got is None:
                return
            item = got
            if (text := item[1].strip()) and not may_be_json(text):
                pending.appendleft(item)  # the value never closed: it is broken before this line
                return

    def _detect_rest(self) -> tuple[str | None, int]:
        """The layout of the text that follows a JSON value, detected as an input's opening is, and how many
        lines were looked at (read ahead and put back)."""
        ahead: list[_Item] = []
        size = 0
        while size < AFTER_MAX and (size < AFTER_CHARS or len(ahead) < AFTER_LINES):
            nxt = self._pull()
            if nxt is None:
                break
            ahead.append(nxt)
            size += len(nxt[1]) + 1
        self.pending.extendleft(reversed(ahead))
        found, _ = detect_opening("\n".join(text for _, text in ahead))
        return found, len(ahead)

    def _json_change(self, item: _Item) -> None:
        """At a line that opens a JSON value: when the value reads as a JSON format (by its first element, read
        ahead and put back), the part ends before it and the value starts the next part."""
        pulled: list[_Item] = []

        def texts() -> Iterator[str]:
            yield item[1]
            while (nxt := self._pull()) is not None:
                pulled.append(nxt)
                yield nxt[1]

        found = json_format(texts())
        self.pending.extendleft(reversed(pulled))
        if found is not None:
            self.pending.appendleft(item)
            self.next_layout = found

    def _list_start(self, current: Layout, held: deque[_Item], last: str | None = None) -> int | None:
        """Index in `held` (the lines after the current page's last anchor, `last` when held follows it) where a
        reference list starts that fills the rest of them, by the fallback's `lead`, when those lines read as
        citations and not as the current layout; else None. Only pages are looked at, and only runs with a year
        in two lines. The lines the current layout's `tail` keeps for its last record are never the list's."""
        if self.detect and current.boundaries is not None and current.boundaries.inside is not None:
            # An export (BibTeX, RIS) has no text of its own between entries: all the lines after the last one
            # are the list's when together they read as one.
            lines = [text.strip() for _, text in held if text.strip()]
            if len(lines) < 3 or not may_be_list(lines, 2):
                return None
            return 0 if _reads_as_list(current, "\n".join(lines)) else None
        found = self._list_top(current, held, 3, 2, last)
        if found is None:
            return None
        cut, lines = found
        return cut if _reads_as_list(current, "\n".join(lines)) else None

    def _list_at(self, current: Layout, held: deque[_Item], item: _Item, last: str | None, listed: bool) -> int | None:
        """At an anchor of the current layout (`item`): index in `held` where a reference list starts that ends
        before it (a list between two pages of this layout), or that holds it (`_list_through`); else None. Cheap
        tests first, as this runs at every anchor: a year, DOI or arXiv mark, and a line that may head a list
        with a line after it."""
        texts = [text.strip() for _, text in held if text.strip()]
        if not may_head_list(texts[:-1]) or not may_be_list(texts, 1):
            return None
        if not listed and len(texts) >= 3 and (cut := self._list_start(current, held, last)) is not None:
            return cut
        return self._list_through(current, held, item, last)

    def _list_through(self, current: Layout, held: deque[_Item], item: _Item, last: str | None) -> int | None:
        """Index in `held` where a reference list starts (its heading, then a citation) of which `item`, an anchor
        of the current layout, is a line (a `PMID:` or `Abstract:` line under a citation), when the text from
        there through the look-ahead window reads as citations and not as the current layout; else None."""
        found = self._list_top(current, held, 2, 1, last, item[1].strip())
        if found is None:
            return None
        window, at = self._window(current, held, found[0], item)
        if _reads_as_list(current, "\n".join(window)) or self._later(current, window, at):
            return found[0]  # (or the list's lines read as citations up to a page of the current layout again)
        return None

    def _list_top(self, current: Layout, held: deque[_Item], least: int, marks: int,
                  last: str | None = None, anchor: str = "") -> tuple[int, list[str]] | None:
        """Where in `held` a reference list starts by the fallback's `lead` (its heading or menu, with a
        citation after it), and its lines; None unless `held` has `least` non-blank lines, `marks` of them with
        a year, DOI or arXiv mark. When `held` follows the current layout's anchor `last`, the lines its `tail`
        keeps for the page's last record are left out of the list. With `anchor` (the current layout's line that
        comes next), a list that holds that line."""
        if not self.detect or current.name == FALLBACK or current.boundaries is None:
            return None
        positions = [i for i, (_, text) in enumerate(held) if text.strip()]
        if len(positions) < least or not may_be_list((held[i][1] for i in positions), marks):
            return None
        fallback = get(FALLBACK)
        if fallback.boundaries is None:
            return None
        lines = [held[i][1].strip() for i in positions]
        own = max(0, min(len(lines), current.boundaries.tail(last, lines))) if last is not None else 0
        lead = max(0, min(len(lines) - own, fallback.boundaries.lead(lines[own:], anchor)))
        if own and lead != len(lines) - own:  # no list right after the record's lines: they were no record's
            own, lead = 0, max(0, min(len(lines), fallback.boundaries.lead(lines, anchor)))
        if lead < 2:
            return None
        return positions[len(lines) - lead], lines[-lead:]

    def _again(self, current: Layout, held: deque[_Item], item: _Item) -> bool:
        """Whether the second page line `item` of `current` opens a second page: the text from its page start
        (by `current`'s lead) reads as `current`. A heading alone (`Publications`) is weak evidence: a CV's
        reference list under it is no page of `current`."""
        start = self._start(current, held, item[1].strip())
        window, at = self._window(current, held, start, item)
        for size in WINDOW_STEPS:
            if current.sniff("\n".join(window[:size])) >= DETECT_THRESHOLD:
                return not self._later(current, window, at)  # a list's `Publications 2004`, then the page
            if size >= len(window):
                break
        return False

    def _window(self, other: Layout, held: deque[_Item], start: int, item: _Item,
                cut: bool = True) -> tuple[list[str], int]:
        """The non-blank lines, stripped, from `held[start]` through `item` and up to WINDOW_LINES lines after it
        (read ahead and put back to be read again; with `cut`, the window ends where another layout's anchor is
        met), and the index of `item` in them."""
        ahead: list[_Item] = []
        size = sum(len(text) for _, text in list(held)[start:]) + len(item[1])
        count = 0
        theirs = other.boundaries.anchor if other.boundaries is not None else None
        rivals = [layout.boundaries.anchor for layout in self.layouts
                  if cut and layout.name != other.name and layout.boundaries is not None]
        while count < WINDOW_LINES and size < WINDOW_CHARS:
            nxt = self._pull()
            if nxt is None:
                break
            ahead.append(nxt)
            size += len(nxt[1])
            text = nxt[1].strip()
            count += bool(text)
            if text and not (theirs is not None and theirs(text)) and any(anchor(text) for anchor in rivals):
                break  # a page of another layout (or the current one again) starts: the window ends here
        lines = [text for _, text in list(held)[start:]] + [item[1]] + [text for _, text in ahead]
        window = [line.strip() for line in lines if line.strip()]  # sniffed as the hooks see lines
        self.pending.extendleft(reversed(ahead))
        return window, len(window) - 1 - sum(bool(text.strip()) for _, text in ahead)

    def _start(self, layout: Layout, held: deque[_Item], anchor: str) -> int:
        """Index in `held` where `layout`'s page starts, by its lead over the held non-blank lines."""
        if layout.boundaries is None:
            return len(held)
        positions = [i for i, (_, text) in enumerate(held) if text.strip()]
        before = [held[i][1].strip() for i in positions]
        lead = max(0, min(len(before), layout.boundaries.lead(before, anchor)))
        while lead < len(before) and before[-lead - 1].casefold() in SITE_TOP:  # the site's top bar above it
            lead += 1
        if lead == 0:
            return len(held)
        return positions[len(before) - lead]

    def _change(self, current: Layout, other: Layout, held: deque[_Item], item: _Item) -> tuple[int | None, int]:
        """Where in `held` a page of `other` starts, if the text from there reads as `other`; else None, and
        how many non-blank lines after `item` `other`'s anchors need no new look: up to the next anchor of
        `other` in the window from which the text could still read as `other`, else to the window's end."""
        start = self._start(other, held, item[1].strip())
        window, at = self._window(other, held, start, item)
        judged: list[str] | None = window if self._reads_as(current, other, window) else None
        if judged is None and len(window) - at <= WINDOW_LINES:
            # the window ended at a third layout's anchor, which may be one of `other`'s own lines
            whole, _ = self._window(other, held, start, item, cut=False)  # (ORCID's `PMID:`, PubMed's anchor)
            whole = self._pages_cut(other, whole, at)
            if len(whole) > len(window) and self._reads_as(current, other, whole):
                judged = whole
        if judged is None:
            return None, self._wait(current, other, window, at)
        if (later := self._heads_later(current, other, judged, at)):
            return None, later
        self.pending.appendleft(item)
        return start, 0

    def _pages_cut(self, other: Layout, window: list[str], at: int) -> list[str]:
        """`window` up to the first line after window[at] where a page of a third layout starts: a line that is
        its anchor (and not `other`'s) from which the text reads as it. An anchor of a third layout that opens no
        page of it is one of `other`'s own lines (ORCID's `PMID:` line, which PubMed's entries end with)."""
        theirs = other.boundaries.anchor if other.boundaries is not None else None
        rivals = [layout for layout in self.layouts if layout.name != other.name and layout.boundaries is not None]
        for i in range(at + 1, len(window)):
            text = window[i]
            if theirs is not None and theirs(text):
                continue
            for rival in rivals:
                if rival.boundaries is not None and rival.boundaries.anchor(text) and rival.sniff(
                        "\n".join(window[i:i + WINDOW_STEPS[0]])) >= DETECT_THRESHOLD:
                    return window[:i]
        return window

    @staticmethod
    def _reads_as(current: Layout, other: Layout, window: list[str]) -> bool:
        """Whether the window reads as `other` and not as `current`, judged on its first WINDOW_STEPS lines in
        turn: a short page is judged on its own lines, before what follows dilutes it."""
        for size in WINDOW_STEPS:
            text = "\n".join(window[:size])
            score = other.sniff(text)
            if score >= DETECT_THRESHOLD and score > _rival(current, text):
                return True
            if size >= len(window):
                break
        return False

    def _heads_later(self, current: Layout, other: Layout, window: list[str], at: int) -> int:
        """`_later`, where `other`'s anchor at window[at] may be a reference list's line: any line in a list (the
        current part); after a page, when a heading-like line (S2's `Publications`, a CV's `Selected Publications`
        over a `PMID:` line) is one of the window's lines through the anchor."""
        if current.name != FALLBACK and not may_head_list(window[: at + 1]):
            return 0
        return self._later(other, window, at)

    @staticmethod
    def _later(other: Layout, window: list[str], at: int) -> int:
        """In a reference list, a line that is `other`'s anchor (a `Publications` heading) can come before
        `other`'s page, which the window then reaches: the distance from window[at] to a later anchor of
        `other` whose page the lines before it do not belong to (they read as citations, not as `other`), or 0."""
        bounds, fallback = other.boundaries, get(FALLBACK)
        if bounds is None:
            return 0
        for i in range(at + 1, len(window)):
            if bounds.anchor(window[i]):
                begin = i - max(0, min(i - at - 1, bounds.lead(window[at + 1:i], window[i])))
                before = "\n".join(window[:begin])
                if fallback.sniff(before) >= DETECT_THRESHOLD and other.sniff(before) < DETECT_THRESHOLD and (
                        other.sniff("\n".join(window[begin:begin + WINDOW_STEPS[1]])) >= DETECT_THRESHOLD):
                    return i - at
        return 0

    @staticmethod
    def _wait(current: Layout, other: Layout, window: list[str], at: int) -> int:
        """After `other` was rejected at window[at]: the distance to its next anchor in the window from which
        (with its lead) the text reads as `other`, or too near the window's end to judge, else to the window's
        end. Anchors in between need no look of their own; a page right after a rejected anchor is found."""
        bounds = other.boundaries
        if bounds is None:
            return len(window) - at
        for i in range(at + 1, len(window)):
            if bounds.anchor(window[i]):
                lead = max(0, min(i - at - 1, bounds.lead(window[at + 1:i], window[i])))
                if i - lead + WINDOW_LINES > len(window):
                    return i - at  # too few lines left in the window to judge it: it gets a look of its own
                for size in WINDOW_STEPS:
                    text = "\n".join(window[i - lead: i - lead + size])
                    score = other.sniff(text)
                    if score >= DETECT_THRESHOLD and score > _rival(current, text):
                        return i - at
        return len(window) - at


class _Openers:
    """The glued openers of several layouts, searched at the end of a line. Only the openers whose endings
    (`glued_ends`) a line can have are tried, chosen by its last character: a line ending with `,` is searched
    for BibTeX's `@article{key,` alone, not for every layout's opener."""

    def __init__(self, bounds: list[Boundaries]) -> None:
        self.sources = [b.glued.pattern if b.glued is not None else "" for b in bounds]
        self.anywhere = tuple(i for i, b in enumerate(bounds) if b.glued is not None and not b.glued_ends)
        #: last character -> the endings with it, and the openers to search (compiled on first use); a line that
        #: ends with none of these characters (and no opener is searched anywhere) needs no look
        self.by_last: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {}
        for last in {end[-1] for b in bounds for end in b.glued_ends if end}:
            mine = [i for i, b in enumerate(bounds) if any(end.endswith(last) for end in b.glued_ends)]
            ends = tuple(end for i in mine for end in bounds[i].glued_ends if end.endswith(last))
            self.by_last[last] = (ends, tuple(sorted({*mine, *self.anywhere})))
        self.compiled: dict[tuple[int, ...], re.Pattern[str]] = {}

    def pattern(self, text: str) -> re.Pattern[str] | None:
        """The openers to search in `text` (not empty), as one pattern whose group `g<i>` names the owner's index."""
        entry = self.by_last.get(text[-1])
        which = entry[1] if entry is not None and text.endswith(entry[0]) else self.anywhere
        if not which:
            return None
        found = self.compiled.get(which)
        if found is None:  # most inputs end lines with few of the endings: the others are never compiled
            found = self.compiled[which] = re.compile("|".join(f"(?P<g{i}>{self.sources[i]})" for i in which))
        return found


def _filled(held: deque[_Item], end: int) -> int:
    """The non-blank lines in held[:end]."""
    return sum(1 for _, text in islice(held, end) if text.strip())


def _reads_as_list(current: Layout, text: str) -> bool:
    """Whether `text` reads as a reference list and not as the current layout."""
    return get(FALLBACK).sniff(text) >= DETECT_THRESHOLD and current.sniff(text) < DETECT_THRESHOLD


def _rival(current: Layout, text: str) -> float:
    """The score another layout must beat to take `text` from `current`: its sniff, or 0 for the fallback, which
    is taken only when no specific layout reads a text (as in `layouts.detect`)."""
    return 0.0 if current.name == FALLBACK else current.sniff(text)


def split(lines: Iterable[str], layout: str, detect: bool = True) -> Iterator[Part]:
    """The parts of an input that starts in `layout`; with detect=False, one part (a forced layout)."""
    return Splitter(lines, layout, detect).parts()

