"""Officials named by title stand for the bodies they head (State legal documents)."""

from __future__ import annotations

import pytest
from policygraph.ingest import unit_table as T
from policygraph.ingest.models import Place
from policygraph.ingest.units import UnitContext, extract_units, unit_list_at

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
