"""The shortcuts units.py takes for ingest speed give the same answers as the plain way.

No timings here; each test pins an equivalence a fast path relies on, on random texts built
from the pieces that matter to it.
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import asdict
from pathlib import Path

from policygraph.ingest import layout, unit_clauses, unit_frame, unit_patterns
from policygraph.ingest import units as U
from policygraph.ingest.noise import mask_noise
from policygraph.ingest.reader import read_document

EVERY_CHAR = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)


def _random_texts(pieces: list[str], seed: int, longest: int, shortest: int = 0, count: int = 30000):
    """(rng, text) pairs: texts of `shortest` to `longest` random pieces; the test may draw more from rng."""
    rng = random.Random(seed)
    for _ in range(count):
        yield rng, "".join(rng.choice(pieces) for _ in range(rng.randint(shortest, longest)))


def test_gate_words_are_the_case_insensitive_search():
    """A clause is searched for CO_LEAD_RE / REPORT_RE only when str.lower() holds the gate word: no match is lost."""
    for letter in set("".join(unit_clauses.GATE_WORDS.values())):
        by_re = set(re.findall("(?i)" + re.escape(letter), EVERY_CHAR))
        assert by_re == {c for c in EVERY_CHAR if c.lower() == letter}, letter
    for word, rx in (
        (unit_clauses.GATE_WORDS["co_lead"], unit_patterns.CO_LEAD_RE),
        (unit_clauses.GATE_WORDS["report"], unit_patterns.REPORT_RE),
    ):
        assert rx.pattern.startswith("(?i:" + word), rx.pattern  # the word opens every match


def _line_open_in_turn(text: str, start: int, end: int) -> tuple[int, bool, str]:
    """Line head, then "trách nhiệm của", then the first word: three matches one after the other."""
    pos, numbered, _ = unit_clauses._strip_line(text, start, end)
    rm = unit_clauses._RESP_RE.match(text, pos, end)
    if rm:
        pos = rm.end()
    word = re.compile(r"\w*").match(text, pos, end).group(0)
    return pos, numbered, word


def test_line_open_is_head_responsibility_and_word_in_turn():
    pieces = [
        " ",
        "\t",
        "*",
        "#",
        "_",
        "1",
        "12",
        ".",
        "-",
        ")",
        "IV",
        "a",
        "đ",
        "+",
        "•",
        "x",
        "Ban",
        "trách nhiệm",
        "Trách  nhiệm của",
        " của",
        "Ủy",
        ";",
    ]
    for rng, text in _random_texts(pieces, 21, 9):
        end = rng.randint(0, len(text))
        m = unit_clauses._LINE_OPEN_RE.match(text, 0, end)
        assert (m.start("word"), m.group("num") is not None, m.group("word")) == _line_open_in_turn(text, 0, end)


def _clauses_in_turn(text: str, start: int, end: int) -> list[tuple[int, int, bool, str]]:
    """Clauses by SENTENCE_END_RE, each first word read again at the clause start."""
    out, pos, opens = [], start, True
    for m in unit_patterns.SENTENCE_END_RE.finditer(text, start, end):
        stop = m.start() + (text[m.start()] != ";")
        if stop > pos:
            out.append((pos, stop, opens))
        opens = text[m.start()] != ";"
        pos = m.end()
    if pos < end:
        out.append((pos, end, opens))
    return [(s, e, o, re.compile(r"\w*").match(text, s, end).group(0)) for s, e, o in out]


def test_clauses_read_the_first_words_the_scan_would_read():
    pieces = [" ", "  ", "\t", "*", ".", "!", "?", ";", "A", "Đ", "a", "“", '"', "(", "Ban", "ủy", "x", "_", "1"]
    for rng, text in _random_texts(pieces, 22, 12):
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        word = re.compile(r"\w*").match(text, start, end).group(0)
        breaks = unit_clauses._Breaks(text, start, end).within(start, end)
        assert unit_clauses._clauses(text, start, end, word, breaks) == _clauses_in_turn(text, start, end), text


def test_breaks_of_a_part_are_the_breaks_of_its_lines():
    """_Breaks searches a whole part of a text once; each line gets what SENTENCE_END_RE finds in it."""
    pieces = [" ", "  ", "\t", "\n", "\n\n", " \n", "*", ".", "!", "?", ";", "A", "Đ", "a", "“", "(", "Ban", "1."]
    for rng, text in _random_texts(pieces, 26, 16, count=20000):
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        breaks = unit_clauses._Breaks(text, start, end)
        line_start = start
        for line in text[start:end].split("\n"):
            line_end = line_start + len(line)
            pos = rng.randint(line_start, line_end)
            want = [
                (m.start(), m.end(), re.compile(r"\w*").match(text, m.end(), line_end).group(0))
                for m in unit_patterns.SENTENCE_END_RE.finditer(text, pos, line_end)
            ]
            got = [(m.start(), m.start("word"), m.group("word")) for m in breaks.within(pos, line_end)]
            assert got == want, (text, pos, line_end)
            line_start = line_end + 1


def test_deadline_patterns_run_only_when_their_gate_words_are_written():
    """Every match of DAY_RE, DAY_BARE_RE (and its "/"), MILESTONE_RE and QUARTER_RE holds a gate word in lower
    case: a gated clause has none."""
    from policygraph.ingest import deadlines as D

    pieces = [
        "trước",
        "TRƯỚC NGÀY",
        "chậm nhất ngày",
        "Chậm Nhất là vào",
        "đến hết ngày",
        "hoàn thành trước ngày",
        "xong",
        "hoặc",
        " ngày",
        " 15",
        "/12",
        "/2024",
        " 10 tháng 12",
        " năm 2024",
        "NĂM 2017",
        " quý",
        " Quý",
        " IV",
        " ii",
        " 3",
        "sơ kết",
        "Tổng kết",
        "trong",
        "Trong năm",
        " ",
        "\t",
        ",",
        "hằng năm",
        "x",
    ]
    for _rng, text in _random_texts(pieces, 23, 10, shortest=1):
        for rx, gate in ((D.DAY_RE, D.DAY_GATE), (D.DAY_BARE_RE, D.DAY_GATE), (D.MILESTONE_RE, D.MILESTONE_GATE)):
            for m in rx.finditer(text):
                assert any(w in m.group(0).lower() for w in gate), (text, m.group(0))
        for m in D.DAY_BARE_RE.finditer(text):
            assert "/" in m.group(0), (text, m.group(0))
        for m in D.QUARTER_RE.finditer(text):
            assert D._QUARTER_GATE_RE.search(m.group(0).lower()), (text, m.group(0))


def test_role_pattern_is_the_role_patterns_in_turn():
    def in_turn(text, end, given):
        for rx, role in unit_patterns.ROLE_RES:
            if rx.match(text, 0, end):
                return role
        return "lead" if given and unit_patterns.GIVEN_LEAD_RE.match(text, 0, end) else "execute"

    pieces = [
        " ",
        "  ",
        "\t",
        "chủ trì",
        "Chủ  trì",
        "là",
        "làm",
        " cơ quan",
        " đầu mối",
        " thường trực",
        "theo dõi,",
        " kiểm tra,",
        " đôn đốc",
        "có trách nhiệm ",
        "tăng cường ",
        "phối hợp",
        "PHỐI HỢP",
        "tham mưu",
        "x",
        ",",
    ]
    for rng, text in _random_texts(pieces, 24, 6):
        end = rng.randint(0, len(text))
        given = rng.random() < 0.5
        assert unit_clauses._role(text, 0, end, given) == in_turn(text, end, given), text


def test_one_line_is_split_and_join():
    every_space = [c for c in EVERY_CHAR if c.isspace()]
    assert [c for c in every_space if c.isprintable()] == [" "]  # what the shortcut relies on
    pieces = [" ", "  ", "\t", "\n", "\xa0", "\u2003", "\u200b", "a", "Ủy", ".", "\x1c"]
    for _rng, text in _random_texts(pieces, 25, 8):
        assert unit_clauses._one_line(text) == " ".join(text.split()), repr(text)


ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "data" / "samples").glob("*.txt"))
GAZETTE = ROOT.parent / "shared" / "corpus" / "gazette"


def _masked(paths) -> list[str]:
    return [mask_noise(read_document(p)) for p in paths]


def test_markup_line_patterns_find_what_multiline_regexes_find():
    """MarkupLinePattern starts no probe on a blank line, then goes back over the blank lines above: re's MULTILINE
    finditer all the same, from any start to any end, on masked gazette texts (blanked-out blocks) and random ones."""
    patterns = [layout.IMPLEMENTATION_RE, layout.NEXT_SECTION_RE, layout.RECIPIENTS_RE, layout.ON_BEHALF_RE,
                layout.ADDRESSEES_RE]
    pieces = [
        "\n",
        "\n\n",
        " \n",
        "   \n",
        "\t\n",
        " ",
        "  ",
        "\t",
        "*",
        "#",
        ">",
        "II",
        "IV.",
        "3",
        "Điều 4.",
        "Chương V",
        ".",
        ":",
        ")",
        "-",
        "Tổ chức thực hiện",
        "tổ  chức thực\nhiện",
        "TỔ CHỨC THỰC HIỆN",
        "Nơi nhận:",
        "T/M",
        "TM. ",
        "x",
        "\xa0",
        "\r",
    ]
    real = _masked(SAMPLES + sorted(GAZETTE.glob("*.txt"))[:12])
    assert any(re.search(r"(?:\n {20,}){5}", t) for t in real)  # blanked-out blocks are there to be crossed
    rng = random.Random(27)
    texts = [(t, True) for t in real]
    texts += [("".join(rng.choice(pieces) for _ in range(rng.randint(0, 16))), False) for _ in range(20000)]
    for lp in patterns:
        assert isinstance(lp, layout.MarkupLinePattern)
        plain = re.compile(lp.rx.pattern, lp.rx.flags)
        for text, whole in texts:
            start = rng.randint(0, len(text))
            end = rng.randint(start, len(text) + 1)
            for pos, endpos in ((0, len(text)), (start, end)) if whole else ((start, end),):
                want = [(m.span(), m.groups()) for m in plain.finditer(text, pos, endpos)]
                assert [(m.span(), m.groups()) for m in lp.finditer(text, pos, endpos)] == want, (text, pos, endpos)


def test_issue_verb_is_where_the_search_from_the_spaces_before_it_starts():
    """ISSUE_VERB_RE opens on the verb: _issue_verb's start is the start of the search with the spaces before it."""
    plain = re.compile(r"\s+" + unit_patterns.ISSUE_VERB_RE.pattern.removeprefix(r"(?<=\s)"))
    assert plain.pattern != r"\s+" + unit_patterns.ISSUE_VERB_RE.pattern
    pieces = [
        " ",
        "  ",
        "\n",
        " \n ",
        "\t",
        "\xa0",
        "\u2003",
        "xây dựng",
        "XÂY  DỰNG",
        "ban\nhành",
        "Ban hành",
        " kế hoạch",
        "Kế Hoạch",
        " đề án",
        "nghị quyết",
        "x",
        ",",
        "Ủy ban nhân dân tỉnh",
    ]
    texts = _masked(SAMPLES + sorted(GAZETTE.glob("*.txt")))
    assert sum(unit_frame._issue_verb(t) is not None for t in texts) >= 4
    texts += [text for _rng, text in _random_texts(pieces, 28, 10)]
    texts += [" " * 3990 + "ban hành kế hoạch", " " * 3985 + "ban hành kế hoạch"]  # the search ends at 4000
    for text in texts:
        want = plain.search(text, 0, min(len(text), 4000))
        assert unit_frame._issue_verb(text) == (want.start() if want else None), text


def test_assignments_of_a_unit_share_one_mention_that_nothing_changes():
    """_resolve_once hands one mention to each assignment of a unit written once: the graph, merge_assignments and
    reporters_of read it and leave it as extracted, so every assignment keeps what a copy of its own would hold."""
    from policygraph.graph.identity import resolve
    from policygraph.ingest.pipeline import parse_file

    docs = [parse_file(p) for p in SAMPLES + sorted(GAZETTE.glob("*.txt"))[:6]]
    before = [asdict(d.units) for d in docs]
    shared = sum(len(d.units.assigns) - len({id(a.unit) for a in d.units.assigns}) for d in docs)
    assert shared > 50  # a heading's units take every task below it
    resolve(docs)
    for d in docs:
        U.merge_assignments(d.units.assigns)
        for line in d.units.reports_to:
            U.reporters_of(d.units, line)
    assert [asdict(d.units) for d in docs] == before
