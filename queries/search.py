"""Search over titles, subjects and symbols, diacritics-insensitive and ranked.

Ranking: a document whose symbol is the query (3.0), then one with the number and type the
query names ("nghị quyết 25", "NQ 25", "25/NQ-TW" name 25-NQ/TW: 2.8, 2.9 when the issuer
code matches too, a little more for a document others cite; queries/numbered.py), then one
whose text holds the query as a symbol (2.5), then one that holds the whole phrase (2.0 + a
little more for short texts), then the share of the query's words it holds; ties go to non-stub documents,
then the most recent, then the id.

A million generated documents share a few hundred words, so scoring every document that
holds one query word (the first form of this module: ≈7 s a query) cannot scale. The index,
built on first use and cached per backend, keeps each tier in the order in which it is
ranked, so that a search stops after `limit` documents of a tier:

* documents are numbered by rank (stub last, recent first, id); a word's postings are the
  sorted ranks of the documents holding it (numpy arrays: counting the words a document
  holds is one `bincount`);
* the texts without spaces, by rank, are one byte string: a symbol is found by `bytes.find`;
* the texts as " word word … " records are one byte string in phrase order (fewest words
  first, then rank), so that the first records holding a phrase are its best matches.
"""

from __future__ import annotations

import re
import weakref
from array import array
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

import numpy as np

from policygraph.queries.backend import Backend, dispatchable
from policygraph.queries.documents import DocRow, _year, doc_row
from policygraph.queries.numbered import numbered
from policygraph.text import fold, symbol_key
from policygraph.vocabulary import NodeKind

_WORD = re.compile(r"[a-z0-9]+")
_NONE = np.zeros(0, dtype=np.int32)


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
    ids: list[str]  # by rank: non-stub first, then the most recent, then the id
    lengths: array  # by rank: words of the folded text (str.split), for the phrase score
    words: dict[str, np.ndarray]  # folded word -> ascending ranks of the documents holding it
    slot_of: array  # rank -> position in the phrase order (fewest words, then rank)
    rank_at: array  # phrase position -> rank
    records: bytes  # " w1 w2 … \n" per document, in phrase order
    record_starts: array  # offset of each record, and the end
    spaceless: bytes  # folded text without spaces + "\n" per document, by rank
    spaceless_starts: array

    def record(self, rank: int) -> bytes:
        slot = self.slot_of[rank]
        return self.records[self.record_starts[slot]:self.record_starts[slot + 1]]

    def compact(self, rank: int) -> bytes:
        return self.spaceless[self.spaceless_starts[rank]:self.spaceless_starts[rank + 1]]


_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _fold_field(text: str) -> str:
    """`fold`, with a fast path for ASCII (symbols such as '12-KH/ĐU' once đ is replaced)."""
    plain = text.replace("đ", "d").replace("Đ", "D")
    return " ".join(plain.lower().split()) if plain.isascii() else fold(text)


def _build(backend: Backend) -> _Index:
    """One pass over the documents. Folding a document's text is folding its symbol, title
    and subject apart (fold works character by character and collapses spaces), so a title
    or subject shared by many documents is folded and split into words once."""
    docs: list[tuple[bool, int, str, str, str, str]] = []
    for node_id, attrs in backend.nodes(NodeKind.DOCUMENT):
        year = attrs.get("year") or _year(attrs.get("date"))  # the ranking's tie-break, as in doc_row
        docs.append((bool(attrs.get("stub", attrs.get("source") is None)), -(year or 0), node_id,
                     str(attrs.get("symbol") or ""), str(attrs.get("title") or ""), str(attrs.get("subject") or "")))
    docs.sort(key=lambda d: d[:3])

    def field(value: str) -> tuple[str, list[str], int]:
        """(folded, its words, its length by str.split)."""
        folded = _fold_field(value)
        return folded, _WORD.findall(folded), len(folded.split())

    # Titles and subjects repeat (plans carry out a resolution under its very title): what
    # they contribute is computed once per (title, subject), with the ranks of its documents.
    shared: dict[tuple[str, str], tuple[bool, str, int, str, list[int]]] = {}
    ids: list[str] = []
    lengths = array("i")
    records: list[str] = []
    compact: list[str] = []
    symbol_words: dict[str, list[int]] = defaultdict(list)
    for _, _, node_id, symbol, title, subject in docs:
        both = shared.get((title, subject))
        if both is None:
            parts = [p for p in (field(title), field(subject)) if p[0]]
            both = shared[(title, subject)] = (
                bool(parts), " ".join(w for p in parts for w in p[1]), sum(p[2] for p in parts),
                "".join(p[0] for p in parts).replace(" ", ""), [])
        has_text, joined, length, spaceless, ranks = both
        own, own_words, own_length = field(symbol) if symbol else ("", [], 0)
        if not (own or has_text):
            continue
        rank = len(ids)
        ids.append(node_id)
        ranks.append(rank)
        if own_words:
            joined = " ".join(own_words) + " " + joined if joined else " ".join(own_words)
            for word in set(own_words):
                symbol_words[word].append(rank)
        lengths.append(own_length + length)
        records.append(" " + joined + " \n")
        compact.append(own.replace(" ", "") + spaceless + "\n")
    del docs

    parts_of: dict[str, list[np.ndarray]] = defaultdict(list)
    for _, joined, _, _, ranks in shared.values():
        if ranks:
            block = np.array(ranks, dtype=np.int32)
            for word in set(joined.split()):
                parts_of[word].append(block)
    for word, ranks in symbol_words.items():
        parts_of[word].append(np.array(ranks, dtype=np.int32))
    postings = {word: _union(blocks) for word, blocks in parts_of.items()}

    rank_at = array("i", sorted(range(len(ids)), key=lengths.__getitem__))  # stable: by rank within a length
    slot_of = array("i", bytes(4 * len(ids)))
    for slot, rank in enumerate(rank_at):
        slot_of[rank] = slot
    ordered = [records[rank] for rank in rank_at]
    del records
    encoded = [c.encode("utf-8") for c in compact]
    return _Index(
        ids=ids, lengths=lengths, words=postings, slot_of=slot_of, rank_at=rank_at,
        records="".join(ordered).encode("ascii"),
        record_starts=array("q", [0, *accumulate(map(len, ordered))]),
        spaceless=b"".join(encoded),
        spaceless_starts=array("q", [0, *accumulate(map(len, encoded))]),
    )


def _union(blocks: list[np.ndarray]) -> np.ndarray:
    """Sorted ranks of several blocks (a word of a symbol may be in the title too)."""
    if len(blocks) == 1:
        return blocks[0]
    ranks = np.sort(np.concatenate(blocks))
    return ranks[np.concatenate(([True], ranks[1:] != ranks[:-1]))]


def _index(backend: Backend) -> _Index:
    try:
        return _CACHE[backend]
    except (KeyError, TypeError):
        pass
    index = _build(backend)
    try:
        _CACHE[backend] = index
    except TypeError:
        pass
    return index


def _containing(data: bytes, starts: array, needle: bytes) -> Iterator[int]:
    """Numbers of the records of `data` (separated by newlines) that contain `needle`, in order."""
    at = data.find(needle)
    while at >= 0:
        record = bisect_right(starts, at) - 1
        yield record
        at = data.find(needle, starts[record + 1])


@dispatchable
def search(backend: Backend, query: str, limit: int = 20) -> list[Hit]:
    """Documents ranked: symbol match, then the whole phrase, then share of words found.

    Ties go to non-stub documents (ingested texts), then to the most recent.
    """
    hits: dict[str, Hit] = {}
    for node_id in backend.documents_by_symbol(query):
        hits[node_id] = Hit(doc_row(backend, node_id), 3.0, "symbol")
    for node_id, score in numbered(backend, query).items():
        if node_id not in hits:
            hits[node_id] = Hit(doc_row(backend, node_id), score, "number")
    index = _index(backend)
    words = _WORD.findall(fold(query))
    if words:
        # Only a query that looks like a symbol ("25-NQ", "30-CTr/TU") is matched as one.
        qkey = symbol_key(query) if re.search(r"\d", query) and re.search(r"[-/]", query) else ""
        for rank, score, how in _ranked(index, words, qkey, limit, hits):
            node_id = index.ids[rank]
            hits[node_id] = Hit(doc_row(backend, node_id), score, how)
    ranked = sorted(hits.values(), key=lambda h: (-h.score, h.doc.stub, -(h.doc.year or 0), h.doc.id))
    return ranked[:limit]


def _ranked(index: _Index, words: list[str], qkey: str, limit: int,
            taken: dict[str, Hit]) -> list[tuple[int, float, str]]:
    """The best `limit` documents of each tier below the symbol index's (rank, score, how):
    enough for the first `limit` of the whole ranking, whatever the ties."""
    ids = index.ids
    wanted = [b" " + w.encode() + b" " for w in set(words)]
    key = qkey.encode("utf-8")
    phrase = " ".join(words).encode()

    def holds_a_word(rank: int) -> bool:  # a candidate at all: one query word, whole
        record = index.record(rank)
        return any(w in record for w in wanted)

    def as_symbol(rank: int) -> bool:
        return bool(key) and key in index.compact(rank)

    out: list[tuple[int, float, str]] = []
    symbols: set[int] = set()
    if key:
        for rank in _containing(index.spaceless, index.spaceless_starts, key):
            if ids[rank] not in taken and holds_a_word(rank):
                symbols.add(rank)
                out.append((rank, 2.5, "symbol"))
                if len(symbols) >= limit:
                    break
    # A phrase scores at most 2.0 + 0.1 × words / 1: with fewer than 5 words, below a symbol.
    if len(symbols) >= limit and len(words) < 5:
        return out

    phrases: set[int] = set()
    for rank in _phrase_candidates(index, words, phrase, limit + len(taken) + len(symbols)):
        if ids[rank] in taken or rank in symbols or as_symbol(rank):
            continue
        if len(words) <= 2 and not holds_a_word(rank):  # (with more, the middle words are whole)
            continue
        phrases.add(rank)
        out.append((rank, 2.0 + 0.1 * len(words) / max(1, index.lengths[rank]), "phrase"))
        if len(phrases) >= limit:
            break
    if len(symbols) + len(phrases) >= limit or key:
        return out  # a symbol's words ("25", "nq", "tw") alone say nothing about a document

    # Words: the share of the query's words held (a repeated word counts each time).
    counts = np.bincount(np.concatenate([index.words.get(w, _NONE) for w in words]), minlength=len(ids))
    taken_words = 0
    for found in range(len(words), 0, -1):
        for rank in np.flatnonzero(counts == found).tolist():
            if ids[rank] in taken or rank in symbols or rank in phrases or as_symbol(rank):
                continue
            if phrase in index.record(rank):
                continue  # a phrase match beyond those kept: it ranks above the words tier anyway
            out.append((rank, found / len(words), "words"))
            taken_words += 1
            if taken_words >= limit:
                return out
    return out


def _phrase_candidates(index: _Index, words: list[str], phrase: bytes, enough: int) -> Iterator[int]:
    """Ranks of the documents holding the phrase, best first (fewest words, then rank).

    One word: its postings, sorted by phrase order (the `enough` best first). Several: the
    records that contain the phrase, scanned in phrase order.
    """
    if len(words) == 1:
        ranks = index.words.get(words[0], _NONE)
        slots = np.frombuffer(index.slot_of, dtype=np.int32)[ranks] if len(ranks) else _NONE
        if len(slots) > enough:
            yield from (index.rank_at[s] for s in np.sort(np.partition(slots, enough)[:enough]).tolist())
            rest = np.sort(np.partition(slots, enough)[enough:]).tolist()
            yield from (index.rank_at[s] for s in rest)
        else:
            yield from (index.rank_at[s] for s in np.sort(slots).tolist())
        return
    for slot in _containing(index.records, index.record_starts, phrase):
        yield index.rank_at[slot]
