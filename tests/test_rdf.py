"""The RDF export: ELI / ORG / PROV-O / SKOS triples of the sample documents, stable and safe
IRIs, a Turtle round trip, the SHACL shapes, the JSON-LD context, and reading it all back."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from support import generate as gen
from support import ingest as H

from policygraph.graph.rdf import store_graph, to_rdflib, triples
from policygraph.graph.rdf_read import read_graph
from policygraph.graph.rdf_terms import edge_iri, node_id, node_iri
from policygraph.graph.rdf_write import read_jsonld, violations
from policygraph.graph.store import Store

ELI = Namespace("http://data.europa.eu/eli/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
DCT = Namespace("http://purl.org/dc/terms/")
PG = Namespace("https://w3id.org/policygraph/ns#")
SCHEMA = Namespace("https://schema.org/")
ID = "https://w3id.org/policygraph/id/"
ROOT = Path(__file__).resolve().parent.parent


def load_generator():
    return gen


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rdf") / "store"
    run = H.cli("ingest", H.ROOT / "data" / "samples", store=folder)
    assert run.returncode == 0, run.stderr
    return folder


@pytest.fixture(scope="module")
def graph(store_dir):
    return store_graph(Store.open(store_dir))


@pytest.fixture(scope="module")
def rdf(graph):
    return to_rdflib(graph)


def doc(iri_tail: str) -> URIRef:
    return URIRef(ID + iri_tail)


PLAN_45_ID = "doc:45-KH/HU|binh-phuoc/hon-quan|2016"
PLAN_30 = doc("doc/30-CTr%2FTU%7Ctuyen-quang%7C2013")
NQ_25 = doc("doc/25-NQ%2FTW%7C%7CXI")
KH_45 = doc("doc/45-KH%2FHU%7Cbinh-phuoc%2Fhon-quan%7C2016")


def test_documents_are_eli_legal_resources(rdf):
    assert (PLAN_30, RDF.type, ELI.LegalResource) in rdf
    assert (PLAN_30, ELI.id_local, Literal("30-CTr/TU")) in rdf
    assert (PLAN_30, ELI.date_document, Literal("2013-09-10", datatype=rdflib.XSD.date)) in rdf
    ctr = URIRef("https://w3id.org/policygraph/doc-type/party/CTr")
    assert (PLAN_30, ELI.type_document, ctr) in rdf
    assert (ctr, SKOS.prefLabel, Literal("Chương trình", lang="vi")) in rdf
    assert (ctr, SKOS.prefLabel, Literal("Programme", lang="en")) in rdf
    assert (ctr, SKOS.inScheme, URIRef("https://w3id.org/policygraph/doc-type")) in rdf
    # party TT (Thông tri) and state TT (Thông tư) are two concepts
    party_tt = URIRef("https://w3id.org/policygraph/doc-type/party/TT")
    state_tt = URIRef("https://w3id.org/policygraph/doc-type/state/TT")
    assert rdf.value(party_tt, SKOS.prefLabel, any=True) != rdf.value(state_tt, SKOS.prefLabel, any=True)
    assert (PLAN_30, ELI.jurisdiction, doc("place/tuyen-quang")) in rdf
    assert (NQ_25, ELI.jurisdiction, URIRef("http://publications.europa.eu/resource/authority/country/VNM")) in rdf
    assert (doc("place/tuyen-quang"), PG.adminUnitCode, Literal("08")) in rdf  # GSO code of Tuyên Quang


def test_relations_use_eli_properties_not_the_deprecated_ones(rdf):
    # "30-CTr/TU … thực hiện Nghị quyết số 25-NQ/TW", stated in the province's plan
    assert (PLAN_30, ELI.ensures_implementation_of, NQ_25) in rdf
    assert not list(rdf.triples((None, ELI.implements, None)))
    assert list(rdf.triples((None, ELI.based_on, None)))
    assert list(rdf.triples((None, ELI.cites, None)))
    issuer = doc("unit/ban-thuong-vu-huyen-uy%7Cbinh-phuoc%2Fhon-quan")
    assert (KH_45, ELI.passed_by, issuer) in rdf
    assert (issuer, RDF.type, ORG.Organization) in rdf
    assert (issuer, DCT.spatial, doc("place/binh-phuoc%2Fhon-quan")) in rdf


def test_every_edge_carries_its_evidence(rdf):
    stated = [s for s in rdf.subjects(RDF.subject, PLAN_30) if rdf.value(s, RDF.object) == NQ_25]
    assert len(stated) == 1
    statement = stated[0]
    assert rdf.value(statement, RDF.predicate) == ELI.ensures_implementation_of
    plan_kh = doc("doc/~province%2Ftuyen-quang%7CKH%7C2013%7C77ab398d43")
    assert rdf.value(statement, PROV.wasQuotedFrom) == plan_kh  # the text that states it
    assert rdf.value(statement, PG.asserted) == Literal(True)
    assert "30-CTR/TU" in str(rdf.value(statement, PROV.value))
    start, end = rdf.value(statement, PG.spanStart).toPython(), rdf.value(statement, PG.spanEnd).toPython()
    assert 0 <= start < end


def test_an_assignment_is_a_plan_carried_out_by_the_unit_in_its_role(rdf):
    lead = doc("unit/ban-dan-van-huyen-uy%7Cbinh-phuoc%2Fhon-quan")
    support = doc("unit/ban-tuyen-giao-huyen-uy%7Cbinh-phuoc%2Fhon-quan")
    roles = {}
    for association in rdf.subjects(RDF.type, PROV.Association):
        plan = rdf.value(association, PROV.hadPlan)
        if rdf.value(plan, RDF.subject) == KH_45 and rdf.value(plan, PG.key) is None:
            roles[rdf.value(association, PROV.agent)] = rdf.value(association, PROV.hadRole)
            assert (plan, RDF.type, PROV.Plan) in rdf
            assert rdf.value(plan, DCT.isPartOf) == KH_45
            activity = rdf.value(None, PROV.qualifiedAssociation, association)
            assert (activity, RDF.type, PROV.Activity) in rdf
            if rdf.value(association, PROV.agent) == support:
                assert rdf.value(plan, PG.deadline) == Literal("2016-12-31", datatype=rdflib.XSD.date)
                assert str(rdf.value(plan, PG.deadlineText)) == "trong quý IV/2016"
    assert roles[lead] == PG.lead and roles[support] == PG.support  # chủ trì, phối hợp


def test_sub_organizations_come_from_whole_names_in_one_place(rdf):
    office = doc("unit/van-phong-uy-ban-nhan-dan-tinh%7Ctuyen-quang")
    committee = doc("unit/uy-ban-nhan-dan-tinh%7Ctuyen-quang")
    assert (office, ORG.subOrganizationOf, committee) in rdf
    standing = doc("unit/thuong-truc-hoi-dong-nhan-dan-huyen%7Cbinh-phuoc%2Fhon-quan")
    assert (standing, ORG.subOrganizationOf, doc("unit/hoi-dong-nhan-dan-huyen%7Cbinh-phuoc%2Fhon-quan")) in rdf
    # another place's committee is not its parent; a collective belongs to none
    assert (office, ORG.subOrganizationOf, doc("unit/uy-ban-nhan-dan-tinh%7Cgia-lai")) not in rdf
    collective = doc("unit/uy-ban-nhan-dan-cac-huyen,-thanh-pho%7Ctuyen-quang")
    assert not list(rdf.objects(collective, ORG.subOrganizationOf))


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_node_iris_are_safe_and_read_back(text):
    for nid in (f"doc:{text}", f"unit:{text}|binh-phuoc", text):
        iri = node_iri(nid)
        assert iri[len(ID):].count("/") == 1  # the kind, then the id as one percent-encoded segment
        assert all(ch.isascii() and ch.isprintable() and ch not in '<>"{}|\\^` ' for ch in iri)
        assert node_id(iri) == nid


def test_iris_are_stable_across_runs():
    assert node_iri("doc:25-NQ/TW||XI") == ID + "doc/25-NQ%2FTW%7C%7CXI"
    assert node_iri("doc:25-NQ/TW||XI", "https://example.org/vn/") == "https://example.org/vn/doc/25-NQ%2FTW%7C%7CXI"
    assert edge_iri("doc:a", "implements", "doc:b") == edge_iri("doc:a", "implements", "doc:b")
    assert edge_iri("doc:a", "implements", "doc:b") != edge_iri("doc:a", "implements@x", "doc:b")


def test_turtle_round_trip_and_shapes(store_dir, graph, rdf, tmp_path):
    out = tmp_path / "graph.ttl"
    run = H.cli("export", "--format", "ttl", "--validate", out, store=store_dir)
    assert run.returncode == 0, run.stderr
    assert "conforms to the SHACL shapes" in run.stdout
    back = rdflib.Graph().parse(out, format="turtle")
    assert isomorphic(back, rdf)
    nt = tmp_path / "graph.nt"
    assert H.cli("export", "--format", "nt", nt, store=store_dir).returncode == 0
    assert isomorphic(rdflib.Graph().parse(nt, format="nt"), rdf)


def test_shapes_catch_broken_data(rdf):
    broken = rdflib.Graph()
    for t in rdf:
        broken.add(t)
    broken.set((PLAN_30, PG.level, Literal("planet")))
    broken.add((PLAN_30, ELI.date_document, Literal("10/9/2013")))
    broken.add((PLAN_30, ELI.passed_by, doc("place/tuyen-quang")))  # a place passes no document
    found = violations(broken)
    assert len(found) == 4  # two dates, one of them no xsd:date; a level; an issuer that is no organization
    assert all(line.startswith(str(PLAN_30)) and "\n" not in line for line in found)
    assert sum("eli:date_document" in line for line in found) == 2
    assert any("eli:passed_by" in line for line in found) and any("pg:level" in line for line in found)


def test_jsonld_has_the_published_context_and_schema_org(store_dir, graph, tmp_path):
    out = tmp_path / "graph.jsonld"
    assert H.cli("export", "--format", "jsonld", out, store=store_dir).returncode == 0
    data = json.loads(out.read_text("utf-8"))
    assert data["@context"] == "https://w3id.org/policygraph/context.jsonld"
    context = json.loads((ROOT / "data" / "vocab" / "context.jsonld").read_text("utf-8"))["@context"]
    assert context["implements"]["@id"] == "eli:ensures_implementation_of"
    back = read_jsonld(out.read_text("utf-8"))
    assert isomorphic(back, to_rdflib(graph, schema=True))
    assert (PLAN_30, SCHEMA.legislationEnsuresImplementationOf, NQ_25) in back
    assert (PLAN_30, RDF.type, SCHEMA.Legislation) in back


def test_base_option(store_dir, tmp_path):
    out = tmp_path / "graph.nt"
    assert H.cli("export", "--format", "nt", "--base", "https://example.org/vn#", out, store=store_dir).returncode == 0
    assert "<https://example.org/vn#doc/30-CTr%2FTU%7Ctuyen-quang%7C2013>" in out.read_text("utf-8")
    bad = H.cli("export", "--format", "ttl", "--base", "https://example.org/a b/", out, store=store_dir)
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1 and "base IRI" in bad.stderr


def test_vocabulary_defines_every_pg_term_in_english_and_vietnamese(rdf):
    vocab = rdflib.Graph().parse(ROOT / "data" / "vocab" / "policygraph.ttl", format="turtle")
    used = {term for t in rdf for term in t if isinstance(term, URIRef) and term.startswith(str(PG))}
    assert len(used) > 30
    for term in used:
        langs = {label.language for label in vocab.objects(term, rdflib.RDFS.label)}
        comments = {c.language for c in vocab.objects(term, rdflib.RDFS.comment)}
        assert langs >= {"en", "vi"} and comments >= {"en", "vi"}, term


def test_every_document_type_has_an_english_label():
    types = json.loads((ROOT / "data" / "tables" / "doc_types.json").read_text("utf-8"))
    english = json.loads((ROOT / "data" / "vocab" / "doc_type_labels.json").read_text("utf-8"))
    for grammar in ("party", "state"):
        assert {e["code"] for e in types[grammar]} == set(english[grammar])
    assert {e["name"] for e in types["untyped"]} == set(english["untyped"])


def normalized(graph) -> tuple[dict, dict]:
    def clean(v):
        if isinstance(v, dict):
            return {k: clean(x) for k, x in v.items() if x is not None and x != [] and x != ""}
        if isinstance(v, list):
            return sorted(clean(x) for x in v) if all(isinstance(x, str) for x in v) else [clean(x) for x in v]
        return v

    # the export names a file by its path relative to the ingested folder (graph/export.py's rule):
    # the absolute path stays in the store
    nodes = {n: clean({k: v for k, v in a.items() if k not in ("source", "rel_path", "duplicates")})
             for n, a in graph.nodes(data=True)}
    edges = {(u, v, k): clean(a) for u, v, k, a in graph.edges(keys=True, data=True)}
    return nodes, edges


def test_reading_back_gives_the_same_graph(graph):
    back = read_graph(triples(graph))
    assert normalized(back) == normalized(graph)
    sources = {n: a["source"] for n, a in back.nodes(data=True) if a.get("source")}
    assert sources and all("/" not in s for s in sources.values())  # samples: ingested as one folder
    assert sources[PLAN_45_ID] == "000_577edf508b5619ca.txt"
    gen = load_generator()
    generated = gen.to_graph(gen.generate(400, seed=3, provinces=2))
    back = read_graph(triples(generated, "https://example.org/x/"), "https://example.org/x/")
    assert normalized(back) == normalized(generated)
    # in-edges in the store's order: what a walk down a lineage meets first
    for node in list(generated)[:300]:
        assert [(u, k) for u, _, k in back.in_edges(node, keys=True)] == \
            [(u, k) for u, _, k in generated.in_edges(node, keys=True)]


def test_later_relations_map_to_eli_and_unknown_attributes_are_kept():
    g = nx.MultiDiGraph()
    g.add_node("doc:1/2020/NĐ-CP||2020", kind="document", symbol="1/2020/NĐ-CP", grammar="state", doc_type="NĐ",
               doc_type_name="Nghị định", level="central", stub=True)
    g.add_node("doc:2/2021/NĐ-CP||2021", kind="document", symbol="2/2021/NĐ-CP", grammar="state", doc_type="NĐ",
               doc_type_name="Nghị định", level="central", stub=False, effective="2021-03-01")
    for edge_type, prop in (("amends", ELI.amends), ("repeals", ELI.repeals), ("consolidates", ELI.consolidates),
                            ("guides", PG.guides)):
        g.add_edge("doc:2/2021/NĐ-CP||2021", "doc:1/2020/NĐ-CP||2020", key=edge_type, type=edge_type,
                   stated_in="doc:2/2021/NĐ-CP||2021", scope="partial", evidence="sửa đổi, bổ sung Điều 5")
        assert (doc("doc/2%2F2021%2FN%C4%90-CP%7C%7C2021"), prop, doc("doc/1%2F2020%2FN%C4%90-CP%7C%7C2020")) \
            in to_rdflib(g)
    assert normalized(read_graph(triples(g))) == normalized(g)
    assert not violations(to_rdflib(g))
