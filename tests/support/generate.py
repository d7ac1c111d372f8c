"""Generate a realistic corpus with known truth: central resolutions, province programmes,
district and commune plans, written the way the real samples are (headers, "Thực hiện …"
preambles, citation slips, spaced dashes, "Tổ chức thực hiện", "Nơi nhận").

    python bench/generate.py --docs 100000 --out /tmp/corpus100k [--provinces 63] [--short]

Writes OUT/docs/NNN/NNNNNNN.txt, OUT/truth.jsonl (one line per document: its graph id,
what it implements, what it assigns) and OUT/graph.pickle, the graph that a perfect
ingester would build (docs/model.md), so that queries can be checked and timed apart
from ingestion. `generate()` and `to_graph()` are the in-memory API used by the tests.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import random
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GAZETTEER = ROOT / "data" / "gazetteer" / "legacy.json"

# --- templates (Vietnamese text lives here and only here) ----------------------------------

SUBJECTS = [
    "tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới",
    "tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo”",
    "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "tăng cường xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
    "nâng cao chất lượng, hiệu quả thực hiện Quy chế dân chủ ở cơ sở",
    "công tác dân tộc trong tình hình mới",
    "công tác tôn giáo trong tình hình mới",
    "xây dựng nông thôn mới giai đoạn mới",
    "chuyển đổi số trong cơ quan Đảng",
    "tăng cường sự lãnh đạo của Đảng đối với công tác phòng, chống tham nhũng, lãng phí",
    "phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội",
    "đổi mới nội dung, phương thức hoạt động công tác dân vận của hệ thống chính trị",
    "tăng cường công tác dân vận của cơ quan nhà nước, chính quyền các cấp",
    "bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch",
]

# Central issuers: (symbol suffix, type code, type name, issuer text, grammar)
CENTRAL_KINDS = [
    ("NQ", "TW", "Nghị quyết", "Ban Chấp hành Trung ương Đảng", "party"),
    ("CT", "TW", "Chỉ thị", "Bộ Chính trị", "party"),
    ("KL", "TW", "Kết luận", "Ban Bí thư", "party"),
    ("KH", "BDVTW", "Kế hoạch", "Ban Dân vận Trung ương", "party"),
    ("CT", "TTg", "Chỉ thị", "Thủ tướng Chính phủ", "state"),
]
TERMS = [(2001, 2005, "IX"), (2006, 2010, "X"), (2011, 2015, "XI"), (2016, 2020, "XII"), (2021, 2025, "XIII")]
TERM_ORDINAL = {"IX": "lần thứ chín", "X": "lần thứ năm", "XI": "lần thứ bảy", "XII": "lần thứ tư",
                "XIII": "lần thứ sáu"}

TYPE_NAMES = {"NQ": "Nghị quyết", "CT": "Chỉ thị", "KL": "Kết luận", "KH": "Kế hoạch",
              "CTr": "Chương trình hành động", "ĐA": "Đề án"}

PURPOSE = [
    "Tạo chuyển biến mạnh mẽ về nhận thức và hành động của cấp ủy, tổ chức đảng, chính quyền, "
    "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội về {subject}.",
    "Xác định rõ nhiệm vụ, giải pháp và trách nhiệm của các cấp, các ngành trong tổ chức thực hiện; "
    "gắn với thực hiện nhiệm vụ chính trị của địa phương, cơ quan, đơn vị.",
    "Việc triển khai phải nghiêm túc, thiết thực, hiệu quả, phù hợp với tình hình thực tế {place_phrase}.",
]
TASKS = [
    "Tổ chức quán triệt, tuyên truyền sâu rộng nội dung {ref} đến cán bộ, đảng viên và Nhân dân.",
    "Xây dựng và nhân rộng các mô hình “Dân vận khéo” trên các lĩnh vực; kịp thời biểu dương, khen thưởng.",
    "Tăng cường đối thoại, tiếp xúc trực tiếp với Nhân dân; giải quyết kịp thời kiến nghị chính đáng.",
    "Đẩy mạnh cải cách hành chính, nâng cao tinh thần trách nhiệm phục vụ Nhân dân của cán bộ, công chức.",
    "Kiểm tra, giám sát việc thực hiện; định kỳ sơ kết, tổng kết, rút kinh nghiệm.",
]


@dataclass(frozen=True)
class UnitT:
    """A unit as a template: name pattern, type, level offset from the issuer, role."""

    name: str
    unit_type: str
    below: int  # 0: at the document's level; 1: one level down
    role: str
    collective: bool = False
    plans: bool = False  # told to issue its own plan: the next level of the chain


PROVINCE_PARTY_UNITS = [
    UnitT("Ban Dân vận Tỉnh ủy", "party_board", 0, "lead"),
    UnitT("Ban Tuyên giáo Tỉnh ủy", "party_board", 0, "support"),
    UnitT("Ban cán sự đảng Ủy ban nhân dân tỉnh", "party_group", 0, "execute"),
    UnitT("Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy", "party_committee", 1, "execute",
          collective=True, plans=True),
]
PROVINCE_STATE_UNITS = [
    UnitT("Sở Nội vụ", "department", 0, "lead"),
    UnitT("Các sở, ban, ngành", "department", 0, "execute", collective=True),
    UnitT("Ủy ban nhân dân các huyện, thành phố", "peoples_committee", 1, "execute",
          collective=True, plans=True),
]
DISTRICT_UNITS = [
    UnitT("Ban Dân vận Huyện ủy", "party_board", 0, "lead"),
    UnitT("Văn phòng Huyện ủy", "party_board", 0, "support"),
    UnitT("Ủy ban nhân dân huyện", "peoples_committee", 0, "execute"),
    UnitT("Các đảng ủy xã, thị trấn trực thuộc Huyện ủy", "party_committee", 1, "execute",
          collective=True, plans=True),
]
DISTRICT_STATE_UNITS = [
    UnitT("Phòng Nội vụ huyện", "department", 0, "lead"),
    UnitT("Các phòng, ban chuyên môn huyện", "department", 0, "execute", collective=True),
]
COMMUNE_UNITS = [
    UnitT("Khối Dân vận Đảng ủy", "party_board", 0, "lead"),
    UnitT("Ủy ban nhân dân xã", "peoples_committee", 0, "execute"),
    UnitT("Mặt trận Tổ quốc xã", "front", 0, "support"),
    UnitT("Các chi bộ trực thuộc", "party_committee", 0, "execute", collective=True),
]

# --- identities (as docs/model.md) ----------------------------------------------------------


def fold(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def place_scope(province: str | None, district: str | None = None, commune: str | None = None) -> str:
    return "/".join(fold(p) for p in (province, district, commune) if p)


def doc_id(symbol: str | None, level: str, scope: str, epoch: str, doc_type: str = "KH",
           salt: str = "") -> str:
    if symbol is None:  # the hash stands for the content hash of an unnumbered document
        digest = hashlib.sha1(f"{level}{scope}{epoch}{doc_type}{salt}".encode()).hexdigest()[:8]
        return f"doc:~{level}/{scope}|{doc_type}|{epoch}|{digest}"
    return f"doc:{symbol}|{scope}|{epoch}"


def unit_id(name: str, scope: str) -> str:
    return f"unit:{fold(name)}|{scope}"


def place_id(scope: str) -> str:
    return f"place:{scope}"


# --- the corpus -----------------------------------------------------------------------------


@dataclass
class Assign:
    unit: str  # unit id
    name: str
    unit_type: str
    level: str
    collective: bool
    role: str
    plans: bool
    deadline: str | None
    task: str
    province: str | None
    district: str | None
    commune: str | None


@dataclass
class Doc:
    id: str
    symbol: str | None
    doc_type: str
    grammar: str
    level: str
    province: str | None
    district: str | None
    commune: str | None
    date: str
    year: int
    term: str | None
    issuer: str
    issuer_unit: str
    issuer_type: str
    subject: str
    parent: str | None  # the document it implements (the known truth)
    grandparent: str | None = None
    assigns: list[Assign] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    slip: bool = False
    file: str | None = None

    @property
    def title(self) -> str:
        return f"{TYPE_NAMES.get(self.doc_type, 'Kế hoạch')} {self.subject}"

    def truth(self) -> dict:
        return {
            "id": self.id, "file": self.file, "symbol": self.symbol, "doc_type": self.doc_type,
            "level": self.level, "province": self.province, "district": self.district,
            "commune": self.commune, "date": self.date, "year": self.year, "issuer": self.issuer,
            "implements": [self.parent] if self.parent else [],
            "assigns": [vars(a) for a in self.assigns],
        }


@dataclass
class Corpus:
    docs: list[Doc]
    places: list[tuple[str, str | None, str | None, str | None]]  # (level, province, district, commune)
    seed: int

    def by_id(self) -> dict[str, Doc]:
        return {d.id: d for d in self.docs}


def load_gazetteer(provinces: int | None, rng: random.Random) -> list[dict]:
    data = json.loads(GAZETTEER.read_text(encoding="utf-8"))["provinces"]
    if provinces is not None and provinces < len(data):
        data = rng.sample(data, provinces)
    return data


class _Numbers:
    """Per-issuer, per-year counters: local numbering restarts, so symbols collide across places."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.next: dict[tuple, int] = {}

    def take(self, key: tuple) -> int:
        n = self.next.get(key) or self.rng.randint(1, 40)
        self.next[key] = n + self.rng.randint(1, 6)
        return n


def _date_after(rng: random.Random, start: str, low: int, high: int) -> str:
    return (date.fromisoformat(start) + timedelta(days=rng.randint(low, high))).isoformat()


def _assigns(rng: random.Random, units: list[UnitT], doc: Doc, next_level: str | None) -> list[Assign]:
    out = []
    scope_levels = {"province": (doc.province, None, None), "district": (doc.province, doc.district, None),
                    "commune": (doc.province, doc.district, doc.commune)}
    for u in units:
        level = doc.level if u.below == 0 else next_level
        if level is None:
            continue
        prov, dist, comm = scope_levels[doc.level]
        scope = place_scope(prov, dist, comm)
        deadline = _date_after(rng, doc.date, 30, 120) if u.plans or u.role == "lead" else None
        out.append(Assign(unit_id(u.name, scope), u.name, u.unit_type, level, u.collective, u.role, u.plans,
                          deadline, rng.choice(TASKS).format(ref="Kế hoạch này"), prov, dist, comm))
    return out


def generate(n_docs: int, seed: int = 1, provinces: int | None = None,
             p_province: float = 0.85, p_district: float = 0.8, p_commune: float = 0.6,
             p_state: float = 0.4) -> Corpus:
    """Exactly `n_docs` documents in chains central → province → district → commune.

    Not every place acts (p_*), so coverage has silent places with known answers.
    """
    rng = random.Random(seed)
    gaz = load_gazetteer(provinces, rng)
    numbers = _Numbers(rng)
    docs: list[Doc] = []
    used_central: dict[tuple, int] = {}
    central_ids: set[str] = set()

    def full() -> bool:
        return len(docs) >= n_docs

    places = []
    for p in gaz:
        places.append(("province", p["name"], None, None))
        for d in p["districts"]:
            places.append(("district", p["name"], d["name"], None))
            for c in d["communes"]:
                places.append(("commune", p["name"], d["name"], c))

    k = 0
    while not full():
        # --- central document; every second one reuses an earlier number in another term
        # Kinds come in pairs; the second of a pair often (always for the first pair) reuses
        # the number in another term: the two 25-NQ/TW of the samples.
        type_code, issuer_code, _, issuer, grammar = CENTRAL_KINDS[(k // 2) % len(CENTRAL_KINDS)]
        start, end, term = TERMS[(k + 2) % len(TERMS)]
        day = date(rng.randint(start, end), rng.randint(1, 12), rng.randint(1, 28)).isoformat()
        year = int(day[:4])
        key = (type_code, issuer_code)
        if key in used_central and k % 2 == 1 and (k == 1 or rng.random() < 0.5):
            number = used_central[key]
        else:
            number = rng.randint(1, 60)
            used_central[key] = number
        if grammar == "party":
            symbol, epoch = f"{number}-{type_code}/{issuer_code}", term
        else:
            symbol, epoch = f"{number}/{type_code}-{issuer_code}", str(year)
        central = Doc(doc_id(symbol, "central", "", epoch), symbol, type_code, grammar, "central",
                      None, None, None, day, year, term if grammar == "party" else None, issuer,
                      unit_id(issuer, ""), "party_committee" if grammar == "party" else "peoples_committee",
                      SUBJECTS[k % len(SUBJECTS)], None)
        k += 1
        if central.id in central_ids:
            continue
        central_ids.add(central.id)
        central.assigns = [Assign(unit_id("Các tỉnh ủy, thành ủy", ""), "Các tỉnh ủy, thành ủy",
                                  "party_committee", "province", True, "execute", True,
                                  _date_after(rng, day, 60, 180), TASKS[0].format(ref="Nghị quyết"),
                                  None, None, None)]
        docs.append(central)
        for p in rng.sample(gaz, len(gaz)):
            if full() or rng.random() > p_province:
                continue
            prog = _local_doc(rng, numbers, central, "province", p["name"], None, None, "CTr", "TU",
                              f"Ban Thường vụ Tỉnh ủy {p['name']}", "party_committee")
            prog.assigns = _assigns(rng, PROVINCE_PARTY_UNITS, prog, "district")
            docs.append(prog)
            state = None
            if not full() and rng.random() < p_state:
                state = _local_doc(rng, numbers, prog, "province", p["name"], None, None, "KH", "UBND",
                                   f"Ủy ban nhân dân tỉnh {p['name']}", "peoples_committee", numbered=False)
                state.assigns = _assigns(rng, PROVINCE_STATE_UNITS, state, "district")
                docs.append(state)
            for d in p["districts"]:
                if full():
                    break
                if state is not None and rng.random() < 0.5:
                    sd = _local_doc(rng, numbers, state, "district", p["name"], d["name"], None, "KH", "UBND",
                                    f"Ủy ban nhân dân huyện {d['name']}", "peoples_committee")
                    sd.assigns = _assigns(rng, DISTRICT_STATE_UNITS, sd, None)
                    docs.append(sd)
                if full() or rng.random() > p_district:
                    continue
                plan = _local_doc(rng, numbers, prog, "district", p["name"], d["name"], None, "KH", "HU",
                                  f"Ban Thường vụ Huyện ủy {d['name']}", "party_committee")
                plan.assigns = _assigns(rng, DISTRICT_UNITS, plan, "commune")
                docs.append(plan)
                for c in d["communes"]:
                    if full():
                        break
                    if rng.random() > p_commune:
                        continue
                    cp = _local_doc(rng, numbers, plan, "commune", p["name"], d["name"], c, "KH", "ĐU",
                                    f"Đảng ủy xã {c}", "party_committee", numbered=rng.random() > 0.1)
                    cp.assigns = _assigns(rng, COMMUNE_UNITS, cp, None)
                    docs.append(cp)
    return Corpus(docs[:n_docs], places, seed)


def _local_doc(rng, numbers, parent: Doc, level, province, district, commune, type_code, issuer_code,
               issuer, issuer_type, numbered: bool = True) -> Doc:
    day = _date_after(rng, parent.date, 5, 150)
    year = int(day[:4])
    scope = place_scope(province, district, commune)
    if not numbered:
        symbol = None
    elif issuer_code == "UBND":
        symbol = f"{numbers.take((scope, issuer_code, year))}/{type_code}-UBND"
    else:
        symbol = f"{numbers.take((scope, issuer_code, year))}-{type_code}/{issuer_code}"
    unit_scope = scope
    grammar = "state" if issuer_code == "UBND" else "party"
    return Doc(doc_id(symbol, level, scope, str(year), type_code, parent.id), symbol, type_code, grammar, level,
               province,
               district, commune, day, year, None, issuer, unit_id(issuer, unit_scope), issuer_type,
               parent.subject, parent.id, parent.parent, slip=rng.random() < 0.15)


# --- the graph a perfect ingester would build -----------------------------------------------


def to_graph(corpus: Corpus, evidence: bool = True, graph=None):
    """The networkx MultiDiGraph of docs/model.md for the corpus (stubs never arise: every
    cited document is generated). With `graph=identity_graph()` the same nodes and edges
    go into the resolver's plain form instead, ready for ``Store.write_graph``."""
    import networkx as nx

    g = nx.MultiDiGraph() if graph is None else graph
    for level, province, district, commune in corpus.places:
        scope = place_scope(province, district, commune)
        name = commune or district or province
        g.add_node(place_id(scope), kind="place", label=name, name=name, level=level, province=province,
                   district=district, commune=commune)
        if level != "province":
            g.add_edge(place_id(scope), place_id(scope.rsplit("/", 1)[0]), key="part_of", type="part_of")
    by_id = corpus.by_id()
    for d in corpus.docs:
        g.add_node(d.id, kind="document", label=d.symbol or d.title[:40], symbol=d.symbol,
                   doc_type=d.doc_type,
                   doc_type_name=TYPE_NAMES.get(d.doc_type), grammar=d.grammar, date=d.date, year=d.year,
                   term=d.term, level=d.level, province=d.province, district=d.district, commune=d.commune,
                   issuer=d.issuer, title=d.title, subject=d.subject, source=d.file or d.id, stub=False,
                   flags=[])
        scope = place_scope(d.province, d.district, d.commune)
        if d.issuer_unit not in g:
            g.add_node(d.issuer_unit, kind="unit", label=d.issuer, name=d.issuer, unit_type=d.issuer_type,
                       collective=False, level=d.level, province=d.province, district=d.district,
                       commune=d.commune)
        g.add_edge(d.id, d.issuer_unit, key="issued_by", type="issued_by", stated_in=d.id)
        if scope:
            g.add_edge(d.id, place_id(scope), key="located_in", type="located_in", stated_in=d.id)
        if d.parent:
            text = preamble(d, by_id) if evidence else None
            g.add_edge(d.id, d.parent, key="implements", type="implements", stated_in=d.id, asserted=False,
                       evidence=text, flags=["issuer_slip"] if d.slip else [])
        if d.grandparent and d.grandparent in by_id:
            g.add_edge(d.id, d.grandparent, key="references", type="references", stated_in=d.id,
                       asserted=False)
        for a in d.assigns:
            if a.unit not in g:
                g.add_node(a.unit, kind="unit", label=a.name, name=a.name, unit_type=a.unit_type,
                           collective=a.collective, level=a.level, province=a.province, district=a.district,
                           commune=a.commune)
            g.add_edge(d.id, a.unit, key="assigns", type="assigns", stated_in=d.id, role=a.role, task=a.task,
                       deadline=a.deadline, deadline_text=_deadline_text(a.deadline), section="III",
                       in_body=False)
    return g


def identity_graph():
    """An empty identity.Graph (what the resolver returns) that takes to_graph's calls."""
    from policygraph.graph.identity import Graph

    class _Builder(Graph):
        def add_edge(self, src: str, dst: str, key: str, **attrs) -> None:
            self.edges.append((src, dst, key, attrs))

        def __contains__(self, node_id: str) -> bool:
            return node_id in self.nodes

    return _Builder()


def write_store(corpus: Corpus, folder: Path) -> None:
    """The perfect ingester's graph written into an embedded store at `folder`."""
    from policygraph.graph.store import Store

    graph = to_graph(corpus, evidence=True, graph=identity_graph())
    corpus.docs.clear()  # the graph keeps what it needs; free the documents before writing
    store = Store.open(folder)
    try:
        store.write_graph(graph)
    finally:
        store.close()


# --- text -------------------------------------------------------------------------------------


def vn_date(iso: str, rng: random.Random | None = None, style: int | None = None) -> str:
    d = date.fromisoformat(iso)
    style = style if style is not None else (rng.randint(0, 2) if rng else 0)
    if style == 0:
        return f"ngày {d.day:02d} tháng {d.month} năm {d.year}"
    if style == 1:
        return f"ngày {d.day:02d}/{d.month:02d}/{d.year}"
    return f"ngày {d.day}/{d.month}/{d.year}"


def _deadline_text(deadline: str | None) -> str | None:
    if not deadline:
        return None
    d = date.fromisoformat(deadline)
    return f"hoàn thành trước ngày {d.day:02d}/{d.month:02d}/{d.year}"


def _written_symbol(doc: Doc, rng: random.Random, slip: bool) -> str:
    symbol = doc.symbol or ""
    if slip and symbol.endswith("/TW"):
        return symbol[:-3] + "/TU"  # the slip of sample 003: 25-NQ/TU for the Central Committee's
    if rng.random() < 0.2:
        return symbol.replace("-", " - ", 1)  # "62 - KL/TW"
    return symbol


def _issuer_phrase(doc: Doc, citing: Doc) -> str:
    if doc.level == "central":
        term = f" (khóa {doc.term})" if doc.term else ""
        return f"của {doc.issuer}{term}"
    if doc.level == "province" and citing.province == doc.province:
        return "của Ban Thường vụ Tỉnh ủy" if doc.grammar == "party" else "của Ủy ban nhân dân tỉnh"
    if doc.level == "district":
        return "của Huyện ủy" if doc.grammar == "party" else "của Ủy ban nhân dân huyện"
    return f"của {doc.issuer}"


def cite(doc: Doc, citing: Doc, rng: random.Random) -> str:
    name = TYPE_NAMES.get(doc.doc_type, "Kế hoạch")
    if doc.symbol is None:
        return f"{name} {_issuer_phrase(doc, citing)} {vn_date(doc.date, rng)} về {doc.subject}"
    written = _written_symbol(doc, rng, citing.slip)
    return f"{name} số {written}, {vn_date(doc.date, rng)} {_issuer_phrase(doc, citing)} về {doc.subject}"


def preamble(doc: Doc, by_id: dict[str, Doc]) -> str:
    """The "Thực hiện …" sentence: the evidence of the implements edge."""
    rng = random.Random(doc.id + "preamble")
    parent = by_id.get(doc.parent) if doc.parent else None
    if parent is None:
        return f"Căn cứ Điều lệ Đảng; {doc.issuer} ban hành {TYPE_NAMES[doc.doc_type]} về {doc.subject}."
    grand = by_id.get(doc.grandparent) if doc.grandparent else None
    text = f"Thực hiện {cite(parent, doc, rng)}"
    if grand is not None and rng.random() < 0.6:
        text += f" thực hiện {cite(grand, doc, rng)}"
    return text + f", {doc.issuer} xây dựng Kế hoạch thực hiện như sau:"


def render(doc: Doc, by_id: dict[str, Doc], short: bool = False) -> str:
    """The document's text, laid out as the samples are."""
    rng = random.Random(doc.id + "text")
    parent = by_id.get(doc.parent) if doc.parent else None
    grand = by_id.get(doc.grandparent) if doc.grandparent else None
    header = {
        "central": f"BAN CHẤP HÀNH TRUNG ƯƠNG\n{doc.issuer.upper()}",
        "province": f"ĐẢNG BỘ TỈNH {(doc.province or '').upper()}\nTỈNH ỦY" if doc.grammar == "party"
        else f"ỦY BAN NHÂN DÂN\nTỈNH {(doc.province or '').upper()}",
        "district": f"TỈNH ỦY {(doc.province or '').upper()}\nHUYỆN ỦY {(doc.district or '').upper()}"
        if doc.grammar == "party" else f"ỦY BAN NHÂN DÂN\nHUYỆN {(doc.district or '').upper()}",
        "commune": f"ĐẢNG BỘ HUYỆN {(doc.district or '').upper()}\nĐẢNG ỦY XÃ {(doc.commune or '').upper()}",
    }[doc.level]
    place = doc.commune or doc.district or doc.province or "Hà Nội"
    number = f"Số {doc.symbol}" if doc.symbol else ""
    lines = [header, "*", number, f"{place}, {vn_date(doc.date, style=0)}", ""]
    lines.append(TYPE_NAMES.get(doc.doc_type, "Kế hoạch").upper())
    if parent:
        number = f" số {parent.symbol}" if parent.symbol else ""
        lines.append(f"thực hiện {TYPE_NAMES.get(parent.doc_type, 'Kế hoạch')}{number} về {doc.subject}")
    else:
        lines.append(f"về {doc.subject}")
    lines.append("")
    lines.append(preamble(doc, by_id))
    if grand is not None and not short:
        lines.append(f"Căn cứ {cite(grand, doc, rng)};")
    lines.append("")
    place_phrase = {"central": "của đất nước", "province": "của tỉnh", "district": "của huyện",
                    "commune": "của xã"}[doc.level]
    lines.append("I. MỤC ĐÍCH, YÊU CẦU")
    for i, p in enumerate(PURPOSE[: 1 if short else 3], 1):
        lines.append(f"{i}. " + p.format(subject=doc.subject, place_phrase=place_phrase))
    lines.append("")
    lines.append("II. NHIỆM VỤ, GIẢI PHÁP")
    ref = cite(parent, doc, rng) if parent else "Nghị quyết"
    for i, t in enumerate(rng.sample(TASKS, 2 if short else 4), 1):
        lines.append(f"{i}. " + t.format(ref=ref))
    lines.append("")
    lines.append("III. TỔ CHỨC THỰC HIỆN")
    for i, a in enumerate(doc.assigns, 1):
        lines.append(f"{i}. {a.name}")
        verb = {"lead": "Chủ trì, tham mưu", "support": "Phối hợp", "execute": "Căn cứ Kế hoạch này"}[a.role]
        extra = (" xây dựng kế hoạch cụ thể để triển khai thực hiện" if a.plans
                 else f" {a.task[0].lower()}{a.task[1:].rstrip('.')}")
        deadline = f" ({_deadline_text(a.deadline)})" if a.deadline else ""
        lines.append(f"- {verb}{extra}{deadline}.")
    lines.append("")
    lines.append("Nơi nhận:")
    if parent:
        lines.append(f"- {parent.issuer} (b/c);")
    lines.extend(f"- {a.name};" for a in doc.assigns[:4])
    lines.append("- Lưu VP.")
    lines.append("")
    lines.append("T/M BAN THƯỜNG VỤ" if doc.grammar == "party" else "TM. ỦY BAN NHÂN DÂN")
    lines.append("BÍ THƯ" if doc.grammar == "party" else "CHỦ TỊCH")
    return "\n".join(lines) + "\n"


def write(corpus: Corpus, out: Path, short: bool = False, graph: bool = True, texts: bool = True) -> None:
    """Texts, truth.jsonl and graph.pickle under `out`."""
    out.mkdir(parents=True, exist_ok=True)
    by_id = corpus.by_id()
    with open(out / "truth.jsonl", "w", encoding="utf-8") as truth:
        for i, doc in enumerate(corpus.docs):
            rel = f"docs/{i // 1000:04d}/{i:07d}.txt"
            doc.file = rel
            if texts:
                path = out / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(render(doc, by_id, short), encoding="utf-8")
            truth.write(json.dumps(doc.truth(), ensure_ascii=False) + "\n")
    (out / "places.json").write_text(json.dumps(corpus.places, ensure_ascii=False), encoding="utf-8")
    if graph:
        with open(out / "graph.pickle", "wb") as fh:
            pickle.dump(to_graph(corpus, evidence=True), fh, protocol=pickle.HIGHEST_PROTOCOL)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--provinces", type=int, default=None, help="this many provinces (default all 63)")
    parser.add_argument("--short", action="store_true", help="short texts (for 100k+ corpora)")
    parser.add_argument("--no-graph", action="store_true")
    parser.add_argument("--no-texts", action="store_true", help="only truth.jsonl and graph.pickle")
    parser.add_argument("--store", type=Path, help="instead: write the graph into an embedded store here")
    args = parser.parse_args(argv)
    if args.out is None and args.store is None:
        parser.error("--out or --store is required")
    corpus = generate(args.docs, args.seed, args.provinces)
    if args.store:
        n = len(corpus.docs)
        write_store(corpus, args.store)
        print(f"{n} documents in the store at {args.store}", file=sys.stderr)
        return
    write(corpus, args.out, short=args.short, graph=not args.no_graph, texts=not args.no_texts)
    print(f"{len(corpus.docs)} documents in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
