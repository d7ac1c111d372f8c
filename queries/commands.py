"""CLI commands for the questions: trace, path, implementers, coverage, assigned, search, stats.

`register(group)` adds them to the main click group. The graph comes from, in order:
`ctx.obj["backend"]` or `ctx.obj["graph"]` (tests, other front ends), a `Store` in
`ctx.obj["store"]`, a store directory in `ctx.obj["store_path"]`/`ctx.obj["store"]`, or
the POLICYGRAPH_STORE environment variable.
"""

from __future__ import annotations

import os
from typing import Any

import click

from policygraph.ingest.changes import CHANGE_TYPES
from policygraph.queries import render, render_history
from policygraph.queries.assigned import assigned as assigned_query
from policygraph.queries.backend import Backend, as_backend
from policygraph.queries.backends.embedded import EmbeddedBackend
from policygraph.queries.coverage import NOT_YET
from policygraph.queries.coverage import coverage as coverage_query
from policygraph.queries.documents import Ambiguous, NotFound, resolve
from policygraph.queries.history import history as history_query
from policygraph.queries.history import status as status_query
from policygraph.queries.implementers import implementers as implementers_query
from policygraph.queries.lineage import Filters, roots, visible
from policygraph.queries.lineage import path as path_query
from policygraph.queries.lineage import trace as trace_query
from policygraph.queries.registry import BackendError, BackendOptions, open_backend
from policygraph.queries.search import search as search_query
from policygraph.queries.service import Service
from policygraph.queries.stats import stats as stats_query
from policygraph.vocabulary import LEVELS

FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
                      show_default=True, help="table (for the terminal), json or csv on stdout")
YEAR = click.option("--year", type=int, help="pick among documents sharing the symbol (e.g. 25-NQ/TW 2013)")
ISSUED_IN = click.option("--issued-in", "issued_in",
                         help="province of a local symbol (28-CT/TU of Bình Phước, not of Bắc Kạn)")


def backend_from(ctx: click.Context) -> Backend:
    """The backend to query, opened once per process.

    Tests and other front ends may put a ready `backend`, a networkx `graph` or a `store`
    object in the root context's obj; otherwise the global --backend option chooses one
    by name (the embedded store by default) with the options given to the main group.
    """
    obj = ctx.find_root().obj
    if not isinstance(obj, dict):
        obj = {} if obj is None else {"store": obj}
        ctx.find_root().obj = obj
    if "backend" in obj:
        return obj["backend"]
    if "graph" in obj:
        obj["backend"] = as_backend(obj["graph"])
        return obj["backend"]
    store = obj.get("store")
    if store is not None and not isinstance(store, (str, os.PathLike)):  # a Store object given by a caller
        obj["backend"] = EmbeddedBackend(store)
        return obj["backend"]
    options = BackendOptions.from_env(store=store or obj.get("store_path"), uri=obj.get("uri"),
                                      user=obj.get("user"), password=obj.get("password"),
                                      database=obj.get("database"))
    try:
        obj["backend"] = backend = open_backend(obj.get("backend_name"), options)
    except BackendError as exc:
        raise click.ClickException(str(exc)) from None
    store = getattr(backend, "store", None)
    if store is not None and (store.reparsed or store.reparse_errors):
        click.echo(f"store {store.path} was written by another version: re-read {store.reparsed} texts", err=True)
        for path, reason in store.reparse_errors:
            click.echo(f"error: {path}: its stored text could not be re-read ({reason}); ingest it again", err=True)
    return backend


def service_from(ctx: click.Context) -> Service:
    """The service over the command's backend."""
    return Service(backend_from(ctx))


def find_or_exit(ctx: click.Context, service: Service, ref: str, year: int | None = None,
                 issued_in: str | None = None, fmt: str = "table") -> str:
    """The one document `ref` names; an ambiguous one lists its candidates and exits 2."""
    return _resolve(ctx, service.backend, ref, year, issued_in, fmt)


def _resolve(ctx: click.Context, backend: Backend, ref: str, year: int | None, issued_in: str | None,
             fmt: str) -> str:
    """Resolve or stop: an ambiguous symbol lists its candidates and exits with status 2."""
    try:
        return resolve(backend, ref, year, issued_in)
    except Ambiguous as err:
        render.candidates(err, fmt)
        ctx.exit(2)
    except NotFound as err:
        raise click.ClickException(str(err) + _suggestions(backend, ref)) from err
    raise AssertionError("unreachable")


def _suggestions(backend: Backend, ref: str, limit: int = 5) -> str:
    """What a search for `ref` finds, to pick from: documents named without a number have no
    symbol to give ("Nghị quyết Đại hội XIII"), only their id."""
    from policygraph.ingest.symbols import is_valid
    from policygraph.queries.search import search

    if is_valid(ref) or ref.startswith("doc:"):  # a symbol or an id that is not there: nothing to suggest
        return ""
    hits = search(backend, ref, limit=limit)
    if not hits:
        return ""
    lines = "\n".join(f"  {h.doc.id}  {h.doc.name}" for h in hits)
    return f"; a search finds these (give one of the ids):\n{lines}"


WALKABLE = ("implements", "based_on", "references", *CHANGE_TYPES)


def _relations(value: str) -> tuple[str, ...]:
    wanted = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    unknown = [v for v in wanted if v not in WALKABLE]
    if unknown or not wanted:
        raise click.BadParameter(f"{', '.join(unknown) or value!r}: expected some of {', '.join(WALKABLE)}",
                                 param_hint="--relations")
    return wanted


def _date(value: str | None):
    from datetime import date

    try:
        return date.fromisoformat(value) if value else None
    except ValueError as err:
        raise click.BadParameter(f"{value}: expected YYYY-MM-DD") from err


@click.command()
@click.argument("symbol")
@click.option("--down/--up", default=True, help="implementers below (default) or sources above")
@click.option("--depth", type=int, help="stop this many steps away")
@click.option("--level", type=click.Choice(LEVELS), help="show only documents of this level")
@click.option("--province", help="show only documents of this province")
@click.option("--since", help="show only documents dated on or after YYYY-MM-DD")
@click.option("--until", help="show only documents dated on or before YYYY-MM-DD")
@click.option("--relations", default="implements", show_default=True,
              help="which relations the walk follows, comma-separated: " + ", ".join(WALKABLE))
@YEAR
@ISSUED_IN
@FORMAT
@click.pass_context
def trace(ctx, symbol, down, depth, level, province, since, until, relations, year, issued_in, fmt):
    """Lineage of SYMBOL: what implements it (--down), or what it implements (--up)."""
    backend = backend_from(ctx)
    root = _resolve(ctx, backend, symbol, year, issued_in, fmt)
    filters = Filters(depth, level, province, _date(since), _date(until))
    walked = _relations(relations)
    rows = trace_query(backend, root, down=down, filters=filters, relations=walked)
    render.trace(rows, down, fmt, roots=[r.doc.id for r in roots(visible(rows))] if not down else None,
                 lineage=walked == ("implements",))


@click.command()
@click.argument("symbol")
@YEAR
@ISSUED_IN
@FORMAT
@click.pass_context
def history(ctx, symbol, year, issued_in, fmt):
    """What changed SYMBOL later (amended, replaced, repealed, guided …) and what it changed, by date."""
    service = service_from(ctx)
    root = find_or_exit(ctx, service, symbol, year, issued_in, fmt)
    render_history.history(history_query(service.backend, root), fmt)


@click.command()
@click.argument("symbol")
@click.option("--as-of", "as_of", help="the day to judge, YYYY-MM-DD (default: today)")
@YEAR
@ISSUED_IN
@FORMAT
@click.pass_context
def status(ctx, symbol, as_of, year, issued_in, fmt):
    """Whether SYMBOL is in force (amended, partly repealed, no longer in force, or unknown) on a day."""
    service = service_from(ctx)
    root = find_or_exit(ctx, service, symbol, year, issued_in, fmt)
    render_history.status(status_query(service.backend, root, _date(as_of)), fmt)


@click.command()
@click.argument("start")
@click.argument("end")
@click.option("--start-year", type=int)
@click.option("--end-year", type=int)
@FORMAT
@click.pass_context
def path(ctx, start, end, start_year, end_year, fmt):
    """The chain of documents between START and END."""
    backend = backend_from(ctx)
    a = _resolve(ctx, backend, start, start_year, None, fmt)
    b = _resolve(ctx, backend, end, end_year, None, fmt)
    steps = path_query(backend, a, b)
    if not steps and a != b:
        raise click.ClickException(f"no chain between {start} and {end}")
    render.path(steps, fmt)


@click.command()
@click.argument("symbol")
@click.option("--depth", type=int)
@click.option("--level", type=click.Choice(LEVELS))
@click.option("--province")
@YEAR
@ISSUED_IN
@FORMAT
@click.pass_context
def implementers(ctx, symbol, depth, level, province, year, issued_in, fmt):
    """Units and documents that implement SYMBOL, with lags and summary figures."""
    backend = backend_from(ctx)
    root = _resolve(ctx, backend, symbol, year, issued_in, fmt)
    render.implementers(implementers_query(backend, root, depth, level, province), fmt)


@click.command()
@click.argument("symbol")
@click.option("--depth", type=int, help="only assignments made this many steps below SYMBOL")
@click.option("--status", type=click.Choice(["acted", "not-yet"]), help="show only these rows")
@click.option("--collective-only", is_flag=True, help="only the collectives (places expected to act)")
@YEAR
@ISSUED_IN
@FORMAT
@click.pass_context
def coverage(ctx, symbol, depth, status, collective_only, year, issued_in, fmt):
    """Who was told to act in the chain of SYMBOL, who has acted and who has not."""
    backend = backend_from(ctx)
    root = _resolve(ctx, backend, symbol, year, issued_in, fmt)
    report = coverage_query(backend, root, depth, include_named=not collective_only)
    if collective_only:
        report.rows = [r for r in report.rows if r.collective]
    if status:
        want = NOT_YET if status == "not-yet" else "acted"
        report.rows = [r for r in report.rows if r.status == want]
    render.coverage(report, fmt)


@click.command()
@click.argument("unit")
@click.option("--province")
@click.option("--district")
@FORMAT
@click.pass_context
def assigned(ctx, unit, province, district, fmt):
    """Tasks given to UNIT (diacritics-insensitive name), with role, deadline and source."""
    render.assigned(assigned_query(backend_from(ctx), unit, province, district), fmt)


@click.command()
@click.argument("text", nargs=-1, required=True)
@click.option("--limit", type=int, default=20, show_default=True)
@FORMAT
@click.pass_context
def search(ctx, text, limit, fmt):
    """Documents whose title, subject or symbol match TEXT (diacritics-insensitive)."""
    render.search(search_query(backend_from(ctx), " ".join(text), limit), fmt)


@click.command()
@click.option("--flagged", type=int, default=20, show_default=True, help="how many flagged documents to list")
@FORMAT
@click.pass_context
def stats(ctx, flagged, fmt):
    """Counts by kind, level, province and year; documents that need a look."""
    render.stats(stats_query(backend_from(ctx), flagged), fmt)


COMMANDS: list[Any] = [trace, path, implementers, coverage, assigned, search, stats, history, status]


def register(group: click.Group) -> None:
    """Add the query commands to the main CLI group."""
    for command in COMMANDS:
        group.add_command(command)
