"""An undated citation of a symbol that names two documents (25-NQ/TW of term IX, on religion,
and of term XI, on mass mobilisation) joins the one its subject picks: at least half of its
words must be that document's, and more than the other's. Also: the issuer a stub takes
when its citations disagree, and one text ingested under two paths.
"""

from __future__ import annotations

import pytest

from policygraph.graph.identity import resolve
from policygraph.ingest.pipeline import parse_text

XI = "doc:25-NQ/TW||XI"
IX = "doc:25-NQ/TW||IX"
BOTH = (
    "Thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI) về công tác dân vận "
    "và Nghị quyết số 25-NQ/TW ngày 12/3/2003 của Ban Chấp hành Trung ương Đảng (khóa IX) về công tác tôn giáo"
)


def plan(body: str, number: str = "12", district: str = "Hớn Quản", year: int = 2014) -> str:
    """A district Party committee's plan of Bình Phước in the usual frame; `body` opens its preamble."""
    return (
        f"ĐẢNG BỘ TỈNH BÌNH PHƯỚC\nHUYỆN ỦY {district.upper()}\nSố {number}-KH/HU\n\n"
        f"{district}, ngày 05 tháng 3 năm {year}\n\nKẾ HOẠCH\nthực hiện công tác dân vận\n\n"
        f"{body}, Ban Thường vụ Huyện ủy {district} xây dựng Kế hoạch thực hiện như sau:\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức của cán bộ, đảng viên.\n"
    )


def targets(*bodies: str) -> list[str]:
    """The node the last plan's one citation of 25-NQ/TW resolves to."""
    docs = [parse_text(plan(b, number=str(10 + i)), f"/docs/{i:02}.txt") for i, b in enumerate(bodies)]
    g = resolve(docs)
    src = next(n for n, a in g.nodes.items() if a.get("source") == f"/docs/{len(bodies) - 1:02}.txt")
    return [t for s, t, _k, _a in g.edges if s == src and g.nodes[t].get("symbol") == "25-NQ/TW"]


@pytest.mark.parametrize(
    "subject,target",
    [
        ("về công tác tôn giáo", IX),  # all its words are IX's; half of them XI's too
        ("về tôn giáo", IX),  # no word of XI's subject
        ("về tôn giáo và đất đai", IX),  # exactly half of its words are IX's
        ("về công tác dân vận", XI),
        ("về dân vận của Đảng", XI),  # "của" is short but counted: 2 of 3 words
    ],
)
def test_an_undated_citation_joins_the_document_its_subject_names(subject, target):
    assert targets(BOTH, f"Thực hiện Nghị quyết số 25-NQ/TW {subject}") == [target]


@pytest.mark.parametrize(
    "subject",
    [
        "về tôn giáo, đất đai và khoáng sản",  # two of five words: less than half
        "về công tác",  # as much of one as of the other
        "",
    ],
)
def test_an_undated_citation_whose_subject_names_neither_stays_ambiguous(subject):
    (target,) = targets(BOTH, f"Thực hiện Nghị quyết số 25-NQ/TW {subject}".strip())
    assert target == "doc:25-NQ/TW||?"


def _cited_from(year: int, *known: str) -> str:
    """The node an undated '25-NQ/TW' resolves to in a plan of `year`, beside plans (of 2014) citing `known`."""
    docs = [parse_text(plan(f"Thực hiện {k}", number=str(30 + i)), f"/docs/{i:02}.txt") for i, k in enumerate(known)]
    docs.append(parse_text(plan("Thực hiện Nghị quyết số 25-NQ/TW", number="99", year=year), "/docs/99.txt"))
    g = resolve(docs)
    src = next(n for n, a in g.nodes.items() if a.get("source") == "/docs/99.txt")
    (target,) = [t for s, t, _k, _a in g.edges if s == src and g.nodes[t].get("symbol") == "25-NQ/TW"]
    return target


def test_an_undated_citation_in_a_text_older_than_one_candidate_joins_the_other():
    assert _cited_from(2010, BOTH) == IX  # the resolution of 2013 did not exist in 2010


def test_a_text_of_the_candidates_own_year_may_cite_it():
    assert _cited_from(2013, BOTH) == "doc:25-NQ/TW||?"  # both existed in 2013: no guess
    assert _cited_from(2002, BOTH) == "doc:25-NQ/TW||?"  # neither existed: no guess either


def test_a_candidate_whose_year_is_unknown_stops_the_guess_by_year():
    ix = "Nghị quyết số 25-NQ/TW ngày 12/3/2003 của Ban Chấp hành Trung ương Đảng (khóa IX)"
    assert _cited_from(2010, ix, "Nghị quyết số 25-NQ/TW (khóa XI)") == "doc:25-NQ/TW||?"
    # a date that contradicts the term does not give the term its year
    wrong = "Nghị quyết số 25-NQ/TW ngày 03/6/2016 của Ban Chấp hành Trung ương (khóa XI)"
    assert _cited_from(2010, ix, wrong) == "doc:25-NQ/TW||?"


def _stub(citations: list[str], symbol: str) -> dict:
    docs = [parse_text(plan(f"Thực hiện {c}", number=str(20 + i)), f"/docs/{i:02}.txt")
            for i, c in enumerate(citations)]
    (node,) = [a for a in resolve(docs).nodes.values() if a.get("symbol") == symbol]
    return node


def test_a_stub_takes_the_issuer_most_citations_name():
    directive = "Chỉ thị số 05-CT/TW ngày 15/5/2016 của {} về đẩy mạnh học tập và làm theo tư tưởng Hồ Chí Minh"
    node = _stub([directive.format("Bộ Chính trị"), directive.format("Ban Bí thư"),
                  directive.format("Bộ Chính trị")], "05-CT/TW")
    assert node["issuer"] == "Bộ Chính trị"
    assert node["mentions"] == 3


def test_between_two_issuers_named_as_often_the_stub_takes_the_first_in_order():
    directive = "Chỉ thị số 05-CT/TW ngày 15/5/2016 của {} về đẩy mạnh học tập và làm theo tư tưởng Hồ Chí Minh"
    forward = _stub([directive.format("Bộ Chính trị"), directive.format("Ban Bí thư")], "05-CT/TW")
    backward = _stub([directive.format("Ban Bí thư"), directive.format("Bộ Chính trị")], "05-CT/TW")
    assert forward["issuer"] == backward["issuer"] == "Ban Bí thư"


def test_a_citation_whose_date_contradicts_its_term_does_not_name_the_issuer():
    # two citations write a date of term XII beside "(khóa XI)"; the one consistent citation names the issuer
    wrong = "Nghị quyết số 25-NQ/TW ngày 03/6/2016 của Ban Chấp hành Trung ương (khóa XI) về công tác dân vận"
    right = ("Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng (khóa XI) "
             "về công tác dân vận")
    node = _stub([wrong, wrong, right], "25-NQ/TW")
    assert node["issuer"] == "Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng (khóa XI)"
    assert node["date"] == "2013-06-03"


def test_when_every_citation_contradicts_its_term_the_issuer_still_comes_from_them():
    wrong = "Nghị quyết số 25-NQ/TW ngày 03/6/2016 của Ban Chấp hành Trung ương (khóa XI) về công tác dân vận"
    node = _stub([wrong], "25-NQ/TW")
    assert node["issuer"] == "Ban Chấp hành Trung ương (khóa XI)"
    assert node["date"] is None and node["year"] is None and node["term"] == "XI"


def test_the_same_text_under_two_paths_is_one_document():
    text = plan(BOTH)
    g = resolve([parse_text(text, "/docs/a/plan.txt"), parse_text(text, "/docs/b/plan-copy.txt")])
    own = [n for n, a in g.nodes.items() if a.get("source")]
    assert own == ["doc:12-KH/HU|binh-phuoc/hon-quan|2014"]
    assert g.nodes[own[0]]["source"] == "/docs/a/plan.txt"
    assert g.nodes[own[0]]["duplicates"] == ["/docs/b/plan-copy.txt"]
    cites = sorted((t, a["type"]) for s, t, _k, a in g.edges if s == own[0] and a["type"] == "implements")
    assert cites == [(IX, "implements"), (XI, "implements")]  # once each, not twice


def test_another_text_under_the_same_number_is_kept_apart():
    first = plan(BOTH)
    other = first.replace("1. Nâng cao nhận thức của cán bộ, đảng viên.", "1. Tổ chức quán triệt trong chi bộ.")
    g = resolve([parse_text(first, "/docs/a.txt"), parse_text(other, "/docs/b.txt")])
    own = {a["source"]: n for n, a in g.nodes.items() if a.get("source")}
    assert own["/docs/a.txt"] == "doc:12-KH/HU|binh-phuoc/hon-quan|2014"
    assert own["/docs/b.txt"] != own["/docs/a.txt"]
    assert g.nodes[own["/docs/a.txt"]]["duplicates"] == ["/docs/b.txt"]
