"""`policygraph show`: one document, its flags and every edge with the words that state it."""

from __future__ import annotations

import networkx as nx
from rich.console import Console
from rich.table import Table

console = Console()


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
    if n.get("candidates"):
        table.add_row("candidates", ", ".join(n["candidates"]))
    console.print(table)
    for title, edges in (("out", graph.out_edges(node_id, data=True)), ("in", graph.in_edges(node_id, data=True))):
        rows = Table(title=f"{title}going edges", show_lines=False, expand=True)
        rows.add_column("type", no_wrap=True)
        rows.add_column("document / unit")
        rows.add_column("evidence", ratio=2)
        for s, t, a in sorted(edges, key=lambda e: (e[2].get("type") or "", e[0], e[1])):
            if a.get("type") in ("located_in", "part_of"):
                continue
            other = graph.nodes[t if title == "out" else s]
            kind = a.get("type", "")
            if a.get("asserted"):
                kind += " (stated in " + describe(graph.nodes.get(a.get("stated_in"), {})) + ")"
            if a.get("role"):
                kind += f" [{a['role']}]"
            rows.add_row(kind, describe(other), a.get("evidence") or "")
        if rows.row_count:
            console.print(rows)
