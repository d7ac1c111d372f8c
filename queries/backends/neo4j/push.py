"""`policygraph neo4j push`: make a Neo4j database hold the local graph, sending only what changed.

Each node and relationship carries a hash of its properties (`pg_hash`, model.py). A push
reads the hashes the server holds, compares them with the local graph's, and then in
batched, parameterised `UNWIND … MERGE` transactions writes the nodes that are new or
changed, then the relationships, then deletes the relationships and nodes the local graph
no longer has. Every batch is one transaction that writes a whole element together with
its hash, so a push that is killed leaves only whole elements behind, and the next push
sends what is still missing: it completes consistently. A second push sends nothing.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import networkx as nx
from neo4j import Driver

from policygraph.graph.nxbuild import ranked_edges
from policygraph.graph.store import Store
from policygraph.queries.backend import fold, symbol_key
from policygraph.queries.backends.neo4j.model import (
    ALL_KIND_LABELS,
    NODE_LABEL,
    content_hash,
    edge_uid,
    encode,
    kind_label,
    rel_type,
)

BATCH = 5000
COUNTERS = ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
            "properties_set", "labels_added", "labels_removed")


class NodeRow(NamedTuple):
    id: str
    label: str
    props: dict[str, Any]


class RelRow(NamedTuple):
    uid: str
    type: str  # relationship type (IMPLEMENTS)
    source: str
    target: str
    props: dict[str, Any]


@dataclass
class PushReport:
    """What a push sent and what the server says it changed (its result summaries' counters)."""

    nodes: int = 0  # in the local graph
    edges: int = 0
    nodes_sent: int = 0
    edges_sent: int = 0
    nodes_deleted: int = 0
    edges_deleted: int = 0
    counters: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    def line(self) -> str:
        changed = ", ".join(f"{k.replace('_', ' ')} {self.counters[k]}" for k in COUNTERS if self.counters[k])
        return (f"pushed {self.nodes} nodes and {self.edges} edges in {self.seconds:.1f} s: sent {self.nodes_sent} "
                f"nodes and {self.edges_sent} edges, removed {self.nodes_deleted} nodes and {self.edges_deleted} "
                f"edges; server: {changed or 'nothing changed'}")


def local_graph(store: Store) -> nx.MultiDiGraph:
    """The graph to push: the one narrow read of the local store."""
    return store.load_graph()


def node_rows(graph: nx.MultiDiGraph) -> Iterator[NodeRow]:
    """Every node of `graph` as the properties Neo4j keeps (model.py)."""
    for node_id, attrs in graph.nodes(data=True):
        kind = attrs.get("kind")
        if "id" in attrs:
            raise ValueError(f"node {node_id!r}: an attribute named 'id' would hide the node's id in Neo4j")
        props = encode(attrs)
        props["id"] = node_id
        if kind == "document" and attrs.get("symbol"):
            props["pg_symbol_key"] = symbol_key(attrs["symbol"])
        if kind == "unit":
            props["pg_name_key"] = fold(attrs.get("name") or attrs.get("label"))
        label = kind_label(kind)
        props["pg_hash"] = content_hash(label, props)
        yield NodeRow(node_id, label, props)


def rel_rows(graph: nx.MultiDiGraph) -> Iterator[RelRow]:
    """Every edge, with its rank among its source's outgoing and its target's incoming edges.

    The ranks are the positions in the order in which the embedded backend gives a node's
    edges (queries/backend.py: NetworkXBackend), which answers depend on (the first parent
    a walk finds).
    """
    for source, target, key, attrs, out_rank, in_rank in ranked_edges(graph):
        props = encode(attrs)
        props.update(pg_uid=edge_uid(source, key, target), pg_key=key, pg_out=out_rank, pg_in=in_rank)
        kind = rel_type(attrs.get("type", key))
        props["pg_hash"] = content_hash(kind, source, target, props)
        yield RelRow(props["pg_uid"], kind, source, target, props)


def schema_statements(rel_types: Iterable[str]) -> list[str]:
    """The constraint and indexes a push and the backend's queries need (idempotent)."""
    out = [
        f"CREATE CONSTRAINT policygraph_id IF NOT EXISTS FOR (n:{NODE_LABEL}) REQUIRE n.id IS UNIQUE",
        "CREATE INDEX policygraph_symbol IF NOT EXISTS FOR (n:Document) ON (n.pg_symbol_key)",
        "CREATE INDEX policygraph_unit_name IF NOT EXISTS FOR (n:Unit) ON (n.pg_name_key)",
    ]
    for kind in sorted(set(rel_types)):
        out.append(f"CREATE INDEX policygraph_uid_{kind.lower()} IF NOT EXISTS FOR ()-[r:{kind}]-() ON (r.pg_uid)")
    return out


def _batches(rows: list, size: int) -> Iterator[list]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def push(driver: Driver, database: str, graph: nx.MultiDiGraph, batch: int = BATCH, full: bool = False,
         progress: Callable[[int, int], None] | None = None) -> PushReport:
    """Make `database` hold exactly `graph`; `progress(done, total)` counts elements sent or removed.

    What the server lacks is created (`CREATE`: nothing to match), what it holds with another
    hash is overwritten in place; `full` overwrites everything it holds, which also repairs an
    edit made on the server that left `pg_hash` as it was. One push at a time per database.
    """
    began = time.perf_counter()
    report = PushReport()
    nodes = {row.id: row for row in node_rows(graph)}
    rels = {row.uid: row for row in rel_rows(graph)}
    report.nodes, report.edges = len(nodes), len(rels)
    for statement in schema_statements({r.type for r in rels.values()}):
        driver.execute_query(statement, database_=database)
    driver.execute_query("CALL db.awaitIndexes(300)", database_=database)

    held_nodes, held_rels = server_hashes(driver, database)
    if full:
        held_nodes = dict.fromkeys(held_nodes, "")
        held_rels = {uid: (kind, "") for uid, (kind, _) in held_rels.items()}
    new_nodes = [row for row in nodes.values() if row.id not in held_nodes]
    changed_nodes = [row for row in nodes.values()
                     if row.id in held_nodes and held_nodes[row.id] != row.props["pg_hash"]]
    drop_rels = [(kind, uid) for uid, (kind, _) in held_rels.items() if uid not in rels or rels[uid].type != kind]
    dropped = {uid for _, uid in drop_rels}
    new_rels = [row for row in rels.values() if row.uid not in held_rels or row.uid in dropped]
    changed_rels = [row for row in rels.values() if row.uid in held_rels and row.uid not in dropped
                    and held_rels[row.uid][1] != row.props["pg_hash"]]
    drop_nodes = [node_id for node_id in held_nodes if node_id not in nodes]
    total = len(new_nodes) + len(changed_nodes) + len(new_rels) + len(changed_rels) + len(drop_rels) + len(drop_nodes)
    done = 0

    def run(query: str, rows: list) -> None:
        nonlocal done
        for chunk in _batches(rows, batch):
            summary = driver.execute_query(query, rows=chunk, database_=database).summary
            for name in COUNTERS:
                report.counters[name] += getattr(summary.counters, name)
            done += len(chunk)
            if progress:
                progress(done, total)

    if progress:
        progress(0, total)
    for kind, uids in _grouped(drop_rels):  # first: an edge whose type changed is dropped, then created
        run(f"UNWIND $rows AS uid MATCH ()-[r:{quoted(kind)} {{pg_uid: uid}}]->() DELETE r", uids)
    for label, rows in _grouped((row.label, {"id": row.id, "props": row.props}) for row in new_nodes):
        run(f"UNWIND $rows AS row CREATE (n:{NODE_LABEL}:{label}) SET n = row.props", rows)
    for label, rows in _grouped((row.label, {"id": row.id, "props": row.props}) for row in changed_nodes):
        others = ":".join(x for x in ALL_KIND_LABELS if x != label)
        run(f"UNWIND $rows AS row MATCH (n:{NODE_LABEL} {{id: row.id}}) "
            f"SET n = row.props SET n:{label} REMOVE n:{others}", rows)
    for kind, rows in _grouped((row.type, {"s": row.source, "t": row.target, "props": row.props})
                               for row in new_rels):
        run(f"UNWIND $rows AS row MATCH (a:{NODE_LABEL} {{id: row.s}}) MATCH (b:{NODE_LABEL} {{id: row.t}}) "
            f"CREATE (a)-[r:{kind}]->(b) SET r = row.props", rows)
    for kind, rows in _grouped((row.type, {"uid": row.uid, "props": row.props}) for row in changed_rels):
        run(f"UNWIND $rows AS row MATCH ()-[r:{kind} {{pg_uid: row.uid}}]->() SET r = row.props", rows)
    run(f"UNWIND $rows AS id MATCH (n:{NODE_LABEL} {{id: id}}) DETACH DELETE n", drop_nodes)
    report.nodes_sent, report.edges_sent = len(new_nodes) + len(changed_nodes), len(new_rels) + len(changed_rels)
    report.nodes_deleted, report.edges_deleted = len(drop_nodes), len(drop_rels)
    report.seconds = time.perf_counter() - began
    return report


def quoted(name: str) -> str:
    """A label or type read from the server, quoted as a Cypher identifier."""
    return "`" + name.replace("`", "``") + "`"


def _grouped(pairs: Iterable[tuple[str, Any]]) -> list[tuple[str, list]]:
    """(label or type, row) pairs as one list of rows per label or type, by name."""
    groups: dict[str, list] = defaultdict(list)
    for name, row in pairs:
        groups[name].append(row)
    return sorted(groups.items())


def server_hashes(driver: Driver, database: str) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """What the server holds: node id -> hash, relationship uid -> (type, hash)."""
    records = driver.execute_query(f"MATCH (n:{NODE_LABEL}) RETURN n.id AS id, n.pg_hash AS h",
                                   database_=database).records
    nodes = {r["id"]: r["h"] for r in records}
    records = driver.execute_query(
        f"MATCH (:{NODE_LABEL})-[r]->(:{NODE_LABEL}) WHERE r.pg_uid IS NOT NULL "
        "RETURN type(r) AS t, r.pg_uid AS uid, r.pg_hash AS h", database_=database).records
    rels = {r["uid"]: (r["t"], r["h"]) for r in records}
    return nodes, rels
