"""The corpus as evidence (issue 11): in a large corpus a slip recurs, but never as often as its word.

A title with `Loud` where a hundred other titles say `Cloud` is a copy with a typo; alone, two records
cannot tell that from two works, and the word-level rules keep them apart. Names stay names: `AdamW` beside
a corpus full of `Adam`, `GPTQ` beside `GPT`, and real words with titles of their own (`Emotion`/`Motion`).
"""

from __future__ import annotations

import pytest

from scholarcli.dedupe import compare, dedupe
from scholarcli.model import Work

AUTHORS = ("Maya Lindqvist", "Tomas Berg", "Ines Duarte")
_ADJECTIVES = ("Robust", "Efficient", "Scalable", "Sparse", "Adaptive", "Federated", "Causal", "Hierarchical",
               "Bayesian", "Contrastive", "Temporal", "Spectral")
_TASKS = ("Retrieval", "Segmentation", "Forecasting", "Tracking", "Planning", "Compression", "Calibration",
          "Registration", "Summarisation", "Localisation")


def _background(word: str, titles: int, start: int) -> list[Work]:
    """`titles` distinct works with `word` in their titles, each by its own author (so none merge)."""
    return [Work(title=f"{_ADJECTIVES[n % 12]} {word} Models for {_TASKS[n // 12 % 10]} in Setting {n}",
                 authors=(f"Writer{start + n} Surname{start + n}",), year=2015 + n % 10)
            for n in range(titles)]


def _corpus_verdict(title_a: str, title_b: str, common: str, rare: str = "", rare_titles: int = 0) -> bool:
    """Whether two records by the same authors are one work inside a corpus where `common` is in 120 other
    titles (and `rare` in `rare_titles`)."""
    records = _background(common, 120, 0) + _background(rare, rare_titles, 1000)
    records += [Work(title=title_a, authors=AUTHORS, year=2021), Work(title=title_b, authors=AUTHORS, year=2021)]
    result = dedupe(records)
    return len(result.works) == len(records) - 1


TYPOS = [
    ("Point Cloud Completion with Sparse Attention Transformers",
     "Point Loud Completion with Sparse Attention Transformers", "Cloud"),  # a slip that makes an English word
    ("Memory Bank Retrieval for Long Video Understanding",
     "Memory Ban Retrieval for Long Video Understanding", "Bank"),  # the last letter of a short word
    ("Meta Learning of Optimisers for Few-Shot Classification",
     "eta Learning of Optimisers for Few-Shot Classification", "Meta"),  # the first letter
    ("Neural Radiance Fields from NeRF Captures in the Wild",
     "Neural Radiance Fields from NeR Captures in the Wild", "NeRF"),  # a name with a letter dropped
]


@pytest.mark.parametrize(("title_a", "title_b", "common"), TYPOS)
def test_a_slip_the_corpus_shows_to_be_rare_is_read_as_its_word(title_a: str, title_b: str, common: str) -> None:
    assert not compare(Work(title=title_a, authors=AUTHORS, year=2021),
                       Work(title=title_b, authors=AUTHORS, year=2021)).same  # two records alone cannot tell
    assert _corpus_verdict(title_a, title_b, common)


def test_a_slip_in_a_small_word_is_a_small_word_in_a_corpus() -> None:
    assert _corpus_verdict("Learning with Noisy Labels under Heavy Class Imbalance",
                           "Learning wit Noisy Labels under Heavy Class Imbalance", "with")


NAMES = [
    ("On the Convergence of AdamW under Heavy-Tailed Gradient Noise",
     "On the Convergence of Adam under Heavy-Tailed Gradient Noise", "Adam"),  # a name coined by adding a letter
    ("Efficient Inference of GPTQ Models on Edge Devices",
     "Efficient Inference of GPT Models on Edge Devices", "GPT"),
    ("Cross-Lingual Transfer in mBERT for Low-Resource Tagging",
     "Cross-Lingual Transfer in BERT for Low-Resource Tagging", "BERT"),
]


@pytest.mark.parametrize(("title_a", "title_b", "common"), NAMES)
def test_a_rare_name_one_letter_from_a_common_one_stays_a_name(title_a: str, title_b: str, common: str) -> None:
    assert not _corpus_verdict(title_a, title_b, common)


def test_a_real_word_with_titles_of_its_own_is_not_a_slip() -> None:
    # `Emotion` is in 3 titles against 120 for `Motion`: rarer, but not the rarity of a slip.
    assert not _corpus_verdict("Emotion Recognition from Facial Video in the Wild",
                               "Motion Recognition from Facial Video in the Wild", "Motion", "Emotion", 3)


@pytest.mark.parametrize(("title_a", "title_b"), [
    ("Zero-Shot Transfer of Robust Policies across Simulators",
     "Zeo-Shot Transfer of Robust Policies across Simulators"),
    ("Unsupervised Domain Adaptation for Semantic Segmentation",
     "Unsupervsed Domain Adaptation for Semantic Segmentation"),
])
def test_a_typo_in_a_word_one_spelling_changes_is_a_typo(title_a: str, title_b: str) -> None:
    # `zero` and `unsupervised` have one spelling in the match key (`0`, `unsupervized`) that the typo lacks.
    a, b = Work(title=title_a, authors=AUTHORS, year=2021), Work(title=title_b, authors=AUTHORS, year=2021)
    assert compare(a, b).same


@pytest.mark.parametrize(("common", "rare", "template"), [
    ("Photon", "Phonon", "{}-Assisted Tunnelling in Double Quantum Dots"),  # two real effects, one template
    ("Model", "Modal", "Cross-{} Retrieval with Contrastive Learning"),
    ("Market", "Marker", "{} Selection under Uncertainty"),
])
def test_a_rare_real_word_by_other_coauthors_stays_another_work(common: str, rare: str, template: str) -> None:
    # The corpus would read the rare word as a slip of the common one; the coauthors (Berg against Okafor)
    # say these are two works, so the weak corpus evidence is not used between them.
    records = _background(common, 120, 0)
    records += [Work(title=template.format(common), authors=("Maya Lindqvist", "Tomas Berg"), year=2019),
                Work(title=template.format(rare), authors=("Maya Lindqvist", "Chidi Okafor"), year=2020)]
    assert len(dedupe(records).works) == len(records)
