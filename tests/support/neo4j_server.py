"""The Neo4j server the Neo4j tests run against, and what they share.

`make test` (and so CI) starts a real Neo4j 5.26 with scripts/neo4j_server.py, which writes
its URI and generated password to .policygraph/neo4j-server/connection.json. A test that
needs the server calls `server()`: in CI (CI=true) a server that does not answer fails the
test; elsewhere the test is skipped and says how to start one. POLICYGRAPH_TEST_NEO4J_URI
(with _USER, _PASSWORD) points the tests at another server instead: they delete every
`Policygraph` node of its default database, so never point them at data you keep.

Imported as `support.neo4j_server`.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from policygraph.queries.backends.neo4j.backend import Neo4jBackend
from policygraph.queries.backends.neo4j.model import Neo4jConnectionError, connect
from policygraph.queries.registry import BackendOptions

ROOT = Path(__file__).resolve().parents[2]
SERVER_HOME = Path(os.environ.get("POLICYGRAPH_NEO4J_HOME") or ROOT / ".policygraph" / "neo4j-server")


def options() -> BackendOptions:
    """The test server's address and login, or a skip (a failure in CI) when there is none."""
    if os.environ.get("POLICYGRAPH_TEST_NEO4J_URI"):
        found = BackendOptions(uri=os.environ["POLICYGRAPH_TEST_NEO4J_URI"],
                               user=os.environ.get("POLICYGRAPH_TEST_NEO4J_USER", "neo4j"),
                               password=os.environ.get("POLICYGRAPH_TEST_NEO4J_PASSWORD", ""))
    else:
        try:
            info = json.loads((SERVER_HOME / "connection.json").read_text())
        except (OSError, ValueError):
            return _missing(f"no {SERVER_HOME / 'connection.json'}")
        found = BackendOptions(uri=info["uri"], user=info["user"], password=info["password"])
    try:
        driver, _ = connect(found)
    except Neo4jConnectionError as exc:
        return _missing(str(exc))
    driver.close()
    return found


def _missing(reason: str) -> BackendOptions:
    message = f"no Neo4j test server ({reason}); start one with `make neo4j-start` (scripts/neo4j_server.py start)"
    if os.environ.get("CI"):
        pytest.fail(message)  # CI starts the server: its absence is a failure, never a skip
    pytest.skip(message)


def env(found: BackendOptions, **more: str) -> dict[str, str]:
    """Environment for a CLI subprocess that talks to the test server."""
    out = {"NEO4J_URI": found.uri or "", "NEO4J_USER": found.user or "neo4j", "NEO4J_PASSWORD": found.password or ""}
    out.pop("NEO4J_DATABASE", None)
    out.update(more)
    return out


def backend(found: BackendOptions) -> Neo4jBackend:
    driver, database = connect(found)
    return Neo4jBackend(driver, database, found.uri or "", found.user or "neo4j")


def wipe(found: BackendOptions) -> None:
    """Delete what earlier tests pushed."""
    driver, database = connect(found)
    with driver, driver.session(database=database) as session:  # IN TRANSACTIONS needs an auto-commit query
        session.run("MATCH (n:Policygraph) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 500 ROWS").consume()


def count(found: BackendOptions, query: str = "MATCH (n:Policygraph) RETURN count(n) AS c") -> int:
    driver, database = connect(found)
    with driver:
        return driver.execute_query(query, database_=database).records[0]["c"]


def folder_digest(folder: Path) -> dict[str, str]:
    """Every file under `folder` and its hash: the store is untouched when this is unchanged."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def contents(graph) -> tuple:
    """A graph as comparable data, adjacency order included (answers depend on it)."""
    return (list(graph.nodes(data=True)), list(graph.edges(keys=True, data=True)),
            [(n, list(graph.pred[n]), list(graph.succ[n])) for n in graph])
