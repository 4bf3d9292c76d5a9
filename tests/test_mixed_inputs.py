"""One call over a folder of exports, a saved page and a copied page gives one deduplicated list."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SAMPLES, invoke

HERE = Path(__file__).resolve().parent
SAVED_PAGE = HERE / "data" / "saved" / "arxiv_search_lora.html"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copy(HERE / "pages" / "bibtex" / "google_scholar_export.txt", folder / "scholar.bib")
    shutil.copy(HERE / "pages" / "ris" / "pubmed_export.txt", folder / "pubmed.ris")
    shutil.copy(SAVED_PAGE, folder / "search.html")
    shutil.copy(SAMPLES / "arxiv_search_page.txt", folder / "copied.txt")
    return folder


def test_a_saved_arxiv_search_page_reads_like_its_copy() -> None:
    works = invoke("list-works", "--json", "--no-dedupe", SAVED_PAGE).json()
    assert [(w["arxiv_id"], w["title"], w["date"]) for w in works] == [
        ("2305.14314", "QLoRA: Efficient Finetuning of Quantized LLMs", "2023-05-23"),
        ("2106.09685", "LoRA: Low-Rank Adaptation of Large Language Models", "2021-06-17"),
        ("2012.12877", "Training data-efficient image transformers & distillation through attention", "2020-12-23")]
    assert works[2]["authors"][-1] == "Hervé Jégou"
    assert works[1]["authors"][:2] == ["Edward J. Hu", "Yelong Shen"] and len(works[1]["authors"]) == 8


def test_a_mixed_folder_gives_one_deduplicated_list(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    records = invoke("list-works", "--json", "--no-dedupe", folder)
    assert records.code == 0, records.stderr
    assert len(records.json()) == 6 + 3 + 3 + 4
    result = invoke("list-works", "--json", folder)
    assert result.code == 0, result.stderr
    works = result.json()
    assert len(works) == 14  # LoRA (Google Scholar + arXiv page) and Jinek et al. (Google Scholar + PubMed) merge
    lora = next(w for w in works if w["arxiv_id"] == "2106.09685")
    assert sorted({s["layout"] for s in lora["sources"]}) == ["arxiv-listing", "bibtex"]
    jinek = next(w for w in works if (w["title"] or "").startswith("A programmable dual-RNA"))
    assert sorted({s["layout"] for s in jinek["sources"]}) == ["bibtex", "ris"]
    assert jinek["doi"] == "10.1126/science.1225829"
    assert {s["layout"] for w in works for s in w["sources"]} == {"bibtex", "ris", "arxiv-listing"}
