"""The shortcuts taken for ingest speed give the same answers as the plain way.

No timings here: speed is checked by bench/ingest.py. These tests pin the equivalences
the fast paths rely on, so a later change to a table or pattern cannot silently break them.
"""

from __future__ import annotations

import pickle
from pathlib import Path

from policygraph.graph.store import Store
from policygraph.ingest import deadlines, unit_clauses, unit_patterns
from policygraph.ingest.pipeline import _worker_parse, parse_file
from policygraph.ingest.places import _NAME_AFTER, CLUE_WORDS, Clue, find_clues
from policygraph.ingest.rows import decompress as _decompress
from policygraph.ingest.rows import file_row
from policygraph.ingest.walk import walk

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "data" / "samples").glob("*.txt"))


def _clues_word_by_word(text: str) -> list[Clue]:
    """find_clues as first written: one search per clue word."""
    out = []
    for level, words in CLUE_WORDS.items():
        for word in words:
            i = text.find(word)
            while i != -1:
                if i == 0 or not text[i - 1].isalpha():
                    m = _NAME_AFTER.match(text, i + len(word))
                    if m:
                        out.append(Clue(level, m.group(1), i))
                i = text.find(word, i + 1)
    out.sort(key=lambda c: (c.start, c.level))
    return out


def test_grouped_clue_search_finds_the_same_clues_in_the_same_order():
    texts = [p.read_text("utf-8") for p in SAMPLES]
    texts.append("Tỉnh ủy Gia Lai, Tỉnh Gia Lai, Thị ủy An Khê, Thị xã An Khê, Đảng ủy xã Ia Pa, Đảng ủy Khối")
    texts.append("tỉnhuyện Gia Lai, ²tỉnh Gia Lai, thị xã  An Khê, xã\tIa Pa, huyện  Bạch Thông, TỈNH ỦY GIA LAI")
    texts.append("Đài Phát thanh và Truyền hình Gia Lai, ỦY BAN NHÂN DÂN TỈNH GIA LAI, thành phố  Huế, Thành uỷ Huế, "
                 "tỉnh gia lai, Thị  xã An Khê, Đảng ủy xã  Ia Pa, Báo Nhân Dân, PHƯỜNG  Bến Thành")
    for text in texts:
        assert find_clues(text) == _clues_word_by_word(text)


def test_deadline_key_words_cover_every_pattern():
    """find_deadlines runs a pattern only when its key word is in the lower-cased clause."""
    for text in ("TRƯỚC NGÀY 15/12/2024", "Quý IV/2016", "trong THÁNG 3/2024", "NĂM 2017 sơ kết", "Định kỳ 6 tháng"):
        assert deadlines.find_deadlines(text, "2016-05-03"), text


def test_worker_rows_are_the_rows_put_document_writes(tmp_path):
    store = Store.open(tmp_path / "store")
    for path in SAMPLES:
        doc = parse_file(path)
        store.put_document(doc)
        outcome = _worker_parse((walk([path]).files[0], None))
        assert outcome.doc is None  # only the row crosses the process boundary
        assert outcome.row == file_row(doc)
        stored = store.conn.execute("SELECT * FROM files WHERE path=?", (doc.path,)).fetchone()
        assert tuple(outcome.row) == stored
        assert pickle.loads(_decompress(outcome.row.parsed)).symbol == doc.symbol
        assert _decompress(outcome.row.text).decode("utf-8") == doc.text
        assert outcome.citations == len(doc.citations)


def test_line_patterns_find_what_multiline_regexes_find():
    """LinePattern (a '\\n' probe, then the pattern at the line start) = re's MULTILINE finditer."""
    import random
    import re

    from policygraph.ingest import header, layout
    from policygraph.ingest.noise import GAZETTE_HEADER, LinePattern

    patterns = [
        GAZETTE_HEADER, header.OWN_NUMBER_RE, header.PLACE_DATE_RE, layout.HEADING_RE, layout.SIGNATURE_RE,
        layout.IMPLEMENTATION_RE, layout.NEXT_SECTION_RE, layout.RECIPIENTS_RE, layout.ON_BEHALF_RE,
        layout.PREAMBLE_END_RE, layout.ADDRESSEES_RE, layout.GROUNDS_HEADING_RE, layout.FIRST_ITEM_RE,
    ]
    pieces = ["\n", "\n\n", " ", "\t", "*", "#", "a", "Số:", " 45-KH/HU", "T/M", "TM.", "KT.", "Nơi nhận:", "KẾ HOẠCH",
              "Tổ chức thực hiện", "II.", "Điều 3.", "CÔNG BÁO/Số 5", "Hà Nội, ngày 5", "x"]
    rng = random.Random(3)
    texts = [p.read_text("utf-8") for p in SAMPLES]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 25))) for _ in range(3000)]
    for lp in patterns:
        assert isinstance(lp, LinePattern)
        plain = re.compile(lp.rx.pattern, lp.rx.flags)
        for text in texts:
            pos = rng.randint(0, len(text))
            end = rng.randint(pos, len(text) + 1)
            want = [(m.span(), m.groups()) for m in plain.finditer(text, pos, end)]
            assert [(m.span(), m.groups()) for m in lp.finditer(text, pos, end)] == want


def test_symbol_scan_finds_what_the_two_grammars_find():
    """SYMBOL_RE opens with a digit (fast scan); it finds what "(?<!…)(?:PARTY|STATE)" finds."""
    import random
    import re

    from policygraph.ingest import symbols as S

    dash, letters = f"[{S.DASHES}]", S._L
    party = rf"(?P<num>\d{{1,5}}[a-zđA-ZĐ]?){S.PARTY_TAIL}"
    state = rf"(?P<snum>\d{{1,5}}[a-zđA-ZĐ]?){S.STATE_TAIL}"
    assert dash in S.PARTY_TAIL and letters in S.PARTY_TAIL
    plain = re.compile(
        rf"(?<![\w/.,:{S.DASHES}])(?:{party}|{state})(?![^\W\d_\u00b9\u00b2\u00b3\u2070-\u2079]|[0-9_/])"
    )

    def key(m):
        return m.span(), m.group("num") or m.group("snum"), m.group("ptype", "piss", "syear", "scode")

    pieces = ["1", "23", "12345", "123456", "a", "c", " ", "-", "–", "/", "NQ", "TW", "CT-TTg", "2013", "QH15", ".",
              ",", "x", "Đ", "¹", "_", "5/", "KH/HU", "\t"]
    rng = random.Random(5)
    texts = [p.read_text("utf-8") for p in SAMPLES]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(20000)]
    for text in texts:
        assert [key(m) for m in S.SYMBOL_RE.finditer(text)] == [key(m) for m in plain.finditer(text)], text


def test_section_heading_pattern_matches_as_first_written():
    """SECTION_RE keeps the spaces after the number inside the number part; same matches as before."""
    import random
    import re

    from policygraph.ingest import layout

    first = re.compile(
        r"^[#>*\s]*(?:(?:(?P<roman>[IVXLC]{1,5})|Điều\s+(?P<art>\d+)|(?P<arab>\d{1,2}))\s*[.\-–):]\s*)?[*\s]*"
        r"(?i:tổ\s+chức\s+thực\s+hiện)[*\s:.]*$",
        re.MULTILINE,
    )
    pieces = ["\n", "\n\n", " ", "  ", "\t", "*", "#", ">", "II", "IV", "X", "3", "12", "Điều 4", ".", ":", ")", "-",
              "–", "Tổ chức thực hiện", "tổ  chức thực\nhiện", "TỔ CHỨC THỰC HIỆN", "x", "T"]
    rng = random.Random(9)
    texts = [p.read_text("utf-8") for p in SAMPLES]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))) for _ in range(30000)]
    for text in texts:
        want = [(m.span(), m.groups()) for m in first.finditer(text)]
        assert [(m.span(), m.groups()) for m in layout.IMPLEMENTATION_RE.finditer(text)] == want, text


def _same_matches(fast, first: str, pieces: list[str], seed: int, flags: int = 0, n: int = 20000) -> None:
    """`fast` (a rewritten pattern) finds what `first` (the pattern as first written) finds."""
    import random
    import re

    plain = re.compile(first, flags)
    rng = random.Random(seed)
    texts = [p.read_text("utf-8") for p in SAMPLES]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))) for _ in range(n)]
    for text in texts:
        pos = rng.randint(0, len(text))
        end = rng.randint(pos, len(text))
        want = [(m.span(), m.groups()) for m in plain.finditer(text, pos, end)]
        assert [(m.span(), m.groups()) for m in fast.finditer(text, pos, end)] == want, text


def test_sentence_patterns_match_as_first_written():
    from policygraph.ingest import citation_patterns

    pieces = ["\n", "\n\n", " ", "\t", "*", ".", "!", "?", ";", "A", "Đ", "a", "“", '"', "(", "- ", "• ", "12.", "3)",
              "IV.", "X-", "Ủy", "x"]
    _same_matches(
        citation_patterns.SENTENCE_START_RE,
        r"(?:[.!?](?=\s+[A-ZĐ“\"])|;|\n[ \t]*\n|\n(?=[ \t]*(?:[-•+*]|\d+[.)]|[IVX]+[.\-]))|(?<=[^ \n])\n(?=[A-ZĐ]))",
        pieces,
        seed=11,
    )
    _same_matches(
        unit_patterns.SENTENCE_END_RE, rf"[.!?][\s*]+(?=[*\"“(]*[{unit_patterns.UPPER}])|;\s*", pieces, seed=12
    )


def test_deadline_gate_is_the_case_insensitive_search():
    """find_deadlines tests str.lower() for its key words instead of IGNORECASE patterns: same answer."""
    import re
    import sys

    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    for letter in set("".join(deadlines.KEY_WORDS)):
        by_re = set(re.findall("(?i)" + re.escape(letter), every))
        assert by_re == {c for c in every if c.lower() == letter}, letter
    assert all(len(c.lower()) == 1 or not set(c.lower()) & set("".join(deadlines.KEY_WORDS)) for c in every)


def test_number_tail_search_from_its_floor_finds_the_leftmost_match():
    """lookback searches _NUMBER_TAIL_RE from _tail_floor(window): the same match as from 0."""
    import random
    import re

    from policygraph.ingest import citation_patterns


    assert {c for c in map(chr, range(0x3000)) if re.fullmatch("(?i)[số]", c)} <= set(citation_patterns._TAIL_CHARS)
    pieces = ["số", "Số", "SỐ", "ſố", " ", "\t", ":", "1", "23", "٣", "a", "b", ",", "và", "\n", "x", "Nghị quyết",
              "Kế hoạch", "Đ", ".", "²"]
    rng = random.Random(4)
    windows = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))) for _ in range(30000)]
    for w in windows:
        a = citation_patterns._NUMBER_TAIL_RE.search(w)
        b = citation_patterns._NUMBER_TAIL_RE.search(w, citation_patterns._tail_floor(w))
        assert (a.span(), a.groups()) == (b.span(), b.groups()), w


def test_line_head_is_the_four_patterns_in_turn():
    """_strip_line matches LINE_HEAD_RE once: the same as markup, number, bullet, markup one after another."""
    import random


    def in_turn(text, start, end):
        pos = unit_patterns.MARKUP_RE.match(text, start, end).end()
        numbered = bulleted = False
        m = unit_patterns.NUMBER_RE.match(text, pos, end)
        if m and m.group("num"):
            numbered, pos = True, m.end()
        elif m:
            bulleted, pos = True, m.end()
        b = unit_patterns.BULLET_RE.match(text, pos, end)
        if b:
            bulleted, pos = True, b.end()
        return unit_patterns.MARKUP_RE.match(text, pos, end).end(), numbered, bulleted

    pieces = [" ", "\t", "*", "#", ">", "_", "1", "12", ".", "-", "–", ")", "/", ":", "IV", "a", "đ", "+", "•", "x",
              "Ban"]
    rng = random.Random(13)
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))
        end = rng.randint(0, len(text))
        assert unit_clauses._strip_line(text, 0, end) == in_turn(text, 0, end), text


def _mask_line_by_line(text: str) -> str:
    """mask_noise as first written: every pattern tried on every line."""
    import re

    from policygraph.ingest import noise as N

    lines = text.split("\n")
    is_gazette = bool(re.compile(N.GAZETTE_HEADER.rx.pattern, re.MULTILINE | re.IGNORECASE).search(text))
    out = list(lines)
    header_rows = [i for i, line in enumerate(lines) if N.GAZETTE_HEADER.match(line)]
    for i in header_rows:
        out[i] = N._blank(lines[i])
        for j in (i - 2, i - 1, i + 1, i + 2):
            if 0 <= j < len(lines) and N.PAGE_NUMBER.match(lines[j]):
                out[j] = N._blank(lines[j])
    i = 0
    while i < len(lines):
        if N.SIGNATURE_START.match(lines[i]):
            out[i] = N._blank(lines[i])
            i += 1
            while i < len(lines) and N.SIGNATURE_FIELD.match(lines[i]):
                out[i] = N._blank(lines[i])
                i += 1
            continue
        i += 1
    if is_gazette:
        headers, i, n = set(header_rows), 1, len(lines)
        while i < n:
            if not lines[i - 1].strip() and N.FOOTNOTE_START.match(lines[i]):
                end = next((j for j in range(i + 1, min(n, i + 25)) if j in headers), None)
                if end is None and n - i <= 25:
                    end = n
                if end is not None:
                    for j in range(i, end):
                        out[j] = N._blank(lines[j])
                    i = end
                    continue
            i += 1
    return "\n".join(out)


def test_mask_noise_tests_only_candidate_lines_and_masks_the_same():
    import random

    from policygraph.ingest.noise import mask_noise

    pieces = ["\n", "\n", "\n", " ", "CÔNG BÁO/Số 5/Ngày 1", "công báo\n/ Số 3", "12", " 3", "Ký bởi: A", "ký bởi\n:",
              "Cơ quan: B", "Email: x", "12 Điều này", "5 a", "1.", "text", "Ngày ký: 3"]
    rng = random.Random(21)
    texts = [p.read_text("utf-8") for p in SAMPLES]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(10000)]
    for text in texts:
        assert mask_noise(text) == _mask_line_by_line(text), text


def test_memoised_symbol_parse_raises_a_fresh_error_each_time():
    import pytest

    from policygraph.ingest import symbols

    errors = []
    for _ in range(2):
        with pytest.raises(symbols.UnknownIssuer, match="unknown Party issuer code 'XYZ'") as info:
            symbols.parse("25-NQ/XYZ")
        errors.append(info.value)
    assert errors[0] is not errors[1]
    assert symbols.parse("25-NQ/TW") is symbols.parse("25 - NQ/TW")  # frozen, shared
    assert str(symbols.parse("30-CTR/TU")) == "30-CTr/TU"


def test_actor_pattern_matches_as_first_written():
    from policygraph.ingest import header

    first = (
        r"(?P<actor>(?:Ban Thường vụ[ \t]+)?(?:Ban Chấp hành[ \t]+)?(?:Tỉnh ủy|Tỉnh uỷ|Thành ủy|Huyện ủy|Huyện uỷ|"
        r"Quận ủy|Thị ủy|Đảng ủy|Đảng uỷ|Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Hội đồng nhân dân|HĐND|"
        r"Ban [A-ZĐ][\w ]{2,40}?|Sở [A-ZĐ][\w ]{2,40}?)(?:[ \t]+[\wÀ-ỹ]+){0,4}?)[ \t]+(?:xây dựng|ban hành)[ \t]+"
        r"(?:Kế hoạch|kế hoạch|Chương trình|chương trình|Hướng dẫn|hướng dẫn|Nghị quyết|Chỉ thị|Quyết định|Đề án)"
    )
    pieces = ["Ban Thường vụ ", "Ban Chấp hành ", "Huyện ủy ", "Hòn Quản ", "Ban Dân vận ", "Sở Nội vụ ", "UBND ",
              "tỉnh ", "xây dựng ", "ban hành ", "Kế hoạch", "Đề án", ", ", "\t", "Đảng uỷ ", "x "]
    _same_matches(header.ACTOR_RE, first, pieces, seed=17)
