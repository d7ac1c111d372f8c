"""What a document does to the documents it names: amends, replaces, repeals, guides,
consolidates, continues, reviews (issue 17), read from the grammar of the clause.

Three stages, each a plain function:

* `references` lists what the text names (numbered citations and documents named without a
  number) with where each one's name begins ("Nghị định số …"), in text order;
* `find_changes` reads every trigger of `data/lexicon/changes.json` clause by clause: an
  *active* phrase takes its object after it ("bãi bỏ … Nghị định số X") and its actor before
  it — the document cited just before when the phrase is that document's subject, else this
  document; a *passive* phrase takes the changed document before it and the actor after an
  agent word ("X được sửa đổi, bổ sung bởi Y"); "… hết hiệu lực kể từ ngày <văn bản> này có
  hiệu lực" repeals what the clause opens with; a consolidated text (VBHN) consolidates the
  document it opens with and those that amended it;
* `effective_date` reads when the document takes effect.

Precision first: a trigger whose object is not a document named right after it (only article
numbers and a few function words between) gives nothing, so "thay thế cán bộ" or "sửa đổi,
bổ sung Kế hoạch này" is no relation.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from policygraph.ingest import lexicon as lexicon_files
from policygraph.ingest.models import Change, Citation, UnnumberedMention

# the relations read here, in the order a timeline lists them
CHANGE_TYPES = ("amends", "replaces", "repeals", "guides", "consolidates", "continues", "reviews")


@cache
def lexicon() -> dict[str, Any]:
    """data/lexicon/changes.json, read once (through lexicon.load, so POLICYGRAPH_LEXICON applies)."""
    return lexicon_files.load("changes")


@cache
def _type_names() -> tuple[str, ...]:
    """The words that introduce a document's number ("Nghị định", "Thông tư liên tịch"), longest first."""
    path = resources.files("policygraph").joinpath("data", "tables", "doc_types.json")
    table = json.loads(path.read_text("utf-8"))
    names = {n for grammar in ("party", "state") for row in table[grammar] for n in row["names"]}
    names |= {"Luật", "Bộ luật", "Hiến pháp", "Điều lệ", "Văn bản"}
    return tuple(sorted(names, key=len, reverse=True))


def _sub(pattern: str) -> str:
    """Put the named sub-patterns in ('$years'); a space in them is any run of spaces and line breaks."""
    patterns = lexicon()["patterns"]
    return re.sub(r"\$([a-z]+)", lambda m: patterns[m.group(1)].replace(" ", r"\s+"), pattern)


def _phrase(text: str) -> str:
    """A lexicon phrase as a pattern: any spacing (line breaks of a PDF too), its commas optional,
    a `$name` word optional ('sơ kết $years thực hiện' also reads 'sơ kết thực hiện')."""
    out = ""
    for word in text.split():
        if word.startswith("$"):
            out += f"(?:{_sub(word)}\\s+)?"
        else:
            out += re.escape(word).replace(",", ",?") + r"\s+"
    return out[: -len(r"\s+")]


@dataclass(frozen=True)
class Trigger:
    relation: str
    voice: str  # active | passive | expires
    start: int
    end: int


@cache
def _trigger_re() -> re.Pattern[str]:
    """One alternation of every trigger, longest first, named by relation and voice."""
    entries = []
    for relation, spec in lexicon()["relations"].items():
        for voice in ("passive", "expires", "active"):
            for text in spec.get(voice, []):
                entries.append((len(text), relation, voice, _phrase(text)))
    entries.sort(key=lambda e: -e[0])
    alternatives = [f"(?P<{rel}__{voice}__{i}>{pat})" for i, (_, rel, voice, pat) in enumerate(entries)]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


@cache
def _first_words_re() -> re.Pattern[str]:
    """The first words the triggers open with: where a trigger can start at all."""
    words = {text.split()[0].rstrip(",") for spec in lexicon()["relations"].values()
             for voice in ("passive", "expires", "active") for text in spec.get(voice, [])}
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")(?!\w)",
                      re.IGNORECASE)


def triggers(text: str, start: int = 0, end: int | None = None) -> list[Trigger]:
    """The trigger phrases in text[start:end], leftmost first and not overlapping.

    The whole alternation is tried only where one of its first words stands (a few places a
    page): trying it at every position cost 20 ms on a long gazette text. Equal to
    `_trigger_re().finditer` (tests/test_changes_lexicon.py checks it on the gazette texts)."""
    end = len(text) if end is None else end
    out: list[Trigger] = []
    taken = start
    full = _trigger_re()
    for w in _first_words_re().finditer(text, start, end):
        if w.start() < taken:
            continue
        m = full.match(text, w.start(), end)
        if m:
            relation, voice, _ = m.lastgroup.split("__")  # type: ignore[union-attr]
            out.append(Trigger(relation, voice, m.start(), m.end()))
            taken = m.end()
    return out


@dataclass(frozen=True)
class Ref:
    """A document the text names: `index` into citations (`named` False) or unnumbered mentions."""

    index: int
    named: bool
    head: int  # where its name begins ("Nghị định số …")
    start: int
    end: int
    label: str


def references(text: str, citations: list[Citation], unnumbered: list[UnnumberedMention]) -> list[Ref]:
    """Every named document in text order; a name inside a numbered citation's span is dropped."""
    refs = [Ref(i, False, _head(text, c.start), c.start, c.end, c.symbol) for i, c in enumerate(citations)]
    spans = [(r.head, r.end) for r in refs]
    for i, u in enumerate(unnumbered):
        if any(a <= u.start < b or u.start <= a < u.end for a, b in spans):
            continue
        refs.append(Ref(i, True, u.start, u.start, u.end, u.name))
    return sorted(refs, key=lambda r: r.start)


def _head(text: str, pos: int) -> int:
    """Where the name before a number begins: 'Nghị định số 12/2018/NĐ-CP' and 'Luật Bảo hiểm xã hội
    số 58/2014/QH13' begin at their type name; a bare number begins where it stands."""
    before = text[max(0, pos - 90):pos]
    names = list(_type_name_re().finditer(before))
    if names and _NAME_TO_NUMBER.fullmatch(before, names[-1].end()):
        return pos - len(before) + names[-1].start()
    return pos


@cache
def _type_name_re() -> re.Pattern[str]:
    names = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in _type_names())
    return re.compile(r"(?<!\w)(?:" + names + r")(?!\w)")


# from a type name to its number: a few words of a title ('Bảo hiểm xã hội'), then 'số'
_NAME_TO_NUMBER = re.compile(r"(?:\s+[^\s,;:.()]+){0,10}?\s*(?:số|Số)?\s*")


_CLAUSE_END = re.compile(r";|\.\s+(?=\S)|:\s*\n|\n\s*\n")


def clauses(text: str) -> list[tuple[int, int]]:
    """Clause spans: a ';', a sentence's end (a period before a capital, a digit or a quote),
    a colon closing a line, a blank line."""
    out, start = [], 0
    for m in _CLAUSE_END.finditer(text):
        if m.group().startswith(".") and not _opens_sentence(text[m.end()]):
            continue
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _opens_sentence(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in "“\"("


@cache
def _filler_re() -> re.Pattern[str]:
    return re.compile(r"^" + _sub("$filler") + r"$", re.IGNORECASE)


@cache
def _article_re() -> re.Pattern[str]:
    return re.compile(_sub("$article"), re.IGNORECASE)


@cache
def _agent_re() -> re.Pattern[str]:
    agents = "|".join(_phrase(a) for a in sorted(lexicon()["agents"], key=len, reverse=True))
    return re.compile(r"\s*(?P<scope>(?:" + _sub("$article") + r"\s*)*)(?:" + agents + r")\s", re.IGNORECASE)


_JOIN = re.compile(
    r"^\s*(?:,?\s*ngày\s+\d{1,2}\s*(?:tháng|/|-|\.)\s*\d{1,2}\s*(?:năm|/|-|\.)\s*\d{4})?"  # its date
    r"(?:\s*(?:của|do)\s+[^,;:]{1,60}?)?"  # its issuer
    r"\s*(?:,|và|;)\s*(?:các\s+)?$",
    re.IGNORECASE,
)
# words that end a cited document's subject: the clause moves on to a new actor or verb
_NOT_SUBJECT = re.compile(r"\b(?:ban hành|chỉ đạo|yêu cầu|đề nghị|giao cho|xây dựng kế hoạch|này)\b", re.IGNORECASE)
_BODY_START = re.compile(r"^\s*(?:[IVX]+\.|1\.|Điều\s+1\b|PHẦN\s+I\b|Phần\s+I\b|A\.)", re.MULTILINE)
_GROUNDS = re.compile(r"^\s*(?:\d+\.\s*)?(?:căn cứ|theo|trên cơ sở)\b", re.IGNORECASE)


def _objects(text: str, refs: list[Ref], after: int, limit: int) -> tuple[list[Ref], str]:
    """The documents a phrase ending at `after` acts on: the first named right after it (only
    article numbers and function words between), then those joined to it by ',' or 'và'."""
    following = [r for r in refs if after <= r.head and r.start < limit]
    if not following or not _filler_re().match(text[after:following[0].head]):
        return [], ""
    scope = text[after:following[0].head].strip(" ,")
    chosen = [following[0]]
    for ref in following[1:]:
        if not _JOIN.match(text[chosen[-1].end:ref.head]) or _kind(text, ref) != _kind(text, chosen[0]):
            break
        chosen.append(ref)
    return chosen, scope


def _kind(text: str, ref: Ref) -> str:
    """The type of a named document, by the last word of its type name ('luật' for 'Bộ luật số',
    'Luật Đầu tư số' and 'Luật Dầu khí năm 1993'): a list joined by 'và' names documents of one
    kind, and a decree amends a decree, not the law it details."""
    name = text[ref.head:ref.end] if ref.named else text[ref.head:ref.start]
    for type_name in _type_names():
        if name.lower().startswith(type_name.lower()):
            return type_name.split()[-1].lower()
    return ""


def _actor(text: str, refs: list[Ref], clause_start: int, at: int) -> Ref | None:
    """The cited document whose subject the phrase at `at` is, if any: the last one named
    before it in the clause, with only its date, issuer and subject words between."""
    before = [r for r in refs if clause_start <= r.start and r.end <= at]
    if not before:
        return None
    last = before[-1]
    gap = text[last.end:at]
    if len(gap) > 200 or _NOT_SUBJECT.search(gap) or _unnamed_document_before(text, last.end, at):
        return None
    if triggers(text, last.end, at):  # another phrase between: it is that one's subject
        return None
    return last


def _scope_of(words: str) -> tuple[str, str | None]:
    """'partial' with the articles when they are named ('các khoản 1, khoản 3 Điều 1')."""
    if _article_re().search(words or ""):
        articles = re.sub(r"(?:\s|,|\b(?:của|tại|theo|và)\b)+$", "", re.sub(r"\s+", " ", words)).strip(" ,")
        return "partial", articles or None
    return "whole", None


def find_changes(text: str, citations: list[Citation], unnumbered: list[UnnumberedMention],
                 own_type: str | None = None, own_title: str | None = None,
                 own_symbol: str | None = None) -> list[Change]:
    """Every change relation the text states, each with its quoted clause and span."""
    refs = references(text, citations, unnumbered)
    if not refs:
        return []
    heads = {r.head for r in refs}
    body = _BODY_START.search(text)
    head_zone = body.start() if body else min(len(text), 1500)
    spec = lexicon()["relations"]
    out: list[Change] = []
    used_as_agent: set[tuple[int, bool]] = set()
    for a, b in clauses(text):
        inside = [r for r in refs if a <= r.start < b]
        if not inside:
            continue
        floor = a  # a passive's changed document stands after the clause's previous phrase
        for t in triggers(text, a, b):
            if any(r.head <= t.start < r.start for r in refs) or t.start in heads:
                continue  # "Hướng dẫn số 12-HD/…": a type name, not a verb
            if _not_after().search(text, max(a, t.start - 30), t.start):
                continue  # "theo hướng dẫn tại …": as another text guides, not an act
            if t.voice == "passive":
                out += _passive(text, refs, floor, b, t, used_as_agent)
                floor = t.end
            elif t.voice == "expires":
                out += _expires(text, inside, t, used_as_agent, b)
            else:
                out += _active(text, refs, a, b, t, spec[t.relation].get("head_only", False), head_zone,
                               own_type, own_title, own_symbol)
    if own_type == "VBHN":
        # a consolidated text reproduces another's words: what "it" does is that text's act
        out = [c for c in out if c.source is not None] + _consolidated(text, refs)
    return _dedupe(out)


@cache
def _not_after() -> re.Pattern[str]:
    words = "|".join(_phrase(w) for w in sorted(lexicon()["not_after"]["phrases"], key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + words + r")\s*$", re.IGNORECASE)


def _unnamed_document_before(text: str, a: int, at: int) -> bool:
    """'…; Luật sửa đổi, bổ sung …': the phrase is the title of a document named without its
    number, not this document's act; 'ban hành Nghị định sửa đổi …' and a capitalised title
    line ('NGHỊ ĐỊNH\nSửa đổi …') are this document."""
    before = text[a:at].rstrip()
    for name in _type_names():
        if before.endswith(name) and (len(before) == len(name) or not before[-len(name) - 1].isalnum()):
            return not re.search(r"ban\s+hành\s*$", before[: -len(name)])
    return False


def _change(relation: str, actor: Ref | None, target: Ref, scope: str, articles: str | None, text: str,
            span: tuple[int, int]) -> Change:
    start, end = span
    return Change(
        type=relation,
        target=target.index,
        target_named=target.named,
        source=None if actor is None else actor.index,
        source_named=bool(actor and actor.named),
        scope=scope,
        articles=articles,
        evidence=re.sub(r"\s+", " ", text[start:end]).strip(),
        start=start,
        end=end,
    )


def _active(text: str, refs: list[Ref], a: int, b: int, t: Trigger, head_only: bool, head_zone: int,
            own_type: str | None, own_title: str | None, own_symbol: str | None) -> list[Change]:
    objects, scope_words = _objects(text, refs, t.end, b)
    if not objects:
        return []
    actor = _actor(text, refs, a, t.start)
    if actor is None and _owned_by_an_earlier_phrase(text, refs, a, t):
        return []
    if actor is None:
        if _GROUNDS.match(text[a:t.start]) or _unnamed_document_before(text, a, t.start):
            return []  # a ground's or an unnamed document's own words: not this document's act
        if head_only and not _said_of_itself(text, t, head_zone, own_type, own_title):
            return []
        if t.relation in LEGAL_ACTS and not _acts_itself(text, a, t, head_zone, own_symbol):
            return []
    scope, articles = _scope_of(scope_words)
    return [_change(t.relation, actor, o, scope, articles, text, (a, b)) for o in objects if o is not actor]


def _owned_by_an_earlier_phrase(text: str, refs: list[Ref], a: int, t: Trigger) -> bool:
    """'Nghị định số Y sửa đổi … Nghị định số X (number unreadable) quy định chi tiết …': another phrase
    stands between the last named document and this one, so this one is said of a document that
    could not be read — not of this document."""
    before = [r for r in refs if a <= r.start and r.end <= t.start]
    return bool(before) and bool(triggers(text, before[-1].end, t.start))


LEGAL_ACTS = ("amends", "replaces", "repeals")


def _acts_itself(text: str, a: int, t: Trigger, head_zone: int, own_symbol: str | None) -> bool:
    """Only a legal act amends, replaces or repeals in its own articles: its number carries its
    year ('14/2026/TT-BTC'; Nghị định 30/2020, Luật 80/2015). A plan or an action programme that
    lists 'Sửa đổi, bổ sung Nghị định số …' among its tasks asks for the change; it does not make
    it. Its title, and a clause that names the document itself ('Quyết định này … thay thế …'), do."""
    if t.start < head_zone or re.search(r"\bnày\b", text[a:t.start]):
        return True
    return bool(own_symbol and re.search(r"/\d{4}/", own_symbol))


def _said_of_itself(text: str, t: Trigger, head_zone: int, own_type: str | None, own_title: str | None) -> bool:
    """A review is a report's own business; a continuation is said in the document's title."""
    if t.start >= head_zone:
        return False
    if t.relation == "reviews":
        return own_type == "BC"
    words = re.sub(r"\s+", " ", text[t.start:t.end]).lower()
    return bool(own_title) and words in re.sub(r"\s+", " ", own_title).lower()


def _passive(text: str, refs: list[Ref], a: int, b: int, t: Trigger,
             used: set[tuple[int, bool]]) -> list[Change]:
    before = [r for r in refs if a <= r.start and r.end <= t.start and (r.index, r.named) not in used]
    if not before:
        return []
    m = _agent_re().match(text, t.end)
    if not m:
        return []
    agents, _ = _objects(text, refs, m.end(), b)
    if not agents:
        return []
    gap = text[before[-1].end:t.start]
    if gap.rstrip().endswith(","):  # ", được sửa đổi …" speaks of the clause's head
        patient = before[0]
    else:  # of the nearest document of the agent's kind (a decree amends a decree, not a law)
        same = [r for r in before if _kind(text, r) == _kind(text, agents[0])]
        patient = same[-1] if same else before[-1]
    # the articles changed are named before the changed document ('Điều 10 Nghị định 82/2019'),
    # or as 'một số điều' after the phrase; those after the agent word are the agent's own
    lead = text[max(a, patient.head - 80):patient.head]
    lead_articles = re.search(r"(?:" + _sub("$article") + r"[\s,]*(?:và\s+)?)+(?:của\s+)?$", lead, re.IGNORECASE)
    scope_words = lead_articles.group(0) if lead_articles else ""
    if re.search(r"một\s+số\s+(?:điều|nội dung|quy định)", text[t.start:m.end()], re.IGNORECASE):
        scope_words = scope_words or "một số điều"
    scope, articles = _scope_of(scope_words)
    out = []
    for agent in agents:
        used.add((agent.index, agent.named))
        out.append(_change(t.relation, agent, patient, scope, articles, text, (a, b)))
    return out


def _expires(text: str, inside: list[Ref], t: Trigger, used: set[tuple[int, bool]], b: int) -> list[Change]:
    """'X (và Y) hết hiệu lực kể từ ngày <văn bản> này có hiệu lực': this document repeals them."""
    if not re.match(r"\s*(?:thi hành\s*)?(?:kể\s*)?từ\s*(?:ngày|thời điểm|khi)\s+[^;.]{0,40}?\bnày\b",
                    text[t.end:b], re.IGNORECASE):
        return []
    before = [r for r in inside if r.end <= t.start and (r.index, r.named) not in used]
    if not before:
        return []
    chosen = [before[0]] + [r for r in before[1:] if _heads_an_item(text, r) and not re.search(
        r"\n\s*$", text[max(0, r.head - 12):r.head])]
    clause_start = text.rfind("\n", 0, before[0].head) + 1
    scope, articles = _scope_of(text[clause_start:before[0].head])
    a = max(clause_start, 0)
    return [_change("repeals", None, r, scope if r is before[0] else "whole", articles if r is before[0] else None,
                    text, (a, b)) for r in chosen]


def _consolidated(text: str, refs: list[Ref]) -> list[Change]:
    """A VBHN consolidates the document it opens with and the documents that amended it."""
    m = re.search(r"được\s+sửa\s+đổi,?\s+bổ\s+sung\s+bởi\s*:", text, re.IGNORECASE)
    if not m:
        return []
    opening = [r for r in refs if r.end <= m.start()]
    if not opening:
        return []
    base = opening[0]
    listed = [r for r in refs if m.end() <= r.start < m.end() + 3000]
    stop = re.search(r"\bCăn\s+cứ\b|Văn bản này được hợp nhất", text[m.end():])
    if stop:
        listed = [r for r in listed if r.start < m.end() + stop.start()]
    # the amending documents head the list's items; those named inside their subjects do not count
    listed = [r for i, r in enumerate(listed) if i == 0 or _heads_an_item(text, r)]
    span = (max(0, base.head - 200), m.end())
    return [_change("consolidates", None, r, "whole", None, text, span) for r in [base, *listed]]


def _heads_an_item(text: str, ref: Ref) -> bool:
    """A document that opens a list item or is joined by ',' / 'và' — not one named inside another's subject."""
    lead = text[max(0, ref.head - 12):ref.head]
    if re.search(r"(?:thi hành|của|tại|theo|bởi)\s*$", lead):
        return False
    return bool(re.search(r"(?:[:;,]|\bvà|\n\s*(?:[-–+•]|\d+\.)?)\s*$", lead))


def _dedupe(changes: list[Change]) -> list[Change]:
    seen, out = set(), []
    for c in changes:
        key = (c.type, c.source, c.source_named, c.target, c.target_named)
        if key not in seen and not (c.source == c.target and c.source_named == c.target_named):
            seen.add(key)
            out.append(c)
    return out


_EFFECTIVE = re.compile(
    r"\bnày\s+có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?từ\s+(?:ngày\s+)?"
    r"(?:(?P<sign>ký|ban hành)|(?P<d>\d{1,2})\s*(?:tháng|/|-|\.)\s*(?P<m>\d{1,2})\s*(?:năm|/|-|\.)\s*(?P<y>\d{4}))",
    re.IGNORECASE,
)


def effective_date(text: str) -> str | None:
    """When the document takes effect: an ISO date, 'signing' for 'kể từ ngày ký', or None."""
    m = _EFFECTIVE.search(text)
    if not m:
        return None
    if m.group("sign"):
        return "signing"
    try:
        return date(int(m.group("y")), int(m.group("m")), int(m.group("d"))).isoformat()
    except ValueError:
        return None
