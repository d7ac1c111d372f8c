"""A Party symbol written the State way whose issuer code has no Party committee's ending:
"12/NQ-ĐUK" (Đảng ủy Khối, the Party committee of a bloc of agencies) is 12-NQ/ĐUK, because no
State body has the code ĐUK; the grammar slip is kept as a flag."""

from __future__ import annotations

import pytest

from policygraph.ingest import symbols
from policygraph.ingest.citations import find_citations


@pytest.mark.parametrize(
    "written,want",
    [("12/NQ-ĐUK", "12-NQ/ĐUK"), ("07/CT-ĐUK", "07-CT/ĐUK"), ("15/KH-ĐUK", "15-KH/ĐUK")],
)
def test_a_bloc_committees_symbol_written_the_state_way_is_read_as_party(written, want):
    sym = symbols.parse(written)
    assert (str(sym), sym.grammar, sym.doc_type, sym.issuer, sym.level, sym.year, sym.slip) == (
        want, "party", want.split("-")[1].split("/")[0], "ĐUK", "province", None, "party_in_state_form")


@pytest.mark.parametrize(
    "written,error",
    [
        ("12/2023/NQ-ĐUK", symbols.UnknownIssuer),  # a year is the State's mark: and ĐUK is no State body
        ("12/NQ-ĐUK-VP", symbols.UnknownIssuer),  # a third segment: no Party symbol has one
        ("12/NĐ-ĐUK", symbols.UnknownIssuer),  # NĐ (nghị định) is a State type only
    ],
)
def test_a_state_form_that_cannot_be_a_party_symbol_is_rejected(written, error):
    with pytest.raises(error):
        symbols.parse(written)


def test_a_citation_of_a_bloc_committees_resolution_in_the_state_form():
    (c,) = find_citations("Thực hiện Nghị quyết số 12/NQ-ĐUK ngày 20/4/2021 của Đảng ủy Khối các cơ quan tỉnh về "
                          "chuyển đổi số")
    assert (c.symbol, c.grammar, c.level, c.date) == ("12-NQ/ĐUK", "party", "province", "2021-04-20")
    assert "party_in_state_form" in c.flags
