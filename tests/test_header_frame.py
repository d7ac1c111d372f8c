"""A document's own identity from the parts of its frame that survive."""

from pathlib import Path

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
