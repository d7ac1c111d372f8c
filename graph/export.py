"""Write the graph out: networkx node-link JSON (the format the answer-key scorer reads)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import networkx as nx


def node_link(graph: nx.MultiDiGraph) -> dict:
    """Node-link data with nodes and links in a stable order, so equal graphs give equal bytes.

    A document's `source` is its path relative to the folder that was ingested and `file_name` its
    name: the absolute path (a home directory, a user name) stays in the store."""
    data = nx.node_link_data(graph, edges="links")
    data["nodes"] = sorted((_public(n) for n in data["nodes"]), key=lambda n: n["id"])
    data["links"] = sorted(
        data["links"], key=lambda e: (e["source"], e["target"], str(e.get("key")), json.dumps(e.get("span")))
    )
    return data


def _public(node: dict) -> dict:
    if node.get("source"):
        node["source"] = node.pop("rel_path", None) or os.path.basename(node["source"])
        node["file_name"] = os.path.basename(node["source"])
    node.pop("rel_path", None)
    if node.get("duplicates"):
        node["duplicates"] = sorted(os.path.basename(p) for p in node["duplicates"])
    return node


def write_json(graph: nx.MultiDiGraph, path: str | Path) -> None:
    text = json.dumps(node_link(graph), ensure_ascii=False, sort_keys=True, indent=1)
    Path(path).write_text(text + "\n", encoding="utf-8")
