"""Data only, checked (ingest/codec.py, graph/health.py): a crafted pickle anywhere in the store
is never executed; flipped bytes in a blob or in SQLite's pages are found by `check` and got
past by `repair`, with the rest intact; read commands never write."""

from __future__ import annotations

import builtins
import json
import os
import pickle
import shutil
import sqlite3
from pathlib import Path

from click.testing import CliRunner
from support import ingest as H

from policygraph.cli import main
from policygraph.graph.export import node_link
from policygraph.graph.store import DB_NAME, Store
from policygraph.ingest import codec


def _store(tmp_path: Path) -> tuple[Path, list[Path]]:
    docs = tmp_path / "docs"
    docs.mkdir()
    files = []
    for p in H.sample_files():
        files.append(docs / p.name)
        shutil.copyfile(p, files[-1])
    run = H.cli("ingest", docs, store=tmp_path / "store")
    assert run.returncode == 0, run.stderr
    return tmp_path / "store", files


def _export(store_dir: Path) -> str:
    return json.dumps(node_link(Store.open(store_dir, readonly=True).load_graph()), sort_keys=True)


class _Payload:
    """What an attacker would store: unpickling it runs a shell command."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return os.system, (f"touch {self.marker}",)


def test_a_crafted_pickle_in_any_blob_or_file_is_never_executed(tmp_path):
    store_dir, _ = _store(tmp_path)
    marker = tmp_path / "pwned"
    payload = pickle.dumps(_Payload(marker))
    assert not marker.exists()
    conn = sqlite3.connect(store_dir / DB_NAME)
    with conn:
        first, second = [p for (p,) in conn.execute("SELECT path FROM files ORDER BY path LIMIT 2")]
        blob = codec.compress(payload)  # with a checksum that holds: the blob is still never unpickled
        conn.execute("UPDATE files SET parsed=?, parsed_sum=? WHERE path=?", (blob, codec.checksum(blob), first))
        conn.execute("UPDATE files SET text=?, text_sum=? WHERE path=?", (blob, codec.checksum(blob), second))
    conn.close()
    (store_dir / "graph.pickle").write_bytes(payload)  # what schema 2 read on every command
    for command in (["stats"], ["show", "45-KH/HU"], ["trace", "30-CT/TW"], ["search", "dân vận"],
                    ["export", "--format", "json", str(tmp_path / "g.json")], ["check"], ["repair"],
                    ["ingest", str(tmp_path / "docs")]):
        result = H.cli(*command, store=store_dir)
        assert "Traceback" not in result.stderr, (command, result.stderr)
        assert not marker.exists(), command
    # an old store (schema 2) whose parse rows are pickles is upgraded from its texts, unpickling nothing
    conn = sqlite3.connect(store_dir / DB_NAME)
    with conn:
        conn.execute("UPDATE meta SET value='2' WHERE key='schema'")
        conn.execute("UPDATE files SET parsed=?", (codec.compress(payload),))
    conn.close()
    result = H.cli("stats", store=store_dir)
    assert result.returncode == 0 and "another version" in result.stderr, result.stderr
    assert not marker.exists() and not (store_dir / "graph.pickle").exists()


def test_a_flipped_byte_in_a_blob_is_found_and_repaired_from_the_source(tmp_path):
    store_dir, files = _store(tmp_path)
    truth = _export(store_dir)
    conn = sqlite3.connect(store_dir / DB_NAME)
    with conn:
        path, text = conn.execute("SELECT path, text FROM files ORDER BY path LIMIT 1").fetchone()
        flipped = bytearray(text)
        flipped[len(flipped) // 2] ^= 0x40
        conn.execute("UPDATE files SET text=? WHERE path=?", (bytes(flipped), path))
    conn.close()
    check = H.cli("check", store=store_dir)
    assert check.returncode == 1 and f"damaged: {path}: its stored text checksum mismatch" in check.stderr
    assert _export(store_dir) == truth  # the damage hides nothing else: every question still answers
    assert H.cli("stats", store=store_dir).returncode == 0
    repaired = H.cli("repair", store=store_dir)
    assert repaired.returncode == 0 and f"re-read: {path}" in repaired.stdout, repaired.stderr
    assert H.cli("check", store=store_dir).returncode == 0
    assert _export(store_dir) == truth
    # a damaged row whose source is gone from the disk is dropped, and the rest kept
    conn = sqlite3.connect(store_dir / DB_NAME)
    with conn:
        conn.execute("UPDATE files SET parsed=X'00' WHERE path=?", (path,))
    conn.close()
    Path(path).unlink()
    repaired = H.cli("repair", store=store_dir)
    assert f"lost: {path}" in repaired.stderr and "3 files kept, 0 re-read from disk, 1 lost" in repaired.stdout
    store = Store.open(store_dir, readonly=True)
    assert sorted(store.file_hashes()) == sorted(str(f.resolve()) for f in files if f.exists())
    assert {a.get("source") for _, a in store.load_graph().nodes(data=True)} - {None} == set(store.file_hashes())


def _page_of(conn: sqlite3.Connection, name: str) -> int:
    return conn.execute("SELECT rootpage FROM sqlite_master WHERE name=?", (name,)).fetchone()[0]


def test_flipped_bytes_in_sqlite_pages_are_found_and_repaired_with_the_rest_intact(tmp_path):
    store_dir, _ = _store(tmp_path)
    truth = _export(store_dir)
    db = store_dir / DB_NAME
    conn = sqlite3.connect(db)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    index_page = _page_of(conn, "edges_target")
    conn.close()
    data = bytearray(db.read_bytes())
    start = (index_page - 1) * page_size
    for i in range(start + 8, start + 200):  # scribble over the index page's cell pointers and cells
        data[i] ^= 0xA5
    db.write_bytes(bytes(data))
    check = H.cli("check", store=store_dir)
    assert check.returncode == 1 and "DAMAGED" in check.stdout and "sqlite:" in check.stderr
    repaired = H.cli("repair", store=store_dir)
    assert repaired.returncode == 0, repaired.stderr
    assert "copied into a new one" in repaired.stdout and "4 files kept" in repaired.stdout
    assert H.cli("check", store=store_dir).returncode == 0
    assert _export(store_dir) == truth


def test_a_read_command_answers_when_nothing_can_be_written(tmp_path, monkeypatch):
    store_dir, _ = _store(tmp_path)
    real_open = builtins.open

    def full_disk(file, mode="r", *args, **kwargs):
        if any(c in mode for c in "wax+"):
            raise OSError(28, "No space left on device", str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", full_disk)
    monkeypatch.setattr(os, "replace", lambda *a, **k: (_ for _ in ()).throw(OSError(28, "No space left")))
    Store.open(store_dir).close()  # the last connection checkpoints the write-ahead log into the file
    db = (store_dir / DB_NAME).read_bytes()
    runner = CliRunner()
    for command in (["stats"], ["show", "45-KH/HU"], ["trace", "30-CT/TW"], ["search", "dân vận"]):
        result = runner.invoke(main, ["--store", str(store_dir), *command])
        assert result.exit_code == 0, (command, result.output, result.exception)
        assert result.output.strip()
    assert (store_dir / DB_NAME).read_bytes() == db  # not a page written
    wal = store_dir / (DB_NAME + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
