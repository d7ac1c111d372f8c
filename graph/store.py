"""The embedded store: one SQLite file.

Why SQLite: it ships with Python, every write is an ACID transaction (a crash leaves
the last committed state readable and intact), it handles millions of rows on one
machine, and other tools can open it. Layout:

* ``files``: one row per ingested file — its path, content hash, the parse result
  (JSON) and the text. This is the source of truth: re-ingesting an unchanged file
  is a no-op, a changed file replaces its row (and so its edges).
* ``nodes`` / ``edges``: the resolved graph, rebuilt from ``files`` by
  :func:`policygraph.graph.identity.resolve` in one transaction. A ``dirty`` flag set
  in the same transaction as a file write marks the graph stale until the rebuild
  commits, so a crash between the two is repaired on the next open.
"""

from __future__ import annotations

import gc
import json
import os
import pickle
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import networkx as nx
from policygraph.graph.identity import resolve
from policygraph.ingest.models import ParsedDocument

SCHEMA_VERSION = "1"
DB_NAME = "policygraph.sqlite"
CACHE_NAME = "graph.pickle"  # a snapshot of the graph tables for fast loading, tagged with its generation


# a no-op when the graph is already marked stale, so the meta page is not rewritten per file
_MARK_DIRTY = "UPDATE meta SET value='1' WHERE key='dirty' AND value<>'1'"
# one encoder for every graph row: json.dumps with options builds a new encoder per call
_ROW_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building or writing a whole graph.

    The rebuild allocates millions of small dicts and lists and makes no cycles, so the
    collections they trigger only rescan them (a third of the rebuild time).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class FileRow(NamedTuple):
    """One row of the ``files`` table: what a parse result is stored as."""

    path: str
    sha256: str
    parsed: str  # the ParsedDocument as JSON, without its text
    text: bytes  # the text, zlib-compressed


def file_row(doc: ParsedDocument) -> FileRow:
    """The stored form of a parse result.

    A pure function, so parallel ingest runs it in the worker processes: the parent then
    receives two strings instead of unpickling the dataclass tree (which costs more than
    the JSON encoding itself).
    """
    text, doc.text = doc.text, ""
    try:  # vars() is asdict() without the deep copy: several times faster on big documents
        parsed = json.dumps(doc, default=vars, ensure_ascii=False)
    finally:
        doc.text = text
    return FileRow(doc.path, doc.sha256, parsed, zlib.compress(text.encode("utf-8"), 1))


class StoreError(Exception):
    """The store cannot be opened or used (the message says why)."""


def read_generation(folder: str | Path) -> str | None:
    """The graph generation of the store in `folder`, read-only: safe from any thread and
    never waiting behind a writer (a running ingest). None when it cannot be read."""
    try:
        conn = sqlite3.connect(f"file:{Path(folder) / DB_NAME}?mode=ro", uri=True, timeout=0.2)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def default_location() -> Path:
    """$POLICYGRAPH_STORE, else $XDG_DATA_HOME/policygraph, else ~/.local/share/policygraph."""
    if os.environ.get("POLICYGRAPH_STORE"):
        return Path(os.environ["POLICYGRAPH_STORE"])
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "policygraph"


class Store:
    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, location: str | Path | None = None) -> Store:
        """Open (creating if needed) the store in folder `location`."""
        folder = Path(location) if location else default_location()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(folder / DB_NAME, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            store = cls(conn, folder)
            store._init()
        except (OSError, sqlite3.DatabaseError) as exc:
            raise StoreError(f"cannot open the store at {folder}: {exc}") from None
        return store

    def _init(self) -> None:
        self.conn.executescript(
            """
                CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
                CREATE TABLE IF NOT EXISTS files (
                    path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, parsed TEXT NOT NULL, text BLOB NOT NULL);
                CREATE TABLE IF NOT EXISTS nodes (id TEXT PRIMARY KEY, kind TEXT, data TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS edges (
                    src TEXT NOT NULL, dst TEXT NOT NULL, key TEXT NOT NULL, type TEXT, data TEXT NOT NULL);
                CREATE INDEX IF NOT EXISTS edges_src ON edges(src);
                CREATE INDEX IF NOT EXISTS edges_dst ON edges(dst);
                """
        )
        with self.transaction():
            row = self.conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if row is None:
                self.conn.execute(
                    "INSERT INTO meta VALUES ('schema', ?), ('dirty', '0'), ('generation', '0')", (SCHEMA_VERSION,)
                )
            elif row[0] != SCHEMA_VERSION:
                raise StoreError(f"store schema {row[0]} is not {SCHEMA_VERSION}; re-ingest into a new store")

    def transaction(self):
        store = self

        class _Tx:
            def __enter__(self):
                store.conn.execute("BEGIN IMMEDIATE")

            def __exit__(self, exc_type, exc, tb):
                store.conn.execute("COMMIT" if exc_type is None else "ROLLBACK")
                return False

        return _Tx()

    def close(self) -> None:
        self.conn.close()

    # -- files -------------------------------------------------------------------
    def file_hashes(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT path, sha256 FROM files"))

    def put_document(self, doc: ParsedDocument) -> None:
        """Store one parse result; the graph is marked stale in the same transaction."""
        self.put_row(file_row(doc))

    def put_row(self, row: FileRow) -> None:
        """Store one file row made by :func:`file_row` (in a worker process or here), in its own transaction."""
        with self.transaction():
            self.conn.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", row)
            self.conn.execute(_MARK_DIRTY)

    def remove_file(self, path: str) -> bool:
        with self.transaction():
            n = self.conn.execute("DELETE FROM files WHERE path=?", (path,)).rowcount
            self.conn.execute(_MARK_DIRTY)
        return bool(n)

    def parsed_documents(self) -> list[dict]:
        return [json.loads(p) for (p,) in self.conn.execute("SELECT parsed FROM files ORDER BY path")]

    def file_text(self, path: str) -> str | None:
        row = self.conn.execute("SELECT text FROM files WHERE path=?", (path,)).fetchone()
        return zlib.decompress(row[0]).decode("utf-8") if row else None

    def document_text(self, node_id: str) -> str | None:
        """The ingested source text behind a document node (None for stubs)."""
        row = self.conn.execute("SELECT data FROM nodes WHERE id=?", (node_id,)).fetchone()
        if not row:
            return None
        source = json.loads(row[0]).get("source")
        return self.file_text(source) if source else None

    # -- graph -------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self.conn.execute("SELECT value FROM meta WHERE key='dirty'").fetchone()[0] == "1"

    def generation(self) -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
        return row[0] if row else "0"

    def rebuild(self) -> None:
        """Resolve identities over every stored file and replace the graph tables at once."""
        with _gc_paused():
            self.write_graph(resolve(self.parsed_documents()))

    def write_graph(self, graph) -> None:
        """Replace the graph tables with `graph` (a graph.model.Graph) in one transaction.

        Also used by benchmarks to load a generated graph without parsing texts.
        """
        generation = str(int(self.generation()) + 1)
        with _gc_paused():
            with self.transaction():
                # a bulk load indexes faster at the end than row by row; the schema is the same at commit
                self.conn.execute("DROP INDEX IF EXISTS edges_src")
                self.conn.execute("DROP INDEX IF EXISTS edges_dst")
                self.conn.execute("DELETE FROM nodes")
                self.conn.execute("DELETE FROM edges")
                self.conn.executemany(
                    "INSERT INTO nodes VALUES (?, ?, ?)",
                    ((nid, attrs.get("kind"), _ROW_JSON(attrs)) for nid, attrs in sorted(graph.nodes.items())),
                )
                self.conn.executemany(
                    "INSERT INTO edges VALUES (?, ?, ?, ?, ?)",
                    ((s, t, k, a.get("type"), _ROW_JSON(a)) for s, t, k, a in graph.edges),
                )
                self.conn.execute("CREATE INDEX edges_src ON edges(src)")
                self.conn.execute("CREATE INDEX edges_dst ON edges(dst)")
                self.conn.execute("UPDATE meta SET value='0' WHERE key='dirty'")
                self.conn.execute("UPDATE meta SET value=? WHERE key='generation'", (generation,))
            self._write_cache(generation, _networkx(sorted(graph.nodes.items()), graph.edges))

    def _write_cache(self, generation: str, graph: nx.MultiDiGraph) -> None:
        """Write the snapshot next to the database; os.replace makes it appear whole or not at all.

        The snapshot is the networkx graph itself, not node and edge lists: unpickling its
        adjacency dicts is about twice as fast as rebuilding them with add_edges_from
        (1M documents: ~20 s against ~40 s). The generation is pickled first, on its own,
        so a stale snapshot is recognised without reading the rest.
        """
        tmp = self.path / f".{CACHE_NAME}.tmp"
        with open(tmp, "wb") as handle:
            pickle.dump(generation, handle, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(graph, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.path / CACHE_NAME)

    def _read_cache(self) -> nx.MultiDiGraph | None:
        try:
            with open(self.path / CACHE_NAME, "rb") as handle:
                if pickle.load(handle) != self.generation():
                    return None
                graph = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError, ImportError):
            return None
        return graph if isinstance(graph, nx.MultiDiGraph) else None

    def counts(self) -> dict[str, int]:
        out = {"files": self.conn.execute("SELECT count(*) FROM files").fetchone()[0]}
        for kind, n in self.conn.execute("SELECT kind, count(*) FROM nodes GROUP BY kind"):
            out[f"{kind}_nodes"] = n
        for etype, n in self.conn.execute("SELECT type, count(*) FROM edges GROUP BY type"):
            out[f"{etype}_edges"] = n
        return out

    def load_graph(self) -> nx.MultiDiGraph:
        """The whole graph as a networkx MultiDiGraph (rebuilt first if a crash left it stale).

        Reads the snapshot when it matches the tables' generation, else the tables.
        The loaded graph is moved out of the cyclic garbage collector's way: millions of
        attribute dicts otherwise cost second-long collection pauses during queries.
        """
        if self.is_dirty():
            self.rebuild()
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            g = self._read_cache()
            if g is None:
                loads = json.loads
                g = _networkx(
                    ((nid, loads(data)) for nid, data in self.conn.execute("SELECT id, data FROM nodes ORDER BY id")),
                    (
                        (s, t, k, loads(data))
                        for s, t, k, data in self.conn.execute("SELECT src, dst, key, data FROM edges ORDER BY rowid")
                    ),
                )
        finally:
            if gc_was_enabled:
                gc.enable()
        gc.freeze()
        return g


def _networkx(nodes, edges) -> nx.MultiDiGraph:
    """(id, attrs) nodes and (src, dst, key, attrs) edges as a MultiDiGraph: the one
    construction behind both the snapshot and a load from the tables."""
    g = nx.MultiDiGraph()
    g.add_nodes_from(nodes)
    g.add_edges_from(edges)
    return g
