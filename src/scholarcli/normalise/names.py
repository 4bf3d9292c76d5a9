"""Person names: what a name looks like, and how two spellings of one are recognised.

This is the only module that knows about initials, particles and surname prefixes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)
from scholarcli.normalise.titles import fold_accents
from scholarcli.unionfind import UnionFind

PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "dela", "di", "da", "du", "le", "la", "dos", "das",
     "do", "bin", "ibn", "al", "el", "ter", "ten", "y", "zu", "st."}
)
SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
_SURNAME_PREFIXES = ("Mc", "Mac", "O'", "O’", "D'", "D’", "De", "Di", "Da", "La", "Le", "Van", "Von", "Fitz")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.)(?:-?[^\W\d_]\.)*$")
_APOSTROPHES = "'’"


def _is_capitalised_word(word: str) -> bool:
    """`Hao`, `Léon`, `Ng`: an upper-case letter followed only by lower-case letters or apostrophes."""
    if not word or not (word[0].isalpha() and word[0].isupper()) or word[-1] in _APOSTROPHES:
        return False
    rest = word[1:]
    if rest.isascii():  # most names: one C-level test (an ASCII letter is lower-case exactly when it is a-z)
        letters = rest.replace("'", "")
        return not letters or (letters.isalpha() and letters.islower())
    return all(ch.islower() or ch in _APOSTROPHES for ch in rest)


@lru_cache(maxsize=1 << 16)
def is_initials(token: str) -> bool:
    """`J.`, `J.-B.`, `J.B.`: one or more initials, each with its full stop."""
    return bool(_INITIALS.match(token)) and token[0].isupper()


@lru_cache(maxsize=1 << 16)
def is_given_name(token: str) -> bool:
    """Whether a token can open a name: `Hao`, `Léon`, `Jean-Baptiste`, `Xian-sheng`, or initials `J.`.

    Inner capitals are refused (`NetsHao`), so a title glued to a name splits in one place only.
    """
    if is_initials(token):
        return True
    first, *rest = token.split("-")
    if len(first) < 2 or not _is_capitalised_word(first):
        return False
    return all(_is_capitalised_word(p) or (p.isalpha() and p.islower()) for p in rest)


@lru_cache(maxsize=1 << 16)
def is_surname(token: str) -> bool:
    """Whether a token can be a family name: `Chen`, `Hua`, `McCandlish`, `O'Keefe`, `Zhen-Hua`."""
    if "-" in token:
        return all(is_surname(part) for part in token.split("-"))
    if len(token) >= 2 and _is_capitalised_word(token):
        return True
    return any(
        token.startswith(prefix) and _is_capitalised_word(token[len(prefix):]) for prefix in _SURNAME_PREFIXES
    )


@lru_cache(maxsize=1 << 16)
def looks_like_name(text: str) -> bool:
    """Whether text reads as one person's name: `Hao Chen`, `Edward J. Hu`, `Léon Bottou`, `Ludwig van Beethoven`."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 5:
        return False
    while len(tokens) > 2 and tokens[-1] in SUFFIXES:
        tokens = tokens[:-1]
    if not is_given_name(tokens[0]) or not is_surname(tokens[-1]):
        return False
    return all(is_given_name(t) or is_surname(t) or t.lower() in PARTICLES for t in tokens[1:-1])


#: Words of an institution's name: a line with one is an affiliation, even when it reads as a name.
_INSTITUTION = re.compile(r"\b(?:Universit|Institut|College|School|Hospital|Laborator|Lab\b|Cent(?:er|re)|Research)")


def looks_like_person(text: str) -> bool:
    """`looks_like_name`, and no institution's word in it: `Sorbonne Université` and `Broad Institute` read as names."""
    return looks_like_name(text) and _INSTITUTION.search(text) is None


_KEY_PUNCTUATION = re.compile(r"[.\-‐,']")


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """A comparison key: accents folded, casefolded, punctuation dropped, single spaces."""
    folded = fold_accents(name).casefold()
    folded = _KEY_PUNCTUATION.sub(" ", folded)
    return " ".join(folded.split())


def display_order(name: str) -> str:
    """`Hu, Juhua` -> `Juhua Hu`; other names unchanged apart from single spaces.

    Reference managers add a suffix as a third part, BibTeX in the middle (`King, Jr., Martin`) and RIS at the
    end (`King, Martin, Jr.`); both become `Martin King Jr.`.
    """
    name = " ".join(name.split())
    parts = [part.strip() for part in name.split(",")]
    if len(parts) == 3 and all(parts):
        family, middle, last = parts
        if middle in SUFFIXES:
            return f"{last} {family} {middle}"
        if last in SUFFIXES:
            return f"{middle} {family} {last}"
    if len(parts) == 2 and all(parts):
        family, given = parts
        return f"{given} {family}"
    return name


def _is_initials_run(token: str) -> bool:
    """`M`, `JA`, `HQ`, `Ž`: initials printed without full stops (Google Scholar, PubMed); not `II` or `IV`."""
    return 1 <= len(token) <= 3 and token.isalpha() and token.isupper() and token not in SUFFIXES


def _family_first(tokens: list[str]) -> bool:
    return (
        len(tokens) >= 2
        and _is_initials_run(tokens[-1])
        and not _is_initials_run(tokens[0])
        and all(is_surname(t) or t.lower() in PARTICLES for t in tokens[:-1])
    )


def is_family_first(name: str) -> bool:
    """`Jinek M`, `Doudna JA`: PubMed's (Vancouver) order, family name then initials without full stops."""
    return _family_first(name.split())


def canonical_spelling(name: str) -> str:
    """One spelling order for comparing names: `Hu, Juhua` -> `Juhua Hu`, `Jinek M` -> `M Jinek`,
    `JA Doudna` and `Doudna JA` -> `J A Doudna`, `Abo Khamis M` -> `M Abo Khamis`; other names unchanged."""
    tokens = display_order(name).split()
    if _family_first(tokens):
        tokens = [tokens[-1], *tokens[:-1]]
    if len(tokens) >= 2 and _is_initials_run(tokens[0]):
        tokens = [*tokens[0], *tokens[1:]]
    return " ".join(tokens)


def person_key(name: str) -> str:
    """The folded comparison key of a name in canonical order (`Jinek M` and `M. Jinek` -> `m jinek`)."""
    return name_key(canonical_spelling(name))


def family_key(name: str) -> str:
    """The folded family name, wherever the spelling puts it: `Jinek M`, `M Jinek`, `Jinek, Martin` -> `jinek`."""
    tokens = person_key(name).split()
    return tokens[-1] if tokens else ""


def _parts(key: str) -> tuple[list[str], list[str], bool]:
    """(given, family, is initials) of a folded key. Leading one-letter tokens are initials and the rest is
    the family name (`m abo khamis` -> [m], [abo, khamis]); otherwise the family name is the last token."""
    tokens = key.split()
    lead = 0
    while lead < len(tokens) and len(tokens[lead]) == 1:
        lead += 1
    if 0 < lead < len(tokens):
        return tokens[:lead], tokens[lead:], True
    return tokens[:-1], tokens[-1:], False


def _split(key: str) -> tuple[list[str], str]:
    tokens = key.split()
    return tokens[:-1], tokens[-1] if tokens else ""


def _initials_fit(initials: list[str], given: list[str]) -> bool:
    """`j` fits `juhua`; `j b` fits `jean baptiste`; `j` fits `jean baptiste` and `j a` fits `jennifer`
    (a name printed with fewer given names); `j b` does not fit `jean claude`."""
    return bool(given) and all(i == g[0] for i, g in zip(initials, given, strict=False))


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def _transliterated_key(spelling: str) -> str | None:
    """The key of a spelling with German umlauts written out (`Müller` -> `mueller`), or None without umlauts.
    Only a spelling that has the umlaut joins one with `ue`: `Michael` and `Michal` stay two names."""
    written = spelling.translate(_UMLAUTS)
    return person_key(written) if written != spelling else None


def _given_extends(short: list[str], longer: list[str]) -> bool:
    """`juan` is extended by `juan martin` and `juan m`; `juan m` by `juan martin`; `juan` not by `julio m`.

    The first given name must be the same word; later ones the same word or its initial."""
    if not short or len(longer) <= len(short) or short[0] != longer[0]:
        return False
    return all(s == g or (len(s) == 1 and g[0] == s) for s, g in zip(short[1:], longer[1:], strict=False))


def _given_fit(a: list[str], b: list[str]) -> bool:
    """Two spellings of given names agree: `huziel e` and `huziel enoc`, `h e` and `huziel enoc`, `huziel` and
    `huziel enoc`; each word the same or an initial of the other's, the first present in both."""
    if not a or not b:
        return False
    return all(x == y or (len(x) == 1 and y[0] == x) or (len(y) == 1 and x[0] == y) for x, y in zip(a, b, strict=False))


def _initials_candidate(initials: list[str], family: list[str], other: str) -> bool:
    """Whether the key `other` can be the person printed as initials + family: a full name ending in that
    family name whose given names fit the initials, or the same family name with more initials that agree."""
    o_given, o_family, o_initials = _parts(other)
    if o_initials:
        return o_family == family and len(o_given) > len(initials) and o_given[:len(initials)] == initials
    tokens = other.split()
    if len(tokens) <= len(family) or tokens[-len(family):] != family:
        return False
    return _initials_fit(initials, tokens[:-len(family)])


class PersonIndex:
    """Groups the spellings of author names into people.

    Spellings are one person when their keys are equal (case, accents, spacing, hyphens and full stops
    folded; `Jinek M`, `M Jinek` and `M. Jinek` alike), when given names differ only by a typo (rapidfuzz
    ratio >= 90 on given names of 5+ letters with the same family name), or when one is initials (`J. Hu`,
    `M Abo Khamis`, `Doudna JA`) that fit exactly one person with a fuller name in the index. Two people the
    initials could both be stay apart, and so does the initials spelling.
    """

    GIVEN_NAME_SIMILARITY = 90.0

    def __init__(self, names: Iterable[str]) -> None:
        from rapidfuzz.fuzz import ratio

        counts: Counter[str] = Counter(" ".join(n.split()) for n in names if n.strip())
        by_key: dict[str, list[str]] = defaultdict(list)
        for spelling in counts:
            by_key[person_key(spelling)].append(spelling)
        all_keys = list(by_key)
        index = {key: n for n, key in enumerate(all_keys)}
        sets = UnionFind(len(all_keys))

        def find(k: str) -> str:
            return all_keys[sets.find(index[k])]

        for key, spellings in by_key.items():  # `Müller` and its German transliteration `Mueller`
            for spelling in spellings:
                if (alt := _transliterated_key(spelling)) is not None and alt in index:
                    sets.union(index[key], index[alt])
        by_family: dict[str, list[str]] = defaultdict(list)
        for key in by_key:
            by_family[_split(key)[1]].append(key)
        for keys in by_family.values():
            full = [k for k in keys if not _parts(k)[2]]
            for x, a in enumerate(full):  # typos in given names, within one family name
                ga = " ".join(_split(a)[0])
                for b in full[x + 1:]:
                    gb = " ".join(_split(b)[0])
                    if min(len(ga), len(gb)) >= 5 and ratio(ga, gb) >= self.GIVEN_NAME_SIMILARITY:
                        sets.union(index[a], index[b])
            # A full name printed with fewer given names (`juan maldacena`, `jennifer doudna`) joins the one
            # person whose fuller spelling extends it (`juan martin maldacena`, `jennifer a doudna`); the
            # longest spellings first, so `juan m` and `juan martin` are one person before `juan` looks.
            for a in sorted(full, key=lambda k: -len(_split(k)[0])):
                given = _split(a)[0]
                longer = {find(b) for b in full if b != a and _given_extends(given, _split(b)[0])}
                if len(longer) == 1 and (root := longer.pop()) != find(a):
                    sets.union(index[root], index[a])
            # Initials join the one person they fit; the most specific spellings (`j a doudna`) first.
            for k in sorted((k for k in keys if _parts(k)[2]), key=lambda k: -len(_parts(k)[0])):
                initials, family, _ = _parts(k)
                fits = {find(o) for o in keys if o != k and _initials_candidate(initials, family, o)}
                if len(fits) == 1 and (root := fits.pop()) != find(k):
                    sets.union(index[root], index[k])
        # Two family names (`Huziel Enoc Sauceda Felix`) where other sites print the first only (`Huziel E.
        # Sauceda`, `HE Sauceda`): one person when exactly one person of that family name, printed with the
        # same first given name, fits the given names (`A. Maria` is not `Ana Maria Lopez`).
        for key in by_key:
            tokens = key.split()
            if len(tokens) < 3 or _parts(key)[2] or len(tokens[-1]) == 1 or tokens[-2] in PARTICLES:
                continue
            given, first_family = tokens[:-2], tokens[-2]
            fits = {
                find(o) for o in by_family.get(first_family, [])
                if not _parts(o)[2] and _split(o)[0][:1] == given[:1] and _given_fit(_split(o)[0], given)
            }
            if len(fits) == 1 and (root := fits.pop()) != find(key):
                sets.union(index[root], index[key])

        #: Folded key -> person, and family name -> the folded keys that carry it.
        self._person_of_key = {key: find(key) for key in by_key}
        self._keys_by_family = dict(by_family)
        self._person_of: dict[str, str] = {}
        self._variants: dict[str, set[str]] = defaultdict(set)
        weight: Counter[str] = Counter()
        for key, spellings in by_key.items():
            root = find(key)
            for spelling in spellings:
                self._person_of[spelling] = root
                self._variants[root].add(spelling)
                weight[spelling] = counts[spelling]
        self._display = {
            root: display_order(
                max(
                    variants,
                    key=lambda s: (
                        not _parts(person_key(s))[2], not is_family_first(s), "," not in s, weight[s],
                        len(s.split()[0]),
                        s != fold_accents(s), s,
                    ),
                )
            )
            for root, variants in self._variants.items()
        }

    def person(self, name: str) -> str | None:
        """The person id of a spelling seen in the index (or equal to one after folding), else None."""
        spelling = " ".join(name.split())
        if spelling in self._person_of:
            return self._person_of[spelling]
        return self._person_of_key.get(person_key(spelling))

    def display(self, person: str) -> str:
        """The name to show for a person: the most frequent full spelling."""
        return self._display[person]

    def variants(self, person: str) -> list[str]:
        """Every spelling merged into a person, sorted."""
        return sorted(self._variants[person])

    def people(self) -> list[str]:
        return list(self._display)

    def resolve(self, query: str) -> str | None:
        """The person a user's `--author` text names, or None.

        Exact after folding; else initials (`J. Hu`) that fit exactly one person; else a given name within
        a typo (rapidfuzz ratio >= 80) of exactly one person with the same family name (a family name alone:
        the one person who has it); else a full name (`Jennifer A. Doudna`) that exactly one person's
        initials (`JA Doudna`) fit.
        """
        from rapidfuzz.fuzz import ratio

        found = self.person(query)
        if found is not None:
            return found
        key = person_key(query)
        given, family = _split(key)
        same_family = [(self._person_of_key[k], _split(k)[0]) for k in self._keys_by_family.get(family, [])]
        initials, family_words, is_initials = _parts(key)
        if is_initials:
            fits = {
                self._person_of_key[k]
                for k in self._keys_by_family.get(family, [])
                if _initials_candidate(initials, family_words, k)
            }
        elif not given:  # a family name alone (`Doudna`) names the one person who has it
            fits = {root for root, _ in same_family}
        else:
            wanted = " ".join(given)
            fits = {root for root, other in same_family if other and ratio(wanted, " ".join(other)) >= 80}
            if not fits:
                fits = {
                    self._person_of_key[k]
                    for k in self._keys_by_family.get(family, [])
                    if _parts(k)[2] and _initials_candidate(_parts(k)[0], _parts(k)[1], key)
                }
        return fits.pop() if len(fits) == 1 else None

    def suggest(self, query: str, limit: int = 3) -> list[str]:
        """The closest displayed names to a query, for `did you mean` messages."""
        from rapidfuzz import process
        from rapidfuzz.fuzz import WRatio

        choices = {root: name_key(name) for root, name in self._display.items()}
        hits = process.extract(name_key(query), choices, scorer=WRatio, limit=limit)
        return [self._display[root] for _, _, root in hits]


def split_suffix(name: str) -> tuple[str, str]:
    """(name, suffix) of a display name: `Martin Luther King Jr.` -> (`Martin Luther King`, `Jr.`)."""
    tokens = display_order(name).split()
    end = len(tokens)
    while end > 2 and tokens[end - 1] in SUFFIXES:
        end -= 1
    return " ".join(tokens[:end]), " ".join(tokens[end:])


def split_name(name: str) -> tuple[str, str, str]:
    """(given, particle, family) of a display name: `Laurens van der Maaten` -> (`Laurens`, `van der`, `Maaten`)."""
    tokens = display_order(name).split()
    while len(tokens) > 1 and tokens[-1] in SUFFIXES:
        tokens = tokens[:-1]
    if len(tokens) < 2:
        return "", "", " ".join(tokens)
    family = tokens[-1]
    rest = tokens[:-1]
    particle: list[str] = []
    while len(rest) > 1 and rest[-1].lower() in PARTICLES:
        particle.insert(0, rest.pop())
    return " ".join(rest), " ".join(particle), family


_CUT_ITEM = re.compile(
    r"^(?:\.\.\.|…|et al\.?(?:\s*\(\d[\d,]* additional authors? not shown\))?|and others"
    r"|\+\s?\d+\s+(?:more\s+)?authors?\b\s*(?P<last>.*))$",
    re.IGNORECASE,
)
#: A collaboration printed before its members with a colon, as arXiv does (`Planck Collaboration: N. Aghanim`).
_GROUP_COLON = re.compile(
    r"^(?P<group>[^:]*\b(?:Collaborations?|Consortium|Consortia|Team|Group|Investigators|Collaborators)\b[^:]*?)"
    r"\s*:\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_CUT_OPENERS = frozenset(".…eEaA+")
_CUT_ENDINGS = ("...", "…", "al.", "al", "others", "Al.", "Al", "OTHERS", "Others")
_CUT_TAIL = re.compile(r"\s*(?:,?\s*(?:\.\.\.|…)|\s+et al\.?|\s+and others)$", re.IGNORECASE)


def split_group_colon(item: str) -> tuple[str, ...]:
    """`Planck Collaboration: N. Aghanim` -> (`Planck Collaboration`, `N. Aghanim`); any other item alone."""
    if ":" in item and (group := _GROUP_COLON.match(item)):
        return (group["group"], group["rest"])
    return (item,)


def split_author_list(text: str, sep: str = ",") -> tuple[tuple[str, ...], bool]:
    """The names of a printed author list, and whether it was cut short.

    `...`, `…`, `et al.`, `and others` and `+3 authors` mark a cut list and are not names; Semantic Scholar
    prints the last author after `+3 authors`, which is kept. Names stay as printed.
    """
    names: list[str] = []
    truncated = False
    for raw in text.split(sep):
        item = " ".join(raw.split())
        if not item:
            continue
        if ":" in item and (group := _GROUP_COLON.match(item)):
            names.append(group["group"])
            item = group["rest"]
            if not item:
                continue
        if item[0] in _CUT_OPENERS and (m := _CUT_ITEM.match(item)):
            truncated = True
            if m["last"]:
                names.append(m["last"])
            continue
        if item.endswith(_CUT_ENDINGS) and (cut := _CUT_TAIL.search(item)) and cut.start() > 0:
            truncated = True
            item = item[:cut.start()]
        names.append(item)
    return tuple(names), truncated
