"""Ingesting what the store already holds leaves the graph as it is, without a rebuild."""

from importlib import resources

from policygraph.graph.store import Store, read_generation
from policygraph.ingest.pipeline import ingest_paths

SAMPLES = resources.files("policygraph").joinpath("data", "samples")


def test_unchanged_files_do_not_rebuild_the_graph(tmp_path):
    store = Store.open(tmp_path / "store")
    first = ingest_paths(store, [SAMPLES])
    generation = read_generation(store.path)
    again = ingest_paths(store, [SAMPLES])
    assert (first.added, again.added, again.updated, again.unchanged) == (4, 0, 0, 4)
    assert read_generation(store.path) == generation  # no rebuild happened
    assert not store.is_dirty() and store.load_graph().number_of_nodes() > 0
