"""The report pages' data: implementers and coverage as tables grouped by province and
district, with a status per row and the small charts (queries.implementers/coverage)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from policygraph.queries.coverage import CoverageReport, CoverageRow
from policygraph.queries.implementers import Implementer, ImplementersReport
from policygraph.viz.charts import columns, sorted_bars, stacked_columns
from policygraph.viz.i18n import N_, gettext
from policygraph.viz.labels import LEVEL_LABELS, STATUS_LABELS
from policygraph.viz.style import LEVEL_COLOURS
from policygraph.vocabulary import LEVELS

LAG_BUCKETS = ((31, N_("< 1 month")), (92, N_("1–3 months")), (183, N_("3–6 months")), (366, N_("6–12 months")),
               (731, N_("1–2 years")), (None, N_("> 2 years")))


@dataclass
class Group:
    """Rows of one place: a province, or one district of it (central rows have neither)."""

    province: str | None
    district: str | None
    rows: list[Any] = field(default_factory=list)


def grouped(rows: list[Any], place: Any) -> list[Group]:
    """Rows in groups by (province, district), in the rows' own order of first appearance."""
    groups: dict[tuple[str, str], Group] = {}
    for row in rows:
        province, district = place(row)
        key = (province or "", district or "")
        if key not in groups:
            groups[key] = Group(province, district)
        groups[key].rows.append(row)
    return sorted(groups.values(), key=lambda g: (g.province is not None, g.province or "", g.district or ""))


def status(row: CoverageRow) -> str:
    """acted / acted-late / not-yet / late (not yet and past the deadline)."""
    if row.status == "acted":
        return "acted-late" if row.late else "acted"
    return "late" if row.late else "not-yet"


def lag_bucket(days: int) -> int:
    for index, (limit, _) in enumerate(LAG_BUCKETS):
        if limit is None or days < limit:
            return index
    return len(LAG_BUCKETS) - 1


def implementers_page(report: ImplementersReport) -> dict[str, Any]:
    """Groups of rows and the three charts of the implementers report."""
    rows: list[Implementer] = report.rows
    by_year: dict[int, Counter] = defaultdict(Counter)
    for row in rows:
        if row.doc.year:
            by_year[row.doc.year][row.doc.level] += 1
    years = list(range(min(by_year), max(by_year) + 1)) if by_year else []
    per_year = stacked_columns([
        (str(year), [(gettext(LEVEL_LABELS[level]), by_year[year][level], LEVEL_COLOURS[level])
                     for level in LEVELS if level != "central" or by_year[year][level]])
        for year in years])
    per_year.legend = [(LEVEL_COLOURS[level], gettext(LEVEL_LABELS[level])) for level in LEVELS
                       if any(by_year[y][level] for y in years)]
    lags = Counter(lag_bucket(r.lag_days) for r in rows if r.lag_days is not None and r.lag_days >= 0)
    lag_chart = columns([(gettext(name), lags[i]) for i, (_, name) in enumerate(LAG_BUCKETS)], "#1f618d")
    documents = Counter(r.doc.province for r in rows if r.doc.province)
    everywhere = set(report.provinces_with_programme) | set(report.provinces_without)
    provinces = sorted_bars([(p, documents[p]) for p in sorted(everywhere)], "#d68910", "#d5d8dc")
    return {
        "groups": grouped(rows, lambda r: (r.doc.province, r.doc.district)),
        "charts": {"per_year": per_year, "lags": lag_chart, "provinces": provinces},
        "lag_count": sum(lags.values()),
    }


def coverage_page(report: CoverageReport) -> dict[str, Any]:
    """Groups of rows with a status each, the assigning documents once, and the status counts."""
    counts = Counter(status(r) for r in report.rows)
    assigning: dict[str, Any] = {}
    for row in report.rows:
        assigning.setdefault(row.assigned_by.id, row.assigned_by)
    order = {"central": 0, "province": 1, "district": 2, "commune": 3}
    rows = sorted(report.rows, key=lambda r: (order.get(r.level or "", 9), r.province or "", r.district or "",
                                             r.commune or "", r.unit, r.target))
    bars = columns([(gettext(STATUS_LABELS[k]), counts[k]) for k in STATUS_LABELS], "#117a65", 360, 120)
    return {
        "groups": grouped(rows, lambda r: (r.province, r.district)),
        "statuses": {k: counts[k] for k in STATUS_LABELS},
        "assigning": list(assigning.values()),
        "charts": {"statuses": bars},
    }
