"""The data behind every page and JSON endpoint, as plain dicts (no Flask here).

Reports, search and paths come from policygraph.queries; this module only shapes
their answers for the browser.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import networkx as nx

from policygraph.queries.coverage import coverage
from policygraph.queries.documents import candidates
from policygraph.queries.history import history, status
from policygraph.queries.implementers import implementers
from policygraph.queries.lineage import path
from policygraph.queries.neighbourhood import neighbourhood
from policygraph.queries.search import search
from policygraph.viz.describe import edge_facts, node_summary
from policygraph.viz.highlight import segments
from policygraph.viz.i18n import catalogue, gettext, language
from policygraph.viz.labels import EDGE_LABELS, LEVEL_LABELS
from policygraph.viz.layout import level_positions
from policygraph.viz.library import Library
from policygraph.viz.records import edge_id, edge_record, node_record
from policygraph.viz.style import EDGE_NAMES, LEVEL_ORDER
from policygraph.vocabulary import EdgeType, NodeKind

DIRECTIONS = ("both", "up", "down")


def suggestions(lib: Library, query: str, limit: int = 10) -> list[dict[str, Any]]:
    """Search hits for the search box: diacritics-insensitive (queries.search)."""
    if not query.strip():
        return []
    out = []
    for hit in search(lib.backend, query, limit=limit):
        row = hit.doc
        out.append({"id": row.id, "symbol": row.symbol, "title": row.title, "name": row.name,
                    "level": row.level, "place": row.place, "year": row.year, "stub": row.stub,
                    "flags": row.flags, "matched": hit.matched})
    return out


def choices(lib: Library, ref: str) -> list[dict[str, Any]]:
    """Documents a reference (node id or symbol) may name."""
    return [row.to_dict() | {"name": row.name, "place": row.place} for row in candidates(lib.backend, ref)]


def _edge_entry(lib: Library, source: str, target: str, key: str, attrs: dict[str, Any],
                outgoing: bool) -> dict[str, Any]:
    other = target if outgoing else source
    etype = attrs.get("type", key)
    return {
        "id": edge_id(source, target, key),
        "type": etype,
        "type_name": EDGE_NAMES.get(etype, etype),
        "direction": "out" if outgoing else "in",
        "other": node_summary(lib.graph, other),
        "evidence": attrs.get("evidence"),
        "stated_in": attrs.get("stated_in"),
        "span": attrs.get("span"),
        "asserted": bool(attrs.get("asserted")),
        "facts": edge_facts(attrs),
    }


PAGE_CHARS = 100_000  # characters of source text per page: a 50 MB text would be a 50 MB page


def text_pages(text: str, size: int = PAGE_CHARS) -> list[tuple[int, int]]:
    """(start, end) of each page of `text`: about `size` characters, cut after a line end."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            line_end = text.rfind("\n", start, end)
            end = line_end + 1 if line_end > start else end
        bounds.append((start, end))
        start = end
    return bounds or [(0, 0)]


def standing(lib: Library, node_id: str) -> dict[str, Any]:
    """Whether the document is in force today and the acts on it and by it, oldest first (issue 17)."""
    now = status(lib.backend, node_id)
    h = history(lib.backend, node_id)

    def act(e: Any, other: Any) -> dict[str, Any]:
        return {"when": e.when, "type": e.type, "other": {"id": other.id, "label": other.name}, "scope": e.scope,
                "articles": e.articles, "evidence": e.evidence, "asserted": e.asserted}

    return {"state": now.state, "as_of": now.as_of, "last_seen": now.last_seen, "effective": h.effective,
            "changed_by": [act(e, e.actor) for e in h.changed_by], "changes": [act(e, e.target) for e in h.changes]}


def document(lib: Library, node_id: str, page: int = 1) -> dict[str, Any]:
    """Identity, flags, every edge with its evidence, and one page of the text split at cited spans
    (`page` from 1; a text over PAGE_CHARS characters comes in pages)."""
    graph = lib.graph
    edges = [_edge_entry(lib, s, t, k, a, True) for s, t, k, a in graph.out_edges(node_id, True, keys=True)]
    edges += [_edge_entry(lib, s, t, k, a, False) for s, t, k, a in graph.in_edges(node_id, True, keys=True)]
    text = lib.text(node_id)
    spans = []
    for source, target, etype, attrs in lib.stated.get(node_id, []):  # etype: attrs["type"]
        span = attrs.get("span") or []
        if len(span) == 2:
            names = [graph.nodes[n].get("label", n) for n in (source, target)]
            note = f"{names[0]} {etype} {names[1]}"
            spans.append((int(span[0]), int(span[1]), note))
    bounds = text_pages(text or "")
    page = min(max(page, 1), len(bounds))
    start, end = bounds[page - 1]
    shown = (text or "")[start:end]
    return {
        "node": node_summary(graph, node_id),
        "standing": standing(lib, node_id),
        "edges": edges,
        "text": shown,
        "segments": segments(shown, [(s - start, e - start, note) for s, e, note in spans]) if shown else [],
        "cited_spans": len(spans),
        "page": page,
        "pages": len(bounds),
        "text_chars": len(text or ""),
    }


def graph_view(lib: Library, node_id: str, depth: int = 1, direction: str = "both", units: bool = False,
               opened: tuple[str, ...] = ()) -> dict[str, Any]:
    """vis records of a neighbourhood, laid out by level: documents only unless `units`;
    each document of `opened` brings its own neighbours and units (a click on it)."""
    sub = lib.service.neighbourhood([node_id], depth=depth, direction=direction, units=units)
    for other in opened:
        if lib.backend.node(other) is not None:
            sub = nx.compose(sub, lib.service.neighbourhood([other], depth=1, direction="both", units=True))
    positions = level_positions(sub)
    table = catalogue(language())
    nodes = [_translated(node_record(n, a, *positions[n], root=n == node_id), table) for n, a in sub.nodes(data=True)]
    edges = [_translated(edge_record(s, t, a, k), table) for s, t, k, a in sub.edges(keys=True, data=True)]
    return {"root": node_id, "nodes": nodes, "edges": edges, "opened": [o for o in opened if o in sub]}


def _translated(record: dict[str, Any], table: dict[str, str]) -> dict[str, Any]:
    """Tooltip labels (and an edge's type) in the interface language (`table`: its catalogue)."""
    record["tip"] = [(table.get(label, label), table.get(value, value) if label == "Kind" else value)
                     for label, value in record["tip"]]
    if "etype" in record:
        etype = EDGE_LABELS.get(record["etype"], record["etype"])
        record["tipHead"] = table.get(etype, etype)
    return record


def expand(lib: Library, node_id: str) -> dict[str, Any]:
    """One hop around a node, both ways, for click-to-expand (no positions: the page places them)."""
    sub = neighbourhood(lib.backend, [node_id], depth=1, direction="both")
    if lib.graph.nodes[node_id].get("kind") == NodeKind.UNIT:
        around = {node_id, *lib.graph.predecessors(node_id), *lib.graph.successors(node_id)}
        sub = lib.graph.subgraph(n for n in around if lib.graph.nodes[n].get("kind") != NodeKind.PLACE)
    return {
        "root": node_id,
        "nodes": [_translated(node_record(n, a), catalogue(language())) for n, a in sub.nodes(data=True)],
        "edges": [_translated(edge_record(s, t, a, k), catalogue(language()))
                  for s, t, k, a in sub.edges(keys=True, data=True)],
    }


def path_view(lib: Library, start: str, end: str) -> dict[str, Any]:
    """Shortest chain between two documents (queries.lineage.path) as node and edge ids."""
    steps = path(lib.backend, start, end)
    nodes: list[str] = [start] if steps else []
    edges = []
    for step in steps:
        nodes.append(step.target.id)
        pair = (step.source.id, step.target.id)
        source, target = pair if step.forward else pair[::-1]
        keys = [k for k, a in lib.graph[source][target].items() if a.get("type", k) == step.type]
        edges.append(edge_id(source, target, keys[0] if keys else step.type))
    return {"from": start, "to": end, "found": bool(steps), "nodes": nodes, "edges": edges,
            "steps": [s.to_dict() for s in steps]}


def facets(lib: Library) -> dict[str, Any]:
    """Values the graph page can filter on."""
    provinces, years = set(), set()
    for _, attrs in lib.graph.nodes(data=True):
        if attrs.get("province"):
            provinces.add(attrs["province"])
        if attrs.get("year"):
            years.add(int(attrs["year"]))
    types = sorted({t for _, _, t in lib.graph.edges(data="type") if t not in (EdgeType.LOCATED_IN, EdgeType.PART_OF)})
    return {
        "levels": [{"key": k, "name": gettext(LEVEL_LABELS[k])} for k in LEVEL_ORDER],
        "provinces": sorted(provinces),
        "years": sorted(years),
        "edge_types": [{"key": t, "name": gettext(EDGE_LABELS.get(t, t))} for t in types],
    }


IMPLEMENTER_COLUMNS = ("level", "province", "district", "commune", "symbol", "title", "date", "unit",
                       "parent_name", "direct", "lag_days", "depth", "stub", "id")
COVERAGE_COLUMNS = ("assigned_by_name", "unit", "target", "level", "province", "district", "commune",
                    "role", "task", "deadline", "deadline_text", "status", "late", "acted_by_name")


def implementers_report(lib: Library, node_id: str) -> dict[str, Any]:
    """queries.implementers as a dict, with the table columns the page shows."""
    report = implementers(lib.backend, node_id).to_dict()
    report["columns"] = list(IMPLEMENTER_COLUMNS)
    report["rows"] = report.pop("implementers")
    return report


def coverage_report(lib: Library, node_id: str) -> dict[str, Any]:
    """queries.coverage as a dict, with the table columns the page shows."""
    report = coverage(lib.backend, node_id).to_dict()
    report["columns"] = list(COVERAGE_COLUMNS)
    return report


def cell(value: Any) -> str:
    """One table or CSV cell: lists joined, None empty."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(cell(v) for v in value)
    return str(value)


def to_csv(columns: list[str], rows: list[dict[str, Any]]) -> str:
    """CSV with a header row; cells that a spreadsheet would run as formulas are quoted with '."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        values = [cell(row.get(c)) for c in columns]
        writer.writerow(["'" + v if v[:1] in ("=", "+", "-", "@") and not v[1:2].isdigit() else v
                         for v in values])
    return buffer.getvalue()
