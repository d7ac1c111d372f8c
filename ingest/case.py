"""Sentence case for text written in capitals (titles under "KẾ HOẠCH", "LUẬT" …).

Vietnamese titles are written in sentence case: the first word capitalised, then proper
names only (bodies, places, the Party), numbers in their canonical form. A title set in
capitals loses that; lower-casing it and capitalising the first letter would also lower the
names, so they are put back from what policygraph already knows: document numbers (the
symbol grammar), the unit names of the unit table, the gazetteer's places after their
level word, Roman numerals of terms and congresses, and the words in PROPER below.
"""

from __future__ import annotations

import re
from functools import lru_cache

from policygraph.ingest import lexicon, symbols, tables
from policygraph.ingest.places import FORMER_PROVINCE_NAMES_BY_KEY, gazetteer
from policygraph.ingest.unit_names import CASE_FIXES, CASE_MAP, OWNER_CASE_RE
from policygraph.text import fold, name_key

# words capitalised wherever they stand in a title (unit names come from the unit table)
PROPER = (
    "Đảng", "Nhà nước", "Quốc hội", "Chính phủ", "Trung ương", "Việt Nam", "Hồ Chí Minh", "Tổ quốc",
    "Mặt trận Tổ quốc", "Ban Chấp hành", "Ban Thường vụ", "Bộ Chính trị", "Ban Bí thư",
    "Ủy ban Thường vụ Quốc hội",  # not "Ủy Ban Thường vụ": the longer name is tried first
)
# "Đảng" is the Party; "đảng viên" (party members) and "tổ chức đảng" stay in lower case
_PARTY_GENERIC = re.compile(r"(?<=\b[Tt]ổ chức )Đảng|(?<=cấp ủy )Đảng|Đảng(?= viên)")
_ROMAN = re.compile(r"(?i)\b(khóa|khoá|lần thứ|đại hội|nhiệm kỳ)(\s+)([ivxlc]+)\b")
_LEVEL_WORDS = re.compile(
    r"(?i)\b((?:tỉnh|huyện|quận|thị|thành)\s+(?:ủy|uỷ)|tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)"
    r"\s+(?=\w)"
)
_NAME_WORDS = re.compile(r"\w+(?: \w+){0,3}")  # up to four words: the longest place name tried
# "Hội nghị lần thứ bảy", "Hội nghị Trung ương"; a meeting in general ("tổ chức hội nghị") stays lower case
_MEETING = re.compile(r"\bhội nghị(?=\s+(?:lần thứ|Trung ương|Ban Chấp hành))")
# bodies written by their initials keep them in capitals: "THƯỜNG TRỰC HĐND - UBND TỈNH" is
# "Thường trực HĐND - UBND tỉnh", not "… hđnd - ubnd …"
ABBREVIATIONS = ("HĐND", "UBND", "UBMTTQ", "MTTQ", "BTV", "BCH", "BCĐ")
_ABBREVIATION_RE = re.compile(r"\b(?:" + "|".join(a.lower() for a in ABBREVIATIONS) + r")\b")


def sentence_case(text: str, first_upper: bool = True) -> str:
    """`text` in sentence case when it has no lower-case letter; otherwise as it is.

    `first_upper` False leaves the first word in lower case too (unless it is a name): for a
    title that follows its type ("Kế hoạch triển khai …"), where only a law's name
    ("Luật Đầu tư") opens with a capital."""
    if not any(c.isalpha() for c in text) or any(c.islower() for c in text):
        return text
    out, pos = [], 0
    for m in symbols.SYMBOL_RE.finditer(text):
        try:
            canonical = str(symbols.from_match(m))
        except symbols.InvalidSymbol:
            continue
        out += [text[pos : m.start()].lower(), canonical]
        pos = m.end()
    out.append(text[pos:].lower())
    s = _names_put_back("".join(out))  # no rule below matches inside a number ("30-CTr/TU")
    return s[:1].upper() + s[1:] if first_upper else s


def _names_put_back(s: str) -> str:
    # the unit table's names and their case (keyed by name_key: folded, without spaces)
    s = _unit_names_re().sub(lambda m: CASE_MAP.get(name_key(m.group(0)), m.group(0)), s)
    s = OWNER_CASE_RE.sub(lambda m: m.group(1).capitalize() + " ủy", s)
    s = _proper_re().sub(lambda m: _PROPER_MAP[fold(m.group(0))], s)
    s = _PARTY_GENERIC.sub("đảng", s)
    s = _ROMAN.sub(lambda m: m.group(1) + m.group(2) + m.group(3).upper(), s)
    s = _MEETING.sub("Hội nghị", s)
    s = _ABBREVIATION_RE.sub(lambda m: m.group(0).upper(), s)
    s = _numbered_type_re().sub(lambda m: m.group(0)[:1].upper() + m.group(0)[1:], s)
    return _places_after_level_words(s)


_PROPER_MAP = {fold(p): p for p in PROPER}


@lru_cache(maxsize=1)
def _unit_names_re() -> re.Pattern:
    """units.CASE_FIX_RE for lower-case text: without IGNORECASE, 17x faster on a title."""
    return re.compile(r"(?<!\w)(?:" + "|".join(lexicon.phrase(c.lower()) for c in CASE_FIXES) + r")(?!\w)")


@lru_cache(maxsize=1)
def _numbered_type_re() -> re.Pattern:
    """A document type named with its number ("nghị quyết số 25-NQ/TW"): a name, capitalised."""
    names = sorted(tables.name_to_codes(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")(?=\s+số\b)")


@lru_cache(maxsize=1)
def _proper_re() -> re.Pattern:
    return re.compile("|".join(rf"\b{re.escape(p.lower())}\b" for p in sorted(PROPER, key=len, reverse=True)), re.I)


# which of the gazetteer's tables the name after a level word is looked up in: "tỉnh ủy thừa …" is never
# the commune "Thứa", only a province; "thành phố" names a province or a district-level city
_LEVEL_TABLES = {
    "tinh": ("provinces",),
    "huyen": ("districts",),
    "quan": ("districts",),
    "thi": ("districts", "communes"),  # "thị xã", "thị ủy"; "thị trấn" is a commune
    "thanh": ("provinces", "districts"),
    "xa": ("communes",),
    "phuong": ("communes",),
}


def _places_after_level_words(s: str) -> str:
    """"tỉnh tuyên quang" -> "tỉnh Tuyên Quang": after each level word, the longest run of words
    (up to four) that the gazetteer knows at that word's level (_LEVEL_TABLES); the scan goes on
    right after the name, so a level word inside the words tried is read too."""
    g = gazetteer()
    out, pos = [], 0
    while (m := _LEVEL_WORDS.search(s, pos)) is not None:
        words = _NAME_WORDS.match(s, m.end()).group(0).split(" ")
        out.append(s[pos : m.end()])
        pos = m.end()
        level_word = fold(m.group(1))
        tables = _LEVEL_TABLES.get(level_word.split()[0], ("provinces", "districts", "communes"))
        if level_word == "thi tran":
            tables = ("communes",)
        for n in range(len(words), 0, -1):
            written = " ".join(words[:n])
            name = _known_name(g, fold(written), tables, written)
            if name:
                out.append(name)
                pos += len(written)
                break
    out.append(s[pos:])
    return "".join(out)


def _known_name(g, key: str, tables: tuple[str, ...], written: str = "") -> str | None:
    """The gazetteer's spelling of a folded name in the first of `tables` that has it; a province's former
    name keeps its own spelling ("Thừa Thiên Huế", which the gazetteer knows as "Huế")."""
    for table in tables:
        if table == "provinces":
            name = FORMER_PROVINCE_NAMES_BY_KEY.get(key) or g.provinces.get(key)
        else:
            name = _first(getattr(g, table).get(key), written)
        if name:
            return name
    return None


def _first(entries: list[tuple] | None, written: str = "") -> str | None:
    """The entry written as the text writes it, tone marks and all; else the first. The key folds the marks
    away, so "xuân đông" and "xuân đồng" share it: two communes, and the text says which one."""
    if not entries:
        return None
    return next((e[-1] for e in entries if e[-1].lower() == written), entries[0][-1])


# A ministry's or a provincial department's name capitalises the first word of each of its
# parts ("Bộ Lao động - Thương binh và Xã hội", "Sở Văn hóa, Thể thao và Du lịch"); a few
# names are written otherwise and are listed.
_AGENCY_RE = re.compile(r"^(Bộ|Sở) (.+)$")
_AGENCY_PART_RE = re.compile(r"(^|\s-\s|,\s|\svà\s)(\w)")
AGENCY_EXCEPTIONS = {"bộ công thương": "Bộ Công Thương", "sở công thương": "Sở Công Thương"}


def agency_case(name: str) -> str:
    """'Bộ lao động - thương binh và xã hội' -> 'Bộ Lao động - Thương binh và Xã hội'; other names as they are."""
    m = _AGENCY_RE.match(name)
    if not m:
        return name
    fixed = AGENCY_EXCEPTIONS.get(name.lower())
    if fixed:
        return fixed
    return f"{m.group(1)} " + _AGENCY_PART_RE.sub(lambda p: p.group(1) + p.group(2).upper(), m.group(2))
