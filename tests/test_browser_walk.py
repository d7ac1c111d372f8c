"""A researcher's task in headless Chromium, end to end, in Vietnamese: search "nghị quyết 25",
pick the 2013 resolution, open its lineage, follow it down to the commune plan, open the
coverage report and download its CSV, switch to English; then the graph view (documents
first, path pickers, PNG/SVG) and labels that never overlap at 500 nodes. Every request
outside the test server is blocked, and no console error may occur. Screenshots of each
step go to test-artifacts/walk-*.png."""

from __future__ import annotations

import csv
import importlib.util
import io
from pathlib import Path

from policygraph.viz.app import create_app
from policygraph.viz.browser import block_network, browser_context
from policygraph.viz.synthetic import synthetic_graph, walkthrough_graph

_spec = importlib.util.spec_from_file_location("helpers_browser", Path(__file__).with_name("helpers_browser.py"))
_helpers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_helpers)
serving, watch = _helpers.serving, _helpers.watch

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
ROOT = "doc:25-NQ/TW||XI"
PLAN = "doc:45-KH/HU|binh-phuoc/hon-quan|2016"
COMMUNE = "doc:~commune/binh-phuoc/hon-quan/an-khuong|KH|2024|ab12"


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.mouse.move(0, 0)
    page.screenshot(path=str(ARTIFACTS / f"walk-{name}.png"), full_page=True)


def test_researcher_walk(tmp_path: Path) -> None:
    app = create_app(walkthrough_graph())
    problems: list[str] = []
    with serving(app) as base, browser_context(locale="vi-VN") as context:
        blocked = block_network(context, allowed_prefixes=(base + "/",))
        page = context.new_page()
        watch(page, problems)
        page.goto(base + "/")
        assert page.locator("#page-heading").text_content() == "Văn bản chỉ đạo và việc thực hiện"
        page.fill("#search-box", "nghị quyết 25")
        page.locator("a.suggestion").first.wait_for()
        suggestions = page.locator("a.suggestion")
        assert suggestions.first.get_attribute("data-id") == ROOT
        assert "2013 · Trung ương" in suggestions.first.text_content()
        page.press("#search-box", "Enter")
        page.wait_for_url("**/?q=*")
        hits = page.locator("#hits > li")
        assert [hits.nth(i).get_attribute("data-id") for i in range(3)] == [
            ROOT, "doc:25/NQ-CP||2020", "doc:25-NQ/TW||IX"]
        assert "2003" in hits.nth(2).text_content(), "the two 25-NQ/TW are told apart by year"
        shot(page, "1-search")

        page.locator(f"#hits > li[data-id='{ROOT}'] > a").first.click()
        page.wait_for_url("**/document?id=**")
        assert page.locator("#doc-heading").text_content() == "25-NQ/TW"
        assert "03/06/2013" in page.locator("dl.facts").text_content(), "the date the Vietnamese way"
        page.click("#open-lineage")
        page.wait_for_url("**/lineage?id=**")
        assert page.locator("#page-heading").text_content() == "Cây thực hiện 25-NQ/TW"
        commune_row = page.locator(f".lineage-row[data-id='{COMMUNE}']")
        assert not commune_row.is_visible(), "the third level starts folded"
        shot(page, "2-lineage")

        page.locator(f"li.branch:has(> .lineage-row[data-id='{PLAN}']) > button.toggle").click()
        assert commune_row.is_visible()
        commune_row.locator("details.evidence-quote summary").click()
        assert "Thực hiện Kế hoạch số 45-KH/HU" in commune_row.locator("blockquote").text_content()
        shot(page, "3-lineage-commune")
        commune_row.locator("a.doc-link").click()
        page.wait_for_url("**/document?id=**")
        assert page.locator("#doc-title").text_content() == "Kế hoạch công tác dân vận năm 2024"
        page.go_back()

        page.click("#open-coverage")
        page.wait_for_url("**/reports/coverage?id=**")
        assert page.locator("#page-heading").text_content() == "Nhiệm vụ được giao theo 25-NQ/TW"
        headings = page.locator("#report-table thead th").all_text_contents()
        assert headings == ["Đơn vị", "Địa bàn", "Vai trò", "Nhiệm vụ", "Thời hạn", "Tình trạng", "Văn bản triển khai"]
        badges = sorted(page.locator("#report-table .badge").all_text_contents())
        assert badges == sorted(["quá hạn", "triển khai chậm", "chưa triển khai", "đã triển khai"])
        shot(page, "4-coverage")
        with page.expect_download() as download:
            page.click("#csv-download")
        saved = tmp_path / "coverage.csv"
        download.value.save_as(saved)
        rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
        assert sorted(r["unit"] for r in rows) == ["Ban Dân vận Huyện ủy", "Huyện ủy Bù Đăng", "Huyện ủy Hớn Quản",
                                                   "Đảng ủy xã An Khương"]

        page.click("nav.actions a[href^='/reports/implementers']")
        page.wait_for_url("**/reports/implementers?id=**")
        assert page.locator("#page-heading").text_content() == "Ai thực hiện 25-NQ/TW"
        assert page.locator("#chart-per-year svg rect").count() == 4, "one bar segment per year and level"
        assert page.locator("#chart-provinces svg text").first.text_content() == "Bình Phước"
        shot(page, "4b-implementers")
        page.go_back()

        page.click("#lang-en")
        page.wait_for_url("**lang=en**")
        assert page.locator("#page-heading").text_content() == "Tasks assigned under 25-NQ/TW"
        assert page.locator("#report-table thead th").first.text_content() == "Unit"
        shot(page, "5-coverage-en")
        page.click("#lang-vi")
        assert page.locator("#page-heading").text_content() == "Nhiệm vụ được giao theo 25-NQ/TW"
    assert blocked == []
    assert problems == []


def test_graph_documents_first_paths_and_downloads(tmp_path: Path) -> None:
    app = create_app(walkthrough_graph())
    problems: list[str] = []
    unit = "unit:ban-dan-van-huyen-uy|binh-phuoc/hon-quan"
    with serving(app) as base, browser_context(locale="vi-VN") as context:
        blocked = block_network(context, allowed_prefixes=(base + "/",))
        page = context.new_page()
        watch(page, problems)
        page.goto(base + "/graph?id=" + ROOT)
        page.wait_for_selector("#graph-app[data-ready='1']")
        ids = set(page.evaluate("pgNodes.getIds()"))
        assert ids == {ROOT, "doc:30-CTr/TU|binh-phuoc|2013", "doc:43-KL/TW||XII", PLAN, COMMUNE}, "documents first"
        assert page.input_value("#path-from") == ROOT, "From starts on the document shown"
        assert page.input_value("#path-to") == COMMUNE, "To on the farthest document"
        page.check("#show-units")
        page.wait_for_selector("#graph-app[data-ready='1']")
        assert unit in page.evaluate("pgNodes.getIds()")
        # hiding the edge types that hold the units leaves no unit alone on the page
        page.uncheck("#filter-edges input[value='assigns']")
        page.uncheck("#filter-edges input[value='issued_by']")
        shown = page.evaluate("pgView.nodes.get().map(n => n.kind)")
        assert "unit" not in shown and len(shown) == 5
        page.check("#filter-edges input[value='assigns']")
        page.check("#filter-edges input[value='issued_by']")
        page.click("#path-go")
        page.wait_for_selector("#graph-app[data-path]")
        assert page.get_attribute("#graph-app", "data-path").split("\n") == [
            ROOT, "doc:30-CTr/TU|binh-phuoc|2013", PLAN, COMMUNE]
        assert page.locator("#path-result").text_content().startswith("3 bước:")
        shot(page, "6-graph")
        with page.expect_download() as png:
            page.click("#download-png")
        assert png.value.suggested_filename.endswith(".png")
        png.value.save_as(tmp_path / "g.png")
        assert (tmp_path / "g.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        with page.expect_download() as svg:
            page.click("#download-svg")
        svg.value.save_as(tmp_path / "g.svg")
        drawing = (tmp_path / "g.svg").read_text(encoding="utf-8")
        assert drawing.startswith("<svg") and ">25-NQ/TW</text>" in drawing and drawing.count("<line") >= 4
    assert blocked == []
    assert problems == []


def overlaps(boxes: list[dict]) -> list[tuple[str, str]]:
    """Pairs of node boxes (label included) that overlap, by a sweep over x."""
    found = []
    ordered = sorted(boxes, key=lambda b: b["left"])
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if b["left"] >= a["right"]:
                break
            if a["top"] < b["bottom"] and b["top"] < a["bottom"]:
                found.append((a["id"], b["id"]))
    return found


def test_labels_do_not_overlap_at_500_nodes() -> None:
    graph = synthetic_graph(700, seed=7)
    root = "doc:0-KH/central|p0|" + str(graph.nodes[[n for n in graph if n.startswith("doc:0-KH/central|")][0]]["year"])
    problems: list[str] = []
    with serving(create_app(graph)) as base, browser_context(locale="vi-VN") as context:
        block_network(context, allowed_prefixes=(base + "/",))
        page = context.new_page()
        watch(page, problems)
        page.goto(base + "/graph?id=" + root)
        page.wait_for_selector("#graph-app[data-ready='1']")
        page.check("#show-units")
        page.select_option("#depth", "6")
        page.wait_for_function("() => document.getElementById('graph-app').dataset.ready === '1'"
                               " && pgNodes.length > 400")
        boxes = page.evaluate("pgView.nodes.getIds().map(id => Object.assign({id: id}, pgNetwork.getBoundingBox(id)))")
        shot(page, "7-graph-500")
    assert len(boxes) >= 500
    assert overlaps(boxes) == []
    assert problems == []
