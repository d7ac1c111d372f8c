"""The `policygraph` command line.

    policygraph [--store DIR] ingest PATH... [--jobs N|auto]
    policygraph [--store DIR] show SYMBOL [--year Y] [--province P]
    policygraph [--store DIR] export --format json|ttl|jsonld|nt [--base IRI] [--validate] FILE
    policygraph [--store DIR] sparql lineage|implementers|coverage|FILE|QUERY [--root SYMBOL] [--format table|json|csv]

The store folder defaults to $POLICYGRAPH_STORE, else ~/.local/share/policygraph.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from policygraph.graph import ingest_log
from policygraph.graph.rdf_terms import DEFAULT_BASE
from policygraph.graph.store import Store, StoreError, default_location
from policygraph.ingest.walk import escaped, key_of
from policygraph.queries import render
from policygraph.queries.commands import find_or_exit, service_from
from policygraph.queries.commands import register as register_queries
from policygraph.queries.registry import BackendError, BackendOptions
from policygraph.queries.render import plain
from policygraph.queries.render_document import render_document
from policygraph.viz.commands import register as register_viz

err = Console(stderr=True)


def open_store_at(location: str | Path | None, create: bool = False, readonly: bool = False) -> Store:
    """Open a store for a command: a clear error instead of a traceback ("no store at DIR" for a
    mistyped --store: only `ingest` creates a store; read-only for commands that only read), and a
    word when a store written by another version had its texts re-read."""
    try:
        store = Store.open(location, create=create, readonly=readonly)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    if store.reparsed or store.reparse_errors:
        click.echo(f"store {store.path} was written by another version: re-read {store.reparsed} texts", err=True)
    for path, reason in store.reparse_errors:
        click.echo(f"error: {path}: its stored text could not be re-read ({reason}); ingest it again", err=True)
    return store


def open_store(ctx: click.Context, create: bool = False, readonly: bool = False) -> Store:
    """The store named by --store (opened once per command; created only when `create`)."""
    obj = ctx.ensure_object(dict)
    if "store" not in obj:
        obj["store"] = open_store_at(obj.get("store_path"), create=create, readonly=readonly)
    return obj["store"]


class Main(click.Group):
    """The command group; a backend that fails in the middle of a question (a server that
    went away) is one line and exit status 1, as when it cannot be opened."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BackendError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=Main)
@click.option(
    "--store",
    "store_path",
    type=click.Path(file_okay=False),
    envvar="POLICYGRAPH_STORE",
    help=f"Store folder (default: $POLICYGRAPH_STORE or {default_location()}).",
)
@click.option("--backend", "backend_name", envvar="POLICYGRAPH_BACKEND", metavar="NAME",
              help="Where the questions are answered: embedded (the store, default) or another installed "
                   "backend ($POLICYGRAPH_BACKEND).")
@click.option("--uri", help="Server of a server backend ($NEO4J_URI; default bolt://127.0.0.1:7687).")
@click.option("--user", help="User name for a server backend ($NEO4J_USER).")
@click.option("--password", help="Password for a server backend ($NEO4J_PASSWORD).")
@click.option("--database", help="Database on a server backend ($NEO4J_DATABASE).")
@click.version_option(package_name="policygraph")
@click.pass_context
def main(ctx: click.Context, store_path: str | None, backend_name: str | None, uri: str | None,
         user: str | None, password: str | None, database: str | None) -> None:
    """policygraph: Vietnamese directives and their implementations as a graph."""
    ctx.ensure_object(dict).update(store_path=store_path, backend_name=backend_name, uri=uri, user=user,
                                   password=password, database=database)


def report(outcome) -> None:
    """One unwrapped line per bad path, named as the user gave it, so it can be grepped: 'error: PATH: reason'."""
    click.secho(plain(f"error: {outcome.name}: {outcome.error}"), err=True, fg="red" if err.is_terminal else None)


class SizeType(click.ParamType):
    """--max-size: bytes, with an optional unit (k, M, G; SI), or 'none' for no limit."""

    name = "SIZE"
    UNITS = {"": 1, "b": 1, "k": 10**3, "kb": 10**3, "m": 10**6, "mb": 10**6, "g": 10**9, "gb": 10**9}

    def convert(self, value, param, ctx):
        if value is None or isinstance(value, int):
            return value
        text = str(value).strip().lower().replace(" ", "")
        if text in ("none", "0", "unlimited"):
            return None
        number = text.rstrip("kmgb")
        try:
            return int(float(number) * self.UNITS[text[len(number):]])
        except (ValueError, KeyError):
            self.fail(f"{value!r} is not a size such as 500k, 100MB, 1.5G or none", param, ctx)


class JobsType(click.ParamType):
    """--jobs: 'auto' (None) or a whole number from 1 to 64."""

    name = "N|auto"

    def convert(self, value, param, ctx):
        if value is None or value == "auto":
            return None
        if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
            if 1 <= int(value) <= 64:
                return int(value)
        self.fail(f"{value!r} is not 'auto' or a number from 1 to 64", param, ctx)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--jobs",
    "-j",
    default="auto",
    show_default=True,
    type=JobsType(),
    help="Worker processes for parsing: a number, or auto (the CPUs this process may use, up to 8, "
    "for batches of 64 files or more; one process below that).",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--max-size", default="100MB", show_default=True, type=SizeType(),
              help="Files larger than this are not read (each gets an error line); 'none' for no limit.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], jobs: int | None, quiet: bool, max_size: int | None) -> None:
    """Read files or folders (recursively) into the store.

    Exit status: 0 when every file went in (added, updated or unchanged), 1 when any path failed
    (each has its 'error:' line) or the store could not be written, 2 for a usage error.
    """
    from policygraph.ingest.pipeline import DiskFull, ingest_paths

    store = open_store(ctx, create=True)
    # progress by bytes: one 50 MB text is most of a batch's time, however many small files there are
    columns = (TextColumn("ingest"), BarColumn(), DownloadColumn(), TextColumn("{task.fields[files]} files"),
               TimeRemainingColumn())
    with Progress(*columns, console=err, disable=quiet or not err.is_terminal, transient=True) as bar:
        task = bar.add_task("ingest", total=None, files=0)  # the pipeline says how much it found

        def tick(outcome) -> None:
            bar.update(task, advance=outcome.size, files=bar.tasks[0].fields["files"] + 1)
            if outcome.error:
                report(outcome)

        try:
            summary = ingest_paths(store, paths, jobs=jobs, progress=tick, max_size=max_size,
                                   found=lambda files, size: bar.update(task, total=size))
        except (StoreError, DiskFull) as exc:  # another ingest holds the store; the disk is full
            bar.stop()
            click.echo(plain(f"error: {exc}"), err=True)
            sys.exit(1)
    for path, problem in store.unreadable:  # a damaged row met while updating the graph: left out of it
        click.echo(plain(f"error: {path}: {problem}; left out of the graph (`policygraph repair` reads it again)"),
                   err=True)
    warned = " (`policygraph warnings` lists them)" if summary.warnings else ""
    click.echo(
        f"{summary.files} files: {summary.added} added, {summary.updated} updated, {summary.unchanged} unchanged, "
        f"{len(summary.failed)} failed; "
        f"{summary.citations} citations, {summary.warnings} warnings in new or changed files{warned}"
    )
    click.echo(plain(store_line(store)))
    if summary.failed:
        sys.exit(1)


def store_line(store: Store) -> str:
    """What the store holds now, in one line."""
    counts = store.counts()
    edges = sum(v for k, v in counts.items() if k.endswith("_edges"))
    return (
        f"store {store.path}: {counts.get('document_nodes', 0)} documents, {counts.get('unit_nodes', 0)} units, "
        f"{counts.get('place_nodes', 0)} places, {edges} edges"
    )


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.pass_context
def remove(ctx: click.Context, paths: tuple[str, ...]) -> None:
    """Forget ingested files (or every file under a folder) and rebuild the graph.

    Paths are matched as they were ingested (absolute, symbolic links resolved), so the
    file itself may already be gone from the disk.
    """
    store = open_store(ctx)
    wanted = [key_of(p) for p in paths]
    try:
        with store.writing():
            removed = store.remove_paths(wanted)
            if removed:
                with store.transaction():
                    ingest_log.forget(store.conn, removed)
            store.update_graph()
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    missing = [g for g, w in zip(paths, wanted, strict=True) if not any(r == w or r.startswith(w.rstrip("/") + "/")
                                                                         for r in removed)]
    for given in missing:
        click.echo(f"error: {escaped(given)}: not in the store", err=True)
    click.echo(f"{len(removed)} file{'' if len(removed) == 1 else 's'} removed")
    click.echo(store_line(store))
    if missing:
        sys.exit(1)


@main.command()
@click.argument("symbol")
@click.option("--year", type=int, help="Pick the document of this year when the symbol is shared.")
@click.option("--province", "--issued-in", "province", help="Pick the document of this province (local symbols).")
@click.pass_context
def show(ctx: click.Context, symbol: str, year: int | None, province: str | None) -> None:
    """Identity, flags and every edge (with evidence) of a document.

    A symbol several documents share is never guessed: the candidates are listed (exit
    status 2) and --year or --province chooses, as for every query command.
    """
    service = service_from(ctx)
    render_document(service.document(find_or_exit(ctx, service, symbol, year, province)))


@main.command()
@click.option("--format", "fmt", type=click.Choice(["json", "ttl", "jsonld", "nt"]), default="json", show_default=True,
              help="json: node-link JSON; ttl, jsonld, nt: RDF in ELI, W3C ORG, PROV-O and SKOS (README: Linked data).")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI of the nodes (RDF formats).")
@click.option("--validate", is_flag=True, help="Check the RDF against the SHACL shapes; one line per violation.")
@click.argument("file", type=click.Path(dir_okay=False, writable=True))
@click.pass_context
def export(ctx: click.Context, fmt: str, base: str, validate: bool, file: str) -> None:
    """Write the graph to FILE."""
    from policygraph.graph.export import write_json
    from policygraph.graph.rdf import store_graph, to_rdflib
    from policygraph.graph.rdf_terms import BaseIRIError, check_base
    from policygraph.graph.rdf_write import violations, write_rdf

    if fmt != "json":
        try:
            check_base(base)
        except BaseIRIError as exc:
            raise click.ClickException(str(exc)) from None
    graph = store_graph(open_store(ctx, readonly=True))
    if fmt == "json":
        write_json(graph, file)
        click.echo(f"wrote {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges to {escaped(file)}")
    else:
        triples = write_rdf(graph, file, fmt, base)
        click.echo(f"wrote {triples} triples ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges) "
                   f"to {escaped(file)}")
    if validate:
        found = violations(to_rdflib(graph, base))
        for line in found:
            click.echo(line)
        click.echo(f"{len(found)} SHACL violations" if found else "conforms to the SHACL shapes")
        if found:
            ctx.exit(1)


@main.command()
@click.argument("query_or_file")
@click.option("--root", help="A document (symbol) bound to ?root, as in the saved queries.")
@click.option("--year", type=int, help="Pick the root of this year when the symbol is shared.")
@click.option("--province", "--issued-in", "province", help="Pick the root of this province.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.pass_context
def sparql(ctx: click.Context, query_or_file: str, root: str | None, year: int | None, province: str | None,
           fmt: str) -> None:
    """Answer a SPARQL query over the store: a saved query (lineage, implementers, coverage),
    a .rq file, or the query text. Runs on the sparql backend (a pyoxigraph store kept next to
    the store, rebuilt when the graph changes)."""
    from policygraph.queries import sparql as runner
    from policygraph.queries.registry import BackendError, BackendOptions, open_backend
    from policygraph.queries.service import Service

    try:
        backend = open_backend("sparql", BackendOptions.from_env(store=ctx.find_root().obj.get("store_path")))
    except BackendError as exc:
        raise click.ClickException(str(exc)) from None
    node = find_or_exit(ctx, Service(backend), root, year, province) if root else None
    try:
        answer = runner.run(backend, runner.query_text(query_or_file), node)
    except (SyntaxError, ValueError, OSError, RuntimeError) as exc:
        raise click.ClickException("SPARQL: " + " ".join(str(exc).split())) from None
    text = runner.render(answer, fmt, base=backend.base)
    if text is not None:
        sys.stdout.write(text)


@main.command()
@click.option("--file", "file", help="Only this file (as ingested, relative to its folder, or a folder of them).")
@click.option("--all", "everything", is_flag=True, help="Also the files that went in without a warning.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.pass_context
def warnings(ctx: click.Context, file: str | None, everything: bool, fmt: str) -> None:
    """The warnings of the last ingest of each file (and why a file failed), by file."""
    store = open_store(ctx, readonly=True)
    found = ingest_log.entries(store.conn, file, only_noted=not everything)
    if file is not None and not found:
        found = ingest_log.entries(store.conn, key_of(file), only_noted=not everything)
    render.warnings(found, fmt)


@main.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """Look for damage: SQLite's integrity check and the checksum of every stored file (read-only).

    Exit status 1 when something is damaged; `policygraph repair` then gets past it."""
    from policygraph.graph.health import check as check_store

    folder = ctx.obj.get("store_path") or default_location()
    try:
        health = check_store(folder)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"store {health.folder}: SQLite integrity {'ok' if health.integrity == ['ok'] else 'DAMAGED'}; "
               f"{health.files} files read back whole, {len(health.damaged)} damaged")
    for message in health.integrity if health.integrity != ["ok"] else []:
        click.echo(f"sqlite: {message}", err=True)
    for path, problem in health.damaged:
        click.echo(f"damaged: {path}: {problem}", err=True)
    if health.pending:
        click.echo(f"{health.pending} files are not in the graph yet (an ingest stopped early): the next ingest "
                   "takes them in")
    if not health.ok:
        sys.exit(1)


@main.command()
@click.pass_context
def repair(ctx: click.Context) -> None:
    """Drop what cannot be read, read those files again from disk where they still are, and
    rebuild the graph from what is stored; says what was lost."""
    from policygraph.graph.health import repair as repair_store

    folder = ctx.obj.get("store_path") or default_location()
    try:
        done = repair_store(folder)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    if done.rebuilt_file:
        click.echo("the database file was damaged: its readable rows were copied into a new one")
    for path in done.reread:
        click.echo(f"re-read: {path}")
    for path, reason in done.lost:
        click.echo(f"lost: {path}: {reason} (its source is not on disk: ingest it again when you have it)", err=True)
    click.echo(f"{done.kept} files kept, {len(done.reread)} re-read from disk, {len(done.lost)} lost; graph rebuilt")


@main.group()
def neo4j() -> None:
    """Copy the graph to a Neo4j server (then query it with --backend neo4j)."""


@neo4j.command("push")
@click.option("--batch", type=click.IntRange(1, 100_000), default=5000, show_default=True,
              help="Nodes or edges per transaction.")
@click.option("--full", is_flag=True, help="Overwrite every node and edge, also those whose hash matches "
                                           "(repairs edits made on the server).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_context
def neo4j_push(ctx: click.Context, batch: int, full: bool, quiet: bool) -> None:
    """Make the Neo4j database hold the store's graph, sending only what changed.

    The server is --uri ($NEO4J_URI, default bolt://127.0.0.1:7687), the database --database
    ($NEO4J_DATABASE, default neo4j), the login --user/--password ($NEO4J_USER, $NEO4J_PASSWORD).
    A push that was interrupted is completed by the next one. The store is only read.
    """
    # imported here, as ingest imports its pipeline: the driver alone takes a second to import
    from policygraph.queries.backends.neo4j.model import Neo4jConnectionError, connect, connection_error
    from policygraph.queries.backends.neo4j.push import local_graph
    from policygraph.queries.backends.neo4j.push import push as push_graph

    obj = ctx.find_root().obj
    options = BackendOptions.from_env(uri=obj.get("uri"), user=obj.get("user"), password=obj.get("password"),
                                      database=obj.get("database"))
    try:  # the server first: a push that cannot happen does not even open the store
        driver, database = connect(options)
    except Neo4jConnectionError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        graph = local_graph(open_store(ctx))
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    columns = (TextColumn("push"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with driver, Progress(*columns, console=err, disable=quiet or not err.is_terminal, transient=True) as bar:
        task = bar.add_task("push", total=None)
        try:
            report = push_graph(driver, database, graph, batch=batch, full=full,
                                progress=lambda done, total: bar.update(task, completed=done, total=total))
        except Exception as exc:
            error = connection_error(exc, options.uri or "the server", options.user or "neo4j", database)
            if error is exc:
                raise
            raise click.ClickException(f"{error} (run the push again to complete it)") from None
    click.echo(report.line())


register_viz(main)
register_queries(main)
