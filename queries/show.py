"""`policygraph show`: one document, its flags and every edge with the words that state it."""

from __future__ import annotations

import networkx as nx
from policygraph.queries.render import plain, safe
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

console = Console()
ORDER = {"implements": 0, "based_on": 1, "references": 2, "issued_by": 3, "assigns": 4, "sent_to": 5, "reports_to": 6}


def describe(n: dict) -> str:
    """A one-line label: symbol or title, date, place."""
    name = n.get("symbol") or n.get("title") or n.get("name") or "?"
    when = n.get("date") or n.get("year") or ""
    where = ", ".join(x for x in (n.get("commune"), n.get("district"), n.get("province")) if x)
    return " · ".join(str(x) for x in (name, when, where) if x)


def render_document(graph: nx.MultiDiGraph, node_id: str) -> None:
    n = graph.nodes[node_id]
    console.rule(safe(describe(n), style="bold"))
    table = Table(show_header=False, box=None)
    for key in (
        "symbol",
        "doc_type_name",
        "date",
        "year",
        "term",
        "level",
        "province",
        "district",
        "commune",
        "issuer",
        "title",
        "subject",
        "source",
        "rel_path",
    ):
        if n.get(key) not in (None, ""):
            table.add_row(key, safe(n[key]))
    table.add_row("id", safe(node_id))
    if n.get("stub"):
        table.add_row("stub", "known only from citations")
    if n.get("flags"):
        table.add_row("flags", safe(", ".join(n["flags"])))
    if n.get("duplicates"):
        table.add_row("also in", safe(", ".join(n["duplicates"])))
    if n.get("candidates"):
        table.add_row("candidates", safe(", ".join(n["candidates"])))
    console.print(table)
    sides = (("outgoing", graph.out_edges(node_id, data=True)), ("incoming", graph.in_edges(node_id, data=True)))
    for title, edges in sides:
        rows = sorted(
            (e for e in edges if e[2].get("type") not in ("located_in", "part_of")),
            key=lambda e: (ORDER.get(e[2].get("type"), 9), e[2].get("type") or "", e[0], e[1]),
        )
        if not rows:
            continue
        console.print(Text(f"{title} edges ({len(rows)})", style="bold"))
        for s, t, a in rows:
            other = graph.nodes[t if title == "outgoing" else s]
            kind = str(a.get("type", ""))
            if a.get("role"):
                kind += f" [{a['role']}]"
            arrow = "→" if title == "outgoing" else "←"
            line = Text(plain(f"  {kind} {arrow} "), style="cyan")
            line.append(plain(describe(other)), style="bold")
            if a.get("asserted"):
                line.append(plain(f"  (stated in {describe(graph.nodes.get(a.get('stated_in'), {}))})"), style="dim")
            if a.get("flags"):
                line.append(plain(f"  flags: {', '.join(a['flags'])}"), style="yellow")
            console.print(line)
            if a.get("evidence"):
                console.print(Padding(safe(f"“{a['evidence']}”", style="italic"), (0, 0, 0, 6)))
