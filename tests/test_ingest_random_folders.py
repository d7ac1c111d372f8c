"""Random folders of file-system oddities: `ingest` always finishes, never prints a traceback,
stores every good file, names every bad path once, and its counts add up."""

from __future__ import annotations

import os
import re
import socket
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import ingest as H

from policygraph.cli import main
from policygraph.graph.store import Store
from policygraph.ingest.walk import key_of

GOOD = [p.read_bytes() for p in H.sample_files()[1:3]]
MAX_SIZE = 200_000

# what each kind of entry is, and whether it must go in
KINDS = {
    "good": True, "good-with-nuls": True, "good-legacy": True, "empty": False, "binary": False, "too-large": False,
    "fifo": False, "socket": False, "dangling": False, "loop": False, "device": False, "folder-loop": False,
    "not-ours": None,  # a suffix no reader knows: neither stored nor named
}
entry = st.tuples(st.sampled_from(sorted(KINDS)), st.integers(0, 1), st.booleans(), st.integers(0, 2))
folders = st.lists(entry, min_size=1, max_size=10)


def _make(root: Path, i: int, kind: str, which: int, odd_name: bool, depth: int) -> tuple[bytes, bool | None]:
    """Create entry `i` (in a subfolder `depth` deep); returns its path as bytes and whether it must go in."""
    folder = os.fsencode(root) + b"".join(b"/d%d" % k for k in range(depth))
    os.makedirs(folder, exist_ok=True)
    name = b"f%d%s.%s" % (i, b"-\xe9\xff" if odd_name else b"", b"odt" if kind == "not-ours" else b"txt")
    path = folder + b"/" + name
    good = GOOD[which]
    if kind == "good":
        Path(os.fsdecode(path)).write_bytes(good)
    elif kind == "good-with-nuls":
        Path(os.fsdecode(path)).write_bytes(good[:300] + b"\x00" + good[300:])
    elif kind == "good-legacy":
        from policygraph.ingest.legacy_fonts import encode

        Path(os.fsdecode(path)).write_bytes(encode(good.decode("utf-8"), "vni").encode("cp1252"))
    elif kind == "empty":
        Path(os.fsdecode(path)).write_bytes(b"")
    elif kind == "binary":
        Path(os.fsdecode(path)).write_bytes(bytes(range(256)) * 4)
    elif kind == "too-large":
        Path(os.fsdecode(path)).write_bytes(good * (MAX_SIZE // len(good) + 1))
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(path)
    elif kind == "dangling":
        os.symlink(b"nowhere-%d.txt" % i, path)
    elif kind == "loop":
        os.symlink(name, path)  # a link to itself
    elif kind == "device":
        os.symlink(b"/dev/null", path)
    elif kind == "folder-loop":
        path = folder + b"/up%d" % i
        os.symlink(b".", path)
    else:
        Path(os.fsdecode(path)).write_bytes(b"PK\x03\x04")
    return path, KINDS[kind]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(folders)
def test_ingest_always_finishes_and_stores_every_good_file(entries):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "docs"
        root.mkdir()
        made = [_make(root, i, *e) for i, e in enumerate(entries)]
        result = CliRunner().invoke(main, ["--store", f"{tmp}/store", "ingest", "-j", "1", "--max-size",
                                           str(MAX_SIZE), str(root)])
        output = result.stdout + result.stderr
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert "Traceback" not in output
        good = [p for p, ok in made if ok]
        bad = [p for p, ok in made if ok is False]
        assert result.exit_code == (1 if bad else 0), output
        m = re.search(r"(\d+) files: (\d+) added, 0 updated, 0 unchanged, (\d+) failed", result.stdout)
        assert m and int(m.group(1)) == len(good) + len(bad) == int(m.group(2)) + int(m.group(3)), output
        assert int(m.group(2)) == len(good)
        errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
        assert len(errors) == len(bad), output
        shown = {os.fsencode(p).decode("utf-8", "backslashreplace") for p in bad}
        assert {line.split(": ")[1] for line in errors} == shown
        stored = set(Store.open(f"{tmp}/store").file_hashes())
        assert stored == {key_of(os.fsdecode(p)) for p in good}
