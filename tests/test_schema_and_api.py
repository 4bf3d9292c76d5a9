"""The JSON contract (schema file) and the Python API."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from conftest import AS_OF, SAMPLES, SEEDS, invoke, seed
from scholarcli import InputError, Work, parse_paths, parse_text

SCHEMA = json.loads(resources.files("scholarcli").joinpath("schema/work.schema.json").read_text("utf-8"))


@pytest.mark.parametrize("dedupe", [[], ["--no-dedupe"]])
def test_output_validates_against_the_schema(dedupe: list[str]) -> None:
    result = invoke("list-works", "--json", "--as-of", AS_OF, *dedupe, SEEDS, SAMPLES)
    assert result.code == 0, result.stderr
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for work in result.json():
        validator.validate(work)


def test_schema_rejects_a_missing_key() -> None:
    work = Work(title="T").to_dict()
    del work["doi"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(work, SCHEMA)


def test_parse_text_and_parse_paths() -> None:
    works = parse_text(seed("004").read_text("utf-8"), as_of=__import__("datetime").date(2026, 11, 23))
    assert len(works) == 32 and works[0].date == "2026-06-02"
    assert len(parse_paths([str(seed("000")), str(seed("003"))])) == 14
    with pytest.raises(InputError):
        parse_text("nothing to see here")
    assert parse_text(seed("002").read_text("utf-8"), layout="paper-page")[0].year == 2021


def test_ids_are_stable_and_typed() -> None:
    assert Work(arxiv_id="1706.03762").id == "arxiv:1706.03762"
    assert Work(doi="10.1000/XYZ").id == "doi:10.1000/xyz"
    assert Work(title="Attention Is All You Need").id == Work(title="attention is all you need.").id
    assert Work(abstract="Some text").id.startswith("text:")


def test_to_dict_carries_every_field_in_contract_order() -> None:
    """Work.to_dict is spelled out for speed: it must still hold every dataclass field, as JSON values."""
    from dataclasses import fields

    from scholarcli.model import JSON_KEYS, Source

    values = {"title": "T", "authors": ("A B", "C D"), "authors_truncated": True, "year": 2020, "date": "2020-01-02",
              "updated": "2021-03-04", "arxiv_id": "2001.00001", "arxiv_version": 2, "doi": "10.1/x", "pmid": "123",
              "citations": 7, "venue": "V", "type": "article", "abstract": "Ab", "comment": "c", "journal_ref": "J",
              "categories": ("cs.LG",), "affiliations": ("U",), "score": 9.5, "has_code": True,
              "sources": (Source("feed", "f.txt", 3),)}
    assert set(values) == {f.name for f in fields(Work)}  # a new field needs a value here and a key in to_dict
    out = Work(**values).to_dict()  # type: ignore[arg-type]
    assert tuple(out) == JSON_KEYS
    assert out["id"] == "arxiv:2001.00001"
    for name, value in values.items():
        expected = [s.to_dict() for s in value] if name == "sources" else value  # type: ignore[attr-defined]
        assert out[name] == (list(expected) if isinstance(expected, tuple) else expected), name
