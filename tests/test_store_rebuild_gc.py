"""The rebuild leaves the graph it built out of the cyclic collector's young generations
(graph/store.py _gc_paused): otherwise the first allocation after it scans every new object."""

import gc
import shutil
from pathlib import Path

from policygraph.graph.store import Store
from policygraph.ingest.pipeline import ingest_paths

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


def test_a_rebuilt_graph_is_in_the_permanent_generation(tmp_path):
    for p in SAMPLES.glob("*.txt"):
        shutil.copy(p, tmp_path / p.name)
    store = Store.open(tmp_path / "store")
    try:
        ingest_paths(store, [tmp_path])
        assert gc.isenabled()
        g = store.rebuild()
        assert gc.isenabled() and gc.get_freeze_count() > 0
        young = {id(o) for o in gc.get_objects()}  # the three generations, not the permanent one
        assert id(g._node) not in young and id(g._succ) not in young
        assert not any(id(a) in young for _, a in g.nodes(data=True))
        assert len(g) > 50
    finally:
        store.close()
        gc.unfreeze()
