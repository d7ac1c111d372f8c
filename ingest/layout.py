"""The layout pass: a document's zones, read once and handed to every extractor.

A Vietnamese administrative document has a fixed shape (Decree 30/2020/NĐ-CP on the form
of documents, and the Party's Hướng dẫn 36-HD/VPTW): a frame (issuing body, national motto,
"Số: …" line, place and date), a type heading and title, a preamble of grounds ("Căn cứ …")
and triggers ("Thực hiện …") that may be a section of its own ("I. CĂN CỨ …"), a body of
numbered sections, often an implementation section ("Tổ chức thực hiện"), a signature block
("T/M", "TM.", "KT.", "Q.") and the recipients ("Nơi nhận"). The extractors (header,
citations, units, unnumbered) take these zones from one `Layout` instead of each searching
for them again; the patterns are the lexicon's (data/lexicon/headings.json "sections").

Offsets are character offsets into the text the layout was read from (the masked text the
pipeline parses, which keeps the original's offsets).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from policygraph.ingest import lexicon
from policygraph.ingest.noise import LinePattern

HEADING_ZONE = 4000  # characters: the type heading stands in the first page
PREAMBLE_DEFAULT = 3000  # characters read as preamble when no heading ends it
GROUNDS_SECTION_MAX = 3000  # characters a grounds section runs when no next heading closes it


class MarkupLinePattern(LinePattern):
    """A LinePattern that opens with "^[#>*\\s]*" and then needs a character outside that set: the same matches,
    without trying each line of a blank block.

    "[#>*\\s]*" runs over line ends, so a match tried at each line of a block of blank lines (masked gazette
    footnotes are blanked out) runs to the block's end: the block's length squared, 1 ms a gazette text. From a
    blank line the pattern matches where it does from the first line after the blank ones, to the same end (its
    run reaches the same character; giving back part of the run cannot help, as what follows needs another
    character). So a probe that starts no match on a blank line finds that line, and the pattern is then matched
    from the first line start of the blank lines above it that the plain scan would have tried.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        if not pattern.startswith("^[#>*\\s]*"):
            raise ValueError("a MarkupLinePattern starts with '^[#>*\\s]*'")
        super().__init__(pattern, flags)
        self._no_blank = LinePattern(r"^(?![ \t]*\n)" + pattern[1:], flags)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        """Same as ``re.compile(pattern, MULTILINE).finditer(text, pos, endpos)``."""
        end = len(text) if endpos is None else min(endpos, len(text))
        for m in self._no_blank.finditer(text, pos, end):
            start = m.start()
            while start > pos:  # the blank lines above, from `pos` (or the last match's end) on
                above = text.rfind("\n", 0, start - 1) + 1
                if above < pos or text[above:start - 1].strip(" \t"):
                    break
                start = above
            yield self.rx.match(text, start, end) if start != m.start() else m
            pos = m.end()

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        return next(self.finditer(text, pos, endpos), None)


_S = lexicon.SECTION_PATTERNS
HEADINGS = lexicon.HEADINGS
HEADING_ALTERNATIVES = lexicon.HEADING_ALTERNATIVES
# the type heading on its own line ("KẾ HOẠCH"); text taken from a page may put the title on the heading's
# line ("KẾ HOẠCH triển khai …"), or write the heading in sentence case on its own line ("Kế hoạch")
HEADING_RE = LinePattern(rf"^[ \t#*_]*(?P<h>{HEADING_ALTERNATIVES})[ \t*_]*$")
HEADING_INLINE_RE = LinePattern(rf"^[ \t#*_]*(?P<h>{HEADING_ALTERNATIVES})[ \t*_]+(?P<rest>[^\s*_][^\n]*)$")
HEADING_ANY_CASE_RE = LinePattern(rf"^[ \t#*_]*(?P<h>(?i:{HEADING_ALTERNATIVES}))[ \t*_]*$")
# where the preamble ends: the first section heading, article or enacting formula
PREAMBLE_END_RE = LinePattern(_S["preamble_end"])
# A plan may give its grounds in a section of their own, a list under "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH" ("I. Cơ sở
# pháp lý", "I. CĂN CỨ BAN HÀNH"): that section is still the preamble, which then ends at the next heading
# ("II. MỤC ĐÍCH, YÊU CẦU").
GROUNDS_HEADING_RE = LinePattern(_S["grounds"])
AFTER_GROUNDS_RE = LinePattern(_S["after_grounds"])
# The spaces after the number belong to the number part only: the pattern as first written,
# "^[#>*\s]*(?:NUMBER\s*[.\-–):]\s*)?[*\s]*tổ chức…", matches the same text, but split every run
# of spaces between its two space classes, and a long blanked-out block (masked footnotes)
# made it try all the splits at every line of the block: 30 ms on a gazette text.
IMPLEMENTATION_RE = MarkupLinePattern(_S["implementation"])
NEXT_SECTION_RE = MarkupLinePattern(_S["next_section"])
RECIPIENTS_RE = MarkupLinePattern(_S["recipients"])
ON_BEHALF_RE = MarkupLinePattern(_S["signature"])  # "T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN": the body
# every capacity a signer signs in: T/M (on behalf of), KT. (for the head), Q. (acting)
SIGNATURE_RE = LinePattern(_S["signature_any"])
ADDRESSEES_RE = MarkupLinePattern(_S["addressees"])
ADDRESSEES_ZONE = 4000  # characters: the frame of a letter
FIRST_ITEM_RE = LinePattern(_S["first_item"])  # "1. Các huyện ủy …": a directive without "I."


@dataclass(frozen=True)
class Zone:
    """[start, end) in the text."""

    start: int
    end: int


@dataclass(frozen=True)
class Section:
    """The implementation section: its body after the heading line, and its number ("IV", "5")."""

    start: int
    end: int
    number: str | None


@dataclass(frozen=True)
class Layout:
    """Where a document's zones are (see the module docstring)."""

    length: int
    heading: Zone | None  # the type heading line ("KẾ HOẠCH") in the first page
    heading_word: str | None  # as the lexicon writes it ("KẾ HOẠCH")
    preamble_end: int  # where the preamble (grounds and triggers) ends
    grounds_start: int | None  # the "I. CĂN CỨ …" section, when the preamble has one
    tasks_start: int  # the first section heading or numbered item after the title: tasks may begin here
    on_behalf: tuple[Zone, ...]  # "T/M …" lines, in order
    recipients: tuple[Zone, ...]  # "Nơi nhận" heads (the list follows each)
    addressees: Zone | None  # "Kính gửi:" of a letter's frame



def read_layout(text: str) -> Layout:
    """Read the zones of `text` once."""
    heading = HEADING_RE.search(text, 0, HEADING_ZONE)
    preamble_end, grounds_start = preamble(text)
    after_title = heading.end() if heading else 0
    starts = [m.start() for m in (PREAMBLE_END_RE.search(text), FIRST_ITEM_RE.search(text, after_title)) if m]
    addressees = next(ADDRESSEES_RE.finditer(text, 0, min(len(text), ADDRESSEES_ZONE)), None)
    return Layout(
        length=len(text),
        heading=Zone(heading.start(), heading.end()) if heading else None,
        heading_word=heading.group("h") if heading else None,
        preamble_end=preamble_end,
        grounds_start=grounds_start,
        tasks_start=min(starts) if starts else after_title,
        on_behalf=tuple(Zone(m.start(), m.end()) for m in ON_BEHALF_RE.finditer(text)),
        recipients=tuple(Zone(m.start(), m.end()) for m in RECIPIENTS_RE.finditer(text)),
        addressees=Zone(addressees.start(), addressees.end()) if addressees else None,
    )


@lru_cache(maxsize=8)
def preamble(text: str) -> tuple[int, int | None]:
    """Where the preamble ends, and where its grounds section starts when it has one (GROUNDS_HEADING_RE).
    Cached: asked for every citation the preamble rules look at; a text's hash is computed once."""
    m = PREAMBLE_END_RE.search(text)
    if m is None:
        return min(len(text), PREAMBLE_DEFAULT), None
    grounds = GROUNDS_HEADING_RE.rx.match(text, m.start())
    if grounds is None:
        return m.start(), None
    after = AFTER_GROUNDS_RE.search(text, grounds.end())
    return (after.start() if after else min(len(text), grounds.end() + GROUNDS_SECTION_MAX)), grounds.start()


def implementation_section(text: str, end: int) -> Section | None:
    """The last implementation heading before `end`, to the next section heading (or `end`)."""
    found = None
    for m in IMPLEMENTATION_RE.finditer(text, 0, end):
        found = m
    if not found:
        return None
    nxt = NEXT_SECTION_RE.search(text, found.end(), end)
    number = found.group("roman") or found.group("art") or found.group("arab")
    return Section(found.end(), nxt.start() if nxt else end, number)
