"""Documents named without a number (congress and plenum resolutions, laws by name): the
rule table's examples, words that must not match, the preamble relation, the seeds against
the answer key's `unnumbered` lists, and identity (one congress, one node)."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
from policygraph.graph.identity import resolve
from policygraph.ingest.models import Place
from policygraph.ingest.pipeline import parse_file, parse_text
from policygraph.ingest.unnumbered import RULES, find_unnumbered

_spec = importlib.util.spec_from_file_location("helpers_ingest", Path(__file__).with_name("helpers_ingest.py"))
H = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(H)

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
