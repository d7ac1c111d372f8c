"""A Neo4j server that is down, a wrong password or a wrong database: one clear line, a
non-zero exit, no traceback, and the local store untouched (push and queries alike)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from support import ingest as H
from support import neo4j_server as N

ROOT = Path(__file__).resolve().parents[1]





@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("faults") / "store"
    run = H.cli("ingest", H.samples_dir(), store=folder)
    assert run.returncode == 0, run.stderr
    return folder


def _closed_port() -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _one_line_error(run, *words: str) -> None:
    assert run.returncode == 1, (run.stdout, run.stderr)
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), run.stderr
    assert "Traceback" not in run.stderr
    for word in words:
        assert word in lines[0], lines[0]


def test_a_server_that_is_down(store):
    before = N.folder_digest(store)
    uri = f"bolt://127.0.0.1:{_closed_port()}"
    env = {"NEO4J_URI": uri, "NEO4J_PASSWORD": "x"}
    _one_line_error(H.cli("neo4j", "push", store=store, env=env), "cannot reach Neo4j at " + uri, "running?")
    _one_line_error(H.cli("--backend", "neo4j", "trace", "25-NQ/TW", "--year", "2013", env=env),
                    "cannot reach Neo4j at " + uri)
    _one_line_error(H.cli("--backend", "neo4j", "--uri", "http://[nonsense", "stats", env=env), "bad Neo4j URI")
    assert N.folder_digest(store) == before


def test_a_wrong_password_and_a_wrong_database(store):
    found = N.options()
    before = N.folder_digest(store)
    wrong = N.env(found, NEO4J_PASSWORD=found.password + "-wrong")
    _one_line_error(H.cli("neo4j", "push", store=store, env=wrong), "refused the login of user 'neo4j'")
    _one_line_error(H.cli("--backend", "neo4j", "stats", env=wrong), "wrong user name or password")
    _one_line_error(H.cli("--user", "nobody", "--backend", "neo4j", "stats", env=N.env(found)),
                    "refused the login of user 'nobody'")
    nowhere = N.env(found, NEO4J_DATABASE="nosuchdatabase")
    _one_line_error(H.cli("neo4j", "push", store=store, env=nowhere), "has no database 'nosuchdatabase'")
    _one_line_error(H.cli("--backend", "neo4j", "--database", "nosuchdatabase", "search", "dân vận",
                          env=N.env(found)), "has no database 'nosuchdatabase'")
    assert N.folder_digest(store) == before


def test_a_server_lost_in_the_middle_of_a_question_is_one_line():
    from policygraph.queries.registry import BackendError
    from policygraph.queries.service import Service

    backend = N.backend(N.options())
    backend.driver.close()  # what a command sees when the server goes away after it connected
    with pytest.raises(BackendError) as caught:
        Service(backend).stats()
    assert "\n" not in str(caught.value) and str(caught.value).startswith("Neo4j at ")


def test_the_test_server_is_neo4j_5_26_on_loopback_with_authentication():
    from policygraph.queries.backends.neo4j.model import connect

    found = N.options()
    driver, database = connect(found)
    with driver:
        versions = driver.execute_query("CALL dbms.components() YIELD versions RETURN versions[0] AS v",
                                        database_=database).records[0]["v"]
        settings = {r["name"]: r["value"] for r in driver.execute_query(
            "SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value",
            names=["dbms.security.auth_enabled", "server.bolt.listen_address", "server.http.enabled",
                   "dbms.usage_report.enabled", "db.tx_log.preallocate"], database_=database).records}
    assert versions.startswith("5.26.")
    assert settings["dbms.security.auth_enabled"] == "true"
    assert settings["server.bolt.listen_address"].startswith("127.0.0.1:")
    assert settings["server.http.enabled"] == settings["dbms.usage_report.enabled"] == "false"
    assert settings["db.tx_log.preallocate"] == "false"
