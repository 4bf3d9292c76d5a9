"""Person names across sources: initials without full stops, family-first spellings, multi-word family names."""

from __future__ import annotations

import pytest

from scholarcli.normalise.names import PersonIndex, canonical_spelling, family_key, split_author_list


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("Jinek M", "M Jinek"),
        ("Doudna JA", "J A Doudna"),
        ("JA Doudna", "J A Doudna"),
        ("Abo Khamis M", "M Abo Khamis"),
        ("van der Oost J", "J van der Oost"),
        ("Hu, Juhua", "Juhua Hu"),
        ("Martin Jinek", "Martin Jinek"),
        ("John Smith II", "John Smith II"),
        ("Hung Q. Ngo", "Hung Q. Ngo"),
    ],
)
def test_spellings_are_put_in_one_order(printed: str, canonical: str) -> None:
    assert canonical_spelling(printed) == canonical


def test_family_key_finds_the_family_name_wherever_it_is_printed() -> None:
    assert family_key("Jinek M") == family_key("M. Jinek") == family_key("Jinek, Martin") == "jinek"


def test_initials_fold_across_sites_when_one_person_fits() -> None:
    index = PersonIndex(["M Abo Khamis", "Mahmoud Abo Khamis", "Abo Khamis M", "Jinek M", "M Jinek", "Martin Jinek",
                         "JA Doudna", "Doudna JA", "J. Doudna", "Doudna J", "Jennifer A. Doudna", "HQ Ngo", "H. Ngo",
                         "Hung Q. Ngo"])
    for group in (["M Abo Khamis", "Abo Khamis M", "Mahmoud Abo Khamis"], ["Jinek M", "M Jinek", "Martin Jinek"],
                  ["JA Doudna", "Doudna JA", "J. Doudna", "Doudna J", "Jennifer A. Doudna"],
                  ["HQ Ngo", "H. Ngo", "Hung Q. Ngo"]):
        people = {index.person(name) for name in group}
        assert len(people) == 1, group
        assert index.display(people.pop() or "") == group[-1]
    assert index.display(index.person("Jinek M") or "") == "Martin Jinek"
    assert index.resolve("M. Abo Khamis") == index.person("Mahmoud Abo Khamis")
    assert index.resolve("Doudna JA") == index.person("Jennifer A. Doudna")


def test_a_full_name_finds_the_one_person_printed_with_initials() -> None:
    index = PersonIndex(["JA Doudna", "Doudna JA", "E Charpentier"])
    assert index.resolve("Jennifer A. Doudna") == index.person("JA Doudna")
    assert index.resolve("Emmanuelle Charpentier") == index.person("E Charpentier")
    two = PersonIndex(["JA Doudna", "JB Doudna"])
    assert two.resolve("Jennifer Doudna") is None


def test_initials_stay_apart_when_two_people_fit() -> None:
    index = PersonIndex(["M Jinek", "Jinek M", "Martin Jinek", "Maria Jinek"])
    assert index.person("Martin Jinek") != index.person("Maria Jinek")
    assert index.person("Jinek M") == index.person("M Jinek")
    assert index.person("M Jinek") not in {index.person("Martin Jinek"), index.person("Maria Jinek")}
    assert index.resolve("M. Jinek") == index.person("M Jinek")


def test_initials_that_disagree_stay_apart() -> None:
    index = PersonIndex(["JA Doudna", "JB Doudna", "J Doudna", "M Khamis", "Mahmoud Abo Khamis", "Mona Khamis"])
    assert index.person("JA Doudna") != index.person("JB Doudna")
    assert index.person("J Doudna") not in {index.person("JA Doudna"), index.person("JB Doudna")}
    assert index.person("M Khamis") not in {index.person("Mahmoud Abo Khamis"), index.person("Mona Khamis")}
    lone = PersonIndex(["K Chylinski", "Krzysztof Chylinski", "Katarzyna Nowak"])
    assert lone.person("K Chylinski") == lone.person("Krzysztof Chylinski")
    assert lone.person("K Chylinski") != lone.person("Katarzyna Nowak")


@pytest.mark.parametrize(
    ("printed", "names", "truncated"),
    [
        ("M Jinek, K Chylinski, JA Doudna", ("M Jinek", "K Chylinski", "JA Doudna"), False),
        ("JS Chen, E Ma, LB Harrington, ...", ("JS Chen", "E Ma", "LB Harrington"), True),
        ("Lucas B. Harrington, David Burstein, +6 authors J. Doudna",
         ("Lucas B. Harrington", "David Burstein", "J. Doudna"), True),
        ("Zetsche B, Gootenberg JS, Abudayyeh OO, et al.", ("Zetsche B", "Gootenberg JS", "Abudayyeh OO"), True),
        ("Smith A, Lee B et al.", ("Smith A", "Lee B"), True),
        ("A. Smith, B. Lee and others", ("A. Smith", "B. Lee"), True),
        # arXiv prints a collaboration before its members with a colon
        ("Planck Collaboration: N. Aghanim, Y. Akrami, et al. (170 additional authors not shown)",
         ("Planck Collaboration", "N. Aghanim", "Y. Akrami"), True),
        ("LIGO Scientific Collaboration, Virgo Collaboration: B. P. Abbott, R. Abbott",
         ("LIGO Scientific Collaboration", "Virgo Collaboration", "B. P. Abbott", "R. Abbott"), False),
        ("The ATLAS Collaboration: G. Aad", ("The ATLAS Collaboration", "G. Aad"), False),
    ],
)
def test_author_lists_drop_their_cut_marks(printed: str, names: tuple[str, ...], truncated: bool) -> None:
    assert split_author_list(printed) == (names, truncated)


def test_a_person_is_shown_by_a_full_name_else_initials_in_front() -> None:
    index = PersonIndex(["Charpentier E", "Charpentier E", "E Charpentier", "Cheng A", "Cheng A", "A Cheng",
                         "Adrian Cheng"])
    assert index.display(index.person("Charpentier E") or "") == "E Charpentier"
    assert index.display(index.person("Cheng A") or "") == "Adrian Cheng"


def test_a_name_printed_with_fewer_given_names_joins_the_one_fuller_spelling() -> None:
    # INSPIRE prints `Maldacena, Juan Martin`, arXiv `Juan Maldacena`, a CV `J. M. Maldacena`, Google Scholar
    # `JM Maldacena` and `J Maldacena`: one person.
    index = PersonIndex(["Juan Maldacena", "Juan Martin Maldacena", "J. M. Maldacena", "JM Maldacena", "J Maldacena",
                         "Abhijit Banerjee", "Abhijit V. Banerjee", "AV Banerjee"])
    assert len({index.person(n) for n in ("Juan Maldacena", "Juan Martin Maldacena", "J. M. Maldacena",
                                          "JM Maldacena", "J Maldacena")}) == 1
    assert index.person("Abhijit Banerjee") == index.person("Abhijit V. Banerjee") == index.person("AV Banerjee")
    # Two fuller spellings the shorter one could be: it stays apart from both, and they from each other.
    two = PersonIndex(["Wei Wang", "Wei Jun Wang", "Wei Min Wang"])
    assert len({two.person("Wei Wang"), two.person("Wei Jun Wang"), two.person("Wei Min Wang")}) == 3
    assert PersonIndex(["Juan Maldacena", "Julio M. Maldacena"]).person("Juan Maldacena") != PersonIndex(
        ["Juan Maldacena", "Julio M. Maldacena"]).person("Julio M. Maldacena")


def test_an_umlaut_and_its_transliteration_are_one_name_but_a_stripped_e_is_not() -> None:
    index = PersonIndex(["Klaus-Robert Müller", "Klaus-Robert Mueller", "KR Müller", "Anna Muller", "Anna Mueller"])
    assert index.person("Klaus-Robert Mueller") == index.person("Klaus-Robert Müller") == index.person("KR Müller")
    # Without an umlaut on either side nothing says `ue` stands for `ü`.
    assert index.person("Anna Muller") != index.person("Anna Mueller")


def test_initials_outside_ascii_are_initials() -> None:
    # PubMed prints `Kucan Ž` for Željko Kućan: the initial is not A-Z, the order is still family first.
    assert canonical_spelling("Kucan Ž") == "Ž Kucan"
    index = PersonIndex(["Kucan Ž", "Zeljko Kućan"])
    assert index.person("Kucan Ž") == index.person("Zeljko Kućan")


def test_a_family_name_alone_finds_the_one_person_who_has_it() -> None:
    index = PersonIndex(["Juan Maldacena", "J. M. Maldacena", "Hirosi Ooguri", "Martin Jinek", "Maria Jinek"])
    assert index.resolve("Maldacena") == index.person("Juan Maldacena")
    assert index.resolve("maldacena") == index.person("Juan Maldacena")
    assert index.resolve("Jinek") is None  # two people
    assert index.resolve("Smith") is None


def test_two_family_names_join_the_one_person_printed_with_the_first() -> None:
    # dblp: `Huziel Enoc Sauceda Felix`; Google Scholar `HE Sauceda`; a RIS export `Sauceda, Huziel E.`.
    index = PersonIndex(["Huziel Enoc Sauceda Felix", "Huziel E. Sauceda", "HE Sauceda", "Maria Garcia Lopez",
                         "Maria Garcia", "Mario Garcia", "Ana Maria Lopez", "A. Maria"])
    assert index.person("Huziel Enoc Sauceda Felix") == index.person("Huziel E. Sauceda") == index.person("HE Sauceda")
    assert index.person("Maria Garcia Lopez") == index.person("Maria Garcia") != index.person("Mario Garcia")
    assert index.person("Ana Maria Lopez") != index.person("A. Maria")  # initials only: nothing confirms it
