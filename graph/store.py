"""The embedded store: one SQLite file holding what was read and the graph made of it.

Why SQLite: it ships with Python, every write is an ACID transaction (a crash leaves the
last committed state readable and intact), it handles millions of rows on one machine with
indexes, and other tools can open it. The tables are described in graph/schema.py.

* Data only: parse results are compressed JSON (graph/codec.py) with a checksum checked on
  every read; nothing stored is ever unpickled or executed.
* The graph lives in indexed tables updated in place (graph/incremental.py), in the same
  transaction as the bookkeeping of the files it was made from: an ingest writes each file
  in its own transaction, marked ``pending``, then brings the graph up to date in one
  transaction per batch of files; a crash in between leaves the previous graph whole, and
  the next ingest finishes the pending files.
* Read commands open the database read-only and never write: a full disk or a read-only
  store still answers.
* A store written by an older version is upgraded once by re-reading its stored texts
  (never by loading its pickles), with a message; `check` and `repair` are in graph/health.py.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:  # POSIX; elsewhere ingests are not locked against each other
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

import networkx as nx

from policygraph.graph import ingest_log
from policygraph.graph.nxbuild import graph_of
from policygraph.graph.schema import DERIVED, SCHEMA_VERSION, TABLES
from policygraph.graph.writer import GraphWriter
from policygraph.ingest import codec
from policygraph.ingest.models import ParsedDocument
from policygraph.ingest.rows import FileRow, file_row

DB_NAME = "policygraph.sqlite"
OLD_SNAPSHOT = "graph.pickle"  # written by schema 2: deleted unread on upgrade
LOCK_NAME = "ingest.lock"  # held while an ingest writes (see Store.writing)
MODEL_FINGERPRINT = codec.model_fingerprint()
BATCH = 500  # pending files brought into the graph per transaction: bounds an ingest's memory


# the stored form of a parse result (FileRow, file_row) is ingest's: ingest/rows.py


class _Transaction:
    """``with store.transaction():`` BEGIN IMMEDIATE, then COMMIT, or ROLLBACK if the block raises."""

    __slots__ = ("conn",)

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb) -> bool:
        self.conn.execute("COMMIT" if exc_type is None else "ROLLBACK")
        return False


class StoreError(Exception):
    """The store cannot be opened or used (the message says why)."""


def read_generation(folder: str | Path) -> str | None:
    """The graph generation of the store in `folder`, read-only; None when it cannot be read."""
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


def _connect_readonly(db: Path) -> sqlite3.Connection:
    """A read-only connection; on a read-only folder, where SQLite cannot make the WAL's shared
    memory file, the database is opened as immutable (nothing can write to it anyway)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, isolation_level=None)
    try:
        conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
    except sqlite3.OperationalError as exc:
        conn.close()
        if "no such table" in str(exc):
            raise
        conn = sqlite3.connect(f"file:{db}?mode=ro&immutable=1", uri=True, isolation_level=None)
    return conn


class Store:
    def __init__(self, conn: sqlite3.Connection, path: Path, readonly: bool = False):
        self.conn = conn
        self.path = path
        self.readonly = readonly
        # parse results put by this process and not yet in the graph, by path
        self._fresh: dict[str, ParsedDocument] = {}
        self.reparsed = 0  # stored texts re-read on open (a store written by another version)
        self.reparse_errors: list[tuple[str, str]] = []  # (path, reason) of those that failed
        self.unreadable: list[tuple[str, str]] = []  # (path, reason) of damaged rows met while updating
        self._updated: set[str] = set()  # paths this process brought into the graph (see restore)

    @classmethod
    def open(cls, location: str | Path | None = None, create: bool = True, readonly: bool = False) -> Store:
        """Open the store in folder `location`: read-only (never written), or for writing; with
        `create` False (or `readonly`) a folder without a store is an error ("no store at DIR")
        rather than a new, empty store.

        A read-only open of a store written by an older version upgrades it first (once,
        with a message): that needs a writable store, and says so when it is not."""
        folder = Path(location) if location else default_location()
        db = folder / DB_NAME
        if (readonly or not create) and not db.is_file():
            raise StoreError(f"no store at {folder} (only `ingest` creates one)")
        try:
            if readonly:
                store = cls(_connect_readonly(db), folder, readonly=True)
                if store._meta().get("schema") == SCHEMA_VERSION and store._meta().get("model") == MODEL_FINGERPRINT:
                    return store
                store.close()
                upgraded = cls.open(folder)  # an older store: upgrade it, then read it
                upgraded.readonly = True
                return upgraded
            folder.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(db, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            store = cls(conn, folder)
            store._init()
        except (OSError, sqlite3.DatabaseError) as exc:
            raise StoreError(f"cannot open the store at {folder}: {exc}") from None
        return store

    def _meta(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT key, value FROM meta"))

    def _init(self) -> None:
        tables = {n for (n,) in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        meta = self._meta() if "meta" in tables else {}
        if meta.get("schema") not in (None, "1", "2", SCHEMA_VERSION):
            raise StoreError(
                f"store schema {meta.get('schema')} is newer than this policygraph ({SCHEMA_VERSION}); upgrade it"
            )
        if meta and (meta.get("schema") != SCHEMA_VERSION or meta.get("model") != MODEL_FINGERPRINT):
            self._upgrade(meta.get("schema"))
            return
        self.conn.executescript(TABLES)
        if not meta:
            with self.transaction():
                self.conn.executemany(
                    "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                    [("schema", SCHEMA_VERSION), ("model", MODEL_FINGERPRINT), ("generation", "0")],
                )

    def _upgrade(self, schema: str | None) -> None:
        """Re-read every stored text with this version's parser (a store written by another
        version: schema 2 kept pickles, which are dropped unread).

        One transaction: a crash leaves the old rows, and the next open starts again. A text
        that cannot be read or parsed is dropped and listed in `reparse_errors`."""
        from policygraph.ingest.pipeline import parse_text  # the store keeps texts so it can do this

        rows = self.conn.execute("SELECT path, text FROM files").fetchall()
        with self.transaction():
            for table in ("nodes", "edges", "sources", "files", "pending", *DERIVED):
                self.conn.execute(f"DROP TABLE IF EXISTS {table}")
            for statement in TABLES.split(";"):
                if statement.strip():
                    self.conn.execute(statement)
            for path, text in rows:
                try:
                    row = file_row(parse_text(codec.decode_text(text, None), path))
                except Exception as exc:  # noqa: BLE001 - one text must not keep the store from opening
                    self.reparse_errors.append((path, f"{type(exc).__name__}: {exc}"))
                    continue
                self.conn.execute("INSERT INTO files VALUES (?,?,?,?,?,?)", row)
                self.conn.execute("INSERT OR IGNORE INTO pending VALUES (?)", (path,))
                self.reparsed += 1
            self.conn.executemany(
                "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                [("schema", SCHEMA_VERSION), ("model", MODEL_FINGERPRINT)],
            )
        try:
            (self.path / OLD_SNAPSHOT).unlink(missing_ok=True)
        except OSError:
            pass
        with self.writing():
            self.update_graph()

    def transaction(self) -> _Transaction:
        return _Transaction(self.conn)

    def close(self) -> None:
        self.conn.close()

    # -- files -------------------------------------------------------------------
    def file_hashes(self, paths: list[str] | None = None) -> dict[str, str]:
        """Content hashes by path: of every stored file, or of those of `paths` that are stored
        (what an ingest needs: its memory then follows the files given, not the store)."""
        if paths is None:
            return dict(self.conn.execute("SELECT path, sha256 FROM files"))
        out: dict[str, str] = {}
        for i in range(0, len(paths), BATCH):
            out.update(self.conn.execute("SELECT path, sha256 FROM files WHERE path IN (SELECT value FROM "
                                         "json_each(?))", (json.dumps(paths[i:i + BATCH]),)))
        return out

    def put_document(self, doc: ParsedDocument) -> None:
        """Store one parse result; the graph takes it in at the next update_graph."""
        self.put_row(file_row(doc), doc)

    def put_row(self, row: FileRow, doc: ParsedDocument | None = None) -> None:
        """Store one file row made by :func:`file_row`, in its own transaction, marked pending."""
        with self.transaction():
            self.conn.execute("INSERT OR REPLACE INTO files VALUES (?,?,?,?,?,?)", row)
            self.conn.execute("INSERT OR IGNORE INTO pending VALUES (?)", (row.path,))
        if doc is not None and len(self._fresh) < BATCH:  # a batch's worth: the rest is read back from its row
            self._fresh[row.path] = doc
        else:
            self._fresh.pop(row.path, None)

    def saved_row(self, path: str) -> FileRow | None:
        """The stored row of `path` as it is now (to put back if a batch must be undone)."""
        row = self.conn.execute("SELECT path, sha256, parsed, text, parsed_sum, text_sum FROM files WHERE path=?",
                                (path,)).fetchone()
        return FileRow(*row) if row else None

    def restore(self, saved: list[tuple[str, FileRow | None]], dirty: bool) -> None:
        """Put rows back as they were (None: the path was not stored), in one transaction: a batch
        that cannot finish leaves the store as it found it.

        A path still pending never reached the graph, which holds its old row: it stops being
        pending (unless files were pending before, `dirty`). A path the graph took in already (an
        update batch committed) becomes pending, so the next ingest puts its old row back in."""
        with self.transaction():
            for path, row in reversed(saved):
                if row is None:
                    self.conn.execute("DELETE FROM files WHERE path=?", (path,))
                else:
                    self.conn.execute("INSERT OR REPLACE INTO files VALUES (?,?,?,?,?,?)", row)
                if path in self._updated:
                    self.conn.execute("INSERT OR IGNORE INTO pending VALUES (?)", (path,))
                elif not dirty:
                    self.conn.execute("DELETE FROM pending WHERE path=?", (path,))
                self._fresh.pop(path, None)

    def remove_paths(self, paths: list[str]) -> list[str]:
        """Forget the stored files at these paths or under these folders, in one transaction.

        Returns the stored paths removed; the graph forgets them at the next update_graph."""
        removed: list[str] = []
        with self.transaction():
            for path in paths:
                folder = path.rstrip("/") + "/"
                rows = self.conn.execute(  # a range of the path index: '/' + 1 is '0'
                    "SELECT path FROM files WHERE path=? OR (path >= ? AND path < ?)", (path, folder, folder[:-1] + "0")
                ).fetchall()
                for (stored,) in rows:
                    self.conn.execute("DELETE FROM files WHERE path=?", (stored,))
                    self.conn.execute("INSERT OR IGNORE INTO pending VALUES (?)", (stored,))
                    self._fresh.pop(stored, None)
                    removed.append(stored)
        return sorted(set(removed))

    def parsed(self, path: str) -> ParsedDocument | None:
        """The stored parse result of `path` (None when the file is not stored, or its row is
        damaged: then it is listed in `unreadable`)."""
        if path in self._fresh:
            return self._fresh[path]
        row = self.conn.execute("SELECT parsed, parsed_sum FROM files WHERE path=?", (path,)).fetchone()
        if row is None:
            return None
        try:
            return codec.decode_parse(row[0], row[1])
        except codec.DamagedBlob as exc:
            self.unreadable.append((path, f"its stored parse {exc}"))
            return None

    def parsed_documents(self) -> list[ParsedDocument]:
        """Every readable stored parse result, in path order (the reference resolve's input)."""
        paths = [p for (p,) in self.conn.execute("SELECT path FROM files ORDER BY path")]
        return [d for d in map(self.parsed, paths) if d is not None]

    def file_text(self, path: str) -> str | None:
        row = self.conn.execute("SELECT text, text_sum FROM files WHERE path=?", (path,)).fetchone()
        if row is None:
            return None
        try:
            return codec.decode_text(row[0], row[1])
        except codec.DamagedBlob:
            return None

    def document_text(self, node_id: str) -> str | None:
        """The ingested source text behind a document node (None for stubs)."""
        row = self.conn.execute("SELECT path FROM docs WHERE node=? ORDER BY path LIMIT 1", (node_id,)).fetchone()
        return self.file_text(row[0]) if row else None

    # -- graph -------------------------------------------------------------------
    def is_dirty(self) -> bool:
        """Whether files were written that the graph does not hold yet."""
        return self.conn.execute("SELECT 1 FROM pending LIMIT 1").fetchone() is not None

    def generation(self) -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
        return row[0] if row else "0"

    def update_graph(self) -> None:
        """Bring the graph tables up to date with the pending files, a batch per transaction."""
        while True:
            batch = [p for (p,) in self.conn.execute("SELECT path FROM pending ORDER BY path LIMIT ?", (BATCH,))]
            if not batch:
                break
            # imported here: read commands never update, and the resolver and parsers are slow to import
            from policygraph.graph.incremental import update

            with self.transaction():
                generation = int(self.generation()) + 1
                update(self.conn, GraphWriter(self.conn, generation), batch, self.parsed)
                self.conn.executemany("DELETE FROM pending WHERE path=?", [(p,) for p in batch])
                self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('generation', ?)", (str(generation),))
            for path in batch:
                self._fresh.pop(path, None)
            self._updated.update(batch)

    def rebuild(self) -> None:
        """Forget every derived table and make the graph again from the stored files."""
        with self.transaction():
            for table in DERIVED:
                self.conn.execute(f"DELETE FROM {table}")
            self.conn.execute("INSERT OR IGNORE INTO pending SELECT path FROM files")
        self.update_graph()

    def load_graph(self) -> nx.MultiDiGraph:
        """The whole graph as a networkx MultiDiGraph (nodes in id order), read from the tables."""
        return graph_of(self.conn, "SELECT id, attrs FROM nodes ORDER BY id",
                        "SELECT source, target, key, attrs FROM edges ORDER BY source, target, key, id")

    def iter_nodes(self) -> Iterator[tuple[str, dict]]:
        """Every node and its attributes, streamed in id order (for backends that mirror the store)."""
        for node_id, attrs in self.conn.execute("SELECT id, attrs FROM nodes ORDER BY id"):
            yield node_id, json.loads(attrs)

    def iter_edges(self) -> Iterator[tuple[str, str, str, dict]]:
        """Every edge as (source, target, key, attributes), streamed."""
        for source, target, key, attrs in self.conn.execute("SELECT source, target, key, attrs FROM edges"):
            yield source, target, key, json.loads(attrs)

    def changes_since(self, generation: int) -> dict[str, list]:
        """What the updates after `generation` wrote and removed: nodes and edges (re)written,
        as in iter_nodes/iter_edges, and the ids of nodes removed (an edge rewritten is
        removed and written again: edges removed are listed by their row id)."""
        nodes = [(n, json.loads(a)) for n, a in self.conn.execute(
            "SELECT id, attrs FROM nodes WHERE gen > ? ORDER BY id", (generation,))]
        edges = [(i, s, t, k, json.loads(a)) for i, s, t, k, a in self.conn.execute(
            "SELECT id, source, target, key, attrs FROM edges WHERE gen > ?", (generation,))]
        removed: dict[str, list[str]] = {"node": [], "edge": []}
        for what, ident in self.conn.execute("SELECT what, id FROM removed WHERE gen > ?", (generation,)):
            removed[what].append(ident)
        written = {n for n, _ in nodes}
        return {"nodes": nodes, "edges": edges, "removed_nodes": [n for n in removed["node"] if n not in written],
                "removed_edges": removed["edge"]}

    def counts(self) -> dict[str, int]:
        """Files, nodes per kind ('document_nodes') and edges per type ('assigns_edges')."""
        out = {"files": self.conn.execute("SELECT count(*) FROM files").fetchone()[0]}
        for name, value, n in self.conn.execute("SELECT name, value, n FROM tallies WHERE name IN ('kind', 'edges')"):
            out[f"{value}_{'nodes' if name == 'kind' else 'edges'}"] = n
        return out

    def record_ingest(self, entries: list) -> None:
        """What an ingest said about each file it read (graph/ingest_log.py; the caller holds the transaction)."""
        ingest_log.record(self.conn, entries)

    @staticmethod
    def drop_inherited_locks() -> None:
        """In a forked worker process: close the copies of the parent's lock files (see drop_inherited_locks)."""
        drop_inherited_locks()

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the store's ingest lock while a batch writes: a second ingest is refused.

        The lock is an advisory file lock, released by the system if the process dies."""
        handle = open(self.path / LOCK_NAME, "a+")
        try:
            if fcntl is not None:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    raise StoreError(
                        f"another ingest is writing to the store at {self.path}; run this one when it ends"
                    ) from None
            _HELD_LOCKS.add(handle)
            yield
        finally:
            _HELD_LOCKS.discard(handle)
            handle.close()  # closing the file releases the lock

    def being_written(self) -> bool:
        """Whether an ingest (in any process) holds the store's lock now (read without writing)."""
        if fcntl is None or not (self.path / LOCK_NAME).exists():
            return False
        try:
            handle = open(self.path / LOCK_NAME)
        except OSError:
            return False
        with handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            return False


_HELD_LOCKS: set = set()  # the lock files this process holds (Store.writing)


def drop_inherited_locks() -> None:
    """In a forked worker process: close the copies of the parent's lock files.

    A flock belongs to the open file, which fork shares: if the parent died, a worker still
    holding the file would keep the store locked. Closing the child's copy leaves the
    parent's lock in place.
    """
    for handle in list(_HELD_LOCKS):
        handle.close()
    _HELD_LOCKS.clear()
