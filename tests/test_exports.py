"""BibTeX and CSL-JSON exports: valid, stable, and faithful to the works."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import jsonschema

from conftest import AS_OF, SAMPLES, SEEDS, invoke, seed
from scholarcli.model import Work
from scholarcli.render.bibtex import base_key, citation_keys, latex_escape

CSL_SCHEMA = json.loads((Path(__file__).parent / "data" / "csl-data.json").read_text("utf-8"))


def _bib(*paths: Path | str) -> str:
    result = invoke("list-works", "--format", "bibtex", "--as-of", AS_OF, *paths)
    assert result.code == 0, result.stderr
    return result.stdout


def test_bibtex_round_trips_through_bibtexparser() -> None:
    works = invoke("list-works", "--json", "--as-of", AS_OF, SEEDS, SAMPLES).json()
    library = bibtexparser.parse_string(_bib(SEEDS, SAMPLES))
    assert not library.failed_blocks
    assert len(library.entries) == len(works)
    keys = [e.key for e in library.entries]
    assert len(set(keys)) == len(keys)
    by_title = {e.fields_dict["title"].value.strip("{}"): e for e in library.entries if "title" in e.fields_dict}
    kd = by_title["Improved Knowledge Distillation via Full Kernel Matrix Transfer"]
    assert kd.entry_type == "misc" and kd.key == "qian2020improved"
    assert kd.fields_dict["author"].value == "Qian, Qi and Li, Hao and Hu, Juhua"
    assert kd.fields_dict["year"].value == "2020"


def test_arxiv_records_are_misc_with_eprint_fields() -> None:
    library = bibtexparser.parse_string(_bib(SAMPLES / "arxiv_search_page.txt"))
    entry = next(e for e in library.entries if e.key == "vaswani2017attention")
    fields = {k: f.value for k, f in entry.fields_dict.items()}
    assert entry.entry_type == "misc"
    assert (fields["eprint"], fields["archivePrefix"], fields["primaryClass"]) == ("1706.03762", "arXiv", "cs.CL")
    assert fields["doi"] == "10.48550/arXiv.1706.03762"
    old = next(e for e in library.entries if e.key == "maldacena1997large")
    assert old.fields_dict["eprint"].value == "hep-th/9711200"


def test_venue_types_map_to_bibtex_entry_types() -> None:
    library = bibtexparser.parse_string(_bib(SAMPLES / "profile_other.txt"))
    kinds = {e.key: e.entry_type for e in library.entries}
    assert kinds["schmidtovergaard2017robust"] == "article"
    assert kinds["schmidtovergaard2019deep"] == "inproceedings"
    article = next(e for e in library.entries if e.key == "schmidtovergaard2017robust")
    assert article.fields_dict["journal"].value == "IEEE Transactions on Pattern Analysis and Machine Intelligence"
    assert article.fields_dict["author"].value == "Schmidt-Övergaard, Maria and others"


def test_latex_escaping_keeps_existing_markup() -> None:
    assert latex_escape("98.7% of R&D_costs #1") == r"98.7\% of R\&D\_costs \#1"
    assert latex_escape(r"Nystr{\"o}m and $\ell_1$ and \textbf{Co}Ke") == r"Nystr{\"o}m and $\ell_1$ and \textbf{Co}Ke"
    assert latex_escape("costs $5 today") == r"costs \$5 today"
    assert latex_escape("a } stray") == r"a \} stray"


def test_keys_are_stable_and_disambiguated() -> None:
    a = Work(title="The Large N Limit", authors=("Juan M. Maldacena",), year=1997)
    assert base_key(a) == "maldacena1997large"
    assert base_key(Work(title="Über Léon", authors=("Léon Bottou",), year=2010)) == "bottou2010uber"
    assert citation_keys([a, a, Work(abstract="x")]) == ["maldacena1997largea", "maldacena1997largeb", "anonuntitled"]


def test_csl_json_validates_against_the_csl_schema() -> None:
    result = invoke("list-works", "--format", "csl-json", "--as-of", AS_OF, SEEDS, SAMPLES)
    assert result.code == 0, result.stderr
    items = json.loads(result.stdout)
    jsonschema.validate(items, CSL_SCHEMA)
    first = next(i for i in items if i["id"] == "qian2020improved")
    assert first["type"] == "article"
    assert first["author"][0] == {"family": "Qian", "given": "Qi"}
    assert first["issued"] == {"date-parts": [[2020, 9, 30]]}


def test_csl_json_particles_and_venues() -> None:
    items = json.loads(invoke("list-works", "--format", "csl-json", SAMPLES / "paper_page_other.txt").stdout)
    densenet = next(i for i in items if any(a.get("family") == "Maaten" for a in i.get("author", [])))
    assert {"family": "Maaten", "given": "Laurens", "non-dropping-particle": "van der"} in densenet["author"]
    profile = json.loads(invoke("list-works", "--format", "csl-json", SAMPLES / "profile_other.txt").stdout)
    assert profile[0]["type"] == "article-journal"
    assert profile[0]["container-title"] == "IEEE Transactions on Pattern Analysis and Machine Intelligence"


def test_bibtex_of_a_single_seed_is_parseable_with_no_failures() -> None:
    for prefix in ("000", "001", "002", "003", "004"):
        library = bibtexparser.parse_string(_bib(seed(prefix)))
        assert not library.failed_blocks, prefix
