"""Push a large generated graph to Neo4j and time the questions there beside the embedded backend.

    python bench/neo4j.py --docs 100000 [--added 100] [--reps 5]

Needs a running server: $NEO4J_URI / $NEO4J_USER / $NEO4J_PASSWORD, else the one
scripts/neo4j_server.py started ($POLICYGRAPH_NEO4J_HOME/connection.json). Every
`Policygraph` node of its database is deleted first.

The graphs are the generated corpus a perfect ingester would build (bench/generate.py
--store), for DOCS and for DOCS + ADDED documents (the generator is prefix-stable: the
larger corpus is the smaller one plus ADDED documents). Measured, each as a whole CLI
process: a full push of DOCS, a second push (nothing to send), a push of DOCS + ADDED
(only what changed), then `trace`/`implementers`/`coverage` on both backends. The question
times beside them are in-process (first call, then the median of REPS), on the same graph.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# Run as a script, this file's folder comes first on sys.path, and this file would then be
# the `neo4j` that the driver's users import: take the folder off.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]


def timed(fn, reps: int) -> tuple[float, float, object]:
    """(first call ms, median of the next `reps` calls ms, result), as bench/queries.py."""
    began = time.perf_counter()
    result = fn()
    first = (time.perf_counter() - began) * 1000
    times = []
    for _ in range(reps):
        began = time.perf_counter()
        fn()
        times.append((time.perf_counter() - began) * 1000)
    return first, statistics.median(times) if times else first, result


def ensure_store(folder: Path, docs: int) -> Path:
    store = folder / str(docs) / "store"
    if not (store / "graph.pickle").exists():
        began = time.perf_counter()
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--docs", str(docs), "--store", str(store)],
                       check=True)
        print(f"generated {docs} documents into {store} in {time.perf_counter() - began:.0f} s", flush=True)
    return store


def server_env() -> dict[str, str]:
    if os.environ.get("NEO4J_URI"):
        return {k: os.environ[k] for k in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE")
                if k in os.environ}
    home = Path(os.environ.get("POLICYGRAPH_NEO4J_HOME") or ROOT / ".policygraph" / "neo4j-server")
    info = json.loads((home / "connection.json").read_text())
    return {"NEO4J_URI": info["uri"], "NEO4J_USER": info["user"], "NEO4J_PASSWORD": info["password"]}


def cli(env: dict[str, str], *args: str) -> tuple[float, str]:
    """(seconds, last line of stdout) of one whole `policygraph` process."""
    began = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "policygraph", *args], capture_output=True, text=True,
                         env={**os.environ, **env})
    took = time.perf_counter() - began
    if run.returncode != 0:
        raise SystemExit(f"policygraph {' '.join(args)} failed: {run.stderr.strip()}")
    return took, (run.stdout.strip().splitlines() or [""])[-1]


def push_rate(line: str, seconds: float) -> str:
    words = line.split()
    sent = int(words[words.index("sent") + 1]) + int(words[words.index("sent") + 4])
    return f"{sent} nodes + edges sent, {sent / seconds:,.0f} per second of the whole process"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--added", type=int, default=100)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--roots", type=int, default=3, help="central documents to time (most implemented first)")
    parser.add_argument("--dir", type=Path, default=Path("/tmp/policygraph-neo4j-bench"), help="where the stores are")
    args = parser.parse_args(argv)

    from policygraph.graph.store import Store
    from policygraph.queries.backend import NetworkXBackend
    from policygraph.queries.backends.neo4j.backend import Neo4jBackend
    from policygraph.queries.backends.neo4j.model import connect
    from policygraph.queries.coverage import coverage
    from policygraph.queries.implementers import implementers
    from policygraph.queries.lineage import trace
    from policygraph.queries.registry import BackendOptions
    from policygraph.queries.search import search
    from policygraph.queries.stats import stats

    print(f"uptime: {os.popen('uptime').read().strip()} (a shared 2-core machine)", flush=True)
    small, large = ensure_store(args.dir, args.docs), ensure_store(args.dir, args.docs + args.added)
    env = server_env()
    options = BackendOptions(uri=env["NEO4J_URI"], user=env.get("NEO4J_USER"), password=env.get("NEO4J_PASSWORD"),
                             database=env.get("NEO4J_DATABASE"))
    driver, database = connect(options)
    with driver.session(database=database) as session:
        session.run("MATCH (n:Policygraph) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 500 ROWS").consume()

    took, line = cli(env, "--store", str(small), "neo4j", "push", "-q")
    print(f"full push of {args.docs} documents: {took:.1f} s; {push_rate(line, took)}\n  {line}", flush=True)
    took, line = cli(env, "--store", str(small), "neo4j", "push", "-q")
    print(f"second push, nothing changed: {took:.1f} s\n  {line}", flush=True)
    took, line = cli(env, "--store", str(large), "neo4j", "push", "-q")
    print(f"push after adding {args.added} documents: {took:.1f} s; {push_rate(line, took)}\n  {line}", flush=True)

    graph = Store.open(large).load_graph()
    local = NetworkXBackend(graph)
    remote = Neo4jBackend(driver, database, env["NEO4J_URI"], env.get("NEO4J_USER") or "neo4j")
    central = sorted(((len(graph.pred[n]), n) for n, a in local.nodes("document") if a.get("level") == "central"),
                     reverse=True)
    picks = [n for _, n in central[:args.roots]]
    province = next(n for n, a in local.nodes("document") if a.get("level") == "province" and graph.pred[n])
    print(f"graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges; ms: first call / median "
          f"of {args.reps}, embedded | neo4j", flush=True)
    for root in [*picks, province]:
        below = len(trace(local, root)) - 1
        cells = []
        for name, question in (("trace", trace), ("trace up", lambda b, r: trace(b, r, down=False)),
                               ("implementers", implementers), ("coverage", coverage)):
            e_first, e_med, _ = timed(lambda q=question, r=root: q(local, r), args.reps)
            n_first, n_med, _ = timed(lambda q=question, r=root: q(remote, r), args.reps)
            cells.append(f"{name} {e_first:.0f}/{e_med:.0f} | {n_first:.0f}/{n_med:.0f}")
        print(f"{root} ({below} below): " + "; ".join(cells), flush=True)
    for name, question in (("stats", stats), ("search 'dan van kheo'", lambda b: search(b, "dan van kheo"))):
        e_first, e_med, _ = timed(lambda q=question: q(local), args.reps)
        n_first, n_med, _ = timed(lambda q=question: q(remote), args.reps)
        print(f"{name}: {e_first:.0f}/{e_med:.0f} | {n_first:.0f}/{n_med:.0f}", flush=True)
    driver.close()

    root = picks[-1]
    for args_ in (["trace", root, "--format", "json"], ["implementers", root, "--format", "json"],
                  ["coverage", root, "--format", "json"]):
        embedded = statistics.median(cli(env, "--store", str(large), *args_)[0] for _ in range(3))
        neo4j = statistics.median(cli(env, "--backend", "neo4j", *args_)[0] for _ in range(3))
        print(f"whole CLI process, policygraph {args_[0]} {root}: embedded {embedded:.1f} s | neo4j {neo4j:.1f} s",
              flush=True)
    print(f"uptime: {os.popen('uptime').read().strip()}")


if __name__ == "__main__":
    main()
