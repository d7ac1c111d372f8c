"""Who is who: the resolver that turns every parsed file into one graph.

Ids are spelled in graph/keys.py; the edges of each document are built in graph/edges.py.

The rules (see ../shared/gold/README.md):

* a *family* is a symbol inside its scope: central symbols have one scope, local
  ones (``/TU``, ``/HU``, ``-UBND`` …) are scoped to their province / district;
* inside a family, the *epoch* tells documents apart: the congress term for Party
  central documents (numbering restarts every term, so 25-NQ/TW of 2003 and of 2013
  are two nodes), the year for everything else;
* a mention with no date and no term joins the family's only epoch, or the one its
  subject or date context picks; otherwise it stays an ``ambiguous`` node listing the
  candidates, never a guess;
* a written term beats a conflicting date (``25-NQ/TW ngày 03/6/2016 … (khóa XI)`` is
  the 2013 resolution) and the conflict is flagged;
* documents named without a number (congress and plenum resolutions, laws by name) follow
  the same idea: a congress is its body's place and its ordinal, so the provincial congress
  two plans of one province name is one node; a plenum is its number and term, a law its
  folded name and year; a mention without the epoch joins its family's only one.

:func:`resolve` is a pure function of the parsed documents, so the graph does not
depend on the order files arrived in.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from policygraph.graph.edges import (
    EDGE_FLAGS,
    UnitNodes,
    change_edges,
    document_edges,
    named_edges,
    place_edges,
)
from policygraph.graph.keys import doc_id, named_doc_id, named_scope, scope_key, unnumbered_id
from policygraph.graph.model import Graph
from policygraph.ingest import tables
from policygraph.ingest.models import Citation, ParsedDocument, Place, UnnumberedMention
from policygraph.ingest.unnumbered import constitution_in_force, doc_type_name, law_key
from policygraph.text import fold
from policygraph.vocabulary import Flag, Level, NodeKind

__all__ = ["Graph", "Mention", "epoch_for", "resolve"]


@dataclass
class Mention:
    """One place where a document is named: its own header, or a citation in another text."""

    family: str
    symbol: str
    grammar: str
    level: str | None
    place: Place
    epoch: str | None
    conflict: bool
    date: str | None
    year: int | None
    term: str | None
    subject: str | None
    issuer: str | None
    doc_type: str | None
    flags: list[str]
    citing_year: int | None
    own: bool = False
    node: str | None = None


def epoch_for(
    grammar: str, level: str | None, date: str | None, year: int | None, term: str | None
) -> tuple[str | None, bool]:
    """(epoch, date-conflicts-with-term) for one mention."""
    if grammar == "party" and level == Level.CENTRAL:
        from_date = tables.term_of(date) if date else (tables.term_of(str(year)) if year else None)
        if term:
            return term, bool(from_date and from_date != term)
        return from_date, False
    return (str(year) if year else None), False


@lru_cache(maxsize=65536)
def _anachronism(symbol: str, grammar: str, date: str | None) -> bool:
    """True when the issuing body did not exist on the date (e.g. a /HU symbol dated after 2025-06-30).

    Cached: a corpus cites the same documents with the same dates over and over, and the
    answer depends on nothing but the arguments and the issuer table.
    """
    if not date:
        return False
    code = symbol.split("/", 1)[1] if grammar == "party" else symbol.rsplit("/", 1)[1].split("-", 1)[-1]
    entry = tables.find_issuer(grammar, code)
    if entry is None:
        return False
    return bool((entry.valid_to and date > entry.valid_to) or (entry.valid_from and date < entry.valid_from))


def _mention_from(
    row: ParsedDocument | Citation,
    hint: str,
    citing_year: int | None,
    *,
    subject: str | None,
    issuer: str | None,
    own: bool = False,
) -> Mention:
    """A mention from a parsed document's own identity or from one of its citations.

    `hint` (the citing text's hash) scopes a local symbol whose place is unknown: such a
    symbol is never merged with another one.
    """
    symbol, grammar, level, place, date, year, term = (
        row.symbol,
        row.grammar or "party",
        row.level,
        row.place,
        row.date,
        row.year,
        row.term,
    )
    scope = scope_key(level, place)
    if scope.startswith("?"):
        scope = f"?{hint}"
    epoch, conflict = epoch_for(grammar, level, date, year, term)
    flags = list(row.flags)
    if _anachronism(symbol, grammar, date):
        flags.append("anachronism")
    return Mention(
        f"{symbol}|{scope}",
        symbol,
        grammar,
        level,
        place,
        epoch,
        conflict,
        date,
        year,
        term,
        subject,
        issuer,
        row.doc_type,
        flags,
        citing_year,
        own,
    )


@lru_cache(maxsize=65536)
def _words(text: str | None) -> frozenset[str]:
    """The folded words of a subject longer than two letters (cached: citations repeat their subjects)."""
    return frozenset(w for w in fold(text or "").split() if len(w) > 2)


def _resolve_family(mentions: list[Mention]) -> None:
    """Give every mention of one family its node id (see module docstring)."""
    hard = sorted({m.epoch for m in mentions if m.epoch})
    family = mentions[0].family
    subjects: dict[str, set[str]] = defaultdict(set)
    first_year: dict[str, int] = {}
    for m in mentions:
        if m.epoch:
            subjects[m.epoch] |= _words(m.subject)
            if m.year and not m.conflict:
                first_year[m.epoch] = min(first_year.get(m.epoch, m.year), m.year)
    symbol, scope = family.split("|", 1)
    for m in mentions:
        if m.epoch:
            m.node = doc_id(symbol, scope, m.epoch)
            continue
        if len(hard) == 1:
            m.node = doc_id(symbol, scope, hard[0])
            continue
        if not hard:
            m.node = doc_id(symbol, scope, None)
            continue
        words = _words(m.subject)
        scores = sorted(((len(words & subjects[e]) / (len(words) or 1), e) for e in hard), reverse=True)
        if words and scores[0][0] >= 0.5 and scores[0][0] > scores[1][0]:
            m.node = doc_id(symbol, scope, scores[0][1])
            continue
        # a text cannot cite a document issued after it: keep the epochs that existed by then
        existing = [e for e in hard if m.citing_year and e in first_year and first_year[e] <= m.citing_year]
        if m.citing_year and len(existing) == 1 and all(e in first_year for e in hard):
            m.node = doc_id(symbol, scope, existing[0])
            continue
        m.node = doc_id(symbol, scope, None)
        m.flags = m.flags + ["ambiguous"]


def resolve(docs: list[ParsedDocument]) -> Graph:
    """All parsed documents (their text is not needed) -> one graph."""
    docs = sorted(docs, key=lambda d: d.path)
    own: list[Mention | None] = []
    cites: list[list[Mention]] = []
    families: dict[str, list[Mention]] = defaultdict(list)
    for i, d in enumerate(docs):
        hint = d.sha256[:10] or str(i)  # of the text, so the id stays when other files come and go
        if d.symbol:
            m = _mention_from(d, hint, d.year, subject=d.title, issuer=d.issuer, own=True)
            families[m.family].append(m)
            own.append(m)
        else:
            own.append(None)
        row = []
        for c in d.citations:
            m = _mention_from(c, hint, d.year, subject=c.subject, issuer=c.issuer_text)
            families[m.family].append(m)
            row.append(m)
        cites.append(row)
    for family in sorted(families):
        _resolve_family(families[family])

    g = Graph()
    by_node: dict[str, list[Mention]] = defaultdict(list)
    for mentions in families.values():
        for m in mentions:
            if m.conflict:
                m.flags = m.flags + ["date_conflict"]
            by_node[m.node].append(m)
    ids: list[str | None] = []
    first_file: dict[str, ParsedDocument] = {}  # node id -> the document (file) that claimed it first
    for i, d in enumerate(docs):
        node_id = own[i].node if own[i] else unnumbered_id(d)
        if node_id in first_file:  # two files claim the same document
            g.nodes[node_id].setdefault("duplicates", []).append(d.path)
            if first_file[node_id].sha256 == d.sha256:
                ids.append(None)  # the same text twice is one document
                continue
            node_id = unnumbered_id(d)  # another text under the same number: kept apart
        first_file[node_id] = d
        ids.append(node_id)
        place = d.place
        g.add_node(
            node_id,
            kind=NodeKind.DOCUMENT,
            symbol=d.symbol,
            doc_type=d.doc_type,
            doc_type_name=d.doc_type_name,
            grammar=d.grammar,
            date=d.date,
            year=d.year,
            term=d.term,
            level=d.level,
            province=place.province,
            district=place.district,
            commune=place.commune,
            issuer=d.issuer,
            title=d.title,
            subject=None,
            source=d.path,
            rel_path=d.rel_path or os.path.basename(d.path),
            stub=False,
            flags=sorted(set(d.flags)),
        )
        if d.effective:
            g.nodes[node_id]["effective"] = d.date if d.effective == "signing" else d.effective
    for node_id, mentions in sorted(by_node.items()):
        _stub_or_merge(g, node_id, mentions, families)
    named = _named_nodes(g, docs)
    unit_nodes = UnitNodes(g)
    for i, d in enumerate(docs):
        if ids[i] is not None:
            document_edges(g, ids[i], d, cites[i], unit_nodes)
            named_edges(g, ids[i], d, named[i])
            change_edges(g, ids[i], d, cites[i], named[i])
    place_edges(g)
    g.edges = _sorted_edges(g.edges)
    return g


def _sorted_edges(edges: list[tuple[str, str, str, dict]]) -> list[tuple[str, str, str, dict]]:
    """The edges by source, target, key and span, equal ones in the order given.

    Sorted per source, then the sources: most of a document's edges share its id, so the
    sort then compares far fewer tuples (2,000 documents: 0.054 -> 0.043 ms per document).
    """
    by_source: dict[str, list] = {}
    for e in edges:
        group = by_source.get(e[0])
        if group is None:
            by_source[e[0]] = [e]
        else:
            group.append(e)
    out: list[tuple[str, str, str, dict]] = []
    for source in sorted(by_source):
        group = by_source[source]
        if len(group) > 1:
            group.sort(key=lambda e: (e[1], e[2], e[3].get("span") or [0, 0]))
        out += group
    return out


def _most_common(values: list) -> object | None:
    """The most frequent non-empty value; among equals the least as a string (None if there is none)."""
    counts: dict = {}
    for v in values:
        if v:
            counts[v] = counts.get(v, 0) + 1
    if len(counts) < 2:  # most stubs are named one way: no Counter, no comparing
        return next(iter(counts), None)
    return min(counts, key=lambda v: (-counts[v], str(v)))


def _stub_or_merge(g: Graph, node_id: str, mentions: list[Mention], families: dict[str, list[Mention]]) -> None:
    cited = [m for m in mentions if not m.own]
    clean = [m for m in cited if not m.conflict]
    first = mentions[0]
    flags = sorted(
        {
            f
            for m in mentions
            for f in m.flags
            if f in EDGE_FLAGS or f == "anachronism"
        }
    )
    date = _most_common([m.date for m in clean])
    epoch = node_id.rsplit("|", 1)[1]
    year = (
        int(date[:4]) if date else (_most_common([m.year for m in clean]) or (int(epoch) if epoch.isdigit() else None))
    )
    place = first.place
    attrs = dict(
        kind=NodeKind.DOCUMENT,
        symbol=first.symbol,
        doc_type=first.doc_type,
        grammar=first.grammar,
        level=first.level,
        term=epoch if first.grammar == "party" and first.level == Level.CENTRAL and epoch != "?" else None,
    )
    if node_id in g.nodes and not g.nodes[node_id].get("stub"):
        node = g.nodes[node_id]
        node["flags"] = sorted(set(node.get("flags", [])) | set(flags))
        node["subject"] = node.get("subject") or _most_common([m.subject for m in cited])
        node["mentions"] = len(cited)
        return
    entry = tables.doc_types().get(first.grammar, {}).get(tables.fold_code(first.doc_type or ""))
    g.add_node(
        node_id,
        **attrs,
        doc_type_name=entry.name if entry else None,
        date=date,
        year=year,
        province=place.province if first.level != Level.CENTRAL else None,
        district=place.district if first.level in (Level.DISTRICT, Level.COMMUNE) else None,
        commune=place.commune if first.level == Level.COMMUNE else None,
        issuer=_most_common([m.issuer for m in clean] or [m.issuer for m in cited]),
        title=None,
        subject=_most_common([m.subject for m in cited]),
        source=None,
        stub=True,
        flags=flags,
        mentions=len(cited),
    )
    if "ambiguous" in flags:
        family = families[first.family]
        g.nodes[node_id]["candidates"] = sorted({m.node for m in family if m.node and m.node != node_id})
    if first.grammar and first.level and first.level != Level.CENTRAL and node_id.split("|")[1].startswith("?"):
        g.nodes[node_id]["flags"] = sorted(set(g.nodes[node_id]["flags"]) | {Flag.PLACE_UNRESOLVED})


@dataclass
class _Named:
    """One mention of a document named without a number, placed in its family."""

    mention: UnnumberedMention
    family: tuple[str, str, str]  # (kind, scope, key)
    epoch: str | None  # congress ordinal, plenum term, law year
    flags: list[str]
    node: str = ""
    citing_year: int | None = None  # the year of the document that names it


def _named_family(u: UnnumberedMention, unknown: str) -> _Named:
    if u.kind == "congress_resolution":
        return _Named(u, (u.kind, named_scope(u.level, u.place, unknown), ""), u.ordinal, list(u.flags))
    if u.kind == "plenum_resolution":  # a local committee's plenum is scoped like its congress
        scope = named_scope(u.level, u.place, unknown)
        return _Named(u, (u.kind, scope, u.ordinal or "?"), u.term, list(u.flags))
    return _Named(u, (u.kind, "", u.key or fold(u.name)), str(u.year) if u.year else None, list(u.flags))


def _named_nodes(g: Graph, docs: list[ParsedDocument]) -> list[list[str]]:
    """Node ids of every document's unnumbered mentions, and their (stub) nodes in `g`."""
    families: dict[tuple[str, str, str], list[_Named]] = defaultdict(list)
    rows = []
    for d in docs:
        row = [_named_family(u, d.sha256[:10]) for u in d.unnumbered]
        for n in row:
            n.citing_year = d.year
        for n in row:
            families[n.family].append(n)
        rows.append(row)
    laws = _ingested_laws(g)
    by_node: dict[str, list[_Named]] = defaultdict(list)
    for family in sorted(families):
        for n in _resolve_named(families[family], laws):
            by_node[n.node].append(n)
    for node_id, mentions in sorted(by_node.items()):
        if node_id in g.nodes and not g.nodes[node_id].get("stub"):
            continue  # a law whose text is ingested: its node is the document's
        _named_node(g, node_id, mentions, families[mentions[0].family])
    return [[n.node for n in row] for row in rows]


def _ingested_laws(g: Graph) -> dict[str, list[tuple[str, int | None]]]:
    """Laws and codes whose own text is ingested, by the key they are named by (law_key)."""
    laws: dict[str, list[tuple[str, int | None]]] = defaultdict(list)
    for node_id, a in g.nodes.items():
        if a.get("source") and a.get("doc_type_name") in ("Luật", "Bộ luật"):
            key = law_key(a.get("title"))
            if key:
                laws[key].append((node_id, a.get("year")))
    return laws


def _resolve_named(mentions: list[_Named], laws: dict[str, list[tuple[str, int | None]]] | None = None) -> list[_Named]:
    """Node ids for one family: a congress named by its years alone joins the ordinal those
    years were written with; a plenum or law without term or year joins the only one known.
    A law named without its number is the ingested law of that name when there is one (of
    the year written, if a year is)."""
    kind, scope, key = mentions[0].family
    ingested = (laws or {}).get(key, []) if kind == "law" else []
    hard = sorted({n.epoch for n in mentions if n.epoch})
    by_period: dict[str, set[str]] = defaultdict(set)
    for n in mentions:
        if n.epoch and n.mention.period:
            by_period[n.mention.period].add(n.epoch)
    for n in mentions:
        epoch = n.epoch
        if epoch is None and kind == "congress_resolution":
            ordinals = by_period.get(n.mention.period or "", set())
            epoch = next(iter(ordinals)) if len(ordinals) == 1 else n.mention.period
        elif epoch is None and kind == "constitution" and n.citing_year:
            in_force = constitution_in_force(n.citing_year)  # the one in force when the text was written
            epoch = str(in_force) if in_force else None
        elif epoch is None and len(hard) == 1:
            epoch = hard[0]
        elif epoch is None and len(hard) > 1:
            n.flags.append("ambiguous")
        known = [  # of the year written; never one passed after the text that names it
            node
            for node, year in ingested
            if (epoch is None or str(year) == epoch) and not (year and n.citing_year and year > n.citing_year)
        ]
        n.node = known[0] if len(known) == 1 else named_doc_id(kind, scope, key, epoch)
    return mentions


def _named_node(g: Graph, node_id: str, mentions: list[_Named], family: list[_Named]) -> None:
    """The stub node of a document named without a number (they are never ingested).

    `family` holds every mention of its family: an ambiguous node lists the nodes the others joined."""
    first = mentions[0].mention
    epoch = node_id.rsplit("|", 1)[1].split("-", 1)[0] if first.kind == "plenum_resolution" else None
    ordinal = _most_common([n.mention.ordinal for n in mentions])
    period = _most_common([n.mention.period for n in mentions])
    term = ordinal if first.kind == "congress_resolution" and first.level == Level.CENTRAL else None
    if first.kind == "plenum_resolution" and epoch != "?":
        term = epoch
    year = _most_common([n.mention.year for n in mentions])
    if term and first.kind == "congress_resolution":
        year = tables.term_years(term)[0] if tables.term_years(term) else None
    elif period:
        year = int(period[:4])
    place = first.place
    flags = sorted({f for n in mentions for f in n.flags})
    g.add_node(
        node_id,
        kind=NodeKind.DOCUMENT,
        symbol=None,
        unnumbered=True,
        unnumbered_kind=first.kind,
        doc_type=first.doc_type,
        doc_type_name=doc_type_name(first.doc_type),
        grammar="state" if first.kind in ("law", "constitution") else "party",
        date=None,
        year=year,
        term=term,
        ordinal=ordinal,
        period=period,
        level=first.level,
        province=place.province,
        district=place.district,
        commune=place.commune,
        issuer=_most_common([n.mention.issuer for n in mentions]),
        title=min((n.mention.name for n in mentions), key=lambda t: (-len(t), t)),
        subject=None,
        source=None,
        stub=True,
        flags=flags,
        mentions=len(mentions),
    )
    if "ambiguous" in flags:
        g.nodes[node_id]["candidates"] = sorted({n.node for n in family if n.node and n.node != node_id})
