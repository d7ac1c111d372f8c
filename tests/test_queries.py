"""Every query against generated corpora whose answers are known from the generator."""

from __future__ import annotations

import json
import re
import statistics
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
import vietnam_provinces

from policygraph.queries.assigned import assigned
from policygraph.queries.backend import NetworkXBackend
from policygraph.queries.coverage import ACTED, NOT_YET, coverage
from policygraph.queries.documents import Ambiguous, NotFound, candidates, resolve
from policygraph.queries.implementers import implementers
from policygraph.queries.lineage import Filters, path, roots, trace, visible
from policygraph.queries.search import search
from policygraph.queries.stats import stats
from policygraph.text import fold, symbol_key

ROOT = Path(__file__).resolve().parent.parent


def _load_generator():
    from support import generate

    return generate


gen = _load_generator()


@pytest.fixture(scope="module", params=[(600, 7, 2), (900, 11, 3)], ids=["600docs", "900docs"])
def corpus(request):
    n, seed, provinces = request.param
    return gen.generate(n, seed=seed, provinces=provinces)


@pytest.fixture(scope="module")
def backend(corpus):
    return NetworkXBackend(gen.to_graph(corpus))


def children_of(corpus) -> dict[str, list]:
    out = defaultdict(list)
    for d in corpus.docs:
        if d.parent:
            out[d.parent].append(d)
    return out


def descendants(corpus, root_id: str) -> dict[str, int]:
    """Truth: id -> depth below root."""
    kids = children_of(corpus)
    depth = {root_id: 0}
    stack = [root_id]
    while stack:
        node = stack.pop()
        for child in kids.get(node, ()):
            depth[child.id] = depth[node] + 1
            stack.append(child.id)
    return depth


def centrals(corpus):
    return [d for d in corpus.docs if d.level == "central"]


# --- identity -------------------------------------------------------------------------------


def test_symbol_key_meets_written_variants():
    assert symbol_key("62 - KL/TW") == symbol_key("62-KL/TW") == symbol_key("62–kl/tw")
    assert symbol_key("01-ĐA/TU") == symbol_key("01-DA/TU")
    assert symbol_key("25-NQ/TW") != symbol_key("25-NQ/TU")
    assert fold("Dân vận khéo") == "dan van kheo"


def test_colliding_central_symbol_is_not_guessed(corpus, backend):
    first, second = centrals(corpus)[:2]
    assert first.symbol == second.symbol and first.id != second.id  # the generator's collision
    with pytest.raises(Ambiguous) as err:
        resolve(backend, first.symbol)
    assert {c.id for c in err.value.candidates} == {first.id, second.id}
    assert {c.year for c in err.value.candidates} == {first.year, second.year}
    assert resolve(backend, first.symbol, year=first.year) == first.id
    assert resolve(backend, second.symbol.replace("-", " - "), year=second.year) == second.id


def test_local_symbol_in_many_places_lists_each(corpus, backend):
    by_symbol = defaultdict(set)
    for d in corpus.docs:
        if d.symbol and d.level != "central":
            by_symbol[d.symbol].add(d.id)
    symbol, ids = max(by_symbol.items(), key=lambda kv: len(kv[1]))
    assert len(ids) > 1
    with pytest.raises(Ambiguous) as err:
        resolve(backend, symbol)
    assert {c.id for c in err.value.candidates} == ids
    province = next(d.province for d in corpus.docs if d.id in ids)
    in_province = {d.id for d in corpus.docs if d.id in ids and d.province == province}
    assert {c.id for c in candidates(backend, symbol, province=province)} == in_province


def test_unknown_symbol(backend):
    with pytest.raises(NotFound):
        resolve(backend, "999-NQ/TW")


# --- lineage -------------------------------------------------------------------------------


def test_trace_down_finds_every_implementer_at_its_depth(corpus, backend):
    for central in centrals(corpus):
        truth = descendants(corpus, central.id)
        rows = trace(backend, central.id)
        assert {r.doc.id: r.depth for r in rows} == truth
        by_id = corpus.by_id()
        for row in rows[1:]:
            assert row.parent == by_id[row.doc.id].parent
            assert row.evidence and row.evidence.startswith("Thực hiện")
        depths = [r.depth for r in rows]
        assert depths == sorted(depths)


def test_trace_filters(corpus, backend):
    central = max(centrals(corpus), key=lambda d: len(descendants(corpus, d.id)))
    truth = descendants(corpus, central.id)
    by_id = corpus.by_id()
    one = visible(trace(backend, central.id, filters=Filters(depth=1)))
    assert {r.doc.id for r in one} == {i for i, depth in truth.items() if depth <= 1}
    districts = visible(trace(backend, central.id, filters=Filters(level="district")))
    assert {r.doc.id for r in districts[1:]} == {i for i in truth if by_id[i].level == "district"}
    province = next(by_id[i].province for i in truth if by_id[i].province)
    rows = visible(trace(backend, central.id, filters=Filters(province=province)))
    assert {r.doc.id for r in rows[1:]} == {i for i in truth if by_id[i].province == province}
    dates = sorted(by_id[i].date for i in truth if i != central.id)
    middle = date.fromisoformat(dates[len(dates) // 2])
    rows = visible(trace(backend, central.id, filters=Filters(since=middle)))
    later = {i for i in truth if i != central.id and by_id[i].date >= middle.isoformat()}
    assert {r.doc.id for r in rows[1:]} == later
    # hidden ancestors are kept (not shown) so the tree still hangs together
    full = trace(backend, central.id, filters=Filters(level="commune"))
    ids = {r.doc.id for r in full}
    assert all(r.parent in ids for r in full[1:])


def test_trace_up_reaches_the_root(corpus, backend):
    by_id = corpus.by_id()
    leaf = next(d for d in corpus.docs if d.level == "commune")
    rows = trace(backend, leaf.id, down=False)
    chain, node = [], leaf
    while node.parent:
        node = by_id[node.parent]
        chain.append(node.id)
    assert [r.doc.id for r in rows[1:]] == chain
    assert [r.doc.id for r in roots(rows)] == [chain[-1]]


def test_path_between_documents(corpus, backend):
    by_id = corpus.by_id()
    leaf = next(d for d in corpus.docs if d.level == "commune")
    chain = [leaf.id]
    while by_id[chain[-1]].parent:
        chain.append(by_id[chain[-1]].parent)
    steps = path(backend, leaf.id, chain[-1])
    assert [s.source.id for s in steps] + [steps[-1].target.id] == chain
    assert all(s.forward and s.type == "implements" for s in steps)
    back = path(backend, chain[-1], leaf.id)
    assert [s.source.id for s in back] + [back[-1].target.id] == chain[::-1]
    assert not any(s.forward for s in back)


# --- implementers -----------------------------------------------------------------------------


def test_implementers_lag_and_summary(corpus, backend):
    by_id = corpus.by_id()
    for central in centrals(corpus):
        truth = descendants(corpus, central.id)
        report = implementers(backend, central.id)
        assert {r.doc.id for r in report.rows} == set(truth) - {central.id}
        for row in report.rows:
            d = by_id[row.doc.id]
            parent = by_id[d.parent]
            assert row.lag_days == (date.fromisoformat(d.date) - date.fromisoformat(parent.date)).days
            assert row.unit == d.issuer
            assert row.direct == (d.parent == central.id)
        expected_provinces = sorted({by_id[i].province for i in truth if by_id[i].level == "province"})
        assert report.provinces_with_programme == expected_provinces
        # a central document expects a programme in every province of the map of its day
        legacy_map = central.date < "2025-07-01"
        on_map = {_short(p["name"]) for p in (LEGACY_PROVINCES if legacy_map else CURRENT_PROVINCES)}
        assert report.provinces_expected == len(on_map)
        assert set(report.provinces_without) == on_map - set(expected_provinces)
        for summary in report.levels:
            lags = [row.lag_days for row in report.rows if row.doc.level == summary.level]
            truth_lags = [
                (date.fromisoformat(by_id[i].date) - date.fromisoformat(by_id[by_id[i].parent].date)).days
                for i in truth if i != central.id and by_id[i].level == summary.level
            ]
            assert sorted(lags) == sorted(truth_lags)
            assert summary.median_lag_days == statistics.median(truth_lags)


# --- coverage ---------------------------------------------------------------------------------


def _short(name: str) -> str:
    return name.removeprefix("Thành phố ").removeprefix("Tỉnh ")


LEGACY_PROVINCES = json.loads((ROOT / "data" / "gazetteer" / "legacy.json").read_text("utf-8"))["provinces"]
CURRENT_PROVINCES = json.loads(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH.read_text("utf-8"))
UNIT_PREFIX = re.compile(r"^(Thành phố|Tỉnh|Xã|Phường|Đặc khu)\s+")


def _expected_places(corpus, doc, level) -> tuple[str, set]:
    """(source, places) a collective of `doc` at `level` stands for: the gazetteer's units."""
    if doc.date >= "2025-07-01":  # two-level government: a province expects its communes and wards
        current = {UNIT_PREFIX.sub("", p["name"]): p for p in CURRENT_PROVINCES}
        if doc.level == "province" and doc.province in current:
            return "current gazetteer", {(doc.province, None, UNIT_PREFIX.sub("", w["name"]))
                                         for w in current[doc.province]["wards"]}
        if doc.level == "central":
            return "current gazetteer", {(name, None, None) for name in current}
    if doc.level == "central":
        return "legacy gazetteer", {(p["name"], None, None) for p in LEGACY_PROVINCES}
    # the generator writes whole provinces of the legacy gazetteer: its places are the truth here
    places = set()
    for lvl, prov, dist, comm in corpus.places:
        if lvl != level:
            continue
        if doc.level == "province" and prov != doc.province:
            continue
        if doc.level == "district" and (prov, dist) != (doc.province, doc.district):
            continue
        places.add((prov, dist, comm))
    return ("legacy gazetteer" if doc.date < "2025-07-01" or doc.level == "district" else "graph (place nodes)",
            places)


def test_coverage_of_collectives_matches_truth(corpus, backend):
    kids = children_of(corpus)
    checked = Counter()
    for central in centrals(corpus):
        report = coverage(backend, central.id, as_of=date(2030, 1, 1))
        rows = defaultdict(dict)
        for r in report.rows:
            if r.collective:
                rows[(r.assigned_by.id, r.unit_id)][(r.province, r.district, r.commune)] = r
        tree = descendants(corpus, central.id)
        by_id = corpus.by_id()
        for doc_id in tree:
            doc = by_id[doc_id]
            for a in doc.assigns:
                if not a.plans:
                    continue
                source, expected = _expected_places(corpus, doc, a.level)
                got = rows[(doc.id, a.unit)]
                assert set(got) == expected
                assert {r.expected_from for r in got.values()} == {source}
                acted_truth = {(c.province, c.district, c.commune if c.level == "commune" else None)
                               for c in kids.get(doc.id, ())
                               if c.level == a.level and c.issuer_type == a.unit_type}
                assert acted_truth <= set(got) or source == "current gazetteer"
                for place, row in got.items():
                    assert row.status == (ACTED if place in acted_truth else NOT_YET), (doc.id, place)
                    if row.status == ACTED:
                        first = min(c.date for c in kids[doc.id] if (c.province, c.district,
                                    c.commune if c.level == "commune" else None) == place
                                    and c.issuer_type == a.unit_type)
                        assert row.late == (first > a.deadline)
                    else:
                        assert row.late  # deadline passed by 2030
                    checked[source] += 1
    assert checked["legacy gazetteer"] > 20


def test_coverage_type_matters(corpus, backend):
    """A State district plan does not answer the Party's 'Các huyện ủy…' and vice versa."""
    by_id = corpus.by_id()
    state_docs = [d for d in corpus.docs if d.level == "district" and d.issuer_type == "peoples_committee"
                  and by_id[by_id[d.parent].parent].date < "2025-07-01"]  # districts still exist
    assert state_docs
    sd = state_docs[0]
    prog_id = by_id[sd.parent].parent  # state district plan < state province plan < programme
    report = coverage(backend, prog_id, depth=1)
    party = [r for r in report.rows if r.assigned_by.id == prog_id and r.collective and r.level == "district"
             and r.district == sd.district]
    assert party and all(sd.id not in [a.id for a in r.acted_by] for r in party)


# --- assignments, search, stats -----------------------------------------------------------------


def test_assigned_by_unit_and_province(corpus, backend):
    province = corpus.places[0][1]
    truth = [(d.id, a.role, a.deadline) for d in corpus.docs for a in d.assigns
             if a.name == "Ban Dân vận Huyện ủy" and a.province == province]
    rows = assigned(backend, "ban dan van huyen uy", province=province)
    assert sorted((r.source.id, r.role, r.deadline) for r in rows) == sorted(truth)
    assert all(r.unit == "Ban Dân vận Huyện ủy" and r.province == province for r in rows)
    everywhere = assigned(backend, "Ban Dân vận Huyện ủy")
    named = [a for d in corpus.docs for a in d.assigns if a.name == "Ban Dân vận Huyện ủy"]
    assert len(everywhere) == len(named)


def test_search_is_diacritics_insensitive_and_ranked(corpus, backend):
    hits = search(backend, "dan van kheo", limit=10_000)
    truth = {d.id for d in corpus.docs if "Dân vận khéo" in d.subject}
    phrase = {h.doc.id for h in hits if h.matched == "phrase"}
    assert phrase == truth
    assert all(h.score >= hits[-1].score for h in hits)
    assert [h.matched for h in hits[: len(truth)]] == ["phrase"] * len(truth)
    central = centrals(corpus)[2]
    top = search(backend, central.symbol, limit=3)
    assert top[0].doc.id in {d.id for d in corpus.docs if d.symbol == central.symbol}


def test_stats_counts(corpus, backend):
    result = stats(backend)
    assert result.kinds["document"] == len(corpus.docs)
    assert result.levels == dict(Counter(d.level for d in corpus.docs))
    assert result.years == {str(y): n for y, n in sorted(Counter(d.year for d in corpus.docs).items())}
    assert result.edges["implements"] == sum(1 for d in corpus.docs if d.parent)


def test_stats_lists_flagged_documents():
    g = nx.MultiDiGraph()
    g.add_node("doc:25-NQ/TW||?", kind="document", symbol="25-NQ/TW", flags=["ambiguous"],
               candidates=["doc:25-NQ/TW||IX", "doc:25-NQ/TW||XI"], stub=True)
    g.add_node("doc:25-NQ/TW||XI", kind="document", symbol="25-NQ/TW", year=2013, level="central", stub=True)
    g.add_node("doc:x", kind="document", symbol="1-KH/HU", flags=["date_conflict"], source="a.txt")
    result = stats(NetworkXBackend(g))
    assert {d.id for d in result.flagged} == {"doc:25-NQ/TW||?", "doc:x"}
    assert result.flags == {"ambiguous": 1, "date_conflict": 1}
    # the unresolved citation is not a candidate once the real document is known
    assert resolve(NetworkXBackend(g), "25-NQ/TW") == "doc:25-NQ/TW||XI"


def _one_plan(province: str, day: str, unit_level: str = "district") -> NetworkXBackend:
    """A provincial plan telling a collective one level down to act, and nothing else."""
    g = nx.MultiDiGraph()
    g.add_node("doc:1-KH/TU", kind="document", symbol="1-KH/TU", level="province", province=province, date=day,
               year=int(day[:4]))
    g.add_node("unit:x", kind="unit", name="Ủy ban nhân dân các huyện, thành phố", collective=True,
               level=unit_level, province=province, unit_type="peoples_committee")
    g.add_edge("doc:1-KH/TU", "unit:x", key="assigns", type="assigns", role="execute")
    g.add_node("place:x/y", kind="place", level="district", province=province, district="Huyện Có Trong Đồ Thị")
    return NetworkXBackend(g)


def test_coverage_before_the_reform_expects_the_legacy_districts():
    report = coverage(_one_plan("Tuyên Quang", "2016-05-01"), "doc:1-KH/TU")
    assert sorted(r.district for r in report.rows) == sorted(
        ["Tuyên Quang", "Lâm Bình", "Na Hang", "Chiêm Hóa", "Hàm Yên", "Yên Sơn", "Sơn Dương"])
    assert report.sources() == {"legacy gazetteer": 7}


def test_coverage_after_the_reform_expects_the_communes_and_wards():
    """From 1 July 2025 there are no districts: Tuyên Quang (merged with Hà Giang) has 124
    communes and wards, and a provincial plan expects every one of them."""
    report = coverage(_one_plan("Tuyên Quang", "2025-09-01"), "doc:1-KH/TU")
    wards = next(p["wards"] for p in CURRENT_PROVINCES if p["name"] == "Tuyên Quang")
    assert len(wards) == 124
    assert sorted(r.commune for r in report.rows) == sorted(UNIT_PREFIX.sub("", w["name"]) for w in wards)
    assert {(r.level, r.district, r.status) for r in report.rows} == {("commune", None, NOT_YET)}
    assert {"Hà Giang 1", "Minh Xuân"} <= {r.commune for r in report.rows}  # Phường Hà Giang 1 (Hà Giang merged in)
    assert report.sources() == {"current gazetteer": 124}


def test_coverage_falls_back_to_the_graph_when_the_gazetteer_does_not_know_the_place():
    report = coverage(_one_plan("Tỉnh Không Có", "2016-05-01"), "doc:1-KH/TU")
    assert [(r.district, r.expected_from) for r in report.rows] == [("Huyện Có Trong Đồ Thị",
                                                                     "graph (place nodes)")]
    # Bình Phước was merged into Đồng Nai: the current gazetteer does not know it either
    report = coverage(_one_plan("Bình Phước", "2025-09-01"), "doc:1-KH/TU")
    assert report.sources() == {"graph (place nodes)": 1}
