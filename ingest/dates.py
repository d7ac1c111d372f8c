"""Dates as Vietnamese documents write them: "ngày 03/6/2013", "ngày 03-6-2013",
"ngày 03 tháng 6 năm 2013", possibly split across lines."""

from __future__ import annotations

import datetime as dt
import re

_NUMERIC = r"(?P<d1>\d{1,2})\s{0,3}[/.\-]\s{0,3}(?P<m1>\d{1,2})\s{0,3}[/.\-]\s{0,3}(?P<y1>(?:19|20)\d\d)"
_WORDS = r"(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>(?:19|20)\d\d)"
# "ngày" is optional for the numeric form only when the caller anchors the match
DATE_RE = re.compile(rf"ngày\s+(?:{_NUMERIC}|{_WORDS})", re.IGNORECASE)
BARE_DATE_RE = re.compile(rf"(?:ngày\s+)?(?:{_NUMERIC}|{_WORDS})", re.IGNORECASE)


def iso_from_match(m: re.Match) -> str | None:
    """ISO date from a DATE_RE match, or None when the day or month is impossible."""
    d, mo, y = (
        (m.group("d1"), m.group("m1"), m.group("y1"))
        if m.group("d1")
        else (m.group("d2"), m.group("m2"), m.group("y2"))
    )
    try:
        return dt.date(int(y), int(mo), int(d)).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """The first date in `text` as ISO, or None."""
    m = BARE_DATE_RE.search(text)
    return iso_from_match(m) if m else None
