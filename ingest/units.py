"""Who must do what: units, their roles, tasks, deadlines, recipients and the issuer.

The rules follow the grammar of Vietnamese plans: a task sentence opens with its
subject ("Ban Dân vận Huyện ủy chủ trì, phối hợp …"), or a numbered heading names
the unit and the bullets under it carry its tasks; "chủ trì" makes a lead,
"phối hợp" a support; "Các …" lists stand for many units one level down. The
terms live in data/lexicon/units.json and tasks.json (compiled by ingest/lexicon.py); this module
only reads text at the places
where the grammar puts units (sentence starts, "Nơi nhận", the signature), so it
stays fast enough for the ingest path.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from policygraph.ingest import lexicon as T
from policygraph.ingest.deadlines import Deadline, find_deadlines
from policygraph.ingest.layout import ON_BEHALF_RE, Layout, implementation_section, read_layout
from policygraph.ingest.models import Assignment, Place, Recipient, ReportLine, UnitExtraction, UnitMention
from policygraph.ingest.places import match_district, match_province
from policygraph.ingest.unit_names import (
    WORD_END,
    canonical_unit_name,
)
from policygraph.text import name_key
from policygraph.vocabulary import LEVEL_WORD, LEVELS, ROLE_RANK, Level

OWNER_OF = {"central": "Trung ương", "province": "Tỉnh ủy", "district": "Huyện ủy", "commune": "Đảng ủy"}

UPPER = "".join(c for c in map(chr, range(0x41, 0x1F00)) if c.isupper() and c.isalpha())
LOWER = "".join(c for c in map(chr, range(0x61, 0x1F00)) if c.islower() and c.isalpha())
_CAP = f"[{UPPER}][{LOWER}]*"
_LOW = f"[{LOWER}]+"


_phrase = T.phrase
_alternation = T.alternation


def _end_boundary(phrase: str) -> str:
    return r"(?!\w)" if phrase[-1:].isalpha() else ""


# --- compiled patterns -------------------------------------------------------------
_FIRST_WORD_RE = re.compile(r"\w+")


def _first_key(phrase: str) -> str:
    """Dispatch key of a phrase or written text: its first word, folded."""
    m = _FIRST_WORD_RE.match(phrase.replace("\\", ""))
    return name_key(m.group(0)) if m else ""


def _head_patterns() -> dict[str, re.Pattern]:
    """Head phrases grouped by first word, so a position is tried only against heads that can start there."""
    groups: dict[str, list[tuple[int, int, str]]] = {}
    for i, head in enumerate(T.HEADS):
        for phrase in head.phrases:
            body = _phrase(phrase) + _end_boundary(phrase)
            if head.case_sensitive:
                body = body[0].upper() + body[1:] if body[0].isalpha() else body
            else:
                body = f"(?i:{body})"
            groups.setdefault(_first_key(phrase), []).append((len(phrase), i, body))
    out = {}
    for key, parts in groups.items():
        parts.sort(key=lambda p: -p[0])
        out[key] = re.compile("|".join(f"(?P<h{i}_{n}>{b})" for n, (_, i, b) in enumerate(parts)))
    return out




def _abbrev_patterns() -> dict[str, re.Pattern]:
    """Abbreviations may stand where a head phrase does ("UBND huyện"): match them as heads too."""
    groups: dict[str, list[str]] = {}
    for i, (a, _, _) in enumerate(T.ABBREVIATIONS):
        if a in ("LHPN", "CCB", "TNCS", "đ/c"):
            continue
        groups.setdefault(_first_key(a), []).append(rf"(?P<a{i}>{re.escape(a)}){WORD_END if a[-1].isalnum() else ''}")
    return {k: re.compile("|".join(v)) for k, v in groups.items()}


_LEVEL_WORDS = _alternation(w for w, _ in T.LEVEL_WORDS)
_STOP_NAME = ("Ban|Về|Và|Thực|Kế|Quy|Nghị|Chỉ|Công|Quyết|Chương|Đề|Hội|Ủy|Uỷ|Sở|Phòng|Năm|Ngày|Số|Giai|Nhiệm|"
              "Khóa|Khoá|Lần|Tại|Của|Theo|Trong|Đến|Từ|Các|Giao|Căn|Tổ|Trên|Đảng|Nhà|Hướng|Báo")
_PLACE_NAME = rf"(?:(?!(?:{_STOP_NAME})(?!\w)){_CAP})(?:\s*[-–]?\s*(?!(?:Ban|Về|Và|Của|Theo|Trong)(?!\w)){_CAP}){{0,3}}"
# a short name given in brackets at a first mention may stand between a head and its level: "Ủy ban nhân dân
# (UBND) tỉnh Gia Lai"
_ACRONYM = r"(?:[ \t]*\((?-i:[A-ZĐ][A-ZĐ&]{1,9})\))?"
LEVEL_TAIL_RE = re.compile(rf"{_ACRONYM}\s+(?i:(?P<lw>{_LEVEL_WORDS}))(?!\w)(?:\s+(?P<pn>{_PLACE_NAME}))?")
PLACE_TAIL_RE = re.compile(rf"\s+(?P<pn>{_PLACE_NAME})")
_MORE_LEVEL_RE = re.compile(rf"\s*,\s*(?i:(?P<lw>{_LEVEL_WORDS}))(?!\w)(?!\s+[{UPPER}])")
OWNER_TAIL_RE = re.compile(
    rf"\s+(?i:(?P<ow>{_alternation(w for w, _ in T.OWNER_WORDS)}))(?!\w)"
    rf"(?:\s+(?i:(?P<lw>{_LEVEL_WORDS}))(?!\w))?(?:\s+(?P<pn>{_PLACE_NAME}))?")
PARTY_ORG_TAIL_RE = re.compile(rf"\s+(?i:đảng\s+bộ)(?:\s+(?i:(?P<lw>{_LEVEL_WORDS}))(?!\w))?"
                               rf"(?:\s+(?P<pn>{_PLACE_NAME}))?")
PLACE_KINDS_RE = re.compile(
    rf"{_ACRONYM}\s+(?i:các)\s+(?P<pk>(?i:{_alternation(w for w, _ in T.PLACE_KINDS)})(?:\s*,\s*(?i:"
    rf"{_alternation(w for w, _ in T.PLACE_KINDS)}))*)(?!\w)")
_NAMEWORD = rf"{_CAP}(?:\s+(?![{UPPER}]){_LOW})?"
NAME_TAIL_RE = re.compile(
    rf"\s+(?P<nm>(?:{'|'.join(re.escape(a) for a, _, _ in T.NAME_ABBREVIATIONS)})(?!\w)"
    rf"|(?i:{_alternation(T.DEPARTMENT_NAMES)})(?!\w)|(?!(?:{_STOP_NAME})(?!\w)){_NAMEWORD}"
    rf"(?:(?:\s+|\s*[-–]\s*|\s+và\s+)(?!(?:{_STOP_NAME})(?!\w)){_NAMEWORD})*)")
# Sentence-case names ("Vụ Bình đẳng giới", lexicon.NAME_END_WORDS): a first capitalised word (any: the head
# is always followed by its name, "Vụ Kế hoạch - Tài chính", "Cục Phòng, chống …"), then words in
# lower case (not a stop word, not the letter of an "a)" item on the next line), a comma and a lower-case word,
# capitalised words not opening another unit, or "và" / a dash and such a word; a footnote number glued to a
# word ("nghiệp5") is read with it and left out of the name.
_SC_PHRASE = rf"(?i:{_alternation([*T.NAME_PHRASES, *T.DEPARTMENT_NAMES])})(?!\w)"
_SC_END_CAPS = "|".join(T.NAME_END_CAPITALS)
_SC_LOW = (rf"(?!(?:{_alternation([*T.NAME_END_WORDS, *(w for w, _ in T.LEVEL_WORDS)])})(?!\w))"
           rf"(?![{LOWER}]\))[{LOWER}]+(?:\d{{1,2}})?(?!\w)")
_SC_CAP = rf"[{UPPER}][{LOWER}]*(?!\w)"
_SC_JOINED = rf"(?:{_SC_PHRASE}|(?!(?:{_SC_END_CAPS})(?!\w)){_SC_CAP})"
SENTENCE_NAME_TAIL_RE = re.compile(
    rf"\s+(?P<nm>(?:{_SC_PHRASE}|{_SC_CAP})"
    rf"(?:\s+(?:{_SC_PHRASE}|{_SC_LOW}|(?!(?:{_STOP_NAME}|{_SC_END_CAPS})(?!\w)){_SC_CAP})"
    rf"|\s*[-–]\s*{_SC_JOINED}|\s+(?i:và)\s+{_SC_JOINED}|\s*,\s*(?:{_SC_PHRASE}|{_SC_LOW})){{0,24}})")
_FOOTNOTE_MARK_RE = re.compile(rf"(?<=[{LOWER}])\d{{1,2}}(?!\w)")
STEERING_TAIL_RE = re.compile(rf"(?P<nm>(?:\s+(?!(?i:{_LEVEL_WORDS})(?!\w))[\w\d]+){{0,8}}?)(?=\s+(?i:"
                              rf"{_LEVEL_WORDS}|trung ương)(?!\w))")
HAMLET_TAIL_RE = re.compile(rf"\s+(?i:(?P<hw>thôn|ấp|bản|khu phố|tổ dân phố|khu))(?!\w)(?:\s+(?P<pn>{_PLACE_NAME}))?")
# "Bộ" with no name after it: the ministry the document speaks for ("Chánh Văn phòng Bộ")
OWN_MINISTRY_RE = re.compile(rf"\s+Bộ(?!\w)(?!\s*[{UPPER}])")
MEMBER_OF_RE = re.compile(r"(?i:(?P<c>đảng|huyện|tỉnh|thành|thị|quận)\s+(?:ủy|uỷ)\s+viên)(?!\w)")

_KIND_INDEX = [(p, k) for k in T.KINDS for p in k.phrases]


def _kind_body(phrase: str, kind: T.Kind) -> str:
    """A kind's phrase as a pattern; a case-sensitive kind is written with its first letter capitalised."""
    body = _phrase(phrase)
    return f"(?-i:{body[0].upper()}{body[1:]})" if kind.case_sensitive else body


_KIND_RE = re.compile("|".join(f"(?P<k{i}>{_kind_body(p, k)})(?!\\w)" for i, (p, k) in
                               sorted(enumerate(_KIND_INDEX), key=lambda x: -len(x[1][0]))), re.IGNORECASE)
_KIND_OF_GROUP = {f"k{i}": kind for i, (_, kind) in enumerate(_KIND_INDEX)}
COLLECTIVE_START_RE = re.compile(r"(?i:các|những)\s+")
KIND_SEP_RE = re.compile(r"\s*(?:,|và)\s*(?!các\s)", re.IGNORECASE)
_QUAL_WORDS = _alternation(["thôn", "tổ dân phố"])
COLL_QUAL_RE = re.compile(rf"\s+(?i:(?:có\s+)?liên\s+quan|chuyên\s+môn|cùng\s+cấp|{_QUAL_WORDS})"
                          r"(?!\w)")
COLL_LINK_RE = re.compile(r"\s+(?i:(?P<tt>trực\s+thuộc)|thuộc|của)(?!\w)")
LIST_SEP_RE = re.compile(r"\s*(?:,|;)?\s*(?:(?i:và|cùng)\s+)?(?:(?i:với)\s+)?")
FOR_REPORT_RE = re.compile("|".join(T.FOR_REPORT), re.IGNORECASE)
RECIPIENT_SKIP_RE = re.compile("|".join(T.RECIPIENT_SKIP), re.IGNORECASE)
_NOT_UNITS_FOLDED = frozenset()  # filled below (needs fold)

# patterns the functions below would otherwise look up in re's cache (or build) on every call
_COLON_RE = re.compile(r"\s*:?\s*")
_COMMA_RE = re.compile(r"\s*,\s*")
_LAST_LEVEL_WORD_RE = re.compile(rf"\s(?i:({_LEVEL_WORDS}))$")
_CITY_OWNER_RE = re.compile(r"(?i)thành (?:ủy|phố)$")
_ITEM_RE = re.compile(r"[^;]+")
_ITEM_PREFIX_RE = re.compile(r"([^:,]{2,40}):\s*")
_PIECE_RE = re.compile(r"[^,]+")
_HAS_LOWER_RE = re.compile(f"[{LOWER}]")

HEAD_RES = _head_patterns()
ABBREV_HEAD_RES = _abbrev_patterns()
_OPENER_KEYS = frozenset(_first_key(o) for o in T.SUBJECT_OPENERS)
_UNIT_KEYS = frozenset(HEAD_RES) | frozenset(ABBREV_HEAD_RES) | {"cac", "nhung"}
OPENER_RE = re.compile(rf"(?:(?i:{'|'.join(_phrase(o) for o in T.SUBJECT_OPENERS)})\s*)+")
GIVEN_RE = re.compile(r"(?i:giao|phân công)(?!\w)")
# REQUEST_VERBS inside a clause, in lower case (at a clause's start they are SUBJECT_OPENERS): right after the subject
# that asks, or anywhere in a clause; one pattern each, as a pattern that opens with a literal lets re skip to it in C
_REQUEST_AT_RE = re.compile(rf"\s*(?:{'|'.join(_phrase(p) for p, _ in T.REQUEST_VERBS)})(?:\s*:|\s*,\s*|\s+)")
_REQUEST_RES = tuple(re.compile(rf"{_phrase(p)}(?:\s*:|\s*,\s*|\s+)") for p, _ in T.REQUEST_VERBS)
ROLE_RES = [(re.compile(rf"\s*(?i:{_phrase(p)})(?!\w)"), role) for p, role, _ in T.ROLE_VERBS]
GIVEN_LEAD_RE = re.compile(rf"\s*(?i:{'|'.join(_phrase(v) for v in T.GIVEN_LEAD_VERBS)})(?!\w)")
CO_LEAD_RE = re.compile(r"(?i:chủ\s+trì\s*,?\s*(?:và\s+)?phối\s+hợp(?:\s+chặt\s+chẽ)?(?:\s+với)?)\s+")
REPORT_RE = re.compile(r"(?i:báo\s+cáo)(?!\w)")
REPORT_TO_RE = re.compile(r"(?i:\s+(?:kết quả|tình hình)[^.;()]{0,80}?)?\s+(?i:(?:về|với|lên|cho|gửi)\s+)?")
VIA_RE = re.compile(r"\s*\(?\s*(?i:(?:thông\s+)?qua)\s+")  # "(qua Sở Nội vụ)", "(thông qua Phòng Nội vụ)"

LINE_RE = re.compile(r"[^\n]*")
MARKUP_RE = re.compile(r"[\s#>*_]*")
# a separator followed by a digit is a date, a quarter or a fraction cut by a line end ("quý\nIV/2016"), not an item
NUMBER_RE = re.compile(
    r"(?:(?P<num>(?:\d{1,2}\s*[.\-–]\s*)*\d{1,2}|[IVXLC]{1,5})\s*[.\-–)/:](?!\d)|(?P<letter>[a-zđ])\))\s*"
)
BULLET_RE = re.compile(r"[-–+•]\s*")
# one branch per end mark: branches that open with a literal let re skip to them in C
SENTENCE_END_RE = re.compile("|".join(rf"\{c}[\s*]+(?=[*\"“(]*[{UPPER}])" for c in ".!?") + r"|;\s*")




SIGN_SKIP_RE = re.compile(r"^(?:KT\.?|TL\.?|Q\.|TUQ\.?|\(|\[)", re.IGNORECASE)
PERSON_RE = re.compile(rf"^{_CAP}(?:\s+{_CAP}){{1,5}}$")
# The verb after a space: the spaces before it are _issue_verb's to find. As "\s+(?i:xây…" the search was
# tried from each space of a blanked-out block (masked footnotes), each run reaching the block's end: 0.7 ms a text.
ISSUE_VERB_RE = re.compile(r"(?<=\s)(?i:xây\s+dựng|ban\s+hành)\s+(?i:kế\s+hoạch|chương\s+trình|hướng\s+dẫn|quy\s+chế"
                           r"|đề\s+án|kết\s+luận|chỉ\s+thị|nghị\s+quyết)")
TITLE_WORDS = (("bí thư", "Bí thư"), ("chủ tịch", "Chủ tịch"), ("thủ tướng", "Thủ tướng"),
               ("bộ trưởng", "Bộ trưởng"), ("giám đốc", "Giám đốc"), ("trưởng ban", "Trưởng ban"))
_NOT_UNITS_FOLDED = frozenset(name_key(n) for n in T.NOT_UNITS)
_LEVEL_OF_WORD = {name_key(w): level for w, level in T.LEVEL_WORDS}
_LEVEL_OF_OWNER = {name_key(w): level for w, level in T.OWNER_WORDS}
_CENTRAL_CITIES = frozenset(name_key(c) for c in T.CENTRAL_CITIES)


def _known_place_prefix(name: str, level: str | None) -> str | None:
    """The longest first words of `name` that the gazetteer knows as a province or district of that level (a
    person's name may follow a place: "Chủ tịch UBND tỉnh Thanh Hóa Nguyễn Văn An"); None if none is known."""
    if level not in (Level.PROVINCE, Level.DISTRICT):
        return None
    words = name.split()
    for k in range(len(words), 0, -1):
        prefix = " ".join(words[:k])
        if (match_province(prefix) if level == Level.PROVINCE else match_district(prefix, None)):
            return name[:name.index(words[k - 1]) + len(words[k - 1])] if k < len(words) else name
    return None


# --- recognising one unit at a position -----------------------------------------------
@dataclass(eq=False)
class Found:
    """A unit written at [start, end) and what its words say about it (one place in one text: compared by identity)."""

    start: int
    end: int
    written: str
    name: str
    unit_type: str
    collective: bool = False
    level: str | None = None  # what the words fix; None: the context decides
    explicit_level: bool = False  # a level word or owner is written
    below: bool = False  # stands for units one level below `level` (or the context)
    place_name: str | None = None
    head: T.Head | None = None
    titled: bool = False  # written as the official who heads it ("Bộ trưởng Bộ Tài chính")


def _composed(inner: Found, start: int, written: str, name: str, unit_type: str, level: str | None,
              head: T.Head | None) -> Found:
    """`inner` with a prefix written before it ("Đảng đoàn" + "HĐND tỉnh"); dataclasses.replace, without its cost."""
    return Found(start, inner.end, written, name, unit_type, inner.collective, level, inner.explicit_level,
                 inner.below, inner.place_name, head)


def _level_of_word(word: str | None) -> str | None:
    return _LEVEL_OF_WORD.get(name_key(word)) if word else None


def _owner_level(word: str) -> str | None:
    return _LEVEL_OF_OWNER.get(name_key(word))


def _word_key(text: str, pos: int) -> str:
    m = _FIRST_WORD_RE.match(text, pos)
    return name_key(m.group(0)) if m else ""


def _head_match(text: str, pos: int, key: str | None = None) -> re.Match | None:
    rx = HEAD_RES.get(_word_key(text, pos) if key is None else key)
    return rx.match(text, pos) if rx else None


def _head_at(text: str, pos: int, key: str | None = None) -> tuple[T.Head, re.Match] | None:
    key = _word_key(text, pos) if key is None else key
    rx = HEAD_RES.get(key)
    m = rx.match(text, pos) if rx else None
    arx = ABBREV_HEAD_RES.get(key)
    am = arx.match(text, pos) if arx else None
    if am and (not m or am.end() >= m.end()):
        head = _ABBREV_HEAD_OF_GROUP[am.lastgroup]
        if head is not None:
            return head, am
    if not m:
        return None
    return _HEAD_OF_GROUP[m.lastgroup], m


@cache
def _abbreviation_head(index: int) -> T.Head | None:
    """The head an abbreviation's whole expansion is ("UBND" -> Ủy ban nhân dân), or None; from the tables only."""
    expansion = T.ABBREVIATIONS[index][1]
    hm = _head_match(expansion, 0)
    if hm and hm.end() == len(expansion):
        return T.HEADS[int(hm.lastgroup[1:].split("_")[0])]
    return None


# the head each group of HEAD_RES ("h<head>_<n>") and ABBREV_HEAD_RES ("a<abbreviation>") stands for
_HEAD_OF_GROUP = {name: T.HEADS[int(name[1:].split("_")[0])] for rx in HEAD_RES.values() for name in rx.groupindex}
_ABBREV_HEAD_OF_GROUP = {name: _abbreviation_head(int(name[1:])) for rx in ABBREV_HEAD_RES.values()
                         for name in rx.groupindex}


def _collective_at(text: str, pos: int, limit: int) -> Found | None:
    start = COLLECTIVE_START_RE.match(text, pos)
    if not start:
        return None
    end = start.end()
    kinds: list[T.Kind] = []
    km = _KIND_RE.match(text, end)
    while km and km.end() <= limit:
        kinds.append(_KIND_OF_GROUP[km.lastgroup])
        end = km.end()
        sep = KIND_SEP_RE.match(text, end)
        km = _KIND_RE.match(text, sep.end()) if sep else None  # the next kind, if a separator leads to one
        if not km:
            break
        end = sep.end()
    if not kinds:
        return None
    kinds_end = end
    kind = kinds[0]
    level, explicit, below = kind.level, kind.level is not None, kind.below and kind.level is None
    place_name = None
    q = COLL_QUAL_RE.match(text, end)
    if q and q.end() <= limit:
        end = q.end()
    link = COLL_LINK_RE.match(text, end)
    probe = link.end() if link else end
    target_level, target_end, pn = None, None, None
    om = OWNER_TAIL_RE.match(text, probe)
    if om and om.end() <= limit:
        target_level = _owner_level(om.group("ow"))
        target_end, pn = om.end(), om.group("pn")
    elif (lm := LEVEL_TAIL_RE.match(text, probe)) and lm.end() <= limit:
        target_level, target_end, pn = _level_of_word(lm.group("lw")), lm.end(), lm.group("pn")
        if pn is None:  # "các đảng ủy xã, phường, đặc khu": more words of the same level
            while (more := _MORE_LEVEL_RE.match(text, target_end)) and more.end() <= limit and _level_of_word(
                    more.group("lw")) == target_level:
                target_end = more.end()
    elif link and (mb := OWN_MINISTRY_RE.match(text, probe)) and mb.end() <= limit:  # "các đơn vị thuộc Bộ"
        target_level, target_end = Level.CENTRAL, mb.end()
    else:
        inner = _single_at(text, probe + 1, limit) if text[probe:probe + 1].isspace() else None
        if inner and not inner.collective:
            target_level, target_end = inner.level, inner.end
    if target_end is not None:
        end = target_end
        place_name = pn
        if target_level and kind.level is None:
            below = bool(link and link.group("tt")) or kind.below
            if not kind.level:
                level, explicit = target_level, True
    elif link and link.group("tt"):
        end = link.end()
        below = True
    written = text[pos:end]
    kinds_text = canonical_unit_name(text[start.end():kinds_end].lower(), first_upper=False).lower()
    rest = canonical_unit_name(text[kinds_end:end], first_upper=False) if end > kinds_end else ""
    name = f"Các {kinds_text} {rest}".strip()
    return Found(pos, end, written, name, kind.unit_type, True, level, explicit, below, place_name)


def _place_kinds_level(kinds_text: str) -> str | None:
    """Level of "các tỉnh, thành phố trực thuộc Trung ương": its first place kind's."""
    kinds = _COMMA_RE.split(kinds_text)
    if name_key(kinds[0]) == name_key("tỉnh"):
        return "province"
    return _level_of_word(kinds[0]) or (Level.PROVINCE if "trực thuộc trung ương" in kinds_text.lower() else None)


def _single_at(text: str, pos: int, limit: int, key: str | None = None) -> Found | None:
    got = _head_at(text, pos, key)
    if not got:
        return None
    head, m = got
    end = m.end()
    if end > limit:
        return None
    level, explicit, place_name, collective, below = head.level, False, None, False, False
    unit_type = head.unit_type
    if head.tail == "compose":
        colon = _COLON_RE.match(text, end)
        inner = _single_at(text, colon.end(), limit) if colon else None
        if inner is None and head.phrases[0] == "chi bộ":
            hm = HAMLET_TAIL_RE.match(text, end) or NAME_TAIL_RE.match(text, colon.end() - 1 if colon else end)
            if hm and hm.end() <= limit:
                end = hm.end()
            written = text[pos:end]
            return Found(pos, end, written, canonical_unit_name(written), unit_type, False, "commune", False,
                         head=head)
        if inner is None:
            mm = MEMBER_OF_RE.match(text, colon.end()) if colon else None
            if mm and not head.keep_prefix:
                name = canonical_unit_name(mm.group("c") + " ủy")
                lv = _owner_level(mm.group("c") + " ủy")
                return Found(pos, mm.end(), text[pos:mm.end()], name, "party_committee", False, lv, True, head=head)
            return None
        written = text[pos:inner.end]
        name = (canonical_unit_name(text[pos:m.end()]) + " " + inner.name) if head.keep_prefix else inner.name
        if head.unit_type in ("party_group",) or head.phrases[0] == "chi bộ":
            unit_type = head.unit_type
        else:
            unit_type = inner.unit_type
        level = inner.level or (head.level if head.level and not inner.explicit_level else inner.level)
        return _composed(inner, pos, written, name, unit_type, level, inner.head)
    if head.tail == "owner":
        # each tail is matched only when the ones before it did not fit
        om = OWNER_TAIL_RE.match(text, end) or PARTY_ORG_TAIL_RE.match(text, end)
        if om and om.end() <= limit:
            ow = om.groupdict().get("ow")
            level = _owner_level(ow) if ow else (_level_of_word(om.group("lw")) or level)
            if ow and name_key(ow) == name_key("đảng ủy") and om.group("lw"):
                level = _level_of_word(om.group("lw"))
            explicit, place_name, end = True, om.group("pn"), om.end()
            if head.canonical == "Văn phòng" and level != Level.COMMUNE or (ow and name_key(ow) == name_key("đảng ủy")):
                unit_type = "party_board"  # the office of a party committee
        elif (pk := PLACE_KINDS_RE.match(text, end)) and pk.end() <= limit:
            collective, explicit, end = True, True, pk.end()
            level = _level_of_word(_COMMA_RE.split(pk.group("pk"))[0])
        elif (lm := LEVEL_TAIL_RE.match(text, end)) and lm.end() <= limit:
            level, explicit, place_name, end = _level_of_word(lm.group("lw")), True, lm.group("pn"), lm.end()
        elif (mb := OWN_MINISTRY_RE.match(text, end)) and mb.end() <= limit:  # "Văn phòng Bộ": the ministry's
            level, explicit, end = Level.CENTRAL, True, mb.end()
        elif text[end:end + 1].isspace():  # "Văn phòng Ủy ban nhân dân tỉnh": a State body owns it
            inner = _single_at(text, end + 1, limit)
            if inner and inner.unit_type in ("peoples_council", "peoples_committee", "front"):
                written = text[pos:inner.end]
                return _composed(inner, pos, written, canonical_unit_name(text[pos:m.end()]) + " " + inner.name,
                                 unit_type, inner.level, head)
    elif head.tail == "level":
        pk = PLACE_KINDS_RE.match(text, end)
        if pk and pk.end() <= limit:
            collective, explicit, end = True, True, pk.end()
            level = _place_kinds_level(pk.group("pk"))
        elif (lm := LEVEL_TAIL_RE.match(text, end)) and lm.end() <= limit:
            level, explicit, place_name, end = _level_of_word(lm.group("lw")), True, lm.group("pn"), lm.end()
        elif head.level and unit_type == "party_committee":
            pm = PLACE_TAIL_RE.match(text, end)
            if pm and pm.end() <= limit:
                place_name, end = pm.group("pn"), pm.end()
    elif head.tail == "name":
        nm = STEERING_TAIL_RE.match(text, end) if head.phrases[0] == "ban chỉ đạo" else None
        if nm and nm.group("nm"):
            end = nm.end()
        else:
            # a sentence-case name runs up to the limit at most: it reads lower-case words, which a longer
            # match would take from the next clause or line
            nm = SENTENCE_NAME_TAIL_RE.match(text, end, limit) if head.sentence_case else NAME_TAIL_RE.match(text, end)
            if nm and nm.end() <= limit:
                end = nm.end()
            elif head.case_sensitive:
                return None  # "Sở", "Bộ", "Báo" alone are not names
        lm = LEVEL_TAIL_RE.match(text, end)
        if lm and lm.end() <= limit:
            level, explicit, place_name, end = _level_of_word(lm.group("lw")), True, lm.group("pn"), lm.end()
        elif (pk := PLACE_KINDS_RE.match(text, end)) and pk.end() <= limit:  # "Sở Y tế các tỉnh, thành phố …"
            level, collective, explicit, end = _place_kinds_level(pk.group("pk")), True, True, pk.end()
    if head.level and not explicit:
        level = head.level
    if head.level and head.tail != "level":
        explicit = True
    if place_name and " " in place_name and text[end - len(place_name):end] == place_name:
        known = _known_place_prefix(place_name, level)  # "tỉnh Thanh Hóa Nguyễn Văn An": a name follows the place
        if known is not None and len(known) < len(place_name):
            end, place_name = end - len(place_name) + len(known), known
    written = text[pos:end].rstrip()
    end = pos + len(written)
    name = canonical_unit_name(written)
    if head.sentence_case:
        name = _FOOTNOTE_MARK_RE.sub("", name)
    if name_key(name) in _NOT_UNITS_FOLDED:
        return None
    return Found(pos, end, written, name, unit_type, collective, level, explicit, below, place_name, head)


# the folded first words COLLECTIVE_START_RE can match ("các", "những" in any case)
_COLLECTIVE_KEYS = frozenset({"cac", "nhung"})


def unit_at(text: str, pos: int, limit: int | None = None, key: str | None = None) -> Found | None:
    """The unit written at `pos`, if one starts there; `key` is _word_key(text, pos) if the caller has it."""
    key = _word_key(text, pos) if key is None else key
    if key not in _UNIT_KEYS:
        return None
    limit = len(text) if limit is None else limit
    found = _collective_at(text, pos, limit) if key in _COLLECTIVE_KEYS else None
    return found or _single_at(text, pos, limit, key)


_WORD_START_RE = re.compile(r"(?<!\w)(?=\w)")
_TRIGGER_RE = re.compile(
    "|".join(sorted({re.escape(p.split()[0].split("(")[0]) for h in T.HEADS for p in h.phrases if p[0].isalpha()}
                    | {"các", "những"} | {re.escape(a[:2]) for a, _, _ in T.ABBREVIATIONS}, key=len, reverse=True)),
    re.IGNORECASE)


def find_units(text: str) -> list[Found]:
    """Every unit written anywhere in `text`, longest first, without overlaps (for spaCy and tests)."""
    out: list[Found] = []
    pos, n = 0, len(text)
    while pos < n:
        m = _TRIGGER_RE.search(text, pos)
        if not m:
            break
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "/"):
            pos = start + 1
            continue
        found = unit_at(text, start)
        if found and found.end > start:
            out.append(found)
            pos = found.end
        else:
            pos = start + 1
    return out


def unit_list_at(text: str, pos: int, limit: int | None = None, key: str | None = None,
                 titles: bool = False) -> list[Found]:
    """Units written one after another ("A, B và các C") from `pos`; a trailing level word is shared.

    `key` is _word_key(text, pos) when the caller has it. With `titles`, an official named by title stands
    for the body they head (task subjects; a recipient "Bộ trưởng" is a person).
    """
    limit = len(text) if limit is None else limit
    units: list[Found] = []
    while pos < limit:
        if titles:
            found = _title_at(text, pos, limit) or unit_at(text, pos, limit, key)
        else:
            found = unit_at(text, pos, limit, key)
        key = None
        if not found:
            break
        members = _named_members(text, found, limit)
        if members:
            units += members
            found = members[-1]
        else:
            units.append(found)
        sibling = _same_head_other_level(text, found, limit)
        if sibling is not None:
            units.append(sibling)
            found = sibling
        sep = LIST_SEP_RE.match(text, found.end)
        pos = sep.end() if sep and sep.end() > found.end else found.end
        if pos == found.end:
            break
    _share_level_word(units)
    return units


_MEMBERS_COLON_RE = re.compile(r"[^\S\n]*:[^\S\n]*")
_MEMBER_SEP_RE = re.compile(r"[^\S\n]*,[^\S\n]*")


def _named_members(text: str, found: Found, limit: int) -> list[Found]:
    """"Giám đốc các Sở: Nội vụ, Tài chính, Y tế": a collective whose kind word is followed by a colon and names
    written without it stands for those units, each read as if the kind word were written before its name."""
    if not found.collective or found.head is not None:
        return []
    colon = _MEMBERS_COLON_RE.match(text, found.end, limit)
    if colon is None:
        return []
    word = found.written.split()[-1]
    word = word[:1].upper() + word[1:]
    out: list[Found] = []
    pos = colon.end()
    while pos < limit:
        written = f"{word} {text[pos:limit]}"
        unit = unit_at(written, 0)
        if unit is None or unit.collective or unit.end <= len(word) + 1:
            break
        shift = pos - len(word) - 1
        unit.start, unit.end, unit.titled = pos, unit.end + shift, found.titled
        unit.written = text[pos:unit.end]
        out.append(unit)
        sep = _MEMBER_SEP_RE.match(text, unit.end, limit)
        if sep is None:
            break
        pos = sep.end()
    return out


# --- officials named by title -----------------------------------------------------------
def _title_pattern() -> re.Pattern:
    """All title phrases in one anchored pattern, longest first: one match tells whether a title starts here."""
    parts = sorted(((len(p), f"(?P<t{i}_{n}>{_phrase(p)})") for i, title in enumerate(T.TITLES)
                    for n, p in enumerate(title.phrases)), key=lambda x: -x[0])
    return re.compile(rf"(?i:{'|'.join(b for _, b in parts)})(?!\w)")


TITLE_RE = _title_pattern()
_TITLE_KEYS = frozenset(_first_key(p) for title in T.TITLES for p in title.phrases)
_TITLE_OF_GROUP = {name: T.TITLES[int(name[1:].split("_")[0])] for name in TITLE_RE.groupindex}
_SPACES_RE = re.compile(r"\s+")
_TITLE_GAP_RE = re.compile(r"[^\S\n]*:\s*|\s+")
# the enacting formula names its document with a capital: "ban hành Thông tư" (not "ban hành quyết định công nhận")
ENACTING_RE = re.compile(r"\s*(?i:ban\s+hành)\s+(?:" + "|".join(
    _phrase(t[0].upper() + t[1:]) for t in T.ENACTING_TYPES) + r")(?!\w)")


@cache
def _meant(stands_for: str) -> Found:
    """The unit a bare title stands for, read from the table's text ("các bộ")."""
    found = unit_at(stands_for, 0)
    assert found is not None, stands_for
    return found


def _title_at(text: str, pos: int, limit: int) -> Found | None:
    """"Bộ trưởng Bộ Tài chính", "Các Bộ trưởng": the body an official named by title heads, or None."""
    m = TITLE_RE.match(text, pos, limit)
    if m is None or m.group(0).isupper():
        return None  # "BỘ TRƯỞNG", "KT. CHỦ TỊCH": a signer in the signature frame, not a task's subject
    after = _TITLE_GAP_RE.match(text, m.end(), limit)  # "Giao Giám đốc: Sở Văn hóa, …"
    if after:
        unit = unit_at(text, after.end(), limit)
        if unit is not None:
            return Found(pos, unit.end, text[pos:unit.end], unit.name, unit.unit_type, unit.collective, unit.level,
                         unit.explicit_level, unit.below, unit.place_name, unit.head, titled=True)
        if text[after.end():after.end() + 1].isupper():
            return None  # a name the grammar cannot read, or a person ("Chủ tịch Hồ Chí Minh")
    title = _TITLE_OF_GROUP[m.lastgroup]
    if title.stands_for is None:
        return _shared_collective(text, pos, m.end(), limit)
    meant = _meant(title.stands_for)
    return Found(pos, m.end(), text[pos:m.end()], meant.name, meant.unit_type, meant.collective, meant.level,
                 meant.explicit_level, meant.below, None, meant.head, titled=True)


def _shared_collective(text: str, pos: int, end: int, limit: int) -> Found | None:
    """"Vụ trưởng, Cục trưởng, Tổng cục trưởng các Vụ, Cục … thuộc Bộ Y tế": titles in a row, each with nothing
    after it, share the collective written after the last one; the run from `pos` is that one unit (one body per
    title cannot be told apart). `end` is where the first title ends; None when the run ends on no collective."""
    while (sep := _COMMA_RE.match(text, end, limit)) and (nxt := TITLE_RE.match(text, sep.end(), limit)):
        if _TITLE_OF_GROUP[nxt.lastgroup].stands_for is not None:
            return None  # "Bộ trưởng": a title that is a unit of its own
        end = nxt.end()
        after = _SPACES_RE.match(text, end, limit)
        unit = unit_at(text, after.end(), limit) if after else None
        if unit is not None:
            if not unit.collective:
                return None
            return Found(pos, unit.end, text[pos:unit.end], unit.name, unit.unit_type, True, unit.level,
                         unit.explicit_level, unit.below, unit.place_name, unit.head, titled=True)
    return None


# ", xã" after "UBND huyện": the same head at another level, not followed by a head of its own
# ("tỉnh, thành phố trực thuộc Trung ương" is one level, the provinces and the cities run like them)
_OTHER_LEVEL_RE = re.compile(
    rf"\s*,\s*(?:(?i:và)\s+)?(?P<lw>(?i:{_LEVEL_WORDS}))(?!\w)(?!\s+(?i:ủy|uỷ|trực\s+thuộc)(?!\w))"
)


def _same_head_other_level(text: str, found: Found, limit: int) -> Found | None:
    """"UBND huyện, xã": the head of `found` written once for its level and the one below gives
    a second unit, the one "UBND xã" would give (written, and spanning, as the whole phrase)."""
    if found.head is None or found.head.tail != "level" or not found.explicit_level or found.collective:
        return None
    m = _OTHER_LEVEL_RE.match(text, found.end, limit)
    own = _LAST_LEVEL_WORD_RE.search(found.written)
    if m is None or own is None or name_key(m.group("lw")) == name_key(own.group(1)):
        return None
    other = unit_at(f"{found.written[: own.start()]} {m.group('lw')}", 0)
    if other is None or found.level not in LEVELS or other.level not in LEVELS:
        return None
    if LEVELS.index(other.level) != LEVELS.index(found.level) + 1:
        return None
    other.start, other.end, other.written = found.start, m.end("lw"), text[found.start : m.end("lw")]
    return other


def _share_level_word(units: list[Found]) -> None:
    """"HĐND, UBND huyện": the last unit's level word also belongs to the bare ones right before it (a unit
    that writes its own level ends the run: "Trưởng Ban Dân tộc, …, UBND cấp huyện, UBND cấp xã")."""
    if len(units) < 2:
        return
    last = units[-1]
    m = _LAST_LEVEL_WORD_RE.search(last.name)
    if not m or not last.explicit_level:
        return
    for u in reversed(units[:-1]):
        if u.explicit_level:
            break
        if u.head is not None and u.head.level is not None:
            continue  # a head with a level of its own ("Thường trực Huyện ủy, HĐND, UBND huyện")
        if not u.explicit_level and u.head is not None and u.head.tail == "level" and not u.collective:
            u.name = f"{u.name} {m.group(1)}"
            u.level, u.explicit_level = last.level, True
        elif u.collective and not u.explicit_level and u.unit_type in ("mass_org", "press"):
            u.name = f"{u.name} {m.group(1)}"
            u.level, u.explicit_level = last.level, True


# --- context ------------------------------------------------------------------------
@dataclass
class UnitContext:
    """What the document already knows about itself."""

    level: str | None = None
    place: Place = field(default_factory=Place)
    issuer_code: str | None = None
    doc_date: str | None = None
    doc_type: str | None = None  # type code ("TT"): a circular's bare "Bộ trưởng" is its own minister


def _below(level: str | None) -> str | None:
    if level is None:
        return None
    i = LEVELS.index(level)
    return LEVELS[min(i + 1, len(LEVELS) - 1)]


def _resolve(found: Found, ctx: UnitContext) -> UnitMention:
    """Level, place and full name of a unit as this document means it."""
    level = found.level
    if level is None:
        level = _below(ctx.level) if found.below else ctx.level
    elif found.below:
        level = _below(level)
    if (
        level == Level.DISTRICT
        and _CITY_OWNER_RE.search(found.name)
        and name_key(ctx.place.province) in _CENTRAL_CITIES
    ):
        level = Level.PROVINCE
    if found.place_name and name_key(found.place_name) in _CENTRAL_CITIES:
        level = Level.PROVINCE
    name = found.name
    if not found.explicit_level and level:
        name = _complete(found, name, level, ctx)
    place = _place_for(level, ctx, found.place_name)
    return UnitMention(name=name, written=found.written, unit_type=found.unit_type, level=level, place=place,
                       collective=found.collective, start=found.start, end=found.end)


def _complete(found: Found, name: str, level: str, ctx: UnitContext) -> str:
    """Write out the scope the text leaves implicit ("MTTQ" in a district plan is "Mặt trận Tổ quốc huyện")."""
    head = found.head
    if found.collective:
        if found.unit_type in ("mass_org", "press") and level in LEVEL_WORD:
            return f"{name} {LEVEL_WORD[level]}"
        return name
    if head is None:
        return name
    if head.tail == "level" and head.level is None and found.unit_type != "party_committee":
        return f"{name} {LEVEL_WORD[level]}" if level in LEVEL_WORD else name
    if head.tail == "owner" and head.canonical not in ("Văn phòng",):
        if head.canonical == "Ban Chấp hành":
            return f"{name} Đảng bộ {LEVEL_WORD[level]}" if level in LEVEL_WORD else f"{name} Trung ương Đảng"
        return f"{name} {OWNER_OF[level]}"
    return name


def _place_for(level: str | None, ctx: UnitContext, written: str | None) -> Place:
    place = _place_cached(level, ctx.level, ctx.place, written)
    return ctx.place if place is None else place


@lru_cache(maxsize=1024)
def _place_cached(level: str | None, ctx_level: str | None, ctx_place: Place, written: str | None) -> Place | None:
    """The place of a unit at `level`; None for the context's own place object, which _place_for puts back, so
    a mention shares its document's place the same way whether or not the cache holds an equal one from an
    earlier document (a parse pickles the same bytes the first time and every time after)."""
    base = _scoped_place(level, ctx_level, ctx_place, written)
    return None if base is ctx_place else base


def _scoped_place(level: str | None, ctx_level: str | None, ctx_place: Place, written: str | None) -> Place:
    if level == Level.CENTRAL:
        return Place()
    base = ctx_place
    ctx_rank = LEVELS.index(ctx_level) if ctx_level in LEVELS else None
    rank = LEVELS.index(level) if level in LEVELS else None
    if rank is not None and ctx_rank is not None and rank <= ctx_rank:
        base = base.scope(level)
    elif rank is not None and ctx_rank is not None and rank > ctx_rank:
        base = Place(base.province, base.district if rank > 2 or level == Level.DISTRICT else None, None)
        base = base.scope(LEVELS[ctx_rank])
    if written and level in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE):
        current = getattr(base, level)
        if not current or name_key(current) != name_key(written):
            base = replace(base, **{level: written})
    return base


# --- reading the document -----------------------------------------------------------


# markup, numbering, bullet, markup in one match: each later part may be empty, so re's first
# match is what the four patterns matched one after the other give
LINE_HEAD_RE = re.compile(
    rf"{MARKUP_RE.pattern}(?:{NUMBER_RE.pattern})?(?P<bullet>{BULLET_RE.pattern})?{MARKUP_RE.pattern}"
)


def _strip_line(text: str, start: int, end: int) -> tuple[int, bool, bool]:
    """Skip markup, numbering and bullets: (content start, numbered, bulleted)."""
    m = LINE_HEAD_RE.match(text, start, end)
    return m.end(), m.group("num") is not None, m.group("letter") is not None or m.group("bullet") is not None


# ROLE_RES in one match: every phrase opens with a letter, so the spaces before it are the same whichever
# phrase matches, and the first alternative that matches is the first pattern of ROLE_RES that does
# the role verb opens the predicate, after the subject or after the colon of "Công an tỉnh: Chủ trì, …"
_ROLE_RE = re.compile(r"[\s:]*(?:" + "|".join(f"(?P<r{i}>(?i:{_phrase(p)})(?!\\w))" for i, (p, _, _) in
                                             enumerate(T.ROLE_VERBS)) + ")")
_ROLE_OF_GROUP = {f"r{i}": role for i, (_, role, _) in enumerate(T.ROLE_VERBS)}


def _role(text: str, pos: int, end: int, given: bool) -> str:
    m = _ROLE_RE.match(text, pos, end)
    if m:
        return _ROLE_OF_GROUP[m.lastgroup]
    if given and GIVEN_LEAD_RE.match(text, pos, end):
        return "lead"
    return "execute"


def _subject(text: str, pos: int, end: int, key: str | None = None,
             stop: int | None = None) -> tuple[list[Found], int, bool]:
    """Units that open a clause, where the predicate starts, and whether they were "given" the task.

    `key` is _word_key(text, pos) when the caller has it. A list of officials that reaches the line end `end`
    may run on over wrapped lines up to `stop`: the predicate then starts after `end`.
    """
    key = _word_key(text, pos) if key is None else key
    opener = OPENER_RE.match(text, pos, end) if key in _OPENER_KEYS else None
    given = False
    if opener and opener.end() > pos:
        given = bool(GIVEN_RE.search(opener.group(0)))
        pos = opener.end()
        key = None  # another word starts the subject
    elif key not in _UNIT_KEYS and key not in _TITLE_KEYS:  # most clauses: no unit or title can start here
        return [], pos, given
    units = unit_list_at(text, pos, end, key, titles=True)
    if not units:
        return [], pos, given
    if text[end:end + 1] == "\n" and any(u.titled for u in units):
        wrap = min(_wrap_end(text, end), len(text) if stop is None else stop)
        if wrap > end:  # a list of officials runs on over the line wraps of a legal text
            longer = unit_list_at(text, pos, wrap, key, titles=True)
            units = longer if longer and longer[-1].end >= units[-1].end else units
    tail = units[-1].end
    if units[0].titled and ENACTING_RE.match(text, tail, end):
        return [], pos, given  # the official enacts the document: no task
    if text[tail:tail + 1].isalnum():  # a unit name must end at a word boundary
        return [], pos, given
    return units, tail, given


def _requested(text: str, cs: int, ce: int, units: list[Found], pred: int,
               verbs: list[tuple[int, int]]) -> tuple[list[Found], int, bool] | None:
    """Units asked to act in the clause [cs, ce) by "(A) đề nghị / yêu cầu / giao B …": B, where B's predicate
    starts and whether B was "given" the task (no units when A asks someone who is no unit); None when no one
    is asked.

    `verbs` are the request verbs of the text (_request_verbs). A is the clause's subject (`units`, whose
    predicate starts at `pred`), or a unit after a fronted phrase
    ("Thực hiện Kết luận …, Ban Thường vụ Huyện ủy đề nghị các chi bộ …"), or nothing. A verb after any other
    words is not a request to a unit ("theo đề nghị của Sở Nội vụ", "nếu có vướng mắc đề nghị …").
    """
    if units:
        m = _REQUEST_AT_RE.match(text, pred, ce)
        verb = (m.start(), m.end()) if m else None
    else:
        verb = next((v for v in verbs[bisect_left(verbs, (cs,)):] if v[0] >= ce or _requester_before(text, cs, v[0])),
                    None)
        verb = verb if verb is not None and verb[0] < ce else None
    if verb is None:
        return None
    if text[verb[1] - 1] == ":":  # "Ban Thường vụ Quận ủy yêu cầu:": what follows is asked of others
        return [], pred, False
    asked = unit_list_at(text, verb[1], ce, titles=True)
    if not asked or text[asked[-1].end:asked[-1].end + 1].isalnum():
        # the subject asks someone who is no unit ("yêu cầu các cấp ủy, tổ chức đảng …"): the task is not its own
        return ([], pred, False) if units else None
    return asked, asked[-1].end, GIVEN_RE.search(text, verb[0], verb[1]) is not None


def _request_verbs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of every request verb in [start, end), in text order."""
    return sorted((m.start(), m.end()) for rx in _REQUEST_RES for m in rx.finditer(text, start, end))


def _any_between(marks: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of the sorted (start, end) `marks` starts in [start, end)."""
    i = bisect_left(marks, (start,))
    return i < len(marks) and marks[i][0] < end


_NAME_WORD = rf"[{UPPER}][{LOWER}]*"
_COMRADE_RE = re.compile(rf"(?i:đồng\s+chí)\s+(?:{_NAME_WORD}\s+){{1,5}}[–-]\s*")
_PERSON_RE = re.compile(rf"(?:\s+{_NAME_WORD}){{2,5}}\s*")  # "Chủ tịch UBND tỉnh Nguyễn Văn An yêu cầu"


def _requester_before(text: str, cs: int, at: int) -> bool:
    """Whether the words between the clause's last comma before `at` (or its start) and `at` name units only (the
    verb at `at` must start a word)."""
    if at > cs and not (text[at - 1].isspace() or text[at - 1] == ","):
        return False
    start = max(cs, text.rfind(",", cs, at) + 1)
    words = text[start:at]
    if not words.strip():
        return True
    first = start + len(words) - len(words.lstrip())
    comrade = _COMRADE_RE.match(text, first, at)  # "đồng chí Trần Văn An – Phó Chủ tịch UBND huyện yêu cầu"
    requester = unit_list_at(text, comrade.end() if comrade else first, at, titles=True)
    if not requester:
        return False
    rest = text[requester[-1].end:at]
    return not rest.strip() or (requester[-1].titled and _PERSON_RE.fullmatch(rest) is not None)


def _lists_items(text: str, ce: int, le: int) -> bool:
    """Whether the clause ending at `ce` ends its line with a colon: what it asks for is in the items below."""
    return text[ce:le].strip(" \t*") == "" and text[:ce].rstrip(" \t*").endswith(":")


_SENTENCE_MARKS = ".;:!?"
WRAP_LINES = 3  # how many wrapped lines a list of officials may run on over


def _wrap_end(text: str, end: int) -> int:
    """End of the lines a sentence that stops without a mark at `end` (a line end) runs on over; `end` if none."""
    out = end
    for _ in range(WRAP_LINES):
        if text[:out].rstrip(" *\t")[-1:] in _SENTENCE_MARKS:
            break
        nl = text.find("\n", out + 1)
        nxt = len(text) if nl < 0 else nl
        if not text[out + 1:nxt].strip():
            break  # a blank line ends the paragraph
        out = nxt
    return out


_WRAP_WORDS = frozenset(T.WRAP_WORDS)


def _wrapped_before(text: str, ls: int) -> bool:
    """Whether the line above the one at `ls` stops on a word no sentence ends with ("của", "thuộc" …): it was
    wrapped. A comma does not tell: a subject may follow a fronted phrase ("Trong thời hạn …, Bộ X có văn bản")."""
    prev = text[max(0, ls - 24):max(0, ls - 1)].rstrip(" \t*")
    cut = prev.rfind(" ")
    return prev[cut + 1:].lower() in _WRAP_WORDS if cut >= 0 else False


def _run_on_end(text: str, pred: int, breaks: _Breaks) -> int:
    """End of the clause whose predicate starts at `pred`, on a later line than its subject started."""
    pred = _SPACES_RE.match(text, pred).end() if text[pred:pred + 1].isspace() else pred
    nl = text.find("\n", pred)
    le = len(text) if nl < 0 else nl
    found = breaks.within(pred, le)
    if not found:
        return le
    mark = found[0].start()
    return mark + (text[mark] != ";")


def _clauses(text: str, start: int, end: int, word: str, breaks: list[re.Match]) -> list[tuple[int, int, bool, str]]:
    """(start, end) of each sentence or ';' clause in a line, whether it opens a sentence, and its first word.

    `word` is the word at `start` (from _LINE_OPEN_RE); `breaks` are the line's breaks from `start` on (from
    _Breaks), each with the first word after it, so the scan needs no second look at a clause start.
    """
    out = []
    pos = start
    opens = True
    for m in breaks:
        mark = m.start()
        stop = mark + (text[mark] != ";")
        if stop > pos:
            out.append((pos, stop, opens, word))
        opens = text[mark] != ";"
        pos, word = m.start("word"), m.group("word")
    if pos < end:
        out.append((pos, end, opens, word))
    return out


# SENTENCE_END_RE one mark at a time, each branch with the first word after it, and without crossing a newline
# (the spaces are [^\S\n]): in a whole part of a text these find the matches SENTENCE_END_RE finds line by line
# (no match holds a second mark, so none hides another). A pattern that opens with a literal lets re skip to
# it in C, which a set of marks does not: four such scans are much faster than one.
_LINE_SPACE = r"[^\S\n]"
_BREAK_RES = {c: re.compile(rf"\{c}(?:{_LINE_SPACE}|\*)+(?=[*\"“(]*[{UPPER}])(?P<word>\w*)") for c in ".!?"}
_BREAK_RES[";"] = re.compile(rf";{_LINE_SPACE}*(?P<word>\w*)")


class _Breaks:
    """The sentence and ';' breaks of a part of a text, found in one go and handed out line by line."""

    def __init__(self, text: str, start: int, end: int) -> None:
        found: list[re.Match] = []
        for mark, rx in _BREAK_RES.items():
            if text.find(mark, start, end) >= 0:
                found += rx.finditer(text, start, end)
        found.sort(key=re.Match.start)
        self.found = found
        self.marks = [m.start() for m in found]

    def within(self, start: int, end: int) -> list[re.Match]:
        """The breaks whose mark is in [start, end): what SENTENCE_END_RE.finditer(text, start, end) gives
        when [start, end) lies within one line."""
        return self.found[bisect_left(self.marks, start):bisect_left(self.marks, end)]


_SUBJECT_KEYS = _OPENER_KEYS | _UNIT_KEYS | _TITLE_KEYS  # first words a clause subject can start with
_OWN_SUBJECT_RE = re.compile(rf"(?i:{_alternation(p for p, _ in T.OWN_SUBJECT_OPENERS)})(?!\w)")


_NOT_TASK_RE = re.compile(rf"[\s:,]*(?i:{'|'.join(_phrase(p) for p, _ in T.NOT_TASK_PREDICATES)})(?!\w)")
_PASSIVE_RE = re.compile(rf"(?i:{'|'.join(_phrase(p) for p, _ in T.PASSIVE_NOT_TASKS)})(?!\w)")


def _no_task(text: str, pred: int, ce: int, low: str) -> bool:
    """Whether the predicate at `pred` says what its subject did or is granted rather than what it is to do
    (`low` is the clause in lower case: the passive is looked for only in clauses that hold "được")."""
    return bool(_NOT_TASK_RE.match(text, pred, ce) or ("được" in low and _PASSIVE_RE.search(text, pred, ce)))


def _own_subject(text: str, cs: int, ce: int) -> bool:
    """Whether the clause at `cs` opens on a subject of its own (a title, "các …") rather than on its verb."""
    return bool(_OWN_SUBJECT_RE.match(text, cs, ce) or TITLE_RE.match(text, cs, ce))

_HEADING_REST_RE = re.compile(r"[\s*:.]*(?i:có\s+trách\s+nhiệm)?[\s*:.]*$")
_RESP_RE = re.compile(r"(?i:trách\s+nhiệm(?:\s+của)?)\s+")
# A line's head (LINE_HEAD_RE, then "trách nhiệm của") and the first word after it, in one match. Every part
# before the word can be empty, so re's first match is what the parts matched one after the other give.
_LINE_OPEN_RE = re.compile(rf"{LINE_HEAD_RE.pattern}(?:{_RESP_RE.pattern})?(?P<word>\w*)")


def _scan(text: str, start: int, end: int, ctx: UnitContext, in_body: bool, section: str | None,
          out: UnitExtraction, minister: Found | None = None) -> None:
    """Tasks of the lines in [start, end); `minister` is the ministry a bare "Bộ trưởng" stands for, if one."""
    heading: list[Found] = []
    resolved: dict[Found, UnitMention] = {}  # a heading's units take every task below it: resolved once
    le = start - 1
    breaks = _Breaks(text, start, end)
    run_on, run_units = -1, []  # a subject that ran on over wrapped lines: where its clause ends, its units
    listed: list[Found] = []  # units asked to do the items below ("… đề nghị các chi bộ thực hiện nội dung sau:")
    verbs = _request_verbs(text, start, end)  # where a clause may ask units to act
    for line in text[start:end].split("\n"):  # the lines LINE_RE.finditer would give, without its empty matches
        ls, le = le + 1, le + 1 + len(line)
        if not line or line.isspace() or le <= run_on:
            continue
        head = _LINE_OPEN_RE.match(text, ls, le)
        numbered = head.group("num") is not None
        item = numbered or head.group("letter") is not None or head.group("bullet") is not None
        if not item:
            listed = []
        line_subject: list[Found] = run_units if ls < run_on else []
        first = ls >= run_on
        pos = head.start("word")
        for cs, ce, opens, word in _clauses(text, pos, le, head.group("word"), breaks.within(pos, le)):
            if cs < run_on:
                continue  # read with the subject that ran on to this line
            key = name_key(word)  # what _word_key(text, cs) gives: lines end at a newline, so the word does too
            if key in _SUBJECT_KEYS:
                units, pred, given = _subject(text, cs, ce, key, end)
                if units and cs == pos and not numbered and _wrapped_before(text, ls):
                    units, pred, given = [], cs, False  # the sentence of the line above goes on here
                if minister is not None and units:
                    units = _own_minister(units, minister)
                if pred > ce:  # the subject ran on over wrapped lines: the clause ends on the predicate's line
                    ce = run_on = _run_on_end(text, pred, breaks)
                    run_units = units
            else:  # what _subject returns when no opener or unit can start the clause
                units, pred, given = [], cs, False
            asked = _requested(text, cs, ce, units, pred, verbs) if verbs and _any_between(verbs, cs, ce) else None
            if asked is not None:
                units, pred, given = asked
                if _lists_items(text, ce, le):
                    listed = units  # the items below say what they are asked to do
                    if not in_body:
                        heading = units
                    first = False
                    continue
            elif not units and key not in _SUBJECT_KEYS and in_body and not line_subject and not (listed and item):
                continue  # no subject here or before it in the line: no task (the body keeps no heading)
            if first and units and _HEADING_REST_RE.match(text, pred, ce) and not in_body:
                heading = units  # "2. Hội đồng nhân dân, Ủy ban nhân dân huyện": tasks follow below
                line_subject = units
                first = False
                continue
            if first and numbered and not units:
                heading = []
            first = False
            if units:
                line_subject = units
                if numbered:
                    heading = [] if in_body else units
            elif listed and item and not line_subject:
                units = listed
            elif opens and not line_subject and not in_body:
                units = heading
            elif line_subject and not (pred == cs and _own_subject(text, cs, ce)):
                units = line_subject  # the clause opens on its verb: the subject before it on the line acts
            if not units:
                continue
            task, limit, low = _task(text, cs, ce, ctx.doc_date)
            if _no_task(text, pred, ce, low):
                continue
            role = _role(text, pred, ce, given)
            _assign(units, role, task, limit, cs, ce, ctx, resolved, in_body, section, out)
            if GATE_WORDS["co_lead"] in low:
                for co in CO_LEAD_RE.finditer(text, cs, ce):
                    partners = unit_list_at(text, co.end(), ce)
                    _assign(partners, "support", task, limit, cs, ce, ctx, resolved, in_body, section, out)
            if GATE_WORDS["report"] in low:
                _reports(text, cs, ce, ctx, out)


# A pattern that needs one of these words is tried on a clause only when its lower-cased text holds the word:
# for their letters re's IGNORECASE match is exactly str.lower() (tests/test_units_fast_paths.py).
GATE_WORDS = {"co_lead": "chủ", "report": "báo"}  # CO_LEAD_RE, REPORT_RE


def _task(text: str, cs: int, ce: int, doc_date: str | None) -> tuple[str, Deadline | None, str]:
    """A clause as a task: its text on one line, its first time limit, and its lower-cased text (for gates)."""
    clause = text[cs:ce].strip(" *;.")
    low = clause.lower()
    limits = find_deadlines(clause, doc_date, low)
    return _one_line(clause), limits[0] if limits else None, low


def _one_line(clause: str) -> str:
    """The clause with each run of spaces made one space; most clauses already are (only ' ' is printable space)."""
    if clause.isprintable() and "  " not in clause and clause[:1] != " " and clause[-1:] != " ":
        return clause
    return " ".join(clause.split())


def _assign(units: list[Found], role: str, task: str, limit: Deadline | None, cs: int, ce: int, ctx: UnitContext,
            resolved: dict[Found, UnitMention], in_body: bool, section: str | None, out: UnitExtraction) -> None:
    """One assignment per unit; the task is also its own evidence."""
    for u in units:
        out.assigns.append(Assignment(
            unit=_resolve_once(u, ctx, resolved), role=role, task=task, section=section, in_body=in_body,
            deadline=limit.date if limit else None, deadline_rule=limit.rule if limit else None,
            deadline_text=limit.text if limit else None, evidence=task, start=cs, end=ce))


def _resolve_once(found: Found, ctx: UnitContext, resolved: dict[Found, UnitMention]) -> UnitMention:
    """_resolve(found, ctx), worked out once per unit and context: the assignments of one unit written once (a
    heading's units take every task below it) share one mention, as nothing changes a mention once extracted
    (merge_assignments copies the assignment, not its unit); one object is cheaper to build and to pickle."""
    m = resolved.get(found)
    if m is None:
        m = resolved[found] = _resolve(found, ctx)
    return m


def _reports(text: str, cs: int, ce: int, ctx: UnitContext, out: UnitExtraction) -> None:
    """"báo cáo … về A (qua B)": reports go to A through B."""
    for m in REPORT_RE.finditer(text, cs, ce):
        probe = REPORT_TO_RE.match(text, m.end(), ce)
        # the report may go to the official who heads the body: "báo cáo Chủ tịch UBND tỉnh (qua Sở Nội vụ)"
        to = (_title_at(text, probe.end(), ce) or unit_at(text, probe.end(), ce)) if probe else None
        if not to:
            continue
        via = None
        vm = VIA_RE.match(text, to.end, ce)
        if vm:
            via = unit_at(text, vm.end(), ce)
        out.reports_to.append(ReportLine(
            to=_resolve(to, ctx), via=_resolve(via, ctx) if via else None,
            evidence=" ".join(text[cs:ce].split()), start=m.start(), end=(via or to).end))


def _signature(text: str, layout: Layout, ctx: UnitContext, out: UnitExtraction) -> int | None:
    """Issuer, signer and title from the last "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ / name"; returns where it starts."""
    if not layout.on_behalf:
        return None
    sig = ON_BEHALF_RE.rx.match(text, layout.on_behalf[-1].start)
    body = sig.group("body").strip(" *")
    found = unit_at(body, 0)
    if found:
        out.issuer = _resolve(found, ctx)
        out.issuer.start, out.issuer.end = sig.start("body"), sig.start("body") + len(body)
    title = None
    for line in text[sig.end():sig.end() + 400].split("\n")[1:]:
        line = line.strip(" *#\t")
        if not line or SIGN_SKIP_RE.match(line):
            continue
        letters = [c for c in line if c.isalpha()]
        if PERSON_RE.match(line) and title:
            out.signer_name = line
            break
        if letters and len(line) < 60:
            title = line
    if title:
        t = title.lower()
        for low, cap in TITLE_WORDS:
            t = t.replace(low, cap)
        out.signer_title = t[:1].upper() + t[1:]
    return sig.start()


def _issue_verb(text: str) -> int | None:
    """Where the spaces before the first "ban hành Kế hoạch" of the intro start: r"\\s+" + ISSUE_VERB_RE's start."""
    m = ISSUE_VERB_RE.search(text, 0, min(len(text), 4000))
    return len(text[: m.start()].rstrip()) if m else None


def _issuer_from_intro(text: str, ctx: UnitContext, out: UnitExtraction) -> None:
    """"…, Ủy ban nhân dân tỉnh ban hành Kế hoạch": the body that says it issues the document."""
    verb = _issue_verb(text)
    if verb is None:
        return
    line_start = text.rfind("\n", 0, verb) + 1
    cut = max(text.rfind(",", line_start, verb), text.rfind(".", line_start, verb))
    pos = cut + 1 if cut >= 0 else line_start
    while pos < verb and text[pos].isspace():
        pos += 1
    found = unit_at(text, pos, verb)
    if found and found.end == verb:
        out.issuer = _resolve(found, ctx)


def _recipients(text: str, layout: Layout, ctx: UnitContext, out: UnitExtraction) -> int | None:
    """The first "Nơi nhận" list as recipients; "Lưu" lines and internal notes are left out."""
    for head in layout.recipients:
        got: list[Recipient] = []
        _bullet_list(text, head.end, ctx, got)
        if got:
            out.recipients.extend(got)
            return head.start
    return layout.recipients[0].start if layout.recipients else None


def _bullet_list(text: str, pos: int, ctx: UnitContext, got: list[Recipient]) -> None:
    """The bulleted lines from `pos` (blank lines and short sub-headings ending in ':' skipped)."""
    while pos < len(text):
        nl = text.find("\n", pos)
        le = len(text) if nl < 0 else nl
        line = text[pos:le]
        stripped = line.strip(" *\t")
        if stripped and not BULLET_RE.match(stripped):
            if stripped.endswith(":") and len(stripped) < 40:
                pos = le + 1
                continue
            break
        if stripped:
            b = BULLET_RE.match(text, pos + (len(line) - len(line.lstrip(" *\t"))))
            _recipient_items(text, b.end(), le, ctx, got)
        pos = le + 1


# "Kính gửi: …" in a letter's frame: whom it is addressed to, on its line or in a list below
def _addressees(text: str, layout: Layout, ctx: UnitContext, out: UnitExtraction) -> None:
    """The addressees of a letter ("Kính gửi: - Các chi, đảng bộ cơ sở; …") as recipients."""
    head = layout.addressees
    if head is None:
        return
    got: list[Recipient] = []
    le = text.find("\n", head.end)
    le = len(text) if le < 0 else le
    if text[head.end:le].strip(" *\t"):  # "Kính gửi: Ban Thường vụ Tỉnh ủy"
        b = BULLET_RE.match(text, head.end)
        _recipient_items(text, b.end() if b else head.end, le, ctx, got)
    else:
        _bullet_list(text, le + 1, ctx, got)
    out.recipients.extend(got)


def _recipient_items(text: str, start: int, end: int, ctx: UnitContext, got: list[Recipient]) -> None:
    for part in _ITEM_RE.finditer(text[start:end]):
        ps, pe = start + part.start(), start + part.end()
        item = text[ps:pe]
        lead = len(item) - len(item.lstrip())
        ps += lead
        item = item.strip().rstrip(",.;")
        if not item or RECIPIENT_SKIP_RE.match(item):
            continue
        for_report = bool(FOR_REPORT_RE.search(item))
        item = (FOR_REPORT_RE.sub("", item) if for_report else item).split(" + ")[0].strip(" ,.")
        prefix = _ITEM_PREFIX_RE.match(item)
        pieces = []
        if prefix:  # "Chi bộ: Trường Tiểu học, Trường Mầm non"
            off = prefix.end()
            for sub in _PIECE_RE.finditer(item[off:]):
                s = sub.group(0).strip()
                if s:
                    lead_ws = len(sub.group(0)) - len(sub.group(0).lstrip())
                    pieces.append((prefix.group(1) + " " + s, ps + off + sub.start() + lead_ws,
                                   len(prefix.group(1)) + 1))
        else:
            pieces.append((item, ps, 0))
        for piece, offset, shift in pieces:
            for u in _piece_units(piece):
                mention = _resolve(u, ctx)
                mention.written = piece[u.start:u.end]  # this piece's own text, not the equal one cached with u
                mention.start = offset + max(0, u.start - shift)
                mention.end = offset + max(0, min(u.end, len(piece)) - shift)
                got.append(Recipient(unit=mention, for_report=for_report, written=piece))


@lru_cache(maxsize=4096)
def _piece_units(piece: str) -> tuple[Found, ...]:
    """The units one recipient line names; cached, as the same lines close many documents (read-only results)."""
    units = unit_list_at(piece, 0)
    if not units:
        units = find_units(piece)
    if not units and _HAS_LOWER_RE.search(piece) and len(piece.split()) >= 2:
        units = [Found(0, len(piece), piece, canonical_unit_name(piece), "other")]
    return tuple(units)


MINISTER_RE = re.compile(r"(?<!\w)Bộ\s+trưởng\s+(?=Bộ\s)")
ENACTING_HEAD_CHARS = 8000  # the enacting formula closes the preamble, within the first pages
_BARE_MINISTER = name_key("Bộ trưởng")


def _issuing_ministry(text: str, ctx: UnitContext) -> Found | None:
    """The ministry whose minister issues the document ("Bộ trưởng Bộ Tài chính ban hành Thông tư"), for the
    types one minister issues (lexicon.MINISTER_DOC_TYPES); None otherwise."""
    if ctx.doc_type not in T.MINISTER_DOC_TYPES:
        return None
    for m in MINISTER_RE.finditer(text, 0, min(len(text), ENACTING_HEAD_CHARS)):
        unit = unit_at(text, m.end())
        if unit is not None and not unit.collective and ENACTING_RE.match(text, unit.end):
            return unit
    return None


def _own_minister(units: list[Found], ministry: Found) -> list[Found]:
    """A bare "Bộ trưởng" in a circular is its issuing minister: the ministry. Followed by the heads of other
    bodies ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ …") it is every minister, as in a decree."""
    out = list(units)
    for i, u in enumerate(units):
        if not u.titled or name_key(u.written) != _BARE_MINISTER:
            continue
        nxt = units[i + 1] if i + 1 < len(units) else None
        if nxt is not None and nxt.titled and nxt.collective:
            continue
        out[i] = Found(u.start, u.end, u.written, ministry.name, ministry.unit_type, False, ministry.level,
                       ministry.explicit_level, False, None, ministry.head, titled=True)
    return out


# --- text wrapped at a fixed width ----------------------------------------------------------
# PDF and gazette extraction cut every line at a fixed width, so a unit name, a list of units or a task runs on
# over line ends anywhere ("Ban cán sự đảng Ủy ban / nhân dân tỉnh"). unwrap() reads such a line end as the space
# it replaced; a line end before an item, a heading or a blank line stays one.
WRAP_WIDTH_MAX = 160  # a text whose long lines are longer is not wrapped: its lines are paragraphs
WIDTH_QUANTILE = 0.9  # the width a text is wrapped at: this share of its long lines are no longer
WIDTH_SAMPLE = 20_000  # characters the width is read from: some hundred lines, enough for the quantile
LONG_WORD = 16  # no word of running text is longer: a line shorter than a full one by more is not full
FULL_LINE_SHARE = 0.85  # a line that would reach this share of the width with the next line's first word is full
# What opens a line of its own: a numbered or lettered item ("1. ", "2.3. ", "II- ", "a)"; not a symbol
# "01-ĐA/TU", a date "15/10" or a number "1.000"), a bullet, an article ("Điều 5."; "tại Điều 5" goes on), a
# chapter, section or part alone on its line, or markup.
LINE_OPENER_RE = re.compile(
    r"(?:\d{1,2}[ \t]*[.\-–][ \t]*)*\d{1,2}[ \t]*(?:[.\-–):/][ \t]|[.)](?=[^\W\d]))|[IVXLC]{1,5}[ \t]*[.\-–):][ \t]"
    r"|[a-zđ]\)|[-–+•]|Điều[ \t]+\d+[a-zđ]?[ \t]*\.|(?:Chương|Mục|Phần)[ \t]+[\dIVXLC]+[ \t.:]*$|[*#>|_]")
# The title of an article, chapter, section or part: a heading, whatever follows it ("Điều 5. Hướng dẫn thi hành").
_ARTICLE_RE = re.compile(r"[ \t*#]*(?:Điều|Chương|Mục|Phần)[ \t]+[\dIVXLC]+[a-zđ]?[ \t]*[.:]")


def _after_line(marks: str = "") -> str:
    """A line end after a line that ends on a word (not on markup: "**KẾ HOẠCH**") or a character not in `marks`,
    whatever spaces trail it: fixed-width lookbehinds after the "\n" each pattern opens with (a pattern that opens
    with a literal lets re skip to it in C)."""
    return "(?:" + "|".join(rf"(?<=[^\s*{marks}]{trail}\n)" for trail in ("", r"[ \t]", r"[ \t]{2}")) + ")"


# A line that goes on in lower case continues the sentence: no sentence opens so ("a)" opens an item).
_LOWER_NEXT_RE = re.compile(rf"\n{_after_line()}(?=[ \t]*(?![a-zđ]\))[{LOWER}])")


@lru_cache(maxsize=64)
def _capital_next_re(shortest: int) -> re.Pattern:
    """A line end before a capital, a number, a quote, or the dash of a cut "chính trị - xã hội", after a line of
    `shortest` characters or more that ends without a sentence mark: a wrap only under the conditions
    _wraps_before() checks. The length is a fixed-width lookbehind, so re passes the short lines over in C (a
    table's cells)."""
    return re.compile(rf"\n{_after_line(re.escape('.;:!?'))}(?<=[^\n]{{{shortest}}}\n)"
                      rf"(?=[ \t]*(?:[{UPPER}\d(“\"]|[-–][ \t]+[{LOWER}]))")


def _full_length(text: str, start: int, end: int) -> int | None:
    """The length a full line of text[start:end] reaches, if it is wrapped at a fixed width; None if not. Read
    from the lines of its first WIDTH_SAMPLE characters (a text is wrapped at one width throughout): the width is
    what most of its long lines reach, the lines at least half as long as the longest ones (not the one in a
    hundred that runs over: a table row, a heading); short lines, a table's cells or a paragraph's last line, do
    not tell."""
    lengths = sorted(filter(None, map(len, text[start:min(end, start + WIDTH_SAMPLE)].split("\n")[:-1])))
    if not lengths:
        return None
    longest = lengths[-1 - len(lengths) // 100]
    long = lengths[bisect_left(lengths, longest // 2):]
    width = long[-1 - int((1 - WIDTH_QUANTILE) * len(long))]
    return int(FULL_LINE_SHARE * width) if width <= WRAP_WIDTH_MAX else None


def _wraps_before(text: str, nl: int, start: int, full: int) -> bool:
    """Whether the line end at `nl` (a _capital_next_re() match) wraps a paragraph of a text wrapped at a fixed width.

    The line must be full (with the next line's first word it would pass the width), and the next line not an
    item or heading. Then the dash of "chính trị - xã hội", a number or a quote goes on, and a capital does when
    the line ends on a comma or a word no sentence ends with (lexicon.WRAP_WORDS), when a unit or an official's
    title starts the next line ("Đảng đoàn / Ủy ban Mặt trận Tổ quốc", "phối hợp / Văn phòng Huyện ủy"), or when a
    unit at the end of the line runs on (_unit_runs_over). Any other capital may open a paragraph after a heading
    ("6. Phối hợp … quần chúng / Các cơ quan, đơn vị …").
    """
    ls = max(start, text.rfind("\n", start, nl) + 1)
    ne = text.find("\n", nl + 1)
    ne = len(text) if ne < 0 else ne
    after = text[nl + 1:ne]
    bs = nl + 1 + len(after) - len(after.lstrip(" \t"))  # where the next line's text starts
    dash = text[bs] in "-–"
    if not dash and LINE_OPENER_RE.match(text, bs, ne):
        return False
    word = _FIRST_WORD_RE.search(text, bs, ne)
    if word is None or nl - ls + 1 + word.end() - bs < full:
        return False
    if dash or not text[bs].isalpha():
        return True  # no paragraph opens with a dash, a number or a quote that is not an item
    line = text[ls:nl].rstrip(" \t")
    if not _HAS_LOWER_RE.search(line) or not _HAS_LOWER_RE.search(after) or _ARTICLE_RE.match(line):
        return False  # a heading in capitals, above or below, or an article's title above
    if line[-1] in ",-–" or line[line.rfind(" ") + 1:].lower() in _WRAP_WORDS:
        return True
    key = _word_key(text, bs)
    if key in _COLLECTIVE_KEYS:
        return False  # "các" is written in lower case inside a sentence
    if key in _UNIT_KEYS and unit_at(text, bs, ne, key) or key in _TITLE_KEYS and TITLE_RE.match(text, bs, ne):
        return True
    return _unit_runs_over(text, ls, nl, ne)


_TAIL_WORDS = 3  # a unit whose head runs over a line end starts in the line's last words


def _unit_runs_over(text: str, ls: int, nl: int, ne: int) -> bool:
    """Whether a unit written at the end of the line [ls, nl) runs on into the next line (up to `ne`): its head
    phrase does ("Mặt trận / Tổ quốc"), or its name does where the head is no unit alone ("Sở / Nội vụ"). A
    place name after a whole unit does not tell ("Ủy ban nhân dân tỉnh / Tăng cường …" reads "Tăng" as one)."""
    starts = [m.start() for m in _WORD_START_RE.finditer(text, max(ls, nl - 60), nl)][-_TAIL_WORDS:]
    for pos in starts:
        key = _word_key(text, pos)
        if key not in _UNIT_KEYS:
            continue
        over = unit_at(text, pos, ne, key)
        if over is None or over.end <= nl:
            continue
        head = _head_at(text, pos, key)
        if head is not None and head[1].end() > nl or unit_at(text, pos, nl, key) is None:
            return True
    return False


def unwrap(text: str, start: int = 0, end: int | None = None) -> str:
    """`text` with the line ends in [start, end) that wrap a paragraph made spaces: the same length, so every
    position stays where it was. A line end before a lower-case word goes in any text, one before other words only
    in a text wrapped at a fixed width (_wraps_before). Nothing to join: `text` itself."""
    end = len(text) if end is None else end
    full = _full_length(text, start, end)
    capitals = []
    if full is not None:
        ends = _capital_next_re(max(1, full - LONG_WORD)).finditer(text, start, end)
        capitals = [m.start() for m in ends if _wraps_before(text, m.start(), start, full)]
    part, joined = _LOWER_NEXT_RE.subn(" ", text[start:end])
    if capitals:
        pieces, cut = [], 0
        for nl in capitals:
            pieces += (part[cut:nl - start], " ")
            cut = nl - start + 1
        pieces.append(part[cut:])
        part = "".join(pieces)
    return f"{text[:start]}{part}{text[end:]}" if joined or capitals else text


def extract_units(text: str, context: UnitContext, layout: Layout | None = None) -> UnitExtraction:
    """Issuer, signer, assignments, reporting lines and recipients of one document (its zones from `layout`)."""
    layout = layout or read_layout(text)
    out = UnitExtraction()
    sig_start = _signature(text, layout, context, out)
    if out.issuer is None:
        _issuer_from_intro(text, context, out)
    _addressees(text, layout, context, out)
    rec_start = _recipients(text, layout, context, out)
    body_end = min(p for p in (sig_start, rec_start, len(text)) if p is not None)
    section = implementation_section(text, body_end)
    start = _body_start(text, layout)
    minister = _issuing_ministry(text, context)
    # the tasks are read with wrapped paragraphs on one line; the frame, signature and recipients keep their lines
    text = unwrap(text, min(start, body_end, section.start if section else body_end), body_end)
    if section:
        _scan(text, min(start, section.start), section.start, context, True, None, out, minister)
        _scan(text, section.start, section.end, context, False, section.number, out, minister)
        if section.end < body_end:
            _scan(text, section.end, body_end, context, True, None, out, minister)
    else:
        _scan(text, min(start, body_end), body_end, context, True, None, out, minister)
    return out


def _body_start(text: str, layout: Layout) -> int:
    """Where tasks can begin: the first section heading ("I. MỤC ĐÍCH …", "Điều 1") or numbered
    item after the title, else the end of the type heading. The frame above ("ĐẢNG BỘ TỈNH …", "HUYỆN ỦY …") and the
    preamble's "…, Ban Thường vụ Huyện ủy xây dựng Kế hoạch" name the issuer, not tasks."""
    after_title = layout.heading.end if layout.heading else 0
    return _asking_intro(text, layout.tasks_start, after_title) if layout.tasks_start != after_title else after_title


def _asking_intro(text: str, start: int, floor: int) -> int:
    """`start`, or the start of the paragraph just above it when that paragraph asks units to do the items that
    follow ("…, Ban Thường vụ Huyện ủy đề nghị các chi bộ thực hiện một số nội dung sau:", as letters do)."""
    above = text[floor:start].rstrip(" \t\n*")
    if not above.endswith(":"):
        return start
    para = max(above.rfind("\n\n"), len(above) - 600, 0)
    para = above.find("\n", para) + 1 if para else 0
    return floor + para if _request_verbs(above, para, len(above)) else start


# --- helpers for the graph ------------------------------------------------------------
def unit_key(unit: UnitMention) -> tuple[str, str | None, Place]:
    """Identity of a unit inside one document's scope: folded name, level, place."""
    return name_key(unit.name), unit.level, unit.place


def merge_assignments(assigns: list[Assignment]) -> list[Assignment]:
    """One assignment per unit and section/body: the strongest role, the first limit found.

    The graph keeps one `assigns` edge per document and unit; this is how the many
    task clauses of a unit become that one edge.
    """
    merged: dict[tuple, Assignment] = {}
    for a in assigns:
        key = (*unit_key(a.unit), a.in_body)
        have = merged.get(key)
        if have is None:
            merged[key] = replace(a)
            continue
        if ROLE_RANK[a.role] > ROLE_RANK[have.role]:
            have.role = a.role
        if not have.deadline_rule and a.deadline_rule:
            have.deadline, have.deadline_rule, have.deadline_text = a.deadline, a.deadline_rule, a.deadline_text
    return list(merged.values())


def reporters_of(extraction: UnitExtraction, line: ReportLine) -> list[UnitMention]:
    """Units whose task clause holds the reporting line: the `from` side of `reports_to`."""
    return [a.unit for a in extraction.assigns if a.start <= line.start < a.end]


def unit_label(unit: UnitMention) -> str:
    """Display name with the place the name leaves implicit ("Ban Thường vụ Huyện ủy Hớn Quản")."""
    place = (
        getattr(unit.place, unit.level, None) if unit.level in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE) else None
    )
    if place and name_key(place) not in name_key(unit.name) and not unit.collective:
        return f"{unit.name} {place}"
    return unit.name
