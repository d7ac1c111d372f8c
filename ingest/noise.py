"""Blank out what is on the page but not in the document: gazette page headers, page
numbers, e-signature stamps and the footnotes at the foot of gazette pages.

Masking replaces characters with spaces instead of deleting them, so offsets into the
masked text are offsets into the stored text and evidence spans stay exact.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


class LinePattern:
    """A ``^``-anchored MULTILINE pattern, tried only where a line starts.

    ``re`` has no fast scan for a pattern that opens with ``^``: it attempts a match at
    every character of the text. A probe that opens with ``\n`` lets ``re`` skip to
    the next newline in C, and the real pattern is then matched at the line start after
    it, so matches, groups and spans are exactly those of ``pattern`` (which must not
    match the empty string).
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        if not pattern.startswith("^"):
            raise ValueError("a LinePattern starts with '^'")
        self.rx = re.compile(pattern, flags | re.MULTILINE)
        self._probe = re.compile(r"\n(?:" + pattern[1:] + ")", flags | re.MULTILINE)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        """Same as ``re.compile(pattern, MULTILINE).finditer(text, pos, endpos)``."""
        end = len(text) if endpos is None else min(endpos, len(text))
        while pos <= end:
            m = self.rx.match(text, pos, end) if pos == 0 or text[pos - 1] == "\n" else None
            if m is None:
                probe = self._probe.search(text, pos, end)
                if probe is None:
                    return
                m = self.rx.match(text, probe.start() + 1, end)
                if m is None:  # cannot happen: the probe matched the same pattern there
                    return
            yield m
            pos = m.end()

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        return next(self.finditer(text, pos, endpos), None)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        return self.rx.match(text, pos, len(text) if endpos is None else endpos)


# "CÔNG BÁO/Số 987 + 988/Ngày 25-8-2024" (the page header of the Official Gazette)
GAZETTE_HEADER = LinePattern(r"^[ \t]*CÔNG BÁO\s*/\s*Số[^\n]*$", re.IGNORECASE)
PAGE_NUMBER = re.compile(r"^[ \t]*\d{1,4}[ \t]*$")
SIGNATURE_START = re.compile(r"^[ \t]*Ký bởi\s*:", re.IGNORECASE)
_SIGNATURE_PROBE = LinePattern(SIGNATURE_START.pattern, re.IGNORECASE)  # a line that matches is found here too
SIGNATURE_FIELD = re.compile(r"^[ \t]*(Cơ quan|Ngày ký|Thời gian ký|Email|Người ký)\s*:", re.IGNORECASE)
# a footnote starts "12 Điều này được sửa đổi …": a number, a space, no dot or bracket
FOOTNOTE_START = re.compile(r"^[ \t]*\d{1,3} (?![\d.)/:-])\S")
# In the whole text these find every line the per-line patterns match, and more (a header
# or stamp may run on over blank lines): each candidate line is then tested on its own.
_HEADER_PROBE = GAZETTE_HEADER
_FOOTNOTE_PROBE = LinePattern(FOOTNOTE_START.pattern)


def _candidate_rows(text: str, probe: LinePattern) -> list[int]:
    """Numbers of the lines at whose start `probe` matches in the whole text."""
    rows = []
    row = prev = 0
    for m in probe.finditer(text):
        row += text.count("\n", prev, m.start())
        prev = m.start()
        rows.append(row)
    return rows


def _blank(line: str) -> str:
    return " " * len(line)


# Line breaks a web page kept in its source as escapes ("Số: 54/KH-UBND \\r\\n | \\r\\n Lạng Sơn, ngày …"):
# a text with at least ESCAPED_BREAKS_MIN of them is read with each one as a line break (three spaces,
# then "\n": the same length). Only the pair "\\r\\n" counts: a lone "\\n" opens words of a Windows path.
_ESCAPED_BREAK = "\\r\\n"
ESCAPED_BREAKS_MIN = 3


def _escaped_breaks(text: str) -> str:
    if "\\" not in text or text.count(_ESCAPED_BREAK) < ESCAPED_BREAKS_MIN:
        return text
    return text.replace(_ESCAPED_BREAK, "   \n")


def mask_noise(text: str) -> str:
    """Same length as `text`, with noise lines turned into spaces (and escaped line breaks into line breaks).

    A header or stamp line matches its pattern in the whole text too, so a text where
    neither whole-text search finds anything is returned as it is, without the line loop.
    """
    text = _escaped_breaks(text)
    is_gazette = GAZETTE_HEADER.search(text) is not None
    if not is_gazette and _SIGNATURE_PROBE.search(text) is None:
        return text
    lines = text.split("\n")
    out = list(lines)
    header_rows = (
        [i for i in _candidate_rows(text, _HEADER_PROBE) if GAZETTE_HEADER.match(lines[i])] if is_gazette else []
    )
    for i in header_rows:
        out[i] = _blank(lines[i])
        for j in (i - 2, i - 1, i + 1, i + 2):  # the page number sits next to the header
            if 0 <= j < len(lines) and PAGE_NUMBER.match(lines[j]):
                out[j] = _blank(lines[j])
    i = 0
    for row in _candidate_rows(text, _SIGNATURE_PROBE):
        if row >= i and SIGNATURE_START.match(lines[row]):  # rows below i are fields already blanked
            out[row] = _blank(lines[row])
            i = row + 1
            while i < len(lines) and SIGNATURE_FIELD.match(lines[i]):
                out[i] = _blank(lines[i])
                i += 1
    if is_gazette:
        _mask_footnotes(lines, out, set(header_rows), _candidate_rows(text, _FOOTNOTE_PROBE))
    return "\n".join(out)


def _mask_footnotes(lines: list[str], out: list[str], headers: set[int], starts: list[int]) -> None:
    """Footnotes run from a numbered line after a blank line down to the next page header.

    `starts` are the lines FOOTNOTE_START matches (it cannot run past its own line, so the
    whole-text probe finds exactly those).
    """
    i = 1
    n = len(lines)
    for row in starts:
        if row < i:  # line 0, or inside a footnote already blanked
            continue
        i = row
        if not lines[i - 1].strip():
            end = next((j for j in range(i + 1, min(n, i + 25)) if j in headers), None)
            if end is None and n - i <= 25:
                end = n
            if end is not None:
                for j in range(i, end):
                    out[j] = _blank(lines[j])
                i = end
