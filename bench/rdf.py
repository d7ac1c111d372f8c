"""Time the RDF export and the saved SPARQL queries on a large generated store.

    python bench/rdf.py --docs 100000          # generates /tmp/policygraph-bench-100000/store once
    python bench/rdf.py --store DIR            # any embedded store

Measured as whole CLI processes, as a user runs them: `export --format ttl` (wall and CPU
time, triples per second), the first `sparql` command (which builds the pyoxigraph store
next to the store) and a second one (which opens the cached store). Then, in this process,
the saved queries lineage / implementers / coverage on the central document with the largest
implements tree: first run and median of the next five, in ms. Targets (issue 14): export
of 100k documents under 60 s, each saved query under 300 ms. The machine load is printed
with the numbers: on a shared machine wall time is not CPU time.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from policygraph.graph.rdf_terms import node_id
from policygraph.graph.store import Store
from policygraph.queries.backends.sparql import SparqlBackend, sparql_store
from policygraph.queries.sparql import rows, run, saved_query

HERE = Path(__file__).resolve().parent
LARGEST = """SELECT ?root (COUNT(?d) AS ?n) WHERE { ?root pg:level "central" . ?d eli:ensures_implementation_of ?root }
             GROUP BY ?root ORDER BY DESC(?n) LIMIT 1"""


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg()) + f" on {os.cpu_count()} cores"


def ensure_store(docs: int) -> Path:
    store = Path(f"/tmp/policygraph-bench-{docs}") / "store"
    if not (store / "policygraph.sqlite").exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--docs", str(docs), "--store", str(store)],
                       check=True)
    return store


def cli(store: Path, *args: str) -> tuple[float, float, str]:
    """(wall s, CPU s, stdout) of one `policygraph` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "policygraph", "--store", str(store), *args],
                          capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.stdout


def timed(fn, reps: int = 5) -> tuple[float, float, object]:
    started = time.perf_counter()
    result = fn()
    first = (time.perf_counter() - started) * 1000
    times = []
    for _ in range(reps):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return first, statistics.median(times), result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100000)
    parser.add_argument("--store", type=Path)
    parser.add_argument("--out", type=Path, default=Path("/tmp/policygraph-bench-rdf.ttl"))
    parser.add_argument("--no-export", action="store_true", help="only the SPARQL store and the saved queries")
    args = parser.parse_args(argv)
    store = args.store or ensure_store(args.docs)
    print(f"store {store}; {load()}", flush=True)

    if not args.no_export:
        export(store, args.out)
    sparql(store)


def export(store: Path, out_file: Path) -> None:
    wall, cpu, out = cli(store, "export", "--format", "ttl", str(out_file))
    triples = int(re.search(r"wrote (\d+) triples", out)[1])
    print(f"export ttl: {triples} triples in {wall:.1f} s wall, {cpu:.1f} s CPU "
          f"({triples / wall:,.0f} triples/s wall, {triples / cpu:,.0f} per CPU second); "
          f"{out_file.stat().st_size / 1e6:.0f} MB; {load()}", flush=True)


def sparql(store: Path) -> None:
    ask = "ASK { ?s ?p ?o }"
    wall, cpu, _ = cli(store, "sparql", ask)
    print(f"first sparql command (builds the pyoxigraph store): {wall:.1f} s wall, {cpu:.1f} s CPU; {load()}")
    wall, cpu, _ = cli(store, "sparql", ask)
    print(f"next sparql command (cached store): {wall:.2f} s wall, {cpu:.2f} s CPU; {load()}", flush=True)

    source = Store.open(store)
    backend = SparqlBackend(sparql_store(source), source=source)
    largest = list(backend.select(LARGEST))[0]
    root = largest["root"].value
    root_id = node_id(root)
    print(f"root {root_id} ({largest['n'].value} direct implementers)")
    for name in ("lineage", "implementers", "coverage"):
        query = saved_query(name)
        first, median, answer = timed(lambda q=query: rows(run(backend, q, root_id)))
        print(f"  {name:<13} {len(answer):>6} rows  first {first:7.1f} ms  median {median:7.1f} ms")
    print(load())


if __name__ == "__main__":
    main()
