"""The one door the command line and the web app go through to ask a question.

A `Service` wraps a `Backend` (the embedded store, Neo4j, SPARQL …) and offers every
question by name, with one way to find a document (`find`). It holds no logic of its
own beyond choosing the backend: the answers come from the plain query functions, which
a backend may serve natively.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import networkx as nx

from policygraph.queries.assigned import Assignment, assigned
from policygraph.queries.backend import Backend, Edge, as_backend
from policygraph.queries.coverage import CoverageReport, coverage
from policygraph.queries.documents import DocRow, candidates, doc_row, resolve
from policygraph.queries.history import History, Status, history, status
from policygraph.queries.implementers import ImplementersReport, implementers
from policygraph.queries.lineage import Filters, PathStep, TraceRow, path, trace
from policygraph.queries.neighbourhood import neighbourhood
from policygraph.queries.registry import BackendOptions, open_backend
from policygraph.queries.search import Hit, search
from policygraph.queries.stats import Stats, stats
from policygraph.vocabulary import EdgeType

HIDDEN_EDGES = (EdgeType.LOCATED_IN, EdgeType.PART_OF)  # places are attributes of the nodes on a page


@dataclass
class DocumentView:
    """A document with every edge that touches it, for `show` and the document page."""

    row: DocRow
    attrs: dict[str, Any]
    outgoing: list[tuple[Edge, dict[str, Any]]] = field(default_factory=list)  # (edge, node at the far end)
    incoming: list[tuple[Edge, dict[str, Any]]] = field(default_factory=list)
    stated_in: dict[str, dict[str, Any]] = field(default_factory=dict)  # documents that state an edge


class Service:
    """Every question, by name, over one backend."""

    def __init__(self, backend: Any) -> None:
        self.backend: Backend = as_backend(backend)

    @classmethod
    def open(cls, name: str | None = None, options: BackendOptions | None = None) -> Service:
        return cls(open_backend(name, options or BackendOptions.from_env()))

    # finding a document ---------------------------------------------------------------
    def find(self, ref: str, year: int | None = None, issued_in: str | None = None) -> str:
        """The one document `ref` names; raises `NotFound` or `Ambiguous` (never guesses)."""
        return resolve(self.backend, ref, year, issued_in)

    def candidates(self, ref: str, year: int | None = None, issued_in: str | None = None) -> list[DocRow]:
        return candidates(self.backend, ref, year, issued_in)

    def row(self, node_id: str) -> DocRow:
        return doc_row(self.backend, node_id)

    # the questions ---------------------------------------------------------------------
    def trace(self, root: str, down: bool = True, filters: Filters | None = None,
              relations: tuple[str, ...] = ("implements",)) -> list[TraceRow]:
        return trace(self.backend, root, down=down, filters=filters, relations=relations)

    def path(self, start: str, end: str) -> list[PathStep]:
        return path(self.backend, start, end)

    def implementers(self, root: str, depth: int | None = None, level: str | None = None,
                     province: str | None = None) -> ImplementersReport:
        return implementers(self.backend, root, depth, level, province)

    def coverage(self, root: str, depth: int | None = None, as_of: date | None = None,
                 include_named: bool = True) -> CoverageReport:
        return coverage(self.backend, root, depth, as_of=as_of, include_named=include_named)

    def assigned(self, unit: str, province: str | None = None, district: str | None = None) -> list[Assignment]:
        return assigned(self.backend, unit, province, district)

    def search(self, text: str, limit: int = 20) -> list[Hit]:
        return search(self.backend, text, limit)

    def stats(self, flagged: int | None = 50) -> Stats:
        return stats(self.backend, flagged)

    def history(self, root: str) -> History:
        return history(self.backend, root)

    def status(self, root: str, as_of: date | None = None) -> Status:
        return status(self.backend, root, as_of)

    def document(self, node_id: str) -> DocumentView:
        """The document and its edges (places left out), far ends included."""
        attrs = self.backend.node(node_id) or {}
        view = DocumentView(doc_row(self.backend, node_id), attrs)
        for edge in self.backend.out_edges(node_id):
            if edge.type not in HIDDEN_EDGES:
                view.outgoing.append((edge, self.backend.node(edge.target) or {}))
        for edge in self.backend.in_edges(node_id):
            if edge.type not in HIDDEN_EDGES:
                view.incoming.append((edge, self.backend.node(edge.source) or {}))
        for edge, _ in view.outgoing + view.incoming:
            where = edge.attrs.get("stated_in")
            if where and where not in view.stated_in:
                view.stated_in[where] = self.backend.node(where) or {}
        return view

    def neighbourhood(self, roots: list[str], depth: int = 2, direction: str = "both",
                      units: bool = True) -> nx.MultiDiGraph:
        return neighbourhood(self.backend, roots, depth, direction, units)

    def text(self, node_id: str) -> str | None:
        """Source text of an ingested document, where the backend keeps texts."""
        reader = getattr(self.backend, "text", None)
        return reader(node_id) if reader else None
