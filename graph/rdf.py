"""The graph as RDF, in the vocabularies legal-data people already use.

* documents are ELI legal resources (`eli:LegalResource`, `eli:id_local`, `eli:date_document`,
  `eli:type_document` from a SKOS scheme of the type codes, `eli:passed_by`, `eli:jurisdiction`);
  implements / based on / references are `eli:ensures_implementation_of` / `eli:based_on` /
  `eli:cites`, later State relations ELI's own properties (data/vocab/mapping.json);
* issuing bodies and units are W3C ORG organizations with their place and
  `org:subOrganizationOf`; places carry the gazetteer's administrative unit codes;
* every edge with an attribute is also a statement of its own (`rdf:subject` …) that says
  which document states it and quotes it (PROV-O `prov:wasQuotedFrom`, `prov:value`, the span);
* an assignment is a `prov:Plan` (the task) that is part of the document, carried out by the
  unit through `prov:qualifiedAssociation` with `prov:hadRole` lead / support and its deadline.

Triples are plain tuples (IRI strings and `Lit`), so that writing a million of them costs
little; `to_rdflib` gives the rdflib `Graph` of the Python API. graph/rdf_read.py reads them back.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from policygraph.graph.keys import place_id
from policygraph.graph.nxbuild import ranked_edges
from policygraph.graph.rdf_terms import (
    DEFAULT_BASE,
    check_base,
    doc_type_iri,
    edge_iri,
    mapping,
    node_iri,
    vocab_path,
)
from policygraph.ingest.places import _PREFIX as DIVISION_WORD
from policygraph.ingest.places import fold

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
ORG = "http://www.w3.org/ns/org#"
DCTERMS = "http://purl.org/dc/terms/"
SCHEMA = "https://schema.org/"
TYPE = RDF + "type"
JSON_DATATYPE = RDF + "JSON"  # an attribute the table does not know yet, kept as JSON


class Lit(NamedTuple):
    """A literal: its lexical value, datatype IRI (None: a plain string) and language tag."""

    value: str
    datatype: str | None = None
    lang: str | None = None


Triple = tuple[str, str, "str | Lit"]
_new = tuple.__new__


def lit(value: str, datatype: str | None = None, lang: str | None = None) -> Lit:
    """Lit(value, datatype, lang) without the named tuple's Python-level __new__ (millions are made)."""
    return _new(Lit, (value, datatype, lang))


_ATTRIBUTES: dict[str, tuple[str, str, str | None]] = {}  # filled on first use: mapping().attributes


def _bool(value: Any) -> Lit:
    return lit("true" if value else "false", XSD + "boolean")


def _is_day(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def attribute_triples(subject: str, name: str, value: Any, base: str) -> Iterator[Triple]:
    """The triples of one attribute, by the mapping table (a None or empty value has none)."""
    if value is None or value == [] or value == "":
        return
    spec = _ATTRIBUTES.get(name) or mapping().attributes.get(name)
    if spec is None:  # kept, losslessly, until the table names it
        yield subject, f"{mapping().pg}attr-{name}", lit(json.dumps(value, ensure_ascii=False), JSON_DATATYPE)
        return
    prop, kind, otherwise = spec
    if kind == "vi":
        yield subject, prop, lit(str(value), None, "vi")
    elif kind == "string":
        yield subject, prop, lit(str(value))
    elif kind == "int" and isinstance(value, int) and not isinstance(value, bool):
        yield subject, prop, lit(str(value), XSD + "integer")
    elif kind == "bool" and isinstance(value, bool):
        yield subject, prop, _bool(value)
    elif kind == "date":
        if _is_day(value):
            yield subject, prop, lit(value, XSD + "date")
        else:  # a month or a year only ('2013-06'): no xsd:date
            yield subject, otherwise or prop, lit(str(value))
    elif kind == "strings" and isinstance(value, (list, tuple)):
        for item in value:
            yield subject, prop, lit(str(item))
    elif kind == "node":
        yield subject, prop, node_iri(str(value), base)
    elif kind == "nodes" and isinstance(value, (list, tuple)):
        for item in value:
            yield subject, prop, node_iri(str(item), base)
    else:  # a value of another type than the table says: kept as JSON
        yield subject, f"{mapping().pg}attr-{name}", lit(json.dumps(value, ensure_ascii=False), JSON_DATATYPE)


# --- document types: a SKOS concept scheme -------------------------------------------------


@lru_cache(maxsize=1)
def doc_type_labels() -> dict[tuple[str, str], tuple[str, str | None]]:
    """{(grammar, code): (Vietnamese name, English label)} of data/tables/doc_types.json."""
    english = json.loads(vocab_path("doc_type_labels.json").read_text("utf-8"))
    table = json.loads(resources.files("policygraph").joinpath("data", "tables", "doc_types.json").read_text("utf-8"))
    out: dict[tuple[str, str], tuple[str, str | None]] = {}
    for grammar in ("party", "state"):
        for entry in table[grammar]:
            out[(grammar, entry["code"])] = (entry["name"], english[grammar].get(entry["code"]))
    for entry in table["untyped"]:  # laws and letters have no code: the name is the code
        out[("state", entry["name"])] = (entry["name"], english["untyped"].get(entry["name"]))
    return out


def scheme_iri() -> str:
    return mapping().doc_types.rstrip("/")


def concept_triples(grammar: str | None, code: str, name: str | None, english: str | None) -> Iterator[Triple]:
    concept = doc_type_iri(grammar, code)
    yield concept, TYPE, SKOS + "Concept"
    yield concept, SKOS + "inScheme", scheme_iri()
    yield concept, SKOS + "notation", lit(code)
    if name:
        yield concept, SKOS + "prefLabel", lit(name, None, "vi")
    if english:
        yield concept, SKOS + "prefLabel", lit(english, None, "en")


def scheme_triples() -> Iterator[Triple]:
    scheme = scheme_iri()
    yield scheme, TYPE, SKOS + "ConceptScheme"
    yield scheme, SKOS + "prefLabel", lit("Document types", None, "en")
    yield scheme, SKOS + "prefLabel", lit("Loại văn bản", None, "vi")
    for (grammar, code), (name, english) in doc_type_labels().items():
        yield from concept_triples(grammar, code, name, english)


# --- places: the gazetteer's administrative unit codes --------------------------------------


@lru_cache(maxsize=1)
def admin_codes() -> dict[str, str]:
    """{place id: code} of the General Statistics Office: provinces of the map before 1 July
    2025 (two digits) and today's communes and wards (five digits)."""
    import vietnam_provinces

    legacy = json.loads(resources.files("policygraph").joinpath("data", "gazetteer", "legacy.json").read_text("utf-8"))
    codes: dict[str, str] = {}
    for p in legacy["provinces"]:
        codes[place_id(p["name"]) or ""] = f"{p['code']:02d}"
    for p in json.loads(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH.read_text("utf-8")):
        province = DIVISION_WORD.sub("", p["name"]).strip()
        codes.setdefault(place_id(province) or "", f"{p['code']:02d}")
        for w in p.get("wards", ()):
            codes.setdefault(place_id(province, None, DIVISION_WORD.sub("", w["name"]).strip()) or "",
                             f"{w['code']:05d}")
    return codes


# --- units: sub-organizations ----------------------------------------------------------------


def sub_organizations(units: Iterable[tuple[str, dict[str, Any]]]) -> Iterator[tuple[str, str]]:
    """(unit, unit it belongs to): a unit whose name ends with another unit's whole name, in the
    same place, is part of it ("Văn phòng Ủy ban nhân dân tỉnh" of "Ủy ban nhân dân tỉnh",
    "Ban Thường vụ Đảng ủy" of "Đảng ủy"); the longest such name wins. Collectives stand for
    many units and belong to none."""
    by_scope: dict[str, dict[str, str]] = defaultdict(dict)
    named: list[tuple[str, str, list[str]]] = []
    for unit, attrs in units:
        if attrs.get("collective") or not attrs.get("name"):
            continue
        scope = unit.rpartition("|")[2]
        words = fold(attrs["name"]).split()
        by_scope[scope].setdefault(" ".join(words), unit)
        named.append((unit, scope, words))
    for unit, scope, words in named:
        for start in range(1, len(words)):
            parent = by_scope[scope].get(" ".join(words[start:]))
            if parent and parent != unit:
                yield unit, parent
                break


# --- the whole graph -------------------------------------------------------------------------


def public_path(attrs: dict[str, Any], value: Any) -> Any:
    """A document's file as exports name it (graph/export.py): its path relative to the folder
    that was ingested, else its name; the absolute path (a home directory) stays in the store."""
    if isinstance(value, list):
        return sorted(os.path.basename(str(p)) for p in value)
    return attrs.get("rel_path") or os.path.basename(str(value))



def triples(graph: Any, base: str = DEFAULT_BASE, schema: bool = False) -> Iterator[Triple]:
    """Every triple of `graph` (the networkx MultiDiGraph of docs/model.md).

    `schema` adds schema.org's terms that JSON-LD readers (search engines) know:
    `schema:Legislation`, `schema:legislationIdentifier`,
    `schema:legislationEnsuresImplementationOf`.
    """
    check_base(base)
    m = mapping()
    _ATTRIBUTES.update(m.attributes)
    yield from scheme_triples()
    known_types = doc_type_labels()
    extra_types: dict[tuple[str | None, str], str | None] = {}
    kinds: dict[str, str] = {}
    units: list[tuple[str, dict[str, Any]]] = []
    codes = admin_codes()
    for nid, attrs in graph.nodes(data=True):
        kind = attrs.get("kind") or "node"
        kinds[nid] = kind
        subject = node_iri(nid, base)
        classes = m.kinds.get(kind)
        if classes:
            for cls in classes:
                yield subject, TYPE, cls
        else:
            yield subject, TYPE, m.pg + "Node"
            yield subject, m.pg + "kind", lit(kind)
        for name, value in attrs.items():
            if name in ("kind", "doc_type", "doc_type_name", "rel_path"):
                continue
            if name in ("source", "duplicates") and value:
                value = public_path(attrs, value)
            yield from attribute_triples(subject, name, value, base)
        if kind == "document":
            code = attrs.get("doc_type")
            if code:
                grammar = attrs.get("grammar")
                yield subject, m.expand("eli:type_document"), doc_type_iri(grammar, code)
                name = attrs.get("doc_type_name")
                if (grammar, code) not in known_types:
                    extra_types.setdefault((grammar, code), name)
                known = known_types.get((grammar, code), (extra_types.get((grammar, code)), None))[0]
                if name and name != known:  # "Chương trình hành động", a CTr by a longer name
                    yield subject, m.pg + "docTypeName", lit(name, None, "vi")
            if attrs.get("level") == "central":
                yield subject, m.expand("eli:jurisdiction"), m.central_jurisdiction
            if schema:
                yield subject, TYPE, SCHEMA + "Legislation"
                if attrs.get("symbol"):
                    yield subject, SCHEMA + "legislationIdentifier", lit(str(attrs["symbol"]))
        elif kind == "unit":
            units.append((nid, attrs))
        elif kind == "place" and nid in codes:
            yield subject, m.pg + "adminUnitCode", lit(codes[nid])
    for (grammar, code), name in sorted(extra_types.items(), key=lambda item: (item[0][0] or "", item[0][1])):
        yield from concept_triples(grammar, code, name, None)
    for unit, parent in sub_organizations(units):
        yield node_iri(unit, base), ORG + "subOrganizationOf", node_iri(parent, base)
    for source, target, key, attrs, out_rank, in_rank in ranked_edges(graph):
        yield from edge_triples(source, target, key, attrs, kinds.get(source), base, schema, (out_rank, in_rank))


def edge_triples(source: str, target: str, key: str, attrs: dict[str, Any], source_kind: str | None,
                 base: str = DEFAULT_BASE, schema: bool = False,
                 ranks: tuple[int, int] | None = None) -> Iterator[Triple]:
    """The direct triple of an edge and, when it has attributes, the statement that carries them."""
    m = mapping()
    edge_type = attrs.get("type") or key
    prop = m.edge_property(edge_type, source_kind)
    s, o = node_iri(source, base), node_iri(target, base)
    yield s, prop, o
    if schema and edge_type in m.schema:
        yield s, m.schema[edge_type], o
    rest = {k: v for k, v in attrs.items() if k != "type" and v is not None and v != []}
    if not rest and key == edge_type:
        return
    e = edge_iri(source, key, target, base)
    yield e, TYPE, m.pg + "Statement"
    yield e, RDF + "subject", s
    yield e, RDF + "predicate", prop
    yield e, RDF + "object", o
    if key != edge_type:
        yield e, m.pg + "key", lit(key)
    if ranks:
        yield e, m.pg + "outRank", lit(str(ranks[0]), XSD + "integer")
        yield e, m.pg + "inRank", lit(str(ranks[1]), XSD + "integer")
    if edge_type == "assigns":
        yield from plan_triples(e, s, o, rest.pop("role", None))
        for n, task in enumerate(rest.pop("more_tasks", None) or (), start=1):
            t = f"{e}/task/{n}"
            yield t, m.pg + "order", lit(str(n), XSD + "integer")
            yield from plan_triples(t, e, o, task.get("role"))
            yield from _plain_attrs(t, {k: v for k, v in task.items() if k != "role"}, base)
    yield from _plain_attrs(e, rest, base)


def _plain_attrs(subject: str, attrs: dict[str, Any], base: str) -> Iterator[Triple]:
    pg = mapping().pg
    for name, value in attrs.items():
        if name == "span" and isinstance(value, (list, tuple)) and len(value) == 2:
            yield subject, pg + "spanStart", lit(str(value[0]), XSD + "integer")
            yield subject, pg + "spanEnd", lit(str(value[1]), XSD + "integer")
        else:
            yield from attribute_triples(subject, name, value, base)


def plan_triples(plan: str, whole: str, unit: str, role: str | None) -> Iterator[Triple]:
    """A task as a `prov:Plan` that is part of `whole` (the document, or the assignment a
    further task belongs to), carried out by `unit` in its role: an activity qualified by an
    association with the agent, the role and the plan."""
    m = mapping()
    activity, association = f"{plan}/activity", f"{plan}/association"
    yield plan, TYPE, PROV + "Plan"
    yield plan, TYPE, m.pg + "Assignment"
    yield plan, DCTERMS + "isPartOf", whole
    yield activity, TYPE, PROV + "Activity"
    yield activity, PROV + "qualifiedAssociation", association
    yield association, TYPE, PROV + "Association"
    yield association, PROV + "agent", unit
    yield association, PROV + "hadPlan", plan
    if role:
        yield association, PROV + "hadRole", m.roles.get(role) or f"{m.pg}role-{role}"


# --- rdflib ------------------------------------------------------------------------------------


def to_rdflib(graph: Any, base: str = DEFAULT_BASE, schema: bool = False) -> Any:
    """The rdflib `Graph` of `graph`, with the prefixes bound (the Python API)."""
    import rdflib

    out = rdflib.Graph()
    for prefix, namespace in mapping().prefixes.items():
        out.bind(prefix, rdflib.Namespace(namespace), override=True)
    out.bind("id", rdflib.Namespace(base), override=True)
    add = out.add
    for s, p, o in triples(graph, base, schema):
        add((rdflib.URIRef(s), rdflib.URIRef(p), rdflib_term(o)))
    return out


def rdflib_term(o: str | Lit) -> Any:
    import rdflib

    if isinstance(o, Lit):
        return rdflib.Literal(o.value, lang=o.lang, datatype=rdflib.URIRef(o.datatype) if o.datatype else None)
    return rdflib.URIRef(o)


def store_graph(store: Any) -> Any:
    """The graph the export and the SPARQL backend read from the store: the one call to change
    when the store serves nodes and edges as streams instead of one networkx graph."""
    return store.load_graph()
