"""Where a document belongs: place clues in the text matched against a gazetteer.

The gazetteer joins today's units (the `vietnam-provinces` package: 34 provinces since
1 July 2025) with the units before the reform (63 provinces and their districts,
shipped as data/gazetteer/legacy.json, see scripts/build_gazetteer.py), because most
documents name the units of their own time. Matching folds diacritics, so a slip such
as "Hòn Quản" still finds "Hớn Quản" inside the right province.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from policygraph.ingest.models import Place
from policygraph.text import fold
from policygraph.vocabulary import Level

_PREFIX = re.compile(r"^(Thành phố|Tỉnh|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn|Đặc khu)\s+")


@dataclass
class Gazetteer:
    provinces: dict[str, str]  # folded -> display name
    districts: dict[str, list[tuple[str, str]]]  # folded -> [(province, district)]
    communes: dict[str, list[tuple[str, str, str]]]  # folded -> [(province, district, commune)]


# Provinces the legacy table knows by a later name: documents of their time write the former one
# ("Tỉnh ủy Thừa Thiên Huế", 2022), which is found as the same province.
FORMER_PROVINCE_NAMES = {"Thừa Thiên Huế": "Huế"}


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    provinces: dict[str, str] = {}
    districts: dict[str, list[tuple[str, str]]] = {}
    communes: dict[str, list[tuple[str, str, str]]] = {}
    legacy = json.loads(resources.files("policygraph").joinpath("data", "gazetteer", "legacy.json").read_text("utf-8"))
    for p in legacy["provinces"]:
        provinces[fold(p["name"])] = p["name"]
        for d in p["districts"]:
            districts.setdefault(fold(d["name"]), []).append((p["name"], d["name"]))
            for c in d["communes"]:
                communes.setdefault(fold(c), []).append((p["name"], d["name"], c))
    for former, name in FORMER_PROVINCE_NAMES.items():
        provinces.setdefault(fold(former), name)
    import vietnam_provinces

    current = json.loads(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH.read_text("utf-8"))
    for p in current:
        name = _PREFIX.sub("", p["name"]).strip()
        provinces.setdefault(fold(name), name)
        for w in p.get("wards", ()):  # today's communes and wards belong to no district
            ward = _PREFIX.sub("", w["name"]).strip()
            communes.setdefault(fold(ward), []).append((name, None, ward))
    return Gazetteer(provinces, districts, communes)


FORMER_PROVINCE_NAMES_BY_KEY = {fold(former): former for former in FORMER_PROVINCE_NAMES}
_NAME = r"((?:[A-ZĐ][^\s,.;:()\"“”/]*)(?:[ ](?:[A-ZĐ][^\s,.;:()\"“”/]*)){0,3})"
# words that introduce a place name, by the level of that name (matched case-sensitively:
# "tỉnh Bắc Kạn", "Tỉnh ủy Gia Lai", "Báo Gia Lai"; a name starts with a capital letter)
CLUE_WORDS: dict[str, tuple[str, ...]] = {
    "province": ("tỉnh", "Tỉnh", "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ", "thành phố", "Thành phố", "Báo",
                 "Đài Phát thanh và Truyền hình", "Đài Phát thanh - Truyền hình",
                 # the top-left frame is written in capitals: "ĐẢNG BỘ TỈNH BÌNH PHƯỚC"
                 "TỈNH", "TỈNH ỦY", "THÀNH ỦY", "THÀNH PHỐ", "ỦY BAN NHÂN DÂN TỈNH"),
    "district": ("huyện", "Huyện", "Huyện ủy", "Huyện uỷ", "Quận ủy", "Quận uỷ", "quận", "Quận", "Thị ủy", "Thị uỷ",
                 "thị xã", "Thị xã", "HUYỆN", "HUYỆN ỦY", "QUẬN ỦY", "THỊ ỦY", "QUẬN", "THỊ XÃ"),
    "commune": ("xã", "Xã", "phường", "Phường", "thị trấn", "Thị trấn", "Đảng ủy xã", "Đảng uỷ xã", "XÃ", "PHƯỜNG",
                "ĐẢNG ỦY XÃ"),
}
_NAME_AFTER = re.compile(r"[ ]+" + _NAME)
# districts and wards of cities are numbered ("Quận 3", "Phường 12"): after these words a number is a name
NUMBERED_CLUE_WORDS = frozenset({"quận", "Quận", "QUẬN", "phường", "Phường", "PHƯỜNG"})
_NUMBER_AFTER = re.compile(r"[ ]+(\d{1,2})(?![\d/.:,-]?\d)")


@dataclass
class Clue:
    level: str
    written: str
    start: int


def _clue_groups() -> dict[str, list[tuple[int, str, str]]]:
    """Clue words grouped by their first word: "Tỉnh", "Tỉnh ủy" and "Tỉnh uỷ" are found with one search.

    Each entry is (order, level, word); `order` is the word's place in CLUE_WORDS, which
    settles the order of clues that start at the same character.
    """
    groups: dict[str, list[tuple[int, str, str]]] = {}
    order = 0
    for level, words in CLUE_WORDS.items():
        for word in words:
            groups.setdefault(word.split()[0], []).append((order, level, word))
            order += 1
    return groups


_CLUE_GROUPS = _clue_groups()
# The first words, longest first. No first word is a prefix of another, so at most one
# starts at a character; and one that starts inside another is preceded by a letter, which
# is not a clue. After the first word comes what a clue needs next: spaces and a name
# (_NAME_AFTER), or a space and the clue word's second word ("Tỉnh ủy", "thị xã").
_CLUE_SECOND_WORDS = sorted({w.split()[1] for g in _CLUE_GROUPS.values() for _, _, w in g if " " in w})


def _trie_pattern(words: list[str]) -> str:
    """An alternation of `words` that shares their prefixes: "t(?:h(?:ành|ị)|ỉnh)".

    Same matches as "|".join(longest first): a longer word is still tried before a word
    that is its prefix. re tries the pattern at every letter a first word starts with
    ("t", "h" are frequent), and a shared prefix lets most attempts fail at one branch.
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in node.items() if char]
        branches += [""] if "" in node else []  # the word ending here: after its longer words
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(tree)


_CLUE_LOOKAHEAD = "(?= +[A-ZĐ\\d]| (?:" + "|".join(map(re.escape, _CLUE_SECOND_WORDS)) + "))"
_CLUE_FIRST_RE = re.compile(_trie_pattern(sorted(_CLUE_GROUPS)) + _CLUE_LOOKAHEAD)
# find_clues runs _CLUE_FIRST_RE as three scans. A pattern that opens with a set of letters costs
# re a test of that set at every character (about 4 ns), and an attempt at each "t" and "h" of
# the text (a Vietnamese text is full of "th", "nh"); one that opens with a literal letter is
# skipped to in a tight loop (0.3 ns a character). So the words that open with those two letters
# get a scan each, and the rarer letters share one: 20% less time than the single scan.
_FREQUENT_FIRST_LETTERS = "th"


def _first_words_re(words: Iterable[str]) -> re.Pattern:
    return re.compile(_trie_pattern(sorted(words)) + _CLUE_LOOKAHEAD)


_CLUE_FIRST_RES = [_first_words_re(w for w in _CLUE_GROUPS if w[0] == c) for c in _FREQUENT_FIRST_LETTERS] + [
    _first_words_re(w for w in _CLUE_GROUPS if w[0] not in _FREQUENT_FIRST_LETTERS)
]


def find_clues(text: str) -> list[Clue]:
    """Place names introduced by a clue word, in text order.

    Regexes over the first words of the clue words (re scans in C for their first
    letters), then the words of that first word's group are tested where it occurs.
    The scans may find their words in any order: the clues are sorted at the end, and a
    word found inside another word follows a letter, which is not a clue.
    """
    found = []
    for rx in _CLUE_FIRST_RES:
        for fm in rx.finditer(text):
            i = fm.start()
            if i == 0 or not text[i - 1].isalpha():
                for order, level, word in _CLUE_GROUPS[fm.group()]:
                    if text.startswith(word, i):
                        m = _NAME_AFTER.match(text, i + len(word))
                        if m is None and word in NUMBERED_CLUE_WORDS:
                            m = _NUMBER_AFTER.match(text, i + len(word))
                        if m:
                            found.append((i, level, order, Clue(level, m.group(1), i)))
    found.sort(key=lambda f: f[:3])
    return [f[3] for f in found]


def _prefixes(name: str) -> list[str]:
    words = name.split()
    return [" ".join(words[:k]) for k in range(len(words), 0, -1)]


def locate(text: str, max_level: str = Level.COMMUNE) -> Place:
    """Best province / district / commune for a document, from the clues in its text.

    `max_level` stops at the document's own level: a provincial plan that names a
    district is not located in that district.
    """
    gaz = gazetteer()
    # a clue may be wrapped over two lines ("Ban Thường vụ Huyện\nủy Bạch Thông"): lines are
    # read as one (the same length, so the clues' offsets stand)
    clues = find_clues(text.replace("\n", " ") if "\n" in text else text)
    votes: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    district_hits: list[list[tuple[str, str]]] = []
    commune_hits: list[list[tuple[str, str, str]]] = []
    for clue in clues:
        for prefix in _prefixes(clue.written):
            key = fold(prefix)
            if clue.level == Level.PROVINCE and key in gaz.provinces:
                name = gaz.provinces[key]
                votes[name] += 1
                first_seen.setdefault(name, clue.start)
                break
            if clue.level in (Level.DISTRICT, Level.PROVINCE) and key in gaz.districts:
                district_hits.append(gaz.districts[key])
                break
            if clue.level == Level.COMMUNE and key in gaz.communes:
                commune_hits.append(gaz.communes[key])
                break
    province = None
    if votes:
        province = max(votes, key=lambda n: (votes[n], -first_seen[n]))
    else:
        for hits in district_hits:
            if len({p for p, _ in hits}) == 1:
                province = hits[0][0]
                break
    if province is None or max_level == Level.PROVINCE:
        return Place(province)
    district = next((d for hits in district_hits for p, d in hits if p == province), None)
    if max_level == Level.DISTRICT:
        return Place(province, district)
    if district is None:
        return _commune_alone(province, commune_hits)
    commune = next((c for hits in commune_hits for p, d, c in hits if p == province and d == district), None)
    return Place(province, district, commune)


def _commune_alone(province: str, commune_hits: list[list[tuple[str, str | None, str]]]) -> Place:
    """A commune named without its district: one of the province's communes before July 2025
    (its district with it) when only one has the name, else one of today's communes, which
    belong to no district; the province alone when neither says."""
    for hits in commune_hits:
        legacy = {(d, c) for p, d, c in hits if p == province and d}
        if len(legacy) == 1:
            district, commune = next(iter(legacy))
            return Place(province, district, commune)
        today = next((c for p, d, c in hits if p == province and d is None), None)
        if today:
            return Place(province, None, today)
    return Place(province)


DISTRICT_LEVEL_ENDED = "2025-07-01"  # local government has two levels since: provinces and communes


def without_district(place: Place) -> Place:
    """A place after the district level ended: the district dropped, and a district name that is
    now one of the province's communes ("xã Chư Sê") read as that commune."""
    commune = place.commune
    if commune is None and place.district:
        hits = gazetteer().communes.get(fold(place.district), [])
        commune = next((c for p, d, c in hits if p == place.province and d is None), None)
    return Place(place.province, None, commune)


# A town's or a provincial city's Party committee ("Thị ủy Sông Cầu", "Thành ủy Pleiku") numbers
# its documents "/TU" like the provincial committee, but it is a district-level body.
_TOWN_COMMITTEE_RE = re.compile(r"(?i)\b(thị|thành)\s+(?:ủy|uỷ)(?:\s+((?:[A-ZĐ]\w*)(?:\s+[A-ZĐ]\w*){0,3}))?")


def names_town_committee(text: str | None) -> bool:
    """Whether `text` names a district-level committee that numbers its documents "/TU": any
    "Thị ủy", or a "Thành ủy" of a city that is a district of the gazetteer, not a province."""
    m = _TOWN_COMMITTEE_RE.search(text or "")
    if not m:
        return False
    if m.group(1).lower() == "thị":
        return True
    name = m.group(2)
    if not name:
        return False
    g = gazetteer()
    words = name.split()
    for n in range(len(words), 0, -1):
        key = fold(" ".join(words[:n]))
        if key in g.provinces:
            return False
        if key in g.districts:
            return True
    return False


def match_province(name: str) -> str | None:
    """A province's display name for a written one ('tỉnh Bắc Kạn', 'Bac Kan'), or None."""
    name = _PREFIX.sub("", name.strip())
    return gazetteer().provinces.get(fold(name))


def match_district(name: str, province: str | None) -> str | None:
    """A district's display name inside `province` (any province when None)."""
    hits = gazetteer().districts.get(fold(_PREFIX.sub("", name.strip())), [])
    for p, d in hits:
        if province is None or p == province:
            return d
    return None


def province_of_district(district: str) -> str | None:
    """The province of a district name found in only one province (None when it is shared)."""
    hits = {p for p, _ in gazetteer().districts.get(fold(district), [])}
    return hits.pop() if len(hits) == 1 else None
