"""`policygraph check` and `policygraph repair`: find damage in a store, and get past it.

The files table is the source of truth and every blob in it carries a checksum
(graph/codec.py): `check` runs SQLite's own integrity check and verifies every checksum,
reading row by row so that a damaged row never hides the others. `repair` keeps every row
that reads back whole (copying them into a fresh database when SQLite's structure itself is
damaged), drops the others, reads the dropped files again from their source when it is still
on disk, and rebuilds the graph tables from what is left, saying what was lost.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from policygraph.graph.schema import TABLES
from policygraph.graph.store import DB_NAME, FileRow, Store, StoreError, file_row
from policygraph.ingest import codec
from policygraph.ingest.pipeline import parse_file
from policygraph.ingest.reader import ReadError


@dataclass
class Health:
    """What `check` found."""

    folder: Path
    integrity: list[str] = field(default_factory=list)  # SQLite's messages; ["ok"] when whole
    files: int = 0  # rows read back whole
    damaged: list[tuple[str, str]] = field(default_factory=list)  # (path or row, what is wrong)
    pending: int = 0  # files written that the graph does not hold yet

    @property
    def ok(self) -> bool:
        return self.integrity == ["ok"] and not self.damaged


@dataclass
class Repair:
    """What `repair` did."""

    kept: int = 0
    reread: list[str] = field(default_factory=list)  # dropped, then read again from the source on disk
    lost: list[tuple[str, str]] = field(default_factory=list)  # dropped for good, and why
    rebuilt_file: bool = False  # SQLite's structure was damaged: the rows were copied to a new file


def _rows(conn: sqlite3.Connection) -> Iterator[tuple[int, FileRow | None, str | None]]:
    """(rowid, row, None) for each files row that reads back whole, (rowid, None, reason) otherwise.

    Row by row by rowid, so that a damaged page loses only the rows on it."""
    try:
        last = conn.execute("SELECT max(rowid) FROM files").fetchone()[0] or 0
    except sqlite3.DatabaseError:
        last = None
    rowid, misses = 0, 0
    while (last is not None and rowid < last) or (last is None and misses < 10_000):
        rowid += 1
        try:
            row = conn.execute(
                "SELECT path, sha256, parsed, text, parsed_sum, text_sum FROM files WHERE rowid=?", (rowid,)
            ).fetchone()
        except sqlite3.DatabaseError as exc:
            yield rowid, None, f"row {rowid} cannot be read ({exc})"
            continue
        if row is None:
            misses += 1
            continue
        misses = 0
        stored = FileRow(*row)
        try:
            codec.decode_parse(stored.parsed, stored.parsed_sum)
        except codec.DamagedBlob as exc:
            yield rowid, stored, f"its stored parse {exc}"
            continue
        try:
            codec.decode_text(stored.text, stored.text_sum)
        except codec.DamagedBlob as exc:
            yield rowid, stored, f"its stored text {exc}"
            continue
        yield rowid, stored, None


def _integrity(conn: sqlite3.Connection) -> list[str]:
    try:
        return [m for (m,) in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]


def check(folder: str | Path) -> Health:
    """Read-only: SQLite's integrity check and every checksum of the store in `folder`."""
    folder = Path(folder)
    db = folder / DB_NAME
    if not db.is_file():
        raise StoreError(f"no store at {folder}")
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        health = Health(folder, _integrity(conn))
        for rowid, row, problem in _rows(conn):
            if problem is None:
                health.files += 1
            else:
                health.damaged.append((row.path if row else f"row {rowid}", problem))
        try:
            health.pending = conn.execute("SELECT count(*) FROM pending").fetchone()[0]
        except sqlite3.DatabaseError:
            pass
    finally:
        conn.close()
    return health


def repair(folder: str | Path) -> Repair:
    """Drop what cannot be read, read it again from disk where the source is still there,
    and rebuild the graph tables (under the ingest lock)."""
    folder = Path(folder)
    db = folder / DB_NAME
    if not db.is_file():
        raise StoreError(f"no store at {folder}")
    result = Repair()
    conn = sqlite3.connect(db, isolation_level=None)
    good: list[FileRow] = []
    bad: list[tuple[str | None, str]] = []
    try:
        whole = _integrity(conn) == ["ok"]
        for rowid, row, problem in _rows(conn):
            if problem is None:
                good.append(row)
            else:
                bad.append((row.path if row else None, problem if row else f"row {rowid}: {problem}"))
        meta = list(conn.execute("SELECT key, value FROM meta")) if whole else _meta_or_nothing(conn)
    finally:
        conn.close()
    if not whole:  # copy every readable row into a fresh file
        _fresh_database(folder, good, meta)
        result.rebuilt_file = True
    store = Store.open(folder)
    try:
        with store.writing():
            with store.transaction():
                for path, _ in bad:
                    if path is not None:
                        store.conn.execute("DELETE FROM files WHERE path=?", (path,))
            for path, reason in bad:
                if path is not None and Path(path).is_file():
                    try:
                        store.put_row(file_row(parse_file(path)))
                        result.reread.append(path)
                        continue
                    except ReadError as exc:
                        reason = f"{reason}; its source cannot be read again ({exc})"
                result.lost.append((path or "(unknown file)", reason))
            store.rebuild()
        result.kept = store.counts()["files"] - len(result.reread)
    finally:
        store.close()
    return result


def _meta_or_nothing(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    try:
        return list(conn.execute("SELECT key, value FROM meta"))
    except sqlite3.DatabaseError:
        return []


def _fresh_database(folder: Path, rows: list[FileRow], meta: list[tuple[str, str]]) -> None:
    """Write `rows` into a new database file and put it in place of the damaged one at once."""
    tmp = folder / f".{DB_NAME}.repair"
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp, isolation_level=None)
    try:
        conn.executescript(TABLES)
        conn.execute("BEGIN")
        conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta)
        conn.executemany("INSERT OR REPLACE INTO files VALUES (?,?,?,?,?,?)", rows)
        conn.execute("COMMIT")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        (folder / (DB_NAME + suffix)).unlink(missing_ok=True)
    os.replace(tmp, folder / DB_NAME)
