"""The resolver's output: nodes and edges before they are stored."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Graph:
    nodes: dict[str, dict] = field(default_factory=dict)
    edges: list[tuple[str, str, str, dict]] = field(default_factory=list)

    def add_node(self, node_id: str, **attrs) -> dict:
        node = self.nodes.setdefault(node_id, {})
        for k, v in attrs.items():
            if v is not None or k not in node:
                node[k] = v
        return node
