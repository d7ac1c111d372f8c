"""Text helpers every layer shares: folding for comparison, keys of names and symbols, slugs for ids.

At the package root, below ``ingest/``, like ``vocabulary.py``: ingest builds ids with these,
graph and queries compare with them, and they must agree, so there is exactly one of each.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES_RE = re.compile(r"\s+")
_DASHES_RE = re.compile(r"\s*[\u2010-\u2015\u2212-]\s*")
_SLASH_RE = re.compile(r"\s*/\s*")
# "Đ" and its look-alike "Ð" (U+00D0, which some fonts and converters put in its place) have no decomposition
_NO_DECOMPOSITION = str.maketrans({"Đ": "D", "đ": "d", "Ð": "D", "ð": "d"})


@lru_cache(maxsize=1 << 18)
def fold(text: str | None) -> str:
    """Lower case, no diacritics, single spaces: 'Hớn  Quản' -> 'hon quan'; None -> ''.

    Cached: the same place and unit names are folded thousands of times per ingest and per
    query, and a pure function of a string cannot go stale.
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFD", text.translate(_NO_DECOMPOSITION))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().split())


@lru_cache(maxsize=1 << 16)
def name_key(text: str | None) -> str:
    """fold() without spaces and with one kind of dash: 'Sở Nội vụ' and 'Sở  Nội  Vụ' -> 'sonoivu'.

    The key the unit table compares names by: a wrapped line or a doubled space inside a
    name must not make it another name.
    """
    folded = fold(text)
    for dash in "–—‐":
        folded = folded.replace(dash, "-")
    return folded.replace(" ", "")


@lru_cache(maxsize=1 << 16)
def slug(text: str) -> str:
    """fold() with dashes for spaces: the form ids are built from ('Bình Phước' -> 'binh-phuoc')."""
    return fold(text).replace(" ", "-")


def symbol_key(symbol: str | None) -> str:
    """Key under which a symbol is looked up: '62 - KL/TW', '62-kl/tw' and '62–KL/TW' meet."""
    if not symbol:
        return ""
    text = _DASHES_RE.sub("-", symbol.strip())
    text = _SLASH_RE.sub("/", text)
    return fold(text).replace(" ", "")
