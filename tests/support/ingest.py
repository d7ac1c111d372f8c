"""Shared helpers for the ingest / identity / store / CLI tests (imported as `from support import ingest as H`)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from importlib import resources
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT / ".." / "shared"


def samples_dir() -> Path:
    """The sample documents shipped as package data (falls back to the repository's data/samples)."""
    packaged = Path(str(resources.files("policygraph") / "data" / "samples"))
    if packaged.is_dir() and any(packaged.glob("*.txt")):
        return packaged
    return ROOT / "data" / "samples"


def sample_files() -> list[Path]:
    return sorted(samples_dir().glob("*.txt"))


def shared_dir() -> Path:
    """../shared beside the clone; fails (never skips) when it is missing."""
    if not (SHARED / "gold" / "seeds.json").is_file() or not (SHARED / "tools" / "score.py").is_file():
        raise AssertionError(
            f"../shared is missing or incomplete at {SHARED.resolve()}: the answer key (gold/seeds.json) and "
            "the scorer (tools/score.py) must sit beside the clone, as they do in CI"
        )
    return SHARED.resolve()


def cli(*args: str, store: str | Path | None = None, env: dict | None = None, timeout: float = 120):
    """Run the real command line in a subprocess: ``python -m policygraph [--store S] ARGS``."""
    cmd = [sys.executable, "-m", "policygraph"]
    if store is not None:
        cmd += ["--store", str(store)]
    cmd += [str(a) for a in args]
    full_env = {k: v for k, v in os.environ.items() if k != "POLICYGRAPH_STORE"}
    full_env.update(env or {})
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=full_env)


_SUMMARY_RE = re.compile(
    r"own identity (\d+)/(\d+); implements (\d+)/(\d+); chains (\d+)/(\d+); distinct (\d+)/(\d+); same (\d+)/(\d+)"
)
_UNITS_RE = re.compile(r"assigned units recall ([\d.]+)")
_CITED_RE = re.compile(r"cited: precision ([\d.]+) recall ([\d.]+) F1 ([\d.]+) \(tp (\d+), fp (\d+), fn (\d+)\)")


class Score(NamedTuple):
    """What ../shared/tools/score.py says of an export: (found, of) pairs and the cited scores."""

    own: tuple[int, int]
    implements: tuple[int, int]
    chains: tuple[int, int]
    distinct: tuple[int, int]
    same: tuple[int, int]
    units_recall: float
    cited_precision: float
    cited_recall: float
    cited_f1: float
    report: str  # the scorer's whole output, for assertion messages


def score(export: str | Path) -> Score:
    """Run the real scorer on an export against the seeds' answer key."""
    shared = shared_dir()
    run = subprocess.run(
        [sys.executable, str(shared / "tools" / "score.py"), "--gold", str(shared / "gold" / "seeds.json"),
         "--export", str(export)],
        capture_output=True, text=True, timeout=120,
    )
    report = run.stdout + run.stderr
    assert run.returncode == 0, report
    summary, units, cited = _SUMMARY_RE.search(report), _UNITS_RE.search(report), _CITED_RE.search(report)
    assert summary and units and cited, f"unexpected scorer output:\n{report}"
    n = list(map(int, summary.groups()))
    pairs = [tuple(n[i : i + 2]) for i in range(0, 10, 2)]
    return Score(*pairs, float(units.group(1)), *map(float, cited.groups()[:3]), report=report)


def doc_nodes(graph) -> dict[str, dict]:
    return {n: a for n, a in graph.nodes(data=True) if a.get("kind") == "document"}


def nodes_with_symbol(graph, symbol: str) -> dict[str, dict]:
    return {n: a for n, a in doc_nodes(graph).items() if a.get("symbol") == symbol}


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: base letters precomposed, tone marks combining."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out += base.encode("cp1258") + "".join(c for c in parts if c in _TONES).encode("cp1258")
    return bytes(out)
