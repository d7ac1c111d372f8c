"""Citation forms and preamble grammar met in real provincial, district and commune documents.

Each passage is written for this test (names, numbers and wording changed) and keeps the one
grammatical form that matters: a Party symbol typed with "TƯ", a number wrapped onto an
indented PDF line, a document cited by type and number only, a report whose "Thực hiện …"
clause is followed by the actor's own clause, and so on.
"""

from __future__ import annotations

import pytest

from policygraph.ingest.citation_finder import SHORT_TYPE_NAMES, find_citations
from policygraph.ingest.pipeline import parse_text


def _one(text: str, symbol: str):
    got = [c for c in find_citations(text) if c.symbol == symbol]
    assert len(got) == 1, [c.symbol for c in find_citations(text)]
    return got[0]


def _parsed(text: str) -> dict:
    doc = parse_text(text)
    return {c.symbol: c for c in doc.citations}, doc


# --- symbols -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,symbol,level",
    [
        # "TƯ" after the words of a Tỉnh ủy: its TU, typed with Ư
        ("Sau 5 năm thực hiện Nghị quyết 07-NQ/TƯ của Tỉnh ủy (khóa XV), hạ tầng đã đổi mới.", "07-NQ/TU", "province"),
        # "TƯ" after the words of the Central Committee: T.Ư, the Central code TW
        ("theo Nghị quyết số 12-NQ/TƯ ngày 05/3/2019 của Ban Chấp hành Trung ương Đảng", "12-NQ/TW", "central"),
    ],
)
def test_a_party_symbol_typed_with_tu_horn_is_repaired_from_its_issuer_words(text, symbol, level):
    cites, _ = _parsed(text)
    c = cites[symbol]
    assert c.level == level and "issuer_slip" in c.flags


def test_a_number_whose_type_wraps_onto_an_indented_pdf_line():
    c = _one("Ban Bí thư ban hành Kết luận số 204-\n                   KL/TW ngày 3/9/2025 về", "204-KL/TW")
    assert c.date == "2025-09-03"


@pytest.mark.parametrize(
    "text,symbol",
    [
        ("Công văn số 215/SNV ngày 4/3/2022 của Sở Nội vụ", "215/SNV"),
        ("theo đề nghị tại Tờ trình số 88/STP ngày 1/6/2021", "88/STP"),
    ],
)
def test_a_number_and_one_state_code_is_a_symbol_when_a_type_name_introduces_it(text, symbol):
    assert _one(text, symbol).date is not None


def test_a_number_and_one_state_code_alone_is_not_a_symbol():
    assert find_citations("đạt 5/SNV hồ sơ") == []


@pytest.mark.parametrize(
    "text,symbol,level",
    [
        ("Căn cứ Nghị quyết số 14-NQ/BCH ngày 2/1/2020 của Ban Chấp hành Đảng bộ xã", "14-NQ/BCH", "commune"),
        ("Căn cứ Kết luận số 77-KL/BCS ngày 5/5/2014 của Ban cán sự đảng UBND tỉnh", "77-KL/BCS", "province"),
        ("theo Hướng dẫn số 40-HD/BTG ngày 1/8/2019 của Ban Tuyên giáo Đảng ủy Khối", "40-HD/BTG", None),
    ],
)
def test_a_party_body_code_without_its_committee_is_the_partys_not_a_ministrys(text, symbol, level):
    cites, _ = _parsed(text)
    c = cites[symbol]
    assert c.grammar == "party" and "state_in_party_form" not in c.flags
    if level:
        assert c.level == level


def test_a_central_party_bloc_committee_keeps_its_own_code():
    cites, _ = _parsed("Hướng dẫn số 23-HD/ĐUK ngày 28/11/2019 của Đảng ủy Khối Doanh nghiệp Trung ương về đại hội")
    c = cites["23-HD/ĐUK"]
    assert c.level == "central" and "issuer_slip" not in c.flags


def test_a_labelled_own_number_is_not_a_citation():
    assert find_citations("Nghị quyết số: 612/2020/UBTVQH14\n\nHà Nội, ngày 2 tháng 3 năm 2020") == []


# --- the words after a symbol ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text,symbol,issuer",
    [
        ("theo Hướng dẫn số 31-HD/BTGTU ngày 5/1/2023 của Ban Tuyên giáo Tỉnh ủy tuyên truyền các ngày lễ lớn",
         "31-HD/BTGTU", "Ban Tuyên giáo Tỉnh ủy"),
        ("Hướng dẫn số 9-HD/ĐUK ngày 2/3/2016 của Đảng uỷ Khối tỉnh yêu cầu các chi bộ", "9-HD/ĐUK",
         "Đảng uỷ Khối tỉnh"),
        ("theo Nghị quyết số 41-NQ/TW ngày 9/8/2022 của Bộ Chính trị và các kết luận chuyên đề", "41-NQ/TW",
         "Bộ Chính trị"),
        ("Kết luận số 12-KL/TW của Ban Bí thư và Chỉ thị số 8-CT/TU ngày 2/2/2020", "12-KL/TW", "Ban Bí thư"),
        ("Chỉ thị số 21-CT/TW (Chỉ thị số 21) của Ban Bí thư về công tác nữ", "21-CT/TW", "Ban Bí thư"),
    ],
)  # fmt: skip
def test_an_issuer_ends_at_a_verb_a_list_or_the_next_citation_and_follows_a_short_name(text, symbol, issuer):
    assert _one(text, symbol).issuer_text == issuer


@pytest.mark.parametrize(
    "text,symbol,subject",
    [
        # a colon
        ("theo Kế hoạch số 40-KH/HU ngày 2/7/2019 của Huyện ủy về đại hội chi bộ như: tổ chức hội nghị",
         "40-KH/HU", "đại hội chi bộ như"),
        # a comma before the actor, whose first letter is a Vietnamese capital
        ("Thực hiện Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về cơ chế một cửa, Ủy ban nhân dân"
         " huyện ban hành Kế hoạch", "61/2018/NĐ-CP", "cơ chế một cửa"),
        # a line that opens the next preamble clause
        ("Kế hoạch số 17-KH/HU ngày 2/9/2024 về đại hội các cấp\nThực hiện Chỉ thị số 35-CT/TW", "17-KH/HU",
         "đại hội các cấp"),
        # a comma inside brackets does not end it
        ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về khoa học (KHCN, ĐMST) và chuyển đổi số, Ban",
         "57-NQ/TW", "khoa học (KHCN, ĐMST) và chuyển đổi số"),
        # what the text says of the document is not its name
        ("Căn cứ Nghị định số 08/2021/NĐ-CP của Chính phủ quy định về quản lý đường thủy được sửa đổi, bổ sung bởi"
         " Nghị định số 06/2024/NĐ-CP;", "08/2021/NĐ-CP", "quản lý đường thủy"),
        # the next cell of a table row
        ("12. Nghị định số 52/2024/NĐ-CP quy định về thanh toán điện tử Điều 19, khoản 3 Điều 20", "52/2024/NĐ-CP",
         "thanh toán điện tử"),
        # a quote never closed: the clause decides
        ("Hướng dẫn số 23-HD/ĐUK ngày 28/11/2019 “một số nội dung về đại hội. Ngày 10/12/2019, Ban", "23-HD/ĐUK",
         "một số nội dung về đại hội"),
        # "về" after the verb that ended the issuer
        ("Căn cứ Quy định số 42-QĐ/TW ngày 03/10/2016 của Ban Bí thư quy định về nhiệm vụ của thường trực;",
         "42-QĐ/TW", "nhiệm vụ của thường trực"),
        # a type name spaced out still ends the subject before it
        ("Thực hiện Chỉ thị số 05-CT/TW về học tập và Kết  luận  số 01-KL/TW", "05-CT/TW", "học tập"),
    ],
)  # fmt: skip
def test_a_subject_ends_where_its_clause_does(text, symbol, subject):
    assert _one(text, symbol).subject == subject


def test_a_date_and_body_are_shared_only_between_symbols_of_one_body():
    got = find_citations(
        "quán triệt Chỉ thị số 35-CT/TW, Thông tri số 10-TT/TU, Kế hoạch số 168-KH/HU ngày 5-8-2024 của Ban Chấp"
        " hành Đảng bộ huyện về đại hội"
    )
    assert [(c.symbol, c.date, c.issuer_text) for c in got[:2]] == [("35-CT/TW", None, None), ("10-TT/TU", None, None)]
    assert got[2].date == "2024-08-05"


def test_a_body_is_shared_by_symbols_that_have_their_own_dates():
    got = find_citations(
        "ban hành kèm theo Nghị định số 52/1999/NĐ-CP ngày 08/7/1999 và Nghị định số 12/2000/NĐ-CP ngày 05/5/2000"
        " của Chính phủ; Luật số 19/2000/QH10 và Luật số 45/2019/QH14 của Quốc hội"
    )
    assert [c.issuer_text for c in got] == ["Chính phủ", "Chính phủ", "Quốc hội", "Quốc hội"]
    assert [c.date for c in got[:2]] == ["1999-07-08", "2000-05-05"]


# --- a central Party document cited by type and number only ---------------------------------


@pytest.mark.parametrize(
    "text,symbol,year,term",
    [
        ("Thực hiện Chỉ thị số 35 ngày 30/5/2019 của Bộ chính trị về đại hội", "35-CT/TW", 2019, None),
        ("về kết quả 5 năm thực hiện Kết luận số 120 ngày 07-01-2016 của Bộ Chính trị khoá XI về dân chủ",
         "120-KL/TW", 2016, "XI"),
        ("tổng kết Nghị quyết số 18 ngày 25-10-2017 của Ban Chấp hành Trung ương Đảng khóa XII", "18-NQ/TW", 2017,
         "XII"),
        ("theo Quyết định 99 ngày 30/5/2012 của Ban Bí thư", "99-QĐ/TW", 2012, None),
    ],
)  # fmt: skip
def test_a_central_party_document_cited_by_number_and_date_is_resolved(text, symbol, year, term):
    c = _one(text, symbol)
    assert (c.year, c.term, c.level) == (year, term, "central")
    assert "symbol_inferred" in c.flags and text[c.start : c.end] == c.written


@pytest.mark.parametrize(
    "text",
    [
        "quán triệt Chỉ thị 35 của Bộ Chính trị về đại hội",  # 35-CT/TW of 2019, or of 2024?
        "Thực hiện Kế hoạch số 101 ngày 3/3/2020 của Tỉnh ủy",  # a local body: whose code?
        "Căn cứ Quy định số 29 ngày 25/7/2016 của Ban Chấp hành Trung ương",  # QĐ/TW or QĐi/TW?
        "theo Nghị quyết số 18 ngày 2/3/2021 của Chính phủ",  # a State number carries its year and code
        "Chỉ thị số 05 và 06-CT/TW ngày 2/2/2016 của Bộ Chính trị",  # an enumeration, not a short reference
    ],
)
def test_a_number_without_a_symbol_is_left_alone_when_it_is_not_unique(text):
    assert [c for c in find_citations(text) if "symbol_inferred" in c.flags] == []


def test_short_type_names_are_party_type_names():
    from policygraph.ingest import tables

    for name in SHORT_TYPE_NAMES:
        assert "party" in tables.name_to_codes()[name.lower()]


# --- what the preamble's trigger governs ----------------------------------------------------


def test_a_report_implements_its_guidance_and_only_reports_on_the_resolution():
    cites, _ = _parsed(
        "Thực hiện Hướng dẫn số 52-HD/BTGTW ngày 2/3/2023 của Ban Tuyên giáo Trung ương, Ban Thường vụ Huyện ủy"
        " báo cáo kết quả 5 năm thực hiện Nghị quyết số 26-NQ/TW ngày 19/5/2018 của Ban Chấp hành Trung ương như"
        " sau:\n\nI. KẾT QUẢ\n"
    )
    assert cites["52-HD/BTGTW"].relation == "implements"
    assert cites["26-NQ/TW"].relation == "references"


def test_the_plan_the_actor_issues_implements_what_the_clause_carries_out():
    doc = parse_text(
        "Thực hiện Chỉ thị số 45-CT/TW ngày 14/4/2025 của Bộ Chính trị; Kế hoạch số 47-KH/TU ngày 2/5/2025"
        " của Tỉnh ủy, Huyện ủy Tân Phú đã xây dựng Kế hoạch số 210-KH/HU ngày 9/5/2025 về đại hội đảng bộ."
    )
    rel = {c.symbol: c.relation for c in doc.citations}
    assert rel == {"45-CT/TW": "implements", "47-KH/TU": "implements", "210-KH/HU": "references"}
    edges = {(doc.citations[a.source].symbol, doc.citations[a.target].symbol) for a in doc.asserted}
    assert edges == {("210-KH/HU", "45-CT/TW"), ("210-KH/HU", "47-KH/TU")}


def test_after_a_date_and_a_full_stop_the_actor_still_ends_the_clause():
    doc = parse_text(
        "Thực hiện Kế hoạch số 81-KH/ĐUK ngày 15/8/2019 của Đảng ủy Khối về đại hội. Ngày 10/12/2019, Ban Thường vụ"
        " Đảng ủy đã ban hành Kế hoạch số 101-KH/ĐU về đại hội các chi bộ."
    )
    edges = {(doc.citations[a.source].symbol, doc.citations[a.target].symbol) for a in doc.asserted}
    assert ("101-KH/ĐU", "81-KH/ĐUK") in edges


def test_the_document_that_names_itself_in_the_actor_clause_implements():
    cites, _ = _parsed(
        "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về chuyển đổi số, Ban Thường vụ Tỉnh ủy"
        " ban hành Chương trình hành động thực hiện Nghị quyết số 58-NQ/TW như sau:\n\nI. MỤC ĐÍCH\n"
    )
    assert cites["57-NQ/TW"].relation == cites["58-NQ/TW"].relation == "implements"


def test_a_citation_inside_the_previous_ones_subject_is_referenced():
    cites, _ = _parsed(
        "Thực hiện Kế hoạch số 03-KH/TW ngày 25/7/2016 của Ban Bí thư về tổ chức sơ kết việc thực hiện Chỉ thị số"
        " 05-CT/TW ngày 15/5/2016 của Bộ Chính trị, Ban Thường vụ Huyện ủy xây dựng kế hoạch như sau:\n\nI. MỤC\n"
    )
    assert cites["03-KH/TW"].relation == "implements"
    assert cites["05-CT/TW"].relation == "references"


def test_a_citation_the_subject_joins_by_va_trien_khai_is_still_governed():
    cites, _ = _parsed(
        "Thực hiện Nghị quyết số 11/NQ-CP ngày 30/01/2022 của Chính phủ về phục hồi kinh tế và triển khai Nghị quyết"
        " số 43/2022/QH15 của Quốc hội, Ủy ban nhân dân tỉnh ban hành Chương trình như sau:\n\nI. MỤC\n"
    )
    assert cites["11/NQ-CP"].relation == cites["43/2022/QH15"].relation == "implements"


def test_an_amending_document_shares_the_basis():
    cites, _ = _parsed(
        "Căn cứ Nghị định số 08/2021/NĐ-CP của Chính phủ quy định về quản lý đường thủy được sửa đổi, bổ sung bởi"
        " Nghị định số 06/2024/NĐ-CP;\n\nQUYẾT ĐỊNH:\nĐiều 1."
    )
    assert cites["08/2021/NĐ-CP"].relation == cites["06/2024/NĐ-CP"].relation == "based_on"


def test_a_trigger_after_a_heading_on_a_line_whose_ends_were_lost():
    cites, _ = _parsed(
        "QUYẾT ĐỊNH VỀ VIỆC BAN HÀNH CHỈ TIÊU BỘ TRƯỞNG BỘ NỘI VỤ Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12/9/2022"
        " của Chính phủ; QUYẾT ĐỊNH: Điều 1. Ban hành"
    )
    assert cites["63/2022/NĐ-CP"].relation == "based_on"


def test_a_short_reference_to_a_notice_of_conclusions_is_a_notice():
    c = _one("theo Thông báo kết luận số 264 ngày 31/7/2009 của Bộ Chính trị", "264-TB/TW")
    assert c.date == "2009-07-31"


def test_a_slash_may_stand_for_the_dash_after_a_state_type():
    c = _one("Căn cứ Thông tư liên tịch số 42/2011/TTLT/BNV-BTC ngày 2 tháng 3 năm 2011", "42/2011/TTLT-BNV-BTC")
    assert c.date == "2011-03-02" and c.doc_type == "TTLT"


def test_the_number_label_of_a_text_whose_line_ends_were_lost_is_its_own():
    assert find_citations("BỘ NỘI VỤ ******* Số: 17/2009/QĐ-BNV Hà Nội, ngày 2 tháng 3 năm 2009 QUYẾT ĐỊNH") == []
