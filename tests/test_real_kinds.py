"""Kinds of real documents met in a review of public texts: decisions that issue a plan or a set of rules,
plans that list their grounds in a section of their own, council resolutions that weigh a Tờ trình,
reports, and documents of the two-level administration (after 1 July 2025).

Every passage is written for this test (names, numbers and wording changed); each keeps the one
grammatical form that matters.
"""

from __future__ import annotations

import pytest

from policygraph.ingest import symbols
from policygraph.ingest.case import sentence_case
from policygraph.ingest.pipeline import parse_text


def _relations(text: str) -> list[tuple[str, str]]:
    return [(c.symbol, c.relation) for c in parse_text(text).citations]


def _edges(text: str) -> set[tuple[str, str, str]]:
    doc = parse_text(text)
    return {(doc.citations[a.source].symbol, a.type, doc.citations[a.target].symbol) for a in doc.asserted}


# --- symbols ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,symbol,level",
    [
        # a ministry numbers its letters without the "B" of Bộ
        (
            "Thực hiện Công văn số 3105/LĐTBXH-TE ngày 04/9/2015 của Bộ Lao động - Thương binh và Xã hội.",
            "3105/LĐTBXH-TE",
            "central",
        ),
        # the Office of a People's Committee submits a Tờ trình, after "số" and a line end
        ("Theo đề nghị tại Tờ trình số\n57/TTr-VPUB ngày 12/10/2019 của Chánh Văn phòng,", "57/TTr-VPUB", "province"),
        # a wrapped text breaks the line after the dash between two code segments
        ("Xét đề nghị của Sở tại Tờ trình số 218/TTr -\nNN&PTNT ngày 03/4/2016,", "218/TTr-NN&PTNT", "province"),
        ("theo Nghị định số 91/2019/NĐ-\nCP ngày 19/11/2019 của Chính phủ", "91/2019/NĐ-CP", "central"),
        # a dotted abbreviation inside a segment: Thường trực HĐND, jointly with UBND
        ("Căn cứ Quy chế số 03/QC-TT.HĐND-UBND ngày 11/5/2017 của tỉnh;", "03/QC-TT.HĐND-UBND", "province"),
    ],
)
def test_state_symbols_of_letters_offices_and_wrapped_codes_are_found(text, symbol, level):
    got = {c.symbol: c for c in parse_text(text).citations}
    assert symbol in got, list(got)
    assert got[symbol].level == level


@pytest.mark.parametrize(
    "text",
    [
        "Quyết định số 12/QĐ-UBND. Theo đó, các sở thực hiện.",  # a full stop after the code ends it
        "Quyết định số 12/QĐ-UBND.\nĐiều 2. Hiệu lực",
    ],
)
def test_a_full_stop_after_a_state_symbol_is_not_a_dotted_code(text):
    assert [c.symbol for c in parse_text(text).citations] == ["12/QĐ-UBND"]


def test_a_dash_at_a_line_end_joins_only_a_code_segment():
    # the next line opens a sentence with a word the code alphabet cannot spell: not a segment
    assert [c.symbol for c in parse_text("theo Quyết định số 40/QĐ-UBND -\nCăn cứ tình hình").citations] == [
        "40/QĐ-UBND"
    ]


def test_a_joint_standing_committee_symbol_is_its_own_number():
    text = (
        "THƯỜNG TRỰC\nHĐND - UBND TỈNH YÊN BÁI\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n\nSố: 04/QC-TT.HĐND-UBND\n\nYên Bái, ngày 02 tháng 4 năm 2018\n\n"
        "QUY CHẾ\nPHỐI HỢP CÔNG TÁC GIỮA THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN TỈNH VÀ ỦY BAN NHÂN DÂN TỈNH\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
    )
    doc = parse_text(text)
    assert (doc.symbol, doc.doc_type, doc.level, doc.place.province) == (
        "04/QC-TT.HĐND-UBND",
        "QC",
        "province",
        "Yên Bái",
    )
    assert doc.issuer == "Thường trực HĐND - UBND tỉnh Yên Bái"
    assert symbols.canonical("04/QC-TT.HĐND-UBND") == "04/QC-TT.HĐND-UBND"


# --- relations: the grammar of preambles --------------------------------------------------------

_GROUNDS_PLAN = (
    "ỦY BAN NHÂN DÂN\nTỈNH BẾN TRE\n\nSố: 210/KH-UBND\n\nBến Tre, ngày 05 tháng 11 năm 2023\n\n"
    "KẾ HOẠCH\nTHỰC HIỆN CHƯƠNG TRÌNH PHÁT TRIỂN DU LỊCH NÔNG THÔN GIAI ĐOẠN 2023-2025\n"
    "I. CĂN CỨ XÂY DỰNG\nKẾ HOẠCH\n"
    "1. Quyết định số 922/QĐ-TTg ngày 02 tháng 8 năm 2022 của Thủ tướng Chính phủ phê duyệt Chương trình;{gap}"
    "2. Nghị quyết số 11-NQ/TU ngày 20 tháng 5 năm 2021 của Ban Chấp hành Đảng bộ tỉnh về du lịch.{gap}"
    "3. Thực hiện Công văn số 1450/BVHTTDL-DL ngày 18/4/2023 của Bộ Văn hóa, Thể thao và Du lịch.\n"
    "II. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nTriển khai có hiệu quả Quyết định số 922/QĐ-TTg.\n"
)


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_what_a_plan_lists_under_its_grounds_heading_is_based_on(gap):
    got = _relations(_GROUNDS_PLAN.format(gap=gap))
    # the list's own trigger ("Thực hiện …") wins; the body after "II." only references
    assert got == [
        ("922/QĐ-TTg", "based_on"),
        ("11-NQ/TU", "based_on"),
        ("1450/BVHTTDL-DL", "implements"),
        ("922/QĐ-TTg", "references"),
    ]


def test_a_first_section_that_is_not_the_grounds_still_ends_the_preamble():
    text = (
        "KẾ HOẠCH\nTổ chức hội thi\n\nCăn cứ Quyết định số 15/QĐ-UBND ngày 02/01/2024 của UBND tỉnh;\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\nCăn cứ vào Quyết định số 16/QĐ-UBND ngày 03/01/2024, các đơn vị đăng ký.\n"
    )
    assert _relations(text) == [("15/QĐ-UBND", "based_on"), ("16/QĐ-UBND", "references")]


def test_on_the_basis_of_is_a_ground_and_a_sentence_may_open_with_it():
    text = (
        "KẾ HOẠCH\nKiểm tra năm 2024\n\nThực hiện Nghị định số 38/2022/NĐ-CP ngày 10/6/2022 của Chính phủ"
        " về quản lý chương trình. Trên cơ sở Kế hoạch số 512/KH-UBND ngày 02/3/2023 của UBND tỉnh,"
        " UBND tỉnh ban hành Kế hoạch như sau:\n\nI. MỤC ĐÍCH\n"
    )
    assert _relations(text) == [("38/2022/NĐ-CP", "implements"), ("512/KH-UBND", "based_on")]


def test_a_tờ_trình_weighed_on_the_basis_of_consideration_is_only_referenced():
    text = (
        "NGHỊ QUYẾT\nVề đặt tên đường\n\nCăn cứ Nghị định số 91/2005/NĐ-CP ngày 11/7/2005 của Chính phủ;\n\n"
        "Trên cơ sở xem xét Tờ trình số 64/TTr-UBND ngày 02/7/2015 của Ủy ban nhân dân tỉnh và Báo cáo thẩm tra"
        " số 12/BC-VHXH ngày 05/7/2015 của Ban Văn hóa - Xã hội,\n\nQUYẾT NGHỊ:\n"
    )
    assert _relations(text) == [
        ("91/2005/NĐ-CP", "based_on"),
        ("64/TTr-UBND", "references"),
        ("12/BC-VHXH", "references"),
    ]


_DECISION_ISSUING_A_PLAN = (
    "ỦY BAN NHÂN DÂN\nTỈNH KHÁNH HÒA\n\nSố: 1870/QĐ-UBND\n\nKhánh Hòa, ngày 14 tháng 8 năm 2025\n\n"
    "QUYẾT ĐỊNH\n{title}\n\nỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA\n\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"
    "Căn cứ Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ ban hành Chương trình hành động thực hiện"
    " Nghị quyết số 57-NQ/TW;\n"
    "Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ tại Tờ trình số 95/TTr-SKHCN ngày 01/8/2025.\n\n"
    "QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Nghị quyết số 57-NQ/TW.\n"
)


@pytest.mark.parametrize(
    "title",
    [
        "Ban hành Kế hoạch thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
        "VỀ VIỆC BAN HÀNH KẾ HOẠCH TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW\nNGÀY 22/12/2024 CỦA BỘ CHÍNH TRỊ",
        "Phê duyệt Đề án thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
    ],
)
def test_a_decision_that_issues_a_plan_carrying_a_resolution_out_implements_it(title):
    text = _DECISION_ISSUING_A_PLAN.format(title=title)
    got = _relations(text)
    assert got[0] == ("57-NQ/TW", "implements")
    assert ("71/NQ-CP", "based_on") in got and ("95/TTr-SKHCN", "references") in got
    # what the cited resolution says it carries out is that resolution's edge, not the decision's ground
    assert got[2] == ("57-NQ/TW", "references")
    assert _edges(text) == {("71/NQ-CP", "implements", "57-NQ/TW")}


def test_a_decision_that_issues_rules_implements_nothing():
    # no "thực hiện" in the title; Điều 1 ("Ban hành kèm theo … Kế hoạch thực hiện …") is past the preamble
    text = _DECISION_ISSUING_A_PLAN.format(title="Ban hành Quy chế làm việc của Ban Chỉ đạo")
    assert _relations(text) == [
        ("71/NQ-CP", "based_on"),
        ("57-NQ/TW", "references"),
        ("95/TTr-SKHCN", "references"),
        ("57-NQ/TW", "references"),
    ]


# --- reports ------------------------------------------------------------------------------------

_REPORT = (
    "ĐẢNG BỘ TỈNH QUẢNG TRỊ\nHUYỆN ỦY TRIỆU PHONG\n*\nSố 214-BC/HU\n\n"
    "ĐẢNG CỘNG SẢN VIỆT NAM\nTriệu Phong, ngày 20 tháng 5 năm 2024\n\n"
    "BÁO CÁO\nkết quả 5 năm thực hiện Nghị quyết số 09-NQ/TU ngày 14/6/2019 của Tỉnh ủy về kinh tế biển\n\n"
    "{preamble}\n\nI. KẾT QUẢ THỰC HIỆN\n"
)


def test_a_report_carries_out_what_its_preamble_says_and_reports_on_its_subject():
    """ "Thực hiện X, [body] báo cáo kết quả …": the report is one of the acts that carry X out (X asks for it);
    the resolution reported on (title, and after the actor's clause) is its subject: references."""
    text = _REPORT.format(
        preamble="Thực hiện Kế hoạch số 188-KH/TU ngày 05/3/2024 của Ban Thường vụ Tỉnh ủy về sơ kết Nghị quyết"
        " số 09-NQ/TU, Ban Thường vụ Huyện ủy báo cáo kết quả thực hiện Nghị quyết số 09-NQ/TU như sau:"
    )
    doc = parse_text(text)
    assert (doc.symbol, doc.doc_type, doc.level, doc.place.district) == ("214-BC/HU", "BC", "district", "Triệu Phong")
    assert _relations(text) == [
        ("09-NQ/TU", "references"),  # the title: "kết quả … thực hiện" is what is reported
        ("188-KH/TU", "implements"),
        ("09-NQ/TU", "references"),  # the subject of the plan 188-KH/TU
        ("09-NQ/TU", "references"),  # after the actor's clause
    ]


def test_a_report_whose_preamble_names_the_resolution_itself_implements_it():
    text = _REPORT.format(
        preamble="Thực hiện Nghị quyết số 09-NQ/TU ngày 14/6/2019 của Tỉnh ủy về kinh tế biển, Ban Thường vụ"
        " Huyện ủy báo cáo kết quả 5 năm thực hiện như sau:"
    )
    assert _relations(text) == [("09-NQ/TU", "references"), ("09-NQ/TU", "implements")]


# --- the two-level administration (after 1 July 2025) ----------------------------------------------


def test_a_commune_party_committee_plan_after_july_2025():
    text = (
        "ĐẢNG BỘ TỈNH NINH BÌNH\nĐẢNG ỦY XÃ GIA VIỄN\n*\nSố 21-KH/ĐU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Gia Viễn, ngày 15 tháng 9 năm 2025\n\nKẾ HOẠCH\nthực hiện Nghị quyết số 66-NQ/TW của Bộ Chính trị\n\n"
        "Thực hiện Kế hoạch số 33-KH/TU ngày 20/8/2025 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Đảng ủy xã"
        " xây dựng kế hoạch như sau:\n\nI. MỤC ĐÍCH\n"
    )
    doc = parse_text(text)
    assert (doc.symbol, doc.level, doc.place.province, doc.place.district, doc.place.commune) == (
        "21-KH/ĐU",
        "commune",
        "Ninh Bình",
        None,
        "Gia Viễn",
    )
    assert _relations(text) == [("66-NQ/TW", "implements"), ("33-KH/TU", "implements")]


def test_the_party_committee_of_a_provincial_peoples_committee_is_the_issuer():
    text = (
        "ĐẢNG BỘ TỈNH GIA LAI\nĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH\n*\nSố 09-KH/ĐU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Gia Lai, ngày 06 tháng 10 năm 2025\n\nKẾ HOẠCH\ntổ chức quán triệt Nghị quyết\n\n"
        "Thực hiện Hướng dẫn số 11-HD/BTGDVTU ngày 25/9/2025 của Ban Tuyên giáo và Dân vận Tỉnh ủy, Ban Thường"
        " vụ Đảng ủy xây dựng kế hoạch như sau:\n\nI. MỤC ĐÍCH\n"
    )
    doc = parse_text(text)
    assert (doc.level, doc.place.province) == ("province", "Gia Lai")
    assert doc.issuer == "Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh Gia Lai"


def test_a_commune_committee_keeps_the_tone_marks_of_its_name():
    """Folded, "Xuân Đông" and "Xuân Đồng" are one key: the text's own marks say which commune."""
    assert sentence_case("ỦY BAN NHÂN DÂN XÃ XUÂN ĐÔNG") == "Ủy ban nhân dân xã Xuân Đông"
    assert sentence_case("ỦY BAN NHÂN DÂN XÃ XUÂN ĐỒNG") == "Ủy ban nhân dân xã Xuân Đồng"
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ XUÂN ĐÔNG\n\nSố: 77/KH-UBND\nXuân Đông, ngày 10 tháng 9 năm 2025\n\n"
        "KẾ HOẠCH\ntriển khai thực hiện Kế hoạch số 301/KH-UBND ngày 01/9/2025 của Ủy ban nhân dân tỉnh Đồng Nai\n\n"
        "I. MỤC ĐÍCH\n"
    )
    doc = parse_text(text)
    assert (doc.level, doc.place.province, doc.place.commune) == ("commune", "Đồng Nai", "Xuân Đông")
    assert doc.issuer == "Ủy ban nhân dân xã Xuân Đông"
    assert _relations(text) == [("301/KH-UBND", "implements")]


def test_the_enacting_sentence_may_name_the_framed_body_by_its_initials():
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n\nSố: 3120/KH-UBND\n\nQuảng Ngãi, ngày 02 tháng 6 năm 2023\n\n"
        "KẾ HOẠCH\nGiám sát chương trình năm 2023\n\nThực hiện Nghị định số 27/2022/NĐ-CP ngày 19/4/2022 của"
        " Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:\n\nI. MỤC ĐÍCH\n"
    )
    assert parse_text(text).issuer == "Ủy ban nhân dân tỉnh Quảng Ngãi"


def test_a_document_named_inside_what_a_ground_does_is_only_referenced():
    text = (
        "NGHỊ QUYẾT\nVề đặt tên đường\n\n"
        "Căn cứ Thông tư số 52/2009/TT-BVHTT ngày 10/5/2009 của Bộ Văn hóa - Thông tin (nay là Bộ Văn hóa,"
        " Thể thao và Du lịch) hướng dẫn một số điều của Quy chế đặt tên đường ban hành kèm theo Nghị định số"
        " 77/2006/NĐ-CP ngày 11/7/2006 của Chính phủ;\n\nQUYẾT NGHỊ:\n"
    )
    assert _relations(text) == [("52/2009/TT-BVHTT", "based_on"), ("77/2006/NĐ-CP", "references")]


def test_a_text_amended_by_a_ground_is_a_ground_as_amended():
    text = (
        "THÔNG TƯ\nHướng dẫn đấu thầu\n\n"
        "Căn cứ Nghị định số 12/2023/NĐ-CP ngày 14/3/2023 của Chính phủ sửa đổi, bổ sung một số điều của Nghị"
        " định số 63/2014/NĐ-CP ngày 26/6/2014 của Chính phủ;\n\nĐiều 1.\n"
    )
    assert _relations(text) == [("12/2023/NĐ-CP", "based_on"), ("63/2014/NĐ-CP", "based_on")]


def test_a_council_committee_report_is_of_the_councils_level_not_a_communes():
    # "Xã hội" in "Ban Văn hóa - Xã hội" is society, not a commune ("xã")
    text = (
        "NGHỊ QUYẾT\nVề chính sách\n\nXét Báo cáo thẩm tra số 21/BC-VHXH ngày 02/12/2020 của Ban Văn hóa - Xã hội"
        " Hội đồng nhân dân tỉnh Phú Yên,\n\nQUYẾT NGHỊ:\n"
    )
    (c,) = parse_text(text).citations
    assert (c.symbol, c.level, c.place.province, c.relation) == ("21/BC-VHXH", "province", "Phú Yên", "references")
