"""Blocking finds every candidate the rules would merge (issue 11): copies with typos in several words."""

from __future__ import annotations

import random
from collections import Counter

from scholarcli.dedupe import dedupe
from scholarcli.dedupe.blocking import typo_fixes
from scholarcli.model import Work

_VOCABULARY = ("learning deep neural network representation graph attention transformer visual language "
               "retrieval detection segmentation clustering contrastive").split()


def _slip(word: str) -> str:
    return word[:2] + word[3] + word[2] + word[4:]  # two letters swapped, away from the edges


def test_copies_with_typos_in_several_common_words_are_compared_and_merged() -> None:
    # Every word is common, so no single word or pair of words is a selective key, and the typos sit at
    # the start and the end of the title, where sorted neighbourhoods would separate the copies.
    rng = random.Random(11)
    records = [Work(title=" ".join(rng.choice(_VOCABULARY) for _ in range(10)).capitalize(),
                    authors=(f"Author {n % 97}",), year=2020) for n in range(3000)]
    originals = [records[n] for n in (5, 500, 1500, 2999)]
    copies = []
    for work in originals:
        words = (work.title or "").split()
        for n in (0, 5, 9):
            words[n] = _slip(words[n])
        copies.append(work.with_changes(title=" ".join(words)))
    result = dedupe(records + copies)
    cluster_of = {i: c for c, members in enumerate(result.clusters) for i in members}
    for n, original in zip(range(len(records), len(records) + len(copies)), (5, 500, 1500, 2999), strict=True):
        assert cluster_of[n] == cluster_of[original], (records[original].title, copies[n - len(records)].title)


def test_typo_fixes_map_rare_slips_to_their_frequent_word() -> None:
    df = Counter({"embedding": 40, "embeeding": 1, "emebdding": 2, "networks": 30, "network": 35, "vision": 50,
                  "viion": 4, "modal": 3, "model": 90})
    fixes = typo_fixes(df)
    assert fixes["embeeding"] == "embedding" and fixes["emebdding"] == "embedding" and fixes["viion"] == "vision"
    assert "networks" not in fixes and "network" not in fixes  # an inflection as frequent is another word
    assert fixes["modal"] == "model"  # only for blocking: the rules still tell modal from model


def test_a_typo_is_read_as_its_word_when_an_inflection_of_it_is_more_frequent() -> None:
    # `language` is one deletion from both `laanguage` and `languages`; the more frequent plural must not
    # hide the word the typo was made in.
    fixes = typo_fixes(Counter({"language": 40, "languages": 60, "laanguage": 1, "modles": 1, "models": 90,
                                "model": 50}))
    assert fixes["laanguage"] == "language"
    assert fixes["modles"] == "models"
