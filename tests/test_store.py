"""The store (graph/store.py) through the ingest pipeline: repeatable exports, unchanged and
changed files, and a crash in the middle of an ingest."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import ingest as H

from policygraph.graph.export import write_json
from policygraph.graph.store import CACHE_NAME, DB_NAME, MODEL_FINGERPRINT, SCHEMA_VERSION, Store, StoreError
from policygraph.ingest.pipeline import ingest_paths, parse_file
from policygraph.ingest.reader import normalise


def _copy_samples(dest: Path) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for p in H.sample_files():
        out.append(dest / p.name)
        shutil.copyfile(p, out[-1])
    return out


def _export(store: Store, path: Path) -> bytes:
    write_json(store.load_graph(), path)
    return path.read_bytes()


def test_ingesting_twice_gives_the_same_bytes(tmp_path):
    files = _copy_samples(tmp_path / "docs")
    store = Store.open(tmp_path / "s1")
    first = ingest_paths(store, [tmp_path / "docs"])
    assert (first.files, first.added, first.unchanged, len(first.failed)) == (4, 4, 0, 0)
    one = _export(store, tmp_path / "one.json")
    again = ingest_paths(store, [tmp_path / "docs"])
    assert (again.added, again.updated, again.unchanged) == (0, 0, 4)
    assert _export(store, tmp_path / "two.json") == one
    store.close()
    # a fresh store, files given one by one in another order, parsed in worker processes
    other = Store.open(tmp_path / "s2")
    ingest_paths(other, list(reversed(files)), jobs=2)
    assert _export(other, tmp_path / "three.json") == one
    # reopening reads the same graph
    other.close()
    assert _export(Store.open(tmp_path / "s2"), tmp_path / "four.json") == one


def test_a_changed_file_replaces_its_edges(tmp_path):
    files = _copy_samples(tmp_path / "docs")
    store = Store.open(tmp_path / "store")
    ingest_paths(store, [tmp_path / "docs"])
    target = next(p for p in files if "226-KH/HU" in p.read_text("utf-8"))
    src = str(target.resolve())
    g = store.load_graph()
    node = next(n for n, a in H.doc_nodes(g).items() if a.get("source") == src)
    before = {g.nodes[t].get("symbol") for _, t, a in g.out_edges(node, data=True) if a.get("type") == "implements"}
    assert "226-KH/HU" in before

    target.write_text(target.read_text("utf-8").replace("226-KH/HU", "227-KH/HU"), encoding="utf-8")
    summary = ingest_paths(store, [tmp_path / "docs"])
    assert (summary.added, summary.updated, summary.unchanged) == (0, 1, 3)
    g = store.load_graph()
    assert store.counts()["files"] == 4
    node = next(n for n, a in H.doc_nodes(g).items() if a.get("source") == src)
    cited = {g.nodes[t].get("symbol") for _, t, a in g.out_edges(node, data=True) if a.get("type") == "implements"}
    assert "227-KH/HU" in cited and "226-KH/HU" not in cited
    # nothing else cites 226-KH/HU: its stub is gone with the old edges
    assert not H.nodes_with_symbol(g, "226-KH/HU")
    assert not [
        e for e in g.edges(data=True) if e[2].get("stated_in") == node and "226-KH/HU" in (e[2].get("written") or "")
    ]
    assert store.file_text(src) == normalise(target.read_text("utf-8"))
    store.close()


def _many_copies(folder: Path, copies: int) -> int:
    """`copies` copies of each sample, each moved to another province (and so another text)."""
    from policygraph.ingest.places import gazetteer

    provinces = sorted(gazetteer().provinces.values())
    originals = ["Bình Phước", "Bắc Kạn", "Gia Lai", "Tuyên Quang"]
    folder.mkdir(parents=True)
    texts = [(p.name, p.read_text("utf-8")) for p in H.sample_files()]
    for i in range(copies):
        province = provinces[i % len(provinces)]
        for name, text in texts:
            for old in originals:
                text = text.replace(old, province)
            (folder / f"{i:03}_{name}").write_text(f"{text}\n(bản {i + 1} - {province})\n", encoding="utf-8")
    return copies * len(texts)


def _count_files(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
        try:
            return conn.execute("SELECT count(*) FROM files").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # the table is not created yet
        return 0


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_killed_ingest_leaves_a_usable_store(tmp_path, jobs):
    """Killed mid-batch, in one process or with workers (which must not keep the store locked
    after their parent died: readers would keep serving the graph from before the ingest)."""
    store_dir = tmp_path / "store"
    samples = _copy_samples(tmp_path / "samples")
    first = H.cli("ingest", tmp_path / "samples", store=store_dir)
    assert first.returncode == 0, first.stderr
    total = _many_copies(tmp_path / "big", 100)

    proc = subprocess.Popen(
        [sys.executable, "-m", "policygraph", "--store", str(store_dir), "ingest", "--quiet", "--jobs", jobs]
        + [str(tmp_path / "big")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    db = store_dir / DB_NAME
    deadline = time.monotonic() + 60
    try:
        while _count_files(db) < 4 + 15 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed: give it more files"
    committed = _count_files(db)
    assert 4 + 15 <= committed < 4 + total, committed

    store = Store.open(store_dir)
    assert not store.being_written()
    graph = store.load_graph()
    paths = [p for (p,) in store.conn.execute("SELECT path FROM files")]
    assert len(paths) == committed
    sources = [a.get("source") for a in H.doc_nodes(graph).values() if a.get("source")]
    assert sorted(sources) == sorted(paths)  # every committed document is in the graph, once
    for p in samples:  # the earlier content is intact
        assert str(p.resolve()) in sources
        assert store.file_text(str(p.resolve())) == normalise(p.read_text("utf-8"))
    assert not store.is_dirty()
    store.close()

    after = H.cli("ingest", "--quiet", tmp_path / "big", "--jobs", "2", store=store_dir)
    assert after.returncode == 0, after.stderr
    assert f"{total - (committed - 4)} added" in after.stdout and f"{committed - 4} unchanged" in after.stdout, (
        after.stdout
    )
    store = Store.open(store_dir)
    assert store.counts()["files"] == 4 + total
    graph = store.load_graph()
    assert len([a for a in H.doc_nodes(graph).values() if a.get("source")]) == 4 + total
    store.close()


def _samples_store(tmp_path: Path) -> bytes:
    """A store of the samples at tmp_path/store; its export."""
    _copy_samples(tmp_path / "docs")
    store = Store.open(tmp_path / "store")
    ingest_paths(store, [tmp_path / "docs"])
    truth = _export(store, tmp_path / "truth.json")
    store.close()
    return truth


def test_a_lost_or_stale_snapshot_is_rebuilt_from_the_stored_files(tmp_path):
    truth = _samples_store(tmp_path)
    old = (tmp_path / "store" / CACHE_NAME).read_bytes()

    (tmp_path / "store" / CACHE_NAME).unlink()
    assert _export(Store.open(tmp_path / "store"), tmp_path / "lost.json") == truth
    generation = Store.open(tmp_path / "store").generation()
    assert generation == "2"  # the load rebuilt and wrote a new snapshot
    (tmp_path / "store" / CACHE_NAME).write_bytes(old)  # generation 1's snapshot in a generation 2 store
    assert _export(Store.open(tmp_path / "store"), tmp_path / "stale.json") == truth
    assert Store.open(tmp_path / "store").generation() == "3"


def _age(store_dir: Path, schema: str, model: str | None) -> None:
    """Make a store look written by an older policygraph: its own schema and model, unreadable parses."""
    conn = sqlite3.connect(store_dir / DB_NAME)
    with conn:
        conn.execute("UPDATE meta SET value=? WHERE key='schema'", (schema,))
        if model is None:
            conn.execute("DELETE FROM meta WHERE key='model'")
        else:
            conn.execute("UPDATE meta SET value=? WHERE key='model'", (model,))
        conn.execute("UPDATE files SET parsed='{\"symbol\": \"written by version 1\"}'")
        if schema == "1":  # schema 1 kept the graph in two tables
            conn.execute("CREATE TABLE nodes (id TEXT PRIMARY KEY, kind TEXT, data TEXT NOT NULL)")
            conn.execute("CREATE TABLE edges (src TEXT, dst TEXT, key TEXT, type TEXT, data TEXT)")
    conn.close()


def test_a_store_from_an_older_version_rereads_its_stored_texts(tmp_path):
    truth = _samples_store(tmp_path)
    shutil.rmtree(tmp_path / "docs")  # the texts are only in the store now

    for schema, model in (("1", None), ("2", "another-model")):
        _age(tmp_path / "store", schema, model)
        store = Store.open(tmp_path / "store")
        assert store.is_dirty()
        assert _export(store, tmp_path / f"after-{schema}.json") == truth
        tables = {name for (name,) in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert tables - {"ingest_log"} == {"meta", "files", "sources"}  # the old graph tables are gone
        assert dict(store.conn.execute("SELECT key, value FROM meta WHERE key IN ('schema', 'model')")) == {
            "schema": SCHEMA_VERSION,
            "model": MODEL_FINGERPRINT,
        }
        store.close()


def _from_the_future(store_dir: Path) -> None:
    """An empty store stamped with a schema newer than this version's."""
    Store.open(store_dir).close()
    conn = sqlite3.connect(store_dir / DB_NAME)
    with conn:
        conn.execute("UPDATE meta SET value='99' WHERE key='schema'")
    conn.close()


def test_a_store_from_a_newer_version_is_refused_with_a_reason(tmp_path):
    _from_the_future(tmp_path / "store")
    with pytest.raises(StoreError, match="schema 99 is newer"):
        Store.open(tmp_path / "store")


def test_an_upgrade_drops_a_text_this_version_cannot_parse_and_says_so(tmp_path, monkeypatch):
    from policygraph.ingest import pipeline

    _samples_store(tmp_path)
    _age(tmp_path / "store", "1", None)
    paths = sorted(p for (p,) in sqlite3.connect(tmp_path / "store" / DB_NAME).execute("SELECT path FROM files"))
    real = pipeline.parse_text

    def parse_text(text, path="<text>"):
        if path == paths[0]:
            raise ValueError("a parser bug")
        return real(text, path)

    monkeypatch.setattr(pipeline, "parse_text", parse_text)
    store = Store.open(tmp_path / "store")
    assert store.reparsed == 3 and store.reparse_errors == [(paths[0], "ValueError: a parser bug")]
    assert sorted(store.file_hashes()) == paths[1:]
    assert len([a for a in H.doc_nodes(store.load_graph()).values() if a.get("source")]) == 3
    store.close()


def test_the_cli_says_when_it_rereads_an_older_store(tmp_path):
    _samples_store(tmp_path)
    _age(tmp_path / "store", "1", None)
    result = H.cli("stats", store=tmp_path / "store")
    assert result.returncode == 0, result.stderr
    assert "was written by another version: re-read 4 texts" in result.stderr
    again = H.cli("stats", store=tmp_path / "store")
    assert "another version" not in again.stderr


def test_every_command_reports_an_unusable_store_without_a_traceback(tmp_path):
    _from_the_future(tmp_path / "store")
    for command in (["stats"], ["trace", "25-NQ/TW"], ["show", "25-NQ/TW"], ["ingest", str(tmp_path)]):
        result = H.cli(*command, store=tmp_path / "store")
        assert result.returncode == 1, (command, result.stderr)
        assert "schema 99 is newer" in result.stderr and "Traceback" not in result.stderr, (command, result.stderr)


def test_readers_keep_the_last_graph_while_an_ingest_writes_and_a_second_ingest_waits_its_turn(tmp_path):
    truth = _samples_store(tmp_path)
    extra = tmp_path / "extra.txt"
    extra.write_text(H.sample_files()[0].read_text("utf-8").replace("Bình Phước", "Đồng Nai"), "utf-8")
    writer = Store.open(tmp_path / "store")
    with writer.writing():
        writer.put_document(parse_file(extra))  # committed: the store is stale until the rebuild
        reader = Store.open(tmp_path / "store")
        assert reader.is_dirty() and reader.being_written()
        assert _export(reader, tmp_path / "during.json") == truth  # the last complete graph, not rebuilt
        assert reader.generation() == "1"
        with pytest.raises(StoreError, match="another ingest is writing"):
            ingest_paths(Store.open(tmp_path / "store"), [extra])
        result = H.cli("ingest", extra, store=tmp_path / "store")
        assert result.returncode == 1 and "another ingest is writing" in result.stderr
        assert "Traceback" not in result.stderr
    # the writer stopped without rebuilding (as if killed): the next reader repairs the graph
    reader = Store.open(tmp_path / "store")
    assert not reader.being_written()
    sources = {a.get("source") for a in H.doc_nodes(reader.load_graph()).values()}
    assert str(extra.resolve()) in sources and not reader.is_dirty()
