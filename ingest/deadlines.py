"""Time limits of tasks: a date ("by:2016-12-31") or a recurring rule ("yearly:12-10").

Plans write limits in a handful of ways: a quarter ("trong quý IV/2016"), a day
("trước ngày 10 tháng 12 hằng năm", "trước ngày 15/12/2024"), a year or month
("trong năm 2024", "năm 2017 sơ kết") or a period ("định kỳ hàng quý, sáu tháng,
một năm"). Recurring limits keep the rule and, when the document's date is known,
also give the first date on or after it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
PERIODS = (  # written period -> rule word
    (r"(?:hàng|hằng) tháng|định kỳ (?:01|1) tháng", "monthly"),
    (r"(?:hàng|hằng) quý|(?:03|3|ba) tháng", "quarterly"),
    (r"(?:sáu|6|06) tháng", "half-yearly"),
    (r"(?:hàng|hằng) năm|(?:một|01|1) năm|định kỳ năm", "yearly"),
)
_PERIOD_WORD = "|".join(f"(?:{p})" for p, _ in PERIODS)
# after these words a period says what is paid, not when to act: "trợ cấp hằng tháng" (a monthly allowance)
NOT_PERIOD_AFTER = ("trợ cấp", "phụ cấp", "tiền lương", "lương", "thu nhập", "sinh hoạt phí", "thù lao", "kinh phí")
_YEAR = r"(?:19|20)\d\d"

DAY_RE = re.compile(
    rf"(?:trước|chậm nhất(?: là)?(?: vào)?|đến hết|hoàn thành trước|trước hoặc vào)\s+ngày\s+(?P<d>\d{{1,2}})"
    rf"(?:\s*[/.\-]\s*(?P<m1>\d{{1,2}})(?:\s*[/.\-]\s*(?P<y1>{_YEAR}))?"
    rf"|\s+tháng\s+(?P<m2>\d{{1,2}})(?:\s+năm\s+(?P<y2>{_YEAR}))?)"
    r"(?P<yearly>\s+(?:hàng|hằng) năm)?",
    re.IGNORECASE,
)
# the same without "ngày", the day and month written with a slash: "hoàn thành trước 30/6/2025"
DAY_BARE_RE = re.compile(
    rf"(?:trước|chậm nhất(?: là)?(?: vào)?|đến hết|hoàn thành trước|trước hoặc vào)\s+(?P<d>\d{{1,2}})"
    rf"\s*/\s*(?P<m1>\d{{1,2}})(?:\s*/\s*(?P<y1>{_YEAR}))?(?![\d/])"
    r"(?P<yearly>\s+(?:hàng|hằng) năm)?",
    re.IGNORECASE,
)
QUARTER_RE = re.compile(
    rf"(?:(?<![\w])(?:trong|trước|hết|cuối|đến)\s+)?quý\s+(?P<q>IV|III|II|I|[1-4])(?!\w)(?:\s*(?:/|năm)\s*(?P<y>{_YEAR}))?",
    re.IGNORECASE,
)
MONTH_RE = re.compile(rf"trong\s+tháng\s+(?P<m>\d{{1,2}})\s*(?:/|năm)\s*(?P<y>{_YEAR})", re.IGNORECASE)
MILESTONE_RE = re.compile(
    rf"(?:năm\s+(?P<y1>{_YEAR})\s*,?\s*(?P<w1>sơ kết|tổng kết)|(?P<w2>sơ kết|tổng kết)[^.;]{{0,40}}?năm\s+"
    rf"(?P<y2>{_YEAR})|trong năm\s+(?P<y3>{_YEAR})|(?:hoàn thành|xong)\s+(?:trong|trước)\s+năm\s+(?P<y4>{_YEAR}))",
    re.IGNORECASE,
)
PERIODIC_RE = re.compile(
    rf"(?:định kỳ\s+(?:{_PERIOD_WORD})?|(?:hàng|hằng)\s+(?:năm|quý|tháng))(?:\s*,\s*(?:{_PERIOD_WORD}))*",
    re.IGNORECASE,
)
ANY_WORDS = ("quý", "ngày", "tháng", "năm", "định kỳ")
ANY_RE = re.compile("|".join(ANY_WORDS), re.IGNORECASE)
# Every match of DAY_RE holds one of DAY_GATE, every match of MILESTONE_RE one of MILESTONE_GATE, every
# match of QUARTER_RE "quý" and a space: each pattern runs only when the lower-cased text holds its words.
DAY_GATE = ("trước", "chậm nhất", "đến hết")
MILESTONE_GATE = ("kết", "trong năm", "hoàn thành", "xong")
_QUARTER_GATE_RE = re.compile(r"quý\s")  # searched in the lower-cased text
# the words find_deadlines looks for in the lower-cased text
KEY_WORDS = (*ANY_WORDS, "hàng", "hằng", *DAY_GATE, *MILESTONE_GATE)
# DAY_RE needs a digit, MONTH_RE and MILESTONE_RE a year: cheap scans (re skips to the first character in C)
_DIGIT_RE = re.compile(r"\d")
_YEAR_RE = re.compile(_YEAR)


@dataclass
class Deadline:
    """One limit found in a text; `date` is ISO when it resolves to a day."""

    text: str
    date: str | None
    rule: str | None
    start: int
    end: int


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year_of(doc_date: str | None) -> int | None:
    return int(doc_date[:4]) if doc_date and doc_date[:4].isdigit() else None


def _next_yearly(month: int, day: int, doc_date: str | None) -> str | None:
    """First month-day on or after the document's date (None without a date)."""
    if not doc_date:
        return None
    try:
        ref = dt.date.fromisoformat(doc_date[:10])
        when = dt.date(ref.year, month, day)
        return (when if when >= ref else dt.date(ref.year + 1, month, day)).isoformat()
    except ValueError:
        return None


def _quarter(m: re.Match, doc_date: str | None) -> tuple[str | None, str | None]:
    q = m.group("q").lower()
    quarter = ROMAN.get(q) or int(q)
    year = int(m.group("y")) if m.group("y") else _year_of(doc_date)
    if year is None:
        return None, f"quarter:{quarter}"
    end = _month_end(year, quarter * 3).isoformat()
    return end, f"by:{end}"


def _day(m: re.Match, doc_date: str | None) -> tuple[str | None, str | None]:
    g = m.groupdict()  # DAY_RE or DAY_BARE_RE (which writes the month one way only)
    day = int(g["d"])
    month = int(g["m1"] or g.get("m2"))
    year = g["y1"] or g.get("y2")
    try:
        if g["yearly"]:
            dt.date(2000, month, day)  # validates day and month
            return _next_yearly(month, day, doc_date), f"yearly:{month:02d}-{day:02d}"
        if year is None:
            doc_year = _year_of(doc_date)
            if doc_year is None:
                return None, f"by:--{month:02d}-{day:02d}"
            year = str(doc_year)
        when = dt.date(int(year), month, day).isoformat()
    except ValueError:
        return None, None
    return when, f"by:{when}"


_PERIOD_RES = tuple((re.compile(pattern), rule) for pattern, rule in PERIODS)
_COMMA_RE = re.compile(r"\s*,\s*")


@lru_cache(maxsize=1024)
def _periodic(written: str) -> str:
    """Rules of a written period; cached, as a few phrases ("hằng năm", "định kỳ 6 tháng, một năm") recur."""
    rules = []
    for part in _COMMA_RE.split(written.lower()):
        for rx, rule in _PERIOD_RES:
            if rx.search(part) and rule not in rules:
                rules.append(rule)
                break
    return ";".join(rules)


def find_deadlines(text: str, doc_date: str | None = None, low: str | None = None) -> list[Deadline]:
    """Every limit written in `text`, in order, without overlaps; `low` is text.lower() if the caller has it."""
    found: list[Deadline] = []
    # Each pattern needs its key word (for every letter of these words, re's IGNORECASE
    # match is exactly str.lower(): tests/test_ingest_speed_invariants.py), and the
    # day, month and year patterns a digit or a year; most task clauses need none of them.
    low = text.lower() if low is None else low
    gated = any(w in low for w in DAY_GATE)
    day = "ngày" in low and gated
    bare = "/" in low and gated
    quarter = "quý" in low and _QUARTER_GATE_RE.search(low) is not None
    month = "tháng" in low
    milestone = "năm" in low and any(w in low for w in MILESTONE_GATE)
    periodic = "định kỳ" in low or "hàng" in low or "hằng" in low
    if not (day or bare or quarter or month or milestone or periodic):
        return found
    if (day or bare) and _DIGIT_RE.search(text) is None:
        day = bare = False
    if (month or milestone) and _YEAR_RE.search(text) is None:
        month = milestone = False
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, date: str | None, rule: str | None) -> None:
        if rule is None or any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        found.append(Deadline(m.group(0).strip(), date, rule, m.start(), m.end()))

    if day:
        for m in DAY_RE.finditer(text):
            add(m, *_day(m, doc_date))
    if bare:
        for m in DAY_BARE_RE.finditer(text):
            add(m, *_day(m, doc_date))
    if quarter:
        for m in QUARTER_RE.finditer(text):
            add(m, *_quarter(m, doc_date))
    if month:
        for m in MONTH_RE.finditer(text):
            end = _month_end(int(m.group("y")), int(m.group("m"))) if 1 <= int(m.group("m")) <= 12 else None
            add(m, end and end.isoformat(), end and f"by:{end.isoformat()}")
    if milestone:
        for m in MILESTONE_RE.finditer(text):
            year = int(m.group("y1") or m.group("y2") or m.group("y3") or m.group("y4"))
            end = dt.date(year, 12, 31).isoformat()
            add(m, end, f"by:{end}")
    if periodic:
        for m in PERIODIC_RE.finditer(text):
            if text[max(0, m.start() - 16):m.start()].rstrip().lower().endswith(NOT_PERIOD_AFTER):
                continue
            add(m, None, _periodic(m.group(0)) or None)
    found.sort(key=lambda d: d.start)
    return found


def parse_deadline(text: str, doc_date: str | None = None) -> Deadline | None:
    """The first limit in `text`, or None."""
    found = find_deadlines(text, doc_date)
    return found[0] if found else None
