"""Time the store as a user meets it: whole `policygraph` processes on stores built by a real
ingest of bench/generate.py documents.

    python bench/store.py --sizes 1000 10000 100000 [--work /tmp/pg-store-bench] [--reps 3]

For each size N it generates N + 101 documents (short texts) once, ingests N of them with
`policygraph ingest --jobs 2`, then times, as separate processes (median of --reps runs):
adding 1 file and 100 files (each taken out again after), removing 1 file (put back after),
`show`, `trace --down`, `implementers`, `coverage` of the central document with the most
implementers, `search`, `stats`: the CPU time (user + system, from /usr/bin/time: on a shared
machine the wall clock measures the other users) and peak memory (maximum resident set) of
each; and the disk the store takes per document. State the machine's load with the figures
(`uptime` is printed first and last).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXTRA = 101


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def run(store: Path, *args: str) -> tuple[float, int]:
    """(CPU seconds, user + system, peak resident MB) of one `policygraph` process.

    CPU time, not wall time: on a shared machine the wall clock measures the other users."""
    cmd = ["/usr/bin/time", "-f", "%U %S %M", sys.executable, "-m", "policygraph", "--store", str(store), *args]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode not in (0, 2):
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr[-2000:]}")
    user, system, kb = done.stderr.strip().splitlines()[-1].split()
    return float(user) + float(system), int(kb) // 1024


def corpus(work: Path, n: int) -> tuple[Path, list[Path]]:
    """N documents in base/ and EXTRA more kept apart (the files the adds ingest)."""
    folder = work / f"corpus-{n}"
    base, extra = folder / "base", folder / "extra"
    if not base.exists():
        if not (folder / "docs").exists():
            subprocess.run([sys.executable, str(HERE / "generate.py"), "--docs", str(n + EXTRA), "--out", str(folder),
                            "--short", "--no-graph"], check=True)
        files = sorted((folder / "docs").rglob("*.txt"))
        extra.mkdir(parents=True)
        for p in files[-EXTRA:]:  # the last documents generated: plans of existing parents
            p.rename(extra / p.name)
        (folder / "docs").rename(base)
    return base, sorted(extra.glob("*.txt"))


def build(work: Path, n: int, base: Path) -> Path:
    store = work / f"store-{n}"
    if not (store / "policygraph.sqlite").exists():
        started = time.perf_counter()
        seconds, mb = run(store, "ingest", "-q", "--jobs", "2", str(base))
        print(f"  built {store} in {seconds:.0f} s CPU (peak {mb} MB; wall {time.perf_counter() - started:.0f} s)",
              flush=True)
    return store


def busiest(store: Path) -> tuple[str, int | None]:
    """The symbol and year of the central document the most documents implement."""
    conn = sqlite3.connect(f"file:{store / 'policygraph.sqlite'}?mode=ro", uri=True)
    target = conn.execute(
        "SELECT target FROM edges WHERE type='implements' AND target LIKE 'doc:%/TW|%' "
        "GROUP BY target ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    attrs = json.loads(conn.execute("SELECT attrs FROM nodes WHERE id=?", (target,)).fetchone()[0])
    conn.close()
    return attrs["symbol"], attrs.get("year")


def median(samples: list[tuple[float, int]]) -> tuple[float, int]:
    return statistics.median(s for s, _ in samples), max(m for _, m in samples)


def measure(work: Path, n: int, reps: int) -> dict[str, tuple[float, int]]:
    base, extra = corpus(work, n)
    store = build(work, n, base)
    out: dict[str, tuple[float, int]] = {}
    one, hundred = extra[0], work / f"hundred-{n}"
    if not hundred.exists():
        hundred.mkdir()
        for p in extra[1:]:
            shutil.copy(p, hundred / p.name)
    adds, adds100, removes = [], [], []
    victim = sorted(base.rglob("*.txt"))[n // 2]
    for _ in range(reps):
        adds.append(run(store, "ingest", "-q", str(one)))
        run(store, "remove", str(one))
        adds100.append(run(store, "ingest", "-q", "--jobs", "2", str(hundred)))
        run(store, "remove", str(hundred))
        removes.append(run(store, "remove", str(victim)))
        run(store, "ingest", "-q", str(victim))
    out["add 1 file"], out["add 100 files"], out["remove 1 file"] = median(adds), median(adds100), median(removes)
    symbol, year = busiest(store)
    pick = ["--year", str(year)] if year else []
    for name, args in (("show", ["show", symbol, *pick]),
                       ("trace --down", ["trace", symbol, *pick, "--format", "json"]),
                       ("implementers", ["implementers", symbol, *pick, "--format", "json"]),
                       ("coverage", ["coverage", symbol, *pick, "--format", "json"]),
                       ("search", ["search", "dân vận khéo", "--format", "json"]), ("stats", ["stats"])):
        out[name] = median([run(store, *args) for _ in range(reps)])
    size = sum(p.stat().st_size for p in store.glob("policygraph.sqlite*"))
    out["disk per document"] = (size / n / 1024, 0)
    print(f"  root {symbol} {year or ''}", flush=True)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/pg-store-bench"))
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"load before: {uptime()}", flush=True)
    results = {}
    for n in args.sizes:
        print(f"{n} documents:", flush=True)
        results[n] = measure(args.work, n, args.reps)
    print(f"load after: {uptime()}")
    sizes = list(results)
    print("| operation | " + " | ".join(f"{n:,}" for n in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for op in results[sizes[0]]:
        if op == "disk per document":
            cells = [f"{results[n][op][0]:.1f} KB" for n in sizes]
        else:
            cells = [f"{results[n][op][0]:.2f} s CPU, {results[n][op][1]} MB" for n in sizes]
        print(f"| {op} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
