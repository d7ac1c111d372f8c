"""Time the questions on a large graph in the embedded store: load, trace down,
implementers, coverage, search (index build, then text and symbol queries); peak memory.

    python bench/queries.py --docs 100000   # generates and ingests /tmp/policygraph-bench-100000/store once
    python bench/queries.py --store DIR     # any embedded store (Store.open(DIR).load_graph())

This times the questions on the whole graph in memory (the web app's warm graph); the
command-line figures, on the store's indexes, are bench/store.py's. The store is built by
a real ingest of bench/generate.py documents. With --docs, the build and the timing each
run in a child process of their own.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from policygraph.queries.backend import NetworkXBackend
from policygraph.queries.coverage import coverage
from policygraph.queries.implementers import implementers
from policygraph.queries.lineage import trace
from policygraph.queries.search import search

HERE = Path(__file__).resolve().parent


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ensure_store(docs: int, provinces: int | None) -> Path:
    store = Path(f"/tmp/policygraph-bench-{docs}") / "store"
    if not (store / "policygraph.sqlite").exists():
        corpus = store.parent / "corpus"
        cmd = [sys.executable, str(HERE / "generate.py"), "--docs", str(docs), "--out", str(corpus), "--short",
               "--no-graph"]
        if provinces:
            cmd += ["--provinces", str(provinces)]
        started = time.perf_counter()
        subprocess.run(cmd, check=True)
        subprocess.run([sys.executable, "-m", "policygraph", "--store", str(store), "ingest", "-q",
                        str(corpus / "docs")], check=True)
        print(f"generated and ingested {docs} documents into {store} in {time.perf_counter() - started:.1f} s",
              flush=True)
    return store


def timed(fn, reps: int) -> tuple[float, float, object]:
    """(first call ms, median of the next `reps` calls ms, result)."""
    started = time.perf_counter()
    result = fn()
    first = (time.perf_counter() - started) * 1000
    times = []
    for _ in range(reps):
        started = time.perf_counter()
        answer = fn()
        times.append((time.perf_counter() - started) * 1000)
        del answer  # freeing the answer is the caller's business, after it has been shown
    return first, statistics.median(times) if times else first, result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--docs", type=int)
    source.add_argument("--store", type=Path)
    parser.add_argument("--provinces", type=int)
    parser.add_argument("--roots", type=int, default=3, help="central resolutions to time")
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args(argv)

    if args.docs:  # time in a fresh process: no generator garbage, no warm allocator
        store = ensure_store(args.docs, args.provinces)
        cmd = [sys.executable, __file__, "--store", str(store), "--roots", str(args.roots), "--reps", str(args.reps)]
        raise SystemExit(subprocess.run(cmd).returncode)

    from policygraph.graph.store import Store

    base = peak_mb()
    started = time.perf_counter()
    graph = Store.open(args.store).load_graph()  # also moves the graph out of the cyclic GC's way
    loaded = time.perf_counter() - started
    backend = NetworkXBackend(graph)
    started = time.perf_counter()
    backend.documents_by_symbol("1-NQ/TW")  # builds the symbol index
    indexed = time.perf_counter() - started
    n_docs = sum(1 for _ in backend.nodes("document"))
    print(f"graph: {n_docs} documents, {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
    print(f"load: Store.load_graph {loaded:.1f} s + symbol index {indexed:.1f} s; peak memory "
          f"{peak_mb() / 1024:.2f} GB (before load {base:.0f} MB)", flush=True)

    central = [(nid, len(graph.pred[nid])) for nid, a in backend.nodes("document")
               if a.get("level") == "central"]
    central.sort(key=lambda x: -x[1])
    picks = [nid for nid, _ in central[: args.roots]]
    rows = []
    for root in picks:
        t_first, t_med, result = timed(lambda root=root: trace(backend, root), args.reps)
        i_first, i_med, rep = timed(lambda root=root: implementers(backend, root), args.reps)
        c_first, c_med, cov = timed(lambda root=root: coverage(backend, root), args.reps)
        rows.append((root, len(result) - 1, len(cov.rows), t_first, t_med, i_first, i_med, c_first, c_med))
    print(f"{'root':28} {'below':>6} {'cov rows':>8} | trace ms first/median | implementers | coverage")
    for r in rows:
        print(f"{r[0]:28} {r[1]:6d} {r[2]:8d} | {r[3]:8.0f} / {r[4]:6.0f} | {r[5]:6.0f} / {r[6]:6.0f} "
              f"| {r[7]:6.0f} / {r[8]:6.0f}")
    started = time.perf_counter()
    search(backend, "")  # builds the word index
    print(f"search index: {time.perf_counter() - started:.1f} s; peak memory {peak_mb() / 1024:.2f} GB")
    for query in ("dan van kheo", "công tác dân vận", "cải cách hành chính", "cai cach", "25-NQ/TW", "30-CTr/TU"):
        s_first, s_med, _ = timed(lambda query=query: search(backend, query), args.reps)
        print(f"search {query!r}: first {s_first:.0f} ms, then {s_med:.0f} ms")
    print(f"peak memory: {peak_mb() / 1024:.2f} GB")


if __name__ == "__main__":
    main()
