"""The command line as a person uses it: `python -m policygraph [--store DIR] ingest|show|export`.

Everything runs the real program in a subprocess, with stderr and stdout not a terminal
(as in CI or a shell pipe)."""

from __future__ import annotations

import codecs
import json
import re
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from support import ingest as H

from policygraph.graph.store import Store


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 52)) + chunk(b"IEND", b"")
    )


@pytest.fixture(scope="module")
def samples_store(tmp_path_factory):
    store = tmp_path_factory.mktemp("samples-store")
    run = H.cli("ingest", H.samples_dir(), store=store)
    assert run.returncode == 0, run.stderr
    return store


def test_help():
    run = H.cli("--help")
    assert run.returncode == 0
    for command in ("ingest", "show", "export"):
        assert re.search(rf"^\s+{command}\b", run.stdout, re.MULTILINE), run.stdout
    assert "--store" in run.stdout


def test_bad_files_get_one_line_each_and_the_batch_goes_on(tmp_path):
    # a long folder name, as real paths are: the reason must not be wrapped onto another line
    docs = tmp_path / "Văn bản đến năm 2024 - Ban Dân vận Huyện ủy" / "bản sao cần kiểm tra lại"
    docs.mkdir(parents=True)
    good = docs / "ke-hoach-45.txt"
    shutil.copyfile(H.sample_files()[0], good)
    bad = {
        "cp1258.txt": (H.cp1258("Nghị quyết số 25-NQ/TW của Đảng ủy xã Hưng Đạo"), "utf-8"),
        "rong.txt": (b"", "empty"),
        "anh.txt": (_png(), "binary"),
    }
    for name, (raw, _) in bad.items():
        (docs / name).write_bytes(raw)
    missing = docs / "khong-co.txt"
    run = H.cli("ingest", *(docs / n for n in sorted(bad)), missing, good, store=tmp_path / "store")

    assert run.returncode == 1, run.stderr  # some files failed: the status says so
    assert "Traceback" not in run.stderr
    assert "5 files: 1 added" in run.stdout and "4 failed" in run.stdout, run.stdout
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    for name, (_, reason) in bad.items():
        mine = [line for line in lines if str(docs / name) in line]
        assert len(mine) == 1, f"{name}: want one line naming the file, stderr was:\n{run.stderr}"
        assert reason in mine[0].lower(), f"{name}: the line does not give the reason {reason!r}: {mine[0]!r}"
    mine = [line for line in lines if str(missing) in line]
    assert len(mine) == 1 and "no such file" in mine[0].lower(), run.stderr
    # nothing but those four lines
    assert len(lines) == 4, run.stderr
    store = Store.open(tmp_path / "store")
    assert store.counts()["files"] == 1
    assert H.nodes_with_symbol(store.load_graph(), "45-KH/HU")


def test_office_files_and_pages_go_in_with_the_texts_and_damaged_ones_get_one_line(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copyfile(Path(__file__).parent / "fixtures" / "formats" / "plan.pdf", docs / "ke-hoach-45.pdf")
    page = "".join(f"<p>{line}</p>" for line in H.sample_files()[1].read_text("utf-8").split("\n\n"))
    (docs / "ke-hoach.html").write_text(f"<html><body>{page}</body></html>", "utf-8")
    (docs / "hong.pdf").write_bytes(b"%PDF-1.4 not a document")  # pypdf logs repairs: none may reach stderr
    (docs / "hong.docx").write_bytes(b"PK\x03\x04 not a zip")
    run = H.cli("ingest", docs, store=tmp_path / "store")
    assert run.returncode == 1, run.stderr
    assert "4 files: 2 added" in run.stdout and "2 failed" in run.stdout, run.stdout
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 2 and "Traceback" not in run.stderr, run.stderr
    assert any(str(docs / "hong.pdf") in line and "PDF" in line for line in lines), run.stderr
    assert any(str(docs / "hong.docx") in line and ".docx" in line for line in lines), run.stderr
    assert H.nodes_with_symbol(Store.open(tmp_path / "store").load_graph(), "45-KH/HU")


def test_nothing_readable_is_a_failure(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    run = H.cli("ingest", tmp_path / "empty.txt", tmp_path / "missing.txt", store=tmp_path / "store")
    assert run.returncode != 0
    assert "Traceback" not in run.stderr
    assert str(tmp_path / "empty.txt") in run.stderr and str(tmp_path / "missing.txt") in run.stderr


def test_store_from_option_and_from_environment(tmp_path):
    by_env, by_opt = tmp_path / "env-store", tmp_path / "opt-store"
    run = H.cli("ingest", H.sample_files()[0], env={"POLICYGRAPH_STORE": str(by_env)})
    assert run.returncode == 0, run.stderr
    assert (by_env / "policygraph.sqlite").is_file()
    run = H.cli("show", "45-KH/HU", env={"POLICYGRAPH_STORE": str(by_env)})
    assert run.returncode == 0 and "Bình Phước" in run.stdout, run.stdout + run.stderr
    # --store wins over the environment
    run = H.cli("ingest", H.sample_files()[1], store=by_opt, env={"POLICYGRAPH_STORE": str(by_env)})
    assert run.returncode == 0, run.stderr
    assert Store.open(by_opt).counts()["files"] == 1
    assert Store.open(by_env).counts()["files"] == 1
    run = H.cli("show", "45-KH/HU", store=by_opt)
    assert run.returncode != 0 and "45-KH/HU" in run.stderr and "Traceback" not in run.stderr


def _words(text: str) -> list[str]:
    return re.findall(r"\w[\w/.-]*", text)


def _shows_evidence(out: str, evidence: str) -> bool:
    """The evidence's words appear in order in the output (table cells may wrap it)."""
    words = iter(_words(out))
    return all(any(w == x for x in words) for w in _words(evidence))


def _graph(store):
    return Store.open(store).load_graph()


def test_show_prints_identity_flags_edges_and_evidence(samples_store):
    run = H.cli("show", "25-NQ/TW", "--year", "2013", store=samples_store)
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert "doc:25-NQ/TW||XI" in out and "2013-06-03" in out and "XI" in out
    assert "date_conflict" in out and "issuer_slip" in out
    g = _graph(samples_store)
    incoming = [a for _, _, a in g.in_edges("doc:25-NQ/TW||XI", data=True) if a.get("evidence")]
    assert incoming
    for a in incoming:
        assert a["type"] in out
        assert _shows_evidence(out, a["evidence"]), f"evidence not shown: {a['evidence']!r}\n{out}"


def test_show_an_ingested_document(samples_store):
    run = H.cli("show", "45-KH/HU", store=samples_store)
    assert run.returncode == 0, run.stderr
    out = run.stdout
    for want in ("45-KH/HU", "Bình Phước", "Hớn Quản", "district", "000_577edf508b5619ca.txt", "implements"):
        assert want in out, want
    g = _graph(samples_store)
    (node,) = H.nodes_with_symbol(g, "45-KH/HU")
    impl = [a for _, t, a in g.out_edges(node, data=True) if a.get("type") == "implements"]
    assert impl
    for a in impl:
        assert _shows_evidence(out, a["evidence"]), f"evidence not shown: {a['evidence']!r}\n{out}"


def test_show_lists_the_candidates_of_a_shared_symbol_and_exits_2(samples_store):
    run = H.cli("show", "25 - NQ/TW", store=samples_store, env={"COLUMNS": "250"})  # any written form
    assert run.returncode == 2, run.stderr
    assert "NQ/TW names 2 documents" in run.stdout
    assert "doc:25-NQ/TW||IX" in run.stdout and "doc:25-NQ/TW||XI" in run.stdout
    assert "incoming edges" not in run.stdout  # no document shown: the user chooses


def test_show_accepts_a_symbol_typed_in_lower_case_and_a_year(samples_store):
    run = H.cli("show", "25-nq/tw", "--year", "2003", store=samples_store)
    assert run.returncode == 0, run.stderr
    assert "doc:25-NQ/TW||IX" in run.stdout and "doc:25-NQ/TW||XI" not in run.stdout


def test_show_an_unknown_symbol(samples_store):
    run = H.cli("show", "999-NQ/TW", store=samples_store)
    assert run.returncode != 0 and "999-NQ/TW" in run.stderr and "Traceback" not in run.stderr


def test_export_is_node_link_json(samples_store, tmp_path):
    out = tmp_path / "graph.json"
    run = H.cli("export", "--format", "json", out, store=samples_store)
    assert run.returncode == 0, run.stderr
    data = json.loads(out.read_text("utf-8"))
    assert {"nodes", "links"} <= set(data)
    docs = [n for n in data["nodes"] if n.get("kind") == "document"]
    assert len([n for n in docs if n.get("source")]) == 4
    again = tmp_path / "again.json"
    H.cli("export", "--format", "json", again, store=samples_store)
    assert again.read_bytes() == out.read_bytes()


def test_ingest_reports_unchanged_files(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for p in H.sample_files():
        shutil.copyfile(p, docs / p.name)
    (docs / "ghi-chu.odt").write_bytes(b"PK\x03\x04")  # not a supported type: not picked up from a folder
    first = H.cli("ingest", docs, store=tmp_path / "s")
    assert first.returncode == 0 and "4 added" in first.stdout, first.stdout + first.stderr
    second = H.cli("ingest", docs, store=tmp_path / "s")
    assert second.returncode == 0 and "0 added" in second.stdout and "4 unchanged" in second.stdout, second.stdout
    bom = docs / H.sample_files()[0].name
    bom.write_bytes(codecs.BOM_UTF8 + bom.read_bytes().replace(b"\n", b"\r\n"))  # same text, other bytes
    third = H.cli("ingest", docs, store=tmp_path / "s")
    assert "4 unchanged" in third.stdout, third.stdout


def test_remove_forgets_files_and_folders_and_names_what_is_not_stored(tmp_path):
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    samples = H.sample_files()
    for p in samples[:2]:
        (docs / p.name).write_text(p.read_text("utf-8"), "utf-8")
    for p in samples[2:]:
        (docs / "sub" / p.name).write_text(p.read_text("utf-8"), "utf-8")
    store_dir = tmp_path / "store"
    assert H.cli("ingest", docs, store=store_dir).returncode == 0
    one = docs / samples[0].name
    one.unlink()  # gone from the disk, still in the store
    result = H.cli("remove", one, store=store_dir)
    assert result.returncode == 0, result.stderr
    assert "1 file removed" in result.stdout
    sources = {a.get("source") for a in H.doc_nodes(Store.open(store_dir).load_graph()).values()}
    assert str(one.resolve()) not in sources and len(sources - {None}) == 3

    result = H.cli("remove", docs / "sub", tmp_path / "never-ingested.txt", store=store_dir)
    assert result.returncode == 1
    assert "2 files removed" in result.stdout
    assert f"error: {tmp_path / 'never-ingested.txt'}: not in the store" in result.stderr
    store = Store.open(store_dir)
    assert store.counts()["files"] == 1 and not store.is_dirty()
    assert {a.get("source") for a in H.doc_nodes(store.load_graph()).values()} - {None} == {
        str((docs / samples[1].name).resolve())
    }


def test_a_name_instead_of_a_symbol_gets_the_ids_a_search_finds(samples_store):
    result = H.cli("trace", "Nghị quyết Đại hội XIII", store=samples_store)
    assert result.returncode == 1
    assert "no document Nghị quyết Đại hội XIII; a search finds these" in result.stderr
    assert "doc:~congress/central|XIII" in result.stderr
    traced = H.cli("trace", "doc:~congress/central|XIII", "--down", store=samples_store)
    assert traced.returncode == 0 and "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII" in traced.stdout
    unknown = H.cli("trace", "999-NQ/TW", store=samples_store)
    assert unknown.returncode == 1 and "search finds" not in unknown.stderr  # a symbol: nothing to suggest


def test_jobs_takes_auto_or_a_number():
    bad = H.cli("ingest", "--jobs", "0", H.samples_dir(), store=Path("/nonexistent-store-never-made"))
    assert bad.returncode == 2 and "'0' is not 'auto' or a number from 1 to 64" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_auto_jobs_use_the_cpus_this_process_may_run_on_for_large_batches(monkeypatch):
    import os

    from policygraph.ingest import pipeline

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)
    assert pipeline.worker_count(None, pipeline.AUTO_MIN_FILES) == 3
    assert pipeline.worker_count(None, pipeline.AUTO_MIN_FILES - 1) == 1  # workers cost more than they save
    assert pipeline.worker_count(2, 1) == 2  # a number given is kept
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(32)), raising=False)
    assert pipeline.worker_count(None, 10_000) == pipeline.AUTO_MAX_JOBS
