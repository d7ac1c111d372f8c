"""The RDF names of the graph: IRIs of nodes and edges, and the mapping table they follow.

One table (data/vocab/mapping.json) says which property every attribute and edge type
becomes; graph/rdf.py writes by it and graph/rdf_read.py reads back by it, so the two
cannot drift apart. IRIs are built from the canonical node ids of graph/keys.py and
percent-encoded: the same document gets the same IRI on every run and machine, and no
text read from a document can end up unescaped inside an IRI.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import quote, unquote

DEFAULT_BASE = "https://w3id.org/policygraph/id/"
CONTEXT_URL = "https://w3id.org/policygraph/context.jsonld"  # where data/vocab/context.jsonld is published

# A base IRI given by a publisher: a scheme, no character that needs escaping in an IRI,
# and a last "/" or "#" so that node names follow it.
_BASE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*[/#]$")
_KIND_PREFIX = re.compile(r"^([a-z]+):(.*)$", re.S)


class BaseIRIError(ValueError):
    """A --base that is no usable IRI (the message is one line)."""


def check_base(base: str) -> str:
    if not _BASE.match(base or ""):
        raise BaseIRIError(f"not a usable base IRI (a scheme, no spaces or <>\"{{}}|\\^`, ending in / or #): {base!r}")
    return base


def vocab_path(name: str) -> Any:
    """A file of data/vocab (vocabulary, shapes, context, mapping table)."""
    return resources.files("policygraph").joinpath("data", "vocab", name)


@dataclass(frozen=True)
class Mapping:
    """data/vocab/mapping.json with prefixed names expanded to full IRIs."""

    prefixes: dict[str, str]
    kinds: dict[str, tuple[str, ...]]  # kind -> classes (the first identifies the kind)
    attributes: dict[str, tuple[str, str, str | None]]  # attribute -> (property, value type, otherwise)
    edges: dict[str, str]  # edge type -> property of the direct triple
    edges_from: dict[tuple[str, str], str]  # (edge type, source kind) -> property, where it differs
    inverses: dict[str, str]
    schema: dict[str, str]  # edge type -> schema.org property (JSON-LD)
    roles: dict[str, str]  # assignment role -> prov:Role individual
    central_jurisdiction: str
    edge_types: dict[str, str]  # property of a direct triple -> edge type
    fingerprint: str  # of the table: part of the key of a cached SPARQL store

    def expand(self, name: str) -> str:
        prefix, _, local = name.partition(":")
        return self.prefixes[prefix] + local if prefix in self.prefixes else name

    @property
    def pg(self) -> str:
        return self.prefixes["pg"]

    @property
    def doc_types(self) -> str:
        return self.prefixes["pgt"]

    def edge_property(self, edge_type: str, source_kind: str | None = None) -> str:
        """The direct triple's property; a type the table does not know gets one of pg's own."""
        found = self.edges_from.get((edge_type, source_kind or "")) or self.edges.get(edge_type)
        return found or self.pg + "edge-" + quote(edge_type, safe="")

    def edge_type(self, prop: str) -> str | None:
        """The edge type a direct triple's property stands for (None: not an edge)."""
        return self.edge_types.get(prop) or (
            unquote(prop[len(self.pg) + 5:]) if prop.startswith(self.pg + "edge-") else None)


@lru_cache(maxsize=1)
def mapping() -> Mapping:
    raw = vocab_path("mapping.json").read_bytes()
    table = json.loads(raw)
    prefixes = table["prefixes"]

    def x(name: str) -> str:
        prefix, _, local = name.partition(":")
        return prefixes[prefix] + local

    edges = {t: x(e["property"]) for t, e in table["edges"].items()}
    edges_from = {(t, kind): x(p) for t, e in table["edges"].items() for kind, p in e.get("from", {}).items()}
    return Mapping(
        prefixes=prefixes,
        kinds={kind: tuple(x(c) for c in classes) for kind, classes in table["kinds"].items()},
        attributes={name: (x(a["property"]), a["value"], x(a["otherwise"]) if a.get("otherwise") else None)
                    for name, a in table["attributes"].items()},
        edges=edges,
        edges_from=edges_from,
        inverses={t: x(e["inverse"]) for t, e in table["edges"].items() if e.get("inverse")},
        schema={t: x(e["schema"]) for t, e in table["edges"].items() if e.get("schema")},
        roles={role: x(iri) for role, iri in table["roles"].items()},
        central_jurisdiction=table["jurisdiction_of_central"],
        edge_types={**{p: t for (t, _), p in edges_from.items()}, **{p: t for t, p in edges.items()}},
        fingerprint=hashlib.sha1(raw).hexdigest()[:12],
    )


@lru_cache(maxsize=1 << 20)  # a document's IRI is asked for by each of its edges
def node_iri(node_id: str, base: str = DEFAULT_BASE) -> str:
    """``doc:25-NQ/TW||XI`` -> ``BASE doc/25-NQ%2FTW%7C%7CXI``: the id's kind prefix becomes
    a path segment and the rest is percent-encoded whole (only unreserved characters stay)."""
    found = _KIND_PREFIX.match(node_id)
    if found:
        return f"{base}{found[1]}/{quote(found[2], safe='')}"
    return f"{base}node/{quote(node_id, safe='')}"


def node_id(iri: str, base: str = DEFAULT_BASE) -> str | None:
    """The node id an IRI of `node_iri` names, None for any other IRI."""
    if not iri.startswith(base):
        return None
    kind, sep, rest = iri[len(base):].partition("/")
    if not sep or kind == "edge" or not kind.isalpha():
        return None
    return unquote(rest) if kind == "node" else f"{kind}:{unquote(rest)}"


def edge_iri(source: str, key: str, target: str, base: str = DEFAULT_BASE) -> str:
    """An edge's own IRI (its evidence, its assignment): a hash of its canonical ends and key,
    which the multigraph keeps unique per pair of nodes."""
    digest = hashlib.sha1(f"{source}\x1f{key}\x1f{target}".encode()).hexdigest()[:24]
    return f"{base}edge/{digest}"


def doc_type_iri(grammar: str | None, code: str) -> str:
    """Concept of the scheme of document types: party and state codes differ (TT is a party
    'Thông tri' and a state 'Thông tư'), so the grammar is part of the name."""
    return f"{mapping().doc_types}{quote(grammar or 'other', safe='')}/{quote(code, safe='')}"


def doc_type_of(iri: str) -> tuple[str, str] | None:
    """(grammar, code) of a document-type concept IRI."""
    prefix = mapping().doc_types
    if not iri.startswith(prefix):
        return None
    grammar, _, code = iri[len(prefix):].partition("/")
    return unquote(grammar), unquote(code)
