"""A document's own identity from the parts of its frame that survive."""

from pathlib import Path

from policygraph.ingest.models import Place
from policygraph.ingest.pipeline import parse_file, parse_text

GAZETTE = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "gazette"


def test_the_date_line_places_a_district_plan_whose_frame_lost_the_name():
    text = "HUYỆN ỦY\n*\nSố 52-KH/HU\nHớn Quản, ngày 15 tháng 11 năm 2016\n\nKẾ HOẠCH\nvề công tác dân vận\n\nI. A\n"
    doc = parse_text(text)
    assert (doc.level, doc.place.province, doc.place.district, doc.date) == (
        "district", "Bình Phước", "Hớn Quản", "2016-11-15")


def test_a_district_name_shared_by_provinces_does_not_place_a_document():
    # "Châu Thành" is a district of several provinces: the date line alone cannot choose
    text = "HUYỆN ỦY\n*\nSố 52-KH/HU\nChâu Thành, ngày 15 tháng 11 năm 2016\n\nKẾ HOẠCH\nvề công tác dân vận\n\nI. A\n"
    doc = parse_text(text)
    assert doc.place.province is None and doc.place.district is None and "place_unresolved" in doc.flags


def test_a_law_without_its_number_is_still_a_central_document_of_the_national_assembly():
    doc = parse_file(GAZETTE / "luat-so-26-2012-qh13-6276.txt")
    assert doc.symbol is None and doc.level == "central" and doc.issuer == "Quốc hội"
    assert doc.title.startswith("Luật Sửa đổi, bổ sung")


STATE_PLAN = (
    "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\nSố: 1234/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nQuảng Nam, ngày 05 tháng 3 năm 2019\n\nKẾ HOẠCH\n"
    "Triển khai thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ\n\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
    "Thực hiện Chương trình hành động số 25-CTr/TU ngày 10/01/2019 của Tỉnh ủy về thực hiện Nghị quyết số "
    "18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII;\n"
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n"
    "1. Sở Nội vụ chủ trì, phối hợp với các sở, ngành liên quan tham mưu UBND tỉnh triển khai thực hiện.\n"
    "2. UBND các huyện, thị xã, thành phố xây dựng kế hoạch thực hiện.\n\n"
    "Nơi nhận:\n- Văn phòng Chính phủ (b/c);\n- Lưu: VT, NC.\n"
    "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Văn Tân\n"
)
PARTY_DIRECTIVE = (
    "TỈNH ỦY GIA LAI\n*\nSố 12-CT/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nPleiku, ngày 20 tháng 7 năm 2021\n\nCHỈ THỊ\n"
    "của Ban Thường vụ Tỉnh ủy về tăng cường sự lãnh đạo của Đảng đối với công tác dân vận\n\n"
    "Thực hiện Kết luận số 114-KL/TW, ngày 14/7/2015 của Ban Bí thư về nâng cao hiệu quả công tác dân vận; "
    "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng thực hiện tốt một số nội dung sau:\n\n"
    "1. Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy quán triệt Chỉ thị này.\n"
    "2. Giao Ban Dân vận Tỉnh ủy chủ trì, phối hợp Ban Tuyên giáo Tỉnh ủy theo dõi, đôn đốc.\n\n"
    "T/M BAN THƯỜNG VỤ\nBÍ THƯ\nHồ Văn Niên\n"
)


def test_a_provincial_state_plan_signed_on_behalf_of_the_committee():
    doc = parse_text(STATE_PLAN)
    assert (doc.symbol, doc.doc_type, doc.date, doc.level, doc.place.province) == (
        "1234/KH-UBND", "KH", "2019-03-05", "province", "Quảng Nam")
    assert doc.issuer == "Ủy ban nhân dân tỉnh Quảng Nam"  # "TM." names the body, "KT. CHỦ TỊCH" the signer
    assert [(c.symbol, c.relation) for c in doc.citations] == [
        ("33/CT-TTg", "implements"), ("25-CTr/TU", "implements"), ("18-NQ/TW", "references")]
    assert doc.citations[1].place.province == "Quảng Nam" and doc.citations[2].term == "XII"
    assert (doc.units.signer_name, doc.units.signer_title) == ("Trần Văn Tân", "Phó Chủ tịch")


def test_a_directive_numbered_without_sections_gives_tasks_from_its_first_item():
    doc = parse_text(PARTY_DIRECTIVE)
    assert (doc.symbol, doc.level, doc.place.province, doc.issuer) == (
        "12-CT/TU", "province", "Gia Lai", "Ban Thường vụ Tỉnh ủy Gia Lai")
    assert [(c.symbol, c.relation) for c in doc.citations] == [("114-KL/TW", "implements")]
    assert [(a.unit.name, a.role) for a in doc.units.assigns] == [
        ("Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy", "execute"),
        ("Ban Dân vận Tỉnh ủy", "lead"), ("Ban Tuyên giáo Tỉnh ủy", "support")]


COMMUNE_PLAN = (
    "ĐẢNG BỘ HUYỆN CHIÊM HÓA\nĐẢNG ỦY XÃ VINH QUANG\n*\nSố 15-KH/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
    "Vinh Quang, ngày 12 tháng 3 năm 2022\n\nKẾ HOẠCH\nthực hiện Kế hoạch số 88-KH/HU ngày 01/3/2022 của Ban "
    "Thường vụ Huyện ủy\n\nThực hiện Kế hoạch số 88-KH/HU ngày 01/3/2022 của Ban Thường vụ Huyện ủy Chiêm Hóa về "
    "triển khai Nghị quyết số 05-NQ/TU ngày 20/12/2021 của Tỉnh ủy Tuyên Quang, Ban Thường vụ Đảng ủy xã xây "
    "dựng kế hoạch như sau:\n\nI. MỤC ĐÍCH\n1. Các chi bộ trực thuộc xây dựng kế hoạch thực hiện, hoàn thành "
    "trong quý II/2022.\n\nT/M ĐẢNG ỦY\nBÍ THƯ\nHoàng Văn B\n"
)


def test_a_commune_plan_is_placed_by_its_frame_and_cites_its_district_and_province():
    doc = parse_text(COMMUNE_PLAN)
    assert (doc.symbol, doc.level, doc.issuer) == ("15-KH/ĐU", "commune", "Đảng ủy xã Vinh Quang")
    assert (doc.place.province, doc.place.district, doc.place.commune) == ("Tuyên Quang", "Chiêm Hóa", "Vinh Quang")
    hu, tu = doc.citations[0], doc.citations[-1]
    assert (hu.symbol, hu.relation, hu.place.district) == ("88-KH/HU", "implements", "Chiêm Hóa")
    assert (tu.symbol, tu.relation, tu.place.province, tu.place.district) == ("05-NQ/TU", "references", "Tuyên Quang",
                                                                             None)
    assert [(doc.citations[a.source].symbol, doc.citations[a.target].symbol) for a in doc.asserted] == [
        ("88-KH/HU", "05-NQ/TU")]
    (task,) = doc.units.assigns
    assert (task.unit.name, task.unit.collective, task.deadline) == ("Các chi bộ trực thuộc", True, "2022-06-30")


CENTRAL_RESOLUTION = (
    "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 25-NQ/TW\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 03 tháng 6 năm 2013\n\n"
    "NGHỊ QUYẾT\nHỘI NGHỊ LẦN THỨ BẢY BAN CHẤP HÀNH TRUNG ƯƠNG KHÓA XI\nvề tăng cường và đổi mới sự lãnh đạo "
    "của Đảng đối với công tác dân vận trong tình hình mới\n\nI- TÌNH HÌNH\nCông tác dân vận có nhiều tiến bộ.\n\n"
    "IV- TỔ CHỨC THỰC HIỆN\n1. Các tỉnh ủy, thành ủy, các ban đảng, ban cán sự đảng, đảng đoàn, đảng ủy trực thuộc "
    "Trung ương tổ chức học tập, quán triệt, xây dựng chương trình hành động thực hiện Nghị quyết.\n"
    "2. Ban Dân vận Trung ương chủ trì, phối hợp với các ban, bộ, ngành liên quan theo dõi, kiểm tra.\n\n"
    "T/M BAN CHẤP HÀNH TRUNG ƯƠNG\nTỔNG BÍ THƯ\nNguyễn Phú Trọng\n"
)


def test_a_central_resolution_expects_programmes_from_the_provincial_committees():
    doc = parse_text(CENTRAL_RESOLUTION)
    assert (doc.symbol, doc.date, doc.term, doc.level, doc.issuer) == (
        "25-NQ/TW", "2013-06-03", "XI", "central", "Ban Chấp hành Trung ương")
    first = doc.units.assigns[0]
    assert (first.unit.name, first.unit.level, first.unit.collective) == ("Các tỉnh ủy, thành ủy", "province", True)
    assert ("Ban Dân vận Trung ương", "lead") in {(a.unit.name, a.role) for a in doc.units.assigns}


# -- documents whose frame has no date line ------------------------------------------------


def test_laws_and_codes_are_dated_by_the_day_they_were_passed():
    # the gazette files' own closing clauses ("… kỳ họp thứ 7 thông qua ngày 29 tháng 6 năm 2024.")
    expected = {
        "luat-so-41-2024-qh15-42576.txt": ("Luật", "2024-06-29"),
        "luat-so-61-2020-qh14-31682.txt": ("Luật", "2020-06-17"),
        "luat-so-26-2012-qh13-6276.txt": ("Luật", "2012-11-22"),
        "nghi-quyet-so-45-2019-qh14-30232.txt": ("Bộ luật", "2019-11-20"),  # "BỘ LUẬT / LAO ĐỘNG"
    }
    for name, (type_name, date) in expected.items():
        doc = parse_file(GAZETTE / name)
        assert (doc.doc_type_name, doc.date, doc.year) == (type_name, date, int(date[:4])), name
        assert "year_estimated" not in doc.flags
    assert parse_file(GAZETTE / "nghi-quyet-so-45-2019-qh14-30232.txt").title.startswith("Bộ luật ")


def test_the_passing_clause_of_an_ordinance_split_over_lines():
    text = (
        "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nPháp lệnh số: 02/2022/UBTVQH15\n\nPHÁP LỆNH\nChi phí tố tụng\n\n"
        "Điều 1. Phạm vi điều chỉnh\nPháp lệnh này quy định về chi phí tố tụng.\n\n"
        "Pháp lệnh này đã được Ủy ban Thường vụ Quốc hội khóa XV thông qua ngày 28\ntháng 3 năm 2024.\n"
    )
    assert parse_text(text).date == "2024-03-28"


def test_a_law_that_only_quotes_a_date_is_not_dated_by_it():
    # a date in the body (a deadline, a cited law) is not the day the law was passed
    text = (
        "QUỐC HỘI\nLuật số: 99/2024/QH15\n\nLUẬT\nThử nghiệm\n\n"
        "Điều 1. Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2025.\n"
        "Điều 2. Luật số 12/2017/QH14 được Quốc hội sửa đổi ngày 20 tháng 11 năm 2019.\n"
    )
    doc = parse_text(text)
    assert doc.date is None and doc.year == 2024  # the year of the number


def test_a_consolidated_text_is_dated_by_the_frame_under_its_number_at_the_end():
    for name, (date, heading) in {
        "van-ban-hop-nhat-so-04-vbhn-byt-26289.txt": ("2018-04-13", "Thông tư"),
        "van-ban-hop-nhat-so-2651-vbhn-bldtbxh-42111.txt": ("2024-06-21", "Nghị định"),
        "van-ban-hop-nhat-so-50-vbhn-vpqh-28208.txt": ("2018-12-10", "Luật"),
    }.items():
        doc = parse_file(GAZETTE / name)
        assert (doc.doc_type, doc.doc_type_name, doc.date) == ("VBHN", "Văn bản hợp nhất", date), name
        assert doc.title.startswith(heading + " "), name  # the title keeps the consolidated text's heading
        assert "year_estimated" not in doc.flags


def test_a_date_line_far_from_a_number_at_the_end_does_not_date_the_text():
    body = "Điều 1. Nội dung.\n" * 200
    text = (
        f"BỘ Y TẾ\n\nTHÔNG TƯ\nHướng dẫn thử\n\n{body}"
        "Số: 05/VBHN-BYT\nXÁC THỰC VĂN BẢN HỢP NHẤT\n\n" + "Phụ lục dòng.\n" * 60 + "Hà Nội, ngày 13 tháng 4 năm 2018\n"
    )
    doc = parse_text(text)
    assert doc.symbol == "05/VBHN-BYT" and doc.date is None


def test_the_heading_names_the_type_when_the_number_agrees():
    doc = parse_text("TỈNH ỦY GIA LAI\n*\nSố 30-CTr/TU\nPleiku, ngày 10 tháng 9 năm 2013\n\n"
                     "CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết\n\nI. A\n")
    assert (doc.doc_type, doc.doc_type_name) == ("CTr", "Chương trình hành động")


# -- a two-column frame taken out of its table: the number shares its line ------------------

FLATTENED_FRAMES = [
    # (the frame's lines as extracted, own number, date)
    ("TỈNH ỦY GIA LAI          ĐẢNG CỘNG SẢN VIỆT NAM\n      *\nSố 30-CTr/TU          Pleiku, ngày 10 tháng 9 năm 2013",
     "30-CTr/TU", "2013-09-10"),
    ("TỈNH ỦY GIA LAI | ĐẢNG CỘNG SẢN VIỆT NAM\n* |\nSố 30-CTr/TU | Pleiku, ngày 10 tháng 9 năm 2013",
     "30-CTr/TU", "2013-09-10"),
    ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Số: 1234/KH-UBND    Độc lập - Tự do - Hạnh phúc\n    Quảng Nam, ngày 05 tháng 3 năm 2019",
     "1234/KH-UBND", "2019-03-05"),
    ("HUYỆN ỦY HỚN QUẢN ĐẢNG CỘNG SẢN VIỆT NAM\nSố 45-KH/HU Hớn Quản, ngày 15 tháng 11 năm 2016",
     "45-KH/HU", "2016-11-15"),
]


def test_a_number_sharing_its_line_with_the_frames_other_column():
    for frame, symbol, date in FLATTENED_FRAMES:
        doc = parse_text(f"{frame}\n\nKẾ HOẠCH\nvề công tác dân vận\n\nI. MỤC ĐÍCH\n")
        assert (doc.symbol, doc.date) == (symbol, date), frame


def test_a_body_line_opening_with_a_number_is_not_the_documents_own():
    text = "TỈNH ỦY GIA LAI\n\nKẾ HOẠCH\nvề công tác dân vận\n\nI. MỤC ĐÍCH\n" + "Nội dung.\n" * 300
    text += "Số 12-KH/TU ngày 01/02/2016 của Ban Thường vụ được thay thế.\n"
    assert parse_text(text).symbol is None


# -- the issuing body from the frame -------------------------------------------------------------


def test_a_signed_bare_title_is_completed_by_the_enacting_formula():
    doc = parse_file(GAZETTE / "thong-tu-so-03-2022-tt-bldtbxh-36975.txt")  # signed "KT. BỘ TRƯỞNG"
    assert doc.issuer == "Bộ trưởng Bộ Lao động - Thương binh và Xã hội"


def test_the_frame_names_the_issuer_its_level_and_place_when_nothing_else_does():
    cases = [
        ("ĐẢNG BỘ TỈNH BÌNH PHƯỚC\nHUYỆN ỦY HỚN QUẢN\n*\nSố 45-KH/HU", "Huyện ủy Hớn Quản", "district"),
        ("ĐẢNG ỦY XÃ QUANG THUẬN\nSố 12-KH/ĐU", "Đảng ủy xã Quang Thuận", "commune"),  # ĐU alone says no level
        ("TỈNH ỦY GIA LAI ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 30-CTr/TU", "Tỉnh ủy Gia Lai", "province"),
        ("BỘ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI\n\nSố: 03/2022/TT-BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội",
         "central"),
        # a department under its Party committee is that committee's
        ("TỈNH ỦY NGHỆ AN\nBAN TUYÊN GIÁO\n*\nSố 25-HD/BTGTU", "Ban Tuyên giáo Tỉnh ủy Nghệ An", "province"),
        ("HUYỆN ỦY CHIÊM HÓA\nỦY BAN KIỂM TRA\n*\nSố 05-QĐ/UBKTHU", "Ủy ban Kiểm tra Huyện ủy Chiêm Hóa", "district"),
        # a State body with its place on the next line is one body
        ("ỦY BAN NHÂN DÂN\nHUYỆN BẠCH THÔNG\nSố: 45/KH-UBND", "Ủy ban nhân dân huyện Bạch Thông", "district"),
    ]
    for frame, issuer, level in cases:
        doc = parse_text(f"{frame}\n\nKẾ HOẠCH\nvề công tác dân vận\n\nI. MỤC ĐÍCH\nNội dung.\n")
        assert (doc.issuer, doc.level) == (issuer, level), frame


def test_a_frame_body_in_lower_case_is_not_taken():
    doc = parse_text("Một dòng văn bản thường\nSố 45-KH/HU\n\nKẾ HOẠCH\nvề công tác\n\nI. MỤC ĐÍCH\n")
    assert doc.issuer is None


def test_a_place_clue_wrapped_over_two_lines_still_places_the_document():
    text = (
        "KẾ HOẠCH\ncông tác dân vận năm 2024\n\nThực hiện Kế hoạch số 226-KH/HU ngày 17 tháng 01 năm 2024 của\n"
        "Huyện ủy, Đảng ủy xã xây dựng kế hoạch như sau:\n\nI. MỤC ĐÍCH\n"
        "Công văn số 1122-CV/HU của Ban Thường vụ Huyện\n"
        "ủy Bạch Thông.\n"
    )
    doc = parse_text(text)
    assert (doc.level, doc.place.province, doc.place.district) == ("commune", "Bắc Kạn", "Bạch Thông")
    assert {c.place.district for c in doc.citations} == {"Bạch Thông"}


# -- communes: named alone, and after the district level ended (1 July 2025) ---------------------

NAMED_COMMUNE_PLAN = (
    "ĐẢNG BỘ TỈNH GIA LAI\nĐẢNG ỦY XÃ {name_caps}\n*\nSố 12-KH/ĐU\n{name}, ngày 05 tháng 9 năm {year}\n\n"
    "KẾ HOẠCH\ncông tác dân vận năm {year}\n\nThực hiện Nghị quyết số 05-NQ/ĐU ngày 01/8/{year} của Đảng ủy xã, "
    "Đảng ủy xã xây dựng kế hoạch như sau:\n\nI. MỤC ĐÍCH\nNội dung.\n"
)


def _commune_plan(name: str, year: int):
    return parse_text(NAMED_COMMUNE_PLAN.format(name=name, name_caps=name.upper(), year=year), f"{name}-{year}.txt")


def test_a_commune_plan_after_the_reform_is_placed_in_its_commune_without_a_district():
    doc = _commune_plan("Ia Hrú", 2025)
    assert (doc.level, doc.place) == ("commune", Place("Gia Lai", None, "Ia Hrú"))
    assert doc.issuer == "Đảng ủy xã Ia Hrú"  # the frame completes the preamble's "Đảng ủy xã"
    assert [c.place for c in doc.citations] == [Place("Gia Lai", None, "Ia Hrú")]


def test_a_former_district_name_is_read_as_the_commune_it_now_is():
    # "Chư Sê" was a district of Gia Lai; since July 2025 it is a commune
    assert _commune_plan("Chư Sê", 2025).place == Place("Gia Lai", None, "Chư Sê")


def test_a_commune_named_alone_before_the_reform_gives_its_district_when_only_one_has_the_name():
    assert _commune_plan("Ia Hrú", 2016).place == Place("Gia Lai", "Chư Pưh", "Ia Hrú")


def test_two_communes_numbering_alike_stay_two_documents():
    from policygraph.graph.identity import resolve

    g = resolve([_commune_plan("Ia Hrú", 2025), _commune_plan("Chư Sê", 2025)])
    ids = sorted(n for n in g.nodes if n.startswith("doc:"))
    assert ids == [
        "doc:05-NQ/ĐU|gia-lai/?/chu-se|2025", "doc:05-NQ/ĐU|gia-lai/?/ia-hru|2025",
        "doc:12-KH/ĐU|gia-lai/?/chu-se|2025", "doc:12-KH/ĐU|gia-lai/?/ia-hru|2025",
    ]
    # today's communes are places of their province (never a district's id: "Chư Sê" was one)
    assert ("place:gia-lai/~/chu-se", "place:gia-lai", "part_of") in {(s, t, k) for s, t, k, _ in g.edges}


def test_a_town_committee_numbering_like_the_province_is_a_district_level_body():
    """Thị ủy (and the Thành ủy of a provincial city) number their documents "/TU" like the
    provincial committee: their plans are scoped to their district, on both sides of a citation."""
    from policygraph.graph.identity import resolve

    town = parse_text(
        "ĐẢNG BỘ TỈNH PHÚ YÊN\nTHỊ ỦY SÔNG CẦU\n*\nSố 12-KH/TU\nSông Cầu, ngày 10 tháng 3 năm 2019\n\nKẾ HOẠCH\n"
        "về công tác dân vận\n\nI. MỤC ĐÍCH\nNội dung.\n", "town.txt")
    province = parse_text(
        "TỈNH ỦY PHÚ YÊN\n*\nSố 12-KH/TU\nTuy Hòa, ngày 10 tháng 3 năm 2019\n\nKẾ HOẠCH\nvề công tác\n\n"
        "I. MỤC ĐÍCH\nNội dung.\n", "province.txt")
    commune = parse_text(
        "ĐẢNG ỦY XÃ XUÂN LÂM\n*\nSố 3-KH/ĐU\nSông Cầu, ngày 20 tháng 3 năm 2019\n\nKẾ HOẠCH\nvề công tác dân vận\n\n"
        "Thực hiện Kế hoạch số 12-KH/TU ngày 10/3/2019 của Thị ủy Sông Cầu, Đảng ủy xã xây dựng kế hoạch như sau:\n\n"
        "I. MỤC ĐÍCH\nNội dung.\n", "commune.txt")
    assert (town.level, town.place) == ("district", Place("Phú Yên", "Sông Cầu"))
    assert (province.level, province.place) == ("province", Place("Phú Yên"))
    g = resolve([town, province, commune])
    assert ("doc:3-KH/ĐU|phu-yen/song-cau/xuan-lam|2019", "doc:12-KH/TU|phu-yen/song-cau|2019", "implements") in {
        (s, t, k) for s, t, k, _ in g.edges
    }
    assert g.nodes["doc:12-KH/TU|phu-yen|2019"]["source"] == "province.txt"


def test_names_town_committee():
    from policygraph.ingest.places import names_town_committee

    assert names_town_committee("Thị ủy Sông Cầu") and names_town_committee("Ban Thường vụ Thị ủy")
    assert names_town_committee("Thành ủy Pleiku")  # a city of Gia Lai: district level
    assert not names_town_committee("Thành ủy Hà Nội") and not names_town_committee("Tỉnh ủy Phú Yên")
    assert not names_town_committee(None) and not names_town_committee("Thành ủy")


# -- official letters (Công văn) ------------------------------------------------------------------

LETTER = (
    "ĐẢNG BỘ TỈNH BẮC KẠN\nHUYỆN ỦY BẠCH THÔNG\n*\nSố 731-CV/HU\n"
    "V/v triển khai thực hiện Kết luận số\n114-KL/TW của Ban Bí thư\n\n"
    "ĐẢNG CỘNG SẢN VIỆT NAM\nBạch Thông, ngày 06 tháng 11 năm 2017\n\n"
    "Kính gửi:\n- Các chi, đảng bộ cơ sở;\n- Ban Dân vận Huyện ủy.\n\n"
    "Thực hiện Công văn số 1250-CV/TU ngày 20/10/2017 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Huyện ủy đề nghị:\n\n"
    "1. Ban Dân vận Huyện ủy theo dõi, báo cáo Ban Thường vụ Huyện ủy trước ngày 15/12/2017.\n\n"
    "Nơi nhận:\n- Như kính gửi;\n- Ban Dân vận Tỉnh ủy (b/c);\n- Lưu VPHU.\n\nT/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG\n"
)


def test_a_letters_subject_line_is_its_title_and_says_what_it_implements():
    doc = parse_text(LETTER)
    assert (doc.symbol, doc.doc_type_name) == ("731-CV/HU", "Công văn")
    assert doc.title == "V/v triển khai thực hiện Kết luận số 114-KL/TW của Ban Bí thư"
    relations = [(c.symbol, c.relation) for c in doc.citations]
    assert relations == [("114-KL/TW", "implements"), ("1250-CV/TU", "implements")]


def test_a_letters_addressees_are_its_recipients():
    doc = parse_text(LETTER)
    assert [(r.unit.name, r.for_report) for r in doc.units.recipients] == [
        ("Các chi, đảng bộ cơ sở", False), ("Ban Dân vận Huyện ủy", False), ("Ban Dân vận Tỉnh ủy", True)]
    one_line = parse_text("TỈNH ỦY GIA LAI\n*\nSố 12-CV/TU\nV/v A\n\nKính gửi: Ban Dân vận Trung ương\n\nNội dung.\n")
    assert [r.unit.name for r in one_line.units.recipients] == ["Ban Dân vận Trung ương"]
