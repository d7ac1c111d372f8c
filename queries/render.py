"""Output of the query commands: rich tables and trees for the terminal, JSON and CSV on stdout.

JSON is the full answer (the `to_dict` of each result); CSV is one flat row per item,
the same rows a table shows, so that it opens in a spreadsheet.

Document text is never trusted: every string printed goes through `plain` (no control
characters, no terminal escape sequences) and reaches Rich only as Text, never as markup, so
a title holding "[/]" or "[link=…]" prints as written.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections import Counter
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from policygraph.ingest.reader import drop_controls
from policygraph.vocabulary import LEVELS

EVIDENCE_WIDTH = 160


def plain(value: Any) -> str:
    """`value` as plain text for any output: control characters and terminal escape sequences
    (ANSI CSI, OSC 8 hyperlinks …) removed. Rich markup needs no escaping: Text is never parsed."""
    return drop_controls(value if isinstance(value, str) else str(value))


def safe(value: Any, style: str | None = None) -> Text:
    """A piece of document text for Rich: plain, and a Text, so its brackets are not markup."""
    return Text(plain("" if value is None else value), style=style or "")


def _clean(data: Any) -> Any:
    """A JSON-ready structure with every string (keys too) made plain."""
    if isinstance(data, str):
        return plain(data)
    if isinstance(data, dict):
        return {_clean(k): _clean(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [_clean(v) for v in data]
    return data


def _console() -> Console:
    out = sys.stdout
    # a terminal's width, else $COLUMNS, else 150 (rich reads both itself when width is None)
    width = None if out.isatty() or os.environ.get("COLUMNS", "").isdigit() else 150
    return Console(file=out, width=width, soft_wrap=False, highlight=False)


def _json(data: Any) -> None:
    click.echo(json.dumps(_clean(data), ensure_ascii=False, indent=2))


def _csv(rows: list[dict[str, Any]], columns: list[str]) -> None:
    writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in columns})


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return plain(";".join(str(v) for v in value))
    if isinstance(value, str):
        return plain(value)
    return "" if value is None else value


def _table(title: str, columns: list[str], rows: list[list[Any]]) -> Table:
    table = Table(title=safe(title), title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(safe(column), overflow="fold")
    for row in rows:
        table.add_row(*[safe(_cell(v)) for v in row])
    return table


def _short(text: str | None, width: int = EVIDENCE_WIDTH) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _doc_label(d) -> Text:
    label = Text()
    label.append(plain(f"[{d.level or '?'}] "), style="dim")
    label.append(plain(d.name), style="bold")
    details = [d.issuer, d.place, d.date or (str(d.year) if d.year else None)]
    label.append(plain("  " + " · ".join(x for x in details if x)))
    if d.symbol and d.title:
        label.append(plain(f"\n{_short(d.title, 110)}"), style="italic")
    if d.stub:
        label.append("  (cited only)", style="yellow")
    if d.flags:
        label.append(plain(f"  flags: {', '.join(d.flags)}"), style="red")
    return label


# --- candidates ----------------------------------------------------------------------------------


CANDIDATE_COLUMNS = ["id", "symbol", "year", "level", "province", "district", "issuer", "title"]


def candidates(err, fmt: str) -> None:
    rows = [c.to_dict() for c in err.candidates]
    if fmt == "json":
        _json({"error": "ambiguous", "symbol": err.symbol, "candidates": rows})
    elif fmt == "csv":
        _csv(rows, CANDIDATE_COLUMNS)
    else:
        console = _console()
        console.print(safe(f"{err.symbol} names {len(rows)} documents; choose with --year (or --issued-in):"))
        console.print(_table("", ["year", "symbol", "level", "place", "issuer", "subject / title", "id"],
                             [[c.year, c.symbol, c.level, c.place, c.issuer, _short(c.title, 80), c.id]
                              for c in err.candidates]))


# --- trace ------------------------------------------------------------------------------------------

TRACE_COLUMNS = ["depth", "level", "symbol", "title", "issuer", "province", "district", "commune", "date",
                 "parent", "evidence", "id", "also_under", "flags"]


def trace(rows, down: bool, fmt: str, roots: list[str] | None = None, lineage: bool = True) -> None:
    """`lineage` False: the walk followed other relations than implements (trace --relations)."""
    shown = [r for r in rows if r.shown]
    if fmt == "json":
        _json({"direction": "down" if down else "up", "root": rows[0].doc.id if rows else None,
               "roots": roots, "rows": [r.to_dict() for r in shown]})
        return
    if fmt == "csv":
        _csv([r.to_dict() for r in shown], TRACE_COLUMNS)
        return
    console = _console()
    if not rows:
        return
    nodes: dict[str, Tree] = {}
    root = rows[0]
    tree = Tree(_doc_label(root.doc))
    nodes[root.doc.id] = tree
    for row in rows[1:]:
        parent = nodes.get(row.parent or "", tree)
        label = _doc_label(row.doc) if row.shown else safe(f"({row.doc.name})", style="dim")
        if row.shown and row.evidence:
            label.append(plain(f"\n“{_short(row.evidence)}”"), style="green")
        if row.also_under:
            label.append(plain(f"\nalso implements: {', '.join(row.also_under)}"), style="dim")
        nodes[row.doc.id] = parent.add(label)
    console.print(tree)
    counts = Counter(r.doc.level for r in shown[1:])
    summary = ", ".join(f"{counts[level]} {level}" for level in LEVELS if counts[level])
    word = ("implementing" if lineage else "below") if down else "above"
    console.print(f"{len(shown) - 1} documents {word}: {summary or 'none'}")
    if roots:
        console.print(safe("roots: " + ", ".join(roots)))


# --- path ---------------------------------------------------------------------------------------------


def path(steps, fmt: str) -> None:
    if fmt == "json":
        _json({"steps": [s.to_dict() for s in steps]})
        return
    flat = [{"step": i, "from": s.source.name, "relation": s.type if s.forward else f"{s.type} (reverse)",
             "to": s.target.name, "from_id": s.source.id, "to_id": s.target.id, "evidence": s.evidence}
            for i, s in enumerate(steps, 1)]
    if fmt == "csv":
        _csv(flat, ["step", "from", "relation", "to", "from_id", "to_id", "evidence"])
        return
    console = _console()
    if not steps:
        return
    console.print(_doc_label(steps[0].source))
    for s in steps:
        arrow = f"  {'↓' if s.forward else '↑'} {s.type}" + ("" if s.forward else " (the lower one cites it)")
        console.print(safe(arrow, style="dim"))
        if s.evidence:
            console.print(safe(f"    “{_short(s.evidence)}”", style="green"))
        console.print(_doc_label(s.target))


# --- implementers ----------------------------------------------------------------------------------

IMPLEMENTER_COLUMNS = ["level", "province", "district", "commune", "symbol", "title", "unit", "date",
                       "lag_days", "parent_name", "direct", "id"]


def implementers(report, fmt: str) -> None:
    if fmt == "json":
        _json(report.to_dict())
        return
    if fmt == "csv":
        _csv([r.to_dict() for r in report.rows], IMPLEMENTER_COLUMNS)
        return
    console = _console()
    console.print(Text.assemble("Implementers of ", (plain(report.root.name), "bold"),
                                plain(f"  {report.root.issuer or ''} · {report.root.date or ''}")))
    for level in LEVELS:
        at = [r for r in report.rows if r.doc.level == level]
        if not at:
            continue
        console.print(_table(f"{level} ({len(at)})", ["province", "district/commune", "document", "unit",
                                                       "date", "lag (days)", "implements"],
                             [[r.doc.province, ", ".join(x for x in (r.doc.district, r.doc.commune) if x),
                               r.doc.name, r.unit, r.doc.date, r.lag_days, r.parent.name] for r in at]))
    console.print(_table("summary", ["level", "documents", "places", "median lag (days)"],
                         [[s.level, s.documents, s.places, s.median_lag_days] for s in report.levels]))
    console.print(f"provinces with a programme: {len(report.provinces_with_programme)}"
                  f" of {report.provinces_expected}")
    if report.provinces_without and len(report.provinces_without) <= 20:
        console.print(safe("without: " + ", ".join(report.provinces_without)))


# --- coverage ---------------------------------------------------------------------------------------

COVERAGE_COLUMNS = ["assigned_by_name", "unit", "collective", "target", "level", "province", "district",
                    "commune", "role", "deadline", "status", "late", "acted_by_name", "assigned_by",
                    "acted_by", "expected_from"]


def coverage(report, fmt: str) -> None:
    if fmt == "json":
        _json(report.to_dict())
        return
    if fmt == "csv":
        _csv([r.to_dict() for r in report.rows], COVERAGE_COLUMNS)
        return
    console = _console()
    console.print(Text.assemble("Coverage of ", (plain(report.root.name), "bold"),
                                f": {report.acted} acted, {report.not_yet} not yet"))
    by_doc: dict[str, list] = {}
    for row in report.rows:
        by_doc.setdefault(row.assigned_by.id, []).append(row)
    for rows in by_doc.values():
        d = rows[0].assigned_by
        acted = sum(1 for r in rows if r.status == "acted")
        title = f"{d.name} ({d.level}, {d.place or 'central'}, {d.date or d.year or ''}): {acted}/{len(rows)} acted"
        sources = sorted({r.expected_from for r in rows if r.expected_from})
        if sources:
            title += f"; places expected from the {', '.join(sources)}"
        table = Table(title=safe(title), title_justify="left")
        for column in ("unit", "target", "role", "deadline", "status", "by"):
            table.add_column(column, overflow="fold")
        for r in rows:
            status = safe(r.status + (" (late)" if r.late else ""),
                          style="green" if r.status == "acted" else ("red" if r.late else "yellow"))
            table.add_row(safe(r.unit), safe(r.target if r.collective else ""), safe(r.role or ""),
                          safe(r.deadline or (r.deadline_text or "")), status,
                          safe(", ".join(f"{a.name} {a.date or ''}" for a in r.acted_by[:3])))
        console.print(table)
    summary = report.summary()
    if len(summary) > 1:
        console.print(_table("summary", ["assigned by", "level", "targets", "acted", "not yet"],
                             [[s["assigned_by_name"], s["level"], s["targets"], s["acted"], s["not_yet"]]
                              for s in summary]))


# --- assigned ---------------------------------------------------------------------------------------

ASSIGNED_COLUMNS = ["unit", "province", "district", "role", "task", "deadline", "deadline_text",
                    "source_name", "source_date", "source", "unit_id"]


def assigned(rows, fmt: str) -> None:
    if fmt == "json":
        _json({"assignments": [r.to_dict() for r in rows]})
        return
    if fmt == "csv":
        _csv([r.to_dict() for r in rows], ASSIGNED_COLUMNS)
        return
    _console().print(_table(f"{len(rows)} tasks", ["unit", "place", "role", "task", "deadline", "source"],
                            [[r.unit, ", ".join(x for x in (r.district, r.province) if x), r.role,
                              _short(r.task, 90), r.deadline or r.deadline_text or r.deadline_rule,
                              f"{r.source.name} ({r.source.date or r.source.year or ''})"] for r in rows]))


# --- search / stats -----------------------------------------------------------------------------------

SEARCH_COLUMNS = ["score", "matched", "symbol", "title", "level", "province", "district", "year", "id"]


def search(hits, fmt: str) -> None:
    if fmt == "json":
        _json({"hits": [h.to_dict() for h in hits]})
        return
    if fmt == "csv":
        _csv([h.to_dict() for h in hits], SEARCH_COLUMNS)
        return
    _console().print(_table(f"{len(hits)} documents", ["score", "symbol", "title", "level", "place", "year"],
                            [[f"{h.score:.2f}", h.doc.symbol or "", _short(h.doc.title, 90), h.doc.level,
                              h.doc.place, h.doc.year] for h in hits]))


def stats(result, fmt: str) -> None:
    if fmt == "json":
        _json(result.to_dict())
        return
    groups = [("kind", result.kinds), ("edge", result.edges), ("level", result.levels),
              ("province", result.provinces), ("year", result.years), ("flag", result.flags)]
    if fmt == "csv":
        rows = [{"group": g, "key": k, "count": v} for g, counts in groups for k, v in counts.items()]
        rows.append({"group": "document", "key": "stub", "count": result.stubs})
        _csv(rows, ["group", "key", "count"])
        return
    console = _console()
    for name, counts in groups:
        if counts:
            console.print(_table(f"by {name}", [name, "count"], [[k, v] for k, v in counts.items()]))
    console.print(f"stubs (known only from citations): {result.stubs}")
    if result.flagged:
        console.print(_table("flagged documents", ["symbol / title", "level", "place", "year", "flags", "id"],
                             [[d.name, d.level, d.place, d.year, ", ".join(d.flags), d.id]
                              for d in result.flagged]))





# --- warnings (of the last ingests) ---------------------------------------------------------------

WARNING_COLUMNS = ["path", "rel_path", "shown", "status", "at", "note"]


def warnings(entries, fmt: str) -> None:
    """One row per note of each file's last ingest (a failed file's note is its reason)."""
    rows = [{**e.to_dict(), "note": note} for e in entries for note in (e.notes or [""])]  # --all: quiet files too
    if fmt == "json":
        _json({"files": [e.to_dict() for e in entries]})
        return
    if fmt == "csv":
        _csv(rows, WARNING_COLUMNS)
        return
    notes = sum(len(e.notes) for e in entries)
    _console().print(_table(f"{notes} notes on {len(entries)} files", ["file", "status", "ingested", "note"],
                            [[r["shown"], r["status"], r["at"], r["note"]] for r in rows]))
