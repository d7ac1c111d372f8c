
"""Titles written in capitals are given in sentence case with their names (ingest/case.py)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policygraph.ingest.case import sentence_case
from policygraph.ingest.pipeline import parse_text

EXAMPLES = [
    # (written in capitals, sentence case)
    ("BẢO HIỂM XÃ HỘI", "Bảo hiểm xã hội"),
    (
        "TRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG SỐ 30-CTR/TU NGÀY 10/9/2013 CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH "
        "(KHÓA XV) THỰC HIỆN NGHỊ QUYẾT SỐ 25-NQ/TU NGÀY 03/6/2013 HỘI NGHỊ LẦN THỨ BẢY BAN CHẤP HÀNH TRUNG ƯƠNG "
        "ĐẢNG (KHÓA XI)",
        "Triển khai thực hiện Chương trình hành động số 30-CTr/TU ngày 10/9/2013 của Ban Chấp hành Đảng bộ tỉnh "
        "(khóa XV) thực hiện Nghị quyết số 25-NQ/TU ngày 03/6/2013 Hội nghị lần thứ bảy Ban Chấp hành Trung ương "
        "Đảng (khóa XI)",
    ),
    ("DÂN VẬN TRÊN ĐỊA BÀN TỈNH TUYÊN QUANG NĂM 2024", "Dân vận trên địa bàn tỉnh Tuyên Quang năm 2024"),
    ("CỦA HUYỆN ỦY BẠCH THÔNG", "Của Huyện ủy Bạch Thông"),
    ("NÂNG CAO CHẤT LƯỢNG ĐẢNG VIÊN VÀ TỔ CHỨC ĐẢNG", "Nâng cao chất lượng đảng viên và tổ chức đảng"),
    ("SỰ LÃNH ĐẠO CỦA ĐẢNG VÀ NHÀ NƯỚC", "Sự lãnh đạo của Đảng và Nhà nước"),
    ("ỦY BAN NHÂN DÂN HUYỆN VÀ MẶT TRẬN TỔ QUỐC VIỆT NAM", "Ủy ban nhân dân huyện và Mặt trận Tổ quốc Việt Nam"),
    ("VỀ VIỆC TỔ CHỨC HỘI NGHỊ CÁN BỘ", "Về việc tổ chức hội nghị cán bộ"),  # a meeting, not the plenum
    ("XỬ LÝ VI PHẠM HÀNH CHÍNH", "Xử lý vi phạm hành chính"),  # "vi" is a word, not a Roman six
    ("BAN TUYÊN GIÁO TỈNH ỦY NGHỆ AN", "Ban Tuyên giáo Tỉnh ủy Nghệ An"),  # the unit table's names
    ("ỦY BAN KIỂM TRA HUYỆN ỦY", "Ủy ban Kiểm tra Huyện ủy"),
    ("NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH LẦN THỨ XV", "Nghị quyết đại hội Đảng bộ tỉnh lần thứ XV"),
]


@pytest.mark.parametrize("written, expected", EXAMPLES)
def test_sentence_case(written, expected):
    assert sentence_case(written) == expected


def test_text_with_lower_case_letters_is_left_as_written():
    for text in ("Quy định chi tiết một số điều của Luật BHXH", "về công tác dân vận năm 2024", "2024", ""):
        assert sentence_case(text) == text


@given(st.text(max_size=80))
def test_sentence_case_never_raises_and_is_stable(text):
    once = sentence_case(text)
    assert sentence_case(once) == once or not any(c.islower() for c in once)


def test_a_capitalised_title_under_its_heading():
    plan = parse_text("TỈNH ỦY TUYÊN QUANG\nSố 12-KH/TU\n\nKẾ HOẠCH\nTHỰC HIỆN CÔNG TÁC DÂN VẬN NĂM 2024\n\nI. A\n")
    assert plan.title == "Kế hoạch thực hiện công tác dân vận năm 2024"
    law = parse_text("QUỐC HỘI\nLuật số: 61/2020/QH14\n\nLUẬT\nĐẦU TƯ\n\nĐiều 1. Phạm vi\n")
    assert law.title == "Luật Đầu tư"


def test_agency_names_capitalise_each_part():
    from policygraph.ingest.case import agency_case

    for written, expected in [
        ("Bộ lao động - thương binh và xã hội", "Bộ Lao động - Thương binh và Xã hội"),
        ("Sở văn hóa, thể thao và du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Bộ nông nghiệp và phát triển nông thôn", "Bộ Nông nghiệp và Phát triển nông thôn"),
        ("Bộ công thương", "Bộ Công Thương"),
        ("Huyện ủy Hớn Quản", "Huyện ủy Hớn Quản"),  # not an agency: as it is
    ]:
        assert agency_case(written) == expected


def test_the_lower_case_unit_names_pattern_finds_what_the_unit_tables_pattern_finds():
    """case._unit_names_re is unit_names.CASE_FIX_RE without IGNORECASE, for text already in lower case."""
    import random

    from policygraph.ingest import case
    from policygraph.ingest.unit_names import CASE_FIX_RE, CASE_FIXES, CASE_MAP
    from policygraph.text import name_key as fold

    rng = random.Random(3)
    words = [c.lower() for c in CASE_FIXES] + ["uỷ ban nhân dân", "của", "và", "tỉnh", "ban", ",", "-", "x"]
    for _ in range(500):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        fix = lambda m: CASE_MAP.get(fold(m.group(0)), m.group(0))  # noqa: E731
        assert case._unit_names_re().sub(fix, text) == CASE_FIX_RE.sub(fix, text), text
