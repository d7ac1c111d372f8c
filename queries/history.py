"""What happened to a document later, and whether it is in force on a given day.

`history` lists, in date order, the acts that changed a document (amended, replaced,
repealed, guided, consolidated, continued, reviewed it) and the acts it did to others, each
with the clause that states it. `status` reads those acts as of a day. It is honest about
what the graph does not hold: a document is "in force" only when a later document speaks of
it without ending it (a citation, an amendment, a guide), and "unknown" when nothing after
the day does — a graph without the repealing text must not call a repealed text in force.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from policygraph.ingest.changes import CHANGE_TYPES
from policygraph.queries.backend import Backend, dispatchable
from policygraph.queries.documents import DocRow, doc_row, parse_date

ENDS = ("repeals", "replaces")  # acts that end a document (in whole, or the articles named)
SPEAKS_OF = ("implements", "based_on", "references", *CHANGE_TYPES)  # any later mention shows it still counted


@dataclass
class Event:
    """One act between two documents, dated by when it takes effect."""

    type: str
    actor: DocRow
    target: DocRow
    when: str | None  # ISO: the actor's effective date, else its date
    scope: str  # whole | partial
    articles: str | None
    evidence: str
    stated_in: str | None
    asserted: bool

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["actor"], out["target"] = self.actor.to_dict(), self.target.to_dict()
        return out


@dataclass
class History:
    doc: DocRow
    effective: str | None
    changed_by: list[Event] = field(default_factory=list)  # acts on this document
    changes: list[Event] = field(default_factory=list)  # its acts on others

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc.to_dict(), "effective": self.effective,
                "changed_by": [e.to_dict() for e in self.changed_by], "changes": [e.to_dict() for e in self.changes]}


@dataclass
class Status:
    doc: DocRow
    as_of: str
    state: str  # in force | amended | partly repealed | no longer in force | not yet in force | unknown
    because: list[Event] = field(default_factory=list)  # the acts the state rests on
    last_seen: str | None = None  # the latest date a later document shows it still counted
    effective: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc.to_dict(), "as_of": self.as_of, "state": self.state,
                "because": [e.to_dict() for e in self.because], "last_seen": self.last_seen,
                "effective": self.effective}


def _when(backend: Backend, node_id: str) -> str | None:
    attrs = backend.node(node_id) or {}
    return attrs.get("effective") or attrs.get("date") or (f"{attrs['year']}-01-01" if attrs.get("year") else None)


def _event(backend: Backend, edge: Any) -> Event:
    a = edge.attrs
    return Event(edge.type, doc_row(backend, edge.source), doc_row(backend, edge.target), _when(backend, edge.source),
                 a.get("scope", "whole"), a.get("articles"), a.get("evidence") or "", a.get("stated_in"),
                 bool(a.get("asserted")))


def _order(e: Event) -> tuple[str, str, str]:
    return (e.when or "9999", e.type, e.actor.id)


def _events(backend: Backend, edges: Any) -> list[Event]:
    """Events oldest first; an act both stated by its actor and reported by a third text is
    listed once, as its actor states it."""
    best: dict[tuple[str, str, str], Event] = {}
    for edge in edges:
        e = _event(backend, edge)
        key = (e.actor.id, e.type, e.target.id)
        if key not in best or (best[key].asserted and not e.asserted):
            best[key] = e
    return sorted(best.values(), key=_order)


@dispatchable
def history(backend: Backend, root: str) -> History:
    """Every act on `root` and by `root`, oldest first (undated acts last)."""
    h = History(doc_row(backend, root), (backend.node(root) or {}).get("effective"))
    h.changed_by = _events(backend, backend.in_edges(root, CHANGE_TYPES))
    h.changes = _events(backend, backend.out_edges(root, CHANGE_TYPES))
    return h


@dispatchable
def status(backend: Backend, root: str, as_of: date | None = None) -> Status:
    """Whether `root` is in force on `as_of` (today by default), and the acts that say so."""
    as_of = as_of or date.today()
    day = as_of.isoformat()
    attrs = backend.node(root) or {}
    start = attrs.get("effective") or attrs.get("date")
    out = Status(doc_row(backend, root), day, "unknown", effective=attrs.get("effective"))
    if start and parse_date(start) and parse_date(start) > as_of:
        out.state = "not yet in force"
        return out
    acts = _events(backend, backend.in_edges(root, CHANGE_TYPES))
    done = [e for e in acts if e.when and parse_date(e.when) and parse_date(e.when) <= as_of]
    ended = [e for e in done if e.type in ENDS and e.scope == "whole"]
    if ended:
        out.state, out.because = "no longer in force", ended
        return out
    later = [_when(backend, e.source) for e in backend.in_edges(root, SPEAKS_OF)
             if e.type not in ENDS or e.attrs.get("scope") == "partial"]
    seen = sorted(w for w in later if w and (not start or w >= start))
    out.last_seen = seen[-1] if seen else None
    partly = [e for e in done if e.type in ENDS]
    amended = [e for e in done if e.type == "amends"]
    if partly:
        out.state, out.because = "partly repealed", partly + amended
    elif amended:
        out.state, out.because = "amended", amended
    elif out.last_seen and out.last_seen >= day:
        out.state = "in force"
    return out
