"""Units, roles, recipients and issuers on the sample plans and on written phrases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policygraph.ingest import lexicon as T
from policygraph.ingest.models import Place
from policygraph.ingest.units import (
    UnitContext,
    canonical_unit_name,
    extract_units,
    merge_assignments,
    reporters_of,
    unit_at,
    unit_label,
    unit_list_at,
)
from policygraph.text import name_key as fold

ROOT = Path(__file__).resolve().parents[1]
GOLD = json.loads((ROOT / ".." / "shared" / "gold" / "seeds.json").read_text(encoding="utf-8"))
SAMPLES = ROOT / "data" / "samples"


def _context(doc: dict) -> UnitContext:
    me = doc["self"]
    return UnitContext(level=me["level"], place=Place(me.get("province"), me.get("district")),
                       issuer_code=(me["symbol"] or "").split("/")[-1] or None, doc_date=f"{me['year']}-06-30")


def _hit(want: str, *names: str) -> bool:
    """score.py's unit_hit, with the key's abbreviations written out the same way ours are."""
    a = fold(canonical_unit_name(want))
    return any(b and (a in b or b in a) for b in (fold(n) for n in names))


EXTRACTED = {doc["file"]: (doc, extract_units((SAMPLES / doc["file"]).read_text(encoding="utf-8"), _context(doc)))
             for doc in GOLD["documents"]}
DOCS = sorted(EXTRACTED)


@pytest.mark.parametrize("file", DOCS)
def test_every_gold_assignee_found_with_its_role(file):
    doc, ex = EXTRACTED[file]
    section = merge_assignments([a for a in ex.assigns if not a.in_body])
    for want in doc["assigns"]:
        hits = [a for a in section if _hit(want["unit"], a.unit.name)]
        assert hits, f"no assignment for {want['unit']}"
        assert want.get("role", "execute") in {a.role for a in hits}, (want, [(a.unit.name, a.role) for a in hits])
        assert all(a.section == want["section"] for a in hits)


@pytest.mark.parametrize("file", DOCS)
def test_gold_roles_are_the_strongest_role_of_the_unit(file):
    doc, ex = EXTRACTED[file]
    section = merge_assignments([a for a in ex.assigns if not a.in_body])
    for want in doc["assigns"]:
        exact = [a for a in section if fold(a.unit.name).startswith(fold(canonical_unit_name(want["unit"])))]
        if exact:
            assert exact[0].role == want.get("role", "execute"), want


@pytest.mark.parametrize("file", DOCS)
def test_body_assignees_are_marked_in_body(file):
    doc, ex = EXTRACTED[file]
    body = [a for a in ex.assigns if a.in_body]
    for want in doc["assigns_in_body"]:
        assert any(_hit(want, a.unit.name, a.unit.written) for a in body), f"no in-body assignment for {want}"


@pytest.mark.parametrize("file", DOCS)
def test_recipients_and_issuer(file):
    doc, ex = EXTRACTED[file]
    names = [r.unit.name for r in ex.recipients]
    for want in doc["recipients"]:
        assert any(_hit(want, n) for n in names), f"missing recipient {want}: {names}"
    assert not any(fold(r.written).startswith("luu") for r in ex.recipients)
    assert ex.issuer is not None and _hit(doc["self"]["issuer"], ex.issuer.name), ex.issuer
    assert ex.issuer.level == doc["self"]["level"]


def test_collectives_are_marked_and_levelled():
    ex = {f: e for f, (_, e) in EXTRACTED.items()}

    def unit(file, name):
        return next(a.unit for a in ex[file].assigns if fold(a.unit.name).startswith(fold(name)))

    huyen_uy = unit("002_83e78f5168099b2d.txt", "Các huyện ủy, thị ủy, thành ủy")
    assert huyen_uy.collective and huyen_uy.level == "district" and huyen_uy.place.province == "Gia Lai"
    assert unit("003_24ce589393d560ed.txt", "Các sở, ban, ngành").level == "province"
    ubnd = unit("003_24ce589393d560ed.txt", "Ủy ban nhân dân các huyện")
    assert ubnd.collective and ubnd.level == "district"
    chi_bo = unit("001_bb9fda9f808f966b.txt", "Các chi bộ trực thuộc")
    assert chi_bo.collective and chi_bo.level == "commune"
    chi_dang_bo = unit("000_577edf508b5619ca.txt", "Các chi, đảng bộ trực thuộc Huyện ủy")
    assert chi_dang_bo.collective and chi_dang_bo.level == "commune"
    assert not unit("003_24ce589393d560ed.txt", "Sở Nội vụ").collective


def test_levels_and_places_of_units_named_from_below():
    _, ex = EXTRACTED["000_577edf508b5619ca.txt"]
    bdv_tinh = next(r.unit for r in ex.recipients if r.unit.name == "Ban Dân vận Tỉnh ủy")
    assert bdv_tinh.level == "province" and bdv_tinh.place == Place("Bình Phước")
    bdv = next(a.unit for a in ex.assigns if a.unit.name == "Ban Dân vận Huyện ủy")
    assert bdv.level == "district" and bdv.place == Place("Bình Phước", "Hớn Quản")
    _, ex2 = EXTRACTED["002_83e78f5168099b2d.txt"]
    central = next(r.unit for r in ex2.recipients if r.unit.name == "Ban Dân vận Trung ương")
    assert central.level == "central" and central.place == Place()


def test_signer_issuer_and_label():
    _, ex = EXTRACTED["000_577edf508b5619ca.txt"]
    assert ex.issuer.name == "Ban Thường vụ Huyện ủy"
    assert unit_label(ex.issuer) == "Ban Thường vụ Huyện ủy Hớn Quản"
    assert ex.signer_name == "Nguyễn Thị Kim Ngân" and ex.signer_title == "Phó Bí thư thường trực"
    _, ex2 = EXTRACTED["002_83e78f5168099b2d.txt"]
    assert ex2.signer_name == "Hồ Văn Niên" and ex2.signer_title == "Phó Bí thư"


def test_for_report_recipients():
    _, ex = EXTRACTED["001_bb9fda9f808f966b.txt"]
    flagged = {r.unit.name for r in ex.recipients if r.for_report}
    assert flagged == {"Ban Dân vận Huyện ủy"}


def test_reports_to_with_via():
    _, ex = EXTRACTED["000_577edf508b5619ca.txt"]
    line = next(r for r in ex.reports_to if r.via)
    assert line.to.name == "Ban Thường vụ Huyện ủy" and line.via.name == "Ban Dân vận Huyện ủy"
    reporters = {u.name for u in reporters_of(ex, line)}
    assert "Ủy ban nhân dân huyện" in reporters
    _, ex3 = EXTRACTED["003_24ce589393d560ed.txt"]
    assert any(r.to.name == "Ủy ban nhân dân tỉnh" and r.via and r.via.name == "Sở Nội vụ" for r in ex3.reports_to)


def test_deadlines_attached_to_assignments():
    _, ex = EXTRACTED["002_83e78f5168099b2d.txt"]
    rules = {a.deadline_rule for a in ex.assigns if a.unit.name.startswith("Các huyện ủy")}
    assert "yearly:12-10" in rules
    _, ex0 = EXTRACTED["000_577edf508b5619ca.txt"]
    assert any(a.deadline == "2016-12-31" for a in ex0.assigns if a.unit.name == "Hội đồng nhân dân huyện")


def test_offsets_point_at_the_written_unit():
    for file, (_, ex) in EXTRACTED.items():
        text = (SAMPLES / file).read_text(encoding="utf-8")
        for a in ex.assigns:
            assert text[a.unit.start:a.unit.end] == a.unit.written
            assert a.start < a.end and a.task
        for r in ex.recipients:
            assert fold(text[r.unit.start:r.unit.end]) in fold(r.written) or fold(r.written) in fold(
                canonical_unit_name(text[r.unit.start:r.unit.end]))


# --- written phrases --------------------------------------------------------------------
CANONICAL = [
    ("UBND huyện", "Ủy ban nhân dân huyện"),
    ("HĐND tỉnh", "Hội đồng nhân dân tỉnh"),
    ("TT. HĐND xã", "Thường trực Hội đồng nhân dân xã"),
    ("TT.HĐND xã", "Thường trực Hội đồng nhân dân xã"),
    ("MTTQ huyện", "Mặt trận Tổ quốc huyện"),
    ("UBMTTQVN huyện", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện"),
    ("BCH Đảng bộ huyện", "Ban Chấp hành Đảng bộ huyện"),
    ("BTV Huyện ủy", "Ban Thường vụ Huyện ủy"),
    ("Ủy ban Nhân dân  huyện", "Ủy ban nhân dân huyện"),
    ("Uỷ ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"),
    ("BAN THƯỜNG VỤ", "Ban Thường vụ"),
    ("Đài Truyền thanh – Truyền hình huyện", "Đài Truyền thanh - Truyền hình huyện"),
    ("Ban Dân vận huyện uỷ", "Ban Dân vận Huyện ủy"),
]


@pytest.mark.parametrize(("written", "name"), CANONICAL)
def test_canonical_names(written, name):
    assert canonical_unit_name(written) == name


UNITS = [  # written, canonical name, type, collective, level (in a district context)
    ("Sở Nội vụ chủ trì", "Sở Nội vụ", "department", False, "province"),
    ("Sở Tài nguyên và Môi trường tham mưu", "Sở Tài nguyên và Môi trường", "department", False, "province"),
    ("Phòng Nội vụ huyện tăng cường", "Phòng Nội vụ huyện", "department", False, "district"),
    ("Bộ Công an chủ trì", "Bộ Công an", "department", False, "central"),
    ("Ban Dân vận Huyện ủy chủ trì", "Ban Dân vận Huyện ủy", "party_board", False, "district"),
    ("Ban Dân vận Tỉnh ủy", "Ban Dân vận Tỉnh ủy", "party_board", False, "province"),
    ("Ban Dân vận Trung ương", "Ban Dân vận Trung ương", "party_board", False, "central"),
    ("Ban Dân vận", "Ban Dân vận Huyện ủy", "party_board", False, "district"),
    ("Khối Dân vận cơ sở", "Khối Dân vận cơ sở", "party_board", False, "commune"),
    ("Văn phòng Huyện ủy", "Văn phòng Huyện ủy", "party_board", False, "district"),
    ("Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh", "department", False, "province"),
    ("Ủy ban nhân dân xã", "Ủy ban nhân dân xã", "peoples_committee", False, "commune"),
    ("UBND", "Ủy ban nhân dân huyện", "peoples_committee", False, "district"),
    ("MTTQ, các đoàn thể", "Mặt trận Tổ quốc huyện", "front", False, "district"),
    ("Đảng đoàn Hội đồng nhân dân tỉnh", "Đảng đoàn Hội đồng nhân dân tỉnh", "party_group", False, "province"),
    ("Ban cán sự đảng UBND tỉnh", "Ban cán sự đảng Ủy ban nhân dân tỉnh", "party_group", False, "province"),
    ("Báo Gia Lai, Đài", "Báo Gia Lai", "press", False, "province"),
    ("Đài Phát thanh và Truyền hình tỉnh", "Đài Phát thanh và Truyền hình tỉnh", "press", False, "province"),
    ("Công an xã", "Công an xã", "armed_forces", False, "commune"),
    ("Chi bộ Trường Tiểu học", "Chi bộ Trường Tiểu học", "party_committee", False, "commune"),
    ("Huyện ủy Bạch Thông", "Huyện ủy Bạch Thông", "party_committee", False, "district"),
    ("Bộ Chính trị", "Bộ Chính trị", "party_committee", False, "central"),
    ("Ban Chấp hành Trung ương", "Ban Chấp hành Trung ương", "party_committee", False, "central"),
    ("Các sở, ban, ngành", "Các sở, ban, ngành", "department", True, "province"),
    ("Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy",
     "Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy", "party_committee", True, "district"),
    ("UBND các huyện, thành phố", "Ủy ban nhân dân các huyện, thành phố", "peoples_committee", True, "district"),
    ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
     "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "peoples_committee", True, "province"),
    ("Các chi, đảng bộ trực thuộc Huyện ủy", "Các chi, đảng bộ trực thuộc Huyện ủy", "party_committee", True,
     "commune"),
    ("Các đơn vị lực lượng vũ trang", "Các đơn vị lực lượng vũ trang", "armed_forces", True, "district"),
    ("Các đoàn thể chính trị - xã hội", "Các đoàn thể chính trị - xã hội huyện", "mass_org", True, "district"),
    ("Các cơ quan thông tin đại chúng của tỉnh", "Các cơ quan thông tin đại chúng của tỉnh", "press", True,
     "province"),
    ("các phòng, ban chuyên môn", "Các phòng, ban chuyên môn", "department", True, "district"),
    ("các bộ, cơ quan ngang bộ", "Các bộ, cơ quan ngang bộ", "department", True, "central"),
    ("Lãnh đạo UBND xã", "Ủy ban nhân dân xã", "peoples_committee", False, "commune"),
    ("Các đ/c Ủy viên BCH Đảng bộ huyện", "Ban Chấp hành Đảng bộ huyện", "party_committee", False, "district"),
]
DISTRICT = UnitContext(level="district", place=Place("Bình Phước", "Hớn Quản"), issuer_code="HU")


@pytest.mark.parametrize(("written", "name", "unit_type", "collective", "level"), UNITS)
def test_written_units(written, name, unit_type, collective, level):
    from policygraph.ingest.unit_resolve import resolve_unit as _resolve

    found = unit_at(written, 0)
    assert found is not None
    unit = _resolve(found, DISTRICT)
    assert (unit.name, unit.unit_type, unit.collective, unit.level) == (name, unit_type, collective, level)


NOT_UNITS = ["Nhân dân", "cán bộ, đảng viên", "Kế hoạch này", "Cấp ủy đảng", "Chính quyền các cấp",
             "Các cấp, các ngành", "Sở dĩ", "Báo cáo kết quả", "Phòng chống suy thoái", "toàn bộ",
             "Đoàn viên, hội viên", "Nhà nước", "Các cấp chính quyền"]


@pytest.mark.parametrize("written", NOT_UNITS)
def test_not_units(written):
    assert unit_at(written, 0) is None


def test_shared_level_word_in_lists():
    units = unit_list_at("Hội đồng Nhân dân, Ủy ban Nhân dân huyện chỉ đạo", 0)
    assert [u.name for u in units] == ["Hội đồng nhân dân huyện", "Ủy ban nhân dân huyện"]


ROLES = [  # text of a task section, unit, role
    ("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tổng hợp.\n", "Sở Nội vụ", "lead"),
    ("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tổng hợp.\n", "Sở Tài chính",
     "support"),
    ("III. TỔ CHỨC THỰC HIỆN\n3. Giao Ban Dân vận Huyện ủy tham mưu, theo dõi, đôn đốc.\n", "Ban Dân vận Huyện ủy",
     "lead"),
    ("III. TỔ CHỨC THỰC HIỆN\n2. Ban Tuyên giáo Huyện ủy phối hợp tuyên truyền.\n", "Ban Tuyên giáo Huyện ủy",
     "support"),
    ("III. TỔ CHỨC THỰC HIỆN\n2. Phòng Nội vụ huyện:\n- Chủ trì kiểm tra.\n", "Phòng Nội vụ huyện", "lead"),
    ("III. TỔ CHỨC THỰC HIỆN\n2. Các sở, ban, ngành xây dựng kế hoạch.\n", "Các sở, ban, ngành", "execute"),
    ("Điều 5. Tổ chức thực hiện\n3. Trách nhiệm của Bộ Công an\na) Chủ trì hướng dẫn.\n", "Bộ Công an", "lead"),
]


@pytest.mark.parametrize(("text", "unit", "role"), ROLES)
def test_roles(text, unit, role):
    ex = extract_units(text, DISTRICT)
    got = {a.unit.name: a.role for a in merge_assignments(ex.assigns)}
    assert got.get(unit) == role, got
    assert all(not a.in_body for a in ex.assigns)


def test_recipient_list_skips_archive_lines():
    text = ("Nơi nhận:\n- Ban Dân vận Tỉnh ủy (B/c);\n- Các chi, đảng bộ trực thuộc;\n- Lưu VPHU.\n\n"
            "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nTrần Văn An\n")
    ex = extract_units(text, DISTRICT)
    assert [(r.unit.name, r.for_report) for r in ex.recipients] == [
        ("Ban Dân vận Tỉnh ủy", True), ("Các chi, đảng bộ trực thuộc", False)]
    assert ex.issuer.name == "Ban Thường vụ Huyện ủy" and ex.signer_name == "Trần Văn An"
    assert ex.signer_title == "Bí thư"


@pytest.mark.parametrize("head", T.HEADS, ids=lambda h: h.phrases[0])
def test_every_head_example_is_recognised(head):
    for example in head.examples:
        found = unit_at(example, 0)
        assert found is not None and found.end == len(example), (example, found)


@pytest.mark.parametrize("kind", T.KINDS, ids=lambda k: k.phrases[0])
def test_every_kind_example_is_a_collective(kind):
    for example in kind.examples:
        found = unit_at(example, 0)
        assert found is not None and found.collective and found.unit_type == kind.unit_type, (example, found)


@pytest.mark.parametrize(("abbr", "expansion", "example"), T.ABBREVIATIONS)
def test_every_abbreviation_expands(abbr, expansion, example):
    assert fold(expansion) in fold(canonical_unit_name(example))
    assert abbr not in canonical_unit_name(example).split()


def test_tt_without_a_dot_is_thuong_truc_only_before_a_unit():
    section = (
        "IV. TỔ CHỨC THỰC HIỆN\n1. TT HĐND xã theo dõi, giám sát việc thực hiện.\n"
        "2. TT Văn hóa - Thể thao huyện tổ chức các hoạt động tuyên truyền.\n"
        "3. Thực hiện theo Thông tư số 05/2015/TT-BYT của Bộ Y tế.\n"
    )
    names = [a.unit.name for a in extract_units(section, DISTRICT).assigns]
    assert names == ["Thường trực Hội đồng nhân dân xã"]


def test_a_head_written_once_for_two_levels_gives_both_units():
    section = (
        "IV. TỔ CHỨC THỰC HIỆN\n1. UBND huyện, xã xây dựng Quy chế đối thoại của người đứng đầu.\n"
        "2. Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương báo cáo kết quả.\n"
        "3. Huyện ủy, xã ủy chỉ đạo thực hiện.\n"
    )
    found = [(a.unit.name, a.unit.level) for a in extract_units(section, DISTRICT).assigns]
    assert ("Ủy ban nhân dân huyện", "district") in found and ("Ủy ban nhân dân xã", "commune") in found
    assert ("Ủy ban nhân dân thành phố", "district") not in found  # "tỉnh, thành phố trực thuộc TW": one level
    assert not [name for name, _ in found if name.startswith("Ủy ban nhân dân") and "xã" in name and "ủy" in name]


def test_the_party_committees_and_zones_of_the_two_level_administration():
    # since July 2025 a province's People's Committee has a Party committee (no Ban cán sự đảng), its Party
    # bodies share one, and communes, wards and island zones ("đặc khu") answer to the province directly
    ctx = UnitContext(level="province", place=Place("Gia Lai"), issuer_code="TU", doc_date="2025-09-05")
    text = (
        "III. TỔ CHỨC THỰC HIỆN\n1. Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo xây dựng kế hoạch.\n"
        "2. Các đảng ủy xã, phường, đặc khu trực thuộc Tỉnh ủy quán triệt.\n"
        "3. Đảng ủy UBND tỉnh, Đảng ủy các cơ quan Đảng tỉnh theo dõi.\n"
    )
    got = [(a.unit.name, a.unit.level, a.unit.collective) for a in extract_units(text, ctx).assigns]
    assert got == [
        ("Đảng ủy Ủy ban nhân dân tỉnh", "province", False),
        ("Các đảng ủy xã, phường, đặc khu", "commune", True),
        ("Đảng ủy Ủy ban nhân dân tỉnh", "province", False),
        ("Đảng ủy các cơ quan Đảng tỉnh", "province", False),
    ]
    # a head written once for two levels still gives both units
    both = extract_units("III. TỔ CHỨC THỰC HIỆN\nUBND huyện, xã thực hiện.\n", ctx).assigns
    assert [a.unit.name for a in both] == ["Ủy ban nhân dân huyện", "Ủy ban nhân dân xã"]


def test_a_shared_level_word_is_not_given_to_a_committee_whose_name_holds_its_level():
    text = "Thường trực Huyện ủy, HĐND, UBND huyện chỉ đạo"
    got = [(f.name, f.level) for f in unit_list_at(text, 0, len(text), titles=True)]
    assert got == [("Thường trực Huyện ủy", "district"), ("Hội đồng nhân dân huyện", "district"),
                   ("Ủy ban nhân dân huyện", "district")]


def test_a_short_name_in_brackets_at_a_first_mention_is_read_over():
    for text, want in [
        ("Ủy ban nhân dân (UBND) tỉnh Gia Lai chỉ đạo", [("Ủy ban nhân dân tỉnh Gia Lai", "province")]),
        ("Hội đồng nhân dân (HĐND) huyện, UBND huyện thực hiện",
         [("Hội đồng nhân dân huyện", "district"), ("Ủy ban nhân dân huyện", "district")]),
        ("Ủy ban nhân dân (UBND) các huyện thực hiện", [("Ủy ban nhân dân các huyện", "district")]),
    ]:
        assert [(f.name, f.level) for f in unit_list_at(text, 0, len(text), titles=True)] == want, text


def test_a_persons_name_after_a_place_is_not_part_of_the_place():
    text = "Chủ tịch UBND tỉnh Thanh Hóa Nguyễn Văn An chỉ đạo"
    assert [(f.name, f.place_name) for f in unit_list_at(text, 0, len(text), titles=True)] == [
        ("Ủy ban nhân dân tỉnh Thanh Hóa", "Thanh Hóa")]
    # a place of several words the gazetteer knows stays whole
    text = "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu thực hiện"
    assert [f.place_name for f in unit_list_at(text, 0, len(text), titles=True)] == ["Bà Rịa - Vũng Tàu"]


def test_an_inspectorate_is_a_unit_only_with_its_level_word():
    ctx = UnitContext(level="province", place=Place("Gia Lai"), issuer_code="UBND", doc_date="2023-05-02")
    text = ("III. TỔ CHỨC THỰC HIỆN\n1. Thanh tra tỉnh chủ trì, phối hợp với Sở Nội vụ kiểm tra.\n"
            "2. Thanh tra việc thực hiện các chế độ.\n")
    assert [(a.unit.name, a.role) for a in extract_units(text, ctx).assigns] == [
        ("Thanh tra tỉnh", "lead"), ("Sở Nội vụ", "support")]
