"""The query commands in each output format, against a generated corpus with known truth."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from policygraph.queries.backend import NetworkXBackend
from policygraph.queries.commands import register

ROOT = Path(__file__).resolve().parent.parent


def _load_generator():
    from support import generate

    return generate


gen = _load_generator()


@click.group()
def cli() -> None:
    """A stand-in for policygraph.cli.main."""


register(cli)


@pytest.fixture(scope="module")
def corpus():
    return gen.generate(500, seed=5, provinces=2)


@pytest.fixture(scope="module")
def run(corpus):
    backend = NetworkXBackend(gen.to_graph(corpus))

    def invoke(*args: str, code: int = 0):
        result = CliRunner().invoke(cli, list(args), obj={"backend": backend})
        assert result.exit_code == code, result.output + repr(result.exception)
        return result.output

    return invoke


def _central(corpus):
    return next(d for d in corpus.docs if d.level == "central")


def _below(corpus, root_id):
    out, frontier = set(), {root_id}
    while frontier:
        frontier = {d.id for d in corpus.docs if d.parent in frontier}
        out |= frontier
    return out


def test_trace_formats(corpus, run):
    c = _central(corpus)
    truth = _below(corpus, c.id)
    data = json.loads(run("trace", c.symbol, "--year", str(c.year), "--format", "json"))
    assert data["root"] == c.id and {r["id"] for r in data["rows"][1:]} == truth
    rows = list(csv.DictReader(io.StringIO(run("trace", c.symbol, "--year", str(c.year), "--format", "csv"))))
    assert {r["id"] for r in rows[1:]} == truth and rows[0]["id"] == c.id
    table = run("trace", c.symbol, "--year", str(c.year), "--depth", "1")
    children = [d for d in corpus.docs if d.parent == c.id]
    assert all((d.symbol or d.title[:20]) in table for d in children)
    assert f"{len(children)} documents implementing" in table


def test_trace_ambiguous_lists_candidates(corpus, run):
    c = _central(corpus)
    twins = [d for d in corpus.docs if d.symbol == c.symbol]
    assert len(twins) == 2
    out = run("trace", c.symbol, code=2)
    assert all(str(d.year) in out for d in twins)
    data = json.loads(run("trace", c.symbol, "--format", "json", code=2))
    assert data["error"] == "ambiguous" and {x["id"] for x in data["candidates"]} == {d.id for d in twins}
    rows = list(csv.DictReader(io.StringIO(run("trace", c.symbol, "--format", "csv", code=2))))
    assert {r["year"] for r in rows} == {str(d.year) for d in twins}


def test_trace_up_and_path(corpus, run):
    leaf = next(d for d in corpus.docs if d.level == "commune")
    c = corpus.by_id()[leaf.grandparent]
    data = json.loads(run("trace", leaf.id, "--up", "--format", "json"))
    assert data["roots"] and data["roots"][0] == corpus.by_id()[c.parent].id
    steps = json.loads(run("path", leaf.id, c.parent, "--format", "json"))["steps"]
    assert [s["from"]["id"] for s in steps] == [leaf.id, leaf.parent, c.id]
    rows = list(csv.DictReader(io.StringIO(run("path", leaf.id, c.parent, "--format", "csv"))))
    assert [r["to_id"] for r in rows] == [leaf.parent, c.id, c.parent]
    assert "implements" in run("path", leaf.id, c.parent)


def test_implementers_formats(corpus, run):
    c = _central(corpus)
    truth = _below(corpus, c.id)
    data = json.loads(run("implementers", c.id, "--format", "json"))
    assert {r["id"] for r in data["implementers"]} == truth
    provinces = sorted({d.province for d in corpus.docs if d.id in truth and d.level == "province"})
    assert data["provinces_with_programme"] == provinces
    out = run("implementers", c.id, "--format", "csv", "--level", "district")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["id"] for r in rows} == {d.id for d in corpus.docs if d.id in truth and d.level == "district"}
    expected = 63 if c.date < "2025-07-01" else 34  # provinces on the map of the resolution's day
    assert f"provinces with a programme: {len(provinces)} of {expected}" in run("implementers", c.id)


def test_coverage_formats(corpus, run):
    c = _central(corpus)
    data = json.loads(run("coverage", c.id, "--depth", "1", "--format", "json"))
    collective = [r for r in data["rows"] if r["collective"] and r["assigned_by"] == c.id]
    acted = {r["province"] for r in collective if r["status"] == "acted"}
    assert acted == {d.province for d in corpus.docs if d.parent == c.id and d.level == "province"}
    assert data["acted"] + data["not_yet"] == len(data["rows"])
    rows = list(csv.DictReader(io.StringIO(run("coverage", c.id, "--status", "not-yet", "--format", "csv"))))
    assert rows and all(r["status"] == "not yet" for r in rows)
    assert "acted" in run("coverage", c.id, "--collective-only")


def test_assigned_search_stats_formats(corpus, run):
    truth = sum(1 for d in corpus.docs for a in d.assigns if a.name == "Ban Dân vận Huyện ủy")
    data = json.loads(run("assigned", "ban dan van huyen uy", "--format", "json"))
    assert len(data["assignments"]) == truth
    rows = list(csv.DictReader(io.StringIO(run("assigned", "Ban Dân vận Huyện ủy", "--format", "csv"))))
    assert len(rows) == truth and {r["role"] for r in rows} == {"lead"}
    assert f"{truth} tasks" in run("assigned", "Ban Dân vận Huyện ủy")

    hits = json.loads(run("search", "dan", "van", "kheo", "--limit", "5", "--format", "json"))["hits"]
    assert hits and all("Dân vận khéo" in h["title"] for h in hits)
    rows = list(csv.DictReader(io.StringIO(run("search", "dan van kheo", "--format", "csv", "--limit", "3"))))
    assert len(rows) == 3
    assert "Dân vận khéo" in run("search", "dân vận khéo")

    stats = json.loads(run("stats", "--format", "json"))
    assert stats["kinds"]["document"] == len(corpus.docs)
    rows = list(csv.DictReader(io.StringIO(run("stats", "--format", "csv"))))
    assert {"kind", "level", "province", "year", "edge"} <= {r["group"] for r in rows}
    assert "by level" in run("stats")


def test_unknown_symbol_is_an_error(run):
    assert "no document" in run("trace", "999-NQ/TW", code=1)
