"""Which places exist: the denominator of coverage ("who has not acted yet").

Expected places come from the `place` nodes of the graph (their `part_of` tree mirrors
the gazetteer the ingester resolved against). A graph without place nodes falls back to
the places its documents are located in, which can only under-count the silent ones.
Both are computed once per backend and cached.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from dataclasses import dataclass

from policygraph.queries.backend import Backend, fold


@dataclass(frozen=True)
class PlaceRef:
    level: str
    province: str | None
    district: str | None = None
    commune: str | None = None

    @property
    def name(self) -> str:
        return {"province": self.province, "district": self.district, "commune": self.commune}.get(
            self.level) or ""

    @property
    def label(self) -> str:
        return ", ".join(p for p in (self.commune, self.district, self.province) if p)

    def key(self) -> tuple[str, str, str, str]:
        return (self.level, fold(self.province), fold(self.district), fold(self.commune))


@dataclass
class _Index:
    source: str  # "place nodes" or "documents"
    by_parent: dict[tuple[str, str, str], list[PlaceRef]]  # (level, province, district) -> places


_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _index(backend: Backend) -> _Index:
    try:
        return _CACHE[backend]
    except (KeyError, TypeError):
        pass
    places: set[PlaceRef] = set()
    for _, attrs in backend.nodes("place"):
        ref = _ref(attrs)
        if ref:
            places.add(ref)
    source = "place nodes"
    if not places:
        source = "documents"
        for _, attrs in backend.nodes("document"):
            for level in ("province", "district", "commune"):
                ref = _ref({**attrs, "level": level})
                if ref:
                    places.add(ref)
    by_parent: dict[tuple[str, str, str], list[PlaceRef]] = defaultdict(list)
    for ref in places:
        parent_province = fold(ref.province) if ref.level != "province" else ""
        parent_district = fold(ref.district) if ref.level == "commune" else ""
        by_parent[(ref.level, parent_province, parent_district)].append(ref)
    for refs in by_parent.values():
        refs.sort(key=lambda r: r.label)
    index = _Index(source, dict(by_parent))
    try:
        _CACHE[backend] = index
    except TypeError:
        pass
    return index


def _ref(attrs: dict) -> PlaceRef | None:
    level = attrs.get("level")
    province, district, commune = attrs.get("province"), attrs.get("district"), attrs.get("commune")
    if level == "province":
        province = province or attrs.get("name")
        return PlaceRef("province", province) if province else None
    if level == "district":
        district = district or attrs.get("name")
        return PlaceRef("district", province, district) if province and district else None
    if level == "commune":
        commune = commune or attrs.get("name")
        if province and district and commune:
            return PlaceRef("commune", province, district, commune)
    return None


def expected_places(backend: Backend, level: str, province: str | None = None,
                    district: str | None = None) -> list[PlaceRef]:
    """Places at `level` inside the given province (and district)."""
    parent_province = fold(province) if level != "province" else ""
    parent_district = fold(district) if level == "commune" else ""
    return list(_index(backend).by_parent.get((level, parent_province, parent_district), ()))


def places_source(backend: Backend) -> str:
    return _index(backend).source
