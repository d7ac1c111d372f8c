"""`policygraph show`: one document, its flags and every edge with the words that state it."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from policygraph.queries.render import plain, safe
from policygraph.queries.service import DocumentView
from policygraph.vocabulary import EdgeType

ORDER = {
    EdgeType.IMPLEMENTS: 0,
    EdgeType.BASED_ON: 1,
    EdgeType.REFERENCES: 2,
    EdgeType.ISSUED_BY: 3,
    EdgeType.ASSIGNS: 4,
    EdgeType.SENT_TO: 5,
    EdgeType.REPORTS_TO: 6,
}
FIELDS = ("symbol", "doc_type_name", "date", "year", "term", "level", "province", "district", "commune", "issuer",
          "title", "subject", "source", "rel_path")


def describe(n: dict[str, Any]) -> str:
    """A one-line label: symbol or title, date, place."""
    name = n.get("symbol") or n.get("title") or n.get("name") or "?"
    when = n.get("date") or n.get("year") or ""
    where = ", ".join(x for x in (n.get("commune"), n.get("district"), n.get("province")) if x)
    return " · ".join(str(x) for x in (name, when, where) if x)


def render_document(view: DocumentView, console: Console | None = None) -> None:
    """Print the document's identity table, then its edges grouped by direction and type.

    Document text goes to the terminal only inside `Text` objects, never as markup, and plain
    (render.plain: no control characters or escape sequences).
    """
    console = console or Console()
    n = view.attrs
    console.rule(safe(describe(n), style="bold"))
    table = Table(show_header=False, box=None)
    for key in FIELDS:
        if n.get(key) not in (None, ""):
            table.add_row(key, safe(n[key]))
    table.add_row("id", safe(view.row.id))
    if n.get("stub"):
        table.add_row("stub", "known only from citations")
    for key, label in (("flags", "flags"), ("duplicates", "also in"), ("candidates", "candidates")):
        if n.get(key):
            table.add_row(label, safe(", ".join(n[key])))
    console.print(table)
    for title, pairs in (("outgoing", view.outgoing), ("incoming", view.incoming)):
        rows = sorted(pairs, key=lambda p: (ORDER.get(p[0].type, 9), p[0].type, p[0].source, p[0].target))
        if not rows:
            continue
        console.print(Text(f"{title} edges ({len(rows)})", style="bold"))
        for edge, other in rows:
            a = edge.attrs
            kind = edge.type + (f" [{a['role']}]" if a.get("role") else "")
            line = safe(f"  {kind} {'→' if title == 'outgoing' else '←'} ", style="cyan")
            line.append(plain(describe(other)), style="bold")
            if a.get("asserted"):
                line.append(plain(f"  (stated in {describe(view.stated_in.get(a['stated_in'], {}))})"), style="dim")
            if a.get("flags"):
                line.append(plain(f"  flags: {', '.join(a['flags'])}"), style="yellow")
            console.print(line)
            if a.get("evidence"):
                console.print(Padding(safe(f"“{a['evidence']}”", style="italic"), (0, 0, 0, 6)))
