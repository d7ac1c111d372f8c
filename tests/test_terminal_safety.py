"""Document text never drives the terminal: Rich markup prints as written, and control characters,
ANSI CSI and OSC 8 hyperlink sequences never reach stdout or stderr, from any command, in table,
JSON and CSV form."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from support import ingest as H

from policygraph.cli import main
from policygraph.graph import ingest_log
from policygraph.graph.store import Store

MARKUP = "[link=https://evil.example/]click[/link] [blink red]X[/] [/]"
CSI = "\x1b[2J\x1b[31mred\x1b[0m\x9b5m"
OSC8 = "\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x07"
HOSTILE = f" {MARKUP} {CSI} {OSC8} bell\x07 nul\x00 del\x7f"
TEXT_KEYS = ("title", "issuer", "subject", "name", "label", "evidence", "task", "deadline_text", "issuer_text")

# (arguments, needs a symbol that resolves) for every command that prints document text
COMMANDS = [
    ["show", "45-KH/HU"],
    ["trace", "01-ĐA/TU", "--down"],
    ["trace", "45-KH/HU", "--up"],
    ["path", "45-KH/HU", "01-ĐA/TU"],
    ["implementers", "01-ĐA/TU"],
    ["coverage", "01-ĐA/TU"],
    ["assigned", "Ban Dân vận"],
    ["search", "dân vận"],
    ["stats"],
    ["warnings"],
    ["history", "01-ĐA/TU"],
    ["status", "01-ĐA/TU"],
]
FORMATS = ["table", "json", "csv"]


class HostileStore:
    """A store-like object whose graph and ingest notes carry hostile text everywhere."""

    def __init__(self, graph: nx.MultiDiGraph, path: Path) -> None:
        self.graph, self.path = graph, path
        self.conn = sqlite3.connect(":memory:")
        ingest_log.record(self.conn, [ingest_log.Entry("/x/a.txt", "a" + HOSTILE, "a.txt", "added", "now",
                                                       ["citation 'X" + HOSTILE + "': issuer_slip"])])

    def load_graph(self) -> nx.MultiDiGraph:
        return self.graph

    def counts(self) -> dict:
        return {}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> HostileStore:
    tmp = tmp_path_factory.mktemp("hostile")
    docs = tmp / "docs"
    docs.mkdir()
    for p in H.sample_files():
        shutil.copyfile(p, docs / p.name)
    H.cli("ingest", docs, store=tmp / "store")
    graph = Store.open(tmp / "store").load_graph().copy()
    for _, attrs in graph.nodes(data=True):
        for key in TEXT_KEYS:
            if isinstance(attrs.get(key), str):
                attrs[key] += HOSTILE
        attrs["flags"] = [*attrs.get("flags", []), "flag" + HOSTILE]
    for _, _, attrs in graph.edges(data=True):
        for key in TEXT_KEYS:
            if isinstance(attrs.get(key), str):
                attrs[key] += HOSTILE
    return HostileStore(graph, tmp / "store")


def _run(store: HostileStore, args: list[str], color: bool):
    """The real command group, in this process, over the hostile store (None unsets a variable)."""
    env = {"COLUMNS": "400", "FORCE_COLOR": "1" if color else None, "NO_COLOR": None, "TERM": "xterm-256color"}
    return CliRunner().invoke(main, args, obj={"store": store, "graph": store.graph}, env=env)


def _no_control(out: str) -> None:
    bad = [hex(ord(c)) for c in out if (ord(c) < 0x20 and c not in "\n") or 0x7F <= ord(c) <= 0x9F]
    assert not bad, f"control characters in the output: {sorted(set(bad))}"


# show takes no --format: its table is all it prints
CASES = [(args, fmt) for args in COMMANDS for fmt in FORMATS if args[0] != "show" or fmt == "table"]


@pytest.mark.parametrize("args,fmt", CASES, ids=[f"{a[0]}-{a[-1]}-{f}" for a, f in CASES])
def test_hostile_text_prints_as_plain_text(hostile, args, fmt):
    full = [*args, "--format", fmt] if args[0] != "show" else args
    result = _run(hostile, full, color=False)
    assert result.exit_code == 0, result.output + repr(result.exception)
    out = result.stdout + result.stderr
    _no_control(out)
    assert "\x1b" not in out and "https://evil.example/" not in out.replace("[link=https://evil.example/]", "")
    if fmt == "json":
        json.loads(result.stdout)  # still valid JSON
    # the markup is shown as the words it is, not obeyed or dropped (the samples change no document, so
    # history's rows and status's one row hold ids and dates only)
    if (args[0], fmt) not in (("history", "csv"), ("status", "csv")):
        assert "[link=https://evil.example/]click[/link]" in out or "[/]" in out, out[:2000]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_on_a_colour_terminal_only_our_own_styles_are_sent(hostile, args):
    result = _run(hostile, args, color=True)
    assert result.exit_code == 0, result.output + repr(result.exception)
    out = result.stdout + result.stderr
    assert "\x1b]" not in out, "an OSC sequence (a hyperlink) reached the terminal"
    sequences = re.findall(r"\x1b\[([0-9;]*)([A-Za-z])", out)
    assert all(final == "m" for _, final in sequences), "a CSI other than a colour reached the terminal"
    params = {p for body, _ in sequences for p in body.split(";")}
    assert "5" not in params and "6" not in params, "blinking text: markup from the document was obeyed"
    _no_control(re.sub(r"\x1b\[[0-9;]*m", "", out))
    assert "[link=https://evil.example/]click[/link]" in out or "[/]" in out


def test_ingest_lines_name_hostile_file_names_escaped(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "\x1b]8;;evil.example\x07x\x1b[2J.txt").write_bytes(b"")
    run = H.cli("ingest", docs, store=tmp_path / "store")
    assert run.returncode == 1
    assert "\x1b" not in run.stderr and "\x07" not in run.stderr
    assert "\\x1b]8;;evil.example\\x07x\\x1b[2J.txt: empty document" in run.stderr


def test_escapes_in_a_document_do_not_reach_the_store(tmp_path):
    text = H.sample_files()[3].read_text("utf-8").replace("KẾ HOẠCH", "KẾ HOẠCH" + CSI + OSC8 + " [blink]B[/]", 1)
    (tmp_path / "plan.txt").write_text(text, "utf-8")
    H.cli("ingest", tmp_path / "plan.txt", store=tmp_path / "store")
    store = Store.open(tmp_path / "store")
    stored = store.file_text(next(iter(store.file_hashes())))
    assert "\x1b" not in stored and "\x9b" not in stored and "\x07" not in stored
    assert "KẾ HOẠCHredlink [blink]B[/]" in stored  # the words stay, and so does markup (it is just text)
