"""The resolver's output: nodes and edges before they are stored."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Graph:
    nodes: dict[str, dict] = field(default_factory=dict)
    edges: list[tuple[str, str, str, dict]] = field(default_factory=list)
    # the quoted sentence of every edge so far, each text once: an edge's evidence is the
    # first equal one (graph/edges.py). Documents repeat the same "Căn cứ …" lines, and several
    # citations in one sentence quote it: pickle writes a string object once, so sharing them
    # shrinks the graph snapshot and the memory of a loaded graph.
    quotes: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def add_node(self, node_id: str, **attrs) -> dict:
        node = self.nodes.setdefault(node_id, {})
        for k, v in attrs.items():
            if v is not None or k not in node:
                node[k] = v
        return node
