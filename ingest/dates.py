"""Dates as Vietnamese documents write them: "ngày 03/6/2013", "ngày 03-6-2013",
"ngày 03 tháng 6 năm 2013", possibly split across lines."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_NUMERIC = r"(?P<d1>\d{1,2})\s{0,3}[/.\-]\s{0,3}(?P<m1>\d{1,2})\s{0,3}[/.\-]\s{0,3}(?P<y1>(?:19|20)\d\d)"
_WORDS = r"(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>(?:19|20)\d\d)"
# "ngày" is optional for the numeric form only when the caller anchors the match
DATE_RE = re.compile(rf"ngày\s+(?:{_NUMERIC}|{_WORDS})", re.IGNORECASE)
BARE_DATE_RE = re.compile(rf"(?:ngày\s+)?(?:{_NUMERIC}|{_WORDS})", re.IGNORECASE)


def iso_from_match(m: re.Match) -> str | None:
    """ISO date from a DATE_RE match, or None when the day or month is impossible."""
    d1, m1, y1, d2, m2, y2 = m.group("d1", "m1", "y1", "d2", "m2", "y2")
    return _iso(d1, m1, y1) if d1 else _iso(d2, m2, y2)


@lru_cache(maxsize=4096)
def _iso(d: str, mo: str, y: str) -> str | None:
    """Cached: the same few dates (of the same cited documents) recur in every text."""
    try:
        return dt.date(int(y), int(mo), int(d)).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """The first date in `text` as ISO, or None."""
    m = BARE_DATE_RE.search(text)
    return iso_from_match(m) if m else None
