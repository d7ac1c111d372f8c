"""The sparql backend and the saved SPARQL queries answer like the embedded store and the
Python API, answer by answer, on the sample documents and on a generated corpus."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from support import generate as gen
from support import ingest as H

from policygraph.graph.store import Store
from policygraph.queries.backend import walk_subgraph
from policygraph.queries.backends.sparql import CACHE_DIR, SparqlBackend, sparql_store
from policygraph.queries.coverage import ACTED
from policygraph.queries.registry import BUILTIN, BackendOptions, available, open_backend
from policygraph.queries.service import Service
from policygraph.queries.sparql import rows, run, saved_query

ROOT = Path(__file__).resolve().parent.parent
ID = "https://w3id.org/policygraph/id/"


def load_generator():
    return gen


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sparql") / "store"
    run_ = H.cli("ingest", H.ROOT / "data" / "samples", store=folder)
    assert run_.returncode == 0, run_.stderr
    return folder


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    gen = load_generator()
    folder = tmp_path_factory.mktemp("sparql-gen") / "store"
    gen.write_store(gen.generate(500, seed=5, provinces=2), folder)
    return folder


def both(folder) -> tuple[Service, Service]:
    options = BackendOptions(store=str(folder))
    return Service(open_backend("sparql", options)), Service(open_backend("embedded", options))


def given(value):
    """Attributes without None and empty lists, all the way down (RDF has no triple for them),
    and without the file paths, which an export names relative to the ingested folder."""
    if isinstance(value, dict):
        return {k: given(v) for k, v in value.items()
                if v is not None and v != [] and k not in ("source", "rel_path", "duplicates")}
    if isinstance(value, list):
        return [given(v) for v in value]
    return value


def test_registered_by_name():
    assert BUILTIN["sparql"] == "policygraph.queries.backends.sparql:open_sparql"
    assert "sparql" in available()


@pytest.mark.parametrize("which", ["samples", "generated"])
def test_every_question_answers_like_the_embedded_store(which, request):
    folder = request.getfixturevalue(which)
    sparql, embedded = both(folder)
    docs = sorted(nid for nid, _ in embedded.backend.nodes("document"))
    if which == "generated":  # the roots and a sample of the rest
        docs = [d for d in docs if "|" in d][::7]
    assert len(docs) > 40
    for nid in docs:
        for down in (True, False):
            assert [r.to_dict() for r in sparql.trace(nid, down=down)] == \
                [r.to_dict() for r in embedded.trace(nid, down=down)], nid
        assert sparql.implementers(nid).to_dict() == embedded.implementers(nid).to_dict(), nid
        assert sparql.coverage(nid).to_dict() == embedded.coverage(nid).to_dict(), nid
        a, b = sparql.document(nid), embedded.document(nid)
        assert a.row == b.row
        assert given(a.attrs) == given(b.attrs)  # RDF has no triple for a None: absent reads the same
        for mine, theirs in ((a.outgoing, b.outgoing), (a.incoming, b.incoming)):
            assert edges(e for e, _ in mine) == edges(e for e, _ in theirs)
    assert sparql.stats().__dict__ == embedded.stats().__dict__
    for text in ("dân vận", "25-NQ/TW", "Tuyên Quang"):
        assert [h.__dict__ for h in sparql.search(text)] == [h.__dict__ for h in embedded.search(text)]


def test_reach_is_the_walk_in_one_query(samples):
    sparql, embedded = both(samples)
    root = embedded.find("25-NQ/TW", 2013)
    for direction, depth, attach in (("in", None, ("issued_by", "assigns")), ("in", 1, ()), ("out", None, ()),
                                     ("both", 2, ("issued_by",))):
        part = sparql.backend.reach([root], ("implements",), direction, depth, attach)
        ref = walk_subgraph(embedded.backend, [root], ("implements",), direction, depth,
                            attach)
        assert {n for n, _ in ref.nodes()} <= {n for n, _ in part.nodes()}
        for node, attrs in ref.nodes():
            assert given(part.node(node)) == given(attrs)
            assert edges(ref.out_edges(node)) == edges(part.out_edges(node))
            assert set(edges(ref.in_edges(node))) <= set(edges(part.in_edges(node)))


def edges(found) -> list[str]:
    return sorted(json.dumps([e.source, e.target, e.type, given(e.attrs)], sort_keys=True) for e in found)


def saved(service: Service, name: str, root: str) -> list[dict]:
    backend = service.backend
    assert isinstance(backend, SparqlBackend)
    return rows(run(backend, saved_query(name), root))


def short(iri: str | None) -> str | None:
    from policygraph.graph.rdf_terms import node_id

    return node_id(iri) if iri else None


@pytest.mark.parametrize("which", ["samples", "generated"])
def test_saved_queries_answer_like_the_python_api(which, request):
    sparql, embedded = both(request.getfixturevalue(which))
    roots = sorted(nid for nid, attrs in embedded.backend.nodes("document"))
    if which == "generated":  # every central and province document, a sample of the rest
        roots = [r for r in roots if (embedded.backend.node(r) or {}).get("level") in ("central", "province")][::3]
    compared = 0
    for root in roots:
        tree = embedded.trace(root)
        below = {r.doc.id for r in tree} - {root}
        lineage = saved(sparql, "lineage", root)
        assert {short(r["document"]) for r in lineage} == below, root
        for row in lineage:  # each hangs under documents of the tree
            parents = {short(p) for p in row["implements"].split()}
            assert parents <= below | {root}
        report = embedded.implementers(root)
        found = {(short(r["document"]), short(r["unit"])) for r in saved(sparql, "implementers", root)}
        assert found == {(r.doc.id, r.unit_id) for r in report.rows}, root
        named = {(r.assigned_by.id, r.unit_id): r for r in embedded.coverage(root).rows if not r.collective}
        answer = {(short(r["assignedBy"]), short(r["unit"])): r for r in saved(sparql, "coverage", root)}
        assert set(answer) == set(named), root
        for key, row in named.items():
            assert (answer[key]["acted"] == "true") == (row.status == ACTED), (root, key)
            assert row.role in (answer[key]["roles"] or "").split()
            assert {d.id for d in row.acted_by} <= {short(a) for a in (answer[key]["actedBy"] or "").split()}
        compared += bool(below)
    assert compared >= 5


def test_cli_trace_and_sparql(samples):
    embedded = H.cli("trace", "25-NQ/TW", "--year", "2013", store=samples)
    on_sparql = H.cli("--backend", "sparql", "trace", "25-NQ/TW", "--year", "2013", store=samples)
    assert on_sparql.returncode == 0, on_sparql.stderr
    assert on_sparql.stdout == embedded.stdout
    run_ = H.cli("sparql", "lineage", "--root", "25-NQ/TW", "--year", "2013", "--format", "csv", store=samples)
    assert run_.returncode == 0, run_.stderr
    table = list(csv.DictReader(io.StringIO(run_.stdout)))
    assert {r["symbol"] for r in table} >= {"30-CTr/TU", "43-KL/TW"}
    assert all(r["root"] == ID + "doc/25-NQ%2FTW%7C%7CXI" for r in table)
    count = H.cli("sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?d a <http://data.europa.eu/eli/ontology#LegalResource> }",
                  "--format", "json", store=samples)
    assert '"value":"60"' in count.stdout.replace(" ", "")
    shared = H.cli("sparql", "lineage", "--root", "28-CT/TU", store=samples)
    assert shared.returncode == 2  # two documents share the symbol: candidates, as `trace` does
    bad = H.cli("sparql", "SELECT ?x WHERE { ?x", store=samples)
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1 and "SPARQL" in bad.stderr


def test_the_store_is_cached_per_generation(samples, tmp_path):
    folder = tmp_path / "store"
    assert H.cli("ingest", H.ROOT / "data" / "samples" / "000_577edf508b5619ca.txt", store=folder).returncode == 0
    store = Store.open(folder)
    sparql_store(store)
    cached = list((folder / CACHE_DIR).iterdir())
    assert len(cached) == 1
    stamp = cached[0].stat().st_mtime_ns
    sparql_store(store)
    assert [(p, p.stat().st_mtime_ns) for p in (folder / CACHE_DIR).iterdir()] == [(cached[0], stamp)]
    store.close()
    assert H.cli("ingest", H.ROOT / "data" / "samples", store=folder).returncode == 0
    store = Store.open(folder)
    backend = SparqlBackend(sparql_store(store), source=store)
    after = list((folder / CACHE_DIR).iterdir())
    assert len(after) == 1 and after != cached  # a new generation, the old store removed
    assert len(list(backend.nodes("document"))) == 60
