"""The embedded backend reads the graph from the store's indexes (queries/backends/embedded.py):
every question it answers must equal the answer on the whole graph of the same store in
memory (NetworkXBackend over Store.load_graph), on the samples and on a generated corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import generate
from support import ingest as H

from policygraph.graph.store import Store
from policygraph.ingest.pipeline import ingest_paths
from policygraph.queries.backend import NetworkXBackend, walk_subgraph
from policygraph.queries.backends.embedded import EmbeddedBackend
from policygraph.queries.documents import Ambiguous, NotFound
from policygraph.queries.service import Service
from policygraph.queries.stats import stats

ROOT = Path(__file__).resolve().parents[1]


def _store(tmp_path: Path, which: str) -> Store:
    folder = tmp_path / which
    if which == "samples":
        paths = [ROOT / "data" / "samples", H.SHARED / "corpus" / "seeds"]
        paths = [p for p in paths if p.exists()]
    else:
        corpus = generate.generate(120, seed=3, provinces=4)
        generate.write(corpus, tmp_path / "gen", graph=False)
        paths = [tmp_path / "gen" / "docs"]
    store = Store.open(folder)
    ingest_paths(store, paths)
    store.close()
    return Store.open(folder, readonly=True)


@pytest.fixture(scope="module", params=["samples", "generated"])
def pair(request, tmp_path_factory):
    store = _store(tmp_path_factory.mktemp("backend"), request.param)
    return Service(EmbeddedBackend(store)), Service(NetworkXBackend(store.load_graph()))


def _same(a, b) -> None:
    assert a == b


def _answer(call):
    try:
        result = call()
    except (Ambiguous, NotFound) as exc:
        return type(exc).__name__, str(exc)
    if isinstance(result, list):
        return [r.to_dict() if hasattr(r, "to_dict") else r for r in result]
    return result.to_dict() if hasattr(result, "to_dict") else result


def test_primitives_agree(pair):
    disk, memory = pair
    ids = [n for n, _ in memory.backend.nodes()]
    assert [n for n, _ in disk.backend.nodes()] == ids
    for kind in ("document", "unit", "place"):
        assert list(disk.backend.nodes(kind)) == list(memory.backend.nodes(kind))
    for node_id in ids:
        assert disk.backend.node(node_id) == memory.backend.node(node_id)
        assert list(disk.backend.out_edges(node_id)) == list(memory.backend.out_edges(node_id))
        assert list(disk.backend.in_edges(node_id)) == list(memory.backend.in_edges(node_id))
        assert list(disk.backend.out_edges(node_id, ["implements", "assigns"])) == \
            list(memory.backend.out_edges(node_id, ["implements", "assigns"]))
    symbols = {a.get("symbol") for _, a in memory.backend.nodes("document") if a.get("symbol")}
    for symbol in sorted(symbols) + ["25 - nq/tw", "nothing-here"]:
        assert disk.backend.documents_by_symbol(symbol) == memory.backend.documents_by_symbol(symbol)
    names = {a.get("name") for _, a in memory.backend.nodes("unit")}
    for name in sorted(n for n in names if n) + ["ủy ban", "huyện", "no such unit"]:
        assert disk.backend.units_by_name(name) == memory.backend.units_by_name(name)


def test_reach_gives_the_part_a_walk_collects(pair):
    disk, memory = pair
    docs = [n for n, _ in memory.backend.nodes("document")]
    for root in docs[:: max(1, len(docs) // 25)]:
        for direction in ("in", "out", "both"):
            for depth in (None, 1, 2):
                walk = walk_subgraph(memory.backend, [root], ("implements", "based_on"), direction, depth,
                                     ("issued_by", "assigns"))
                part = disk.backend.reach([root], ("implements", "based_on"), direction, depth,
                                          ("issued_by", "assigns"))
                assert set(part.graph.nodes) == set(walk.graph.nodes), (root, direction, depth)
                assert sorted((s, t, d["type"]) for s, t, d in part.graph.edges(data=True)) == \
                    sorted((s, t, d["type"]) for s, t, d in walk.graph.edges(data=True))


def test_every_question_agrees(pair):
    disk, memory = pair
    docs = [n for n, a in memory.backend.nodes("document")]
    assert docs
    for root in docs[:: max(1, len(docs) // 20)]:
        for question in (
            lambda s, r=root: s.trace(r), lambda s, r=root: s.trace(r, down=False),
            lambda s, r=root: s.implementers(r), lambda s, r=root: s.coverage(r),
            lambda s, r=root: s.document(r).row, lambda s, r=root: s.row(r),
            lambda s, r=root: s.path(docs[0], r),
        ):
            assert _answer(lambda q=question: q(disk)) == _answer(lambda q=question: q(memory))
        a, b = disk.neighbourhood([root], depth=2), memory.neighbourhood([root], depth=2)
        assert set(a.nodes) == set(b.nodes)
    for text in ("dân vận", "25-NQ/TW", "tăng cường công tác", "Kế hoạch thực hiện", "chuyển đổi số", "zzz"):
        assert _answer(lambda t=text: disk.search(t)) == _answer(lambda t=text: memory.search(t))
    for symbol in ("25-NQ/TW", "30-CTr/TU", "01-ĐA/TU"):
        assert _answer(lambda s=symbol: disk.find(s)) == _answer(lambda s=symbol: memory.find(s))
    units = sorted({a.get("name") for _, a in memory.backend.nodes("unit") if a.get("name")})[:10]
    for unit in units:
        assert _answer(lambda u=unit: disk.assigned(u)) == _answer(lambda u=unit: memory.assigned(u))


def test_stats_come_from_the_counts_kept_at_ingest(pair):
    disk, memory = pair
    native = disk.stats()
    assert native.to_dict() == memory.stats().to_dict()
    assert native.to_dict() == stats.generic(disk.backend).to_dict()  # the plain function over the same tables
    assert disk.stats(flagged=None).to_dict() == memory.stats(flagged=None).to_dict()
