"""What the last ingest of each file said about it: its warnings, or why it failed.

One row per file read (keyed like the ``files`` table), in the store's SQLite, the notes as a
JSON list: `policygraph warnings` reads them back. A file ingested again replaces its row; an
unchanged file keeps the row of the ingest that read it; `remove` forgets it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from policygraph.ingest.rows import Entry  # made by the ingest (pipeline.py), kept here

_TABLE = """CREATE TABLE IF NOT EXISTS ingest_log (
    path TEXT PRIMARY KEY, shown TEXT NOT NULL, rel_path TEXT, status TEXT NOT NULL, at TEXT NOT NULL,
    notes TEXT NOT NULL)"""


def record(conn: sqlite3.Connection, entries: Iterable[Entry]) -> None:
    """Write these entries (the caller holds the transaction)."""
    conn.execute(_TABLE)
    conn.executemany(
        "INSERT OR REPLACE INTO ingest_log VALUES (?, ?, ?, ?, ?, ?)",
        ((e.path, e.shown, e.rel_path, e.status, e.at, json.dumps(e.notes, ensure_ascii=False)) for e in entries),
    )


def forget(conn: sqlite3.Connection, paths: Iterable[str]) -> None:
    """Drop the entries of files removed from the store (the caller holds the transaction)."""
    conn.execute(_TABLE)
    conn.executemany("DELETE FROM ingest_log WHERE path=?", ((p,) for p in paths))


def entries(conn: sqlite3.Connection, file: str | None = None, only_noted: bool = True) -> list[Entry]:
    """Entries in path order; `file` narrows them to a key, a path as given, or a relative path
    (or a folder of them); `only_noted` leaves out files that went in without a word."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='ingest_log'").fetchone():
        return []
    rows = conn.execute("SELECT path, shown, rel_path, status, at, notes FROM ingest_log ORDER BY path").fetchall()
    out = [Entry(p, s, r, st, at, json.loads(n)) for p, s, r, st, at, n in rows]
    if file is not None:
        out = [e for e in out if _matches(e, file)]
    return [e for e in out if e.notes] if only_noted else out


def _matches(entry: Entry, file: str) -> bool:
    wanted = file.rstrip("/")
    for name in (entry.path, entry.shown, entry.rel_path or ""):
        if name == wanted or name.startswith(wanted + "/"):
            return True
    return False
