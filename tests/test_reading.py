"""Decoding saved pages: BOM, CRLF, non-breaking spaces, Latin-1, binary data; folders and stdin."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import AS_OF, SAMPLES, invoke, seed
from scholarcli.reading import InputError, decode, expand_path

FEED = (SAMPLES / "feed_names.txt").read_text("utf-8")


def _titles_and_authors(path: Path) -> list[tuple[str, list[str]]]:
    result = invoke("list-works", "--json", "--no-dedupe", "--as-of", AS_OF, path)
    assert result.code == 0, result.stderr
    return [(w["title"], w["authors"]) for w in result.json()]


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda t: t.encode("utf-8"), id="utf-8"),
        pytest.param(lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), id="utf-8-bom"),
        pytest.param(lambda t: t.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
        pytest.param(lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode("utf-8"), id="bom-crlf"),
        pytest.param(lambda t: t.replace(", ", ",\u00a0").replace("Sam ", "Sam\u00a0").encode("utf-8"), id="nbsp"),
        pytest.param(lambda t: t.encode("utf-16"), id="utf-16"),
    ],
)
def test_encodings_give_the_same_records(tmp_path: Path, encode) -> None:  # type: ignore[no-untyped-def]
    plain = tmp_path / "plain.txt"
    plain.write_bytes(FEED.encode("utf-8"))
    other = tmp_path / "other.txt"
    other.write_bytes(encode(FEED))
    assert _titles_and_authors(other) == _titles_and_authors(plain)


def test_latin1_file_is_read_with_its_accents(tmp_path: Path) -> None:
    # Latin-1 cannot hold "Ł", so use a feed whose names are all Latin-1.
    text = FEED.replace("Łukasz Kaiser", "Loïc Barrault")
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    records = _titles_and_authors(path)
    assert ("Large-Scale Machine Learning with Stochastic Gradient Descent for SVMs", ["Léon Bottou"]) in records
    assert records[-1][1] == ["Loïc Barrault", "Sam McCandlish"]


def test_cp1252_punctuation_is_read() -> None:
    text, encoding = decode("Curly \u201cquotes\u201d \u2013 and Léon".encode("cp1252"))
    assert (text, encoding) == ("Curly \u201cquotes\u201d \u2013 and Léon", "cp1252")


def test_binary_data_is_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "x.png")


def test_folders_expand_to_sorted_non_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / ".hidden").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("x")
    assert [Path(p).name for p in expand_path(str(tmp_path))] == ["a.txt", "b.txt", "c.txt"]


def test_stdin_and_files_mix() -> None:
    text = seed("003").read_text("utf-8")
    result = invoke("list-works", "--json", "--no-dedupe", "-", seed("000"), input=text)
    assert result.code == 0, result.stderr
    works = result.json()
    assert len(works) == 14
    assert works[0]["sources"] == [{"layout": "arxiv-abstracts", "path": "-", "line": 1}]


def test_a_file_named_twice_or_linked_is_read_once(tmp_path: Path) -> None:
    copy = tmp_path / "pages"
    copy.mkdir()
    page = copy / "profile.txt"
    page.write_text(seed("001").read_text(encoding="utf-8"), encoding="utf-8")
    (copy / "link.txt").symlink_to(page)
    once = invoke("stats", "--json", str(page))
    twice = invoke("stats", "--json", str(copy), str(page), str(tmp_path))
    assert twice.code == 0
    assert '"records": ' in once.stdout and once.stdout == twice.stdout  # every record counted once
    assert twice.stderr.count("already read") == 4  # the file beside its link, named again, and both in tmp_path
