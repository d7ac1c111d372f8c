"""Issue 2 acceptance: the real command line on the seed documents, scored by the real
scorer against the answer key (../shared/gold/seeds.json)."""

from __future__ import annotations

from support import ingest as H


def test_seeds_score_against_the_answer_key(tmp_path, shared_dir):
    shared = shared_dir  # conftest: fails, never skips, when ../shared is missing
    store, export = tmp_path / "store", tmp_path / "graph.json"
    run = H.cli("ingest", shared / "corpus" / "seeds", store=store)
    assert run.returncode == 0, run.stderr
    assert "4 added" in run.stdout and "0 failed" in run.stdout, run.stdout
    run = H.cli("export", "--format", "json", export, store=store)
    assert run.returncode == 0, run.stderr
    assert export.is_file()

    got = H.score(export)
    report = got.report
    assert got.own == (4, 4), report
    assert got.implements == (4, 4), report
    assert got.chains == (5, 5), report
    assert got.distinct == (2, 2), report
    assert got.same == (1, 1), report
    assert got.cited_f1 >= 0.98, report
