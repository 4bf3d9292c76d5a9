"""Deduplication across sources: seed figures, merge policy, guards, and the `dedupe` audit report."""

from __future__ import annotations

from conftest import AS_OF, SEEDS, invoke, seed
from scholarcli.dedupe import compare, dedupe, numbers_differ, numbers_of
from scholarcli.dedupe.merge import earliest_date, merge_works
from scholarcli.model import Source, Work


def test_profile_works_merge_into_their_arxiv_entries() -> None:
    result = invoke("list-works", "--json", "--as-of", AS_OF, seed("000"), seed("001"))
    works = result.json()
    assert len(works) == 20
    kd = next(w for w in works if w["title"] == "Improved Knowledge Distillation via Full Kernel Matrix Transfer")
    assert kd["year"] == 2020 and len(kd["sources"]) == 2
    merged = [w for w in works if len(w["sources"]) == 2]
    assert len(merged) == 4 and all(w["type"] == "preprint" for w in merged)


def test_all_five_seeds_give_68_works() -> None:
    assert len(invoke("list-works", "--json", "--as-of", AS_OF, SEEDS).json()) == 68


def test_merge_takes_the_most_informative_values() -> None:
    cut = Work(title="T", authors=("A B",), authors_truncated=True, year=2022, date="2022",
               abstract="Short and cut…", venue="Pattern Recognition", type="article",
               sources=(Source("profile", "p", 1),))
    full = Work(title="T", authors=("A B", "C D"), year=2020, date="2020-09-30", updated="2022-03-29",
                abstract="Short and cut off here, but complete.", venue="arXiv", type="preprint",
                categories=("cs.LG",), sources=(Source("arxiv-listing", "a", 5),))
    work = merge_works([cut, full])
    assert work.authors == ("A B", "C D") and not work.authors_truncated
    assert (work.year, work.date, work.updated) == (2020, "2020-09-30", "2022-03-29")
    assert work.abstract == "Short and cut off here, but complete."
    assert (work.venue, work.type) == ("Pattern Recognition", "article")
    assert [s.layout for s in work.sources] == ["profile", "arxiv-listing"]


def test_a_cut_author_list_keeps_the_people_other_records_name() -> None:
    # Google Scholar cuts the list before the profile's owner; the owner's ORCID record names only them.
    scholar = Work(title="T", authors=("RE Green", "J Krause", "SE Ptak"), authors_truncated=True, year=2006)
    orcid = Work(title="T", authors=("Svante Pääbo",), authors_truncated=True, year=2006)
    other = Work(title="T", authors=("R. Green", "S. Pääbo"), authors_truncated=True, year=2006)
    assert merge_works([scholar, orcid, other]).authors == ("RE Green", "J Krause", "SE Ptak", "Svante Pääbo")
    full = Work(title="T", authors=("RE Green", "J Krause"), year=2006)
    assert merge_works([full, orcid]).authors == ("RE Green", "J Krause")


def test_a_working_paper_and_its_article_years_apart_are_one_work() -> None:
    article = Work(title="Grandmothers and Granddaughters: Old-Age Pensions and Intrahousehold Allocation in "
                   "South Africa", authors=("Esther Duflo",), year=2003)
    paper = Work(title="Grandmothers and Granddaughters: Old Age Pension and Intra-household Allocation in "
                 "South Africa", authors=("Esther Duflo",), year=2000)
    assert compare(article, paper).same
    # Without the author evidence the two-year slack holds.
    assert not compare(article, Work(title=paper.title, authors=("A Other",), year=2000)).same


def test_an_erratum_and_the_work_it_corrects_are_two_works() -> None:
    title = "Dynamics of coupled oscillators in sparse random networks"
    paper = Work(title=title, authors=("Ana Ortiz", "Ben Lee"), year=2019, type="article",
                 sources=(Source("dblp", "d", 1),))
    notices = [Work(title=f"{prefix}{title}", authors=("Ana Ortiz", "Ben Lee"), year=2019, type="article",
                    sources=(Source("dblp", "d", n),))
               for n, prefix in enumerate(("Erratum: ", "Correction to: ", "Publisher Correction: "), 2)]
    for notice in notices:
        assert not compare(paper, notice).same
    wos = Work(title=f"{title} (vol 12, pg 345, 2019)", authors=("Ana Ortiz",), year=2020)
    assert not compare(paper, wos).same
    # Two copies of one notice are still one work, and the notices do not chain into the paper.
    result = dedupe([paper, *notices, notices[0]])
    assert len(result.works) == 4
    assert not compare(paper, Work(title="Correction of drift in " + title, authors=paper.authors, year=2019)).same


def test_a_thesis_and_a_paper_of_the_same_title_are_two_works() -> None:
    thesis = Work(title="Black holes in string theory", authors=("Juan Martin Maldacena",), year=1996,
                  type="phdthesis", sources=(Source("bibtex", "b", 1),))
    paper = Work(title="Black holes in string theory", authors=("J. M. Maldacena",), year=1997, type="article",
                 sources=(Source("citation-list", "c", 1),))
    preprint = Work(title="Black holes in string theory", authors=("J Maldacena",), year=1996, type="preprint",
                    sources=(Source("google-scholar", "g", 1),))
    assert not compare(thesis, paper).same
    assert compare(thesis, preprint).same  # the thesis posted on arXiv
    assert len(dedupe([thesis, preprint, paper]).works) == 2


def test_earliest_date_prefers_precision_at_equal_dates() -> None:
    assert earliest_date(["2020", "2020-09-30", "2021-01-01"]) == "2020-09-30"
    assert earliest_date(["2021-05", "2020"]) == "2020"
    assert earliest_date([None, None]) is None


def test_numbers_guard_sees_glued_and_roman_numbers() -> None:
    assert numbers_of("yolov3 an incremental improvement") != numbers_of("yolov4 an incremental improvement")
    assert numbers_of("forecasting part i") != numbers_of("forecasting part ii")
    assert numbers_differ("forecasting part i", "forecasting part ii")
    assert numbers_differ("deep metric learning iii", "deep metric learning iv")
    assert numbers_differ("semeval 2017 task 4", "semeval 2016 task 4")
    # a typo that cuts `via` or `vit` down to `vi` is not the numeral six
    assert not numbers_differ("graph learning via attention", "graph learning vi attention")
    assert not numbers_differ("token pruning for vit", "token pruning for vi")


def test_arxiv_id_versions_merge_and_different_ids_never_do() -> None:
    a = Work(title="Deep Learning", arxiv_id="1501.00001", arxiv_version=1)
    b = Work(abstract="x" * 300, arxiv_id="1501.00001", arxiv_version=3)
    c = Work(title="Deep learning", arxiv_id="1602.00002")
    result = dedupe([a, b, c])
    assert result.clusters == [[0, 1], [2]]
    assert result.works[0].arxiv_version == 3
    assert [(n.a, n.b, n.reason) for n in result.near_misses] == [(0, 2, "different arXiv ids")]


def test_dedupe_report_lists_rules_and_near_misses() -> None:
    result = invoke("dedupe", "--json", "--as-of", AS_OF, SEEDS)
    assert result.code == 0, result.stderr
    report = result.json()
    assert (report["records"], report["works"]) == (72, 68)
    assert len(report["clusters"]) == 4
    cluster = report["clusters"][0]
    assert cluster["title"] == "Improved Knowledge Distillation via Full Kernel Matrix Transfer"
    assert [r["layout"] for r in cluster["records"]] == ["profile", "arxiv-listing"]
    assert cluster["links"] == [{"a": cluster["records"][0]["index"], "b": cluster["records"][1]["index"],
                                 "rule": "title", "score": None}]
    misses = report["near_misses"]
    assert misses and all(set(m) == {"a", "b", "score", "reason"} for m in misses)
    titles = {(m["a"]["title"], m["b"]["title"]) for m in misses}
    assert ("Dual-disentangled Deep Multiple Clustering",
            "AugDMC: Data Augmentation Guided Deep Multiple Clustering") in titles


def test_dedupe_threshold_changes_fuzzy_decisions(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = seed("004").read_text("utf-8").replace("Deep Embeeding Learning", "Deep Embedding Learning")
    retyped = tmp_path / "retyped.txt"
    retyped.write_text(text, encoding="utf-8")
    both = [seed("004"), retyped]
    strict = invoke("dedupe", "--json", "--threshold", "100", "--as-of", AS_OF, *both).json()
    loose = invoke("dedupe", "--json", "--as-of", AS_OF, *both).json()
    assert strict["works"] == 33 and loose["works"] == 32
    fuzzy = [c for c in loose["clusters"] if any(ln["rule"] == "fuzzy-title" for ln in c["links"])]
    assert len(fuzzy) == 1 and fuzzy[0]["links"][0]["score"] > 95


def test_dedupe_human_report() -> None:
    import io

    from rich.console import Console

    from scholarcli import parse_paths
    from scholarcli.pipeline import audit
    from scholarcli.render.tables import write_dedupe_report

    records = parse_paths([str(SEEDS)])
    out = io.StringIO()
    write_dedupe_report(audit(records), Console(file=out, width=200))
    text = out.getvalue()
    assert "72 records -> 68 works" in text
    assert "merged #0 + #19 by title" in text
    assert "Kept apart" in text and "title similarity below threshold" in text


def test_cli_help_states_the_real_default_threshold() -> None:
    from scholarcli.dedupe import DEFAULT_THRESHOLD

    assert f"default {DEFAULT_THRESHOLD:g}." in invoke("dedupe", "--help").stdout


def test_report_is_typed_and_serialises_to_the_documented_json() -> None:
    from scholarcli import parse_paths
    from scholarcli.dedupe import report
    from scholarcli.model.results import AuditRecord, DedupeReport

    records = parse_paths([str(SEEDS)])
    audit = report(records, dedupe(records))
    assert isinstance(audit, DedupeReport) and isinstance(audit.clusters[0].records[0], AuditRecord)
    data = audit.to_dict()
    assert list(data) == ["records", "works", "threshold", "clusters", "near_misses"]
    assert list(data["clusters"][0]) == ["id", "title", "records", "links"]
    assert list(data["clusters"][0]["records"][0]) == ["index", "layout", "path", "line", "title", "arxiv_id", "year"]
    assert list(data["near_misses"][0]) == ["a", "b", "score", "reason"]


def test_titles_many_works_share_are_one_work_only_in_one_year_and_venue() -> None:
    # An economist's CV: the introduction to each volume she edited, and Google Scholar's copy of one of them.
    handbook = Work(title="Introduction", authors=("Esther Duflo",), year=2007,
                    venue="Handbook of Development Economics", sources=(Source("citation-list", "cv", 1),))
    other = Work(title="Introduction", authors=("Esther Duflo",), year=2008,
                 venue="Journal of the European Economic Association", sources=(Source("citation-list", "cv", 2),))
    copy = Work(title="Introduction", authors=("E Duflo",), year=2007, venue="Handbook of development economics 4",
                sources=(Source("google-scholar", "gs", 1),))
    same_year = Work(title="Editorial", authors=("Esther Duflo",), year=2007, venue="Econometrica")
    assert not compare(handbook, other).same
    assert compare(handbook, copy).same
    assert not compare(same_year, Work(title="Editorial", authors=("Esther Duflo",), year=2007, venue="Science")).same
    subtitled = Work(title="Introduction: Field experiments in economics", authors=("Esther Duflo",), year=2007)
    assert not compare(handbook, subtitled).same
    assert len(dedupe([handbook, other, copy]).works) == 2
