"""Search over titles, subjects and symbols, diacritics-insensitive and ranked.

An inverted index of folded words is built on first use and cached per backend, so
later searches cost a few dictionary lookups even on a million documents.
"""

from __future__ import annotations

import re
import weakref
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from policygraph.queries.backend import Backend, fold, symbol_key
from policygraph.queries.documents import DocRow, doc_row

_WORD = re.compile(r"[a-z0-9]+")


@dataclass
class Hit:
    doc: DocRow
    score: float
    matched: str  # "symbol", "phrase" or "words"

    def to_dict(self) -> dict[str, Any]:
        out = self.doc.to_dict()
        out.update(score=round(self.score, 3), matched=self.matched)
        return out


@dataclass
class _Index:
    ids: list[str]
    texts: list[str]  # folded "symbol title subject" per document
    words: dict[str, list[int]]


_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _index(backend: Backend) -> _Index:
    try:
        return _CACHE[backend]
    except (KeyError, TypeError):
        pass
    ids: list[str] = []
    texts: list[str] = []
    words: dict[str, list[int]] = defaultdict(list)
    for node_id, attrs in backend.nodes("document"):
        text = fold(" ".join(str(attrs.get(k) or "") for k in ("symbol", "title", "subject")))
        if not text.strip():
            continue
        pos = len(ids)
        ids.append(node_id)
        texts.append(text)
        for word in set(_WORD.findall(text)):
            words[word].append(pos)
    index = _Index(ids, texts, dict(words))
    try:
        _CACHE[backend] = index
    except TypeError:
        pass
    return index


def search(backend: Backend, query: str, limit: int = 20) -> list[Hit]:
    """Documents ranked: symbol match, then the whole phrase, then share of words found.

    Ties go to non-stub documents (ingested texts), then to the most recent.
    """
    hits: dict[str, Hit] = {}
    for node_id in backend.documents_by_symbol(query):
        hits[node_id] = Hit(doc_row(backend, node_id), 3.0, "symbol")
    index = _index(backend)
    words = _WORD.findall(fold(query))
    if words:
        postings = [index.words.get(w, []) for w in words]
        counts: dict[int, int] = defaultdict(int)
        for plist in postings:
            for pos in plist:
                counts[pos] += 1
        phrase = " ".join(words)
        # Only a query that looks like a symbol ("25-NQ", "30-CTr/TU") is matched as one.
        qkey = symbol_key(query) if re.search(r"\d", query) and re.search(r"[-/]", query) else ""
        for pos, found in counts.items():
            node_id = index.ids[pos]
            if node_id in hits:
                continue
            text = index.texts[pos]
            if qkey and qkey in text.replace(" ", ""):
                score, how = 2.5, "symbol"
            elif phrase in " ".join(_WORD.findall(text)):
                score, how = 2.0 + 0.1 * len(words) / max(1, len(text.split())), "phrase"
            else:
                score, how = found / len(words), "words"
            hits[node_id] = Hit(doc_row(backend, node_id), score, how)
    ranked = sorted(hits.values(), key=lambda h: (-h.score, h.doc.stub, -(h.doc.year or 0), h.doc.id))
    return ranked[:limit]
