"""The local web app: search, document pages, an interactive graph and report tables.

JSON endpoints under /api/ feed the pages (docs/web.md lists them). vis-network is
served from the installed pyvis package, so nothing third-party is committed and no
page loads anything from outside this server.
"""

from __future__ import annotations

import threading
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import quote

from flask import Flask, Response, abort, jsonify, render_template, request, send_file, url_for

from policygraph.graph.store import read_generation
from policygraph.viz import i18n, views
from policygraph.viz.describe import short_label
from policygraph.viz.i18n import gettext
from policygraph.viz.labels import (
    EDGE_LABELS,
    FLAG_LABELS,
    KIND_LABELS,
    LEVEL_LABELS,
    ROLE_LABELS,
    SCOPE_LABELS,
    STANDING_LABELS,
    STATUS_LABELS,
)
from policygraph.viz.library import Library, library_from
from policygraph.viz.lineage_view import lineage, parse_filters
from policygraph.viz.pyvis_page import vis_asset
from policygraph.viz.reports_view import coverage_page, implementers_page, status
from policygraph.viz.script_messages import SCRIPT_MESSAGES
from policygraph.viz.style import LEVEL_COLOURS, legend
from policygraph.vocabulary import NodeKind

HERE = Path(__file__).parent
MAX_DEPTH = 12  # lineage hops a graph view may reach (a whole synthetic store of 5,000 nodes)
VENDOR = {"vis-network.min.js": "application/javascript", "vis-network.css": "text/css"}


def create_app(source: Any, texts: dict[str, str] | None = None) -> Flask:
    """App over a Store, or over a bare graph (with optional texts) for tests and demos."""
    app = Flask(__name__, template_folder=str(HERE / "templates"), static_folder=str(HERE / "static"))
    app.config["LIBRARY"] = library_from(source, texts)
    if hasattr(source, "load_graph") and getattr(source, "path", None):
        # serving a store: pick up what a later `ingest` writes, without a restart
        app.config["STORE"] = source
        app.config["GENERATION"] = read_generation(source.path)
        app.config["RELOAD_LOCK"] = threading.Lock()
    app.jinja_env.autoescape = True
    i18n.init_app(app)
    app.context_processor(_template_globals)
    app.add_url_rule("/vendor/<name>", "vendor", vendor)
    app.add_url_rule("/favicon.ico", "favicon", favicon)
    _pages(app)
    _api(app)

    @app.after_request
    def headers(response: Response) -> Response:
        # Scripts only from this server: an injected inline script would not run either.
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    return app


def lib() -> Library:
    """The graph being served; reloaded when the store's graph generation has moved on."""
    from flask import current_app

    config = current_app.config
    store = config.get("STORE")
    if store is not None:
        generation = read_generation(store.path)
        if generation is not None and generation != config["GENERATION"]:
            with config["RELOAD_LOCK"]:
                if generation != config["GENERATION"]:
                    fresh = type(store).open(store.path)  # a SQLite connection belongs to its thread
                    try:
                        config["LIBRARY"] = library_from(fresh)
                    finally:
                        fresh.close()
                    config["GENERATION"] = generation
    return config["LIBRARY"]


def vendor(name: str) -> Response:
    """vis-network from the pyvis package directory."""
    if name not in VENDOR:
        abort(404)
    response = send_file(vis_asset(name), mimetype=VENDOR[name], max_age=3600)
    return response


def favicon() -> Response:
    """Browsers ask for /favicon.ico whatever the page says: the same SVG as the <link>."""
    return send_file(HERE / "static" / "favicon.svg", mimetype="image/svg+xml", max_age=86400)


def switch_url(lang: str) -> str:
    """This page in another language (the choice is then kept in a cookie)."""
    args = request.args.to_dict(flat=False)
    args["lang"] = [lang]
    return url_for(request.endpoint or "index", **(request.view_args or {}), **args)


def _template_globals() -> dict[str, Any]:
    return {"lang": i18n.language(), "switch_url": switch_url, "level_labels": LEVEL_LABELS,
            "edge_labels": EDGE_LABELS, "role_labels": ROLE_LABELS, "status_labels": STATUS_LABELS,
            "standing_labels": STANDING_LABELS, "scope_labels": SCOPE_LABELS,
            "kind_labels": KIND_LABELS, "flag_labels": FLAG_LABELS, "level_colours": LEVEL_COLOURS, "status_of": status,
            "js_messages": {m: gettext(m) for m in SCRIPT_MESSAGES}}


def resolve(ref: str | None) -> tuple[str | None, list[dict[str, Any]]]:
    """(node id, []) when `ref` names one node; (None, candidates) otherwise."""
    if not ref:
        return None, []
    graph = lib().graph
    if ref in graph:
        return ref, []
    found = views.choices(lib(), ref)
    if len(found) == 1:
        return found[0]["id"], []
    return None, found


def _need(ref_arg: str = "id", kind: str | None = NodeKind.DOCUMENT) -> str:
    """The node a request is about, or an error response (404, or 409 with candidates)."""
    node, found = resolve(request.args.get(ref_arg))
    if node is None:
        if found:
            response = jsonify({"error": "ambiguous", "candidates": found})
            response.status_code = 409
            abort(response)
        abort(404)
    if kind and lib().graph.nodes[node].get("kind") != kind:
        abort(404)
    return node


def _pages(app: Flask) -> None:
    @app.get("/")
    def index() -> str:
        query = request.args.get("q", "")
        hits = views.suggestions(lib(), query, limit=50) if query else []
        return render_template("index.html", query=query, hits=hits,
                               documents=sum(1 for _ in lib().backend.nodes(NodeKind.DOCUMENT)))

    @app.get("/document")
    def document_page() -> str | tuple[str, int]:
        node, found = resolve(request.args.get("id"))
        if node is None:
            return render_template("choose.html", ref=request.args.get("id", ""), found=found,
                                   target="document_page"), 404 if not found else 200
        if lib().graph.nodes[node].get("kind") != NodeKind.DOCUMENT:
            return render_template("unit.html", data=views.expand(lib(), node), node=node)
        page = request.args.get("page", 1, type=int)
        return render_template("document.html", data=views.document(lib(), node, page))

    @app.get("/graph")
    def graph_page() -> str | tuple[str, int]:
        node, found = resolve(request.args.get("id"))
        if node is None:
            return render_template("choose.html", ref=request.args.get("id", ""), found=found,
                                   target="graph_page"), 404 if not found else 200
        return render_template("graph.html", node=node, legend=_legend(), facets=views.facets(lib()), depths=MAX_DEPTH,
                               heading=short_label(lib().graph.nodes[node], node).removesuffix(" ⚑"))

    @app.get("/lineage")
    def lineage_page() -> str | tuple[str, int]:
        node, found = resolve(request.args.get("id"))
        if node is None:
            return render_template("choose.html", ref=request.args.get("id", ""), found=found,
                                   target="lineage_page"), 404 if not found else 200
        if lib().graph.nodes[node].get("kind") != NodeKind.DOCUMENT:
            abort(404)
        filters = parse_filters(request.args)
        tree = lineage(lib().service, node, down=request.args.get("dir") != "up", filters=filters)
        return render_template("lineage.html", tree=tree, filters=filters)

    @app.get("/reports/<name>")
    def report_page(name: str) -> str | tuple[str, int]:
        if name not in ("implementers", "coverage"):
            abort(404)
        node, found = resolve(request.args.get("id"))
        if node is None:
            return render_template("choose.html", ref=request.args.get("id", ""), found=found,
                                   target="report_page", report=name), 404 if not found else 200
        service = lib().service
        csv_url = url_for("api_report_csv", name=name, id=node)
        if name == "implementers":
            report = service.implementers(node)
            return render_template("implementers.html", report=report, page=implementers_page(report), node=node,
                                   root=report.root, rows_count=len(report.rows), csv_url=csv_url,
                                   heading=gettext("Who carries out %(name)s", name=report.root.name))
        report = service.coverage(node)
        return render_template("coverage.html", report=report, page=coverage_page(report), node=node,
                               root=report.root, csv_url=csv_url,
                               heading=gettext("Tasks assigned under %(name)s", name=report.root.name))


def _legend() -> dict[str, Any]:
    """The graph legend in the interface language."""
    out = legend()
    for item in out["levels"]:
        item["name"] = gettext(LEVEL_LABELS[item["key"]])
    for item in out["kinds"]:
        item["name"] = gettext(KIND_LABELS[item["key"]])
    for item in out["edges"]:
        item["name"] = gettext(EDGE_LABELS.get(item["key"], item["key"]))
    return out


def _report(name: str, node: str) -> dict[str, Any]:
    if name == "implementers":
        return views.implementers_report(lib(), node)
    return views.coverage_report(lib(), node)


def _api(app: Flask) -> None:
    @app.get("/api/search")
    def api_search() -> Response:
        limit = min(max(request.args.get("limit", 10, type=int), 1), 100)
        return jsonify(views.suggestions(lib(), request.args.get("q", ""), limit=limit))

    @app.get("/api/document")
    def api_document() -> Response:
        return jsonify(views.document(lib(), _need(), request.args.get("page", 1, type=int)))

    @app.get("/api/graph")
    def api_graph() -> Response:
        depth = min(max(request.args.get("depth", 1, type=int), 0), MAX_DEPTH)
        direction = request.args.get("direction", "both")
        if direction not in views.DIRECTIONS:
            abort(400)
        opened = tuple(request.args.getlist("open"))[:50]
        units = request.args.get("units") == "1"
        return jsonify(views.graph_view(lib(), _need(), depth, direction, units, opened))

    @app.get("/api/expand")
    def api_expand() -> Response:
        return jsonify(views.expand(lib(), _need(kind=None)))

    @app.get("/api/path")
    def api_path() -> Response:
        return jsonify(views.path_view(lib(), _need("from"), _need("to")))

    @app.get("/api/facets")
    def api_facets() -> Response:
        return jsonify(views.facets(lib()))

    @app.get("/api/reports/<name>")
    def api_report(name: str) -> Response:
        if name not in ("implementers", "coverage"):
            abort(404)
        return jsonify(_report(name, _need()))

    @app.get("/api/reports/<name>.csv")
    def api_report_csv(name: str) -> Response:
        if name not in ("implementers", "coverage"):
            abort(404)
        node = _need()
        data = _report(name, node)
        body = "\ufeff" + views.to_csv(data["columns"], data["rows"])
        filename = f"{name}-{data['root'].get('symbol') or 'document'}.csv"
        return Response(body, mimetype="text/csv; charset=utf-8",
                        headers={"Content-Disposition": attachment(filename)})


def attachment(filename: str) -> str:
    """A Content-Disposition header value for `filename` (RFC 6266): an ASCII fallback, and the
    real name percent-encoded as UTF-8 in filename*. HTTP headers are Latin-1: "01-ĐA/TU" as is
    cannot be sent, and a slash or quote in a name must not reach the user's disk."""
    safe = "".join(ch if ch.isalnum() or ch in ".-_" else "-" for ch in filename)
    ascii_name = unicodedata.normalize("NFKD", safe.replace("Đ", "D").replace("đ", "d"))
    ascii_name = "".join(ch for ch in ascii_name if ch.isascii() and (ch.isalnum() or ch in ".-_")) or "download.csv"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(safe, safe='')}"
