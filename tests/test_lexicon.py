"""The lexicon (data/lexicon/*.json): its shape, and its examples checked both ways.

Every entry matches its examples, every example is matched by its own entry (not by
another one that happens to come first), and negatives are matched by none.
"""

from __future__ import annotations

import copy
import json
import re
from importlib import resources

import jsonschema
import pytest

from policygraph.ingest import lexicon as L
from policygraph.ingest.citation_patterns import CLAUSE_TRIGGER_RE
from policygraph.ingest.header import HEADING_RE
from policygraph.ingest.unit_finder import head_at as _head_at
from policygraph.ingest.unit_finder import unit_at
from policygraph.ingest.unit_patterns import LEVEL_WORDS as _LEVEL_WORDS

FOLDER = resources.files("policygraph").joinpath("data", "lexicon")
SCHEMA = json.loads(FOLDER.joinpath("schema.json").read_text("utf-8"))


def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = {"$defs": SCHEMA["$defs"], **SCHEMA["files"][name]}
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_schema_covers_every_lexicon_file_and_nothing_else():
    files = {p.name.removesuffix(".json") for p in FOLDER.iterdir() if p.name.endswith(".json")} - {"schema"}
    assert files == set(SCHEMA["files"]) == set(L.LEXICON_FILES)


@pytest.mark.parametrize("name", L.LEXICON_FILES)
def test_every_lexicon_file_follows_the_schema(name):
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator(name).iter_errors(L.load(name))]
    assert errors == []


def test_the_schema_rejects_a_head_without_examples_and_an_unknown_level():
    units = copy.deepcopy(L.load("units"))
    del units["heads"][0]["examples"]
    assert not _validator("units").is_valid(units)
    levels = copy.deepcopy(L.load("levels"))
    levels["level_words"][0]["level"] = "region"
    assert not _validator("levels").is_valid(levels)


def test_every_named_sub_pattern_is_used_and_every_use_is_named():
    text = "".join(FOLDER.joinpath(f"{name}.json").read_text("utf-8") for name in L.LEXICON_FILES if name != "patterns")
    used = set(re.findall(r"(?<!\")\$([a-z_]+)", text))
    assert used <= set(L.SUBPATTERNS) | set(L.load("changes")["patterns"])  # changes.json names its own
    assert set(L.SUBPATTERNS) - used <= {"gap", "uy", "dash"}  # used by the compiler itself and the extractors
    with pytest.raises(KeyError):
        L.expand("$no_such_name")


def test_sub_patterns_go_in_as_groups():
    assert L.expand("$every $period") == "(?:hàng|hằng) (?:năm|quý|tháng)"
    assert re.fullmatch(L.phrase("ban thường vụ thành ủy"), "Ban  Thường vụ Thành uỷ", re.I)


# --- levels ------------------------------------------------------------------------------------
_LEVEL_WORD_RE = re.compile(rf"(?i)(?<!\w)(?:{_LEVEL_WORDS})(?!\w)")


@pytest.mark.parametrize("entry", L.load("levels")["level_words"], ids=lambda e: e["word"])
def test_every_level_word_example_is_found_as_that_word(entry):
    for example in entry["examples"]:
        found = [" ".join(m.group(0).lower().split()) for m in _LEVEL_WORD_RE.finditer(example)]
        assert found and found[-1] == entry["word"], (example, found)


@pytest.mark.parametrize("entry", L.load("levels")["owner_words"], ids=lambda e: e["word"])
def test_every_committee_word_example_has_its_level(entry):
    for example in entry["examples"]:
        assert L.committee_level(example["written"]) == example["level"], example


def test_thanh_uy_has_one_answer_that_depends_on_its_city():
    assert L.committee_level("Thành ủy Pleiku") == "district"  # a city inside Gia Lai
    assert L.committee_level("Ban Thường vụ Thành ủy Hà Nội") == "province"
    assert L.committee_level("THÀNH ỦY CẦN THƠ") == "province"
    assert L.committee_level("Thành ủy", province="Hải Phòng") == "province"
    assert L.committee_level("Thành ủy", province="Gia Lai") == "district"
    assert L.committee_level("Sở Nội vụ") is None


def test_a_city_committee_is_read_the_same_way_by_the_units_and_by_the_citations():
    from policygraph.ingest.citation_finder import level_of_text as _level_of_text
    from policygraph.ingest.models import Place
    from policygraph.ingest.unit_resolve import UnitContext
    from policygraph.ingest.units import extract_units

    for city, level in (("Hà Nội", "province"), ("Pleiku", "district")):
        assert _level_of_text(f"Thành ủy {city}") == level
        text = f"1. Thành ủy {city} chủ trì triển khai kế hoạch.\n"
        units = extract_units(text, UnitContext(level="province", place=Place("Gia Lai"))).assigns
        assert [a.unit.level for a in units] == [level], (city, units)


# --- units ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("head", [h for h in L.HEADS if h.tail != "compose"], ids=lambda h: h.phrases[0])
def test_every_head_example_is_found_by_its_own_head(head):
    for example in head.examples:
        assert unit_at(example, 0) is not None, example
        got = _head_at(example, 0)
        assert got is not None and got[0] is head, (example, got and got[0].phrases)


# --- headings and sections ------------------------------------------------------------------------
@pytest.mark.parametrize("entry", L.load("headings")["types"], ids=lambda e: e["heading"])
def test_every_type_heading_example_is_read_as_its_own_heading(entry):
    assert entry["heading"] == entry["heading"].upper()
    for example in entry["examples"]:
        m = HEADING_RE.search(example)
        assert m is not None and m.group("h") == entry["heading"], example


@pytest.mark.parametrize("negative", L.load("headings")["type_negatives"])
def test_type_heading_negatives_are_no_heading(negative):
    assert HEADING_RE.search(negative) is None


@pytest.mark.parametrize("name", sorted(L.SECTION_PATTERNS))
def test_every_section_pattern_matches_its_examples_and_none_of_its_negatives(name):
    entry = L.load("headings")["sections"][name]
    rx = re.compile(L.SECTION_PATTERNS[name], re.M)
    for example in entry["examples"]:
        assert rx.search(example), (name, example)
    for negative in entry.get("negatives", ()):
        assert not rx.search(negative), (name, negative)


# --- relation triggers ----------------------------------------------------------------------------
_GROUP_OF_RELATION = {"implements": "impl", "based_on": "base"}


def _trigger_group(text: str) -> str | None:
    m = CLAUSE_TRIGGER_RE.match(text)
    if m is None:
        return None
    return next((g for g in ("impl", "base", "stop") if m.group(g)), None)


@pytest.mark.parametrize("relation", sorted(L.TRIGGERS))
def test_every_trigger_example_opens_a_clause_of_its_own_relation(relation):
    entry = L.load("triggers")["relations"][relation]
    for example in entry["examples"]:
        assert _trigger_group(example) == _GROUP_OF_RELATION[relation], example
    for negative in entry.get("negatives", ()):
        assert _trigger_group(negative) is None, negative


def test_what_is_no_ground_opens_no_relation():
    for example in L.load("triggers")["not_grounds"]["examples"]:
        assert _trigger_group(example) == "stop", example


# --- tasks ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("entry", L.load("tasks")["roles"], ids=lambda e: e["pattern"])
def test_every_role_example_opens_with_its_own_role_verb(entry):
    rx = re.compile(rf"(?i:{L.phrase(L.expand(entry['pattern']))})")
    for example in entry["examples"]:
        words = example.split()
        assert any(rx.match(" ".join(words[i:])) for i in range(len(words))), example
        others = [e for e in L.load("tasks")["roles"] if e["role"] != entry["role"]]
        first = min(i for i in range(len(words)) if rx.match(" ".join(words[i:])))
        rest = " ".join(words[first:])
        assert not any(re.compile(rf"(?i:{L.phrase(L.expand(o['pattern']))})").match(rest) for o in others), example
