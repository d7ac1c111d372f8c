"""Documents a text names without a number: congress and plenum resolutions, laws by name.

"Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XV" or "Luật Thực hiện dân chủ ở cơ
sở" carry no symbol, so the citation grammar (ingest/citations.py) never sees them, yet
they are the top of many lineages. The rules are data (:data:`RULES`): each names the
kind of document, the literal words every match starts with, the words the text must
hold before its pattern runs at all, the pattern, and written examples that
tests/test_unnumbered.py checks. :func:`find_unnumbered` runs them over the
noise-masked text; the relation and the evidence sentence come from the citation code,
so a named document in the "Thực hiện …" preamble is implemented like a numbered one.

A law's name has no mark where it ends ("Luật Hôn nhân và gia đình và các văn bản …"), so
laws are looked up first in a table of titles (data/tables/laws.json, longest first, case
and diacritics aside); the pattern, which ends a name at its first function word, is the
fallback for laws the table does not hold.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from policygraph.ingest import tables
from policygraph.ingest.citation_relations import preamble_relation, sentence_around
from policygraph.ingest.layout import preamble
from policygraph.ingest.models import Citation, Place, UnnumberedMention
from policygraph.ingest.places import locate
from policygraph.text import fold
from policygraph.vocabulary import EdgeType, Flag, Level

_S = r"[ \t]*\n?[ \t]*"  # spacing inside a name: may wrap once
_W = r"[ \t]+"  # spacing inside a name: one line
_ROMAN = r"(?-i:[IVXLC]{1,7})\b"
# ordinal words after "lần thứ" ("Hội nghị lần thứ tư"); longest first so "mười hai" wins over "mười"
ORDINAL_WORDS = {
    "nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8,
    "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "mười ba": 13, "mười bốn": 14, "mười lăm": 15,
    "mười sáu": 16, "mười bảy": 17, "mười tám": 18, "mười chín": 19, "hai mươi": 20,
}  # fmt: skip
_ORDINAL_WORD = "|".join(w.replace(" ", _W) for w in sorted(ORDINAL_WORDS, key=len, reverse=True))
# the body whose congress it is; the level word after "Đảng bộ" gives the level
UNIT_LEVELS = {
    "tỉnh": "province", "thành phố": "city", "huyện": "district", "quận": "district", "thị xã": "district",
    "xã": "commune", "phường": "commune", "thị trấn": "commune",
}  # fmt: skip
_UNIT = "|".join(w.replace(" ", _W) for w in sorted(UNIT_LEVELS, key=len, reverse=True))
_UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper())
_PROPER = rf"(?-i:[{_UPPER}])[^\W\d_]*"  # a capitalised word (a place name)
_PERIOD = rf"(?:{_S}[,(]?{_S}nhiệm{_W}kỳ{_W}(?P<y1>(?:19|20)\d\d){_S}[-–—]{_S}(?P<y2>(?:19|20)\d\d)\)?)?"

# "Nghị quyết Đại hội [đại biểu] <whose> <ordinal> [của Đảng] [, nhiệm kỳ Y1-Y2]"; the ordinal may
# also come first ("Đại hội XIII của Đảng"). Every part is optional to the pattern: the code
# keeps a match only when it names a body (or "của Đảng") and an ordinal (or a term's years).
_OF_RESOLUTION = rf"nghị{_S}quyết{_S}(?:của{_S})?"
_PNAME = rf"(?P<pname>(?:{_W}(?!(?:lần|kh(?:óa|oá)|nhiệm|của|và)\b|{_ROMAN}){_PROPER})*)"
CONGRESS_BODY = (
    rf"đại{_S}hội{_S}(?:đại{_S}biểu{_S})?"
    rf"(?:(?:lần{_S}thứ{_S})?(?P<ord_first>{_ROMAN}){_S})?"
    rf"(?:(?P<nation>(?:đảng{_S})?toàn{_S}quốc)|đảng{_S}bộ{_S}(?P<unit>{_UNIT})\b{_PNAME}|(?P<party>đảng)(?!{_S}bộ))?"
    rf"(?:{_S}(?:lần{_S}thứ{_S}(?P<ord>{_ROMAN}|\d{{1,2}}\b)|kh(?:óa|oá){_S}(?P<khoa>{_ROMAN})))?"
    rf"(?P<of_party>{_S}của{_S}đảng(?:{_W}cộng{_W}sản{_W}việt{_W}nam)?\b)?"
    rf"{_PERIOD}"
)
CONGRESS = _OF_RESOLUTION + CONGRESS_BODY
# one "Nghị quyết" shared by a list of congresses ("Nghị quyết Đại hội XIII của Đảng và Đại hội
# Đảng bộ tỉnh lần thứ XVII"): what follows a congress's name when the list goes on
_CONGRESS_NEXT = rf"{_S}(?:,{_S}(?:và{_S})?|và{_S})(?=đại{_S}hội)"
# "Nghị quyết [Hội nghị] Trung ương 4 (khóa XII)", "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành
# Trung ương Đảng khóa XII": a plenum of the Central Committee, by number and term
PLENUM = (
    rf"nghị{_S}quyết{_S}(?:hội{_S}nghị{_S})?"
    rf"(?:(?:ban{_S}chấp{_S}hành{_S}|bch{_S})?trung{_S}ương{_S}(?:đảng{_S})?"
    rf"(?:lần{_S}thứ{_S}(?P<nword>{_ORDINAL_WORD}|\d{{1,2}})|(?P<n>\d{{1,2}}))(?![\d/]|[.\-]\d)"
    rf"|lần{_S}thứ{_S}(?P<nword2>{_ORDINAL_WORD}|\d{{1,2}}){_S}(?:ban{_S}chấp{_S}hành|bch){_S}trung{_S}ương"
    rf"(?:{_S}đảng)?)\b"
    rf"(?:{_S}[(,]?{_S}kh(?:óa|oá){_S}(?P<term>{_ROMAN})\)?)?"
)
# "Nghị quyết Hội nghị lần thứ 5 Ban Chấp hành Đảng bộ tỉnh khóa XV", "Nghị quyết Hội nghị Ban Chấp
# hành Đảng bộ huyện lần thứ mười (khóa XXI)": a plenum of a local committee, placed like its congress
LOCAL_PLENUM = (
    rf"nghị{_S}quyết{_S}(?:của{_S})?hội{_S}nghị{_S}"
    rf"(?:lần{_S}thứ{_S}(?P<nword>{_ORDINAL_WORD}|\d{{1,2}}){_S})?"
    rf"(?:ban{_S}chấp{_S}hành|bch){_S}đảng{_S}bộ{_S}(?P<unit>{_UNIT})\b{_PNAME}"
    rf"(?:{_S},?{_S}lần{_S}thứ{_S}(?P<nword2>{_ORDINAL_WORD}|\d{{1,2}})\b)?"
    rf"(?:{_S}[(,]?{_S}kh(?:óa|oá){_S}(?P<term>{_ROMAN})\)?)?"
)
# first words after "Luật" that make it something else than a law's name ("Luật sư", "Luật số 26/…");
# amending laws ("Luật sửa đổi, bổ sung một số điều của …") are left out: their names have no clear end
NOT_A_LAW = (
    "sư", "gia", "pháp", "lệ", "học", "số", "này", "đó", "trên", "định", "hóa", "hoá", "chơi", "tục", "ngầm",
    "các", "những", "và", "của", "mới", "cũ", "về", "thì", "là", "được", "đã", "hiện hành", "quy định",
    "sửa đổi", "có", "liên quan", "khác",
)  # fmt: skip
# words that end a law's name ("Luật Thực hiện dân chủ ở cơ sở | của các cơ quan"): function words
# and the words that start a clause about the law ("Bộ luật Lao động, | trừ trường hợp …")
NAME_STOPS = (
    "của", "năm", "và", "luật", "pháp luật", "hoặc", "đã", "được", "đến", "trong", "cho", "theo", "tại", "để",
    "nhằm", "với",
    "về", "có", "ban hành", "sửa đổi", "bổ sung", "đi vào", "trên", "là", "thì", "mà", "khi", "nay", "hiện hành",
    "mới", "các", "những", "ngày", "thông qua", "quy định", "hướng dẫn", "này", "đó", "gắn", "vào", "từ", "do",
    "bằng", "đối với", "triển khai", "thực hiện", "như", "cũng", "sẽ", "phải", "không", "tới", "đang", "vừa",
    "chưa", "lần", "trừ", "trường hợp", "bao gồm", "trước", "sau", "bị", "báo cáo", "tổ chức",
    "thẩm quyền", "lựa chọn", "hết hiệu lực", "hiệu lực", "nếu", "nhưng", "sử dụng người",
)  # fmt: skip


def _alternatives(phrases: tuple[str, ...]) -> str:
    return "|".join(p.replace(" ", _S) for p in sorted(phrases, key=len, reverse=True))


_LOWER = "a-z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.islower())
# between two words of a name: spaces, or a line the gazette wrapped (the next line goes on in lower case)
_GAP = rf"(?:[ \t]*\n[ \t]*(?=[{_LOWER}])|[ \t]+)"
# "số" ends a name only before the number ("Luật Đất đai số 45/2013/QH13", not "Luật Tần số vô tuyến điện")
_NAME_WORD = rf"(?!(?i:{_alternatives(NAME_STOPS)})\b|(?i:số)\s*[\d:])[^\W\d_]+"
# a law's year after its name: "năm 2013" (which may wrap to the next line) or a bare "2013"
_YEAR = rf"(?:{_W}(?:năm{_W})?|{_S}năm{_W})(?P<year>(?:19|20)\d\d)\b"
# "Luật <name> [năm 2013]", "Bộ luật <name>": a name's words run to the first stop word or
# punctuation; a comma may join two lower-case words among the first three ("Luật Phòng, chống
# tham nhũng", "Luật Quản lý, sử dụng vũ khí, vật liệu nổ")
LAW = (
    rf"(?:(?P<code>Bộ{_W}[Ll]uật)|Luật){_GAP}(?!(?i:{_alternatives(NOT_A_LAW)})\b)(?P<name>[^\W\d_]+"
    rf"(?:(?:{_GAP}|,{_W}(?=[{_LOWER}])){_NAME_WORD}){{0,2}}(?:{_GAP}{_NAME_WORD}){{0,9}})"
    rf"(?:{_YEAR})?"
)
# what follows a name when the document is cited by its number as well: that citation has it
# ("số" may wrap to the next line, a bare number may not: "Luật Đất đai\n2. Điều …")
# The Constitution and the Party Charter: named, never numbered, cited by most legal texts and
# Party decisions ("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam", "Căn cứ Điều lệ Đảng")
CONSTITUTION = (
    rf"Hiến{_S}pháp(?:{_W}nước{_W}Cộng{_W}h(?:òa|oà){_W}xã{_W}hội{_W}chủ{_W}nghĩa{_W}Việt{_W}Nam)?(?:{_YEAR})?"
)
PARTY_CHARTER = rf"Điều{_S}lệ{_S}Đảng(?:{_W}Cộng{_W}sản{_W}Việt{_W}Nam)?(?:{_YEAR})?"
# The Constitutions, by the year they are named by and the first year they were in force: "Căn cứ
# Hiến pháp" names the one in force when the text was written (a law of 2020 cites that of 2013).
CONSTITUTIONS = ((1946, 1946), (1959, 1960), (1980, 1980), (1992, 1992), (2013, 2014))


def constitution_in_force(year: int) -> int | None:
    """The year of the Constitution in force in `year` (None before the first)."""
    named = [name for name, start in CONSTITUTIONS if start <= year]
    return named[-1] if named else None
_NUMBERED_AFTER_RE = re.compile(r"[ \t]*[,(]?(?:\s*(?i:số)\s*:?\s*|[ \t]*)\d{1,5}[a-zđ]?[ \t]*[/\-]")


@dataclass(frozen=True)
class Rule:
    """One kind of document named without a number."""

    kind: str  # congress_resolution | plenum_resolution | law
    doc_type: str  # type code of the document ("NQ", "Luật")
    # Where to try the pattern, without a regex scan: every match holds one of `anchors` (found with
    # str.find: "uật") and starts with one of `openers` ("Luật"), at most `reach` characters before
    # the anchor; the pattern is tried at the opener's word. The resolutions all start "Nghị quyết",
    # their anchor: each str.find over a whole text costs, so rules with the same anchors share one.
    anchors: tuple[str, ...]
    openers: tuple[str, ...]
    reach: int
    pattern: str
    flags: int = re.IGNORECASE
    # (written, expected fields of the mention) pairs that tests/test_unnumbered.py checks
    examples: tuple[tuple[str, dict], ...] = field(default=())


_RESOLUTION = ("ghị quyết", "GHỊ QUYẾT")  # "Nghị quyết …": anchor and opener of every resolution's rule

RULES: tuple[Rule, ...] = (
    Rule(
        "congress_resolution", "NQ", _RESOLUTION, _RESOLUTION, 0, CONGRESS,
        examples=(
            ("Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII", {"level": Level.CENTRAL, "ordinal": "XIII"}),
            ("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII của Đảng", {"level": Level.CENTRAL, "ordinal": "XII"}),
            ("Nghị quyết Đại hội XIII của Đảng", {"level": Level.CENTRAL, "ordinal": "XIII"}),
            ("Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XV, nhiệm kỳ 2015 - 2020",
             {"level": Level.PROVINCE, "ordinal": "XV", "period": "2015-2020"}),
            ("Nghị quyết Đại hội Đảng bộ huyện lần thứ XI, nhiệm kỳ 2015-2020",
             {"level": Level.DISTRICT, "ordinal": "XI", "period": "2015-2020"}),
            ("Nghị quyết Đại hội Đảng bộ xã khóa XX", {"level": Level.COMMUNE, "ordinal": "XX"}),
            ("Nghị quyết Đại hội Đảng bộ thị trấn lần thứ 25", {"level": Level.COMMUNE, "ordinal": "XXV"}),
            ("nghị quyết Đại hội Đảng bộ huyện nhiệm kỳ 2020 - 2025",
             {"level": Level.DISTRICT, "ordinal": None, "period": "2020-2025"}),
            ("NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH LẦN THỨ XVII", {"level": Level.PROVINCE, "ordinal": "XVII"}),
            ("Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Gia Lai lần thứ XVI",
             {"level": Level.PROVINCE, "ordinal": "XVI", "place": Place("Gia Lai")}),
        ),
    ),
    Rule(
        "plenum_resolution", "NQ", _RESOLUTION, _RESOLUTION, 0, PLENUM,
        examples=(
            ("Nghị quyết Trung ương 4 (khóa XII)", {"level": Level.CENTRAL, "ordinal": "4", "term": "XII"}),
            ("Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII",
             {"level": Level.CENTRAL, "ordinal": "4", "term": "XII"}),
            ("Nghị quyết Hội nghị Trung ương lần thứ bảy, khóa X",
             {"level": Level.CENTRAL, "ordinal": "7", "term": "X"}),
            ("Nghị quyết Hội nghị Trung ương 8", {"level": Level.CENTRAL, "ordinal": "8", "term": None}),
        ),
    ),
    Rule(
        "plenum_resolution", "NQ", _RESOLUTION, _RESOLUTION, 0, LOCAL_PLENUM,
        examples=(
            ("Nghị quyết Hội nghị lần thứ 5 Ban Chấp hành Đảng bộ tỉnh khóa XV",
             {"level": Level.PROVINCE, "ordinal": "5", "term": "XV", "place": Place("Bình Phước")}),
            ("Nghị quyết Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ mười (khóa XXI)",
             {"level": Level.DISTRICT, "ordinal": "10", "term": "XXI", "place": Place("Bình Phước", "Hớn Quản")}),
            ("Nghị quyết Hội nghị lần thứ tư BCH Đảng bộ tỉnh Gia Lai khóa XVI",
             {"level": Level.PROVINCE, "ordinal": "4", "term": "XVI", "place": Place("Gia Lai"),
              "name": "Nghị quyết Hội nghị lần thứ 4 Ban Chấp hành Đảng bộ tỉnh Gia Lai khóa XVI"}),
        ),
    ),
    Rule(
        "constitution", "Hiến pháp", ("iến pháp",), ("Hiến pháp",), 1, CONSTITUTION, flags=0,
        examples=(
            ("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;", {"name": "Hiến pháp", "year": None}),
            ("theo Hiến pháp năm 2013", {"name": "Hiến pháp năm 2013", "year": 2013}),
        ),
    ),
    Rule(
        "party_charter", "Điều lệ", ("iều lệ Đảng",), ("Điều lệ Đảng",), 1, PARTY_CHARTER, flags=0,
        examples=(
            ("Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", {"name": "Điều lệ Đảng", "level": Level.CENTRAL}),
            ("Căn cứ Điều lệ Đảng;", {"name": "Điều lệ Đảng", "year": None}),
        ),
    ),
    Rule(
        "law", "Luật", ("uật",), ("Bộ luật", "Bộ Luật", "Luật"), 4, LAW, flags=0,
        examples=(
            ("Luật thực hiện dân chủ ở cơ sở của các cơ quan", {"name": "Luật Thực hiện dân chủ ở cơ sở"}),
            ("Luật Đất đai năm 2013", {"name": "Luật Đất đai năm 2013", "year": 2013}),
            ("Bộ luật Lao động", {"name": "Bộ luật Lao động", "year": None}),
            ("Luật Phòng, chống tham nhũng", {"name": "Luật Phòng, chống tham nhũng"}),
            # "số" inside a name, not before its number; "luật" starts another law, not more name
            ("Luật Tần số vô tuyến điện ngày 23 tháng 11", {"name": "Luật Tần số vô tuyến điện"}),
            ("Bộ luật dân sự, luật khác có liên quan", {"name": "Bộ luật Dân sự"}),
            ("Luật Doanh nghiệp, pháp luật có liên quan", {"name": "Luật Doanh nghiệp"}),
            # laws the title table does not hold: the name ends at its first function word
            ("dự thảo Luật Địa giới hành chính và các văn bản hướng dẫn", {"name": "Luật Địa giới hành chính"}),
            ("Luật Công nghiệp đường sắt năm 2026 của Quốc hội", {"name": "Luật Công nghiệp đường sắt năm 2026"}),
        ),
    ),
)  # fmt: skip


# compiled once, by pattern (two rules find plenums); a congress in a list starts at "Đại hội"
_COMPILED = {rule.pattern: re.compile(rule.pattern, rule.flags) for rule in RULES}
_FULL = {**_COMPILED, CONGRESS: re.compile(rf"(?:{_OF_RESOLUTION})?{CONGRESS_BODY}", re.IGNORECASE)}
_CONGRESS_NEXT_RE = re.compile(_CONGRESS_NEXT, re.IGNORECASE)
_CONGRESS_BODY_RE = re.compile(CONGRESS_BODY, re.IGNORECASE)
_YEAR_RE = re.compile(_YEAR)
_LAW_RULE = next(r for r in RULES if r.kind == "law")


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _words(written: str) -> str:
    return " ".join(written.split())


def find_unnumbered(text: str, level: str | None = None, place: Place | None = None,
                    citations: Sequence[Citation] = ()) -> list[UnnumberedMention]:
    """Every document named without a number in `text` (noise-masked), in text order.

    `level` and `place` are the citing document's: a local congress is the one of the
    citing document's own province, district or commune. `citations` are the text's numbered
    citations: a document named inside one's subject is part of that subject, only referenced.
    """
    found: list[UnnumberedMention] = []
    place = place or Place()
    starts: dict[tuple, list[int]] = {}  # one scan for the rules that share their anchors
    for rule in RULES:
        where = (rule.anchors, rule.openers, rule.reach)
        if where not in starts:
            starts[where] = _starts(text, rule)
        for start in starts[where]:
            for begin, end, fields in _matches(rule, text, start, level, place):
                found.append(
                    UnnumberedMention(
                        **{**fields, "flags": list(fields["flags"])}, written=text[begin:end], start=begin, end=end
                    )
                )
    if not found:
        return found
    found.sort(key=lambda u: (u.start, -u.end))
    kept = [found[0]]
    for u in found[1:]:
        if u.start >= kept[-1].end:  # not inside the one before ("Bộ Luật X" holds "Luật X")
            kept.append(u)
    end, seen = preamble(text)[0], {}
    for u in kept:
        u.relation = EdgeType.REFERENCES if _in_a_subject(u, citations) else preamble_relation(text, u.start, end)
        u.evidence = sentence_around(text, u.start, u.end, seen)
    return kept


SUBJECT_REACH = 600  # a citation's subject ends this far after its number at most (citations.py reads no further)


def _in_a_subject(u: UnnumberedMention, citations: Sequence[Citation]) -> bool:
    """Whether `u` is named in the "về …" subject of a numbered citation before it ("Thực hiện Kế hoạch số
    12-KH/TU của Tỉnh ủy về thực hiện Nghị quyết Đại hội XIII của Đảng": the plan is implemented, the
    resolution is what the plan is about)."""
    name = _words(u.written)
    return any(c.subject and 0 <= u.start - c.end <= SUBJECT_REACH and name in c.subject for c in citations)


def _matches(rule: Rule, text: str, start: int, level: str | None, place: Place) -> list[tuple[int, int, dict]]:
    """The documents named at `start`: (start, end, fields) of each, several for a list of congresses."""
    if rule.kind == "law":
        return _law_at(text, start)
    m = _COMPILED[rule.pattern].match(text, start)
    if m is None or _NUMBERED_AFTER_RE.match(text, m.end()):
        return []
    fields = _fields(rule.pattern, m.group(), level, place)
    if fields is None:
        return []
    out = [(start, m.end(), fields)]
    while rule.pattern == CONGRESS and (nxt := _CONGRESS_NEXT_RE.match(text, out[-1][1])):
        m = _CONGRESS_BODY_RE.match(text, nxt.end())
        fields = _fields(CONGRESS, m.group(), level, place)
        if fields is None or _NUMBERED_AFTER_RE.match(text, m.end()):
            break
        out.append((m.start(), m.end(), fields))
    return out


def _law_at(text: str, start: int) -> list[tuple[int, int, dict]]:
    """The law named at `start`: by its title in the table, else by the pattern's guess of its name."""
    hit = _law_by_title(text, start)
    if hit is None and (m := _COMPILED[LAW].match(text, start)) is not None:
        hit = (start, m.end(), _fields(LAW, m.group(), None, Place()))
    if hit is None or _NUMBERED_AFTER_RE.match(text, hit[1]) or _inside_other_name(text, start):
        return []
    return [hit]


_HEAD = 2000  # capitals stand only in the heading and title, at the top of a text


def _starts(text: str, rule: Rule) -> list[int]:
    """Where `rule`'s pattern may match: the word start of an opener just before each anchor.

    Plain substring searches only, so a text without the anchor costs one str.find and
    re never scans a whole text; anchors in capitals are looked for in the heading only.
    """
    out = []
    for anchor in rule.anchors:
        end = _HEAD if anchor.isupper() else len(text)
        pos = text.find(anchor, 0, end)
        while pos != -1:
            hi = pos + len(anchor)
            lo = pos - rule.reach if pos > rule.reach else 0
            for opener in rule.openers:  # the first one found wins: "Bộ luật" before "Luật"
                at = text.rfind(opener, lo, hi)
                if at != -1:
                    while at and text[at - 1].isalpha():
                        at -= 1
                    out.append(at)
                    break
            pos = text.find(anchor, hi, end)
    return sorted(set(out)) if len(out) > 1 else out


@lru_cache(maxsize=4096)
def _fields(pattern: str, written: str, level: str | None, place: Place) -> dict | None:
    """What a written name says (cached: the same few names recur in every text of a place)."""
    rule = next(r for r in RULES if r.pattern == pattern)
    m = _FULL[pattern].fullmatch(written)
    fields = _READERS[pattern](m, level, place)
    if fields is None:
        return None
    return _with_flags(rule, fields)


def _with_flags(rule: Rule, fields: dict) -> dict:
    where = fields.setdefault("place", Place())
    at = fields["level"]
    unresolved = at in ("province", "district", "commune") and getattr(where, at) is None
    fields["flags"] = (Flag.PLACE_UNRESOLVED,) if unresolved else ()
    return {"kind": rule.kind, "doc_type": rule.doc_type, **fields}


# Words that may stand capitalised right before a law's name: "(Theo Luật …)", "Căn cứ Luật …"
_BEFORE_A_LAW = frozenset(
    ("theo", "tại", "của", "và", "với", "về", "trong", "như", "do", "bởi", "cứ", "hiện", "dụng", "các", "những")
)


def _inside_other_name(text: str, start: int) -> bool:
    """ "Pháp Luật" (a heading's "pháp luật") and "Hòa Luật Nam" (a place) name no law: the word
    before is a capitalised name word that neither starts a sentence nor is a preposition."""
    if fold(text[max(0, start - 6) : start]).endswith("phap "):
        return True
    i = start
    while i and text[i - 1] in " \t":
        i -= 1
    j = i
    while j and text[j - 1].isalpha():
        j -= 1
    word = text[j:i]
    if not (word[:1].isupper() and word[1:].islower()) or word.lower() in _BEFORE_A_LAW:
        return False
    while j and text[j - 1] in " \t":
        j -= 1
    return j > 0 and text[j - 1] not in "\n.;:!?-–+*•"


# "Luật", "Bộ luật": where a title starts; then one word or punctuation mark of it at a time,
# with the spacing before it
_TITLE_HEAD_RE = re.compile(r"(Bộ[ \t]+)?[Ll]uật")
_TOKEN_RE = re.compile(r"(\s*)([^\W\d_]+|\d+|[^\w\s])")


class _TitleNode:
    """A node of the title trie: the next words (folded), whether the title writes that word in
    lower case, and the title that ends here, if one does."""

    __slots__ = ("next", "lower", "title")

    def __init__(self, lower: bool = False) -> None:
        self.next: dict[str, _TitleNode] = {}
        self.lower = lower
        self.title: str | None = None


@lru_cache(maxsize=1)
def _title_trie() -> _TitleNode:
    """Every written form of every title (laws.json) as a path of folded words to its title."""
    root = _TitleNode()
    for law in tables.law_titles():
        for written in (law.title, *law.also):
            node = root
            for _, token in _TOKEN_RE.findall(written):
                node = node.next.setdefault(fold(token), _TitleNode(token[0].islower()))
            node.title = law.title
    return root


def _law_by_title(text: str, start: int) -> tuple[int, int, dict] | None:
    """The longest table title written at `start`, with the year after it, as (start, end, fields).

    Word by word down the title trie, case and diacritics aside: words apart by any spacing (a
    page break is masked to blanks), but a word the title writes in lower case does not start a
    new line in capitals ("Luật Đầu tư" at a line's end, "Công văn …" on the next line is no
    "Luật Đầu tư công"); a footnote mark may follow the last word ("nghề nghiệp1")."""
    head = _TITLE_HEAD_RE.match(text, start)
    if head is None:
        return None
    node, pos, found = _title_trie().next["bo" if head.group(1) else "luat"], head.end(), None
    if head.group(1):
        node = node.next["luat"]
    while (m := _TOKEN_RE.match(text, pos)) is not None:
        gap, token = m.groups()
        node = node.next.get(fold(token))
        if node is None or (node.lower and "\n" in gap and not token[0].islower()):
            break
        pos = m.end()
        if node.title is not None:
            found = (node.title, pos)
    if found is None:
        return None
    title, end = found
    year = _YEAR_RE.match(text, end)
    return start, year.end() if year else end, _named_law(title, int(year.group("year")) if year else None)


@lru_cache(maxsize=1024)
def law_key(title: str | None) -> str | None:
    """The folded key a law is named by ("Luật Đầu tư" -> "dau tu", "Bộ luật Lao động" -> "bo luat
    lao dong"); None for a title that is not a law's."""
    if not title or not re.match(r"(?:Bộ luật|Luật) \w", title):
        return None
    code = title.startswith("Bộ")
    return " ".join(re.findall(r"\w+", fold(title if code else title.split(" ", 1)[1])))


def _named_law(title: str, year: int | None) -> dict:
    key = law_key(title)
    fields = dict(
        name=title + (f" năm {year}" if year else ""), issuer="Quốc hội", level=Level.CENTRAL, year=year, key=key
    )
    return _with_flags(_LAW_RULE, fields)


def _congress(m: re.Match, level: str | None, place: Place) -> dict | None:
    ordinal = m.group("ord_first") or m.group("ord") or m.group("khoa")
    if ordinal and ordinal.isdigit():
        ordinal = _roman(int(ordinal))
    period = f"{m.group('y1')}-{m.group('y2')}" if m.group("y1") else None
    if m.group("nation") or m.group("party") or (m.group("of_party") and not m.group("unit")):
        body_level, where, unit_word = Level.CENTRAL, Place(), None
    elif m.group("unit"):
        unit_word = _words(m.group("unit")).lower()
        body_level = UNIT_LEVELS[unit_word]
        where, body_level = _congress_place(body_level, unit_word, _words(m.group("pname") or ""), level, place)
    else:
        return None  # whose congress? ("Nghị quyết Đại hội Đảng bộ các cấp")
    if not ordinal and not (period and body_level != Level.CENTRAL):
        return None
    name, issuer = _congress_name(body_level, unit_word, where, ordinal, period)
    return dict(name=name, issuer=issuer, level=body_level, place=where, ordinal=ordinal, period=period)


def _congress_place(body_level: str, unit_word: str, named: str, level: str | None, place: Place) -> tuple[Place, str]:
    """The congress's place and level: the place it names, else the citing document's own."""
    if named:
        found = _locate(f"{unit_word} {named}", Level.COMMUNE if body_level == "city" else body_level)
        if found.province:
            if body_level == "city":
                body_level = Level.DISTRICT if found.district else Level.PROVINCE
            return found.scope(body_level), body_level
    if body_level == "city":  # "Đảng bộ thành phố": a city of the citing province, or the province itself
        body_level = Level.PROVINCE if level in (Level.PROVINCE, Level.CENTRAL, None) else Level.DISTRICT
    return place.scope(body_level), body_level


@lru_cache(maxsize=1024)
def _locate(named: str, level: str) -> Place:
    return locate(named, level)


def _congress_name(
    level: str, unit_word: str | None, where: Place, ordinal: str | None, period: str | None
) -> tuple[str, str]:
    """Canonical name and issuing body: "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Gia Lai lần thứ XV"."""
    if level == Level.CENTRAL:
        body = "Đại hội đại biểu toàn quốc"
        return f"Nghị quyết {body} lần thứ {ordinal} của Đảng", body
    own = getattr(where, level) if level in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE) else None
    body = f"Đại hội đại biểu Đảng bộ {unit_word}" + (f" {own}" if own else "")
    name = (
        f"Nghị quyết {body}" + (f" lần thứ {ordinal}" if ordinal else "") + (f", nhiệm kỳ {period}" if period else "")
    )
    return name, body


def _plenum(m: re.Match, level: str | None, place: Place) -> dict:
    number = m.group("n") or m.group("nword") or m.group("nword2")
    number = str(ORDINAL_WORDS.get(_words(number).lower(), number))
    term = m.group("term")
    name = f"Nghị quyết Hội nghị lần thứ {number} Ban Chấp hành Trung ương Đảng" + (f" khóa {term}" if term else "")
    return dict(name=name, issuer="Ban Chấp hành Trung ương Đảng", level=Level.CENTRAL, ordinal=number, term=term)


def _local_plenum(m: re.Match, level: str | None, place: Place) -> dict | None:
    number = m.group("nword") or m.group("nword2")
    if number is None:
        return None  # which plenum? ("Nghị quyết Hội nghị Ban Chấp hành Đảng bộ tỉnh")
    number = str(ORDINAL_WORDS.get(_words(number).lower(), number))
    unit_word = _words(m.group("unit")).lower()
    where, body_level = _congress_place(UNIT_LEVELS[unit_word], unit_word, _words(m.group("pname") or ""), level, place)
    own = getattr(where, body_level)
    issuer = f"Ban Chấp hành Đảng bộ {unit_word}" + (f" {own}" if own else "")
    term = m.group("term")
    name = f"Nghị quyết Hội nghị lần thứ {number} {issuer}" + (f" khóa {term}" if term else "")
    return dict(name=name, issuer=issuer, level=body_level, place=where, ordinal=number, term=term)


def _law(m: re.Match, level: str | None, place: Place) -> dict:
    words = _words(m.group("name"))
    head = "Bộ luật" if m.group("code") else "Luật"
    year = int(m.group("year")) if m.group("year") else None
    name = f"{head} {words[0].upper()}{words[1:]}" + (f" năm {year}" if year else "")
    key = " ".join(re.findall(r"\w+", fold(f"{head} {words}" if m.group("code") else words)))
    return dict(name=name, issuer="Quốc hội", level=Level.CENTRAL, year=year, key=key)


def _founding(m: re.Match, level: str | None, place: Place) -> dict:
    """The Constitution or the Party Charter, of the year written when one is."""
    constitution = m.re.pattern == CONSTITUTION
    year = int(m.group("year")) if m.group("year") else None
    name = "Hiến pháp" if constitution else "Điều lệ Đảng"
    issuer = "Quốc hội" if constitution else "Đại hội đại biểu toàn quốc của Đảng"
    key = "hien phap" if constitution else "dieu le dang"
    return dict(name=name + (f" năm {year}" if year else ""), issuer=issuer, level=Level.CENTRAL, year=year, key=key)


_READERS = {
    CONGRESS: _congress, PLENUM: _plenum, LOCAL_PLENUM: _local_plenum, LAW: _law,
    CONSTITUTION: _founding, PARTY_CHARTER: _founding,
}


def doc_type_name(doc_type: str) -> str | None:
    """The Vietnamese name of a named document's type ("NQ" -> "Nghị quyết")."""
    entry = tables.doc_types().get("party", {}).get(tables.fold_code(doc_type))
    return entry.name if entry else (doc_type if doc_type in ("Luật", "Hiến pháp", "Điều lệ") else None)
