"""Resolving citations in the citing document: local symbols get their place (``28-CT/TU`` of which
province?) and slips are repaired (``25-NQ/TU`` issued by the Central Committee is ``25-NQ/TW``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from policygraph.ingest import symbols, tables
from policygraph.ingest.citation_finder import level_of_text
from policygraph.ingest.models import Citation, Place
from policygraph.ingest.places import locate, names_town_committee
from policygraph.text import fold
from policygraph.vocabulary import Flag, Level


@lru_cache(maxsize=4096)
def _issuer_place(issuer_text: str, level: str) -> Place:
    """locate() of an issuing body's words (cached like level_of_text; Place is frozen)."""
    return locate(issuer_text, level)


# a local committee's code, and the suffix of its departments' ("BDVTU"): what the central one's
# would be ("TW", "BDVTW") when the issuer's words name a central body
_CENTRAL_CODE_RE = re.compile(r"(?:TXU|TU|HU|QU|ĐU)$")


def _names_own_body(c: Citation) -> bool:
    """The issuer's words name the body the code stands for ("Đảng ủy Khối …" for ĐUK): no slip."""
    entry = tables.find_issuer(c.grammar, c.issuer_code)
    if entry is None or not c.issuer_text:
        return False
    return fold(entry.body) in fold(c.issuer_text)


def _repair_issuer(c: Citation, code: str, level: str) -> None:
    """Give a citation the issuer code its words call for, and flag the slip."""
    sym = symbols.parse(c.symbol).with_issuer(code)
    c.symbol, c.issuer_code, c.level = str(sym), code, level
    c.flags.append(Flag.ISSUER_SLIP)


def scope_citations(citations: list[Citation], doc_level: str | None, doc_place: Place) -> None:
    """Fill in the level and place of each citation and repair issuer slips, in place."""
    for c in citations:
        text_level = level_of_text(c.issuer_text)
        if (
            c.grammar == "party"
            and c.level in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE)
            and text_level == Level.CENTRAL
        ):
            if _names_own_body(c):  # "23-HD/ĐUK của Đảng ủy Khối Doanh nghiệp Trung ương": a central ĐUK
                c.level = Level.CENTRAL
            else:
                _repair_issuer(c, _CENTRAL_CODE_RE.sub("TW", c.issuer_code), "central")
        elif c.level is None:
            c.level = text_level or (doc_level if doc_level != Level.CENTRAL else None) or Level.PROVINCE
        elif c.issuer_code == "TU" and c.grammar == "party" and names_town_committee(c.issuer_text):
            c.level = Level.DISTRICT  # "Kế hoạch số 12-KH/TU của Thị ủy Sông Cầu"
        if c.issuer_code == "TƯ":  # T.Ư (Trung ương), or a Tỉnh ủy's TU typed with Ư: the level decides
            _repair_issuer(
                c,
                "TW" if c.level == Level.CENTRAL else "TU",
                Level.CENTRAL if c.level == Level.CENTRAL else Level.PROVINCE,
            )
        if c.level == Level.CENTRAL:
            c.place = Place()
            continue
        named = _issuer_place(c.issuer_text, c.level) if c.issuer_text else Place()
        if named.province is None and named.district and doc_place.province:
            named = Place(doc_place.province, named.district)
        place = named if named.province else doc_place
        place = place.scope(c.level)
        if named.province is None and doc_place.province and named.district is None and c.level == Level.DISTRICT:
            place = Place(doc_place.province, doc_place.district)
        if c.level == Level.COMMUNE and place.district is None:
            place = Place(place.province, doc_place.district, doc_place.commune)
        c.place = place
        missing = (c.level in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE) and not place.province) or (
            c.level in (Level.DISTRICT,) and not place.district
        )
        if missing:
            c.flags.append(Flag.PLACE_UNRESOLVED)
