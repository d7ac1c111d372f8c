"""Citations as documents write them (ingest/citations.py find_citations).

Every row is a written passage and what a careful reader takes from it: the documents
it cites (canonical symbol), their dates, congress term, issuing body and subject. The
forms come from the grammar of Party and State documents (Hướng dẫn 36-HD/VPTW, Nghị
định 30/2020/NĐ-CP) and from the sample plans.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policygraph.ingest.citation_finder import find_citations
from policygraph.ingest.pipeline import parse_text


def C(symbol, date=None, **want):  # noqa: N802 - reads like a table row
    return {"symbol": symbol, "date": date, **want}


# (passage, expected citations in order). Extra keys: term, year, issuer (the issuing body
# exactly as written, with a term in brackets after it), subject (start of the "về …" phrase), flags (must be present),
# grammar, level.
CITES = [
    # Party symbols, every issuer level
    ("Thực hiện Kế hoạch số 45-KH/HU ngày 03/6/2013 của Huyện ủy", [C("45-KH/HU", "2013-06-03", level="district")]),
    ("theo Nghị quyết số 25-NQ/TW của Trung ương", [C("25-NQ/TW", level="central", grammar="party")]),
    (
        "Kế hoạch số 711-KH/BDVTW, ngày 08 tháng 3 năm 2017 của Ban Dân vận Trung ương",
        [C("711-KH/BDVTW", "2017-03-08", issuer="Ban Dân vận Trung ương", level="central")],
    ),
    (
        "căn cứ Nghị quyết số 101-NQ/ĐU ngày 26 tháng 12 năm 2023 của Đảng ủy xã",
        [C("101-NQ/ĐU", "2023-12-26", issuer="Đảng ủy xã")],
    ),
    ("Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng", [C("36-HD/VPTW", "2018-04-03")]),
    ("Quy định số 08-QĐi/TW ngày 25/10/2018", [C("08-QĐi/TW", "2018-10-25")]),
    (
        "Chỉ thị số 28-CT/TU ngày 05/5/2019 của Tỉnh ủy Bình Phước về công tác dân vận",
        [C("28-CT/TU", "2019-05-05", issuer="Tỉnh ủy Bình Phước", subject="công tác dân vận", level="province")],
    ),
    ("Đề án số 01-ĐA/TU ngày 31/8/2016 của Tỉnh ủy", [C("01-ĐA/TU", "2016-08-31", issuer="Tỉnh ủy")]),
    # State symbols
    (
        "Chỉ thị số 16/CT-TTg, ngày 16 tháng 5 năm 2016 của Thủ tướng Chính phủ",
        [C("16/CT-TTg", "2016-05-16", issuer="Thủ tướng Chính phủ", grammar="state", level="central")],
    ),
    ("Chỉ thị 18/2000/CT-TTg", [C("18/2000/CT-TTg", year=2000)]),
    ("Nghị quyết 30c/NQ-CP ngày 08 tháng 11 năm 2011 của Chính phủ", [C("30c/NQ-CP", "2011-11-08")]),
    ("Quyết định số 123/QĐ-UBND ngày 15/01/2020 của UBND tỉnh", [C("123/QĐ-UBND", "2020-01-15")]),
    ("Đề án số 01/ĐA-MTTQ-BTT ngày 10/3/2021", [C("01/ĐA-MTTQ-BTT", "2021-03-10")]),
    ("Luật số 41/2024/QH15", [C("41/2024/QH15", year=2024)]),
    ("Công văn số 3637/UBND-VX ngày 02/10/2019", [C("3637/UBND-VX", "2019-10-02")]),
    (
        "Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư",
        [C("30/2020/NĐ-CP", "2020-03-05", subject="công tác văn thư", year=2020)],
    ),
    ("Thông tư số 05/2025/TT-BLĐTBXH ngày 01/3/2025", [C("05/2025/TT-BLĐTBXH", "2025-03-01")]),
    ("Thông tư liên tịch số 01/2014/TTLT-BNV-BTC", [C("01/2014/TTLT-BNV-BTC", year=2014)]),
    # spaces and dash variants inside a written symbol
    ("Kết luận số 62 - KL/TW ngày 08/12/2009 của Bộ Chính trị", [C("62-KL/TW", "2009-12-08")]),
    ("Quyết định số 432 – QĐ/HU ngày 10/5/2018", [C("432-QĐ/HU", "2018-05-10")]),
    ("Kết luận số 114- KL/TW ngày 14/7/2015", [C("114-KL/TW", "2015-07-14")]),
    ("Kết luận số 114 -KL/TW", [C("114-KL/TW")]),
    ("Chỉ thị số 16/CT–TTg", [C("16/CT-TTg")]),
    # upper-case titles
    ("TRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG SỐ 30-CTR/TU NGÀY 10/9/2013", [C("30-CTr/TU", "2013-09-10")]),
    ("NGHỊ QUYẾT SỐ 30C/NQ-CP NGÀY 08/11/2011", [C("30c/NQ-CP", "2011-11-08")]),
    # Ð (U+00D0) typed for Đ
    ("Nghị quyết số 101-NQ/ÐU", [C("101-NQ/ĐU")]),
    ("Quyết định số 432-QÐ/HU", [C("432-QĐ/HU")]),
    ("Đề án 01/ÐA-MTTQ-BTT", [C("01/ĐA-MTTQ-BTT")]),
    # enumerations: one citation per number, all sharing the date
    (
        "Nghị quyết số 23, 24, 25-NQ/TW ngày 12/3/2003 của Ban Chấp hành Trung ương Đảng (khóa IX)",
        [
            C("23-NQ/TW", "2003-03-12", term="IX"),
            C("24-NQ/TW", "2003-03-12", term="IX"),
            C("25-NQ/TW", "2003-03-12", term="IX"),
        ],
    ),
    ("Chỉ thị số 05 và 06-CT/TW", [C("05-CT/TW"), C("06-CT/TW")]),
    (
        "các Nghị quyết số 23-NQ/TW, 24-NQ/TW và 25-NQ/TW ngày 12/3/2003",
        [C("23-NQ/TW", "2003-03-12"), C("24-NQ/TW", "2003-03-12"), C("25-NQ/TW", "2003-03-12")],
    ),
    (
        "Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị",
        [C("217-QĐ/TW", "2013-12-12", issuer="Bộ Chính trị"), C("218-QĐ/TW", "2013-12-12", issuer="Bộ Chính trị")],
    ),
    # each with its own date: nothing is shared
    (
        "Chỉ thị số 05-CT/TW ngày 15/5/2016 và Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị",
        [C("05-CT/TW", "2016-05-15"), C("01-KL/TW", "2021-05-18")],
    ),
    # dates: every written form, split across lines
    ("Kế hoạch số 45-KH/HU ngày 3-6-2013", [C("45-KH/HU", "2013-06-03")]),
    ("Kế hoạch số 45-KH/HU ngày 3.6.2013", [C("45-KH/HU", "2013-06-03")]),
    ("Kế hoạch số 45-KH/HU ngày 03 tháng 6 năm 2013", [C("45-KH/HU", "2013-06-03")]),
    ("Kế hoạch số 45-KH/HU, ngày 03 tháng 6\nnăm 2013", [C("45-KH/HU", "2013-06-03")]),
    (
        "Nghị quyết số 25-NQ/TW ngày\n03/6/2013 của Hội nghị lần thứ bảy Ban Chấp hành Trung ương (khóa XI) về công tác"
        " dân vận",
        [C("25-NQ/TW", "2013-06-03", term="XI", subject="công tác dân vận",
           issuer="Hội nghị lần thứ bảy Ban Chấp hành Trung ương (khóa XI)")],
    ),
    ("Quyết định số 123/QĐ-UBND ngày 03 tháng\n6 năm 2013", [C("123/QĐ-UBND", "2013-06-03")]),
    ("Nghị quyết số 25-NQ/TW ngày 03/6/\n2013", [C("25-NQ/TW", "2013-06-03")]),
    # an impossible date is not a date
    ("Kế hoạch số 45-KH/HU ngày 31/02/2013", [C("45-KH/HU", None)]),
    # congress term, issuing body, subject
    (
        "Nghị quyết 25-NQ/TW (khóa XI) về tăng cường công tác dân vận",
        [C("25-NQ/TW", term="XI", subject="tăng cường công tác dân vận")],
    ),
    (
        "Nghị quyết số 25-NQ/TW, ngày 03/6/2016 của Ban Chấp hành Trung ương (khóa XI)",
        [C("25-NQ/TW", "2016-06-03", term="XI")],
    ),
    (
        "Nghị quyết số 25-NQ/TW ngày 03/6/2013 Hội nghị lần thứ 7 Ban Chấp hành Trung ương Đảng khoá XI về tăng cường",
        [C("25-NQ/TW", "2013-06-03", term="XI", subject="tăng cường")],
    ),
    (
        "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị (khoá XII) về đẩy mạnh học tập và làm theo tư tưởng",
        [C("05-CT/TW", "2016-05-15", term="XII", issuer="Bộ Chính trị (khoá XII)", subject="đẩy mạnh học tập")],
    ),
    (
        "Kế hoạch số 109-KH/TU ngày 01/6/2018 của Tỉnh ủy về “Dân vận khéo” giai đoạn 2018 - 2020",
        [C("109-KH/TU", "2018-06-01", issuer="Tỉnh ủy", subject="Dân vận khéo")],
    ),
    (
        "Quyết định số 290-QĐ/TW ngày 25/02/2010 của Bộ Chính trị Ban hành Quy chế công tác dân vận",
        [C("290-QĐ/TW", "2010-02-25", issuer="Bộ Chính trị")],
    ),
    # a State symbol written the Party way
    (
        "Chỉ thị số 33-CT/TTg ngày 05/7/2019 của Thủ tướng",
        [C("33/CT-TTg", "2019-07-05", flags=["state_in_party_form"], grammar="state")],
    ),
    # a date is shared forwards only: the later, undated symbol keeps no date
    (
        "Kế hoạch số 45-KH/HU ngày 03/6/2013 và Kế hoạch số 46-KH/HU của Huyện ủy",
        [C("45-KH/HU", "2013-06-03"), C("46-KH/HU", None, issuer="Huyện ủy")],
    ),
    (
        "Quyết định số 1234/QĐ-TTg ngày 5/10/2020; Quyết định số 18/2021/QĐ-TTg",
        [C("1234/QĐ-TTg", "2020-10-05"), C("18/2021/QĐ-TTg", None, year=2021)],
    ),
    ("Thông báo kết luận số 130-TB/TW ngày 10/01/2018", [C("130-TB/TW", "2018-01-10")]),
    ("số 45-KH/HU,ngày 03/6/2013", [C("45-KH/HU", "2013-06-03")]),
    # places around a symbol that do not end it
    ("(theo Chỉ thị 16/CT-TTg)", [C("16/CT-TTg")]),
    ("theo Nghị quyết số 25-NQ/TW.", [C("25-NQ/TW")]),
    ("“Nghị quyết số 25-NQ/TW”", [C("25-NQ/TW")]),
    ("Căn cứ Luật Đất đai số 31/2024/QH15¹;", [C("31/2024/QH15")]),  # footnote mark glued on
    ("Nghị quyết số 25-NQ/TW;Chỉ thị số 16/CT-TTg", [C("25-NQ/TW"), C("16/CT-TTg")]),
    # text wrapped at a fixed width (gazette and PDF extraction): a line ends anywhere
    ("theo Kết luận số 114-\nKL/TW ngày 14/7/2015", [C("114-KL/TW", "2015-07-14")]),
    ("trọng tâm là Kết luận số 18-\nKL/TW ngày 02 tháng 4 năm 2026", [C("18-KL/TW", "2026-04-02")]),
    ("về tiếp tục thực hiện Kết luận 62\n- KL/TW ngày 08/12/2009", [C("62-KL/TW", "2009-12-08")]),
    # a date in brackets after the number
    ("Chỉ thị 05-CT/TW (15/5/2016) của Bộ Chính trị", [C("05-CT/TW", "2016-05-15")]),
    ("Kế hoạch 12-KH/HU (ngày 03/02/2020)", [C("12-KH/HU", "2020-02-03")]),
    # "ban hành" before the date is not an issuer ("Ban …")
    ("Chỉ thị số 05-CT/TW ban hành ngày 15/5/2016 của Bộ Chính trị", [C("05-CT/TW", "2016-05-15")]),
    ("Quyết định số 12/QĐ-UBND được ban hành ngày 15/5/2016", [C("12/QĐ-UBND", "2016-05-15")]),
    (
        "Thực hiện tốt Nghị quyết số 23,\n24, 25-NQ/TW ngày 12/3/2003",
        [C("23-NQ/TW", "2003-03-12"), C("24-NQ/TW", "2003-03-12"), C("25-NQ/TW", "2003-03-12")],
    ),
]


def _ids(rows):
    return [r[0][:60] for r in rows]


@pytest.mark.parametrize("text,want", CITES, ids=_ids(CITES))
def test_citation_forms(text, want):
    got = find_citations(text)
    assert [c.symbol for c in got] == [w["symbol"] for w in want]
    for c, w in zip(got, want, strict=True):
        assert c.date == w["date"], (c.symbol, "date")
        if w["date"]:
            assert c.year == int(w["date"][:4])
        if "year" in w:
            assert c.year == w["year"], (c.symbol, "year")
        if "term" in w:
            assert c.term == w["term"], (c.symbol, "term")
        if "issuer" in w:
            assert c.issuer_text == w["issuer"], (c.symbol, "issuer", c.issuer_text)
        if "subject" in w:
            assert c.subject and c.subject.startswith(w["subject"]), (c.symbol, "subject", c.subject)
        for flag in w.get("flags", []):
            assert flag in c.flags
        if "grammar" in w:
            assert c.grammar == w["grammar"]
        if "level" in w:
            assert c.level == w["level"]
        # the span points at the symbol as written
        if "…" not in c.written:
            assert text[c.start : c.end] == c.written


# Passages with numbers that are not document symbols
NOT_CITATIONS = [
    "Điện thoại: 0271.3879.123",
    "ĐT: 0211-3862-456; Fax: 0271 3879 124",
    "theo Điều 5 của Luật này",
    "Khoản 2/Điều 5",
    "trong quý IV/2016",
    "quý III/2024",
    "kỷ niệm 94 năm Ngày truyền thống (15/10/1930 - 15/10/2024)",
    "có 1/2 số hộ",
    "đạt 3/5 chỉ tiêu; tỷ lệ 85/100 xã",
    "QCVN 02:2019/BCT về an toàn",
    "QCVN 01:2021/BXD",
    "TCVN 5574:2018",
    "ngày 12/3/2003",
    "12/3/2003",
    "tháng 6/2013",
    "giai đoạn 2021 - 2025, năm 2015-2020",
    "đường 30/4, Phòng 3/2A",
    "lúc 14h30 ngày 5/6",
    "Thời gian ký: 25.08.2024 10:15:40 +07:00",
    "số 5/UBND",
    "Email: thongtinchinhphu@chinhphu.vn",
    "https://congbao.chinhphu.vn/van-ban/nghi-dinh-so-112-2021-nd-cp-34959.htm",
    "Số: 45-KH/HU",  # the document's own number is not a citation
]


@pytest.mark.parametrize("text", NOT_CITATIONS)
def test_not_citations(text):
    assert find_citations(text) == []


def test_own_number_in_a_body_is_not_cited():
    text = "HUYỆN ỦY HÒN QUẢN\nSố: 45-KH/HU\n\nKẾ HOẠCH\nThực hiện Đề án số 01-ĐA/TU ngày 31/8/2016 của Tỉnh ủy\n"
    assert [c.symbol for c in find_citations(text)] == ["01-ĐA/TU"]


# -- properties: nothing a text contains makes extraction raise ---------------------------

_vn = "ăâđêôơưĂÂĐÊÔƠƯàáảãạÀÁĐÐ"
_atoms = st.sampled_from(
    [
        "Nghị quyết số ",
        "25-NQ/TW",
        " ngày ",
        "03/6/2013",
        " (khóa XI)",
        " về ",
        "Số: ",
        "\n",
        "\n\n",
        "của Tỉnh ủy ",
        "23, 24, ",
        " và ",
        "16/CT-TTg",
        "30-CTR/TU",
        "CÔNG BÁO/Số 1 + 2/Ngày 1-1-2024",
        "Ký bởi: X",
        "1 ",
        "Thực hiện ",
        "Căn cứ ",
        "I. ",
        "Điều 1. ",
        ";",
        "“",
        "”",
        "(",
        ")",
        " - ",
        "–",
        "/",
        "Ð",
        "33-CT/TTg",
        "QCVN 02:2019/BCT",
    ]
)
_texty = st.text(alphabet=string.ascii_letters + string.digits + string.punctuation + " \n\t" + _vn, max_size=80)
_passages = st.lists(st.one_of(_atoms, _texty), max_size=25).map("".join)


@settings(max_examples=200, deadline=None)
@given(_passages)
def test_find_citations_never_raises(text):
    for c in find_citations(text):
        assert c.symbol and 0 <= c.start < c.end <= len(text)


@settings(max_examples=100, deadline=None)
@given(_passages)
def test_parse_text_never_raises(text):
    doc = parse_text(text)
    assert doc.text == text
    for c in doc.citations:
        assert 0 <= c.start < c.end <= len(text)


def test_evidence_of_a_citation_opening_its_line_starts_at_the_citation():
    """A blank line right before the citation ends the sentence before it: the header above is not evidence."""
    text = (
        "BỘ Y TẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nTHÔNG TƯ\n"
        "Ban hành Danh mục thuốc\n\n"
        "Thông tư số 05/2015/TT-BYT ngày 17 tháng 3 năm 2015 của Bộ trưởng Bộ Y tế ban hành Danh mục thuốc, "
        "có hiệu lực kể từ ngày 01 tháng 5 năm 2015.\n"
    )
    (cited,) = [c for c in parse_text(text).citations if c.symbol == "05/2015/TT-BYT"]
    assert cited.evidence.startswith("Thông tư số 05/2015/TT-BYT ngày 17 tháng 3 năm 2015")
    assert cited.evidence.endswith("ngày 01 tháng 5 năm 2015.")


# -- text wrapped at a fixed width -------------------------------------------------------------


def test_an_asserted_edge_whose_words_are_wrapped():
    text = (
        "Kế hoạch số 109-KH/TU ngày 11/8/2010 của Ban Thường vụ Tỉnh ủy thực\n"
        "hiện Kết luận số 65-KL/TW của Ban Bí thư (khóa X) về tiếp tục thực hiện Chỉ\n"
        "thị số 30-CT/TW của Bộ Chính trị (khóa VIII) về xây dựng và thực hiện Quy chế dân chủ ở cơ sở;\n"
    )
    doc = parse_text(text)
    edges = [(doc.citations[a.source].symbol, a.type, doc.citations[a.target].symbol) for a in doc.asserted]
    assert edges == [("109-KH/TU", "implements", "65-KL/TW"), ("65-KL/TW", "implements", "30-CT/TW")]
    assert [c.doc_type for c in doc.citations] == ["KH", "KL", "CT"]


def test_a_title_then_its_preamble_without_a_blank_line_both_implement():
    # Word and PDF give paragraphs without blank lines: "Thực hiện" at a line's start opens the preamble, it
    # does not continue the title into "X thực hiện X" (a document implementing itself)
    text = (
        "KẾ HOẠCH\nthực hiện Đề án số 01-ĐA/TU ngày 31/8/2016 của Tỉnh ủy\n"
        "Thực hiện Đề án số 01-ĐA/TU ngày 31/8/2016 của Tỉnh ủy về công tác dân vận, Huyện ủy Bạch Thông "
        "xây dựng Kế hoạch thực hiện như sau:\n"
    )
    doc = parse_text(text)
    assert [(c.symbol, c.relation) for c in doc.citations] == [("01-ĐA/TU", "implements")] * 2
    assert doc.asserted == []
    # a line that goes on in lower case goes on with the sentence: the edge the text states stays
    wrapped = parse_text("Kế hoạch số 109-KH/TU ngày 11/8/2010 của Tỉnh ủy\nthực hiện Kết luận số 65-KL/TW.\n")
    assert [(wrapped.citations[a.source].symbol, wrapped.citations[a.target].symbol) for a in wrapped.asserted] == [
        ("109-KH/TU", "65-KL/TW")]


def test_an_issuer_ends_at_a_wrapped_verb():
    doc = parse_text("Căn cứ Nghị định số 94/2022/NĐ-CP ngày 07/11/2022 của Chính phủ quy\nđịnh nội dung chỉ tiêu;\n")
    assert [c.issuer_text for c in doc.citations] == ["Chính phủ"]


def test_a_blank_line_still_ends_a_phrase():
    # a paragraph break is not a wrapped line: "thực\n\nhiện" links nothing
    doc = parse_text("Kế hoạch số 109-KH/TU ngày 11/8/2010 của Tỉnh ủy thực\n\nhiện Kết luận số 65-KL/TW của Bộ.\n")
    assert doc.asserted == []


def test_ban_hanh_is_not_an_issuer():
    (c,) = find_citations("Chỉ thị số 05-CT/TW ban hành ngày 15/5/2016 của Bộ Chính trị")
    assert c.issuer_text == "Bộ Chính trị"
    (c,) = find_citations("Kế hoạch số 12-KH/TU ban hành kèm theo Quyết định")
    assert c.issuer_text is None


@pytest.mark.parametrize(
    "text,issuer",
    [
        ("Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án", "Thủ tướng Chính phủ"),
        ("Thông tư số 17/2022/TT-BLĐTBXH ngày 06/9/2022 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội "
         "hướng dẫn thực hiện", "Bộ trưởng Bộ Lao động - Thương binh và Xã hội"),
        ("Nghị định số 12/2024/NĐ-CP ngày 05/02/2024 của Chính phủ sửa đổi, bổ sung", "Chính phủ"),
    ],
)  # fmt: skip
def test_an_issuer_ends_at_the_verb_of_the_subject(text, issuer):
    (c,) = find_citations(text)
    assert c.issuer_text == issuer


def test_an_issuer_after_the_term_in_brackets():
    (c,) = find_citations("Chỉ thị 05-CT/TW (khóa XII) của Bộ Chính trị về học tập")
    assert (c.issuer_text, c.term, c.subject) == ("Bộ Chính trị", "XII", "học tập")
