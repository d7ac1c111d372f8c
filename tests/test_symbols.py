"""The symbol grammar (ingest/symbols.py): written forms -> one canonical Symbol.

Each row is a symbol as documents write it and what a reader knows it to be. The two
grammars are those of Hướng dẫn 36-HD/VPTW (Party: NUMBER-TYPE/ISSUER) and Nghị định
30/2020/NĐ-CP (State: NUMBER[/YEAR]/TYPE-ISSUER[-UNIT]).
"""

from __future__ import annotations

import dataclasses
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policygraph.ingest import symbols
from policygraph.ingest.symbols import InvalidFormat, InvalidSymbol, UnknownIssuer, UnknownType

# written, canonical, grammar, doc_type, issuer, level, year
PARSES = [
    # Party, every level
    ("25-NQ/TW", "25-NQ/TW", "party", "NQ", "TW", "central", None),
    ("45-KH/HU", "45-KH/HU", "party", "KH", "HU", "district", None),
    ("711-KH/BDVTW", "711-KH/BDVTW", "party", "KH", "BDVTW", "central", None),
    ("101-NQ/ĐU", "101-NQ/ĐU", "party", "NQ", "ĐU", "context", None),
    ("28-CT/TU", "28-CT/TU", "party", "CT", "TU", "province", None),
    ("36-HD/VPTW", "36-HD/VPTW", "party", "HD", "VPTW", "central", None),
    ("08-QĐi/TW", "08-QĐi/TW", "party", "QĐi", "TW", "central", None),
    ("217-QĐ/TW", "217-QĐ/TW", "party", "QĐ", "TW", "central", None),
    ("02-NQ/CB", "02-NQ/CB", "party", "NQ", "CB", "commune", None),
    ("15-HD/BDVTU", "15-HD/BDVTU", "party", "HD", "BDVTU", "province", None),
    # spaces and dash variants inside
    ("62 - KL/TW", "62-KL/TW", "party", "KL", "TW", "central", None),
    ("432 – QĐ/HU", "432-QĐ/HU", "party", "QĐ", "HU", "district", None),
    ("114- KL/TW", "114-KL/TW", "party", "KL", "TW", "central", None),
    ("114 -KL/TW", "114-KL/TW", "party", "KL", "TW", "central", None),
    ("65—KL/TW", "65-KL/TW", "party", "KL", "TW", "central", None),
    ("114-\nKL/TW", "114-KL/TW", "party", "KL", "TW", "central", None),  # a line wrapped after the dash
    ("18- \nKL/TW", "18-KL/TW", "party", "KL", "TW", "central", None),
    ("65‑KL/TW", "65-KL/TW", "party", "KL", "TW", "central", None),  # non-breaking hyphen U+2011
    ("25-NQ / TW", "25-NQ/TW", "party", "NQ", "TW", "central", None),
    # case of type codes
    ("30-CTR/TU", "30-CTr/TU", "party", "CTr", "TU", "province", None),
    ("30-CTr/TU", "30-CTr/TU", "party", "CTr", "TU", "province", None),
    ("30-ctr/TU", "30-CTr/TU", "party", "CTr", "TU", "province", None),
    ("08-QĐI/TW", "08-QĐi/TW", "party", "QĐi", "TW", "central", None),
    ("03-QTR/TU", "03-QTr/TU", "party", "QTr", "TU", "province", None),
    # Ð (U+00D0, Icelandic eth) typed for Đ
    ("101-NQ/ÐU", "101-NQ/ĐU", "party", "NQ", "ĐU", "context", None),
    ("01-ÐA/TU", "01-ĐA/TU", "party", "ĐA", "TU", "province", None),
    ("432-QÐ/HU", "432-QĐ/HU", "party", "QĐ", "HU", "district", None),
    # State
    ("16/CT-TTg", "16/CT-TTg", "state", "CT", "TTg", "central", None),
    ("16/CT-TTG", "16/CT-TTg", "state", "CT", "TTg", "central", None),
    ("18/2000/CT-TTg", "18/2000/CT-TTg", "state", "CT", "TTg", "central", 2000),
    ("30c/NQ-CP", "30c/NQ-CP", "state", "NQ", "CP", "central", None),
    ("30C/NQ-CP", "30c/NQ-CP", "state", "NQ", "CP", "central", None),
    ("123/QĐ-UBND", "123/QĐ-UBND", "state", "QĐ", "UBND", "context", None),
    ("123/2020/QĐ-UBND", "123/2020/QĐ-UBND", "state", "QĐ", "UBND", "context", 2020),
    ("01/ĐA-MTTQ-BTT", "01/ĐA-MTTQ-BTT", "state", "ĐA", "MTTQ-BTT", "context", None),
    ("01/ÐA-MTTQ-BTT", "01/ĐA-MTTQ-BTT", "state", "ĐA", "MTTQ-BTT", "context", None),
    ("30/2020/NĐ-CP", "30/2020/NĐ-CP", "state", "NĐ", "CP", "central", 2020),
    ("05/2025/TT-BLĐTBXH", "05/2025/TT-BLĐTBXH", "state", "TT", "BLĐTBXH", "central", 2025),
    ("01/2014/TTLT-BNV-BTC", "01/2014/TTLT-BNV-BTC", "state", "TTLT", "BNV-BTC", "central", 2014),
    ("16 / CT - TTg", "16/CT-TTg", "state", "CT", "TTg", "central", None),
    ("16/CT–TTg", "16/CT-TTg", "state", "CT", "TTg", "central", None),
    ("02/QYĐ-UBND", "02/QyĐ-UBND", "state", "QyĐ", "UBND", "context", None),
    ("04/VBHN-BYT", "04/VBHN-BYT", "state", "VBHN", "BYT", "central", None),
    ("12/NQ-HĐND", "12/NQ-HĐND", "state", "NQ", "HĐND", "context", None),
    # laws and official letters carry no type code
    ("41/2024/QH15", "41/2024/QH15", "state", None, "QH15", "central", 2024),
    ("3637/UBND-VX", "3637/UBND-VX", "state", None, "UBND-VX", "context", None),
    ("1234/BNV-CQĐP", "1234/BNV-CQĐP", "state", None, "BNV-CQĐP", "central", None),
    # two abbreviations joined by "&" in a code segment; the committee's code before UBND; a Sở's appraisal
    ("473/TTr-NN&PTNT", "473/TTr-NN&PTNT", "state", "TTr", "NN&PTNT", "province", None),
    ("473/TTr - NN&PTNT", "473/TTr-NN&PTNT", "state", "TTr", "NN&PTNT", "province", None),
    ("12/QĐ-SNN&PTNT", "12/QĐ-SNN&PTNT", "state", "QĐ", "SNN&PTNT", "province", None),
    ("2231/SNV-CCHC&PC", "2231/SNV-CCHC&PC", "state", None, "SNV-CCHC&PC", "province", None),
    ("14/2001/QĐ-UB", "14/2001/QĐ-UB", "state", "QĐ", "UB", "context", 2001),
    ("18/BCTĐ-STP", "18/BCTĐ-STP", "state", "BCTĐ", "STP", "province", None),
]


@pytest.mark.parametrize("written,want,grammar,doc_type,issuer,level,year", PARSES, ids=[r[0] for r in PARSES])
def test_parse(written, want, grammar, doc_type, issuer, level, year):
    sym = symbols.parse(written)
    assert str(sym) == want
    assert symbols.canonical(written) == want
    assert symbols.validate(written) == want
    assert symbols.is_valid(written)
    assert (sym.grammar, sym.doc_type, sym.issuer, sym.level, sym.year) == (grammar, doc_type, issuer, level, year)
    assert sym.slip is None


@pytest.mark.parametrize(
    "written,want", [("33-CT/TTg", "33/CT-TTg"), ("05-CT/TTG", "05/CT-TTg"), ("12-NQ/CP", "12/NQ-CP")]
)
def test_state_symbol_written_the_party_way_is_read_as_state_and_flagged(written, want):
    sym = symbols.parse(written)
    assert str(sym) == want
    assert sym.grammar == "state" and sym.level == "central"
    assert sym.slip == "state_in_party_form"


@pytest.mark.parametrize(
    "written,want,level",
    [
        ("45/KH-HU", "45-KH/HU", "district"),
        ("25/NQ-TW", "25-NQ/TW", "central"),
        ("5/QĐ-TU", "5-QĐ/TU", "province"),
        ("15/HD-BDVTU", "15-HD/BDVTU", "province"),  # a Party department, not a ministry "B…"
    ],
)
def test_party_symbol_written_the_state_way_is_read_as_party_and_flagged(written, want, level):
    sym = symbols.parse(written)
    assert (str(sym), sym.grammar, sym.level, sym.slip) == (want, "party", level, "party_in_state_form")


@pytest.mark.parametrize("written", ["12/KH-UBND", "12/2020/KH-HU", "3637/UBND-VX"])
def test_a_state_symbol_or_a_dated_one_stays_state(written):
    try:
        sym = symbols.parse(written)
    except symbols.InvalidSymbol:
        return  # "12/2020/KH-HU": a year says State, and HU is no State body: not a symbol
    assert sym.grammar == "state" and sym.slip is None


def test_type_names():
    assert symbols.parse("30-CTR/TU").doc_type_name == "Chương trình"
    assert symbols.parse("08-QĐi/TW").doc_type_name == "Quy định"
    assert symbols.parse("02/QyĐ-UBND").doc_type_name == "Quy định"
    assert symbols.parse("30/2020/NĐ-CP").doc_type_name == "Nghị định"
    assert symbols.parse("41/2024/QH15").doc_type_name is None


def test_with_issuer_repairs_a_slip():
    sym = symbols.parse("25-NQ/TU").with_issuer("TW")
    assert str(sym) == "25-NQ/TW" and sym.level == "central"


# written, error class
REJECTS = [
    ("", InvalidFormat),
    ("25", InvalidFormat),
    ("NQ/TW", InvalidFormat),
    ("25-NQ", InvalidFormat),
    ("Điều 5", InvalidFormat),
    ("12/3/2003", InvalidFormat),
    ("0271.3879.123", InvalidFormat),
    ("QCVN 02:2019/BCT", InvalidFormat),
    ("25-XYZ/TW", UnknownType),
    ("25-NQ/ZZ", UnknownIssuer),
    ("16/CT-XYZ-TW", UnknownIssuer),  # ends in a Party committee's code: no State document's
    ("16/CT", UnknownIssuer),  # a type with no issuer
    ("5/UBND", InvalidFormat),  # too thin: a ratio as much as a symbol
]


@pytest.mark.parametrize("written,error", REJECTS, ids=[r[0] or "<empty>" for r in REJECTS])
def test_rejects(written, error):
    with pytest.raises(error):
        symbols.parse(written)
    with pytest.raises(InvalidSymbol):
        symbols.validate(written)
    assert not symbols.is_valid(written)


def test_errors_are_value_errors():
    assert issubclass(InvalidSymbol, ValueError)
    for cls in (InvalidFormat, UnknownType, UnknownIssuer):
        assert issubclass(cls, InvalidSymbol)


@pytest.mark.parametrize(
    "symbol,key",
    [
        ("41/2024/QH15", "412024qh15"),
        ("30/2020/NĐ-CP", "302020ndcp"),
        ("05/2025/TT-BLĐTBXH", "052025ttbldtbxh"),
        ("01/ÐA-MTTQ-BTT", "01damttqbtt"),
        ("30c/NQ-CP", "30cnqcp"),
    ],
)
def test_symbol_key(symbol, key):
    assert symbols.symbol_key(symbol) == key


# -- properties -------------------------------------------------------------------------

CODE_CHARS = string.ascii_letters + "ĐđÐ"
_codes = st.text(alphabet=CODE_CHARS, min_size=1, max_size=6)
_number = st.from_regex(r"\A[0-9]{1,4}[a-c]?\Z")
_dash = st.sampled_from(list("-–—‐‑−") + [" - ", " – ", "- ", " -"])
_party_like = st.builds(lambda n, d, t, i: f"{n}{d}{t}/{i}", _number, _dash, _codes, _codes)
_state_like = st.builds(
    lambda n, y, t, i: f"{n}/{y}{t}-{i}", _number, st.sampled_from(["", "2000/", "2024/", "1999/"]), _codes, _codes
)
_known = st.sampled_from([r[0] for r in PARSES] + ["33-CT/TTg"])
_anything = st.text(alphabet=string.digits + CODE_CHARS + "/-–— .:", max_size=24)
_written = st.one_of(_known, _party_like, _state_like, _anything, st.text(max_size=20))


@settings(max_examples=400, deadline=None)
@given(_written)
def test_canonical_raises_only_invalid_symbol_and_is_idempotent(text):
    try:
        once = symbols.canonical(text)
    except InvalidSymbol:
        assert not symbols.is_valid(text)
        return
    assert symbols.is_valid(text)
    assert symbols.canonical(once) == once


@settings(max_examples=400, deadline=None)
@given(_written)
def test_canonical_form_reparses_to_the_same_symbol(text):
    try:
        sym = symbols.parse(text)
    except InvalidSymbol:
        return
    again = symbols.parse(str(sym))
    # the slip belongs to the written form ("33-CT/TTg"), not to the document: the canonical
    # form of a slip is clean, everything else must be equal
    assert again == dataclasses.replace(sym, slip=None)


@pytest.mark.parametrize("written", ["8008/CT-TCTL", "16/CT-ZZZ", "12/2021/QĐ-TCTL-KHTC"])
def test_a_typed_state_symbol_of_an_unknown_issuer_is_kept_as_written_and_flagged(written):
    """Issue 12: a department of a ministry or a joint code the table does not know is still a number."""
    sym = symbols.parse(written)
    assert (str(sym), sym.grammar, sym.level, sym.slip) == (written, "state", None, "issuer_unknown")
