"""Unit names as they are known: abbreviations expanded, one spacing, the usual case.

Shared by the unit reader (units.py), the frame reader (header.py) and title casing (case.py),
which all need the same canonical spelling of a unit's name; it reads only the lexicon, so
any of them may import it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from policygraph.ingest import lexicon as T
from policygraph.text import name_key

_phrase = T.phrase

WORD_END = r"(?!\w)"
ALL_ABBREVIATIONS = T.NAME_ABBREVIATIONS + T.ABBREVIATIONS  # the longer names first: "TT&TT" before "TT"
ABBREVIATION_RE = re.compile("|".join(
    rf"(?<!\w)(?P<a{i}>{re.escape(a)}){WORD_END if a[-1].isalnum() else ''}"
    for i, (a, _, _) in enumerate(ALL_ABBREVIATIONS)))


ACRONYM_RE = re.compile(r"[ \t]*\([A-ZĐ][A-ZĐ&]{1,9}\)(?=[ \t])")


_COMMITTEE_WORDS = {"Đảng bộ", "Chi bộ", "Đảng ủy", "Huyện ủy", "Tỉnh ủy", "Thành ủy", "Thị ủy", "Quận ủy",
                    "Đảng đoàn", "Ban cán sự đảng"}
CASE_FIXES = sorted({h.canonical for h in T.HEADS if h.canonical and " " in h.canonical} - _COMMITTEE_WORDS |
                     {"Tổ quốc", "Việt Nam", "Nhà nước", "Trung ương", "Tiểu học", "Mầm non"}, key=len, reverse=True)
CASE_FIX_RE = re.compile("|".join(f"(?<!\\w)(?:{_phrase(c.lower())})(?!\\w)" for c in CASE_FIXES), re.IGNORECASE)
CASE_MAP = {}
OWNER_CASE_RE = re.compile(r"(?<![Cc]ác )(?<!, )(?<!\w)(huyện|tỉnh|thành|thị|quận|đảng)\s+(?:ủy|uỷ)(?!\s+viên)(?!\w)",
                           re.IGNORECASE)


for _c in CASE_FIXES:
    CASE_MAP[name_key(_c)] = _c


def _fix_tones(text: str) -> str:
    for old, new in (("uỷ", "ủy"), ("Uỷ", "Ủy"), ("UỶ", "ỦY"), ("hoà", "hòa"), ("hoá", "hóa"), ("Hoà", "Hòa")):
        text = text.replace(old, new)
    return text


@lru_cache(maxsize=8192)
def canonical_unit_name(written: str, first_upper: bool = True) -> str:
    """The name a unit is known by: abbreviations expanded, one spacing, usual case."""
    s = _fix_tones(unicodedata.normalize("NFC", written))
    if "(" in s:
        s = ACRONYM_RE.sub("", s)  # "Ủy ban nhân dân (UBND) tỉnh": the short name given at a first mention
    s = ABBREVIATION_RE.sub(lambda m: ALL_ABBREVIATIONS[int(m.lastgroup[1:])][1] + " ", s)
    s = re.sub(r"\s*[-–—]\s*", " - ", s)
    s = re.sub(r"\s*,\s*", ", ", s)
    s = " ".join(s.replace("*", " ").split()).strip(" ,;:.")
    letters = [c for c in s if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.8 * len(letters):
        s = s.lower()
    s = CASE_FIX_RE.sub(lambda m: CASE_MAP.get(name_key(m.group(0)), m.group(0)), s)
    s = OWNER_CASE_RE.sub(lambda m: m.group(1).capitalize() + " ủy", s)
    s = re.sub(r"(?<=Ban Chỉ đạo )(\w)", lambda m: m.group(1).lower(), s) if "Ban Chỉ đạo " in s else s
    if s[:4].lower() == "các ":
        s = "Các " + s[4:]
    return s[:1].upper() + s[1:] if first_upper else s
