"""Issue 2 acceptance: the real command line on the seed documents, scored by the real
scorer against the answer key (../shared/gold/seeds.json)."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

_spec = importlib.util.spec_from_file_location("helpers_ingest", Path(__file__).with_name("helpers_ingest.py"))
H = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(H)

SUMMARY_RE = re.compile(
    r"own identity (\d+)/(\d+); implements (\d+)/(\d+); chains (\d+)/(\d+); distinct (\d+)/(\d+); same (\d+)/(\d+)"
)
CITED_RE = re.compile(r"cited: precision ([\d.]+) recall ([\d.]+) F1 ([\d.]+) \(tp (\d+), fp (\d+), fn (\d+)\)")


def test_seeds_score_against_the_answer_key(tmp_path):
    shared = H.shared_dir()  # fails, never skips, when ../shared is missing
    store, export = tmp_path / "store", tmp_path / "graph.json"
    run = H.cli("ingest", shared / "corpus" / "seeds", store=store)
    assert run.returncode == 0, run.stderr
    assert "4 added" in run.stdout and "0 failed" in run.stdout, run.stdout
    run = H.cli("export", "--format", "json", export, store=store)
    assert run.returncode == 0, run.stderr
    assert export.is_file()

    score = subprocess.run(
        [
            sys.executable,
            str(shared / "tools" / "score.py"),
            "--gold",
            str(shared / "gold" / "seeds.json"),
            "--export",
            str(export),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert score.returncode == 0, score.stdout + score.stderr
    summary, cited = SUMMARY_RE.search(score.stdout), CITED_RE.search(score.stdout)
    assert summary and cited, f"unexpected scorer output:\n{score.stdout}"
    own, own_all, impl, impl_all, chains, chains_all, distinct, distinct_all, same, same_all = map(
        int, summary.groups()
    )
    report = score.stdout
    assert (own, own_all) == (4, 4), report
    assert (impl, impl_all) == (4, 4), report
    assert (chains, chains_all) == (5, 5), report
    assert (distinct, distinct_all) == (2, 2), report
    assert (same, same_all) == (1, 1), report
    assert float(cited.group(3)) >= 0.98, report
