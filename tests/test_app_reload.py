"""The web app serves what a later `ingest` wrote, without a restart."""

import shutil
from importlib import resources

from policygraph.graph.store import Store, read_generation
from policygraph.ingest.pipeline import ingest_paths
from policygraph.viz.app import create_app

SAMPLES = resources.files("policygraph").joinpath("data", "samples")


def test_the_app_picks_up_a_new_ingest(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    shutil.copy(SAMPLES / "000_577edf508b5619ca.txt", first)
    shutil.copy(SAMPLES / "003_24ce589393d560ed.txt", second)
    store = Store.open(tmp_path / "store")
    ingest_paths(store, [first])
    client = create_app(store).test_client()
    before = client.get("/api/search?q=30-CTr/TU").get_json()
    generation = read_generation(store.path)

    ingest_paths(Store.open(tmp_path / "store"), [second])  # another process would do the same
    assert read_generation(store.path) != generation
    after = client.get("/api/search?q=30-CTr/TU").get_json()
    assert not any("30-CTr/TU" in str(hit) for hit in before)
    assert any("30-CTr/TU" in str(hit) for hit in after)


def test_read_generation_of_a_missing_store_is_none(tmp_path):
    assert read_generation(tmp_path / "nowhere") is None
