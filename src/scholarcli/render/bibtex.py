"""Works as BibTeX: stable citation keys, LaTeX-escaped fields, arXiv records as @misc with eprint fields."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TextIO

from scholarcli.model import Work
from scholarcli.normalise.names import split_name, split_suffix
from scholarcli.normalise.titles import fold_accents
from scholarcli.normalise.vocab import STOPWORDS, bibtex_type, is_arxiv_venue

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Characters special to LaTeX outside math; `\`, `{`, `}` and `$` are left as written when balanced,
# because titles and abstracts already carry LaTeX (`Nystr{\"o}m`, `$k$-means`).
_SPECIAL = {"&": r"\&", "%": r"\%", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _ascii_word(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold_accents(text).lower())


def base_key(work: Work) -> str:
    """`hu2022improved`: first author's family name, year, first significant title word."""
    family = _ascii_word(split_name(work.authors[0])[2]) if work.authors else ""
    words = [_ascii_word(w) for w in re.split(r"[\s\-:/]+", work.title or "")]
    word = next((w for w in words if w and w not in STOPWORDS), "")
    if not word and work.arxiv_id:
        word = _ascii_word(work.arxiv_id)
    return f"{family or 'anon'}{work.year or ''}{word or 'untitled'}"


def citation_keys(works: Sequence[Work]) -> list[str]:
    """Keys for a list of works, made unique with a, b, c… suffixes in input order."""
    bases = [base_key(w) for w in works]
    totals = Counter(bases)
    seen: Counter[str] = Counter()
    keys = []
    for base in bases:
        if totals[base] == 1:
            keys.append(base)
        else:
            keys.append(base + _suffix(seen[base]))
            seen[base] += 1
    return keys


def _suffix(n: int) -> str:
    letters = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(ord("a") + rem) + letters
    return letters


def _math_dollars(text: str) -> set[int]:
    """Positions of the `$` that open or close math: unescaped ones, in pairs; a last unpaired `$` is money."""
    dollars = [i for i, ch in enumerate(text) if ch == "$" and (i == 0 or text[i - 1] != "\\")]
    return set(dollars[: len(dollars) // 2 * 2])


def latex_escape(text: str) -> str:
    """Escape LaTeX specials outside math; keep existing commands; escape braces when unbalanced, or when the
    text holds no LaTeX command (they are then the text's own braces, not LaTeX groups)."""
    out: list[str] = []
    in_math = False
    math = _math_dollars(text)
    literal_braces = "\\" not in text  # without LaTeX commands, braces are the text's own, not grouping
    for i, ch in enumerate(text):
        escaped = i > 0 and text[i - 1] == "\\"
        if i in math:
            in_math = not in_math
            out.append(ch)
        elif ch == "$" and not escaped:
            out.append(r"\$")  # a dollar sign, not math
        elif ch in _SPECIAL and not escaped and not (in_math and ch in "_^"):
            out.append(_SPECIAL[ch])
        elif ch in "{}" and literal_braces and not in_math:
            out.append("\\" + ch)
        else:
            out.append(ch)
    result = "".join(out)
    if not _balanced(result):
        result = result.replace("{", r"\{").replace("}", r"\}")
    return " ".join(result.split())


def _balanced(text: str) -> bool:
    depth = 0
    for i, ch in enumerate(text):
        if i and text[i - 1] == "\\":
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _author_field(authors: Iterable[str], truncated: bool) -> str:
    names = []
    for name in authors:
        base, suffix = split_suffix(name)
        given, particle, family = split_name(base)
        last = f"{particle} {family}".strip()
        if given and suffix:  # BibTeX's `von Last, Jr, First`
            names.append(f"{latex_escape(last)}, {latex_escape(suffix)}, {latex_escape(given)}")
        else:
            names.append(f"{latex_escape(last)}, {latex_escape(given)}" if given else f"{{{latex_escape(last)}}}")
    if truncated and names:
        names.append("others")
    return " and ".join(names)


def entry(work: Work, key: str) -> str:
    """One BibTeX entry."""
    is_arxiv = bool(work.arxiv_id) or is_arxiv_venue(work.venue)
    kind = "misc" if is_arxiv and (work.type in (None, "preprint")) else bibtex_type(work.type) or "misc"
    fields: list[tuple[str, str]] = []  # values are braced when written, but for numbers and month macros
    if work.title:
        fields.append(("title", "{" + latex_escape(work.title) + "}"))
    if work.authors:
        fields.append(("author", _author_field(work.authors, work.authors_truncated)))
    if work.year:
        fields.append(("year", str(work.year)))
    if work.date and len(work.date) >= 7:
        fields.append(("month", _MONTHS[int(work.date[5:7]) - 1]))
    if work.date and len(work.date) == 10:  # biblatex's date keeps the day, which BibTeX has no field for
        fields.append(("date", work.date))
    venue = work.venue if work.venue and not is_arxiv_venue(work.venue) else None
    if venue:
        place = {"article": "journal", "inproceedings": "booktitle", "incollection": "booktitle"}.get(kind)
        fields.append((place or ("publisher" if kind == "book" else "howpublished"), latex_escape(venue)))
    if work.arxiv_id:
        fields += [("eprint", work.arxiv_id), ("archivePrefix", "arXiv")]
        primary = next((c for c in work.categories if "." in c or "-" in c), None)
        if primary:
            fields.append(("primaryClass", primary))
        fields.append(("url", f"https://arxiv.org/abs/{work.arxiv_id}"))
    elif is_arxiv and not venue:
        fields.append(("howpublished", "arXiv preprint"))
    if work.doi:
        fields.append(("doi", work.doi))
    if work.pmid:
        fields.append(("pmid", work.pmid))  # as JabRef and biblatex write it
    if work.journal_ref:
        fields.append(("note", latex_escape(work.journal_ref)))
    elif work.comment:
        fields.append(("note", latex_escape(work.comment)))
    if work.abstract:
        fields.append(("abstract", latex_escape(work.abstract)))
    body = ",\n".join(f"  {name} = {_value(name, value)}" for name, value in fields)
    return f"@{kind}{{{key},\n{body}\n}}\n"


def _value(name: str, value: str) -> str:
    """A field's value as written: numbers and month macros (`mar`) bare, anything else in braces."""
    return value if value.isdigit() or (name == "month" and value in _MONTHS) else "{" + value + "}"


def write_bibtex(works: Iterable[Work], out: TextIO) -> None:
    """Every work as a BibTeX entry, separated by blank lines."""
    works = list(works)
    for n, (work, key) in enumerate(zip(works, citation_keys(works), strict=True)):
        if n:
            out.write("\n")
        out.write(entry(work, key))
