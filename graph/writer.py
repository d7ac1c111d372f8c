"""Writes to the graph tables, keeping their side tables in step.

Every node written also updates what is derived from it in the same transaction: its words
(search), its tallies (stats), where it is (``node_places``, its ``located_in`` edge) and the
place nodes and ``part_of`` links those need, made as graph/edges.py's place_edges makes them:
a place node comes from the first node, in id order, placed there or below.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable

from policygraph.graph.edges import _place_chain
from policygraph.graph.keys import place_id
from policygraph.graph.model import Graph
from policygraph.graph.schema import loose_key, name_key, words_of

LOCATED = {"type": "located_in"}


def dumps(attrs: dict) -> str:
    return json.dumps(attrs, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def node_tallies(node_id: str, attrs: dict) -> list[tuple[str, str]]:
    """What a node adds to the counts `stats` reads (queries/stats.py counts the same)."""
    kind = attrs.get("kind") or "?"
    out = [("kind", kind)]
    if kind != "document":
        return out
    level = attrs.get("level")
    out.append(("level", level or "unknown"))
    out.append(("province", attrs.get("province") or ("(central)" if level == "central" else "unknown")))
    out.append(("year", str(attrs.get("year") or "unknown")))
    if attrs.get("stub") or attrs.get("source") is None:
        out.append(("stubs", ""))
    out += [("flag", f) for f in attrs.get("flags") or []]
    return out


def _place_ids(province: str | None, district: str | None, commune: str | None) -> list[str]:
    """The ids of the place chain of a node placed there (graph/edges.py _place_chain)."""
    if not province:
        return []
    ids = [place_id(province)]
    if district:
        ids.append(place_id(province, district))
    if commune:
        ids.append(place_id(province, district, commune))
    return ids


class GraphWriter:
    """Node and edge writes of one update, in the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection, gen: int) -> None:
        self.conn = conn
        self.gen = gen
        self.tally: Counter = Counter()
        self.places: set[str] = set()  # place ids whose node and link may have changed

    # -- nodes -------------------------------------------------------------------------
    def put_node(self, node_id: str, attrs: dict) -> None:
        text = dumps(attrs)
        row = self.conn.execute("SELECT attrs FROM nodes WHERE id=?", (node_id,)).fetchone()
        if row is not None and row[0] == text:
            return
        old = json.loads(row[0]) if row is not None else None
        if old is not None:
            self._unindex(node_id, old)
        kind = attrs.get("kind")
        symbol = loose_key(attrs.get("symbol")) if kind == "document" else None
        name = name_key(attrs.get("name") or attrs.get("label")) if kind == "unit" else None
        flags = json.dumps(attrs["flags"]) if kind == "document" and attrs.get("flags") else None
        self.conn.execute(
            "INSERT OR REPLACE INTO nodes (id, kind, symbol_key, name_key, review, gen, attrs) VALUES (?,?,?,?,?,?,?)",
            (node_id, kind, symbol, name, 1 if flags else 0, self.gen, text),
        )
        self.tally.update(node_tallies(node_id, attrs))
        if kind == "document":
            self.conn.executemany(
                "INSERT OR IGNORE INTO words VALUES (?, ?)",
                ((w, node_id) for w in words_of(attrs.get("symbol"), attrs.get("title"), attrs.get("subject"))),
            )
        if kind in ("document", "unit"):
            self._place(node_id, attrs)

    def drop_node(self, node_id: str) -> None:
        row = self.conn.execute("SELECT attrs FROM nodes WHERE id=?", (node_id,)).fetchone()
        if row is None:
            return
        self._unindex(node_id, json.loads(row[0]))
        self.conn.execute("DELETE FROM nodes WHERE id=?", (node_id,))
        self.conn.execute("INSERT INTO removed VALUES (?, 'node', ?)", (self.gen, node_id))

    def _unindex(self, node_id: str, old: dict) -> None:
        self.tally.subtract(node_tallies(node_id, old))
        if old.get("kind") == "document":
            self.conn.execute("DELETE FROM words WHERE node=?", (node_id,))
        if old.get("kind") in ("document", "unit"):
            self._unplace(node_id)

    # -- places ------------------------------------------------------------------------
    def _place(self, node_id: str, attrs: dict) -> None:
        where = (attrs.get("province"), attrs.get("district"), attrs.get("commune"))
        ids = _place_ids(*where)
        self.places.update(ids)
        if not ids:
            return
        self.conn.execute(
            "INSERT INTO node_places VALUES (?,?,?,?,?,?,?)",
            (node_id, *where, ids[0], place_id(where[0], where[1]) if where[1] else None,
             ids[-1] if where[2] else None),
        )
        self.add_edges(None, [(node_id, place_id(*where), "located_in", LOCATED)])

    def _unplace(self, node_id: str) -> None:
        row = self.conn.execute("SELECT province, district, commune FROM node_places WHERE node=?",
                                (node_id,)).fetchone()
        if row is None:
            return
        self.places.update(_place_ids(*row))
        self.conn.execute("DELETE FROM node_places WHERE node=?", (node_id,))
        self._drop_edges("source=? AND type='located_in'", (node_id,))

    def finish_places(self) -> None:
        """Place nodes and part_of links for every place touched, from its first node in id order."""
        for pid in sorted(self.places):
            creator = None
            for column in ("p_id", "d_id", "c_id"):
                row = self.conn.execute(
                    f"SELECT node, province, district, commune FROM node_places WHERE {column}=? ORDER BY node LIMIT 1",
                    (pid,),
                ).fetchone()
                if row and (creator is None or row[0] < creator[0]):
                    creator = row
            self._drop_edges("source=? AND type='part_of'", (pid,))
            if creator is None:
                self.drop_node(pid)
                continue
            g = Graph()
            _place_chain(g, *creator[1:])
            self.put_node(pid, g.nodes[pid])
            self.add_edges(None, [e for e in g.edges if e[0] == pid])
        self.places.clear()

    # -- edges -------------------------------------------------------------------------
    def add_edges(self, origin: str | None, edges: Iterable[tuple[str, str, str, dict]]) -> None:
        rows = []
        for source, target, key, attrs in edges:
            type_ = attrs.get("type", key)
            rows.append((source, target, key, type_, origin, self.gen, dumps(attrs)))
            self.tally[("edges", type_)] += 1
            if source.startswith("doc:"):
                self.tally[("edge", type_)] += 1
        self.conn.executemany(
            "INSERT INTO edges (source, target, key, type, origin, gen, attrs) VALUES (?,?,?,?,?,?,?)", rows
        )

    def drop_edges_of(self, origin: str) -> None:
        self._drop_edges("origin=?", (origin,))

    def _drop_edges(self, where: str, args: tuple) -> None:
        gone = self.conn.execute(f"SELECT id, source, type FROM edges WHERE {where}", args).fetchall()
        if not gone:
            return
        for _, source, type_ in gone:
            self.tally[("edges", type_)] -= 1
            if source.startswith("doc:"):
                self.tally[("edge", type_)] -= 1
        self.conn.executemany("DELETE FROM edges WHERE id=?", [(i,) for i, _, _ in gone])
        self.conn.executemany("INSERT INTO removed VALUES (?, 'edge', ?)", [(self.gen, str(i)) for i, _, _ in gone])

    def flush_tallies(self) -> None:
        for (name, value), n in self.tally.items():
            if n:
                self.conn.execute(
                    "INSERT INTO tallies VALUES (?, ?, ?) ON CONFLICT (name, value) DO UPDATE SET n = n + excluded.n",
                    (name, value, n),
                )
        self.conn.execute("DELETE FROM tallies WHERE n = 0")
        self.tally.clear()
