"""Text typed in the legacy Vietnamese font encodings, TCVN3 (ABC) and VNI, turned into Unicode.

Such text arrives two ways: as raw 8-bit bytes (a .txt saved by an old program), or, far more
often, already decoded wrongly as Windows-1252 and saved as UTF-8 ("Thùc hiÖn" is TCVN3 for
"Thực hiện", "Thöïc hieän" is VNI for it). Both are the same string once the bytes are read as
Windows-1252, so one converter serves both.

Which encoding, if any: each is tried and the result judged by its words (`_garbled`): in real
Vietnamese a word has at most one tone mark, no capital after a small letter and no symbol such
as "¸" or "¬" inside it. A text whose words are mostly sound as they are is left alone; one that
only one encoding makes sound is converted; one that neither does, or both do, is refused with
the reason (LegacyError), as guessing would store junk.

TCVN3 has codes for lower-case letters only (and Ă Â Ê Ô Ơ Ư Đ): headings were typed with the
.VnTimeH fonts, which draw the same codes as capitals. So a converted word is set in capitals when
the rest of its line is ("BAN TH¦êNG Vô" is "BAN THƯỜNG VỤ"), and a letter that starts a line or
a sentence gets its capital ("ñy ban" at a line's start is "Ủy ban").

The tables are data: data/tables/legacy_fonts.json (scripts/make_legacy_fonts.py writes it).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

ENCODINGS = ("tcvn3", "vni")
NAMES = {"tcvn3": "TCVN3", "vni": "VNI"}

# Latin-1 letters that Vietnamese uses; every other character from U+0080 to U+00FF (and the
# Windows-1252 punctuation in U+0152..U+2122) is foreign to a Vietnamese word
_VIET_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_FOREIGN = re.compile("[" + "".join(chr(c) for c in range(0xA1, 0x100) if chr(c) not in _VIET_LATIN1
                                    and chr(c) not in "×÷") + "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192]")
# Unicode letters only Vietnamese text has (ă đ ơ ư and the precomposed letters of U+1EA0..U+1EF9)
_VIETNAMESE = re.compile("[ăĂđĐơƠưƯ\u1ea0-\u1ef9]")
_TONES = {"\u0301", "\u0300", "\u0309", "\u0303", "\u0323"}  # acute, grave, hook, tilde, dot below
MIN_FOREIGN = 3  # fewer foreign characters than this: a Unicode text with a stray symbol, not a legacy one
CLEAN = 0.03  # share of garbled words below which a text reads as Vietnamese
GARBLED = 0.10  # share above which it does not


class LegacyError(ValueError):
    """Text that looks like a legacy font encoding but cannot be converted with confidence."""


@dataclass(frozen=True)
class Repair:
    text: str
    encoding: str | None  # "tcvn3" | "vni" | None (left as it was)


@cache
def _table() -> dict:
    raw = resources.files("policygraph.data.tables").joinpath("legacy_fonts.json").read_text(encoding="utf-8")
    return json.loads(raw)


def _letters() -> dict[str, dict[str, str]]:
    return {enc: _table()[enc]["letters"] for enc in ENCODINGS}


@cache
def _capitalised() -> tuple[re.Pattern, dict[str, str]]:
    """Words TCVN3 cannot write with their capital, found in converted text (see the table)."""
    table = _table()["tcvn3"]["capitalised"]
    always = "|".join(re.escape(w.lower()) for w in table["always"])
    before = "|".join(re.escape(w.lower()) for w in table["before a capital"])
    pattern = re.compile(rf"\b(?:{always}|(?:{before})(?= [A-ZĐ\u00c0-\u00dd\u0102\u01a0\u01af\u1ea0-\u1ef8]))\b")
    words = {w.lower(): w for w in [*table["always"], *table["before a capital"]]}
    return pattern, words


@cache
def _decoder(encoding: str) -> tuple[re.Pattern, dict[str, str]]:
    """A pattern of every legacy spelling (longest first) and what each stands for."""
    back: dict[str, str] = {}
    for letter, legacy in _letters()[encoding].items():
        back.setdefault(legacy, letter)
        if encoding == "vni" and len(legacy) == 2:
            # the mark typed in the other case than its vowel ("Aù", "aÙ") is still that letter
            base, mark = legacy
            back.setdefault(base + mark.swapcase(), letter)
    spellings = sorted(back, key=lambda s: (-len(s), s))
    return re.compile("|".join(map(re.escape, spellings))), back


def encode(text: str, encoding: str) -> str:
    """Unicode text as the legacy font writes it (each byte as its Windows-1252 character). TCVN3
    writes a capital it has no code for with the small letter's code, as the .VnTimeH fonts do."""
    letters = _letters()[encoding]
    out = []
    for ch in unicodedata.normalize("NFC", text):
        legacy = letters.get(ch)
        if legacy is None and encoding == "tcvn3" and ch.lower() in letters and ch != ch.lower():
            legacy = letters[ch.lower()]
        out.append(legacy if legacy is not None else ch)
    return "".join(out)


def decode(text: str, encoding: str) -> str:
    """Legacy text (bytes read as Windows-1252) as Unicode."""
    pattern, back = _decoder(encoding)
    if encoding != "tcvn3":
        return pattern.sub(lambda m: back[m.group()], text)
    text = "\n".join(_tcvn3_line(line, pattern, back) for line in text.split("\n"))
    capitalised, words = _capitalised()
    return capitalised.sub(lambda m: words[m.group()], text)


_WORD = re.compile(r"\S+")
_TCVN3_UPPER = set("¡¢£¤¥¦§")  # Ă Â Ê Ô Ơ Ư Đ: the capitals TCVN3 has codes for
_TCVN3_LOWER = set("¨©ª«¬\xad®")  # ă â ê ô ơ ư đ
_SENTENCE_END = re.compile(r"[.!?:]\s*$")


def _tcvn3_line(line: str, pattern: re.Pattern, back: dict[str, str]) -> str:
    """One line of TCVN3: each word converted, in capitals when the line is set in capitals."""
    if not pattern.search(line):
        return line
    # letters whose case the codes tell (ASCII and Ă Â Ê Ô Ơ Ư Đ, ă â ê ô ơ ư đ), in words without digits
    # (a symbol such as "45-KH/HU" is in capitals in any line)
    told = "".join(w for w in line.split() if not any(ch in "0123456789/" for ch in w))
    upper = sum(1 for ch in told if (ch.isascii() and ch.isupper()) or ch in _TCVN3_UPPER)
    lower = sum(1 for ch in told if (ch.isascii() and ch.islower()) or ch in _TCVN3_LOWER)
    capitals = upper >= 2 and lower * 4 <= upper
    words = []
    start = True  # at the start of the line or of a sentence
    for m in _WORD.finditer(line):
        word = m.group()
        converted = pattern.sub(lambda w: back[w.group()], word)
        if pattern.search(word):  # a legacy code, even one that looks like its letter ("ý" is ý)
            cased = [ch for ch in word if (ch.isascii() and ch.isalpha())]
            if capitals and not any(ch.islower() for ch in cased):
                converted = converted.upper()
            elif len(cased) >= 2 and all(ch.isupper() for ch in cased):
                converted = converted.upper()  # an all-capital word in a mixed line ("THỰC")
            elif start and pattern.match(word) and word[0] not in _TCVN3_LOWER:
                converted = converted[:1].upper() + converted[1:]  # a sentence's first letter
        words.append((m.start(), m.end(), converted))
        start = bool(_SENTENCE_END.search(word))
    out, pos = [], 0
    for begin, end, converted in words:
        out.append(line[pos:begin])
        out.append(converted)
        pos = end
    out.append(line[pos:])
    return "".join(out)


def _garbled(text: str) -> tuple[int, int]:
    """(words holding a letter, words that no Vietnamese text would hold)."""
    words = bad = 0
    for m in _WORD.finditer(text):
        word = m.group().strip("\"'()[]{}.,;:!?“”‘’«»-–—/")
        if not any(ch.isalpha() for ch in word):
            continue
        words += 1
        if _FOREIGN.search(word):
            bad += 1
            continue
        tones = sum(1 for ch in unicodedata.normalize("NFD", word) if ch in _TONES)
        if tones > 1 or any(a.islower() and b.isupper() for a, b in zip(word, word[1:], strict=False)):
            bad += 1  # two tones in one word, or a capital after a small letter ("hiƯn")
    return words, bad


def _share(text: str) -> float:
    words, bad = _garbled(text)
    return bad / words if words else 0.0


def repair(text: str) -> Repair:
    """`text` in Unicode: converted when it is TCVN3 or VNI, as it was when it is Unicode already.

    Raises LegacyError when it looks like a legacy encoding that neither table reads cleanly, or
    that both do."""
    foreign = len(_FOREIGN.findall(text, 0, 200_000))
    if foreign < MIN_FOREIGN:
        return Repair(text, None)
    sample = text[:200_000]
    if len(_VIETNAMESE.findall(sample)) > 4 * foreign:
        return Repair(text, None)  # a Unicode Vietnamese text with a few stray symbols
    now = _share(sample)
    if now <= CLEAN:
        return Repair(text, None)
    shares = {enc: _share(decode(sample, enc)) for enc in ENCODINGS}
    clean = [enc for enc in ENCODINGS if shares[enc] <= CLEAN or (shares[enc] < GARBLED and shares[enc] * 4 < now)]
    scores = ", ".join(f"{NAMES[e]} {shares[e]:.0%}" for e in ENCODINGS)
    if len(clean) == 1:
        return Repair(decode(text, clean[0]), clean[0])
    if len(clean) == 2:
        best = min(clean, key=shares.get)
        other = next(e for e in clean if e != best)
        if shares[best] * 3 <= shares[other]:
            return Repair(decode(text, best), best)
        raise LegacyError(f"legacy Vietnamese font text that reads as TCVN3 and as VNI alike (words garbled: "
                          f"as it is {now:.0%}, {scores}); convert it to Unicode first")
    raise LegacyError(f"text in no Vietnamese encoding policygraph knows: {now:.0%} of its words hold characters no "
                      f"Vietnamese word has, and as legacy font text they stay garbled ({scores}); "
                      "convert it to Unicode first")
