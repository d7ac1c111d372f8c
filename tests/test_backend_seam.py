"""The backend seam: a backend that fetches only the part of the graph a question reads
(`Backend.reach`) gives the same answers as the whole graph in memory."""

from __future__ import annotations

import pytest
from support import ingest as H

from policygraph.graph.store import Store
from policygraph.queries.backend import NetworkXBackend, walk_subgraph
from policygraph.queries.registry import BackendError, BackendOptions, available, open_backend
from policygraph.queries.service import Service


class PartialBackend(NetworkXBackend):
    """A stand-in for a remote backend: every question must go through `reach`, whose
    answer is built from the primitive calls (what a server fetches in one query)."""

    def __init__(self, graph) -> None:
        super().__init__(graph)
        self.reached = 0

    def reach(self, roots, follow, direction, depth=None, attach=()):
        self.reached += 1
        return walk_subgraph(NetworkXBackend(self.graph), roots, follow, direction, depth, attach)


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    store_dir = tmp_path_factory.mktemp("seam") / "store"
    run = H.cli("ingest", H.ROOT / "data" / "samples", store=store_dir)
    assert run.returncode == 0, run.stderr
    return Store.open(store_dir).load_graph()


def test_lineage_implementers_coverage_agree_on_a_partial_backend(graph):
    whole, part = Service(NetworkXBackend(graph)), Service(PartialBackend(graph))
    for symbol, year in (("25-NQ/TW", 2013), ("30-CTr/TU", None), ("01-ĐA/TU", None)):
        root = whole.find(symbol, year)
        assert [r.to_dict() for r in part.trace(root)] == [r.to_dict() for r in whole.trace(root)]
        up_part, up_whole = part.trace(root, down=False), whole.trace(root, down=False)
        assert [r.to_dict() for r in up_part] == [r.to_dict() for r in up_whole]
        assert part.implementers(root).to_dict() == whole.implementers(root).to_dict()
        assert part.coverage(root).to_dict() == whole.coverage(root).to_dict()
    assert part.backend.reached >= 9  # the questions really went through reach


def test_reach_keeps_depth_and_attaches_units(graph):
    backend = NetworkXBackend(graph)
    service = Service(backend)
    root = service.find("30-CT/TW")  # 30-CT/TW <- 65-KL/TW <- 109-KH/TU, one step each
    near = walk_subgraph(backend, [root], ("implements",), "in", depth=1, attach=("issued_by",))
    far = walk_subgraph(backend, [root], ("implements",), "in", attach=("issued_by",))
    near_docs = {n for n, a in near.nodes("document")}
    far_docs = {n for n, a in far.nodes("document")}
    assert near_docs == {root, service.find("65-KL/TW")}
    assert far_docs == near_docs | {service.find("109-KH/TU")}
    plan = walk_subgraph(backend, [service.find("01-ĐA/TU")], ("implements",), "in", attach=("issued_by",))
    issuers = {e.target for n, _ in plan.nodes("document") for e in plan.out_edges(n, ("issued_by",))}
    assert {(plan.node(u) or {}).get("name") for u in issuers} == {"Ban Thường vụ Huyện ủy"}
    with pytest.raises(ValueError):
        walk_subgraph(backend, [root], ("implements",), "sideways")


def test_neighbourhood_is_the_same_through_reach(graph):
    whole, part = Service(NetworkXBackend(graph)), Service(PartialBackend(graph))
    root = whole.find("30-CTr/TU")
    for direction in ("up", "down", "both"):
        a = whole.neighbourhood([root], depth=2, direction=direction)
        b = part.neighbourhood([root], depth=2, direction=direction)
        assert set(a.nodes) == set(b.nodes)
        assert sorted((s, t, d["type"]) for s, t, d in a.edges(data=True)) == \
            sorted((s, t, d["type"]) for s, t, d in b.edges(data=True))


def test_backends_are_found_by_name(tmp_path):
    assert "embedded" in available()
    with pytest.raises(BackendError, match="no backend named 'nope'"):
        open_backend("nope", BackendOptions())
    run = H.cli("--backend", "nope", "stats", store=tmp_path / "s")
    assert run.returncode == 1 and "no backend named 'nope'" in run.stderr and "Traceback" not in run.stderr


def test_a_backend_may_answer_a_question_natively(graph):
    from policygraph.queries.stats import stats

    class Native(NetworkXBackend):
        def native(self, question):
            if question == "stats":
                return lambda backend, flagged_limit=50: ("native", flagged_limit)
            return None

    backend = Native(graph)
    assert stats(backend, 7) == ("native", 7)
    assert stats.generic(backend, 7).to_dict() == stats(NetworkXBackend(graph), 7).to_dict()
    # a question the backend does not serve runs the plain function
    root = Service(backend).find("30-CT/TW")
    assert [r.doc.id for r in Service(backend).trace(root)][0] == root
