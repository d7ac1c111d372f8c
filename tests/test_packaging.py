"""The repository root is the package: a built wheel must hold `policygraph/...` only."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_holds_one_package_with_its_data(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    wheel = next(tmp_path.glob("policygraph-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names}
    assert tops == {"policygraph", wheel.name.split("-")[0] + "-" + wheel.name.split("-")[1] + ".dist-info"}
    for required in ("policygraph/graph/store.py", "policygraph/ingest/symbols.py", "policygraph/queries/lineage.py",
                     "policygraph/viz/app.py", "policygraph/viz/translations/vi.po",
                     "policygraph/data/tables/doc_types.json",
                     "policygraph/data/gazetteer/legacy.json", "policygraph/cli.py", "policygraph/__main__.py"):
        assert required in names, required
    assert len([n for n in names if n.startswith("policygraph/data/samples/")]) == 4
    assert not [n for n in names if n.startswith(("policygraph/tests/", "policygraph/bench/", "policygraph/scripts/"))]
    entry_points = zipfile.ZipFile(wheel).read(f"{wheel.name.split('-')[0]}-{wheel.name.split('-')[1]}.dist-info/"
                                                "entry_points.txt").decode()
    assert "policygraph = policygraph.cli:main" in entry_points
    assert "policygraph_citations" in entry_points and "policygraph_units" in entry_points


def test_module_entry_point_runs():
    out = subprocess.run([sys.executable, "-m", "policygraph", "--help"], capture_output=True, text=True, check=True)
    assert "ingest" in out.stdout and "export" in out.stdout and "trace" in out.stdout
