"""How the graph looks: one colour per level, one shape per node kind, one style per edge type.

Shared by the pyvis pages and the web app so the two read the same way.
"""

from __future__ import annotations

from typing import Any

from policygraph.ingest.changes import CHANGE_TYPES
from policygraph.vocabulary import LEVELS, EdgeType, NodeKind

LEVEL_ORDER = LEVELS
LEVEL_NAMES = {
    "central": "Central (Trung ương)",
    "province": "Province (tỉnh)",
    "district": "District (huyện)",
    "commune": "Commune (xã)",
    None: "Unknown level",
}
LEVEL_COLOURS = {
    "central": "#c0392b",
    "province": "#d68910",
    "district": "#2471a3",
    "commune": "#1e8449",
    None: "#7f8c8d",
}

# Node kind as drawn: a stub is a document known only from citations.
KIND_SHAPES = {"document": "box", "stub": "ellipse", "unit": "diamond", "place": "triangle"}
KIND_NAMES = {
    "document": "Ingested document",
    "stub": "Cited document (stub)",
    "unit": "Unit (body, office)",
    "place": "Place",
}

EDGE_STYLES: dict[str, dict[str, Any]] = {
    "implements": {"color": "#1b2631", "width": 2.5, "dashes": False},
    "based_on": {"color": "#5d6d7e", "width": 1.5, "dashes": [8, 4]},
    "references": {"color": "#aab7b8", "width": 1, "dashes": [2, 4]},
    "assigns": {"color": "#117a65", "width": 1.5, "dashes": False},
    "issued_by": {"color": "#7d3c98", "width": 1, "dashes": [6, 3]},
    "sent_to": {"color": "#a569bd", "width": 1, "dashes": [1, 3]},
    "reports_to": {"color": "#ca6f1e", "width": 1, "dashes": [4, 2]},
    # what one document did to another (issue 17): warm colours, so a change stands out from lineage
    "amends": {"color": "#b9770e", "width": 2, "dashes": False},
    "replaces": {"color": "#943126", "width": 2, "dashes": False},
    "repeals": {"color": "#cb4335", "width": 2, "dashes": [10, 3]},
    "guides": {"color": "#1f618d", "width": 1.5, "dashes": [4, 3]},
    "consolidates": {"color": "#6c3483", "width": 1.5, "dashes": [2, 2]},
    "continues": {"color": "#1e8449", "width": 2, "dashes": [6, 2]},
    "reviews": {"color": "#7e5109", "width": 1.5, "dashes": [3, 3]},
    "located_in": {"color": "#d5d8dc", "width": 1, "dashes": [1, 2]},
    "part_of": {"color": "#d5d8dc", "width": 1, "dashes": [1, 2]},
}
EDGE_NAMES = {
    "implements": "implements (thực hiện)",
    "based_on": "based on (căn cứ)",
    "references": EdgeType.REFERENCES,
    "assigns": "assigns a task to",
    "issued_by": "issued by",
    "sent_to": "sent to",
    "reports_to": "reports to",
    "amends": "amends (sửa đổi, bổ sung)",
    "replaces": "replaces (thay thế)",
    "repeals": "repeals (bãi bỏ)",
    "guides": "guides (hướng dẫn, quy định chi tiết)",
    "consolidates": "consolidates (hợp nhất)",
    "continues": "continues (tiếp tục thực hiện)",
    "reviews": "reviews (sơ kết, tổng kết)",
    "located_in": "located in",
    "part_of": "part of",
}
DOCUMENT_EDGES = (EdgeType.IMPLEMENTS, EdgeType.BASED_ON, EdgeType.REFERENCES, *CHANGE_TYPES)
UNIT_EDGES = (EdgeType.ASSIGNS, EdgeType.ISSUED_BY, EdgeType.SENT_TO)


def node_kind(attrs: dict[str, Any]) -> str:
    """The drawn kind: documents split into ingested ones and stubs."""
    kind = attrs.get("kind", NodeKind.DOCUMENT)
    if kind == NodeKind.DOCUMENT and (attrs.get("stub") or not attrs.get("source")):
        return "stub"
    return kind


def level_rank(level: str | None) -> int:
    """Row of a level in the hierarchical layout (central on top, unknown at the bottom)."""
    return LEVEL_ORDER.index(level) if level in LEVEL_ORDER else len(LEVEL_ORDER)


def legend() -> dict[str, list[dict[str, Any]]]:
    """Legend entries as data, rendered by the templates (never as raw HTML)."""
    return {
        "levels": [
            {"key": key, "name": LEVEL_NAMES[key], "colour": LEVEL_COLOURS[key]}
            for key in (*LEVEL_ORDER, None)
        ],
        "kinds": [
            {"key": key, "name": KIND_NAMES[key], "shape": KIND_SHAPES[key]}
            for key in ("document", "stub", "unit")
        ],
        "edges": [
            {"key": key, "name": EDGE_NAMES[key], **EDGE_STYLES[key]}
            for key in (*DOCUMENT_EDGES, *UNIT_EDGES, EdgeType.REPORTS_TO)
        ],
    }
