"""Write the graph out: networkx node-link JSON (the format the answer-key scorer reads)."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx


def node_link(graph: nx.MultiDiGraph) -> dict:
    """Node-link data with nodes and links in a stable order, so equal graphs give equal bytes."""
    data = nx.node_link_data(graph, edges="links")
    data["nodes"] = sorted(data["nodes"], key=lambda n: n["id"])
    data["links"] = sorted(
        data["links"], key=lambda e: (e["source"], e["target"], str(e.get("key")), json.dumps(e.get("span")))
    )
    return data


def write_json(graph: nx.MultiDiGraph, path: str | Path) -> None:
    text = json.dumps(node_link(graph), ensure_ascii=False, sort_keys=True, indent=1)
    Path(path).write_text(text + "\n", encoding="utf-8")
