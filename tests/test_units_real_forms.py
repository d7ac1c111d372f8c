"""Who is told to do what, in the forms short real documents use (letters, the closing articles of decisions,
news of directives): officials who head or sit on a body, departments named after a colon, abbreviated
department names, predicates that are no task, reports sent to an official, requests made by a named official.
The examples are written for these tests; each keeps the grammatical form that matters."""

from __future__ import annotations

import pytest

from policygraph.ingest import lexicon as T
from policygraph.ingest.models import Place
from policygraph.ingest.unit_finder import unit_list_at
from policygraph.ingest.unit_resolve import UnitContext
from policygraph.ingest.units import extract_units

PROVINCE = UnitContext(level="province", place=Place("Lạng Sơn"), issuer_code="UBND", doc_date="2024-06-03")
DISTRICT = UnitContext(level="district", place=Place("Lạng Sơn", "Tràng Định"), issuer_code="UBND",
                       doc_date="2024-06-03")


def _assigned(text: str, ctx: UnitContext = PROVINCE) -> list[tuple[str, str]]:
    return [(a.unit.name, a.role) for a in extract_units(text, ctx).assigns]


def _names(text: str, ctx: UnitContext = PROVINCE) -> list[str]:
    return [name for name, _ in _assigned(text, ctx)]


# --- officials who head or sit on a body act for it ------------------------------------------------
def test_a_decision_article_names_the_head_of_the_ethnic_affairs_board():
    text = ("Điều 3. Chánh Văn phòng UBND tỉnh, Trưởng Ban Dân tộc, Thủ trưởng các sở, ban, ngành tỉnh, UBND cấp "
            "huyện và các đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.\n")
    names = _names(text)
    # the bare "Ban Dân tộc" is the province's (the decision's level), not the level of a unit further on
    assert names[:4] == ["Văn phòng Ủy ban nhân dân tỉnh", "Ban Dân tộc tỉnh", "Các sở, ban, ngành tỉnh",
                         "Ủy ban nhân dân cấp huyện"]


def test_the_central_ethnic_committee_is_not_read_as_a_provincial_board():
    text = "Điều 2. Ủy ban Dân tộc hướng dẫn các tỉnh triển khai Quyết định này.\n"
    extraction = extract_units(text, PROVINCE)
    assert [(a.unit.name, a.unit.level) for a in extraction.assigns] == [("Ủy ban Dân tộc", "central")]


@pytest.mark.parametrize("written, name", [ex for title in T.TITLES for ex in title.examples
                                           if title.phrases[0] in ("trưởng", "người đứng đầu")])
def test_new_title_examples_give_the_body(written: str, name: str):
    units = unit_list_at(written, 0, titles=True)
    assert [u.name for u in units] == [name]


def test_a_clause_opening_on_members_of_a_body_keeps_its_own_subject():
    # "; Các thành viên Tổ công tác …": the members are not the committees named before them on the line
    text = ("Điều 3. Chánh Văn phòng UBND tỉnh; Chủ tịch UBND các huyện, thành phố; Các thành viên Tổ công tác "
            "và các đơn vị liên quan chịu trách nhiệm thi hành Quyết định này.\n")
    assigned = _assigned(text)
    tail = [name for name, _ in assigned if "thi hành" in name or name.startswith("Ủy ban nhân dân các")]
    assert tail == ["Ủy ban nhân dân các huyện, thành phố"]  # once, for its own clause only


def test_heads_of_agencies_asked_in_a_directive_are_their_agencies():
    text = ("Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các xã, phường, thị trấn; "
            "người đứng đầu các cơ quan, đơn vị thực hiện nghiêm các biện pháp phòng bệnh.\n")
    names = _names(text)
    assert names == ["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các xã, phường, thị trấn", "Các cơ quan, đơn vị"]


def test_a_clause_opening_on_a_title_that_names_no_unit_takes_no_task():
    text = ("2. Bộ Công an có trách nhiệm phê duyệt kế hoạch hằng năm của các trại tạm giam. Thủ trưởng Cơ quan quản "
            "lý thi hành án thuộc Bộ Quốc phòng có trách nhiệm phê duyệt kế hoạch của các trại trong quân đội.\n")
    assert _names(text) == ["Bộ Công an"]


def test_a_clause_that_goes_on_with_the_object_keeps_the_subject():
    # "; các hoạt động văn hóa …" continues what the subject is to guide: not a subject of its own
    text = ("6. Sở Văn hóa chủ trì hướng dẫn công tác tuyên truyền; các hoạt động văn hóa, thể thao cho "
            "thanh niên.\n")
    assert _names(text) == ["Sở Văn hóa", "Sở Văn hóa"]


# --- departments named after a colon ------------------------------------------------------------------
def test_departments_named_after_the_kind_and_a_colon():
    text = ("Điều 3. Chánh Văn phòng UBND tỉnh; Giám đốc các Sở: Nội vụ, Tài chính, Kế hoạch và Đầu tư, Y tế; "
            "Chủ tịch UBND các huyện chịu trách nhiệm thi hành Quyết định này.\n")
    assert _names(text) == ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Nội vụ", "Sở Tài chính", "Sở Kế hoạch và Đầu tư",
                            "Sở Y tế", "Ủy ban nhân dân các huyện"]


def test_a_title_followed_by_a_colon_heads_the_units_after_it():
    text = ("Giao Giám đốc: Sở Tư pháp, Sở Nội vụ tổ chức tuyên truyền Luật mới trên địa bàn tỉnh.\n")
    assert _names(text) == ["Sở Tư pháp", "Sở Nội vụ"]


def test_a_collective_without_a_colon_stays_one_collective():
    assert [u.name for u in unit_list_at("Thủ trưởng các sở, ngành thực hiện", 0, titles=True)] == ["Các sở, ngành"]


# --- abbreviated department names ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "written, name",
    [
        ("Sở TN&MT", "Sở Tài nguyên và Môi trường"),
        ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("Phòng GD&ĐT huyện", "Phòng Giáo dục và Đào tạo huyện"),
        ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
        ("Sở KH&CN", "Sở Khoa học và Công nghệ"),
        ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
        ("Phòng LĐTB&XH huyện", "Phòng Lao động - Thương binh và Xã hội huyện"),
        ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
        ("Sở VH-TT&DL", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Sở VHTT&DL", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Sở GTVT", "Sở Giao thông vận tải"),
    ],
)
def test_abbreviated_department_names_are_expanded(written: str, name: str):
    units = unit_list_at(f"{written} phải báo cáo", 0)
    assert [(u.name, u.written) for u in units] == [(name, written)]


def test_an_abbreviated_name_is_not_read_as_the_standing_body():
    # "TT&TT" (information and communications), not "TT" (Thường trực)
    assert [u.name for u in unit_list_at("Sở TT&TT, TT. HĐND huyện", 0)] == [
        "Sở Thông tin và Truyền thông", "Thường trực Hội đồng nhân dân huyện"]


# --- predicates that are no task -----------------------------------------------------------------------
@pytest.mark.parametrize("pattern, example", T.NOT_TASK_PREDICATES)
def test_predicates_that_say_what_a_unit_did_give_no_task(pattern: str, example: str):
    assert _names(example + "\n") == []


@pytest.mark.parametrize("pattern, example", T.PASSIVE_NOT_TASKS)
def test_passive_grants_give_no_task(pattern: str, example: str):
    assert _names(f"3. {example}.\n") == []


def test_a_reply_letter_assigns_only_what_it_gives():
    text = ("UBND tỉnh nhận được Công văn số 15/SXD-QH ngày 02/5/2024 của Sở Xây dựng. UBND tỉnh có ý kiến như sau:\n"
            "Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính rà soát, tham mưu UBND tỉnh; hoàn thành trước ngày "
            "30/6/2024.\n")
    extraction = extract_units(text, PROVINCE)
    got = [(a.unit.name, a.role, a.deadline) for a in extraction.assigns]
    assert ("Sở Xây dựng", "lead", None) in got and ("Sở Tài chính", "support", None) in got
    assert ("Sở Xây dựng", "execute", "2024-06-30") in got
    assert all(name != "Ủy ban nhân dân tỉnh" for name, _, _ in got)


def test_a_task_that_receives_something_is_still_a_task():
    # "được giao" is a task given, not a grant
    assert _assigned("Sở Y tế được giao chủ trì tổ chức thực hiện Kế hoạch.\n") != []


# --- reports and requests ---------------------------------------------------------------------------
def test_a_report_to_the_official_heading_a_body_goes_to_the_body():
    text = ("Theo đó, Chủ tịch UBND tỉnh đề nghị Thủ trưởng các sở, ngành triển khai thực hiện và báo cáo "
            "Chủ tịch UBND tỉnh (qua Sở Nội vụ) khi có vướng mắc.\n")
    extraction = extract_units(text, PROVINCE)
    assert [a.unit.name for a in extraction.assigns] == ["Các sở, ngành"]
    assert [(r.to.name, r.via.name if r.via else None) for r in extraction.reports_to] == [
        ("Ủy ban nhân dân tỉnh", "Sở Nội vụ")]


def test_a_request_by_a_named_official_asks_the_units_after_the_verb():
    text = ("Kết luận cuộc họp, đồng chí Lê Văn Minh – Phó Chủ tịch UBND huyện yêu cầu các cơ quan, đơn vị và "
            "UBND các xã rà soát số liệu, báo cáo về UBND huyện (thông qua Phòng Nội vụ) để tổng hợp.\n")
    extraction = extract_units(text, DISTRICT)
    assert [a.unit.name for a in extraction.assigns] == ["Các cơ quan, đơn vị", "Ủy ban nhân dân các xã"]
    assert [(r.to.name, r.via.name if r.via else None) for r in extraction.reports_to] == [
        ("Ủy ban nhân dân huyện", "Phòng Nội vụ")]


def test_a_request_after_an_official_and_their_name_asks_the_units_after_the_verb():
    text = "Chủ tịch UBND tỉnh Hoàng Văn Bình đề nghị các sở, ban, ngành tăng cường kiểm tra.\n"
    assert _names(text) == ["Các sở, ban, ngành"]
