"""`--backend neo4j` gives the embedded backend's answers, answer by answer, on the samples
and on a generated corpus, against a real Neo4j server the graph was pushed to."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import pytest
from support import generate as gen
from support import ingest as H
from support import neo4j_server as N

from policygraph.graph.store import Store
from policygraph.queries.backend import NetworkXBackend, walk_subgraph
from policygraph.queries.backends.neo4j.model import connect
from policygraph.queries.backends.neo4j.push import push
from policygraph.queries.lineage import Filters
from policygraph.queries.registry import BackendOptions, open_backend
from policygraph.queries.service import Service
from policygraph.queries.stats import stats

ROOT = Path(__file__).resolve().parents[1]





def _pushed(found: BackendOptions, graph) -> None:
    N.wipe(found)
    driver, database = connect(found)
    with driver:
        push(driver, database, graph)


@pytest.fixture(scope="module", params=["samples", "generated"])
def pair(request, tmp_path_factory):
    """(embedded service, neo4j service, graph) with the graph pushed to the server."""
    found = N.options()
    folder = tmp_path_factory.mktemp(request.param) / "store"
    if request.param == "samples":
        run = H.cli("ingest", H.samples_dir(), store=folder)
        assert run.returncode == 0, run.stderr
    else:
        gen.write_store(gen.generate(600, seed=11, provinces=2), folder)
    graph = Store.open(folder).load_graph()
    _pushed(found, graph)
    remote = open_backend("neo4j", found)
    yield Service(NetworkXBackend(graph)), Service(remote), graph, folder
    remote.close()
    N.wipe(found)


def _documents(graph, limit: int) -> list[str]:
    """Documents that head lineages (most cited first), then a seeded sample of the rest."""
    docs = [n for n, a in graph.nodes(data=True) if a.get("kind") == "document"]
    cited = sorted(docs, key=lambda n: (-graph.in_degree(n), n))
    rest = sorted(set(docs) - set(cited[:limit // 2]))
    return cited[:limit // 2] + random.Random(5).sample(rest, min(len(rest), limit - limit // 2))


def _rows(rows) -> list:
    return [r.to_dict() for r in rows]


def test_the_graph_on_the_server_is_the_store_graph(pair):
    local, remote, graph, _ = pair
    assert N.contents(remote.backend.graph) == N.contents(graph)
    assert list(remote.backend.nodes("unit")) == list(local.backend.nodes("unit"))


def test_lineage_answers_are_the_same(pair):
    local, remote, graph, _ = pair
    docs = _documents(graph, 12)
    provinces = sorted({a["province"] for _, a in graph.nodes(data=True) if a.get("province")})
    filters = [Filters(), Filters(depth=1), Filters(depth=2, level="province"), Filters(province=provinces[0]),
               Filters(since=date(2015, 1, 1)), Filters(until=date(2018, 12, 31), level="district")]
    for root in docs:
        for down in (True, False):
            for chosen in filters:
                assert _rows(remote.trace(root, down, chosen)) == _rows(local.trace(root, down, chosen)), root
        assert remote.implementers(root).to_dict() == local.implementers(root).to_dict(), root
        assert remote.implementers(root, 2, "district", provinces[-1]).to_dict() == \
            local.implementers(root, 2, "district", provinces[-1]).to_dict(), root
        assert remote.coverage(root).to_dict() == local.coverage(root).to_dict(), root
        assert remote.coverage(root, 1, include_named=False).to_dict() == \
            local.coverage(root, 1, include_named=False).to_dict(), root
    for a, b in zip(docs, docs[1:] + docs[:1], strict=True):
        assert _rows(remote.path(a, b)) == _rows(local.path(a, b))
    below = [r.doc.id for r in local.trace(docs[0])]
    assert _rows(remote.path(below[-1], docs[0])) == _rows(local.path(below[-1], docs[0])) != []


def test_reach_is_the_reference_walk(pair):
    local, remote, graph, _ = pair
    for root in _documents(graph, 8):
        for follow, direction, depth, attach in ((("implements",), "in", None, ("issued_by", "assigns")),
                                                 (("implements",), "out", None, ()),
                                                 (("implements", "based_on", "references"), "both", 2, ("assigns",)),
                                                 (("implements",), "in", 1, ("issued_by",)),
                                                 (("implements",), "in", 0, ("issued_by",))):
            want = walk_subgraph(local.backend, [root], follow, direction, depth, attach).graph
            got = remote.backend.reach([root], follow, direction, depth, attach).graph
            # the same nodes and edges (the reference's own keys and order are those of its walk)
            assert dict(got.nodes(data=True)) == dict(want.nodes(data=True)), (root, direction, depth)
            assert _edges(got) == _edges(want), (root, follow, direction, depth)
            assert len(want) > 0


def _edges(graph) -> list:
    return sorted((s, t, a["type"], json.dumps(a, sort_keys=True)) for s, t, a in graph.edges(data=True))


def test_documents_units_search_and_stats_are_the_same(pair):
    local, remote, graph, _ = pair
    for root in _documents(graph, 14):
        assert remote.document(root) == local.document(root)
        assert remote.row(root) == local.row(root)
        symbol = graph.nodes[root].get("symbol")
        if symbol:
            assert remote.candidates(symbol) == local.candidates(symbol)
            assert remote.candidates(symbol.lower().replace("-", " - ")) == local.candidates(symbol)
        for direction in ("up", "down", "both"):
            a = remote.neighbourhood([root], depth=2, direction=direction)
            b = local.neighbourhood([root], depth=2, direction=direction)
            assert N.contents(a) == N.contents(b)
    names = sorted({a.get("name") for _, a in graph.nodes(data=True) if a.get("kind") == "unit" and a.get("name")})
    for name in random.Random(3).sample(names, min(12, len(names))) + ["Ban Thường vụ", "uy ban nhan dan", "zzz"]:
        assert _rows(remote.assigned(name)) == _rows(local.assigned(name)), name
        assert remote.backend.units_by_name(name) == local.backend.units_by_name(name)
    provinces = sorted({a["province"] for _, a in graph.nodes(data=True) if a.get("province")})
    assert _rows(remote.assigned("Ban Thường vụ", province=provinces[0])) == \
        _rows(local.assigned("Ban Thường vụ", province=provinces[0]))
    for text in ("dân vận", "Dan van kheo", "25-NQ/TW", "chuyển đổi số", "kế hoạch", "nothing like this"):
        assert _rows(remote.search(text)) == _rows(local.search(text)), text
    here, there = local.stats(None), remote.stats(None)
    assert there.to_dict() == here.to_dict()
    for field in ("kinds", "edges", "levels", "provinces", "years", "flags"):  # the order shown too
        assert list(getattr(there, field).items()) == list(getattr(here, field).items()), field
    assert remote.backend.native("stats") is not None  # Cypher answered it ...
    assert stats.generic(remote.backend, 7).to_dict() == remote.stats(7).to_dict()  # ... as the generic pass does


def test_the_command_line_gives_the_same_output_on_both_backends(pair):
    local, remote, graph, store = pair
    env = N.env(N.options())
    docs = _documents(graph, 3)
    unit = next(a["name"] for _, a in graph.nodes(data=True) if a.get("kind") == "unit" and a.get("name"))
    for args in (["trace", docs[0], "--format", "json"],
                 ["coverage", docs[1], "--format", "json"],
                 ["assigned", unit, "--format", "json"],
                 ["stats", "--format", "json"],
                 ["show", docs[2]]):
        embedded = H.cli(*args, store=store)
        neo4j = H.cli("--backend", "neo4j", *args, store=store.parent / "unused", env=env)
        assert embedded.returncode == 0 and neo4j.returncode == 0, (args, embedded.stderr, neo4j.stderr)
        if "json" in args:
            assert json.loads(neo4j.stdout) == json.loads(embedded.stdout), args
        else:
            assert neo4j.stdout == embedded.stdout


def test_the_web_app_over_neo4j_serves_what_it_serves_over_the_store(pair):
    from policygraph.viz.app import create_app

    local, remote, graph, _ = pair
    over_store = create_app(graph).test_client()
    over_neo4j = create_app(remote.backend.graph).test_client()
    root, other = _documents(graph, 2)
    for url in (f"/api/document?id={root}", f"/api/graph?id={root}&depth=2", f"/api/expand?id={root}",
                f"/api/path?from={other}&to={root}", "/api/facets", f"/api/reports/implementers?id={root}",
                f"/api/reports/coverage?id={root}", "/api/search?q=d%C3%A2n%20v%E1%BA%ADn"):
        a, b = over_store.get(url.replace("|", "%7C")), over_neo4j.get(url.replace("|", "%7C"))
        assert a.status_code == b.status_code == 200, url
        assert a.get_json() == b.get_json(), url
