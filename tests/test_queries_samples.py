"""The lineage chains of the answer key (seeds.json `chains`) come out of `trace` on the samples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policygraph.graph.store import Store
from policygraph.ingest.pipeline import ingest_paths
from policygraph.queries.backend import NetworkXBackend
from policygraph.queries.documents import Ambiguous, resolve
from policygraph.queries.lineage import trace

ROOT = Path(__file__).resolve().parent.parent
SEEDS = json.loads((ROOT.parent / "shared" / "gold" / "seeds.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    where = tmp_path_factory.mktemp("store")
    store = Store.open(where)
    ingest_paths(store, [ROOT / "data" / "samples"])
    store.close()
    return where


@pytest.fixture(scope="module")
def backend(store_dir):
    return NetworkXBackend(Store.open(store_dir).load_graph())


def find(backend, step: dict) -> str:
    if "file" in step:
        hits = [n for n, a in backend.nodes("document") if (a.get("source") or "").endswith(step["file"])]
        assert len(hits) == 1, step
        return hits[0]
    return resolve(backend, step["symbol"], year=step.get("year"), province=step.get("province"))


@pytest.mark.parametrize("chain", SEEDS["chains"], ids=lambda c: " > ".join(
    s.get("symbol") or s.get("file", "")[:3] for s in c["path"]))
def test_seed_chain_comes_out_of_trace(backend, chain):
    ids = [find(backend, step) for step in chain["path"]]
    rows = {r.doc.id: r for r in trace(backend, ids[0])}
    for depth, (parent, child) in enumerate(zip(ids, ids[1:], strict=False), 1):
        assert child in rows, f"{child} not below {ids[0]}"
        assert rows[child].depth == depth and parent in [rows[child].parent, *rows[child].also_under]
    up = [r.doc.id for r in trace(backend, ids[-1], down=False)]
    assert all(node in up for node in ids)


def test_two_25_nq_tw_are_listed_not_guessed(backend):
    with pytest.raises(Ambiguous) as err:
        resolve(backend, "25-NQ/TW")
    assert sorted(c.year for c in err.value.candidates) == [2003, 2013]


def test_cli_on_the_samples_store(store_dir):
    from policygraph.cli import main

    out = CliRunner().invoke(main, ["--store", str(store_dir), "trace", "711-KH/BDVTW", "--format", "json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output)["rows"]
    assert [r["province"] for r in rows[1:]] == ["Gia Lai"]
    assert "711-KH/BDVTW" in rows[1]["evidence"]


def test_coverage_of_the_tuyen_quang_plan_expects_every_legacy_district(backend):
    """The 2013 Tuyên Quang plan tells "Ủy ban nhân dân các huyện, thành phố" to act: the
    seven districts of Tuyên Quang before 2025, none of them with a plan in the samples."""
    from policygraph.queries.coverage import NOT_YET, coverage

    plan = [n for n, a in backend.nodes("document") if (a.get("source") or "").endswith("003_24ce589393d560ed.txt")]
    report = coverage(backend, plan[0])
    rows = [r for r in report.rows if r.unit == "Ủy ban nhân dân các huyện, thành phố"]
    legacy = json.loads((ROOT / "data" / "gazetteer" / "legacy.json").read_text(encoding="utf-8"))
    districts = next(p["districts"] for p in legacy["provinces"] if p["name"] == "Tuyên Quang")
    assert {r.district for r in rows} == {d["name"] for d in districts}
    assert {r.district for r in rows} == {"Tuyên Quang", "Lâm Bình", "Na Hang", "Chiêm Hóa", "Hàm Yên", "Yên Sơn",
                                          "Sơn Dương"}
    assert all(r.status == NOT_YET and r.level == "district" and r.province == "Tuyên Quang" for r in rows)
    assert {r.expected_from for r in rows} == {"legacy gazetteer"}
    assert report.sources()["legacy gazetteer"] >= 7
    # told to act in "Tổ chức thực hiện" and again in the body: still one row per district,
    # with the section's deadline
    assert len(rows) == 7
    assert all(r.deadline_text and "hàng quý" in r.deadline_text for r in rows)
