"""Benchmarks: parse throughput per layout, dedupe time and memory at 10k/100k/1M records, start-up time.

    python benchmarks/run.py                       # everything; prints a Markdown report
    python benchmarks/run.py --quick               # smaller sizes, for a smoke run
    python benchmarks/run.py --output benchmarks/RESULTS.md

Each measurement that reports memory runs in a fresh process, so peak RSS belongs to that measurement alone.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date as _date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

from generate import LAYOUTS, fakes, render  # noqa: E402

PARSE_TARGET = 25.0  # MB/s
RSS_RATIO_TARGET = 2.0
DEDUPE_TARGETS = {100_000: 10.0, 1_000_000: 90.0}  # seconds
STARTUP_RATIO_TARGET = 1.5


def _scholar() -> str:
    found = Path(sys.executable).with_name("scholar")
    return str(found) if found.exists() else shutil.which("scholar") or "scholar"


def _peak_rss_of(cmd: list[str], stdout: int | None = subprocess.DEVNULL) -> tuple[float, float]:
    """Run a command in a fresh helper process; return (seconds, peak RSS in MB) of the command alone."""
    helper = (
        "import resource, subprocess, sys, time, json;"
        "t = time.perf_counter(); subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True);"
        "d = time.perf_counter() - t;"
        "print(json.dumps([d, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024]))"
    )
    done = subprocess.run([sys.executable, "-c", helper, *cmd], capture_output=True, text=True, check=True)
    seconds, rss = json.loads(done.stdout)
    return float(seconds), float(rss)


def parse_benchmark(records: int) -> list[dict[str, float | str]]:
    """Per layout: in-process parse MB/s (best of 3) and end-to-end streaming list-works speed and peak RSS."""
    OUT.mkdir(exist_ok=True)
    rows: list[dict[str, float | str]] = []
    for layout in LAYOUTS:
        path = OUT / f"{layout}-{records}.txt"
        with path.open("w", encoding="utf-8") as out:
            render(layout, fakes(records, 0.1), out)
        text = path.read_text("utf-8")
        mb = path.stat().st_size / 1e6
        best = min(_parse_seconds(layout, text, str(path)) for _ in range(3))
        del text
        seconds, rss = _peak_rss_of([_scholar(), "list-works", "--no-dedupe", "--format", "jsonl", str(path)])
        rows.append({"layout": layout, "mb": mb, "parse_mbps": mb / best, "cli_mbps": mb / seconds,
                     "cli_seconds": seconds, "rss_mb": rss})
    return rows


def _parse_seconds(layout: str, text: str, path: str) -> float:
    from scholarcli.layouts import get

    start = time.perf_counter()
    get(layout).parse(text, path, _date(2026, 11, 23))
    return time.perf_counter() - start


DEDUPE_CHILD = """
import json, sys, time
sys.path.insert(0, {here!r})
from generate import fakes
from scholarcli.model import Work
from scholarcli.dedupe import compare, dedupe
n = {n}
works, first, dups = [], {{}}, []
for k, f in enumerate(fakes(n, 0.1, abstracts=False)):
    works.append(Work(title=f.title, authors=tuple(f.authors), year=f.year))
    if f.kind == "original":
        first[f.origin] = k
    else:
        dups.append((first[f.origin], k, f.kind))
expected = len(first)
del first
import gc, os
gc.collect()
with open("/proc/self/statm") as statm:
    before = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
start, cpu = time.perf_counter(), time.process_time()
result = dedupe(works)
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
with open("/proc/self/status") as status:  # VmHWM starts afresh at exec; ru_maxrss would inherit the parent's
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024
cluster = {{i: c for c, members in enumerate(result.clusters) for i in members}}
pairs, found, lost = {{}}, {{}}, 0
for i, j, kind in dups:
    pairs[kind] = pairs.get(kind, 0) + 1
    if cluster[i] == cluster[j]:
        found[kind] = found.get(kind, 0) + 1
    elif compare(works[i], works[j]).same:
        lost += 1  # the rules would merge this pair, but blocking never compared it
recall = {{kind: found.get(kind, 0) / count for kind, count in sorted(pairs.items())}}
print(json.dumps({{"records": n, "works": len(result.works), "expected": expected, "seconds": seconds, "cpu": cpu,
                  "rss_before_mb": before, "peak_mb": peak, "recall": recall,
                  "pair_recall": sum(found.values()) / max(1, len(dups)), "lost_to_blocking": lost}}))
"""


def dedupe_benchmark(sizes: list[int]) -> list[dict[str, Any]]:
    """Dedupe synthetic records with 10% re-typed duplicates; each size in its own process."""
    rows = []
    for n in sizes:
        code = DEDUPE_CHILD.format(here=str(HERE), n=n)
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        rows.append(json.loads(done.stdout))
    return rows


def startup_benchmark(runs: int) -> dict[str, float]:
    """Median wall time of `import typer`, `scholar --version` and `scholar list-works --json` on seed 001."""
    seed = next((ROOT / "seeds").glob("001_*.txt"))
    commands = {
        "python -c 'import typer'": [sys.executable, "-c", "import typer"],
        "scholar --version": [_scholar(), "--version"],
        "scholar list-works --json seeds/001…": [_scholar(), "list-works", "--json", str(seed)],
    }
    medians = {}
    for name, cmd in commands.items():
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
            times.append(time.perf_counter() - start)
        medians[name] = statistics.median(times)
    return medians


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB, Python {platform.python_version()}, {platform.system()}"


def report(parse: list[dict[str, float | str]], dedupe: list[dict[str, Any]], startup: dict[str, float]) -> str:
    lines = [f"Measured {_date.today().isoformat()} on {machine()}.", "", "## Parse throughput", "",
             f"Synthetic dumps from benchmarks/generate.py. Target: parse ≥ {PARSE_TARGET:g} MB/s per layout; "
             f"peak RSS ≤ {RSS_RATIO_TARGET:g}× the input when not deduping.", "",
             "| layout | input MB | parse MB/s | list-works --no-dedupe --format jsonl | peak RSS MB | RSS / input |",
             "|---|---:|---:|---:|---:|---:|"]
    for r in parse:
        mb, rss = float(r["mb"]), float(r["rss_mb"])
        cli = f"{float(r['cli_mbps']):.1f} MB/s ({float(r['cli_seconds']):.2f} s)"
        parse_rate = float(r["parse_mbps"])
        lines.append(f"| {r['layout']} | {mb:.1f} | {parse_rate:.1f} | {cli} | {rss:.0f} | {rss / mb:.2f}× |")
    kinds = sorted({kind for r in dedupe for kind in r["recall"]})
    lines += ["", "## Dedupe", "", "Synthetic titles with 10% re-typed duplicates (case, punctuation, one typo, a "
              "dropped word, or typos in two or three words). `expected` is the number of distinct works the generator "
              "made. Recall is per duplicate pair (the copy and its original in one cluster), overall and per kind of "
              "re-typing; `lost` counts pairs the rules would merge (`compare`) that blocking never compared. "
              "Memory: resident size once the records are built, and the peak during dedupe.", "",
              "| records | seconds | CPU s | target | works found | expected | pair recall | "
              + " | ".join(f"{k} recall" for k in kinds) + " | lost | RSS loaded, MB | peak RSS MB |",
              "|---:|---:|---:|---:|---:|---:|---:|" + "---:|" * len(kinds) + "---:|---:|---:|"]
    for r in dedupe:
        target = DEDUPE_TARGETS.get(int(r["records"]))
        per_kind = " | ".join(f"{r['recall'].get(k, 0):.4f}" for k in kinds)
        limit = f"≤ {target:g} s" if target else "–"
        lines.append(f"| {int(r['records']):,} | {r['seconds']:.2f} | {r['cpu']:.2f} | {limit} | "
                     f"{int(r['works']):,} | {int(r['expected']):,} | {r['pair_recall']:.4f} | {per_kind} | "
                     f"{int(r['lost_to_blocking'])} | {r['rss_before_mb']:.0f} | {r['peak_mb']:.0f} |")
    base = startup["python -c 'import typer'"]
    lines += ["", "## Start-up", "", f"Median of repeated runs. Target: within {STARTUP_RATIO_TARGET:g}× of a bare "
              "`import typer`.", "", "| command | median s | × import typer |", "|---|---:|---:|"]
    for name, seconds in startup.items():
        lines.append(f"| `{name}` | {seconds:.3f} | {seconds / base:.2f} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes for a smoke run")
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    parser.add_argument("--dedupe-only", type=int, nargs="+", metavar="N",
                        help="only the dedupe benchmark, at these sizes; prints its rows as JSON lines")
    args = parser.parse_args()
    if args.dedupe_only:
        for row in dedupe_benchmark(args.dedupe_only):
            print(json.dumps(row))
        return
    parse_records = 5_000 if args.quick else 40_000
    sizes = [10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000]
    print("parse…", file=sys.stderr)
    parse = parse_benchmark(parse_records)
    print("dedupe…", file=sys.stderr)
    dedupe = dedupe_benchmark(sizes)
    print("start-up…", file=sys.stderr)
    startup = startup_benchmark(5 if args.quick else 20)
    text = report(parse, dedupe, startup)
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
