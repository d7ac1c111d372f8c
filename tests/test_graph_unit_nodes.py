"""UnitNodes (graph/edges.py) writes a unit node only when a mention differs from the last one
written to it: the nodes must be exactly those of adding every mention in turn."""

import random

from policygraph.graph.edges import UnitNodes, _unit_label
from policygraph.graph.keys import unit_id
from policygraph.graph.model import Graph
from policygraph.ingest.models import Place, UnitMention


def _plain(mentions: list[UnitMention]) -> Graph:
    g = Graph()
    for u in mentions:
        g.add_node(
            unit_id(u.name, u.level, u.place),
            kind="unit",
            name=u.name,
            label=_unit_label(u.name, u.level, u.place, bool(u.collective)),
            unit_type=u.unit_type,
            collective=bool(u.collective),
            level=u.level,
            province=u.place.province,
            district=u.place.district,
            commune=u.place.commune,
        )
    return g


def _mentions(rng: random.Random, n: int) -> list[UnitMention]:
    # names that fold to one id ("Ủy ban nhân dân" / "Uỷ ban nhân dân"), places known and unknown,
    # unit types that differ between mentions of one unit: the cases where the order matters
    names = ["Ủy ban nhân dân huyện", "Uỷ ban nhân dân huyện", "Ban Tuyên giáo Huyện ủy", "Các xã, thị trấn"]
    places = [Place("Bắc Kạn", "Bạch Thông"), Place("Bắc Kạn", None), Place("Gia Lai", "Chư Sê"), Place()]
    return [
        UnitMention(
            name=rng.choice(names),
            written="x",
            unit_type=rng.choice(["peoples_committee", "party_board", None]),
            level=rng.choice(["district", "province", None]),
            place=rng.choice(places),
            collective=rng.choice([False, True]),
        )
        for _ in range(n)
    ]


def test_unit_nodes_equal_adding_every_mention():
    rng = random.Random(5)
    for _ in range(200):
        mentions = _mentions(rng, rng.randint(1, 30))
        g = Graph()
        add = UnitNodes(g)
        ids = [add(u) for u in mentions]
        plain = _plain(mentions)
        assert ids == [unit_id(u.name, u.level, u.place) for u in mentions]
        assert g.nodes == plain.nodes
        assert [list(a) for a in g.nodes.values()] == [list(a) for a in plain.nodes.values()]  # key order too


def test_a_mention_differing_from_the_last_one_rewrites_the_node():
    g = Graph()
    add = UnitNodes(g)
    a = UnitMention("Ủy ban nhân dân huyện", "x", "peoples_committee", "district", Place("Bắc Kạn", "Bạch Thông"))
    b = UnitMention("Uỷ ban nhân dân huyện", "x", "peoples_committee", "district", Place("Bắc Kạn", "Bạch Thông"))
    uid = add(a)
    assert add(b) == uid and g.nodes[uid]["name"] == "Uỷ ban nhân dân huyện"
    assert add(a) == uid and g.nodes[uid]["name"] == "Ủy ban nhân dân huyện"


def test_equal_quoted_texts_of_edges_are_one_string_object():
    """share_strings: pickle writes a string object once, so the snapshot holds each quote once."""
    from pathlib import Path

    from policygraph.graph.identity import resolve
    from policygraph.ingest.pipeline import parse_file

    samples = Path(__file__).resolve().parents[1] / "data" / "samples"
    g = resolve([parse_file(p) for p in sorted(samples.glob("*.txt"))])
    first: dict[str, str] = {}
    repeated = 0
    for _, _, _, attrs in g.edges:
        for key in ("evidence",):
            value = attrs.get(key)
            if value:
                repeated += value in first
                assert first.setdefault(value, value) is value, (key, value[:60])
    assert repeated > 20  # the samples repeat quotes: several citations in one sentence
