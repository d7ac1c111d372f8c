"""How a document relates to what its preamble cites: the trigger opens a clause or a line."""

from policygraph.ingest.pipeline import parse_text


def relations(text: str) -> list[tuple[str, str]]:
    return [(c.symbol, c.relation) for c in parse_text(text).citations]


def test_a_trigger_inside_a_sentence_is_not_a_preamble_trigger():
    # a consolidated text lists the amending circulars; "phân cấp thực hiện thủ tục" is not "Thực hiện …"
    text = (
        "THÔNG TƯ\nQuy định về quản lý vật liệu nổ công nghiệp\n"
        "Thông tư số 23/2024/TT-BCT ngày 07 tháng 11 năm 2024 của Bộ trưởng Bộ Công Thương, được sửa đổi bởi: \n"
        "1. Thông tư số 38/2025/TT-BCT ngày 19 tháng 6 năm 2025 của Bộ trưởng Bộ Công Thương sửa đổi quy định về "
        "phân cấp thực hiện \nthủ tục hành chính; \n"
        "2. Thông tư số 15/2026/TT-BCT ngày 25 tháng 3 năm 2026 của Bộ trưởng Bộ Công Thương; \n"
        "Căn cứ Nghị định số 96/2022/NĐ-CP ngày 29 tháng 11 năm 2022 của Chính phủ; \n\nChương I\nQUY ĐỊNH CHUNG\n"
    )
    assert relations(text) == [("23/2024/TT-BCT", "references"), ("38/2025/TT-BCT", "references"),
                               ("15/2026/TT-BCT", "references"), ("96/2022/NĐ-CP", "based_on")]


def test_citations_joined_by_va_share_the_trigger():
    text = (
        "KẾ HOẠCH\nvề công tác dân vận\n\nThực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương "
        "và Kế hoạch số 12-KH/TU ngày 05/8/2013 của Tỉnh ủy, Huyện ủy xây dựng Kế hoạch như sau:\n\nI. MỤC ĐÍCH\n"
    )
    assert relations(text) == [("25-NQ/TW", "implements"), ("12-KH/TU", "implements")]


def test_a_title_and_its_preamble_citing_one_document_assert_no_edge_between_them():
    text = (
        "KẾ HOẠCH\ntriển khai thực hiện Chương trình hành động số 30-CTr/TU\n\n"
        "Thực hiện Chương trình hành động số 30-CTr/TU ngày 10/9/2013 của Tỉnh ủy thực hiện Nghị quyết số 25-NQ/TW "
        "ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI), Ủy ban nhân dân tỉnh ban hành Kế hoạch:\n\nI. X\n"
    )
    doc = parse_text(text)
    assert [(c.symbol, c.relation) for c in doc.citations] == [
        ("30-CTr/TU", "implements"), ("30-CTr/TU", "implements"), ("25-NQ/TW", "references")]
    assert [(doc.citations[a.source].symbol, doc.citations[a.target].symbol) for a in doc.asserted] == [
        ("30-CTr/TU", "25-NQ/TW")]
    assert doc.asserted[0].source == 1  # stated in the preamble sentence, not from the title


def test_lead_in_words_before_the_trigger():
    text = ("KẾ HOẠCH\nthử\n\nĐể triển khai thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị, "
            "Tỉnh ủy xây dựng Kế hoạch:\n\nI. MỤC ĐÍCH\n")
    assert relations(text) == [("05-CT/TW", "implements")]


def test_a_bare_year_after_a_symbol_dates_it_but_is_not_shared_backwards():
    from policygraph.ingest.citation_finder import find_citations

    found = find_citations("Thực hiện Quyết định số 1719/QĐ-TTg, 90/QĐ-TTg năm 2022 của Thủ tướng Chính phủ")
    assert [(c.symbol, c.date, c.year, c.issuer_text) for c in found] == [
        ("1719/QĐ-TTg", None, None, "Thủ tướng Chính phủ"), ("90/QĐ-TTg", None, 2022, "Thủ tướng Chính phủ")]


def test_other_words_that_implement():
    head = "HUYỆN ỦY CHƯ SÊ\n*\nSố 12-KH/HU\n\nKẾ HOẠCH\nvề công tác dân vận\n\n"
    for opening in ("Để cụ thể hóa", "Cụ thể hoá", "Quán triệt và triển khai thực hiện", "Quán triệt, thực hiện"):
        text = f"{head}{opening} Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương, Huyện ủy " \
               "xây dựng kế hoạch như sau:\n\nI. MỤC ĐÍCH\n"
        assert relations(text) == [("25-NQ/TW", "implements")], opening
    # "quán triệt" alone (study a resolution) is not carrying it out
    text = f"{head}Quán triệt Nghị quyết số 25-NQ/TW ngày 03/6/2013 đến cán bộ.\n\nI. MỤC ĐÍCH\n"
    assert relations(text) == [("25-NQ/TW", "references")]


def test_a_title_on_the_headings_line_or_under_a_heading_in_sentence_case_implements():
    head = "HUYỆN ỦY CHƯ SÊ\n*\nSố 12-KH/HU\nChư Sê, ngày 10 tháng 3 năm 2019\n"
    title = "triển khai thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương"
    for heading in ("\nKẾ HOẠCH ", "\nKế hoạch\n", "Kế hoạch\n", "\n## Kế hoạch\n"):
        doc = parse_text(f"{head}{heading}{title}\n\nI. MỤC ĐÍCH\nNội dung.\n")
        assert [(c.symbol, c.relation) for c in doc.citations] == [("25-NQ/TW", "implements")], heading
        assert (doc.doc_type_name, doc.title) == ("Kế hoạch", f"Kế hoạch {title}"), heading
