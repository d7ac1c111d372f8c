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


def test_unchanged_files_are_hashed_not_parsed(tmp_path, monkeypatch):
    from policygraph.ingest import pipeline

    store = Store.open(tmp_path / "store")
    ingest_paths(store, [SAMPLES])

    def no_parsing(text, path="<text>"):
        raise AssertionError(f"{path} was parsed again")

    monkeypatch.setattr(pipeline, "parse_text", no_parsing)
    again = ingest_paths(store, [SAMPLES])
    assert (again.added, again.updated, again.unchanged, again.failed) == (0, 0, 4, [])
    assert again.citations == 0  # counted in the files parsed: none


def test_a_changed_file_is_parsed_and_counted(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for p in SAMPLES.iterdir():
        if p.name.endswith(".txt"):
            (folder / p.name).write_text(p.read_text("utf-8"), "utf-8")
    store = Store.open(tmp_path / "store")
    first = ingest_paths(store, [folder])
    target = sorted(folder.iterdir())[0]
    target.write_text(target.read_text("utf-8") + "\nThực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016.\n", "utf-8")
    again = ingest_paths(store, [folder])
    assert (again.added, again.updated, again.unchanged) == (0, 1, 3)
    assert 0 < again.citations < first.citations


def test_the_pipeline_says_how_many_files_it_found_before_the_first_outcome(tmp_path):
    events = []
    ingest_paths(
        Store.open(tmp_path / "store"),
        [SAMPLES],
        found=lambda n, size: events.append(("found", (n, size))),
        progress=lambda outcome: events.append(("outcome", outcome.path)),
    )
    size = sum(p.stat().st_size for p in SAMPLES.glob("*.txt"))
    assert events[0] == ("found", (4, size)) and [kind for kind, _ in events[1:]] == ["outcome"] * 4
