"""Canonical keys: the readable ids of document, unit and place nodes.

One place decides how an id is spelled, so the resolver, the edge builder and the
benchmarks agree (see docs/model.md).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import TYPE_CHECKING

from policygraph.ingest.models import Place
from policygraph.vocabulary import Level

if TYPE_CHECKING:
    from policygraph.ingest.models import ParsedDocument
from policygraph.text import slug


def scope_key(level: str | None, place: dict | Place | None) -> str:
    """'' for central bodies, else the folded place down to the issuer's level."""
    if level == Level.CENTRAL:
        return ""
    if place is None:
        return "?"
    if isinstance(place, dict):
        return _scope_key(level, place.get("province"), place.get("district"), place.get("commune"))
    return _scope_key(level, place.province, place.district, place.commune)


@lru_cache(maxsize=65536)
def _scope_key(level: str | None, province: str | None, district: str | None, commune: str | None) -> str:
    """scope_key of a place given by its names (cached: every unit id of every document needs one)."""
    place = Place(province, district, commune).scope(level)
    parts = [place.province, place.district, place.commune][
        : {Level.PROVINCE: 1, Level.DISTRICT: 2}.get(level or "", 3)
    ]
    if not parts or parts[0] is None:
        return "?"
    return "/".join(slug(p) if p else "?" for p in parts).rstrip("/?") or "?"


def place_id(province: str | None, district: str | None = None, commune: str | None = None) -> str | None:
    """``place:bac-kan/bach-thong/quang-thuan``; a commune of today's two-level map, which has no
    district, is ``place:gia-lai/~/ia-hru`` (never a district's id: "Chư Sê" was a district and
    is now a commune)."""
    if not province:
        return None
    parts = [slug(province)]
    if district:
        parts.append(slug(district))
    elif commune:
        parts.append("~")
    if commune:
        parts.append(slug(commune))
    return "place:" + "/".join(parts)


def unit_id(name: str, level: str | None, place: dict | Place) -> str:
    return f"unit:{slug(name)}|{scope_key(level, place)}"


def doc_id(symbol: str, scope: str, epoch: str | None) -> str:
    return f"doc:{symbol}|{scope}|{epoch or '?'}"


def unnumbered_id(doc: ParsedDocument) -> str:
    """Id of an ingested document without a number: its place, type, year and a content hash.

    The hash is of the text, not the path, so the id is the same on every machine.
    """
    place = doc.place
    where = "/".join(slug(p) for p in (place.province, place.district, place.commune) if p)
    digest = doc.sha256[:10] or hashlib.sha1(doc.path.encode("utf-8")).hexdigest()[:10]
    return f"doc:~{doc.level or '?'}/{where or '?'}|{doc.doc_type or '?'}|{doc.year or '?'}|{digest}"


def named_scope(level: str, place: Place, unknown: str) -> str:
    """Where a document named without a number belongs: 'central', or the folded place down to
    `level` ('gia-lai', 'binh-phuoc/hon-quan'). A part the citing text leaves unknown is '?', and
    the scope then ends in '@' + `unknown` (the citing document's hash): the unnamed commune of
    one document is never another's."""
    if level == Level.CENTRAL:
        return "central"
    depth = {Level.PROVINCE: 1, Level.DISTRICT: 2, Level.COMMUNE: 3}.get(level, 3)
    parts = [slug(p) if p else "?" for p in (place.province, place.district, place.commune)[:depth]]
    scope = "/".join(parts)
    return f"{scope}@{unknown}" if "?" in parts else scope


def named_doc_id(kind: str, scope: str, key: str, epoch: str | None) -> str:
    """Id of a document named without a number (docs/model.md):

    * congress resolution: ``doc:~congress/SCOPE|ORDINAL`` (``doc:~congress/central|XIII``,
      ``doc:~congress/gia-lai|XV``); a congress named only by its years has them as ORDINAL;
    * plenum resolution of the Central Committee: ``doc:~plenum|TERM-NUMBER`` (``doc:~plenum|XII-4``);
      of a local committee: ``doc:~plenum/SCOPE|TERM-NUMBER`` (``doc:~plenum/gia-lai|XV-5``);
    * law: ``doc:~law|FOLDED-NAME`` and ``|YEAR`` when one is written (``doc:~law|dat-dai|2013``);
    * the Constitution and the Party Charter: ``doc:~constitution``, ``doc:~party-charter`` (``|YEAR`` when written).

    An unknown ordinal or term is ``?``.
    """
    if kind == "congress_resolution":
        return f"doc:~congress/{scope}|{epoch or '?'}"
    if kind == "plenum_resolution":
        where = "" if scope == Level.CENTRAL else f"/{scope}"
        return f"doc:~plenum{where}|{epoch or '?'}-{key}"
    if kind in ("constitution", "party_charter"):  # one of each: a year written tells the versions apart
        base = "doc:~constitution" if kind == "constitution" else "doc:~party-charter"
        return base + (f"|{epoch}" if epoch else "")
    return f"doc:~law|{slug(key)}" + (f"|{epoch}" if epoch else "")
