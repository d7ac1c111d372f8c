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

from policygraph.ingest import symbols, tables
from policygraph.ingest.case import agency_case, sentence_case
from policygraph.ingest.dates import DATE_RE, iso_from_match
from policygraph.ingest.models import Citation, Identity, Place
from policygraph.ingest.noise import LinePattern
from policygraph.ingest.places import (
    DISTRICT_LEVEL_ENDED,
    locate,
    match_district,
    match_province,
    names_town_committee,
    province_of_district,
    without_district,
)

HEADER_ZONE = 2500  # characters: the frame above the title
OWN_NUMBER_RE = LinePattern(
    r"^[ \t*#_]*(?:(?:Bộ[ \t]+[Ll]uật|Luật|Pháp lệnh|Lệnh)[ \t]+(?:số|Số)|Số|SỐ)[ \t]*:?[ \t]*"
    r"(?P<sym>[^\n]{3,60}?)[ \t*_]*$"
)
# the same head, for a number followed on its line by the frame's other column
OWN_NUMBER_HEAD_RE = LinePattern(
    r"^[ \t*#_|]*(?:(?:Bộ[ \t]+[Ll]uật|Luật|Pháp lệnh|Lệnh)[ \t]+(?:số|Số)|Số|SỐ)[ \t]*:?[ \t]*(?=\d)"
)
PLACE_DATE_RE = LinePattern(r"^[^\n]{0,60},[ \t]*ngày[ \t]+\d")
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
# headings in capitals -> (grammar-free) type name
HEADINGS = {
    "KẾ HOẠCH": "Kế hoạch",
    "NGHỊ QUYẾT": "Nghị quyết",
    "CHỈ THỊ": "Chỉ thị",
    "KẾT LUẬN": "Kết luận",
    "QUYẾT ĐỊNH": "Quyết định",
    "QUY ĐỊNH": "Quy định",
    "QUY CHẾ": "Quy chế",
    "HƯỚNG DẪN": "Hướng dẫn",
    "THÔNG BÁO": "Thông báo",
    "BÁO CÁO": "Báo cáo",
    "CHƯƠNG TRÌNH HÀNH ĐỘNG": "Chương trình hành động",
    "CHƯƠNG TRÌNH": "Chương trình",
    "ĐỀ ÁN": "Đề án",
    "THÔNG TRI": "Thông tri",
    "TỜ TRÌNH": "Tờ trình",
    "NGHỊ ĐỊNH": "Nghị định",
    "THÔNG TƯ LIÊN TỊCH": "Thông tư liên tịch",
    "THÔNG TƯ": "Thông tư",
    "BỘ LUẬT": "Bộ luật",
    "LUẬT": "Luật",
    "PHÁP LỆNH": "Pháp lệnh",
    "CÔNG VĂN": "Công văn",
    "PHƯƠNG ÁN": "Phương án",
    "DỰ ÁN": "Dự án",
    "CÔNG ĐIỆN": "Công điện",
}
NAMED_HEADINGS = ("BỘ LUẬT", "LUẬT", "PHÁP LỆNH")  # the title under these is a name: "Luật Đầu tư"
HEADING_ALTERNATIVES = "|".join(sorted(HEADINGS, key=len, reverse=True))
HEADING_RE = LinePattern(rf"^[ \t#*_]*(?P<h>{HEADING_ALTERNATIVES})[ \t*_]*$")
# text taken from a page may put the title on the heading's line ("KẾ HOẠCH triển khai …"), or
# write the heading in sentence case on its own line ("Kế hoạch"): tried after HEADING_RE
HEADING_INLINE_RE = LinePattern(rf"^[ \t#*_]*(?P<h>{HEADING_ALTERNATIVES})[ \t*_]+(?P<rest>[^\s*_][^\n]*)$")
HEADING_ANY_CASE_RE = LinePattern(rf"^[ \t#*_]*(?P<h>(?i:{HEADING_ALTERNATIVES}))[ \t*_]*$")
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
# "T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN" name the body; "KT. CHỦ TỊCH", "Q. GIÁM ĐỐC" the signer's capacity
SIGNATURE_RE = LinePattern(r"^[ \t*_]*(?P<how>T/M|TM\.?|T\.M|KT\.?|Q\.)[ \t]*(?P<body>[^\n*]{3,60})")
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
    (re.compile(r"Tỉnh ủy|Tỉnh uỷ|Thành ủy|\btỉnh\b|\bSở\b", re.I), "province"),
]
COMMITTEE = {"TU": "Tỉnh ủy", "HU": "Huyện ủy", "QU": "Quận ủy", "TXU": "Thị ủy", "ĐU": "Đảng ủy", "TW": "Trung ương"}


def _with_dated_at(place: Place, dated_at: str | None, level: str | None) -> Place:
    """Fill what the clues left open from the place of the date line: a province name, or a
    district inside the province already found (or unique in the country)."""
    if not dated_at or (place.province and (place.district or level not in ("district", "commune"))):
        return place
    province = match_province(dated_at)
    if province and not place.province:
        return Place(province)
    if level in ("district", "commune") and not place.district:
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


def _number_line(masked: str, limit: int) -> tuple[symbols.Symbol | None, int]:
    for m in OWN_NUMBER_RE.finditer(masked, 0, limit):
        try:
            return symbols.parse(m.group("sym").strip(" .,;")), m.start()
        except symbols.InvalidSymbol:
            continue
    return None, -1


def _frame_date(masked: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The date of the first "Hà Nội, ngày 15 tháng 5 năm 2026" line in [start, end), and the
    place name it is dated at (a last clue to the document's place)."""
    for m in PLACE_DATE_RE.finditer(masked, start, end):
        dm = DATE_RE.search(masked, m.start(), m.end() + 40)
        if dm:
            dated_at = masked[m.start() : masked.find(",", m.start(), dm.start())].strip(" \t*_")
            return iso_from_match(dm), dated_at
    return None, None


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


def _heading_and_title(masked: str) -> tuple[str | None, str | None, int]:
    zone = HEADER_ZONE + 500
    m = HEADING_RE.search(masked, 0, zone)
    rest = None
    if not m:
        m = HEADING_INLINE_RE.search(masked, 0, zone)
        rest = m.group("rest") if m else None
    if not m:
        m = HEADING_ANY_CASE_RE.search(masked, 0, zone)
    if not m:
        return None, _letter_subject(masked), 0
    heading = m.group("h").upper()
    lines = [rest.strip().strip("*_#").strip()] if rest else []
    pos = m.end() + 1
    for line in masked[pos : pos + 1500].split("\n"):
        clean = line.strip().strip("*_#").strip()
        if not clean:
            if lines:
                break
            continue
        if lines and re.match(r"(?i)(căn cứ|thực hiện)\b", clean) and not lines[-1].endswith(("của", "về")):
            break
        if re.match(r"^(BỘ TRƯỞNG|CHÍNH PHỦ|QUỐC HỘI|ỦY BAN|BAN CHẤP HÀNH)\b", clean) and lines:
            break
        lines.append(clean)
        if len(lines) >= 8:
            break
    title = sentence_case(" ".join(" ".join(lines).split()), first_upper=heading in NAMED_HEADINGS) or None
    return heading, title, m.end()


def _issuer_from_signature(masked: str, symbol: symbols.Symbol | None, place: Place, level: str | None) -> str | None:
    signatures = list(SIGNATURE_RE.finditer(masked))
    if not signatures:
        return None
    last_block = [m for m in signatures if m.start() >= signatures[-1].start() - 200]
    on_behalf = [m for m in last_block if m.group("how").upper().startswith("T")]
    body = " ".join((on_behalf or last_block)[0].group("body").split()).strip(" .")
    if body.isupper():  # "BAN CHẤP HÀNH TRUNG ƯƠNG" -> "Ban Chấp hành Trung ương", the unit table's spelling
        from policygraph.ingest.units import canonical_unit_name  # units imports this module

        body = canonical_unit_name(body)
    if body in STATE_BODIES and level in ("province", "district", "commune"):
        body = f"{body} {dict(province='tỉnh', district='huyện', commune='xã')[level]}"
    elif body.lower() in ("đảng ủy", "đảng uỷ") and level == "commune":
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
FRAME_BODY_LINES = 3  # the issuing body and the bodies above it ("ĐẢNG BỘ TỈNH …" over "HUYỆN ỦY …")
# a frame line that goes on with the line above: a wrapped name, or the place of the body above
_FRAME_GOES_ON_RE = re.compile(r"(?:VÀ|-|(?:HUYỆN|XÃ|TỈNH|THÀNH PHỐ|QUẬN|PHƯỜNG|THỊ XÃ|THỊ TRẤN)\b(?!\s+[UỦ]Ỷ?Y))")
# a Party committee's department, and a Party committee: the department is "of" the committee above it
_PARTY_DEPARTMENT_RE = re.compile(r"(?:BAN|ỦY BAN KIỂM TRA|UỶ BAN KIỂM TRA|VĂN PHÒNG)\b")
_PARTY_COMMITTEE_RE = re.compile(r"(?:(?:TỈNH|HUYỆN|THÀNH|QUẬN|THỊ)\s+[UỦ]Ỷ?Y|ĐẢNG\s+[UỦ]Ỷ?Y)\b")


def _frame_body(masked: str, at: int) -> str | None:
    """The issuing body written above the number at the top left of the frame, in sentence case
    ("BỘ LAO ĐỘNG - THƯƠNG BINH / VÀ XÃ HỘI", "HUYỆN ỦY HỚN QUẢN" under "ĐẢNG BỘ TỈNH BÌNH PHƯỚC").

    The lines right above the number, up to a blank line; a line that opens with "VÀ" or a dash
    goes on with the line above it (a long name wrapped), otherwise the lowest line is the body.
    """
    if at <= 0 or at > HEADER_ZONE:
        return None
    lines: list[str] = []
    for line in reversed(masked[:at].rstrip("\n").split("\n")[-FRAME_BODY_LINES - 2 :]):
        clean = _FRAME_RIGHT_RE.sub(" ", line).strip(" \t*_#|-")
        if not clean:
            if lines:
                break
            continue
        if not any(c.isalpha() for c in clean) or any(c.islower() for c in clean):
            break  # the frame's body is in capitals; anything else is not the frame
        lines.insert(0, clean)
    if not lines:
        return None
    body, above = lines[-1], lines[:-1]
    while above and (_FRAME_GOES_ON_RE.match(body) or above[-1].endswith(("-", " VÀ"))):
        body = f"{above.pop()} {body}"  # "ỦY BAN NHÂN DÂN / HUYỆN BẠCH THÔNG", "BỘ … THƯƠNG BINH / VÀ XÃ HỘI"
    if above and _PARTY_DEPARTMENT_RE.match(body) and _PARTY_COMMITTEE_RE.match(above[-1]):
        body = f"{body} {above[-1]}"  # "BAN TUYÊN GIÁO" under "TỈNH ỦY NGHỆ AN": of that committee
    return agency_case(sentence_case(body))


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
    if found and frame_body and frame_body.lower().startswith(found.lower() + " "):
        return frame_body  # "Đảng ủy xã" in the text, "ĐẢNG ỦY XÃ IA HRÚ" in the frame
    return found or frame_body


def identify(text: str, masked: str, citations: list[Citation]) -> Identity:
    """Everything the document says about itself (see module docstring)."""
    ident = Identity()
    sym, number_at = _own_number(masked)
    heading, title, heading_end = _heading_and_title(masked)
    if sym:
        ident.symbol, ident.grammar, ident.issuer_code = str(sym), sym.grammar, sym.issuer
        ident.doc_type = sym.doc_type
        if sym.level and sym.level != "context":
            ident.level = sym.level
    actor = ACTOR_RE.search(masked, heading_end, heading_end + 4000) or ACTOR_RE.search(masked, 0, 6000)
    actor_text = " ".join(actor.group("actor").split()) if actor else None
    if ident.grammar is None:
        ident.grammar = (
            "party"
            if (actor_text and PARTY_WORDS.search(actor_text)) or (not actor_text and PARTY_WORDS.search(masked[-600:]))
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
    frame_body = _frame_body(masked, number_at) if sym else None
    if sym and sym.issuer == "TU" and names_town_committee(frame_body or actor_text):
        ident.level = "district"  # "THỊ ỦY SÔNG CẦU / Số 12-KH/TU": a district-level committee
    if ident.level is None and actor_text:
        ident.level = next((lv for rx, lv in LEVEL_OF_ACTOR if rx.search(actor_text)), None)
    if ident.level is None and frame_body:
        ident.level = next((lv for rx, lv in LEVEL_OF_ACTOR if rx.search(frame_body)), None)
    if ident.level is None:
        ident.level = "central" if sym and sym.level == "central" else None
    if ident.level != "central":
        ident.place = locate(masked, ident.level or "commune")
        if actor_text and ident.place.province and ident.level in ("district", "commune"):
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
            ident.level = "province"
        if not ident.place.province:
            ident.flags.append("place_unresolved")
    ident.issuer = _issuer(_issuer_from_signature(masked, sym, ident.place, ident.level), actor_text, frame_body)
    if ident.issuer and ident.level and ident.level != "central":
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
        years = [int(c.date[:4]) for c in citations if c.date and "date_conflict" not in c.flags]
        if sym and sym.year:
            ident.year = sym.year
        elif years:
            ident.year = max(years)  # a document cannot be older than what it cites
            ident.flags.append("year_estimated")
    if ident.grammar == "party" and ident.level == "central" and (ident.date or ident.year):
        ident.term = tables.term_of(ident.date or str(ident.year))
    return ident
