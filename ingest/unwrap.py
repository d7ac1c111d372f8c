"""Wrapped lines: text taken from PDFs and fixed-width pages breaks sentences at a width; the tasks are
read with such paragraphs on one line (the frame, signature and recipients keep their lines).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from policygraph.ingest.unit_finder import (
    COLLECTIVE_KEYS,
    TITLE_KEYS,
    TITLE_RE,
    WORD_START_RE,
    head_at,
    unit_at,
    word_key,
)
from policygraph.ingest.unit_patterns import FIRST_WORD_RE, HAS_LOWER_RE, LOWER, UNIT_KEYS, UPPER, WRAP_WORDS

# --- text wrapped at a fixed width ----------------------------------------------------------
# PDF and gazette extraction cut every line at a fixed width, so a unit name, a list of units or a task runs on
# over line ends anywhere ("Ban cán sự đảng Ủy ban / nhân dân tỉnh"). unwrap() reads such a line end as the space
# it replaced; a line end before an item, a heading or a blank line stays one.
WRAP_WIDTH_MAX = 160  # a text whose long lines are longer is not wrapped: its lines are paragraphs
WIDTH_QUANTILE = 0.9  # the width a text is wrapped at: this share of its long lines are no longer
WIDTH_SAMPLE = 20_000  # characters the width is read from: some hundred lines, enough for the quantile
LONG_WORD = 16  # no word of running text is longer: a line shorter than a full one by more is not full
FULL_LINE_SHARE = 0.85  # a line that would reach this share of the width with the next line's first word is full
# What opens a line of its own: a numbered or lettered item ("1. ", "2.3. ", "II- ", "a)"; not a symbol
# "01-ĐA/TU", a date "15/10" or a number "1.000"), a bullet, an article ("Điều 5."; "tại Điều 5" goes on), a
# chapter, section or part alone on its line, or markup.
LINE_OPENER_RE = re.compile(
    r"(?:\d{1,2}[ \t]*[.\-–][ \t]*)*\d{1,2}[ \t]*(?:[.\-–):/][ \t]|[.)](?=[^\W\d]))|[IVXLC]{1,5}[ \t]*[.\-–):][ \t]"
    r"|[a-zđ]\)|[-–+•]|Điều[ \t]+\d+[a-zđ]?[ \t]*\.|(?:Chương|Mục|Phần)[ \t]+[\dIVXLC]+[ \t.:]*$|[*#>|_]")
# The title of an article, chapter, section or part: a heading, whatever follows it ("Điều 5. Hướng dẫn thi hành").
_ARTICLE_RE = re.compile(r"[ \t*#]*(?:Điều|Chương|Mục|Phần)[ \t]+[\dIVXLC]+[a-zđ]?[ \t]*[.:]")


def _after_line(marks: str = "") -> str:
    """A line end after a line that ends on a word (not on markup: "**KẾ HOẠCH**") or a character not in `marks`,
    whatever spaces trail it: fixed-width lookbehinds after the "\n" each pattern opens with (a pattern that opens
    with a literal lets re skip to it in C)."""
    return "(?:" + "|".join(rf"(?<=[^\s*{marks}]{trail}\n)" for trail in ("", r"[ \t]", r"[ \t]{2}")) + ")"


# A line that goes on in lower case continues the sentence: no sentence opens so ("a)" opens an item).
_LOWER_NEXT_RE = re.compile(rf"\n{_after_line()}(?=[ \t]*(?![a-zđ]\))[{LOWER}])")


@lru_cache(maxsize=64)
def _capital_next_re(shortest: int) -> re.Pattern:
    """A line end before a capital, a number, a quote, or the dash of a cut "chính trị - xã hội", after a line of
    `shortest` characters or more that ends without a sentence mark: a wrap only under the conditions
    _wraps_before() checks. The length is a fixed-width lookbehind, so re passes the short lines over in C (a
    table's cells)."""
    return re.compile(rf"\n{_after_line(re.escape('.;:!?'))}(?<=[^\n]{{{shortest}}}\n)"
                      rf"(?=[ \t]*(?:[{UPPER}\d(“\"]|[-–][ \t]+[{LOWER}]))")


def _full_length(text: str, start: int, end: int) -> int | None:
    """The length a full line of text[start:end] reaches, if it is wrapped at a fixed width; None if not. Read
    from the lines of its first WIDTH_SAMPLE characters (a text is wrapped at one width throughout): the width is
    what most of its long lines reach, the lines at least half as long as the longest ones (not the one in a
    hundred that runs over: a table row, a heading); short lines, a table's cells or a paragraph's last line, do
    not tell."""
    lengths = sorted(filter(None, map(len, text[start:min(end, start + WIDTH_SAMPLE)].split("\n")[:-1])))
    if not lengths:
        return None
    longest = lengths[-1 - len(lengths) // 100]
    long = lengths[bisect_left(lengths, longest // 2):]
    width = long[-1 - int((1 - WIDTH_QUANTILE) * len(long))]
    return int(FULL_LINE_SHARE * width) if width <= WRAP_WIDTH_MAX else None


def _wraps_before(text: str, nl: int, start: int, full: int) -> bool:
    """Whether the line end at `nl` (a _capital_next_re() match) wraps a paragraph of a text wrapped at a fixed width.

    The line must be full (with the next line's first word it would pass the width), and the next line not an
    item or heading. Then the dash of "chính trị - xã hội", a number or a quote goes on, and a capital does when
    the line ends on a comma or a word no sentence ends with (lexicon.WRAP_WORDS), when a unit or an official's
    title starts the next line ("Đảng đoàn / Ủy ban Mặt trận Tổ quốc", "phối hợp / Văn phòng Huyện ủy"), or when a
    unit at the end of the line runs on (_unit_runs_over). Any other capital may open a paragraph after a heading
    ("6. Phối hợp … quần chúng / Các cơ quan, đơn vị …").
    """
    ls = max(start, text.rfind("\n", start, nl) + 1)
    ne = text.find("\n", nl + 1)
    ne = len(text) if ne < 0 else ne
    after = text[nl + 1:ne]
    bs = nl + 1 + len(after) - len(after.lstrip(" \t"))  # where the next line's text starts
    dash = text[bs] in "-–"
    if not dash and LINE_OPENER_RE.match(text, bs, ne):
        return False
    word = FIRST_WORD_RE.search(text, bs, ne)
    if word is None or nl - ls + 1 + word.end() - bs < full:
        return False
    if dash or not text[bs].isalpha():
        return True  # no paragraph opens with a dash, a number or a quote that is not an item
    line = text[ls:nl].rstrip(" \t")
    if not HAS_LOWER_RE.search(line) or not HAS_LOWER_RE.search(after) or _ARTICLE_RE.match(line):
        return False  # a heading in capitals, above or below, or an article's title above
    if line[-1] in ",-–" or line[line.rfind(" ") + 1:].lower() in WRAP_WORDS:
        return True
    key = word_key(text, bs)
    if key in COLLECTIVE_KEYS:
        return False  # "các" is written in lower case inside a sentence
    if key in UNIT_KEYS and unit_at(text, bs, ne, key) or key in TITLE_KEYS and TITLE_RE.match(text, bs, ne):
        return True
    return _unit_runs_over(text, ls, nl, ne)


_TAIL_WORDS = 3  # a unit whose head runs over a line end starts in the line's last words


def _unit_runs_over(text: str, ls: int, nl: int, ne: int) -> bool:
    """Whether a unit written at the end of the line [ls, nl) runs on into the next line (up to `ne`): its head
    phrase does ("Mặt trận / Tổ quốc"), or its name does where the head is no unit alone ("Sở / Nội vụ"). A
    place name after a whole unit does not tell ("Ủy ban nhân dân tỉnh / Tăng cường …" reads "Tăng" as one)."""
    starts = [m.start() for m in WORD_START_RE.finditer(text, max(ls, nl - 60), nl)][-_TAIL_WORDS:]
    for pos in starts:
        key = word_key(text, pos)
        if key not in UNIT_KEYS:
            continue
        over = unit_at(text, pos, ne, key)
        if over is None or over.end <= nl:
            continue
        head = head_at(text, pos, key)
        if head is not None and head[1].end() > nl or unit_at(text, pos, nl, key) is None:
            return True
    return False


def unwrap(text: str, start: int = 0, end: int | None = None) -> str:
    """`text` with the line ends in [start, end) that wrap a paragraph made spaces: the same length, so every
    position stays where it was. A line end before a lower-case word goes in any text, one before other words only
    in a text wrapped at a fixed width (_wraps_before). Nothing to join: `text` itself."""
    end = len(text) if end is None else end
    full = _full_length(text, start, end)
    capitals = []
    if full is not None:
        ends = _capital_next_re(max(1, full - LONG_WORD)).finditer(text, start, end)
        capitals = [m.start() for m in ends if _wraps_before(text, m.start(), start, full)]
    part, joined = _LOWER_NEXT_RE.subn(" ", text[start:end])
    if capitals:
        pieces, cut = [], 0
        for nl in capitals:
            pieces += (part[cut:nl - start], " ")
            cut = nl - start + 1
        pieces.append(part[cut:])
        part = "".join(pieces)
    return f"{text[:start]}{part}{text[end:]}" if joined or capitals else text
