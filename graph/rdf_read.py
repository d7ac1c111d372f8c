"""Read the RDF of graph/rdf.py back into the graph of docs/model.md.

The SPARQL backend answers the primitive calls of a `Backend` with this: a query returns
the triples of a few nodes and edges, and they become the same node and edge attributes
that the embedded store holds (by the same mapping table), so every question gives the same
answer on both. Triples are (subject IRI, predicate IRI, object IRI or `Lit`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx

from policygraph.graph.rdf import JSON_DATATYPE, PROV, RDF, SKOS, TYPE, Lit, Triple
from policygraph.graph.rdf_terms import DEFAULT_BASE, doc_type_of, mapping, node_id, node_iri

_EDGE_PARTS = (RDF + "subject", RDF + "predicate", RDF + "object")


class Reader:
    """Decodes attributes and edges; built once per base (its lookups are dictionaries)."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        m = mapping()
        self.base = base
        self.kind_of_class = {classes[0]: kind for kind, classes in m.kinds.items()}
        self.by_property: dict[str, tuple[str, str]] = {}
        for name, (prop, kind, otherwise) in m.attributes.items():
            self.by_property[prop] = (name, kind)
            if otherwise:
                self.by_property[otherwise] = (name, "string")
        self.roles = {iri: role for role, iri in m.roles.items()}
        self.pg = m.pg
        self.type_document = m.expand("eli:type_document")

    def value(self, kind: str, o: str | Lit) -> Any:
        if not isinstance(o, Lit):
            return node_id(o, self.base) if kind in ("node", "nodes") else o
        if kind == "int":
            return int(o.value)
        if kind == "bool":
            return o.value in ("true", "1")
        return o.value

    def attributes(self, pairs: Iterable[tuple[str, str | Lit]], labels: dict[str, str]) -> dict[str, Any]:
        """Node or edge attributes from (property, object) pairs; `labels` gives the Vietnamese
        name of each document-type concept."""
        attrs: dict[str, Any] = {}
        span: list[int | None] = [None, None]
        own_name = None
        for p, o in pairs:
            found = self.by_property.get(p)
            if found:
                name, kind = found
                value = self.value(kind, o)
                if kind in ("strings", "nodes"):
                    attrs.setdefault(name, []).append(value)
                else:
                    attrs[name] = value
            elif p == TYPE:
                kind_name = self.kind_of_class.get(o)  # type: ignore[arg-type]
                if kind_name:
                    attrs["kind"] = kind_name
            elif p == self.type_document and isinstance(o, str):
                grammar_code = doc_type_of(o)
                if grammar_code:
                    attrs["doc_type"] = grammar_code[1]
                    attrs["doc_type_name"] = labels.get(o, grammar_code[1])
            elif p == self.pg + "docTypeName" and isinstance(o, Lit):
                own_name = o.value
            elif p == self.pg + "kind" and isinstance(o, Lit):
                attrs["kind"] = o.value
            elif p == self.pg + "spanStart" and isinstance(o, Lit):
                span[0] = int(o.value)
            elif p == self.pg + "spanEnd" and isinstance(o, Lit):
                span[1] = int(o.value)
            elif p.startswith(self.pg + "attr-") and isinstance(o, Lit) and o.datatype == JSON_DATATYPE:
                attrs[p[len(self.pg) + 5:]] = json.loads(o.value)
        for name in ("flags", "duplicates", "candidates"):
            if name in attrs:
                attrs[name] = sorted(attrs[name])
        if span[0] is not None and span[1] is not None:
            attrs["span"] = span
        if own_name is not None:
            attrs["doc_type_name"] = own_name
        return attrs


def read_graph(triples: Iterable[Triple], base: str = DEFAULT_BASE) -> nx.MultiDiGraph:
    """The MultiDiGraph the triples describe (nodes, then edges in the store's order)."""
    reader = Reader(base)
    m = mapping()
    by_subject: dict[str, list[tuple[str, str | Lit]]] = defaultdict(list)
    for s, p, o in triples:
        by_subject[s].append((p, o))
    labels = {s: o.value for s, pairs in by_subject.items() for p, o in pairs
              if p == SKOS + "prefLabel" and isinstance(o, Lit) and o.lang == "vi"}
    graph = nx.MultiDiGraph()
    direct: list[tuple[str, str, str, str]] = []  # (source, property, target, type)
    for s, pairs in by_subject.items():
        nid = node_id(s, base)
        if nid is None:
            continue
        attrs = reader.attributes(pairs, labels)
        if "kind" not in attrs:
            continue
        graph.add_node(nid, **attrs)
        for p, o in pairs:
            edge_type = m.edge_type(p) if isinstance(o, str) else None
            if edge_type:
                direct.append((nid, p, o, edge_type))  # type: ignore[arg-type]
    stated: set[tuple[str, str, str]] = set()
    edges: list[tuple[int, str, str, str, dict[str, Any]]] = []
    for s, pairs in by_subject.items():
        parts = dict(pairs)
        if not all(part in parts for part in _EDGE_PARTS):
            continue
        edge = statement(reader, s, pairs, by_subject, labels)
        if edge is None:
            continue
        source, target, key, attrs, out_rank = edge
        stated.add((parts[RDF + "subject"], parts[RDF + "predicate"], parts[RDF + "object"]))  # type: ignore[arg-type]
        edges.append((out_rank, source, target, key, attrs))
    for source, p, o, edge_type in direct:
        target = node_id(o, base)
        if target in graph and (node_iri(source, base), p, o) not in stated:
            edges.append((1 << 30, source, target, edge_type, {"type": edge_type}))
    # the store's order: each source's edges by their rank (pg:outRank)
    order = {nid: n for n, nid in enumerate(graph)}
    edges.sort(key=lambda e: (order.get(e[1], 0), e[0]))
    for _, source, target, key, attrs in edges:
        if source in graph and target in graph:
            graph.add_edge(source, target, key=key, **attrs)
    return graph


def statement(reader: Reader, s: str, pairs: list[tuple[str, str | Lit]],
              by_subject: dict[str, list[tuple[str, str | Lit]]],
              labels: dict[str, str]) -> tuple[str, str, str, dict[str, Any], int] | None:
    """(source, target, key, attrs, out rank) of an edge's statement node."""
    m = mapping()
    parts = {p: o for p, o in pairs}
    source = node_id(str(parts[RDF + "subject"]), reader.base)
    target = node_id(str(parts[RDF + "object"]), reader.base)
    edge_type = m.edge_type(str(parts[RDF + "predicate"]))
    if source is None or target is None or edge_type is None:
        return None
    attrs = {"type": edge_type}
    attrs.update(reader.attributes(pairs, labels))
    attrs.pop("kind", None)
    key_lit = parts.get(m.pg + "key")
    key = key_lit.value if isinstance(key_lit, Lit) else edge_type
    rank_lit = parts.get(m.pg + "outRank")
    out_rank = int(rank_lit.value) if isinstance(rank_lit, Lit) else 0
    if edge_type == "assigns":
        role = plan_role(reader, s, by_subject)
        if role:
            attrs["role"] = role
        tasks = []
        n = 1
        while f"{s}/task/{n}" in by_subject:
            plan = f"{s}/task/{n}"
            task = reader.attributes(by_subject[plan], labels)
            task.pop("kind", None)
            role = plan_role(reader, plan, by_subject)
            if role:
                task["role"] = role
            tasks.append(task)
            n += 1
        if tasks:
            attrs["more_tasks"] = tasks
    return source, target, key, attrs, out_rank


def plan_role(reader: Reader, plan: str, by_subject: dict[str, list[tuple[str, str | Lit]]]) -> str | None:
    for p, o in by_subject.get(f"{plan}/association", ()):
        if p == PROV + "hadRole" and isinstance(o, str):
            return reader.roles.get(o) or o.rpartition("role-")[2]
    return None

