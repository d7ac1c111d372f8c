"""Search finds what people type: the exact symbol, then the same number and type, then words."""

from __future__ import annotations

import networkx as nx

from policygraph.queries.backend import NetworkXBackend
from policygraph.queries.numbered import query_names, symbol_parts
from policygraph.queries.search import search


def _graph() -> NetworkXBackend:
    g = nx.MultiDiGraph()
    docs = {
        "doc:25-NQ/TW||XI": ("25-NQ/TW", "tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận", 2013),
        "doc:25-NQ/TW||IX": ("25-NQ/TW", "phát huy sức mạnh đại đoàn kết toàn dân tộc", 2003),
        "doc:25/NQ-CP||2020": ("25/NQ-CP", "Nghị quyết phiên họp Chính phủ", 2020),
        "doc:250-NQ/TW||X": ("250-NQ/TW", "Nghị quyết khác", 2008),
        "doc:25-CT/TW||XI": ("25-CT/TW", "Chỉ thị về công tác dân vận", 2013),
        "doc:16/2026/NQ-CP": ("16/2026/NQ-CP", "Nghị quyết tháo gỡ khó khăn", 2026),
        "doc:~x|KH|2024": (None, "Kế hoạch công tác dân vận năm 2024", 2024),
    }
    for node_id, (symbol, title, year) in docs.items():
        g.add_node(node_id, kind="document", symbol=symbol, title=title, year=year, level="central",
                   stub=False, source="x.txt")
    # the 2013 resolution is carried out by two plans, the 2003 one by one; the NQ-CP by none
    g.add_edge("doc:~x|KH|2024", "doc:25-NQ/TW||XI", key="implements", type="implements")
    g.add_edge("doc:25-CT/TW||XI", "doc:25-NQ/TW||XI", key="references", type="references")
    g.add_edge("doc:250-NQ/TW||X", "doc:25-NQ/TW||IX", key="references", type="references")
    return NetworkXBackend(g)


def _ids(query: str, limit: int = 20) -> list[str]:
    return [h.doc.id for h in search(_graph(), query, limit)]


def test_query_readings() -> None:
    assert [(n.number, n.code, n.issuer) for n in query_names("nghị quyết 25")] == [("25", "nq", "")]
    assert [(n.number, n.code, n.issuer) for n in query_names("NQ 25")] == [("25", "nq", "")]
    assert [(n.number, n.code, n.issuer) for n in query_names("25/NQ-TW")] == [("25", "nq", "tw")]
    assert [(n.number, n.code) for n in query_names("chương trình hành động 30")] == [("30", "ctr")]
    assert query_names("dan van") == [] and query_names("nghị quyết 25 năm 2013") == []
    parts = symbol_parts("16/2026/NQ-CP")
    assert (parts.number, parts.code, parts.issuer) == ("16", "nq", "cp")
    assert symbol_parts("Kế hoạch") is None


def test_number_and_type_rank_right_after_the_symbol() -> None:
    both = ["doc:25-NQ/TW||XI", "doc:25-NQ/TW||IX"]  # the more cited first, then the one nobody cites
    assert _ids("nghị quyết 25")[:3] == [*both, "doc:25/NQ-CP||2020"]
    assert _ids("nghi quyet 25")[:3] == [*both, "doc:25/NQ-CP||2020"]
    assert _ids("NQ 25")[:3] == [*both, "doc:25/NQ-CP||2020"]
    # the issuer code written the wrong way round still names the Party resolutions first
    assert _ids("25/NQ-TW")[:3] == [*both, "doc:25/NQ-CP||2020"]
    # an exact symbol, then the same number and type; none that merely share 'NQ'
    assert _ids("25-NQ/TW") == [*both, "doc:25/NQ-CP||2020"]
    assert "doc:250-NQ/TW||X" not in _ids("nghị quyết 25")[:3]
    assert "doc:25-CT/TW||XI" not in _ids("nghị quyết 25")[:3]


def test_title_words_with_or_without_accents() -> None:
    assert _ids("cong tac dan van")[:1] == _ids("công tác dân vận")[:1]
    assert set(_ids("cong tac dan van")[:3]) == {"doc:~x|KH|2024", "doc:25-CT/TW||XI", "doc:25-NQ/TW||XI"}


def test_written_parts_read_symbols_as_symbol_parts_does() -> None:
    from policygraph.ingest import tables
    from policygraph.queries.numbered import written_parts

    symbols = [e for grammar in tables.doc_types().values() for t in grammar.values() for e in t.examples]
    symbols += ["25/NQ-TW", "62 - KL/TW", "16/2026/NĐ-CP", "432 – QĐ/HU", "12-KH/ĐU", "33/CT-TTg", "x", "25",
                "NQ-25", "25-NQ", "25 NQ/TW/abc", "01/2019/TT-BNV", "114- KL/TW", "5 - kh / tu"]
    assert len(symbols) > 60
    for symbol in symbols:
        parts = symbol_parts(symbol)
        assert written_parts(symbol) == (parts and (parts.number, parts.code, parts.issuer)), symbol
    assert written_parts("62 - KL/TW") == ("62", "kl", "tw")
    assert written_parts("16/2026/NĐ-CP") == ("16", "nd", "cp")
