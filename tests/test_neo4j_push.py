"""`policygraph neo4j push` against a real Neo4j server: the server ends up holding exactly
the store's graph, a second push changes nothing, a push after an ingest sends only what
changed, a killed push is completed by the next one, and hostile text stays text."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import generate as gen
from support import ingest as H
from support import neo4j_server as N

from policygraph.graph.nxbuild import _networkx
from policygraph.graph.store import Store
from policygraph.queries.backends.neo4j.model import connect
from policygraph.queries.backends.neo4j.push import push

ROOT = Path(__file__).resolve().parents[1]




LINE = re.compile(r"pushed (\d+) nodes and (\d+) edges .*: sent (\d+) nodes and (\d+) edges, removed (\d+) nodes "
                  r"and (\d+) edges; server: (.*)$")


@pytest.fixture(scope="module")
def server():
    found = N.options()
    N.wipe(found)
    yield found
    N.wipe(found)


def pushed(run) -> dict:
    assert run.returncode == 0, run.stderr
    match = LINE.search(run.stdout.strip().splitlines()[-1])
    assert match, run.stdout
    names = ("nodes", "edges", "nodes_sent", "edges_sent", "nodes_removed", "edges_removed")
    out = dict(zip(names, map(int, match.groups()[:6]), strict=True))
    out["server"] = match.group(7)
    return out


def server_graph(found):
    backend = N.backend(found)
    try:
        return backend.graph
    finally:
        backend.close()


def test_push_then_push_again_changes_nothing_then_an_ingest_sends_only_what_changed(server, tmp_path):
    store = tmp_path / "store"
    samples = H.sample_files()
    first, rest = tmp_path / "first", tmp_path / "rest"
    first.mkdir()
    rest.mkdir()
    for path in samples[:2]:
        shutil.copy(path, first / path.name)
    for path in samples[2:]:
        shutil.copy(path, rest / path.name)
    assert H.cli("ingest", first, store=store).returncode == 0

    one = pushed(H.cli("neo4j", "push", store=store, env=N.env(server)))
    local = Store.open(store).load_graph()
    assert (one["nodes"], one["edges"]) == (local.number_of_nodes(), local.number_of_edges())
    assert (one["nodes_sent"], one["edges_sent"]) == (one["nodes"], one["edges"])
    assert f"nodes created {one['nodes']}" in one["server"]
    assert N.contents(server_graph(server)) == N.contents(local)

    again = pushed(H.cli("neo4j", "push", store=store, env=N.env(server)))
    assert (again["nodes_sent"], again["edges_sent"], again["nodes_removed"], again["edges_removed"]) == (0, 0, 0, 0)
    assert again["server"] == "nothing changed"  # every counter of every result summary is zero

    assert H.cli("ingest", rest, store=store).returncode == 0
    local = Store.open(store).load_graph()
    more = pushed(H.cli("neo4j", "push", store=store, env=N.env(server)))
    assert N.contents(server_graph(server)) == N.contents(local)
    assert 0 < more["nodes_sent"] < more["nodes"] and 0 < more["edges_sent"] < more["edges"]

    removed = H.cli("remove", *(rest / p.name for p in samples[2:]), store=store)
    assert removed.returncode == 0, removed.stderr
    local = Store.open(store).load_graph()
    fewer = pushed(H.cli("neo4j", "push", store=store, env=N.env(server)))
    assert fewer["nodes_removed"] > 0 and fewer["edges_removed"] > 0
    assert N.contents(server_graph(server)) == N.contents(local)


def _generated_store(folder: Path, docs: int, seed: int) -> Path:
    gen.write_store(gen.generate(docs, seed=seed, provinces=2), folder)
    return folder


def test_a_killed_push_is_completed_by_the_next_one(server, tmp_path):
    N.wipe(server)
    store = _generated_store(tmp_path / "store", 1500, seed=7)
    local = Store.open(store).load_graph()
    total = local.number_of_nodes()
    cmd = [sys.executable, "-m", "policygraph", "--store", str(store), "neo4j", "push", "--batch", "25", "-q"]
    child = subprocess.Popen(cmd, env={**os.environ, **N.env(server)}, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, start_new_session=True)
    began = time.monotonic()
    try:
        while N.count(server) < 100:  # some batches are in, most are not
            assert child.poll() is None, "the push ended before it could be killed"
            assert time.monotonic() - began < 300
            time.sleep(0.05)
    finally:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
    held = N.count(server)
    assert 0 < held < total

    done = pushed(H.cli("neo4j", "push", store=store, env=N.env(server), timeout=600))
    assert done["nodes_sent"] == total - held
    assert N.contents(server_graph(server)) == N.contents(local)
    again = pushed(H.cli("neo4j", "push", store=store, env=N.env(server), timeout=600))
    assert again["server"] == "nothing changed"


HOSTILE = [
    "It's \"quoted\" \\ back\\slash \\\\ {braces} $param `tick` }) DETACH DELETE n //",
    "MATCH (n) DETACH DELETE n; RETURN 1 /* CALL dbms.security.createUser('x','y') */",
    "{id: 'doc:x'}, \\u0027 '; DROP CONSTRAINT policygraph_id; //",
    "Nghị quyết \"số 1\" {MERGE} \\n 'UNION ALL' $rows",
]


def test_hostile_titles_symbols_and_evidence_come_back_unchanged(server, tmp_path):
    N.wipe(server)
    graph = gen.identity_graph()
    ids = []
    for i, text in enumerate(HOSTILE):
        node_id = f"doc:{text}|{i}"
        ids.append(node_id)
        graph.add_node(node_id, kind="document", symbol=text, title=text, subject=text[::-1], level="central",
                       flags=[text, "ambiguous"], year=2000 + i, source=None, stub=True)
    graph.add_node("unit:" + HOSTILE[0], kind="unit", name=HOSTILE[1], label=HOSTILE[2], unit_type="other")
    for a, b in zip(ids, ids[1:], strict=False):
        graph.add_edge(a, b, key="implements", type="implements", stated_in=a, evidence=HOSTILE[3] + a,
                       span=[0, 5], asserted=False, flags=[])
    graph.add_edge(ids[0], "unit:" + HOSTILE[0], key="assigns@" + HOSTILE[1], type="assigns", stated_in=ids[0],
                   role="lead", task=HOSTILE[2], more_tasks=[{"task": HOSTILE[0], "role": "execute", "span": [1, 2]}])
    # the hostile strings go where no text could put them (ids, symbols, keys): pushed through the API
    local = _networkx(sorted(graph.nodes.items()), graph.edges)
    driver, database = connect(server)
    with driver:
        push(driver, database, local)
    assert N.contents(server_graph(server)) == N.contents(local)
    assert N.count(server) == len(ids) + 1  # nothing was deleted or created by the text
    backend = N.backend(server)
    try:
        for node_id, text in zip(ids, HOSTILE, strict=True):
            assert backend.node(node_id)["title"] == text
            assert backend.documents_by_symbol(text) == [node_id]
        assert [e.attrs["evidence"] for e in backend.in_edges(ids[1], ["implements"])] == [HOSTILE[3] + ids[0]]
        assert backend.units_by_name(HOSTILE[1]) == ["unit:" + HOSTILE[0]]
    finally:
        backend.close()
    trace = H.cli("--backend", "neo4j", "trace", ids[0], "--up", "--format", "json", env=N.env(server))
    assert trace.returncode == 0, trace.stderr
    assert [row["symbol"] for row in json.loads(trace.stdout)["rows"]] == HOSTILE


def test_push_reports_the_server_counters_it_was_given(server, tmp_path):
    """The counters come from the driver's result summaries, not from the rows sent."""
    N.wipe(server)
    store = _generated_store(tmp_path / "store", 200, seed=3)
    local = Store.open(store).load_graph()
    driver, database = connect(server)
    with driver:
        first = push(driver, database, local, batch=50)
        assert first.counters["nodes_created"] == local.number_of_nodes()
        assert first.counters["relationships_created"] == local.number_of_edges()
        driver.execute_query("MATCH (n:Document) WITH n ORDER BY n.id LIMIT 3 SET n.title = 'edited on the server'",
                             database_=database)
        driver.execute_query("MATCH (:Policygraph)-[r:ASSIGNS]->() WITH r LIMIT 2 DELETE r", database_=database)
        driver.execute_query("MATCH (n:Unit) WITH n ORDER BY n.id LIMIT 4 SET n.pg_hash = 'stale'", database_=database)
        fixed = push(driver, database, local, batch=50)
        assert (fixed.nodes_sent, fixed.edges_sent) == (4, 2)  # the stale hashes and the missing edges
        assert fixed.counters["relationships_created"] == 2 and fixed.counters["nodes_created"] == 0
        # an edit that leaves pg_hash as it was is not seen by a push, but a full push overwrites it
        assert N.count(server, "MATCH (n:Document {title: 'edited on the server'}) RETURN count(n) AS c") == 3
        full = push(driver, database, local, batch=500, full=True)
        assert (full.nodes_sent, full.edges_sent) == (local.number_of_nodes(), local.number_of_edges())
        assert full.counters["nodes_created"] == full.counters["relationships_created"] == 0
        assert N.count(server, "MATCH (n:Document {title: 'edited on the server'}) RETURN count(n) AS c") == 0
        assert sum(push(driver, database, local).counters.values()) == 0
    assert N.contents(server_graph(server)) == N.contents(local)
