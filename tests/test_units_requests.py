"""Units asked to act by another ("Ban Thường vụ Huyện ủy đề nghị các chi bộ … thực hiện một số nội dung sau:"):
the units after the verb take the task, the one that asks does not; a request line ending with a colon hands
them the items below it, as official letters (công văn) give their tasks."""

from __future__ import annotations

import pytest

from policygraph.ingest import lexicon as T
from policygraph.ingest.models import Place
from policygraph.ingest.pipeline import parse_text
from policygraph.ingest.unit_resolve import UnitContext
from policygraph.ingest.units import extract_units

DISTRICT = UnitContext(level="district", place=Place("Bắc Kạn", "Bạch Thông"), issuer_code="HU", doc_date="2025-03-10")
PROVINCE = UnitContext(level="province", place=Place("Gia Lai"), issuer_code="UBND", doc_date="2023-05-02")

LETTER = """ĐẢNG BỘ TỈNH BẮC KẠN
HUYỆN ỦY BẠCH THÔNG
*
Số 812-CV/HU
V/v triển khai thực hiện Kết luận số 114-KL/TW của Ban Bí thư

ĐẢNG CỘNG SẢN VIỆT NAM
Bạch Thông, ngày 10 tháng 3 năm 2025

Kính gửi: Các chi bộ, đảng bộ cơ sở trực thuộc Huyện ủy.

Thực hiện Kết luận số 114-KL/TW ngày 11/7/2024 của Ban Bí thư về nâng cao chất lượng công tác dân vận, Ban \
Thường vụ Huyện ủy đề nghị các chi bộ, đảng bộ cơ sở, Ban Dân vận Huyện ủy, Ủy ban Mặt trận Tổ quốc Việt Nam \
huyện thực hiện một số nội dung sau:
1. Tổ chức quán triệt Kết luận đến toàn thể cán bộ, đảng viên, hoàn thành trong tháng 4/2025.
2. Xây dựng kế hoạch thực hiện phù hợp với tình hình của đơn vị.
3. Định kỳ báo cáo kết quả về Ban Thường vụ Huyện ủy (qua Ban Dân vận Huyện ủy) trước ngày 15/12 hằng năm.

Nhận được Công văn này, Văn phòng Huyện ủy theo dõi, tổng hợp.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Nguyễn Văn An
"""
ASKED = ["Các chi bộ, đảng bộ cơ sở", "Ban Dân vận Huyện ủy", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện"]


def test_a_letter_gives_its_numbered_items_to_the_units_it_asks():
    doc = parse_text(LETTER)
    by_unit: dict[str, list[str]] = {}
    for a in doc.units.assigns:
        by_unit.setdefault(a.unit.name, []).append(a.task)
    assert set(ASKED) <= set(by_unit)
    for name in ASKED:
        assert [t[:12] for t in by_unit[name]] == ["Tổ chức quán", "Xây dựng kế ", "Định kỳ báo "], name
    # the committee that asks is not given the items, and the paragraph after them is not an item
    assert "Ban Thường vụ Huyện ủy" not in by_unit
    assert all(not t.startswith("Nhận được") for name in ASKED for t in by_unit[name])
    assert not any(a.task.startswith("Nhận được") for a in doc.units.assigns)
    first = next(a for a in doc.units.assigns if a.unit.name == ASKED[0])
    assert (first.deadline, first.role, first.in_body) == ("2025-04-30", "execute", True)
    # the third item says where the reports go, and the units asked are the ones who report
    reports = [(r.to.name, r.via.name) for r in doc.units.reports_to]
    assert reports == [("Ban Thường vụ Huyện ủy", "Ban Dân vận Huyện ủy")]


def test_a_request_inside_the_implementation_section_heads_its_items():
    text = (
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "Ủy ban nhân dân tỉnh yêu cầu Sở Nội vụ, Sở Tài chính thực hiện các nội dung sau:\n"
        "- Rà soát biên chế của các cơ quan, đơn vị.\n"
        "- Bố trí kinh phí thực hiện.\n"
    )
    got = [(a.unit.name, a.task) for a in extract_units(text, PROVINCE).assigns]
    assert got == [
        ("Sở Nội vụ", "Rà soát biên chế của các cơ quan, đơn vị"),
        ("Sở Tài chính", "Rà soát biên chế của các cơ quan, đơn vị"),
        ("Sở Nội vụ", "Bố trí kinh phí thực hiện"),
        ("Sở Tài chính", "Bố trí kinh phí thực hiện"),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # the unit after "giao" is given the task, and "chủ trì" after it makes it the lead
        ("Ủy ban nhân dân tỉnh giao Sở Nội vụ chủ trì, phối hợp với các sở tổ chức thực hiện.",
         [("Sở Nội vụ", "lead"), ("Các sở", "support")]),
        ("Ban Thường vụ Tỉnh ủy yêu cầu các huyện ủy, thị ủy quán triệt nghiêm túc.",
         [("Các huyện ủy, thị ủy", "execute")]),
        # "chỉ đạo" is the subject's own task: it is told to direct others
        ("Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành triển khai thực hiện.", [("Ủy ban nhân dân tỉnh", "execute")]),
        # a comma may stand between the verb and the units asked
        ("Ủy ban nhân dân tỉnh đề nghị, Sở Kế hoạch và Đầu tư, Sở Tài chính khẩn trương thẩm định.",
         [("Sở Kế hoạch và Đầu tư", "execute"), ("Sở Tài chính", "execute")]),
        # "yêu cầu:" asks the items below of others: the committee that asks is given nothing
        ("Ban Thường vụ Quận ủy yêu cầu:\n1. Quán triệt nghiêm túc Chỉ thị này.", []),
        # a proposal "của" a unit asks no one; nor does a request after words that name no unit
        ("Theo đề nghị của Sở Nội vụ, rà soát lại danh mục.", []),
        ("Quá trình thực hiện nếu có vướng mắc đề nghị các đơn vị phản ánh về Sở Nội vụ.", []),
    ],
)
def test_who_is_asked_in_one_sentence(line: str, expected: list[tuple[str, str]]):
    text = "III. TỔ CHỨC THỰC HIỆN\n" + line + "\n"
    got = [(a.unit.name, a.role) for a in extract_units(text, PROVINCE).assigns]
    assert got == expected


@pytest.mark.parametrize(("pattern", "example"), T.REQUEST_VERBS)
def test_request_verb_examples_ask_the_units_after_them(pattern: str, example: str):
    text = "IV. TỔ CHỨC THỰC HIỆN\n" + example + " các nội dung trên.\n"
    names = [a.unit.name for a in extract_units(text, PROVINCE).assigns]
    verb = example.index(pattern.split()[0])
    assert names, example
    assert all(a.start >= 0 for a in extract_units(text, PROVINCE).assigns)
    assert not any(n.lower() in example[:verb].lower() for n in names), (example, names)
