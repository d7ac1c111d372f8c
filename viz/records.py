"""vis-network node and edge records, shared by pyvis pages and the app's graph view."""

from __future__ import annotations

from typing import Any

from policygraph.viz.describe import edge_facts, node_facts, node_heading, short_label
from policygraph.viz.layout import LABEL_WIDTH, UNIT_LABEL_WIDTH
from policygraph.viz.style import EDGE_STYLES, KIND_SHAPES, LEVEL_COLOURS, level_rank, node_kind
from policygraph.vocabulary import EdgeType, NodeKind


def node_record(node: str, attrs: dict[str, Any], x: float | None = None, y: float | None = None,
                root: bool = False) -> dict[str, Any]:
    """Styled node with filter fields and structured tooltip data (`tipHead`, `tip`)."""
    kind = node_kind(attrs)
    colour = LEVEL_COLOURS.get(attrs.get("level"), LEVEL_COLOURS[None])
    record: dict[str, Any] = {
        "id": node,
        "label": short_label(attrs, node),
        "shape": KIND_SHAPES.get(kind, "dot"),
        "color": {"background": colour if kind != "stub" else "#ffffff", "border": colour},
        "font": {"color": "#ffffff" if kind == NodeKind.DOCUMENT else "#1c2833"},
        "borderWidth": 3 if root else 1.5,
        "kind": kind,
        "level_name": attrs.get("level"),
        "rank": level_rank(attrs.get("level")),
        "province": attrs.get("province"),
        "year": attrs.get("year"),
        "tipHead": node_heading(attrs, node),
        "tip": node_facts(attrs),
    }
    if kind == "stub":
        record["shapeProperties"] = {"borderDashes": [5, 3]}
    if kind == NodeKind.UNIT:
        record["size"] = 10
        record["font"]["size"] = 12
    # Labels wrap inside this width (a long symbol is broken too): layout.py leaves gaps wider
    # than a wrapped label, so no two labels overlap.
    record["widthConstraint"] = {"maximum": LABEL_WIDTH if kind != NodeKind.UNIT else UNIT_LABEL_WIDTH}
    if x is not None and y is not None:
        record["x"], record["y"] = x, y
    return record


def edge_id(source: str, target: str, key: str) -> str:
    """Stable id of an edge: the graph's key tells parallel edges apart (`assigns@1403`)."""
    return f"{source}\u2192{target}\u2192{key}"


def edge_record(source: str, target: str, attrs: dict[str, Any], key: str | None = None) -> dict[str, Any]:
    """Styled edge with its type for filtering and its evidence for the tooltip."""
    etype = attrs.get("type", key) or EdgeType.REFERENCES
    style = EDGE_STYLES.get(etype, EDGE_STYLES["references"])
    return {
        "id": edge_id(source, target, key or etype),
        "from": source,
        "to": target,
        "arrows": "to",
        "etype": etype,
        "color": style["color"],
        "width": style["width"],
        "dashes": style["dashes"],
        "tipHead": etype,
        "tip": edge_facts(attrs),
    }
