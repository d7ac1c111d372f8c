"""The store builds its MultiDiGraph's adjacency dicts directly (graph/store.py _networkx): the
result must be the graph networkx's add_nodes_from / add_edges_from make, down to the order of
every dict and which dicts are shared, since the snapshot pickles it as it is."""

import copy
import pickle
from pathlib import Path

import networkx as nx

from policygraph.graph.identity import resolve
from policygraph.graph.store import _networkx
from policygraph.ingest.pipeline import parse_file

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


def _by_networkx(nodes, edges) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_nodes_from(nodes)
    g.add_edges_from(edges)
    return g


def _walk(root) -> list:
    """Everything pickle records of `root` but the sharing of strings: values and the order of
    every dict, and which dicts and lists are one object (numbered as first met)."""
    out: list = []
    seen: dict[int, int] = {}
    stack = [root]
    while stack:
        o = stack.pop()
        if isinstance(o, (str, int, float, bool, type(None))):
            out.append(o)
        elif isinstance(o, (dict, list)) and id(o) in seen:
            out.append(("same as", seen[id(o)]))
        elif isinstance(o, (dict, list, tuple)):
            if not isinstance(o, tuple):
                seen[id(o)] = len(seen)
            out.append((type(o).__name__, len(o)))
            stack.extend(reversed([x for kv in o.items() for x in kv] if isinstance(o, dict) else list(o)))
        else:
            out.append(type(o).__name__)  # a graph, or the adjacency view networkx caches (slots)
            slots = [n for c in type(o).__mro__ for n in getattr(c, "__slots__", ())]
            stack.append(vars(o) if hasattr(o, "__dict__") else [getattr(o, n) for n in slots])
    return out


def _assert_same(nodes, edges) -> None:
    """_networkx on the given lists equals networkx's own build on a deep copy of them."""
    expected = _by_networkx(*copy.deepcopy((nodes, edges)))
    built = _networkx(nodes, edges)
    assert type(built) is nx.MultiDiGraph
    assert _walk(built) == _walk(expected)
    assert pickle.loads(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL)).__dict__.keys() == vars(expected).keys()
    assert list(built.nodes(data=True)) == list(expected.nodes(data=True))
    assert list(built.edges(keys=True, data=True)) == list(expected.edges(keys=True, data=True))
    assert list(built.in_edges(keys=True, data=True)) == list(expected.in_edges(keys=True, data=True))
    ids = {n: n for n in built}
    for u, v in built.edges():
        assert built._succ[u][v] is built._pred[v][u]  # one key dict seen from both ends
    for u, nbrs in built._succ.items():  # an edge's ends are its nodes' own id objects
        assert all(ids[v] is v for v in nbrs) and ids[u] is u
    for nbrs in built._pred.values():
        assert all(ids[u] is u for u in nbrs)


def test_the_samples_graph_is_the_one_networkx_builds():
    g = resolve([parse_file(p) for p in sorted(SAMPLES.glob("*.txt"))])
    assert len(g.edges) > 100
    _assert_same(sorted(g.nodes.items()), g.edges)


def test_edge_cases_are_built_as_networkx_builds_them():
    nodes = [("doc:b", {"kind": "document", "flags": ["x"]}), ("doc:a", {"kind": "document"})]
    edges = [
        ("doc:b", "doc:a", "implements", {"type": "implements", "span": [3, 9]}),
        ("doc:b", "unit:new", "assigns", {"type": "assigns", "role": "lead"}),  # a node only an edge names
        ("unit:other", "unit:new", "reports_to@doc:b", {"type": "reports_to"}),  # both ends new
        ("doc:a", "doc:a", "references", {"type": "references"}),  # a loop
        ("doc:b", "doc:a", "references", {"type": "references"}),  # a second key between the same two
        ("doc:b", "unit:new", "assigns", {"role": "execute", "task": "t"}),  # the same key again: merged
    ]
    _assert_same(nodes, edges)
    _assert_same([("doc:a", {"x": 1}), ("doc:a", {"y": 2, "x": 3})], [])  # a node given twice


def test_a_repeated_edge_leaves_the_given_attributes_as_they_were():
    first, second = {"type": "assigns", "role": "lead"}, {"role": "execute"}
    g = _networkx([], [("a", "b", "k", first), ("a", "b", "k", second)])
    assert g["a"]["b"]["k"] == {"type": "assigns", "role": "execute"}
    assert first == {"type": "assigns", "role": "lead"}  # the resolver's graph still counts it right


def test_the_resolver_gives_every_node_and_edge_its_own_attribute_dict():
    """_networkx takes the attribute dicts without copying them: shared ones would tie two edges together."""
    g = resolve([parse_file(p) for p in sorted(SAMPLES.glob("*.txt"))])
    assert len({id(a) for a in g.nodes.values()}) == len(g.nodes)
    assert len({id(e[3]) for e in g.edges}) == len(g.edges)


def _place_edges_node_by_node(g) -> None:
    """The place edges worked out anew for every node (what place_edges did before it kept each place's id)."""
    from policygraph.graph.keys import place_id

    for node_id, n in sorted(g.nodes.items()):
        if n.get("kind") not in ("document", "unit"):
            continue
        province, district, commune = n.get("province"), n.get("district"), n.get("commune")
        pid = place_id(province, district, commune)
        if pid is None:
            continue
        chain = [(place_id(province), "province", province)]
        if district:
            chain.append((place_id(province, district), "district", district))
        if commune:
            chain.append((pid, "commune", commune))
        for i, (cid, level, name) in enumerate(chain):
            if cid not in g.nodes:
                district_attr = district if level != "province" else None
                g.add_node(cid, kind="place", name=name, level=level, province=province, district=district_attr)
                if i:
                    g.edges.append((cid, chain[i - 1][0], "part_of", {"type": "part_of"}))
        g.edges.append((node_id, pid, "located_in", {"type": "located_in"}))


def test_place_edges_make_each_place_once_and_link_every_placed_node():
    import random

    from policygraph.graph.edges import place_edges
    from policygraph.graph.model import Graph

    rng = random.Random(3)
    places = [
        ("Bắc Kạn", "Bạch Thông", "Quang Thuận"),
        ("Bắc Kạn", "Bạch Thông", None),
        ("Bắc Kạn", None, None),
        ("Gia Lai", None, "Ia Hrú"),  # a commune of the two-level map
        (None, "Chư Sê", None),  # no province: not placed
        (None, None, None),
    ]
    for _ in range(50):
        nodes = {}
        for i in range(rng.randint(1, 40)):
            province, district, commune = rng.choice(places)
            kind = rng.choice(["document", "unit", "place"])
            nodes[f"{kind}:{rng.randint(0, 99)}-{i}"] = dict(
                kind=kind, province=province, district=district, commune=commune
            )
        fast, slow = Graph(copy.deepcopy(nodes)), Graph(copy.deepcopy(nodes))
        place_edges(fast)
        _place_edges_node_by_node(slow)
        assert list(fast.nodes.items()) == list(slow.nodes.items())
        assert [list(a.items()) for a in fast.nodes.values()] == [list(a.items()) for a in slow.nodes.values()]
        assert fast.edges == slow.edges
