"""Governing clauses: how the citing document relates to each citation ("Thực hiện …" implements, "Căn
cứ …" based_on, references otherwise; what follows an actor's clause is not governed by the trigger) and
which edges the text asserts between two cited documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policygraph.ingest.citation_finder import Found, Sentences, find_raw, sentence_of
from policygraph.ingest.citation_patterns import (
    CAPITALS,
    CLAUSE_TRIGGER_RE,
    CONNECTOR_RE,
    LINK_RE,
    TRIGGER,
    TYPE_NAMES,
    gapped,
    line_triggers,
)
from policygraph.ingest.layout import preamble
from policygraph.ingest.models import AssertedEdge, Citation
from policygraph.vocabulary import EdgeType


def preamble_end(text: str) -> int:
    """Where the preamble ends (the layout's answer, read once per text)."""
    return preamble(text)[0]


def extract_citations(text: str) -> tuple[list[Citation], list[AssertedEdge]]:
    """find + link in one pass: the citations with their relations, and the asserted edges."""
    seen: Sentences = {}
    found = find_raw(text, seen)
    return [f.citation for f in found], _link(text, found, seen)


def link_citations(text: str, citations: list[Citation]) -> list[AssertedEdge]:
    """Set each citation's relation and return the edges the text asserts between cited documents."""
    return _link(text, _refind(text, citations))


def _link(text: str, found: list[Found], seen: Sentences | None = None) -> list[AssertedEdge]:
    seen = {} if seen is None else seen
    asserted: list[AssertedEdge] = []
    targets: set[int] = set()
    for i in range(1, len(found)):
        a, b = found[i - 1], found[i]
        if a.citation.start == b.citation.start:
            continue
        gap = text[a.tail_end : b.lookback_start] if a.tail_end <= b.lookback_start else None
        # "X … thực hiện Y" within one sentence; never across a paragraph (a title and the preamble) nor
        # into a line that opens a sentence ("… của Tỉnh ủy\nThực hiện Y": a title, then the preamble, in a
        # text without blank lines), and a document does not implement itself
        if (
            gap is not None
            and "\n\n" not in text[a.citation.end : b.lookback_start]
            and LINK_RE.match(gap)
            and not _opens_a_line(gap)
            and a.citation.symbol != b.citation.symbol
        ):
            src = i - 1
            while src > 0 and found[src - 1].citation.start == found[src].citation.start:
                src -= 1
            asserted.append(
                AssertedEdge(
                    src,
                    i,
                    "implements",
                    sentence_of(text, a.lookback_start, b.citation.end, seen),
                    a.lookback_start,
                    b.citation.end,
                )
            )
            targets.add(i)
    end = preamble_end(text)
    governed: dict[int, _Governed] = {}
    for i, f in enumerate(found):
        c = f.citation
        c.relation = EdgeType.REFERENCES
        if c.start >= end or i in targets:
            continue
        g = governed[i] = _govern(text, f.lookback_start, found, i, governed)
        c.relation = g.relation or EdgeType.REFERENCES
    asserted += _actor_edges(text, found, governed, seen)
    return asserted


_LINE_WORD_RE = re.compile(r"\n[ \t*#_>-]*(\w)")


def _opens_a_line(gap: str) -> bool:
    """Whether a line in `gap` opens with a capital: a new sentence, as no sentence goes on in one."""
    return any(m.group(1).isupper() for m in _LINE_WORD_RE.finditer(gap))


def _actor_edges(
    text: str, found: list[Found], governed: dict[int, _Governed], seen: Sentences
) -> list[AssertedEdge]:
    """ "Thực hiện X, Y; Huyện ủy xây dựng Kế hoạch số W": the actor's numbered document W is
    what implements X and Y (the citing text may only report it, as news does)."""
    out = []
    for w, gw in governed.items():
        if not gw.actor_plan or gw.trigger is None:
            continue
        for j in range(w):
            gj = governed.get(j)
            fj = found[j]
            if gj is None or gj.trigger != gw.trigger or fj.citation.relation != EdgeType.IMPLEMENTS:
                continue
            if fj.citation.start >= gw.actor or fj.citation.start == found[w].citation.start:
                continue
            end = found[w].citation.end
            out.append(
                AssertedEdge(
                    w, j, EdgeType.IMPLEMENTS, sentence_of(text, fj.lookback_start, end, seen), fj.lookback_start, end
                )
            )
    return out


def preamble_relation(text: str, pos: int, end: int | None = None) -> str:
    """The relation of something named at `pos` that is not a numbered citation (a congress
    resolution, a law by name): the same preamble rules, with no neighbour citation to share.
    `end` is preamble_end(text), when the caller has it."""
    if pos >= (preamble_end(text) if end is None else end):
        return EdgeType.REFERENCES
    return _govern(text, pos, [], 0, {}).relation or EdgeType.REFERENCES


def sentence_around(text: str, start: int, end: int, seen: Sentences | None = None) -> str:
    """The sentence that holds text[start:end], on one line: a citation's evidence."""
    return sentence_of(text, start, end, {} if seen is None else seen)


@dataclass(frozen=True)
class _Governed:
    relation: str | None  # implements | based_on | references; None: no trigger governs it
    trigger: int | None = None  # where the trigger that governs it starts
    actor: int | None = None  # where the actor's clause starts, when the citation stands in it
    actor_plan: bool = False  # it is the document the actor issues ("… xây dựng Kế hoạch số W")


_NOT_GOVERNED = _Governed(None)
# the words of a body that opens a clause as its actor: "…, Ban Thường vụ Huyện ủy xây dựng …"
_ACTOR_BODIES = (
    "Ban Thường vụ|Ban Chấp hành|Thường trực|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Quận ủy|Quận uỷ|"
    "Thị ủy|Thị uỷ|Đảng ủy|Đảng uỷ|Đảng đoàn|Chi bộ|Chi ủy|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Ban|Sở|Bộ|Chính phủ|"
    "Thủ tướng|Văn phòng|Mặt trận|MTTQ|BTV|BCH|BCĐ|Đoàn|Hội"
)
# the verbs of that clause (lower case: "Ban Tổ chức" is a name, "tổ chức" a verb)
_ACTOR_VERBS = "ban hành|xây dựng|báo cáo|đề nghị|yêu cầu|thông báo|chỉ đạo|quyết định|thống nhất|kết luận|đề ra"
# The actor's clause: a punctuation mark, maybe a date ("Ngày 10/12/2019, "), a capitalised body and,
# before any "về"/"của" (which would make the body an issuer's or a subject's words), its verb.
# What the preamble's trigger governs ends there: "Thực hiện Hướng dẫn số X …, Ban Thường vụ báo cáo
# kết quả thực hiện Nghị quyết số Y" implements X, and only reports on Y.
ACTOR_RE = re.compile(
    rf"[,.;][ \t\n]+(?:Ngày[^,;\n]{{1,25}},[ \t\n]+)?(?:{_ACTOR_BODIES})\b"
    rf"(?:(?!\b(?:về|của|theo|tại)\b)[^,;.]){{0,80}}?[ \t\n](?:(?:đã|vừa|sẽ|khẩn trương)[ \t\n]+)*"
    rf"(?P<verb>{gapped(_ACTOR_VERBS)})\b"
)
# in the actor's clause the document describes itself: "ban hành Chương trình hành động thực hiện Y"
_SELF_LINK_RE = re.compile(
    rf"(?:ban hành|xây dựng)[ \t\n]+(?:{TYPE_NAMES})(?:[ \t\n]+hành[ \t\n]+động)?(?:[ \t\n]+(?:để|nhằm))?"
    rf"(?:[ \t\n]+tiếp[ \t\n]+tục)?(?:[ \t\n]+triển[ \t\n]+khai)?"
    rf"[ \t\n]+(?:thực[ \t\n]+hiện|triển[ \t\n]+khai|cụ[ \t\n]+thể[ \t\n]+h(?:óa|oá))[ \t\n]*$",
    re.IGNORECASE,
)
# the actor issues the document named next: "… đã xây dựng [Kế hoạch số W]"
_ACTOR_ISSUES_RE = re.compile(r"(?:ban hành|xây dựng)[ \t\n]*$")
# a previous citation's subject that runs into this one joins it ("… về A và [Kết luận số …]",
# "… và triển khai [Nghị quyết số …]"); else this one is inside it ("… về tổ chức sơ kết việc
# thực hiện [Chỉ thị số 05-CT/TW]")
_JOINS_NEXT_RE = re.compile(
    r"(?:,|\bvà|\bcùng)(?:[ \t\n]+(?:tiếp[ \t\n]+tục|triển[ \t\n]+khai|thực[ \t\n]+hiện|quán[ \t\n]+triệt))*"
    r"[ \t\n]*$",
    re.IGNORECASE,
)
# a trigger after a heading in capitals on the same line: a text whose line ends were lost
# ("… THƯƠNG BINH VÀ XÃ HỘI Căn cứ Nghị định số …")
_FLAT_TRIGGER_RE = re.compile(rf"(?<=(?-i:[{CAPITALS}][{CAPITALS}])[ \t])" + TRIGGER, re.IGNORECASE)


def _govern(text: str, pos: int, found: list[Found], index: int, governed: dict[int, _Governed]) -> _Governed:
    """The trigger ("Thực hiện", "Căn cứ") that governs a preamble citation, if any.

    A citation joined to the previous one by "và" or a comma shares its relation
    ("Thực hiện Nghị quyết … và Kế hoạch …"); one the previous citation's subject runs into is
    part of that subject, and only referenced. Otherwise the clause (back to the previous
    ';' or blank line) must open with a trigger, or one of its lines must; a clause
    with none continues the previous clause of the same paragraph. What follows the actor's
    clause (ACTOR_RE) is not governed by the trigger, save the document the text says it is
    ("ban hành Kế hoạch thực hiện Y").
    """
    if index > 0:
        prev = found[index - 1]
        if prev.citation.start < pos and prev.subject_end <= pos:
            if prev.subject_open and prev.subject_end == pos and not _JOINS_NEXT_RE.search(text, max(0, pos - 60), pos):
                return _Governed(EdgeType.REFERENCES)
            if CONNECTOR_RE.match(text, prev.subject_end, pos):
                if prev.citation.relation == EdgeType.REFERENCES:
                    return _NOT_GOVERNED
                return governed.get(index - 1) or _Governed(prev.citation.relation)
    if index > 0 and _inside_description(text, found[index - 1], pos):
        return _Governed(EdgeType.REFERENCES)
    trigger = _trigger_before(text, pos)
    grounds = preamble(text)[1]
    if grounds is not None and grounds < pos and (trigger is None or trigger.start() < grounds):
        return _Governed(
            EdgeType.BASED_ON, grounds
        )  # listed under "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH" with no trigger of its own
    if trigger is None or not (trigger.group("impl") or trigger.group("base")):
        return _NOT_GOVERNED
    relation = EdgeType.IMPLEMENTS if trigger.group("impl") else EdgeType.BASED_ON
    actor = ACTOR_RE.search(text, trigger.end(), pos)
    if actor is None:
        return _Governed(relation, trigger.start())
    lead = text[actor.start("verb") : pos]
    if _SELF_LINK_RE.search(lead):
        return _Governed(EdgeType.IMPLEMENTS, trigger.start(), actor.start())
    return _Governed(EdgeType.REFERENCES, trigger.start(), actor.start(), _ACTOR_ISSUES_RE.search(lead) is not None)


# a trigger that opens a sentence inside the clause: "… giai đoạn 2021-2025. Trên cơ sở Kế hoạch số …"
# (opens with the literal full stop, so re skips to those in C)
SENTENCE_TRIGGER_RE = re.compile(r"\.[ \t]+" + TRIGGER, re.IGNORECASE)


def _capitalised(m: re.Match) -> bool:
    return m.group(0).lstrip(". \t")[:1].isupper()


# what a cited document does, said right after its number, date and issuer: "Thông tư số 36/2006/TT-BVHTT …
# hướng dẫn thực hiện một số điều của Quy chế … ban hành kèm theo [Nghị định số 91/2005/NĐ-CP]". Not "sửa đổi":
# a text amended ("X sửa đổi … của Y", "Y được sửa đổi bởi X") is a ground as amended, with what amends it.
_DESCRIBES_RE = re.compile(
    r"[ \t\n,]*(?:\([^()]{0,120}\)[ \t\n,]*)?"  # "(nay là Bộ …)" after the issuer
    r"(?:" + gapped("ban hành|hướng dẫn|quy định|phê duyệt|thay thế|bãi bỏ") + r")\b",
    re.IGNORECASE,
)


_AMENDED_BY_RE = re.compile(r"\bđược[ \t\n]+(?:sửa|bổ|thay|hợp)", re.IGNORECASE)


def _inside_description(text: str, prev: Found, pos: int) -> bool:
    """Whether the citation at `pos` is named inside what the previous one is said to do (_DESCRIBES_RE), in the
    same clause and not joined to it ("…, và Nghị định số …"): then it is that document's content, not a ground."""
    if not (prev.citation.start < prev.tail_end <= pos) or pos - prev.tail_end > 300:
        return False
    gap = text[prev.tail_end : pos]
    if ";" in gap or "\n\n" in gap or _JOINS_NEXT_RE.search(gap) or not _DESCRIBES_RE.match(gap):
        return False
    if _AMENDED_BY_RE.search(gap):  # "… được sửa đổi, bổ sung bởi Nghị định số …": the amending text is a ground too
        return False
    # a sentence or a line that opens with its own trigger ends the description
    if any(_capitalised(m) for m in SENTENCE_TRIGGER_RE.finditer(gap)):
        return False
    return not line_triggers(text, prev.tail_end, pos)


def _trigger_before(text: str, pos: int) -> re.Match | None:
    """The trigger of the clause that holds `pos` (see _govern), or None."""
    cursor = pos
    while cursor > 0:
        para = text.rfind("\n\n", 0, cursor)
        semi = text.rfind(";", 0, cursor)
        clause_start = max(para, semi, 0)
        opening = CLAUSE_TRIGGER_RE.match(text, clause_start + (1 if semi > para else 0), cursor)
        lines = line_triggers(text, clause_start, cursor)
        flat = [m for m in _FLAT_TRIGGER_RE.finditer(text, clause_start, cursor) if m.group(0)[:1].isupper()]
        flat += [m for m in SENTENCE_TRIGGER_RE.finditer(text, clause_start, cursor) if _capitalised(m)]
        inner = sorted(lines + flat, key=lambda m: m.start())
        trigger = inner[-1] if inner else opening
        if trigger:
            return trigger
        if clause_start == 0 or para >= semi:
            return None
        cursor = clause_start  # continue into the previous clause of the same paragraph
    return None


def _refind(text: str, citations: list[Citation]) -> list[Found]:
    by_start = {(f.citation.start, f.citation.symbol): f for f in find_raw(text)}
    out = []
    for c in citations:
        f = by_start.get((c.start, c.symbol))
        if f is None:
            f = Found(c, c.start, c.end, c.end, c.date is not None)
        f.citation = c
        out.append(f)
    return out
