"""The spaCy components find the same citations and units as the plain functions."""

from __future__ import annotations

from pathlib import Path

import spacy

from policygraph.ingest.citation_finder import find_citations
from policygraph.ingest.unit_finder import find_units

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "samples" / "000_577edf508b5619ca.txt"


def _nlp():
    # no import of spacy_components here: the factories must be found through the entry points
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.add_pipe("policygraph_citations")
    nlp.add_pipe("policygraph_units")
    return nlp


def test_pipeline_labels_citations_and_units_on_a_seed():
    text = SAMPLE.read_text(encoding="utf-8")
    doc = _nlp()(text)
    cites = doc.spans["policygraph_citations"]
    units = doc.spans["policygraph_units"]
    assert len(cites) == len(find_citations(text)) > 10
    assert any(s._.symbol == "45-KH/HU" or s._.symbol == "01-ĐA/TU" for s in cites)
    assert {s.label_ for s in cites} >= {"ĐA", "KH"}
    names = {s._.unit_name for s in units}
    assert {"Ban Dân vận Huyện ủy", "Ban Tuyên giáo Huyện ủy", "Phòng Nội vụ huyện"} <= names
    bdv = next(s for s in units if s._.unit_name == "Ban Dân vận Huyện ủy")
    assert bdv.label_ == "party_board" and "Ban Dân vận" in bdv.text
    coll = next(s for s in units if s.text.startswith("Các chi, đảng bộ trực thuộc Huyện ủy"))
    assert coll._.collective is True
    assert len(units) == len(find_units(text))


def test_spans_cover_the_matched_characters():
    text = "Giao Ban Dân vận Tỉnh ủy chủ trì, phối hợp với Sở Nội vụ thực hiện Kế hoạch số 12-KH/TU."
    doc = _nlp()(text)
    assert [s.text for s in doc.spans["policygraph_units"]] == ["Ban Dân vận Tỉnh ủy", "Sở Nội vụ"]
    assert [s.label_ for s in doc.spans["policygraph_units"]] == ["party_board", "department"]
    assert [s._.symbol for s in doc.spans["policygraph_citations"]] == ["12-KH/TU"]
