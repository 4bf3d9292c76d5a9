"""RIS in and out: the tags reference managers write, names turned round, damaged records kept apart."""

from __future__ import annotations

import io

from conftest import AS_OF, SAMPLES, invoke
from scholarcli.layouts import detect, ris
from scholarcli.model import Work
from scholarcli.render.ris import write_ris

OTHER_TAGS = """Exported from EndNote
TY  - CPAPER
A1  - van der Maaten, Laurens
A1  - Hinton, Geoffrey
T1  - Visualizing Data using t-SNE
JF  - Journal of Machine Learning Research
Y1  - 2008/11//
ER  -

this line is not part of any record

TY  - BOOK
AU  - Goodfellow, Ian
AU  - Bengio, Yoshua
AU  - Courville, Aaron
TI  - Deep Learning
PB  - MIT Press
PY  - 2016
TY  - GEN
AU  - Hu, Edward J.
TI  - LoRA: Low-Rank Adaptation of Large Language Models
PY  - 2021
UR  - http://arxiv.org/abs/2106.09685v2
ER  -
"""


def test_other_tags_and_date_forms_are_read() -> None:
    result = ris.parse(OTHER_TAGS, "refs.ris")
    tsne, book, lora = result.works
    assert tsne.authors == ("Laurens van der Maaten", "Geoffrey Hinton")
    assert (tsne.title, tsne.venue, tsne.year, tsne.date, tsne.type) == (
        "Visualizing Data using t-SNE", "Journal of Machine Learning Research", 2008, "2008-11", "inproceedings")
    assert (book.venue, book.year, book.type, book.arxiv_id) == ("MIT Press", 2016, "book", None)
    assert (lora.arxiv_id, lora.arxiv_version, lora.venue, lora.type) == ("2106.09685", 2, "arXiv", None)


def test_text_outside_records_is_an_issue_and_a_record_without_er_is_kept() -> None:
    result = ris.parse(OTHER_TAGS, "refs.ris")
    assert [(i.line, "outside" in i.message) for i in result.issues] == [(1, True), (10, True)]
    assert [w.sources[0].line for w in result.works] == [2, 12, 19]


def test_ris_is_detected() -> None:
    found, scores = detect(OTHER_TAGS)
    assert found == "ris"
    assert all(score < 0.5 for name, score in scores.items() if name != "ris")


def test_write_ris_writes_plain_records_that_read_back() -> None:
    work = Work(title="Attention Is All You Need", authors=("Ashish Vaswani", "Ludwig van Beethoven"),
                authors_truncated=True, year=2017, date="2017-06-12", arxiv_id="1706.03762", arxiv_version=7,
                venue="arXiv", type="preprint", comment="15 pages, 5 figures")
    out = io.StringIO()
    write_ris([work, work.with_changes(arxiv_id=None, doi="10.5555/3295222", venue="NeurIPS", type="inproceedings")],
              out)
    text = out.getvalue()
    assert text.startswith("TY  - UNPB\nAU  - Vaswani, Ashish\nAU  - van Beethoven, Ludwig\n")
    assert "\n1." not in text and "AN  - arXiv:1706.03762v7" in text and "DA  - 2017/06/12" in text
    back = ris.parse(text, "out.ris").works
    assert [(w.title, w.authors, w.authors_truncated, w.date, w.arxiv_id, w.arxiv_version, w.doi, w.venue, w.type,
             w.comment) for w in back] == [
        ("Attention Is All You Need", work.authors, True, "2017-06-12", "1706.03762", 7, None, "arXiv", "preprint",
         "15 pages, 5 figures"),
        ("Attention Is All You Need", work.authors, True, "2017-06-12", None, None, "10.5555/3295222", "NeurIPS",
         "inproceedings", "15 pages, 5 figures")]


def test_list_works_offers_ris() -> None:
    result = invoke("list-works", "--format", "ris", "--as-of", AS_OF, SAMPLES / "profile_other.txt")
    assert result.code == 0, result.stderr
    assert result.stdout.count("TY  - ") == result.stdout.count("ER  - ") > 0


def test_ris_below_a_copied_page_does_not_make_it_ris() -> None:
    page = (SAMPLES / "feed_names.txt").read_text("utf-8")
    assert detect(page + "\nTY  - JOUR\nTI  - X\nER  - \n")[0] == "feed"
