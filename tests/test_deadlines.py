"""Deadline phrases become dates or recurring rules."""

from __future__ import annotations

import pytest

from policygraph.ingest.deadlines import find_deadlines, parse_deadline

CASES = [  # text, document date, (date, rule)
    ("hoàn thành trong quý IV/2016", None, ("2016-12-31", "by:2016-12-31")),
    ("tổ chức Hội nghị trong quý IV", "2016-10-01", ("2016-12-31", "by:2016-12-31")),
    ("trong quý II năm 2020", None, ("2020-06-30", "by:2020-06-30")),
    ("trước ngày 10 tháng 12 hằng năm", "2017-03-20", ("2017-12-10", "yearly:12-10")),
    ("trước ngày 10 tháng 12 hằng năm", "2017-12-20", ("2018-12-10", "yearly:12-10")),
    ("trước ngày 10 tháng 12 hàng năm", None, (None, "yearly:12-10")),
    ("trước ngày 31 tháng 12 năm 2027", None, ("2027-12-31", "by:2027-12-31")),
    ("trước ngày 15/12/2024", None, ("2024-12-15", "by:2024-12-15")),
    ("chậm nhất ngày 30/6/2025", None, ("2025-06-30", "by:2025-06-30")),
    ("trước ngày 15 tháng 11", "2023-02-01", ("2023-11-15", "by:2023-11-15")),
    ("định kỳ hàng quý, sáu tháng, một năm", None, (None, "quarterly;half-yearly;yearly")),
    ("Định kỳ hàng năm tham mưu", None, (None, "yearly")),
    ("định kỳ 6 tháng, một năm có chương trình", None, (None, "half-yearly;yearly")),
    ("hằng tháng báo cáo", None, (None, "monthly")),
    ("trong năm 2024", None, ("2024-12-31", "by:2024-12-31")),
    ("trong tháng 12/2016", None, ("2016-12-31", "by:2016-12-31")),
    ("năm 2017 sơ kết", None, ("2017-12-31", "by:2017-12-31")),
]


@pytest.mark.parametrize(("text", "doc_date", "want"), CASES)
def test_deadline_phrases(text, doc_date, want):
    found = parse_deadline(text, doc_date)
    assert found is not None and (found.date, found.rule) == want
    assert text[found.start:found.end].strip() == found.text


def test_two_milestones():
    found = find_deadlines("năm 2017 sơ kết; năm 2020 tổng kết 05 năm thực hiện Kế hoạch")
    assert [d.rule for d in found] == ["by:2017-12-31", "by:2020-12-31"]


@pytest.mark.parametrize("text", ["Kế hoạch được thực hiện trong giai đoạn", "quý báu", "ngày càng phồn vinh",
                                  "trước ngày 31 tháng 13 năm 2020", "Quy chế dân chủ ở cơ sở"])
def test_not_deadlines(text):
    assert find_deadlines(text, "2020-01-01") == []


def test_an_undated_plan_counts_its_deadlines_from_the_year_it_is_known_by():
    from policygraph.ingest.pipeline import parse_text

    text = (
        "TỈNH ỦY GIA LAI\n*\nKẾ HOẠCH\nvề công tác dân vận\n\n"
        "Thực hiện Kế hoạch số 711-KH/BDVTW ngày 08/3/2017 của Ban Dân vận Trung ương, Ban Thường vụ Tỉnh ủy "
        "xây dựng kế hoạch như sau:\n\nIII. TỔ CHỨC THỰC HIỆN\n"
        "1. Các huyện ủy báo cáo kết quả trước ngày 10 tháng 12 hằng năm.\n"
        "2. Ban Dân vận Tỉnh ủy tổng kết trong quý IV.\n"
    )
    doc = parse_text(text)
    assert (doc.date, doc.year, "year_estimated" in doc.flags) == (None, 2017, True)
    assert [(a.deadline, a.deadline_rule) for a in doc.units.assigns] == [
        ("2017-12-10", "yearly:12-10"), ("2017-12-31", "by:2017-12-31")]


@pytest.mark.parametrize("paid", ["trợ cấp", "phụ cấp", "tiền lương", "thu nhập", "sinh hoạt phí", "kinh phí"])
def test_a_period_after_what_is_paid_is_no_deadline(paid):
    assert find_deadlines(f"Chính phủ quy định đối tượng hưởng {paid} hằng tháng") == []
    assert [d.rule for d in find_deadlines(f"Định kỳ báo cáo hằng tháng về {paid}")] == ["monthly"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("hoàn thành trước 30/6/2025", ("2025-06-30", "by:2025-06-30")),
        ("báo cáo chậm nhất trước 15/9", ("2025-09-15", "by:2025-09-15")),
        ("gửi kết quả trước 10/12 hằng năm", ("2025-12-10", "yearly:12-10")),
    ],
)
def test_a_day_written_with_a_slash_needs_no_ngay(text, want):
    assert [(d.date, d.rule) for d in find_deadlines(text, "2025-03-01")] == [want]


@pytest.mark.parametrize("text", ["đạt trên 2/3 số hộ", "trước 45/2019/QH14 của Quốc hội", "trước 32/13"])
def test_numbers_with_a_slash_that_are_no_day(text):
    assert find_deadlines(text, "2025-03-01") == []
