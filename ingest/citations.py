"""Find the documents a text cites, with what each citation says about them.

find / annotate, as eyecite splits it:

* :func:`find_citations` finds every symbol (enumerations give one citation per
  number), reads the words around it (type name, date, issuing body, congress
  term, "về …" subject) and the sentence that holds it; a central Party document
  cited by type, number and date only ("Chỉ thị số 35 ngày 30/5/2019 của Bộ Chính
  trị") is given its symbol (SHORT_TYPE_NAMES, flag ``symbol_inferred``);
* :func:`link_citations` decides how the citing document relates to each one
  (``implements`` for the "Thực hiện …" preamble and a title's "triển khai thực
  hiện …", ``based_on`` for "Căn cứ …", ``references`` otherwise; what follows the
  actor's clause, "…, Ban Thường vụ báo cáo kết quả thực hiện Nghị quyết số Y", is
  not governed by the trigger: ACTOR_RE) and which edges the text asserts between
  two cited documents ("Kế hoạch số 109-KH/TU … thực hiện Kết luận số 65-KL/TW";
  "Thực hiện X; Huyện ủy xây dựng Kế hoạch số W": W implements X);
* :func:`scope_citations` places local symbols (``28-CT/TU`` of which province?)
  and repairs slips (``25-NQ/TU`` issued by the Central Committee is ``25-NQ/TW``).
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache

from policygraph.ingest import lexicon, symbols, tables
from policygraph.ingest.dates import BARE_DATE_RE, DATE_RE, iso_from_match
from policygraph.ingest.layout import HEADING_ALTERNATIVES, HEADINGS, preamble
from policygraph.ingest.models import AssertedEdge, Citation, Place
from policygraph.ingest.places import locate, names_town_committee
from policygraph.text import fold
from policygraph.vocabulary import EdgeType, Flag, Level

_TYPE_NAMES = "|".join(re.escape(n) for n in tables.type_names())
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
class _Lookback:
    tname: str | None  # type name as written ("Nghị quyết")
    enum: str | None  # "23, 24, " before "25-NQ/TW"
    start: int  # offset in the window where the citation's words begin
    has_so: bool


# the type names with each space a line end or spaces, at the end of the text before a number
_WRAPPED_TYPE_NAME_RE = re.compile(
    "(?:" + "|".join(re.escape(n).replace(r"\ ", r"[ \t]*\n?[ \t]*") for n in tables.type_names()) + r")$",
    re.IGNORECASE,
)


def _lookback(window: str) -> _Lookback:
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
                return _Lookback(head[at:], m.group("enum") if m else None, at, has_so)
    if "\n" in low or "  " in low:  # a type name wrapped over two lines ("Chỉ\nthị số 30-CT/TW"), or spaced out
        wrapped = _WRAPPED_TYPE_NAME_RE.search(head, max(0, len(head) - 40))
        if wrapped and (wrapped.start() == 0 or not head[wrapped.start() - 1].isalpha()):
            return _Lookback(head[wrapped.start() :], m.group("enum") if m else None, wrapped.start(), has_so)
    enum = m.group("enum") if m else None
    return _Lookback(None, enum, pos if (enum or has_so) else len(window), has_so)


# "Số: 45-KH/HU" at the start of a line is a document's own number, not a citation; so is
# "Nghị quyết số: 653/2019/UBTVQH14" (the type name, then "số" with a colon: a label, not a phrase)
OWN_NUMBER_RE = re.compile(
    r"(?:(?:^|\n)[ \t*#_]*(?:[^\W\d_]+[ \t]){0,3}(?:Số[ \t]*:?|số[ \t]*:)|(?<![^\W\d_])Số[ \t]*:)[ \t]*$"
)  # the label "Số:" anywhere: a text whose line ends were lost keeps it mid-line
TERM_RE = re.compile(r"kh(?:óa|oá)[ \t\n]+(?P<term>[IVXL]{1,6})\b", re.IGNORECASE)
# the gap between two words of a phrase: spaces, or one line end (text wrapped at a fixed
# width breaks "thực hiện" as "thực\nhiện"), never a blank line (lexicon $gap)
_GAP = lexicon.GAP
_gapped = lexicon.gapped


ISSUER_START_RE = re.compile(
    r"(?:của[ \t\n]+)?(?P<body>(?!ban\s+hành\b)(?:Hội nghị|Ban|Bộ|Thủ tướng|Chính phủ|Quốc hội|Tỉnh ủy|Tỉnh uỷ|"
    r"Thành ủy|Huyện ủy|"
    r"Huyện uỷ|Quận ủy|Thị ủy|Đảng ủy|Đảng uỷ|UBND|Ủy ban|Uỷ ban|HĐND|Hội đồng|Văn phòng|Sở|Mặt trận|MTTQ|"
    r"Thường trực|Ban Thường vụ|Bộ Chính trị|Ban Bí thư|Đoàn|Hội|Liên|BCH|BTV|TTg)\b)",
    re.IGNORECASE,
)
ISSUER_STOP_RE = re.compile(
    r"[ \t\n]+(?:"
    + _gapped("về|nhằm|để|thực hiện|triển khai|ban hành|quy định|tại|sau đây|đã|đến|với|trong|gắn|theo|trên|"
              "phê duyệt|hướng dẫn|sửa đổi")
    + r")\b|"
    rf"[ \t\n]+và[ \t\n]+(?:{_TYPE_NAMES})\b|"
    # "… của Bộ Chính trị và các nghị quyết chuyên đề": a list of other things follows
    r"[ \t\n]+và[ \t\n]+(?:các|những)\b|"
    # verbs that follow a body in lower case ("Ban Tuyên giáo Tỉnh ủy tuyên truyền …"); the
    # capitalised words are names ("Ban Tuyên giáo"), so these stop in lower case only
    r"[ \t\n]+(?-i:tuyên truyền|yêu cầu|đề nghị|chủ trì)\b|"
    r"[“\"”;:,*_)]|\.(?:\s|$)|\n[ \t]*\n|\((?!\s*kh)",
    re.IGNORECASE,
)
# capital letters, Vietnamese ones included ("Ủy ban", "Ở"): the first letter of a new clause
_CAPITALS = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper())
# a subject ends at a clause end, or where a capitalised word follows a comma: the
# preamble's actor ("…, Ban Thường vụ Huyện ủy xây dựng Kế hoạch", "…, Ủy ban nhân dân tỉnh ban
# hành") is not part of it; at a colon ("… nhiệm kỳ 2020-2025 như: tổ chức …"); and where a line
# opens with the word of the next preamble clause ("… của Đảng\nThực hiện Chỉ thị số …")
SUBJECT_STOP_RE = re.compile(
    rf";|\.(?:\s|$)|\n[ \t]*\n|\n[ \t]*[-•+]|,[ \t\n]+(?=[{_CAPITALS}])|\(sau đây|:(?=\s)"
    r"|\n[ \t]*(?=(?:Thực hiện|Căn cứ|Triển khai|Quán triệt|Theo đề nghị|Xét đề nghị)\b)"
    # what the text says of the document, not its name: "… (được sửa đổi, bổ sung bởi …)", "… có hiệu lực từ …"
    r"|[ \t\n,(]+(?=(?:đã[ \t\n]+)?(?:" + _gapped("được sửa đổi|được bổ sung|có hiệu lực|hết hiệu lực") + r")\b)"
    # the next cell of a table row: the articles a row cites ("… thanh toán không dùng tiền mặt Điều 19, …")
    r"|[ \t\n]+(?=(?-i:Khoản|Điểm)[ \t]+\w|(?-i:Điều)[ \t]+\d+[a-zđ]?(?:[,;]|[ \t]*\n|[ \t]*$|[ \t]+(?-i:Bộ|Điều)\b))"
)
# SUBJECT_STOP_RE as re runs it fast: its marks, each opening with its own character, and its phrases, each
# opening with its first word; a phrase stops the subject from the run of spaces (and "đã") before it. Its
# last two branches open with a space class, so re tries them at every space of the text (7x the time).
_SUBJECT_MARK_RE = re.compile(
    rf";|\.(?:\s|$)|\n[ \t]*\n|\n[ \t]*[-•+]|,[ \t\n]+(?=[{_CAPITALS}])|\(sau đây|:(?=\s)"
    r"|\n[ \t]*(?=(?:Thực hiện|Căn cứ|Triển khai|Quán triệt|Theo đề nghị|Xét đề nghị)\b)"
)
_SUBJECT_PHRASE_RE = re.compile(
    r"(?:" + _gapped("được sửa đổi|được bổ sung|có hiệu lực|hết hiệu lực") + r")\b"
    r"|(?:Khoản|Điểm)[ \t]+\w|Điều[ \t]+\d+[a-zđ]?(?:[,;]|[ \t]*\n|[ \t]*$|[ \t]+(?:Bộ|Điều)\b)"
)
_PHRASE_REACH = 60  # "đã", spaces and the longest phrase ("hết hiệu lực", "Điều 123a Bộ") fit in this
_BEFORE_STATUS = " \t\n,("  # what may stand before "được sửa đổi …" (and "đã" before it: " \t\n" only)
_BEFORE_ARTICLE = " \t\n"  # before "Khoản", "Điểm", "Điều"


def _subject_stop_match(text: str, pos: int, limit: int) -> tuple[int, int] | None:
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


def _without_trailing_join(words: str) -> str:
    """`words` without a last "và"/"cùng" (the next citation cut the phrase there); the regex only when one is."""
    return _TRAILING_JOIN_RE.sub("", words) if words.endswith(("và", "cùng")) else words
# "X issues/approves a plan that carries Y out": the plan is X's own content, so X implements Y
# ("Nghị quyết số 71/NQ-CP … ban hành Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW",
# "Quyết định số 12/QĐ-UBND … về việc ban hành Kế hoạch triển khai thực hiện Chỉ thị số …")
_ISSUES_PLAN = (
    r"(?:" + _gapped(lexicon.TRIGGER_ISSUES) + r")[ \t\n]+(?:" + _TYPE_NAMES + r")(?:[ \t\n]+" + _gapped("hành động")
    + r")?[ \t\n]+"
)
LINK_RE = re.compile(
    r"^[\s,]*(?:(?:về|để|nhằm)[ \t\n]+)?(?:việc[ \t\n]+)?(?:" + _ISSUES_PLAN + r")?(?:" + _gapped("tiếp tục")
    + r"[ \t\n]+)?"
    r"(?:" + _gapped("triển khai") + r"[ \t\n,]+)?(?:" + _gapped("thực hiện|triển khai") + r")[ \t\n]*$",
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
_TRIGGER = (
    r"(?:(?:" + "|".join(lexicon.TRIGGER_OPENERS) + r")[ \t]+)?(?:" + _gapped(lexicon.TRIGGER_CONTINUES) + r"[ \t]+)?"
    r"(?:(?P<impl>(?:(?:" + _gapped("về việc") + r"[ \t\n]+)?" + _ISSUES_PLAN + r")?"
    r"(?:" + _gapped(lexicon.TRIGGER_CONTINUES) + r"[ \t]+)?(?:" + _gapped(lexicon.TRIGGER_ADOPTS)
    + r"(?:,|[ \t]+và)?[ \t]+)?(?:" + _gapped(lexicon.TRIGGERS["implements"]) + r"))"
    r"|(?P<stop>" + _gapped(lexicon.NOT_GROUNDS) + r")"
    r"|(?P<base>" + _gapped(lexicon.TRIGGERS["based_on"]) + r"))\b"
)
# a clause may open with the type heading the title follows, on its line or the line above:
# "KẾ HOẠCH triển khai thực hiện …", "Kế hoạch\ntriển khai thực hiện …"
_HEADING_BEFORE = (
    rf"(?:(?-i:{HEADING_ALTERNATIVES})[ \t*_]+|(?:{HEADING_ALTERNATIVES})[ \t*_]*\n[\s*#_]*)?"
)
CLAUSE_TRIGGER_RE = re.compile(r"[\s*#_>•+\-–]*" + _HEADING_BEFORE + _TRIGGER, re.IGNORECASE)
# at a line start the trigger must be capitalised: a wrapped line may start mid-sentence
# (or follow the capitalised type heading: "KẾ HOẠCH\ntriển khai thực hiện …" is the title)
# a letter's subject line ("V/v triển khai thực hiện Kết luận số 114-KL/TW") is its title
LINE_TRIGGER_RE = re.compile(r"\n[ \t*#_>•+\-–]*(?P<vv>V/v[ \t.:]*)?" + _TRIGGER, re.IGNORECASE)


def _line_triggers(text: str, start: int, end: int) -> list[re.Match]:
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


@dataclass
class _Found:
    citation: Citation
    lookback_start: int  # where the type name (or the symbol) starts
    tail_end: int  # end of date / issuer / term, before the subject
    subject_end: int
    had_own_date: bool
    subject_open: bool = False  # the "về …" subject ran on to the next citation: no stop ended it


@lru_cache(maxsize=4096)
def _level_of_text(text: str | None) -> str | None:
    """The level an issuing body's words name (cached: a pure function of the words, and the
    same few bodies are cited in every document)."""
    if not text:
        return None
    city_committee = CITY_COMMITTEE_WORDS.search(text)
    local = PROVINCE_WORDS.search(text) or DISTRICT_WORDS.search(text) or city_committee
    if CENTRAL_WORDS.search(text) and not local:
        return "central"
    if COMMUNE_WORDS.search(text):
        return "commune"
    if DISTRICT_WORDS.search(text):
        return "district"
    if PROVINCE_WORDS.search(text):
        return "province"
    if city_committee:
        return lexicon.committee_level(text)
    return None


Sentences = dict[tuple[int, int], str]  # (left, right) -> the sentence on one line, per text


def _sentence(text: str, start: int, end: int, seen: Sentences) -> str:
    """The sentence around text[start:end], on one line; `seen` keeps those already joined
    (the citations of a preamble clause share theirs)."""
    left = _sentence_left(text, start)
    m = SENTENCE_START_RE.search(text, end, min(len(text), end + 300))
    right = m.start() + (1 if m and text[m.start()] in ".!?" else 0) if m else min(len(text), end + 300)
    sentence = seen.get((left, right))
    if sentence is None:
        sentence = seen[left, right] = " ".join(text[left:right].split())
    return sentence


_NEAR = 120  # most sentences start this close before a citation


def _sentence_left(text: str, start: int) -> int:
    """Where the sentence holding `start` begins: after the last boundary in the 300 characters
    before it (at their start when there is none).

    The scan starts _NEAR characters back, and goes back the whole 300 only when it finds
    nothing. Both meet the same boundaries after the nearer start: a boundary crossing it could
    only be a blank line ("\n[ \t]*\n"), and the nearer start is moved back off those characters.
    """
    lo = max(0, start - 300)
    near = max(lo, start - _NEAR)
    while near > lo and text[near - 1] in " \t\n":
        near -= 1
    for scan_from in (near, lo) if near > lo else (lo,):
        left = None
        for m in SENTENCE_START_RE.finditer(text, scan_from, start):
            left = m.end()
        if left is not None:
            return left
    return lo


_SPACES_RE = re.compile(r"[ \t\n,]*")
_PAREN_RE = re.compile(r"[ \t\n]*\([ \t]*")
# "về …" opens the subject, also after the verb that ended the issuer ("của Ban Bí thư quy định về …")
_SUBJECT_START_RE = re.compile(
    r"[ \t\n,]*(?:(?:quy[ \t\n]+định|hướng[ \t\n]+dẫn)[ \t\n]+(?=về\b))?(?:(?P<ve>về)[ \t\n]+)?(?P<q>[“\"])?",
    re.IGNORECASE,
)
_CLOSE_QUOTE_RE = re.compile(r"[”\"]")


_YEAR_ONLY_RE = re.compile(r"năm[ \t\n]+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)
# What follows a symbol, in one match: spaces, a date or a bare "năm 2022", spaces, the issuer's
# first words. As _SPACES_RE, DATE_RE (else _YEAR_ONLY_RE), _SPACES_RE and ISSUER_START_RE
# matched one after another: every part is optional, so re never backtracks into an earlier one.
# a date in brackets right after the number: "Chỉ thị 05-CT/TW (15/5/2016)"
_PAREN_DATE_RE = re.compile(rf"[ \t]*\([ \t]*(?:{BARE_DATE_RE.pattern})[ \t]*\)", re.IGNORECASE)
_TAIL_HEAD_RE = re.compile(
    # the lead may say "ban hành" before the date: "Chỉ thị số 05-CT/TW ban hành ngày 15/5/2016"
    rf"(?P<lead>{_SPACES_RE.pattern}(?:(?:được[ \t\n]+)?ban[ \t\n]+hành[ \t\n]+(?=ngày))?)"
    rf"(?:(?P<date>{DATE_RE.pattern})|(?P<yo>{_YEAR_ONLY_RE.pattern}))?"
    rf"{_SPACES_RE.pattern}(?P<issuer>{ISSUER_START_RE.pattern})?",
    re.IGNORECASE,
)


# a short name in brackets right after the number: "Chỉ thị số 45-CT/TW (Chỉ thị số 45) của Bộ Chính trị"
_ALIAS_RE = re.compile(
    rf"[ \t]*\((?:sau đây (?:gọi )?(?:tắt )?là[ \t]+)?(?:{_TYPE_NAMES})(?:[ \t]+số)?[ \t]*[\w./\-]{{0,12}}[ \t]*\)",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _issuer_words(written: str) -> str:
    """An issuer as written, on one line (cached: the same bodies are cited again and again).

    An issuer cut short by the next citation drops the word that joins them ("Ban Bí thư và
    [Kết luận số …]")."""
    return _without_trailing_join(" ".join(written.split()).rstrip(" ,"))


@lru_cache(maxsize=4096)
def _term_in(issuer: str) -> str | None:
    """The congress term an issuer's words name ("… Trung ương khóa XI" -> "XI")."""
    km = TERM_RE.search(issuer)
    return km.group("term").upper() if km else None


def _read_tail(
    text: str, pos: int, limit: int
) -> tuple[str | None, int | None, str | None, str | None, str | None, int, int]:
    """Date (or a bare "năm 2022"), issuer, term and subject after a symbol, with the tail and
    subject ends."""
    date = issuer = term = subject = None
    year = None
    alias = _ALIAS_RE.match(text, pos, limit)
    if alias is not None:  # the short name the text gives it is not its issuer: read on after it
        pos = alias.end()
    head = _TAIL_HEAD_RE.match(text, pos, limit)
    paren = None if head.group("date") is not None else _PAREN_DATE_RE.match(text, pos, limit)
    if paren is not None:  # "Chỉ thị 05-CT/TW (15/5/2016) của …": the date in brackets, then the rest
        date = iso_from_match(paren)
        head = _TAIL_HEAD_RE.match(text, paren.end(), limit)
        pos = head.end("lead") if head.group("date") is None and head.group("yo") is None else paren.end()
    elif head.group("date") is not None:
        date = iso_from_match(head)
        pos = head.end("date")
    elif head.group("yo") is not None:
        year = int(head.group("y"))
        pos = head.end("yo")
    else:
        pos = head.end("lead")
    if head.group("issuer") is not None and head.start("body") >= pos:
        body_start = head.start("body")
        stop = ISSUER_STOP_RE.search(text, head.end("body"), min(limit, body_start + 160))
        issuer_end = stop.start() if stop else min(limit, body_start + 160)
        written = text[body_start:issuer_end]
        if written.count("(") > written.count(")") and text.startswith(")", issuer_end):
            issuer_end += 1  # "(khóa XI)" belongs to the issuer
            written += ")"
        issuer = _issuer_words(written)
        pos = issuer_end
    tm = _PAREN_RE.match(text, pos, limit)
    if tm:
        km = TERM_RE.match(text, tm.end(), limit)
        if km:
            term = km.group("term").upper()
            close = text.find(")", km.end(), limit)
            pos = close + 1 if close != -1 else km.end()
            if issuer is None:  # "Chỉ thị 05-CT/TW (khóa XII) của Bộ Chính trị": the issuer after the term
                after = _TAIL_HEAD_RE.match(text, pos, limit)
                if after.group("issuer") is not None and after.group("date") is None and after.group("yo") is None:
                    body_start = after.start("body")
                    stop = ISSUER_STOP_RE.search(text, after.end("body"), min(limit, body_start + 160))
                    issuer_end = stop.start() if stop else min(limit, body_start + 160)
                    issuer = _issuer_words(text[body_start:issuer_end])
                    pos = issuer_end
    if term is None and issuer:
        term = _term_in(issuer)
    tail_end = pos
    sm = _SUBJECT_START_RE.match(text, pos, limit)
    subject_end = pos
    if sm and (sm.group("ve") or sm.group("q")):
        start = sm.end()
        close = _CLOSE_QUOTE_RE.search(text, start, limit) if sm.group("q") else None
        if close is not None:
            end, subject_end = close.start(), close.end()
        else:  # no quote, or one never closed: the subject ends where its clause does
            end = subject_end = _subject_stop(text, start, limit)
        subject = _without_trailing_join(" ".join(text[start:end].split()).strip(' ,“”"*_').rstrip(" (")) or None
        if subject and LINK_ONLY_RE.match(subject):  # "về tiếp tục thực hiện <next citation>"
            subject = None
    return date, year, issuer, term, subject, tail_end, subject_end


def _subject_stop(text: str, start: int, limit: int) -> int:
    """Where an unquoted subject ends: the first SUBJECT_STOP_RE match, a comma inside brackets
    aside ("… đổi mới sáng tạo (KHCN, ĐMST) và chuyển đổi số"), else `limit`."""
    stop = _subject_stop_match(text, start, limit)
    while stop is not None and text[stop[0]] == "," and text.count("(", start, stop[0]) > text.count(
        ")", start, stop[0]
    ):
        stop = _subject_stop_match(text, stop[1], limit)
    return stop[0] if stop else limit


def find_citations(text: str) -> list[Citation]:
    """Every numbered document cited in `text`, in order (see module docstring)."""
    return [f.citation for f in _find(text)]


def _find(text: str, seen: Sentences | None = None) -> list[_Found]:
    seen = {} if seen is None else seen
    matches = []
    for m in symbols.iter_symbols(text):
        try:
            sym = symbols.from_match(m)
        except symbols.ThinSymbol:  # "197/STTTT": a symbol only where a type name introduces it
            if not _lookback(text[max(0, m.start() - 120) : m.start()]).tname:
                continue
            sym = symbols.from_match(m, named=True)
        except symbols.InvalidSymbol:
            continue
        matches.append((m, sym))
    found: list[_Found] = []
    prev_end = 0
    nlb: _Lookback | None = None  # the look-back before this match, read while limiting the previous one
    for i, (m, sym) in enumerate(matches):
        start, end = m.start(), m.end()
        window_start = max(prev_end, start - 120)
        window = text[window_start:start]
        lb, nlb = nlb, None
        # OWN_NUMBER_RE needs a literal "Số"; "số" before a cited number is far more common
        if ("ố" in window[-30:] or "Ố" in window[-30:]) and ("Số" in window or "số:" in window or "số :" in window) \
                and OWN_NUMBER_RE.search(window):
            prev_end = end
            continue
        lb = lb or _lookback(window)
        lookback_start = window_start + lb.start
        limit = matches[i + 1][0].start() if i + 1 < len(matches) else len(text)
        if i + 1 < len(matches):
            nxt_window = text[max(end, limit - 120) : limit]  # the next match's own window
            nlb = _lookback(nxt_window)
            if nlb.tname:
                limit = max(end, limit - len(nxt_window) + nlb.start)
        limit = min(limit, end + 600)
        date, year_only, issuer, term, subject, tail_end, subject_end = _read_tail(text, end, limit)
        written = text[start:end]
        year = sym.year or (int(date[:4]) if date else year_only)
        flags: list[str] = [sym.slip] if sym.slip else []
        if lb.tname:
            named = tables.name_to_codes().get(lb.tname.lower(), {})
            if sym.doc_type and named and sym.doc_type not in named.values():
                flags.append("type_name_differs")
        base = Citation(
            symbol=str(sym),
            written=written,
            doc_type=sym.doc_type,
            number=sym.number,
            grammar=sym.grammar,
            issuer_code=sym.issuer,
            level=sym.level if sym.level != "context" else None,
            date=date,
            year=year,
            term=term,
            issuer_text=issuer,
            subject=subject,
            start=start,
            end=end,
            evidence=_sentence(text, lookback_start, end, seen),
            flags=flags,
        )
        enum_numbers = re.findall(r"\d{1,5}[a-z]?", lb.enum) if lb.enum else []
        subject_open = subject is not None and subject_end >= limit
        for number in enum_numbers:
            sibling = Citation(**{**base.__dict__, "flags": list(flags)})
            sibling.number = number
            sibling.symbol = str(symbols.Symbol(number, sym.doc_type, sym.issuer, sym.grammar, sym.year, sym.level))
            sibling.written = f"{number} … {written}"
            found.append(_Found(sibling, lookback_start, tail_end, subject_end, date is not None, subject_open))
        found.append(_Found(base, lookback_start, tail_end, subject_end, date is not None, subject_open))
        prev_end = end
    found = _with_short_references(text, found, seen)
    _share_dates(text, found)
    return found


# A Party document of the Central Committee, the Politburo or the Secretariat cited by type and
# number only: "Chỉ thị số 35 ngày 30/5/2019 của Bộ Chính trị". Those bodies number each type in one
# series per congress term with the code TW, so the type, the number and a date (or a term, or a
# year) pin one document: 35-CT/TW of 2019. A number without them is left alone ("Chỉ thị 35 của Bộ
# Chính trị": 35-CT/TW of 2019 or of 2024?), as is a local body's ("Kế hoạch số 101 của Tỉnh ủy":
# whose code?) and a "Quy định" (QĐ/TW before 2018, QĐi/TW since). Examples: tests/test_citations_real_forms.py.
SHORT_TYPE_NAMES = ("Nghị quyết", "Chỉ thị", "Kết luận", "Quyết định", "Hướng dẫn", "Thông báo kết luận", "Thông tri")
# the type name, "số", the number, and after it a date, the issuer or a term (what _read_tail uses)
_SHORT_AT_RE = re.compile(
    r"(?P<tname>" + "|".join(_gapped(n) for n in sorted(SHORT_TYPE_NAMES, key=len, reverse=True)) + r")"
    r"[ \t]+(?:số[ \t]+)?(?P<num>\d{1,4})(?![\w/]|[ \t]*[-–—/]|[ \t]*[,.][ \t]*\d)"
    r"(?=[ \t]*,?[ \t\n]*(?:ngày|của|\(?[ \t]*kh))",
    re.IGNORECASE,
)
# where to try it: the end of each type name (as written in lower case or capitalised) with a bare
# number after it, one pattern per name: each opens with a literal, which re skips to in C, and
# passes over the type names of full symbols ("Nghị quyết số 25-NQ/TW"), most of them
_SHORT_ANCHORS = ("ghị quyết", "hỉ thị", "ết luận", "uyết định", "ướng dẫn", "hông tri")
_SHORT_ANCHOR_RES = tuple(
    re.compile(re.escape(anchor) + r"[ \t]+(?:số[ \t]+)?\d{1,4}(?![\w/]|[ \t]*[-–—/])") for anchor in _SHORT_ANCHORS
)


def _short_reference_starts(text: str) -> list[int]:
    """Word starts of the type names a short reference may open with ("Thông báo kết luận" two
    words before its "kết luận")."""
    out = []
    for anchor, rx in zip(_SHORT_ANCHORS, _SHORT_ANCHOR_RES, strict=True):
        for m in rx.finditer(text):
            at = m.start()
            while at and text[at - 1].isalpha():
                at -= 1
            if anchor == "ết luận" and text[max(0, at - 10) : at].lower() == "thông báo ":
                at -= 10
            out.append(at)
    return sorted(set(out))


# the Central Committee, the Politburo, the Secretariat: the bodies whose code is TW
CENTRAL_PARTY_BODY_RE = re.compile(
    r"(?:Hội nghị[^,;]{0,40}?)?(?:Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương|BCH Trung ương|BCH TW|"
    r"Trung ương Đảng)\b",
    re.IGNORECASE,
)


def _with_short_references(text: str, found: list[_Found], seen: Sentences) -> list[_Found]:
    """`found` with the central Party documents cited by type and number only, in text order."""
    if "hính trị" not in text and "í thư" not in text and "rung ương" not in text:
        return found
    spans = [(f.lookback_start, max(f.tail_end, f.citation.end)) for f in found]
    starts = [f.lookback_start for f in found]
    extra = []
    for at in _short_reference_starts(text):
        h = _SHORT_AT_RE.match(text, at)
        if h is None:
            continue
        start, end = h.start(), h.end()
        if any(a <= start < b or a < end <= b for a, b in spans):
            continue
        after = [p for p in starts if p >= end]
        limit = min(min(after, default=len(text)), end + 600)
        date, year_only, issuer, term, subject, tail_end, subject_end = _read_tail(text, end, limit)
        if not (issuer and CENTRAL_PARTY_BODY_RE.match(issuer) and (date or year_only or term)):
            continue
        code = tables.name_to_codes().get(" ".join(h.group("tname").split()).lower(), {}).get("party")
        if code is None:
            continue
        sym = symbols.Symbol(h.group("num"), code, "TW", "party", None, "central")
        c = Citation(
            symbol=str(sym), written=text[start:end], doc_type=code, number=sym.number, grammar="party",
            issuer_code="TW", level=Level.CENTRAL, date=date, year=int(date[:4]) if date else year_only, term=term,
            issuer_text=issuer, subject=subject, start=start, end=end,
            evidence=_sentence(text, start, end, seen), flags=["symbol_inferred"],
        )  # fmt: skip
        subject_open = subject is not None and subject_end >= limit
        extra.append(_Found(c, start, tail_end, subject_end, date is not None, subject_open))
    if not extra:
        return found
    return sorted(found + extra, key=lambda f: (f.lookback_start, f.citation.start))


def _body_code(c: Citation) -> str:
    """The code of the body that issued a citation: its issuer code without the department
    ("UBND-VX" -> "UBND") or the legislature ("QH13" -> "QH")."""
    return re.sub(r"\d+$", "", c.issuer_code.split("-")[0])


def _share_dates(text: str, found: list[_Found]) -> None:
    """'Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013': both share the date.

    Only between symbols of one issuing body (the same issuer code): in "Chỉ thị số 35-CT/TW,
    Thông tri số 10-TT/TU, Kế hoạch số 168-KH/HU ngày 5-8-2024 của Ban Chấp hành Đảng bộ huyện"
    the date and the body are the plan's alone. One with a date of its own shares the body only
    ("Nghị định số 52/1999/NĐ-CP ngày 08/7/1999 và Nghị định số 12/2000/NĐ-CP ngày 05/5/2000 của
    Chính phủ")."""
    for i in range(len(found) - 2, -1, -1):
        a, b = found[i], found[i + 1]
        if a.citation.issuer_text or a.citation.start == b.citation.start:
            continue
        gap = text[a.tail_end if a.had_own_date else a.citation.end : b.lookback_start]
        c, n = a.citation, b.citation
        if not (SHARE_RE.match(gap) and c.grammar == n.grammar and _body_code(c) == _body_code(n)):
            continue
        if a.had_own_date:
            if n.issuer_text:
                c.issuer_text, c.term = n.issuer_text, c.term or n.term
        else:
            c.date, c.issuer_text, c.term = n.date, n.issuer_text, n.term
            c.subject = c.subject or n.subject
            if n.date and not symbols.parse(c.symbol).year:  # "18/2000/CT-TTg" keeps the year it carries
                c.year = int(n.date[:4])  # a bare "năm 2022" is not shared: it may be the last one's alone


def preamble_end(text: str) -> int:
    """Where the preamble ends (the layout's answer, read once per text)."""
    return preamble(text)[0]


def extract_citations(text: str) -> tuple[list[Citation], list[AssertedEdge]]:
    """find + link in one pass: the citations with their relations, and the asserted edges."""
    seen: Sentences = {}
    found = _find(text, seen)
    return [f.citation for f in found], _link(text, found, seen)


def link_citations(text: str, citations: list[Citation]) -> list[AssertedEdge]:
    """Set each citation's relation and return the edges the text asserts between cited documents."""
    return _link(text, _refind(text, citations))


def _link(text: str, found: list[_Found], seen: Sentences | None = None) -> list[AssertedEdge]:
    seen = {} if seen is None else seen
    asserted: list[AssertedEdge] = []
    targets: set[int] = set()
    for i in range(1, len(found)):
        a, b = found[i - 1], found[i]
        if a.citation.start == b.citation.start:
            continue
        gap = text[a.tail_end : b.lookback_start] if a.tail_end <= b.lookback_start else None
        # "X … thực hiện Y" within one sentence; never across a paragraph (a title and the preamble) nor
        # into a line that opens a sentence ("… của Tỉnh ủy\nThực hiện Y": a title, then the preamble, in a
        # text without blank lines), and a document does not implement itself
        if (
            gap is not None
            and "\n\n" not in text[a.citation.end : b.lookback_start]
            and LINK_RE.match(gap)
            and not _opens_a_line(gap)
            and a.citation.symbol != b.citation.symbol
        ):
            src = i - 1
            while src > 0 and found[src - 1].citation.start == found[src].citation.start:
                src -= 1
            asserted.append(
                AssertedEdge(
                    src,
                    i,
                    "implements",
                    _sentence(text, a.lookback_start, b.citation.end, seen),
                    a.lookback_start,
                    b.citation.end,
                )
            )
            targets.add(i)
    end = preamble_end(text)
    governed: dict[int, _Governed] = {}
    for i, f in enumerate(found):
        c = f.citation
        c.relation = EdgeType.REFERENCES
        if c.start >= end or i in targets:
            continue
        g = governed[i] = _govern(text, f.lookback_start, found, i, governed)
        c.relation = g.relation or EdgeType.REFERENCES
    asserted += _actor_edges(text, found, governed, seen)
    return asserted


_LINE_WORD_RE = re.compile(r"\n[ \t*#_>-]*(\w)")


def _opens_a_line(gap: str) -> bool:
    """Whether a line in `gap` opens with a capital: a new sentence, as no sentence goes on in one."""
    return any(m.group(1).isupper() for m in _LINE_WORD_RE.finditer(gap))


def _actor_edges(
    text: str, found: list[_Found], governed: dict[int, _Governed], seen: Sentences
) -> list[AssertedEdge]:
    """ "Thực hiện X, Y; Huyện ủy xây dựng Kế hoạch số W": the actor's numbered document W is
    what implements X and Y (the citing text may only report it, as news does)."""
    out = []
    for w, gw in governed.items():
        if not gw.actor_plan or gw.trigger is None:
            continue
        for j in range(w):
            gj = governed.get(j)
            fj = found[j]
            if gj is None or gj.trigger != gw.trigger or fj.citation.relation != EdgeType.IMPLEMENTS:
                continue
            if fj.citation.start >= gw.actor or fj.citation.start == found[w].citation.start:
                continue
            end = found[w].citation.end
            out.append(
                AssertedEdge(
                    w, j, EdgeType.IMPLEMENTS, _sentence(text, fj.lookback_start, end, seen), fj.lookback_start, end
                )
            )
    return out


def preamble_relation(text: str, pos: int, end: int | None = None) -> str:
    """The relation of something named at `pos` that is not a numbered citation (a congress
    resolution, a law by name): the same preamble rules, with no neighbour citation to share.
    `end` is preamble_end(text), when the caller has it."""
    if pos >= (preamble_end(text) if end is None else end):
        return EdgeType.REFERENCES
    return _govern(text, pos, [], 0, {}).relation or EdgeType.REFERENCES


def sentence_around(text: str, start: int, end: int, seen: Sentences | None = None) -> str:
    """The sentence that holds text[start:end], on one line: a citation's evidence."""
    return _sentence(text, start, end, {} if seen is None else seen)


@dataclass(frozen=True)
class _Governed:
    relation: str | None  # implements | based_on | references; None: no trigger governs it
    trigger: int | None = None  # where the trigger that governs it starts
    actor: int | None = None  # where the actor's clause starts, when the citation stands in it
    actor_plan: bool = False  # it is the document the actor issues ("… xây dựng Kế hoạch số W")


_NOT_GOVERNED = _Governed(None)
# the words of a body that opens a clause as its actor: "…, Ban Thường vụ Huyện ủy xây dựng …"
_ACTOR_BODIES = (
    "Ban Thường vụ|Ban Chấp hành|Thường trực|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Quận ủy|Quận uỷ|"
    "Thị ủy|Thị uỷ|Đảng ủy|Đảng uỷ|Đảng đoàn|Chi bộ|Chi ủy|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Ban|Sở|Bộ|Chính phủ|"
    "Thủ tướng|Văn phòng|Mặt trận|MTTQ|BTV|BCH|BCĐ|Đoàn|Hội"
)
# the verbs of that clause (lower case: "Ban Tổ chức" is a name, "tổ chức" a verb)
_ACTOR_VERBS = "ban hành|xây dựng|báo cáo|đề nghị|yêu cầu|thông báo|chỉ đạo|quyết định|thống nhất|kết luận|đề ra"
# The actor's clause: a punctuation mark, maybe a date ("Ngày 10/12/2019, "), a capitalised body and,
# before any "về"/"của" (which would make the body an issuer's or a subject's words), its verb.
# What the preamble's trigger governs ends there: "Thực hiện Hướng dẫn số X …, Ban Thường vụ báo cáo
# kết quả thực hiện Nghị quyết số Y" implements X, and only reports on Y.
ACTOR_RE = re.compile(
    rf"[,.;][ \t\n]+(?:Ngày[^,;\n]{{1,25}},[ \t\n]+)?(?:{_ACTOR_BODIES})\b"
    rf"(?:(?!\b(?:về|của|theo|tại)\b)[^,;.]){{0,80}}?[ \t\n](?:(?:đã|vừa|sẽ|khẩn trương)[ \t\n]+)*"
    rf"(?P<verb>{_gapped(_ACTOR_VERBS)})\b"
)
# in the actor's clause the document describes itself: "ban hành Chương trình hành động thực hiện Y"
_SELF_LINK_RE = re.compile(
    rf"(?:ban hành|xây dựng)[ \t\n]+(?:{_TYPE_NAMES})(?:[ \t\n]+hành[ \t\n]+động)?(?:[ \t\n]+(?:để|nhằm))?"
    rf"(?:[ \t\n]+tiếp[ \t\n]+tục)?(?:[ \t\n]+triển[ \t\n]+khai)?"
    rf"[ \t\n]+(?:thực[ \t\n]+hiện|triển[ \t\n]+khai|cụ[ \t\n]+thể[ \t\n]+h(?:óa|oá))[ \t\n]*$",
    re.IGNORECASE,
)
# the actor issues the document named next: "… đã xây dựng [Kế hoạch số W]"
_ACTOR_ISSUES_RE = re.compile(r"(?:ban hành|xây dựng)[ \t\n]*$")
# a previous citation's subject that runs into this one joins it ("… về A và [Kết luận số …]",
# "… và triển khai [Nghị quyết số …]"); else this one is inside it ("… về tổ chức sơ kết việc
# thực hiện [Chỉ thị số 05-CT/TW]")
_JOINS_NEXT_RE = re.compile(
    r"(?:,|\bvà|\bcùng)(?:[ \t\n]+(?:tiếp[ \t\n]+tục|triển[ \t\n]+khai|thực[ \t\n]+hiện|quán[ \t\n]+triệt))*"
    r"[ \t\n]*$",
    re.IGNORECASE,
)
# a trigger after a heading in capitals on the same line: a text whose line ends were lost
# ("… THƯƠNG BINH VÀ XÃ HỘI Căn cứ Nghị định số …")
_FLAT_TRIGGER_RE = re.compile(rf"(?<=(?-i:[{_CAPITALS}][{_CAPITALS}])[ \t])" + _TRIGGER, re.IGNORECASE)


def _govern(text: str, pos: int, found: list[_Found], index: int, governed: dict[int, _Governed]) -> _Governed:
    """The trigger ("Thực hiện", "Căn cứ") that governs a preamble citation, if any.

    A citation joined to the previous one by "và" or a comma shares its relation
    ("Thực hiện Nghị quyết … và Kế hoạch …"); one the previous citation's subject runs into is
    part of that subject, and only referenced. Otherwise the clause (back to the previous
    ';' or blank line) must open with a trigger, or one of its lines must; a clause
    with none continues the previous clause of the same paragraph. What follows the actor's
    clause (ACTOR_RE) is not governed by the trigger, save the document the text says it is
    ("ban hành Kế hoạch thực hiện Y").
    """
    if index > 0:
        prev = found[index - 1]
        if prev.citation.start < pos and prev.subject_end <= pos:
            if prev.subject_open and prev.subject_end == pos and not _JOINS_NEXT_RE.search(text, max(0, pos - 60), pos):
                return _Governed(EdgeType.REFERENCES)
            if CONNECTOR_RE.match(text, prev.subject_end, pos):
                if prev.citation.relation == EdgeType.REFERENCES:
                    return _NOT_GOVERNED
                return governed.get(index - 1) or _Governed(prev.citation.relation)
    if index > 0 and _inside_description(text, found[index - 1], pos):
        return _Governed(EdgeType.REFERENCES)
    trigger = _trigger_before(text, pos)
    grounds = preamble(text)[1]
    if grounds is not None and grounds < pos and (trigger is None or trigger.start() < grounds):
        return _Governed(
            EdgeType.BASED_ON, grounds
        )  # listed under "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH" with no trigger of its own
    if trigger is None or not (trigger.group("impl") or trigger.group("base")):
        return _NOT_GOVERNED
    relation = EdgeType.IMPLEMENTS if trigger.group("impl") else EdgeType.BASED_ON
    actor = ACTOR_RE.search(text, trigger.end(), pos)
    if actor is None:
        return _Governed(relation, trigger.start())
    lead = text[actor.start("verb") : pos]
    if _SELF_LINK_RE.search(lead):
        return _Governed(EdgeType.IMPLEMENTS, trigger.start(), actor.start())
    return _Governed(EdgeType.REFERENCES, trigger.start(), actor.start(), _ACTOR_ISSUES_RE.search(lead) is not None)


# a trigger that opens a sentence inside the clause: "… giai đoạn 2021-2025. Trên cơ sở Kế hoạch số …"
# (opens with the literal full stop, so re skips to those in C)
SENTENCE_TRIGGER_RE = re.compile(r"\.[ \t]+" + _TRIGGER, re.IGNORECASE)


def _capitalised(m: re.Match) -> bool:
    return m.group(0).lstrip(". \t")[:1].isupper()


# what a cited document does, said right after its number, date and issuer: "Thông tư số 36/2006/TT-BVHTT …
# hướng dẫn thực hiện một số điều của Quy chế … ban hành kèm theo [Nghị định số 91/2005/NĐ-CP]". Not "sửa đổi":
# a text amended ("X sửa đổi … của Y", "Y được sửa đổi bởi X") is a ground as amended, with what amends it.
_DESCRIBES_RE = re.compile(
    r"[ \t\n,]*(?:\([^()]{0,120}\)[ \t\n,]*)?"  # "(nay là Bộ …)" after the issuer
    r"(?:" + _gapped("ban hành|hướng dẫn|quy định|phê duyệt|thay thế|bãi bỏ") + r")\b",
    re.IGNORECASE,
)


_AMENDED_BY_RE = re.compile(r"\bđược[ \t\n]+(?:sửa|bổ|thay|hợp)", re.IGNORECASE)


def _inside_description(text: str, prev: _Found, pos: int) -> bool:
    """Whether the citation at `pos` is named inside what the previous one is said to do (_DESCRIBES_RE), in the
    same clause and not joined to it ("…, và Nghị định số …"): then it is that document's content, not a ground."""
    if not (prev.citation.start < prev.tail_end <= pos) or pos - prev.tail_end > 300:
        return False
    gap = text[prev.tail_end : pos]
    if ";" in gap or "\n\n" in gap or _JOINS_NEXT_RE.search(gap) or not _DESCRIBES_RE.match(gap):
        return False
    if _AMENDED_BY_RE.search(gap):  # "… được sửa đổi, bổ sung bởi Nghị định số …": the amending text is a ground too
        return False
    # a sentence or a line that opens with its own trigger ends the description
    if any(_capitalised(m) for m in SENTENCE_TRIGGER_RE.finditer(gap)):
        return False
    return not _line_triggers(text, prev.tail_end, pos)


def _trigger_before(text: str, pos: int) -> re.Match | None:
    """The trigger of the clause that holds `pos` (see _govern), or None."""
    cursor = pos
    while cursor > 0:
        para = text.rfind("\n\n", 0, cursor)
        semi = text.rfind(";", 0, cursor)
        clause_start = max(para, semi, 0)
        opening = CLAUSE_TRIGGER_RE.match(text, clause_start + (1 if semi > para else 0), cursor)
        lines = _line_triggers(text, clause_start, cursor)
        flat = [m for m in _FLAT_TRIGGER_RE.finditer(text, clause_start, cursor) if m.group(0)[:1].isupper()]
        flat += [m for m in SENTENCE_TRIGGER_RE.finditer(text, clause_start, cursor) if _capitalised(m)]
        inner = sorted(lines + flat, key=lambda m: m.start())
        trigger = inner[-1] if inner else opening
        if trigger:
            return trigger
        if clause_start == 0 or para >= semi:
            return None
        cursor = clause_start  # continue into the previous clause of the same paragraph
    return None


def _refind(text: str, citations: list[Citation]) -> list[_Found]:
    by_start = {(f.citation.start, f.citation.symbol): f for f in _find(text)}
    out = []
    for c in citations:
        f = by_start.get((c.start, c.symbol))
        if f is None:
            f = _Found(c, c.start, c.end, c.end, c.date is not None)
        f.citation = c
        out.append(f)
    return out


@lru_cache(maxsize=4096)
def _issuer_place(issuer_text: str, level: str) -> Place:
    """locate() of an issuing body's words (cached like _level_of_text; Place is frozen)."""
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
        text_level = _level_of_text(c.issuer_text)
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
