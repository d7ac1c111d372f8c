"""The reference tables (document types, issuer codes, congress terms, law titles), loaded once.

The tables themselves are JSON under data/tables/: this module only reads them and
answers look-ups, so a new type or issuer code is a data change, not a code change.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _load(name: str) -> dict:
    text = resources.files("policygraph").joinpath("data", "tables", name).read_text("utf-8")
    return json.loads(text)


def fold_code(code: str) -> str:
    """Upper-case a type or issuer code the way the grammar compares them (Ð is Đ)."""
    return code.replace("Ð", "Đ").replace("đ", "Đ").upper()


@dataclass(frozen=True)
class DocType:
    code: str
    name: str
    grammar: str
    names: tuple[str, ...]
    examples: tuple[str, ...]


@dataclass(frozen=True)
class Issuer:
    pattern: str
    body: str
    level: str  # central | province | district | commune | context
    grammar: str
    canonical: str | None
    valid_from: str | None
    valid_to: str | None
    examples: tuple[str, ...]
    regex: re.Pattern


@lru_cache(maxsize=1)
def doc_types() -> dict[str, dict[str, DocType]]:
    """{grammar: {FOLDED_CODE: DocType}}."""
    data = _load("doc_types.json")
    out: dict[str, dict[str, DocType]] = {}
    for grammar in ("party", "state"):
        out[grammar] = {
            fold_code(e["code"]): DocType(e["code"], e["name"], grammar, tuple(e["names"]), tuple(e["examples"]))
            for e in data[grammar]
        }
    return out


@lru_cache(maxsize=1)
def untyped_examples() -> list[dict]:
    return _load("doc_types.json")["untyped"]


@lru_cache(maxsize=1)
def type_names() -> list[str]:
    """Every word group that introduces a citation, longest first ("Chương trình hành động" before
    "Chương trình"), so one regex alternation prefers the longest name."""
    data = _load("doc_types.json")
    names = {n for g in ("party", "state", "untyped") for e in data[g] for n in e["names"]}
    return sorted(names, key=lambda n: (-len(n), n))


@lru_cache(maxsize=1)
def name_to_codes() -> dict[str, dict[str, str]]:
    """{lower-cased name: {grammar: code}}: "quy định" -> party QĐi, state QyĐ."""
    data = _load("doc_types.json")
    out: dict[str, dict[str, str]] = {}
    for grammar in ("party", "state"):
        for e in data[grammar]:
            for n in e["names"]:
                out.setdefault(n.lower(), {}).setdefault(grammar, e["code"])
    return out


@lru_cache(maxsize=1)
def issuers() -> dict[str, list[Issuer]]:
    data = _load("issuers.json")
    out: dict[str, list[Issuer]] = {}
    for grammar in ("party", "state"):
        out[grammar] = [
            Issuer(
                pattern=e["pattern"],
                body=e["body"],
                level=e["level"],
                grammar=grammar,
                canonical=e.get("canonical"),
                valid_from=e.get("valid_from"),
                valid_to=e.get("valid_to"),
                examples=tuple(e["examples"]),
                regex=re.compile(f"(?:{e['pattern']})"),
            )
            for e in data[grammar]
        ]
    return out


@lru_cache(maxsize=8192)
def find_issuer(grammar: str, code: str) -> Issuer | None:
    """The first table entry whose pattern matches the whole (folded) issuer code.

    Cached: the table is tried entry by entry, and a corpus repeats a few hundred codes
    in every citation (the resolver asks again for every mention)."""
    folded = fold_code(code)
    head = folded.split("-")[0] if grammar == "state" else folded
    for entry in issuers()[grammar]:
        if entry.regex.fullmatch(head):
            return entry
    return None


@dataclass(frozen=True)
class Term:
    term: str
    start: str  # ISO date the term began
    end: str | None  # ISO date the next began


@lru_cache(maxsize=1)
def congress_terms() -> list[Term]:
    rows = _load("congress_terms.json")["terms"]
    return [Term(r["term"], r["from"], rows[i + 1]["from"] if i + 1 < len(rows) else None) for i, r in enumerate(rows)]


def term_of(date: str) -> str | None:
    """The Central Committee term in force on an ISO date (or a bare 'YYYY' year: None if it straddles)."""
    terms = congress_terms()
    if len(date) == 4:
        hits = {t.term for t in terms if t.start[:4] <= date and (t.end is None or date <= t.end[:4])}
        return hits.pop() if len(hits) == 1 else None
    for t in reversed(terms):
        if t.start <= date:
            return t.term
    return None


def term_years(term: str) -> tuple[int, int] | None:
    """First and last calendar year a term covers."""
    for t in congress_terms():
        if t.term == term:
            return int(t.start[:4]), int(t.end[:4]) if t.end else 9999
    return None


@dataclass(frozen=True)
class LawTitle:
    title: str  # as officially written: "Luật Hôn nhân và gia đình", "Bộ luật Tố tụng hình sự"
    also: tuple[str, ...]  # other ways texts write it: "Luật Hôn nhân gia đình"
    examples: tuple[str, ...]


@lru_cache(maxsize=1)
def law_titles() -> tuple[LawTitle, ...]:
    """Titles of the laws and codes (laws.json): where a name ends is known for these, not guessed."""
    return tuple(
        LawTitle(e["title"], tuple(e.get("also", ())), tuple(e["examples"])) for e in _load("laws.json")["laws"]
    )
