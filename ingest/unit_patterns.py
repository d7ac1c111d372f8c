"""The patterns units are read by, compiled once from the lexicon (data/lexicon/units.json, tasks.json).

Heads are grouped by their first word so a position is tried only against heads that can start there;
the tails (level word and place, owner, proper name) and the clause words (openers, request and role verbs)
are here too, so the finding and the clause modules share one set.
"""

from __future__ import annotations

import re

from policygraph.ingest import lexicon as T
from policygraph.ingest.unit_names import WORD_END
from policygraph.text import name_key

OWNER_OF = {"central": "Trung ương", "province": "Tỉnh ủy", "district": "Huyện ủy", "commune": "Đảng ủy"}

UPPER = "".join(c for c in map(chr, range(0x41, 0x1F00)) if c.isupper() and c.isalpha())
LOWER = "".join(c for c in map(chr, range(0x61, 0x1F00)) if c.islower() and c.isalpha())
_CAP = f"[{UPPER}][{LOWER}]*"
_LOW = f"[{LOWER}]+"


phrase_pattern = T.phrase
alternation_pattern = T.alternation


def _end_boundary(phrase: str) -> str:
    return r"(?!\w)" if phrase[-1:].isalpha() else ""


# --- compiled patterns -------------------------------------------------------------
FIRST_WORD_RE = re.compile(r"\w+")


def first_key(phrase: str) -> str:
    """Dispatch key of a phrase or written text: its first word, folded."""
    m = FIRST_WORD_RE.match(phrase.replace("\\", ""))
    return name_key(m.group(0)) if m else ""


def _head_patterns() -> dict[str, re.Pattern]:
    """Head phrases grouped by first word, so a position is tried only against heads that can start there."""
    groups: dict[str, list[tuple[int, int, str]]] = {}
    for i, head in enumerate(T.HEADS):
        for phrase in head.phrases:
            body = phrase_pattern(phrase) + _end_boundary(phrase)
            if head.case_sensitive:
                body = body[0].upper() + body[1:] if body[0].isalpha() else body
            else:
                body = f"(?i:{body})"
            groups.setdefault(first_key(phrase), []).append((len(phrase), i, body))
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
        groups.setdefault(first_key(a), []).append(rf"(?P<a{i}>{re.escape(a)}){WORD_END if a[-1].isalnum() else ''}")
    return {k: re.compile("|".join(v)) for k, v in groups.items()}


LEVEL_WORDS = alternation_pattern(w for w, _ in T.LEVEL_WORDS)
_STOP_NAME = ("Ban|Về|Và|Thực|Kế|Quy|Nghị|Chỉ|Công|Quyết|Chương|Đề|Hội|Ủy|Uỷ|Sở|Phòng|Năm|Ngày|Số|Giai|Nhiệm|"
              "Khóa|Khoá|Lần|Tại|Của|Theo|Trong|Đến|Từ|Các|Giao|Căn|Tổ|Trên|Đảng|Nhà|Hướng|Báo")
_PLACE_NAME = rf"(?:(?!(?:{_STOP_NAME})(?!\w)){_CAP})(?:\s*[-–]?\s*(?!(?:Ban|Về|Và|Của|Theo|Trong)(?!\w)){_CAP}){{0,3}}"
# a short name given in brackets at a first mention may stand between a head and its level: "Ủy ban nhân dân
# (UBND) tỉnh Gia Lai"
_ACRONYM = r"(?:[ \t]*\((?-i:[A-ZĐ][A-ZĐ&]{1,9})\))?"
LEVEL_TAIL_RE = re.compile(rf"{_ACRONYM}\s+(?i:(?P<lw>{LEVEL_WORDS}))(?!\w)(?:\s+(?P<pn>{_PLACE_NAME}))?")
PLACE_TAIL_RE = re.compile(rf"\s+(?P<pn>{_PLACE_NAME})")
MORE_LEVEL_RE = re.compile(rf"\s*,\s*(?i:(?P<lw>{LEVEL_WORDS}))(?!\w)(?!\s+[{UPPER}])")
OWNER_TAIL_RE = re.compile(
    rf"\s+(?i:(?P<ow>{alternation_pattern(w for w, _ in T.OWNER_WORDS)}))(?!\w)"
    rf"(?:\s+(?i:(?P<lw>{LEVEL_WORDS}))(?!\w))?(?:\s+(?P<pn>{_PLACE_NAME}))?")
PARTY_ORG_TAIL_RE = re.compile(rf"\s+(?i:đảng\s+bộ)(?:\s+(?i:(?P<lw>{LEVEL_WORDS}))(?!\w))?"
                               rf"(?:\s+(?P<pn>{_PLACE_NAME}))?")
PLACE_KINDS_RE = re.compile(
    rf"{_ACRONYM}\s+(?i:các)\s+(?P<pk>(?i:{alternation_pattern(w for w, _ in T.PLACE_KINDS)})(?:\s*,\s*(?i:"
    rf"{alternation_pattern(w for w, _ in T.PLACE_KINDS)}))*)(?!\w)")
_NAMEWORD = rf"{_CAP}(?:\s+(?![{UPPER}]){_LOW})?"
NAME_TAIL_RE = re.compile(
    rf"\s+(?P<nm>(?:{'|'.join(re.escape(a) for a, _, _ in T.NAME_ABBREVIATIONS)})(?!\w)"
    rf"|(?i:{alternation_pattern(T.DEPARTMENT_NAMES)})(?!\w)|(?!(?:{_STOP_NAME})(?!\w)){_NAMEWORD}"
    rf"(?:(?:\s+|\s*[-–]\s*|\s+và\s+)(?!(?:{_STOP_NAME})(?!\w)){_NAMEWORD})*)")
# Sentence-case names ("Vụ Bình đẳng giới", lexicon.NAME_END_WORDS): a first capitalised word (any: the head
# is always followed by its name, "Vụ Kế hoạch - Tài chính", "Cục Phòng, chống …"), then words in
# lower case (not a stop word, not the letter of an "a)" item on the next line), a comma and a lower-case word,
# capitalised words not opening another unit, or "và" / a dash and such a word; a footnote number glued to a
# word ("nghiệp5") is read with it and left out of the name.
_SC_PHRASE = rf"(?i:{alternation_pattern([*T.NAME_PHRASES, *T.DEPARTMENT_NAMES])})(?!\w)"
_SC_END_CAPS = "|".join(T.NAME_END_CAPITALS)
_SC_LOW = (rf"(?!(?:{alternation_pattern([*T.NAME_END_WORDS, *(w for w, _ in T.LEVEL_WORDS)])})(?!\w))"
           rf"(?![{LOWER}]\))[{LOWER}]+(?:\d{{1,2}})?(?!\w)")
_SC_CAP = rf"[{UPPER}][{LOWER}]*(?!\w)"
_SC_JOINED = rf"(?:{_SC_PHRASE}|(?!(?:{_SC_END_CAPS})(?!\w)){_SC_CAP})"
SENTENCE_NAME_TAIL_RE = re.compile(
    rf"\s+(?P<nm>(?:{_SC_PHRASE}|{_SC_CAP})"
    rf"(?:\s+(?:{_SC_PHRASE}|{_SC_LOW}|(?!(?:{_STOP_NAME}|{_SC_END_CAPS})(?!\w)){_SC_CAP})"
    rf"|\s*[-–]\s*{_SC_JOINED}|\s+(?i:và)\s+{_SC_JOINED}|\s*,\s*(?:{_SC_PHRASE}|{_SC_LOW})){{0,24}})")
FOOTNOTE_MARK_RE = re.compile(rf"(?<=[{LOWER}])\d{{1,2}}(?!\w)")
STEERING_TAIL_RE = re.compile(rf"(?P<nm>(?:\s+(?!(?i:{LEVEL_WORDS})(?!\w))[\w\d]+){{0,8}}?)(?=\s+(?i:"
                              rf"{LEVEL_WORDS}|trung ương)(?!\w))")
HAMLET_TAIL_RE = re.compile(rf"\s+(?i:(?P<hw>thôn|ấp|bản|khu phố|tổ dân phố|khu))(?!\w)(?:\s+(?P<pn>{_PLACE_NAME}))?")
# "Bộ" with no name after it: the ministry the document speaks for ("Chánh Văn phòng Bộ")
OWN_MINISTRY_RE = re.compile(rf"\s+Bộ(?!\w)(?!\s*[{UPPER}])")
MEMBER_OF_RE = re.compile(r"(?i:(?P<c>đảng|huyện|tỉnh|thành|thị|quận)\s+(?:ủy|uỷ)\s+viên)(?!\w)")

_KIND_INDEX = [(p, k) for k in T.KINDS for p in k.phrases]


def _kind_body(phrase: str, kind: T.Kind) -> str:
    """A kind's phrase as a pattern; a case-sensitive kind is written with its first letter capitalised."""
    body = phrase_pattern(phrase)
    return f"(?-i:{body[0].upper()}{body[1:]})" if kind.case_sensitive else body


KIND_RE = re.compile("|".join(f"(?P<k{i}>{_kind_body(p, k)})(?!\\w)" for i, (p, k) in
                               sorted(enumerate(_KIND_INDEX), key=lambda x: -len(x[1][0]))), re.IGNORECASE)
KIND_OF_GROUP = {f"k{i}": kind for i, (_, kind) in enumerate(_KIND_INDEX)}
COLLECTIVE_START_RE = re.compile(r"(?i:các|những)\s+")
KIND_SEP_RE = re.compile(r"\s*(?:,|và)\s*(?!các\s)", re.IGNORECASE)
_QUAL_WORDS = alternation_pattern(["thôn", "tổ dân phố"])
COLL_QUAL_RE = re.compile(rf"\s+(?i:(?:có\s+)?liên\s+quan|chuyên\s+môn|cùng\s+cấp|{_QUAL_WORDS})"
                          r"(?!\w)")
COLL_LINK_RE = re.compile(r"\s+(?i:(?P<tt>trực\s+thuộc)|thuộc|của)(?!\w)")
LIST_SEP_RE = re.compile(r"\s*(?:,|;)?\s*(?:(?i:và|cùng)\s+)?(?:(?i:với)\s+)?")
FOR_REPORT_RE = re.compile("|".join(T.FOR_REPORT), re.IGNORECASE)
RECIPIENT_SKIP_RE = re.compile("|".join(T.RECIPIENT_SKIP), re.IGNORECASE)
NOT_UNITS_FOLDED = frozenset()  # filled below (needs fold)

# patterns the functions below would otherwise look up in re's cache (or build) on every call
COLON_RE = re.compile(r"\s*:?\s*")
COMMA_RE = re.compile(r"\s*,\s*")
LAST_LEVEL_WORD_RE = re.compile(rf"\s(?i:({LEVEL_WORDS}))$")
CITY_OWNER_RE = re.compile(r"(?i)thành (?:ủy|phố)$")
ITEM_RE = re.compile(r"[^;]+")
ITEM_PREFIX_RE = re.compile(r"([^:,]{2,40}):\s*")
PIECE_RE = re.compile(r"[^,]+")
HAS_LOWER_RE = re.compile(f"[{LOWER}]")

HEAD_RES = _head_patterns()
ABBREV_HEAD_RES = _abbrev_patterns()
OPENER_KEYS = frozenset(first_key(o) for o in T.SUBJECT_OPENERS)
UNIT_KEYS = frozenset(HEAD_RES) | frozenset(ABBREV_HEAD_RES) | {"cac", "nhung"}
OPENER_RE = re.compile(rf"(?:(?i:{'|'.join(phrase_pattern(o) for o in T.SUBJECT_OPENERS)})\s*)+")
GIVEN_RE = re.compile(r"(?i:giao|phân công)(?!\w)")
# REQUEST_VERBS inside a clause, in lower case (at a clause's start they are SUBJECT_OPENERS): right after the subject
# that asks, or anywhere in a clause; one pattern each, as a pattern that opens with a literal lets re skip to it in C
REQUEST_AT_RE = re.compile(rf"\s*(?:{'|'.join(phrase_pattern(p) for p, _ in T.REQUEST_VERBS)})(?:\s*:|\s*,\s*|\s+)")
REQUEST_RES = tuple(re.compile(rf"{phrase_pattern(p)}(?:\s*:|\s*,\s*|\s+)") for p, _ in T.REQUEST_VERBS)
ROLE_RES = [(re.compile(rf"\s*(?i:{phrase_pattern(p)})(?!\w)"), role) for p, role, _ in T.ROLE_VERBS]
GIVEN_LEAD_RE = re.compile(rf"\s*(?i:{'|'.join(phrase_pattern(v) for v in T.GIVEN_LEAD_VERBS)})(?!\w)")
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
NOT_UNITS_FOLDED = frozenset(name_key(n) for n in T.NOT_UNITS)
LEVEL_OF_WORD = {name_key(w): level for w, level in T.LEVEL_WORDS}
LEVEL_OF_OWNER = {name_key(w): level for w, level in T.OWNER_WORDS}
CENTRAL_CITIES = frozenset(name_key(c) for c in T.CENTRAL_CITIES)


WRAP_WORDS = frozenset(T.WRAP_WORDS)
