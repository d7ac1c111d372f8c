"""Officials named by title stand for the bodies they head (State legal documents)."""

from __future__ import annotations

import pytest
from support import ingest as H

from policygraph.ingest import lexicon as T
from policygraph.ingest.models import Place
from policygraph.ingest.pipeline import parse_text
from policygraph.ingest.reader import read_document
from policygraph.ingest.unit_finder import unit_at, unit_list_at
from policygraph.ingest.unit_resolve import UnitContext
from policygraph.ingest.units import extract_units

GOVERNMENT = UnitContext(level="central", place=Place(), issuer_code="CP", doc_date="2021-12-10")
EXAMPLES = [(written, name) for title in T.TITLES for written, name in title.examples]


@pytest.mark.parametrize(("written", "name"), EXAMPLES, ids=[w for w, _ in EXAMPLES])
def test_every_title_example_gives_its_unit(written, name):
    found = unit_list_at(written, 0, titles=True)
    assert found and found[0].name == name


def _assigned(text: str) -> list[tuple[str, str]]:
    return [(a.unit.name, a.role) for a in extract_units(text, GOVERNMENT).assigns]


def test_the_article_on_who_executes_a_decree_names_bodies_not_the_government():
    """Nghị định 112/2021/NĐ-CP, Điều 38, wrapped as in the Official Gazette."""
    text = (
        "Điều 38. Trách nhiệm thi hành \n"
        "Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Thủ trưởng cơ quan thuộc \n"
        "Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương \n"
        "và các đối tượng áp dụng của Nghị định chịu trách nhiệm thi hành Nghị định này./. \n"
    )
    names = {name for name, _ in _assigned(text)}
    assert {"Các bộ", "Các cơ quan ngang bộ", "Các cơ quan thuộc chính phủ",
            "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"} <= names
    assert "Chính phủ" not in names


def test_a_minister_tasked_by_title_tasks_the_ministry():
    text = "Điều 5. Hướng dẫn thi hành\nBộ trưởng Bộ Tài chính hướng dẫn thực hiện Điều 4 Nghị định này.\n"
    assert _assigned(text) == [("Bộ Tài chính", "execute")]
    text = "3. Vụ trưởng Vụ Pháp chế, Cục trưởng Cục Tần số vô tuyến điện chịu trách nhiệm thi hành Thông tư này.\n"
    assert {name for name, _ in _assigned(text)} == {"Vụ Pháp chế", "Cục Tần số vô tuyến điện"}


@pytest.mark.parametrize(
    "text",
    [
        "Theo đề nghị của Vụ trưởng Vụ Pháp chế;\nBộ trưởng Bộ Y tế ban hành Thông tư quy định danh mục thuốc.\n",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Chủ tịch Hồ Chí Minh.\n",
        "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n",
        "Việc quản lý thực hiện theo quy định của\nChính phủ về quản lý tài sản công.\n",
    ],
    ids=["enacting formula", "a person", "a signer", "a wrapped line"],
)
def test_titles_that_are_not_tasks(text):
    assert _assigned(text) == []


# --- central departments, named in sentence case -----------------------------------------------------
@pytest.mark.parametrize(("written", "name"), T.SENTENCE_CASE_EXAMPLES, ids=[w for w, _ in T.SENTENCE_CASE_EXAMPLES])
def test_sentence_case_department_names_run_to_their_end(written, name):
    found = unit_at(written, 0)
    assert found is not None and found.name == name


def test_a_department_head_named_in_a_decree_takes_its_whole_name():
    """Nghị định 170/2026/NĐ-CP, Điều 16, wrapped as in the Official Gazette: the name runs over the line end
    up to "thuộc" and its parent ministry."""
    text = (
        "Điều 16. Lập, phê duyệt và tổ chức thực hiện kế hoạch tổ chức lao động \n"
        "2. Cục trưởng Cục Cảnh sát quản lý trại giam, cơ sở giáo dục bắt buộc, \n"
        "trường giáo dưỡng thuộc Bộ Công an có trách nhiệm xem xét, phê duyệt kế \n"
        "hoạch tổ chức lao động hằng năm của các trại giam.\n"
    )
    assert _assigned(text) == [
        ("Cục Cảnh sát quản lý trại giam, cơ sở giáo dục bắt buộc, trường giáo dưỡng", "execute")
    ]


def test_a_department_name_does_not_take_the_task():
    """Thông tư 04/2024/TT-BLĐTBXH, Điều 2: the name stops at the verb; the partner is read after it."""
    text = ("Điều 2. Tổ chức thực hiện\n"
            "1. Vụ Kế hoạch - Tài chính có trách nhiệm chủ trì, phối hợp với các đơn vị liên quan:\n")
    assert _assigned(text) == [("Vụ Kế hoạch - Tài chính", "execute"), ("Các đơn vị liên quan", "support")]
    text = "Cục Hóa chất tiếp nhận báo cáo của doanh nghiệp kinh doanh tiền chất thuốc nổ.\n"
    assert _assigned(text) == [("Cục Hóa chất", "execute")]


def test_departments_listed_one_after_another():
    """Văn bản hợp nhất 37/VBHN-BCT: two departments and the provinces, each its own unit."""
    text = ("Cục Kỹ thuật an toàn và Môi trường công nghiệp, Cục Hóa chất, Ủy ban nhân dân cấp tỉnh "
            "thực hiện cập nhật dữ liệu.\n")
    assert [name for name, _ in _assigned(text)] == [
        "Cục Kỹ thuật an toàn và Môi trường công nghiệp", "Cục Hóa chất", "Ủy ban nhân dân cấp tỉnh"]


# --- the departments of a ministry as a collective ------------------------------------------------------
def test_heads_of_the_departments_of_a_ministry_give_its_departments():
    """Văn bản hợp nhất 04/VBHN-BYT, Điều 13, wrapped as in the Official Gazette."""
    text = (
        "Điều 13. Tổ chức thực hiện \n"
        "Chánh Văn phòng Bộ, Vụ trưởng, Cục trưởng, Tổng cục trưởng các Vụ, Cục, Tổng cục thuộc Bộ Y \n"
        "tế, Giám đốc Sở Y tế các tỉnh, thành phố trực thuộc Trung ương, Thủ trưởng y tế ngành và các đơn vị liên \n"
        "quan chịu trách nhiệm thi hành các quy định tại Thông tư này. \n"
    )
    got = {a.unit.name: a.unit for a in extract_units(text, GOVERNMENT).assigns}
    assert set(got) == {"Văn phòng Bộ", "Các vụ, cục, tổng cục thuộc Bộ Y tế",
                        "Sở Y tế các tỉnh, thành phố trực thuộc Trung ương"}
    departments = got["Các vụ, cục, tổng cục thuộc Bộ Y tế"]
    assert departments.collective and departments.level == "central" and departments.unit_type == "department"


@pytest.mark.parametrize("text", ["các vụ việc vi phạm được xử lý", "Các vụ án hình sự", "các cục bộ"])
def test_departments_as_a_kind_are_written_with_a_capital(text):
    assert unit_at(text, 0) is None


def test_titles_in_a_row_need_a_collective_after_them():
    assert unit_list_at("Vụ trưởng, Cục trưởng Cục Thuế chỉ đạo", 0, titles=True) == []


# --- a circular's own minister ------------------------------------------------------------------------
# The preamble of Thông tư 27/2026/TT-BKHCN as the Official Gazette prints it.
CIRCULAR_PREAMBLE = (
    "Theo đề nghị của Cục trưởng Cục Tần số vô tuyến điện; \n"
    "Bộ trưởng Bộ Khoa học và Công nghệ ban hành Thông tư Quy hoạch sử \n"
    "dụng kênh tần số truyền hình số mặt đất băng tần 470-694 MHz. \n"
)


def _in(doc_type: str | None, text: str) -> list[tuple[str, str]]:
    ctx = UnitContext(level="central", place=Place(), issuer_code="BKHCN", doc_date="2026-01-15", doc_type=doc_type)
    return [(a.unit.name, a.role) for a in extract_units(CIRCULAR_PREAMBLE + text, ctx).assigns]


def test_a_bare_minister_in_a_circular_is_its_ministry():
    text = "Điều 4. Tổ chức thực hiện\n1. Bộ trưởng chỉ đạo Cục Tần số vô tuyến điện theo dõi việc thực hiện.\n"
    assert _in("TT", text)[0] == ("Bộ Khoa học và Công nghệ", "execute")
    # the unit the minister "giao" (gives) the task to takes it, and "theo dõi" after "giao" makes it the lead
    given = text.replace("chỉ đạo", "giao")
    assert _in("TT", given) == [("Cục Tần số vô tuyến điện", "lead")]
    assert _in("NĐ", text)[0] == ("Các bộ", "execute")  # a decree: every minister
    assert _in(None, text)[0] == ("Các bộ", "execute")  # type unknown: as before


def test_a_minister_heading_a_list_of_officials_is_every_minister_even_in_a_circular():
    """Thông tư 03/2023/TT-BKHĐT, Điều 8: the heads of many bodies, so "Bộ trưởng" is every minister."""
    text = (
        "Điều 8. Hiệu lực và trách nhiệm thi hành \n"
        "2. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính \n"
        "phủ, Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương chịu trách \n"
        "nhiệm thi hành quy định tại Thông tư này.\n"
    )
    names = [name for name, _ in _in("TT", text)]
    assert names[:3] == ["Các bộ", "Các cơ quan ngang bộ", "Các cơ quan thuộc chính phủ"]


def test_the_pipeline_tells_units_the_document_type():
    """The real head of Thông tư 27/2026/TT-BKHCN, then an article that tasks the minister."""
    path = H.shared_dir() / "corpus" / "gazette" / "thong-tu-so-27-2026-tt-bkhcn-469693.txt"
    text = read_document(path)
    head = text[: text.index("Điều 1. Phạm vi")]
    doc = parse_text(head + "Điều 4. Tổ chức thực hiện\n1. Bộ trưởng quyết định việc điều chỉnh kênh tần số.\n")
    assert doc.doc_type == "TT"
    assert [a.unit.name for a in doc.units.assigns] == ["Bộ Khoa học và Công nghệ"]


def test_a_role_verb_after_the_units_colon():
    """State plans give each unit its tasks after a colon: "1. Công an tỉnh: Chủ trì, phối hợp …"."""
    from policygraph.ingest.pipeline import parse_text

    doc = parse_text(
        "ỦY BAN NHÂN DÂN\nTỈNH THÁI NGUYÊN\nSố: 125/KH-UBND\n\nKẾ HOẠCH\nTriển khai thực hiện Đề án\n\n"
        "II. TỔ CHỨC THỰC HIỆN\n1. Công an tỉnh: Chủ trì, phối hợp với các sở, ban, ngành theo dõi, đôn đốc.\n"
        "2. Sở Thông tin và Truyền thông: Phối hợp với Công an tỉnh tuyên truyền về Đề án.\n"
    )
    assert [(a.unit.name, a.role) for a in doc.units.assigns] == [
        ("Công an tỉnh", "lead"), ("Các sở, ban, ngành", "support"), ("Sở Thông tin và Truyền thông", "support")]
