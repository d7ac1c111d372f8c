"""Find document nodes by what a person types: a symbol in any written form."""

from __future__ import annotations

import networkx as nx
from policygraph.ingest import symbols
from policygraph.text import fold
from policygraph.vocabulary import NodeKind


def canonical_or_raw(text: str) -> str:
    """Canonical symbol for what a person typed, in any case ("25-nq/tw" is 25-NQ/TW)."""
    for attempt in (text, text.upper()):
        try:
            return symbols.canonical(attempt)
        except symbols.InvalidSymbol:
            continue
    return text.strip()


def find_documents(
    graph: nx.MultiDiGraph, symbol: str, year: int | None = None, province: str | None = None
) -> list[str]:
    """Ids of the document nodes with this symbol, optionally narrowed by year and province.

    Several ids mean several documents share the symbol (two 25-NQ/TW, 28-CT/TU in
    two provinces): callers list them rather than pick one.
    """
    want = canonical_or_raw(symbol)
    hits = []
    for node_id, n in graph.nodes(data=True):
        if n.get("kind") != NodeKind.DOCUMENT or n.get("symbol") != want:
            continue
        if year is not None and n.get("year") not in (year, None):
            continue
        if year is not None and n.get("year") is None and n.get("term"):
            continue
        if province and fold(n.get("province") or "") != fold(province):
            continue
        hits.append(node_id)
    return sorted(hits, key=lambda i: (graph.nodes[i].get("year") or 0, i))
