"""Opening the store for a command: one clear line instead of a traceback.

Shared by the commands of cli.py, queries/commands.py and viz/commands.py; it sits below all
three (in queries, above the store), so none of them imports the command line's module.
"""

from __future__ import annotations

from pathlib import Path

import click
from policygraph.graph.store import Store, StoreError


def open_store_at(location: str | Path | None) -> Store:
    """Open a store for a command: a clear error instead of a traceback, and a word when a
    store written by another version had its texts re-read."""
    try:
        store = Store.open(location)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    if store.reparsed or store.reparse_errors:
        click.echo(f"store {store.path} was written by another version: re-read {store.reparsed} texts", err=True)
    for path, reason in store.reparse_errors:
        click.echo(f"error: {path}: its stored text could not be re-read ({reason}); ingest it again", err=True)
    return store


def open_store(ctx: click.Context) -> Store:
    """The store named by --store (opened once per command)."""
    obj = ctx.ensure_object(dict)
    if "store" not in obj:
        obj["store"] = open_store_at(obj.get("store_path"))
    return obj["store"]
