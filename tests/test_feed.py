"""The scored feed: headers, yearless dates, and splitting titles from glued author lists."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import SAMPLES
from scholarcli.layouts import detect, feed
from scholarcli.layouts.feed import split_title_authors

TEXT = (SAMPLES / "feed_names.txt").read_text("utf-8")


@pytest.mark.parametrize(
    ("line", "title", "authors"),
    [
        ("Scaling Laws for Neural Language ModelsJared Kaplan, Sam McCandlish, Tom Henighan et al.",
         "Scaling Laws for Neural Language Models", ["Jared Kaplan", "Sam McCandlish", "Tom Henighan"]),
        ("LoRA: Low-Rank Adaptation of Large Language ModelsEdward J. Hu, Yelong Shen",
         "LoRA: Low-Rank Adaptation of Large Language Models", ["Edward J. Hu", "Yelong Shen"]),
        ("Exploring Parameter Efficient Transfer Learning for ConvNetsHao Chen, Ran Tao",
         "Exploring Parameter Efficient Transfer Learning for ConvNets", ["Hao Chen", "Ran Tao"]),
        ("Towards Extreme Pruning of LLMsChi Xu, Gefei Zhang", "Towards Extreme Pruning of LLMs",
         ["Chi Xu", "Gefei Zhang"]),
        ("Online Zero-Shot Classification with CLIPQi Qian", "Online Zero-Shot Classification with CLIP",
         ["Qi Qian"]),
        ("Large-Scale Machine Learning with Stochastic Gradient Descent for SVMsLéon Bottou",
         "Large-Scale Machine Learning with Stochastic Gradient Descent for SVMs", ["Léon Bottou"]),
        ("On the Relationship between Self-Attention and Convolutional LayersJean-Baptiste Cordonnier, Martin Jaggi",
         "On the Relationship between Self-Attention and Convolutional Layers",
         ["Jean-Baptiste Cordonnier", "Martin Jaggi"]),
        ("Is Attention All You Need?Łukasz Kaiser", "Is Attention All You Need?", ["Łukasz Kaiser"]),
        ("Sparks of AGI: Early Experiments with GPT-4Sébastien Bubeck, Varun Chandrasekaran",
         "Sparks of AGI: Early Experiments with GPT-4", ["Sébastien Bubeck", "Varun Chandrasekaran"]),
        ("Segment, Track, and Caption AnythingXiao Wang, Grant O'Keefe",
         "Segment, Track, and Caption Anything", ["Xiao Wang", "Grant O'Keefe"]),
        ("Visualizing Data using t-SNELaurens van der Maaten, Geoffrey Hinton",
         "Visualizing Data using t-SNE", ["Laurens van der Maaten", "Geoffrey Hinton"]),
        ("Unsupervised Exposure Correction", "Unsupervised Exposure Correction", []),
    ],
)
def test_title_author_split(line: str, title: str, authors: list[str]) -> None:
    got_title, got_authors, _, _ = split_title_authors(line)
    assert (got_title, got_authors) == (title, authors)


def test_et_al_and_affiliations() -> None:
    _, authors, truncated, affiliations = split_title_authors(
        "Conv-Adapter: Exploring Parameter Efficient Transfer Learning for ConvNetsHao Chen, Ran Tao, "
        "Han Zhang et al. · cmu, pku"
    )
    assert truncated and affiliations == ["cmu", "pku"] and authors == ["Hao Chen", "Ran Tao", "Han Zhang"]
    assert split_title_authors("A Title for OneSam McCandlish")[2] is False


def test_names_seen_elsewhere_in_the_feed_settle_ambiguous_splits() -> None:
    # "McCandlish" could start a name only via its known spelling; the lexicon picks the known person.
    title, authors, _, _ = split_title_authors("Benchmarks for AI and DeepMindSam McCandlish", {"sam mccandlish"})
    assert (title, authors) == ("Benchmarks for AI and DeepMind", ["Sam McCandlish"])


def test_headers_scores_codes_and_yearless_dates() -> None:
    assert detect(TEXT)[0] == "feed"
    works = feed.parse(TEXT, "f.txt", date(2026, 1, 10)).works
    assert len(works) == 6
    assert (works[0].score, works[0].has_code, works[0].categories) == (98.2, True, ("CL",))
    assert (works[2].score, works[2].has_code) == (None, False)
    assert works[3].score == 87.0
    # `Dec 30` seen on 10 January 2026 is last December; `Mar 4` would be in the future, so 2025 too.
    assert (works[4].date, works[4].year) == ("2025-12-30", 2025)
    assert works[5].date == "2025-03-04"
    assert works[5].authors == ("Łukasz Kaiser", "Sam McCandlish")
    assert works[4].authors == ("Léon Bottou",) and not works[4].authors_truncated


def test_header_without_title_is_reported_not_fatal() -> None:
    text = TEXT + "CVMar 8, 2021Code\n"  # a dump cut off right after a header
    result = feed.parse(text, "f.txt", date(2026, 1, 10))
    assert len(result.works) == 6
    assert [i.line for i in result.issues] == [len(TEXT.splitlines()) + 1]
