"""Resolving a found unit in its document: its level (from its words, else the document's, one level
below for "các chi bộ"), its place and its full name ("Ban Dân vận" of a district plan is the district's).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from policygraph.ingest.models import Place, UnitMention
from policygraph.ingest.unit_finder import Found
from policygraph.ingest.unit_patterns import CENTRAL_CITIES, CITY_OWNER_RE, OWNER_OF
from policygraph.text import name_key
from policygraph.vocabulary import LEVEL_WORD, LEVELS, Level


# --- context ------------------------------------------------------------------------
@dataclass
class UnitContext:
    """What the document already knows about itself."""

    level: str | None = None
    place: Place = field(default_factory=Place)
    issuer_code: str | None = None
    doc_date: str | None = None
    doc_type: str | None = None  # type code ("TT"): a circular's bare "Bộ trưởng" is its own minister


def _below(level: str | None) -> str | None:
    if level is None:
        return None
    i = LEVELS.index(level)
    return LEVELS[min(i + 1, len(LEVELS) - 1)]


def resolve_unit(found: Found, ctx: UnitContext) -> UnitMention:
    """Level, place and full name of a unit as this document means it."""
    level = found.level
    if level is None:
        level = _below(ctx.level) if found.below else ctx.level
    elif found.below:
        level = _below(level)
    if (
        level == Level.DISTRICT
        and CITY_OWNER_RE.search(found.name)
        and name_key(ctx.place.province) in CENTRAL_CITIES
    ):
        level = Level.PROVINCE
    if found.place_name and name_key(found.place_name) in CENTRAL_CITIES:
        level = Level.PROVINCE
    name = found.name
    if not found.explicit_level and level:
        name = _complete(found, name, level, ctx)
    place = _place_for(level, ctx, found.place_name)
    return UnitMention(name=name, written=found.written, unit_type=found.unit_type, level=level, place=place,
                       collective=found.collective, start=found.start, end=found.end)


def _complete(found: Found, name: str, level: str, ctx: UnitContext) -> str:
    """Write out the scope the text leaves implicit ("MTTQ" in a district plan is "Mặt trận Tổ quốc huyện")."""
    head = found.head
    if found.collective:
        if found.unit_type in ("mass_org", "press") and level in LEVEL_WORD:
            return f"{name} {LEVEL_WORD[level]}"
        return name
    if head is None:
        return name
    if head.tail == "level" and head.level is None and found.unit_type != "party_committee":
        return f"{name} {LEVEL_WORD[level]}" if level in LEVEL_WORD else name
    if head.tail == "owner" and head.canonical not in ("Văn phòng",):
        if head.canonical == "Ban Chấp hành":
            return f"{name} Đảng bộ {LEVEL_WORD[level]}" if level in LEVEL_WORD else f"{name} Trung ương Đảng"
        return f"{name} {OWNER_OF[level]}"
    return name


def _place_for(level: str | None, ctx: UnitContext, written: str | None) -> Place:
    place = _place_cached(level, ctx.level, ctx.place, written)
    return ctx.place if place is None else place


@lru_cache(maxsize=1024)
def _place_cached(level: str | None, ctx_level: str | None, ctx_place: Place, written: str | None) -> Place | None:
    """The place of a unit at `level`; None for the context's own place object, which _place_for puts back, so
    a mention shares its document's place the same way whether or not the cache holds an equal one from an
    earlier document (a parse pickles the same bytes the first time and every time after)."""
    base = _scoped_place(level, ctx_level, ctx_place, written)
    return None if base is ctx_place else base


def _scoped_place(level: str | None, ctx_level: str | None, ctx_place: Place, written: str | None) -> Place:
    if level == Level.CENTRAL:
        return Place()
    base = ctx_place
    ctx_rank = LEVELS.index(ctx_level) if ctx_level in LEVELS else None
    rank = LEVELS.index(level) if level in LEVELS else None
    if rank is not None and ctx_rank is not None and rank <= ctx_rank:
        base = base.scope(level)
    elif rank is not None and ctx_rank is not None and rank > ctx_rank:
        base = Place(base.province, base.district if rank > 2 or level == Level.DISTRICT else None, None)
        base = base.scope(LEVELS[ctx_rank])
    if written and level in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE):
        current = getattr(base, level)
        if not current or name_key(current) != name_key(written):
            base = replace(base, **{level: written})
    return base
