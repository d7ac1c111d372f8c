"""Stats: what the graph holds, and which documents need a human look (flags)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from policygraph.queries.backend import Backend, dispatchable
from policygraph.queries.documents import DocRow, doc_row
from policygraph.vocabulary import Flag, Level, NodeKind

REVIEW_FLAGS = ("ambiguous", Flag.DATE_CONFLICT, Flag.PLACE_UNRESOLVED, Flag.ISSUER_SLIP, "anachronism")


@dataclass
class Stats:
    kinds: dict[str, int]
    edges: dict[str, int]
    levels: dict[str, int]
    provinces: dict[str, int]
    years: dict[str, int]
    stubs: int
    flags: dict[str, int]
    flagged: list[DocRow] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in vars(self).items() if k != "flagged"}
        out["flagged"] = [d.to_dict() for d in self.flagged]
        return out


@dispatchable
def stats(backend: Backend, flagged_limit: int | None = 50) -> Stats:
    """Counts of documents by kind, level, province and year, and flagged documents."""
    kinds: Counter = Counter()
    levels: Counter = Counter()
    provinces: Counter = Counter()
    years: Counter = Counter()
    flags: Counter = Counter()
    edges: Counter = Counter()
    stubs = 0
    flagged_ids: list[str] = []
    for node_id, attrs in backend.nodes():
        kind = attrs.get("kind") or "?"
        kinds[kind] += 1
        if kind != NodeKind.DOCUMENT:
            continue
        levels[attrs.get("level") or "unknown"] += 1
        central = attrs.get("level") == Level.CENTRAL
        provinces[attrs.get("province") or ("(central)" if central else "unknown")] += 1
        years[str(attrs.get("year") or "unknown")] += 1
        if attrs.get("stub") or attrs.get("source") is None:
            stubs += 1
        doc_flags = attrs.get("flags") or []
        flags.update(doc_flags)
        if any(f in REVIEW_FLAGS for f in doc_flags):
            flagged_ids.append(node_id)
        for edge in backend.out_edges(node_id):
            edges[edge.type] += 1
    flagged_ids.sort()  # in id order, whatever order a backend gives its nodes in
    shown = flagged_ids if flagged_limit is None else flagged_ids[:flagged_limit]
    return Stats(
        kinds=dict(kinds.most_common()),
        edges=dict(edges.most_common()),
        levels=dict(levels.most_common()),
        provinces=dict(sorted(provinces.items())),
        years=dict(sorted(years.items())),
        stubs=stubs,
        flags=dict(flags.most_common()),
        flagged=[doc_row(backend, n) for n in shown],
    )
