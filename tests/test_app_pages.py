"""The lineage page, the readable reports and the two interface languages (Flask test client)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from policygraph.viz.app import create_app
from policygraph.viz.synthetic import sample_graph

ROOT = "doc:25-NQ/TW||XI"
PROGRAMME = "doc:30-CTr/TU|binh-phuoc|2013"
PLAN = "doc:45-KH/HU|binh-phuoc/hon-quan|2016"
COMMUNE = "doc:~commune/binh-phuoc/hon-quan/an-khuong|KH|2024|ab12"
VI = {"Accept-Language": "vi-VN,vi;q=0.9"}
EN = {"Accept-Language": "en-GB,en;q=0.8"}


@pytest.fixture()
def client():
    return create_app(sample_graph()).test_client()


def text(response) -> str:
    """The visible text of a page, spaces collapsed."""
    body = re.sub(r"<script.*?</script>", " ", response.get_data(as_text=True), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def row_ids(response) -> list[str]:
    return re.findall(r'class="lineage-row[^"]*" data-id="([^"]+)"', response.get_data(as_text=True))


def test_lineage_down_by_level_with_lag_and_evidence(client) -> None:
    page = client.get("/lineage", query_string={"id": "25-NQ/TW"}, headers=VI)
    assert page.status_code == 200
    assert row_ids(page) == [ROOT, "doc:43-KL/TW||XII", PROGRAMME, PLAN, COMMUNE]
    words = text(page)
    assert "Cây thực hiện 25-NQ/TW" in words
    # 30-CTr/TU of 10/09/2013 answers the resolution of 03/06/2013: 99 days later
    assert "10/09/2013 +3 tháng" in words
    assert "“Thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương”" in words
    assert "(do văn bản khác nêu)" in words, "an edge stated by a third text says so"
    assert "05/10/2016 +3,1 năm ngày tháng không khớp" in words, "45-KH/HU: lag in years, its flag in words"
    body = page.get_data(as_text=True)
    assert f'href="/graph?id={COMMUNE.replace("|", "%7C")}' in body.replace("/", "/"), "each row links to the graph"


def test_lineage_filters_keep_the_tree(client) -> None:
    commune_only = client.get("/lineage", query_string={"id": ROOT, "level": "commune"}, headers=VI)
    ids = row_ids(commune_only)
    assert ids == [ROOT, PROGRAMME, PLAN, COMMUNE], "the commune plan keeps the rows above it"
    body = commune_only.get_data(as_text=True)
    assert body.count("lineage-row filtered-out") == 2, "the province and district rows are greyed"
    late = client.get("/lineage", query_string={"id": ROOT, "from": "2016", "to": "2030"}, headers=VI)
    assert row_ids(late) == [ROOT, "doc:43-KL/TW||XII", PROGRAMME, PLAN, COMMUNE]  # 43-KL/TW is of 2019
    assert late.get_data(as_text=True).count("lineage-row filtered-out") == 1, "30-CTr/TU (2013) holds the tree"
    early = client.get("/lineage", query_string={"id": ROOT, "to": "2013", "from": "nonsense"}, headers=VI)
    assert row_ids(early) == [ROOT, PROGRAMME]
    up = client.get("/lineage", query_string={"id": COMMUNE, "dir": "up"}, headers=VI)
    assert row_ids(up) == [COMMUNE, PLAN, PROGRAMME, ROOT]


def test_language_from_browser_switch_and_cookie(client) -> None:
    assert "Cây thực hiện 25-NQ/TW" in text(client.get("/lineage?id=25-NQ/TW", headers=VI))
    english = client.get("/lineage?id=25-NQ/TW", headers=EN)
    assert "Lineage of 25-NQ/TW" in text(english) and english.headers["Content-Language"] == "en"
    assert "Cây thực hiện" in text(client.get("/lineage?id=25-NQ/TW", headers={"Accept-Language": "fr"}))
    switched = client.get("/lineage?id=25-NQ/TW&lang=en", headers=VI)
    assert "Lineage of 25-NQ/TW" in text(switched) and "lang=en" in switched.headers["Set-Cookie"]
    assert "Lineage of 25-NQ/TW" in text(client.get("/lineage?id=25-NQ/TW", headers=VI)), "the cookie is kept"
    # dates the Vietnamese way in Vietnamese
    assert "03/06/2013" in text(client.get("/document?id=25-NQ/TW&lang=vi"))
    assert "3 Jun 2013" in text(client.get("/document?id=25-NQ/TW&lang=en"))


def test_every_interface_message_is_translated() -> None:
    spec = importlib.util.spec_from_file_location(
        "extract_messages", Path(__file__).resolve().parent.parent / "scripts" / "extract_messages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    found = module.messages()
    assert len(found) > 100 and "Download CSV" in found and "Coverage" in found
    from policygraph.viz.i18n import catalogue

    vietnamese = catalogue("vi")
    assert [m for m in found if m not in vietnamese] == []
    assert vietnamese["Coverage"] == "Mức độ triển khai"


def test_reports_read_like_reports(client) -> None:
    page = client.get("/reports/coverage", query_string={"id": PLAN}, headers=VI)
    words = text(page)
    for raw in ("assigned_by_name", "deadline_text", "False", "True"):
        assert raw not in words
    assert "Đơn vị Địa bàn Vai trò Nhiệm vụ Thời hạn Tình trạng" in words
    assert "Ban Dân vận Huyện ủy" in words and "Chủ trì" in words and "chưa triển khai" in words
    assert words.count("Kế hoạch thực hiện Đề án 01-ĐA/TU") == 2, "the title once at the top and once in the list"
    implementers = client.get("/reports/implementers", query_string={"id": ROOT}, headers=EN)
    words = text(implementers)
    assert "Who carries out 25-NQ/TW" in words and "4 implementing documents" in words
    body = implementers.get_data(as_text=True)
    assert body.count("<svg") >= 3 and 'id="chart-per-year"' in body and 'id="chart-provinces"' in body
    # grouped: central first, then Bình Phước, then its district
    heads = re.findall(r'<tr class="group-head"><th colspan="6">([^<]+)', body)
    assert [h.strip() for h in heads] == ["Central", "Bình Phước", "Bình Phước › Hớn Quản"]
    # lags: 99 days (the programme), 1,122 days (the district plan), 2,044 days (43-KL/TW)
    assert "<title>3–6 months: 1</title>" in body and "<title>&gt; 2 years: 2</title>" in body


def test_favicon_and_hostile_text_on_new_pages() -> None:
    client = create_app(sample_graph(hostile=True)).test_client()
    assert client.get("/favicon.ico").status_code == 200
    for url in (f"/lineage?id={ROOT}", f"/lineage?id={COMMUNE}&dir=up", f"/reports/implementers?id={ROOT}",
                f"/reports/coverage?id={PLAN}"):
        body = client.get(url.replace("|", "%7C")).get_data(as_text=True)
        assert "<script>window" not in body and "<img src=x" not in body and '"onmouseover=' not in body, url


def test_every_drawn_edge_type_has_an_interface_name() -> None:
    from policygraph.viz.labels import EDGE_LABELS
    from policygraph.viz.style import EDGE_STYLES

    assert set(EDGE_STYLES) <= set(EDGE_LABELS)
    client = create_app(sample_graph()).test_client()
    legend = text(client.get("/graph?id=25-NQ/TW", headers=VI))
    assert "sửa đổi, bổ sung" in legend and "bãi bỏ" in legend


def test_a_shared_symbol_asks_which_lineage() -> None:
    from policygraph.viz.synthetic import walkthrough_graph

    client = create_app(walkthrough_graph()).test_client()
    page = client.get("/lineage?id=25-NQ/TW", headers=VI)
    words = text(page)
    assert page.status_code == 200 and "“25-NQ/TW” ứng với 2 văn bản" in words
    assert "Trung ương · 2003" in words and "Trung ương · 2013" in words
    assert 'href="/lineage?id=doc:25-NQ/TW%7C%7CXI"' in page.get_data(as_text=True)


def test_a_long_text_pages_in_vietnamese() -> None:
    client = create_app(sample_graph(), texts={PLAN: "một dòng văn bản\n" * 8000}).test_client()  # 136,000 chars
    words = text(client.get("/document", query_string={"id": PLAN}, headers=VI))
    assert "Trang 1/2 (136000 ký tự): trang sau" in words
