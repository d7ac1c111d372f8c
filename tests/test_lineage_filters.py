"""The lineage tree below a provincial programme: row order, the --since/--until window and its
boundaries, a document reached from two parents (`also_under`).

The texts are written for these tests in the frame Tuyên Quang's committees use; they go
through the real pipeline (files -> ingest_paths -> store -> NetworkXBackend).
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from policygraph.cli import main
from policygraph.graph.store import Store
from policygraph.ingest.pipeline import ingest_paths
from policygraph.queries.backend import NetworkXBackend
from policygraph.queries.lineage import Filters, roots, trace, visible

PROGRAMME = (
    "ĐẢNG BỘ TỈNH TUYÊN QUANG\nTỈNH ỦY TUYÊN QUANG\nSố 30-CTr/TU\n\nTuyên Quang, ngày 10 tháng 9 năm 2013\n\n"
    "CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng "
    "(khóa XI)\n\nThực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI), "
    "Ban Chấp hành Đảng bộ tỉnh Tuyên Quang ban hành Chương trình hành động như sau:\n\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Quán triệt sâu rộng.\n"
)


def district_plan(district: str, number: str, day: str) -> str:
    """A district Party committee's plan carrying out the programme; `day` as written ('01 tháng 10 năm 2013')."""
    return (
        f"ĐẢNG BỘ TỈNH TUYÊN QUANG\nHUYỆN ỦY {district.upper()}\nSố {number}-KH/HU\n\n{district}, ngày {day}\n\n"
        "KẾ HOẠCH\nthực hiện công tác dân vận\n\n"
        "Thực hiện Chương trình hành động số 30-CTr/TU ngày 10/9/2013 của Tỉnh ủy Tuyên Quang, "
        f"Ban Thường vụ Huyện ủy {district} xây dựng Kế hoạch thực hiện trên địa bàn huyện như sau:\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức của cán bộ, đảng viên.\n"
    )


# a commune plan that carries out both its district's plan and the province's programme
COMMUNE = (
    "ĐẢNG BỘ HUYỆN HÀM YÊN\nĐẢNG ỦY XÃ THÁI SƠN\nSố 05-KH/ĐU\n\nThái Sơn, ngày 15 tháng 10 năm 2013\n\n"
    "KẾ HOẠCH\nthực hiện công tác dân vận\n\n"
    "Thực hiện Kế hoạch số 45-KH/HU ngày 01/10/2013 của Huyện ủy Hàm Yên và Chương trình hành động số 30-CTr/TU "
    "ngày 10/9/2013 của Tỉnh ủy Tuyên Quang, Ban Thường vụ Đảng ủy xã xây dựng Kế hoạch như sau:\n\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Tuyên truyền sâu rộng. Kế hoạch số 45-KH/HU ngày 01/10/2013 của Huyện ủy Hàm Yên "
    "thực hiện Chương trình hành động số 30-CTr/TU ngày 10/9/2013 của Tỉnh ủy Tuyên Quang đã xác định rõ nhiệm vụ.\n"
)
# a commune plan whose frame lost the commune's name
NAMELESS_COMMUNE = (
    "ĐẢNG BỘ HUYỆN HÀM YÊN\nĐẢNG ỦY XÃ\nSố 07-KH/ĐU\n\nHàm Yên, ngày 20 tháng 10 năm 2013\n\n"
    "KẾ HOẠCH\nthực hiện công tác dân vận\n\nThực hiện Kế hoạch số 45-KH/HU ngày 01/10/2013 của Huyện ủy Hàm Yên, "
    "Ban Thường vụ Đảng ủy xã xây dựng Kế hoạch như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. Tuyên truyền.\n"
)
# a provincial plan whose frame lost the province's name and the date
NAMELESS_PROVINCE = (
    "TỈNH ỦY\nSố 15-KH/TU\n\nKẾ HOẠCH\nthực hiện công tác dân vận\n\nThực hiện Nghị quyết số 25-NQ/TW ngày "
    "03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI), Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch như sau:\n\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Quán triệt.\n"
)
# a draft whose date was never filled in ("ngày    tháng    năm 2013")
UNDATED = district_plan("Yên Sơn", "33", "   tháng    năm 2013")

FILES = {
    "programme.txt": PROGRAMME,
    "ham-yen-45.txt": district_plan("Hàm Yên", "45", "01 tháng 10 năm 2013"),
    "ham-yen-12.txt": district_plan("Hàm Yên", "12", "05 tháng 01 năm 2014"),
    "son-duong-20.txt": district_plan("Sơn Dương", "20", "20 tháng 9 năm 2013"),
    "commune.txt": COMMUNE,
    "yen-son-draft.txt": UNDATED,
    "nameless-commune.txt": NAMELESS_COMMUNE,
    "nameless-province.txt": NAMELESS_PROVINCE,
}


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docs")
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    where = tmp_path_factory.mktemp("store")
    store = Store.open(where)
    ingest_paths(store, [folder])
    store.close()
    return where


@pytest.fixture(scope="module")
def backend(store_dir):
    store = Store.open(store_dir)
    graph = store.load_graph()
    store.close()
    return NetworkXBackend(graph)


def _id(backend, name: str) -> str:
    (hit,) = [n for n, a in backend.nodes("document") if (a.get("source") or "").endswith("/" + name)]
    return hit


def _names(backend, rows) -> list[str]:
    """The file name of each row ('TW' for the central resolution, which is only cited)."""
    by_id = {_id(backend, name): name for name in FILES}
    return [by_id.get(r.doc.id, r.doc.symbol) for r in rows]


def test_rows_come_by_depth_then_level_then_district_then_date(backend):
    rows = trace(backend, _id(backend, "programme.txt"))
    # Hàm Yên before Sơn Dương although Sơn Dương's plan is the oldest; inside Hàm Yên the
    # older plan (45, October 2013) before the newer (12, January 2014) although 12 < 45;
    # Yên Sơn's undated draft after them (by district); the commune, a level lower, last
    assert _names(backend, rows) == ["programme.txt", "ham-yen-45.txt", "ham-yen-12.txt", "son-duong-20.txt",
                                     "yen-son-draft.txt", "commune.txt", "nameless-commune.txt"]
    assert [r.depth for r in rows] == [0, 1, 1, 1, 1, 1, 2]


def test_a_row_without_a_place_name_sorts_before_the_named_ones_of_its_level(backend):
    below_district = trace(backend, _id(backend, "ham-yen-45.txt"))
    assert _names(backend, below_district) == ["ham-yen-45.txt", "nameless-commune.txt", "commune.txt"]
    below_central = trace(backend, "doc:25-NQ/TW||XI")
    assert _names(backend, below_central)[:3] == ["25-NQ/TW", "nameless-province.txt", "programme.txt"]


def test_a_document_reached_from_two_parents_names_the_other_in_also_under(backend):
    rows = {r.doc.id: r for r in trace(backend, _id(backend, "programme.txt"))}
    commune = rows[_id(backend, "commune.txt")]
    assert commune.parent == _id(backend, "programme.txt")
    assert commune.also_under == [_id(backend, "ham-yen-45.txt")]
    # the district plan is reached twice from the programme (its own citation, and the commune's
    # sentence saying it carries the programme out): one parent, no also_under
    assert rows[_id(backend, "ham-yen-45.txt")].parent == _id(backend, "programme.txt")
    assert all(r.also_under == [] for i, r in rows.items() if i != commune.doc.id)


def test_an_upward_trace_keeps_both_parents_and_reaches_one_root(backend):
    rows = trace(backend, _id(backend, "commune.txt"), down=False)
    assert _names(backend, rows) == ["commune.txt", "programme.txt", "ham-yen-45.txt", "25-NQ/TW"]
    assert [r.doc.id for r in roots(rows)] == ["doc:25-NQ/TW||XI"]


def test_until_keeps_documents_of_that_day_and_before(backend):
    rows = visible(trace(backend, _id(backend, "programme.txt"), filters=Filters(until=date(2013, 10, 1))))
    assert _names(backend, rows) == ["programme.txt", "ham-yen-45.txt", "son-duong-20.txt"]


def test_until_the_day_before_drops_that_days_document(backend):
    rows = visible(trace(backend, _id(backend, "programme.txt"), filters=Filters(until=date(2013, 9, 30))))
    assert _names(backend, rows) == ["programme.txt", "son-duong-20.txt"]


def test_since_keeps_documents_of_that_day_and_after(backend):
    rows = visible(trace(backend, _id(backend, "programme.txt"), filters=Filters(since=date(2013, 10, 1))))
    assert _names(backend, rows) == ["programme.txt", "ham-yen-45.txt", "ham-yen-12.txt", "commune.txt",
                                     "nameless-commune.txt"]


def test_since_the_day_after_drops_that_days_document(backend):
    rows = visible(trace(backend, _id(backend, "programme.txt"), filters=Filters(since=date(2013, 10, 2))))
    assert _names(backend, rows) == ["programme.txt", "ham-yen-12.txt", "commune.txt", "nameless-commune.txt"]
    # the district plan is hidden but kept, so that its child, shown, still hangs under it
    every = trace(backend, _id(backend, "programme.txt"), filters=Filters(since=date(2013, 10, 2)))
    assert [(n, r.shown) for n, r in zip(_names(backend, every), every, strict=True) if n.startswith("ham-yen-45")] == [
        ("ham-yen-45.txt", False)]


def test_a_window_keeps_what_lies_inside_both_bounds(backend):
    window = Filters(since=date(2013, 9, 21), until=date(2013, 12, 31))
    rows = visible(trace(backend, _id(backend, "programme.txt"), filters=window))
    assert _names(backend, rows) == ["programme.txt", "ham-yen-45.txt", "commune.txt", "nameless-commune.txt"]


def test_no_date_filter_shows_the_undated_draft_and_a_date_filter_hides_it(backend):
    root = _id(backend, "programme.txt")
    assert "yen-son-draft.txt" in _names(backend, visible(trace(backend, root)))
    wide = Filters(since=date(2000, 1, 1), until=date(2030, 1, 1))
    assert "yen-son-draft.txt" not in _names(backend, visible(trace(backend, root, filters=wide)))


def test_an_upward_trace_of_two_documents_has_the_parent_as_its_root(backend):
    rows = trace(backend, _id(backend, "programme.txt"), down=False)
    assert [r.doc.id for r in rows] == [_id(backend, "programme.txt"), "doc:25-NQ/TW||XI"]
    assert [r.doc.id for r in roots(rows)] == ["doc:25-NQ/TW||XI"]


def test_a_trace_of_the_root_alone_is_its_own_root(backend):
    rows = trace(backend, _id(backend, "commune.txt"))
    assert [r.doc.id for r in rows] == [_id(backend, "commune.txt")]
    assert roots(rows) == rows


def test_a_row_as_a_dict_carries_its_place_in_the_tree(backend):
    rows = {r.doc.id: r for r in trace(backend, _id(backend, "programme.txt"))}
    out = rows[_id(backend, "commune.txt")].to_dict()
    assert (out["symbol"], out["date"], out["level"]) == ("05-KH/ĐU", "2013-10-15", "commune")
    assert (out["depth"], out["parent"], out["also_under"], out["asserted"]) == (
        1, _id(backend, "programme.txt"), [_id(backend, "ham-yen-45.txt")], False)
    assert out["stated_in"] == _id(backend, "commune.txt")
    assert out["evidence"].startswith("Thực hiện Kế hoạch số 45-KH/HU")


def test_the_command_line_takes_the_window_as_iso_days(store_dir):
    args = ["--store", str(store_dir), "trace", "30-CTr/TU", "--since", "2013-09-21", "--until", "2013-10-01",
            "--format", "json"]
    out = CliRunner().invoke(main, args)
    assert out.exit_code == 0, out.output
    assert [(r["symbol"], r["date"]) for r in json.loads(out.output)["rows"]] == [
        ("30-CTr/TU", "2013-09-10"), ("45-KH/HU", "2013-10-01")]
    bad = CliRunner().invoke(main, [*args[:7], "1/10/2013"])
    assert bad.exit_code == 2 and "1/10/2013: expected YYYY-MM-DD" in bad.output
