"""Find the documents a text cites, with what each citation says about them.

find / annotate, as eyecite splits it:

* :func:`find_citations` (citation_finder.py) finds every symbol (enumerations give one citation per
  number), reads the words around it (type name, date, issuing body, congress
  term, "về …" subject) and the sentence that holds it; a central Party document
  cited by type, number and date only ("Chỉ thị số 35 ngày 30/5/2019 của Bộ Chính
  trị") is given its symbol (SHORT_TYPE_NAMES, flag ``symbol_inferred``);
* :func:`link_citations` (citation_relations.py) decides how the citing document relates to each one
  (``implements`` for the "Thực hiện …" preamble and a title's "triển khai thực
  hiện …", ``based_on`` for "Căn cứ …", ``references`` otherwise; what follows the
  actor's clause, "…, Ban Thường vụ báo cáo kết quả thực hiện Nghị quyết số Y", is
  not governed by the trigger: ACTOR_RE) and which edges the text asserts between
  two cited documents ("Kế hoạch số 109-KH/TU … thực hiện Kết luận số 65-KL/TW";
  "Thực hiện X; Huyện ủy xây dựng Kế hoạch số W": W implements X);
* :func:`scope_citations` (citation_scope.py) places local symbols (``28-CT/TU`` of which province?)
  and repairs slips (``25-NQ/TU`` issued by the Central Committee is ``25-NQ/TW``).

The patterns are in citation_patterns.py; this module is the public entry (``__all__``).
"""

from __future__ import annotations

from policygraph.ingest.citation_finder import SHORT_TYPE_NAMES, find_citations
from policygraph.ingest.citation_patterns import CLAUSE_TRIGGER_RE
from policygraph.ingest.citation_relations import (
    extract_citations,
    link_citations,
    preamble_end,
    preamble_relation,
    sentence_around,
)
from policygraph.ingest.citation_scope import scope_citations

__all__ = [
    "CLAUSE_TRIGGER_RE",
    "SHORT_TYPE_NAMES",
    "extract_citations",
    "find_citations",
    "link_citations",
    "preamble_end",
    "preamble_relation",
    "scope_citations",
    "sentence_around",
]

