"""Documents named without a number (congress and plenum resolutions, laws by name): the
rule table's examples, the law titles table's examples, words that must not match, the
preamble relation, the seeds against the answer key's `unnumbered` lists, and identity (one
congress or plenum, one node)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from support import ingest as H

from policygraph.graph.identity import resolve
from policygraph.ingest import tables
from policygraph.ingest.models import Place
from policygraph.ingest.pipeline import parse_file, parse_text
from policygraph.ingest.unnumbered import RULES, find_unnumbered
from policygraph.text import fold

DISTRICT = Place("Bình Phước", "Hớn Quản")
EXAMPLES = [(r.kind, written, expected) for r in RULES for written, expected in r.examples]


def test_every_rule_has_examples():
    assert all(r.examples for r in RULES)


@pytest.mark.parametrize("kind,written,expected", EXAMPLES, ids=[w for _, w, _ in EXAMPLES])
def test_rule_examples_are_found_as_their_rule_says(kind, written, expected):
    found = find_unnumbered(written, "district", DISTRICT)
    assert len(found) == 1, found
    u = found[0]
    assert u.kind == kind
    assert {k: getattr(u, k) for k in expected} == expected


NOT_DOCUMENTS = [
    "Chỉ đạo tổ chức thành công Đại hội Đảng bộ huyện lần thứ XI, nhiệm kỳ 2015 - 2020.",  # an event
    "đảm bảo chỉ tiêu Đại hội Đảng bộ huyện lần thứ XI đề ra",
    "thực hiện thắng lợi các mục tiêu của Nghị quyết Đại hội Đảng bộ các cấp nhiệm kỳ 2015 – 2020.",
    "tổ chức thành công Đại hội Mặt trận Tổ quốc Việt Nam xã, nhiệm kỳ 2024 - 2029",
    "Căn cứ Luật số 26/2012/QH13 ngày 20/11/2012 của Quốc hội;",  # numbered: a citation already
    "theo Luật Đất đai số 45/2013/QH13",
    "Nghị quyết Hội nghị Trung ương 7 khóa XI số 25-NQ/TW",
    "Nghị quyết số 25-NQ/TW ngày 03/6/2013 Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng (khóa XI)",
    "Nghị quyết số 101-NQ/ĐU ngày 26/12/2023 Hội nghị Ban Chấp hành Đảng bộ xã lần thứ 44, khóa XX",
    "Luật sư tư vấn pháp lý miễn phí cho Nhân dân.",
    "chính sách, pháp luật của Nhà nước; luật pháp",
    "Luật pháp phải được thực thi nghiêm.",
    "Nghị quyết Trung ương năm 2018 của Ban Chấp hành",
    "các Luật, Nghị định hướng dẫn",
    "41.5. Đồn Hòa Luật (Hòa Luật Nam)",  # a place: "Luật" inside a capitalised name
    # numbered, the number on the next line: the citation has it
    "Luật Báo chí số 103/2016/QH13, Luật Giáo dục quốc phòng và an ninh \nsố 30/2013/QH13,",
    "Căn cứ Luật Tố cáo \nsố 03/2011/QH13;",
    "Nghị quyết Hội nghị Ban Chấp hành Đảng bộ tỉnh về công tác cán bộ",  # which plenum?
    "Nghị quyết Hội nghị lần thứ 5 Ban Chấp hành Đảng bộ tỉnh khóa XV số 12-NQ/TU",
]


@pytest.mark.parametrize("text", NOT_DOCUMENTS)
def test_words_that_name_no_unnumbered_document(text):
    assert find_unnumbered(text, "district", DISTRICT) == []


def test_preamble_relations_follow_the_numbered_rules():
    text = (
        "KẾ HOẠCH\nvề công tác dân vận\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương năm 2015;\n"
        "Thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương (khóa XI) và "
        "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XV, nhiệm kỳ 2015 - 2020, "
        "Ban Thường vụ Tỉnh ủy xây dựng kế hoạch như sau:\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n\n"
        "1. Thực hiện tốt Nghị quyết Trung ương 4 (khóa XII) về xây dựng Đảng.\n"
    )
    found = {u.kind: u for u in find_unnumbered(text, "province", Place("Gia Lai"))}
    assert found["law"].relation == "based_on" and found["law"].year == 2015
    assert found["congress_resolution"].relation == "implements"
    assert found["congress_resolution"].evidence.startswith("Thực hiện Nghị quyết số 25-NQ/TW")
    assert found["plenum_resolution"].relation == "references"  # after the preamble


def test_a_document_named_in_a_cited_documents_subject_is_only_referenced():
    text = (
        "KẾ HOẠCH\ntuyên truyền\n\n"
        "Thực hiện Kế hoạch số 12-KH/TU ngày 10/5/2021 của Ban Thường vụ Tỉnh ủy về thực hiện Nghị quyết Đại hội "
        "đại biểu toàn quốc lần thứ XIII của Đảng; Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVI, "
        "Ban Tuyên giáo Tỉnh ủy xây dựng kế hoạch như sau:\n"
    )
    doc = parse_text(text)
    assert [(c.symbol, c.relation) for c in doc.citations] == [("12-KH/TU", "implements")]
    relations = {u.ordinal: u.relation for u in doc.unnumbered}
    # the plan is about the national congress's resolution; the provincial one is implemented by this text
    assert relations == {"XIII": "references", "XVI": "implements"}
    # without the numbered citations (the function alone) the trigger governs both
    alone = {u.ordinal: u.relation for u in find_unnumbered(text, "province", Place("Gia Lai"))}
    assert alone == {"XIII": "implements", "XVI": "implements"}


def _fold(text: str) -> str:
    return re.sub(r"\s*[-–]\s*", "-", " ".join(text.split())).lower()


def _gold() -> dict[str, list[str]]:
    data = json.loads((H.shared_dir() / "gold" / "seeds.json").read_text("utf-8"))
    return {d["file"]: d["unnumbered"] for d in data["documents"]}


def test_seeds_give_the_answer_keys_unnumbered_congresses_plenums_and_laws_as_nodes():
    """Named plans and projects ("Đề án …", "Kế hoạch cải cách hành chính …") are not extracted."""
    docs = [parse_file(p) for p in sorted((H.shared_dir() / "corpus" / "seeds").glob("*.txt"))]
    g = resolve(docs)
    for name, entries in _gold().items():
        doc = next(d for d in docs if Path(d.path).name == name)
        src = next(n for n, a in g.nodes.items() if a.get("source") == doc.path)
        targets = {
            t: _fold(attrs["written"]) for s, t, _k, attrs in g.edges if s == src and g.nodes[t].get("unnumbered")
        }
        wanted = [_fold(e) for e in entries if e.startswith(("Nghị quyết", "Luật"))]
        matched = set()
        for entry in wanted:
            hit = [t for t, written in targets.items() if entry.startswith(written) or written.startswith(entry)]
            assert len(hit) == 1, (name, entry, targets)
            matched.update(hit)
        assert set(targets) == matched, (name, set(targets) - matched)  # nothing extra


def test_seed_nodes_carry_identity_and_provenance():
    docs = [parse_file(p) for p in H.sample_files()]
    g = resolve(docs)
    node = g.nodes["doc:~congress/gia-lai|XV"]
    assert node["unnumbered"] and node["stub"] and node["kind"] == "document" and node["symbol"] is None
    assert (node["doc_type"], node["level"], node["province"], node["ordinal"], node["period"]) == (
        "NQ",
        "province",
        "Gia Lai",
        "XV",
        "2015-2020",
    )
    assert node["mentions"] == 3  # three mentions in one plan: one node, one edge
    assert g.nodes["doc:~congress/central|XIII"]["term"] == "XIII"
    assert g.nodes["doc:~plenum|XII-4"]["term"] == "XII"
    assert g.nodes["doc:~law|thuc-hien-dan-chu-o-co-so"]["doc_type"] == "Luật"
    assert g.nodes["doc:~congress/binh-phuoc/hon-quan|XI"]["district"] == "Hớn Quản"
    edges = [e for e in g.edges if e[1] == "doc:~congress/gia-lai|XV"]
    assert len(edges) == 1
    attrs = edges[0][3]
    assert attrs["type"] == "references" and attrs["asserted"] is False
    doc = next(d for d in docs if d.place.province == "Gia Lai")
    start, end = attrs["span"]
    assert doc.text[start:end] == attrs["written"] and attrs["written"] in " ".join(attrs["evidence"].split())


def _seed_text(name: str) -> str:
    return next(p for p in H.sample_files() if p.name.startswith(name)).read_text("utf-8")


def _congress_nodes(*texts: str) -> set[str]:
    g = resolve([parse_text(t, f"/plans/{i}.txt") for i, t in enumerate(texts)])
    return {n for n, a in g.nodes.items() if a.get("unnumbered_kind") == "congress_resolution"}


def test_two_plans_of_one_province_name_one_provincial_congress():
    gia_lai = _seed_text("002")
    other = gia_lai.replace("giai đoạn 2017 - 2020", "giai đoạn 2018 - 2020", 1)  # another plan, same province
    assert other != gia_lai
    nodes = _congress_nodes(gia_lai, other)
    assert nodes == {"doc:~congress/central|XII", "doc:~congress/gia-lai|XV"}


def test_two_provinces_congresses_are_two_nodes():
    gia_lai = _seed_text("002")
    binh_phuoc = gia_lai.replace("Gia Lai", "Bình Phước")
    assert parse_text(binh_phuoc).place.province == "Bình Phước"
    nodes = _congress_nodes(gia_lai, binh_phuoc)
    assert {"doc:~congress/gia-lai|XV", "doc:~congress/binh-phuoc|XV", "doc:~congress/central|XII"} == nodes


def test_a_communes_congress_is_not_another_communes():
    """The seed never names its commune: two such plans share their district's and province's
    congresses, each keeps its own commune congress."""
    commune = _seed_text("001")
    other = commune.replace("công tác dân vận năm 2024", "công tác dân vận năm 2024 (bổ sung)", 1)
    nodes = _congress_nodes(commune, other)
    shared = {"doc:~congress/central|XIII", "doc:~congress/bac-kan|XII", "doc:~congress/bac-kan/bach-thong|XV"}
    assert shared < nodes
    communes = nodes - shared
    assert len(communes) == 2 and all(n.startswith("doc:~congress/bac-kan/bach-thong/?@") for n in communes)


def test_named_communes_keep_their_congresses_apart():
    text = "Thực hiện Nghị quyết Đại hội Đảng bộ xã khóa XX, nhiệm kỳ 2020-2025"
    a = find_unnumbered(text, "commune", Place("Bắc Kạn", "Bạch Thông", "Cẩm Giàng"))
    b = find_unnumbered(text, "commune", Place("Bắc Kạn", "Bạch Thông", "Quân Hà"))
    from policygraph.graph.keys import named_scope

    assert named_scope("commune", a[0].place, "x") != named_scope("commune", b[0].place, "y")
    assert named_scope("commune", a[0].place, "x") == "bac-kan/bach-thong/cam-giang"


def test_a_plenum_without_its_term_joins_the_only_term_known():
    docs = [
        parse_text("Thực hiện Nghị quyết Trung ương 4 (khóa XII) về xây dựng Đảng.", "/a.txt"),
        parse_text("Tiếp tục quán triệt Nghị quyết Hội nghị Trung ương 4 về xây dựng Đảng.", "/b.txt"),
    ]
    g = resolve(docs)
    plenums = {n for n, a in g.nodes.items() if a.get("unnumbered_kind") == "plenum_resolution"}
    assert plenums == {"doc:~plenum|XII-4"}
    assert g.nodes["doc:~plenum|XII-4"]["mentions"] == 2


def test_two_laws_joined_by_and_are_two_laws():
    found = find_unnumbered("Căn cứ Luật Đất đai và Luật Xây dựng;", "province", Place("Gia Lai"))
    assert [u.name for u in found] == ["Luật Đất đai", "Luật Xây dựng"]


LAW_TITLES = tables.law_titles()


@pytest.mark.parametrize("law", LAW_TITLES, ids=[law.title for law in LAW_TITLES])
def test_every_law_title_is_found_whole_in_its_examples(law):
    """Each title of the table, and each other way of writing it, named in a written sentence
    with words after it that the fallback rule would read wrong ("… và gia đình và …")."""
    written = set()
    for example in law.examples:
        laws = [u for u in find_unnumbered(example, "province", Place("Gia Lai")) if u.kind == "law"]
        hits = [u for u in laws if u.name == law.title]
        assert len(hits) == 1, (example, [u.name for u in laws])
        written.add(fold(hits[0].written))
    assert {fold(form) for form in (law.title, *law.also)} <= written


def test_law_titles_are_distinct_and_the_table_is_the_one_place_they_are_listed():
    forms = [fold(form) for law in LAW_TITLES for form in (law.title, *law.also)]
    assert len(forms) == len(set(forms))
    assert all(law.title.startswith(("Luật ", "Bộ luật ")) for law in LAW_TITLES)


@pytest.mark.parametrize(
    "text,names",
    [
        # a title in the table ends where the table says, however the text goes on
        ("Thực hiện Luật Đất đai và các văn bản hướng dẫn thi hành", ["Luật Đất đai"]),
        ("theo quy định của Luật Hôn nhân và gia đình và Bộ luật Dân sự",
         ["Luật Hôn nhân và gia đình", "Bộ luật Dân sự"]),
        ("Căn cứ Luật Tổ chức chính quyền địa phương năm 2015;", ["Luật Tổ chức chính quyền địa phương năm 2015"]),
        ("theo Luật Đất đai\nnăm 2024 và không thể tách", ["Luật Đất đai năm 2024"]),
        # the longer title wins; a footnote mark after it does not hide it
        ("biện pháp thi hành Luật giáo dục nghề nghiệp1.", ["Luật Giáo dục nghề nghiệp"]),
        # a lower-case title word does not start a new line in capitals
        ("quy định của Luật Đầu tư\nCông văn số 12/UBND-KT", ["Luật Đầu tư"]),
        ("Luật Người lao động\nViệt Nam đi làm việc ở nước ngoài theo hợp đồng",
         ["Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng"]),
        # laws the table does not hold: the fallback rule
        ("dự thảo Luật Địa giới hành chính và Luật Đất đai", ["Luật Địa giới hành chính", "Luật Đất đai"]),
        ("xây dựng dự án Luật Chuyển đổi số và các văn bản", ["Luật Chuyển đổi số"]),
    ],
)  # fmt: skip
def test_law_names_end_where_the_title_table_says(text, names):
    assert [u.name for u in find_unnumbered(text, "province", Place("Gia Lai"))] == names


def test_fallback_examples_name_laws_the_table_does_not_hold():
    held = {fold(form) for law in LAW_TITLES for form in (law.title, *law.also)}
    fallback = ("Luật Địa giới hành chính", "Luật Công nghiệp đường sắt", "Luật Chuyển đổi số")
    assert not any(fold(name) in held for name in fallback)


@pytest.mark.parametrize(
    "text",
    [
        "(Theo Luật Đất đai năm 2013)",  # a preposition
        "Theo Luật Đất đai năm 2013",  # a sentence start
        "khoản 2 Điều 5 Luật Đất đai năm 2013",
        "Luật Hải quan;\nLuật Đất đai năm 2013",
    ],
)
def test_a_law_after_a_capitalised_word_that_is_no_name(text):
    assert [u.name for u in find_unnumbered(text)][-1] == "Luật Đất đai năm 2013"


@pytest.mark.parametrize(
    "text,wanted",
    [
        ("Thực hiện Nghị quyết Đại hội XIII của Đảng và Đại hội Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020 - 2025",
         [("central", "XIII"), ("province", "XVII")]),
        ("thực hiện thắng lợi Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng, Đại hội đại biểu Đảng bộ "
         "tỉnh lần thứ XVII, Đại hội đại biểu Đảng bộ huyện lần thứ XXI và Đại hội Đảng bộ xã lần thứ XX",
         [("central", "XIII"), ("province", "XVII"), ("district", "XXI"), ("commune", "XX")]),
        # the seed's list goes on with no congress of its own
        ("Chương trình hành động thực hiện Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII, đại hội đại biểu đảng bộ "
         "các cấp, nhiệm kỳ 2020-2025 về công tác dân vận", [("central", "XIII")]),
        ("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII và tổ chức Đại hội Đảng bộ xã", [("province", "XVII")]),
    ],
)  # fmt: skip
def test_a_list_sharing_one_resolution_gives_each_congress(text, wanted):
    found = find_unnumbered(text, "commune", Place("Gia Lai", "Chư Sê", "Ia Pal"))
    assert [(u.level, u.ordinal) for u in found] == wanted
    assert all(u.kind == "congress_resolution" and text[u.start : u.end] == u.written for u in found)
    assert found[-1].place == Place("Gia Lai", "Chư Sê", "Ia Pal").scope(found[-1].level)


def _plenum_nodes(*texts: str) -> dict[str, dict]:
    g = resolve([parse_text(t, f"/plans/{i}.txt") for i, t in enumerate(texts)])
    return {n: a for n, a in g.nodes.items() if a.get("unnumbered_kind") == "plenum_resolution"}


def test_a_local_plenum_is_one_node_per_province_like_its_congress():
    plan = (
        "TỈNH ỦY GIA LAI\n\nKẾ HOẠCH\nvề chuyển đổi số\n\n"
        "Thực hiện Nghị quyết Hội nghị lần thứ 5 Ban Chấp hành Đảng bộ tỉnh khóa XVI về chuyển đổi số và "
        "Nghị quyết Trung ương 4 (khóa XII), Ban Thường vụ Tỉnh ủy xây dựng kế hoạch như sau:\n"
    )
    other = plan.replace("về chuyển đổi số\n", "về chuyển đổi số năm 2025\n", 1)
    elsewhere = plan.replace("GIA LAI", "BÌNH PHƯỚC")
    nodes = _plenum_nodes(plan, other, elsewhere)
    assert set(nodes) == {"doc:~plenum/gia-lai|XVI-5", "doc:~plenum/binh-phuoc|XVI-5", "doc:~plenum|XII-4"}
    node = nodes["doc:~plenum/gia-lai|XVI-5"]
    assert (node["level"], node["province"], node["term"], node["ordinal"], node["mentions"]) == (
        "province",
        "Gia Lai",
        "XVI",
        "5",
        2,
    )
    assert node["title"] == "Nghị quyết Hội nghị lần thứ 5 Ban Chấp hành Đảng bộ tỉnh Gia Lai khóa XVI"
    assert node["issuer"] == "Ban Chấp hành Đảng bộ tỉnh Gia Lai"


# -- laws whose own text is ingested -----------------------------------------------------------

_GAZETTE = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "gazette"


def test_a_law_does_not_cite_itself_by_name():
    from policygraph.ingest.pipeline import parse_file

    law = parse_file(_GAZETTE / "luat-so-61-2020-qh14-31682.txt")  # "Quốc hội ban hành Luật Đầu tư", "Luật Đầu tư …"
    assert law.title == "Luật Đầu tư"
    assert "dau tu" not in {u.key for u in law.unnumbered}
    assert "chung khoan" in {u.key for u in law.unnumbered}  # other laws it names stay


def test_a_law_named_without_its_number_is_the_ingested_law():
    from policygraph.graph.identity import resolve
    from policygraph.ingest.pipeline import parse_file, parse_text

    law = parse_file(_GAZETTE / "luat-so-61-2020-qh14-31682.txt")
    later = parse_text(
        "CHÍNH PHỦ\nSố: 31/2021/NĐ-CP\nHà Nội, ngày 26 tháng 3 năm 2021\n\nNGHỊ ĐỊNH\nQuy định chi tiết\n\n"
        "Căn cứ Luật Đầu tư ngày 17 tháng 6 năm 2020;\n\nChính phủ ban hành Nghị định.\n\nĐiều 1. Phạm vi\n",
        "later.txt",
    )
    earlier = parse_text(
        "CHÍNH PHỦ\nSố: 118/2015/NĐ-CP\nHà Nội, ngày 12 tháng 11 năm 2015\n\nNGHỊ ĐỊNH\nQuy định chi tiết\n\n"
        "Căn cứ Luật Đầu tư ngày 26 tháng 11 năm 2014;\n\nChính phủ ban hành Nghị định.\n\nĐiều 1. Phạm vi\n",
        "earlier.txt")
    g = resolve([law, later, earlier])
    edges = {(s, t, k) for s, t, k, _ in g.edges}
    assert ("doc:31/2021/NĐ-CP||2021", "doc:61/2020/QH14||2020", "based_on") in edges
    # a text of 2015 cannot name the law of 2020: it keeps a stub of its own
    assert not any(s == "doc:118/2015/NĐ-CP||2015" and t == "doc:61/2020/QH14||2020" for s, t, _ in edges)
    assert not g.nodes["doc:61/2020/QH14||2020"].get("stub")


def test_the_constitution_and_the_party_charter_are_one_node_each():
    from policygraph.graph.identity import resolve
    from policygraph.ingest.pipeline import parse_text

    law = parse_text(
        "QUỐC HỘI\nLuật số: 61/2020/QH14\n\nLUẬT\nĐẦU TƯ\n\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
        "Quốc hội ban hành Luật Đầu tư.\n\nĐiều 1. Phạm vi\n", "law.txt")
    decision = parse_text(
        "HUYỆN ỦY CHƯ SÊ\n*\nSố 12-QĐ/HU\nChư Sê, ngày 10 tháng 3 năm 2019\n\nQUYẾT ĐỊNH\nvề việc A\n\n"
        "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;\n- Căn cứ Hiến pháp năm 2013;\n\nQUYẾT ĐỊNH:\nĐiều 1. A\n",
        "decision.txt")
    g = resolve([law, decision])
    based_on = {(s, t) for s, t, k, _ in g.edges if k == "based_on"}
    # the one year written is the only version known: the mention without a year joins it
    assert ("doc:61/2020/QH14||2020", "doc:~constitution|2013") in based_on
    decision_id = next(n for n, a in g.nodes.items() if a.get("source") == "decision.txt")
    assert {(decision_id, "doc:~constitution|2013"), (decision_id, "doc:~party-charter")} <= based_on
    assert g.nodes["doc:~constitution|2013"]["grammar"] == "state"
    assert g.nodes["doc:~party-charter"]["grammar"] == "party"
    assert g.nodes["doc:~party-charter"]["title"] == "Điều lệ Đảng"


def test_the_constitution_named_without_a_year_is_the_one_in_force_when_the_text_was_written():
    from policygraph.graph.identity import resolve
    from policygraph.ingest.pipeline import parse_text

    def law(number: str, year: int) -> object:
        return parse_text(
            f"QUỐC HỘI\nLuật số: {number}\n\nLUẬT\nTHỬ NGHIỆM {year}\n\n"
            "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n\nĐiều 1. Phạm vi\n", f"{year}.txt")

    g = resolve([law("20/2010/QH12", 2010), law("61/2020/QH14", 2020)])
    targets = {s: t for s, t, k, _ in g.edges if k == "based_on"}
    assert targets == {"doc:20/2010/QH12||2010": "doc:~constitution|1992",
                       "doc:61/2020/QH14||2020": "doc:~constitution|2013"}
