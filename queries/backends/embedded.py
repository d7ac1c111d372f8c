"""The embedded backend: questions answered from the store's indexed tables, read-only.

Each primitive is one indexed SELECT (graph/schema.py): a node by id, edges by (source,
type) or (target, type), documents by symbol key, units by name key. `reach` walks the
edge index in one recursive query and returns the part it found as a networkx graph, so
lineage, implementers, coverage and neighbourhood read only the tree they are asked about.
Whole-graph questions are served from what ingest keeps: `stats` from the tallies, search
from the words table (the ranking stays queries/search.py's own, over the candidates).
Nothing is loaded at open: a command on a million-document store starts at once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from policygraph.graph.nxbuild import graph_of
from policygraph.graph.schema import loose_key, name_key
from policygraph.graph.store import Store, StoreError
from policygraph.queries.backend import DIRECTIONS, Edge, NetworkXBackend, fold, symbol_key
from policygraph.queries.documents import doc_row
from policygraph.queries.registry import BackendError, BackendOptions
from policygraph.queries.stats import REVIEW_FLAGS, Stats

_IN_JSON = "(SELECT value FROM json_each(?))"
_SEARCHED = ("kind", "symbol", "title", "subject", "year", "date", "stub", "source")  # what search indexes


class EmbeddedBackend:
    """The store's graph, read through its indexes; `.store` gives the texts too."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn

    # -- primitives --------------------------------------------------------------------
    def node(self, node_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT attrs FROM nodes WHERE id=?", (node_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def nodes(self, kind: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        rows = (self.conn.execute("SELECT id, attrs FROM nodes ORDER BY id") if kind is None else
                self.conn.execute("SELECT id, attrs FROM nodes WHERE kind=? ORDER BY id", (kind,)))
        for node_id, attrs in rows:
            yield node_id, json.loads(attrs)

    def out_edges(self, node_id: str, types: Iterable[str] | None = None) -> Iterator[Edge]:
        return self._edges("source", "target", node_id, types)

    def in_edges(self, node_id: str, types: Iterable[str] | None = None) -> Iterator[Edge]:
        return self._edges("target", "source", node_id, types)

    def _edges(self, end: str, other: str, node_id: str, types: Iterable[str] | None) -> Iterator[Edge]:
        sql = f"SELECT source, target, type, attrs FROM edges WHERE {end}=?"
        args: tuple = (node_id,)
        if types is not None:
            sql += f" AND type IN {_IN_JSON}"
            args += (json.dumps(list(types)),)
        rows = self.conn.execute(sql + f" ORDER BY {other}, key, id", args).fetchall()
        return iter([Edge(s, t, ty, json.loads(a)) for s, t, ty, a in rows])

    def documents_by_symbol(self, symbol: str) -> list[str]:
        key = symbol_key(symbol)
        rows = self.conn.execute("SELECT id, attrs FROM nodes WHERE symbol_key=? ORDER BY id", (loose_key(symbol),))
        return [n for n, a in rows if symbol_key(json.loads(a).get("symbol")) == key] if key else []

    def units_by_name(self, name: str) -> list[str]:
        """As NetworkXBackend: the units of that folded name, else those whose name holds it
        (grouped by name, names in the order of their first unit)."""
        key = fold(name)
        exact = [n for n, a in self.conn.execute(
            "SELECT id, attrs FROM nodes WHERE name_key=? AND kind='unit' ORDER BY id", (name_key(name),))
            if fold(_unit_name(json.loads(a))) == key]
        if exact or not key:
            return exact
        found: dict[str, list[str]] = {}
        for n, a in self.conn.execute(
                "SELECT id, attrs FROM nodes WHERE kind='unit' AND instr(name_key, ?) > 0 ORDER BY id",
                (name_key(name),)):
            folded = fold(_unit_name(json.loads(a)))
            if key in folded:
                found.setdefault(folded, []).append(n)
        return [n for ids in found.values() for n in ids]

    # -- one query for a walk ------------------------------------------------------------
    def reach(self, roots: Iterable[str], follow: Iterable[str], direction: str,
              depth: int | None = None, attach: Iterable[str] = ()) -> NetworkXBackend:
        """The part walk_subgraph would collect, found by a recursive query over the edge index."""
        if direction not in DIRECTIONS:
            raise ValueError(f"direction must be one of {DIRECTIONS}, not {direction!r}")
        roots, follow, attach = json.dumps(list(roots)), json.dumps(list(follow)), json.dumps(list(attach))
        steps = []
        if direction in ("in", "both"):
            steps.append(("e.target", "e.source"))
        if direction in ("out", "both"):
            steps.append(("e.source", "e.target"))
        if depth is None:
            recursive = " UNION ".join(
                f"SELECT {far} FROM walk w JOIN edges e ON {near} = w.id WHERE e.type IN {_IN_JSON}"
                for near, far in steps)
            sql = (f"WITH RECURSIVE walk(id) AS (SELECT id FROM nodes WHERE id IN {_IN_JSON} UNION {recursive}) "
                   "SELECT id, 0 FROM walk")
            args = (roots, *[follow] * len(steps))
        else:
            recursive = " UNION ".join(
                f"SELECT {far}, w.depth + 1 FROM walk w JOIN edges e ON {near} = w.id "
                f"WHERE w.depth < ? AND e.type IN {_IN_JSON}" for near, far in steps)
            sql = (f"WITH RECURSIVE walk(id, depth) AS (SELECT id, 0 FROM nodes WHERE id IN {_IN_JSON} "
                   f"UNION {recursive}) SELECT id, min(depth) FROM walk GROUP BY id")
            args = (roots, *[a for _ in steps for a in (depth, follow)])
        reached = dict(self.conn.execute(sql, args).fetchall())
        inner = json.dumps([n for n, d in reached.items() if depth is None or d < depth])
        edge_sql = [f"SELECT id FROM edges WHERE {near[2:]} IN {_IN_JSON} AND type IN {_IN_JSON}"
                    for near, _ in steps]
        edge_args = [a for _ in steps for a in (inner, follow)]
        edge_sql.append(f"SELECT id FROM edges WHERE source IN {_IN_JSON} AND type IN {_IN_JSON}")
        edge_args += [json.dumps(list(reached)), attach]
        ids = {i for (i,) in self.conn.execute(" UNION ".join(edge_sql), edge_args)}
        wanted = json.dumps(sorted(ids))
        graph = self._part(list(reached), wanted)
        return NetworkXBackend(graph)

    def _part(self, node_ids: list[str], edge_ids: str) -> Any:
        nodes = json.dumps(node_ids)
        return graph_of(
            self.conn,
            "SELECT id, attrs FROM nodes WHERE id IN (SELECT value FROM json_each(?1) UNION "
            "SELECT target FROM edges WHERE id IN (SELECT value FROM json_each(?2))) ORDER BY id",
            "SELECT source, target, key, attrs FROM edges WHERE id IN (SELECT value FROM json_each(?2)) "
            "ORDER BY source, target, key, id",
            (nodes, edge_ids),
        )

    # -- whole-graph questions -----------------------------------------------------------
    def native(self, question: str) -> Callable[..., Any] | None:
        return {"stats": _stats}.get(question)

    def search_part(self, words: list[str]) -> NetworkXBackend:
        """The documents holding one of `words` (every search tier needs one whole word)."""
        fields = ", ".join(f"'{f}', json_extract(attrs, '$.{f}')" for f in _SEARCHED)
        graph = graph_of(
            self.conn,
            f"SELECT id, json_object({fields}) FROM nodes "
            f"WHERE id IN (SELECT node FROM words WHERE word IN {_IN_JSON}) ORDER BY id",
            "SELECT source, target, key, attrs FROM edges WHERE ? IS NULL",
            (json.dumps(sorted(set(words))),),
        )
        return NetworkXBackend(graph)

    def text(self, node_id: str) -> str | None:
        """The source text of an ingested document (None for stubs)."""
        return self.store.document_text(node_id)


def _unit_name(attrs: dict) -> str | None:
    return attrs.get("name") or attrs.get("label")


def _stats(backend: EmbeddedBackend, flagged_limit: int | None = 50) -> Stats:
    """queries/stats.py's answer from the counts kept at ingest, and the flagged documents in id order."""
    tallies: dict[str, dict[str, int]] = {}
    for name, value, n in backend.conn.execute("SELECT name, value, n FROM tallies ORDER BY name, n DESC, value"):
        tallies.setdefault(name, {})[value] = n
    flagged: list[str] = []
    for node_id, attrs in backend.conn.execute("SELECT id, attrs FROM nodes WHERE review=1 ORDER BY id"):
        if flagged_limit is not None and len(flagged) >= flagged_limit:
            break
        if json.loads(attrs).get("kind") == "document" and any(f in REVIEW_FLAGS for f in json.loads(attrs)["flags"]):
            flagged.append(node_id)
    return Stats(
        kinds=tallies.get("kind", {}),
        edges=tallies.get("edge", {}),
        levels=tallies.get("level", {}),
        provinces=dict(sorted(tallies.get("province", {}).items())),
        years=dict(sorted(tallies.get("year", {}).items())),
        stubs=tallies.get("stubs", {}).get("", 0),
        flags=tallies.get("flag", {}),
        flagged=[doc_row(backend, n) for n in flagged],
    )


def open_embedded(options: BackendOptions) -> EmbeddedBackend:
    """Open the store at `options.store` (its default location when None), read-only; a folder
    without a store is an error ("no store at DIR"): only `ingest` creates one."""
    try:
        return EmbeddedBackend(Store.open(options.store, readonly=True))
    except StoreError as exc:
        raise BackendError(str(exc)) from None
