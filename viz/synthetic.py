"""Small hand-made graphs that follow docs/model.md: for tests, the bench and demos.

Nothing here is parsed from text: the store builds the real graph. These graphs let
the drawing code be exercised at any size without ingesting thousands of files.
"""

from __future__ import annotations

import random

import networkx as nx

from policygraph.vocabulary import EdgeType, Level, NodeKind, Role

PROVINCE = "Bình Phước"
DISTRICT = "Hớn Quản"


def _doc(graph: nx.MultiDiGraph, node_id: str, **attrs: object) -> None:
    """Add a document node with every attribute of the model present."""
    base: dict[str, object] = {
        "kind": NodeKind.DOCUMENT, "symbol": None, "doc_type": None, "doc_type_name": None,
        "grammar": "party", "date": None, "year": None, "term": None, "level": None,
        "province": None, "district": None, "commune": None, "issuer": None, "title": None,
        "subject": None, "source": None, "stub": True, "flags": [], "candidates": [],
    }
    base.update(attrs)
    base["stub"] = base["source"] is None
    if not base.get("label"):
        base["label"] = base["symbol"] or node_id
    graph.add_node(node_id, **base)


def _edge(graph: nx.MultiDiGraph, source: str, target: str, etype: str, evidence: str,
          stated_in: str | None = None, span: tuple[int, int] = (0, 0), **extra: object) -> None:
    """Add an edge with provenance as the model requires, keyed like the store does
    (the type, with `@start` for unit edges that may repeat between two nodes)."""
    key = etype if etype in (EdgeType.IMPLEMENTS, EdgeType.BASED_ON, EdgeType.REFERENCES) else f"{etype}@{span[0]}"
    graph.add_edge(source, target, key=key, type=etype, stated_in=stated_in or source,
                   span=list(span), evidence=evidence, asserted=False, flags=[], **extra)


def sample_graph(hostile: bool = False) -> nx.MultiDiGraph:
    """A lineage of 25-NQ/TW down to a commune plan, with units; `hostile` poisons the text."""
    g = nx.MultiDiGraph()
    evil = ('<script>window.__pwned=1</script>"onmouseover="window.__pwned=2'
            '<img src=x onerror="window.__pwned=4">') if hostile else ""
    _doc(g, "doc:25-NQ/TW||XI", symbol="25-NQ/TW", doc_type="NQ", doc_type_name="Nghị quyết",
         date="2013-06-03", year=2013, term="XI", level=Level.CENTRAL,
         issuer="Ban Chấp hành Trung ương",
         subject="tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận" + evil)
    _doc(g, "doc:30-CTr/TU|binh-phuoc|2013", symbol="30-CTr/TU", doc_type="CTr",
         doc_type_name="Chương trình hành động", date="2013-09-10", year=2013, level=Level.PROVINCE,
         province=PROVINCE, issuer="Ban Chấp hành Đảng bộ tỉnh",
         subject="thực hiện Nghị quyết số 25-NQ/TW")
    _doc(g, "doc:45-KH/HU|binh-phuoc/hon-quan|2016", symbol="45-KH/HU", doc_type="KH",
         doc_type_name="Kế hoạch", date="2016-10-05", year=2016, level=Level.DISTRICT,
         province=PROVINCE, district=DISTRICT, issuer="Huyện ủy Hớn Quản",
         title="Kế hoạch thực hiện Đề án 01-ĐA/TU" + evil, source="data/samples/000.txt",
         flags=["date_conflict"])
    _doc(g, "doc:~commune/binh-phuoc/hon-quan/an-khuong|KH|2024|ab12", symbol=None,
         doc_type="KH", doc_type_name="Kế hoạch", year=2024, level=Level.COMMUNE,
         province=PROVINCE, district=DISTRICT, commune="An Khương",
         issuer="Đảng ủy xã An Khương", title="Kế hoạch công tác dân vận năm 2024",
         source="data/samples/001.txt", label="KH công tác dân vận 2024 (An Khương)")
    _doc(g, "doc:43-KL/TW||XII", symbol="43-KL/TW", doc_type="KL", doc_type_name="Kết luận",
         date="2019-01-07", year=2019, term="XII", level=Level.CENTRAL, issuer="Ban Bí thư",
         subject="tiếp tục thực hiện Nghị quyết số 25-NQ/TW")
    _edge(g, "doc:30-CTr/TU|binh-phuoc|2013", "doc:25-NQ/TW||XI", EdgeType.IMPLEMENTS,
          "Thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương",
          stated_in="doc:45-KH/HU|binh-phuoc/hon-quan|2016", span=(10, 40))
    g.edges["doc:30-CTr/TU|binh-phuoc|2013", "doc:25-NQ/TW||XI", EdgeType.IMPLEMENTS]["asserted"] = True
    _edge(g, "doc:45-KH/HU|binh-phuoc/hon-quan|2016", "doc:30-CTr/TU|binh-phuoc|2013", EdgeType.IMPLEMENTS,
          "tập trung chỉ đạo thực hiện Chương trình hành động số 30-CTr/TU" + evil, span=(10, 40))
    _edge(g, "doc:45-KH/HU|binh-phuoc/hon-quan|2016", "doc:25-NQ/TW||XI", EdgeType.REFERENCES,
          "Nghị quyết 25-NQ/TW của Ban Chấp hành Trung ương (khóa XI)", span=(50, 80))
    _edge(g, "doc:~commune/binh-phuoc/hon-quan/an-khuong|KH|2024|ab12",
          "doc:45-KH/HU|binh-phuoc/hon-quan|2016", EdgeType.IMPLEMENTS,
          "Thực hiện Kế hoạch số 45-KH/HU của Huyện ủy", span=(0, 30))
    _edge(g, "doc:~commune/binh-phuoc/hon-quan/an-khuong|KH|2024|ab12", "doc:43-KL/TW||XII",
          "based_on", "căn cứ Kết luận số 43-KL/TW, ngày 07/01/2019 của Ban Bí thư", span=(30, 60))
    _edge(g, "doc:43-KL/TW||XII", "doc:25-NQ/TW||XI", EdgeType.IMPLEMENTS,
          "Kết luận số 43-KL/TW về tiếp tục thực hiện Nghị quyết số 25-NQ/TW",
          stated_in="doc:~commune/binh-phuoc/hon-quan/an-khuong|KH|2024|ab12", span=(30, 90))
    unit = "unit:ban-dan-van-huyen-uy|binh-phuoc/hon-quan"
    g.add_node(unit, kind=NodeKind.UNIT, name="Ban Dân vận Huyện ủy" + evil,
               label="Ban Dân vận Huyện ủy" + evil, unit_type="party_board", collective=False,
               level=Level.DISTRICT, province=PROVINCE, district=DISTRICT, commune=None)
    _edge(g, "doc:45-KH/HU|binh-phuoc/hon-quan|2016", unit, EdgeType.ASSIGNS,
          "Ban Dân vận Huyện ủy chủ trì, tham mưu Ban Thường vụ Huyện ủy", span=(90, 140),
          role=Role.LEAD, task="tham mưu triển khai kế hoạch", deadline=None,
          deadline_rule="yearly:12-10", deadline_text="trước ngày 10/12 hằng năm",
          section="IV", in_body=False)
    return g


def _unit(graph: nx.MultiDiGraph, node_id: str, name: str, level: str, district: str | None = None,
          commune: str | None = None) -> None:
    graph.add_node(node_id, kind=NodeKind.UNIT, name=name, label=name, unit_type="party_committee", collective=False,
                   level=level, province=PROVINCE, district=district, commune=commune)


def walkthrough_graph() -> nx.MultiDiGraph:
    """`sample_graph` plus what a researcher meets: the other 25-NQ/TW (2003), a government
    resolution with the same number, and tasks that were carried out, are late or not yet."""
    g = sample_graph()
    _doc(g, "doc:25-NQ/TW||IX", symbol="25-NQ/TW", doc_type="NQ", doc_type_name="Nghị quyết",
         date="2003-03-12", year=2003, term="IX", level=Level.CENTRAL, issuer="Ban Chấp hành Trung ương",
         subject="công tác tôn giáo")
    _doc(g, "doc:25/NQ-CP||2020", symbol="25/NQ-CP", doc_type="NQ", doc_type_name="Nghị quyết",
         date="2020-02-28", year=2020, level=Level.CENTRAL, issuer="Chính phủ",
         title="Nghị quyết phiên họp Chính phủ thường kỳ tháng 1 năm 2020", source="data/samples/x.txt")
    hon_quan, bu_dang = "unit:huyen-uy|binh-phuoc/hon-quan", "unit:huyen-uy|binh-phuoc/bu-dang"
    an_khuong = "unit:dang-uy-xa|binh-phuoc/hon-quan/an-khuong"
    _unit(g, hon_quan, "Huyện ủy Hớn Quản", "district", DISTRICT)
    _unit(g, bu_dang, "Huyện ủy Bù Đăng", "district", "Bù Đăng")
    _unit(g, an_khuong, "Đảng ủy xã An Khương", "commune", DISTRICT, "An Khương")
    programme, plan = "doc:30-CTr/TU|binh-phuoc|2013", "doc:45-KH/HU|binh-phuoc/hon-quan|2016"
    commune = "doc:~commune/binh-phuoc/hon-quan/an-khuong|KH|2024|ab12"
    _edge(g, plan, hon_quan, EdgeType.ISSUED_BY, "HUYỆN ỦY HỚN QUẢN", span=(0, 17))
    _edge(g, commune, an_khuong, EdgeType.ISSUED_BY, "ĐẢNG ỦY XÃ AN KHƯƠNG", span=(0, 20))
    for unit, start in ((hon_quan, 200), (bu_dang, 260)):  # Hớn Quản acted (late), Bù Đăng did not
        _edge(
            g,
            programme,
            unit,
            EdgeType.ASSIGNS,
            "Các huyện ủy xây dựng kế hoạch thực hiện",
            span=(start, start + 40),
            role=Role.EXECUTE,
            task="xây dựng kế hoạch thực hiện",
            deadline="2013-12-31",
            deadline_text="trước ngày 31/12/2013",
        )
    _edge(g, plan, an_khuong, EdgeType.ASSIGNS, "Đảng ủy xã An Khương xây dựng kế hoạch công tác dân vận hằng năm",
          span=(300, 360), role=Role.EXECUTE, task="xây dựng kế hoạch công tác dân vận hằng năm")
    return g


LEVEL_SHARE = ((Level.CENTRAL, 0.02), (Level.PROVINCE, 0.08), (Level.DISTRICT, 0.25), (Level.COMMUNE, 0.45))


def synthetic_graph(n_nodes: int, seed: int = 0) -> nx.MultiDiGraph:
    """A random lineage forest of about `n_nodes` nodes shaped like real data (for the bench)."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    by_level: dict[str, list[str]] = {}
    parent_level = {Level.PROVINCE: Level.CENTRAL, Level.DISTRICT: Level.PROVINCE, Level.COMMUNE: Level.DISTRICT}
    for level, share in LEVEL_SHARE:
        for i in range(max(1, int(n_nodes * share))):
            year = rng.randint(2005, 2024)
            node_id = f"doc:{i}-KH/{level}|p{i % 40}|{year}"
            _doc(g, node_id, symbol=f"{i}-KH/{level[:2].upper()}", doc_type="KH",
                 doc_type_name="Kế hoạch", year=year, level=level, province=f"Tỉnh {i % 40}",
                 title=f"Kế hoạch {i} cấp {level}", source=None if rng.random() < 0.3 else "x.txt")
            by_level.setdefault(level, []).append(node_id)
            if level in parent_level:
                target = rng.choice(by_level[parent_level[level]])
                _edge(g, node_id, target, EdgeType.IMPLEMENTS, f"Thực hiện {target}")
                if rng.random() < 0.2:
                    _edge(g, node_id, rng.choice(by_level["central"]), EdgeType.REFERENCES, "tham chiếu")
    units = n_nodes - g.number_of_nodes()
    docs = list(g.nodes)
    for i in range(max(0, units)):
        unit = f"unit:u{i}|x"
        g.add_node(unit, kind=NodeKind.UNIT, name=f"Đơn vị {i}", label=f"Đơn vị {i}",
                   unit_type="department", collective=False, level=rng.choice(LEVEL_ORDER_UNITS))
        _edge(g, rng.choice(docs), unit, EdgeType.ASSIGNS, "giao nhiệm vụ", role=Role.EXECUTE, task="t")
    return g


LEVEL_ORDER_UNITS = (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE)
