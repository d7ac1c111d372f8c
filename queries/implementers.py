"""Implementers: the units and documents that carry out a document, with the lag from the
document they answer to, and the summary figures staff quote (provinces with a
programme, median lag per level).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median
from typing import Any

from policygraph.queries.backend import Backend, dispatchable, gc_paused
from policygraph.queries.documents import DocRow, doc_when, parse_date
from policygraph.queries.lineage import lineage_part, walk
from policygraph.queries.places import expected_below, expected_places
from policygraph.text import fold
from policygraph.vocabulary import LEVELS, EdgeType, Level


@dataclass
class Implementer:
    doc: DocRow
    unit: str | None  # issuing unit (name), from the issued_by edge or the issuer attribute
    unit_id: str | None
    parent: DocRow
    direct: bool  # implements the asked document itself
    lag_days: int | None  # days from the parent document's date to this one
    depth: int

    def to_dict(self) -> dict[str, Any]:
        out = self.doc.to_dict()
        out.update(unit=self.unit, unit_id=self.unit_id, parent=self.parent.id,
                   parent_name=self.parent.name, direct=self.direct, lag_days=self.lag_days,
                   depth=self.depth)
        return out


@dataclass
class LevelSummary:
    level: str
    documents: int
    places: int  # distinct places at that level with an implementing document
    median_lag_days: float | None


@dataclass
class ImplementersReport:
    root: DocRow
    rows: list[Implementer]
    levels: list[LevelSummary]
    provinces_with_programme: list[str]
    provinces_expected: int  # central roots: provinces of the gazetteer of the day; else provinces in the graph
    provinces_without: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "root": self.root.to_dict(),
            "implementers": [r.to_dict() for r in self.rows],
            "levels": [vars(s) for s in self.levels],
            "provinces_with_programme": self.provinces_with_programme,
            "provinces_expected": self.provinces_expected,
            "provinces_without": self.provinces_without,
        }


def issuer_unit(backend: Backend, doc_id: str) -> tuple[str | None, str | None, dict[str, Any]]:
    """(unit id, unit name, unit attrs) of the issuing body, falling back to `issuer`."""
    for edge in backend.out_edges(doc_id, (EdgeType.ISSUED_BY,)):
        attrs = backend.node(edge.target) or {}
        return edge.target, attrs.get("name") or attrs.get("label"), attrs
    attrs = backend.node(doc_id) or {}
    return None, attrs.get("issuer"), {}


@dispatchable
@gc_paused()
def implementers(backend: Backend, root: str, depth: int | None = None,
                 level: str | None = None, province: str | None = None) -> ImplementersReport:
    """Every document below `root` in the implements tree, per level and province."""
    whole, backend = backend, lineage_part(backend, root, True, depth)  # places are asked of the whole graph
    rows_by_id = {r.doc.id: r for r in walk(backend, root, down=True, depth=depth)}
    root_row = rows_by_id[root].doc
    out: list[Implementer] = []
    for row in rows_by_id.values():
        if row.parent is None:
            continue
        parent = rows_by_id[row.parent].doc
        unit_id, unit_name, _ = issuer_unit(backend, row.doc.id)
        start, end = parse_date(parent.date), parse_date(row.doc.date)
        lag = (end - start).days if start and end else None
        out.append(Implementer(row.doc, unit_name, unit_id, parent, row.parent == root, lag, row.depth))
    if level:
        out = [r for r in out if r.doc.level == level]
    if province:
        out = [r for r in out if fold(r.doc.province) == fold(province)]
    out.sort(key=lambda r: (LEVELS.index(r.doc.level) if r.doc.level in LEVELS else 9,
                            r.doc.province or "", r.doc.district or "", r.doc.commune or "",
                            r.doc.date or "", r.doc.id))
    summaries = []
    for name in LEVELS:
        at = [r for r in out if r.doc.level == name]
        if not at:
            continue
        lags = [r.lag_days for r in at if r.lag_days is not None]
        places = {(r.doc.province, r.doc.district, r.doc.commune) for r in at}
        summaries.append(LevelSummary(name, len(at), len(places), median(lags) if lags else None))
    with_programme = sorted({r.doc.province for r in out if r.doc.level == Level.PROVINCE and r.doc.province})
    # a central document expects a programme in every province of the map of its day
    expected = expected_below(whole, root_row.level, root_row.province, root_row.district, Level.PROVINCE,
                              doc_when(root_row))
    all_provinces = sorted({p.name for p in expected.places}) if root_row.level in (None, Level.CENTRAL) else sorted(
        p.name for p in expected_places(whole, "province"))
    return ImplementersReport(
        root=root_row,
        rows=out,
        levels=summaries,
        provinces_with_programme=with_programme,
        provinces_expected=len(all_provinces),
        provinces_without=[p for p in all_provinces if p not in set(with_programme)],
    )
