"""The web app through Flask's test client: pages, JSON endpoints, CSV, escaping, binding."""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from policygraph.viz.app import create_app
from policygraph.viz.highlight import segments
from policygraph.viz.synthetic import sample_graph

ROOT = "doc:25-NQ/TW||XI"
PLAN = "doc:45-KH/HU|binh-phuoc/hon-quan|2016"
COMMUNE = "doc:~commune/binh-phuoc/hon-quan/an-khuong|KH|2024|ab12"
UNIT = "unit:ban-dan-van-huyen-uy|binh-phuoc/hon-quan"
TEXT = ("Thực hiện Chương trình hành động số 30-CTr/TU của Tỉnh ủy; "
        "Nghị quyết 25-NQ/TW của Ban Chấp hành Trung ương (khóa XI). "
        "Ban Dân vận Huyện ủy chủ trì, tham mưu Ban Thường vụ Huyện ủy.")


@pytest.fixture()
def client():
    app = create_app(sample_graph(), texts={PLAN: TEXT})
    return app.test_client()


@pytest.fixture()
def hostile_client():
    texts = {PLAN: TEXT + "<script>alert(1)</script>"}
    return create_app(sample_graph(hostile=True), texts=texts).test_client()


def test_search_ignores_diacritics(client) -> None:
    plain = client.get("/api/search?q=cong tac dan van").json
    accented = client.get("/api/search?q=công tác dân vận").json
    assert plain and [h["id"] for h in plain] == [h["id"] for h in accented]
    assert COMMUNE in [h["id"] for h in plain]
    assert client.get("/api/search?q=25-NQ/TW").json[0]["id"] == ROOT
    assert client.get("/api/search?q=").json == []
    page = client.get("/?q=dan van").get_data(as_text=True)
    assert "Kế hoạch công tác dân vận năm 2024" in page


def test_document_page_has_identity_edges_and_highlighted_text(client) -> None:
    response = client.get("/document", query_string={"id": PLAN})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "45-KH/HU" in page and "Huyện ủy Hớn Quản" in page and "date_conflict" in page
    assert "tập trung chỉ đạo thực hiện Chương trình hành động số 30-CTr/TU" in page
    assert page.count("<mark") == 3, "three cited spans"
    data = client.get("/api/document", query_string={"id": PLAN}).json
    types = sorted((e["direction"], e["type"]) for e in data["edges"])
    assert types == [("in", "implements"), ("out", "assigns"), ("out", "implements"), ("out", "references")]
    marked = "".join(s["text"] for s in data["segments"] if s["mark"])
    assert TEXT[10:40] in marked and "".join(s["text"] for s in data["segments"]) == TEXT


def test_symbol_resolves_and_unknown_is_404(client) -> None:
    assert client.get("/document?id=25-NQ/TW").status_code == 200
    assert client.get("/document?id=99-XX/TW").status_code == 404
    assert client.get("/api/document?id=99-XX/TW").status_code == 404
    assert client.get("/api/document", query_string={"id": UNIT}).status_code == 404
    assert client.get("/document", query_string={"id": UNIT}).status_code == 200


def test_graph_endpoints(client) -> None:
    view = client.get("/api/graph", query_string={"id": ROOT, "depth": 1}).json
    expected = {ROOT, "doc:30-CTr/TU|binh-phuoc|2013", "doc:43-KL/TW||XII", PLAN}
    assert {n["id"] for n in view["nodes"]} == expected, "documents first: no units unless asked"
    assert all("x" in n for n in view["nodes"])
    with_units = client.get("/api/graph", query_string={"id": ROOT, "depth": 1, "units": 1}).json
    assert {n["id"] for n in with_units["nodes"]} == expected | {UNIT}
    # opening the commune plan brings its neighbours (and their units) into the same layout
    opened = client.get("/api/graph", query_string={"id": ROOT, "depth": 1, "open": PLAN}).json
    assert {n["id"] for n in opened["nodes"]} == expected | {UNIT, COMMUNE} and opened["opened"] == [PLAN]
    spots = [(n["x"], n["y"]) for n in opened["nodes"]]
    assert len(set(spots)) == len(spots), "no two nodes on one spot"
    grown = client.get("/api/expand", query_string={"id": PLAN}).json
    assert {n["id"] for n in grown["nodes"]} >= {PLAN, COMMUNE, UNIT}
    chain = client.get("/api/path", query_string={"from": COMMUNE, "to": ROOT}).json
    assert chain["found"] and chain["nodes"] == [COMMUNE, PLAN, "doc:30-CTr/TU|binh-phuoc|2013", ROOT]
    assert chain["edges"][0] == f"{COMMUNE}\u2192{PLAN}\u2192implements"
    facets = client.get("/api/facets").json
    assert facets["provinces"] == ["Bình Phước"] and facets["years"][0] == 2013
    assert client.get("/api/graph", query_string={"id": ROOT, "direction": "sideways"}).status_code == 400


def test_reports_and_csv(client) -> None:
    page = client.get("/reports/implementers", query_string={"id": ROOT}).get_data(as_text=True)
    assert "30-CTr/TU" in page and "Tải CSV" in page
    response = client.get("/api/reports/implementers.csv", query_string={"id": ROOT})
    assert response.mimetype == "text/csv" and "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert {r["id"] for r in rows} == {"doc:30-CTr/TU|binh-phuoc|2013", "doc:43-KL/TW||XII", PLAN, COMMUNE}
    coverage = client.get("/api/reports/coverage", query_string={"id": PLAN}).json
    assert [r["unit"] for r in coverage["rows"]] == ["Ban Dân vận Huyện ủy"]
    assert client.get("/api/reports/other", query_string={"id": PLAN}).status_code == 404


def test_hostile_text_is_escaped_everywhere(hostile_client) -> None:
    pages = [
        hostile_client.get("/", query_string={"q": "dan van"}),
        hostile_client.get("/document", query_string={"id": PLAN}),
        hostile_client.get("/document", query_string={"id": ROOT}),
        hostile_client.get("/document", query_string={"id": UNIT}),
        hostile_client.get("/graph", query_string={"id": ROOT}),
        hostile_client.get("/reports/implementers", query_string={"id": ROOT}),
        hostile_client.get("/reports/coverage", query_string={"id": PLAN}),
    ]
    for response in pages:
        body = response.get_data(as_text=True)
        assert response.status_code == 200
        assert "<script>window" not in body and "<script>alert" not in body
        assert '"onmouseover=' not in body and "<img src=x" not in body
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    body = pages[1].get_data(as_text=True)
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;&#34;onmouseover=&#34;" in body


def test_no_external_assets(client) -> None:
    page = client.get("/graph", query_string={"id": ROOT}).get_data(as_text=True)
    assert "/vendor/vis-network.min.js" in page and "http" not in page.replace("http-equiv", "")
    vendor = client.get("/vendor/vis-network.min.js")
    assert vendor.status_code == 200 and b"vis-network" in vendor.data[:2000]
    assert client.get("/vendor/../app.py").status_code == 404


def test_segments_merge_and_clip() -> None:
    out = segments("abcdefghij", [(2, 5, "a"), (4, 7, "b"), (8, 99, "c"), (3, 3, "empty")])
    expected = [("ab", False), ("cdefg", True), ("h", False), ("ij", True)]
    assert [(s["text"], s["mark"]) for s in out] == expected
    assert out[1]["notes"] == ["a", "b"]


def test_serve_binds_localhost_by_default(monkeypatch) -> None:
    import click

    from policygraph.viz import commands

    seen = {}

    def fake_run(self, host, port, **kwargs):
        seen.update(host=host, port=port)

    monkeypatch.setattr("flask.Flask.run", fake_run)

    @click.group()
    @click.pass_context
    def main(ctx: click.Context) -> None:
        ctx.obj = {"store": type("S", (), {"load_graph": lambda self: sample_graph(),
                                           "document_text": lambda self, node: None})()}

    commands.register(main)
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 0, result.output
    assert seen == {"host": "127.0.0.1", "port": 8000}
