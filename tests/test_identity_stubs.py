"""What a cited document's node holds: the place of its level only, the term only for a Party
central document, the year of an undated citation, and the subject citations give a document
whose own text is ingested."""

from __future__ import annotations

from policygraph.graph.identity import resolve
from policygraph.ingest.pipeline import parse_text

COMMUNE = (
    "ĐẢNG BỘ HUYỆN HÀM YÊN\nĐẢNG ỦY XÃ THÁI SƠN\nSố 05-KH/ĐU\n\nThái Sơn, ngày 15 tháng 10 năm 2013\n\n"
    "KẾ HOẠCH\nthực hiện công tác dân vận\n\n"
    "Thực hiện Nghị quyết số 25-NQ/TW năm 2013 của Ban Chấp hành Trung ương về công tác dân vận, "
    "Chương trình hành động số 30-CTr/TU ngày 10/9/2013 của Tỉnh ủy Tuyên Quang về công tác dân vận trong tình hình "
    "mới và Kế hoạch số 45-KH/HU ngày 01/10/2013 của Huyện ủy Hàm Yên, Ban Thường vụ Đảng ủy xã xây dựng Kế hoạch "
    "như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. Tuyên truyền sâu rộng; thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022 "
    "của Thủ tướng Chính phủ.\n"
)
PROGRAMME = (
    "ĐẢNG BỘ TỈNH TUYÊN QUANG\nTỈNH ỦY TUYÊN QUANG\nSố 30-CTr/TU\n\nTuyên Quang, ngày 10 tháng 9 năm 2013\n\n"
    "CHƯƠNG TRÌNH HÀNH ĐỘNG\n\nThực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng "
    "(khóa XI), Ban Chấp hành Đảng bộ tỉnh ban hành Chương trình hành động như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. A.\n"
)


def _nodes(*texts: str) -> dict[str, dict]:
    g = resolve([parse_text(t, f"/docs/{i:02}.txt") for i, t in enumerate(texts)])
    return {a["symbol"]: a for a in g.nodes.values() if a.get("kind") == "document" and a.get("symbol")}


def test_a_cited_documents_place_is_that_of_its_level():
    nodes = _nodes(COMMUNE)
    district, province = nodes["45-KH/HU"], nodes["30-CTr/TU"]
    assert (district["level"], district["province"], district["district"], district["commune"]) == (
        "district", "Tuyên Quang", "Hàm Yên", None)
    assert (province["level"], province["province"], province["district"], province["commune"]) == (
        "province", "Tuyên Quang", None, None)
    for central in ("25-NQ/TW", "06/QĐ-TTg"):
        assert (nodes[central]["level"], nodes[central]["province"], nodes[central]["district"]) == (
            "central", None, None)


def test_only_a_party_central_document_has_a_term():
    nodes = _nodes(COMMUNE)
    assert [nodes[s]["term"] for s in ("25-NQ/TW", "30-CTr/TU", "45-KH/HU", "06/QĐ-TTg")] == ["XI", None, None, None]


def test_an_undated_citation_with_its_year_gives_the_year():
    resolution = _nodes(COMMUNE)["25-NQ/TW"]
    assert (resolution["date"], resolution["year"], resolution["term"]) == (None, 2013, "XI")


def test_an_ingested_document_takes_its_subject_from_the_texts_that_cite_it():
    programme = _nodes(COMMUNE, PROGRAMME)["30-CTr/TU"]
    assert programme["stub"] is False and programme["source"] == "/docs/01.txt"
    assert programme["subject"] == "công tác dân vận trong tình hình mới"
    assert programme["mentions"] == 1


def test_a_placed_cited_document_carries_no_flag():
    nodes = _nodes(COMMUNE)
    assert {s: nodes[s]["flags"] for s in ("25-NQ/TW", "30-CTr/TU", "45-KH/HU", "06/QĐ-TTg")} == {
        "25-NQ/TW": [], "30-CTr/TU": [], "45-KH/HU": [], "06/QĐ-TTg": []}
