"""Which nodes a drawing shows: a document's neighbourhood, up or down its lineage."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

import networkx as nx

from policygraph.viz.style import DOCUMENT_EDGES
from policygraph.vocabulary import NodeKind


def find_documents(graph: nx.MultiDiGraph, key: str) -> list[str]:
    """Node ids for a symbol (all scopes and epochs) or an exact node id."""
    if key in graph and graph.nodes[key].get("kind") == NodeKind.DOCUMENT:
        return [key]
    wanted = key.strip().casefold()
    return sorted(
        node for node, attrs in graph.nodes(data=True)
        if attrs.get("kind") == NodeKind.DOCUMENT and (attrs.get("symbol") or "").casefold() == wanted
    )


def neighbourhood(graph: nx.MultiDiGraph, roots: Iterable[str], depth: int = 2,
                  direction: str = "both", units: bool = True) -> nx.MultiDiGraph:
    """Documents within `depth` document-to-document hops of the roots, plus their units.

    Places (`located_in`) are left out: level, province and year are node attributes.

    `direction` is `up` (what the roots carry out or cite), `down` (what carries them
    out) or `both`. Units hang one hop off the documents shown and are not expanded,
    so a busy unit does not pull in half the country.
    """
    seen = {root: 0 for root in roots}
    queue = deque(seen)
    while queue:
        node = queue.popleft()
        if seen[node] >= depth:
            continue
        for nxt in _document_steps(graph, node, direction):
            if nxt not in seen:
                seen[nxt] = seen[node] + 1
                queue.append(nxt)
    keep = set(seen)
    if units:
        for node in list(seen):
            keep.update(t for _, t in graph.out_edges(node) if graph.nodes[t].get("kind") == NodeKind.UNIT)
    return graph.subgraph(keep).copy()


def _document_steps(graph: nx.MultiDiGraph, node: str, direction: str) -> set[str]:
    """Documents one lineage edge away, in the chosen direction.

    Edge keys may carry a suffix (`implements@…` for parallel edges), so the `type`
    attribute decides, never the key.
    """
    steps: set[str] = set()
    if direction in ("up", "both"):
        steps |= {t for _, t, kind in graph.out_edges(node, data="type") if kind in DOCUMENT_EDGES}
    if direction in ("down", "both"):
        steps |= {s for s, _, kind in graph.in_edges(node, data="type") if kind in DOCUMENT_EDGES}
    return steps
