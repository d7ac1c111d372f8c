"""Governing clauses: who is told to do what. A clause's subject (after openers such as "Giao",
"Đề nghị") takes the task; the verb that opens the predicate gives the role ("chủ trì" lead, "phối
hợp" support); request verbs hand the task to the units after them; the numbered lines under a
unit's heading are its tasks; deadlines and report lines are read from the clause.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from policygraph.ingest import lexicon as T
from policygraph.ingest.deadlines import Deadline, find_deadlines
from policygraph.ingest.models import Assignment, ReportLine, UnitExtraction, UnitMention
from policygraph.ingest.unit_finder import (
    ENACTING_RE,
    SPACES_RE,
    TITLE_KEYS,
    TITLE_RE,
    Found,
    title_at,
    unit_at,
    unit_list_at,
    word_key,
)
from policygraph.ingest.unit_frame import own_minister
from policygraph.ingest.unit_patterns import (
    BULLET_RE,
    CO_LEAD_RE,
    GIVEN_LEAD_RE,
    GIVEN_RE,
    LOWER,
    MARKUP_RE,
    NUMBER_RE,
    OPENER_KEYS,
    OPENER_RE,
    REPORT_RE,
    REPORT_TO_RE,
    REQUEST_AT_RE,
    REQUEST_RES,
    UNIT_KEYS,
    UPPER,
    VIA_RE,
    WRAP_WORDS,
    alternation_pattern,
    phrase_pattern,
)
from policygraph.ingest.unit_resolve import UnitContext, resolve_unit
from policygraph.text import name_key

# --- reading the document -----------------------------------------------------------


# markup, numbering, bullet, markup in one match: each later part may be empty, so re's first
# match is what the four patterns matched one after the other give
LINE_HEAD_RE = re.compile(
    rf"{MARKUP_RE.pattern}(?:{NUMBER_RE.pattern})?(?P<bullet>{BULLET_RE.pattern})?{MARKUP_RE.pattern}"
)


def _strip_line(text: str, start: int, end: int) -> tuple[int, bool, bool]:
    """Skip markup, numbering and bullets: (content start, numbered, bulleted)."""
    m = LINE_HEAD_RE.match(text, start, end)
    return m.end(), m.group("num") is not None, m.group("letter") is not None or m.group("bullet") is not None


# ROLE_RES in one match: every phrase opens with a letter, so the spaces before it are the same whichever
# phrase matches, and the first alternative that matches is the first pattern of ROLE_RES that does
# the role verb opens the predicate, after the subject or after the colon of "Công an tỉnh: Chủ trì, …"
_ROLE_RE = re.compile(r"[\s:]*(?:" + "|".join(f"(?P<r{i}>(?i:{phrase_pattern(p)})(?!\\w))" for i, (p, _, _) in
                                             enumerate(T.ROLE_VERBS)) + ")")
_ROLE_OF_GROUP = {f"r{i}": role for i, (_, role, _) in enumerate(T.ROLE_VERBS)}


def _role(text: str, pos: int, end: int, given: bool) -> str:
    m = _ROLE_RE.match(text, pos, end)
    if m:
        return _ROLE_OF_GROUP[m.lastgroup]
    if given and GIVEN_LEAD_RE.match(text, pos, end):
        return "lead"
    return "execute"


def _subject(text: str, pos: int, end: int, key: str | None = None,
             stop: int | None = None) -> tuple[list[Found], int, bool]:
    """Units that open a clause, where the predicate starts, and whether they were "given" the task.

    `key` is word_key(text, pos) when the caller has it. A list of officials that reaches the line end `end`
    may run on over wrapped lines up to `stop`: the predicate then starts after `end`.
    """
    key = word_key(text, pos) if key is None else key
    opener = OPENER_RE.match(text, pos, end) if key in OPENER_KEYS else None
    given = False
    if opener and opener.end() > pos:
        given = bool(GIVEN_RE.search(opener.group(0)))
        pos = opener.end()
        key = None  # another word starts the subject
    elif key not in UNIT_KEYS and key not in TITLE_KEYS:  # most clauses: no unit or title can start here
        return [], pos, given
    units = unit_list_at(text, pos, end, key, titles=True)
    if not units:
        return [], pos, given
    if text[end:end + 1] == "\n" and any(u.titled for u in units):
        wrap = min(_wrap_end(text, end), len(text) if stop is None else stop)
        if wrap > end:  # a list of officials runs on over the line wraps of a legal text
            longer = unit_list_at(text, pos, wrap, key, titles=True)
            units = longer if longer and longer[-1].end >= units[-1].end else units
    tail = units[-1].end
    if units[0].titled and ENACTING_RE.match(text, tail, end):
        return [], pos, given  # the official enacts the document: no task
    if text[tail:tail + 1].isalnum():  # a unit name must end at a word boundary
        return [], pos, given
    return units, tail, given


def _requested(text: str, cs: int, ce: int, units: list[Found], pred: int,
               verbs: list[tuple[int, int]]) -> tuple[list[Found], int, bool] | None:
    """Units asked to act in the clause [cs, ce) by "(A) đề nghị / yêu cầu / giao B …": B, where B's predicate
    starts and whether B was "given" the task (no units when A asks someone who is no unit); None when no one
    is asked.

    `verbs` are the request verbs of the text (request_verbs). A is the clause's subject (`units`, whose
    predicate starts at `pred`), or a unit after a fronted phrase
    ("Thực hiện Kết luận …, Ban Thường vụ Huyện ủy đề nghị các chi bộ …"), or nothing. A verb after any other
    words is not a request to a unit ("theo đề nghị của Sở Nội vụ", "nếu có vướng mắc đề nghị …").
    """
    if units:
        m = REQUEST_AT_RE.match(text, pred, ce)
        verb = (m.start(), m.end()) if m else None
    else:
        verb = next((v for v in verbs[bisect_left(verbs, (cs,)):] if v[0] >= ce or _requester_before(text, cs, v[0])),
                    None)
        verb = verb if verb is not None and verb[0] < ce else None
    if verb is None:
        return None
    if text[verb[1] - 1] == ":":  # "Ban Thường vụ Quận ủy yêu cầu:": what follows is asked of others
        return [], pred, False
    asked = unit_list_at(text, verb[1], ce, titles=True)
    if not asked or text[asked[-1].end:asked[-1].end + 1].isalnum():
        # the subject asks someone who is no unit ("yêu cầu các cấp ủy, tổ chức đảng …"): the task is not its own
        return ([], pred, False) if units else None
    return asked, asked[-1].end, GIVEN_RE.search(text, verb[0], verb[1]) is not None


def request_verbs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of every request verb in [start, end), in text order."""
    return sorted((m.start(), m.end()) for rx in REQUEST_RES for m in rx.finditer(text, start, end))


def _any_between(marks: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of the sorted (start, end) `marks` starts in [start, end)."""
    i = bisect_left(marks, (start,))
    return i < len(marks) and marks[i][0] < end


_NAME_WORD = rf"[{UPPER}][{LOWER}]*"
_COMRADE_RE = re.compile(rf"(?i:đồng\s+chí)\s+(?:{_NAME_WORD}\s+){{1,5}}[–-]\s*")
_PERSON_RE = re.compile(rf"(?:\s+{_NAME_WORD}){{2,5}}\s*")  # "Chủ tịch UBND tỉnh Nguyễn Văn An yêu cầu"


def _requester_before(text: str, cs: int, at: int) -> bool:
    """Whether the words between the clause's last comma before `at` (or its start) and `at` name units only (the
    verb at `at` must start a word)."""
    if at > cs and not (text[at - 1].isspace() or text[at - 1] == ","):
        return False
    start = max(cs, text.rfind(",", cs, at) + 1)
    words = text[start:at]
    if not words.strip():
        return True
    first = start + len(words) - len(words.lstrip())
    comrade = _COMRADE_RE.match(text, first, at)  # "đồng chí Trần Văn An – Phó Chủ tịch UBND huyện yêu cầu"
    requester = unit_list_at(text, comrade.end() if comrade else first, at, titles=True)
    if not requester:
        return False
    rest = text[requester[-1].end:at]
    return not rest.strip() or (requester[-1].titled and _PERSON_RE.fullmatch(rest) is not None)


def _lists_items(text: str, ce: int, le: int) -> bool:
    """Whether the clause ending at `ce` ends its line with a colon: what it asks for is in the items below."""
    return text[ce:le].strip(" \t*") == "" and text[:ce].rstrip(" \t*").endswith(":")


_SENTENCE_MARKS = ".;:!?"
WRAP_LINES = 3  # how many wrapped lines a list of officials may run on over


def _wrap_end(text: str, end: int) -> int:
    """End of the lines a sentence that stops without a mark at `end` (a line end) runs on over; `end` if none."""
    out = end
    for _ in range(WRAP_LINES):
        if text[:out].rstrip(" *\t")[-1:] in _SENTENCE_MARKS:
            break
        nl = text.find("\n", out + 1)
        nxt = len(text) if nl < 0 else nl
        if not text[out + 1:nxt].strip():
            break  # a blank line ends the paragraph
        out = nxt
    return out


def _wrapped_before(text: str, ls: int) -> bool:
    """Whether the line above the one at `ls` stops on a word no sentence ends with ("của", "thuộc" …): it was
    wrapped. A comma does not tell: a subject may follow a fronted phrase ("Trong thời hạn …, Bộ X có văn bản")."""
    prev = text[max(0, ls - 24):max(0, ls - 1)].rstrip(" \t*")
    cut = prev.rfind(" ")
    return prev[cut + 1:].lower() in WRAP_WORDS if cut >= 0 else False


def _run_on_end(text: str, pred: int, breaks: _Breaks) -> int:
    """End of the clause whose predicate starts at `pred`, on a later line than its subject started."""
    pred = SPACES_RE.match(text, pred).end() if text[pred:pred + 1].isspace() else pred
    nl = text.find("\n", pred)
    le = len(text) if nl < 0 else nl
    found = breaks.within(pred, le)
    if not found:
        return le
    mark = found[0].start()
    return mark + (text[mark] != ";")


def _clauses(text: str, start: int, end: int, word: str, breaks: list[re.Match]) -> list[tuple[int, int, bool, str]]:
    """(start, end) of each sentence or ';' clause in a line, whether it opens a sentence, and its first word.

    `word` is the word at `start` (from _LINE_OPEN_RE); `breaks` are the line's breaks from `start` on (from
    _Breaks), each with the first word after it, so the scan needs no second look at a clause start.
    """
    out = []
    pos = start
    opens = True
    for m in breaks:
        mark = m.start()
        stop = mark + (text[mark] != ";")
        if stop > pos:
            out.append((pos, stop, opens, word))
        opens = text[mark] != ";"
        pos, word = m.start("word"), m.group("word")
    if pos < end:
        out.append((pos, end, opens, word))
    return out


# SENTENCE_END_RE one mark at a time, each branch with the first word after it, and without crossing a newline
# (the spaces are [^\S\n]): in a whole part of a text these find the matches SENTENCE_END_RE finds line by line
# (no match holds a second mark, so none hides another). A pattern that opens with a literal lets re skip to
# it in C, which a set of marks does not: four such scans are much faster than one.
_LINE_SPACE = r"[^\S\n]"
_BREAK_RES = {c: re.compile(rf"\{c}(?:{_LINE_SPACE}|\*)+(?=[*\"“(]*[{UPPER}])(?P<word>\w*)") for c in ".!?"}
_BREAK_RES[";"] = re.compile(rf";{_LINE_SPACE}*(?P<word>\w*)")


class _Breaks:
    """The sentence and ';' breaks of a part of a text, found in one go and handed out line by line."""

    def __init__(self, text: str, start: int, end: int) -> None:
        found: list[re.Match] = []
        for mark, rx in _BREAK_RES.items():
            if text.find(mark, start, end) >= 0:
                found += rx.finditer(text, start, end)
        found.sort(key=re.Match.start)
        self.found = found
        self.marks = [m.start() for m in found]

    def within(self, start: int, end: int) -> list[re.Match]:
        """The breaks whose mark is in [start, end): what SENTENCE_END_RE.finditer(text, start, end) gives
        when [start, end) lies within one line."""
        return self.found[bisect_left(self.marks, start):bisect_left(self.marks, end)]


_SUBJECT_KEYS = OPENER_KEYS | UNIT_KEYS | TITLE_KEYS  # first words a clause subject can start with
_OWN_SUBJECT_RE = re.compile(rf"(?i:{alternation_pattern(p for p, _ in T.OWN_SUBJECT_OPENERS)})(?!\w)")


_NOT_TASK_RE = re.compile(rf"[\s:,]*(?i:{'|'.join(phrase_pattern(p) for p, _ in T.NOT_TASK_PREDICATES)})(?!\w)")
_PASSIVE_RE = re.compile(rf"(?i:{'|'.join(phrase_pattern(p) for p, _ in T.PASSIVE_NOT_TASKS)})(?!\w)")


def _no_task(text: str, pred: int, ce: int, low: str) -> bool:
    """Whether the predicate at `pred` says what its subject did or is granted rather than what it is to do
    (`low` is the clause in lower case: the passive is looked for only in clauses that hold "được")."""
    return bool(_NOT_TASK_RE.match(text, pred, ce) or ("được" in low and _PASSIVE_RE.search(text, pred, ce)))


def _own_subject(text: str, cs: int, ce: int) -> bool:
    """Whether the clause at `cs` opens on a subject of its own (a title, "các …") rather than on its verb."""
    return bool(_OWN_SUBJECT_RE.match(text, cs, ce) or TITLE_RE.match(text, cs, ce))

_HEADING_REST_RE = re.compile(r"[\s*:.]*(?i:có\s+trách\s+nhiệm)?[\s*:.]*$")
_RESP_RE = re.compile(r"(?i:trách\s+nhiệm(?:\s+của)?)\s+")
# A line's head (LINE_HEAD_RE, then "trách nhiệm của") and the first word after it, in one match. Every part
# before the word can be empty, so re's first match is what the parts matched one after the other give.
_LINE_OPEN_RE = re.compile(rf"{LINE_HEAD_RE.pattern}(?:{_RESP_RE.pattern})?(?P<word>\w*)")


def scan_tasks(text: str, start: int, end: int, ctx: UnitContext, in_body: bool, section: str | None,
          out: UnitExtraction, minister: Found | None = None) -> None:
    """Tasks of the lines in [start, end); `minister` is the ministry a bare "Bộ trưởng" stands for, if one."""
    heading: list[Found] = []
    resolved: dict[Found, UnitMention] = {}  # a heading's units take every task below it: resolved once
    le = start - 1
    breaks = _Breaks(text, start, end)
    run_on, run_units = -1, []  # a subject that ran on over wrapped lines: where its clause ends, its units
    listed: list[Found] = []  # units asked to do the items below ("… đề nghị các chi bộ thực hiện nội dung sau:")
    verbs = request_verbs(text, start, end)  # where a clause may ask units to act
    for line in text[start:end].split("\n"):  # the lines LINE_RE.finditer would give, without its empty matches
        ls, le = le + 1, le + 1 + len(line)
        if not line or line.isspace() or le <= run_on:
            continue
        head = _LINE_OPEN_RE.match(text, ls, le)
        numbered = head.group("num") is not None
        item = numbered or head.group("letter") is not None or head.group("bullet") is not None
        if not item:
            listed = []
        line_subject: list[Found] = run_units if ls < run_on else []
        first = ls >= run_on
        pos = head.start("word")
        for cs, ce, opens, word in _clauses(text, pos, le, head.group("word"), breaks.within(pos, le)):
            if cs < run_on:
                continue  # read with the subject that ran on to this line
            key = name_key(word)  # what word_key(text, cs) gives: lines end at a newline, so the word does too
            if key in _SUBJECT_KEYS:
                units, pred, given = _subject(text, cs, ce, key, end)
                if units and cs == pos and not numbered and _wrapped_before(text, ls):
                    units, pred, given = [], cs, False  # the sentence of the line above goes on here
                if minister is not None and units:
                    units = own_minister(units, minister)
                if pred > ce:  # the subject ran on over wrapped lines: the clause ends on the predicate's line
                    ce = run_on = _run_on_end(text, pred, breaks)
                    run_units = units
            else:  # what _subject returns when no opener or unit can start the clause
                units, pred, given = [], cs, False
            asked = _requested(text, cs, ce, units, pred, verbs) if verbs and _any_between(verbs, cs, ce) else None
            if asked is not None:
                units, pred, given = asked
                if _lists_items(text, ce, le):
                    listed = units  # the items below say what they are asked to do
                    if not in_body:
                        heading = units
                    first = False
                    continue
            elif not units and key not in _SUBJECT_KEYS and in_body and not line_subject and not (listed and item):
                continue  # no subject here or before it in the line: no task (the body keeps no heading)
            if first and units and _HEADING_REST_RE.match(text, pred, ce) and not in_body:
                heading = units  # "2. Hội đồng nhân dân, Ủy ban nhân dân huyện": tasks follow below
                line_subject = units
                first = False
                continue
            if first and numbered and not units:
                heading = []
            first = False
            if units:
                line_subject = units
                if numbered:
                    heading = [] if in_body else units
            elif listed and item and not line_subject:
                units = listed
            elif opens and not line_subject and not in_body:
                units = heading
            elif line_subject and not (pred == cs and _own_subject(text, cs, ce)):
                units = line_subject  # the clause opens on its verb: the subject before it on the line acts
            if not units:
                continue
            task, limit, low = _task(text, cs, ce, ctx.doc_date)
            if _no_task(text, pred, ce, low):
                continue
            role = _role(text, pred, ce, given)
            _assign(units, role, task, limit, cs, ce, ctx, resolved, in_body, section, out)
            if GATE_WORDS["co_lead"] in low:
                for co in CO_LEAD_RE.finditer(text, cs, ce):
                    partners = unit_list_at(text, co.end(), ce)
                    _assign(partners, "support", task, limit, cs, ce, ctx, resolved, in_body, section, out)
            if GATE_WORDS["report"] in low:
                _reports(text, cs, ce, ctx, out)


# A pattern that needs one of these words is tried on a clause only when its lower-cased text holds the word:
# for their letters re's IGNORECASE match is exactly str.lower() (tests/test_units_fast_paths.py).
GATE_WORDS = {"co_lead": "chủ", "report": "báo"}  # CO_LEAD_RE, REPORT_RE


def _task(text: str, cs: int, ce: int, doc_date: str | None) -> tuple[str, Deadline | None, str]:
    """A clause as a task: its text on one line, its first time limit, and its lower-cased text (for gates)."""
    clause = text[cs:ce].strip(" *;.")
    low = clause.lower()
    limits = find_deadlines(clause, doc_date, low)
    return _one_line(clause), limits[0] if limits else None, low


def _one_line(clause: str) -> str:
    """The clause with each run of spaces made one space; most clauses already are (only ' ' is printable space)."""
    if clause.isprintable() and "  " not in clause and clause[:1] != " " and clause[-1:] != " ":
        return clause
    return " ".join(clause.split())


def _assign(units: list[Found], role: str, task: str, limit: Deadline | None, cs: int, ce: int, ctx: UnitContext,
            resolved: dict[Found, UnitMention], in_body: bool, section: str | None, out: UnitExtraction) -> None:
    """One assignment per unit; the task is also its own evidence."""
    for u in units:
        out.assigns.append(Assignment(
            unit=_resolve_once(u, ctx, resolved), role=role, task=task, section=section, in_body=in_body,
            deadline=limit.date if limit else None, deadline_rule=limit.rule if limit else None,
            deadline_text=limit.text if limit else None, evidence=task, start=cs, end=ce))


def _resolve_once(found: Found, ctx: UnitContext, resolved: dict[Found, UnitMention]) -> UnitMention:
    """resolve_unit(found, ctx), worked out once per unit and context: the assignments of one unit written once (a
    heading's units take every task below it) share one mention, as nothing changes a mention once extracted
    (merge_assignments copies the assignment, not its unit); one object is cheaper to build and to pickle."""
    m = resolved.get(found)
    if m is None:
        m = resolved[found] = resolve_unit(found, ctx)
    return m


def _reports(text: str, cs: int, ce: int, ctx: UnitContext, out: UnitExtraction) -> None:
    """"báo cáo … về A (qua B)": reports go to A through B."""
    for m in REPORT_RE.finditer(text, cs, ce):
        probe = REPORT_TO_RE.match(text, m.end(), ce)
        # the report may go to the official who heads the body: "báo cáo Chủ tịch UBND tỉnh (qua Sở Nội vụ)"
        to = (title_at(text, probe.end(), ce) or unit_at(text, probe.end(), ce)) if probe else None
        if not to:
            continue
        via = None
        vm = VIA_RE.match(text, to.end, ce)
        if vm:
            via = unit_at(text, vm.end(), ce)
        out.reports_to.append(ReportLine(
            to=resolve_unit(to, ctx), via=resolve_unit(via, ctx) if via else None,
            evidence=" ".join(text[cs:ce].split()), start=m.start(), end=(via or to).end))
