"""The command line: list-works, formats, --version, layouts, errors and exit codes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import AS_OF, SEEDS, invoke, seed
from scholarcli.layouts import REGISTRY
from scholarcli.model import JSON_KEYS


def test_version() -> None:
    result = invoke("--version")
    assert (result.code, result.stdout.strip()) == (0, "scholar 0.1.0")


def test_python_dash_m_runs_the_tool() -> None:
    done = subprocess.run([sys.executable, "-m", "scholarcli", "formats"], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    listed = [line.split()[0] for line in done.stdout.splitlines()]
    assert listed == list(REGISTRY)
    assert {"profile", "arxiv-listing", "arxiv-abstracts", "paper-page", "feed", "bibtex", "ris", "csl-json", "json",
            "jsonl", "csv"} <= set(listed)


def test_every_key_is_present_on_every_work() -> None:
    result = invoke("list-works", "--json", "--no-dedupe", "--as-of", AS_OF, SEEDS)
    assert result.code == 0
    works = result.json()
    assert len(works) == 72
    assert all(list(w) == list(JSON_KEYS) for w in works)
    assert result.stderr == ""


def test_identical_titles_and_ids_merge_by_default() -> None:
    result = invoke("list-works", "--json", "--as-of", AS_OF, seed("000"), seed("001"))
    works = result.json()
    titles = [w["title"] for w in works]
    assert len(titles) == len(set(titles)) == 20
    kd = next(w for w in works if w["title"] == "Improved Knowledge Distillation via Full Kernel Matrix Transfer")
    assert [s["layout"] for s in kd["sources"]] == ["profile", "arxiv-listing"]
    assert (kd["year"], kd["date"], kd["updated"]) == (2020, "2020-09-30", "2022-03-29")
    assert kd["authors"] == ["Qi Qian", "Hao Li", "Juhua Hu"] and kd["authors_truncated"] is False


def test_jsonl_streams_one_object_per_line_in_file_order() -> None:
    result = invoke("list-works", "--format", "jsonl", "--no-dedupe", "--as-of", AS_OF, seed("003"))
    lines = result.stdout.splitlines()
    assert len(lines) == 10
    assert [json.loads(line)["arxiv_id"] for line in lines][:2] == ["2103.13559", "2101.04342"]


def test_csv_is_flat_with_joined_authors() -> None:
    import csv
    import io

    result = invoke("list-works", "--format", "csv", "--no-dedupe", seed("001"))
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 20
    assert rows[0]["authors"] == "Sixun Dong; Juhua Hu; Mian Zhang; Ming Yin; Yanjie Fu; Qi Qian"
    assert rows[0]["sources"].startswith("arxiv-listing:")


def test_table_output_for_people() -> None:
    result = invoke("list-works", "--format", "table", seed("004"), env={"COLUMNS": "160"})
    assert result.code == 0
    assert "Conv-Adapter" in result.stdout and "32 works" in result.stdout
    assert "\x1b[" not in result.stdout  # not a terminal: no colour codes


def test_forced_layout_and_verbose_detection(tmp_path: Path) -> None:
    result = invoke("list-works", "--json", "--verbose", seed("002"))
    assert "layout paper-page (detected)" in result.stderr
    forced = invoke("list-works", "--json", "--from", "feed", seed("002"))
    assert forced.code == 1 and "no records" in forced.stderr


def test_verbose_shows_the_profile_header() -> None:
    result = invoke("list-works", "--json", "-v", seed("000"))
    assert "profile of Juhua Hu: trust 17 (Unverified); L1; 4 works, 0 followers" in result.stderr


def test_unknown_layout_missing_file_and_empty_file(tmp_path: Path) -> None:
    prose = tmp_path / "prose.txt"
    prose.write_text("Dear all,\nthe meeting moves to Thursday.\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = invoke("list-works", "--json", prose, tmp_path / "missing.txt", empty)
    assert result.code == 1
    lines = result.stderr.strip().splitlines()
    assert any("prose.txt: text is in no known layout" in line for line in lines)
    assert any("missing.txt: no such file or folder" in line for line in lines)
    assert any("empty.txt: is empty" in line for line in lines)
    assert "Traceback" not in result.stderr


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00\x01\x02binary")
    result = invoke("list-works", "--json", "--no-dedupe", bad, seed("003"))
    assert result.code == 0
    assert len(result.json()) == 10
    assert "bad.bin: looks like a binary file" in result.stderr


def test_usage_errors_are_one_line_with_exit_2() -> None:
    for args in (["list-works", "--format", "yaml", str(seed("000"))], ["list-works", "--as-of", "someday", "x"],
                 ["list-works", "--bogus"]):
        result = invoke(*args)
        assert result.code == 2, args
        assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("scholar: error:")
        assert result.stdout == ""


def test_no_paths_reads_piped_stdin_and_empty_stdin_is_an_error() -> None:
    piped = invoke("list-works", "--json", "--no-dedupe", input=seed("003").read_text("utf-8"))
    assert piped.code == 0 and len(piped.json()) == 10
    empty = invoke("list-works", input="")
    assert empty.code == 1
    assert empty.stderr.splitlines()[0].startswith("scholar: warning: -: is empty; save the page's text")


def _run_on_a_terminal(args: list[str], env: dict[str, str], stream: str = "stdout") -> str:
    """Run `scholar ARGS` with stdout (or stderr) on a pseudo-terminal; return what the terminal showed."""
    import os
    import pty

    master, slave = pty.openpty()
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    full_env.update({"TERM": "xterm-256color", "COLUMNS": "200", **env})
    streams = {"stdout": slave, "stderr": subprocess.DEVNULL} if stream == "stdout" else \
        {"stdout": subprocess.DEVNULL, "stderr": slave}
    proc = subprocess.Popen([sys.executable, "-m", "scholarcli", *args], env=full_env, **streams)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    assert proc.wait() == 0
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def test_terminal_gets_a_coloured_table_unless_no_color() -> None:
    import re

    colour = re.compile(r"\x1b\[[0-9;]*(?:3[0-9]|9[0-7]|38;)")
    args = ["list-works", str(seed("000")), str(seed("002"))]
    assert colour.search(_run_on_a_terminal(args, {})), "a terminal should get colour"
    plain = _run_on_a_terminal(args, {"NO_COLOR": "1"})
    assert "Improved Knowledge" in plain and not colour.search(plain)


def test_jsonl_streams_before_the_input_ends() -> None:
    import threading

    header = "CVMar 8, 2021Code\nA Study of Streaming Parsers for Large DumpsHao Chen, Qi Qian\n"
    record = (header + "We parse records one at a time and write each as soon as it is read. " * 20 + "\n").encode()
    proc = subprocess.Popen([sys.executable, "-m", "scholarcli", "list-works", "--no-dedupe", "--format", "jsonl",
                             "--from", "feed", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    assert proc.stdin is not None and proc.stdout is not None
    stdin = proc.stdin
    may_close = threading.Event()

    def feed_input() -> None:
        for _ in range(1500):  # about 2 MB
            stdin.write(record)
        stdin.flush()
        may_close.wait(60)  # the input stays open until the first record has come out
        stdin.close()

    writer = threading.Thread(target=feed_input, daemon=True)
    writer.start()
    first = json.loads(proc.stdout.readline())
    assert not may_close.is_set() and not stdin.closed
    may_close.set()
    assert first["title"] == "A Study of Streaming Parsers for Large Dumps"
    rest = proc.stdout.read().splitlines()
    writer.join(60)
    assert proc.wait(timeout=60) == 0 and len(rest) == 1499


def test_progress_bar_only_for_big_inputs_on_a_terminal(tmp_path: Path) -> None:
    record = ("CVMar 8, 2021\nA Study of Progress Bars for Large DumpsHao Chen, Qi Qian\n"
              + "We read a large dump and show how far we are. " * 20 + "\n")
    big = tmp_path / "big.txt"
    big.write_text(record * (6_000_000 // len(record) + 1), encoding="utf-8")
    args = ["list-works", "--no-dedupe", "--format", "jsonl", str(big)]
    shown = _run_on_a_terminal(args, {"TERM": "xterm"}, stream="stderr")
    assert "MB" in shown and "━" in shown
    piped = subprocess.run([sys.executable, "-m", "scholarcli", *args], capture_output=True, check=True)
    assert piped.stderr == b""


@pytest.mark.parametrize("name", ["list-works", "coauthors", "search", "stats", "dedupe", "report"])
def test_help_names_option_values_as_the_readme_does(name: str) -> None:
    # `--author <str>`, `--limit <int range>` and a 300-character `--from <bibtex|ris|…>` told the reader
    # nothing; the README writes `--author NAME`, `--limit N`, `--from LAYOUT`.
    shown = invoke(name, "--help", env={"COLUMNS": "100"}).stdout
    assert not re.search(r"<(str|int range|float range|text|integer)>", shown), shown
    assert "--from LAYOUT" in shown
    for option, metavar in (("--author", "NAME"), ("--limit", "N"), ("--min-works", "N"), ("--type", "TYPE"),
                            ("--category", "CAT"), ("--field", "FIELD"), ("--min-score", "S"),
                            ("--threshold", "T"), ("--top", "N"), ("--output", "FILE")):
        if re.search(rf"{option}\b", shown):
            assert re.search(rf"{option}(, --?[a-z-]+)* {metavar}\b", shown), (option, shown)
