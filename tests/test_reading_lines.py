"""Reading hostile files: stray bytes, NUL bytes, symlinked folders, special files, endless lines."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import AS_OF, ROOT, invoke, seed
from scholarcli.reading import InputError, decode, expand_path


def _works(path: Path, *extra: str) -> tuple[list[dict[str, object]], str]:
    result = invoke("list-works", "--json", "--no-dedupe", "--as-of", AS_OF, *extra, path)
    assert result.code == 0, result.stderr
    return result.json(), result.stderr


def _line_of(data: bytes, needle: bytes) -> int:
    return data[: data.index(needle)].count(b"\n") + 1


# Case 7: one stray byte costs at most its line, and is reported.
def test_one_stray_byte_costs_only_its_line(tmp_path: Path) -> None:
    clean = seed("001").read_bytes()
    needle = b"Hierarchically Robust"
    bad = clean.replace(needle, b"Hierarchically\x92 Robust", 1)
    path = tmp_path / "stray.txt"
    path.write_bytes(bad)
    good, _ = _works(seed("001"))
    works, stderr = _works(path)
    assert len(works) == len(good) == 20
    changed = [i for i, (w, g) in enumerate(zip(works, good, strict=True)) if w["title"] != g["title"]]
    assert [w["abstract"] for w in works] == [g["abstract"] for g in good]
    assert len(changed) == 1
    assert all("▽" not in str(w["abstract"]) and "â€" not in str(w) for w in works)
    assert sum("…" in str(w["abstract"]) for w in works) == sum("…" in str(g["abstract"]) for g in good)
    line = _line_of(bad, b"\x92")
    assert f"{path}:{line}:" in stderr and "UTF-8" in stderr


def test_latin1_and_cp1252_whole_files_still_read() -> None:
    assert decode("Léon Bottou \u2013 “quotes”".encode("cp1252")) == ("Léon Bottou \u2013 “quotes”", "cp1252")
    assert decode("Loïc Barrault\nZoë\n".encode("latin-1"))[0] == "Loïc Barrault\nZoë\n"


# Case 8: NUL bytes are stripped with a warning; a file is binary only when it is one.
def test_nul_bytes_are_stripped_with_a_warning(tmp_path: Path) -> None:
    clean = seed("004").read_bytes()
    bad = clean.replace(b"FFR: Forward", b"FFR:\x00 Forward", 1)
    far = len(bad) - 3000  # the last record
    cut = bad.index(b"\n", far) + 1
    bad = bad[:cut] + bad[cut:].replace(b" ", b" \x00", 1)
    path = tmp_path / "nul.txt"
    path.write_bytes(bad)
    good, _ = _works(seed("004"))
    works, stderr = _works(path)
    assert [w["title"] for w in works] == [w["title"] for w in good]
    assert [w["abstract"] for w in works] == [w["abstract"] for w in good]
    assert "\x00" not in str(works)
    assert f"{path}:{_line_of(bad, b'FFR:')}:" in stderr and "NUL" in stderr
    far_line = _line_of(bad, b" \x00")
    assert f"{path}:{far_line}:" in stderr


@pytest.mark.parametrize(
    "magic",
    [b"%PDF-1.7\n", b"PK\x03\x04\x14\x00", b"\x89PNG\r\n\x1a\n", b"GIF89a", b"\xff\xd8\xff\xe0"],
    ids=["pdf", "zip", "png", "gif", "jpeg"],
)
def test_binary_files_by_their_magic_number(magic: bytes) -> None:
    with pytest.raises(InputError, match="binary"):
        decode(magic + b"some text that follows\n" * 20)


# Case 9: symlinked folders are followed (without looping); special files are skipped with a warning.
def test_symlinked_subfolder_is_followed_and_loops_end(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "feed.txt").write_bytes(seed("004").read_bytes())
    top = tmp_path / "top"
    top.mkdir()
    (top / "abstracts.txt").write_bytes(seed("003").read_bytes())
    (top / "linked").symlink_to(real, target_is_directory=True)
    (real / "back").symlink_to(top, target_is_directory=True)  # a loop: top/linked/back -> top
    files = expand_path(str(top))
    assert sorted(Path(f).name for f in files) == ["abstracts.txt", "feed.txt"]
    works, stderr = _works(top)
    assert len(works) == 10 + 32
    assert f"{top / 'linked' / 'back'}: is a folder already read" in stderr


def _scholar(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scholarcli", *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT
    )


def test_fifo_in_a_folder_is_skipped_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "abstracts.txt").write_bytes(seed("003").read_bytes())
    os.mkfifo(tmp_path / "pipe")
    run = _scholar("list-works", "--json", "--no-dedupe", str(tmp_path), timeout=20)
    assert run.returncode == 0, run.stderr
    assert f"{tmp_path / 'pipe'}: " in run.stderr and "skipped" in run.stderr


def test_fifo_named_on_the_command_line_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    data = seed("003").read_bytes()

    def feed() -> None:
        with open(fifo, "wb") as out:
            out.write(data)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    run = _scholar("list-works", "--json", "--no-dedupe", str(fifo), timeout=20)
    writer.join(5)
    assert run.returncode == 0, run.stderr
    assert run.stdout.count('"arxiv_id"') == 10


# Case 12: an endless line after a valid opening is capped, with a warning, at flat memory.
def test_endless_line_is_capped_and_memory_stays_flat(tmp_path: Path) -> None:
    path = tmp_path / "endless.txt"
    size = 120_000_000
    with open(path, "wb") as out:
        out.write(b"A first abstract about sparse coding of natural images.\narXiv:2101.00001\n")
        chunk = b"word " * 200_000
        for _ in range(size // len(chunk)):
            out.write(chunk)
        out.write(b"\narXiv:2101.00002\n")
    probe = (
        "import sys, json; from scholarcli.cli import run; code = run(sys.argv[1:]); sys.stdout.flush(); "
        "peak = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]; "
        "print(f'peak-kb {peak}', file=sys.stderr); sys.exit(code)"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe, "list-works", "--json", "--no-dedupe", str(path)],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr[-500:]
    peak_mb = int(run.stderr.split("peak-kb ")[1].split()[0]) / 1024
    assert peak_mb < 150, peak_mb
    works = __import__("json").loads(run.stdout)
    assert [w["arxiv_id"] for w in works] == ["2101.00001", "2101.00002"]
    assert len(works[1]["abstract"]) <= 100_000
    assert f"{path}:3:" in run.stderr and "characters" in run.stderr
