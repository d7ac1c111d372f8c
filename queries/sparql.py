"""SPARQL over the store: saved queries (queries/saved/*.rq) or any query, answered by the
SPARQL backend's pyoxigraph store, printed as a table, SPARQL JSON results or CSV."""

from __future__ import annotations

import io
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rich.console import Console
from rich.table import Table
from rich.text import Text

from policygraph.graph.rdf_terms import DEFAULT_BASE, node_id, node_iri

FORMATS = ("table", "json", "csv")


def saved_names() -> list[str]:
    folder = resources.files("policygraph").joinpath("queries", "saved")
    return sorted(p.name[:-3] for p in folder.iterdir() if p.name.endswith(".rq"))


def saved_query(name: str) -> str:
    return resources.files("policygraph").joinpath("queries", "saved", f"{name}.rq").read_text("utf-8")


def query_text(query_or_file: str) -> str:
    """A saved query's name, a file holding a query, or the query itself."""
    if query_or_file in saved_names():
        return saved_query(query_or_file)
    path = Path(query_or_file)
    if len(query_or_file) < 4096 and "\n" not in query_or_file and path.is_file():
        return path.read_text("utf-8")
    return query_or_file


def run(backend: Any, query: str, root: str | None = None) -> Any:
    """Answer `query` on the backend's store; `root` (a node id) is bound to ?root.

    The value is substituted as an RDF term, never pasted into the query text.
    """
    subs = {ox.Variable("root"): ox.NamedNode(node_iri(root, backend.base))} if root else None
    return backend.ox.query(query, prefixes=backend.prefixes, substitutions=subs)


def value(term: Any) -> str | None:
    """A result term as plain text (IRIs of nodes as they are: publishers may cite them)."""
    return None if term is None else term.value


def rows(solutions: Any) -> list[dict[str, str | None]]:
    names = [v.value for v in solutions.variables]
    return [{name: value(solution[name]) for name in names} for solution in solutions]


def short(text: str | None, base: str) -> str:
    """A node's IRI as its node id in a table (doc:25-NQ/TW||XI); other values as they are."""
    return " ".join(node_id(part, base) or part for part in text.split(" ")) if text else ""


def render(answer: Any, fmt: str, console: Console | None = None, base: str = DEFAULT_BASE) -> str | None:
    """Print a table, or return the JSON / CSV text of an answer (SELECT, ASK or CONSTRUCT)."""
    if isinstance(answer, ox.QueryBoolean):
        text = "true" if bool(answer) else "false"
        return text + "\n"
    if isinstance(answer, ox.QueryTriples):
        return answer.serialize(format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    if fmt in ("json", "csv"):
        out = io.BytesIO()
        answer.serialize(out, ox.QueryResultsFormat.JSON if fmt == "json" else ox.QueryResultsFormat.CSV)
        return out.getvalue().decode("utf-8")
    names = [v.value for v in answer.variables]
    table = Table(*names, show_lines=False)
    n = 0
    for solution in answer:
        table.add_row(*(Text(short(value(solution[name]), base)) for name in names))  # text, never markup
        n += 1
    (console or Console()).print(table)
    (console or Console()).print(Text(f"{n} rows"))
    return None
