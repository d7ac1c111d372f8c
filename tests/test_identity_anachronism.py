"""The `anachronism` flag: a document dated when its issuing body did not exist.

District Party committees (/HU) ended on 2025-06-30; the Central Propaganda and Mass
Mobilisation Commission (/BTGDVTW) began on 2025-02-01; the Ministry of Labour, Invalids and
Social Affairs (LĐTBXH) ended on 2025-03-01 (data/tables/issuers.json). The boundary days
themselves are inside the body's life.
"""

from __future__ import annotations

import pytest

from policygraph.graph.identity import resolve
from policygraph.ingest.pipeline import parse_text


def _province_plan(citation: str) -> str:
    """A provincial People's Committee plan whose preamble cites `citation`."""
    return (
        "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG\nSố: 120/KH-UBND\n\nTuyên Quang, ngày 20 tháng 12 năm 2025\n\n"
        f"KẾ HOẠCH\nvề công tác dân vận\n\nThực hiện {citation}, Ủy ban nhân dân tỉnh Tuyên Quang ban hành "
        "Kế hoạch như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức.\n"
    )


def _cited_flags(citation: str, symbol: str) -> list[str]:
    g = resolve([parse_text(_province_plan(citation), "/docs/plan.txt")])
    (node,) = [a for a in g.nodes.values() if a.get("symbol") == symbol]
    return node["flags"]


@pytest.mark.parametrize(
    "citation,symbol,flagged",
    [
        # a district committee's plan after the districts were dissolved
        ("Kế hoạch số 45-KH/HU ngày 15/8/2025 của Huyện ủy Hàm Yên", "45-KH/HU", True),
        ("Kế hoạch số 45-KH/HU ngày 01/7/2025 của Huyện ủy Hàm Yên", "45-KH/HU", True),
        ("Kế hoạch số 45-KH/HU ngày 30/6/2025 của Huyện ủy Hàm Yên", "45-KH/HU", False),  # its last day
        ("Kế hoạch số 45-KH/HU ngày 12/3/2024 của Huyện ủy Hàm Yên", "45-KH/HU", False),
        # undated: nothing to compare
        ("Kế hoạch số 45-KH/HU của Huyện ủy Hàm Yên", "45-KH/HU", False),
        # the merged central commission before it was founded
        ("Hướng dẫn số 12-HD/BTGDVTW ngày 15/01/2025 của Ban Tuyên giáo và Dân vận Trung ương", "12-HD/BTGDVTW",
         True),
        ("Hướng dẫn số 12-HD/BTGDVTW ngày 31/01/2025 của Ban Tuyên giáo và Dân vận Trung ương", "12-HD/BTGDVTW",
         True),
        ("Hướng dẫn số 12-HD/BTGDVTW ngày 01/02/2025 của Ban Tuyên giáo và Dân vận Trung ương", "12-HD/BTGDVTW",
         False),  # its first day
        # a State symbol: the issuer is the code after the type ("QĐ-LĐTBXH"), with or without the year
        ("Quyết định số 120/QĐ-LĐTBXH ngày 10/4/2025 của Bộ Lao động - Thương binh và Xã hội", "120/QĐ-LĐTBXH",
         True),
        ("Thông tư số 02/2025/TT-LĐTBXH ngày 02/3/2025 của Bộ Lao động - Thương binh và Xã hội",
         "02/2025/TT-LĐTBXH", True),
        ("Quyết định số 120/QĐ-LĐTBXH ngày 01/3/2025 của Bộ Lao động - Thương binh và Xã hội", "120/QĐ-LĐTBXH",
         False),
        # bodies without an end: the Prime Minister, a provincial Party committee
        ("Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ", "06/QĐ-TTg", False),
        ("Chương trình hành động số 30-CTr/TU ngày 10/9/2025 của Tỉnh ủy Tuyên Quang", "30-CTr/TU", False),
    ],
)  # fmt: skip
def test_a_cited_document_dated_outside_its_issuers_life_is_flagged(citation, symbol, flagged):
    assert ("anachronism" in _cited_flags(citation, symbol)) is flagged


def test_a_ministry_letter_without_a_type_code_is_not_flagged_in_the_ministrys_life():
    # the letter's code is the ministry and a department ("LĐTBXH-PC")
    flags = _cited_flags("Công văn số 2717/LĐTBXH-PC ngày 15/7/2024 của Bộ Lao động - Thương binh và Xã hội",
                         "2717/LĐTBXH-PC")
    assert "anachronism" not in flags


def test_an_ingested_document_dated_after_its_issuer_ended_is_flagged():
    text = (
        "ĐẢNG BỘ TỈNH TUYÊN QUANG\nHUYỆN ỦY HÀM YÊN\nSố 52-KH/HU\n\nHàm Yên, ngày 20 tháng 7 năm 2025\n\n"
        "KẾ HOẠCH\nthực hiện công tác dân vận\n\nThực hiện Chương trình hành động số 30-CTr/TU ngày 10/9/2013 của "
        "Tỉnh ủy Tuyên Quang, Ban Thường vụ Huyện ủy xây dựng Kế hoạch như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. A.\n"
    )
    g = resolve([parse_text(text, "/docs/late.txt")])
    (node,) = [a for a in g.nodes.values() if a.get("source") == "/docs/late.txt"]
    assert (node["symbol"], node["date"]) == ("52-KH/HU", "2025-07-20")
    assert "anachronism" in node["flags"]
    programme = next(a for a in g.nodes.values() if a.get("symbol") == "30-CTr/TU")
    assert "anachronism" not in programme["flags"]
