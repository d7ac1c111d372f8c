"""Lineage: what implements a document (down), what it implements (up), and the chain
between two documents.

The walk follows `implements` edges (also those a text asserts between two other
documents) breadth-first, so each document appears once, at its shortest distance,
under the parent that reached it first; the other parents are kept in `also_under`.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from policygraph.queries.backend import Backend, dispatchable, gc_paused
from policygraph.queries.documents import DocRow, doc_row, parse_date
from policygraph.text import fold
from policygraph.vocabulary import LEVEL_RANK, EdgeType, NodeKind

LINEAGE_EDGES = (EdgeType.IMPLEMENTS,)
WALK_ATTACH = (EdgeType.ISSUED_BY, EdgeType.ASSIGNS)  # what implementers and coverage read off each document


def lineage_part(backend: Backend, root: str, down: bool = True, depth: int | None = None,
                 edge_types: tuple[str, ...] = LINEAGE_EDGES) -> Backend:
    """The part of the graph a lineage question reads, fetched at once (see Backend.reach)."""
    return backend.reach([root], edge_types, "in" if down else "out", depth, WALK_ATTACH)


@dataclass
class TraceRow:
    doc: DocRow
    depth: int
    parent: str | None  # the node it hangs under in the tree (None for the root)
    evidence: str | None  # the sentence that states the edge to the parent
    stated_in: str | None
    asserted: bool = False
    also_under: list[str] = field(default_factory=list)
    shown: bool = True  # False when the filters hide it but it is kept to hold the tree

    def to_dict(self) -> dict[str, Any]:
        out = self.doc.to_dict()
        out.update(
            depth=self.depth,
            parent=self.parent,
            evidence=self.evidence,
            stated_in=self.stated_in,
            asserted=self.asserted,
            also_under=self.also_under,
        )
        return out


@dataclass
class Filters:
    """Row filters; the walk itself goes through hidden rows so that nothing below is lost."""

    depth: int | None = None
    level: str | None = None
    province: str | None = None
    since: date | None = None
    until: date | None = None

    def keep(self, row: DocRow) -> bool:
        if self.level and row.level != self.level:
            return False
        if self.province and fold(row.province) != fold(self.province):
            return False
        if self.since or self.until:
            when = parse_date(row.date)
            if when is None:
                return False
            if self.since and when < self.since:
                return False
            if self.until and when > self.until:
                return False
        return True


@gc_paused()
def walk(backend: Backend, root: str, down: bool = True, depth: int | None = None,
         edge_types: tuple[str, ...] = LINEAGE_EDGES) -> list[TraceRow]:
    """Breadth-first rows from `root` (itself first, depth 0)."""
    backend = lineage_part(backend, root, down, depth, edge_types)
    rows: dict[str, TraceRow] = {root: TraceRow(doc_row(backend, root), 0, None, None, None)}
    queue = deque([root])
    while queue:
        current = queue.popleft()
        here = rows[current].depth
        if depth is not None and here >= depth:
            continue
        edges = backend.in_edges(current, edge_types) if down else backend.out_edges(current, edge_types)
        for edge in edges:
            other = edge.source if down else edge.target
            if other in rows:
                if other != root and rows[other].parent != current and current not in rows[other].also_under:
                    rows[other].also_under.append(current)
                continue
            rows[other] = TraceRow(
                doc_row(backend, other),
                here + 1,
                current,
                edge.attrs.get("evidence"),
                edge.attrs.get("stated_in"),
                bool(edge.attrs.get("asserted")),
            )
            queue.append(other)
    return list(rows.values())


@dispatchable
def trace(backend: Backend, root: str, down: bool = True, filters: Filters | None = None,
          relations: tuple[str, ...] = LINEAGE_EDGES) -> list[TraceRow]:
    """Rows of the lineage tree, ordered by depth then level, place and date.

    `relations` are the edge types the walk follows: `implements` by default; a researcher may
    add `guides`, `continues` … to follow how a policy was carried on by other means.

    Rows hidden by the filters stay in the list with `shown=False` when a shown row lies
    below them, so that a tree can still be drawn; `visible()` drops them.
    """
    filters = filters or Filters()
    rows = walk(backend, root, down=down, depth=filters.depth, edge_types=tuple(relations))
    by_id = {r.doc.id: r for r in rows}
    needed: set[str] = set()
    for row in rows:
        row.shown = row.depth == 0 or filters.keep(row.doc)
        if row.shown:
            node: str | None = row.doc.id
            while node is not None and node not in needed:
                needed.add(node)
                node = by_id[node].parent
    kept = [r for r in rows if r.doc.id in needed]
    return sorted(kept, key=_order)


def visible(rows: list[TraceRow]) -> list[TraceRow]:
    return [r for r in rows if r.shown]


def _order(row: TraceRow) -> tuple:
    d = row.doc
    return (row.depth, LEVEL_RANK.get(d.level or "", 9), d.province or "", d.district or "",
            d.commune or "", d.date or "", d.id)


def roots(rows: list[TraceRow]) -> list[TraceRow]:
    """For an upward trace: the documents that implement nothing further up."""
    parents = {r.parent for r in rows if r.parent}
    parents.update(p for r in rows for p in r.also_under)
    return [r for r in rows if r.doc.id not in parents] if len(rows) > 1 else rows


@dataclass
class PathStep:
    source: DocRow
    target: DocRow
    type: str
    evidence: str | None
    stated_in: str | None
    forward: bool  # True when the edge points along the path (source implements target)

    def to_dict(self) -> dict[str, Any]:
        return {
            "from": self.source.to_dict(),
            "to": self.target.to_dict(),
            "type": self.type,
            "evidence": self.evidence,
            "stated_in": self.stated_in,
            "forward": self.forward,
        }


PATH_EDGES = (EdgeType.IMPLEMENTS, EdgeType.BASED_ON, EdgeType.REFERENCES)


@dispatchable
def path(backend: Backend, start: str, end: str, edge_types: tuple[str, ...] = PATH_EDGES) -> list[PathStep]:
    """Shortest chain between two documents.

    Prefers a chain of `implements` edges in one direction (one document carries out the
    other, through intermediate plans); otherwise any shortest chain over the document
    edges, either direction, each step marked with its direction.
    """
    for a, b in ((start, end), (end, start)):
        steps = _bfs(backend, a, b, (EdgeType.IMPLEMENTS,), directed=True)
        if steps is not None:
            return steps if a == start else _reverse(steps)
    steps = _bfs(backend, start, end, edge_types, directed=False)
    return steps or []


def _reverse(steps: list[PathStep]) -> list[PathStep]:
    return [PathStep(s.target, s.source, s.type, s.evidence, s.stated_in, not s.forward)
            for s in reversed(steps)]


def _bfs(backend: Backend, start: str, end: str, types: tuple[str, ...],
         directed: bool) -> list[PathStep] | None:
    """Walk from `start`: along edges up (start implements …) or, undirected, both ways."""
    came: dict[str, tuple[str, Any, bool] | None] = {start: None}
    queue = deque([start])
    while queue and end not in came:
        current = queue.popleft()
        moves = [(e.target, e, True) for e in backend.out_edges(current, types)]
        if not directed:
            moves += [(e.source, e, False) for e in backend.in_edges(current, types)]
        for other, edge, forward in moves:
            if other not in came and (backend.node(other) or {}).get("kind") == NodeKind.DOCUMENT:
                came[other] = (current, edge, forward)
                queue.append(other)
    if end not in came:
        return None
    steps: list[PathStep] = []
    node = end
    while came[node] is not None:
        prev, edge, forward = came[node]  # type: ignore[misc]
        steps.append(PathStep(doc_row(backend, prev), doc_row(backend, node), edge.type,
                              edge.attrs.get("evidence"), edge.attrs.get("stated_in"), forward))
        node = prev
    return list(reversed(steps))
