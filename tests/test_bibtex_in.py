"""Reading BibTeX: LaTeX to Unicode, names, macros, crossref, arXiv ids, and broken entries kept apart."""

from __future__ import annotations

from pathlib import Path

from conftest import invoke
from scholarcli.layouts import bibtex_in, detect
from scholarcli.normalise.names import display_order

BIB = r"""@string{tpami = "IEEE Transactions on Pattern Analysis and Machine Intelligence"}
@comment{jabref-meta: databaseType:bibtex;}

@article{muller2020,
  title = {The {SQL} Way: Nystr{\"o}m Methods for {$k$}-Means at 5\% of the Cost},
  author = {M{\"u}ller, J{\'e}r{\^o}me and Other, A. and {Barnes and Noble Research} and others},
  journal = tpami,
  month = may,
  year = 2020,
}

@article{broken,
  title = {This entry never closes its title,
  year = 2021

@inproceedings{paper, title = {A Paper in a Volume}, author = {King, Jr., Martin Luther}, crossref = {vol}}
@proceedings{vol, title = {Proceedings of the Volume}, year = {2019}, month = {11}, publisher = {ACM}}
@misc{lora, title = {LoRA}, author = {Hu, Edward J.}, eprint = {2106.09685v2}, archivePrefix = {arXiv},
  primaryClass = {cs.CL}, year = {2021}, date = {2021-06-17}}
@article{corr, title = {Old CoRR}, author = {Maldacena, Juan}, journal = {CoRR}, volume = {abs/hep-th/9711200},
  year = {1997}}
"""


def _parse() -> bibtex_in.ParseResult:
    return bibtex_in.parse(BIB, "refs.bib")


def test_latex_is_decoded_and_protected_words_lose_their_braces() -> None:
    work = _parse().works[0]
    assert work.title == "The SQL Way: Nyström Methods for $k$-Means at 5% of the Cost"


def test_names_turn_round_and_and_others_marks_a_truncated_list() -> None:
    work = _parse().works[0]
    assert work.authors == ("Jérôme Müller", "A. Other", "Barnes and Noble Research")
    assert work.authors_truncated


def test_string_macros_and_month_macros_are_resolved() -> None:
    work = _parse().works[0]
    assert work.venue == "IEEE Transactions on Pattern Analysis and Machine Intelligence"
    assert (work.year, work.date, work.type) == (2020, "2020-05", "article")


def test_a_broken_entry_is_an_issue_with_its_line_and_its_neighbours_are_kept() -> None:
    result = _parse()
    assert [w.title for w in result.works] == [
        "The SQL Way: Nyström Methods for $k$-Means at 5% of the Cost", "A Paper in a Volume", "LoRA", "Old CoRR"]
    assert [(i.line, "skipped" in i.message) for i in result.issues] == [(12, True)]
    assert [w.sources[0].line for w in result.works] == [4, 16, 18, 20]


def test_crossref_fills_missing_fields_and_the_volume_is_not_a_work() -> None:
    work = _parse().works[1]
    assert (work.venue, work.year, work.date, work.type) == ("Proceedings of the Volume", 2019, "2019-11",
                                                              "inproceedings")
    assert work.authors == ("Martin Luther King Jr.",)


def test_arxiv_ids_come_from_eprint_fields_and_from_corr_volumes() -> None:
    lora, corr = _parse().works[2:]
    assert (lora.arxiv_id, lora.arxiv_version, lora.venue, lora.type) == ("2106.09685", 2, "arXiv", "preprint")
    assert lora.date == "2021-06-17" and lora.categories == ("cs.CL",)
    assert (corr.arxiv_id, corr.venue) == ("hep-th/9711200", "arXiv")


def test_a_field_given_twice_keeps_the_entry_with_a_warning() -> None:
    result = bibtex_in.parse("@misc{x, title = {First}, title = {Second}, year = 2020}\n", "x.bib")
    assert [w.title for w in result.works] == ["First"]
    assert "twice" in result.issues[0].message


def test_bibtex_is_detected_and_no_page_layout_claims_it() -> None:
    found, scores = detect(BIB)
    assert found == "bibtex"
    assert all(score < 0.5 for name, score in scores.items() if name != "bibtex")


def test_suffixes_are_placed_after_the_family_name_in_either_order() -> None:
    assert display_order("King, Jr., Martin") == "Martin King Jr."
    assert display_order("King, Martin, Jr.") == "Martin King Jr."
    assert display_order("Hu, Juhua") == "Juhua Hu"


def test_cli_reads_a_bib_file_and_warns_about_the_broken_entry(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    result = invoke("list-works", "--json", "--no-dedupe", str(path))
    assert result.code == 0, result.stderr
    assert len(result.json()) == 4
    assert f"{path}:12:" in result.stderr


def test_a_bare_percent_sign_does_not_cut_the_field() -> None:
    work = bibtex_in.parse("@misc{x, title = {Training 50% Faster with Less Memory}}\n", "x.bib").works[0]
    assert work.title == "Training 50% Faster with Less Memory"


def test_the_fast_path_for_plain_fields_gives_what_pylatexenc_gives() -> None:
    samples = ["Deep Residual Learning", "{IEEE} Trans. Pattern Anal. Mach. Intell.", r"R\&D at 5\% of a\_b \#1",
               r"The {SQL} way: {{BERT}} and \{braces\}", "A {\\em} b", r"\$5 and {$k$}"]
    for value in samples:
        slow = bibtex_in._decoder().latex_to_text(value.replace("%", r"\%").replace(r"\\%", r"\%"))
        assert bibtex_in.decode(value) == " ".join(slow.split()), value


def test_a_citation_below_a_copied_page_does_not_make_it_bibtex() -> None:
    page = (Path(__file__).parent / "samples" / "feed_names.txt").read_text("utf-8")
    cite = "\nCite this\n@inproceedings{chen2019,\n  title = {X},\n  author = {Chen, Hao},\n  year = {2019}\n}\n"
    assert detect(page + cite)[0] == "feed"
    assert detect("% Encoding: UTF-8\n\n" + cite.split("\n", 2)[2])[0] == "bibtex"


def test_a_bib_file_opening_with_free_text_is_still_bibtex() -> None:
    text = "My references\nkept for the thesis\nlast updated in May\n\n@misc{a, title = {A}, year = 2020}\n"
    assert detect(text)[0] == "bibtex"
