"""The lexicon: the words of Vietnamese documents that the extractors read by, kept as data.

The words live in ``data/lexicon/*.json`` (levels and level words, units, tasks and roles,
headings and sections, relation triggers); ``data/lexicon/schema.json`` says their shape and
tests/test_lexicon.py checks every file against it and every entry against its examples both
ways. This is the one module that turns them into patterns: a phrase written in lower case
with single spaces accepts any case, any spacing, any dash and both tone placements of
"ủy"/"uỷ"; a ``$name`` inside a pattern stands for the named sub-pattern of patterns.json.
Adding a word is a data edit plus an example (docs/rules.md).

The tables keep the shapes the extractors were written against (tuples of tuples, frozen
dataclasses) so that reading them costs nothing per document: they are built once at import.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from policygraph.text import fold

# changes.json is read by ingest/changes.py (the change relations)
LEXICON_FILES = ("patterns", "levels", "units", "tasks", "headings", "triggers", "changes")


# A folder holding an edited copy of the lexicon, read instead of the installed one: to try a data edit
# without reinstalling (docs/rules.md). Read once, when this module is first imported.
LEXICON_ENV = "POLICYGRAPH_LEXICON"


@cache
def load(name: str) -> dict[str, Any]:
    """One lexicon file as parsed JSON (read once)."""
    folder = os.environ.get(LEXICON_ENV)
    installed = resources.files("policygraph").joinpath("data", "lexicon")
    path = Path(folder, f"{name}.json") if folder else installed.joinpath(f"{name}.json")
    return json.loads(path.read_text("utf-8"))


# --- the compiler ----------------------------------------------------------------------
SUBPATTERNS: dict[str, str] = load("patterns")["patterns"]
_SUBPATTERN_RE = re.compile(r"\$([a-z_]+)")


def expand(pattern: str) -> str:
    """Put the named sub-patterns in: '$every $period' -> '(?:hàng|hằng) (?:năm|quý|tháng)'."""

    def sub(m: re.Match) -> str:
        name = m.group(1)
        if name not in SUBPATTERNS:
            raise KeyError(f"lexicon: unknown sub-pattern ${name} in {pattern!r}")
        body = SUBPATTERNS[name]
        return body if body.startswith("(?:") or body.startswith("[") else f"(?:{body})"

    return _SUBPATTERN_RE.sub(sub, pattern)


_TONE_PLACEMENTS = (("ủy", "uỷ"), ("hòa", "hoà"), ("hóa", "hoá"), ("khỏe", "khoẻ"))


def phrase(text: str) -> str:
    """A lexicon phrase as a pattern: any spacing, any dash, both "ủy"/"uỷ" spellings."""
    out = expand(text).replace(" - ", "\0D").replace(", ", "\0C").replace(" ", r"\s+")
    out = out.replace("\0D", r"\s*[-–—]\s*").replace("\0C", r"\s*,\s*")
    for new, old in _TONE_PLACEMENTS:
        out = out.replace(new, f"(?:{new}|{old})")
    return out


def alternation(phrases) -> str:
    """Phrases as one alternation, the longest first (so "cấp tỉnh" wins over "tỉnh")."""
    return "|".join(phrase(p) for p in sorted(phrases, key=len, reverse=True))


GAP = SUBPATTERNS["gap"]  # between the words of a phrase: spaces or one line end (a wrapped line)


def gapped(phrases: list[str] | tuple[str, ...] | str) -> str:
    """An alternation of phrases written with single spaces, each space a GAP (in the order given)."""
    joined = phrases if isinstance(phrases, str) else "|".join(phrases)
    return expand(joined).replace(" ", GAP)


# --- levels -------------------------------------------------------------------------------
_LEVELS = load("levels")
LEVEL_WORDS: tuple[tuple[str, str], ...] = tuple((e["word"], e["level"]) for e in _LEVELS["level_words"])
OWNER_WORDS: tuple[tuple[str, str], ...] = tuple((e["word"], e["level"]) for e in _LEVELS["owner_words"])
CENTRAL_CITIES: tuple[str, ...] = tuple(_LEVELS["central_cities"])
_CENTRAL_CITY_KEYS = frozenset(fold(c) for c in CENTRAL_CITIES)
# the Party committee each symbol code stands for ("TU" -> "Tỉnh ủy"): the first word with that code
COMMITTEE_OF_CODE: dict[str, str] = {}
for _e in _LEVELS["owner_words"]:
    if "code" in _e:
        COMMITTEE_OF_CODE.setdefault(_e["code"], _e["word"][:1].upper() + _e["word"][1:])
_OWNER_ENTRY = {fold(e["word"]): e for e in _LEVELS["owner_words"]}
_OWNER_RE = re.compile(rf"(?i)(?<!\w)(?P<w>{alternation(e['word'] for e in _LEVELS['owner_words'])})(?!\w)"
                       r"(?:\s+(?:thành\s+phố\s+)?(?P<name>[A-ZĐÀ-Ỹ][^\s,;.()]*(?:\s+[A-ZĐÀ-Ỹ][^\s,;.()]*){0,3}))?")


def is_central_city(name: str | None) -> bool:
    """Whether a place name is one of the cities governed by the centre ('Hà Nội', 'TP. Hồ Chí Minh')."""
    key = fold(name)
    for prefix in ("thanh pho ", "tp. ", "tp "):
        key = key.removeprefix(prefix)
    return key in _CENTRAL_CITY_KEYS


def committee_level(text: str | None, province: str | None = None) -> str | None:
    """The level of the Party committee `text` names first ('Thành ủy Pleiku' -> district).

    One answer per word: the word's level, or, for a word that depends on its city
    ("Thành ủy"), province level when the city it names, or else the province the document
    is in, is governed by the centre. None when `text` names no committee.
    """
    m = _OWNER_RE.search(text or "")
    if not m:
        return None
    entry = _OWNER_ENTRY[fold(" ".join(m.group("w").split()))]
    special = entry.get("central_city_level")
    if special and (is_central_city(m.group("name")) or (not m.group("name") and is_central_city(province))):
        return special
    return entry["level"]


# --- units ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Head:
    """One kind of named unit (units.json "heads")."""

    phrases: tuple[str, ...]  # lower-case phrases (regex allowed); the first one is canonical
    unit_type: str
    tail: str  # owner | level | name | none | compose
    level: str | None = None  # fixed level, or None: from the tail or the context
    canonical: str | None = None  # canonical spelling of the head when not the first phrase
    case_sensitive: bool = False  # heads such as "Sở", "Bộ" that are common words in lower case
    keep_prefix: bool = True  # compose heads: False drops the prefix from the name ("Lãnh đạo")
    sentence_case: bool = False  # name tails in sentence case: "Vụ Bình đẳng giới" (see NAME_END_WORDS)
    examples: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Kind:
    """A kind of collective unit after "các" (units.json "kinds"); level None: the context's level."""

    phrases: tuple[str, ...]
    unit_type: str
    level: str | None
    below: bool = False  # stands for units one level below the context or owner ("chi bộ")
    case_sensitive: bool = False  # written with a capital ("các Vụ, Cục"): in lower case a common word
    examples: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Title:
    """An official's title that stands for the body they head (units.json "titles")."""

    phrases: tuple[str, ...]  # lower-case title phrases; a unit may follow
    stands_for: str | None  # what the title means when no unit follows, read as a unit; None: nothing
    examples: tuple[tuple[str, str], ...] = field(default=())  # (written, name of the unit it gives)


def _tupled(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in entry.items()}


_UNITS = load("units")
HEADS: tuple[Head, ...] = tuple(Head(**_tupled(e)) for e in _UNITS["heads"])
KINDS: tuple[Kind, ...] = tuple(Kind(**_tupled(e)) for e in _UNITS["kinds"])
TITLES: tuple[Title, ...] = tuple(
    Title(tuple(e["phrases"]), e["stands_for"], tuple((x["written"], x["unit"]) for x in e.get("examples", ())))
    for e in _UNITS["titles"]
)
KEEP_WRITTEN_HEAD: tuple[str, ...] = tuple(_UNITS["keep_written_head"])
DEPARTMENT_NAMES: tuple[str, ...] = tuple(_UNITS["department_names"])
NAME_END_WORDS: tuple[str, ...] = tuple(_UNITS["name_end_words"])
NAME_PHRASES: tuple[str, ...] = tuple(_UNITS["name_phrases"])
NAME_END_CAPITALS: tuple[str, ...] = tuple(_UNITS["name_end_capitals"])
SENTENCE_CASE_EXAMPLES: tuple[tuple[str, str], ...] = tuple(
    (e["written"], e["unit"]) for e in _UNITS["sentence_case_examples"]
)
NAME_ABBREVIATIONS: tuple[tuple[str, str, str], ...] = tuple(
    (e["abbreviation"], e["expansion"], e["example"]) for e in _UNITS["name_abbreviations"]
)
ABBREVIATIONS: tuple[tuple[str, str, str], ...] = tuple(
    (e["abbreviation"], e["expansion"], e["example"]) for e in _UNITS["abbreviations"]
)
PLACE_KINDS: tuple[tuple[str, str], ...] = tuple((e["phrase"], e["level"] or "") for e in _UNITS["place_kinds"])
COLLECTIVE_QUALIFIERS: tuple[str, ...] = tuple(_UNITS["collective_qualifiers"])
WRAP_WORDS: tuple[str, ...] = tuple(_UNITS["wrap_words"])
MINISTER_DOC_TYPES: tuple[str, ...] = tuple(_UNITS["minister_doc_types"])
ENACTING_TYPES: tuple[str, ...] = tuple(_UNITS["enacting_types"])
NOT_UNITS: tuple[str, ...] = tuple(_UNITS["not_units"])

# --- tasks ----------------------------------------------------------------------------------
_TASKS = load("tasks")
ROLE_VERBS: tuple[tuple[str, str, str], ...] = tuple(
    (expand(e["pattern"]), e["role"], e["examples"][0]) for e in _TASKS["roles"]
)
GIVEN_LEAD_VERBS: tuple[str, ...] = tuple(expand(p) for p in _TASKS["given_lead_verbs"])
SUBJECT_OPENERS: tuple[str, ...] = tuple(expand(p) for p in _TASKS["subject_openers"])
REQUEST_VERBS: tuple[tuple[str, str], ...] = tuple((expand(e["pattern"]), e["examples"][0]) for e in _TASKS["requests"])
OWN_SUBJECT_OPENERS: tuple[tuple[str, str], ...] = tuple(
    (e["phrase"], e["examples"][0]) for e in _TASKS["own_subject_openers"]
)
NOT_TASK_PREDICATES: tuple[tuple[str, str], ...] = tuple(
    (expand(e["pattern"]), e["examples"][0]) for e in _TASKS["not_task_predicates"]
)
PASSIVE_NOT_TASKS: tuple[tuple[str, str], ...] = tuple(
    (expand(e["pattern"]), e["examples"][0]) for e in _TASKS["passive_not_tasks"]
)
RECIPIENT_SKIP: tuple[str, ...] = tuple(_TASKS["recipient_skip"])
FOR_REPORT: tuple[str, ...] = tuple(_TASKS["for_report"])

# --- headings and sections -------------------------------------------------------------------
_HEADINGS = load("headings")
HEADINGS: dict[str, str] = {e["heading"]: e["type_name"] for e in _HEADINGS["types"]}
NAMED_HEADINGS: tuple[str, ...] = tuple(e["heading"] for e in _HEADINGS["types"] if e.get("named"))
HEADING_ALTERNATIVES = "|".join(sorted(HEADINGS, key=len, reverse=True))
SECTION_PATTERNS: dict[str, str] = {name: expand(e["pattern"]) for name, e in _HEADINGS["sections"].items()}

# --- relation triggers -------------------------------------------------------------------------
_TRIGGERS = load("triggers")
TRIGGER_OPENERS: tuple[str, ...] = tuple(_TRIGGERS["openers"])
TRIGGER_CONTINUES: tuple[str, ...] = tuple(_TRIGGERS["continues"])
TRIGGER_ADOPTS: tuple[str, ...] = tuple(_TRIGGERS["adopts"])
TRIGGER_ISSUES: tuple[str, ...] = tuple(_TRIGGERS["issues"])
TRIGGERS: dict[str, tuple[str, ...]] = {rel: tuple(e["phrases"]) for rel, e in _TRIGGERS["relations"].items()}
NOT_GROUNDS: tuple[str, ...] = tuple(_TRIGGERS["not_grounds"]["phrases"])
