"""The pyvis page: what it contains, how it is laid out, and that it escapes document text."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from policygraph.queries.backend import as_backend
from policygraph.queries.documents import candidates
from policygraph.queries.neighbourhood import neighbourhood
from policygraph.viz.commands import register
from policygraph.viz.layout import level_positions
from policygraph.viz.pyvis_page import render_page
from policygraph.viz.synthetic import sample_graph, synthetic_graph

ROOT = "doc:25-NQ/TW||XI"
DISTRICT_PLAN = "doc:45-KH/HU|binh-phuoc/hon-quan|2016"
COMMUNE_PLAN = "doc:~commune/binh-phuoc/hon-quan/an-khuong|KH|2024|ab12"
UNIT = "unit:ban-dan-van-huyen-uy|binh-phuoc/hon-quan"


def page_data(html: str) -> dict:
    """The JSON block the page draws from."""
    match = re.search(r'<script type="application/json" id="pg-data">(.*?)</script>', html, re.S)
    assert match, "data block missing"
    return json.loads(match.group(1))


def test_find_documents_by_symbol_or_id() -> None:
    backend = as_backend(sample_graph())
    assert [r.id for r in candidates(backend, "25-nq/tw")] == [ROOT]
    assert [r.id for r in candidates(backend, DISTRICT_PLAN)] == [DISTRICT_PLAN]
    assert candidates(backend, "99-NQ/TW") == []


def test_neighbourhood_directions() -> None:
    graph = sample_graph()
    down = neighbourhood(graph, [ROOT], depth=1, direction="down")
    assert set(down) == {ROOT, "doc:30-CTr/TU|binh-phuoc|2013", "doc:43-KL/TW||XII", DISTRICT_PLAN, UNIT}
    up = neighbourhood(graph, [COMMUNE_PLAN], depth=1, direction="up", units=False)
    assert set(up) == {COMMUNE_PLAN, DISTRICT_PLAN, "doc:43-KL/TW||XII"}
    assert set(neighbourhood(graph, [ROOT], depth=0)) == {ROOT}


def test_layout_puts_levels_in_bands_top_to_bottom() -> None:
    graph = synthetic_graph(600, seed=3)
    positions = level_positions(graph)
    assert set(positions) == set(graph)
    band: dict[str, list[float]] = {}
    for node, (_, y) in positions.items():
        band.setdefault(graph.nodes[node].get("level"), []).append(y)
    order = ["central", "province", "district", "commune"]
    for upper, lower in zip(order, order[1:], strict=False):
        assert max(band[upper]) < min(band[lower]), (upper, lower)
    assert len(set(positions.values())) == len(positions), "two nodes share a position"


def test_page_is_self_contained_and_styled() -> None:
    html = render_page(sample_graph(), "25-NQ/TW", roots=(ROOT,))
    assert "cdnjs" not in html and "jsdelivr" not in html and "bootstrap" not in html.lower()
    assert not re.search(r'<(script|link)[^>]+(src|href)=', html), "page loads an external file"
    data = page_data(html)
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes[ROOT]["shape"] == "ellipse" and nodes[ROOT]["kind"] == "stub"
    assert nodes[DISTRICT_PLAN]["shape"] == "box"
    assert nodes[DISTRICT_PLAN]["kind"] == "document"
    assert nodes[UNIT]["shape"] == "diamond"
    assert nodes[ROOT]["color"]["border"] != nodes[COMMUNE_PLAN]["color"]["border"]
    assert data["options"]["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in data["nodes"])
    assert nodes[ROOT]["y"] < nodes[DISTRICT_PLAN]["y"] < nodes[COMMUNE_PLAN]["y"]
    types = {e["etype"]: e for e in data["edges"]}
    assert set(types) == {"implements", "based_on", "references", "assigns"}
    assert types["implements"]["dashes"] is False and types["based_on"]["dashes"]
    tip = dict(nodes[DISTRICT_PLAN]["tip"])
    assert tip["Issuer"] == "Huyện ủy Hớn Quản" and tip["Flags"] == "date_conflict"
    assert tip["Date"] == "2016-10-05" and "Hớn Quản" in tip["Place"]
    evidence = [dict(e["tip"]).get("Evidence", "") for e in data["edges"]]
    assert any("30-CTr/TU" in quote for quote in evidence)
    assert "Central (Trung ương)" in html and "based on (căn cứ)" in html  # the legend


def test_hostile_text_never_reaches_the_page_as_markup() -> None:
    html = render_page(sample_graph(hostile=True), '<script>alert(1)</script>"onmouseover=x')
    assert "<script>window.__pwned" not in html
    assert "<script>alert(1)" not in html
    assert not re.search(r'(?<!\\)"onmouseover=', html), "quote not escaped"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#34;onmouseover=x" in html
    heads = [n["tipHead"] for n in page_data(html)["nodes"]]
    assert any("<script>window.__pwned" in head for head in heads), "text must survive as text"


def test_viz_command_writes_a_page(tmp_path) -> None:
    import click

    class FakeStore:
        def load_graph(self):
            return sample_graph()

    @click.group()
    @click.pass_context
    def main(ctx: click.Context) -> None:
        ctx.obj = {"store": FakeStore()}

    register(main)
    out = tmp_path / "lineage.html"
    result = CliRunner().invoke(main, ["viz", "25-NQ/TW", "--depth", "1", "--down", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "5 nodes" in result.output
    assert {n["id"] for n in page_data(out.read_text())["nodes"]} >= {ROOT, DISTRICT_PLAN}
    missing = CliRunner().invoke(main, ["viz", "1-XX/TW", "-o", str(out)])
    assert missing.exit_code != 0 and "no document" in missing.output
