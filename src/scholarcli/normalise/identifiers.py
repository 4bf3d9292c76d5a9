"""arXiv identifiers and DOIs: recognising them, splitting off versions, dating them."""

from __future__ import annotations

from dataclasses import dataclass

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)
from scholarcli.normalise.dates import iso

# New style: YYMM.NNNN until 2014, YYMM.NNNNN from 1501 on; the digit count matters when an id is glued
# to the text after it (`arXiv:2103.13559Mixup`). Old style: `hep-th/9711200`, `math.AG/0309136`.
_NEW = re.compile(r"(?P<yymm>\d{4})\.(?P<num>\d{4,5})(?:v(?P<version>\d+))?")
_OLD = re.compile(
    r"(?P<archive>[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]{2})?)/(?P<yymm>\d{4})(?P<num>\d{3})(?:v(?P<version>\d+))?"
)
# The archives of old-style ids (before April 2007), so a bare `hep-th/0001053` in a reference is an arXiv id
# and `and/or 1234567` is not.
_OLD_ARCHIVES = (
    "hep-th|hep-ph|hep-ex|hep-lat|gr-qc|quant-ph|nucl-th|nucl-ex|math-ph|astro-ph|cond-mat|nlin|physics|math|cs|"
    "q-bio|chao-dyn|solv-int|patt-sol|adap-org|cmp-lg|comp-gas|alg-geom|dg-ga|funct-an|q-alg|chem-ph|atom-ph|"
    "acc-phys|ao-sci|bayes-an|plasm-ph|supr-con|mtrl-th"
)
_BARE_OLD = re.compile(rf"(?<![\w/.-])(?:{_OLD_ARCHIVES})(?:\.[A-Za-z]{{2}})?/\d{{7}}(?:v\d+)?\b")
DOI_PATTERN = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+[^\s\"<>.,;])")


@dataclass(frozen=True, slots=True)
class ArxivId:
    """An arXiv identifier without its version, the version if given, and where the match ended."""

    id: str
    version: int | None
    end: int

    @property
    def year(self) -> int:
        """The year the identifier was issued."""
        yymm = self.id.split("/")[-1][:4] if "/" in self.id else self.id[:4]
        yy = int(yymm[:2])
        return (1900 + yy) if yy >= 91 else (2000 + yy)

    @property
    def month(self) -> int:
        yymm = self.id.split("/")[-1][:4] if "/" in self.id else self.id[:4]
        return int(yymm[2:])

    @property
    def date(self) -> str | None:
        """The month the identifier was issued, as `YYYY-MM`."""
        return iso(self.year, self.month)


def match_arxiv_id(text: str, pos: int = 0) -> ArxivId | None:
    """Match an arXiv identifier starting exactly at `pos` (no `arXiv:` prefix), or return None."""
    if m := _NEW.match(text, pos):
        yymm, num = m["yymm"], m["num"]
        month = int(yymm[2:])
        if not 1 <= month <= 12:
            return None
        width = 5 if int(yymm) >= 1501 else 4
        if len(num) < width:
            return None
        end = m.start("num") + width
        ident = f"{yymm}.{num[:width]}"
        version: int | None = None
        if len(num) == width and m["version"]:
            version, end = int(m["version"]), m.end()
        return ArxivId(ident, version, end)
    if m := _OLD.match(text, pos):
        if not 1 <= int(m["yymm"][2:]) <= 12:
            return None
        version = int(m["version"]) if m["version"] else None
        return ArxivId(f"{m['archive']}/{m['yymm']}{m['num']}", version, m.end())
    return None


def find_old_arxiv_id(text: str) -> tuple[int, ArxivId] | None:
    """(start, id) of the first old-style arXiv id printed without `arXiv:` (`hep-th/9711200`,
    `math.AG/0309136`), or None. Physics reference lists print them bare; the archive must be one arXiv had,
    so `and/1234567` is not one."""
    m = _BARE_OLD.search(text)
    found = match_arxiv_id(text, m.start()) if m else None
    return None if m is None or found is None else (m.start(), found)


def find_doi(text: str) -> str | None:
    """The first DOI in a piece of text, as printed, or None."""
    m = DOI_PATTERN.search(text)
    return m.group(1) if m else None
