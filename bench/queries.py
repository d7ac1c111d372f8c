"""Time the questions on a large graph: load, trace down, implementers, coverage; peak memory.

    python bench/queries.py --docs 100000            # generates /tmp/policygraph-bench-100000 once
    python bench/queries.py --graph OUT/graph.pickle # a graph written by bench/generate.py
    python bench/queries.py --store DIR              # the embedded store (Store.load_graph)

The graph is the one a perfect ingester would build from the generated corpus
(bench/generate.py), so query costs are measured apart from ingestion. Generation runs
in a child process so that the load time and peak memory printed are those of loading
and querying alone.
"""

from __future__ import annotations

import argparse
import gc
import pickle
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


def ensure_graph(docs: int, provinces: int | None) -> Path:
    out = Path(f"/tmp/policygraph-bench-{docs}")
    graph = out / "graph.pickle"
    if not graph.exists():
        cmd = [sys.executable, str(HERE / "generate.py"), "--docs", str(docs), "--out", str(out), "--short",
               "--no-texts"]
        if provinces:
            cmd += ["--provinces", str(provinces)]
        started = time.perf_counter()
        subprocess.run(cmd, check=True)
        print(f"generated {docs} documents in {time.perf_counter() - started:.1f} s", flush=True)
    return graph


def timed(fn, reps: int) -> tuple[float, float, object]:
    """(first call ms, median of the next `reps` calls ms, result)."""
    started = time.perf_counter()
    result = fn()
    first = (time.perf_counter() - started) * 1000
    times = []
    for _ in range(reps):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return first, statistics.median(times) if times else first, result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--docs", type=int)
    source.add_argument("--graph", type=Path)
    source.add_argument("--store", type=Path)
    parser.add_argument("--provinces", type=int)
    parser.add_argument("--roots", type=int, default=3, help="central resolutions to time")
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args(argv)

    path = ensure_graph(args.docs, args.provinces) if args.docs else args.graph
    base = peak_mb()
    started = time.perf_counter()
    gc.disable()  # allocation-heavy loading; the graph has no cycles to collect
    if args.store:
        from policygraph.graph.store import Store

        graph = Store.open(args.store).load_graph()
    else:
        with open(path, "rb") as fh:
            graph = pickle.load(fh)
    # The graph lives as long as the process: keep the cyclic collector from rescanning
    # its millions of dicts (full collections otherwise add 0.5 s pauses to queries).
    gc.freeze()
    gc.enable()
    loaded = time.perf_counter() - started
    backend = NetworkXBackend(graph)
    started = time.perf_counter()
    backend.documents_by_symbol("1-NQ/TW")  # builds the symbol index
    indexed = time.perf_counter() - started
    n_docs = sum(1 for _ in backend.nodes("document"))
    print(f"graph: {n_docs} documents, {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
    print(f"load: {loaded:.1f} s + symbol index {indexed:.1f} s; peak memory {peak_mb():.0f} MB "
          f"(before load {base:.0f} MB)")

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
    s_first, s_med, _ = timed(lambda: search(backend, "dan van kheo"), args.reps)
    print(f"search 'dan van kheo': first {s_first:.0f} ms (builds the word index), then {s_med:.0f} ms")
    print(f"peak memory: {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
