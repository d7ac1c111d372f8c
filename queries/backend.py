"""A small read-only view of the graph that every query runs on.

Queries never touch networkx directly: they ask a `Backend` for nodes, edges by type
and documents by symbol. The embedded store gives a networkx graph, wrapped by
`NetworkXBackend`; RDF and Neo4j backends implement the same few methods and so give
the same answers.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any, NamedTuple, Protocol, runtime_checkable

from policygraph.text import fold, symbol_key
from policygraph.vocabulary import NodeKind


@contextmanager
def gc_paused():
    """Pause the cyclic garbage collector while a query builds its rows (also as a decorator).

    A big answer is tens of thousands of small objects without cycles; meanwhile the
    collector would run over and over and find nothing (a third of coverage's time on a
    100k-document graph). Reference counting still frees everything as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Edge(NamedTuple):
    """One edge as queries see it (a named tuple: walks create hundreds of thousands)."""

    source: str
    target: str
    type: str
    attrs: dict[str, Any]


@runtime_checkable
class Backend(Protocol):
    """What the queries need from a graph store; all methods are read-only."""

    def node(self, node_id: str) -> dict[str, Any] | None: ...

    def nodes(self, kind: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]: ...

    def out_edges(self, node_id: str, types: Iterable[str] | None = None) -> Iterator[Edge]: ...

    def in_edges(self, node_id: str, types: Iterable[str] | None = None) -> Iterator[Edge]: ...

    def documents_by_symbol(self, symbol: str) -> list[str]: ...

    def units_by_name(self, name: str) -> list[str]: ...

    def reach(self, roots: Iterable[str], follow: Iterable[str], direction: str,
              depth: int | None = None, attach: Iterable[str] = ()) -> Backend:
        """A backend holding at least what a walk from `roots` needs.

        The walk follows edges of the `follow` types against their direction (`"in"`:
        from a document to those that point at it, "down" a lineage), along it (`"out"`)
        or both ways, up to `depth` steps; the answer also holds, for every node reached,
        its out-edges of the `attach` types and the nodes at their far end (the issuer,
        the units assigned). An in-memory backend returns itself; a server or an on-disk
        store fetches that part in one query, so a question costs one round trip instead
        of one per node.
        """
        ...


class NetworkXBackend:
    """Backend over the networkx MultiDiGraph of docs/model.md (edge key = edge type).

    The symbol and unit-name indexes are built on first use, in one pass over the nodes,
    so that a lookup is a dictionary access even on a million documents.
    """

    def __init__(self, graph: Any) -> None:
        self.graph = graph
        self._symbols: dict[str, list[str]] | None = None
        self._unit_names: dict[str, list[str]] | None = None

    def node(self, node_id: str) -> dict[str, Any] | None:
        return getattr(self.graph, "_node", self.graph.nodes).get(node_id)

    def nodes(self, kind: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        for node_id, attrs in self.graph.nodes(data=True):
            if kind is None or attrs.get("kind") == kind:
                yield node_id, attrs

    # The raw adjacency dicts (_succ/_pred) skip networkx's read-only views, which cost
    # more than the walk itself on large trees.
    def out_edges(self, node_id: str, types: Iterable[str] | None = None) -> Iterator[Edge]:
        return self._edges(getattr(self.graph, "_succ", self.graph.succ), node_id, types, outgoing=True)

    def in_edges(self, node_id: str, types: Iterable[str] | None = None) -> Iterator[Edge]:
        return self._edges(getattr(self.graph, "_pred", self.graph.pred), node_id, types, outgoing=False)

    def _edges(self, adjacency: Any, node_id: str, types: Iterable[str] | None, outgoing: bool) -> Iterator[Edge]:
        neighbours = adjacency.get(node_id)
        if not neighbours:
            return iter(())
        wanted = None if types is None else tuple(types)
        new = tuple.__new__  # Edge(...) without the named tuple's Python-level __new__: walks make 100k+
        return iter([
            new(Edge, (node_id, other, edge_type, attrs) if outgoing else (other, node_id, edge_type, attrs))
            for other, keyed in neighbours.items()
            for key, attrs in keyed.items()
            if (edge_type := attrs.get("type", key)) and (wanted is None or edge_type in wanted)
        ])

    def documents_by_symbol(self, symbol: str) -> list[str]:
        if self._symbols is None:
            index: dict[str, list[str]] = defaultdict(list)
            for node_id, attrs in self.graph.nodes(data=True):
                if attrs.get("kind") == NodeKind.DOCUMENT and attrs.get("symbol"):
                    index[symbol_key(attrs["symbol"])].append(node_id)
            self._symbols = dict(index)
        return list(self._symbols.get(symbol_key(symbol), ()))

    def reach(self, roots: Iterable[str], follow: Iterable[str], direction: str,
              depth: int | None = None, attach: Iterable[str] = ()) -> Backend:
        """Everything is in memory already."""
        return self

    def units_by_name(self, name: str) -> list[str]:
        if self._unit_names is None:
            index: dict[str, list[str]] = defaultdict(list)
            for node_id, attrs in self.graph.nodes(data=True):
                if attrs.get("kind") == NodeKind.UNIT:
                    index[fold(attrs.get("name") or attrs.get("label"))].append(node_id)
            self._unit_names = dict(index)
        key = fold(name)
        exact = self._unit_names.get(key)
        if exact:
            return list(exact)
        return [nid for folded, ids in self._unit_names.items() if key and key in folded for nid in ids]


DIRECTIONS = ("in", "out", "both")


def walk_subgraph(backend: Backend, roots: Iterable[str], follow: Iterable[str], direction: str,
                  depth: int | None = None, attach: Iterable[str] = ()) -> NetworkXBackend:
    """`Backend.reach` done with the primitive calls, one per node: the reference that a
    backend's one-query `reach` must equal, and enough for backends whose calls are cheap."""
    import networkx as nx

    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {DIRECTIONS}, not {direction!r}")
    follow, attach = tuple(follow), tuple(attach)
    graph = nx.MultiDiGraph()
    seen: dict[str, int] = {}
    queue: list[str] = []
    for root in roots:
        if root not in seen and backend.node(root) is not None:
            seen[root] = 0
            queue.append(root)
    for current in queue:  # grows while it is read: breadth first
        graph.add_node(current, **(backend.node(current) or {}))
        steps: list[Edge] = []
        if depth is None or seen[current] < depth:
            if direction in ("out", "both"):
                steps += backend.out_edges(current, follow)
            if direction in ("in", "both"):
                steps += backend.in_edges(current, follow)
        for edge in steps:
            other = edge.source if edge.target == current else edge.target
            if other not in seen:
                seen[other] = seen[current] + 1
                queue.append(other)
            add_edge_once(graph, edge)
        for edge in backend.out_edges(current, attach) if attach else ():
            if edge.target not in seen and edge.target not in graph:
                graph.add_node(edge.target, **(backend.node(edge.target) or {}))
            add_edge_once(graph, edge)
    return NetworkXBackend(graph)


def add_edge_once(graph: Any, edge: Edge) -> None:
    """Add `edge` once: met from both ends it is the same edge; a parallel one of the same
    type gets a numbered key (queries read an edge's type from its attributes)."""
    attrs = edge.attrs if edge.attrs.get("type") == edge.type else {**edge.attrs, "type": edge.type}
    key, n = edge.type, 0
    while graph.has_edge(edge.source, edge.target, key):
        if graph.edges[edge.source, edge.target, key] == attrs:
            return
        n += 1
        key = f"{edge.type}@{n}"
    graph.add_edge(edge.source, edge.target, key=key, **attrs)


def dispatchable(func: Callable[..., Any]) -> Callable[..., Any]:
    """Let a backend answer this question itself (as networkx lets a backend serve an algorithm).

    A backend that can answer a whole question faster in its own language (Cypher, SPARQL,
    SQL over its indexes) defines `native(name) -> callable | None`; the callable takes the
    same arguments and returns the same answer type as the plain function, which stays the
    reference (`func.generic`) that equivalence tests compare the native answer with.
    """
    name = func.__name__

    @wraps(func)
    def question(backend: Any, *args: Any, **kwargs: Any) -> Any:
        backend = as_backend(backend)
        native = getattr(backend, "native", None)
        answer = native(name) if native is not None else None
        return (answer or func)(backend, *args, **kwargs)

    question.generic = func  # type: ignore[attr-defined]
    return question


def as_backend(graph_or_backend: Any) -> Backend:
    """Accept a backend, or a networkx graph to wrap, so callers may pass either."""
    if isinstance(graph_or_backend, Backend):
        return graph_or_backend
    return NetworkXBackend(graph_or_backend)
