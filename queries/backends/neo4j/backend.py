"""`--backend neo4j`: the questions answered by a Neo4j server that `policygraph neo4j push` filled.

The primitives are small Cypher reads; `reach` fetches the part of the graph a lineage
question reads in one variable-length-path query; `stats` is answered natively (counts in
Cypher). Edges come back in the embedded store's order (`pg_in`/`pg_out`, model.py), so
every answer, down to which parent a walk meets first, is the embedded backend's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import networkx as nx
from neo4j import Driver, RoutingControl
from neo4j.exceptions import DriverError, Neo4jError

from policygraph.queries.backend import DIRECTIONS, Backend, Edge, NetworkXBackend, fold, symbol_key
from policygraph.queries.backends.neo4j.model import (
    DEFAULT_URI,
    DEFAULT_USER,
    KIND_LABELS,
    NODE_LABEL,
    Neo4jConnectionError,
    connect,
    connection_error,
    decode,
    decode_node,
    edge_type,
    rel_type,
)
from policygraph.queries.backends.neo4j.stats import native_stats
from policygraph.queries.registry import BackendError, BackendOptions

_EDGE_FIELDS = "type(r) AS type, properties(r) AS p"


class Neo4jBackend:
    """A Backend over one database of a Neo4j server (see model.py for the data model).

    Each node is read once per backend object: the far ends of the edges it reads come
    with them, so that a document page or a list of assignments is one query, not one per
    edge. A backend therefore sees the server as it was when it first read a node; open a
    new one (each command does) to see a later push.
    """

    def __init__(self, driver: Driver, database: str, uri: str, user: str) -> None:
        self.driver = driver
        self.database = database
        self.uri = uri
        self.user = user
        self._graph: nx.MultiDiGraph | None = None
        self._known: dict[str, dict[str, Any]] = {}

    def close(self) -> None:
        self.driver.close()

    def read(self, query: str, **params: Any) -> list[Any]:
        """The records of a read query; a failure of the server is one line (BackendError)."""
        try:
            return self.driver.execute_query(query, params, database_=self.database,
                                             routing_=RoutingControl.READ).records
        except (Neo4jError, DriverError, OSError) as exc:
            error = connection_error(exc, self.uri, self.user, self.database)
            raise BackendError(str(error)) from None

    # -- the Backend primitives -----------------------------------------------------------
    def node(self, node_id: str) -> dict[str, Any] | None:
        known = self._known.get(node_id)
        if known is None:
            records = self.read(f"MATCH (n:{NODE_LABEL} {{id: $id}}) RETURN properties(n) AS p", id=node_id)
            if not records:
                return None
            known = self._known[node_id] = decode_node(records[0]["p"])
        return known

    def nodes(self, kind: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        """All nodes (of a kind) in id order, the embedded store's order."""
        label = NODE_LABEL if kind is None else KIND_LABELS.get(kind)
        if label is None:
            records = self.read(f"MATCH (n:{NODE_LABEL}) WHERE n.kind = $kind RETURN n.id AS id, properties(n) AS p",
                                kind=kind)
        else:
            records = self.read(f"MATCH (n:{label}:{NODE_LABEL}) RETURN n.id AS id, properties(n) AS p")
        rows = sorted((r["id"], r["p"]) for r in records)
        found = [(node_id, self._known.get(node_id) or decode_node(props)) for node_id, props in rows]
        self._known.update(found)
        return iter(found)

    def out_edges(self, node_id: str, types: Iterable[str] | None = None) -> Iterator[Edge]:
        return self._edges(node_id, types, outgoing=True)

    def in_edges(self, node_id: str, types: Iterable[str] | None = None) -> Iterator[Edge]:
        return self._edges(node_id, types, outgoing=False)

    def _edges(self, node_id: str, types: Iterable[str] | None, outgoing: bool) -> Iterator[Edge]:
        wanted = None if types is None else [rel_type(t) for t in types]
        pattern, rank = ("-[r]->(b)", "pg_out") if outgoing else ("<-[r]-(b)", "pg_in")
        records = self.read(
            f"MATCH (a:{NODE_LABEL} {{id: $id}}){pattern} WHERE $types IS NULL OR type(r) IN $types "
            f"RETURN b.id AS other, properties(b) AS far, {_EDGE_FIELDS} ORDER BY r.{rank}",
            id=node_id, types=wanted)
        edges = []
        for record in records:
            if record["other"] not in self._known:
                self._known[record["other"]] = decode_node(record["far"])
            attrs = decode(record["p"])
            kind = attrs.get("type") or edge_type(record["type"])
            ends = (node_id, record["other"]) if outgoing else (record["other"], node_id)
            edges.append(Edge(*ends, kind, attrs))
        return iter(edges)

    def documents_by_symbol(self, symbol: str) -> list[str]:
        records = self.read(f"MATCH (n:Document:{NODE_LABEL} {{pg_symbol_key: $key}}) RETURN n.id AS id",
                            key=symbol_key(symbol))
        return sorted(r["id"] for r in records)

    def units_by_name(self, name: str) -> list[str]:
        """Units whose folded name is `name`'s, else those whose folded name contains it."""
        key = fold(name)
        records = self.read(f"MATCH (n:Unit:{NODE_LABEL} {{pg_name_key: $key}}) RETURN n.id AS id", key=key)
        if records or not key:
            return sorted(r["id"] for r in records)
        records = self.read(f"MATCH (n:Unit:{NODE_LABEL}) WHERE n.pg_name_key CONTAINS $key "
                            "RETURN n.id AS id, n.pg_name_key AS name", key=key)
        by_name: dict[str, list[str]] = {}  # names in the order of their first unit, as the embedded index
        for node_id, folded in sorted((r["id"], r["name"]) for r in records):
            by_name.setdefault(folded, []).append(node_id)
        return [node_id for ids in by_name.values() for node_id in ids]

    def reach(self, roots: Iterable[str], follow: Iterable[str], direction: str,
              depth: int | None = None, attach: Iterable[str] = ()) -> Backend:
        """The part of the graph a walk from `roots` reads, in one Cypher query.

        A variable-length path finds the nodes closer than `depth` (all when None); their
        `follow` edges give the rest of the walk's nodes; the `attach` edges of all of them
        come with their far ends. That is walk_subgraph's part, node for node and edge for
        edge; each node's edges keep the embedded store's order and keys.
        """
        if direction not in DIRECTIONS:
            raise ValueError(f"direction must be one of {DIRECTIONS}, not {direction!r}")
        roots, follow, attach = list(roots), tuple(follow), tuple(attach)
        records = self.read(reach_query(follow, direction, depth, attach), roots=roots)
        part = Part.from_rows(records[0]["nodes"], records[0]["rels"]) if records else Part()
        return NetworkXBackend(part.to_networkx())

    # -- whole graph --------------------------------------------------------------------------
    @property
    def graph(self) -> nx.MultiDiGraph:
        """The whole graph as the embedded store gives it (for the web app), fetched once."""
        if self._graph is None:
            nodes = self.read(f"MATCH (n:{NODE_LABEL}) RETURN properties(n) AS p")
            rels = self.read(f"MATCH (a:{NODE_LABEL})-[r]->(b:{NODE_LABEL}) WHERE r.pg_uid IS NOT NULL "
                             f"RETURN a.id AS s, b.id AS t, {_EDGE_FIELDS}")
            self._graph = Part.from_rows([r["p"] for r in nodes], [dict(r) for r in rels]).to_networkx()
        return self._graph

    def native(self, question: str) -> Callable[..., Any] | None:
        """Questions Cypher answers better than the generic walk over `nodes()`."""
        return native_stats if question == "stats" else None


def reach_query(follow: tuple[str, ...], direction: str, depth: int | None, attach: tuple[str, ...]) -> str:
    """The one query of `Neo4jBackend.reach` (types are checked names, values are parameters)."""
    types = "|".join(rel_type(t) for t in follow)
    left, right = {"in": ("<-", "-"), "out": ("-", "->"), "both": ("-", "-")}[direction]
    if depth is not None and depth <= 0 or not follow:
        inner = "WITH roots, [] AS inner"
    else:
        bound = "" if depth is None else str(depth - 1)
        inner = (f"CALL {{ WITH roots UNWIND roots AS root MATCH (root){left}[:{types}*0..{bound}]{right}(n) "
                 "RETURN collect(DISTINCT n) AS inner }")
    steps = (f"CALL {{ WITH inner UNWIND inner AS n MATCH (n){left}[r:{types}]{right}(m) "
             "RETURN collect(DISTINCT r) AS steps, collect(DISTINCT m) AS far }") if follow else \
        "WITH roots, inner, [] AS steps, [] AS far"
    if attach:
        kinds = "|".join(rel_type(t) for t in attach)
        attached = (f"CALL {{ WITH reached UNWIND reached AS n WITH DISTINCT n MATCH (n)-[r:{kinds}]->(m) "
                    "RETURN collect(r) AS attached, collect(DISTINCT m) AS ends }")
    else:
        attached = "WITH reached, steps, [] AS attached, [] AS ends"
    return "\n".join([
        f"MATCH (root:{NODE_LABEL}) WHERE root.id IN $roots",
        "WITH collect(root) AS roots",
        inner,
        steps,
        "WITH roots + inner + far AS reached, steps",
        attached,
        "RETURN [n IN reached + ends | properties(n)] AS nodes,",
        "  [r IN steps + attached | {s: startNode(r).id, t: endNode(r).id, type: type(r), p: properties(r)}] AS rels",
    ])


class Part:
    """Nodes and edges fetched from the server, with each node's edges in the embedded order."""

    def __init__(self) -> None:
        self.attrs: dict[str, dict[str, Any]] = {}
        self.out: dict[str, list[tuple[int, str, Edge]]] = defaultdict(list)  # (pg_out, key, edge)
        self.into: dict[str, list[tuple[int, str, Edge]]] = defaultdict(list)

    @classmethod
    def from_rows(cls, nodes: Iterable[dict[str, Any]], rels: Iterable[dict[str, Any]]) -> Part:
        part = cls()
        for props in nodes:
            part.attrs.setdefault(props["id"], decode_node(props))
        seen: set[str] = set()
        for rel in rels:
            props = rel["p"]
            if props["pg_uid"] in seen:
                continue
            seen.add(props["pg_uid"])
            attrs = decode(props)
            edge = Edge(rel["s"], rel["t"], attrs.get("type") or edge_type(rel["type"]), attrs)
            part.out[edge.source].append((props["pg_out"], props["pg_key"], edge))
            part.into[edge.target].append((props["pg_in"], props["pg_key"], edge))
        for lists in (part.out, part.into):
            for edges in lists.values():
                edges.sort(key=lambda item: item[0])
        return part

    def node(self, node_id: str) -> dict[str, Any] | None:
        return self.attrs.get(node_id)

    def out_edges(self, node_id: str, types: Iterable[str] | None = None) -> Iterator[Edge]:
        return self._pick(self.out.get(node_id, ()), types)

    def in_edges(self, node_id: str, types: Iterable[str] | None = None) -> Iterator[Edge]:
        return self._pick(self.into.get(node_id, ()), types)

    @staticmethod
    def _pick(edges: Iterable[tuple[int, str, Edge]], types: Iterable[str] | None) -> Iterator[Edge]:
        wanted = None if types is None else tuple(types)
        return iter([e for _, _, e in edges if wanted is None or e.type in wanted])

    def to_networkx(self) -> nx.MultiDiGraph:
        """The MultiDiGraph the embedded store holds: nodes in id order, each node's successors
        and predecessors in the order of their ranks, one key dict per pair shared by both sides."""
        node = {n: self.attrs[n] for n in sorted(self.attrs)}
        succ: dict[str, dict] = {n: {} for n in node}
        pred: dict[str, dict] = {n: {} for n in node}
        for source in node:
            for _, key, edge in self.out.get(source, ()):
                succ[source].setdefault(edge.target, {})[key] = edge.attrs
        for target in node:
            for _, _key, edge in self.into.get(target, ()):
                if edge.source not in pred[target]:
                    pred[target][edge.source] = succ[edge.source][target]
        graph = nx.MultiDiGraph()
        graph._node = node
        graph._adj = succ
        graph._pred = pred
        return graph


def open_neo4j(options: BackendOptions) -> Neo4jBackend:
    """The backend for `--backend neo4j` (server and login from the options or NEO4J_*)."""
    try:
        driver, database = connect(options)
    except Neo4jConnectionError as exc:
        raise BackendError(str(exc)) from None
    return Neo4jBackend(driver, database, options.uri or DEFAULT_URI, options.user or DEFAULT_USER)
