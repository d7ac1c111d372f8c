"""The tables of the embedded store (one SQLite file) and the keys its indexes use.

* ``files``: what was read — path, content hash, the parse result (compressed JSON) and the
  text (compressed), each with its checksum. The source of truth: everything below is
  derived from it and `policygraph repair` can rebuild it.
* ``pending``: files written since the graph was last brought up to date (an ingest killed
  between the two leaves them here; the next ingest finishes the work).
* ``docs``, ``mentions``, ``named``, ``unit_uses``: the resolver's inputs and decisions, one
  row per document, per numbered mention, per mention without a number and per unit named,
  indexed by family and by node, so that a change re-resolves only what it touches.
* ``nodes``, ``edges``: the graph, with JSON attributes; ``edges.origin`` is the file whose
  text states the edge (its provenance). ``node_places`` holds where each node is, for the
  place nodes; ``words`` the folded words of documents, for search; ``tallies`` the counts
  stats reads; ``removed`` what each generation deleted (for a backend that mirrors the store).
* ``meta``: schema, parse-model fingerprint, generation.

The schema leaves room for tables other features add (a ``warnings`` table): nothing here
lists the tables it expects to find.
"""

from __future__ import annotations

import re

from policygraph.ingest.places import fold

SCHEMA_VERSION = "3"

TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, parsed BLOB NOT NULL, text BLOB NOT NULL,
    parsed_sum TEXT, text_sum TEXT);
CREATE TABLE IF NOT EXISTS pending (path TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS docs (
    path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, claim TEXT NOT NULL, alt TEXT NOT NULL, node TEXT,
    law_key TEXT, attrs TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS docs_claim ON docs (claim, path);
CREATE INDEX IF NOT EXISTS docs_node ON docs (node, path);
CREATE INDEX IF NOT EXISTS docs_law ON docs (law_key);
CREATE TABLE IF NOT EXISTS mentions (
    path TEXT NOT NULL, seq INTEGER NOT NULL, family TEXT NOT NULL, epoch TEXT, node TEXT, flags TEXT,
    own INTEGER NOT NULL, conflict INTEGER NOT NULL, date TEXT, year INTEGER, subject TEXT, issuer TEXT,
    data TEXT NOT NULL, PRIMARY KEY (path, seq)) WITHOUT ROWID;
-- covering: a family's resolved state, and a node's tallies, are read from the index alone
CREATE INDEX IF NOT EXISTS mentions_family ON mentions (family, epoch, subject, year, conflict);
CREATE INDEX IF NOT EXISTS mentions_node ON mentions (node, own, conflict, date, year, subject, issuer, flags);
CREATE TABLE IF NOT EXISTS named (
    path TEXT NOT NULL, seq INTEGER NOT NULL, family TEXT NOT NULL, node TEXT, flags TEXT,
    data TEXT NOT NULL, PRIMARY KEY (path, seq)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS named_family ON named (family);
CREATE INDEX IF NOT EXISTS named_node ON named (node);
CREATE TABLE IF NOT EXISTS unit_uses (
    path TEXT NOT NULL, seq INTEGER NOT NULL, uid TEXT NOT NULL, attrs TEXT NOT NULL,
    PRIMARY KEY (path, seq)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS unit_uses_uid ON unit_uses (uid, attrs, path, seq);
CREATE TABLE IF NOT EXISTS nodes (
    id TEXT PRIMARY KEY, kind TEXT, symbol_key TEXT, name_key TEXT, review INTEGER NOT NULL DEFAULT 0,
    gen INTEGER NOT NULL DEFAULT 0, attrs TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS nodes_kind ON nodes (kind, id);
CREATE INDEX IF NOT EXISTS nodes_symbol ON nodes (symbol_key) WHERE symbol_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS nodes_name ON nodes (name_key) WHERE name_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS nodes_review ON nodes (review, id) WHERE review = 1;
CREATE INDEX IF NOT EXISTS nodes_gen ON nodes (gen);
CREATE TABLE IF NOT EXISTS edges (
    id INTEGER PRIMARY KEY, source TEXT NOT NULL, target TEXT NOT NULL, key TEXT NOT NULL, type TEXT NOT NULL,
    origin TEXT, gen INTEGER NOT NULL DEFAULT 0, attrs TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS edges_source ON edges (source, type);
CREATE INDEX IF NOT EXISTS edges_target ON edges (target, type);
CREATE INDEX IF NOT EXISTS edges_origin ON edges (origin);
CREATE INDEX IF NOT EXISTS edges_gen ON edges (gen);
CREATE TABLE IF NOT EXISTS node_places (
    node TEXT PRIMARY KEY, province TEXT, district TEXT, commune TEXT, p_id TEXT, d_id TEXT, c_id TEXT);
CREATE INDEX IF NOT EXISTS node_places_p ON node_places (p_id, node);
CREATE INDEX IF NOT EXISTS node_places_d ON node_places (d_id, node) WHERE d_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS node_places_c ON node_places (c_id, node) WHERE c_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS words (word TEXT NOT NULL, node TEXT NOT NULL, PRIMARY KEY (word, node)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS words_node ON words (node);
CREATE TABLE IF NOT EXISTS tallies (name TEXT NOT NULL, value TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (name, value)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS removed (gen INTEGER NOT NULL, what TEXT NOT NULL, id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS removed_gen ON removed (gen);
"""

# derived tables: emptied and rebuilt from `files` by a full rebuild (repair, migration)
DERIVED = ("docs", "mentions", "named", "unit_uses", "nodes", "edges", "node_places", "words", "tallies", "removed")

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"[a-z0-9]+")


def loose_key(text: str | None) -> str | None:
    """A symbol or name folded to letters and digits only: '25-NQ/TW', '25 - nq/tw' -> '25nqtw'.

    Looser than any query's own key, so an index lookup by it finds every candidate; the
    query layer then keeps those its own key matches."""
    if not text:
        return None
    return _NOT_ALNUM.sub("", fold(text)) or None


def name_key(text: str | None) -> str | None:
    """A unit's name folded, spaces kept (for the substring lookup of units_by_name)."""
    return fold(text) if text else None


def words_of(*texts: str | None) -> set[str]:
    """The folded words of a document's symbol, title and subject (what search matches)."""
    return {w for t in texts if t for w in _WORD.findall(fold(t))}
