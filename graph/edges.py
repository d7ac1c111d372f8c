"""Edges of one parsed document: citations, asserted edges, units and places.

Called by the resolver once every mention has its node (graph/identity.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from policygraph.graph.keys import place_id, unit_id
from policygraph.graph.model import Graph
from policygraph.ingest.models import ParsedDocument, Place, UnitMention
from policygraph.text import fold
from policygraph.vocabulary import ROLE_RANK, EdgeType, Flag, Level, NodeKind

if TYPE_CHECKING:
    from policygraph.graph.identity import Mention

RELATION_RANK = {EdgeType.IMPLEMENTS: 3, EdgeType.BASED_ON: 2, EdgeType.REFERENCES: 1}
# what a citation's edge says of how it was written: slips repaired, a number in the other grammar's form
EDGE_FLAGS = frozenset(
    {
        Flag.ISSUER_SLIP,
        Flag.DATE_CONFLICT,
        "ambiguous",
        Flag.PLACE_UNRESOLVED,
        Flag.STATE_IN_PARTY_FORM,
        Flag.PARTY_IN_STATE_FORM,
        "symbol_inferred",
    }
)


def document_edges(
    g: Graph, src: str, d: ParsedDocument, mentions: list[Mention], unit_nodes: UnitNodes | None = None
) -> None:
    best: dict[str, tuple[int, dict]] = {}
    for m, c in zip(mentions, d.citations, strict=True):
        node = m.node
        if node == src:
            continue
        relation = c.relation or EdgeType.REFERENCES
        rank = RELATION_RANK.get(relation, 1)
        have = best.get(node)
        if have is not None and rank <= have[0]:
            continue  # a weaker or equal mention of a document already linked: the first strongest wins
        flags = m.flags
        best[node] = (
            rank,
            {
                "type": relation,
                "stated_in": src,
                "span": [c.start, c.end],
                "evidence": c.evidence or "",
                "asserted": False,
                "written": c.written,
                "flags": sorted(set(flags) & EDGE_FLAGS) if flags else [],
            },
        )
    _add_best(g, src, best)
    share = g.quotes.setdefault
    seen = set()
    for a in d.asserted:
        s, t = mentions[a.source].node, mentions[a.target].node
        if s == t or (s, t) in seen:
            continue
        seen.add((s, t))
        g.edges.append(
            (
                s,
                t,
                f"{a.type}@{src}",
                {
                    "type": a.type,
                    "stated_in": src,
                    "span": [a.start, a.end],
                    "evidence": share(a.evidence, a.evidence) if a.evidence else a.evidence,
                    "asserted": True,
                },
            )
        )
    _unit_edges(g, src, d, unit_nodes)


def named_edges(g: Graph, src: str, d: ParsedDocument, nodes: list[str]) -> None:
    """Edges to the documents `d` names without a number, with the provenance of a citation
    edge: one per named document, the strongest relation (the first mention among equals)."""
    best: dict[str, tuple[int, dict]] = {}
    for u, node in zip(d.unnumbered, nodes, strict=True):
        rank = RELATION_RANK.get(u.relation, 1)
        if node in best and rank <= best[node][0]:
            continue
        best[node] = (
            rank,
            {
                "type": u.relation,
                "stated_in": src,
                "span": [u.start, u.end],
                "evidence": u.evidence,
                "asserted": False,
                "written": u.written,
                "flags": sorted(set(u.flags) & {Flag.PLACE_UNRESOLVED}),
            },
        )
    _add_best(g, src, best)


def change_edges(g: Graph, src: str, d: ParsedDocument, mentions: list[Mention], named: list[str]) -> None:
    """Edges of what documents do to each other (amends, replaces, repeals, guides, consolidates,
    continues, reviews): one per actor, target and type, beside the lineage edge of the same
    citation; an act the text states between two documents it names is `asserted`."""
    share = g.quotes.setdefault
    seen = set()
    for c in d.changes:
        target = named[c.target] if c.target_named else mentions[c.target].node
        if c.source is None:
            source = src
        else:
            source = named[c.source] if c.source_named else mentions[c.source].node
        if source == target or (source, target, c.type) in seen:
            continue
        seen.add((source, target, c.type))
        asserted = c.source is not None
        attrs = {
            "type": c.type,
            "stated_in": src,
            "span": [c.start, c.end],
            "evidence": share(c.evidence, c.evidence) if c.evidence else c.evidence,
            "asserted": asserted,
            "scope": c.scope,
        }
        if c.articles:
            attrs["articles"] = c.articles
        g.edges.append((source, target, f"{c.type}@{src}" if asserted else c.type, attrs))


def _add_best(g: Graph, src: str, best: dict[str, tuple[int, dict]]) -> None:
    """Add the strongest edge to each target, in target order, its quoted sentence shared with equal ones."""
    share = g.quotes.setdefault
    for target, (_, attrs) in sorted(best.items()):
        evidence = attrs["evidence"]
        if evidence:
            attrs["evidence"] = share(evidence, evidence)
        g.edges.append((src, target, attrs["type"], attrs))


def _unit_label(name: str, level: str | None, place: Place, collective: bool) -> str:
    """Display name: "Ban Thường vụ Huyện ủy" of Hớn Quản is "Ban Thường vụ Huyện ủy Hớn Quản"."""
    where = getattr(place, level) if level in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE) else None
    if where and not collective and fold(where) not in fold(name):
        return f"{name} {where}"
    return name


class UnitNodes:
    """The unit nodes of one graph, each unit's id and attributes worked out once.

    A unit is named in many documents (every district's "Ủy ban nhân dân huyện" …), and each
    mention used to spell its id and add its attributes anew: the same attributes added twice
    in a row change nothing, so a node is only written when a mention differs from the last
    one written to it (which keeps "the last mention's non-empty values win").
    """

    def __init__(self, g: Graph) -> None:
        self.g = g
        self._known: dict[tuple, tuple[str, dict]] = {}
        self._last: dict[str, tuple[str, dict]] = {}

    def __call__(self, u: UnitMention) -> str:
        # the place's names, not the Place: hashing and comparing a frozen dataclass runs Python code
        place = u.place
        key = (u.name, u.level, place.province, place.district, place.commune, u.collective, u.unit_type)
        hit = self._known.get(key)
        if hit is None:
            hit = self._known[key] = (
                unit_id(u.name, u.level, place),
                dict(
                    kind=NodeKind.UNIT,
                    name=u.name,
                    label=_unit_label(u.name, u.level, place, bool(u.collective)),
                    unit_type=u.unit_type,
                    collective=bool(u.collective),
                    level=u.level,
                    province=place.province,
                    district=place.district,
                    commune=place.commune,
                ),
            )
        uid = hit[0]
        if self._last.get(uid) is not hit:
            self.g.add_node(uid, **hit[1])
            self._last[uid] = hit
        return uid


def _unit_edges(g: Graph, src: str, d: ParsedDocument, unit_node: UnitNodes | None = None) -> None:
    units = d.units
    unit_node = unit_node or UnitNodes(g)
    share = g.quotes.setdefault

    if units.issuer:
        g.edges.append(
            (
                src,
                unit_node(units.issuer),
                "issued_by",
                {
                    "type": EdgeType.ISSUED_BY,
                    "stated_in": src,
                    "span": [units.issuer.start, units.issuer.end],
                    "evidence": share(units.issuer.written, units.issuer.written) if units.issuer.written else "",
                    "asserted": False,
                    "signer": units.signer_name,
                    "signer_title": units.signer_title,
                },
            )
        )
    # one assigns edge per unit (and per section/body): the strongest role; the first task
    # clause is the edge's task and evidence, any further clauses are kept in more_tasks
    merged: dict[tuple[str, bool], dict] = {}
    for a in units.assigns:
        uid = unit_node(a.unit)
        key = (uid, bool(a.in_body))
        have = merged.get(key)
        if have is None:
            merged[key] = {
                "type": EdgeType.ASSIGNS,
                "stated_in": src,
                "span": [a.start, a.end],
                "evidence": a.evidence or "",
                "asserted": False,
                "role": a.role,
                "task": a.task,
                "deadline": a.deadline,
                "deadline_rule": a.deadline_rule,
                "deadline_text": a.deadline_text,
                "section": a.section,
                "in_body": key[1],
            }
            continue
        more = have.get("more_tasks")
        if more is None:
            more = have["more_tasks"] = []
        more.append(
            {
                "task": a.task,
                "role": a.role,
                "span": [a.start, a.end],
                "deadline": a.deadline,
                "deadline_rule": a.deadline_rule,
                "deadline_text": a.deadline_text,
            }
        )
        if ROLE_RANK[a.role] > ROLE_RANK[have["role"]]:
            have["role"] = a.role
        if not have.get("deadline_rule") and a.deadline_rule:
            have.update(deadline=a.deadline, deadline_rule=a.deadline_rule, deadline_text=a.deadline_text)
    for (uid, in_body), attrs in merged.items():
        evidence = attrs["evidence"]
        if evidence:
            attrs["evidence"] = share(evidence, evidence)
        g.edges.append((src, uid, "assigns@body" if in_body else EdgeType.ASSIGNS, attrs))
    for r in units.recipients:
        uid = unit_node(r.unit)
        g.edges.append(
            (
                src,
                uid,
                f"sent_to@{r.unit.start}",
                {
                    "type": EdgeType.SENT_TO,
                    "stated_in": src,
                    "span": [r.unit.start, r.unit.end],
                    "evidence": share(r.written, r.written) if r.written else "",
                    "asserted": False,
                    "for_report": bool(r.for_report),
                },
            )
        )
    for r in units.reports_to:
        to = unit_node(r.to)
        via = unit_node(r.via) if r.via else None
        reporters = [a.unit for a in units.assigns if a.start <= r.start < a.end]
        for who in {unit_node(u) for u in reporters} - {to}:
            g.edges.append(
                (
                    who,
                    to,
                    f"reports_to@{src}",
                    {
                        "type": EdgeType.REPORTS_TO,
                        "stated_in": src,
                        "span": [r.start, r.end],
                        "evidence": share(r.evidence, r.evidence) if r.evidence else "",
                        "asserted": False,
                        "via": via,
                    },
                )
            )


def place_edges(g: Graph) -> None:
    """Place nodes for every placed document or unit, and district -> province links.

    Thousands of nodes share a few hundred places: each place's chain of nodes and links is
    made once, by the first node (in id order) placed there.
    """
    placed: dict[tuple, str | None] = {}  # (province, district, commune) -> its place id
    nodes = g.nodes
    for node_id in sorted(nodes):
        n = nodes[node_id]
        if n.get("kind") not in (NodeKind.DOCUMENT, NodeKind.UNIT):
            continue
        where = (n.get("province"), n.get("district"), n.get("commune"))
        if where in placed:
            pid = placed[where]
        else:
            pid = placed[where] = _place_chain(g, *where)
        if pid is not None:
            g.edges.append((node_id, pid, EdgeType.LOCATED_IN, {"type": EdgeType.LOCATED_IN}))


def _place_chain(g: Graph, province: str | None, district: str | None, commune: str | None) -> str | None:
    """The id of the place, after adding its nodes and part_of links that `g` lacks (None: not placed)."""
    pid = place_id(province, district, commune)
    if pid is None:
        return None
    chain = [(place_id(province), "province", province, None)]
    if district:
        chain.append((place_id(province, district), "district", district, province))
    if commune:
        chain.append((pid, "commune", commune, district or province))
    for i, (cid, level, name, _parent) in enumerate(chain):
        if cid not in g.nodes:
            g.add_node(
                cid,
                kind=NodeKind.PLACE,
                name=name,
                level=level,
                province=province,
                district=district if level != Level.PROVINCE else None,
            )
            if i:
                g.edges.append((cid, chain[i - 1][0], EdgeType.PART_OF, {"type": EdgeType.PART_OF}))
    return pid
