"""What changed a document and whether it is in force, on a made history ingested for real:
a decree (10/2010/NĐ-CP, in effect 1 March 2010) amended in 2012 and 2015 and replaced by a
decree in effect on 1 July 2018; a provincial decision nothing later speaks of."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from support import ingest as H

from policygraph.graph.store import Store
from policygraph.queries.backend import NetworkXBackend
from policygraph.queries.history import history, status
from policygraph.queries.service import Service

FIXTURES = Path(__file__).parent / "fixtures" / "history"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    where = tmp_path_factory.mktemp("history") / "store"
    run = H.cli("ingest", FIXTURES, store=where)
    assert run.returncode == 0, run.stderr
    return where


@pytest.fixture(scope="module")
def service(store):
    return Service(NetworkXBackend(Store.open(store).load_graph()))


@pytest.mark.parametrize(("day", "state", "by"), [
    ("2009-06-01", "not yet in force", []),
    ("2010-02-28", "not yet in force", []),  # signed in January, in effect from 1 March
    ("2010-03-01", "in force", []),
    ("2011-01-01", "in force", []),  # a later decree amends it: it still counted then
    ("2012-06-30", "in force", []),  # the first amendment takes effect on 1 July 2012
    ("2012-07-01", "amended", ["20/2012/NĐ-CP"]),
    ("2016-01-01", "amended", ["20/2012/NĐ-CP", "30/2015/NĐ-CP"]),
    ("2018-06-30", "amended", ["20/2012/NĐ-CP", "30/2015/NĐ-CP"]),
    ("2018-07-01", "no longer in force", ["40/2018/NĐ-CP"]),
    ("2030-01-01", "no longer in force", ["40/2018/NĐ-CP"]),
])
def test_status_before_between_and_after_the_acts(service, day, state, by):
    root = service.find("10/2010/NĐ-CP")
    s = status(service.backend, root, date.fromisoformat(day))
    assert (s.state, [e.actor.symbol for e in s.because]) == (state, by)


def test_a_document_nothing_later_speaks_of_is_unknown_not_in_force(service):
    root = service.find("55/2016/QĐ-UBND")
    s = status(service.backend, root, date(2020, 1, 1))
    assert s.state == "unknown" and s.last_seen is None
    assert s.effective == "2016-09-20"  # "có hiệu lực kể từ ngày ký": the day it was signed


def test_a_ground_shows_the_amending_decree_still_counted(service):
    """20/2012 is cited as a ground by a 2016 decision: in force on 2016-01-01, unknown after."""
    root = service.find("20/2012/NĐ-CP")
    assert status(service.backend, root, date(2016, 1, 1)).state == "in force"
    later = status(service.backend, root, date(2017, 1, 1))
    assert (later.state, later.last_seen) == ("unknown", "2016-09-20")


def test_history_lists_each_act_once_oldest_first_with_its_words(service):
    h = history(service.backend, service.find("10/2010/NĐ-CP"))
    got = [(e.when, e.type, e.actor.symbol, e.scope, e.articles, e.asserted) for e in h.changed_by]
    assert got == [
        ("2012-07-01", "amends", "20/2012/NĐ-CP", "partial", "một số điều", False),
        ("2015-06-01", "amends", "30/2015/NĐ-CP", "partial", "Điều 1", False),
        ("2018-07-01", "replaces", "40/2018/NĐ-CP", "whole", None, False),
    ]
    assert "thay thế Nghị định số 10/2010/NĐ-CP" in h.changed_by[-1].evidence
    assert h.effective == "2010-03-01" and h.changes == []


def test_an_act_reported_between_two_other_documents_is_an_edge_between_them(store):
    """30/2015 says 10/2010 'đã được sửa đổi, bổ sung bởi' 20/2012: an asserted edge 20/2012 -> 10/2010."""
    graph = Store.open(store).load_graph()
    edges = [(s, t, a) for s, t, a in graph.edges(data=True) if a.get("type") == "amends" and a.get("asserted")]
    assert [(graph.nodes[s]["symbol"], graph.nodes[t]["symbol"], graph.nodes[a["stated_in"]]["symbol"])
            for s, t, a in edges] == [("20/2012/NĐ-CP", "10/2010/NĐ-CP", "30/2015/NĐ-CP")]


def test_history_and_status_commands(store):
    run = H.cli("status", "10/2010/NĐ-CP", "--as-of", "2016-01-01", "--format", "json", store=store)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["state"] == "amended" and [e["actor"]["symbol"] for e in data["because"]] == \
        ["20/2012/NĐ-CP", "30/2015/NĐ-CP"]
    run = H.cli("history", "10/2010/NĐ-CP", "--format", "csv", store=store)
    assert run.returncode == 0, run.stderr
    assert [line.split(",")[2] for line in run.stdout.splitlines()[1:]] == ["amends", "amends", "replaces"]
    run = H.cli("status", "10/2010/NĐ-CP", "--as-of", "2016-13-01", store=store)
    assert run.returncode == 2 and "expected YYYY-MM-DD" in run.stderr


def test_trace_follows_the_relations_asked(store):
    run = H.cli("trace", "10/2010/NĐ-CP", "--relations", "amends,replaces", "--format", "json", store=store)
    assert run.returncode == 0, run.stderr
    assert sorted(r["symbol"] for r in json.loads(run.stdout)["rows"][1:]) == \
        ["20/2012/NĐ-CP", "30/2015/NĐ-CP", "40/2018/NĐ-CP"]
    run = H.cli("trace", "10/2010/NĐ-CP", "--format", "json", store=store)  # implements only: nothing below
    assert [r["symbol"] for r in json.loads(run.stdout)["rows"]] == ["10/2010/NĐ-CP"]
    run = H.cli("trace", "10/2010/NĐ-CP", "--relations", "amends,nonsense", store=store)
    assert run.returncode == 2 and "nonsense" in run.stderr
