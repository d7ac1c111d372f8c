"""The generated graph written through the real store (bench/queries.py times this path)."""

from __future__ import annotations

from pathlib import Path

import pytest

from policygraph.graph.store import CACHE_NAME, Store, StoreError

ROOT = Path(__file__).resolve().parent.parent


def _load_generator():
    from support import generate

    return generate


gen = _load_generator()


def _contents(g):
    return dict(g.nodes(data=True)), sorted((u, v, k, sorted(a.items(), key=str)) for u, v, k, a in
                                            g.edges(keys=True, data=True))


def test_the_store_gives_back_the_generated_graph_from_the_snapshot(tmp_path):
    truth = gen.to_graph(gen.generate(400, seed=5, provinces=2))
    gen.write_store(gen.generate(400, seed=5, provinces=2), tmp_path / "store")

    store = Store.open(tmp_path / "store")
    from_snapshot = store.load_graph()
    assert _contents(from_snapshot) == _contents(truth)
    counts = store.counts()
    assert counts["document_nodes"] == sum(1 for _, a in truth.nodes(data=True) if a["kind"] == "document")
    assert counts["assigns_edges"] == sum(1 for *_, a in truth.edges(data=True) if a["type"] == "assigns")
    store.close()


def test_a_written_graph_without_its_snapshot_is_an_error_not_an_empty_graph(tmp_path):
    gen.write_store(gen.generate(200, seed=2, provinces=1), tmp_path / "store")
    old = (tmp_path / "store" / CACHE_NAME).read_bytes()
    gen.write_store(gen.generate(300, seed=3, provinces=1), tmp_path / "store")
    (tmp_path / "store" / CACHE_NAME).write_bytes(old)  # generation 1's snapshot in a generation 2 store
    with pytest.raises(StoreError, match="missing or out of date.*no ingested files"):
        Store.open(tmp_path / "store").load_graph()
    (tmp_path / "store" / CACHE_NAME).unlink()
    with pytest.raises(StoreError, match="missing or out of date"):
        Store.open(tmp_path / "store").load_graph()
