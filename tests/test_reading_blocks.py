"""Past the opening, lines are read and decoded in blocks: every line must come out as it does alone."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import scholarcli.reading.lines as lines_module
from scholarcli.reading import HEAD_MAX, open_input
from scholarcli.reading.decode import LineDecoder

# Lines of the kinds pages hold: plain, accented, with non-breaking and zero-width spaces, a combining accent,
# Windows line ends, an old Mac line end inside a line, a NUL byte, a stray Windows-1252 byte, a cut UTF-8 one.
_PIECES = [
    b"Attention Is All You Need",
    "Zo\u00eb Lo\u00efc \u201cquoted\u201d".encode(),
    "non\u00a0breaking\u202fspaces".encode(),
    "zero\u200bwidth".encode(),
    "Cafe\u0301 combining".encode(),
    b"Windows line end\r",
    b"old Mac\rline end",
    b"",
    b"    indented",
]
#: Damaged lines, each costing only itself: a NUL byte, a stray Windows-1252 byte, a cut UTF-8 character.
_DAMAGED = [b"a NUL\x00byte", b"stray \x92 byte in \xe2\x80\x9cquotes\xe2\x80\x9d", b"cut \xc3", b"both\x00 \x92"]


def _dump(tmp_path: Path, size: int, seed: int = 11) -> tuple[Path, list[bytes]]:
    rng = random.Random(seed)
    raw = [b"Plain opening line"]  # the opening judges the input to be UTF-8
    total = 0
    while total < size:
        line = b" ".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 4)))
        raw.append(line)
        total += len(line) + 1
    for k, damaged in enumerate(_DAMAGED * 2):  # spread from the opening to the last lines
        raw.insert(len(raw) * (k + 1) // 9, damaged + b" " + rng.choice(_PIECES))
    path = tmp_path / "dump.txt"
    path.write_bytes(b"\n".join(raw) + b"\n")
    return path, raw


def _alone(raw: list[bytes]) -> tuple[list[str], list[int]]:
    """Each line decoded on its own, and the numbers of the lines that warn."""
    decoder = LineDecoder.for_opening(raw[:1])
    assert decoder.fast
    texts, warned = [], []
    for number, line in enumerate(raw, start=1):
        text, warning = decoder.decode(line)
        texts.append(text)
        if warning is not None:
            warned.append(number)
    return texts, warned


def test_lines_read_in_blocks_are_the_lines_read_alone(tmp_path: Path) -> None:
    path, raw = _dump(tmp_path, 3 * lines_module.CHUNK_BYTES)
    source = open_input(str(path))
    got = list(source.lines())
    expected, warned = _alone(raw)
    assert len(got) == len(expected)
    assert got == expected
    # every damaged line is reported with its own number, and with the warning it gets alone
    assert len(warned) == 8
    assert [number for number, _ in source.warnings] == warned
    assert warned[-1] * 9 > len(raw) * 7  # the last sits deep in the file, well past the opening


@pytest.mark.parametrize("chunk", [7, 64, 1000])
def test_small_blocks_and_cut_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    monkeypatch.setattr(lines_module, "CHUNK_BYTES", chunk)
    monkeypatch.setattr(lines_module, "MAX_LINE_BYTES", 3000)
    monkeypatch.setattr(lines_module, "HEAD_BYTES", 500)
    monkeypatch.setattr(lines_module, "HEAD_LINES", 4)
    path, raw = _dump(tmp_path, 20_000, seed=5)
    long = "\u00e9".encode() * 2500  # 5,000 bytes: cut at 3,000 on a character boundary
    raw[40:40] = [long, b"y" * 3001, b"z" * 3000]
    raw.append(b"last line without an end " + b"w" * 4000)
    path.write_bytes(b"\n".join(raw))
    source = open_input(str(path))
    got = list(source.lines())
    expected, warned = _alone(raw)
    expected[40] = "\u00e9" * 1499  # the character at the cut is dropped whole, and the one before it too
    expected[41] = "y" * 3000
    expected[-1] = expected[-1][:3000]
    assert got == expected
    cuts = {number: message for number, message in source.warnings if "bytes long" in message}
    assert sorted(cuts) == [41, 42, len(raw)]
    assert sorted({number for number, _ in source.warnings} - set(cuts)) == warned
    assert "5,000 bytes" in cuts[41] and "3,001 bytes" in cuts[42]
    assert HEAD_MAX > 3000


def test_a_long_line_in_the_first_bytes_is_cut_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines_module, "MAX_LINE_BYTES", 6000)
    path = tmp_path / "long.txt"
    path.write_bytes(b"Opening line\n" + b"x" * 7000 + b"\nafter\n")
    source = open_input(str(path))
    assert [len(line) for line in source.lines()] == [12, 6000, 5]
    assert [number for number, _ in source.warnings] == [2]
