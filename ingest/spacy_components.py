"""spaCy pipeline components that wrap the plain-regex recognisers.

The ingest path calls `find_citations` and the unit rules directly (they are fast);
these components expose the same rules to spaCy users as labelled spans:

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.add_pipe("policygraph_citations")
    nlp.add_pipe("policygraph_units")
    doc = nlp(text)
    doc.spans["policygraph_units"]  # spans labelled with the unit type
    span._.unit_name, span._.collective, doc._.citations

Matching runs on the raw text; character offsets become spans with
`doc.char_span(..., alignment_mode="expand")`, so any tokenizer works.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from policygraph.ingest.units import find_units

CITATIONS_KEY = "policygraph_citations"
UNITS_KEY = "policygraph_units"


def _set_extensions() -> None:
    for name in ("symbol", "doc_type", "unit_name", "unit_type", "collective"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for name in ("citations", "units"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class CitationRecognizer:
    """Labels each numbered document a text cites; label = document type code ("NQ", "KH", …)."""

    def __init__(self, spans_key: str = CITATIONS_KEY) -> None:
        _set_extensions()
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        from policygraph.ingest.citation_finder import find_citations

        citations = find_citations(doc.text)
        spans = []
        for c in citations:
            span = doc.char_span(c.start, c.end, label=c.doc_type or "DOC", alignment_mode="expand")
            if span is None:
                continue
            span._.symbol, span._.doc_type = c.symbol, c.doc_type
            spans.append(span)
        doc.spans[self.spans_key] = spans
        doc._.citations = citations
        return doc


class UnitRecognizer:
    """Labels units and collectives of units; label = unit type ("party_board", "department", …)."""

    def __init__(self, spans_key: str = UNITS_KEY) -> None:
        _set_extensions()
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        found = find_units(doc.text)
        spans = []
        for f in found:
            span = doc.char_span(f.start, f.end, label=f.unit_type, alignment_mode="expand")
            if span is None:
                continue
            span._.unit_name, span._.unit_type, span._.collective = f.name, f.unit_type, f.collective
            spans.append(span)
        doc.spans[self.spans_key] = spans
        doc._.units = found
        return doc


@Language.factory("policygraph_citations", default_config={"spans_key": CITATIONS_KEY})
def make_citation_recognizer(nlp: Language, name: str, spans_key: str) -> CitationRecognizer:
    """Entry point `spacy_factories: policygraph_citations`."""
    return CitationRecognizer(spans_key)


@Language.factory("policygraph_units", default_config={"spans_key": UNITS_KEY})
def make_unit_recognizer(nlp: Language, name: str, spans_key: str) -> UnitRecognizer:
    """Entry point `spacy_factories: policygraph_units`."""
    return UnitRecognizer(spans_key)
