"""The Cypher examples of the README run on the samples pushed to a real server and find something."""

from __future__ import annotations

import re
from pathlib import Path

from support import ingest as H
from support import neo4j_server as N

from policygraph.graph.store import Store
from policygraph.queries.backends.neo4j.model import connect
from policygraph.queries.backends.neo4j.push import push

ROOT = Path(__file__).resolve().parents[1]





def examples() -> list[str]:
    text = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```cypher\n(.*?)```", text, re.S)
    statements = [s.strip() for block in blocks for s in block.split(";\n")]
    return [s for s in statements if s and not all(line.startswith("//") for line in s.splitlines())]


def test_every_cypher_example_of_the_readme_finds_something_in_the_samples(tmp_path):
    found = N.options()
    run = H.cli("ingest", H.samples_dir(), store=tmp_path / "store")
    assert run.returncode == 0, run.stderr
    N.wipe(found)
    driver, database = connect(found)
    with driver:
        push(driver, database, Store.open(tmp_path / "store").load_graph())
        statements = examples()
        assert len(statements) >= 6
        for statement in statements:
            records = driver.execute_query(statement.rstrip(";"), database_=database).records
            assert records, statement
    N.wipe(found)
