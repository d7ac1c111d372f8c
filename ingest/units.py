"""Which units a document names and what it tells them to do.

Stages, one module each: finding units in the text (unit_finder.py, patterns in unit_patterns.py),
resolving them in the document's context (unit_resolve.py), the frame's issuer and recipients
(unit_frame.py), governing clauses and their tasks (unit_clauses.py), and unwrapping wrapped lines
(unwrap.py). The words are the lexicon's (data/lexicon/, compiled by lexicon.py); the zones are the
layout's (layout.py). This module puts them together and is the public entry (``__all__``).
"""

from __future__ import annotations

from dataclasses import replace

from policygraph.ingest.layout import Layout, implementation_section, read_layout
from policygraph.ingest.models import Assignment, Place, ReportLine, UnitExtraction, UnitMention
from policygraph.ingest.unit_clauses import request_verbs, scan_tasks
from policygraph.ingest.unit_finder import find_units, unit_at, unit_list_at
from policygraph.ingest.unit_frame import (
    issuer_from_intro,
    issuing_ministry,
    read_addressees,
    read_recipients,
    read_signature,
)
from policygraph.ingest.unit_names import canonical_unit_name
from policygraph.ingest.unit_resolve import UnitContext
from policygraph.ingest.unwrap import unwrap
from policygraph.text import name_key
from policygraph.vocabulary import ROLE_RANK, Level

__all__ = [
    "UnitContext",
    "canonical_unit_name",
    "extract_units",
    "find_units",
    "merge_assignments",
    "reporters_of",
    "unit_at",
    "unit_key",
    "unit_label",
    "unit_list_at",
    "unwrap",
]


def extract_units(text: str, context: UnitContext, layout: Layout | None = None) -> UnitExtraction:
    """Issuer, signer, assignments, reporting lines and recipients of one document (its zones from `layout`)."""
    layout = layout or read_layout(text)
    out = UnitExtraction()
    sig_start = read_signature(text, layout, context, out)
    if out.issuer is None:
        issuer_from_intro(text, context, out)
    read_addressees(text, layout, context, out)
    rec_start = read_recipients(text, layout, context, out)
    body_end = min(p for p in (sig_start, rec_start, len(text)) if p is not None)
    section = implementation_section(text, body_end)
    start = _body_start(text, layout)
    minister = issuing_ministry(text, context)
    # the tasks are read with wrapped paragraphs on one line; the frame, signature and recipients keep their lines
    text = unwrap(text, min(start, body_end, section.start if section else body_end), body_end)
    if section:
        scan_tasks(text, min(start, section.start), section.start, context, True, None, out, minister)
        scan_tasks(text, section.start, section.end, context, False, section.number, out, minister)
        if section.end < body_end:
            scan_tasks(text, section.end, body_end, context, True, None, out, minister)
    else:
        scan_tasks(text, min(start, body_end), body_end, context, True, None, out, minister)
    return out


def _body_start(text: str, layout: Layout) -> int:
    """Where tasks can begin: the first section heading ("I. MỤC ĐÍCH …", "Điều 1") or numbered
    item after the title, else the end of the type heading. The frame above ("ĐẢNG BỘ TỈNH …", "HUYỆN ỦY …") and the
    preamble's "…, Ban Thường vụ Huyện ủy xây dựng Kế hoạch" name the issuer, not tasks."""
    after_title = layout.heading.end if layout.heading else 0
    return _asking_intro(text, layout.tasks_start, after_title) if layout.tasks_start != after_title else after_title


def _asking_intro(text: str, start: int, floor: int) -> int:
    """`start`, or the start of the paragraph just above it when that paragraph asks units to do the items that
    follow ("…, Ban Thường vụ Huyện ủy đề nghị các chi bộ thực hiện một số nội dung sau:", as letters do)."""
    above = text[floor:start].rstrip(" \t\n*")
    if not above.endswith(":"):
        return start
    para = max(above.rfind("\n\n"), len(above) - 600, 0)
    para = above.find("\n", para) + 1 if para else 0
    return floor + para if request_verbs(above, para, len(above)) else start


# --- helpers for the graph ------------------------------------------------------------
def unit_key(unit: UnitMention) -> tuple[str, str | None, Place]:
    """Identity of a unit inside one document's scope: folded name, level, place."""
    return name_key(unit.name), unit.level, unit.place


def merge_assignments(assigns: list[Assignment]) -> list[Assignment]:
    """One assignment per unit and section/body: the strongest role, the first limit found.

    The graph keeps one `assigns` edge per document and unit; this is how the many
    task clauses of a unit become that one edge.
    """
    merged: dict[tuple, Assignment] = {}
    for a in assigns:
        key = (*unit_key(a.unit), a.in_body)
        have = merged.get(key)
        if have is None:
            merged[key] = replace(a)
            continue
        if ROLE_RANK[a.role] > ROLE_RANK[have.role]:
            have.role = a.role
        if not have.deadline_rule and a.deadline_rule:
            have.deadline, have.deadline_rule, have.deadline_text = a.deadline, a.deadline_rule, a.deadline_text
    return list(merged.values())


def reporters_of(extraction: UnitExtraction, line: ReportLine) -> list[UnitMention]:
    """Units whose task clause holds the reporting line: the `from` side of `reports_to`."""
    return [a.unit for a in extraction.assigns if a.start <= line.start < a.end]


def unit_label(unit: UnitMention) -> str:
    """Display name with the place the name leaves implicit ("Ban Thường vụ Huyện ủy Hớn Quản")."""
    place = (
        getattr(unit.place, unit.level, None) if unit.level in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE) else None
    )
    if place and name_key(place) not in name_key(unit.name) and not unit.collective:
        return f"{unit.name} {place}"
    return unit.name
