"""Positions by level, computed in Python so the browser draws at once with physics off.

vis-network's own hierarchical layout and force physics both take seconds to minutes
beyond a thousand nodes; a banded grid ordered by parents is instant and readable.
"""

from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx

from policygraph.viz.style import level_rank
from policygraph.vocabulary import NodeKind

# A document's label wraps within LABEL_WIDTH px at 14 px (42 characters: at most 3 lines,
# a box about 66 px high); a unit's within UNIT_LABEL_WIDTH at 12 px, under its diamond.
# The gaps leave room on every side, so that no two labels overlap at any size
# (tests/test_browser_walk.py measures the boxes vis-network draws).
LABEL_WIDTH = 150
UNIT_LABEL_WIDTH = 130
X_GAP = 190
ROW_GAP = 100
BAND_GAP = 170


def level_positions(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """(x, y) per node: one band per level, top to bottom, documents before units.

    Unit rows are shifted half a column so lineage edges do not run through them.

    Within a band, nodes are ordered by the mean position of their already placed
    neighbours (one barycentre sweep), which keeps lineages roughly vertical.
    """
    bands: dict[int, list[str]] = defaultdict(list)
    for node, attrs in graph.nodes(data=True):
        bands[level_rank(attrs.get("level"))].append(node)
    width = _row_width(graph.number_of_nodes())
    order: dict[str, float] = {}
    positions: dict[str, tuple[float, float]] = {}
    y = 0.0
    for rank in sorted(bands):
        nodes = sorted(bands[rank], key=lambda n: _sort_key(graph, n, order))
        documents = [n for n in nodes if graph.nodes[n].get("kind") != NodeKind.UNIT]
        units = [n for n in nodes if graph.nodes[n].get("kind") == NodeKind.UNIT]
        for group, shift in ((documents, 0.0), (units, X_GAP / 2)):
            for index, node in enumerate(group):
                row, col = divmod(index, width)
                in_row = min(width, len(group) - row * width)
                x = (col - (in_row - 1) / 2) * X_GAP + shift
                positions[node] = (x, y + row * ROW_GAP)
                order[node] = x
            if group:
                y += math.ceil(len(group) / width) * ROW_GAP
        y += BAND_GAP
    return positions


def _row_width(count: int) -> int:
    """Nodes per row: wide rows for small graphs, a squarer page for large ones."""
    return max(12, int(math.sqrt(count) * 1.6))


def _sort_key(graph: nx.MultiDiGraph, node: str, order: dict[str, float]) -> tuple:
    """Barycentre of placed neighbours first, then a stable readable key."""
    placed = [order[m] for m in nx.all_neighbors(graph, node) if m in order]
    centre = sum(placed) / len(placed) if placed else math.inf
    attrs = graph.nodes[node]
    return (centre, attrs.get("year") or 0, str(node))
