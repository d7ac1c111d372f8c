"""The lineage page's data: a document's tree down (what carries it out) and up (what it
carries out), by level, as the terminal's `trace` walks it (queries.lineage.trace).

Rows hidden by a filter are kept, greyed, when a shown row hangs below them, so the
tree never breaks; the filters are the trace's own (level, province) plus years.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from policygraph.queries.documents import parse_date
from policygraph.queries.lineage import Filters, TraceRow
from policygraph.queries.service import Service
from policygraph.vocabulary import LEVELS


@dataclass
class LineageFilters:
    level: str | None = None
    province: str | None = None
    year_from: int | None = None
    year_to: int | None = None

    def keeps_year(self, year: int | None) -> bool:
        if self.year_from is None and self.year_to is None:
            return True
        if year is None:
            return False
        return (self.year_from is None or year >= self.year_from) and (self.year_to is None or year <= self.year_to)

    @property
    def active(self) -> bool:
        return any(v is not None for v in (self.level, self.province, self.year_from, self.year_to))


@dataclass
class LineageNode:
    """One row of the tree, with what the page shows about it."""

    row: TraceRow
    type_name: str | None
    lag_days: int | None  # from the parent's date to this one's (both full dates)
    shown: bool
    children: list[LineageNode] = field(default_factory=list)

    @property
    def doc(self) -> Any:
        return self.row.doc

    def count(self) -> int:
        return int(self.shown) + sum(c.count() for c in self.children)


@dataclass
class Lineage:
    root: LineageNode
    direction: str  # "down" or "up"
    levels: dict[str, int]  # shown rows per level below (or above) the root
    provinces: list[str]  # every province in the tree, for the filter
    years: list[int]


def lag(parent: TraceRow | None, row: TraceRow) -> int | None:
    """Days from the parent's date to the row's; None unless both dates are full."""
    if parent is None:
        return None
    start, end = parse_date(parent.doc.date), parse_date(row.doc.date)
    if not (start and end):
        return None
    return (end - start).days


def lineage(service: Service, root: str, down: bool = True, filters: LineageFilters | None = None) -> Lineage:
    """The tree under (or above) `root` with the filters applied."""
    filters = filters or LineageFilters()
    every = service.trace(root, down=down)
    provinces = sorted({r.doc.province for r in every if r.doc.province})
    years = sorted({r.doc.year for r in every if r.doc.year})
    rows = service.trace(root, down=down, filters=Filters(level=filters.level, province=filters.province))
    by_id = {r.doc.id: r for r in rows}
    shown = {r.doc.id for r in rows if r.depth == 0 or (r.shown and filters.keeps_year(r.doc.year))}
    needed: set[str] = set()
    for node_id in shown:
        current: str | None = node_id
        while current is not None and current not in needed:
            needed.add(current)
            current = by_id[current].parent
    nodes: dict[str, LineageNode] = {}
    for row in rows:  # ordered by depth: a parent comes before its children
        if row.doc.id not in needed:
            continue
        attrs = service.backend.node(row.doc.id) or {}
        parent = by_id.get(row.parent) if row.parent else None
        node = LineageNode(row, attrs.get("doc_type_name"), lag(parent, row), row.doc.id in shown)
        nodes[row.doc.id] = node
        if row.parent in nodes:
            nodes[row.parent].children.append(node)
    levels = {name: 0 for name in LEVELS}
    for node_id in shown - {root}:
        level = by_id[node_id].doc.level
        if level in levels:
            levels[level] += 1
    return Lineage(nodes[root], "down" if down else "up", levels, provinces, years)


def parse_filters(args: Any) -> LineageFilters:
    """Filters from a query string; what does not parse is ignored, never an error page."""

    def year(name: str) -> int | None:
        value = (args.get(name) or "").strip()
        return int(value) if value.isdigit() and 1900 <= int(value) <= 2100 else None

    level = args.get("level") or None
    province = (args.get("province") or "").strip() or None
    return LineageFilters(level if level in LEVELS else None, province, year("from"), year("to"))
