"""Documents named the way people type them: a number and a type ("nghị quyết 25", "NQ 25",
"25/NQ-TW"), not the exact symbol.

A symbol such as 25-NQ/TW or 16/2026/NQ-CP carries a number and a type code; a query
carries the same two things as a type name ("nghị quyết") or code ("NQ") and a number.
`search` ranks the documents that share both right after an exact symbol match.
"""

from __future__ import annotations

import re
import weakref
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from policygraph.ingest import tables
from policygraph.queries.backend import Backend
from policygraph.text import fold, symbol_key

# "25-nq/tw", "16/2026/nq-cp", "25/nq-tw": number, optional year, type code, issuer code
_SYMBOL = re.compile(r"^(\d+)(?:/(\d{4}))?[-/]([a-z]+)(?:[-/]([a-z0-9/-]+))?$")
# the same, on a symbol as written ("62 - KL/TW", "16/2026/NĐ-CP"): one match, no folding of the whole
_WRITTEN = re.compile(r"^\s*(\d+)\s*(?:/\s*(\d{4})\s*)?[-\u2010-\u2015\u2212/]\s*([^\W\d_]+)"
                      r"\s*(?:[-\u2010-\u2015\u2212/]\s*(\S.*?))?\s*$")
_DASHES = re.compile(r"\s*[\u2010-\u2015\u2212-]\s*|\s*/\s*")
_NUMBER = re.compile(r"(?<![\w/-])(\d{1,5})(?![\w/-])")


@dataclass(frozen=True)
class Named:
    """What a query names: a number, a folded type code and, when written, the issuer code."""

    number: str
    code: str
    issuer: str = ""


def symbol_parts(symbol: str | None) -> Named | None:
    """(number, type code, issuer code) of a written symbol, folded; None when it has no such form."""
    match = _SYMBOL.match(symbol_key(symbol)) if symbol else None
    if not match:
        return None
    return Named(str(int(match.group(1))), match.group(3), (match.group(4) or "").replace("-", "/"))


def written_parts(symbol: str | None) -> tuple[str, str, str] | None:
    """`symbol_parts` as a tuple, faster on a whole store: only the type and issuer codes (few,
    so cached by `fold`) are folded, not each symbol."""
    match = _WRITTEN.match(symbol) if symbol else None
    if not match:
        return None
    code = fold(match.group(3))
    if not code.isascii() or not code.isalpha():
        return None
    issuer = fold(_DASHES.sub("/", match.group(4))).replace(" ", "") if match.group(4) else ""
    return str(int(match.group(1))), code, issuer


@lru_cache(maxsize=1)
def _type_words() -> tuple[tuple[str, frozenset[str]], ...]:
    """(folded type name, folded codes), longest name first, and the codes themselves."""
    codes: dict[str, set[str]] = defaultdict(set)
    for grammar in tables.doc_types().values():
        for entry in grammar.values():
            code = fold(entry.code)
            codes[code].add(code)
            for name in entry.names:
                codes[fold(name)].add(code)
    return tuple(sorted(((k, frozenset(v)) for k, v in codes.items()), key=lambda kv: (-len(kv[0]), kv[0])))


def query_names(query: str) -> list[Named]:
    """Every (number, type) reading of a query; [] when it names no number with a type."""
    key = symbol_key(query)
    exact = symbol_parts(query) if " " not in key else None
    if exact:
        return [exact]
    folded = f" {fold(query)} "
    numbers = _NUMBER.findall(folded)
    if len(numbers) != 1:
        return []
    found: set[str] = set()
    for words, codes in _type_words():
        if f" {words} " in folded:
            found |= codes
            folded = folded.replace(f" {words} ", " ")
    return [Named(str(int(numbers[0])), code) for code in sorted(found)]


_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _numbered(backend: Backend) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """{(number, code): [(node id, issuer code)]}, built once per backend."""
    try:
        return _CACHE[backend]
    except (KeyError, TypeError):
        pass
    out: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for node_id, attrs in backend.nodes("document"):
        parts = written_parts(attrs.get("symbol"))
        if parts:
            out[parts[:2]].append((node_id, parts[2]))
    index = dict(out)
    try:
        _CACHE[backend] = index
    except TypeError:
        pass
    return index


CITING = ("implements", "based_on", "references")


def numbered(backend: Backend, query: str) -> dict[str, float]:
    """{node id: score} of the documents a query names by number and type.

    2.8, plus 0.1 when the issuer code matches too ("25/NQ-TW" → 25-NQ/TW rather than
    25/NQ-CP), plus up to 0.09 for the documents citing it: the resolution people mean by
    "nghị quyết 25" is the one others carry out. Always below an exact symbol (3.0).
    """
    readings = query_names(query)
    index = _numbered(backend) if readings else {}
    out: dict[str, float] = {}
    for named in readings:
        for node_id, issuer in index.get((named.number, named.code), ()):
            cited = sum(1 for _ in backend.in_edges(node_id, CITING))
            score = 2.8 + (0.1 if named.issuer and named.issuer == issuer else 0.0) + 0.09 * cited / (cited + 1)
            out[node_id] = max(out.get(node_id, 0.0), score)
    return out
