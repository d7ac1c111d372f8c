"""pyvis pages in headless Chromium: drawn with every network request blocked, and inert
when document text is hostile. Fails (never skips) when the browser is missing."""

from __future__ import annotations

from pathlib import Path

from policygraph.viz.browser import block_network, browser_context
from policygraph.viz.pyvis_page import write_page
from policygraph.viz.synthetic import sample_graph

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
UNIT = "unit:ban-dan-van-huyen-uy|binh-phuoc/hon-quan"


def open_page(context, path: Path, problems: list[str]):
    """Open a file page, collecting console errors, page errors and dialogs."""
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-drawn='1']", timeout=30_000)
    return page


def test_page_draws_offline(tmp_path: Path) -> None:
    out = write_page(sample_graph(), tmp_path / "offline.html", "25-NQ/TW")
    problems: list[str] = []
    with browser_context() as context:
        blocked = block_network(context)
        page = open_page(context, out, problems)
        assert page.evaluate("typeof vis") == "object"
        assert page.evaluate("window.pgNodes.length") == 6
        assert page.evaluate("window.pgEdges.length") == 7
        assert page.locator("#pg-network canvas").count() == 1
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "pyvis-offline.png"))
    assert blocked == [], f"the page tried to reach the network: {blocked}"
    assert problems == []


def test_hostile_text_is_shown_not_run(tmp_path: Path) -> None:
    heading = "<script>window.__pwned=3</script>"
    out = write_page(sample_graph(hostile=True), tmp_path / "hostile.html", heading)
    problems: list[str] = []
    with browser_context() as context:
        block_network(context)
        page = open_page(context, out, problems)
        assert page.locator("#pg-heading").text_content() == "<script>window.__pwned=3</script>"
        where = page.evaluate(
            "(id) => window.pgNetwork.canvasToDOM(window.pgNetwork.getPositions([id])[id])", UNIT)
        box = page.locator("#pg-network").bounding_box()
        page.mouse.move(box["x"] + where["x"], box["y"] + where["y"])
        tooltip = page.locator("div.vis-tooltip")
        tooltip.wait_for(state="visible", timeout=5_000)
        text = tooltip.text_content()
        assert "Ban Dân vận Huyện ủy<script>window.__pwned=1</script>" in text
        assert tooltip.locator("script").count() == 0
        assert page.evaluate("window.__pwned") is None
    assert problems == []
