"""Output of `history` and `status`: a timeline table, one status line with its reasons; JSON, CSV."""

from __future__ import annotations

from rich.text import Text

from policygraph.queries.history import Event, History, Status
from policygraph.queries.render import _console, _csv, _doc_label, _json, _short, _table, plain, safe

EVENT_COLUMNS = ["when", "type", "scope", "articles", "actor", "target", "evidence", "actor_id", "target_id",
                 "stated_in", "asserted"]


def _flat(e: Event, direction: str) -> dict:
    return {"direction": direction, "when": e.when, "type": e.type, "scope": e.scope, "articles": e.articles,
            "actor": e.actor.name, "target": e.target.name, "evidence": e.evidence, "actor_id": e.actor.id,
            "target_id": e.target.id, "stated_in": e.stated_in, "asserted": e.asserted}


def history(h: History, fmt: str) -> None:
    if fmt == "json":
        _json(h.to_dict())
        return
    rows = [_flat(e, "changed_by") for e in h.changed_by] + [_flat(e, "changes") for e in h.changes]
    if fmt == "csv":
        _csv(rows, ["direction", *EVENT_COLUMNS])
        return
    console = _console()
    console.print(_doc_label(h.doc))
    if h.effective:
        console.print(safe(f"in effect from {h.effective}", style="dim"))
    for title, events, other in (("what changed it", h.changed_by, "actor"), ("what it changed", h.changes, "target")):
        if not events:
            console.print(Text(f"{title}: nothing in the graph", style="dim"))
            continue
        console.print(_table(title, ["when", "act", "by" if other == "actor" else "on", "scope", "evidence"],
                             [[e.when or "?", e.type, getattr(e, other).name,
                               e.scope + (f": {e.articles}" if e.articles else ""), _short(e.evidence, 100)]
                              for e in events]))


def status(s: Status, fmt: str) -> None:
    if fmt == "json":
        _json(s.to_dict())
        return
    if fmt == "csv":
        _csv([{"id": s.doc.id, "symbol": s.doc.symbol, "as_of": s.as_of, "state": s.state, "last_seen": s.last_seen,
               "effective": s.effective, "because": ";".join(f"{e.type}:{e.actor.name}:{e.when}" for e in s.because)}],
             ["id", "symbol", "as_of", "state", "last_seen", "effective", "because"])
        return
    console = _console()
    console.print(_doc_label(s.doc))
    line = Text(f"{s.state} on {s.as_of}", style="bold")
    if s.state == "unknown":
        seen = f"last mentioned as still counting on {s.last_seen}" if s.last_seen else "nothing after it in the graph"
        line.append(plain(f"  ({seen})"), style="dim")
    console.print(line)
    for e in s.because:
        console.print(safe(f"  {e.type} by {e.actor.name} ({e.when or '?'}, {e.scope})", style="cyan"))
        if e.evidence:
            console.print(safe(f"    “{_short(e.evidence)}”", style="green"))
