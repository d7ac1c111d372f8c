"""Finding units: one unit written at a position (a head and its tail, a collective "các …", an
official's title standing for the body), lists of them, and every unit a text names (find_units).

What is found is a `Found`: offsets into the text and what the words say (name, type, level, place
name); the document's context resolves it later (unit_resolve.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from policygraph.ingest import lexicon as T
from policygraph.ingest.places import match_district, match_province
from policygraph.ingest.unit_names import canonical_unit_name
from policygraph.ingest.unit_patterns import (
    ABBREV_HEAD_RES,
    COLL_LINK_RE,
    COLL_QUAL_RE,
    COLLECTIVE_START_RE,
    COLON_RE,
    COMMA_RE,
    FIRST_WORD_RE,
    FOOTNOTE_MARK_RE,
    HAMLET_TAIL_RE,
    HEAD_RES,
    KIND_OF_GROUP,
    KIND_RE,
    KIND_SEP_RE,
    LAST_LEVEL_WORD_RE,
    LEVEL_OF_OWNER,
    LEVEL_OF_WORD,
    LEVEL_TAIL_RE,
    LEVEL_WORDS,
    LIST_SEP_RE,
    MEMBER_OF_RE,
    MORE_LEVEL_RE,
    NAME_TAIL_RE,
    NOT_UNITS_FOLDED,
    OWN_MINISTRY_RE,
    OWNER_TAIL_RE,
    PARTY_ORG_TAIL_RE,
    PLACE_KINDS_RE,
    PLACE_TAIL_RE,
    SENTENCE_NAME_TAIL_RE,
    STEERING_TAIL_RE,
    UNIT_KEYS,
    first_key,
    phrase_pattern,
)
from policygraph.text import name_key
from policygraph.vocabulary import LEVELS, Level


def _known_place_prefix(name: str, level: str | None) -> str | None:
    """The longest first words of `name` that the gazetteer knows as a province or district of that level (a
    person's name may follow a place: "Chủ tịch UBND tỉnh Thanh Hóa Nguyễn Văn An"); None if none is known."""
    if level not in (Level.PROVINCE, Level.DISTRICT):
        return None
    words = name.split()
    for k in range(len(words), 0, -1):
        prefix = " ".join(words[:k])
        if (match_province(prefix) if level == Level.PROVINCE else match_district(prefix, None)):
            return name[:name.index(words[k - 1]) + len(words[k - 1])] if k < len(words) else name
    return None


# --- recognising one unit at a position -----------------------------------------------
@dataclass(eq=False)
class Found:
    """A unit written at [start, end) and what its words say about it (one place in one text: compared by identity)."""

    start: int
    end: int
    written: str
    name: str
    unit_type: str
    collective: bool = False
    level: str | None = None  # what the words fix; None: the context decides
    explicit_level: bool = False  # a level word or owner is written
    below: bool = False  # stands for units one level below `level` (or the context)
    place_name: str | None = None
    head: T.Head | None = None
    titled: bool = False  # written as the official who heads it ("Bộ trưởng Bộ Tài chính")


def _composed(inner: Found, start: int, written: str, name: str, unit_type: str, level: str | None,
              head: T.Head | None) -> Found:
    """`inner` with a prefix written before it ("Đảng đoàn" + "HĐND tỉnh"); dataclasses.replace, without its cost."""
    return Found(start, inner.end, written, name, unit_type, inner.collective, level, inner.explicit_level,
                 inner.below, inner.place_name, head)


def _level_of_word(word: str | None) -> str | None:
    return LEVEL_OF_WORD.get(name_key(word)) if word else None


def _owner_level(word: str) -> str | None:
    return LEVEL_OF_OWNER.get(name_key(word))


def word_key(text: str, pos: int) -> str:
    m = FIRST_WORD_RE.match(text, pos)
    return name_key(m.group(0)) if m else ""


def _head_match(text: str, pos: int, key: str | None = None) -> re.Match | None:
    rx = HEAD_RES.get(word_key(text, pos) if key is None else key)
    return rx.match(text, pos) if rx else None


def head_at(text: str, pos: int, key: str | None = None) -> tuple[T.Head, re.Match] | None:
    key = word_key(text, pos) if key is None else key
    rx = HEAD_RES.get(key)
    m = rx.match(text, pos) if rx else None
    arx = ABBREV_HEAD_RES.get(key)
    am = arx.match(text, pos) if arx else None
    if am and (not m or am.end() >= m.end()):
        head = _ABBREV_HEAD_OF_GROUP[am.lastgroup]
        if head is not None:
            return head, am
    if not m:
        return None
    return _HEAD_OF_GROUP[m.lastgroup], m


@cache
def _abbreviation_head(index: int) -> T.Head | None:
    """The head an abbreviation's whole expansion is ("UBND" -> Ủy ban nhân dân), or None; from the tables only."""
    expansion = T.ABBREVIATIONS[index][1]
    hm = _head_match(expansion, 0)
    if hm and hm.end() == len(expansion):
        return T.HEADS[int(hm.lastgroup[1:].split("_")[0])]
    return None


# the head each group of HEAD_RES ("h<head>_<n>") and ABBREV_HEAD_RES ("a<abbreviation>") stands for
_HEAD_OF_GROUP = {name: T.HEADS[int(name[1:].split("_")[0])] for rx in HEAD_RES.values() for name in rx.groupindex}
_ABBREV_HEAD_OF_GROUP = {name: _abbreviation_head(int(name[1:])) for rx in ABBREV_HEAD_RES.values()
                         for name in rx.groupindex}


def _collective_at(text: str, pos: int, limit: int) -> Found | None:
    start = COLLECTIVE_START_RE.match(text, pos)
    if not start:
        return None
    end = start.end()
    kinds: list[T.Kind] = []
    km = KIND_RE.match(text, end)
    while km and km.end() <= limit:
        kinds.append(KIND_OF_GROUP[km.lastgroup])
        end = km.end()
        sep = KIND_SEP_RE.match(text, end)
        km = KIND_RE.match(text, sep.end()) if sep else None  # the next kind, if a separator leads to one
        if not km:
            break
        end = sep.end()
    if not kinds:
        return None
    kinds_end = end
    kind = kinds[0]
    level, explicit, below = kind.level, kind.level is not None, kind.below and kind.level is None
    place_name = None
    q = COLL_QUAL_RE.match(text, end)
    if q and q.end() <= limit:
        end = q.end()
    link = COLL_LINK_RE.match(text, end)
    probe = link.end() if link else end
    target_level, target_end, pn = None, None, None
    om = OWNER_TAIL_RE.match(text, probe)
    if om and om.end() <= limit:
        target_level = _owner_level(om.group("ow"))
        target_end, pn = om.end(), om.group("pn")
    elif (lm := LEVEL_TAIL_RE.match(text, probe)) and lm.end() <= limit:
        target_level, target_end, pn = _level_of_word(lm.group("lw")), lm.end(), lm.group("pn")
        if pn is None:  # "các đảng ủy xã, phường, đặc khu": more words of the same level
            while (more := MORE_LEVEL_RE.match(text, target_end)) and more.end() <= limit and _level_of_word(
                    more.group("lw")) == target_level:
                target_end = more.end()
    elif link and (mb := OWN_MINISTRY_RE.match(text, probe)) and mb.end() <= limit:  # "các đơn vị thuộc Bộ"
        target_level, target_end = Level.CENTRAL, mb.end()
    else:
        inner = _single_at(text, probe + 1, limit) if text[probe:probe + 1].isspace() else None
        if inner and not inner.collective:
            target_level, target_end = inner.level, inner.end
    if target_end is not None:
        end = target_end
        place_name = pn
        if target_level and kind.level is None:
            below = bool(link and link.group("tt")) or kind.below
            if not kind.level:
                level, explicit = target_level, True
    elif link and link.group("tt"):
        end = link.end()
        below = True
    written = text[pos:end]
    kinds_text = canonical_unit_name(text[start.end():kinds_end].lower(), first_upper=False).lower()
    rest = canonical_unit_name(text[kinds_end:end], first_upper=False) if end > kinds_end else ""
    name = f"Các {kinds_text} {rest}".strip()
    return Found(pos, end, written, name, kind.unit_type, True, level, explicit, below, place_name)


def _place_kinds_level(kinds_text: str) -> str | None:
    """Level of "các tỉnh, thành phố trực thuộc Trung ương": its first place kind's."""
    kinds = COMMA_RE.split(kinds_text)
    if name_key(kinds[0]) == name_key("tỉnh"):
        return "province"
    return _level_of_word(kinds[0]) or (Level.PROVINCE if "trực thuộc trung ương" in kinds_text.lower() else None)


def _single_at(text: str, pos: int, limit: int, key: str | None = None) -> Found | None:
    got = head_at(text, pos, key)
    if not got:
        return None
    head, m = got
    end = m.end()
    if end > limit:
        return None
    level, explicit, place_name, collective, below = head.level, False, None, False, False
    unit_type = head.unit_type
    if head.tail == "compose":
        colon = COLON_RE.match(text, end)
        inner = _single_at(text, colon.end(), limit) if colon else None
        if inner is None and head.phrases[0] == "chi bộ":
            hm = HAMLET_TAIL_RE.match(text, end) or NAME_TAIL_RE.match(text, colon.end() - 1 if colon else end)
            if hm and hm.end() <= limit:
                end = hm.end()
            written = text[pos:end]
            return Found(pos, end, written, canonical_unit_name(written), unit_type, False, "commune", False,
                         head=head)
        if inner is None:
            mm = MEMBER_OF_RE.match(text, colon.end()) if colon else None
            if mm and not head.keep_prefix:
                name = canonical_unit_name(mm.group("c") + " ủy")
                lv = _owner_level(mm.group("c") + " ủy")
                return Found(pos, mm.end(), text[pos:mm.end()], name, "party_committee", False, lv, True, head=head)
            return None
        written = text[pos:inner.end]
        name = (canonical_unit_name(text[pos:m.end()]) + " " + inner.name) if head.keep_prefix else inner.name
        if head.unit_type in ("party_group",) or head.phrases[0] == "chi bộ":
            unit_type = head.unit_type
        else:
            unit_type = inner.unit_type
        level = inner.level or (head.level if head.level and not inner.explicit_level else inner.level)
        return _composed(inner, pos, written, name, unit_type, level, inner.head)
    if head.tail == "owner":
        # each tail is matched only when the ones before it did not fit
        om = OWNER_TAIL_RE.match(text, end) or PARTY_ORG_TAIL_RE.match(text, end)
        if om and om.end() <= limit:
            ow = om.groupdict().get("ow")
            level = _owner_level(ow) if ow else (_level_of_word(om.group("lw")) or level)
            if ow and name_key(ow) == name_key("đảng ủy") and om.group("lw"):
                level = _level_of_word(om.group("lw"))
            explicit, place_name, end = True, om.group("pn"), om.end()
            if head.canonical == "Văn phòng" and level != Level.COMMUNE or (ow and name_key(ow) == name_key("đảng ủy")):
                unit_type = "party_board"  # the office of a party committee
        elif (pk := PLACE_KINDS_RE.match(text, end)) and pk.end() <= limit:
            collective, explicit, end = True, True, pk.end()
            level = _level_of_word(COMMA_RE.split(pk.group("pk"))[0])
        elif (lm := LEVEL_TAIL_RE.match(text, end)) and lm.end() <= limit:
            level, explicit, place_name, end = _level_of_word(lm.group("lw")), True, lm.group("pn"), lm.end()
        elif (mb := OWN_MINISTRY_RE.match(text, end)) and mb.end() <= limit:  # "Văn phòng Bộ": the ministry's
            level, explicit, end = Level.CENTRAL, True, mb.end()
        elif text[end:end + 1].isspace():  # "Văn phòng Ủy ban nhân dân tỉnh": a State body owns it
            inner = _single_at(text, end + 1, limit)
            if inner and inner.unit_type in ("peoples_council", "peoples_committee", "front"):
                written = text[pos:inner.end]
                return _composed(inner, pos, written, canonical_unit_name(text[pos:m.end()]) + " " + inner.name,
                                 unit_type, inner.level, head)
    elif head.tail == "level":
        pk = PLACE_KINDS_RE.match(text, end)
        if pk and pk.end() <= limit:
            collective, explicit, end = True, True, pk.end()
            level = _place_kinds_level(pk.group("pk"))
        elif (lm := LEVEL_TAIL_RE.match(text, end)) and lm.end() <= limit:
            level, explicit, place_name, end = _level_of_word(lm.group("lw")), True, lm.group("pn"), lm.end()
        elif head.level and unit_type == "party_committee":
            pm = PLACE_TAIL_RE.match(text, end)
            if pm and pm.end() <= limit:
                place_name, end = pm.group("pn"), pm.end()
    elif head.tail == "name":
        nm = STEERING_TAIL_RE.match(text, end) if head.phrases[0] == "ban chỉ đạo" else None
        if nm and nm.group("nm"):
            end = nm.end()
        else:
            # a sentence-case name runs up to the limit at most: it reads lower-case words, which a longer
            # match would take from the next clause or line
            nm = SENTENCE_NAME_TAIL_RE.match(text, end, limit) if head.sentence_case else NAME_TAIL_RE.match(text, end)
            if nm and nm.end() <= limit:
                end = nm.end()
            elif head.case_sensitive:
                return None  # "Sở", "Bộ", "Báo" alone are not names
        lm = LEVEL_TAIL_RE.match(text, end)
        if lm and lm.end() <= limit:
            level, explicit, place_name, end = _level_of_word(lm.group("lw")), True, lm.group("pn"), lm.end()
        elif (pk := PLACE_KINDS_RE.match(text, end)) and pk.end() <= limit:  # "Sở Y tế các tỉnh, thành phố …"
            level, collective, explicit, end = _place_kinds_level(pk.group("pk")), True, True, pk.end()
    if head.level and not explicit:
        level = head.level
    if head.level and head.tail != "level":
        explicit = True
    if place_name and " " in place_name and text[end - len(place_name):end] == place_name:
        known = _known_place_prefix(place_name, level)  # "tỉnh Thanh Hóa Nguyễn Văn An": a name follows the place
        if known is not None and len(known) < len(place_name):
            end, place_name = end - len(place_name) + len(known), known
    written = text[pos:end].rstrip()
    end = pos + len(written)
    name = canonical_unit_name(written)
    if head.sentence_case:
        name = FOOTNOTE_MARK_RE.sub("", name)
    if name_key(name) in NOT_UNITS_FOLDED:
        return None
    return Found(pos, end, written, name, unit_type, collective, level, explicit, below, place_name, head)


# the folded first words COLLECTIVE_START_RE can match ("các", "những" in any case)
COLLECTIVE_KEYS = frozenset({"cac", "nhung"})


def unit_at(text: str, pos: int, limit: int | None = None, key: str | None = None) -> Found | None:
    """The unit written at `pos`, if one starts there; `key` is word_key(text, pos) if the caller has it."""
    key = word_key(text, pos) if key is None else key
    if key not in UNIT_KEYS:
        return None
    limit = len(text) if limit is None else limit
    found = _collective_at(text, pos, limit) if key in COLLECTIVE_KEYS else None
    return found or _single_at(text, pos, limit, key)


WORD_START_RE = re.compile(r"(?<!\w)(?=\w)")
_TRIGGER_RE = re.compile(
    "|".join(sorted({re.escape(p.split()[0].split("(")[0]) for h in T.HEADS for p in h.phrases if p[0].isalpha()}
                    | {"các", "những"} | {re.escape(a[:2]) for a, _, _ in T.ABBREVIATIONS}, key=len, reverse=True)),
    re.IGNORECASE)


def find_units(text: str) -> list[Found]:
    """Every unit written anywhere in `text`, longest first, without overlaps (for spaCy and tests)."""
    out: list[Found] = []
    pos, n = 0, len(text)
    while pos < n:
        m = _TRIGGER_RE.search(text, pos)
        if not m:
            break
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "/"):
            pos = start + 1
            continue
        found = unit_at(text, start)
        if found and found.end > start:
            out.append(found)
            pos = found.end
        else:
            pos = start + 1
    return out


def unit_list_at(text: str, pos: int, limit: int | None = None, key: str | None = None,
                 titles: bool = False) -> list[Found]:
    """Units written one after another ("A, B và các C") from `pos`; a trailing level word is shared.

    `key` is word_key(text, pos) when the caller has it. With `titles`, an official named by title stands
    for the body they head (task subjects; a recipient "Bộ trưởng" is a person).
    """
    limit = len(text) if limit is None else limit
    units: list[Found] = []
    while pos < limit:
        if titles:
            found = title_at(text, pos, limit) or unit_at(text, pos, limit, key)
        else:
            found = unit_at(text, pos, limit, key)
        key = None
        if not found:
            break
        members = _named_members(text, found, limit)
        if members:
            units += members
            found = members[-1]
        else:
            units.append(found)
        sibling = _same_head_other_level(text, found, limit)
        if sibling is not None:
            units.append(sibling)
            found = sibling
        sep = LIST_SEP_RE.match(text, found.end)
        pos = sep.end() if sep and sep.end() > found.end else found.end
        if pos == found.end:
            break
    _share_level_word(units)
    return units


_MEMBERS_COLON_RE = re.compile(r"[^\S\n]*:[^\S\n]*")
_MEMBER_SEP_RE = re.compile(r"[^\S\n]*,[^\S\n]*")


def _named_members(text: str, found: Found, limit: int) -> list[Found]:
    """"Giám đốc các Sở: Nội vụ, Tài chính, Y tế": a collective whose kind word is followed by a colon and names
    written without it stands for those units, each read as if the kind word were written before its name."""
    if not found.collective or found.head is not None:
        return []
    colon = _MEMBERS_COLON_RE.match(text, found.end, limit)
    if colon is None:
        return []
    word = found.written.split()[-1]
    word = word[:1].upper() + word[1:]
    out: list[Found] = []
    pos = colon.end()
    while pos < limit:
        written = f"{word} {text[pos:limit]}"
        unit = unit_at(written, 0)
        if unit is None or unit.collective or unit.end <= len(word) + 1:
            break
        shift = pos - len(word) - 1
        unit.start, unit.end, unit.titled = pos, unit.end + shift, found.titled
        unit.written = text[pos:unit.end]
        out.append(unit)
        sep = _MEMBER_SEP_RE.match(text, unit.end, limit)
        if sep is None:
            break
        pos = sep.end()
    return out


# --- officials named by title -----------------------------------------------------------
def _title_pattern() -> re.Pattern:
    """All title phrases in one anchored pattern, longest first: one match tells whether a title starts here."""
    parts = sorted(((len(p), f"(?P<t{i}_{n}>{phrase_pattern(p)})") for i, title in enumerate(T.TITLES)
                    for n, p in enumerate(title.phrases)), key=lambda x: -x[0])
    return re.compile(rf"(?i:{'|'.join(b for _, b in parts)})(?!\w)")


TITLE_RE = _title_pattern()
TITLE_KEYS = frozenset(first_key(p) for title in T.TITLES for p in title.phrases)
_TITLE_OF_GROUP = {name: T.TITLES[int(name[1:].split("_")[0])] for name in TITLE_RE.groupindex}
SPACES_RE = re.compile(r"\s+")
_TITLE_GAP_RE = re.compile(r"[^\S\n]*:\s*|\s+")
# the enacting formula names its document with a capital: "ban hành Thông tư" (not "ban hành quyết định công nhận")
ENACTING_RE = re.compile(r"\s*(?i:ban\s+hành)\s+(?:" + "|".join(
    phrase_pattern(t[0].upper() + t[1:]) for t in T.ENACTING_TYPES) + r")(?!\w)")


@cache
def _meant(stands_for: str) -> Found:
    """The unit a bare title stands for, read from the table's text ("các bộ")."""
    found = unit_at(stands_for, 0)
    assert found is not None, stands_for
    return found


def title_at(text: str, pos: int, limit: int) -> Found | None:
    """"Bộ trưởng Bộ Tài chính", "Các Bộ trưởng": the body an official named by title heads, or None."""
    m = TITLE_RE.match(text, pos, limit)
    if m is None or m.group(0).isupper():
        return None  # "BỘ TRƯỞNG", "KT. CHỦ TỊCH": a signer in the signature frame, not a task's subject
    after = _TITLE_GAP_RE.match(text, m.end(), limit)  # "Giao Giám đốc: Sở Văn hóa, …"
    if after:
        unit = unit_at(text, after.end(), limit)
        if unit is not None:
            return Found(pos, unit.end, text[pos:unit.end], unit.name, unit.unit_type, unit.collective, unit.level,
                         unit.explicit_level, unit.below, unit.place_name, unit.head, titled=True)
        if text[after.end():after.end() + 1].isupper():
            return None  # a name the grammar cannot read, or a person ("Chủ tịch Hồ Chí Minh")
    title = _TITLE_OF_GROUP[m.lastgroup]
    if title.stands_for is None:
        return _shared_collective(text, pos, m.end(), limit)
    meant = _meant(title.stands_for)
    return Found(pos, m.end(), text[pos:m.end()], meant.name, meant.unit_type, meant.collective, meant.level,
                 meant.explicit_level, meant.below, None, meant.head, titled=True)


def _shared_collective(text: str, pos: int, end: int, limit: int) -> Found | None:
    """"Vụ trưởng, Cục trưởng, Tổng cục trưởng các Vụ, Cục … thuộc Bộ Y tế": titles in a row, each with nothing
    after it, share the collective written after the last one; the run from `pos` is that one unit (one body per
    title cannot be told apart). `end` is where the first title ends; None when the run ends on no collective."""
    while (sep := COMMA_RE.match(text, end, limit)) and (nxt := TITLE_RE.match(text, sep.end(), limit)):
        if _TITLE_OF_GROUP[nxt.lastgroup].stands_for is not None:
            return None  # "Bộ trưởng": a title that is a unit of its own
        end = nxt.end()
        after = SPACES_RE.match(text, end, limit)
        unit = unit_at(text, after.end(), limit) if after else None
        if unit is not None:
            if not unit.collective:
                return None
            return Found(pos, unit.end, text[pos:unit.end], unit.name, unit.unit_type, True, unit.level,
                         unit.explicit_level, unit.below, unit.place_name, unit.head, titled=True)
    return None


# ", xã" after "UBND huyện": the same head at another level, not followed by a head of its own
# ("tỉnh, thành phố trực thuộc Trung ương" is one level, the provinces and the cities run like them)
_OTHER_LEVEL_RE = re.compile(
    rf"\s*,\s*(?:(?i:và)\s+)?(?P<lw>(?i:{LEVEL_WORDS}))(?!\w)(?!\s+(?i:ủy|uỷ|trực\s+thuộc)(?!\w))"
)


def _same_head_other_level(text: str, found: Found, limit: int) -> Found | None:
    """"UBND huyện, xã": the head of `found` written once for its level and the one below gives
    a second unit, the one "UBND xã" would give (written, and spanning, as the whole phrase)."""
    if found.head is None or found.head.tail != "level" or not found.explicit_level or found.collective:
        return None
    m = _OTHER_LEVEL_RE.match(text, found.end, limit)
    own = LAST_LEVEL_WORD_RE.search(found.written)
    if m is None or own is None or name_key(m.group("lw")) == name_key(own.group(1)):
        return None
    other = unit_at(f"{found.written[: own.start()]} {m.group('lw')}", 0)
    if other is None or found.level not in LEVELS or other.level not in LEVELS:
        return None
    if LEVELS.index(other.level) != LEVELS.index(found.level) + 1:
        return None
    other.start, other.end, other.written = found.start, m.end("lw"), text[found.start : m.end("lw")]
    return other


def _share_level_word(units: list[Found]) -> None:
    """"HĐND, UBND huyện": the last unit's level word also belongs to the bare ones right before it (a unit
    that writes its own level ends the run: "Trưởng Ban Dân tộc, …, UBND cấp huyện, UBND cấp xã")."""
    if len(units) < 2:
        return
    last = units[-1]
    m = LAST_LEVEL_WORD_RE.search(last.name)
    if not m or not last.explicit_level:
        return
    for u in reversed(units[:-1]):
        if u.explicit_level:
            break
        if u.head is not None and u.head.level is not None:
            continue  # a head with a level of its own ("Thường trực Huyện ủy, HĐND, UBND huyện")
        if not u.explicit_level and u.head is not None and u.head.tail == "level" and not u.collective:
            u.name = f"{u.name} {m.group(1)}"
            u.level, u.explicit_level = last.level, True
        elif u.collective and not u.explicit_level and u.unit_type in ("mass_org", "press"):
            u.name = f"{u.name} {m.group(1)}"
            u.level, u.explicit_level = last.level, True
