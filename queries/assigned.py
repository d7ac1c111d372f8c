"""Assignments: the tasks documents give to a unit, with role, deadline and source."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from policygraph.queries.backend import Backend, dispatchable
from policygraph.queries.documents import DocRow, doc_row
from policygraph.text import fold
from policygraph.vocabulary import LEVEL_RANK, EdgeType


@dataclass
class Assignment:
    unit_id: str
    unit: str
    collective: bool
    level: str | None
    province: str | None
    district: str | None
    role: str | None
    task: str | None
    deadline: str | None
    deadline_rule: str | None
    deadline_text: str | None
    source: DocRow
    evidence: str | None

    def to_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in vars(self).items() if k != "source"}
        out.update(source=self.source.id, source_name=self.source.name, source_date=self.source.date)
        return out


def find_units(backend: Backend, name: str, province: str | None = None) -> list[str]:
    """Units whose name is `name` (diacritics-insensitive), else those whose name contains it."""
    ids = backend.units_by_name(name)
    if province:
        want = fold(province)
        ids = [u for u in ids if fold((backend.node(u) or {}).get("province")) == want]
    return ids


@dispatchable
def assigned(backend: Backend, name: str, province: str | None = None,
             district: str | None = None) -> list[Assignment]:
    """All tasks given to the units matching `name`; each row names its unit, so that two
    'Ban Dân vận Huyện ủy' of different districts are never merged."""
    out: list[Assignment] = []
    for unit_id in find_units(backend, name, province):
        unit = backend.node(unit_id) or {}
        if district and fold(unit.get("district")) != fold(district):
            continue
        for edge in backend.in_edges(unit_id, (EdgeType.ASSIGNS,)):
            a = edge.attrs
            out.append(Assignment(
                unit_id=unit_id, unit=unit.get("name") or unit.get("label") or unit_id,
                collective=bool(unit.get("collective")), level=unit.get("level"),
                province=unit.get("province"), district=unit.get("district"),
                role=a.get("role"), task=a.get("task"), deadline=a.get("deadline"),
                deadline_rule=a.get("deadline_rule"), deadline_text=a.get("deadline_text"),
                source=doc_row(backend, edge.source), evidence=a.get("evidence"),
            ))
    out.sort(key=lambda r: (LEVEL_RANK.get(r.level or "", 9), r.province or "", r.district or "",
                            r.unit, r.deadline or "9999", r.source.date or "", r.source.id))
    return out
