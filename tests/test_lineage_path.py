"""`path` between two documents no chain of `implements` joins: the shortest chain over
`based_on` and `references` edges taken either way, each step marked with its direction.

Two provincial texts of Tuyên Quang cite the Prime Minister's decision 06/QĐ-TTg: the plan is
based on it ("Căn cứ"), the report only mentions it in its body.
"""

from __future__ import annotations

import pytest

from policygraph.graph.store import Store
from policygraph.ingest.pipeline import ingest_paths
from policygraph.queries.backend import NetworkXBackend
from policygraph.queries.lineage import path

PLAN = (
    "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG\nSố: 85/KH-UBND\n\nTuyên Quang, ngày 15 tháng 3 năm 2022\n\nKẾ HOẠCH\n"
    "triển khai Đề án phát triển ứng dụng dữ liệu về dân cư\n\n"
    "Căn cứ Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án phát triển ứng dụng "
    "dữ liệu về dân cư, định danh và xác thực điện tử, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Triển khai đồng bộ.\n"
)
REPORT = (
    "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG\nSố: 210/BC-UBND\n\nTuyên Quang, ngày 20 tháng 11 năm 2022\n\nBÁO CÁO\n"
    "Kết quả công tác chuyển đổi số năm 2022\n\nI. KẾT QUẢ ĐẠT ĐƯỢC\n"
    "1. Các sở, ngành đã triển khai các nhiệm vụ của Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng "
    "Chính phủ; tỷ lệ hồ sơ trực tuyến đạt 45%.\n"
)


@pytest.fixture(scope="module")
def backend(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docs")
    (folder / "plan.txt").write_text(PLAN, encoding="utf-8")
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    store = Store.open(tmp_path_factory.mktemp("store"))
    ingest_paths(store, [folder])
    graph = store.load_graph()
    store.close()
    return NetworkXBackend(graph)


def _id(backend, name: str) -> str:
    (hit,) = [n for n, a in backend.nodes("document") if (a.get("source") or "").endswith("/" + name)]
    return hit


def test_path_goes_along_one_edge_and_against_the_other(backend):
    plan, report = _id(backend, "plan.txt"), _id(backend, "report.txt")
    steps = path(backend, plan, report)
    assert [(s.source.symbol, s.target.symbol, s.type, s.forward) for s in steps] == [
        ("85/KH-UBND", "06/QĐ-TTg", "based_on", True),
        ("06/QĐ-TTg", "210/BC-UBND", "references", False),
    ]
    assert steps[0].stated_in == plan and steps[1].stated_in == report
    assert "Căn cứ Quyết định số 06/QĐ-TTg" in steps[0].evidence


def test_path_the_other_way_round_mirrors_the_directions(backend):
    plan, report = _id(backend, "plan.txt"), _id(backend, "report.txt")
    steps = path(backend, report, plan)
    assert [(s.source.symbol, s.target.symbol, s.type, s.forward) for s in steps] == [
        ("210/BC-UBND", "06/QĐ-TTg", "references", True),
        ("06/QĐ-TTg", "85/KH-UBND", "based_on", False),
    ]


def test_no_implements_edge_means_no_path_over_implements_alone(backend):
    plan, report = _id(backend, "plan.txt"), _id(backend, "report.txt")
    assert path(backend, plan, report, edge_types=("implements",)) == []


def test_a_path_step_as_a_dict_names_both_ends_and_the_direction(backend):
    plan, report = _id(backend, "plan.txt"), _id(backend, "report.txt")
    out = path(backend, plan, report)[1].to_dict()
    assert (out["from"]["symbol"], out["to"]["symbol"], out["type"], out["forward"]) == (
        "06/QĐ-TTg", "210/BC-UBND", "references", False)
    assert out["stated_in"] == report and "06/QĐ-TTg" in out["evidence"]
