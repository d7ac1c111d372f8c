"""Small helpers of the resolver (graph/identity.py) that its speed-ups rewrote: what they answer."""

import random
from collections import Counter

from policygraph.graph.identity import _most_common, _words


def _most_common_by_counter(values: list) -> object | None:
    """The Counter form the resolver used before: the reference."""
    values = [v for v in values if v]
    if not values:
        return None
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], str(v)))


def test_most_common_picks_the_most_frequent_then_the_least_as_text():
    assert _most_common([]) is None
    assert _most_common([None, "", 0]) is None  # empty values are not candidates
    assert _most_common([None, "Bộ Chính trị"]) == "Bộ Chính trị"
    assert _most_common(["Ban Bí thư", "Bộ Chính trị", "Bộ Chính trị"]) == "Bộ Chính trị"
    assert _most_common(["Bộ Chính trị", "Ban Bí thư"]) == "Ban Bí thư"  # a tie: the least as text
    assert _most_common([2016, 2015, 2016, 2015]) == 2015
    rng = random.Random(9)
    for _ in range(500):
        values = [rng.choice([None, "", "a", "b", "c", 10, 9]) for _ in range(rng.randint(0, 8))]
        values = [v for v in values if not isinstance(v, int)] if rng.random() < 0.5 else values
        assert _most_common(values) == _most_common_by_counter(values), values


def test_subject_words_are_folded_and_longer_than_two_letters():
    assert _words("về tăng cường công tác dân vận") == {"cuong", "cong", "tac", "dan", "van", "tang"}
    assert _words(None) == frozenset() and _words("") == frozenset()
    assert _words("Về TĂNG cường") is _words("Về TĂNG cường")  # cached: one answer per subject


def test_edges_are_sorted_by_source_target_key_and_span_ties_kept_in_order():
    from policygraph.graph.identity import _sorted_edges

    rng = random.Random(4)
    for _ in range(300):
        edges = [
            (
                rng.choice(["doc:b", "doc:a", "unit:x", "doc:a|2016"]),
                rng.choice(["doc:a", "place:gia-lai", "unit:y"]),
                rng.choice(["references", "implements", "reports_to@doc:b"]),
                {"n": i} | ({"span": [rng.randint(0, 3), 9]} if rng.random() < 0.7 else {}),
            )
            for i in range(rng.randint(0, 25))
        ]
        expected = sorted(edges, key=lambda e: (e[0], e[1], e[2], e[3].get("span") or [0, 0]))
        assert _sorted_edges(edges) == expected  # "n" tells equal edges apart: the order of ties counts



def test_node_tallies_count_what_stats_counts():
    """graph/writer.py keeps, per node, the counts queries/stats.py makes over every node."""
    from policygraph.graph.writer import node_tallies

    assert node_tallies("unit:x", {"kind": "unit", "level": "province"}) == [("kind", "unit")]
    assert node_tallies("odd", {}) == [("kind", "?")]
    assert node_tallies("doc:a", {"kind": "document", "level": "central", "year": 2013, "source": "/a.txt",
                                  "flags": ["date_conflict"]}) == [
        ("kind", "document"), ("level", "central"), ("province", "(central)"), ("year", "2013"),
        ("flag", "date_conflict")]
    assert node_tallies("doc:b", {"kind": "document", "stub": True, "province": "Gia Lai", "level": "province"}) == [
        ("kind", "document"), ("level", "province"), ("province", "Gia Lai"), ("year", "unknown"), ("stubs", "")]
