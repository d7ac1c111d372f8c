"""The embedded backend: the local store's graph, in memory for the command's life."""

from __future__ import annotations

import gc

from policygraph.graph.store import Store, StoreError
from policygraph.queries.backend import NetworkXBackend
from policygraph.queries.registry import BackendError, BackendOptions


class EmbeddedBackend(NetworkXBackend):
    """The store's graph plus the store itself, for the texts of ingested documents."""

    def __init__(self, store: Store) -> None:
        gc.disable()
        try:
            graph = store.load_graph()
        finally:
            gc.freeze()  # the graph lives as long as the command: keep the collector off its dicts
            gc.enable()
        super().__init__(graph)
        self.store = store

    def text(self, node_id: str) -> str | None:
        """The source text of an ingested document (None for stubs)."""
        return self.store.document_text(node_id)


def open_embedded(options: BackendOptions) -> EmbeddedBackend:
    """Open the store at `options.store` (its default location when None); a folder without a store
    is an error ("no store at DIR"): only `ingest` creates one."""
    try:
        return EmbeddedBackend(Store.open(options.store, create=False))
    except StoreError as exc:
        raise BackendError(str(exc)) from None
