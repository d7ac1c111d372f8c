"""Documents named without a number: a law named without its year beside two years of it (the
ambiguous node lists both), a congress named only by its years, the year of a central congress.
"""

from __future__ import annotations

from policygraph.graph.identity import resolve
from policygraph.ingest.pipeline import parse_text


def decision(number: str, day: str, preamble: str) -> str:
    """A provincial People's Committee decision of Gia Lai; `preamble` is its 'Căn cứ …' lines."""
    return (
        f"ỦY BAN NHÂN DÂN TỈNH GIA LAI\nSố: {number}/QĐ-UBND\n\nGia Lai, ngày {day}\n\nQUYẾT ĐỊNH\n"
        "Về việc ban hành Quy định bồi thường, hỗ trợ khi Nhà nước thu hồi đất\n\n"
        "ỦY BAN NHÂN DÂN TỈNH GIA LAI\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
        f"{preamble}\n\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy định bồi thường.\n"
    )


def _graph(*texts: str):
    return resolve([parse_text(t, f"/docs/{i:02}.txt") for i, t in enumerate(texts)])


def test_a_law_named_without_its_year_beside_two_years_lists_both():
    g = _graph(
        decision("12", "10 tháng 3 năm 2019", "Căn cứ Luật Đất đai năm 2013;"),
        decision("35", "15 tháng 10 năm 2024", "Căn cứ Luật Đất đai năm 2024;"),
        decision("40", "20 tháng 11 năm 2024", "Căn cứ Luật Đất đai;"),
    )
    laws = {n: a for n, a in g.nodes.items() if a.get("unnumbered_kind") == "law" and "dat-dai" in n}
    assert set(laws) == {"doc:~law|dat-dai|2013", "doc:~law|dat-dai|2024", "doc:~law|dat-dai"}
    bare = laws["doc:~law|dat-dai"]
    assert "ambiguous" in bare["flags"]
    assert bare["candidates"] == ["doc:~law|dat-dai|2013", "doc:~law|dat-dai|2024"]
    assert (laws["doc:~law|dat-dai|2013"]["year"], laws["doc:~law|dat-dai|2024"]["year"]) == (2013, 2024)
    assert "candidates" not in laws["doc:~law|dat-dai|2013"]


def test_a_law_named_without_its_year_beside_one_year_joins_it():
    g = _graph(
        decision("12", "10 tháng 3 năm 2019", "Căn cứ Luật Đất đai năm 2013;"),
        decision("40", "20 tháng 11 năm 2019", "Căn cứ Luật Đất đai;"),
    )
    laws = sorted(n for n, a in g.nodes.items() if a.get("unnumbered_kind") == "law" and "dat-dai" in n)
    assert laws == ["doc:~law|dat-dai|2013"]
    assert g.nodes["doc:~law|dat-dai|2013"]["mentions"] == 2
    assert "ambiguous" not in g.nodes["doc:~law|dat-dai|2013"]["flags"]


def _province_plan(number: str, congress: str) -> str:
    return (
        f"TỈNH ỦY GIA LAI\nSố {number}-KH/TU\n\nGia Lai, ngày 12 tháng 5 năm 2017\n\nKẾ HOẠCH\nvề công tác dân vận\n\n"
        f"Thực hiện {congress}, Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. A.\n"
    )


def test_a_congress_named_by_its_years_joins_the_ordinal_written_with_those_years():
    g = _graph(
        _province_plan("40", "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV, nhiệm kỳ 2015 - 2020"),
        _province_plan("41", "Nghị quyết Đại hội Đảng bộ tỉnh nhiệm kỳ 2015 - 2020"),
    )
    congresses = {n: a for n, a in g.nodes.items() if a.get("unnumbered_kind") == "congress_resolution"}
    assert list(congresses) == ["doc:~congress/gia-lai|XV"]
    node = congresses["doc:~congress/gia-lai|XV"]
    assert (node["mentions"], node["ordinal"], node["period"], node["year"]) == (2, "XV", "2015-2020", 2015)


def test_a_congress_named_by_years_no_ordinal_was_written_with_keeps_its_years():
    g = _graph(
        _province_plan("40", "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV, nhiệm kỳ 2015 - 2020"),
        _province_plan("41", "Nghị quyết Đại hội Đảng bộ tỉnh nhiệm kỳ 2020 - 2025"),
    )
    congresses = sorted(n for n, a in g.nodes.items() if a.get("unnumbered_kind") == "congress_resolution")
    assert congresses == ["doc:~congress/gia-lai|2020-2025", "doc:~congress/gia-lai|XV"]
    assert g.nodes["doc:~congress/gia-lai|2020-2025"]["year"] == 2020


def test_a_central_congress_takes_the_first_year_of_its_term():
    g = _graph(_province_plan("40", "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII của Đảng"),
               _province_plan("41", "Nghị quyết Đại hội XIII của Đảng"))
    xii, xiii = g.nodes["doc:~congress/central|XII"], g.nodes["doc:~congress/central|XIII"]
    assert (xii["term"], xii["year"], xii["level"]) == ("XII", 2016, "central")
    assert (xiii["term"], xiii["year"]) == ("XIII", 2021)


def test_a_provincial_congress_has_no_term_of_the_central_committee():
    g = _graph(_province_plan("40", "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV, nhiệm kỳ 2015 - 2020"))
    node = g.nodes["doc:~congress/gia-lai|XV"]
    assert (node["term"], node["ordinal"], node["level"], node["province"]) == (None, "XV", "province", "Gia Lai")


def test_a_plenum_has_the_term_written_and_no_year_taken_from_the_term():
    g = resolve([
        parse_text("Thực hiện Nghị quyết Hội nghị Trung ương 4 về xây dựng Đảng.", "/a.txt"),
        parse_text("Thực hiện Nghị quyết Trung ương 8 (khóa XII) về chiến lược bảo vệ Tổ quốc.", "/b.txt"),
    ])
    eighth, fourth = g.nodes["doc:~plenum|XII-8"], g.nodes["doc:~plenum|?-4"]
    # the eighth plenum of term XII met in 2018, not in the term's first year 2016: no year is better than a wrong one
    assert (eighth["term"], eighth["ordinal"], eighth["year"]) == ("XII", "8", None)
    assert (fourth["term"], fourth["ordinal"], fourth["year"]) == (None, "4", None)


def _investment_law_and(*decrees: tuple[str, str, str]):
    """The ingested Luật Đầu tư of 2020 (passed on 17 June 2020) and decrees (number, day, 'Căn cứ' line)."""
    from pathlib import Path

    from policygraph.ingest.pipeline import parse_file

    gazette = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "gazette"
    docs = [parse_file(gazette / "luat-so-61-2020-qh14-31682.txt")]
    for number, day, basis in decrees:
        docs.append(parse_text(
            f"CHÍNH PHỦ\nSố: {number}/NĐ-CP\nHà Nội, ngày {day}\n\nNGHỊ ĐỊNH\nQuy định chi tiết\n\n{basis}\n\n"
            "Chính phủ ban hành Nghị định.\n\nĐiều 1. Phạm vi\n", f"{number.replace('/', '-')}.txt"))
    g = resolve(docs)
    return g, {s: t for s, t, k, _ in g.edges if k == "based_on" and "/NĐ-CP|" in s}  # what each decree is based on


def test_a_law_named_in_a_text_of_the_year_it_was_passed_is_the_ingested_law():
    basis = "Căn cứ Luật Đầu tư ngày 17 tháng 6 năm 2020;"  # the day it was passed: no year written after the name
    g, based_on = _investment_law_and(("25/2020", "28 tháng 12 năm 2020", basis))
    assert based_on == {"doc:25/2020/NĐ-CP||2020": "doc:61/2020/QH14||2020"}
    assert not {"doc:~law|dau-tu", "doc:~law|dau-tu|2020"} & set(g.nodes)


def test_a_law_named_with_another_year_is_not_the_ingested_law():
    g, based_on = _investment_law_and(
        ("31/2021", "26 tháng 3 năm 2021", "Căn cứ Luật Đầu tư năm 2020;"),
        ("40/2021", "30 tháng 3 năm 2021", "Căn cứ Luật Đầu tư năm 2014;"),
    )
    assert based_on == {"doc:31/2021/NĐ-CP||2021": "doc:61/2020/QH14||2020",
                        "doc:40/2021/NĐ-CP||2021": "doc:~law|dau-tu|2014"}
