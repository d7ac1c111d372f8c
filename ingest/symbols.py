"""The grammar of document symbols (số, ký hiệu), in the spirit of python-stdnum.

Two grammars exist side by side:

* Party: ``NUMBER-TYPE/ISSUER`` — ``25-NQ/TW``, ``45-KH/HU``, ``711-KH/BDVTW``;
* State: ``NUMBER[/YEAR]/TYPE-ISSUER[-UNIT]`` — ``16/CT-TTg``, ``18/2000/CT-TTg``,
  ``01/ĐA-MTTQ-BTT``; laws and official letters carry no type code
  (``41/2024/QH15``, ``3637/UBND-VX``).

Written forms vary (``62 - KL/TW``, ``432 – QĐ/HU``, ``30-CTR/TU``); :func:`canonical`
gives the one form the graph uses. Type and issuer codes come from data/tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from policygraph.ingest import tables
from policygraph.vocabulary import Flag, Level


class InvalidSymbol(ValueError):
    """Base class: the text is not a document symbol."""


class InvalidFormat(InvalidSymbol):
    """The text does not follow either symbol grammar."""


class ThinSymbol(InvalidFormat):
    """A number and one State code ("197/STTTT"): a symbol only where the text names it as a
    document ("Công văn số 197/STTTT"); alone it may be a ratio or an address ("5/UBND")."""


class UnknownType(InvalidSymbol):
    """The grammar fits but the type code is not in the type table."""


class UnknownIssuer(InvalidSymbol):
    """The grammar fits but the issuer code is not in the issuer table."""


DASHES = "-–—‐‑−"
_DASH = f"[{DASHES}]"
_L = "A-Za-zĐđÐ"

# Both grammars open with the number ("25", "30c"); the tails tell them apart.
_NUMBER = r"\d{1,5}[a-zđA-ZĐ]?"
_INDENT = 32  # blanks a wrapped line may open with, after a dash that ended the line above
# Party: number, dash, type, slash, issuer. Spaces are tolerated around the dash only, and a
# line end before or after it: text wrapped at a fixed width breaks "114- KL/TW" as
# "114-\nKL/TW" and "62 - KL/TW" as "62\n- KL/TW". Text taken from a PDF keeps the page's
# indentation: the line after a dash may open with many blanks ("185-\n                KL/TW").
_DASH_GAP = rf"[ \t]{{0,2}}\n?[ \t]{{0,2}}{_DASH}(?:[ \t]{{0,2}}\n[ \t]{{0,{_INDENT}}}|[ \t]{{0,2}})"
PARTY_TAIL = (
    rf"{_DASH_GAP}(?P<ptype>[{_L}]{{1,5}})"
    rf"[ \t]?/[ \t]?(?P<piss>[A-ZĐÐ][{_L}Ưư]{{0,11}})"  # "TƯ": T.Ư (Trung ương), or TU typed with Ư
)
# State: number, optional year, then the code: TYPE-ISSUER[-UNIT...] or an untyped issuer.
# A slash may stand for the dash after the type code: "183/2010/TTLT/BTC-BNN" is 183/2010/TTLT-BTC-BNN.
# A code segment may join two abbreviations with "&": "SNN&PTNT" (Sở Nông nghiệp và Phát triển nông
# thôn), "473/TTr-NN&PTNT", "2231/SNV-CCHC&PC".
_AMP = rf"(?:&[A-ZĐÐ][{_L}]{{0,9}})?"
# A dotted abbreviation may stand for one body inside a segment when another segment follows:
# "06/QC-TT.HĐND-UBND" (Thường trực HĐND and UBND); a dot before a blank or the end is a full stop.
_DOT = rf"(?:\.[A-ZĐÐ][{_L}]{{0,9}}(?=[ \t]?[-–]))?"
# After the dash between two code segments a wrapped text may break the line: "473/TTr -\nNN&PTNT".
_SEG_GAP = rf"(?:[ \t]?\n[ \t]{{0,{_INDENT}}}|[ \t]?)"
STATE_TAIL = (
    rf"[ \t]?/[ \t]?(?:(?P<syear>(?:19|20)\d\d)[ \t]?/[ \t]?)?"
    rf"(?P<scode>[A-ZĐÐ][{_L}]{{0,9}}\d{{0,2}}{_AMP}{_DOT}"
    rf"(?:[ \t]?[-–/]{_SEG_GAP}[A-ZĐÐ][{_L}0-9]{{0,14}}{_AMP}{_DOT})?"
    rf"(?:[ \t]?[-–]{_SEG_GAP}[A-ZĐÐ][{_L}0-9]{{0,14}}{_AMP}{_DOT})*)"
)
# The number is factored out of the two grammars, and the look-behind ("not glued to a
# word, a path or another number") is checked after its first digit: a pattern that
# opens with a digit lets re skip in C to the next digit instead of trying every
# character. Either grammar can only follow the longest number, so the matches are
# those of "(?<!…)(?:PARTY|STATE)".
_SCAN_NUMBER = rf"\d(?<![\w/.,:{DASHES}]\d)\d{{0,4}}[a-zđA-ZĐ]?"
# a footnote mark glued to the symbol ("31/2024/QH15¹") ends it; a letter, an ASCII digit or "/" does not
SYMBOL_RE = re.compile(
    rf"(?P<num>{_SCAN_NUMBER})(?:{PARTY_TAIL}|{STATE_TAIL})(?![^\W\d_\u00b9\u00b2\u00b3\u2070-\u2079]|[0-9_/])"
)
_FULL_RE = re.compile(rf"\s*(?P<num>{_NUMBER})(?:{PARTY_TAIL}|{STATE_TAIL})\s*")

# Scanning for digits costs re a category test at every character; scanning for "/" is a
# plain character search, about 20x faster. Every symbol has a "/" (the grammar's slash) at
# most _HEAD_WIDTH characters after its first digit, and what follows that slash is known:
# an issuer or State code (a capital letter) or a year and another slash. iter_symbols finds
# those slashes first and tries SYMBOL_RE only where a number before them can start a symbol.
_GRAMMAR_SLASH_RE = re.compile(r"/(?=[ \t]?(?:[A-ZĐÐ]|(?:19|20)\d\d[ \t]?/[ \t]?[A-ZĐÐ]))")
# what stands before the grammar's slash: the number, then the Party dash and type or a space
_HEAD_RE = re.compile(rf"{_SCAN_NUMBER}(?:{_DASH_GAP}[{_L}]{{1,5}})?[ \t]?/")
# longest _HEAD_RE match before its "/": number 6, dash and its gaps 9 + the indentation, type 6
_HEAD_WIDTH = 21 + _INDENT


def iter_symbols(text: str) -> Iterator[re.Match]:
    """The matches of ``SYMBOL_RE.finditer(text)``, found from the slashes they contain.

    A match starting at s has its grammar slash at the first "/" after s, so the leftmost
    match is found by trying, slash by slash, the heads that end there (re's look-behind
    sees before the position a match is tried at, so SYMBOL_RE.match(text, s) is the
    attempt finditer makes at s).
    """
    pos = 0  # the next match starts here or later
    tried = 0  # every head starting before this was tried (or lies inside a match)
    for slash in _GRAMMAR_SLASH_RE.finditer(text):
        q = slash.start()
        if q < pos:  # a slash inside the last match ("18/2000/CT-TTg")
            continue
        start = max(pos, tried, q - _HEAD_WIDTH)
        while (head := _HEAD_RE.search(text, start, q + 1)) is not None:
            m = SYMBOL_RE.match(text, head.start())
            if m:
                yield m
                pos = m.end()
                break
            start = head.start() + 1
        tried = q + 1


@dataclass(frozen=True)
class Symbol:
    number: str
    doc_type: str | None  # canonical type code, None for laws and official letters
    issuer: str  # canonical issuer code ("TW", "TTg", "MTTQ-BTT")
    grammar: str  # "party" | "state"
    year: int | None = None  # only when written inside the symbol
    level: str | None = None  # level of the issuing body; "context" when the text decides
    slip: str | None = None  # "state_in_party_form" when "33-CT/TTg" stands for 33/CT-TTg, and the reverse

    def __str__(self) -> str:
        if self.grammar == "party":
            return f"{self.number}-{self.doc_type}/{self.issuer}"
        parts = [self.number]
        if self.year:
            parts.append(str(self.year))
        parts.append(f"{self.doc_type}-{self.issuer}" if self.doc_type else self.issuer)
        return "/".join(parts)

    @property
    def doc_type_name(self) -> str | None:
        entry = tables.doc_types()[self.grammar].get(tables.fold_code(self.doc_type or ""))
        return entry.name if entry else None

    def with_issuer(self, issuer: str) -> Symbol:
        """The same symbol with another issuer code (used to repair slips such as 25-NQ/TU)."""
        entry = tables.find_issuer(self.grammar, issuer)
        return Symbol(self.number, self.doc_type, issuer, self.grammar, self.year, entry.level if entry else None)


def _canonical_state_code(code: str) -> str:
    segments = [s.strip() for s in re.split(r"[-–]", code)]
    out = []
    for seg in segments:
        folded = tables.fold_code(seg)
        entry = tables.find_issuer("state", folded)
        out.append(entry.canonical if entry and entry.canonical and entry.regex.fullmatch(folded) else folded)
    return "-".join(out)


def from_match(m: re.Match, named: bool = False) -> Symbol:
    """Build a Symbol from a SYMBOL_RE (or _FULL_RE) match; raises InvalidSymbol.

    `named`: the text introduces it as a document ("Công văn số 197/STTTT"), so a thin State
    symbol (a number and one code) is taken: without those words it may be a ratio."""
    got = _from_groups(m.group("num", "ptype", "piss", "syear", "scode"), named)
    if isinstance(got, Symbol):
        return got
    error, message = got
    raise error(message)


@lru_cache(maxsize=8192)
def _from_groups(groups: tuple[str | None, ...], named: bool = False) -> Symbol | tuple[type[InvalidSymbol], str]:
    """from_match on the match's groups, memoised: a text cites the same symbols again and
    again, the tables are loaded once, and Symbol is frozen. An invalid symbol gives its
    error's type and message, so each call raises a fresh exception."""
    try:
        return _symbol_of_groups(*groups, named=named)
    except InvalidSymbol as exc:
        return type(exc), str(exc)


def _names_party_body(code: str) -> bool:
    """Whether a code, or a segment of it, is a Party body's ("ĐUK", "HU"): then it is no State department's."""
    return bool(_PARTY_SUFFIX_RE.search(code)) or any(tables.find_issuer("party", seg) for seg in code.split("-"))


def _symbol_of_groups(
    num: str, ptype: str | None, piss: str | None, syear: str | None, scode: str | None, named: bool = False
) -> Symbol:
    if ptype is not None:
        type_entry = tables.doc_types()["party"].get(tables.fold_code(ptype))
        if type_entry is None:
            raise UnknownType(f"unknown Party type code {ptype!r}")
        issuer = tables.fold_code(piss)
        entry = tables.find_issuer("party", issuer)
        if entry is None:
            # a State issuer written the Party way ("33-CT/TTg"): read it as the State symbol
            state_type = tables.doc_types()["state"].get(tables.fold_code(ptype))
            state_entry = tables.find_issuer("state", issuer)
            if state_type and state_entry and state_entry.level == Level.CENTRAL:
                code = state_entry.canonical or issuer
                return Symbol(
                    num.lower(), state_type.code, code, "state", None, "central", slip=Flag.STATE_IN_PARTY_FORM
                )
            raise UnknownIssuer(f"unknown Party issuer code {piss!r}")
        return Symbol(num.lower(), type_entry.code, issuer, "party", None, entry.level)
    number, year, code = num.lower(), syear, scode.replace("/", "-")
    segments = [tables.fold_code(s.strip()) for s in re.split(r"[-–]", code)]
    type_entry = tables.doc_types()["state"].get(segments[0])
    if type_entry is not None:
        if len(segments) < 2:
            raise UnknownIssuer(f"type {type_entry.code} without an issuer")
        issuer_code = _canonical_state_code("-".join(segments[1:]))
        doc_type = type_entry.code
    else:
        issuer_code = _canonical_state_code(code)
        doc_type = None
    if _PARTY_SUFFIX_RE.search(issuer_code):  # "15/HD-BDVTU": a Party department, not a ministry "B…"
        party = _party_in_state_form(number, year, segments)
        if party is not None:
            return party
    entry = tables.find_issuer("state", issuer_code)
    if entry is None:
        party = _party_in_state_form(number, year, segments)
        if party is not None:
            return party
        if doc_type and _WRITTEN_CODE_RE.fullmatch(issuer_code) and not _names_party_body(issuer_code):
            # "8008/CT-TCTL": a typed State symbol whose issuer (a department of a ministry, a joint code) the
            # table does not know is still a document's number: kept as written, its level unknown, flagged
            return Symbol(number, doc_type, issuer_code, "state", int(year) if year else None, None,
                          slip=Flag.ISSUER_UNKNOWN)
        raise UnknownIssuer(f"unknown State issuer code {issuer_code!r}")
    if doc_type is None and not year and "-" not in issuer_code and entry.level != Level.CENTRAL and not named:
        # "5/UBND" alone is too thin to be sure it is a symbol and not a ratio
        raise ThinSymbol("untyped State symbol without year or department")
    return Symbol(number, doc_type, issuer_code, "state", int(year) if year else None, entry.level)


# the codes of Party committees end so (Trung ương, Tỉnh ủy, Huyện ủy, Quận ủy, Thị ủy, Đảng ủy);
# no State body's code does
# an issuer code the table does not know, read in the grammar's shape: letters, maybe joined by dashes
_WRITTEN_CODE_RE = re.compile(r"[A-ZĐ][A-ZĐa-zđ&]{1,11}(?:-[A-ZĐ][A-ZĐa-zđ&]{1,11}){0,3}")
_PARTY_SUFFIX_RE = re.compile(r"(?:TW|TU|HU|QU|TXU|ĐU)$")


def _party_in_state_form(number: str, year: str | None, segments: list[str]) -> Symbol | None:
    """A Party symbol written the State way ("45/KH-HU" for 45-KH/HU): a Party type and a Party
    issuer, no year, and no State body by that code; read as the Party symbol, and flagged."""
    if year or len(segments) != 2:
        return None
    type_entry = tables.doc_types()["party"].get(segments[0])
    entry = tables.find_issuer("party", segments[1])
    if type_entry is None or entry is None:
        return None
    return Symbol(number, type_entry.code, segments[1], "party", None, entry.level, slip=Flag.PARTY_IN_STATE_FORM)


def parse(text: str) -> Symbol:
    """Parse one written symbol; raises InvalidFormat, UnknownType or UnknownIssuer."""
    m = _FULL_RE.fullmatch(text.replace("Ð", "Đ"))
    if m is None:
        raise InvalidFormat(f"not a document symbol: {text!r}")
    return from_match(m)


def canonical(text: str) -> str:
    """The canonical written form: ``'30-CTR/TU'`` -> ``'30-CTr/TU'``."""
    return str(parse(text))


def validate(text: str) -> str:
    """Return the canonical form, or raise InvalidSymbol with the reason."""
    return canonical(text)


def is_valid(text: str) -> bool:
    try:
        parse(text)
    except InvalidSymbol:
        return False
    return True


def symbol_key(text: str) -> str:
    """Fold to lower-case ASCII letters and digits (the Official Gazette's key form)."""
    import unicodedata

    text = text.replace("Đ", "D").replace("đ", "d").replace("Ð", "D")
    text = unicodedata.normalize("NFD", text)
    return "".join(c for c in text.lower() if c.isascii() and c.isalnum())
