"""The project's vocabularies and cut-offs, each stated once with the reason for its value."""

from __future__ import annotations

#: Work types as pages and reference managers print them, with their BibTeX entry type, CSL-JSON type
#: (None: no CSL type of its own; the writer falls back) and RIS reference type. One row per spelling, so the
#: profile parser, the writers and the readers of BibTeX, CSL-JSON and RIS agree on every type.
WORK_TYPES: dict[str, tuple[str, str | None, str]] = {
    "journal-article": ("article", "article-journal", "JOUR"),
    "article": ("article", "article-journal", "JOUR"),
    "proceedings-article": ("inproceedings", "paper-conference", "CPAPER"),
    "inproceedings": ("inproceedings", "paper-conference", "CPAPER"),
    "conference": ("inproceedings", "paper-conference", "CPAPER"),
    "proceedings": ("misc", None, "CONF"),
    "book": ("book", "book", "BOOK"),
    "book-chapter": ("incollection", "chapter", "CHAP"),
    "chapter": ("incollection", "chapter", "CHAP"),
    "incollection": ("incollection", "chapter", "CHAP"),
    "phdthesis": ("phdthesis", "thesis", "THES"),
    "thesis": ("phdthesis", "thesis", "THES"),
    "dissertation": ("phdthesis", "thesis", "THES"),
    "mastersthesis": ("mastersthesis", "thesis", "THES"),
    "techreport": ("techreport", "report", "RPRT"),
    "report": ("techreport", "report", "RPRT"),
    "dataset": ("misc", "dataset", "DATA"),
    "software": ("misc", "software", "COMP"),
    "preprint": ("misc", "article", "UNPB"),
    "posted-content": ("misc", None, "UNPB"),
    "poster": ("misc", None, "GEN"),
    "patent": ("misc", None, "PAT"),
    "presentation": ("misc", None, "SLIDE"),
    "review": ("misc", None, "GEN"),
    "editorial": ("misc", None, "GEN"),
    "letter": ("misc", None, "GEN"),
    "misc": ("misc", None, "GEN"),
    "other": ("misc", None, "GEN"),
}

#: The types a profile page prints before a year, longest first so a regex alternation takes the whole word.
PROFILE_TYPES: tuple[str, ...] = tuple(sorted(WORK_TYPES, key=lambda t: (-len(t), t)))

#: Words too common to identify a title: skipped when picking a title's rare tokens (dedupe blocking)
#: and the first significant word of a citation key (`hu2022improved`, not `hu2022on`).
STOPWORDS = frozenset(
    "a an and are as at by for from in into is of on or over the to towards toward under via with without".split()
)


#: Titles (as match keys) that many distinct works share: an introduction to each edited volume, an editorial
#: in each issue, a reply to each comment. Equal titles of this kind are one work only in one year and venue.
GENERIC_TITLES = frozenset(
    {
        "introduction", "preface", "foreword", "afterword", "epilogue", "prologue", "editorial",
        "guest editorial", "editorial note", "editors introduction", "editor s introduction", "reply",
        "response", "rejoinder", "comment", "commentary", "discussion", "letter", "letter to the editor",
        "book review", "review", "obituary", "in memoriam", "acknowledgments", "acknowledgements",
        "conclusion", "conclusions", "overview", "abstracts", "index", "untitled", "news", "correspondence",
    }
)


def is_arxiv_venue(venue: str | None) -> bool:
    """True when a venue names arXiv itself (a preprint server, not a place of publication)."""
    return venue is not None and venue.strip().casefold() == "arxiv"


def bibtex_type(work_type: str | None) -> str | None:
    """The BibTeX entry type of a work type, or None when the type is unknown."""
    row = WORK_TYPES.get((work_type or "").casefold())
    return row[0] if row else None


def ris_type(work_type: str | None) -> str | None:
    """The RIS reference type (`TY`) of a work type, or None when the type is unknown."""
    row = WORK_TYPES.get((work_type or "").casefold())
    return row[2] if row else None


def work_type_of(column: int, value: str) -> str | None:
    """The work type a BibTeX (column 0), CSL-JSON (1) or RIS (2) type reads as: the work type spelt like that
    type, else one spelt like its own BibTeX type (`article`, not `journal-article`), else the first that maps
    to it; None for a type that says nothing (BibTeX `misc`, RIS `GEN`) or that no row has."""
    if (column, value) in ((0, "misc"), (2, "GEN")):
        return None
    names = [name for name, row in WORK_TYPES.items() if row[column] == value and name not in ("misc", "other")]
    exact = [name for name in names if name == value] or [name for name in names if WORK_TYPES[name][0] == name]
    found = exact or names
    return found[0] if found else None


def csl_type(work_type: str | None) -> str | None:
    """The CSL-JSON item type of a work type, or None when the type is unknown."""
    row = WORK_TYPES.get((work_type or "").casefold())
    return row[1] if row else None



#: The words of a reference list's section headings (`Journal Articles`, `Publications 2024`, `Monographien`,
#: `发表论文`), lower case: a CV's list is found after a page by a heading of its own, and its entries take their
#: type from it. English, German, French, Spanish, Portuguese, Italian and Dutch words, each inflection spelled
#: out; a heading holds one as a word of its own.
LIST_HEADING_WORDS = frozenset(("""
    publication publications paper papers article articles journal journals conference conferences proceedings
    workshop workshops book books chapter chapters monograph monographs preprint preprints manuscript manuscripts
    theses thesis dissertation dissertations report reports patent patents review reviews submitted editorial
    editorials abstract abstracts poster posters talk talks presentation presentations bibliography refereed
    monographien monografien herausgeberschaften rezensionen vorträge
    ouvrage ouvrages chapitre chapitres actes revue revues these thèse theses thèses travaux colloque colloques
    conférence conférences rapport rapports brevet brevets
    publicaciones artículos articulos libro libros capítulo capítulos capitulo capitulos ponencia ponencias
    congreso congresos tesis revista revistas informe informes patente patentes
    publicações publicacoes artigos livro livros periódicos periodicos anais
    pubblicazioni articoli libri capitoli monografia monografie atti convegni
    publicaties artikelen boeken hoofdstukken proefschrift
""").split())
#: Headings of two words, set apart by spaces (`Working Papers`, `Peer-reviewed`, `In preparation`, a CV's
#: `Curriculum Vitae — Name` title, which opens a new list).
LIST_HEADING_PHRASES = ("in preparation", "under review", "working paper", "working papers", "peer reviewed",
                        "peer-reviewed", "curriculum vitae")
#: German compounds end with a heading word (`Zeitschriftenaufsätze`, `Buchbeiträge`, `Schriftenverzeichnis`)
#: or open with one (`Publikationsliste`, `Habilitationsschrift`).
LIST_HEADING_ENDINGS = ("publikationen", "veröffentlichungen", "schriften", "aufsätze", "artikel", "beiträge",
                        "kapitel", "bände", "bücher", "verzeichnis")
LIST_HEADING_OPENINGS = ("publikations", "veröffentlichungs", "habilitation")
#: Chinese, Japanese and Korean heading words: no spaces set them apart, so they count anywhere in a short line.
LIST_HEADING_CJK = tuple(
    "论文 論文 著作 专著 專著 编著 译著 著書 出版物 成果 业绩 業績 期刊 "
    "会议 會議 学会 發表 发表 発表 专利 特許 教材 논문 저서 연구실적 학술".split())
#: A section heading is short: at most this many characters (and words, below), with no stop at its end.
LIST_HEADING_MAX_CHARS = 70
LIST_HEADING_MAX_WORDS = 8

#: Lines of a file's opening that a layout's sniffer reads: a few screens of any real page, and bounded so
#: detection costs the same on a 100 MB dump as on one page.
SNIFF_LINES = 5000
#: The feed sniffer needs fewer: every record opens with a header, so 3000 lines hold hundreds of them.
FEED_SNIFF_LINES = 3000

#: Fuzzy search: the lowest score (0-100, rapidfuzz WRatio) shown by default. Below it, one-word queries
#: start to match unrelated titles on shared short words.
SEARCH_MIN_SCORE = 75.0
#: Fuzzy search: how many hits `scholar search` shows unless told otherwise (a screenful).
SEARCH_LIMIT = 20
#: stats: how long the top lists are unless told otherwise.
TOP_LIST = 10
#: Characters of a user's value quoted in an error message: enough to recognise it, never a screenful.
QUOTE_MAX = 80
