"""coauthors, search, stats and the shared filters, in-process, asserting on parsed JSON."""

from __future__ import annotations

from pathlib import Path

from conftest import AS_OF, SAMPLES, SEEDS, invoke, seed
from scholarcli.normalise.names import PersonIndex


def test_coauthors_of_juhua_hu_in_001() -> None:
    result = invoke("coauthors", "--author", "Juhua Hu", "--json", seed("001"))
    assert result.code == 0, result.stderr
    rows = result.json()
    assert len(rows) == 31
    assert rows[0] == {"name": "Qi Qian", "works": 14, "first_year": 2019, "last_year": 2025,
                       "variants": ["Qi Qian"], "lower_bound": False}
    fives = {r["name"] for r in rows if r["works"] == 5}
    assert fives == {"Jiawei Yao", "Yuanhong Xu", "Hao Li"}
    works = [r["works"] for r in rows]
    assert works == sorted(works, reverse=True)


def test_coauthor_counts_are_the_same_after_adding_the_profile() -> None:
    alone = invoke("coauthors", "--author", "Juhua Hu", "--json", seed("001")).json()
    both = invoke("coauthors", "--author", "Juhua Hu", "--json", seed("000"), seed("001")).json()
    assert both == alone


def test_coauthors_defaults_to_the_most_frequent_author_and_says_so() -> None:
    result = invoke("coauthors", "--json", "--min-works", "3", SEEDS)
    assert "using Juhua Hu (in 20 of 68 works)" in result.stderr
    assert [r["name"] for r in result.json()] == ["Qi Qian", "Hao Li", "Jiawei Yao", "Yuanhong Xu", "Rong Jin",
                                                   "Tucker Stewart"]


def test_profile_only_counts_are_lower_bounds() -> None:
    rows = invoke("coauthors", "--author", "Maria Schmidt-Overgaard", "--json", SAMPLES / "profile_other.txt")
    assert rows.code == 0 and rows.json() == []
    feed = invoke("coauthors", "--author", "Guosheng Hu", "--json", "--as-of", AS_OF, seed("004")).json()
    assert {feed[0]["name"], feed[1]["name"]} == {"Guanxiong Sun", "Yang Hua"}
    assert all(row["lower_bound"] for row in feed)


def test_unknown_author_suggests_the_closest_names() -> None:
    result = invoke("coauthors", "--author", "Jane Hunter", seed("001"))
    assert result.code == 1
    assert result.stderr.startswith("scholar: error: no author matches 'Jane Hunter'; closest: ")
    assert "Juhua Hu" in result.stderr
    typo = invoke("coauthors", "--author", "Juhau Hu", "--json", seed("001"))
    assert typo.code == 0 and len(typo.json()) == 31


def test_author_matching_folds_case_accents_and_initials() -> None:
    index = PersonIndex(["Léon Bottou", "leon  bottou", "Łukasz Kaiser", "Lukasz Kaiser", "Juhua Hu", "J. Hu",
                         "Hu, Juhua", "Xia Hu"])
    assert index.resolve("LEON BOTTOU") == index.person("Léon Bottou")
    assert index.person("Lukasz Kaiser") == index.person("Łukasz Kaiser")
    assert index.person("J. Hu") == index.person("Juhua Hu") == index.person("Hu, Juhua")
    assert index.display(index.person("J. Hu") or "") == "Juhua Hu"
    ambiguous = PersonIndex(["Juhua Hu", "Jian Hu", "J. Hu"])
    assert ambiguous.person("J. Hu") not in {ambiguous.person("Juhua Hu"), ambiguous.person("Jian Hu")}


def test_graph_exports_weight_edges_by_shared_works() -> None:
    dot = invoke("coauthors", "--author", "Juhua Hu", "--min-works", "5", "--format", "dot", seed("001")).stdout
    assert dot.startswith("graph coauthors {") and dot.rstrip().endswith("}")
    assert '"Juhua Hu" -- "Qi Qian" [weight=14, label=14' in dot
    mermaid = invoke("coauthors", "--author", "Juhua Hu", "--min-works", "5", "--format", "mermaid",
                     seed("001")).stdout
    assert mermaid.startswith("graph LR") and "---|14|" in mermaid


def test_search_tolerates_typos_and_ranks_with_scores() -> None:
    hits = invoke("search", "knowlege distilation", "--field", "title", "--json", SEEDS).json()
    assert hits[0]["title"] == "Improved Knowledge Distillation via Full Kernel Matrix Transfer"
    assert hits[0]["match"]["field"] == "title" and hits[0]["match"]["score"] >= 75
    assert all(h["match"]["score"] >= 75 for h in hits)
    scores = [h["match"]["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_search_word_order_and_quoted_phrases() -> None:
    loose = invoke("search", "clustering multiple", "--field", "title", "--json", SEEDS).json()
    exact = invoke("search", '"multiple clustering"', "--field", "title", "--json", SEEDS).json()
    assert {h["title"] for h in exact} == {
        "Customized Multiple Clustering via Multi-Modal Subspace Proxy Learning",
        "Multi-Modal Proxy Learning Towards Personalized Visual Multiple Clustering",
        "Dual-disentangled Deep Multiple Clustering",
        "AugDMC: Data Augmentation Guided Deep Multiple Clustering",
    }
    assert {h["title"] for h in exact} <= {h["title"] for h in loose}
    none = invoke("search", '"multiple clusterings of data"', SEEDS)
    assert none.code == 1 and "nothing matches" in none.stderr


def test_search_limit_and_min_score() -> None:
    hits = invoke("search", "video object detection", "--limit", "2", "--json", SEEDS).json()
    assert len(hits) == 2
    strict = invoke("search", "video objet detektion", "--min-score", "99", "--json", SEEDS)
    assert strict.code == 1


def test_stats_figures() -> None:
    stats = invoke("stats", "--json", "--as-of", AS_OF, SEEDS).json()
    assert (stats["records"], stats["works"]) == (72, 68)
    assert sum(stats["per_year"].values()) == 68 - 3  # three related abstracts in 002 have no year
    assert stats["per_year"]["2024"] == 13
    assert stats["top_coauthors"][0] == {"name": "Qi Qian", "works": 14, "lower_bound": False}
    assert stats["top_categories"][0] == {"category": "CV", "works": 21}
    assert stats["layouts"] == {"arxiv-abstracts": 10, "arxiv-listing": 20, "feed": 32, "paper-page": 6,
                                "profile": 4}
    assert stats["missing"] == {"title": 15, "authors": 14, "date": 3}


def test_filters_since_until_category_code_type_sort_limit() -> None:
    def titles(*args: str | Path) -> list[str]:
        return [w["title"] for w in invoke("list-works", "--json", "--as-of", AS_OF, *args).json()]

    recent = invoke("list-works", "--json", "--since", "2025", "--as-of", AS_OF, seed("004")).json()
    assert recent and all(w["year"] >= 2025 for w in recent)
    window = invoke("list-works", "--json", "--since", "2024-02", "--until", "2024-02-20", seed("004")).json()
    assert {w["date"] for w in window} == {"2024-02-14"}
    assert len(titles("--category", "cs.CL", seed("004"))) == 2
    coded = invoke("list-works", "--json", "--has-code", seed("004")).json()
    assert coded and all(w["has_code"] for w in coded)
    assert all(not w["has_code"] for w in invoke("list-works", "--json", "--no-code", seed("004")).json())
    assert len(titles("--type", "preprint", seed("000"))) == 4
    ordered = titles("--sort", "title", "--limit", "3", seed("001"))
    assert ordered == sorted(ordered, key=str.casefold) and len(ordered) == 3
    newest = invoke("list-works", "--json", "--sort", "date", "--reverse", "--limit", "1", seed("001")).json()
    assert newest[0]["date"] == "2025-08-25"
    by_author = titles("--author", "jiawei yao", seed("001"))
    assert len(by_author) == 5


def test_filters_that_match_nothing_exit_1() -> None:
    result = invoke("list-works", "--since", "2030", seed("001"))
    assert result.code == 1 and result.stderr.strip() == "scholar: error: no works match the filters"
    bad = invoke("list-works", "--since", "the other day", seed("001"))
    assert bad.code == 2


def test_format_that_does_not_apply_is_a_usage_error() -> None:
    result = invoke("stats", "--format", "bibtex", seed("001"))
    assert result.code == 2 and "does not apply here" in result.stderr


def test_search_does_not_rank_titles_that_share_one_word() -> None:
    # WRatio gives 85.5 to any title sharing a single word (even `with`) with a shorter query: such titles
    # are noise, and the exact title must come first, alone at the top.
    hits = invoke("search", "Online Zero-Shot Classification with CLIP", "--field", "title", "--json",
                  SEEDS).json()
    titles = [h["title"] for h in hits]
    assert titles[0] == "Online Zero-Shot Classification with CLIP"
    assert "OPANAS: One-Shot Path Aggregation Network Architecture Search for Object Detection" not in titles
    assert not any(t.startswith("Unsupervised Visual Representation") for t in titles)
    soft = invoke("search", "SoftTriple Loss: Deep Metric Learning Without Triplet Sampling", "--field", "title",
                  "--json", SEEDS).json()
    assert soft[0]["title"] == "SoftTriple Loss: Deep Metric Learning Without Triplet Sampling"
    assert all("Metric Learning" in h["title"] for h in soft), [h["title"] for h in soft]  # not `SeA: …` (85.5)


def test_search_prefers_a_title_match_to_an_equal_abstract_match() -> None:
    hits = invoke("search", "knowlege distilation", "--json", SEEDS).json()
    assert hits[0]["title"] == "Improved Knowledge Distillation via Full Kernel Matrix Transfer"
    assert hits[0]["match"]["field"] == "title"


def test_no_code_keeps_only_feed_works_known_to_lack_a_code_badge() -> None:
    # has_code is null where the layout cannot say (a profile, an arXiv listing): such works have no
    # missing badge, so --no-code must not list them.
    works = invoke("list-works", "--json", "--no-code", SEEDS).json()
    assert works and all(w["has_code"] is False for w in works)
    everything = invoke("list-works", "--json", SEEDS).json()
    assert len(works) == sum(1 for w in everything if w["has_code"] is False)


def test_stats_of_a_selection_count_the_records_behind_it() -> None:
    # `20 works from 72 records` counted every record read, most of them behind works the filter dropped.
    everything = invoke("stats", "--json", "--as-of", AS_OF, SEEDS).json()
    theirs = invoke("stats", "--json", "--as-of", AS_OF, "--author", "Juhua Hu", SEEDS).json()
    works = invoke("list-works", "--json", "--as-of", AS_OF, "--author", "Juhua Hu", SEEDS).json()
    assert theirs["works"] == len(works) == 20
    behind = sum(len(w["sources"]) for w in works)  # records from pages carry one source each
    assert theirs["records"] == behind == sum(theirs["layouts"].values())
    assert theirs["records"] < everything["records"] == 72


def test_author_by_family_name_alone_when_one_person_has_it(tmp_path: Path) -> None:
    bib = tmp_path / "crispr.bib"
    bib.write_text(
        "@article{a, title={A programmable dual-RNA-guided DNA endonuclease in adaptive bacterial immunity},\n"
        " author={Jinek, Martin and Doudna, Jennifer A. and Charpentier, Emmanuelle}, year=2012}\n"
        "@article{b, title={Genome editing in human cells}, author={Hu, Juhua and Hu, Guosheng}, year=2013}\n",
        encoding="utf-8")
    found = invoke("list-works", "--author", "doudna", "--json", str(bib))
    assert found.code == 0, found.stderr
    assert [w["year"] for w in found.json()] == [2012]
    coauthors = invoke("coauthors", "--author", "Charpentier", "--json", str(bib)).json()
    assert {r["name"] for r in coauthors} == {"Martin Jinek", "Jennifer A. Doudna"}
    ambiguous = invoke("list-works", "--author", "Hu", str(bib))
    assert ambiguous.code == 1 and "no author matches 'Hu'" in ambiguous.stderr


def test_sort_by_title_ignores_accents_case_and_opening_quotes(tmp_path: Path) -> None:
    bib = tmp_path / "titles.bib"
    bib.write_text("".join(
        f"@article{{k{i}, title={{{title}}}, author={{Ada Lovelace}}, year={2000 + i}}}\n"
        for i, title in enumerate(["Zebra crossings at night", "{\\'E}lan vital in cell biology",
                                   "``Quoted'' ideas about proof", "apples and oranges compared"])),
        encoding="utf-8")
    works = invoke("list-works", "--sort", "title", "--json", str(bib)).json()
    assert [w["title"].split()[0] for w in works] == ["apples", "Élan", "“Quoted”", "Zebra"]


def test_search_says_when_the_limit_hides_matches() -> None:
    every = invoke("search", "video object detection", "--limit", "100", "--json", SEEDS)
    total = len(every.json())
    assert total > 2 and "showing" not in every.stderr
    cut = invoke("search", "video object detection", "--limit", "2", "--json", SEEDS)
    assert len(cut.json()) == 2
    assert f"showing 2 of {total} matches; --limit N shows more" in cut.stderr


def test_quoted_phrase_matches_whole_words(tmp_path: Path) -> None:
    # '"GAN"' matched `organ` and `elegant`: a phrase in quotes is words, not letters inside a word.
    bib = tmp_path / "gan.bib"
    bib.write_text(
        "@article{a, title={Organ transplants in elegant mice}, author={Ada Lovelace}, year=2019}\n"
        "@article{b, title={A GAN for faces}, author={Ada Lovelace}, year=2020}\n"
        "@article{c, title={Training GANs, stably}, author={Ada Lovelace}, year=2021}\n",
        encoding="utf-8")
    hits = invoke("search", '"gan"', "--json", str(bib)).json()
    assert [h["title"] for h in hits] == ["A GAN for faces"]
    two = invoke("search", '"gans, stably"', "--json", str(bib)).json()
    assert [h["title"] for h in two] == ["Training GANs, stably"]


def test_search_authors_by_initials() -> None:
    theirs = {w["id"] for w in invoke("list-works", "--author", "Juhua Hu", "--json", SEEDS).json()}
    by_initial = {h["id"] for h in invoke("search", "J. Hu", "--field", "authors", "--limit", "100", "--json",
                                          SEEDS).json()}
    assert len(theirs) == 20 and theirs <= by_initial


def test_search_does_not_count_small_words(tmp_path: Path) -> None:
    # `the`, `of`, `in` made up five of seven query words, so a title sharing only them and `role` scored 83.
    bib = tmp_path / "roles.bib"
    bib.write_text(
        "@article{a, title={The Role of Memory in the Economy}, author={Ada Lovelace}, year=2019}\n"
        "@article{b, title={Attention in the Human Brain}, author={Carl Gauss}, year=2020}\n",
        encoding="utf-8")
    hits = invoke("search", "the role of attention in the brain", "--field", "title", "--json", str(bib)).json()
    assert [h["title"] for h in hits] == ["Attention in the Human Brain"]


def test_coauthors_when_the_filters_leave_no_works() -> None:
    # With --author the answer was `[]` and exit 0; without, `no works with authors in the input`.
    for args in (["--author", "Juhua Hu"], []):
        result = invoke("coauthors", *args, "--since", "2030", "--json", SEEDS)
        assert result.code == 1 and result.stdout == "", args
        assert "no works match the filters" in result.stderr, result.stderr


def test_search_folds_accents(tmp_path: Path) -> None:
    bib = tmp_path / "accents.bib"
    bib.write_text("@inproceedings{a, title={Large-Scale Machine Learning with Stochastic Gradient Descent},"
                   " author={L{\\'e}on Bottou}, year=2010}\n", encoding="utf-8")
    plain = invoke("search", "Leon Bottou", "--field", "authors", "--json", str(bib)).json()
    assert plain[0]["match"]["score"] == 100
    assert invoke("search", '"leon bottou"', "--json", str(bib)).json()[0]["authors"] == ["Léon Bottou"]
    assert invoke("search", '"Léon"', "--field", "authors", "--json", str(bib)).code == 0


def test_stats_takes_limit_like_every_other_command() -> None:
    # The README lists --limit among the options stats shares; stats knew only --top.
    for option in ("--limit", "-n", "--top"):
        stats = invoke("stats", option, "3", "--json", "--as-of", AS_OF, SEEDS)
        assert stats.code == 0, stats.stderr
        assert len(stats.json()["top_coauthors"]) == 3 and len(stats.json()["top_categories"]) == 3
