"""What the web app reads: the graph, a query backend over it, and the source texts.

Loaded once when the app starts (the store is read-only while serving), so every
request is a dictionary lookup or a small walk, not a database round trip.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from policygraph.queries.backend import NetworkXBackend
from policygraph.queries.service import Service
from policygraph.vocabulary import NodeKind


@dataclass
class Library:
    graph: nx.MultiDiGraph
    text_of: Callable[[str], str | None]
    backend: NetworkXBackend = field(init=False)
    service: Service = field(init=False)  # the one door to the questions (queries/service.py)
    stated: dict[str, list[tuple[str, str, str, dict[str, Any]]]] = field(init=False)

    def __post_init__(self) -> None:
        self.backend = NetworkXBackend(self.graph)
        self.service = Service(self.backend)
        stated: dict[str, list[tuple[str, str, str, dict[str, Any]]]] = defaultdict(list)
        for source, target, key, attrs in self.graph.edges(keys=True, data=True):
            if attrs.get("stated_in"):
                stated[attrs["stated_in"]].append((source, target, attrs.get("type", key), attrs))
        self.stated = dict(stated)

    def text(self, node_id: str) -> str | None:
        """Source text of an ingested document (None for stubs and unknown ids)."""
        if node_id not in self.graph or self.graph.nodes[node_id].get("kind") != NodeKind.DOCUMENT:
            return None
        return self.text_of(node_id)


def thread_safe_text(store: Any) -> Callable[[str], str | None]:
    """document_text usable from any server thread.

    A SQLite connection may only be used by the thread that opened it, and the app
    serves each request on its own thread, so each call opens the store briefly.
    """
    if not (hasattr(type(store), "open") and getattr(store, "path", None)):
        return store.document_text

    def text_of(node_id: str) -> str | None:
        fresh = type(store).open(store.path)
        try:
            return fresh.document_text(node_id)
        finally:
            fresh.close()

    return text_of


def library_from(source: Any, texts: dict[str, str] | None = None) -> Library:
    """A Library from a Store (anything with load_graph/document_text) or a bare graph."""
    if hasattr(source, "load_graph"):
        return Library(source.load_graph(), thread_safe_text(source))
    store_texts = texts or {}
    return Library(source, store_texts.get)
