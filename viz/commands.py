"""`policygraph viz` and `policygraph serve`, registered on the main click group."""

from __future__ import annotations

from pathlib import Path

import click

from policygraph.queries.commands import backend_from, find_or_exit, service_from
from policygraph.viz.app import create_app
from policygraph.viz.pyvis_page import write_page


@click.command("viz")
@click.argument("symbol")
@click.option("--depth", default=2, show_default=True, type=click.IntRange(0, 50),
              help="Lineage hops to follow from the document.")
@click.option("--up", "direction", flag_value="up", help="Only what the document carries out or cites.")
@click.option("--down", "direction", flag_value="down", help="Only what carries the document out.")
@click.option("--no-units", is_flag=True, help="Leave out the units the documents name.")
@click.option("--year", type=int, help="Pick the document of this year when the symbol is shared.")
@click.option("--issued-in", "issued_in", help="Pick the document of this province (local symbols).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="HTML file to write (works offline: every asset is inline).")
@click.pass_context
def viz_command(ctx: click.Context, symbol: str, depth: int, direction: str | None, no_units: bool,
                year: int | None, issued_in: str | None, output: Path) -> None:
    """Draw a document's neighbourhood as a self-contained pyvis page.

    A symbol several documents share is never guessed: the candidates are listed (exit
    status 2) and --year or --issued-in chooses.
    """
    service = service_from(ctx)
    root = find_or_exit(ctx, service, symbol, year, issued_in)
    sub = service.neighbourhood([root], depth=depth, direction=direction or "both", units=not no_units)
    write_page(sub, output, heading=f"{symbol} · depth {depth} · {direction or 'up and down'}", roots=(root,))
    click.echo(f"{output}: {sub.number_of_nodes()} nodes, {sub.number_of_edges()} edges")


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; the default keeps the app on this machine.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.pass_context
def serve_command(ctx: click.Context, host: str, port: int) -> None:
    """Browse the store in a local web app (search, documents, graph, reports)."""
    backend = backend_from(ctx)
    app = create_app(getattr(backend, "store", None) or backend.graph)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: serving on {host}: anyone who can reach it can read the store", err=True)
    click.echo(f"policygraph: http://{host}:{port}/")
    app.run(host=host, port=port, debug=False, use_reloader=False)


def register(group: click.Group) -> None:
    """Add `viz` and `serve` to the main command group."""
    group.add_command(viz_command)
    group.add_command(serve_command)
