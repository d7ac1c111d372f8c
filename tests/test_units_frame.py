"""The frame above the title names the issuer; it gives nobody a task."""

from policygraph.ingest.pipeline import parse_text

PARTY_PLAN = (
    "ĐẢNG BỘ TỈNH BÌNH PHƯỚC\nHUYỆN ỦY HỚN QUẢN\n*\nSố 52-KH/HU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
    "Hớn Quản, ngày 15 tháng 11 năm 2016\n\nKẾ HOẠCH\nvề công tác dân vận năm 2017\n\n"
    "Căn cứ Kế hoạch số 45-KH/HU, ngày 10/10/2016 của Ban Thường vụ Huyện ủy; Ban Thường vụ Huyện ủy xây dựng "
    "Kế hoạch như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n"
    "1. Các chi, đảng bộ trực thuộc Huyện ủy xây dựng kế hoạch thực hiện trước ngày 30/12/2016.\n\n"
    "Nơi nhận:\n- Ban Dân vận Tỉnh ủy (B/c),\n- Lưu VPHU.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn A\n"
)


def test_frame_and_preamble_actor_are_not_assigned():
    doc = parse_text(PARTY_PLAN)
    assert (doc.symbol, doc.date, doc.level) == ("52-KH/HU", "2016-11-15", "district")
    assert (doc.place.province, doc.place.district) == ("Bình Phước", "Hớn Quản")
    assert [(a.unit.name, a.deadline) for a in doc.units.assigns] == [
        ("Các chi, đảng bộ trực thuộc Huyện ủy", "2016-12-30")]
    assert doc.units.issuer.name == "Ban Thường vụ Huyện ủy" and doc.units.signer_name == "Nguyễn Văn A"
    assert [(r.unit.name, r.for_report) for r in doc.units.recipients] == [("Ban Dân vận Tỉnh ủy", True)]
