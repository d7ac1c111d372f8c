"""`policygraph show`: one document, its flags and every edge with the words that state it."""

from __future__ import annotations

import networkx as nx
from policygraph.vocabulary import EdgeType
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

console = Console()
ORDER = {
    EdgeType.IMPLEMENTS: 0,
    EdgeType.BASED_ON: 1,
    EdgeType.REFERENCES: 2,
    EdgeType.ISSUED_BY: 3,
    EdgeType.ASSIGNS: 4,
    EdgeType.SENT_TO: 5,
    EdgeType.REPORTS_TO: 6,
}


def describe(n: dict) -> str:
    """A one-line label: symbol or title, date, place."""
    name = n.get("symbol") or n.get("title") or n.get("name") or "?"
    when = n.get("date") or n.get("year") or ""
    where = ", ".join(x for x in (n.get("commune"), n.get("district"), n.get("province")) if x)
    return " · ".join(str(x) for x in (name, when, where) if x)


def render_document(graph: nx.MultiDiGraph, node_id: str) -> None:
    n = graph.nodes[node_id]
    console.rule(f"[bold]{describe(n)}")
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
    ):
        if n.get(key) not in (None, ""):
            table.add_row(key, str(n[key]))
    table.add_row("id", node_id)
    if n.get("stub"):
        table.add_row("stub", "known only from citations")
    if n.get("flags"):
        table.add_row("flags", ", ".join(n["flags"]))
    if n.get("duplicates"):
        table.add_row("also in", ", ".join(n["duplicates"]))
    if n.get("candidates"):
        table.add_row("candidates", ", ".join(n["candidates"]))
    console.print(table)
    sides = (("outgoing", graph.out_edges(node_id, data=True)), ("incoming", graph.in_edges(node_id, data=True)))
    for title, edges in sides:
        rows = sorted(
            (e for e in edges if e[2].get("type") not in (EdgeType.LOCATED_IN, EdgeType.PART_OF)),
            key=lambda e: (ORDER.get(e[2].get("type"), 9), e[2].get("type") or "", e[0], e[1]),
        )
        if not rows:
            continue
        console.print(f"[bold]{title} edges ({len(rows)})[/bold]")
        for s, t, a in rows:
            other = graph.nodes[t if title == "outgoing" else s]
            kind = a.get("type", "")
            if a.get("role"):
                kind += f" [{a['role']}]"
            arrow = "→" if title == "outgoing" else "←"
            line = Text(f"  {kind} {arrow} ", style="cyan")
            line.append(describe(other), style="bold")
            if a.get("asserted"):
                line.append(f"  (stated in {describe(graph.nodes.get(a.get('stated_in'), {}))})", style="dim")
            if a.get("flags"):
                line.append(f"  flags: {', '.join(a['flags'])}", style="yellow")
            console.print(line)
            if a.get("evidence"):
                console.print(Padding(Text(f"“{a['evidence']}”", style="italic"), (0, 0, 0, 6)))
