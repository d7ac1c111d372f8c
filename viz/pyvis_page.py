"""A self-contained pyvis page of a subgraph: works offline and stays fast at 5,000 nodes.

pyvis builds the node and edge records; the page itself is rendered from our own
template because pyvis's template always pulls Bootstrap from a CDN and does not
escape. vis-network is inlined from the pyvis package (cdn_resources="in_line").
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from policygraph.viz.layout import level_positions
from policygraph.viz.records import edge_record, node_record
from policygraph.viz.style import legend

VIS_VERSION = "9.1.2"
TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"


def vis_asset(name: str) -> Path:
    """Path of a vis-network file shipped inside the installed pyvis package."""
    return Path(pyvis.__file__).parent / "templates" / "lib" / f"vis-{VIS_VERSION}" / name


def vis_options(count: int) -> dict[str, Any]:
    """vis-network options: physics off (positions come from layout.py), straight edges."""
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}},
        "nodes": {"font": {"size": 14, "face": "DejaVu Sans, Arial, sans-serif"}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": count > 1000,
                        "hideEdgesOnZoom": count > 1000},
    }


def build_network(graph: nx.MultiDiGraph, roots: tuple[str, ...] = ()) -> Network:
    """A pyvis Network whose nodes carry positions, style and structured tooltip data."""
    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    positions = level_positions(graph)
    for node, attrs in graph.nodes(data=True):
        x, y = positions[node]
        record = node_record(node, attrs, x, y, root=node in roots)
        del record["id"]
        net.add_node(node, **record)
    for source, target, key, attrs in graph.edges(keys=True, data=True):
        record = edge_record(source, target, attrs, key)
        for name in ("from", "to", "arrows"):
            del record[name]
        net.add_edge(source, target, **record)
    net.options = vis_options(graph.number_of_nodes())
    return net


def _environment() -> Environment:
    """Jinja with autoescape on, loading only our own templates."""
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(default=True))


def _inline(path: Path) -> Markup:
    """A trusted asset to inline in a <script> or <style>; refuses one that could close the tag."""
    text = path.read_text(encoding="utf-8")
    if "</script" in text.lower() or "</style" in text.lower():
        raise ValueError(f"{path} cannot be inlined safely")
    return Markup(text)


def render_page(graph: nx.MultiDiGraph, heading: str, roots: tuple[str, ...] = ()) -> str:
    """The whole HTML page as a string: data as JSON, every asset inline, no URL to fetch."""
    net = build_network(graph, roots)
    nodes, edges, _, _, _, options = net.get_network_data()
    template = _environment().get_template("pyvis_page.html")
    return template.render(
        heading=heading,
        nodes=nodes,
        edges=edges,
        options=options if isinstance(options, dict) else json.loads(options),
        legend=legend(),
        counts={"nodes": len(nodes), "edges": len(edges)},
        vis_js=_inline(vis_asset("vis-network.min.js")),
        vis_css=_inline(vis_asset("vis-network.css")),
        page_js=Markup("\n").join([_inline(STATIC / "tooltip.js"), _inline(STATIC / "pyvis_page.js")]),
        page_css=_inline(STATIC / "graph.css"),
    )


def write_page(graph: nx.MultiDiGraph, path: str | Path, heading: str,
               roots: tuple[str, ...] = ()) -> Path:
    """Write the page; returns the path written."""
    out = Path(path)
    out.write_text(render_page(graph, heading, roots), encoding="utf-8")
    return out

