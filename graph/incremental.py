"""Bring the graph tables up to date with files that came, changed or went.

The graph stays equal to :func:`policygraph.graph.identity.resolve` over every stored file
(tests/test_store_incremental.py checks it byte for byte), but an update re-resolves only
what the changed files touch, with the resolver's own functions:

* the families of their numbered mentions (``mentions``, indexed by family), whose
  decisions are compared with the stored ones: a mention whose node changed sends its
  document's edges to be redone, and the nodes on both sides to be rewritten;
* the documents claiming the same node (the first file in path order keeps it);
* the families of their mentions without a number (and of the laws they are);
* their edges, which depend only on the document and the nodes of its mentions, and the
  unit nodes they name (a unit's attributes are the last non-empty values, in path order);
* the nodes whose mentions changed, and the places of every node rewritten.

Nothing else is read: the cost of an update follows the changed files and the families they
touch, not the size of the store.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from policygraph.graph.edges import UnitNodes, change_edges, document_edges, named_edges
from policygraph.graph.identity import (
    Mention,
    _mention_from,
    _Named,
    _named_family,
    _named_node,
    _resolve_family,
    _resolve_named,
    _stub_or_merge,
    _words,
)
from policygraph.graph.keys import doc_id, unnumbered_id
from policygraph.graph.model import Graph
from policygraph.graph.writer import GraphWriter, dumps
from policygraph.ingest.codec import from_data, to_data
from policygraph.ingest.models import ParsedDocument, Place, UnnumberedMention
from policygraph.ingest.unnumbered import law_key

LAW_TYPES = ("Luật", "Bộ luật")


@dataclass
class _Touched:
    families: set[str] = field(default_factory=set)
    named: set[str] = field(default_factory=set)  # JSON [kind, scope, key]
    laws: set[str] = field(default_factory=set)
    claims: set[str] = field(default_factory=set)
    reclaim: set[str] = field(default_factory=set)  # paths whose own node may have changed
    docs: set[str] = field(default_factory=set)  # paths whose edges are redone
    nodes: set[str] = field(default_factory=set)  # numbered and ingested document nodes
    named_nodes: set[str] = field(default_factory=set)
    units: set[str] = field(default_factory=set)


def doc_attrs(d: ParsedDocument) -> dict:
    """The node of an ingested document, as resolve() first adds it."""
    place = d.place
    attrs = dict(
        kind="document", symbol=d.symbol, doc_type=d.doc_type, doc_type_name=d.doc_type_name, grammar=d.grammar,
        date=d.date, year=d.year, term=d.term, level=d.level, province=place.province, district=place.district,
        commune=place.commune, issuer=d.issuer, title=d.title, subject=None, source=d.path,
        rel_path=d.rel_path or os.path.basename(d.path), stub=False,
        flags=sorted(set(d.flags)),
    )
    if d.effective:
        attrs["effective"] = d.date if d.effective == "signing" else d.effective
    return attrs


# -- mentions as rows -------------------------------------------------------------------------
def _mention_data(m: Mention) -> str:
    p = m.place
    return json.dumps([m.symbol, m.grammar, m.level, [p.province, p.district, p.commune], m.conflict, m.date, m.year,
                       m.term, m.subject, m.issuer, m.doc_type, m.flags, m.citing_year, m.own], ensure_ascii=False)


def _mention(family: str, epoch: str | None, data: str) -> Mention:
    (symbol, grammar, level, place, conflict, date, year, term, subject, issuer, doc_type, flags, citing_year,
     own) = json.loads(data)
    return Mention(family, symbol, grammar, level, Place(*place), epoch, conflict, date, year, term, subject, issuer,
                   doc_type, flags, citing_year, own)


def _named_data(n: _Named) -> str:
    return json.dumps({"m": to_data(n.mention), "e": n.epoch, "f": n.flags, "y": n.citing_year}, ensure_ascii=False)


def _named(family: str, data: str) -> _Named:
    raw = json.loads(data)
    return _Named(from_data(UnnumberedMention, raw["m"]), tuple(json.loads(family)), raw["e"], raw["f"],
                  citing_year=raw["y"])


class _Resolved:
    """What edges need of a mention: its node and flags."""

    __slots__ = ("flags", "node")

    def __init__(self, node: str, flags: list[str]) -> None:
        self.node, self.flags = node, flags


class _FamilyNodes(dict):
    """families[f] for _stub_or_merge's candidates, read from the table only when asked."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__()
        self.conn = conn

    def __missing__(self, family: str) -> list[_Resolved]:
        rows = self.conn.execute("SELECT DISTINCT node FROM mentions WHERE family=?", (family,)).fetchall()
        self[family] = [_Resolved(n, []) for (n,) in rows]
        return self[family]


class _Recorder(UnitNodes):
    """UnitNodes that also lists every unit named, in order, with the attributes it gives."""

    def __init__(self, g: Graph) -> None:
        super().__init__(g)
        self.calls: list[tuple[str, dict]] = []

    def __call__(self, u) -> str:
        uid = super().__call__(u)
        self.calls.append((uid, self._last[uid][1]))
        return uid


# -- the update ------------------------------------------------------------------------------------
def update(conn: sqlite3.Connection, writer: GraphWriter, paths: Iterable[str],
           load: Callable[[str], ParsedDocument | None]) -> None:
    """Make the graph tables right for `paths` as `load` gives them now (None: the file is gone)."""
    t = _Touched()
    fresh: dict[str, ParsedDocument] = {}
    for path in sorted(set(paths)):
        _forget(conn, path, t)
        d = load(path)
        if d is not None:
            fresh[path] = d
            _record(conn, d, t)
    _families(conn, t)
    _claims(conn, t)
    _named_families(conn, t)
    for path in sorted(t.docs):
        _edges(conn, writer, path, fresh.get(path), load, t)
    for node_id in sorted(t.nodes):
        _document_node(conn, writer, node_id)
    for node_id in sorted(t.named_nodes - t.nodes):
        _named_stub(conn, writer, node_id)
    for uid in sorted(t.units):
        _unit_node(conn, writer, uid)
    writer.finish_places()
    writer.flush_tallies()


def _forget(conn: sqlite3.Connection, path: str, t: _Touched) -> None:
    row = conn.execute("SELECT claim, node, law_key FROM docs WHERE path=?", (path,)).fetchone()
    if row is not None:
        claim, node, law = row
        t.claims.add(claim)
        if node:
            t.nodes.add(node)
        if law:
            t.laws.add(law)
    for family, node in conn.execute("SELECT family, node FROM mentions WHERE path=?", (path,)):
        t.families.add(family)
        if node:
            t.nodes.add(node)
    for family, node in conn.execute("SELECT family, node FROM named WHERE path=?", (path,)):
        t.named.add(family)
        if node:
            t.named_nodes.add(node)
    t.docs.add(path)
    for table in ("mentions", "named", "docs"):
        conn.execute(f"DELETE FROM {table} WHERE path=?", (path,))


def _record(conn: sqlite3.Connection, d: ParsedDocument, t: _Touched) -> None:
    """The resolver's inputs from one parse result (identity.resolve makes the same)."""
    hint = d.sha256[:10] or "0"
    rows = []
    if d.symbol:
        rows.append((-1, _mention_from(d, hint, d.year, subject=d.title, issuer=d.issuer, own=True)))
    for i, c in enumerate(d.citations):
        rows.append((i, _mention_from(c, hint, d.year, subject=c.subject, issuer=c.issuer_text)))
    conn.executemany(
        "INSERT INTO mentions (path, seq, family, epoch, own, conflict, date, year, subject, issuer, data) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [(d.path, seq, m.family, m.epoch, m.own, m.conflict, m.date, m.year, m.subject, m.issuer, _mention_data(m))
         for seq, m in rows],
    )
    t.families.update(m.family for _, m in rows)
    named = []
    for i, u in enumerate(d.unnumbered):
        n = _named_family(u, d.sha256[:10])
        n.citing_year = d.year
        named.append((d.path, i, json.dumps(list(n.family), ensure_ascii=False), _named_data(n)))
    conn.executemany("INSERT INTO named (path, seq, family, data) VALUES (?,?,?,?)", named)
    t.named.update(row[2] for row in named)
    law = law_key(d.title) if d.doc_type_name in LAW_TYPES else None
    if law:
        t.laws.add(law)
    conn.execute(
        "INSERT INTO docs (path, sha256, claim, alt, node, law_key, attrs) VALUES (?,?,?,?,NULL,?,?)",
        (d.path, d.sha256, "", unnumbered_id(d), law, dumps(doc_attrs(d))),
    )
    t.reclaim.add(d.path)
    t.docs.add(d.path)


def _state(conn: sqlite3.Connection, family: str) -> list[Mention]:
    """A family's resolved state as one stand-in mention per epoch, read from the covering index.

    Placing a mention needs only the family's epochs, the words of each epoch's subjects and
    each epoch's first year (identity._resolve_family): a stand-in per epoch carrying exactly
    those gives every other mention the node the whole family would give it, and a mention
    with an epoch never changes node. So an update re-places only the family's mentions
    without an epoch (few) and its new ones, however many documents cite the family."""
    words: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for epoch, subject, year, conflict in conn.execute(
        "SELECT DISTINCT epoch, subject, year, conflict FROM mentions WHERE family=? AND epoch IS NOT NULL",
        (family,),
    ):
        words.setdefault(epoch, set()).update(_words(subject))
        if year and not conflict:
            first[epoch] = min(first.get(epoch, year), year)
    return [Mention(family, "", "", None, Place(), epoch, False, None, first.get(epoch), None,
                    " ".join(sorted(words[epoch])), None, None, [], None) for epoch in sorted(words)]


def _families(conn: sqlite3.Connection, t: _Touched) -> None:
    """Re-place the mentions a family's state decides (those without an epoch) and the new ones;
    note the mentions whose node or flags changed."""
    for family in sorted(t.families):
        rows = conn.execute(
            "SELECT path, seq, epoch, node, flags, data FROM mentions WHERE family=? AND epoch IS NULL "
            "UNION ALL SELECT path, seq, epoch, node, flags, data FROM mentions "
            "WHERE family=? AND epoch IS NOT NULL AND node IS NULL ORDER BY path, seq", (family, family)
        ).fetchall()
        state = _state(conn, family)
        if rows:
            mentions = [_mention(family, epoch, data) for _, _, epoch, _, _, data in rows]
            _resolve_family(state + mentions)
        else:
            mentions = []
        changed = []
        for (path, seq, _, node, flags, _), m in zip(rows, mentions, strict=True):
            new_flags = json.dumps(m.flags + ["date_conflict"] if m.conflict else m.flags)
            if m.node == node and new_flags == flags:
                continue
            changed.append((m.node, new_flags, path, seq))
            t.nodes.update(n for n in (node, m.node) if n)
            if seq == -1:
                t.reclaim.add(path)
            else:
                t.docs.add(path)
        conn.executemany("UPDATE mentions SET node=?, flags=? WHERE path=? AND seq=?", changed)
        symbol, scope = family.split("|", 1)
        t.nodes.add(doc_id(symbol, scope, None))  # the family's ambiguous node lists the others


def _claims(conn: sqlite3.Connection, t: _Touched) -> None:
    """Which file's document each node is: the first in path order; the same text again is
    no document, another text under the same number is kept apart (resolve does the same)."""
    for path in sorted(t.reclaim):
        row = conn.execute("SELECT claim, alt FROM docs WHERE path=?", (path,)).fetchone()
        if row is None:
            continue
        own = conn.execute("SELECT node FROM mentions WHERE path=? AND seq=-1", (path,)).fetchone()
        claim = own[0] if own else row[1]
        if claim != row[0]:
            conn.execute("UPDATE docs SET claim=? WHERE path=?", (claim, path))
            t.claims.update(c for c in (row[0], claim) if c)
    for claim in sorted(t.claims - {""}):
        rows = conn.execute(
            "SELECT path, sha256, alt, node, law_key FROM docs WHERE claim=? ORDER BY path", (claim,)
        ).fetchall()
        t.nodes.add(claim)
        for i, (path, sha, alt, node, law) in enumerate(rows):
            new = claim if i == 0 else (None if sha == rows[0][1] else alt)
            if new == node:
                continue
            conn.execute("UPDATE docs SET node=? WHERE path=?", (new, path))
            t.docs.add(path)
            t.nodes.update(n for n in (node, new) if n)
            if law:
                t.laws.add(law)


def _named_families(conn: sqlite3.Connection, t: _Touched) -> None:
    t.named.update(json.dumps(["law", "", key], ensure_ascii=False) for key in t.laws)
    for family in sorted(t.named):
        rows = conn.execute(
            "SELECT path, seq, node, flags, data FROM named WHERE family=? ORDER BY path, seq", (family,)
        ).fetchall()
        if not rows:
            continue
        mentions = [_named(family, data) for *_, data in rows]
        kind, _, key = mentions[0].family
        laws = {}
        if kind == "law":
            laws[key] = [(node, json.loads(attrs).get("year")) for node, attrs in conn.execute(
                "SELECT node, attrs FROM docs WHERE law_key=? AND node IS NOT NULL ORDER BY path", (key,))]
        _resolve_named(mentions, laws)
        changed = []
        for (path, seq, node, flags, _), n in zip(rows, mentions, strict=True):
            new_flags = json.dumps(n.flags)
            if n.node == node and new_flags == flags:
                continue
            changed.append((n.node, new_flags, path, seq))
            t.named_nodes.update(x for x in (node, n.node) if x)
            t.docs.add(path)
        conn.executemany("UPDATE named SET node=?, flags=? WHERE path=? AND seq=?", changed)
        t.named_nodes.update(n.node for n in mentions)  # an ambiguous node lists the others: families are small


def _edges(conn: sqlite3.Connection, writer: GraphWriter, path: str, doc: ParsedDocument | None,
           load: Callable[[str], ParsedDocument | None], t: _Touched) -> None:
    """Redo the edges a document's text states, and note the units it names."""
    t.units.update(uid for (uid,) in conn.execute("SELECT DISTINCT uid FROM unit_uses WHERE path=?", (path,)))
    conn.execute("DELETE FROM unit_uses WHERE path=?", (path,))
    writer.drop_edges_of(path)
    row = conn.execute("SELECT node FROM docs WHERE path=?", (path,)).fetchone()
    if row is None or row[0] is None:
        return
    d = doc if doc is not None else load(path)
    if d is None:
        return
    src = row[0]
    cites = [_Resolved(node, json.loads(flags)) for node, flags in conn.execute(
        "SELECT node, flags FROM mentions WHERE path=? AND seq>=0 ORDER BY seq", (path,))]
    named = [node for (node,) in conn.execute("SELECT node FROM named WHERE path=? ORDER BY seq", (path,))]
    g = Graph()
    recorder = _Recorder(g)
    document_edges(g, src, d, cites, recorder)
    named_edges(g, src, d, named)
    change_edges(g, src, d, cites, named)
    merged: dict[tuple[str, str, str], dict] = {}
    # one edge per key, as the resolver's sorted edge list gives it to networkx (graph/nxbuild.py _networkx)
    for u, v, key, attrs in sorted(g.edges, key=lambda e: (e[0], e[1], e[2], e[3].get("span") or [0, 0])):
        have = merged.get((u, v, key))
        merged[(u, v, key)] = attrs if have is None else {**have, **attrs}
    writer.add_edges(path, [(u, v, key, attrs) for (u, v, key), attrs in merged.items()])
    conn.executemany("INSERT INTO unit_uses VALUES (?,?,?,?)",
                     [(path, i, uid, dumps(attrs)) for i, (uid, attrs) in enumerate(recorder.calls)])
    t.units.update(uid for uid, _ in recorder.calls)


def _document_node(conn: sqlite3.Connection, writer: GraphWriter, node_id: str) -> None:
    """A numbered document's node: the ingested file's, merged with what cites it, or a stub."""
    g = Graph()
    for (attrs,) in conn.execute("SELECT attrs FROM docs WHERE node=? ORDER BY path", (node_id,)):
        g.add_node(node_id, **json.loads(attrs))
    if node_id in g.nodes:
        others = [p for (p,) in conn.execute("SELECT path FROM docs WHERE claim=? ORDER BY path", (node_id,))][1:]
        if others:
            g.nodes[node_id]["duplicates"] = others
    mentions = _node_mentions(conn, node_id)
    if mentions:
        _stub_or_merge(g, node_id, mentions, _FamilyNodes(conn))
    if node_id in g.nodes:
        writer.put_node(node_id, g.nodes[node_id])
    else:
        writer.drop_node(node_id)


def _node_mentions(conn: sqlite3.Connection, node_id: str) -> list[Mention]:
    """The mentions of a node as _stub_or_merge reads them: the first one whole, then one shared
    stand-in per distinct (own, conflict, date, year, subject, issuer, flags), repeated as often
    as it occurs (counted in the covering index: a resolution cited 100,000 times is not
    100,000 rows decoded)."""
    head = conn.execute(
        "SELECT family, epoch, own, conflict, date, year, subject, issuer, flags, data FROM mentions "
        "WHERE node=? ORDER BY path, seq LIMIT 1", (node_id,)).fetchone()
    if head is None:
        return []
    first = _mention(head[0], head[1], head[-1])
    first.flags, first.node = json.loads(head[8]), node_id
    out = [first]
    skip = tuple(head[2:9])
    for own, conflict, date, year, subject, issuer, flags, n in conn.execute(
        "SELECT own, conflict, date, year, subject, issuer, flags, count(*) FROM mentions WHERE node=? "
        "GROUP BY own, conflict, date, year, subject, issuer, flags", (node_id,)
    ):
        if (own, conflict, date, year, subject, issuer, flags) == skip:
            n -= 1
        stand_in = Mention(first.family, first.symbol, first.grammar, first.level, first.place, None, bool(conflict),
                           date, year, None, subject, issuer, first.doc_type, json.loads(flags), None, bool(own),
                           node_id)
        out += [stand_in] * n
    return out


def _named_stub(conn: sqlite3.Connection, writer: GraphWriter, node_id: str) -> None:
    """The stub of a document named without a number (unless it is an ingested document)."""
    if conn.execute("SELECT 1 FROM docs WHERE node=?", (node_id,)).fetchone():
        return
    rows = conn.execute("SELECT family, flags, data FROM named WHERE node=? ORDER BY path, seq", (node_id,)).fetchall()
    if not rows:
        writer.drop_node(node_id)
        return
    mentions = []
    for family, flags, data in rows:
        n = _named(family, data)
        n.flags, n.node = json.loads(flags), node_id
        mentions.append(n)
    family = [_Resolved(n, []) for (n,) in conn.execute("SELECT node FROM named WHERE family=?", (rows[0][0],))]
    g = Graph()
    _named_node(g, node_id, mentions, family)
    writer.put_node(node_id, g.nodes[node_id])


def _unit_node(conn: sqlite3.Connection, writer: GraphWriter, uid: str) -> None:
    """A unit's node: each of its forms' last use, in path order, added as UnitNodes adds them."""
    last = conn.execute(
        "SELECT attrs, max(path) FROM unit_uses WHERE uid=? GROUP BY attrs", (uid,)
    ).fetchall()
    if not last:
        writer.drop_node(uid)
        return
    ordered = []
    for attrs, path in last:
        (seq,) = conn.execute("SELECT max(seq) FROM unit_uses WHERE path=? AND uid=? AND attrs=?",
                              (path, uid, attrs)).fetchone()
        ordered.append((path, seq, attrs))
    g = Graph()
    for _, _, attrs in sorted(ordered):
        g.add_node(uid, **json.loads(attrs))
    writer.put_node(uid, g.nodes[uid])
