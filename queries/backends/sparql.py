"""The SPARQL backend: the store's graph as RDF in a pyoxigraph store, queried in SPARQL.

Why pyoxigraph: rdflib's own SPARQL engine recurses once per hop of a property path and fails
with RecursionError on a million triples; pyoxigraph (Rust, on-disk) answers the same path in
tens of milliseconds. The RDF is graph/rdf.py's export, built once per store generation and
kept next to the store (`<store>/sparql/<key>`, a RocksDB folder, never a pickle); the key
also covers the mapping table and code, so a changed mapping is rebuilt.

Every primitive of `Backend` is a query whose answer graph/rdf_read.py turns back into the
node and edge attributes of the embedded store; `reach` is one property-path query.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from policygraph.graph import rdf, rdf_read, rdf_terms
from policygraph.graph.rdf import RDF, SKOS, Lit, store_graph
from policygraph.graph.rdf_read import Reader, read_graph, statement
from policygraph.graph.rdf_terms import DEFAULT_BASE, mapping, node_id, node_iri
from policygraph.graph.rdf_write import write_ntriples
from policygraph.graph.store import Store, StoreError
from policygraph.queries.backend import DIRECTIONS, Edge, NetworkXBackend, fold, symbol_key
from policygraph.queries.registry import BackendError, BackendOptions

CACHE_DIR = "sparql"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = RDF + "langString"


def term(value: Any) -> str | Lit:
    """A pyoxigraph term as graph/rdf.py writes it (an IRI string or a `Lit`)."""
    if isinstance(value, ox.Literal):
        datatype = value.datatype.value
        return Lit(value.value, None if datatype in (_XSD_STRING, _LANG_STRING) else datatype, value.language)
    return value.value


def ref(iri: str) -> str:
    """An IRI inside a query: ours are percent-encoded, but check (text never reaches a query)."""
    if any(ch in iri for ch in '<>"{}|\\^` \n'):
        raise ValueError(f"unsafe IRI {iri!r}")
    return f"<{iri}>"


class RankedBackend(NetworkXBackend):
    """A part of the graph whose in-edges come in the store's order (pg:inRank), as the
    embedded store gives them: a walk down a lineage then meets parents in the same order."""

    def __init__(self, graph: Any, in_ranks: dict[int, int]) -> None:
        super().__init__(graph)
        self.in_ranks = in_ranks

    def in_edges(self, node_id: str, types: Iterable[str] | None = None) -> Iterator[Edge]:
        edges = list(super().in_edges(node_id, types))
        edges.sort(key=lambda e: self.in_ranks.get(id(e.attrs), 1 << 30))
        return iter(edges)


class SparqlBackend:
    """A `Backend` over a pyoxigraph store holding graph/rdf.py's triples."""

    def __init__(self, store: ox.Store, base: str = DEFAULT_BASE, source: Store | None = None) -> None:
        self.ox = store
        self.base = base
        self.source = source
        self.reader = Reader(base)
        self.mapping = mapping()
        self.prefixes = dict(self.mapping.prefixes)
        self.labels = {term(r["c"]): r["l"].value for r in self.select(
            "SELECT ?c ?l WHERE { ?c skos:prefLabel ?l FILTER(lang(?l) = 'vi') }")}
        self._symbols: dict[str, list[str]] | None = None
        self._unit_names: dict[str, list[str]] | None = None

    # --- running queries ---------------------------------------------------------------------
    def select(self, query: str) -> Any:
        return self.ox.query(query, prefixes=self.prefixes)

    def triples(self, query: str) -> list[tuple[str, str, str | Lit]]:
        """Rows ?s ?p ?o of a SELECT as triples."""
        return [(r["s"].value, r["p"].value, term(r["o"])) for r in self.select(query)]

    # --- the Backend primitives ---------------------------------------------------------------
    def node(self, node_id: str) -> dict[str, Any] | None:
        me = ref(node_iri(node_id, self.base))
        pairs = [(r["p"].value, term(r["o"])) for r in self.select(f"SELECT ?p ?o WHERE {{ {me} ?p ?o }}")]
        attrs = self.reader.attributes(pairs, self.labels)
        return attrs if "kind" in attrs else None

    def nodes(self, kind: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        kinds = [kind] if kind else list(self.mapping.kinds)
        for name in kinds:
            classes = self.mapping.kinds.get(name)
            if not classes:
                continue
            grouped: dict[str, list[tuple[str, Any]]] = defaultdict(list)
            for s, p, o in self.triples(f"SELECT ?s ?p ?o WHERE {{ ?s a {ref(classes[0])} ; ?p ?o }}"):
                grouped[s].append((p, o))
            for s, pairs in grouped.items():
                nid = node_id(s, self.base)
                if nid is not None:
                    yield nid, self.reader.attributes(pairs, self.labels)

    def out_edges(self, node_id: str, types: Iterable[str] | None = None) -> Iterator[Edge]:
        return iter(self._edges(node_id, types, outgoing=True))

    def in_edges(self, node_id: str, types: Iterable[str] | None = None) -> Iterator[Edge]:
        return iter(self._edges(node_id, types, outgoing=False))

    def _edges(self, nid: str, types: Iterable[str] | None, outgoing: bool) -> list[Edge]:
        wanted = None if types is None else set(types)
        end, rank = ("rdf:subject", "pg:outRank") if outgoing else ("rdf:object", "pg:inRank")
        me = ref(node_iri(nid, self.base))
        rows = self.triples(f"""SELECT ?s ?p ?o WHERE {{ ?e {end} {me} . {_PLAN_PARTS} ?s ?p ?o }}""")
        by_subject: dict[str, list[tuple[str, Any]]] = defaultdict(list)
        for s, p, o in rows:
            by_subject[s].append((p, o))
        found: list[tuple[int, Edge]] = []
        stated = set()
        for s, pairs in by_subject.items():
            parts = dict(pairs)
            if RDF + "predicate" not in parts:
                continue
            edge = statement(self.reader, s, pairs, by_subject, self.labels)
            if edge is None or (wanted is not None and edge[3]["type"] not in wanted):
                continue
            source, target, _, attrs, _ = edge
            stated.add((parts[RDF + "subject"], parts[RDF + "predicate"], parts[RDF + "object"]))
            position = parts.get(self.mapping.expand(rank))
            rank_of = int(position.value) if isinstance(position, Lit) else 0
            found.append((rank_of, Edge(source, target, attrs["type"], attrs)))
        if outgoing:
            plain = [(me[1:-1], r["p"].value, term(r["o"])) for r in self.select(
                f"SELECT ?p ?o WHERE {{ {me} ?p ?o FILTER(isIRI(?o)) }}")]
        else:
            plain = [(r["s"].value, r["p"].value, me[1:-1])
                     for r in self.select(f"SELECT ?s ?p WHERE {{ ?s ?p {me} }}")]
        for s, p, o in plain:
            edge_type = self.mapping.edge_type(p)
            if not edge_type or (s, p, o) in stated or (wanted is not None and edge_type not in wanted):
                continue
            source, target = node_id(s, self.base), node_id(str(o), self.base)
            if source is not None and target is not None and p != RDF + "type":
                found.append((1 << 30, Edge(source, target, edge_type, {"type": edge_type})))
        found.sort(key=lambda item: item[0])
        return [edge for _, edge in found]

    def documents_by_symbol(self, symbol: str) -> list[str]:
        if self._symbols is None:
            index: dict[str, list[str]] = defaultdict(list)
            for row in self.select("SELECT ?d ?s WHERE { ?d a eli:LegalResource ; eli:id_local ?s }"):
                nid = node_id(row["d"].value, self.base)
                if nid:
                    index[symbol_key(row["s"].value)].append(nid)
            self._symbols = dict(index)
        return sorted(self._symbols.get(symbol_key(symbol), ()))

    def units_by_name(self, name: str) -> list[str]:
        if self._unit_names is None:
            index: dict[str, list[str]] = defaultdict(list)
            for row in self.select("""SELECT ?u ?n WHERE { ?u a org:Organization .
                                      OPTIONAL { ?u skos:prefLabel ?name } OPTIONAL { ?u rdfs:label ?label }
                                      BIND(COALESCE(?name, ?label) AS ?n) }"""):
                nid = node_id(row["u"].value, self.base)
                if nid:
                    index[fold(row["n"].value if row["n"] else "")].append(nid)
            self._unit_names = dict(index)
        key = fold(name)
        if key in self._unit_names:
            return list(self._unit_names[key])
        return [nid for folded, ids in self._unit_names.items() if key and key in folded for nid in ids]

    def reach(self, roots: Iterable[str], follow: Iterable[str], direction: str,
              depth: int | None = None, attach: Iterable[str] = ()) -> RankedBackend:
        """The part a walk needs, in three queries sharing one property path."""
        if direction not in DIRECTIONS:
            raise ValueError(f"direction must be one of {DIRECTIONS}, not {direction!r}")
        follow, attach = tuple(follow), tuple(attach)
        props = sorted({self.mapping.edge_property(t, k) for t in follow for k in ("document", "unit", "")})
        steps = "|".join(f"^{ref(p)}" if direction == "in" else ref(p) for p in props)
        if direction == "both":
            steps = "|".join(f"{ref(p)}|^{ref(p)}" for p in props)
        path = f"({steps})*" if depth is None else "/".join([f"({steps})?"] * depth) if depth > 0 else None
        values = " ".join(ref(node_iri(r, self.base)) for r in roots)
        reached = (f"{{ SELECT DISTINCT ?n WHERE {{ VALUES ?root {{ {values} }} ?root {path} ?n }} }}" if path
                   else f"{{ VALUES ?n {{ {values} }} }}")
        wanted = {self.mapping.edge_property(t, k) for t in follow + attach for k in ("document", "unit", "")}
        rows = self.triples(f"SELECT (?n AS ?s) ?p ?o WHERE {{ {reached} ?n ?p ?o }}")
        if attach:
            far = "|".join(ref(self.mapping.edge_property(t, k)) for t in attach for k in ("document", "unit"))
            rows += self.triples(f"SELECT ?s ?p ?o WHERE {{ {reached} ?n {far} ?s . ?s ?p ?o }}")
        kept = " ".join(ref(p) for p in sorted(wanted))
        rows += self.triples(f"""SELECT ?s ?p ?o WHERE {{ {reached} ?e rdf:subject ?n ; rdf:predicate ?q .
                                 VALUES ?q {{ {kept} }} {_PLAN_PARTS} ?s ?p ?o }}""")
        edge_props = set(self.mapping.edge_types)
        rows = [t for t in rows if t[1] not in edge_props or t[1] in wanted]
        rows += [(c, SKOS + "prefLabel", Lit(label, None, "vi")) for c, label in self.labels.items()]
        graph = read_graph(rows, self.base)
        ranks = {}
        for s, p, o in rows:
            if p == self.mapping.pg + "inRank" and isinstance(o, Lit):
                ranks[s] = int(o.value)
        in_ranks = {}
        for u, v, key, attrs in graph.edges(keys=True, data=True):
            rank = ranks.get(rdf_terms.edge_iri(u, key, v, self.base))
            if rank is not None:
                in_ranks[id(attrs)] = rank
        return RankedBackend(graph, in_ranks)

    def text(self, node_id: str) -> str | None:
        return self.source.document_text(node_id) if self.source is not None else None


# the statements ?e and what hangs from an assignment: its association, further tasks and theirs
_PLAN_PARTS = "?s (prov:hadPlan|dcterms:isPartOf|prov:hadPlan/dcterms:isPartOf)? ?e ."


# --- the cached store ----------------------------------------------------------------------------


def cache_key(generation: str, base: str) -> str:
    """The store's generation, the base IRI, the mapping table and the mapping's code."""
    code = b"".join(Path(module.__file__).read_bytes() for module in (rdf, rdf_read, rdf_terms))
    text = f"{generation}|{base}|{mapping().fingerprint}|{hashlib.sha1(code).hexdigest()}"
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def sparql_store(store: Store, base: str = DEFAULT_BASE) -> ox.Store:
    """The pyoxigraph store of `store`'s graph: opened from the cache, or built into it.

    Built in a temporary folder and renamed into place, so a reader never sees half a store
    and two commands building at once both end with a whole one.
    """
    folder = Path(store.path) / CACHE_DIR
    target = folder / cache_key(store.generation(), base)
    if not target.exists():
        folder.mkdir(exist_ok=True)
        building = Path(tempfile.mkdtemp(dir=folder, prefix=".build-"))
        try:
            nt = building / "graph.nt"
            with open(nt, "w", encoding="utf-8") as out:
                write_ntriples(rdf.triples(store_graph(store), base), out)
            fresh = ox.Store(str(building / "store"))
            fresh.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
            fresh.flush()
            del fresh
            try:
                os.rename(building / "store", target)
            except OSError:  # another command built it meanwhile
                pass
        finally:
            shutil.rmtree(building, ignore_errors=True)
        for old in folder.iterdir():
            if old != target and not old.name.startswith(".build-"):
                shutil.rmtree(old, ignore_errors=True)
    return ox.Store.read_only(str(target))


def open_sparql(options: BackendOptions) -> SparqlBackend:
    """The store at `options.store` (its default location when None), as SPARQL; the base IRI
    from $POLICYGRAPH_BASE."""
    base = os.environ.get("POLICYGRAPH_BASE") or DEFAULT_BASE
    try:
        rdf_terms.check_base(base)
        store = Store.open(options.store)
        return SparqlBackend(sparql_store(store, base), base, store)
    except (StoreError, rdf_terms.BaseIRIError, OSError) as exc:
        raise BackendError(" ".join(str(exc).split())) from None
