"""One reference string -> its fields: authors, title, year, venue, DOI, arXiv id.

Styles differ in order and punctuation, not in what the parts look like, so the splitter reads shapes
rather than one style's template:

- identifiers (DOI, arXiv id, URLs) and link tails (`Publisher's Version`, `Download: x.pdf`, `[PDF]`)
  are taken out first;
- a name list is read from the start of the string, name by name, in any of the common forms
  (`A. Smith`, `Alice B. Smith`, `A Smith`, `Smith, A.`, `Smith, Alice`, Vancouver `Smith AB`),
  with `,`, `;`, `and` and `&` between names and `et al.` / `and others` / `...` ending the list;
- after the names may come the year (`(2020).`, `2020.`), then the title: quoted (`“…”`, `"…"`, closing
  quote possibly lost) or the next sentence; the rest is the venue;
- when the string does not open with names, the title comes first (`Title. A Smith, B Lee. VLDB 2018.`).
"""

from __future__ import annotations

from dataclasses import dataclass

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)
from scholarcli.normalise.identifiers import DOI_PATTERN, find_old_arxiv_id, match_arxiv_id
from scholarcli.normalise.names import PARTICLES, SUFFIXES, is_given_name, is_initials, is_surname

YEAR = r"(?:1[5-9]\d\d|20[0-4]\d)"
_YEAR = re.compile(rf"(?<![\d/.\-–])({YEAR})(?![\d/\-–])")
_DOI_PREFIX = re.compile(r"(?:https?://(?:dx\.)?doi\.org/|\bdoi\s*:\s*|\bDOI\s*:?\s*)(?=10\.)", re.IGNORECASE)
_ARXIV = re.compile(r"(?:\barXiv\s*:?\s*|arxiv\.org/(?:abs|pdf)/|\bCoRR\s+abs/|\babs/)", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)\S+")
_TAILS = re.compile(
    r"(?:\bPublisher['’]s\s+Version\b|\bDownload\s*:\s*\S+(?:\s*\([^)]*\))?|\[(?:pdf|PDF|html|code|slides|video|"
    r"bib|BibTeX|link|url|Internet|online)\]|\b(?:Google\s+Scholar|BibTeX|PubMed|PMID\s*:?\s*\d+|PMCID\s*:?\s*PMC\d+)"
    r"|\bAvailable\s+(?:from|at)\s*:?|\bCited\s+by\s+\d+|\bAccessed\b[^.]*\.?|\bRetrieved\s+from\b|\bURL\s*:?)",
    re.IGNORECASE,
)
#: Marks CVs put after names: equal contribution, corresponding author, student (`A. Smith*`, `B. Lee†`, `C. Wu¹`).
_MARKS = re.compile(r"(?<=[^\W\d_.])(?:[*†‡§¶]|[¹²³⁴⁵⁶⁷⁸⁹⁰])+")
_IN_PRESS = re.compile(r"\(?\b(?:in\s+press|forthcoming|to\s+appear|accepted(?:\s+for\s+publication)?)\b\)?",
                       re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_ENDING = ".,;: "

# A word of a name: letters with inner apostrophes or hyphens. An initial: one letter and its full stop, with
# hyphenated or glued partners (`J.-B.`, `A.B.`, Drupal-Biblio's `W. - T.`).
_WORD = r"[^\W\d_](?:[^\W\d_]|['’](?=[^\W\d_])|-(?=[^\W\d_]))*"
_INITIAL = r"[^\W\d_]\.(?:\s?-\s?[^\W\d_]\.|[^\W\d_]\.)*"
_TOKEN = re.compile(rf"\s*(?P<tok>{_INITIAL}|{_WORD})")
_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+|&\s*)?|;\s*|\s(?:and|&)\s+|&\s*)")
_TRUNCATION = re.compile(
    r"\s*,?\s*(?:et\s*al\.?|and\s+others\b|(?P<gap>\.\.\.|…|\.\s\.\s\.)|\+\s*\d+\s+authors?\b)", re.IGNORECASE
)
_YEAR_LEAD = re.compile(rf"^({YEAR})(?:\s*\|\s*|\s+[–—-]\s+|\t)(?=\S)")
_PMID = re.compile(r"\bPMID\s*:?\s*(\d{1,9})\b")
_AFFILIATION = re.compile(r"\s*\((?![^()]*\d{4})[^()\d]{2,60}\)")
_YEAR_CHUNK = re.compile(
    rf"\s*[.,]?\s*\(?(?:{YEAR}[a-z]?|n\.\s?d\.)(?:,\s*[A-Z][a-z]+\.?(?:\s+\d{{1,2}})?)?\)?\s*[.,:]?",
)
_ABBREVIATIONS = frozenset(
    {"vs", "e.g", "i.e", "etc", "al", "fig", "no", "vol", "dr", "st", "mr", "ms", "prof", "proc", "conf", "int",
     "intl", "j", "trans", "eds", "ed", "pp", "approx"}
)
_OPEN_QUOTES = "“\"‘«„"
#: The closing `'` of a title in plain single quotes: before `,`/`.`/`;`/`:` and a space (`Infants' Eyes` is no close).
_SINGLE_CLOSE = re.compile(r"'(?=[,.;:](?:\s|$)|$)")
_CLOSE_QUOTES = {"“": "”\"", '"': "\"”", "‘": "’'", "«": "»", "„": "“”\""}
_VENUE_END = re.compile(
    r"(?:,\s*(?:vol\b|volume\b|pp\b|pages\b|p\.|no\.|\(?\d)|\s+\d+\s*\(|;\s*\d"
    r"|[.,]?\s+\(?" + YEAR + r"\)?(?=[.,;:)]|\s*$)|\s+\d[\d,]*\*?\s+" + YEAR + r"\s*$"  # Scholar: cited-by, year
    r"|\s+\d+(?=\s*[,:(]|$)|,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)",
    re.IGNORECASE,
)
_VENUE_LEAD = re.compile(r"^(?:[,.:;]\s*)*(?:In\s*:\s*|In\s+|in\s+)?")


@dataclass(frozen=True, slots=True)
class Fields:
    """What a reference string gives: every field may be missing; `split` says whether title and authors
    were told apart (False: the title is the whole cleaned text)."""

    title: str | None
    authors: tuple[str, ...] = ()
    authors_truncated: bool = False
    year: int | None = None
    venue: str | None = None
    doi: str | None = None
    arxiv_id: str | None = None
    in_press: bool = False
    split: bool = True
    pmid: str | None = None


@dataclass(frozen=True, slots=True)
class NameList:
    """Names read from the start of a string, whether the list was cut short, and where it ended."""

    names: tuple[str, ...]
    truncated: bool
    end: int
    form: str = ""  # how the first name is written: `given` (A. Smith), `inverted` (Smith, A.), `vancouver`


def _is_initial(tok: str) -> bool:
    """`J.`, `J.-B.`, `A.B.`, Drupal-Biblio's `W. - T.`."""
    return is_initials(tok.replace(" ", ""))


def _is_bare_initials(tok: str) -> bool:
    """`AB`, `J`, `X-S`: Vancouver/Scholar initials without full stops."""
    return bool(re.fullmatch(r"[^\W\d_a-z]{1,3}|[^\W\d_a-z](?:-[^\W\d_a-z])+", tok)) and tok.isupper()


def _is_family(tok: str) -> bool:
    """`Smith`, `McDonald`, `Smith-Jones`; not `Collaborative-representation-based` (see names.is_surname)."""
    return is_surname(tok)


def _is_family_or_caps(tok: str) -> bool:
    """A family name before its comma, also in capitals (`DONG, Sixun`, ISO 690 and many European CVs)."""
    return _is_family(tok) or (len(tok) >= 2 and bool(re.fullmatch(r"[^\W\d_a-z]+(?:['’-][^\W\d_a-z]+)*", tok)))


def _is_given(tok: str) -> bool:
    """`Alice`, `A.`, `AB`, `Jean-Baptiste`, `Xian-sheng` (names.is_given_name), or bare initials; a long
    lower-case part after a hyphen is a title's word (`Dual-disentangled`), not a name's."""
    if _is_bare_initials(tok):
        return True
    return is_given_name(tok.replace(" ", "")) and all(len(part) <= 8 for part in tok.split("-")[1:])


def _tokens(text: str, pos: int) -> list[tuple[str, int, int]]:
    """Name-shaped tokens from pos while only spaces separate them: (token, start, end)."""
    out: list[tuple[str, int, int]] = []
    while (m := _TOKEN.match(text, pos)) and len(out) < 8:
        if out and not text[pos:m.start("tok")].isspace():
            break
        tok = m["tok"]
        if not (tok[0].isupper() or tok.lower() in PARTICLES):
            break
        out.append((tok, m.start("tok"), m.end("tok")))
        pos = m.end()
    return out


def _tidy_initials(name: str) -> str:
    return re.sub(r"\.\s*-\s*", ".-", name)


def _given_first(toks: list[tuple[str, int, int]]) -> int:
    """How many leading tokens form a `Alice B. Smith` / `A. Smith` / `AB Smith` name (0: none)."""
    best = 0
    for n in range(2, min(len(toks), 5) + 1):
        words = [t for t, _, _ in toks[:n]]
        if words[-1] in SUFFIXES and n > 2:
            words = words[:-1]
        if not _is_family(words[-1]):  # `Tathagata Das`, `Paola De`: a capitalised particle ends a name
            continue
        if not _is_given(words[0]):
            continue
        if all(_is_given(w) or w.lower() in PARTICLES or _is_family(w) for w in words[1:-1]):
            best = n
    return best


def _vancouver(toks: list[tuple[str, int, int]]) -> int:
    """How many leading tokens form a `Smith AB` / `van der Berg J` name (0: none)."""
    for n in range(2, min(len(toks), 4) + 1):
        words = [t for t, _, _ in toks[:n]]
        last = words[-1].rstrip(".")
        if _is_bare_initials(last) and all(_is_family(w) or w.lower() in PARTICLES for w in words[:-1]):
            return n
    return 0


def read_names(text: str, pos: int = 0) -> NameList | None:
    """The list of person names that opens `text[pos:]`, or None when it does not open with a name.

    The list must end at punctuation (`.`, `,`, `:`, `(`, a quote) or an initial's full stop, so a title in
    title case (`Deep Learning for Graphs`) does not pass for a name.
    """
    names: list[str] = []
    truncated = False
    end = pos
    ends_in_stop = False
    form = ""
    before: list[tuple[int, bool]] = []  # where the previous name ended, to step back to
    name_end = pos
    while True:
        name, stop, form_here, after = _read_one(text, end, form)
        if name is None:
            break
        form = form or form_here
        names.append(name)
        before.append((name_end, ends_in_stop))
        end, ends_in_stop = after, stop
        if (aff := _AFFILIATION.match(text, end)) and re.match(r"\s*(?:[.,;:(]|and\s|&|$)", text[aff.end():]):
            end = aff.end()  # `A. Smith (MIT), B. Lee (CMU)`, `Smith, A. (Ed.).`: not part of the list
        name_end = end
        if m := _TRUNCATION.match(text, end):
            truncated, end, ends_in_stop = True, m.end(), True
            last, stop, _, after = _read_one(text, m.end(), form) if m["gap"] else (None, False, "", end)
            if last is not None and _closed(text, after, stop):
                # APA's long lists: `Silver, D., Huang, A., ... Hassabis, D. (2016).`: the last author follows
                names.append(last)
                end, ends_in_stop = after, stop
            break
        sep = _SEPARATOR.match(text, end)
        if sep is None or sep.end() == end:
            break
        nxt, _, _, _ = _read_one(text, sep.end(), form)
        if nxt is None:
            if m := _TRUNCATION.match(text, sep.end() - 1) or _TRUNCATION.match(text, sep.end()):
                truncated, end, ends_in_stop = True, m.end(), True
            break
        end = sep.end()
    while names and not truncated and not _closed(text, end, ends_in_stop):
        # `J. Hu, Customized Multiple Clustering via …`: the last "name" opened the title; step back
        names.pop()
        end, ends_in_stop = before.pop()
    if not names or not _closed(text, end, ends_in_stop):
        return None
    return NameList(tuple(names), truncated, end, form)


def _closed(text: str, end: int, ends_in_stop: bool) -> bool:
    """Whether a name list may end here: at punctuation, a quote, a dash, the end, or an initial's stop."""
    rest = text[end:]
    # IOP and many physics CVs: `Dong S, Hu J and Qian Q 2025 Title …`: the year closes the list
    return ends_in_stop or not rest.strip() or bool(re.match(rf"\s*[.,:;(\[“\"‘]|\s+[-–—]\s|\s+{YEAR}\b", rest))


def _read_one(text: str, pos: int, form: str) -> tuple[str | None, bool, str, int]:
    """One name at pos: (display name, ended in an initial's stop, form, end) or (None, …) when none."""
    toks = _tokens(text, pos)
    if not toks:
        return None, False, "", pos
    # Inverted `Smith, A.` / `Smith, Alice` / `van der Berg, J.`: family words, a comma, then given names.
    fam = 0
    while fam < len(toks) and fam < 4 and toks[fam][0] in PARTICLES:  # `van der Berg, J.`; `Le Cong` is a name
        fam += 1
    if fam < len(toks) and _is_family_or_caps(toks[fam][0]) and text[toks[fam][2]:toks[fam][2] + 1] == ",":
        family_end = toks[fam][2]
        given = _tokens(text, family_end + 1)
        initials: list[str] = []
        for tok, _, _ in given:
            dotted = _is_initial(tok)
            if (dotted or (_is_bare_initials(tok) and len(tok) <= 2)) and (
                not initials or dotted == initials[0].endswith(".")  # `Hu, G. A Survey`: `A` opens the title
            ):
                initials.append(tok)
            else:
                break
        family = text[toks[0][1]:family_end]
        if initials:
            last_end = given[len(initials) - 1][2]
            if len(given) > len(initials) and _is_given(nxt := given[len(initials)][0]) and re.match(
                r"[,;]", text[given[len(initials)][2]:]
            ):  # `RAN, F. Ann,`
                initials.append(nxt)
                last_end = given[len(initials) - 1][2]
            shown = " ".join(initials)
            return _tidy_initials(f"{shown} {family}"), initials[-1].endswith("."), "inverted", last_end
        elif given and fam == 0 and (form == "inverted" or len(toks) == 1):
            words: list[str] = []
            for tok, _, _ in given[:3]:
                if not (_is_given(tok) or tok.lower() in PARTICLES):
                    break
                words.append(tok)
                if tok.endswith("."):  # `Said, Edward W. Orientalism.`: the stop may end the list
                    break
            if words:
                last_end = given[len(words) - 1][2]
                after = text[last_end:last_end + 2]
                if (not after or after[0] in ",;.:(" or after.strip() in {"", "&"} or text.startswith(" and", last_end)
                        or words[-1].endswith(".")):
                    shown = " ".join(words)
                    return f"{shown} {family}", words[-1].endswith("."), "inverted", last_end
    if form != "given" and (n := _vancouver(toks)):
        end = toks[n - 1][2]
        name = " ".join(t for t, _, _ in toks[:n])
        stop = name.endswith(".")
        if not stop or form == "vancouver" or not _ends_list(text, toks, _given_first(toks)):
            return name.rstrip("."), stop, "vancouver", end  # `John A. Smith,` is not Vancouver's `Lee C.`
    if n := _given_first(toks):
        end = toks[n - 1][2]
        return _tidy_initials(text[toks[0][1]:end]), False, "given", end
    return None, False, "", pos


def _ends_list(text: str, toks: list[tuple[str, int, int]], n: int) -> bool:
    """Whether a given-first reading of n tokens ends where a name list goes on or stops (`,`, `and`, `.`)."""
    if n == 0:
        return False
    return bool(re.match(r"\s*(?:[,;.:(]|and\s|&)", text[toks[n - 1][2]:])) or toks[n - 1][2] == len(text)


def _clean(text: str) -> tuple[str, str | None, str | None, bool]:
    """Take identifiers, URLs and link tails out: (rest, doi, arxiv_id, in_press)."""
    doi = arxiv_id = None
    if m := _DOI_PREFIX.search(text):
        if d := DOI_PATTERN.match(text, m.end()):
            doi = d.group(1)
            text = text[: m.start()] + text[d.end():]
    elif d := DOI_PATTERN.search(text):
        doi = d.group(1)
        text = text[: d.start()] + text[d.end():]
    if doi and doi.lower().startswith("10.48550/arxiv."):
        arxiv_id = doi[len("10.48550/arxiv."):]
    for m in _ARXIV.finditer(text):
        found = match_arxiv_id(text, m.end())
        if found:
            arxiv_id = arxiv_id or found.id
            text = text[: m.start()] + text[found.end:]
            break
    else:
        if arxiv_id is None and (bare := find_old_arxiv_id(text)) is not None:
            start, found = bare
            arxiv_id = found.id
            text = text[:start] + text[found.end:]
    text = _MARKS.sub("", text)
    text = _URL.sub(" ", text)
    text = _TAILS.sub(" ", text)
    in_press = bool(_IN_PRESS.search(text))
    text = _IN_PRESS.sub(" ", text)
    text = re.sub(r"\s+([.,;:])", r"\1", _SPACE.sub(" ", text))
    text = re.sub(r"([.,;:])(?:\s+[.,;:])+(?=\s|$)", r"\1", text)
    return text.strip(" ,;:-–—|"), doi, arxiv_id, in_press


def _sentence_end(text: str, pos: int = 0, title: bool = True) -> int:
    """Index just past the first sentence of text[pos:] (its `?`/`!` kept, its `.` dropped by the caller).

    For a title, a `?` or `!` followed by a subtitle sentence and then more text (`Where is the land of
    opportunity? The geography of mobility. Q. J. Econ. 129(4)`) does not end it.
    """
    for m in re.finditer(r"\.(?=\s|$)|[?!](?=[\s,;:]|$)", text[pos:]):
        i = pos + m.start()
        before = text[max(pos, text.rfind(" ", pos, i) + 1):i].lower()
        if text[i] == "." and (before.rstrip(".") in _ABBREVIATIONS or (len(before) == 1 and before.isalpha())):
            continue
        if text[i] in "?!" and title and _subtitle_follows(text, i + 1):
            continue
        return i + 1
    return len(text)


def _subtitle_follows(text: str, pos: int) -> bool:
    start = pos + len(text[pos:]) - len(text[pos:].lstrip())
    if start >= len(text) or re.match(r"(?:[Ii]n\b|[Pp]roc)", text[start:]) or read_names(text, start):
        return False
    end = _sentence_end(text, start, title=False)
    segment = text[start:end]
    if _comma_end(segment, by_comma=False) < len(segment):  # `Trade in Minutes! Rationality-Driven …, (2025).`
        return True
    return end < len(text) and not re.search(r"\d", segment) and bool(text[end:].strip(" .,;:"))


_PREPRINT_TAIL = re.compile(r"\s+(?:arXiv\s+)?[Pp]reprint\.?$")
_TAIL_VENUE = re.compile(r"(?:arXiv|preprint|[Ii]n[:\s]|Proc\b|Proceedings\b)")


def _comma_end(sentence: str, by_comma: bool) -> int:
    """Where an unquoted title ends inside its sentence when a comma, not a full stop, closes it.

    `Title, (2025)` and `Title, arXiv preprint` end at the comma; after names closed by a comma (APS, ISO 690:
    `A. Smith and B. Lee, Title, Phys. Rev. 47`) the first comma before a capital or digit ends the title.
    """
    for m in re.finditer(r",\s+", sentence):
        tail = sentence[m.end():]
        if _YEAR_CHUNK.fullmatch(tail.rstrip()) or _TAIL_VENUE.match(tail):
            return m.start()
        if by_comma and len(sentence[: m.start()].split()) >= 2 and re.match(r"[^\W_a-z]", tail):
            return m.start()
    return len(sentence)


def _quoted(text: str, pos: int) -> tuple[str, int] | None:
    """A title in quotes opening text[pos:], and where it ends; a lost closing quote ends at `, in`/a sentence."""
    while pos < len(text) and text[pos] == " ":
        pos += 1
    if text.startswith("'", pos) and (close := _SINGLE_CLOSE.search(text, pos + 1)):
        return text[pos + 1:close.start()], close.end()  # Harvard: `(2019) 'Title', Journal`
    if pos >= len(text) or text[pos] not in _OPEN_QUOTES:
        return None
    closers = _CLOSE_QUOTES[text[pos]]
    for i in range(pos + 1, len(text)):
        if text[i] in closers and (i + 1 == len(text) or not text[i + 1].isalnum()):
            return text[pos + 1:i], i + 1
    m = re.search(r",\s+[Ii]n[:\s]|\.\s+(?=[A-Z])", text[pos + 1:])
    end = pos + 1 + m.start() if m else len(text)
    return text[pos + 1:end], end


def _title(text: str) -> str | None:
    title = text.strip().strip(" ,;:")
    while title.endswith(".") and not title.endswith("..."):
        title = title[:-1].rstrip()
    title = title.strip(" ,;:")
    return title or None


def _venue(text: str) -> str | None:
    rest = _VENUE_LEAD.sub("", re.sub(r"^[\s.,;]*\([^()]*\)", "", text).strip())
    if m := _VENUE_END.search(rest):
        rest = rest[: m.start()]
    venue = rest.strip(" ,;:()-–")
    if venue.endswith(".") and not re.search(r"\w\.\s", venue):  # keep `Phys. Rev.`, drop `Science.`
        venue = venue[:-1].rstrip()
    if not venue or not any(ch.isalpha() for ch in venue) or _YEAR.fullmatch(venue):
        return None
    return venue


def _year(*parts: str) -> int | None:
    for part in parts:
        if m := re.search(rf"\(({YEAR})[a-z]?[),]", part):
            return int(m.group(1))
        found = _YEAR.findall(part)
        if found:
            return int(found[-1])
    return None


def split_reference(raw: str) -> Fields:
    """The fields of one reference string in any of the common citation styles (see the module docstring)."""
    lead_year: int | None = None
    if m := _YEAR_LEAD.match(raw.strip()):  # `2019 | A. Smith, B. Lee. Title.`: a year column in front
        lead_year, raw = int(m.group(1)), raw.strip()[m.end():]
    pmid = m.group(1) if (m := _PMID.search(raw)) else None
    text, doi, arxiv_id, in_press = _clean(raw)
    if (standard := _gbt7714(text)) is not None:
        return _with_ids(standard, doi, arxiv_id, in_press, lead_year, pmid)
    quote_at = next((i for i, ch in enumerate(text) if ch in _OPEN_QUOTES), -1)
    names = read_names(text)
    if names is not None and quote_at >= 0 and text[names.end:quote_at].strip(" .,:;") == "":
        pass  # names, then a quoted title
    elif quote_at > 0 and (names is None or names.end < quote_at):
        before = text[:quote_at]
        names = read_names(before)
        if names is not None and before[names.end:].strip(" .,:;"):
            year_gap = _YEAR_CHUNK.fullmatch(before[names.end:].rstrip())
            names = names if year_gap else None
    if (
        names is not None and names.form == "given" and not any("." in name for name in names.names)
        and (text[names.end:].startswith(":") or _imprint_follows(text, names.end))
        and (book := _book_first(text)) is not None
    ):  # `Cultural Memory and Western Civilization: Functions, Media, Archives. Cambridge: CUP, 2011.`, or
        # `Die Gesellschaft der Gesellschaft. Frankfurt am Main: Suhrkamp, 1997.`: a title, as no title follows
        return _with_ids(book, doi, arxiv_id, in_press, lead_year, pmid)
    if names is not None and (flipped := _title_first(text, names)) is not None:
        return _with_ids(flipped, doi, arxiv_id, in_press, lead_year, pmid)
    if names is None:
        fields = _title_first(text, None) or _quoted_first(text) or _book_first(text)
        if fields is None:
            fields = Fields(title=_title(text), year=_year(text), split=False)
        return _with_ids(fields, doi, arxiv_id, in_press, lead_year, pmid)
    pos = names.end
    head_year: int | None = None
    if m := _YEAR_CHUNK.match(text, pos):
        head_year = _year(m.group(0))
        pos = m.end()
    pos += len(text[pos:]) - len(text[pos:].lstrip(" .,:;"))
    if text[names.end:pos].strip().startswith(",") and (bluebook := _bluebook(text[pos:])) is not None:
        return _with_ids(
            Fields(bluebook[0], names.names, names.truncated, bluebook[2], bluebook[1]), doi, arxiv_id, in_press,
            lead_year, pmid,
        )
    if (q := _quoted(text, pos)) is not None:
        title, end = q
    else:
        end = _sentence_end(text, pos)
        end = pos + _comma_end(text[pos:end], by_comma=text[names.end:pos].strip().startswith(","))
        if tail := _PREPRINT_TAIL.search(text, pos, end):  # `Title arXiv preprint` with no stop between
            end = tail.start()
        title = text[pos:end]
    rest = text[end:]
    year = head_year or _year(rest) or _year(text)
    return _with_ids(
        Fields(_title(title), names.names, names.truncated, year, _venue(rest)), doi, arxiv_id, in_press, lead_year,
        pmid,
    )


#: Bluebook (law reviews): `Title, 103 Harv. L. Rev. 405, 410 (1989).` and books `Title (Yale Univ. Press 2008).`
_BLUEBOOK_ARTICLE = re.compile(
    rf"(?P<title>.+?),\s+\d{{1,4}}\s+(?P<venue>[^\d\s,(][^,()]*?)\s+\d{{1,5}}(?:,\s*\d{{1,5}}(?:[–-]\d{{1,5}})?)?"
    rf"\s+\((?:[^()]*?\s)?(?P<year>{YEAR})\)\.?"
)
_BLUEBOOK_BOOK = re.compile(rf"(?P<title>[^()]+?)\s+\((?:[^()]*?\s)?(?P<year>{YEAR})\)\.?")


#: A comma then a venue inside what would be a book's title (`Title, In Proc. X`, `Title, Phys. Rev. 47`).
_VENUE_AFTER_COMMA = re.compile(r",\s+(?:[Ii]n\b|[^\s.]*\.\s|\S*\d|Proc|arXiv|preprint)")


def _bluebook(rest: str) -> tuple[str, str | None, int] | None:
    """(title, venue, year) of what follows the names of a Bluebook citation, else None."""
    rest = rest.strip()
    if (m := _BLUEBOOK_ARTICLE.fullmatch(rest)) is not None:
        return m["title"].strip(), m["venue"].strip(), int(m["year"])
    if (m := _BLUEBOOK_BOOK.fullmatch(rest)) is not None and not _VENUE_AFTER_COMMA.search(m["title"]):
        return m["title"].strip(), None, int(m["year"])
    return None


def _title_first(text: str, names: NameList | None) -> Fields | None:
    """`Title. A Smith, B Lee. Venue 2018.`: the title, then a name list. With `names` (the string also opens
    with a name), only when the opening "names" are one lone name and the next sentence is a longer list."""
    end = _sentence_end(text)
    if (q := _quoted(text, 0)) is not None:
        title, end = q
    else:
        title = text[:end]
    pos = end + len(text[end:]) - len(text[end:].lstrip(" .,:;"))
    after = read_names(text, pos)
    if after is None:
        return None
    # `Leapfrog Triejoin: A Simple … Algorithm. Todd L. Veldhuizen. ICDT 2014`: a lone "name" without initials
    # before a sentence that is a name list is the title's opening words
    lone = names is not None and len(names.names) == 1 and not names.truncated and names.form == "given"
    if names is not None and not (lone and (len(after.names) >= 2 or "." not in names.names[0])):
        return None
    rest = text[after.end:]
    return Fields(_title(title), after.names, after.truncated, _year(rest) or _year(text), _venue(rest))


_WITH = re.compile(r"[\s.,;:]*\((?:with|joint with|jointly with)\s+([^()]*)\)[\s.,;:]*", re.IGNORECASE)


def _quoted_first(text: str) -> Fields | None:
    """A CV's own entry: `“Title.” Venue 75 (2008): 49–72.`, `"Title" (with A and B). Venue, 2014.` or
    `(with A) “Title.” In …`. Co-authors named `with` leave out the page's owner, so the list is marked cut."""
    lead = _WITH.match(text)
    pos = lead.end() if lead else 0
    if (q := _quoted(text, pos)) is None:
        return None
    title, end = q
    rest = text[end:]
    if lead is None and (lead := _WITH.match(rest)) is not None:
        rest = rest[lead.end():]
    names = read_names(lead.group(1)) if lead else None
    authors = names.names if names else ()
    return Fields(_title(title), authors, bool(authors), _year(rest) or _year(text), _venue(rest))


#: `Title. Subtitle. München: C.H. Beck, 1999.`: a book on its author's own list, imprint last.
_IMPRINT = re.compile(
    rf"^(?P<title>.+?[^\s.])\.\s+(?P<imprint>[^\W\d][^.:;]{{1,40}}:\s*[^:;]{{2,80}}?),?\s*(?P<year>{YEAR})\.?$"
)


def _imprint_follows(text: str, pos: int) -> bool:
    """Whether what follows `text[:pos]` (read as names) is the imprint alone (`. Place: Publisher, Year.`): the
    words were a book's title, for a citation has a title between its names and its imprint."""
    m = _IMPRINT.match(text)
    return m is not None and m.end("title") >= pos - 1 and not text[pos:m.start("imprint")].strip(" .")


def _book_first(text: str) -> Fields | None:
    """A book listed title first with its imprint (`Place: Publisher, Year`) and no authors."""
    if (m := _IMPRINT.match(text)) is None:
        return None
    return Fields(_title(m.group("title")), (), False, int(m.group("year")), m.group("imprint").strip())


#: China's GB/T 7714: `周志华, 陈世福. 神经网络集成[J]. 计算机学报, 2002, 25(1): 1-8.`, the type code closing the title.
_GBT7714 = re.compile(
    r"^(?P<names>[^.\[\]]{1,300}?)\.\s*(?P<title>[^\[\]]+?)\s*"
    r"\[(?:[JMCDPRNSZAG]|EB|DB|CP)(?:/(?:OL|MT|DK|CD))?\](?:\s*//\s*|\s*[.．]\s*|\s*$)(?P<rest>.*)$"
)


def _gbt7714(text: str) -> Fields | None:
    """A reference in GB/T 7714 style: names, title, its `[J]`/`[M]`/`[C]`… code, then source and year."""
    if (m := _GBT7714.match(text)) is None:
        return None
    parts = [p.strip() for p in re.split(r"\s*[,，、]\s*", m.group("names")) if p.strip()]
    truncated = bool(parts) and re.fullmatch(r"(?:et\s+al|等)\.?", parts[-1], re.IGNORECASE) is not None
    authors = tuple(p for p in parts if not re.fullmatch(r"(?:et\s+al|等)\.?", p, re.IGNORECASE))
    rest = m.group("rest")
    venue = re.split(r"[,，]\s*(?=" + YEAR + r")|\.\s", rest, maxsplit=1)[0].strip(" .,")
    return Fields(_title(m.group("title")), authors, truncated, _year(rest), venue or None)


def nameless_shape(text: str) -> bool:
    """Whether a reference has a shape that reads as one with no names in front: GB/T 7714 (`周志华. 机器学习[M].
    北京: 清华大学出版社, 2016.`, its type code closing the title) or a book on its author's own list, title
    first and imprint last (`Title. München: C.H. Beck, 1999.`)."""
    return bool(_GBT7714.match(text) or _IMPRINT.match(text))


def _with_ids(
    fields: Fields,
    doi: str | None,
    arxiv_id: str | None,
    in_press: bool,
    lead_year: int | None = None,
    pmid: str | None = None,
) -> Fields:
    from dataclasses import replace

    year = lead_year or fields.year
    if year is None and arxiv_id and not in_press and (found := match_arxiv_id(arxiv_id)) is not None:
        year = found.year
    return replace(fields, doi=doi, arxiv_id=arxiv_id, in_press=in_press, year=year, pmid=pmid)
