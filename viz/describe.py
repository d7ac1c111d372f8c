"""Plain-data descriptions of nodes and edges, shared by tooltips, JSON and pages.

Everything returned is data (strings, numbers, lists): callers escape it where they
render it (Jinja autoescape, JSON with <>& escaped, textContent in the browser).
"""

from __future__ import annotations

import os
from typing import Any

from policygraph.viz.i18n import N_
from policygraph.viz.style import LEVEL_NAMES, node_kind
from policygraph.vocabulary import NodeKind

LABEL_MAX = 42


def place_text(attrs: dict[str, Any]) -> str:
    """'Commune, District, Province' with the unknown parts left out."""
    return ", ".join(p for p in (attrs.get("commune"), attrs.get("district"), attrs.get("province")) if p)


def short_label(attrs: dict[str, Any], node_id: str) -> str:
    """A label short enough for a graph node, flagged with ⚑ when the node has flags.

    Symbol first; a document without a number is named by type, year and place.
    """
    label = attrs.get("symbol") or attrs.get("label") or attrs.get("name")
    if not label and attrs.get("kind") == NodeKind.DOCUMENT:
        place = attrs.get("commune") or attrs.get("district") or attrs.get("province")
        parts = [attrs.get("doc_type_name") or attrs.get("doc_type"), attrs.get("year"), place]
        label = " ".join(str(p) for p in parts if p)
    label = str(label or node_id)
    if len(label) > LABEL_MAX:
        label = label[: LABEL_MAX - 1] + "…"
    return label + (" ⚑" if attrs.get("flags") else "")


def node_heading(attrs: dict[str, Any], node_id: str) -> str:
    """The one line that names a node: title, else subject, else name or label."""
    for key in ("title", "subject", "name", "label", "symbol"):
        if attrs.get(key):
            return str(attrs[key])
    return node_id


def file_label(attrs: dict[str, Any]) -> str | None:
    """The ingested file a document was read from, relative to the folder ingested: never the
    absolute path, which may hold a home directory and a user name."""
    if not attrs.get("source"):
        return None
    return attrs.get("rel_path") or os.path.basename(str(attrs["source"]))


def node_facts(attrs: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) rows about a node, in reading order, skipping unknowns."""
    kind = node_kind(attrs)
    rows: list[tuple[str, Any]] = []
    if kind in (NodeKind.DOCUMENT, "stub"):
        rows += [
            (N_("Symbol"), attrs.get("symbol")),
            (N_("Type"), attrs.get("doc_type_name") or attrs.get("doc_type")),
            (N_("Date"), attrs.get("date") or attrs.get("year")),
            (N_("Term"), attrs.get("term")),
            (N_("Issuer"), attrs.get("issuer")),
            (N_("Subject"), attrs.get("subject") if attrs.get("title") else None),
        ]
    else:
        rows += [(N_("Unit type"), attrs.get("unit_type")),
                 (N_("Collective"), N_("yes") if attrs.get("collective") else None)]
    rows += [
        (N_("Level"), LEVEL_NAMES.get(attrs.get("level"), attrs.get("level"))),
        (N_("Place"), place_text(attrs)),
        (N_("Kind"), {"stub": N_("cited only (stub)"), NodeKind.DOCUMENT: N_("ingested")}.get(kind, kind)),
        (N_("File"), file_label(attrs)),
        (N_("Flags"), ", ".join(attrs.get("flags") or [])),
        (N_("Candidates"), ", ".join(attrs.get("candidates") or [])),
    ]
    return [(label, str(value)) for label, value in rows if value not in (None, "", [])]


def edge_facts(attrs: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) rows about an edge: its type, the quoted evidence and its extras."""
    rows: list[tuple[str, Any]] = [
        (N_("Edge"), attrs.get("type")),
        (N_("Evidence"), f"“{attrs['evidence']}”" if attrs.get("evidence") else None),
        (N_("Stated in"), attrs.get("stated_in")),
        (N_("Asserted"), N_("stated by a third document") if attrs.get("asserted") else None),
        (N_("Role"), attrs.get("role")),
        (N_("Task"), attrs.get("task")),
        (N_("Deadline"), attrs.get("deadline") or attrs.get("deadline_text") or attrs.get("deadline_rule")),
        (N_("Signer"), attrs.get("signer")),
        (N_("Flags"), ", ".join(attrs.get("flags") or [])),
    ]
    return [(label, str(value)) for label, value in rows if value not in (None, "", [])]


def node_summary(graph: Any, node_id: str) -> dict[str, Any]:
    """JSON-ready node record for the web app."""
    attrs = graph.nodes[node_id]
    return {
        "id": node_id,
        "kind": node_kind(attrs),
        "label": short_label(attrs, node_id),
        "heading": node_heading(attrs, node_id),
        "symbol": attrs.get("symbol"),
        "level": attrs.get("level"),
        "province": attrs.get("province"),
        "year": attrs.get("year"),
        "date": attrs.get("date"),
        "issuer": attrs.get("issuer"),
        "flags": list(attrs.get("flags") or []),
        "facts": node_facts(attrs),
    }
