"""Who is who (graph/identity.resolve over parse_text results) on small hand-made texts.

The rules are those of ../shared/gold/README.md: Party central numbering restarts every
congress term; local symbols are unique only inside their province; slips are resolved
and flagged; an undated mention joins the only epoch it can mean, or stays ambiguous.
"""

from __future__ import annotations

from support import ingest as H

from policygraph.graph.identity import resolve
from policygraph.graph.store import Store
from policygraph.ingest.pipeline import ingest_paths, parse_text

XI_2013 = (
    "Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng (khóa XI) "
    "về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới"
)
IX_2003 = "Nghị quyết số 25-NQ/TW ngày 12/3/2003 của Ban Chấp hành Trung ương Đảng (khóa IX) về công tác tôn giáo"
TW_XI, TW_IX = "doc:25-NQ/TW||XI", "doc:25-NQ/TW||IX"


def plan(body: str, province="Bình Phước", district="Hớn Quản", number="12", year="2014") -> str:
    """A district Party committee's plan in the usual frame; `body` is its preamble."""
    return (
        f"ĐẢNG BỘ TỈNH {province.upper()}\nHUYỆN ỦY {district.upper()}\nSố {number}-KH/HU\n\n"
        f"{district}, ngày 05 tháng 3 năm {year}\n\nKẾ HOẠCH\nthực hiện công tác dân vận\n\n"
        f"{body}, Ban Thường vụ Huyện ủy {district} xây dựng Kế hoạch thực hiện trên địa bàn huyện {district}, "
        f"tỉnh {province} như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức của cán bộ, đảng viên.\n"
    )


def graph(*texts: str):
    return resolve([parse_text(t, f"/docs/{i:02}.txt") for i, t in enumerate(texts)])


def own_id(g, i: int) -> str:
    return next(n for n, a in g.nodes.items() if a.get("source") == f"/docs/{i:02}.txt")


def cited(g, i: int) -> dict[str, dict]:
    """{target: edge attrs} of the citation edges of document i."""
    src = own_id(g, i)
    return {t: a for s, t, _k, a in g.edges if s == src and a["type"] in ("implements", "based_on", "references")}


def test_one_symbol_two_terms_is_two_documents():
    g = graph(plan(f"Thực hiện {XI_2013}; {IX_2003}"))
    assert set(cited(g, 0)) == {TW_XI, TW_IX}
    assert (g.nodes[TW_XI]["year"], g.nodes[TW_XI]["term"], g.nodes[TW_XI]["date"]) == (2013, "XI", "2013-06-03")
    assert (g.nodes[TW_IX]["year"], g.nodes[TW_IX]["term"], g.nodes[TW_IX]["date"]) == (2003, "IX", "2003-03-12")
    assert g.nodes[TW_XI]["stub"] and g.nodes[TW_XI]["source"] is None
    assert cited(g, 0)[TW_XI]["type"] == "implements"


def test_an_undated_mention_with_its_term_joins_that_term():
    g = graph(plan(f"Thực hiện {XI_2013}; {IX_2003}"), plan("Thực hiện Nghị quyết 25-NQ/TW (khóa XI)", number="13"))
    assert list(cited(g, 1)) == [TW_XI]
    assert "ambiguous" not in g.nodes[TW_XI]["flags"]


def test_a_date_that_contradicts_the_term_is_flagged_and_the_term_wins():
    g = graph(
        plan(f"Thực hiện {XI_2013}; {IX_2003}"),
        plan("Thực hiện Nghị quyết số 25-NQ/TW, ngày 03/6/2016 của Ban Chấp hành Trung ương (khóa XI)", number="13"),
    )
    edges = cited(g, 1)
    assert list(edges) == [TW_XI]
    assert "date_conflict" in edges[TW_XI]["flags"]
    assert "date_conflict" in g.nodes[TW_XI]["flags"]
    assert g.nodes[TW_XI]["date"] == "2013-06-03"  # the conflicting date does not overwrite the known one
    assert not any(n.startswith("doc:25-NQ/TW||XII") for n in g.nodes)


def test_a_local_issuer_code_on_a_central_resolution_is_a_slip():
    g = graph(
        plan(f"Thực hiện {XI_2013}"),
        plan("Thực hiện Nghị quyết số 25-NQ/TU ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng", number="13"),
    )
    edges = cited(g, 1)
    assert list(edges) == [TW_XI]
    assert "issuer_slip" in edges[TW_XI]["flags"]
    assert "issuer_slip" in g.nodes[TW_XI]["flags"]
    assert not [n for n, a in g.nodes.items() if a.get("symbol") == "25-NQ/TU"]


def test_a_central_party_document_cited_without_its_symbol_joins_the_one_cited_in_full():
    g = graph(
        plan(f"Thực hiện {XI_2013}"),
        plan("Thực hiện Nghị quyết số 25 ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI)", number="13"),
    )
    edges = cited(g, 1)
    assert list(edges) == [TW_XI] == list(cited(g, 0))
    assert edges[TW_XI]["type"] == "implements" and edges[TW_XI]["flags"] == ["symbol_inferred"]


def test_one_local_symbol_in_two_provinces_is_two_documents():
    body = "Thực hiện Chỉ thị số 28-CT/TU ngày 05/5/2012 của Tỉnh ủy về công tác dân vận"  # same date on purpose
    g = graph(plan(body), plan(body, province="Bắc Kạn", district="Bạch Thông"))
    a, b = cited(g, 0), cited(g, 1)
    assert len(a) == len(b) == 1 and set(a) != set(b)
    na, nb = g.nodes[next(iter(a))], g.nodes[next(iter(b))]
    assert (na["symbol"], na["province"]) == ("28-CT/TU", "Bình Phước")
    assert (nb["symbol"], nb["province"]) == ("28-CT/TU", "Bắc Kạn")


def test_the_same_local_symbol_twice_in_one_province_is_one_document():
    body = "Thực hiện Chỉ thị số 28-CT/TU ngày 05/5/2012 của Tỉnh ủy về công tác dân vận"
    g = graph(plan(body), plan(body, district="Lộc Ninh", number="30"))
    assert set(cited(g, 0)) == set(cited(g, 1))


def test_an_undated_symbol_with_two_epochs_and_no_clue_is_ambiguous():
    g = graph(plan(f"Thực hiện {XI_2013}; {IX_2003}"), plan("Thực hiện Nghị quyết số 25-NQ/TW", number="13"))
    (target,) = cited(g, 1)
    node = g.nodes[target]
    assert target not in (TW_XI, TW_IX)
    assert "ambiguous" in node["flags"]
    assert node["candidates"] == sorted([TW_IX, TW_XI])
    assert "ambiguous" in cited(g, 1)[target]["flags"]


def test_an_undated_symbol_with_a_subject_clue_joins_its_epoch():
    g = graph(
        plan(f"Thực hiện {XI_2013}; {IX_2003}"),
        plan(
            "Thực hiện Nghị quyết số 25-NQ/TW về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận",
            number="13",
        ),
    )
    assert list(cited(g, 1)) == [TW_XI]


def test_resolution_does_not_depend_on_file_order():
    texts = [
        plan(f"Thực hiện {XI_2013}; {IX_2003}"),
        plan("Thực hiện Nghị quyết số 25-NQ/TW", number="13"),
        plan("Thực hiện Chỉ thị số 28-CT/TU ngày 05/5/2012 của Tỉnh ủy", province="Bắc Kạn", district="Bạch Thông"),
    ]
    docs = [parse_text(t, f"/docs/{i:02}.txt") for i, t in enumerate(texts)]
    a, b = resolve(docs), resolve(list(reversed(docs)))
    assert a.nodes == b.nodes and a.edges == b.edges


def test_the_frame_alone_places_a_document():
    # the top-left frame of a Party document names the committee in capitals
    text = (
        "ĐẢNG BỘ TỈNH BÌNH PHƯỚC\nHUYỆN ỦY HỚN QUẢN\n*\nSố 45-KH/HU\n\nKẾ HOẠCH\nvề công tác dân vận\n\n"
        "Thực hiện Chỉ thị số 28-CT/TU ngày 05/5/2012 của Tỉnh ủy về công tác dân vận.\n"
    )
    doc = parse_text(text)
    assert doc.symbol == "45-KH/HU" and doc.level == "district"
    assert (doc.place.province, doc.place.district) == ("Bình Phước", "Hớn Quản")
    assert doc.citations[0].place.province == "Bình Phước"


TUYEN_QUANG_PLAN = (
    "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG\nSố: 120/KH-UBND\n\nTuyên Quang, ngày 20 tháng 12 năm 2013\n\nKẾ HOẠCH\n"
    "triển khai thực hiện Chương trình hành động số 30-CTr/TU\n\n"
    "Thực hiện Chương trình hành động số 30-CTr/TU ngày 10/9/2013 của Ban Chấp hành Đảng bộ tỉnh (khóa XV) "
    "thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI), "
    "Ủy ban nhân dân tỉnh Tuyên Quang ban hành Kế hoạch như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức.\n"
)
PROGRAMME = (
    "ĐẢNG BỘ TỈNH TUYÊN QUANG\nTỈNH ỦY TUYÊN QUANG\nSố 30-CTr/TU\n\nTuyên Quang, ngày 10 tháng 9 năm 2013\n\n"
    "CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng "
    "(khóa XI)\n\nThực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI), "
    "Ban Chấp hành Đảng bộ tỉnh Tuyên Quang ban hành Chương trình hành động như sau:\n\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Quán triệt sâu rộng.\n"
)


def test_a_stub_becomes_the_full_document_when_its_text_arrives(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    plan_file = tmp_path / "a" / "plan.txt"
    plan_file.write_text(TUYEN_QUANG_PLAN, encoding="utf-8")
    prog_file = tmp_path / "b" / "programme.txt"
    prog_file.write_text(PROGRAMME, encoding="utf-8")
    store = Store.open(tmp_path / "store")
    ingest_paths(store, [plan_file])
    g1 = store.load_graph()
    stubs = {n: a for n, a in H.nodes_with_symbol(g1, "30-CTr/TU").items()}
    assert len(stubs) == 1
    (stub_id, stub) = next(iter(stubs.items()))
    assert stub["stub"] is True and stub["source"] is None and stub["province"] == "Tuyên Quang"
    plan_id = next(n for n, a in H.doc_nodes(g1).items() if a.get("source") == str(plan_file.resolve()))
    assert g1.has_edge(plan_id, stub_id)
    assert "implements" in {a["type"] for a in g1.get_edge_data(plan_id, stub_id).values()}

    ingest_paths(store, [prog_file])
    g2 = store.load_graph()
    full = H.nodes_with_symbol(g2, "30-CTr/TU")
    assert list(full) == [stub_id]  # same id, no second node
    node = full[stub_id]
    assert node["stub"] is False and node["source"] == str(prog_file.resolve())
    assert node["date"] == "2013-09-10" and node["level"] == "province"
    assert "implements" in {a["type"] for a in g2.get_edge_data(plan_id, stub_id).values()}  # the edge is kept
    # the programme's own edge to the resolution it implements
    assert "implements" in {a["type"] for a in g2.get_edge_data(stub_id, TW_XI).values()}
    assert store.document_text(stub_id) == PROGRAMME
    store.close()


def test_an_unplaced_local_symbol_keeps_its_id_when_other_files_arrive():
    """The id of a local symbol whose place is unknown is scoped by the citing text, not by
    the citing file's position among the files, so adding a file does not rename it."""
    unplaced = (
        "KẾ HOẠCH\nvề công tác dân vận\n\nThực hiện Kế hoạch số 12-KH/TU ngày 05/3/2016 của Tỉnh ủy, "
        "xây dựng kế hoạch như sau:\n1. Tuyên truyền.\n"
    )
    other = "KẾ HOẠCH\nvề công tác tuyên giáo\n\nThực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.\n"
    alone = resolve([parse_text(unplaced, "/docs/b.txt")])
    (stub,) = [n for n in alone.nodes if n.startswith("doc:12-KH/TU|?")]
    assert "place_unresolved" in alone.nodes[stub]["flags"]
    grown = resolve([parse_text(other, "/docs/a.txt"), parse_text(unplaced, "/docs/b.txt")])
    assert [n for n in grown.nodes if n.startswith("doc:12-KH/TU|")] == [stub]
