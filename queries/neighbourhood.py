"""Which nodes a picture shows: a document's neighbourhood, up or down its lineage, on any backend."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from policygraph.ingest.changes import CHANGE_TYPES
from policygraph.queries.backend import Backend, add_edge_once, as_backend
from policygraph.vocabulary import EdgeType, NodeKind

DOCUMENT_EDGES = (EdgeType.IMPLEMENTS, EdgeType.BASED_ON, EdgeType.REFERENCES, *CHANGE_TYPES)
UNIT_EDGES = (EdgeType.ISSUED_BY, EdgeType.ASSIGNS, EdgeType.SENT_TO, EdgeType.REPORTS_TO)
STEPS = {"up": "out", "down": "in", "both": "both"}


def neighbourhood(backend: Backend | nx.MultiDiGraph, roots: Iterable[str], depth: int = 2, direction: str = "both",
                  units: bool = True) -> nx.MultiDiGraph:
    """Documents within `depth` document-to-document hops of the roots, plus their units.

    `direction` is `up` (what the roots carry out or cite), `down` (what carries them out)
    or `both`. Units hang one hop off the documents shown and are not expanded, so a busy
    unit does not pull in half the country. Places (`located_in`) are left out: level,
    province and year are node attributes.
    """
    if direction not in STEPS:
        raise ValueError(f"direction must be one of {tuple(STEPS)}, not {direction!r}")
    backend = as_backend(backend)
    roots = list(roots)
    # one step further than shown, so that the edges between the farthest documents are there too
    part = backend.reach(roots, DOCUMENT_EDGES, STEPS[direction], depth + 1, UNIT_EDGES if units else ())
    # Breadth-first over the part: keep what lies within `depth` of a root.
    seen = {root: 0 for root in roots if part.node(root) is not None}
    queue = list(seen)
    for current in queue:  # grows while it is read
        if seen[current] >= depth:
            continue
        moves = []
        if direction in ("up", "both"):
            moves += [e.target for e in part.out_edges(current, DOCUMENT_EDGES)]
        if direction in ("down", "both"):
            moves += [e.source for e in part.in_edges(current, DOCUMENT_EDGES)]
        for other in moves:
            if other not in seen:
                seen[other] = seen[current] + 1
                queue.append(other)
    keep = set(seen)
    if units:
        for node in seen:
            keep.update(e.target for e in part.out_edges(node, UNIT_EDGES)
                        if (part.node(e.target) or {}).get("kind") == NodeKind.UNIT)
    graph = nx.MultiDiGraph()
    for node in sorted(keep):
        graph.add_node(node, **(part.node(node) or {}))
    for node in sorted(keep):  # every edge between nodes shown, as a subgraph has
        # a unit's own edges (reports_to) lie outside the part a lineage walk fetched
        source = part if node in seen else backend
        for edge in source.out_edges(node):
            if edge.target in keep:
                add_edge_once(graph, edge)
    return graph
