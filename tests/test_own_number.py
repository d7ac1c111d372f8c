"""The document's own number comes from its frame, and only from there (issue 12)."""

from __future__ import annotations

from policygraph.ingest.pipeline import parse_text


def test_a_frame_flattened_onto_one_line_gives_its_number_and_is_not_cited_by_itself():
    text = (
        "Nội dung Text: Quyết định số 23/2007/QĐ-BLĐTBXH\n\n"
        "1. BỘ LAO ĐỘNG – THƯƠNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM BINH VÀ XÃ HỘI Độc lập – Tự do – Hạnh phúc "
        "******* ******* Số: 23/2007/QĐ-BLĐTBXH Hà Nội, ngày 05 tháng 10 năm 2007 QUYẾT ĐỊNH BAN HÀNH HỆ THỐNG "
        "CHỈ TIÊU BỘ TRƯỞNG BỘ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI Căn cứ Nghị định số 29/2003/NĐ-CP ngày 31 tháng 3 "
        "năm 2003 của Chính phủ; QUYẾT ĐỊNH: Điều 1. Ban hành kèm theo Quyết định này hệ thống chỉ tiêu.\n"
    )
    doc = parse_text(text)
    assert doc.symbol == "23/2007/QĐ-BLĐTBXH" and doc.year == 2007 and doc.level == "central"
    assert [c.symbol for c in doc.citations] == ["29/2003/NĐ-CP"]


def test_a_number_followed_by_no_date_on_its_line_is_no_flattened_frame():
    text = "Tin tức\n\nTheo báo cáo, Số: 12/KH-UBND của tỉnh đã được triển khai rộng rãi trong năm.\n"
    assert parse_text(text).symbol is None


def test_a_news_page_that_reproduces_the_document_it_announces_is_that_document():
    text = (
        "Hướng dẫn tuyên truyền kỷ niệm 100 năm Ngày sinh đồng chí Võ Văn Kiệt\n\nThứ hai - 04/07/2022\n"
        "Ban Tuyên giáo Trung ương ban hành Hướng dẫn số 55-HD/BTGTW về tuyên truyền kỷ niệm 100 năm Ngày sinh "
        "đồng chí Võ Văn Kiệt. Trang thông tin điện tử trân trọng giới thiệu toàn văn bản Hướng dẫn.\n\n"
        "Căn cứ Kết luận số 88-KL/TW, ngày 18/2/2014 của Bộ Chính trị, Ban Tuyên giáo Trung ương hướng dẫn "
        "như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n"
    )
    doc = parse_text(text)
    assert doc.symbol == "55-HD/BTGTW" and doc.level == "central"
    assert [c.symbol for c in doc.citations] == ["88-KL/TW"]  # not the page's own number


def test_a_news_page_that_only_reports_an_issuing_keeps_no_number():
    text = (
        "Ban Thường vụ Tỉnh ủy Đắk Lắk đã ban hành Chỉ thị số 04-CT/TU về tăng cường sự lãnh đạo của Đảng "
        "đối với công tác phòng, chống thiên tai. Chỉ thị yêu cầu các cấp ủy đảng triển khai thực hiện.\n"
    )
    doc = parse_text(text)
    assert doc.symbol is None
    assert [c.symbol for c in doc.citations] == ["04-CT/TU"]


def test_a_frame_number_the_grammar_does_not_know_is_kept_as_written_and_flagged():
    text = (
        "BAN CHỈ ĐẠO 389 TỈNH\n\nSố: 15 /KH-BCĐ389\n\nGia Lai, ngày 10 tháng 3 năm 2024\n\nKẾ HOẠCH\n"
        "Phòng, chống buôn lậu năm 2024\n\nI. MỤC ĐÍCH\n"
    )
    doc = parse_text(text)
    assert doc.symbol == "15 /KH-BCĐ389" and "symbol_nonstandard" in doc.flags
    assert doc.year == 2024


def test_a_cited_number_in_the_preamble_is_never_the_documents_own():
    text = (
        "HUYỆN ỦY BẠCH THÔNG\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nBạch Thông, ngày 10 tháng 3 năm 2024\n\nKẾ HOẠCH\n"
        "thực hiện Chỉ thị số 05-CT/TW\n\nThực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị,\n"
        "Ban Thường vụ Huyện ủy xây dựng kế hoạch như sau:\n\nI. MỤC ĐÍCH\n"
    )
    doc = parse_text(text)
    assert doc.symbol is None
    assert {(c.symbol, c.relation) for c in doc.citations} == {("05-CT/TW", "implements")}


def test_what_a_council_considered_is_no_ground():
    """'Xét Tờ trình …' names the request the council considered (lexicon: triggers.json not_grounds)."""
    text = (
        "HỘI ĐỒNG NHÂN DÂN\nTỈNH BÌNH ĐỊNH\n\nSố: 21/2022/NQ-HĐND\n\nBình Định, ngày 15 tháng 7 năm 2022\n\n"
        "NGHỊ QUYẾT\nVề chính sách hỗ trợ\n\n"
        "Căn cứ Nghị định số 34/2016/NĐ-CP ngày 14 tháng 5 năm 2016 của Chính phủ;\n"
        "Xét Tờ trình số 16/TTr-BVHXH ngày 10/7/2022 của Ban Văn hóa - Xã hội HĐND tỉnh; ý kiến của đại biểu.\n\n"
        "QUYẾT NGHỊ:\nĐiều 1. Thông qua.\n"
    )
    relations = {c.symbol: c.relation for c in parse_text(text).citations}
    assert relations == {"34/2016/NĐ-CP": "based_on", "16/TTr-BVHXH": "references"}


def test_a_news_page_takes_the_level_of_the_body_its_lead_in_reports_on():
    text = (
        "Hưởng ứng cuộc thi\n\n(BĐ) - Ban Tuyên giáo Tỉnh ủy vừa có văn bản đề nghị cấp ủy đảng, cơ quan, đơn vị "
        "trong tỉnh hưởng ứng cuộc thi.\n"
    )
    assert parse_text(text).level == "province"
    text = "Ngày 29 tháng 01 năm 2021 BCH Đảng bộ xã Vi Hương đã tổ chức họp triển khai nhiệm vụ năm 2021.\n"
    assert parse_text(text).level == "commune"
    text = "Các cấp ủy đảng đã quán triệt nghị quyết trong tháng 3.\n"  # a collective says nothing
    assert parse_text(text).level is None
