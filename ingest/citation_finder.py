"""Finding citations: every symbol (an enumeration gives one citation per number), the words around it
(type name, date, issuing body, congress term, "về …" subject) and the sentence that holds it; a central
Party document cited by type, number and date only is given its symbol (SHORT_TYPE_NAMES).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from policygraph.ingest import lexicon, symbols, tables
from policygraph.ingest.citation_patterns import (
    CENTRAL_WORDS,
    CITY_COMMITTEE_WORDS,
    COMMUNE_WORDS,
    DISTRICT_WORDS,
    ISSUER_START_RE,
    ISSUER_STOP_RE,
    LINK_ONLY_RE,
    OWN_NUMBER_RE,
    PROVINCE_WORDS,
    SENTENCE_START_RE,
    SHARE_RE,
    TERM_RE,
    TYPE_NAMES,
    Lookback,
    gapped,
    lookback,
    subject_stop_match,
    without_trailing_join,
)
from policygraph.ingest.dates import BARE_DATE_RE, DATE_RE, iso_from_match
from policygraph.ingest.models import Citation
from policygraph.vocabulary import Level


@dataclass
class Found:
    citation: Citation
    lookback_start: int  # where the type name (or the symbol) starts
    tail_end: int  # end of date / issuer / term, before the subject
    subject_end: int
    had_own_date: bool
    subject_open: bool = False  # the "về …" subject ran on to the next citation: no stop ended it


@lru_cache(maxsize=4096)
def level_of_text(text: str | None) -> str | None:
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


def sentence_of(text: str, start: int, end: int, seen: Sentences) -> str:
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
    rf"[ \t]*\((?:sau đây (?:gọi )?(?:tắt )?là[ \t]+)?(?:{TYPE_NAMES})(?:[ \t]+số)?[ \t]*[\w./\-]{{0,12}}[ \t]*\)",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _issuer_words(written: str) -> str:
    """An issuer as written, on one line (cached: the same bodies are cited again and again).

    An issuer cut short by the next citation drops the word that joins them ("Ban Bí thư và
    [Kết luận số …]")."""
    return without_trailing_join(" ".join(written.split()).rstrip(" ,"))


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
        subject = without_trailing_join(" ".join(text[start:end].split()).strip(' ,“”"*_').rstrip(" (")) or None
        if subject and LINK_ONLY_RE.match(subject):  # "về tiếp tục thực hiện <next citation>"
            subject = None
    return date, year, issuer, term, subject, tail_end, subject_end


def _subject_stop(text: str, start: int, limit: int) -> int:
    """Where an unquoted subject ends: the first SUBJECT_STOP_RE match, a comma inside brackets
    aside ("… đổi mới sáng tạo (KHCN, ĐMST) và chuyển đổi số"), else `limit`."""
    stop = subject_stop_match(text, start, limit)
    while stop is not None and text[stop[0]] == "," and text.count("(", start, stop[0]) > text.count(
        ")", start, stop[0]
    ):
        stop = subject_stop_match(text, stop[1], limit)
    return stop[0] if stop else limit


def find_citations(text: str) -> list[Citation]:
    """Every numbered document cited in `text`, in order (see module docstring)."""
    return [f.citation for f in find_raw(text)]


def find_raw(text: str, seen: Sentences | None = None) -> list[Found]:
    seen = {} if seen is None else seen
    matches = []
    for m in symbols.iter_symbols(text):
        try:
            sym = symbols.from_match(m)
        except symbols.ThinSymbol:  # "197/STTTT": a symbol only where a type name introduces it
            if not lookback(text[max(0, m.start() - 120) : m.start()]).tname:
                continue
            sym = symbols.from_match(m, named=True)
        except symbols.InvalidSymbol:
            continue
        matches.append((m, sym))
    found: list[Found] = []
    prev_end = 0
    nlb: Lookback | None = None  # the look-back before this match, read while limiting the previous one
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
        lb = lb or lookback(window)
        lookback_start = window_start + lb.start
        limit = matches[i + 1][0].start() if i + 1 < len(matches) else len(text)
        if i + 1 < len(matches):
            nxt_window = text[max(end, limit - 120) : limit]  # the next match's own window
            nlb = lookback(nxt_window)
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
            evidence=sentence_of(text, lookback_start, end, seen),
            flags=flags,
        )
        enum_numbers = re.findall(r"\d{1,5}[a-z]?", lb.enum) if lb.enum else []
        subject_open = subject is not None and subject_end >= limit
        for number in enum_numbers:
            sibling = Citation(**{**base.__dict__, "flags": list(flags)})
            sibling.number = number
            sibling.symbol = str(symbols.Symbol(number, sym.doc_type, sym.issuer, sym.grammar, sym.year, sym.level))
            sibling.written = f"{number} … {written}"
            found.append(Found(sibling, lookback_start, tail_end, subject_end, date is not None, subject_open))
        found.append(Found(base, lookback_start, tail_end, subject_end, date is not None, subject_open))
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
    r"(?P<tname>" + "|".join(gapped(n) for n in sorted(SHORT_TYPE_NAMES, key=len, reverse=True)) + r")"
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


def _with_short_references(text: str, found: list[Found], seen: Sentences) -> list[Found]:
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
            evidence=sentence_of(text, start, end, seen), flags=["symbol_inferred"],
        )  # fmt: skip
        subject_open = subject is not None and subject_end >= limit
        extra.append(Found(c, start, tail_end, subject_end, date is not None, subject_open))
    if not extra:
        return found
    return sorted(found + extra, key=lambda f: (f.lookback_start, f.citation.start))


def _body_code(c: Citation) -> str:
    """The code of the body that issued a citation: its issuer code without the department
    ("UBND-VX" -> "UBND") or the legislature ("QH13" -> "QH")."""
    return re.sub(r"\d+$", "", c.issuer_code.split("-")[0])


def _share_dates(text: str, found: list[Found]) -> None:
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
