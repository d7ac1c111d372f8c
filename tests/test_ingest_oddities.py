"""Folders as they are on disk: every oddity gets one line naming the path as the user gave it,
the batch goes on, the exit status says whether everything went in, and the counts add up."""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import socket
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from support import ingest as H

from policygraph.cli import main
from policygraph.graph.store import Store

SUMMARY = re.compile(r"(\d+) files: (\d+) added, (\d+) updated, (\d+) unchanged, (\d+) failed")


def _counts(stdout: str) -> tuple[int, ...]:
    m = SUMMARY.search(stdout)
    assert m, stdout
    files, *parts = map(int, m.groups())
    assert files == sum(parts), f"the summary does not add up: {m.group()}"
    return (files, *parts)


def _lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


def _one_line(lines: list[str], shown: str, reason: str) -> None:
    mine = [line for line in lines if line.startswith(f"error: {shown}: ")]
    assert len(mine) == 1, f"want one line for {shown}, got:\n" + "\n".join(lines)
    assert reason in mine[0], mine[0]


@pytest.fixture
def odd_folder(tmp_path, monkeypatch):
    """A folder with one good text and one of each oddity, named relative to tmp_path (the cwd)."""
    monkeypatch.chdir(tmp_path)
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    shutil.copyfile(H.sample_files()[0], docs / "good.txt")
    shutil.copyfile(H.sample_files()[1], docs / "sub" / "also-good.txt")
    os.symlink("loop-b.txt", docs / "loop-a.txt")
    os.symlink("loop-a.txt", docs / "loop-b.txt")
    os.symlink("..", docs / "sub" / "up")  # a folder link back to its parent
    os.symlink("nowhere.txt", docs / "dangling.txt")
    os.mkfifo(docs / "pipe.txt")
    os.symlink("/dev/zero", docs / "zero.txt")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(docs / "sock.txt"))
    (docs / "big.txt").write_bytes(b"Thuc hien " * 140_000)  # 1.4 MB
    shutil.copyfile(H.sample_files()[2], os.fsencode(docs) + b"/caf\xe9.txt")  # a name that is not UTF-8
    (docs / "notes.odt").write_bytes(b"PK\x03\x04")  # no reader for it: left alone without a word
    return docs


def test_every_oddity_gets_one_line_under_its_given_path_and_the_batch_goes_on(odd_folder, tmp_path):
    run = H.cli("ingest", "docs", "missing.txt", "--max-size", "1MB", store=tmp_path / "store", timeout=120)
    assert "Traceback" not in run.stderr
    assert run.returncode == 1, run.stderr  # some paths failed
    lines = _lines(run.stderr)
    _one_line(lines, "docs/loop-a.txt", "symbolic link loop")
    _one_line(lines, "docs/loop-b.txt", "symbolic link loop")
    _one_line(lines, "docs/sub/up", "symbolic link loop")
    _one_line(lines, "docs/dangling.txt", "dangling symbolic link (to nowhere.txt")
    _one_line(lines, "docs/pipe.txt", "FIFO")
    _one_line(lines, "docs/zero.txt", "character device")
    _one_line(lines, "docs/sock.txt", "socket")
    _one_line(lines, "docs/big.txt", "too large (1.4 MB; the limit is 1.0 MB)")
    _one_line(lines, "missing.txt", "no such file or folder")
    assert len(lines) == 9, run.stderr  # nothing else: the .odt is not ours, the good files say nothing
    assert "nowhere" not in " ".join(line.split(":")[1] for line in lines)  # named as the link, not its target
    assert _counts(run.stdout) == (12, 3, 0, 0, 9)
    store = Store.open(tmp_path / "store")
    keys = sorted(store.file_hashes())
    assert len(keys) == 3 and any(k.endswith("docs/caf\\xe9.txt") for k in keys)  # stored under its escaped name


def test_a_name_that_is_not_utf8_is_shown_escaped_and_can_be_removed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    raw = b"docs/k\xe9-ho\xe1ch.txt"
    shutil.copyfile(H.sample_files()[0], raw)
    (tmp_path / os.fsdecode(b"docs/r\xf6ng.txt")).write_bytes(b"")  # empty: its error line names it escaped
    run = H.cli("ingest", "docs", store=tmp_path / "store")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert _lines(run.stderr) == ["error: docs/r\\xf6ng.txt: empty document"]
    gone = H.cli("remove", os.fsdecode(raw), store=tmp_path / "store")
    assert gone.returncode == 0 and "1 file removed" in gone.stdout, gone.stdout + gone.stderr
    assert Store.open(tmp_path / "store").counts()["files"] == 0


def test_unreadable_folders_and_files_get_one_line(tmp_path, monkeypatch):
    # the tests run as root, who reads everything: the system's refusal is injected where it would come from
    monkeypatch.chdir(tmp_path)
    docs = tmp_path / "docs"
    (docs / "locked").mkdir(parents=True)
    shutil.copyfile(H.sample_files()[0], docs / "good.txt")
    shutil.copyfile(H.sample_files()[1], docs / "locked" / "inside.txt")
    shutil.copyfile(H.sample_files()[2], docs / "secret.txt")
    real_scandir, real_open = os.scandir, os.open

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_scandir(path)

    def open_(path, flags, *args, **kwargs):
        if os.fspath(path).endswith("secret.txt"):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "open", open_)
    result = CliRunner().invoke(main, ["--store", str(tmp_path / "store"), "ingest", "-j", "1", "docs"])
    assert result.exit_code == 1, result.output
    lines = _lines(result.stderr)
    _one_line(lines, "docs/locked", "folder cannot be read (Permission denied)")
    _one_line(lines, "docs/secret.txt", "cannot be read: Permission denied")
    assert len(lines) == 2, result.stderr
    assert _counts(result.stdout) == (3, 1, 0, 0, 2)


def test_exit_status_is_zero_only_when_every_file_went_in(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copyfile(H.sample_files()[0], docs / "a.txt")
    ok = H.cli("ingest", docs, store=tmp_path / "store")
    assert ok.returncode == 0 and _counts(ok.stdout) == (1, 1, 0, 0, 0), ok.stdout + ok.stderr
    again = H.cli("ingest", docs, store=tmp_path / "store")
    assert again.returncode == 0 and _counts(again.stdout) == (1, 0, 0, 1, 0)
    (docs / "b.txt").write_bytes(b"")
    some = H.cli("ingest", docs, store=tmp_path / "store")
    assert some.returncode == 1 and _counts(some.stdout) == (2, 0, 0, 1, 1)
    usage = H.cli("ingest", docs, "--max-size", "lots", store=tmp_path / "store")
    assert usage.returncode == 2 and "lots" in usage.stderr and "Traceback" not in usage.stderr
    assert H.cli("ingest", store=tmp_path / "store").returncode == 2  # no path given


def test_warnings_lists_the_last_ingest_of_each_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copyfile(H.sample_files()[0], docs / "plan.txt")
    (docs / "nul.txt").write_bytes(H.sample_files()[1].read_bytes().replace(b"\n\n", b"\n\x00\n", 3))
    (docs / "empty.txt").write_bytes(b"")
    run = H.cli("ingest", "docs", store=tmp_path / "store")
    warned = int(re.search(r"(\d+) warnings", run.stdout).group(1))
    listed = H.cli("warnings", "--format", "json", store=tmp_path / "store")
    assert listed.returncode == 0, listed.stderr
    files = {Path(f["path"]).name: f for f in json.loads(listed.stdout)["files"]}
    assert set(files) == {"plan.txt", "nul.txt", "empty.txt"}
    assert files["nul.txt"]["notes"][0] == "3 NUL bytes removed from the text"
    assert files["empty.txt"]["status"] == "failed" and files["empty.txt"]["notes"] == ["empty document"]
    assert files["plan.txt"]["shown"] == "docs/plan.txt" and files["plan.txt"]["rel_path"] == "plan.txt"
    # the summary's count is the notes of the files that went in
    assert warned == len(files["plan.txt"]["notes"]) + len(files["nul.txt"]["notes"]) > 1
    one = H.cli("warnings", "--file", "docs/nul.txt", "--format", "csv", store=tmp_path / "store")
    rows = one.stdout.strip().splitlines()
    assert rows[0] == "path,rel_path,shown,status,at,note" and len(rows) == 1 + len(files["nul.txt"]["notes"])
    table = H.cli("warnings", store=tmp_path / "store", env={"COLUMNS": "200"})
    assert "NUL bytes removed" in table.stdout and "empty document" in table.stdout
    # a file removed from the store is forgotten here too
    H.cli("remove", "docs/nul.txt", store=tmp_path / "store")
    after = json.loads(H.cli("warnings", "--format", "json", store=tmp_path / "store").stdout)
    assert {Path(f["path"]).name for f in after["files"]} == {"plan.txt", "empty.txt"}


@pytest.mark.parametrize("command", [["stats"], ["show", "25-NQ/TW"], ["export", "out.json"], ["trace", "25-NQ/TW"],
                                     ["search", "dân vận"], ["warnings"], ["remove", "x.txt"],
                                     ["viz", "25-NQ/TW", "-o", "x.html"]])
def test_read_commands_on_a_missing_store_say_so_and_create_nothing(tmp_path, command):
    where = tmp_path / "typo"
    run = H.cli(*command, store=where)
    assert run.returncode == 1, run.stdout + run.stderr
    assert f"no store at {where}" in run.stderr and "Traceback" not in run.stderr
    assert not where.exists()


def _samples_store(tmp_path) -> tuple[Path, Path]:
    docs = tmp_path / "docs"
    docs.mkdir()
    for p in H.sample_files()[:2]:
        shutil.copyfile(p, docs / p.name)
    H.cli("ingest", docs, store=tmp_path / "store")
    return docs, tmp_path / "store"


def _state(store_dir: Path) -> tuple:
    store = Store.open(store_dir, create=False)
    try:
        files = store.conn.execute("SELECT path, sha256 FROM files ORDER BY path").fetchall()
        return files, store.generation(), store.is_dirty(), (store_dir / "graph.pickle").read_bytes()
    finally:
        store.close()


@pytest.mark.parametrize("where", ["put_row", "rebuild", "snapshot"])
def test_a_full_disk_gives_one_line_and_the_store_keeps_its_previous_state(tmp_path, monkeypatch, where):
    docs, store_dir = _samples_store(tmp_path)
    before = _state(store_dir)
    (docs / H.sample_files()[0].name).write_text(H.sample_files()[0].read_text("utf-8") + "\nThêm.\n", "utf-8")
    for p in H.sample_files()[2:]:
        shutil.copyfile(p, docs / p.name)
    calls = {"n": 0}
    if where == "put_row":
        real = Store.put_row

        def put_row(self, row, doc=None):
            calls["n"] += 1
            if calls["n"] == 2:  # the first file of the batch is already committed
                raise sqlite3.OperationalError("database or disk is full")
            return real(self, row, doc)

        monkeypatch.setattr(Store, "put_row", put_row)
    elif where == "rebuild":
        monkeypatch.setattr(Store, "rebuild", lambda self: (_ for _ in ()).throw(
            sqlite3.OperationalError("database or disk is full")))
    else:
        def dump(*args, **kwargs):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr("policygraph.graph.store.pickle.dump", dump)
    result = CliRunner().invoke(main, ["--store", str(store_dir), "ingest", "-j", "1", str(docs)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = _lines(result.stderr)
    assert len(lines) == 1 and lines[0].startswith("error: the disk is full"), result.stderr
    assert "as it was before it" in lines[0]
    assert _state(store_dir) == before
    assert not (store_dir / ".graph.pickle.tmp").exists()
    monkeypatch.undo()
    run = H.cli("ingest", docs, store=store_dir)  # once there is room, the same ingest goes through
    assert run.returncode == 0 and _counts(run.stdout) == (4, 2, 1, 1, 0), run.stdout + run.stderr
