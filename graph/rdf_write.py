"""Write the RDF of graph/rdf.py: N-Triples, Turtle, JSON-LD; check it against the SHACL shapes.

N-Triples is written line by line as the triples come (a million documents never sit in
memory as rdflib objects); Turtle is that stream re-serialized by pyoxigraph (Rust) with the
vocabularies' prefixes; JSON-LD goes through rdflib, compacted with data/vocab/context.jsonld
and pointing at its published copy.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from policygraph.graph.rdf import Lit, Triple, to_rdflib, triples
from policygraph.graph.rdf_terms import CONTEXT_URL, DEFAULT_BASE, mapping, vocab_path

FORMATS = ("ttl", "jsonld", "nt")

# N-Triples string escapes; other control characters as \\uXXXX (some readers refuse them raw)
_ESCAPES = {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}
_ESCAPES.update({c: f"\\u{c:04X}" for c in range(0x20) if c not in _ESCAPES})
_ESCAPES.update({0x7F: "\\u007F"})


def nt_term(o: str | Lit) -> str:
    if isinstance(o, Lit):
        text = '"' + o.value.translate(_ESCAPES) + '"'
        if o.lang:
            return f"{text}@{o.lang}"
        return f"{text}^^<{o.datatype}>" if o.datatype else text
    return f"<{o}>"


def write_ntriples(items: Iterable[Triple], out: IO[str]) -> int:
    """Write N-Triples; the number of triples written."""
    n = 0
    write = out.write
    batch: list[str] = []
    for s, p, o in items:
        batch.append(f"<{s}> <{p}> {nt_term(o)} .\n")
        if len(batch) >= 10000:
            write("".join(batch))
            n += len(batch)
            batch.clear()
    write("".join(batch))
    return n + len(batch)


def prefixes(base: str) -> dict[str, str]:
    found = {k: v for k, v in mapping().prefixes.items() if k != "schema"}
    found["id"] = base
    return found


def write_rdf(graph: Any, path: str | Path, fmt: str, base: str = DEFAULT_BASE,
              context_url: str = CONTEXT_URL) -> int:
    """Write `graph` to `path` in `fmt` (ttl, jsonld, nt); the number of triples."""
    path = Path(path)
    if fmt == "nt":
        with _replacing(path) as out:
            return write_ntriples(triples(graph, base), out)
    if fmt == "ttl":
        import pyoxigraph as ox

        with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".nt", dir=path.parent,
                                         delete=False) as nt:
            n = write_ntriples(triples(graph, base), nt)
        try:
            parsed = ox.parse(path=nt.name, format=ox.RdfFormat.N_TRIPLES)
            with _replacing(path, binary=True) as out:
                ox.serialize(parsed, out, ox.RdfFormat.TURTLE, prefixes=prefixes(base))
        finally:
            os.unlink(nt.name)
        return n
    if fmt == "jsonld":
        rdf = to_rdflib(graph, base, schema=True)
        text = jsonld_text(rdf, context_url)
        with _replacing(path) as out:
            out.write(text)
        return len(rdf)
    raise ValueError(f"unknown RDF format {fmt!r} (one of {', '.join(FORMATS)})")


def context() -> dict[str, Any]:
    """The JSON-LD context of data/vocab/context.jsonld (its "@context" object)."""
    return json.loads(vocab_path("context.jsonld").read_text("utf-8"))["@context"]


def jsonld_text(rdf: Any, context_url: str = CONTEXT_URL) -> str:
    """Compact JSON-LD whose "@context" is the published context's address."""
    data = json.loads(rdf.serialize(format="json-ld", context=context(), auto_compact=True))
    data["@context"] = context_url
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def read_jsonld(text: str) -> Any:
    """An rdflib Graph of a JSON-LD export, its published context replaced by the local copy."""
    import rdflib

    data = json.loads(text)
    data["@context"] = context()
    return rdflib.Graph().parse(data=json.dumps(data), format="json-ld")


class _replacing:
    """Write to a temporary file beside `path` and rename it over `path` when done: an export
    that fails half way leaves the previous file as it was."""

    def __init__(self, path: Path, binary: bool = False) -> None:
        self.path, self.binary = path, binary

    def __enter__(self) -> IO[Any]:
        fd, self.tmp = tempfile.mkstemp(dir=self.path.parent or ".", prefix=f".{self.path.name}.")
        self.handle = os.fdopen(fd, "wb") if self.binary else os.fdopen(fd, "w", encoding="utf-8")
        return self.handle

    def __exit__(self, exc_type, exc, tb) -> bool:
        self.handle.close()
        if exc_type is None:
            os.replace(self.tmp, self.path)
        else:
            os.unlink(self.tmp)
        return False


def shapes() -> Any:
    import rdflib

    return rdflib.Graph().parse(data=vocab_path("shapes.ttl").read_text("utf-8"), format="turtle")


def violations(rdf: Any) -> list[str]:
    """One line per SHACL violation of `rdf` (an rdflib Graph): the node, the property, the message."""
    import pyshacl
    import rdflib

    conforms, report, _ = pyshacl.validate(rdf, shacl_graph=shapes(), inference="none", advanced=False)
    if conforms:
        return []
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    lines = []
    for result in report.subjects(rdflib.RDF.type, sh.ValidationResult):
        focus = report.value(result, sh.focusNode)
        path = report.value(result, sh.resultPath)
        message = report.value(result, sh.resultMessage)
        where = _short(str(path)) if isinstance(path, rdflib.URIRef) else str(path or "")
        lines.append(f"{focus} {where}: {' '.join(str(message or 'violation').split())}")
    return sorted(lines)


def _short(iri: str) -> str:
    """eli:passed_by for http://data.europa.eu/eli/ontology#passed_by."""
    for prefix, namespace in mapping().prefixes.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>"
