"""The graph updated in place (graph/incremental.py) equals resolve() over every stored file,
byte for byte in the export, whatever the order files came in, in batches, with removals,
changes, duplicates; and an ingest killed half-way leaves the previous graph."""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import generate

from policygraph.graph.export import node_link
from policygraph.graph.identity import resolve
from policygraph.graph.nxbuild import _networkx
from policygraph.graph.store import Store
from policygraph.ingest.pipeline import ingest_paths

ROOT = Path(__file__).resolve().parents[1]


def _export(graph) -> str:
    return json.dumps(node_link(graph), ensure_ascii=False, sort_keys=True, indent=1)


def _reference(store: Store) -> str:
    """The full resolution of what the store holds, as `export` writes it."""
    g = resolve(store.parsed_documents())
    return _export(_networkx(sorted(g.nodes.items()), g.edges))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    """Samples, a generated corpus, a file twice, and another text under a sample's number."""
    folder = tmp_path_factory.mktemp("corpus")
    files = []
    for p in sorted((ROOT / "data" / "samples").glob("*.txt")):
        files.append(folder / p.name)
        shutil.copy(p, files[-1])
    twice = folder / "zz-copy.txt"
    shutil.copy(files[0], twice)
    variant = folder / "zz-variant.txt"
    variant.write_text(files[0].read_text("utf-8").replace("Hớn Quản", "Bù Đăng"), "utf-8")
    generate.write(generate.generate(80, seed=11, provinces=3), folder / "gen", graph=False)
    return files + [twice, variant] + sorted((folder / "gen" / "docs").rglob("*.txt"))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_increments_equal_the_full_resolution(tmp_path, corpus, seed):
    rng = random.Random(seed)
    order = corpus[:]
    rng.shuffle(order)
    store = Store.open(tmp_path / "store")
    done: list[Path] = []
    checks = 0
    while order:
        size = rng.choice([1, 3, 12])
        batch, order = order[:size], order[size:]
        ingest_paths(store, batch, jobs=1)
        done += batch
        if done and rng.random() < 0.4:  # a removal, sometimes put back later
            gone = rng.choice(done)
            done.remove(gone)
            store.remove_paths([str(gone.resolve())])
            store.update_graph()
            if rng.random() < 0.5:
                order.append(gone)
        if rng.random() < 0.3 or not order:
            assert _export(store.load_graph()) == _reference(store)
            checks += 1
    assert checks >= 2 and len(store.file_hashes()) == len(done)
    store.close()


def test_a_changed_text_and_a_removed_duplicate_re_resolve_what_they_touch(tmp_path, corpus):
    store = Store.open(tmp_path / "store")
    ingest_paths(store, corpus[:8])
    changed = tmp_path / "changed.txt"
    changed.write_text(corpus[1].read_text("utf-8").replace("2016", "2013"), "utf-8")
    ingest_paths(store, [changed])
    assert _export(store.load_graph()) == _reference(store)
    changed.write_text(corpus[1].read_text("utf-8"), "utf-8")  # now the same text as a stored file
    ingest_paths(store, [changed])
    assert _export(store.load_graph()) == _reference(store)
    store.remove_paths([str(corpus[0].resolve())])  # the first of two equal files goes: the copy takes over
    store.update_graph()
    assert _export(store.load_graph()) == _reference(store)
    store.close()


def test_kill_9_during_an_incremental_ingest_leaves_the_previous_state(tmp_path, corpus):
    store_dir = tmp_path / "store"
    run = subprocess.run([sys.executable, "-m", "policygraph", "--store", str(store_dir), "ingest", "-q",
                          *map(str, corpus[:20])], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    before = _export(Store.open(store_dir, readonly=True).load_graph())
    generation = Store.open(store_dir, readonly=True).generation()
    more = tmp_path / "more"
    more.mkdir()
    for p in corpus[20:]:
        shutil.copy(p, more / p.name)
    killed = 0
    for delay in (0.8, 1.5, 2.5):
        proc = subprocess.Popen([sys.executable, "-m", "policygraph", "--store", str(store_dir), "ingest", "-q",
                                 "--jobs", "1", str(more)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait()
        reader = Store.open(store_dir, readonly=True)
        if reader.generation() == generation:  # killed before its graph update committed
            assert _export(reader.load_graph()) == before
        reader.close()
    assert killed, "the ingest ended before it could be killed"
    # the next ingest finishes what the killed ones left pending
    store = Store.open(store_dir)
    ingest_paths(store, [more])
    assert not store.is_dirty()
    assert _export(store.load_graph()) == _reference(store)
    store.close()


def test_an_add_reads_no_more_of_a_family_than_the_mentions_its_state_decides(tmp_path, monkeypatch):
    """Every generated plan cites its central resolution: adding one more decodes its own
    mentions and the family's epoch-less ones, not every mention of the family."""
    from policygraph.graph import incremental

    folder = tmp_path / "gen"
    generate.write(generate.generate(150, seed=5, provinces=2), folder, graph=False)
    files = sorted((folder / "docs").rglob("*.txt"))
    store = Store.open(tmp_path / "store")
    ingest_paths(store, files[:-1])
    conn = store.conn
    decoded = []
    real = incremental._mention
    monkeypatch.setattr(incremental, "_mention", lambda *a: decoded.append(a[0]) or real(*a))
    ingest_paths(store, files[-1:])
    family, cited = conn.execute(
        "SELECT family, (SELECT count(*) FROM mentions m WHERE m.family = n.family) AS c FROM mentions n "
        "WHERE path=? ORDER BY c DESC", (str(files[-1].resolve()),)).fetchone()
    assert cited >= 20, cited
    epochless = conn.execute("SELECT count(*) FROM mentions WHERE family=? AND epoch IS NULL", (family,)).fetchone()[0]
    assert decoded.count(family) <= epochless + 3, (decoded.count(family), cited)
    assert _export(store.load_graph()) == _reference(store)
    store.close()
