"""Who is who: canonical keys for documents, units and places, and the resolver that
turns every parsed file into one graph.

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
  the 2013 resolution) and the conflict is flagged.

:func:`resolve` is a pure function of the parsed documents, so the graph does not
depend on the order files arrived in.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from policygraph.ingest import tables
from policygraph.ingest.models import Place
from policygraph.ingest.places import fold, slug

RELATION_RANK = {"implements": 3, "based_on": 2, "references": 1}
ROLE_RANK = {"lead": 3, "execute": 2, "support": 1}


def scope_key(level: str | None, place: dict | Place | None) -> str:
    """'' for central bodies, else the folded place down to the issuer's level."""
    if level == "central":
        return ""
    if place is None:
        return "?"
    if isinstance(place, dict):
        return _scope_key(level, place.get("province"), place.get("district"), place.get("commune"))
    return _scope_key(level, place.province, place.district, place.commune)


@lru_cache(maxsize=65536)
def _scope_key(level: str | None, province: str | None, district: str | None, commune: str | None) -> str:
    """scope_key of a place given by its names (cached: every unit id of every document needs one)."""
    place = Place(province, district, commune).scope(level)
    parts = [place.province, place.district, place.commune][: {"province": 1, "district": 2}.get(level or "", 3)]
    if not parts or parts[0] is None:
        return "?"
    return "/".join(slug(p) if p else "?" for p in parts).rstrip("/?") or "?"


def place_id(province: str | None, district: str | None = None, commune: str | None = None) -> str | None:
    if not province:
        return None
    parts = (
        [slug(province)] + ([slug(district)] if district else []) + ([slug(commune)] if district and commune else [])
    )
    return "place:" + "/".join(parts)


def unit_id(name: str, level: str | None, place: dict | Place) -> str:
    return f"unit:{slug(name)}|{scope_key(level, place)}"


def doc_id(symbol: str, scope: str, epoch: str | None) -> str:
    return f"doc:{symbol}|{scope}|{epoch or '?'}"


def unnumbered_id(doc: dict) -> str:
    """Id of an ingested document without a number: its place, type, year and a content hash.

    The hash is of the text, not the path, so the id is the same on every machine.
    """
    place = doc.get("place") or {}
    where = "/".join(slug(p) for p in (place.get("province"), place.get("district"), place.get("commune")) if p)
    digest = doc.get("sha256", "")[:10] or hashlib.sha1(doc["path"].encode("utf-8")).hexdigest()[:10]
    return (
        f"doc:~{doc.get('level') or '?'}/{where or '?'}|{doc.get('doc_type') or '?'}|{doc.get('year') or '?'}|{digest}"
    )


@dataclass
class Mention:
    """One place where a document is named: its own header, or a citation in another text."""

    family: str
    symbol: str
    grammar: str
    level: str | None
    place: dict
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
    if grammar == "party" and level == "central":
        from_date = tables.term_of(date) if date else (tables.term_of(str(year)) if year else None)
        if term:
            return term, bool(from_date and from_date != term)
        return from_date, False
    return (str(year) if year else None), False


def _anachronism(symbol: str, grammar: str, date: str | None) -> bool:
    """True when the issuing body did not exist on the date (e.g. a /HU symbol dated after 2025-06-30)."""
    if not date:
        return False
    code = symbol.split("/", 1)[1] if grammar == "party" else symbol.rsplit("/", 1)[1].split("-", 1)[-1]
    entry = tables.find_issuer(grammar, code)
    if entry is None:
        return False
    return bool((entry.valid_to and date > entry.valid_to) or (entry.valid_from and date < entry.valid_from))


def _mention(
    symbol: str,
    grammar: str,
    level: str | None,
    place: dict,
    date: str | None,
    year: int | None,
    term: str | None,
    scope_hint: str,
    **extra,
) -> Mention:
    scope = scope_key(level, place)
    if scope == "?" or scope.startswith("?"):
        scope = f"?{scope_hint}"  # an unplaced local symbol is never merged with another one
    epoch, conflict = epoch_for(grammar, level, date, year, term)
    if _anachronism(symbol, grammar, date):
        extra["flags"] = [*extra.get("flags", []), "anachronism"]
    return Mention(
        family=f"{symbol}|{scope}",
        symbol=symbol,
        grammar=grammar,
        level=level,
        place=place,
        epoch=epoch,
        conflict=conflict,
        date=date,
        year=year,
        term=term,
        **extra,
    )


def _words(text: str | None) -> set[str]:
    return {w for w in fold(text or "").split() if len(w) > 2}


@dataclass
class Graph:
    nodes: dict[str, dict] = field(default_factory=dict)
    edges: list[tuple[str, str, str, dict]] = field(default_factory=list)

    def add_node(self, node_id: str, **attrs) -> dict:
        node = self.nodes.setdefault(node_id, {})
        for k, v in attrs.items():
            if v is not None or k not in node:
                node[k] = v
        return node


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


def resolve(docs: list[dict]) -> Graph:
    """All parsed documents (ParsedDocument dicts, without text) -> one graph."""
    docs = sorted(docs, key=lambda d: d["path"])
    own: list[Mention | None] = []
    cites: list[list[Mention]] = []
    families: dict[str, list[Mention]] = defaultdict(list)
    for i, d in enumerate(docs):
        hint = str(i)
        if d.get("symbol"):
            m = _mention(
                d["symbol"],
                d.get("grammar") or "party",
                d.get("level"),
                d.get("place") or {},
                d.get("date"),
                d.get("year"),
                d.get("term"),
                hint,
                subject=d.get("title"),
                issuer=d.get("issuer"),
                doc_type=d.get("doc_type"),
                flags=list(d.get("flags") or []),
                citing_year=d.get("year"),
                own=True,
            )
            families[m.family].append(m)
            own.append(m)
        else:
            own.append(None)
        row = []
        for c in d.get("citations", []):
            m = _mention(
                c["symbol"],
                c["grammar"],
                c.get("level"),
                c.get("place") or {},
                c.get("date"),
                c.get("year"),
                c.get("term"),
                hint,
                subject=c.get("subject"),
                issuer=c.get("issuer_text"),
                doc_type=c.get("doc_type"),
                flags=list(c.get("flags") or []),
                citing_year=d.get("year"),
            )
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
    first_file: dict[str, dict] = {}  # node id -> the document (file) that claimed it first
    for i, d in enumerate(docs):
        node_id = own[i].node if own[i] else unnumbered_id(d)
        if node_id in first_file:  # two files claim the same document
            g.nodes[node_id].setdefault("duplicates", []).append(d["path"])
            if first_file[node_id].get("sha256") == d.get("sha256"):
                ids.append(None)  # the same text twice is one document
                continue
            node_id = unnumbered_id(d)  # another text under the same number: kept apart
        first_file[node_id] = d
        ids.append(node_id)
        place = d.get("place") or {}
        g.add_node(
            node_id,
            kind="document",
            symbol=d.get("symbol"),
            doc_type=d.get("doc_type"),
            doc_type_name=d.get("doc_type_name"),
            grammar=d.get("grammar"),
            date=d.get("date"),
            year=d.get("year"),
            term=d.get("term"),
            level=d.get("level"),
            province=place.get("province"),
            district=place.get("district"),
            commune=place.get("commune"),
            issuer=d.get("issuer"),
            title=d.get("title"),
            subject=None,
            source=d["path"],
            stub=False,
            flags=sorted(set(d.get("flags") or [])),
        )
    for node_id, mentions in sorted(by_node.items()):
        _stub_or_merge(g, node_id, mentions, families)
    for i, d in enumerate(docs):
        if ids[i] is not None:
            _document_edges(g, ids[i], d, cites[i])
    _places(g)
    g.edges.sort(key=lambda e: (e[0], e[1], e[2], e[3].get("span") or [0, 0]))
    return g


def _most_common(values: list) -> object | None:
    values = [v for v in values if v]
    if not values:
        return None
    counts = Counter(values)
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
            if f in ("issuer_slip", "date_conflict", "ambiguous", "place_unresolved", "anachronism")
        }
    )
    date = _most_common([m.date for m in clean])
    epoch = node_id.rsplit("|", 1)[1]
    year = (
        int(date[:4]) if date else (_most_common([m.year for m in clean]) or (int(epoch) if epoch.isdigit() else None))
    )
    place = first.place or {}
    attrs = dict(
        kind="document",
        symbol=first.symbol,
        doc_type=first.doc_type,
        grammar=first.grammar,
        level=first.level,
        term=epoch if first.grammar == "party" and first.level == "central" and epoch != "?" else None,
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
        province=place.get("province") if first.level != "central" else None,
        district=place.get("district") if first.level in ("district", "commune") else None,
        commune=place.get("commune") if first.level == "commune" else None,
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
    if first.grammar and first.level and first.level != "central" and node_id.split("|")[1].startswith("?"):
        g.nodes[node_id]["flags"] = sorted(set(g.nodes[node_id]["flags"]) | {"place_unresolved"})


def _document_edges(g: Graph, src: str, d: dict, mentions: list[Mention]) -> None:
    best: dict[str, tuple[int, dict, dict]] = {}
    for m, c in zip(mentions, d.get("citations", []), strict=True):
        if m.node == src:
            continue
        rank = RELATION_RANK.get(c.get("relation") or "references", 1)
        attrs = {
            "type": c.get("relation") or "references",
            "stated_in": src,
            "span": [c["start"], c["end"]],
            "evidence": c.get("evidence") or "",
            "asserted": False,
            "written": c.get("written"),
            "flags": sorted(set(m.flags) & {"issuer_slip", "date_conflict", "ambiguous", "place_unresolved"}),
        }
        if m.node not in best or rank > best[m.node][0]:
            best[m.node] = (rank, attrs, c)
    for target, (_, attrs, _c) in sorted(best.items()):
        g.edges.append((src, target, attrs["type"], attrs))
    seen = set()
    for a in d.get("asserted", []):
        s, t = mentions[a["source"]].node, mentions[a["target"]].node
        if s == t or (s, t) in seen:
            continue
        seen.add((s, t))
        g.edges.append(
            (
                s,
                t,
                f"{a['type']}@{src}",
                {
                    "type": a["type"],
                    "stated_in": src,
                    "span": [a["start"], a["end"]],
                    "evidence": a["evidence"],
                    "asserted": True,
                },
            )
        )
    _unit_edges(g, src, d)


def _unit_label(name: str, level: str | None, place: dict, collective: bool) -> str:
    """"Ban Thường vụ Huyện ủy" of Hớn Quản displays as "Ban Thường vụ Huyện ủy Hớn Quản"."""
    where = place.get(level) if level in ("province", "district", "commune") else None
    if where and not collective and fold(where) not in fold(name):
        return f"{name} {where}"
    return name


def _unit_edges(g: Graph, src: str, d: dict) -> None:
    units = d.get("units") or {}

    def unit_node(u: dict) -> str:
        uid = unit_id(u["name"], u.get("level"), u.get("place") or {})
        place = u.get("place") or {}
        g.add_node(
            uid,
            kind="unit",
            name=u["name"],
            label=_unit_label(u["name"], u.get("level"), place, bool(u.get("collective"))),
            unit_type=u.get("unit_type"),
            collective=bool(u.get("collective")),
            level=u.get("level"),
            province=place.get("province"),
            district=place.get("district"),
            commune=place.get("commune"),
        )
        return uid

    if units.get("issuer"):
        g.edges.append(
            (
                src,
                unit_node(units["issuer"]),
                "issued_by",
                {
                    "type": "issued_by",
                    "stated_in": src,
                    "span": [units["issuer"]["start"], units["issuer"]["end"]],
                    "evidence": units["issuer"].get("written") or "",
                    "asserted": False,
                    "signer": units.get("signer_name"),
                    "signer_title": units.get("signer_title"),
                },
            )
        )
    # one assigns edge per unit (and per section/body): the strongest role; the first task
    # clause is the edge's task and evidence, any further clauses are kept in more_tasks
    merged: dict[tuple[str, bool], dict] = {}
    for a in units.get("assigns", []):
        uid = unit_node(a["unit"])
        key = (uid, bool(a.get("in_body")))
        have = merged.get(key)
        if have is None:
            merged[key] = {
                "type": "assigns", "stated_in": src, "span": [a["start"], a["end"]],
                "evidence": a.get("evidence") or "", "asserted": False, "role": a["role"], "task": a.get("task"),
                "deadline": a.get("deadline"), "deadline_rule": a.get("deadline_rule"),
                "deadline_text": a.get("deadline_text"), "section": a.get("section"), "in_body": key[1],
            }
            continue
        have.setdefault("more_tasks", []).append(
            {"task": a.get("task"), "role": a["role"], "span": [a["start"], a["end"]], "deadline": a.get("deadline"),
             "deadline_rule": a.get("deadline_rule"), "deadline_text": a.get("deadline_text")})
        if ROLE_RANK[a["role"]] > ROLE_RANK[have["role"]]:
            have["role"] = a["role"]
        if not have.get("deadline_rule") and a.get("deadline_rule"):
            for k in ("deadline", "deadline_rule", "deadline_text"):
                have[k] = a.get(k)
    for (uid, in_body), attrs in merged.items():
        g.edges.append((src, uid, "assigns@body" if in_body else "assigns", attrs))
    for r in units.get("recipients", []):
        uid = unit_node(r["unit"])
        g.edges.append(
            (
                src,
                uid,
                f"sent_to@{r['unit']['start']}",
                {
                    "type": "sent_to",
                    "stated_in": src,
                    "span": [r["unit"]["start"], r["unit"]["end"]],
                    "evidence": r.get("written") or "",
                    "asserted": False,
                    "for_report": bool(r.get("for_report")),
                },
            )
        )
    for r in units.get("reports_to", []):
        to = unit_node(r["to"])
        via = unit_node(r["via"]) if r.get("via") else None
        reporters = [a["unit"] for a in units.get("assigns", []) if a["start"] <= r["start"] < a["end"]]
        for who in {unit_node(u) for u in reporters} - {to}:
            g.edges.append((who, to, f"reports_to@{src}", {
                "type": "reports_to", "stated_in": src, "span": [r["start"], r["end"]],
                "evidence": r.get("evidence") or "", "asserted": False, "via": via}))


def _places(g: Graph) -> None:
    """Place nodes for every placed document or unit, and district -> province links."""
    for node_id, n in sorted(g.nodes.items()):
        if n.get("kind") not in ("document", "unit"):
            continue
        province, district, commune = n.get("province"), n.get("district"), n.get("commune")
        pid = place_id(province, district, commune)
        if pid is None:
            continue
        chain = [(place_id(province), "province", province, None)]
        if district:
            chain.append((place_id(province, district), "district", district, province))
        if district and commune:
            chain.append((pid, "commune", commune, district))
        for i, (cid, level, name, _parent) in enumerate(chain):
            if cid not in g.nodes:
                g.add_node(
                    cid,
                    kind="place",
                    name=name,
                    level=level,
                    province=province,
                    district=district if level != "province" else None,
                )
                if i:
                    g.edges.append((cid, chain[i - 1][0], "part_of", {"type": "part_of"}))
        g.edges.append((node_id, pid, "located_in", {"type": "located_in"}))
