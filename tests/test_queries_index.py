"""The search index and the fast coverage paths give the answers of the plain algorithms."""

from __future__ import annotations

import gc
import re
from collections import defaultdict
from pathlib import Path

import networkx as nx
import pytest

from policygraph.queries.backend import NetworkXBackend
from policygraph.queries.coverage import coverage
from policygraph.queries.documents import doc_row
from policygraph.queries.numbered import numbered
from policygraph.queries.search import Hit, _fold_field, search
from policygraph.text import fold, symbol_key

ROOT = Path(__file__).resolve().parent.parent
_WORD = re.compile(r"[a-z0-9]+")


def _load_generator():
    from support import generate

    return generate


gen = _load_generator()


def plain_search(backend, query: str, limit: int = 20) -> list[Hit]:
    """The first form of search: score every document that holds a query word (the reference)."""
    hits: dict[str, Hit] = {}
    for node_id in backend.documents_by_symbol(query):
        hits[node_id] = Hit(doc_row(backend, node_id), 3.0, "symbol")
    for node_id, score in numbered(backend, query).items():  # number and type (tests/test_search_typed.py)
        hits.setdefault(node_id, Hit(doc_row(backend, node_id), score, "number"))
    ids, texts, index = [], [], defaultdict(list)
    for node_id, attrs in backend.nodes("document"):
        text = fold(" ".join(str(attrs.get(k) or "") for k in ("symbol", "title", "subject")))
        if text:
            for word in set(_WORD.findall(text)):
                index[word].append(len(ids))
            ids.append(node_id)
            texts.append(text)
    words = _WORD.findall(fold(query))
    if words:
        counts: dict[int, int] = defaultdict(int)
        for word in words:
            for pos in index.get(word, []):
                counts[pos] += 1
        phrase = " ".join(words)
        qkey = symbol_key(query) if re.search(r"\d", query) and re.search(r"[-/]", query) else ""
        for pos, found in counts.items():
            if ids[pos] in hits:
                continue
            text = texts[pos]
            if qkey and qkey in text.replace(" ", ""):
                score, how = 2.5, "symbol"
            elif phrase in " ".join(_WORD.findall(text)):
                score, how = 2.0 + 0.1 * len(words) / max(1, len(text.split())), "phrase"
            elif qkey:
                continue  # a symbol-like query has no words tier
            else:
                score, how = found / len(words), "words"
            hits[ids[pos]] = Hit(doc_row(backend, ids[pos]), score, how)
    return sorted(hits.values(), key=lambda h: (-h.score, h.doc.stub, -(h.doc.year or 0), h.doc.id))[:limit]


def _answer(hits: list[Hit]) -> list[tuple]:
    return [(h.doc.id, round(h.score, 9), h.matched) for h in hits]


QUERIES = ["dan van kheo", "Dân vận khéo", "công tác dân vận", "cải cách hành chính", "dan va", "an", "cai cach",
           "ke hoach", "Nghị quyết", "chuyen doi so", "kế hoạch thực hiện nghị quyết", "xay dung dang dang",
           "tinh uy", "zzzz", "", "2023", "NQ/TW", "25-NQ/TW", "1-KH/TU", "12-CT/HU", "30-CTr/TU", "5 - kh / tu"]


@pytest.fixture(scope="module", params=[(600, 7, 2), (900, 11, 3)], ids=["600docs", "900docs"])
def generated(request):
    n, seed, provinces = request.param
    return NetworkXBackend(gen.to_graph(gen.generate(n, seed=seed, provinces=provinces)))


@pytest.mark.parametrize("limit", [1, 5, 20, 10_000])
def test_search_ranks_as_scoring_every_candidate(generated, limit):
    symbols = [a["symbol"] for _, a in generated.nodes("document") if a.get("symbol")][:12:3]
    for query in QUERIES + symbols:
        assert _answer(search(generated, query, limit)) == _answer(plain_search(generated, query, limit)), query


def _tricky() -> NetworkXBackend:
    """Symbols inside titles and inside longer symbols, stubs, ties, words only in a symbol,
    texts without words, and one document whose text is many words in one token."""
    g = nx.MultiDiGraph()
    docs = [
        ("doc:a", dict(symbol="25-NQ/TW", title="Nghị quyết về công tác dân vận", year=2013, source="x")),
        ("doc:b", dict(symbol="125-NQ/TW", title="Về công tác dân vận", year=2015, source="x")),
        ("doc:c", dict(symbol="3-KH/TU", title="Kế hoạch thực hiện Nghị quyết 25-NQ/TW về công tác dân vận",
                       year=2014, source="x")),
        ("doc:d", dict(symbol="4-KH/TU", title="Kế hoạch thực hiện Nghị quyết 25 - NQ/TW", year=2014)),
        ("doc:e", dict(title="Công   tác dân vận khéo", subject="Dân vận khéo", year=2020, source="x")),
        ("doc:f", dict(symbol="Đ-1", title="đảng bộ — “dân vận”", date="2019-03-02", source="x")),
        ("doc:g", dict(title="…", source="x")),
        ("doc:h", dict(title="a-b-c-d-e-f-g", year=2001, source="x")),
        ("doc:i", dict(title="dân vận", subject="dân vận", year=2020, source="x")),
        ("doc:j", dict(title="dân vận", year=2020, source="x", stub=True)),
    ]
    for node_id, attrs in docs:
        g.add_node(node_id, kind="document", **attrs)
    g.add_node("unit:x", kind="unit", name="Ban Dân vận")
    return NetworkXBackend(g)


@pytest.mark.parametrize("query", ["25-NQ/TW", "25 NQ TW", "dan van", "dân vận khéo", "van", "a b c d e f g",
                                   "a-b-c-d-e-f", "b c", "d", "Đ-1", "dang bo dan van", "nq tw dan", "khéo dân"])
@pytest.mark.parametrize("limit", [1, 2, 20])
def test_search_edge_cases_rank_as_scoring_every_candidate(query, limit):
    backend = _tricky()
    assert _answer(search(backend, query, limit)) == _answer(plain_search(backend, query, limit))


@pytest.mark.parametrize("text", ["12-KH/ĐU", "Đảng bộ  Tỉnh\tBình Phước", "  ", "", "“Dân vận khéo”",
                                  "Nghị quyết 25 – NQ/TW", "ÅNGSTRÖM ﬁ", "a\u00a0b", "x\x1cy"])
def test_field_fold_is_fold(text):
    assert _fold_field(text) == fold(text)


def test_coverage_leaves_no_cycles_behind():
    """The report's walk used a recursive closure, a cycle that kept the tree alive until
    the cyclic collector ran; the collector now has nothing to find."""
    backend = NetworkXBackend(gen.to_graph(gen.generate(300, seed=5, provinces=2)))
    root = next(n for n, a in backend.nodes("document") if a.get("level") == "central")
    gc.collect()
    report = coverage(backend, root)
    assert report.rows
    del report
    assert gc.collect() == 0
