"""Synthetic dumps for benchmarks: N records in any layout, with a chosen rate of re-typed duplicates.

    python benchmarks/generate.py --layout arxiv-listing --records 10000 --dup-rate 0.1 > dump.txt

Titles are drawn from a technical vocabulary (so rare-token blocking sees realistic word frequencies);
a duplicate repeats an earlier work with its title re-typed (case, punctuation, one typo, a dropped word, or
typos in two or three of its words), and `Fake.kind` says which, so the benchmark can measure recall per kind.
With `--rare-names` every author gets a made-up name in no lexicon (`Depa Ziru`, `Lija Nerovan`), as
transliterated or rare names are: nothing a parser caches or looks up can help it.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass

_WORDS = (
    "learning deep neural network networks representation representations model models graph graphs attention "
    "transformer transformers visual vision language languages image images video videos object objects detection "
    "segmentation classification clustering contrastive supervised unsupervised self semi weakly robust efficient "
    "scalable adaptive sparse dense multi modal cross domain generalization adaptation transfer knowledge "
    "distillation pruning quantization compression optimization stochastic gradient descent bayesian inference "
    "variational generative adversarial diffusion autoencoder autoencoders reinforcement policy reward agent agents "
    "planning retrieval augmented reasoning question answering dialogue translation speech recognition synthesis "
    "point cloud clouds depth estimation pose tracking temporal spatial spatio fusion embedding embeddings metric "
    "similarity ranking recommendation federated privacy differential fairness interpretable explainable causal "
    "discovery time series forecasting anomaly kernel kernels spectral manifold hierarchical probabilistic "
    "uncertainty calibration benchmark dataset evaluation survey analysis framework approach method methods toward "
    "towards via with for from of on in using beyond without under large small scale zero few shot prompt prompting "
    "tuning fine instruction alignment preference feedback memory bank mixture experts routing token tokens pruned "
    "medical clinical sepsis protein molecular chemistry physics climate weather traffic network wireless edge "
    "hardware accelerator energy sustainable green fast faster simple strong baseline revisiting rethinking "
    "understanding towards unified general universal foundation open vocabulary continual incremental lifelong "
    "meta active curriculum noisy labels label long tailed imbalanced tabular text code program synthesis"
).split()
_ACRONYMS = ("CLIP", "LLMs", "ViT", "GANs", "BERT", "ConvNets", "VLMs", "CNNs", "RNNs", "NeRF", "SAM", "GPT-4")
_GIVEN = (
    "Hao Qi Juhua Wei Ming Li Yang Xin Jian Yuan Chen Zhe Jason Sam Edward Léon Jean-Baptiste Łukasz Maria Anna "
    "Ashish Noam Niki Jakob Llion Aidan Illia Tucker Katherine Grant Ankur Kevin Ruodai Guosheng Yongxin Tianyang "
    "Xiaoming Zeren Sixun Mian Yanjie Jiawei Deyang Richard Lingyang Lanjun Rong Yuanhong Baigui Lei Xia"
).split()
_FAMILY = (
    "Hu Qian Li Wang Zhang Chen Liu Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Lin McCandlish Bottou Cordonnier Kaiser "
    "Vaswani Shazeer Parmar Uszkoreit Jones Gomez Polosukhin Stewart Stern O'Keefe Teredesai Ewig Cui Niu Yao Hua "
    "Tao Kuen Yuan Gu Tresp Dong Yin Fu Franklin Zhong Chu Pei Jin Shang Schmidt-Övergaard Müller García"
).split()
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
LAYOUTS = ("profile", "arxiv-listing", "arxiv-abstracts", "paper-page", "feed", "google-scholar", "semantic-scholar",
           "orcid", "pubmed")


@dataclass
class Fake:
    title: str
    authors: list[str]
    year: int
    month: int
    day: int
    abstract: str
    arxiv_id: str
    origin: int  # which generated work this record is (duplicates share it): the dedupe ground truth
    kind: str = "original"  # how a duplicate was re-typed (see RETYPES)


def _title(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(5, 12))]
    words = [w.capitalize() if rng.random() < 0.7 else w for w in words]
    if rng.random() < 0.3:
        words.insert(0, "".join(rng.choice("ABCDEFGHKLMNPRST") for _ in range(rng.randint(3, 5))) + ":")
    if rng.random() < 0.25:
        words.append(rng.choice(_ACRONYMS))
    return " ".join(words)


RETYPES = ("case", "punctuation", "typo", "dropped-word", "typos")


def _retype(title: str, rng: random.Random) -> tuple[str, str]:
    """The same title as someone else typed it, and which of RETYPES was done."""
    kind = RETYPES[rng.randrange(len(RETYPES))]
    if kind == "case":
        return title.lower(), kind
    if kind == "punctuation":
        return title.replace(":", " -") + ".", kind
    if kind == "typo":
        i = rng.randrange(len(title))
        return (title[:i] + title[i + 1:] if title[i].isalpha() else title.upper()), kind
    words = title.split()
    if kind == "typos":  # one slip (drop, double, swap or replace a letter) in each of two or three long words
        long_words = [i for i, w in enumerate(words) if len(w) > 4 and w.isalpha()]
        for i in rng.sample(long_words, min(len(long_words), rng.randint(2, 3))):
            words[i] = _slip(words[i], rng)
        return " ".join(words), kind
    small = [i for i, w in enumerate(words) if w.lower() in {"for", "of", "via", "with", "the", "on", "in"}]
    if small:
        del words[rng.choice(small)]
    return " ".join(words), kind


def _slip(word: str, rng: random.Random) -> str:
    """One typing slip inside a word (never its first letter)."""
    i = rng.randrange(1, len(word) - 1)
    slip = rng.randrange(4)
    if slip == 0:
        return word[:i] + word[i + 1:]
    if slip == 1:
        return word[:i] + word[i] + word[i:]
    if slip == 2:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + rng.choice("aeiourstln") + word[i + 1:]


_ONSETS = ("", "b", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "ch", "sh", "th",
           "kr", "tr", "dr", "zh", "ng")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ei", "ou", "ia", "uo")


def _rare_name(rng: random.Random) -> str:
    """A made-up `Given Family` name of two or three syllables per part: in no lexicon, rarely repeated."""
    def part() -> str:
        word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(rng.randint(2, 3)))
        if rng.random() < 0.3:
            word += rng.choice("nrsk")
        return word.capitalize()

    return f"{part()} {part()}"


def _abstract(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(4, 8)):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(10, 24))]
        sentences.append(" ".join(words).capitalize() + ".")
    return " ".join(sentences)


def fakes(n: int, dup_rate: float, seed: int = 7, abstracts: bool = True, rare_names: bool = False) -> Iterator[Fake]:
    """N fake works; a `dup_rate` share repeat an earlier work with a re-typed title.

    `rare_names` gives every author a made-up name (`_rare_name`) instead of one drawn from a short list.
    """
    rng = random.Random(seed)
    made: list[Fake] = []
    for k in range(n):
        if made and rng.random() < dup_rate:
            base = rng.choice(made)
            title, kind = _retype(base.title, rng)
            yield Fake(title, base.authors[: rng.randint(1, len(base.authors))], base.year,
                       base.month, base.day, base.abstract, base.arxiv_id, base.origin, kind)
            continue
        year = rng.randint(2015, 2025)
        month = rng.randint(1, 12)
        fake = Fake(
            title=_title(rng),
            authors=[_rare_name(rng) if rare_names else f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}"
                     for _ in range(rng.randint(1, 7))],
            year=year,
            month=month,
            day=rng.randint(1, 28),
            abstract=_abstract(rng) if abstracts else "",
            arxiv_id=f"{year % 100:02d}{month:02d}.{k % 100000:05d}",
            origin=k,
        )
        if len(made) < 200_000:
            made.append(fake)
        yield fake


def render(layout: str, works: Iterator[Fake], out: object) -> None:
    """Write the works as a dump in one layout."""
    write = out.write  # type: ignore[attr-defined]
    if layout == "profile":
        write("Researcher profile\n\nJuhua Hu\n\nPublished work\n\n")
    if layout == "paper-page":
        write("Main Paper Title For The Page\n\n141   0   0.0 ( 0 )\n Added by Someone\n Publication date 2021\n\n"
              "The main abstract of the page.\n\nrate research\n\nRead More\n\n")
    if layout == "google-scholar":
        write("Juhua Hu\nVerified email at uw.edu\nCitations\t1200\t800\nh-index\t15\t12\nTITLE\tCITED BY\tYEAR\n")
    if layout == "semantic-scholar":
        write("Juhua Hu\nPublications\n40\nh-index\n15\nCitations\n1,200\nSort by Citation Count\n")
    if layout == "orcid":
        write("Juhua Hu\nORCID iD\nWorks (40)\n")
    for w in works:
        initials = [f"{a.split()[0][0]} {a.split()[-1]}" for a in w.authors]
        if layout == "google-scholar":
            write(f"{w.title}\n{', '.join(initials)}\nJournal of Fakes {w.month} ({w.day}), 1-{w.day + 10}"
                  f"\t{w.day * 3}\t{w.year}\n")
        elif layout == "semantic-scholar":
            write(f"{w.title}\n{', '.join(w.authors)}\nComputer Science\nJournal of Fakes · {w.year}\n"
                  f"TLDR {w.abstract[:160]} Expand\n{w.day * 3} Citations\nSave\nCite\n")
        elif layout == "orcid":
            write(f"{w.title}\nJournal of Fakes\n{w.year}-{w.month:02d}-{w.day:02d} | Journal article\n"
                  f"DOI: 10.5555/fake.{w.arxiv_id}\nSource: Crossref\nShow more detail\n")
        elif layout == "pubmed":
            pm = [f"{a.split()[-1]} {a.split()[0][0]}" for a in w.authors]
            write(f"{w.origin + 1}\nCite\nShare\n{w.title}.\n{', '.join(pm)}.\n"
                  f"J Fakes. {w.year} {_MONTHS[w.month - 1][:3]} {w.day};{w.month}({w.day}):1-9. "
                  f"doi: 10.5555/fake.{w.arxiv_id}.\nPMID: {30000000 + w.origin} Free PMC article.\n"
                  f"{w.abstract[:200]}\n")
        if layout == "profile":
            write(f"preprint{w.year}arXiv\n\n{w.title}\n\n{w.abstract}\n\n")
        elif layout == "arxiv-listing":
            authors = ",\n".join(w.authors)
            cut = w.abstract[:200] + "…"
            write(f"-\n{w.title}\nAuthors:\n{authors}\nAbstract:\n{cut}\n▽ More\n{w.abstract}\n△ Less\n"
                  f"Submitted {w.day} {_MONTHS[w.month - 1]}, {w.year};\noriginally announced "
                  f"{_MONTHS[w.month - 1]} {w.year}.\n")
        elif layout == "arxiv-abstracts":
            write(f"{w.abstract}\n12 pages\narXiv:{w.arxiv_id}")
        elif layout == "paper-page":
            write(f"{len(w.title)} - {' , '.join(w.authors)} {w.year}\n{w.abstract}\n")
        elif layout == "feed":
            extra = " et al." if len(w.authors) > 3 else ""
            write(f"{w.month + 80}.5CV{_MONTHS[w.month - 1][:3]} {w.day}, {w.year}Code\n"
                  f"{w.title}{', '.join(w.authors[:3])}{extra}\n{w.abstract}\n")
    if layout == "arxiv-abstracts":
        write("\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layout", choices=LAYOUTS, required=True)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--dup-rate", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rare-names", action="store_true", help="authors with made-up names in no lexicon")
    args = parser.parse_args()
    render(args.layout, fakes(args.records, args.dup_rate, args.seed, rare_names=args.rare_names), sys.stdout)


if __name__ == "__main__":
    main()
