"""BibTeX files, as dblp, Google Scholar, Zotero, ORCID and scholar itself export them.

bibtexparser 2 splits the file into entries (resolving `@string` macros and keeping a broken entry apart from
its neighbours); pylatexenc decodes the LaTeX in field values to Unicode (`{\\"o}` -> `ö`, `{SQL}` -> `SQL`).
Both are imported only when a BibTeX text is read: the page splitter loads this module on every run for its
BOUNDARIES (entries pasted before or after a page, or a page between entries, are parts of their own).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)
from scholarcli.layouts import references as ref
from scholarcli.layouts.base import Boundaries
from scholarcli.model import ParseEvent, ParseIssue, ParseResult, Source, Work
from scholarcli.normalise.vocab import work_type_of

if TYPE_CHECKING:
    from bibtexparser.model import Entry
    from pylatexenc.latex2text import LatexNodes2Text

NAME = "bibtex"
SUMMARY = "BibTeX (.bib) exports: dblp, Google Scholar, Zotero, ORCID, scholar --format bibtex"

#: An entry's opening: a type BibTeX or biblatex names, or any other type (`@software`, `@dataset`) with its
#: key and comma.
_ENTRY_START = re.compile(
    r"^\s*@(?:(article|inproceedings|conference|misc|book|incollection|inbook|phdthesis|mastersthesis|thesis|"
    r"techreport|report|unpublished|online|proceedings|manual|booklet|string|comment|preamble)\s*[{(]"
    r"|([A-Za-z][\w-]*)\s*[{(]\s*[^\s,{}()=\"#%']+\s*,)",
    re.IGNORECASE | re.MULTILINE,
)
#: The opening of an entry of any type on a stripped line (the delimiter in group 1).
_OPENER = re.compile(r"@\s*[A-Za-z][\w-]*\s*([{(])")
#: A line between an entry's fields: a field (`title = {`), the entry's end, or a value's `#`, `,` or quote.
_BETWEEN_FIELDS = re.compile(r"[}),#\"]|[^\s={}(),#\"]+\s*=")
#: BibTeX entry types outside the shared vocabulary (normalise/vocab.py), as the work types they mean.
_OTHER_KINDS = {"conference": "inproceedings", "inbook": "chapter", "thesis": "thesis", "report": "techreport"}
# Math is kept as written, but what LaTeX typesets as a plain character there (`$55.3\%$`) is read as that character.
_MATH = re.compile(r"(?<!\\)\$[^$]+(?<!\\)\$")
_MATH_ESCAPE = re.compile(r"\\[&%#]|\\textasciitilde\{\}")
_MATH_TEXT = {"\\textasciitilde{}": "~"}
#: What pylatexenc changes: commands, groups, math, ties, comments, dash and quote ligatures.
_LATEX = re.compile(r"[\\{}$~%]|--|``|''|[?!]`")
#: LaTeX beyond protective braces and escaped specials: commands, accents, math, ties, comments, ligatures.
_NEEDS_PYLATEXENC = re.compile(r"\\(?![&%#_{}$])|(?<!\\)[$~%]|--|``|''|[?!]`")
_BRACE = re.compile(r"(?<!\\)[{}]")
_SIMPLE_ESCAPE = re.compile(r"\\([&%#_{}$])")
#: Fields that hold identifiers rather than text.
_VERBATIM = frozenset({"doi", "url", "eprint", "archiveprefix", "eprinttype", "primaryclass", "volume", "pmid"})
_UNESCAPED_PERCENT = re.compile(r"(?<!\\)%")


def sniff(head: str) -> float:
    """Sure when the text opens with an entry (`@article{`, `@misc{`, …; comment lines may come first); only
    fairly sure when entries come later, as in a page that shows a BibTeX citation below its records."""
    starts = [m for m in _ENTRY_START.finditer(head[:20000])
              if (m.group(1) or m.group(2)).lower() not in ("comment", "preamble")]
    if not starts:
        return 0.0
    before = [line for line in head[: starts[0].start()].split("\n") if line.strip()]
    if all(line.lstrip().startswith(("%", "@")) for line in before) or len(before) <= 2:
        return 0.97
    return 0.55


def _opens_entry(line: str) -> bool:
    """A line that opens an entry of any type: `@article{key,`, `@string{…`, `@comment{…`."""
    return line[:1] == "@" and _OPENER.match(line) is not None


def _in_entry(state: int, line: str) -> int:
    """The splitter's state after `line`: 0 between entries, else the open brace count times four, plus two
    inside a quoted value (`title = "…`, over lines), plus one for an entry delimited by parentheses
    (`@article(key, …)`, whose parentheses count too). An entry that lost its closing brace ends at a new
    entry's opening line, or before a line between its fields that is no field (-1: a page's first line), so a
    damaged entry does not take the page after it."""
    if line[:1] == "@" and (m := _OPENER.match(line)):
        depth, quoted, parens, line = 0, False, m[1] == "(", line[m.start(1):]
    elif state == 0:
        return 0
    else:
        depth, quoted, parens = state >> 2, state & 2 == 2, state & 1 == 1
        if depth == 1 and not quoted and not _BETWEEN_FIELDS.match(line):
            return -1  # the entry ended before this line
    depth += line.count("{") - line.count("}") - line.count("\\{") + line.count("\\}")
    if parens:
        depth += line.count("(") - line.count(")")
    if (line.count('"') - line.count('\\"')) % 2:
        quoted = not quoted
    return depth * 4 + quoted * 2 + parens if depth > 0 else 0


def _lead(before: Sequence[str], anchor: str) -> int:
    """The `%` comment lines right above the first entry (`% Encoding: UTF-8`) open the export."""
    count = 0
    while count < len(before) and before[-1 - count].startswith("%"):
        count += 1
    return count


#: A BibTeX part opens at an entry; `cat` can glue an entry's first line (`@article{key,`) to a page's last.
BOUNDARIES = Boundaries(anchor=_opens_entry, lead=_lead, inside=_in_entry,
                        glued=re.compile(r"@[A-Za-z]+\s*\{[^\s{},=]*,\Z"), glued_ends=(",",))


@cache
def _decoder() -> LatexNodes2Text:
    from pylatexenc import latex2text

    context = latex2text.get_default_latex_context_db()
    context.add_context_category(
        "scholarcli-writer",
        prepend=True,
        macros=[
            latex2text.MacroTextSpec("textasciicircum", "^"),
            latex2text.MacroTextSpec("textasciitilde", "~"),
            latex2text.MacroTextSpec("textbackslash", "\\"),
            latex2text.MacroTextSpec("url", "%(1)s"),
        ],
    )
    # A macro pylatexenc does not know (`\eg`) stays as written rather than vanishing from the text.
    context.set_unknown_macro_spec(
        latex2text.MacroTextSpec("", simplify_repl=lambda node, *_args, **_kw: node.latex_verbatim())
    )
    return latex2text.LatexNodes2Text(latex_context=context, math_mode="verbatim", strict_latex_spaces=True)


def decode(value: str) -> str:
    """A field's LaTeX as Unicode, on one line.

    Math (`$k$-means`) stays as written, less the escapes of `&`, `%`, `#` and `~`.
    """
    if not _LATEX.search(value):  # plain text (most fields): pylatexenc would give it back unchanged, slowly
        return " ".join(value.split())
    if not _NEEDS_PYLATEXENC.search(value):  # only protective braces and `\&`-style escapes: same result, faster
        return " ".join(_SIMPLE_ESCAPE.sub(r"\1", _BRACE.sub("", value)).split())
    value = _UNESCAPED_PERCENT.sub(r"\\%", value)  # a bare % would start a LaTeX comment and lose the rest
    text = _decoder().latex_to_text(value)
    text = _MATH.sub(lambda m: _MATH_ESCAPE.sub(lambda e: _MATH_TEXT.get(e[0], e[0][1:]), m[0]), text)
    return " ".join(text.split())


def verbatim(value: str) -> str:
    """An identifier field (DOI, URL, eprint) as written: no LaTeX typesetting (`--` stays), braces and the
    escapes some exports put before `_`, `%`, `&` and `#` dropped."""
    return " ".join(re.sub(r"\\([_%&#])", r"\1", value).replace("{", "").replace("}", "").split())


def split_top(text: str, separator: re.Pattern[str]) -> list[str]:
    """Split at matches of `separator` outside braces (`{Barnes and Noble} and Smith, J.`)."""
    parts: list[str] = []
    depth, start, pos = 0, 0, 0
    while pos < len(text):
        ch = text[pos]
        if ch == "\\":
            pos += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(0, depth - 1)
        elif depth == 0 and (m := separator.match(text, pos)):
            parts.append(text[start:pos])
            start = pos = m.end()
            continue
        pos += 1
    parts.append(text[start:])
    return parts


_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_COMMA = re.compile(r",")
#: dblp tells namesakes apart by a number after the name (`Jian Sun 0001`); it is not part of the name.
_DBLP_NUMBER = re.compile(r"\s+\d{4}$")


def authors(field: str) -> tuple[tuple[str, ...], bool]:
    """The author field as display names, and whether it ends with `and others`."""
    names: list[str] = []
    truncated = False
    for raw in split_top(" ".join(field.split()), _AND):
        raw = raw.strip()
        if not raw:
            continue
        if raw.casefold() == "others":
            truncated = True
            continue
        parts = [decode(part) for part in split_top(raw, _COMMA)]
        names.append(ref.person(", ".join(parts)) if len(parts) > 1 else parts[0])
    return tuple(_DBLP_NUMBER.sub("", n) for n in names if n), truncated


def _unenclosed(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] + value[-1] in ("{}", '""'):
        return value[1:-1]
    return value


def _fields(entry: Entry) -> dict[str, str]:
    return {key.lower(): str(field.value) for key, field in entry.fields_dict.items()}


def work_from_fields(kind: str, fields: dict[str, str], source: Source) -> Work:
    """A work from one entry's type and raw (LaTeX) fields."""
    text = {key: verbatim(value) if key in _VERBATIM else decode(value)
            for key, value in fields.items() if key != "author"}
    names, truncated = authors(fields.get("author", ""))
    arxiv, version = None, None
    prefix = (text.get("archiveprefix") or text.get("eprinttype") or "").casefold()
    if prefix == "arxiv" or (not prefix and "eprint" in text):
        arxiv, version = ref.arxiv_id(text.get("eprint"))
    venue = text.get("journal") or text.get("booktitle")
    if not arxiv and venue and venue.casefold() == "corr":
        arxiv, version = ref.arxiv_id(text.get("volume"))
    if not arxiv:
        arxiv, version = ref.arxiv_in(venue) if venue else (None, None)
    if not arxiv:
        arxiv, version = ref.arxiv_id(text.get("url"))
    if not venue:
        venue = _other_venue(kind, text)
    if ref.is_arxiv_venue(venue) or (venue is None and arxiv):
        venue = "arXiv"
    year = ref.year_in(text.get("year"))
    when: str | None = None
    if text.get("date"):  # biblatex
        full = text["date"]
        year = year or ref.year_in(full)
        m = re.match(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", full)
        if m:
            when = ref.date_of(int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None)
    if when is None:
        day = text.get("day", "")
        when = ref.date_of(year, ref.month_in(text.get("month")), int(day) if day.isdigit() else None)
    kind_type = _OTHER_KINDS.get(kind) or work_type_of(0, kind)
    if kind_type in (None, "article") and venue == "arXiv":
        kind_type = "preprint"
    primary = text.get("primaryclass")
    return Work(
        title=text.get("title") or None,
        authors=names,
        authors_truncated=truncated,
        year=year,
        date=when,
        arxiv_id=arxiv,
        arxiv_version=version,
        doi=ref.clean_doi(text.get("doi")) or (ref.clean_doi(text.get("url")) if "doi.org" in text.get("url", "")
                                               else None),
        pmid=ref.pmid(text.get("pmid")),
        venue=venue,
        type=kind_type,
        abstract=text.get("abstract") or None,
        comment=text.get("note") or None,
        categories=(primary,) if primary else (),
        sources=(source,),
    )


def _other_venue(kind: str, text: dict[str, str]) -> str | None:
    """Where a non-journal, non-proceedings entry appeared: a publisher, school, institution or `howpublished`."""
    for key in ("howpublished", "publisher", "school", "institution", "organization"):
        value = text.get(key)
        if value and not value.startswith(("http://", "https://", "<http")):
            if key == "publisher" and kind not in ("book", "misc"):
                continue
            return value
    return None


def iter_parse(lines: Iterable[str], path: str, as_of: date, start: int = 1) -> Iterator[ParseEvent]:
    """Works in file order; a broken entry is a ParseIssue with its line, and its neighbours are kept.

    An entry's `crossref` fills the fields it leaves out (dblp writes a paper's booktitle and year on the
    `@proceedings` volume it points to); a volume that papers point to is their container, not a work itself.
    A key given twice (two exports in one file) keeps both entries, each a work; a `crossref` then points to
    the first entry of that key after it (where BibTeX wants a volume), else to the last one before it.
    """
    import logging  # bibtexparser and logging load only when a BibTeX file is read, not at detection

    from bibtexparser.entrypoint import parse_string
    from bibtexparser.library import Library
    from bibtexparser.model import DuplicateBlockKeyBlock, Entry

    del as_of
    text = "\n".join(lines)
    logger = logging.getLogger("bibtexparser")
    level, logger.level = logger.level, logging.CRITICAL  # failed blocks are reported as ParseIssues below
    try:
        library = parse_string(text)
        entries = [(entry.start_line or 0, entry) for entry in library.entries]
        failed = [(block.start_line or 0, block) for block in library.failed_blocks]
        again = [(line, raw) for line, raw in failed
                 if isinstance(raw, DuplicateBlockKeyBlock) and isinstance(raw.ignore_error_block, Entry)]
        for line, repeated in again:  # read on its own, with the file's @string macros, as it would be alone
            alone = parse_string(repeated.raw or "", library=Library(blocks=list(library.strings)))
            entries += [(line + (entry.start_line or 0), entry) for entry in alone.entries]
            failed += [(line + (other.start_line or 0), other) for other in alone.failed_blocks]
    finally:
        logger.setLevel(level)
    entries.sort(key=lambda pair: pair[0])
    fields = [_fields(entry) for _, entry in entries]
    by_key: dict[str, list[int]] = {}
    for i, (_, entry) in enumerate(entries):
        by_key.setdefault(entry.key.casefold(), []).append(i)
    containers = {own["crossref"].casefold() for own in fields if "crossref" in own}
    events: list[tuple[int, ParseEvent]] = []
    for i, (at, entry) in enumerate(entries):
        line = at + start
        if entry.key.casefold() in containers:
            continue
        own = fields[i]
        parent = _parent(by_key.get(own.get("crossref", "").casefold(), []), i)
        if parent is not None:
            own = {**fields[parent], **own}
            if "booktitle" not in own and "title" in fields[parent]:
                own["booktitle"] = fields[parent]["title"]
        try:
            events.append((line, work_from_fields(entry.entry_type.lower(), own, Source(NAME, path, line))))
        except Exception as exc:  # pylatexenc refuses some malformed LaTeX; keep the other entries
            events.append((line, ParseIssue(path, line, f"@{entry.entry_type} entry {entry.key!r} skipped: {exc}")))
    for at, block in failed:
        line = at + start
        duplicate = block.ignore_error_block
        if isinstance(block, DuplicateBlockKeyBlock):
            if not isinstance(duplicate, Entry):  # a macro defined twice
                events.append((line, ParseIssue(path, line, f"`@string` {block.key!r} is defined twice; "
                                                            "the first definition is kept")))
            continue  # an entry whose key came before: read above
        if isinstance(duplicate, Entry):  # a field given twice: keep the entry, with the first value
            first: dict[str, str] = {}
            for field in duplicate.fields:
                first.setdefault(field.key.lower(), _unenclosed(str(field.value)))
            source = Source(NAME, path, line)
            events.append((line, work_from_fields(duplicate.entry_type.lower(), first, source)))
            names = ", ".join(sorted(getattr(block, "duplicate_keys", ())))
            events.append((line, ParseIssue(path, line, f"entry {duplicate.key!r} gives {names} twice; "
                                                        "the first value is kept")))
            continue
        what = (block.raw or "").split("\n", 1)[0].strip()[:60]
        events.append((line, ParseIssue(path, line, f"BibTeX entry `{what}` skipped: not valid BibTeX "
                                                    "(unbalanced braces or quotes, or a missing comma?)")))
    for _, event in sorted(events, key=lambda pair: pair[0]):
        yield event


def _parent(indices: list[int], i: int) -> int | None:
    """Of the entries of one key (`indices`, in file order), the one entry `i`'s crossref means: the first after
    it, else the last before it."""
    after = bisect_right(indices, i)
    if after < len(indices):
        return indices[after]
    before = [j for j in indices if j != i]
    return before[-1] if before else None


def parse(text: str, path: str = "<text>", as_of: date | None = None) -> ParseResult:
    """Parse a whole BibTeX text."""
    return ParseResult.collect(NAME, path, iter_parse(text.split("\n"), path, as_of or date.today()))
