"""A document's own identity: number, type, title, date, issuing body, level and place.

Vietnamese documents put these in a fixed frame: the issuing body and "Số: …" at the
top left, "…, ngày … tháng … năm …" at the top right, the type in capitals ("KẾ
HOẠCH") with the title under it, and a signature block ("T/M BAN THƯỜNG VỤ") at the
end. Real texts often lose part of the frame, so each field falls back on the body:
the preamble's "…, Huyện ủy Hòn Quản xây dựng Kế hoạch", place names, and the dates
of the documents it cites.
"""

from __future__ import annotations

import re

from policygraph.ingest import lexicon, symbols, tables
from policygraph.ingest.case import agency_case, sentence_case
from policygraph.ingest.dates import DATE_RE, iso_from_match
from policygraph.ingest.layout import (
    HEADING_ANY_CASE_RE,
    HEADING_INLINE_RE,
    HEADING_RE,
    HEADINGS,
    SIGNATURE_RE,
)
from policygraph.ingest.models import Citation, Identity, Place
from policygraph.ingest.noise import LinePattern
from policygraph.ingest.places import (
    DISTRICT_LEVEL_ENDED,
    fold,
    locate,
    match_district,
    match_province,
    names_town_committee,
    province_of_district,
    without_district,
)
from policygraph.ingest.unit_finder import find_units
from policygraph.ingest.unit_names import canonical_unit_name
from policygraph.vocabulary import LEVEL_WORD, Flag, Level

HEADER_ZONE = 2500  # characters: the frame above the title
OWN_NUMBER_RE = LinePattern(
    r"^[ \t*#_]*(?:(?:Bộ[ \t]+[Ll]uật|Luật|Pháp lệnh|Lệnh)[ \t]+(?:số|Số)|Số|SỐ)[ \t]*:?[ \t]*"
    r"(?P<sym>[^\n]{3,60}?)[ \t*_]*$"
)
# the same head, for a number followed on its line by the frame's other column ("Số: 12/KH-UBND | Hà Nội,
# ngày …"), put on the line under it by a flattened table ("Số:" / "14/2007/QĐ-UBND"), or led by the type
# with a colon, as the National Assembly's bodies write it ("Nghị quyết số: 653/2019/UBTVQH14"); a type
# followed by "số" without the colon is how a text names another document, not its own number
_TYPE_HEADS = "Nghị quyết|Quyết định|Chỉ thị|Kết luận|Kế hoạch|Thông tư|Nghị định|Công văn|Hướng dẫn|Thông báo"
OWN_NUMBER_HEAD_RE = LinePattern(
    r"^[ \t*#_|]*(?:(?:Bộ[ \t]+[Ll]uật|Luật|Pháp lệnh|Lệnh)[ \t]+(?:số|Số)|(?:" + _TYPE_HEADS + r")[ \t]+số[ \t]*(?=:)"
    r"|Số|SỐ)[ \t]*:?[ \t]*(?:\n[ \t*_|]*)?(?=\d)"
)
# "Hà Nội, ngày 15 tháng 5 năm 2026"; a flattened table may break the line after "ngày"
PLACE_DATE_RE = LinePattern(r"^[^\n]{0,60},[ \t]*ngày(?:[ \t]+|[ \t]*\n[ \t]*)\d")
# Laws, codes, ordinances and the National Assembly's resolutions carry no dated frame: they are
# dated by the closing clause that says when they were passed ("Luật này đã được Quốc hội …
# khóa XV, kỳ họp thứ 7 thông qua ngày 29 tháng 6 năm 2024.").
PASSED_ON_RE = re.compile(r"thông\s+qua\s+(?=ngày)")  # opens with a letter: re skips to its "t"s in C
PASSED_BY_RE = re.compile(  # what the clause says before "thông qua", within PASSED_BY_WIDTH characters
    r"(?:Bộ luật|Luật|Pháp lệnh|Nghị quyết) này (?:đã )?được\s+(?:Quốc hội|Ủy ban Thường vụ Quốc hội|Uỷ ban Thường vụ"
    r" Quốc hội)[^.;]*$"
)
PASSED_BY_WIDTH = 300
FRAME_AFTER_NUMBER = 400  # characters: a frame moved to the end (consolidated texts) dates its number there
# the headings whose title is a name ("Luật Đầu tư"); the heading patterns are the layout's
NAMED_HEADINGS = lexicon.NAMED_HEADINGS
# "…, Huyện ủy Hòn Quản xây dựng Kế hoạch", "Ủy ban nhân dân tỉnh ban hành Kế hoạch"
_ACTOR_BODIES = (
    "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Huyện ủy", "Huyện uỷ", "Quận ủy", "Thị ủy", "Đảng ủy", "Đảng uỷ",
    "Ủy ban nhân dân", "Uỷ ban nhân dân", "UBND", "Hội đồng nhân dân", "HĐND", r"Ban [A-ZĐ][\w ]{2,40}?",
    r"Sở [A-ZĐ][\w ]{2,40}?", "Quốc hội", "Chính phủ", "Thủ tướng Chính phủ", r"Bộ trưởng Bộ [A-ZĐ][\w ,-]{2,60}?",
)
_ACTOR_BODY = "(?:" + "|".join(_ACTOR_BODIES) + ")"
# As first written: "(?:Ban Thường vụ\s+)?(?:Ban Chấp hành\s+)?BODY …". The optional prefixes are spelled out
# as branches (tried in the same order), so every branch opens with a capital letter and re skips to
# those in C instead of trying every character.
# between the words of the actor's phrase: spaces or one line end (a wrapped line), never a blank line
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
ACTOR_RE = re.compile(
    rf"(?P<actor>(?:Ban Thường vụ{_GAP}(?:Ban Chấp hành{_GAP})?{_ACTOR_BODY}|Ban Chấp hành{_GAP}{_ACTOR_BODY}|"
    + "|".join(_ACTOR_BODIES)
    + rf")(?:{_GAP}[\wÀ-ỹ]+){{0,4}}?){_GAP}(?:xây{_GAP}dựng|ban{_GAP}hành){_GAP}(?:Kế hoạch|kế hoạch|"
    r"Chương trình|chương trình|Hướng dẫn|hướng dẫn|Nghị quyết|Chỉ thị|Quyết định|Đề án|Luật|Bộ luật|Pháp lệnh|"
    r"Nghị định|Thông tư)",
)
# Which "… ban hành Kế hoạch" is the document's own enacting clause. Words between the body and the verb
# that no name contains end the actor: a manner ("thống nhất xây dựng kế hoạch") is left out of it; a
# report of a past act ("vừa ban hành", "đã ban hành") is another document's; any other word ("có trách
# nhiệm xây dựng", "về việc ban hành") shows the body is not the subject of the verb.
ACTOR_MANNER_WORDS = ("thống nhất", "chính thức", "khẩn trương", "tiếp tục")
ACTOR_REPORT_WORDS = ("đã", "vừa", "mới", "sẽ", "đang")
# ("và" is no such word: "Bộ Kế hoạch và Đầu tư ban hành Thông tư")
ACTOR_NOT_NAME_WORDS = ("có", "trách nhiệm", "về", "việc", "để", "được", "cũng", "phải", "cần", "cùng")
# a body after these words is the object of a phrase ("… của Thủ tướng Chính phủ ban hành Chương trình")
ACTOR_OBJECT_OF = ("của", "do", "theo", "tại")
# an enacting clause announces what follows ("… ban hành Kế hoạch thực hiện như sau:")
_ANNOUNCES_RE = re.compile(r"như sau|sau đây|\bsau\s*:")
_SENTENCE_END_RE = re.compile(r"\.\s|\n\s*\n")
_NAMED_BY_NUMBER_RE = re.compile(r"\s+số\b")  # "ban hành Kế hoạch số 42/KH-UBND": another document
ANNOUNCE_WIDTH = 400
_VERB_RE = re.compile(r"(?:xây|ban)\s+(?:dựng|hành)\s+")


def _words_re(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")


_MANNER_TAIL_RE = re.compile(r"(?:\s+(?:" + "|".join(map(re.escape, ACTOR_MANNER_WORDS)) + r"))+$")
_REPORT_TAIL_RE = re.compile(r"\s+(?:" + "|".join(map(re.escape, ACTOR_REPORT_WORDS)) + r")$")
_NOT_NAME_RE = _words_re(ACTOR_NOT_NAME_WORDS)
_OBJECT_OF_RE = re.compile(r"(?<!\w)(?:" + "|".join(ACTOR_OBJECT_OF) + r")\s*$")


def _enacting_actor(masked: str, start: int, end: int, framed: bool) -> tuple[str, str] | None:
    """(actor, type word) of the first own enacting clause in [start, end) (ACTOR_RE and the rules above).

    A text without a frame (no number, no heading: a news page) is enacted only by a clause that
    announces what follows; one that reports an act ("Tỉnh ủy Nghệ An ban hành Chương trình …") is news.
    """
    for m in ACTOR_RE.finditer(masked, start, end):
        actor = " ".join(m.group("actor").split())
        actor = _MANNER_TAIL_RE.sub("", actor)
        if _REPORT_TAIL_RE.search(actor) or _NOT_NAME_RE.search(actor):
            continue
        if _OBJECT_OF_RE.search(masked[max(0, m.start() - 12) : m.start()]):
            continue
        if _NAMED_BY_NUMBER_RE.match(masked, m.end()):
            continue
        if not framed:
            after = masked[m.end() : m.end() + ANNOUNCE_WIDTH]
            stop = _SENTENCE_END_RE.search(after)
            if not _ANNOUNCES_RE.search(after[: stop.start() if stop else len(after)]):
                continue
        return actor, _VERB_RE.split(m.group(0))[-1]
    return None


# "T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN" name the body; "KT. CHỦ TỊCH", "Q. GIÁM ĐỐC" the signer's capacity
# (layout.SIGNATURE_RE)
STATE_BODIES = ("Ủy ban nhân dân", "Uỷ ban nhân dân", "Hội đồng nhân dân")
PARTY_WORDS = re.compile(
    r"Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Huyện uỷ|Đảng ủy|Đảng uỷ|Ban Thường vụ|BAN THƯỜNG VỤ|Chi bộ|"
    r"ĐẢNG ỦY|Thành ủy|Quận ủy|Thị ủy|Ban Chấp hành",
    re.IGNORECASE,
)
LEVEL_OF_ACTOR = [
    (re.compile(r"Trung ương|Bộ Chính trị|Ban Bí thư|Chính phủ|Quốc hội|Thủ tướng|Bộ trưởng", re.I), "central"),
    (re.compile(r"\bxã\b|\bphường\b|thị trấn|Chi bộ", re.I), "commune"),
    (re.compile(r"Huyện ủy|Huyện uỷ|Quận ủy|Thị ủy|\bhuyện\b|\bquận\b|thị xã", re.I), "district"),
    (re.compile(r"Tỉnh ủy|Tỉnh uỷ|\btỉnh\b|\bSở\b", re.I), "province"),
]
# "Thành ủy" has no level of its own: the lexicon's answer depends on its city (lexicon.committee_level)
_CITY_COMMITTEE_RE = re.compile(r"(?i)thành\s+(?:ủy|uỷ)")
COMMITTEE = lexicon.COMMITTEE_OF_CODE  # "TU" -> "Tỉnh ủy"


def _with_dated_at(place: Place, dated_at: str | None, level: str | None) -> Place:
    """Fill what the clues left open from the place of the date line: a province name, or a
    district inside the province already found (or unique in the country)."""
    if not dated_at or (place.province and (place.district or level not in (Level.DISTRICT, Level.COMMUNE))):
        return place
    province = match_province(dated_at)
    if province and not place.province:
        return Place(province)
    if level in (Level.DISTRICT, Level.COMMUNE) and not place.district:
        owner = place.province or province_of_district(dated_at)  # a district name shared by provinces says nothing
        district = match_district(dated_at, owner) if owner else None
        if district:
            return Place(owner, district, place.commune)
    return place


def own_symbol(masked: str) -> symbols.Symbol | None:
    """The document's own number: "Số: …" in the frame, else a lone "Số: …" line anywhere
    (consolidated texts put it above the signature at the end)."""
    return _own_number(masked)[0]


def _own_number(masked: str) -> tuple[symbols.Symbol | None, int]:
    """(own number, where its line starts). A line that is only "Số: …" is taken first; then a
    line that opens with it and goes on with the frame's other column ("Số: 1234/KH-UBND   Độc
    lập - Tự do - Hạnh phúc", "Số 30-CTr/TU   Pleiku, ngày …"), as text taken from a two-column
    header table comes out."""
    zone_end = _title_start(masked)
    found = _number_line(masked, zone_end)
    if found[0] is None:
        for m in OWN_NUMBER_HEAD_RE.finditer(masked, 0, zone_end):  # in the frame only
            sm = symbols.SYMBOL_RE.match(masked, m.end())
            if sm is None:
                continue
            try:
                return symbols.from_match(sm), m.start()
            except symbols.InvalidSymbol:
                continue
        found = _number_line(masked, len(masked))
    return found


# A frame flattened onto one line (a PDF's two columns read across): "… Hạnh phúc ***** Số: 23/2007/QĐ-BLĐTBXH Hà Nội,
# ngày 05 tháng 10 năm 2007 QUYẾT ĐỊNH …". "Số:" with its colon, a symbol, then the place-and-date within a few
# words on the same line: the frame's two cells side by side, which no sentence citing a document writes.
FLAT_FRAME_ZONE = 6000  # characters: a page's furniture may come before the frame
_FLAT_NUMBER_RE = re.compile(r"(?<!\w)(?:Số|SỐ)[ \t]*:[ \t]*(?=\d)")
_FLAT_DATE_AFTER_RE = re.compile(r"[^\n,]{0,40},[ \t]*ngày[ \t]+\d")


def _flat_frame_number(masked: str) -> tuple[symbols.Symbol | None, int]:
    for m in _FLAT_NUMBER_RE.finditer(masked, 0, min(len(masked), FLAT_FRAME_ZONE)):
        sm = symbols.SYMBOL_RE.match(masked, m.end())
        if sm is None or not _FLAT_DATE_AFTER_RE.match(masked, sm.end()):
            continue
        try:
            return symbols.from_match(sm), m.start()
        except symbols.InvalidSymbol:
            continue
    return None, -1


# A news page that announces a document and then reproduces it is that document: "Ban Tuyên giáo Trung ương ban
# hành Hướng dẫn số 55-HD/BTGTW về … trân trọng giới thiệu toàn văn bản Hướng dẫn." Only with the words that say
# the text follows in full: a page that only reports an issuing ("Tỉnh ủy vừa ban hành Chỉ thị 07-CT/TU") is not it.
ANNOUNCE_ZONE = 1500  # characters: the lead-in of a news page
_ANNOUNCED_RE = re.compile(r"ban[ \t]+hành[ \t]+(?P<type>[A-ZĐ][^\n]{1,30}?)[ \t]+số[ \t]*(?=\d)")
_REPRODUCED_RE = re.compile(r"(?i)(?:giới[ \t]+thiệu|đăng[ \t]+tải|đăng)[ \t]+(?:toàn[ \t]+văn|nguyên[ \t]+văn)")
REPRODUCED_REACH = 400  # characters after the number: the lead-in's next sentence


def _reproduced_announcement(masked: str) -> symbols.Symbol | None:
    for m in _ANNOUNCED_RE.finditer(masked, 0, min(len(masked), ANNOUNCE_ZONE)):
        if m.group("type").lower() not in tables.name_to_codes():
            continue
        sm = symbols.SYMBOL_RE.match(masked, m.end())
        if sm is None or not _REPRODUCED_RE.search(masked, sm.end(), sm.end() + REPRODUCED_REACH):
            continue
        try:
            return symbols.from_match(sm)
        except symbols.InvalidSymbol:
            continue
    return None


# What a frame's number line writes in a form the grammar does not know ("Số: 15 /KH-BCĐ(389)", a council's
# term in the code): kept as written (flag symbol_nonstandard), never dropped; digits and a slash or dash at least.
_WRITTEN_NUMBER_RE = re.compile(r"\d[^\n]*?[/\-–][^\n]*")


def _written_number(masked: str) -> tuple[str | None, int]:
    for m in OWN_NUMBER_RE.finditer(masked, 0, _title_start(masked)):
        written = " ".join(m.group("sym").strip(" .,;*_").split())
        if _WRITTEN_NUMBER_RE.fullmatch(written) and len(written) <= 40:
            return written, m.start()
    return None, -1


def _number_line(masked: str, limit: int) -> tuple[symbols.Symbol | None, int]:
    for m in OWN_NUMBER_RE.finditer(masked, 0, limit):
        try:
            return symbols.parse(m.group("sym").strip(" .,;")), m.start()
        except symbols.InvalidSymbol:
            continue
    return None, -1


def _frame_date(masked: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The date of the first "Hà Nội, ngày 15 tháng 5 năm 2026" line in [start, end), and the
    place name it is dated at (a last clue to the document's place).

    What stands before the comma must be a place name (_dated_at): "Thực hiện Nghị quyết số 57-NQ/TW,
    ngày 22/12/2024" cites another document's date, and "Thứ Tư, ngày 31 tháng 5" is a web page's
    calendar, not the frame.
    """
    for m in PLACE_DATE_RE.finditer(masked, start, end):
        comma = masked.find(",", m.start(), m.end())
        dated_at = _dated_at(masked[m.start() : comma])
        if dated_at is None:
            continue
        dm = DATE_RE.search(masked, comma, m.end() + 40)
        if dm:
            return iso_from_match(dm), dated_at
    return None, None


# a frame's place names a place: capitalised words (or numbers: "Quận 2"), and the lower-case words of
# a unit's name ("Thành phố Hồ Chí Minh", "xã Ia Hrú"); the text before it on the line is another cell
# of a flattened table ("Số: 14/2001/QĐ-UB | Đà Lạt", "Số 30-CTr/TU   Pleiku")
_DATED_AT_CELL_RE = re.compile(r"\s*(?:\||\t|\s{2,})\s*")
_DATED_AT_LOWER_WORDS = {"phố", "xã", "phường", "thị", "trấn", "huyện", "quận", "tỉnh", "-", "–"}
_WEEKDAY_RE = re.compile(r"(?i)^(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)$")
DATED_AT_MAX_WORDS = 6


def _dated_at(before_comma: str) -> str | None:
    """The place name a date line is dated at, or None when the words before its comma are no place."""
    cell = _DATED_AT_CELL_RE.split(before_comma.strip(" \t*_|#"))[-1].strip(" \t*_|#")
    words = cell.split()
    if not words or len(words) > DATED_AT_MAX_WORDS or _WEEKDAY_RE.match(cell):
        return None
    if all(w[0].isupper() or w[0].isdigit() or w in _DATED_AT_LOWER_WORDS for w in words):
        return cell
    return None


def _passed_on(masked: str) -> str | None:
    """The date a law, code, ordinance or National Assembly resolution was passed (PASSED_ON_RE)."""
    for m in PASSED_ON_RE.finditer(masked):
        if not PASSED_BY_RE.search(masked, max(0, m.start() - PASSED_BY_WIDTH), m.start()):
            continue
        dm = DATE_RE.match(masked, m.end())
        if dm:
            return iso_from_match(dm)
    return None


def _type_name_of_number(ident: Identity, sym: symbols.Symbol | None) -> str | None:
    """The type name the document's own number gives, when its heading names another type.

    A consolidated text ("Số: 04/VBHN-BYT") keeps the heading of the text it consolidates
    ("THÔNG TƯ"): its type is the number's (Văn bản hợp nhất), and its title keeps the heading.
    """
    if not (sym and sym.doc_type and ident.doc_type_name and ident.grammar):
        return None
    heading_codes = tables.name_to_codes().get(ident.doc_type_name.lower(), {})
    if tables.fold_code(heading_codes.get(ident.grammar) or "") == tables.fold_code(sym.doc_type):
        return None
    entry = tables.doc_types()[ident.grammar].get(tables.fold_code(sym.doc_type))
    return entry.name if entry else None


def _title_start(masked: str) -> int:
    m = HEADING_RE.search(masked, 0, HEADER_ZONE + 500)
    return m.start() if m else min(len(masked), HEADER_ZONE)


# an official letter has no heading: its subject line under the number is its title
LETTER_SUBJECT_RE = LinePattern(r"^[ \t*_#]*(?:V/v|V/V|v/v)[ \t.:]*(?P<rest>\S[^\n]*)$")


def _letter_subject(masked: str) -> str | None:
    """"V/v triển khai thực hiện Kết luận số 114-KL/TW" (and the lines it wraps onto, up to a blank
    line or the frame's other column), in the frame."""
    m = LETTER_SUBJECT_RE.search(masked, 0, HEADER_ZONE)
    if not m:
        return None
    parts = [m.group("rest").strip()]
    for line in masked[m.end() + 1 : m.end() + 400].split("\n")[:3]:
        clean = line.strip(" \t*_")
        frame = _FRAME_RIGHT_RE.match(clean) or PLACE_DATE_RE.rx.match(clean)
        if not clean or frame or clean.lower().startswith("kính gửi"):
            break
        parts.append(clean)
    return "V/v " + " ".join(" ".join(parts).split())


# lines that end a title: the enacting authority written under it in capitals ("CHỦ TỊCH ỦY BAN NHÂN DÂN
# TỈNH SƠN LA", "HỘI ĐỒNG NHÂN DÂN TỈNH NGHỆ AN KHOÁ XV"), the preamble, a note that the text is attached
# to a decision ("(Ban hành kèm theo Quyết định số …)") and the first section of the body
_AUTHORITY_LINE_RE = re.compile(
    r"^(?:CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|CHÍNH PHỦ|QUỐC HỘI|ỦY BAN|UỶ BAN|HỘI ĐỒNG NHÂN DÂN|BAN CHẤP HÀNH|"
    r"BAN THƯỜNG VỤ)\b"
)
_PREAMBLE_LINE_RE = re.compile(r"(?i)(?:căn cứ|thực hiện)\b")
_BODY_START_RE = re.compile(
    r"^(?:\(\s*Ban hành\b|Chương\s+[IVXLC\d]+\b|Điều\s+\d+\.|Phần\s+[IVXLC\d]+\b|[IVX]+[.-]\s)"
)
# a title line after which the title goes on: its phrase is open ("… của", "… về", "… và", "…,")
_OPEN_TITLE_END_RE = re.compile(r"(?i)(?:\bcủa|\bvề|\bvà|,|-)$")
# after a blank line (text taken from a page spaces its lines), a line that opens with "về" goes on
# with the title: the subject under a heading line that names the issuer ("NGHỊ QUYẾT CỦA HĐND TỈNH …")
_SUBJECT_LINE_RE = re.compile(r"^(?:về|Về|VỀ)\s")
TITLE_MAX_LINES = 8


def _title_lines(masked: str, pos: int, first: list[str]) -> tuple[list[str], str | None]:
    """The lines of the title from `pos` on, and the enacting authority line that ends it, if any."""
    lines = list(first)
    raw = masked[pos : pos + 1500].split("\n")
    for i, line in enumerate(raw):
        clean = line.strip().strip("*_#").strip()
        if not clean:
            if not lines:
                continue
            nxt = next((r.strip() for r in raw[i + 1 :] if r.strip()), "")
            if _OPEN_TITLE_END_RE.search(lines[-1]) or _SUBJECT_LINE_RE.match(nxt):
                continue
            break
        if not any(c.isalnum() for c in clean):  # a rule under the title ("—–", "______")
            if lines:
                break
            continue
        bare = clean.lstrip("-–+• ")
        open_end = bool(lines) and _OPEN_TITLE_END_RE.search(lines[-1])
        if lines and _PREAMBLE_LINE_RE.match(bare) and not lines[-1].endswith(("của", "về")):
            break
        if lines and _BODY_START_RE.match(bare):
            break
        if lines and _AUTHORITY_LINE_RE.match(clean) and not open_end:
            return lines, clean
        lines.append(clean)
        if len(lines) >= TITLE_MAX_LINES:
            break
    return lines, None


def _cased_title(lines: list[str], first_upper: bool) -> str:
    """The title's lines in one line: each run of lines in capitals in sentence case (so a name broken
    over two lines is still found), lines in mixed case as written."""
    parts: list[str] = []
    run: list[str] = []
    for line in [*lines, ""]:
        if line and not any(c.islower() for c in line):
            run.append(line)
            continue
        if run:
            parts.append(sentence_case(" ".join(run), first_upper=first_upper and not parts))
            run = []
        if line:
            parts.append(line[:1].lower() + line[1:] if parts and _SUBJECT_LINE_RE.match(line) else line)
    return " ".join(" ".join(parts).split())


def _heading_and_title(masked: str) -> tuple[str | None, str | None, int, str | None]:
    """(heading, title, where the heading ends, the enacting authority line under the title)."""
    zone = HEADER_ZONE + 500
    m = HEADING_RE.search(masked, 0, zone)
    rest = None
    if not m:
        m = HEADING_INLINE_RE.search(masked, 0, zone)
        rest = m.group("rest") if m else None
    if not m:
        m = HEADING_ANY_CASE_RE.search(masked, 0, zone)
    if not m:
        return None, _letter_subject(masked), 0, None
    heading = m.group("h").upper()
    first = [rest.strip().strip("*_#").strip()] if rest else []
    lines, authority = _title_lines(masked, m.end() + 1, first)
    title = _cased_title(lines, first_upper=heading in NAMED_HEADINGS) or None
    return heading, title, m.end(), authority


def _issuer_from_signature(masked: str, symbol: symbols.Symbol | None, place: Place, level: str | None) -> str | None:
    signatures = list(SIGNATURE_RE.finditer(masked))
    if not signatures:
        return None
    last_block = [m for m in signatures if m.start() >= signatures[-1].start() - 200]
    on_behalf = [m for m in last_block if m.group("how").upper().startswith("T")]
    body = " ".join((on_behalf or last_block)[0].group("body").split()).strip(" .")
    if body.isupper():  # "BAN CHẤP HÀNH TRUNG ƯƠNG" -> "Ban Chấp hành Trung ương", the unit table's spelling
        body = canonical_unit_name(body)
    if body in STATE_BODIES and level in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE):
        body = f"{body} {dict(province='tỉnh', district='huyện', commune='xã')[level]}"
    elif body.lower() in ("đảng ủy", "đảng uỷ") and level == Level.COMMUNE:
        body = "Đảng ủy xã"
    if body.lower().startswith("ban thường vụ") or body.lower() == "đảng ủy":
        committee = COMMITTEE.get(symbol.issuer) if symbol else None
        committee = committee or {"province": "Tỉnh ủy", "district": "Huyện ủy", "commune": "Đảng ủy xã"}.get(
            level or ""
        )
        if body.lower().startswith("ban thường vụ") and committee:
            body = f"Ban Thường vụ {committee}"
    return body


# what the right-hand column of a frame says; a flattened frame puts it on the body's line
_FRAME_RIGHT_RE = re.compile(
    r"(?i)\s*(?:ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|"
    r"Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc)\s*"
)
# the mottos of the right-hand column, folded without spaces: a flattened two-column table leaves their
# pieces on lines of their own ("CỘNG" / "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập -" / "Tự do - Hạnh phúc")
FRAME_MOTTOS = ("conghoaxahoichunghiavietnam", "dangcongsanvietnam", "doclaptudohanhphuc")
MOTTO_PIECE_MIN = 6  # folded letters: a shorter piece ("HỘI") may be a word of the body's own name
MOTTO_SHORT_PIECES = {"cong"}  # "CỘNG" alone: the first word of "CỘNG HÒA …" broken off
# lines of the frame that are neither the body nor the mottos: a council's term and session
_FRAME_SKIP_RE = re.compile(r"(?i)^(?:nhiệm kỳ|kỳ họp|khóa|khoá)\b")
FRAME_SCAN_LINES = 14  # physical lines above the number: blank lines, rules and motto pieces come between
FRAME_BODY_LINES = 3  # the issuing body and the bodies above it ("ĐẢNG BỘ TỈNH …" over "HUYỆN ỦY …")
# a frame line that goes on with the line above: a wrapped name, or the place of the body above
_FRAME_GOES_ON_RE = re.compile(r"(?:VÀ|-|(?:HUYỆN|XÃ|TỈNH|THÀNH PHỐ|QUẬN|PHƯỜNG|THỊ XÃ|THỊ TRẤN)\b(?!\s+[UỦ]Ỷ?Y))")
# a frame line that cannot end a name, so the line under it goes on with it: a word broken off ("ỦY" /
# "BAN NHÂN DÂN", "HỘI" / "ĐỒNG NHÂN DÂN") or a standing body without its council ("ỦY BAN THƯỜNG VỤ" /
# "QUỐC HỘI", "THƯỜNG TRỰC" / "HĐND - UBND TỈNH …")
_FRAME_OPEN_END_RE = re.compile(r"(?:^\S+|\bTHƯỜNG VỤ|\bTHƯỜNG TRỰC|\bCỦA|\bVÀ|-)$")
# a Party committee's department, and a Party committee: the department is "of" the committee above it
_PARTY_DEPARTMENT_RE = re.compile(r"(?:BAN|ỦY BAN KIỂM TRA|UỶ BAN KIỂM TRA|VĂN PHÒNG|TIỂU BAN)\b")
_PARTY_COMMITTEE_RE = re.compile(r"(?:(?:TỈNH|HUYỆN|THÀNH|QUẬN|THỊ)\s+[UỦ]Ỷ?Y|ĐẢNG\s+[UỦ]Ỷ?Y)\b")


def _motto_piece(cell: str) -> bool:
    """Whether a frame cell is a motto of the right-hand column or a piece of one (FRAME_MOTTOS)."""
    folded = fold(cell).replace(" ", "").replace("-", "").replace("–", "")
    if folded in MOTTO_SHORT_PIECES:
        return True
    return len(folded) >= MOTTO_PIECE_MIN and any(folded in motto for motto in FRAME_MOTTOS)


def _frame_lines(masked: str, at: int) -> list[str]:
    """The capital lines of the frame's left column above `at`, top to bottom.

    A flattened frame interleaves them with blank lines, rules ("-------", "*"), table bars ("|"),
    the right column's mottos (whole or in pieces) and a council's term and session: those are passed
    over. A line with lower-case letters is not the frame (page text above it): the scan stops there.
    """
    lines: list[str] = []
    for line in reversed(masked[:at].rstrip("\n").split("\n")[-FRAME_SCAN_LINES:]):
        cells = [c.strip(" \t*_#-–—") for c in _FRAME_RIGHT_RE.sub(" | ", line).split("|")]
        cells = [c for c in cells if any(ch.isalpha() for ch in c) and not _motto_piece(c)]
        if not cells or _FRAME_SKIP_RE.match(cells[0]):
            continue
        if any(ch.islower() for ch in cells[0]):
            break  # the frame's body is in capitals; anything else is not the frame
        lines.insert(0, " ".join(cells[0].split()))
        if len(lines) > FRAME_BODY_LINES + 2:
            break
    return lines


def _frame_body(masked: str, at: int) -> str | None:
    """The issuing body written above the number at the top left of the frame, in sentence case
    ("BỘ LAO ĐỘNG - THƯƠNG BINH / VÀ XÃ HỘI", "HUYỆN ỦY HỚN QUẢN" under "ĐẢNG BỘ TỈNH BÌNH PHƯỚC").

    The capital lines above the number (_frame_lines); a line that opens with "VÀ", a dash or a
    place's level word goes on with the line above it, and so does any line under one that cannot end
    a name (_FRAME_OPEN_END_RE); otherwise the lowest line is the body.
    """
    if at <= 0 or at > HEADER_ZONE:
        return None
    lines = _frame_lines(masked, at)
    if not lines:
        return None
    body, above = lines[-1], lines[:-1]
    while above and (_FRAME_GOES_ON_RE.match(body) or _FRAME_OPEN_END_RE.search(above[-1])):
        body = f"{above.pop()} {body}"  # "ỦY BAN NHÂN DÂN / HUYỆN BẠCH THÔNG", "BỘ … THƯƠNG BINH / VÀ XÃ HỘI"
    if above and _PARTY_DEPARTMENT_RE.match(body) and _PARTY_COMMITTEE_RE.match(above[-1]):
        body = f"{body} {above[-1]}"  # "BAN TUYÊN GIÁO" under "TỈNH ỦY NGHỆ AN": of that committee
    return agency_case(sentence_case(body))


# "Số …" opens the frame's number line even when the number is left blank ("Số:      /KH-UBND")
_NUMBER_LINE_RE = LinePattern(r"^[ \t*#_|]*(?:Số|SỐ)\b")


def _frame_anchor(masked: str, number_at: int) -> int:
    """Where the frame's left column ends: the own number's line, else a "Số" line in the frame."""
    if number_at >= 0:
        return number_at
    found = list(_NUMBER_LINE_RE.finditer(masked, 0, _title_start(masked)))
    return found[-1].start() if found else -1  # the last: a page's metadata above the frame may say "Số"


# a signature that names only a title ("KT. BỘ TRƯỞNG"): the enacting formula or the frame says whose
_BARE_TITLES = ("bộ trưởng", "chủ tịch", "thủ trưởng", "giám đốc", "tổng giám đốc", "viện trưởng")


def _issuer(signed: str | None, actor: str | None, frame_body: str | None) -> str | None:
    """The issuing body: the signature's, unless it is a bare title that the enacting formula
    ("Bộ trưởng Bộ Tài chính ban hành Thông tư") or the frame ("BỘ TÀI CHÍNH") completes."""
    if signed and signed.lower() in _BARE_TITLES:
        if actor and actor.lower().startswith(signed.lower() + " "):
            return actor
        if frame_body:
            return f"{signed} {frame_body}"
    found = signed or actor
    if found and frame_body and fold(frame_body).startswith(fold(_spelled(found)) + " "):
        return frame_body  # "Đảng ủy xã" or "UBND tỉnh" in the text, "ĐẢNG ỦY XÃ IA HRÚ" in the frame
    board = _BOARD_RE.match(_spelled(found)) if found and frame_body else None
    if board and fold(frame_body).startswith(fold(board.group("committee"))) and not _BOARD_RE.match(frame_body):
        # "Ban Thường vụ Đảng ủy" in the text, "ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH" in the frame: that committee's board
        return f"{board.group('board')} {frame_body}"
    if found and frame_body and _letters(found) == _letters(frame_body):
        return frame_body  # the same name; the frame's lines keep the spaces a flattened signature lost
    return found or frame_body


# initials the enacting sentence may use for a body the frame spells out
_INITIALS = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "BTV": "Ban Thường vụ", "BCH": "Ban Chấp hành"}
_INITIALS_RE = re.compile(r"\b(?:UBND|HĐND|BTV|BCH)\b")
# a committee's standing board, executive or standing members, named before the committee
_BOARD_RE = re.compile(r"^(?P<board>Ban Thường vụ|Thường trực|Ban Chấp hành) (?P<committee>.+)$")


def _spelled(name: str) -> str:
    """`name` with its initials spelled out ("UBND tỉnh" -> "Ủy ban nhân dân tỉnh"): to compare it with the frame."""
    return _INITIALS_RE.sub(lambda m: _INITIALS[m.group(0)], name) if "B" in name or "Đ" in name else name


def _letters(name: str) -> str:
    return fold(name).replace(" ", "")




# an attached text ("QUY ĐỊNH …  (Ban hành kèm theo Quyết định số 63/2010/QĐ-UBND ngày … của UBND tỉnh)")
# is issued by the body that issued the decision it is attached to
_ATTACHED_TO_RE = re.compile(r"\(\s*Ban\s+hành\s+kèm\s+theo\b[^()]{0,200}?\bcủa\s+(?P<body>[^()]{3,80}?)\s*\)")
# the enacting authority line keeps its body: a council's term and session after it are cut
_AUTHORITY_TAIL_RE = re.compile(r"(?i)[\s,-]+(?:khóa|khoá|kỳ họp|nhiệm kỳ)\b.*$")


def _authority_body(line: str | None) -> str | None:
    """The body of the enacting authority line under the title, in sentence case."""
    if not line:
        return None
    return sentence_case(_AUTHORITY_TAIL_RE.sub("", line).strip(" ,.")) or None


def _attached_to(masked: str) -> str | None:
    m = _ATTACHED_TO_RE.search(masked, 0, HEADER_ZONE)
    return " ".join(m.group("body").split()) if m else None


def _level_of(*clues: str | None) -> str | None:
    """The level the first clue that says one names (LEVEL_OF_ACTOR)."""
    for clue in clues:
        if clue:
            level = next((lv for rx, lv in LEVEL_OF_ACTOR if rx.search(clue)), None)
            if level is None and _CITY_COMMITTEE_RE.search(clue):
                level = lexicon.committee_level(clue)
            if level:
                return level
    return None


# A news page has no frame: its lead-in names the body it reports on as the subject of what it "just did"
# ("(BĐ) - Ban Tuyên giáo Tỉnh ủy vừa có văn bản đề nghị …", "BCH Đảng bộ xã Vi Hương đã tổ chức họp"): the
# page's level is that body's, read by the unit grammar. A body in a list ("các cấp ủy") says nothing.
LEAD_IN_ZONE = 800  # characters: a news page's title and lead-in
_REPORTED_ACT_RE = re.compile(r"[ \t]+(?:vừa|đã|mới)[ \t]")


def _reporting_body_level(masked: str) -> str | None:
    lead = masked[:LEAD_IN_ZONE]
    for found in find_units(lead):
        if found.level and not found.collective and _REPORTED_ACT_RE.match(lead, found.end):
            return found.level
    return None


def identify(text: str, masked: str, citations: list[Citation]) -> Identity:
    """Everything the document says about itself (see module docstring)."""
    ident = Identity()
    sym, number_at = _own_number(masked)
    if sym is None:
        sym, number_at = _flat_frame_number(masked)
    if sym is None:
        sym = _reproduced_announcement(masked)
    heading, title, heading_end, authority_line = _heading_and_title(masked)
    if sym:
        ident.symbol, ident.grammar, ident.issuer_code = str(sym), sym.grammar, sym.issuer
        ident.doc_type = sym.doc_type
        if sym.level and sym.level != "context":
            ident.level = sym.level
    else:
        written, number_at = _written_number(masked)
        if written:  # the frame's number in a form the grammar does not know: kept, flagged
            ident.symbol = written
            ident.flags.append(Flag.SYMBOL_NONSTANDARD)
    framed = bool(sym or heading)
    actor = _enacting_actor(masked, heading_end, heading_end + 4000, framed) or _enacting_actor(
        masked, 0, 6000, framed
    )
    actor_text = actor[0] if actor else None
    frame_body = _frame_body(masked, _frame_anchor(masked, number_at))
    authority = _authority_body(authority_line)
    if authority and frame_body and authority.lower().startswith(frame_body.lower() + " "):
        frame_body = authority  # "HỘI ĐỒNG NHÂN DÂN" in the frame, "… TỈNH NGHỆ AN" under the title
    attached_to = _attached_to(masked) if not actor_text else None
    actor_text = actor_text or attached_to
    if ident.grammar is None:
        named = actor_text or frame_body
        ident.grammar = (
            "party"
            if (named and PARTY_WORDS.search(named)) or (not named and PARTY_WORDS.search(masked[-600:]))
            else "state"
        )
    if heading:
        name = HEADINGS[heading]
        ident.doc_type_name = name
        if ident.doc_type is None:
            ident.doc_type = tables.name_to_codes().get(name.lower(), {}).get(ident.grammar)
    elif ident.doc_type:
        entry = tables.doc_types()[ident.grammar].get(tables.fold_code(ident.doc_type))
        ident.doc_type_name = entry.name if entry else None
    elif actor and not sym:  # no heading, no number: the enacting clause names the type ("ban hành Kế hoạch")
        ident.doc_type = tables.name_to_codes().get(actor[1].lower(), {}).get(ident.grammar)
    if ident.doc_type and not ident.doc_type_name:
        entry = tables.doc_types()[ident.grammar].get(tables.fold_code(ident.doc_type))
        ident.doc_type_name = entry.name if entry else None
    ident.title = f"{ident.doc_type_name or heading.title()} {title}".strip() if heading and title else title
    ident.doc_type_name = _type_name_of_number(ident, sym) or ident.doc_type_name
    ident.date, dated_at = _frame_date(masked, 0, HEADER_ZONE + 1500)
    if ident.date is None and sym:  # a frame at the end: "Số: 37/VBHN-BCT" above "Hà Nội, ngày …"
        if number_at > HEADER_ZONE:
            ident.date, dated_at = _frame_date(masked, number_at, number_at + FRAME_AFTER_NUMBER)
    if ident.date is None:
        ident.date = _passed_on(masked) if ident.grammar == "state" else None
    if sym and sym.issuer == "TU" and names_town_committee(frame_body or actor_text):
        ident.level = Level.DISTRICT  # "THỊ ỦY SÔNG CẦU / Số 12-KH/TU": a district-level committee
    if ident.level is None:
        ident.level = _level_of(actor_text, frame_body, authority)
        if ident.level == Level.DISTRICT and _CITY_COMMITTEE_RE.search(actor_text or frame_body or authority or ""):
            # a "Thành ủy" that names no city: the lexicon's answer for the province the text is in
            ident.level = lexicon.committee_level("Thành ủy", locate(masked, Level.PROVINCE).province)
    if ident.level is None:
        ident.level = Level.CENTRAL if sym and sym.level == Level.CENTRAL else None
    if ident.level is None and not sym and not heading:
        ident.level = _reporting_body_level(masked)
    if sym and sym.issuer == "TƯ":  # "Số 445-KL/TƯ" under "TỈNH ỦY …": a Tỉnh ủy's TU typed with Ư (T.Ư is central)
        code = "TW" if ident.level == Level.CENTRAL else "TU"
        ident.level = ident.level or Level.PROVINCE
        ident.symbol, ident.issuer_code = str(sym.with_issuer(code)), code
        ident.flags.append(Flag.ISSUER_SLIP)
    if ident.level != Level.CENTRAL:
        ident.place = locate(masked, ident.level or Level.COMMUNE)
        if actor_text and ident.place.province and ident.level in (Level.DISTRICT, Level.COMMUNE):
            district = (
                match_district(
                    re.sub(r"^.*?(Huyện ủy|Huyện uỷ|Quận ủy|Thị ủy)\s*", "", actor_text), ident.place.province
                )
                if re.search(r"Huyện|Quận|Thị ủy", actor_text)
                else None
            )
            if district:
                ident.place = Place(ident.place.province, district, ident.place.commune)
        ident.place = _with_dated_at(ident.place, dated_at, ident.level)
        if ident.date and ident.date >= DISTRICT_LEVEL_ENDED and ident.place.district:
            ident.place = without_district(ident.place)
        if ident.level is None and ident.place.province:
            ident.level = Level.PROVINCE
            ident.place = Place(ident.place.province)  # a provincial document is not placed in a district
        if not ident.place.province:
            ident.flags.append(Flag.PLACE_UNRESOLVED)
    signed = _issuer_from_signature(masked, sym, ident.place, ident.level)
    ident.issuer = _with_level_word(_issuer(signed, actor_text, frame_body), ident.level)
    if ident.issuer and ident.level and ident.level != Level.CENTRAL:
        where = {
            "province": ident.place.province,
            "district": ident.place.district,
            "commune": ident.place.commune,
        }.get(ident.level)
        if where and where not in ident.issuer:
            ident.issuer = f"{ident.issuer} {where}"
    if ident.date:
        ident.year = int(ident.date[:4])
    else:
        years = [int(c.date[:4]) for c in citations if c.date and Flag.DATE_CONFLICT not in c.flags]
        if sym and sym.year:
            ident.year = sym.year
        elif years:
            ident.year = max(years)  # a document cannot be older than what it cites
            ident.flags.append(Flag.YEAR_ESTIMATED)
    if ident.grammar == "party" and ident.level == Level.CENTRAL and (ident.date or ident.year):
        ident.term = tables.term_of(ident.date or str(ident.year))
    return ident


def _with_level_word(issuer: str | None, level: str | None) -> str | None:
    """A State body named without its place ("ỦY BAN NHÂN DÂN" alone in a frame) is the document's own
    level's: "Ủy ban nhân dân tỉnh", to which the place is added."""
    if issuer in STATE_BODIES and level in LEVEL_WORD:
        return f"{issuer} {LEVEL_WORD[level]}"
    return issuer
