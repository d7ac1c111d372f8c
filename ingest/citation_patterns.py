"""The patterns citations are read by: the words before a number (type names, the look-back), the words
after it (issuing body, subject, date), and the triggers that open a clause (the lexicon's
data/lexicon/triggers.json, built into one pattern here).
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from policygraph.ingest import lexicon, tables
from policygraph.ingest.layout import HEADING_ALTERNATIVES, HEADINGS

TYPE_NAMES = "|".join(re.escape(n) for n in tables.type_names())
_TYPE_NAMES_LOWER = tuple(n.lower() for n in tables.type_names())  # longest first
# what stands right before a symbol, after its type name: "số", an enumeration "23, 24,"
_NUMBER_TAIL_RE = re.compile(
    r"(?:(?i:số)[ \t\n]*:?[ \t\n]*)?(?P<enum>(?:\d{1,5}[a-z]?[ \t\n]*(?:,|và)[ \t\n]*)+)?$"
)  # a line end may fall anywhere in it: "Nghị quyết số 23,\n24, 25-NQ/TW"
# every character a _NUMBER_TAIL_RE match can hold, digits aside ("s" is also "S" and "ſ" to
# IGNORECASE), and the final "\n" its "$" may stand before
_TAIL_CHARS = "sSſốỐ \t:,và\n" + string.ascii_lowercase
# type names by their last character, longest first as in _TYPE_NAMES_LOWER
_TYPE_NAMES_BY_LAST: dict[str, tuple[str, ...]] = {
    last: tuple(n for n in _TYPE_NAMES_LOWER if n[-1] == last) for last in {n[-1] for n in _TYPE_NAMES_LOWER}
}


def _tail_floor(window: str) -> int:
    """The earliest start of a _NUMBER_TAIL_RE match: where the run of characters it can hold begins.

    The pattern is optional throughout, so re would try it at every character of the
    window; starting the search here finds the same (leftmost) match.
    """
    q = len(window)
    while True:
        q = len(window[:q].rstrip(_TAIL_CHARS))
        if q and window[q - 1].isdecimal():  # \d is exactly str.isdecimal()
            q -= 1
            continue
        return q


@dataclass
class Lookback:
    tname: str | None  # type name as written ("Nghị quyết")
    enum: str | None  # "23, 24, " before "25-NQ/TW"
    start: int  # offset in the window where the citation's words begin
    has_so: bool


# the type names with each space a line end or spaces, at the end of the text before a number
_WRAPPED_TYPE_NAME_RE = re.compile(
    "(?:" + "|".join(re.escape(n).replace(r"\ ", r"[ \t]*\n?[ \t]*") for n in tables.type_names()) + r")$",
    re.IGNORECASE,
)


def lookback(window: str) -> Lookback:
    """Type name, "số" and enumeration before a symbol (a cheap end-anchored scan)."""
    m = _NUMBER_TAIL_RE.search(window, _tail_floor(window))
    pos = m.start() if m else len(window)
    has_so = bool(m and m.group(0).strip()[:2].lower() == "số")
    head = window[:pos].rstrip(" \t\n")
    low = head[-32:].lower()
    for name in _TYPE_NAMES_BY_LAST.get(low[-1:], ()):
        if low.endswith(name):
            at = len(head) - len(name)
            if at == 0 or not head[at - 1].isalpha():
                return Lookback(head[at:], m.group("enum") if m else None, at, has_so)
    if "\n" in low or "  " in low:  # a type name wrapped over two lines ("Chỉ\nthị số 30-CT/TW"), or spaced out
        wrapped = _WRAPPED_TYPE_NAME_RE.search(head, max(0, len(head) - 40))
        if wrapped and (wrapped.start() == 0 or not head[wrapped.start() - 1].isalpha()):
            return Lookback(head[wrapped.start() :], m.group("enum") if m else None, wrapped.start(), has_so)
    enum = m.group("enum") if m else None
    return Lookback(None, enum, pos if (enum or has_so) else len(window), has_so)


# "Số: 45-KH/HU" at the start of a line is a document's own number, not a citation; so is
# "Nghị quyết số: 653/2019/UBTVQH14" (the type name, then "số" with a colon: a label, not a phrase)
OWN_NUMBER_RE = re.compile(
    r"(?:(?:^|\n)[ \t*#_]*(?:[^\W\d_]+[ \t]){0,3}(?:Số[ \t]*:?|số[ \t]*:)|(?<![^\W\d_])Số[ \t]*:)[ \t]*$"
)  # the label "Số:" anywhere: a text whose line ends were lost keeps it mid-line
TERM_RE = re.compile(r"kh(?:óa|oá)[ \t\n]+(?P<term>[IVXL]{1,6})\b", re.IGNORECASE)
# the gap between two words of a phrase: spaces, or one line end (text wrapped at a fixed
# width breaks "thực hiện" as "thực\nhiện"), never a blank line (lexicon $gap)
_GAP = lexicon.GAP
gapped = lexicon.gapped


ISSUER_START_RE = re.compile(
    r"(?:của[ \t\n]+)?(?P<body>(?!ban\s+hành\b)(?:Hội nghị|Ban|Bộ|Thủ tướng|Chính phủ|Quốc hội|Tỉnh ủy|Tỉnh uỷ|"
    r"Thành ủy|Huyện ủy|"
    r"Huyện uỷ|Quận ủy|Thị ủy|Đảng ủy|Đảng uỷ|UBND|Ủy ban|Uỷ ban|HĐND|Hội đồng|Văn phòng|Sở|Mặt trận|MTTQ|"
    r"Thường trực|Ban Thường vụ|Bộ Chính trị|Ban Bí thư|Đoàn|Hội|Liên|BCH|BTV|TTg)\b)",
    re.IGNORECASE,
)
ISSUER_STOP_RE = re.compile(
    r"[ \t\n]+(?:"
    + gapped("về|nhằm|để|thực hiện|triển khai|ban hành|quy định|tại|sau đây|đã|đến|với|trong|gắn|theo|trên|"
              "phê duyệt|hướng dẫn|sửa đổi")
    + r")\b|"
    rf"[ \t\n]+và[ \t\n]+(?:{TYPE_NAMES})\b|"
    # "… của Bộ Chính trị và các nghị quyết chuyên đề": a list of other things follows
    r"[ \t\n]+và[ \t\n]+(?:các|những)\b|"
    # verbs that follow a body in lower case ("Ban Tuyên giáo Tỉnh ủy tuyên truyền …"); the
    # capitalised words are names ("Ban Tuyên giáo"), so these stop in lower case only
    r"[ \t\n]+(?-i:tuyên truyền|yêu cầu|đề nghị|chủ trì)\b|"
    r"[“\"”;:,*_)]|\.(?:\s|$)|\n[ \t]*\n|\((?!\s*kh)",
    re.IGNORECASE,
)
# capital letters, Vietnamese ones included ("Ủy ban", "Ở"): the first letter of a new clause
CAPITALS = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper())
# a subject ends at a clause end, or where a capitalised word follows a comma: the
# preamble's actor ("…, Ban Thường vụ Huyện ủy xây dựng Kế hoạch", "…, Ủy ban nhân dân tỉnh ban
# hành") is not part of it; at a colon ("… nhiệm kỳ 2020-2025 như: tổ chức …"); and where a line
# opens with the word of the next preamble clause ("… của Đảng\nThực hiện Chỉ thị số …")
SUBJECT_STOP_RE = re.compile(
    rf";|\.(?:\s|$)|\n[ \t]*\n|\n[ \t]*[-•+]|,[ \t\n]+(?=[{CAPITALS}])|\(sau đây|:(?=\s)"
    r"|\n[ \t]*(?=(?:Thực hiện|Căn cứ|Triển khai|Quán triệt|Theo đề nghị|Xét đề nghị)\b)"
    # what the text says of the document, not its name: "… (được sửa đổi, bổ sung bởi …)", "… có hiệu lực từ …"
    r"|[ \t\n,(]+(?=(?:đã[ \t\n]+)?(?:" + gapped("được sửa đổi|được bổ sung|có hiệu lực|hết hiệu lực") + r")\b)"
    # the next cell of a table row: the articles a row cites ("… thanh toán không dùng tiền mặt Điều 19, …")
    r"|[ \t\n]+(?=(?-i:Khoản|Điểm)[ \t]+\w|(?-i:Điều)[ \t]+\d+[a-zđ]?(?:[,;]|[ \t]*\n|[ \t]*$|[ \t]+(?-i:Bộ|Điều)\b))"
)
# SUBJECT_STOP_RE as re runs it fast: its marks, each opening with its own character, and its phrases, each
# opening with its first word; a phrase stops the subject from the run of spaces (and "đã") before it. Its
# last two branches open with a space class, so re tries them at every space of the text (7x the time).
_SUBJECT_MARK_RE = re.compile(
    rf";|\.(?:\s|$)|\n[ \t]*\n|\n[ \t]*[-•+]|,[ \t\n]+(?=[{CAPITALS}])|\(sau đây|:(?=\s)"
    r"|\n[ \t]*(?=(?:Thực hiện|Căn cứ|Triển khai|Quán triệt|Theo đề nghị|Xét đề nghị)\b)"
)
_SUBJECT_PHRASE_RE = re.compile(
    r"(?:" + gapped("được sửa đổi|được bổ sung|có hiệu lực|hết hiệu lực") + r")\b"
    r"|(?:Khoản|Điểm)[ \t]+\w|Điều[ \t]+\d+[a-zđ]?(?:[,;]|[ \t]*\n|[ \t]*$|[ \t]+(?:Bộ|Điều)\b)"
)
_PHRASE_REACH = 60  # "đã", spaces and the longest phrase ("hết hiệu lực", "Điều 123a Bộ") fit in this
_BEFORE_STATUS = " \t\n,("  # what may stand before "được sửa đổi …" (and "đã" before it: " \t\n" only)
_BEFORE_ARTICLE = " \t\n"  # before "Khoản", "Điểm", "Điều"


def subject_stop_match(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """(start, end) of the first SUBJECT_STOP_RE match in [pos, limit), or None: the same match."""
    mark = _SUBJECT_MARK_RE.search(text, pos, limit)
    best = (mark.start(), mark.end()) if mark else None
    # a phrase after the mark counts only if the spaces before it (and "đã") reach back over the mark: look no
    # further than that run's end, plus the longest phrase; a phrase found there is matched again up to `limit`
    reach = limit
    if mark is not None:
        reach = mark.start()
        while reach < limit and text[reach] in _BEFORE_STATUS:
            reach += 1
        reach = min(limit, reach + _PHRASE_REACH)
    for m in _SUBJECT_PHRASE_RE.finditer(text, pos, reach):
        at = m.start()
        if reach < limit and _SUBJECT_PHRASE_RE.match(text, at, limit) is None:
            continue  # "Điều 5" at the window's end: only the whole window says whether it ends a line
        allowed = _BEFORE_ARTICLE if text[at] in "KĐ" else _BEFORE_STATUS
        run = end = at
        while run > pos and text[run - 1] in allowed:
            run -= 1
        if run == at:
            continue  # no space before it: inside a word, or at `pos`
        if allowed is _BEFORE_STATUS and text[run - 2 : run] == "đã" and not text[run:at].strip(" \t\n"):
            before = end = run - 2  # "… đã được sửa đổi": from the spaces before "đã"
            while before > pos and text[before - 1] in _BEFORE_STATUS:
                before -= 1
            if before < end:
                run = before
            else:
                end = at
        if best is not None and best[0] <= run:
            break  # the mark comes first (the phrases come in order: a later one starts later)
        return run, end
    return best


# what may end a subject cut short by the next citation: it joins the two ("… và Kết luận số …")
_TRAILING_JOIN_RE = re.compile(r"[ ,]+(?:và|cùng)$")


def without_trailing_join(words: str) -> str:
    """`words` without a last "và"/"cùng" (the next citation cut the phrase there); the regex only when one is."""
    return _TRAILING_JOIN_RE.sub("", words) if words.endswith(("và", "cùng")) else words
# "X issues/approves a plan that carries Y out": the plan is X's own content, so X implements Y
# ("Nghị quyết số 71/NQ-CP … ban hành Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW",
# "Quyết định số 12/QĐ-UBND … về việc ban hành Kế hoạch triển khai thực hiện Chỉ thị số …")
_ISSUES_PLAN = (
    r"(?:" + gapped(lexicon.TRIGGER_ISSUES) + r")[ \t\n]+(?:" + TYPE_NAMES + r")(?:[ \t\n]+" + gapped("hành động")
    + r")?[ \t\n]+"
)
LINK_RE = re.compile(
    r"^[\s,]*(?:(?:về|để|nhằm)[ \t\n]+)?(?:việc[ \t\n]+)?(?:" + _ISSUES_PLAN + r")?(?:" + gapped("tiếp tục")
    + r"[ \t\n]+)?"
    r"(?:" + gapped("triển khai") + r"[ \t\n,]+)?(?:" + gapped("thực hiện|triển khai") + r")[ \t\n]*$",
    re.IGNORECASE,
)
SHARE_RE = re.compile(r"^[\s,]*(?:,|và)[\s]*$", re.IGNORECASE)
# the word that opens a preamble clause and says how the document relates to what it cites
# ("Thực hiện …", "Để cụ thể hóa …", "Quán triệt và triển khai thực hiện …" implement; "Căn cứ …");
# only at the opening of a clause (after ';' or a blank line) or of a line, never mid-sentence
# ("… phân cấp thực hiện thủ tục hành chính" is not a trigger)
# A decision's title "(Về việc) ban hành Kế hoạch thực hiện X" opens like the plan's own title: the decision and
# the plan it issues carry X out. "Trên cơ sở X" (on the basis of X) is "Căn cứ X" in other words; "Trên cơ sở
# xem xét Tờ trình …", like "Xét đề nghị …", names what was considered, not a ground.
# The words are the lexicon's (data/lexicon/triggers.json): implements, based_on, and what is no ground.
TRIGGER = (
    r"(?:(?:" + "|".join(lexicon.TRIGGER_OPENERS) + r")[ \t]+)?(?:" + gapped(lexicon.TRIGGER_CONTINUES) + r"[ \t]+)?"
    r"(?:(?P<impl>(?:(?:" + gapped("về việc") + r"[ \t\n]+)?" + _ISSUES_PLAN + r")?"
    r"(?:" + gapped(lexicon.TRIGGER_CONTINUES) + r"[ \t]+)?(?:" + gapped(lexicon.TRIGGER_ADOPTS)
    + r"(?:,|[ \t]+và)?[ \t]+)?(?:" + gapped(lexicon.TRIGGERS["implements"]) + r"))"
    r"|(?P<stop>" + gapped(lexicon.NOT_GROUNDS) + r")"
    r"|(?P<base>" + gapped(lexicon.TRIGGERS["based_on"]) + r"))\b"
)
# a clause may open with the type heading the title follows, on its line or the line above:
# "KẾ HOẠCH triển khai thực hiện …", "Kế hoạch\ntriển khai thực hiện …"
_HEADING_BEFORE = (
    rf"(?:(?-i:{HEADING_ALTERNATIVES})[ \t*_]+|(?:{HEADING_ALTERNATIVES})[ \t*_]*\n[\s*#_]*)?"
)
CLAUSE_TRIGGER_RE = re.compile(r"[\s*#_>•+\-–]*" + _HEADING_BEFORE + TRIGGER, re.IGNORECASE)
# at a line start the trigger must be capitalised: a wrapped line may start mid-sentence
# (or follow the capitalised type heading: "KẾ HOẠCH\ntriển khai thực hiện …" is the title)
# a letter's subject line ("V/v triển khai thực hiện Kết luận số 114-KL/TW") is its title
LINE_TRIGGER_RE = re.compile(r"\n[ \t*#_>•+\-–]*(?P<vv>V/v[ \t.:]*)?" + TRIGGER, re.IGNORECASE)


def line_triggers(text: str, start: int, end: int) -> list[re.Match]:
    out = []
    for m in LINE_TRIGGER_RE.finditer(text, start, end):
        word = m.group(0).lstrip("\n \t*#_>•+-–")
        if word[:1].isupper() or m.group("vv"):
            out.append(m)
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        previous = text[line_start : m.start()].strip(" \t*#_")
        if previous and (previous.isupper() or previous.upper() in HEADINGS):  # the line above is the type heading
            out.append(m)
    return out
CONNECTOR_RE = re.compile(r"[\s,]*(?:(?:và|cùng)[\s,]+)?$", re.IGNORECASE)
CENTRAL_WORDS = re.compile(r"Trung ương|Bộ Chính trị|Ban Bí thư|Thủ tướng|Chính phủ|Quốc hội", re.IGNORECASE)
PROVINCE_WORDS = re.compile(r"Tỉnh ủy|Tỉnh uỷ|\btỉnh\b|Đảng bộ tỉnh", re.IGNORECASE)
# "Thành ủy" has no level of its own: the lexicon's answer depends on its city (lexicon.committee_level)
CITY_COMMITTEE_WORDS = re.compile(r"thành[ \t\n]+(?:ủy|uỷ)", re.IGNORECASE)
DISTRICT_WORDS = re.compile(r"Huyện ủy|Huyện uỷ|Quận ủy|Thị ủy|\bhuyện\b|\bquận\b|thị xã", re.IGNORECASE)
# "Xã hội" (society: "Ban Văn hóa - Xã hội", "Lao động - Thương binh và Xã hội") is not a commune
COMMUNE_WORDS = re.compile(r"\bxã\b(?![ \t\n]+hội\b)|\bphường\b|thị trấn", re.IGNORECASE)
# sentence or clause boundaries; a line break counts when the line does not end in a space
# (gazette texts wrap lines with a trailing space) and the next starts a new paragraph.
# Every branch opens with a literal character (".", "!", "?", ";", "\n"; the look-behind
# comes after the "\n"), so re skips in C to those characters: 5x faster than "[.!?]…".
SENTENCE_START_RE = re.compile(
    r"(?:\.(?=\s+[A-ZĐ“\"])|!(?=\s+[A-ZĐ“\"])|\?(?=\s+[A-ZĐ“\"])|;|\n[ \t]*\n"
    r"|\n(?=[ \t]*(?:[-•+*]|\d+[.)]|[IVX]+[.\-]))|\n(?<=[^ \n]\n)(?=[A-ZĐ]))"
)
LINK_ONLY_RE = re.compile(r"^(?:việc )?(?:tiếp tục )?(?:triển khai )?(?:thực hiện|triển khai)$", re.IGNORECASE)
