"""Which places exist: the denominator of coverage ("who has not acted yet").

`expected_below` answers "which units one level down, inside this document's place,
were expected to act" from the gazetteer, as the administrative map stood on the
document's date:

* before 1 July 2025 (or undated): the legacy units, province → district → commune
  (``policygraph.ingest.places.gazetteer()``, 63 provinces);
* from 1 July 2025: two-level local government, province → commune/ward, districts
  abolished (the ``vietnam-provinces`` package, 34 provinces); a provincial document
  then expects its communes and wards, whatever level its collective names.

Only when the gazetteer does not know the place does the answer fall back to the
places present in the graph (`expected_places`: the `place` nodes, else the places
documents are located in), which can only under-count the silent ones. Every answer
says which source it used. All of it is computed once and cached.
"""

from __future__ import annotations

import json
import re
import weakref
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache

from policygraph.queries.backend import Backend
from policygraph.text import fold
from policygraph.vocabulary import Level, NodeKind


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
    for _, attrs in backend.nodes(NodeKind.PLACE):
        ref = _ref(attrs)
        if ref:
            places.add(ref)
    source = "place nodes"
    if not places:
        source = "documents"
        for _, attrs in backend.nodes(NodeKind.DOCUMENT):
            for level in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE):
                ref = _ref({**attrs, "level": level})
                if ref:
                    places.add(ref)
    by_parent: dict[tuple[str, str, str], list[PlaceRef]] = defaultdict(list)
    for ref in places:
        parent_province = fold(ref.province) if ref.level != Level.PROVINCE else ""
        parent_district = fold(ref.district) if ref.level == Level.COMMUNE else ""
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
    if level == Level.PROVINCE:
        province = province or attrs.get("name")
        return PlaceRef("province", province) if province else None
    if level == Level.DISTRICT:
        district = district or attrs.get("name")
        return PlaceRef("district", province, district) if province and district else None
    if level == Level.COMMUNE:
        commune = commune or attrs.get("name")
        if province and district and commune:
            return PlaceRef("commune", province, district, commune)
    return None


def expected_places(backend: Backend, level: str, province: str | None = None,
                    district: str | None = None) -> list[PlaceRef]:
    """Places at `level` inside the given province (and district)."""
    parent_province = fold(province) if level != Level.PROVINCE else ""
    parent_district = fold(district) if level == Level.COMMUNE else ""
    return list(_index(backend).by_parent.get((level, parent_province, parent_district), ()))


def places_source(backend: Backend) -> str:
    return _index(backend).source


# --- the gazetteer ---------------------------------------------------------------------------

REFORM = date(2025, 7, 1)  # districts abolished: two-level local government
LEGACY = "legacy gazetteer"
CURRENT = "current gazetteer"
GRAPH = "graph"  # + " (place nodes)" or " (documents)"

_PREFIX = re.compile(r"^(Thành phố|Tỉnh|Xã|Phường|Thị trấn|Đặc khu)\s+")


@dataclass(frozen=True)
class Expected:
    places: list[PlaceRef]
    source: str  # LEGACY, CURRENT or "graph (…)"

    @cached_property
    def keyed(self) -> list[tuple[tuple[str, str, str, str], PlaceRef]]:
        """(place.key(), place) pairs, computed once: coverage looks every place up."""
        return [(place.key(), place) for place in self.places]

    @cached_property
    def for_rows(self) -> list[tuple[tuple[str, str, str, str], str, str, str | None, str | None, str | None,
                                     tuple[str, str, str]]]:
        """(key, label, level, province, district, commune, sort key) per place, computed once
        for a cached map: coverage makes one row per place, thousands per report."""
        return [(key, p.label, p.level, p.province, p.district, p.commune,
                 (p.province or "", p.district or "", p.commune or "")) for key, p in self.keyed]


@lru_cache(maxsize=1)
def _legacy() -> dict[str, tuple[str, dict[str, tuple[str, list[str]]]]]:
    """fold(province) -> (province, {fold(district): (district, [communes])}), pre-2025 units."""
    from policygraph.ingest.places import gazetteer

    gaz = gazetteer()
    tree: dict[str, tuple[str, dict[str, tuple[str, list[str]]]]] = {}
    for pairs in gaz.districts.values():
        for province, district in pairs:
            tree.setdefault(fold(province), (province, {}))[1].setdefault(fold(district), (district, []))
    for triples in gaz.communes.values():
        for province, district, commune in triples:
            if district:  # the gazetteer also holds today's communes, which belong to no district
                tree[fold(province)][1][fold(district)][1].append(commune)
    for _, districts in tree.values():
        for _, communes in districts.values():
            communes.sort(key=fold)
    return tree


@lru_cache(maxsize=1)
def _current() -> dict[str, tuple[str, list[str]]]:
    """fold(province) -> (province, [communes and wards]), units from 1 July 2025."""
    import vietnam_provinces

    tree = {}
    for p in json.loads(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH.read_text("utf-8")):
        name = _PREFIX.sub("", p["name"]).strip()
        tree[fold(name)] = (name, sorted((_PREFIX.sub("", w["name"]).strip() for w in p["wards"]), key=fold))
    return tree


def _by_name(refs: list[PlaceRef]) -> list[PlaceRef]:
    return sorted(refs, key=lambda r: (fold(r.province), fold(r.district), fold(r.commune)))


def _provinces_of(tree: dict, province: str | None) -> list | None:
    """Every province of a gazetteer tree, the one named, or None when it does not know the name."""
    if province is None:
        return list(tree.values())
    return [tree[fold(province)]] if fold(province) in tree else None


def _province_refs(provinces: list | None, province: str | None) -> list[PlaceRef] | None:
    """The provinces themselves as expected places (only asked for below the centre)."""
    if provinces is None or province:
        return None
    return _by_name([PlaceRef("province", p) for p, _ in provinces])


def _from_legacy(level: str, province: str | None, district: str | None, target: str) -> list[PlaceRef] | None:
    provinces = _provinces_of(_legacy(), province)
    if provinces is None or target == Level.PROVINCE:
        return _province_refs(provinces, province)
    out = []
    for prov, districts in provinces:
        if district is not None and level == Level.DISTRICT:
            if fold(district) not in districts:
                return None
            districts = {fold(district): districts[fold(district)]}
        for dist, communes in districts.values():
            if target == Level.DISTRICT:
                out.append(PlaceRef("district", prov, dist))
            else:
                out.extend(PlaceRef("commune", prov, dist, c) for c in communes)
    return _by_name(out)


def _from_current(province: str | None, target: str) -> list[PlaceRef] | None:
    provinces = _provinces_of(_current(), province)
    if provinces is None or target == Level.PROVINCE:
        return _province_refs(provinces, province)
    return _by_name([PlaceRef("commune", p, None, c) for p, communes in provinces for c in communes])


@lru_cache(maxsize=4096)
def _gazetteer_below(level: str, province: str | None, district: str | None, target: str,
                     after_reform: bool) -> Expected | None:
    if after_reform and level in (Level.CENTRAL, Level.PROVINCE):
        found = _from_current(province if level == Level.PROVINCE else None, target)
        return Expected(found, CURRENT) if found is not None else None
    found = _from_legacy(level, province if level != Level.CENTRAL else None, district, target)
    return Expected(found, LEGACY) if found is not None else None


def expected_below(backend: Backend, level: str | None, province: str | None, district: str | None,
                   target: str, when: date | None) -> Expected:
    """The units at `target` level expected to act on a document of `level` issued in
    (`province`, `district`) on date `when` (see the module docstring)."""
    level = level or Level.CENTRAL
    after = when is not None and when >= REFORM
    if level != Level.CENTRAL and not province:
        found = None
    else:
        found = _gazetteer_below(level, province, district if level != Level.PROVINCE else None, target, after)
    if found is not None:
        return found
    source = f"{GRAPH} ({places_source(backend)})"
    if target == Level.PROVINCE:
        return Expected(expected_places(backend, "province"), source)
    provinces = [province] if province else [p.province for p in expected_places(backend, "province")]
    districts = ([PlaceRef(Level.DISTRICT, province, district)] if level == Level.DISTRICT and district
                 else [d for prov in provinces for d in expected_places(backend, "district", prov)])
    if target == Level.DISTRICT:
        return Expected(districts, source)
    return Expected([c for d in districts for c in expected_places(backend, "commune", d.province, d.district)],
                    source)
