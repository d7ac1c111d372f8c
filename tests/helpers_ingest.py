"""Shared helpers for the ingest / identity / store / CLI tests.

Test modules load this file by path (pytest runs with --import-mode=importlib,
so the tests folder is not on sys.path):

    _spec = importlib.util.spec_from_file_location("helpers_ingest", Path(__file__).with_name("helpers_ingest.py"))
    H = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(H)
"""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
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
