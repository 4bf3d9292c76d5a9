"""Benchmarks for issue 11, as ratios measured in one run: streaming parse against the line-reading floor,
the feed on names in no lexicon, peak RSS while streaming, dedupe against --no-dedupe, start-up against
`import typer`; and dedupe time, memory and recall at 10k/100k/1M records.

    python benchmarks/run.py                                  # every figure; prints a Markdown report
    python benchmarks/run.py --quick                          # small dumps, for a smoke run
    python benchmarks/run.py --mb 50 --version before=/tmp/old/src --version after=src --output out.md
    python benchmarks/run.py --profile feed-rare              # where the time goes, in-process (cProfile)
    python benchmarks/run.py --dedupe-only 10000 100000       # dedupe recall and memory, as JSON lines
    python benchmarks/run.py --startup-only --version before=/tmp/old/src --version after=src   # start-up only

Each `--version NAME=SRC` runs `scholar` from that source tree (PYTHONPATH), so two versions are measured
side by side on the same dumps, interleaved. Byte-code caches are on in every child process, as in a
user's install (PYTHONDONTWRITEBYTECODE is removed from their environment).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import statistics
import subprocess
import sys
from datetime import date as _date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

from generate import LAYOUTS, fakes, render  # noqa: E402

STREAM_RATIO_TARGET = 8.0  # streaming parse -> JSONL, × the line-reading floor
FEED_RATIO_TARGET = 15.0
DEDUPE_RATIO_TARGET = 2.0  # list-works (deduped) × list-works --no-dedupe, 100k feed records
STARTUP_RATIO_TARGET = 1.5
DEDUPE_TARGETS = {100_000: 10.0, 1_000_000: 90.0}  # seconds
DEDUPE_KB_TARGET = 1.0  # KB of memory dedupe adds per record (peak RSS − RSS with the records loaded), at 1M
#: The dumps streamed: every generator layout, plus the feed with made-up names in no lexicon.
DUMPS = (*LAYOUTS, "feed-rare")
MAIN = "import sys; from scholarcli.cli import main; sys.exit(main())"  # what the `scholar` script runs


def child_env(src: str | None = None) -> dict[str, str]:
    """The environment of a measured process: byte-code caches on, and `src` first on the import path."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if src:
        env["PYTHONPATH"] = str(Path(src).resolve())
    return env


def scholar(*args: str) -> list[str]:
    """The command line of `scholar ARGS` for this interpreter (the source tree comes from child_env)."""
    return [sys.executable, "-c", MAIN, *args]


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Run a command in a fresh helper process; return (wall s, CPU s, peak RSS MB) of the command alone."""
    helper = (
        "import resource, subprocess, sys, time, json;"
        "t = time.perf_counter(); subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True);"
        "d = time.perf_counter() - t; u = resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(json.dumps([d, u.ru_utime + u.ru_stime, u.ru_maxrss / 1024]))"
    )
    done = subprocess.run([sys.executable, "-c", helper, *cmd], capture_output=True, text=True, check=True, env=env)
    wall, cpu, rss = json.loads(done.stdout)
    return float(wall), float(cpu), float(rss)


FLOOR = """
import sys, time
t = time.perf_counter()
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        pass
print(time.perf_counter() - t)
"""


def floor_seconds(path: Path) -> float:
    """The line-reading floor: a Python loop reading the file's lines (best of 3, in a fresh process)."""
    runs = [subprocess.run([sys.executable, "-c", FLOOR, str(path)], capture_output=True, text=True, check=True)
            for _ in range(3)]
    return min(float(r.stdout) for r in runs)


def make_dump(name: str, mb: float, records: int | None = None) -> Path:
    """A generator dump of about `mb` MB (or of `records` records) in layout `name` (`feed-rare`: the feed
    with made-up names); reused when it already exists."""
    OUT.mkdir(exist_ok=True)
    layout, rare = (name.removesuffix("-rare"), name.endswith("-rare"))
    if records is None:
        sample = io.StringIO()
        render(layout, fakes(2000, 0.1, rare_names=rare), sample)
        records = max(100, int(2000 * mb * 1e6 / len(sample.getvalue().encode("utf-8"))))
    path = OUT / f"{name}-{records}.txt"
    if not path.exists():
        with path.open("w", encoding="utf-8") as out:
            render(layout, fakes(records, 0.1, rare_names=rare), out)
    return path


def stream_benchmark(versions: dict[str, str | None], mb: float) -> list[dict[str, Any]]:
    """Per dump: the floor, and each version's `list-works --no-dedupe --format jsonl` wall/CPU/peak RSS."""
    rows = []
    for name in DUMPS:
        path = make_dump(name, mb)
        row: dict[str, Any] = {"dump": name, "mb": path.stat().st_size / 1e6, "floor": floor_seconds(path)}
        for version, src in versions.items():
            try:
                runs = [timed(scholar("list-works", "--no-dedupe", "--format", "jsonl", str(path)), child_env(src))
                        for _ in range(2)]
            except subprocess.CalledProcessError:  # an older version without this layout reads no records
                row[version] = None
                continue
            row[version] = min(runs)
        rows.append(row)
        print(f"  {name}: {row}", file=sys.stderr)
    return rows


def rss_flat(versions: dict[str, str | None], mb: float) -> list[dict[str, Any]]:
    """Peak RSS of streaming the feed dump at a quarter and at the full size: flat memory means equal."""
    rows = []
    for size in (mb / 4, mb):
        path = make_dump("feed", size)
        row: dict[str, Any] = {"mb": path.stat().st_size / 1e6}
        for version, src in versions.items():
            row[version] = timed(scholar("list-works", "--no-dedupe", "--format", "jsonl", str(path)),
                                 child_env(src))[2]
        rows.append(row)
    return rows


def dedupe_cli_benchmark(versions: dict[str, str | None], records: int) -> dict[str, Any]:
    """`list-works --format jsonl` (deduped) against `--no-dedupe` on a feed dump of `records` records."""
    path = make_dump("feed", 0, records)
    row: dict[str, Any] = {"records": records, "mb": path.stat().st_size / 1e6}
    for version, src in versions.items():
        plain = timed(scholar("list-works", "--no-dedupe", "--format", "jsonl", str(path)), child_env(src))
        deduped = timed(scholar("list-works", "--format", "jsonl", str(path)), child_env(src))
        row[version] = (plain, deduped)
    return row


def startup_benchmark(versions: dict[str, str | None], runs: int) -> dict[str, dict[str, float]]:
    """Median wall and CPU time of `import typer` and, per version, `list-works --json` on seed 001.

    The runs are interleaved, so load from other jobs falls on every command alike; one warm-up run each
    writes the byte-code caches first."""
    seed = str(next((ROOT / "seeds").glob("001_*.txt")))
    commands: dict[str, tuple[list[str], dict[str, str]]] = {
        "import typer": ([sys.executable, "-c", "import typer"], child_env())}
    for version, src in versions.items():
        commands[version] = (scholar("list-works", "--json", seed), child_env(src))
    for cmd, env in commands.values():
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True, env=env)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (cmd, env) in commands.items():
            wall, cpu, _rss = timed(cmd, env)
            times[name].append((wall, cpu))
    return {name: {"wall": statistics.median(t[0] for t in ts), "cpu": statistics.median(t[1] for t in ts)}
            for name, ts in times.items()}


PROFILE_CHILD = """
import cProfile, os, pstats, sys
from datetime import date
from scholarcli.pipeline import iter_records
from scholarcli.render.data import works_jsonl
path = sys.argv[1]
with open(os.devnull, "w", encoding="utf-8") as out:
    cProfile.run("works_jsonl(iter_records([path], as_of=date(2026, 11, 23)), out)", "/tmp/scholar-bench.prof")
pstats.Stats("/tmp/scholar-bench.prof").sort_stats("tottime").print_stats(20)
"""


def profile(name: str, mb: float, src: str | None) -> str:
    """cProfile of reading, parsing and writing a dump as JSONL (what list-works --no-dedupe --format jsonl
    does), in-process: the top functions by own time."""
    path = make_dump(name, mb)
    done = subprocess.run([sys.executable, "-c", PROFILE_CHILD, str(path)], capture_output=True, text=True,
                          env=child_env(src))
    return done.stdout + done.stderr


DEDUPE_CHILD = """
import json, sys, time
sys.path.insert(0, {here!r})
from generate import fakes
from scholarcli.model import Work
from scholarcli.dedupe import compare, dedupe
from array import array
n = {n}
works, first, dups, origin = [], {{}}, [], array("q")
for k, f in enumerate(fakes(n, 0.1, abstracts=False)):
    works.append(Work(title=f.title, authors=tuple(f.authors), year=f.year))
    if f.kind == "original":
        first[f.origin] = k
    else:
        dups.append((first[f.origin], k, f.kind))
    origin.append(f.origin)
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
false_merges = sum(len({{origin[i] for i in members}}) - 1 for members in result.clusters)  # works merged into another
print(json.dumps({{"records": n, "works": len(result.works), "expected": expected, "seconds": seconds, "cpu": cpu,
                  "rss_before_mb": before, "peak_mb": peak, "recall": recall,
                  "pair_recall": sum(found.values()) / max(1, len(dups)), "lost_to_blocking": lost,
                  "false_merges": false_merges,
                  "added_kb_per_record": (peak - before) * 1024 / n, "peak_kb_per_record": peak * 1024 / n}}))
"""


def dedupe_benchmark(sizes: list[int], versions: dict[str, str | None]) -> list[dict[str, Any]]:
    """Dedupe synthetic records with 10% re-typed duplicates; each size and version in its own process, on the
    same generated records (the generator is this script's, whatever the version measured)."""
    rows = []
    for n in sizes:
        code = DEDUPE_CHILD.format(here=str(HERE), n=n)
        for version, src in versions.items():
            done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                  env=child_env(src))
            rows.append({"version": version, **json.loads(done.stdout)})
    return rows


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


def _ratio(value: float, base: float, target: float) -> str:
    ratio = value / base
    return f"{ratio:.1f}× ({'met' if ratio <= target else f'missed by {ratio / target:.2f}×'})"


def report(versions: list[str], stream: list[dict[str, Any]], flat: list[dict[str, Any]], dedupe_cli: dict[str, Any],
           startup: dict[str, dict[str, float]], dedupe: list[dict[str, Any]]) -> str:
    """The Markdown report: each figure of issue 11 per version, with its target."""
    load = os.getloadavg()
    lines = [f"Measured {_date.today().isoformat()} on {machine()}; load average {load[0]:.1f} / {load[1]:.1f} / "
             f"{load[2]:.1f} at the end. Versions: {', '.join(versions)}. Times are wall seconds (best of 2) with "
             "CPU seconds beside them; ratios are of wall times.", "",
             "## Streaming parse → JSONL against the line-reading floor", "",
             f"`scholar list-works --no-dedupe --format jsonl DUMP > /dev/null`, interpreter start included, against a "
             f"Python loop reading the dump's lines. Target: ≤ {STREAM_RATIO_TARGET:g}× the floor "
             f"(the feed with made-up names, `feed-rare`: ≤ {FEED_RATIO_TARGET:g}×).", "",
             "| dump | MB | floor s | " + " | ".join(f"{v} s (CPU) | {v} MB/s | {v} × floor | {v} peak RSS MB"
                                                     for v in versions) + " |",
             "|---|---:|---:|" + "---:|---:|---:|---:|" * len(versions)]
    for r in stream:
        target = FEED_RATIO_TARGET if r["dump"].startswith("feed") else STREAM_RATIO_TARGET
        cells = []
        for v in versions:
            if r[v] is None:
                cells.append("– | – | no such layout in this version | –")
                continue
            wall, cpu, rss = r[v]
            cells.append(f"{wall:.2f} ({cpu:.2f}) | {r['mb'] / wall:.1f} | {_ratio(wall, r['floor'], target)}; "
                         f"CPU {cpu / r['floor']:.1f}× | {rss:.0f}")
        lines.append(f"| {r['dump']} | {r['mb']:.1f} | {r['floor']:.3f} | " + " | ".join(cells) + " |")
    lines += ["", "## Peak RSS while streaming", "", "The feed dump at a quarter and at the full size; flat memory "
              "means the same peak.", "", "| MB | " + " | ".join(f"{v} peak RSS MB" for v in versions) + " |",
              "|---:|" + "---:|" * len(versions)]
    for r in flat:
        lines.append(f"| {r['mb']:.1f} | " + " | ".join(f"{r[v]:.0f}" for v in versions) + " |")
    d = dedupe_cli
    lines += ["", f"## Dedupe of {d['records']:,} feed records, parse included", "",
              f"`list-works --format jsonl` against `list-works --no-dedupe --format jsonl` on the same "
              f"{d['mb']:.0f} MB dump. Target: ≤ {DEDUPE_RATIO_TARGET:g}×.", "",
              "| version | --no-dedupe s (CPU) | deduped s (CPU) | peak RSS MB, deduped | ratio |",
              "|---|---:|---:|---:|---:|"]
    for v in versions:
        plain, deduped = d[v]
        lines.append(f"| {v} | {plain[0]:.2f} ({plain[1]:.2f}) | {deduped[0]:.2f} ({deduped[1]:.2f}) | "
                     f"{deduped[2]:.0f} | {_ratio(deduped[0], plain[0], DEDUPE_RATIO_TARGET)} |")
    lines += startup_lines(versions, startup)
    if dedupe:
        kinds = sorted({kind for r in dedupe for kind in r["recall"]})
        lines += ["", "## Dedupe recall and memory", "",
                  "Synthetic titles with 10% re-typed duplicates; recall per duplicate pair; `lost` counts pairs the "
                  "rules would merge that blocking never compared; `false` counts works merged into another work. "
                  "Memory per record two ways: what dedupe adds to the records loaded ((peak − loaded) / records; "
                  f"target ≤ {DEDUPE_KB_TARGET:g} KB at 1M, as issue 11 counts it), and the whole peak / records.", "",
                  "| records | version | seconds | CPU s | target | works found | expected | pair recall | "
                  + " | ".join(f"{k} recall" for k in kinds)
                  + " | lost | false | RSS loaded, MB | peak RSS MB | added KB/record | peak KB/record |",
                  "|---:|---|---:|---:|---:|---:|---:|---:|" + "---:|" * len(kinds) + "---:|---:|---:|---:|---:|---:|"]
        for r in dedupe:
            target = DEDUPE_TARGETS.get(int(r["records"]))
            per_kind = " | ".join(f"{r['recall'].get(k, 0):.4f}" for k in kinds)
            limit = f"≤ {target:g} s" if target else "–"
            added = (r["peak_mb"] - r["rss_before_mb"]) * 1024 / int(r["records"])
            per_record = r["peak_mb"] * 1024 / int(r["records"])
            lines.append(f"| {int(r['records']):,} | {r.get('version', '–')} | {r['seconds']:.2f} | {r['cpu']:.2f} | "
                         f"{limit} | "
                         f"{int(r['works']):,} | {int(r['expected']):,} | {r['pair_recall']:.4f} | {per_kind} | "
                         f"{int(r['lost_to_blocking'])} | {r.get('false_merges', '–')} | {r['rss_before_mb']:.0f} | "
                         f"{r['peak_mb']:.0f} | {added:.2f} | {per_record:.2f} |")
    return "\n".join(lines) + "\n"


def startup_lines(versions: list[str], startup: dict[str, dict[str, float]]) -> list[str]:
    """The start-up section of the report: each version's `list-works --json` against `import typer`."""
    base = startup["import typer"]
    lines = ["", "## Start-up", "", f"`scholar list-works --json seeds/001…` against `python -c 'import typer'`, "
             f"medians of interleaved runs with byte-code caches on. Target: ≤ {STARTUP_RATIO_TARGET:g}×.", "",
             "| command | wall s | CPU s | × import typer (wall) | × import typer (CPU) |",
             "|---|---:|---:|---:|---:|",
             f"| `import typer` | {base['wall']:.3f} | {base['cpu']:.3f} | 1.0× | 1.0× |"]
    for v in versions:
        t = startup[v]
        lines.append(f"| {v} `list-works --json` | {t['wall']:.3f} | {t['cpu']:.3f} | "
                     f"{_ratio(t['wall'], base['wall'], STARTUP_RATIO_TARGET)} | "
                     f"{_ratio(t['cpu'], base['cpu'], STARTUP_RATIO_TARGET)} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small dumps and few runs, for a smoke run")
    parser.add_argument("--mb", type=float, default=50.0, help="size of each streamed dump in MB (default 50)")
    parser.add_argument("--version", action="append", metavar="NAME=SRC", default=[],
                        help="measure scholar from this source tree (repeatable); default: the installed one")
    parser.add_argument("--dedupe-records", type=int, default=100_000, help="feed records for dedupe vs --no-dedupe")
    parser.add_argument("--dedupe-sizes", type=int, nargs="*", default=None,
                        help="sizes for the dedupe recall/memory benchmark (default 10000 100000; none: skip)")
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    parser.add_argument("--profile", metavar="DUMP", help="only profile parsing DUMP (a layout, or feed-rare)")
    parser.add_argument("--startup-only", type=int, nargs="?", const=41, metavar="RUNS",
                        help="only the start-up figures, from RUNS interleaved runs (default 41)")
    parser.add_argument("--dedupe-only", type=int, nargs="+", metavar="N",
                        help="only the dedupe benchmark, at these sizes; prints its rows as JSON lines")
    args = parser.parse_args()
    versions: dict[str, str | None] = dict(v.split("=", 1) for v in args.version) or {"installed": None}
    mb = 2.0 if args.quick else args.mb
    if args.profile:
        for name, src in versions.items():
            print(f"### {name}\n{profile(args.profile, mb, src)}")
        return
    if args.startup_only:
        print("\n".join(startup_lines(list(versions), startup_benchmark(versions, args.startup_only))).strip())
        return
    if args.dedupe_only:
        for row in dedupe_benchmark(args.dedupe_only, versions):
            print(json.dumps(row))
        return
    print("streaming…", file=sys.stderr)
    stream = stream_benchmark(versions, mb)
    print("peak RSS…", file=sys.stderr)
    flat = rss_flat(versions, mb)
    print("dedupe against --no-dedupe…", file=sys.stderr)
    dedupe_cli = dedupe_cli_benchmark(versions, 5_000 if args.quick else args.dedupe_records)
    print("start-up…", file=sys.stderr)
    startup = startup_benchmark(versions, 5 if args.quick else 21)
    sizes = args.dedupe_sizes if args.dedupe_sizes is not None else [10_000] if args.quick else [10_000, 100_000]
    print("dedupe recall and memory…", file=sys.stderr)
    dedupe = dedupe_benchmark(sizes, versions) if sizes else []
    text = report(list(versions), stream, flat, dedupe_cli, startup, dedupe)
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
