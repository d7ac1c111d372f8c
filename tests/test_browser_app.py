"""The web app in headless Chromium (system browser, see scripts/install-browser.sh):
search, open 25-NQ/TW, expand a node, filter, path, CSV; and hostile text stays inert.
Every request outside the test server is blocked and recorded."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import networkx as nx

from policygraph.graph.store import Store
from policygraph.ingest.pipeline import ingest_paths
from policygraph.queries.neighbourhood import neighbourhood
from policygraph.viz.app import create_app
from policygraph.viz.browser import block_network, browser_context
from policygraph.viz.synthetic import sample_graph

_spec = importlib.util.spec_from_file_location("helpers_browser", Path(__file__).with_name("helpers_browser.py"))
_helpers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_helpers)
serving, watch = _helpers.serving, _helpers.watch

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


def sample_source(tmp_path: Path) -> Store:
    """The bundled samples ingested into a fresh store."""
    store = Store.open(tmp_path / "store")
    summary = ingest_paths(store, sorted(SAMPLES.glob("*.txt")))
    assert summary.files == 4 and not summary.failed
    return store


def node_point(page, node_id: str) -> tuple[float, float]:
    """Where a node of the vis canvas is on the screen."""
    where = page.evaluate("(id) => pgNetwork.canvasToDOM(pgNetwork.getPositions([id])[id])", node_id)
    box = page.locator("#graph").bounding_box()
    return box["x"] + where["x"], box["y"] + where["y"]


def click_node(page, node_id: str) -> None:
    """A real mouse click on a node."""
    page.mouse.click(*node_point(page, node_id))


def loaded_ids(page) -> set[str]:
    return set(page.evaluate("window.pgNodes.getIds()"))


def test_search_open_expand_on_samples(tmp_path: Path) -> None:
    app = create_app(sample_source(tmp_path))
    graph: nx.MultiDiGraph = app.config["LIBRARY"].graph
    problems: list[str] = []
    with serving(app) as base, browser_context() as context:
        blocked = block_network(context, allowed_prefixes=(base + "/",))
        page = context.new_page()
        watch(page, problems)
        page.goto(base + "/")
        page.fill("#search-box", "25-nq/tw")
        suggestion = page.locator("a.suggestion", has_text="25-NQ/TW").first
        suggestion.wait_for(timeout=10_000)
        root = suggestion.get_attribute("data-id")
        assert graph.nodes[root]["symbol"] == "25-NQ/TW"
        suggestion.click()
        page.wait_for_url("**/document?id=**")
        assert page.locator("#doc-heading").text_content() == "25-NQ/TW"
        assert page.locator("#edges tbody tr").count() == graph.degree(root)

        page.click("#open-graph")
        page.wait_for_selector("#graph-app[data-ready='1']", timeout=15_000)
        first = set(neighbourhood(graph, [root], depth=2, units=False))
        assert loaded_ids(page) == first, "documents first, two lineage hops"

        candidates = [n for n in sorted(first - {root})
                      if set(neighbourhood(graph, [n], depth=1)) - first]
        assert candidates, "the lineage should reach beyond one hop"
        target = candidates[0]
        click_node(page, target)
        page.wait_for_function("(id) => (document.getElementById('graph-app').dataset.expanded || '')"
                               ".split('\\n').includes(id) && document.getElementById('graph-app').dataset.ready",
                               arg=target, timeout=10_000)
        grown = loaded_ids(page)
        assert grown > first
        assert set(neighbourhood(graph, [target], depth=1)) <= grown

        page.uncheck("#filter-levels input[value='commune']")
        shown = set(page.evaluate("window.pgView.nodes.getIds()"))
        assert not any(graph.nodes[n].get("level") == "commune" for n in shown - {root})
        page.check("#filter-levels input[value='commune']")

        ARTIFACTS.mkdir(exist_ok=True)
        page.mouse.move(0, 0)
        page.screenshot(path=str(ARTIFACTS / "app-graph.png"))
        page.goto(base + "/reports/implementers?id=" + root)
        with page.expect_download() as download:
            page.click("#csv-download")
        assert download.value.suggested_filename.startswith("implementers-")
        page.screenshot(path=str(ARTIFACTS / "app-implementers.png"))
    assert blocked == []
    assert problems == []


def test_path_highlight() -> None:
    app = create_app(sample_graph(), {})
    commune = "doc:~commune/binh-phuoc/hon-quan/an-khuong|KH|2024|ab12"
    problems: list[str] = []
    with serving(app) as base, browser_context() as context:
        block_network(context, allowed_prefixes=(base + "/",))
        page = context.new_page()
        watch(page, problems)
        page.goto(base + "/graph?id=doc:45-KH/HU|binh-phuoc/hon-quan|2016")
        page.wait_for_selector("#graph-app[data-ready='1']")
        page.select_option("#path-from", commune)
        page.select_option("#path-to", "doc:25-NQ/TW||XI")
        page.click("#path-go")
        page.wait_for_selector("#graph-app[data-path]")
        assert page.get_attribute("#graph-app", "data-path").split("\n") == [
            commune, "doc:45-KH/HU|binh-phuoc/hon-quan|2016", "doc:30-CTr/TU|binh-phuoc|2013",
            "doc:25-NQ/TW||XI"]
        widths = page.evaluate("window.pgEdges.get().filter(e => e.width === 6).length")
        assert widths == 3
        assert "3 steps" in page.locator("#path-result").text_content()
    assert problems == []


def test_hostile_titles_do_nothing() -> None:
    texts = {"doc:45-KH/HU|binh-phuoc/hon-quan|2016": "x<script>window.__pwned=9</script>"}
    app = create_app(sample_graph(hostile=True), texts)
    unit = "unit:ban-dan-van-huyen-uy|binh-phuoc/hon-quan"
    problems: list[str] = []
    with serving(app) as base, browser_context() as context:
        blocked = block_network(context, allowed_prefixes=(base + "/",))
        page = context.new_page()
        watch(page, problems)
        page.goto(base + "/")
        page.fill("#search-box", "de an 01")
        page.locator("a.suggestion").first.wait_for()
        assert "<script>window.__pwned=1</script>" in page.locator("#suggestions").text_content()
        page.goto(base + "/document?id=doc:45-KH/HU|binh-phuoc/hon-quan|2016")
        assert "<img src=x onerror=" in page.locator("#doc-title").text_content()
        assert "<script>window.__pwned=9</script>" in page.locator("#source-text").text_content()
        page.goto(base + "/graph?id=doc:45-KH/HU|binh-phuoc/hon-quan|2016")
        page.wait_for_selector("#graph-app[data-ready='1']")
        page.check("#show-units")
        page.wait_for_function("(id) => document.getElementById('graph-app').dataset.ready && pgNodes.get(id)",
                               arg=unit)
        page.mouse.move(*node_point(page, unit))
        page.locator("div.vis-tooltip").wait_for(state="visible")
        assert "Huyện ủy<script>window.__pwned=1</script>" in page.locator("div.vis-tooltip").text_content()
        page.select_option("#path-from", "doc:45-KH/HU|binh-phuoc/hon-quan|2016")
        assert page.evaluate("window.__pwned") is None
        assert page.locator("main script, main img").count() == 0
    assert problems == []
    assert all("/x" not in url for url in blocked), "an injected <img> was parsed"
