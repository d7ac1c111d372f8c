"""Units and tasks in text wrapped at a fixed width, as PDF and gazette extraction give it: a line end inside a
unit name or a list of units reads as the space it replaced; a real line start (an item, a heading, a paragraph
after a blank line) stays one."""

from __future__ import annotations

import textwrap

import pytest
from support import ingest as H

from policygraph.ingest.models import Place
from policygraph.ingest.pipeline import parse_text
from policygraph.ingest.unit_resolve import UnitContext
from policygraph.ingest.units import extract_units
from policygraph.ingest.unwrap import WRAP_WIDTH_MAX, unwrap

PROVINCE = UnitContext(level="province", place=Place("Gia Lai"), issuer_code="TU", doc_date="2017-06-30")
COMMUNE = UnitContext(level="commune", place=Place("Bắc Kạn", "Bạch Thông"), issuer_code="ĐU", doc_date="2024-01-30")
CENTRAL = UnitContext(level="central", place=Place(), issuer_code="CP", doc_date="2023-12-10")


def _assigned(text: str, ctx: UnitContext) -> list[tuple[str, str]]:
    return [(a.unit.name, a.role) for a in extract_units(text, ctx).assigns]


# --- unit lists cut by a line end read as on one line (the seeds wrapped at 60 columns) ------------------------
CUT_LISTS = [
    pytest.param(
        PROVINCE,
        "III- Tổ chức thực hiện\n\n",
        "1- Đảng đoàn Hội đồng nhân dân tỉnh, Ban cán sự đảng Ủy ban\n"
        "nhân dân tỉnh, Đảng đoàn Ủy ban Mặt trận Tổ quốc, các đoàn\n"
        "thể chính trị - xã hội tỉnh chỉ đạo quán triệt cho cán bộ.\n",
        [
            ("Đảng đoàn Hội đồng nhân dân tỉnh", "execute"),
            ("Ban cán sự đảng Ủy ban nhân dân tỉnh", "execute"),
            ("Đảng đoàn Ủy ban Mặt trận Tổ quốc tỉnh", "execute"),
            ("Các đoàn thể chính trị - xã hội tỉnh", "execute"),
        ],
        id="002: four units over three lines",
    ),
    pytest.param(
        COMMUNE,
        "III. TỔ CHỨC THỰC HIỆN\n\n",
        "1. Các chi bộ trực thuộc, MTTQ, các đoàn thể chính trị - xã\n"
        "hội căn cứ kế hoạch này chỉ đạo, cụ thể hóa nội dung.\n",
        [
            ("Các chi bộ trực thuộc", "execute"),
            ("Mặt trận Tổ quốc xã", "execute"),
            ("Các đoàn thể chính trị - xã hội xã", "execute"),
        ],
        id="001: a kind cut inside 'xã hội'",
    ),
    pytest.param(
        COMMUNE,
        "",
        "1.5. Công tác phát triển đoàn viên, hội viên của các tổ chức chính trị\n"
        "- xã hội đạt và vượt so với chỉ tiêu ngành dọc cấp trên giao. Mặt trận\n"
        "Tổ quốc và các tổ chức chính trị - xã hội chủ trì giám sát được ít\n"
        "nhất 01 chính sách liên quan đến đoàn viên, hội viên và Nhân dân.\n",
        [("Mặt trận Tổ quốc xã", "lead"), ("Các tổ chức chính trị - xã hội xã", "lead")],
        id="001 at 70: a head cut inside 'Mặt trận Tổ quốc', a dash opening a line",
    ),
    pytest.param(
        CENTRAL,
        "",
        "Điều 3. Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ, tổ chức chính trị - \nxã hội, Ủy ban nhân dân các "
        "tỉnh, thành phố trực thuộc Trung ương, Tổng cục \nGiáo dục nghề nghiệp, các trường có đăng ký hoạt động giáo "
        "dục nghề nghiệp trình \nđộ trung cấp, trình độ cao đẳng đối với các ngành, nghề quy định tại Điều 1 Thông tư "
        "\nnày và các đơn vị có liên quan chịu trách nhiệm thi hành Thông tư này. \n",
        [
            ("Các bộ, cơ quan ngang bộ, cơ quan thuộc chính phủ, tổ chức chính trị - xã hội", "execute"),
            ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "execute"),
            ("Tổng cục Giáo dục nghề nghiệp", "execute"),
        ],
        id="Thông tư 13/2023/TT-BLĐTBXH, Điều 3: a department named over a line end",
    ),
    pytest.param(
        CENTRAL,
        "",
        "1. Bộ Khoa học và Công nghệ là cơ quan đầu mối, chủ trì, phối hợp với Bộ \nCông an và các cơ quan nhà nước có "
        "liên quan, trong phạm vi chức năng, nhiệm vụ, \nquyền hạn của mình, thực hiện việc ban hành hoặc công bố theo "
        "quy định của pháp \nluật về tiêu chuẩn và quy chuẩn kỹ thuật.\n",
        [("Bộ Khoa học và Công nghệ", "lead"), ("Bộ Công an", "support"), ("Các cơ quan", "support")],
        id="Nghị định 142/2026/NĐ-CP, Điều 31: a partner cut inside 'Bộ Công an'",
    ),
]


@pytest.mark.parametrize(("ctx", "head", "text", "want"), CUT_LISTS)
def test_a_unit_list_cut_by_line_ends_reads_as_on_one_line(ctx, head, text, want):
    assert _assigned(head + text, ctx) == want
    one_line = " ".join(line.strip() for line in text.splitlines()) + "\n"
    assert _assigned(head + one_line, ctx) == want


# --- a line that goes on with a sentence opens no task -----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "want"),
    [
        pytest.param(
            "ngoài. Định kỳ hàng tháng, quý, năm, Cơ quan đại diện Việt Nam ở nước ngoài \nbáo cáo số dư Quỹ Tạm giữ "
            "ngân sách nhà nước để Bộ Ngoại giao tổng hợp, gửi \nBộ Tài chính. \n",
            [],
            id="Nghị định 129/2026/NĐ-CP: 'gửi / Bộ Tài chính'",
        ),
        pytest.param(
            "d) Bộ Khoa học và Công nghệ có trách nhiệm chủ trì, phối hợp với các bộ, \ncơ quan ngang bộ và các tổ "
            "chức liên quan tổng hợp, xây dựng và trình Thủ tướng \nChính phủ ban hành, sửa đổi, bổ sung Danh mục quy "
            "định tại khoản 1 Điều này \ntrên cơ sở tiêu chí, nguyên tắc quy định tại Điều 8 của Nghị định này.\n",
            [("Bộ Khoa học và Công nghệ", "execute"), ("Các bộ, cơ quan ngang bộ", "support")],
            id="Nghị định 142/2026/NĐ-CP: 'trình Thủ tướng / Chính phủ ban hành'",
        ),
    ],
)
def test_a_unit_that_goes_on_a_sentence_is_not_its_subject(text, want):
    assert _assigned(text, CENTRAL) == want


def test_a_paragraph_after_a_heading_keeps_its_subject():
    """Tỉnh ủy Gia Lai's plan wrapped at 70: the heading's last line is full, the paragraph under it opens with
    "Các", which a sentence writes in lower case."""
    text = (
        "6. Phối hợp chặt chẽ với Mặt trận Tổ quốc và các đoàn thể chính trị -\n"
        "xã hội, các hội quần chúng trong công tác vận động quần chúng\n"
        "Các cơ quan, đơn vị, các cấp chính quyền xây dựng, bổ sung, điều chỉnh\n"
        "quy chế, chương trình phối hợp với Mặt trận Tổ quốc và các đoàn thể\n"
        "chính trị - xã hội để thực hiện tốt chức năng, nhiệm vụ được giao.\n"
    )
    assert _assigned(text, PROVINCE) == [("Các cơ quan, đơn vị", "execute")]


# --- which line ends are wraps --------------------------------------------------------------------------------------
# Full lines of about 60 characters (sentences, none goes on) before each case: the text reads as wrapped at 60.
FRAME = "Tăng cường công tác dân vận của hệ thống chính trị các cấp.\n" * 6 + "\n"
FULL = "Đẩy mạnh tuyên truyền, vận động các tầng lớp nhân dân"  # 53 characters: with a word, a full line
LINE_ENDS = [
    # (line, next line, a wrap?)
    ("1- Ban cán sự đảng Ủy ban", "nhân dân tỉnh chỉ đạo", True),  # lower case goes on, whatever the length
    (f"{FULL} và", "Ủy ban Mặt trận Tổ quốc", True),  # a word no sentence ends with
    (f"{FULL}, Đảng đoàn", "Ủy ban Mặt trận Tổ quốc", True),  # a unit opens the next line
    (f"{FULL}. Mặt trận", "Tổ quốc và các đoàn thể", True),  # a head cut inside
    (f"{FULL} do Sở", "Nội vụ chủ trì thực hiện", True),  # a name cut after its head
    (f"{FULL} chính trị", "- xã hội đạt chỉ tiêu", True),  # the dash of "chính trị - xã hội"
    (f"{FULL} tại", "Điều 5 Nghị định này", True),  # an article named inside a sentence
    (f"{FULL} số", "01-ĐA/TU ngày 31/8/2016", True),  # a symbol, not an item
    ("2. Ban Dân vận Huyện ủy", "Chủ trì, phối hợp với các ban", False),  # a short heading
    (f"{FULL} quần chúng", "Các cơ quan, đơn vị xây dựng", False),  # "Các" opens a sentence
    (f"{FULL} Ủy ban nhân dân tỉnh", "Tăng cường kiểm tra", False),  # not a place name
    (f"{FULL} được giao.", "Tăng cường phối hợp", False),  # a sentence mark, then a capital
    (FULL, "a) Nội dung tuyên truyền", False),
    (FULL, "2. Các huyện ủy, thị ủy", False),
    (FULL, "2.3. Mặt trận Tổ quốc", False),
    (FULL, "- Chỉ đạo các chi bộ", False),
    (FULL, "Điều 5. Trách nhiệm thi hành", False),
    (f"Điều 5. {FULL}", "Bộ trưởng Bộ Tài chính hướng dẫn", False),  # an article's title
    (f"{FULL.upper()} VÀ", "Ủy ban Mặt trận Tổ quốc", False),  # a heading in capitals
    (f"**{FULL}**", "nhân dân", False),  # markup
]


@pytest.mark.parametrize(("line", "after", "wrap"), LINE_ENDS, ids=[f"{a[-12:]} / {b[:12]}" for a, b, _ in LINE_ENDS])
def test_which_line_ends_are_wraps(line, after, wrap):
    text = f"{FRAME}{line}\n{after}\n"
    assert unwrap(text)[len(FRAME) + len(line)] == (" " if wrap else "\n")


def test_unwrap_keeps_every_position():
    text = f"{FRAME}1- Ban cán sự đảng Ủy ban\nnhân dân tỉnh chỉ đạo\n\n2. Các huyện ủy\n"
    flat = unwrap(text)
    assert len(flat) == len(text)
    assert [i for i, (a, b) in enumerate(zip(text, flat, strict=True)) if a != b] == [len(FRAME) + 25]
    assert unwrap(FRAME) is FRAME  # nothing to join: the text itself


def test_a_text_of_paragraph_lines_joins_only_before_lower_case():
    """Lines longer than a fixed width are paragraphs: a capital after one opens the next."""
    long = "Tăng cường công tác dân vận của cả hệ thống chính trị, " * 4
    assert len(long) > WRAP_WIDTH_MAX
    text = f"{long}\nỦy ban nhân dân tỉnh chỉ đạo\n{long}\nnhân dân\n"
    flat = unwrap(text)
    assert flat[len(long)] == "\n" and flat[2 * len(long) + 29] == " "


# --- the seeds read the same at any width -------------------------------------------------------------------------
def _wrap(text: str, width: int) -> str:
    return "\n".join(
        "\n".join(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
        for line in text.split("\n")
    )


SEEDS = sorted((H.shared_dir() / "corpus" / "seeds").glob("*.txt"))


@pytest.mark.parametrize("seed", SEEDS, ids=[s.name[:3] for s in SEEDS])
def test_seeds_wrapped_at_any_width_give_the_same_units(seed):
    """The units given tasks, in the section and in the body, wrapped at 50 to 90 columns as on one line. (Roles
    may differ: a sentence that ends at the end of a full line, a capital after it, is read as ending its paragraph.)"""
    text = seed.read_text("utf-8")

    def units(t: str) -> set[tuple[str, bool]]:
        return {(a.unit.name, a.in_body) for a in parse_text(t).units.assigns}

    want = units(text)
    for width in (50, 60, 70, 78, 90):
        assert units(_wrap(text, width)) == want, width
