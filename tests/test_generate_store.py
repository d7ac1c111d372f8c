"""The generated graph written through the real store (bench/queries.py times this path)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from policygraph.graph.store import CACHE_NAME, Store

ROOT = Path(__file__).resolve().parent.parent


def _load_generator():
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


gen = _load_generator()


def _contents(g):
    return dict(g.nodes(data=True)), sorted((u, v, k, sorted(a.items(), key=str)) for u, v, k, a in
                                            g.edges(keys=True, data=True))


def test_the_store_gives_back_the_generated_graph_from_the_snapshot_and_from_the_tables(tmp_path):
    truth = gen.to_graph(gen.generate(400, seed=5, provinces=2))
    gen.write_store(gen.generate(400, seed=5, provinces=2), tmp_path / "store")

    from_snapshot = Store.open(tmp_path / "store").load_graph()
    assert _contents(from_snapshot) == _contents(truth)

    (tmp_path / "store" / CACHE_NAME).unlink()
    from_tables = Store.open(tmp_path / "store").load_graph()
    assert list(from_tables.nodes(data=True)) == list(from_snapshot.nodes(data=True))
    assert list(from_tables.edges(keys=True, data=True)) == list(from_snapshot.edges(keys=True, data=True))


def test_a_stale_snapshot_is_not_used(tmp_path):
    store = Store.open(tmp_path / "store")
    gen.write_store(gen.generate(200, seed=2, provinces=1), tmp_path / "store")
    old = (tmp_path / "store" / CACHE_NAME).read_bytes()
    gen.write_store(gen.generate(300, seed=3, provinces=1), tmp_path / "store")
    (tmp_path / "store" / CACHE_NAME).write_bytes(old)  # generation 1's snapshot beside generation 2's tables
    loaded = Store.open(tmp_path / "store").load_graph()
    assert _contents(loaded) == _contents(gen.to_graph(gen.generate(300, seed=3, provinces=1)))
    store.close()
