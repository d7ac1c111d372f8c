"""The shortcuts taken to read and locate a document faster give the same answers as the plain way.

Like test_ingest_speed_invariants.py: no timings, only the equivalences the fast paths rely on,
on the bundled samples and on random texts built from the pieces the shortcuts are about.
"""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

from policygraph.ingest import places as P
from policygraph.ingest import reader as R

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "data" / "samples").glob("*.txt"))


def _random_texts(pieces: list[str], seed: int, n: int, longest: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, longest))) for _ in range(n)]


def test_control_characters_tested_one_by_one_are_the_control_pattern():
    """read_plain counts controls only when one of _CONTROL_CHARS is in the sample: they must be
    every character _CONTROL matches but NUL (rejected before the count)."""
    matched = {chr(c) for c in range(0x110000) if R._CONTROL.match(chr(c))}
    assert set(R._CONTROL_CHARS) == matched - {"\x00"}
    pieces = ["Kế hoạch ", "\n", "\t", "\r", "\x01", "\x08", "\x0b", "\x0c", "\x0e", "\x1b", "\x1f", " ", "Ư", "\x7f"]
    for text in [p.read_text("utf-8") for p in SAMPLES] + _random_texts(pieces, 3, 3000, 12):
        fast = len(R._CONTROL.findall(text)) if any(c in text for c in R._CONTROL_CHARS) else 0
        assert fast == len(R._CONTROL.findall(text)), repr(text)


def test_binary_looking_text_is_still_refused():
    text = "Kế hoạch số 45-KH/HU\n" + "\x01\x02\x1b" * 40
    try:
        R.read_plain(text.encode("utf-8"), Path("x.txt"))
    except R.ReadError as exc:
        assert "control characters" in str(exc)
    else:
        raise AssertionError("a text full of control characters was read")


def _normalise_plain(text: str) -> str:
    """normalise() as first written: every replacement, whether or not the text has a CR."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("Ð", "Đ").replace("\u00a0", " ")
    text = text.translate({ord(c): r for c, r in R._REPLACED.items()})
    return re.sub(r"[ \t]+\n", "\n", re.sub(r"[ \t]{2,}", " ", text))


def test_normalise_skips_line_end_folding_only_when_there_is_no_carriage_return():
    pieces = ["Đ", "Ð", "\r\n", "\r", "\n", "\r\r\n", "\u00a0", "Quyết định", "e\u0301", "\u0301", " ", "\t", "  "]
    for text in [p.read_text("utf-8") for p in SAMPLES] + _random_texts(pieces, 4, 5000, 10):
        assert R.normalise(text) == _normalise_plain(text), repr(text)


def _find_clues_one_regex(text: str) -> list[P.Clue]:
    """find_clues as before the split: one regex over every first word."""
    found = []
    for fm in P._CLUE_FIRST_RE.finditer(text):
        i = fm.start()
        if i == 0 or not text[i - 1].isalpha():
            for order, level, word in P._CLUE_GROUPS[fm.group()]:
                if text.startswith(word, i):
                    m = P._NAME_AFTER.match(text, i + len(word))
                    if m:
                        found.append((i, level, order, P.Clue(level, m.group(1), i)))
    found.sort(key=lambda f: f[:3])
    return [f[3] for f in found]


def test_clue_scans_split_by_first_letter_find_what_one_scan_finds():
    """The first words are searched with a few regexes (one per frequent first letter, one for the
    rest) instead of one: the same clues in the same order."""
    words = sorted(P._CLUE_GROUPS)
    pieces = words + [" ", "  ", "\n", "Gia Lai", "Hòn Quản", "ủy", "uỷ", "phố", "xã", "trấn", "thực hiện", "a",
                      "ĐÀ", "BAN", "Phát", "thanh", ",", "(", "th", "t", "h", "Truyền hình", "NHÂN DÂN"]
    texts = [p.read_text("utf-8") for p in SAMPLES] + _random_texts(pieces, 9, 20000, 12)
    for text in texts:
        assert P.find_clues(text) == _find_clues_one_regex(text), text


def test_the_split_scans_cover_the_first_words_once():
    """Each first word is found by exactly one of the scans: none is lost, none counted twice."""
    for word in P._CLUE_GROUPS:
        hits = [rx.pattern[:12] for rx in P._CLUE_FIRST_RES if (m := rx.match(word + " Gia")) and m.group() == word]
        assert len(hits) == 1, (word, hits)
