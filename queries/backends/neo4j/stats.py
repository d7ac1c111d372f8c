"""`stats` answered by Neo4j: the counts are aggregated on the server instead of reading
every node and edge over the wire.

The answer is the generic `queries.stats.stats`'s, order included: a count the generic
answer lists by `Counter.most_common` is ordered by count, then by the node (in id order)
where that value first appears, as the generic pass over the nodes meets them.
"""

from __future__ import annotations

from typing import Any

from policygraph.queries.documents import doc_row
from policygraph.queries.stats import REVIEW_FLAGS, Stats

_BLANK = "n.{0} IS NULL OR n.{0} = '' OR n.{0} = 0 OR n.{0} = false"

KINDS = """
MATCH (n:Policygraph)
WITH CASE WHEN n.kind IS NULL OR n.kind = '' THEN '?' ELSE n.kind END AS kind, n
RETURN kind AS key, count(*) AS c, min(n.id) AS first
"""

DOCUMENTS = f"""
MATCH (n:Document:Policygraph)
WITH n, CASE WHEN {_BLANK.format('level')} THEN 'unknown' ELSE n.level END AS level
RETURN level,
       CASE WHEN {_BLANK.format('province')} THEN CASE WHEN level = 'central' THEN '(central)' ELSE 'unknown' END
            ELSE n.province END AS province,
       CASE WHEN {_BLANK.format('year')} THEN 'unknown' ELSE toString(n.year) END AS year,
       coalesce(n.stub, false) = true OR n.source IS NULL AS stub,
       count(*) AS c, min(n.id) AS first
"""

EDGES = """
MATCH (n:Document:Policygraph)-[r]->()
WITH type(r) AS t, count(*) AS c, min(n.id) AS first
MATCH (d:Policygraph {id: first})-[r2]->() WHERE type(r2) = t
RETURN toLower(t) AS key, c, first, min(r2.pg_out) AS pos
"""

FLAGS = """
MATCH (n:Document:Policygraph) WHERE size(n.flags) > 0
UNWIND n.flags AS flag
WITH flag, count(*) AS c, min(n.id) AS first
MATCH (d:Policygraph {id: first})
RETURN flag AS key, c, first, [i IN range(0, size(d.flags) - 1) WHERE d.flags[i] = flag][0] AS pos
"""

FLAGGED = """
MATCH (n:Document:Policygraph) WHERE any(f IN n.flags WHERE f IN $review)
RETURN n.id AS id
"""


def _most_common(rows: list[tuple[Any, int, tuple]]) -> dict[Any, int]:
    """(key, count, first seen) rows as Counter.most_common orders them."""
    return {key: count for key, count, _ in sorted(rows, key=lambda row: (-row[1], row[2]))}


def native_stats(backend: Any, flagged_limit: int | None = 50) -> Stats:
    """queries.stats.stats in five aggregating queries."""
    kinds = _most_common([(r["key"], r["c"], (r["first"],)) for r in backend.read(KINDS)])
    levels: dict[str, list] = {}
    provinces: dict[str, int] = {}
    years: dict[str, int] = {}
    stubs = 0
    for r in backend.read(DOCUMENTS):
        seen = levels.setdefault(r["level"], [0, (r["first"],)])
        seen[0] += r["c"]
        seen[1] = min(seen[1], (r["first"],))
        provinces[r["province"]] = provinces.get(r["province"], 0) + r["c"]
        years[r["year"]] = years.get(r["year"], 0) + r["c"]
        stubs += r["c"] if r["stub"] else 0
    edges = _most_common([(r["key"], r["c"], (r["first"], r["pos"])) for r in backend.read(EDGES)])
    flags = _most_common([(r["key"], r["c"], (r["first"], r["pos"])) for r in backend.read(FLAGS)])
    flagged_ids = sorted(r["id"] for r in backend.read(FLAGGED, review=list(REVIEW_FLAGS)))
    shown = flagged_ids if flagged_limit is None else flagged_ids[:flagged_limit]
    return Stats(
        kinds=kinds,
        edges=edges,
        levels=_most_common([(k, v[0], v[1]) for k, v in levels.items()]),
        provinces=dict(sorted(provinces.items())),
        years=dict(sorted(years.items())),
        stubs=stubs,
        flags=flags,
        flagged=[doc_row(backend, n) for n in shown],
    )
