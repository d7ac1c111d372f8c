"""The reference tables keep the grammar honest (the reporters-db idea): every example a
table entry gives must parse to that entry's type or issuer level."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from policygraph.ingest import symbols, tables


def _table(name: str) -> dict:
    return json.loads(resources.files("policygraph").joinpath("data", "tables", name).read_text("utf-8"))


DOC_TYPES = _table("doc_types.json")
ISSUERS = _table("issuers.json")

TYPE_EXAMPLES = [(g, e["code"], ex) for g in ("party", "state") for e in DOC_TYPES[g] for ex in e["examples"]]
UNTYPED_EXAMPLES = [(e["name"], ex) for e in DOC_TYPES["untyped"] for ex in e["examples"]]
ISSUER_EXAMPLES = [
    (g, e["pattern"], e["level"], ex) for g in ("party", "state") for e in ISSUERS[g] for ex in e["examples"]
]


def test_every_entry_has_examples():
    for g in ("party", "state"):
        for e in DOC_TYPES[g]:
            assert e["examples"], e["code"]
        for e in ISSUERS[g]:
            assert e["examples"], e["pattern"]
    assert len(TYPE_EXAMPLES) > 60 and len(ISSUER_EXAMPLES) > 30


@pytest.mark.parametrize("grammar,code,example", TYPE_EXAMPLES, ids=[f"{g}:{c}:{x}" for g, c, x in TYPE_EXAMPLES])
def test_type_examples_parse_to_their_type(grammar, code, example):
    sym = symbols.parse(example)
    assert sym.grammar == grammar
    assert sym.doc_type == code
    assert sym.slip is None
    assert sym.doc_type_name == tables.doc_types()[grammar][tables.fold_code(code)].name


@pytest.mark.parametrize("name,example", UNTYPED_EXAMPLES, ids=[x for _, x in UNTYPED_EXAMPLES])
def test_untyped_examples_parse_without_a_type(name, example):
    sym = symbols.parse(example)
    assert sym.grammar == "state" and sym.doc_type is None


@pytest.mark.parametrize(
    "grammar,pattern,level,example", ISSUER_EXAMPLES, ids=[f"{g}:{p}:{x}" for g, p, _, x in ISSUER_EXAMPLES]
)
def test_issuer_examples_parse_to_their_issuer_and_level(grammar, pattern, level, example):
    sym = symbols.parse(example)
    assert sym.grammar == grammar
    assert sym.level == level
    entry = tables.find_issuer(grammar, sym.issuer)
    assert entry is not None and entry.pattern == pattern, (example, sym.issuer, entry and entry.pattern)


def test_type_codes_are_unique_per_grammar_after_folding():
    for g in ("party", "state"):
        folded = [tables.fold_code(e["code"]) for e in DOC_TYPES[g]]
        assert len(folded) == len(set(folded)), g


def test_every_type_name_introduces_a_citation():
    names = tables.type_names()
    assert names == sorted(names, key=lambda n: (-len(n), n))
    assert names.index("Chương trình hành động") < names.index("Chương trình")
    for g in ("party", "state"):
        for e in DOC_TYPES[g]:
            for n in e["names"]:
                assert n in names


def test_congress_terms():
    assert tables.term_of("2003-03-12") == "IX"
    assert tables.term_of("2013-06-03") == "XI"
    assert tables.term_of("2016-06-03") == "XII"
    assert tables.term_of("2011-01-18") == "X"
    assert tables.term_of("2011-01-19") == "XI"
    assert tables.term_of("2003") == "IX"
    assert tables.term_years("XI") == (2011, 2016)


@pytest.mark.parametrize("year", ["2011", "2016", "2021"])
def test_term_of_a_year_two_terms_share_is_unknown(year):
    # term_of's contract: a bare year that straddles two terms gives None (X ended on
    # 2011-01-18, XI on 2016-01-27, XII on 2021-01-31)
    assert tables.term_of(year) is None
