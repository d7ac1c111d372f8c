"""`policygraph viz` and `policygraph serve`, registered on the main click group."""

from __future__ import annotations

from pathlib import Path

import click
import networkx as nx
from policygraph.queries.stores import open_store as open_root_store


def open_store(ctx: click.Context):  # noqa: ANN201 - the Store type lives in graph/
    """The store chosen by the global --store option (opened by queries.stores.open_store, once).

    A group that already put a store-like object in ctx.obj["store"] (tests, embedding
    programs) is used as is.
    """
    obj = ctx.find_root().obj
    if isinstance(obj, dict) and hasattr(obj.get("store"), "load_graph"):
        return obj["store"]
    return open_root_store(ctx.find_root())


@click.command("viz")
@click.argument("symbol")
@click.option("--depth", default=2, show_default=True, type=click.IntRange(0, 50),
              help="Lineage hops to follow from the document.")
@click.option("--up", "direction", flag_value="up", help="Only what the document carries out or cites.")
@click.option("--down", "direction", flag_value="down", help="Only what carries the document out.")
@click.option("--no-units", is_flag=True, help="Leave out the units the documents name.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="HTML file to write (works offline: every asset is inline).")
@click.pass_context
def viz_command(ctx: click.Context, symbol: str, depth: int, direction: str | None, no_units: bool,
                output: Path) -> None:
    """Draw a document's neighbourhood as a self-contained pyvis page."""
    from policygraph.viz.neighbourhood import find_documents, neighbourhood
    from policygraph.viz.pyvis_page import write_page

    graph: nx.MultiDiGraph = open_store(ctx).load_graph()
    roots = find_documents(graph, symbol)
    if not roots:
        raise click.ClickException(f"no document {symbol!r} in the store")
    sub = neighbourhood(graph, roots, depth=depth, direction=direction or "both", units=not no_units)
    write_page(sub, output, heading=f"{symbol} · depth {depth} · {direction or 'up and down'}",
               roots=tuple(roots))
    click.echo(f"{output}: {sub.number_of_nodes()} nodes, {sub.number_of_edges()} edges")


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; the default keeps the app on this machine.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.pass_context
def serve_command(ctx: click.Context, host: str, port: int) -> None:
    """Browse the store in a local web app (search, documents, graph, reports)."""
    from policygraph.viz.app import create_app

    app = create_app(open_store(ctx))
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: serving on {host}: anyone who can reach it can read the store", err=True)
    click.echo(f"policygraph: http://{host}:{port}/")
    app.run(host=host, port=port, debug=False, use_reloader=False)


def register(group: click.Group) -> None:
    """Add `viz` and `serve` to the main command group."""
    group.add_command(viz_command)
    group.add_command(serve_command)
