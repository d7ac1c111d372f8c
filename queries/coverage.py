"""Coverage: the units a document in the chain told to act, set against the implementing
documents present in the graph. This is the report staff ask for most: who has acted,
who has not, and by when they had to.

Rules (docs/queries.md repeats them):

* A collective unit ("Các huyện ủy, thị ủy, thành ủy …", level district) assigned by a
  document stands for every unit of that kind one level (or more) below, inside the
  assigning document's place. The places come from the gazetteer as it stood on the
  document's date (`places.expected_below`): the districts of a province before
  1 July 2025, its communes and wards after (districts were abolished); the places
  present in the graph only when the gazetteer does not know the place. Each row says
  which source it used (`expected_from`).
* A collective at the assigning document's own level ("Các sở, ban, ngành") and a named
  unit are one row each.
* "Acted" means: a document below the assigning one in the implements tree, issued at
  the target's level and place, by a unit of a compatible type (same `unit_type`, or
  unknown on either side), or issued by the very unit named.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from operator import itemgetter
from typing import Any

from policygraph.queries.backend import Backend, dispatchable, gc_paused
from policygraph.queries.documents import DocRow, doc_when, parse_date
from policygraph.queries.lineage import TraceRow, lineage_part, walk
from policygraph.queries.places import expected_below
from policygraph.text import fold
from policygraph.vocabulary import LEVEL_RANK, LEVELS, EdgeType, Level

ACTED = "acted"
NOT_YET = "not yet"


@dataclass(slots=True)  # a report holds tens of thousands
class CoverageRow:
    assigned_by: DocRow
    unit: str  # the unit or collective as named in the assigns edge
    unit_id: str
    collective: bool
    target: str  # the concrete place (for a collective) or the unit itself
    level: str | None
    province: str | None
    district: str | None
    commune: str | None
    role: str | None
    task: str | None
    deadline: str | None
    deadline_text: str | None
    status: str  # "acted" | "not yet"
    acted_by: list[DocRow] = field(default_factory=list)
    late: bool = False  # acted after the deadline, or not yet and the deadline has passed
    expected_from: str | None = None  # for a collective: where its places came from (gazetteer, graph)

    def to_dict(self) -> dict[str, Any]:
        return {
            "assigned_by": self.assigned_by.id,
            "assigned_by_name": self.assigned_by.name,
            "unit": self.unit,
            "unit_id": self.unit_id,
            "collective": self.collective,
            "target": self.target,
            "level": self.level,
            "province": self.province,
            "district": self.district,
            "commune": self.commune,
            "role": self.role,
            "task": self.task,
            "deadline": self.deadline,
            "deadline_text": self.deadline_text,
            "status": self.status,
            "acted_by": [d.id for d in self.acted_by],
            "acted_by_name": [d.name for d in self.acted_by],
            "late": self.late,
            "expected_from": self.expected_from,
        }


@dataclass
class CoverageReport:
    root: DocRow
    rows: list[CoverageRow]

    @property
    def acted(self) -> int:
        return sum(1 for r in self.rows if r.status == ACTED)

    @property
    def not_yet(self) -> int:
        return sum(1 for r in self.rows if r.status == NOT_YET)

    def summary(self) -> list[dict[str, Any]]:
        """Per assigning document and level: how many targets, how many acted."""
        groups: dict[tuple[str, str], list[CoverageRow]] = defaultdict(list)
        for row in self.rows:
            groups[(row.assigned_by.id, row.level or "")].append(row)
        out = []
        for (doc_id, level), rows in groups.items():
            acted = sum(1 for r in rows if r.status == ACTED)
            out.append({"assigned_by": doc_id, "assigned_by_name": rows[0].assigned_by.name,
                        "level": level, "targets": len(rows), "acted": acted,
                        "not_yet": len(rows) - acted})
        return out

    def sources(self) -> dict[str, int]:
        """Where the expected places of the collectives came from, with row counts."""
        out: dict[str, int] = {}
        for row in self.rows:
            if row.expected_from:
                out[row.expected_from] = out.get(row.expected_from, 0) + 1
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"root": self.root.to_dict(), "acted": self.acted, "not_yet": self.not_yet,
                "expected_from": self.sources(), "summary": self.summary(),
                "rows": [r.to_dict() for r in self.rows]}


@lru_cache(maxsize=1 << 17)
def _place_key(level: str | None, province: str | None, district: str | None,
               commune: str | None) -> tuple[str, str, str, str]:
    """Folded (level, province, district, commune); cached: a report asks for tens of thousands."""
    if level == Level.PROVINCE:
        return (level, fold(province), "", "")
    if level == Level.DISTRICT:
        return (level, fold(province), fold(district), "")
    if level == Level.COMMUNE:
        return (level, fold(province), fold(district), fold(commune))
    return (level or "", "", "", "")


# Deadlines repeat (a few dates per report), and every assignment has one to compare.
_deadline = lru_cache(maxsize=1 << 12)(parse_date)


def _compatible(want: str | None, have: str | None) -> bool:
    return not want or not have or want == "other" or have == "other" or want == have


def _ancestors(node: str, by_id: dict[str, TraceRow], memo: dict[str, set[str]]) -> set[str]:
    """Every document above `node` in the tree, memoised in `memo`.

    A module function rather than a recursive closure: such a closure is a reference cycle
    that kept the whole tree alive after each report, until the cyclic collector ran (≈30 ms).
    """
    found = memo.get(node)
    if found is None:
        memo[node] = set()  # guards against cycles
        row = by_id[node]
        found = set()
        for parent in ([row.parent] if row.parent else []) + row.also_under:
            found.add(parent)
            found |= _ancestors(parent, by_id, memo)
        memo[node] = found
    return found


@dispatchable
@gc_paused()
def coverage(backend: Backend, root: str, depth: int | None = None, as_of: date | None = None,
             include_named: bool = True) -> CoverageReport:
    """Coverage of every assignment made by `root` and the documents below it."""
    as_of = as_of or date.today()
    whole, backend = backend, lineage_part(backend, root, True, depth)  # places are asked of the whole graph
    tree = walk(backend, root, down=True, depth=depth)
    by_id: dict[str, TraceRow] = {r.doc.id: r for r in tree}
    ancestors: dict[str, set[str]] = {}

    # Below each document of the tree: the documents issued under it, by place (with the
    # issuer's type) and by issuing unit; and the assignments each document makes. One
    # pass over every document's edges; a lookup is then one or two dict accesses.
    at_place: dict[str, dict[tuple, list[tuple[str, str | None]]]] = defaultdict(lambda: defaultdict(list))
    by_unit: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    assigns: dict[str, list] = defaultdict(list)
    issuer_types: dict[str, str | None] = {}  # a few issuers issue most documents
    for row in tree:
        d = row.doc
        unit_id, unit_type = None, None
        for edge in backend.out_edges(d.id, (EdgeType.ISSUED_BY, EdgeType.ASSIGNS)):
            if edge.type == EdgeType.ASSIGNS:
                assigns[d.id].append(edge)
            elif unit_id is None:
                unit_id = edge.target
                if unit_id not in issuer_types:
                    issuer_types[unit_id] = (backend.node(unit_id) or {}).get("unit_type")
                unit_type = issuer_types[unit_id]
        key = _place_key(d.level, d.province, d.district, d.commune)
        issued = (d.id, unit_type)
        for above in _ancestors(d.id, by_id, ancestors):
            if above != d.id:  # (a cycle makes a document its own ancestor)
                at_place[above][key].append(issued)
                if unit_id:
                    by_unit[above][unit_id].append(d.id)

    # Rows are built positionally (field order of CoverageRow: assigned_by, unit, unit_id,
    # collective | target, level, province, district, commune | role, task, deadline,
    # deadline_text | status, acted_by, late, expected_from), each with its sort key, and
    # sorted per assigning document: a report has tens of thousands of rows, and keyword
    # arguments and one global sort with a Python key cost about half of the report.
    docs_rows = {r.doc.id: r.doc for r in tree}
    units: dict[str, tuple] = {}  # the same units are told to act by many documents
    groups: list[tuple[tuple[int, str], list[CoverageRow]]] = []
    for row in tree:
        d = row.doc
        keyed: list[tuple[tuple, CoverageRow]] = []
        for edge in _one_per_unit(assigns.get(d.id, ())):
            unit_id = edge.target
            about = units.get(unit_id)
            if about is None:
                unit = backend.node(unit_id) or {}
                about = units[unit_id] = (
                    unit.get("name") or unit.get("label") or unit_id, bool(unit.get("collective")),
                    unit.get("level"), unit.get("unit_type"),
                    unit.get("province"), unit.get("district"), unit.get("commune"))
            name, collective, u_level, u_type, u_province, u_district, u_commune = about
            if not collective and not include_named:
                continue
            u_level = u_level or d.level
            who = (d, name, unit_id, collective)
            attrs = edge.attrs
            told = (attrs.get("role"), attrs.get("task"), attrs.get("deadline"), attrs.get("deadline_text"))
            deadline = _deadline(told[2])
            if collective and LEVEL_RANK.get(u_level, 0) > LEVEL_RANK.get(d.level or "", 0):
                expected = expected_below(whole, d.level, d.province, d.district, u_level, doc_when(d))
                source = expected.source
                silent_late = bool(deadline and deadline < as_of)
                below = at_place.get(d.id, {})
                for key, label, level, province, district, commune, place_order in expected.for_rows:
                    here = below.get(key)
                    docs = [doc for doc, have in here if _compatible(u_type, have)] if here else None
                    if docs:  # most places: nothing issued there, so no need to look further
                        acted, late = _acted(docs_rows, docs, deadline, as_of)
                        cov = CoverageRow(*who, label, level, province, district, commune, *told,
                                          ACTED, acted, late, source)
                    else:
                        cov = CoverageRow(*who, label, level, province, district, commune, *told,
                                          NOT_YET, [], silent_late, source)
                    keyed.append(((LEVEL_RANK.get(level or "", 9), bool(docs), place_order, name), cov))
            else:
                province = u_province or d.province
                district = u_district or (d.district if u_level in (Level.DISTRICT, Level.COMMUNE) else None)
                commune = u_commune or (d.commune if u_level == Level.COMMUNE else None)
                # acted: issued below at the unit's place by a compatible issuer, or by the named unit
                here = at_place[d.id].get(_place_key(u_level, province, district, commune))
                docs = [doc for doc, have in here if _compatible(u_type, have)] if here else []
                if not collective:
                    docs += [doc for doc in by_unit[d.id].get(unit_id, ()) if doc not in docs]
                if docs:
                    acted, late = _acted(docs_rows, docs, deadline, as_of)
                    cov = CoverageRow(*who, name, u_level, province, district, commune, *told, ACTED, acted, late)
                else:
                    cov = CoverageRow(*who, name, u_level, province, district, commune, *told, NOT_YET, [],
                                      bool(deadline and deadline < as_of))
                keyed.append(((LEVEL_RANK.get(u_level or "", 9), bool(docs),
                               (province or "", district or "", commune or ""), name), cov))
        if keyed:
            keyed.sort(key=itemgetter(0))  # by level, not-yet first, place, unit
            groups.append(((LEVEL_RANK.get(d.level or "", 9), d.id), [cov for _, cov in keyed]))
    groups.sort(key=itemgetter(0))  # by the assigning document's level, then id
    return CoverageReport(by_id[root].doc, [cov for _, group in groups for cov in group])


_ROLE_RANK = {"lead": 3, "execute": 2, "support": 1}


def _one_per_unit(edges) -> list:
    """A unit told to act both in "Tổ chức thực hiện" and in the body is one row: the section's
    edge first, the strongest role, the first deadline found."""
    ordered = [e for e in edges if not e.attrs.get("in_body")]  # stable: section's edges first
    if len(ordered) < len(edges):
        ordered += [e for e in edges if e.attrs.get("in_body")]
    if len({e.target for e in ordered}) == len(ordered):
        return ordered  # the usual case: each unit told once
    chosen: dict[str, object] = {}
    for edge in ordered:
        have = chosen.get(edge.target)
        if have is None:
            chosen[edge.target] = edge
            continue
        attrs = dict(have.attrs)
        if _ROLE_RANK.get(edge.attrs.get("role"), 0) > _ROLE_RANK.get(attrs.get("role"), 0):
            attrs["role"] = edge.attrs.get("role")
        if not attrs.get("deadline") and not attrs.get("deadline_text") and edge.attrs.get("deadline_text"):
            attrs.update({k: edge.attrs.get(k) for k in ("deadline", "deadline_rule", "deadline_text")})
        chosen[edge.target] = have._replace(attrs=attrs)
    return list(chosen.values())


def _acted(docs_rows: dict[str, DocRow], docs: list[str], deadline: date | None,
           as_of: date) -> tuple[list[DocRow], bool]:
    """The documents that acted, earliest first, and whether the unit was late."""
    acted = [docs_rows[doc] for doc in docs]
    if len(acted) > 1:
        acted.sort(key=lambda r: r.date or "")
    if acted:
        first = parse_date(acted[0].date)
        return acted, bool(deadline and first and first > deadline)
    return acted, bool(deadline and deadline < as_of)


__all__ = ["ACTED", "NOT_YET", "LEVELS", "CoverageReport", "CoverageRow", "coverage"]
