"""The fast paths of citation finding and the header reader give the same answers as the plain way.

Like test_ingest_speed_invariants.py: no timings, only the equivalences the shortcuts rely on.
"""

from __future__ import annotations

import importlib
import random
import re
from pathlib import Path

from policygraph.ingest import symbols as S

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "data" / "samples").glob("*.txt"))


def test_symbols_found_from_their_slashes_are_the_symbol_scan():
    """iter_symbols (slash first, then the heads before it) = SYMBOL_RE.finditer."""
    parser = getattr(re, "_parser", None) or importlib.import_module("sre_parse")  # re._parser from Python 3.11
    assert parser.parse(S._HEAD_RE.pattern).getwidth()[1] == S._HEAD_WIDTH + 1  # + the "/"

    def key(m):
        return m.span(), m.groups()

    pieces = ["1", "23", "12345", "123456", "a", "c", " ", "  ", "-", "–", "/", "NQ", "TW", "CT-TTg", "2013", "2000/",
              "QH15", ".", ",", "x", "Đ", "đ", "Ð", "¹", "_", "5/", "KH/HU", "\t", "ABCDE", "19", "/ ", " /", "٣",
              "T/M", "03/6/2013"]
    rng = random.Random(5)
    texts = [p.read_text("utf-8") for p in SAMPLES]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 16))) for _ in range(30000)]
    for text in texts:
        assert [key(m) for m in S.iter_symbols(text)] == [key(m) for m in S.SYMBOL_RE.finditer(text)], text


def test_clue_first_words_as_a_trie_match_as_the_longest_first_alternation():
    """_CLUE_FIRST_RE shares the first words' prefixes: same matches as the plain alternation."""
    from policygraph.ingest import places as P

    words = sorted(P._CLUE_GROUPS, key=len, reverse=True)
    look = P._CLUE_FIRST_RE.pattern[len(P._trie_pattern(sorted(P._CLUE_GROUPS))) :]
    plain = re.compile("(?:" + "|".join(map(re.escape, words)) + ")" + look)
    nested = ["a", "ab", "abc", "b", "bd"]  # words that are prefixes of others keep longest-first order
    assert re.compile(P._trie_pattern(nested) + "(?=x)").findall("abx abcx ax abcbx bdx") == [
        "ab", "abc", "a", "b", "bd"
    ]
    pieces = words + [" ", "  ", "Gia Lai", "ủy", "phố", "xã", "trấn", "a", "\n", "ĐÀ"]
    rng = random.Random(8)
    texts = [p.read_text("utf-8") for p in SAMPLES]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))) for _ in range(20000)]
    for text in texts:
        assert [m.span() for m in P._CLUE_FIRST_RE.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_subject_stops_found_in_two_scans_are_the_subject_stop_pattern():
    """_subject_stop_match (the marks, then the phrases with the spaces before them) = SUBJECT_STOP_RE.search."""
    from policygraph.ingest import citation_patterns as C
    from policygraph.ingest.noise import mask_noise
    from policygraph.ingest.reader import read_document

    def ref(text, a, b):
        m = C.SUBJECT_STOP_RE.search(text, a, b)
        return (m.start(), m.end()) if m else None

    rng = random.Random(11)
    pieces = [" ", "\n", ",", "(", ")", "đã", " đã ", "được sửa đổi", "được\nbổ sung", "có hiệu lực", "hết  hiệu lực",
              "Khoản 2", "Điểm a", "Điều 5,", "Điều 12\n", "Điều 3 Bộ", "abc", "Xyz", ";", ". ", "\n\n", ":", " : ",
              "(sau đây", "\nThực hiện", "\n- ", "cóhiệu lực", "xđã được sửa đổi", "\t", "Ủy ban"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12)))
        a = rng.randrange(len(text))
        b = rng.randrange(a, len(text) + 1)
        assert C.subject_stop_match(text, a, b) == ref(text, a, b), (text, a, b)
    for path in SAMPLES:
        text = mask_noise(read_document(path))
        for a in range(0, len(text), 7):
            assert C.subject_stop_match(text, a, min(len(text), a + 600)) == ref(text, a, min(len(text), a + 600))
