"""Word, PDF and web pages: the bundled samples written in each format read as the same document as their plain
text (own identity, citations with their relations, assigned units and roles); damaged files get a reason."""

from __future__ import annotations

import html
import io
import re
import unicodedata
from pathlib import Path

import docx
import pytest
from pypdf import PdfWriter

from policygraph.ingest import formats
from policygraph.ingest.pipeline import parse_file, parse_text
from policygraph.ingest.reader import ReadError, read_document, supported

SAMPLES = sorted((Path(__file__).parent.parent / "data" / "samples").glob("*.txt"))
PDF_FIXTURE = Path(__file__).parent / "fixtures" / "formats" / "plan.pdf"  # scripts/make_format_fixtures.py


def _plain(markdown: str) -> str:
    """A sample without its Markdown marks, as scripts/make_format_fixtures.py writes it."""
    lines = [re.sub(r"^#+\s*", "", line).replace("\\*", "*").replace("**", "").rstrip()
             for line in markdown.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def _summary(doc) -> tuple:
    return (
        doc.symbol, doc.doc_type, doc.date, doc.level, doc.place, doc.issuer, doc.title,
        sorted({(c.symbol, c.relation, c.date) for c in doc.citations}, key=str),
        sorted({(a.unit.name, a.role) for a in doc.units.assigns}),
    )


def _paragraphs(sample: Path) -> tuple[str, list[str]]:
    text = _plain(sample.read_text("utf-8"))
    return text, [line for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name[:3])
def test_a_docx_reads_as_its_text(sample: Path, tmp_path: Path):
    text, paragraphs = _paragraphs(sample)
    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    document.save(tmp_path / "plan.docx")
    doc = parse_file(tmp_path / "plan.docx")
    assert _summary(doc) == _summary(parse_text(text))
    assert doc.units.assigns, "the samples all give tasks"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name[:3])
def test_an_html_page_reads_as_its_text(sample: Path, tmp_path: Path):
    text = _plain(sample.read_text("utf-8"))  # a paragraph's lines are kept apart by <br>, as a title's are
    body = "\n".join(f"<p>{'<br>'.join(map(html.escape, block.split(chr(10))))}</p>" for block in text.split("\n\n"))
    page = (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Văn bản</title>'
            f'<style>p {{ margin: 0 }}</style><script>var so = "Số 99-KH/TU";</script></head>'
            f"<body>{body}<!-- Số 77-KH/HU --></body></html>")
    (tmp_path / "plan.html").write_text(page, "utf-8")
    assert _summary(parse_file(tmp_path / "plan.html")) == _summary(parse_text(text))


def test_a_pdf_reads_as_its_text():
    sample = next(s for s in SAMPLES if s.name.startswith("000"))
    doc = parse_file(PDF_FIXTURE)
    assert _summary(doc) == _summary(parse_text(_plain(sample.read_text("utf-8"))))
    assert (doc.symbol, doc.place.district) == ("45-KH/HU", "Hớn Quản")


def test_a_docx_frame_table_and_automatic_numbers(tmp_path: Path):
    document = docx.Document()
    frame = document.add_table(rows=1, cols=2)
    left, right = frame.rows[0].cells
    left.text = "ĐẢNG BỘ TỈNH BẮC KẠN"
    for line in ("HUYỆN ỦY BẠCH THÔNG", "*", "Số 45-KH/HU"):
        left.add_paragraph(line)
    right.text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    right.add_paragraph("Bạch Thông, ngày 03 tháng 10 năm 2016")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("thực hiện Đề án số 01-ĐA/TU ngày 31/8/2016 của Tỉnh ủy")
    document.add_paragraph("")
    intro = document.add_paragraph("Thực hiện Đề án số 01-ĐA/TU ngày 31/8/2016 của Tỉnh ủy, ")
    intro.add_run("Huyện ủy Bạch Thông").bold = True  # runs join into one line
    intro.add_run(" xây dựng Kế hoạch thực hiện như sau:")
    document.add_paragraph("Tổ chức thực hiện", style="List Number")
    document.add_paragraph("Ban Dân vận Huyện ủy chủ trì, phối hợp Ban Tuyên giáo Huyện ủy theo dõi.",
                           style="List Number 2")
    document.add_paragraph("Các chi bộ, đảng bộ cơ sở xây dựng kế hoạch thực hiện.", style="List Number 2")
    document.save(tmp_path / "kh.docx")
    text = read_document(tmp_path / "kh.docx")
    # the frame's cells a line each, Word's list numbers written out, a bold run inside its line
    assert text.split("\n")[:6] == ["ĐẢNG BỘ TỈNH BẮC KẠN", "HUYỆN ỦY BẠCH THÔNG", "*", "Số 45-KH/HU",
                                    "ĐẢNG CỘNG SẢN VIỆT NAM", "Bạch Thông, ngày 03 tháng 10 năm 2016"]
    assert "\n1. Tổ chức thực hiện\n1. Ban Dân vận" in text and "\n2. Các chi bộ" in text
    doc = parse_file(tmp_path / "kh.docx")
    assert (doc.symbol, doc.date, doc.level, doc.place.district) == ("45-KH/HU", "2016-10-03", "district", "Bạch Thông")
    assert ("01-ĐA/TU", "implements") in {(c.symbol, c.relation) for c in doc.citations}
    assert [(a.unit.name, a.role) for a in doc.units.assigns] == [
        ("Ban Dân vận Huyện ủy", "lead"), ("Ban Tuyên giáo Huyện ủy", "support"),
        ("Các chi bộ, đảng bộ cơ sở", "execute")]


def test_html_blocks_lists_and_hidden_parts(tmp_path: Path):
    page = (
        "<html><head><title>Trang</title><script>document.write('Số 99-KH/TU')</script></head><body>"
        "<nav>Trang chủ</nav><p>Số 12-KH/TU<br>Pleiku, ngày 20 tháng 7\n   năm 2021</p>"
        "<ol start='3' type='I'><li>MỤC ĐÍCH</li><li>TỔ CHỨC <b>THỰC</b> HIỆN</li></ol>"
        "<ul><li>Sở Nội vụ chủ trì.</li></ul><table><tr><td>ô một</td><td>ô hai</td></tr></table>"
        "<pre>giữ  nguyên\ndòng</pre><noscript>bật JavaScript</noscript></body></html>"
    )
    (tmp_path / "p.htm").write_text(page, "utf-8")
    text = read_document(tmp_path / "p.htm")
    lines = [line for line in text.split("\n") if line]
    assert lines == ["Trang chủ", "Số 12-KH/TU", "Pleiku, ngày 20 tháng 7 năm 2021", "III. MỤC ĐÍCH",
                     "IV. TỔ CHỨC THỰC HIỆN", "- Sở Nội vụ chủ trì.", "ô một", "ô hai", "giữ nguyên", "dòng"]
    assert "99-KH/TU" not in text and "JavaScript" not in text


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _cp1258(text: str) -> bytes:
    """Windows-1258 bytes: letters with their vowel marks precomposed (ô, ơ, ă), tones as combining marks."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append(base + "".join(c for c in parts if c in _TONES))
    return "".join(out).encode("cp1258")


def test_html_in_a_legacy_encoding_declared_by_its_page(tmp_path: Path):
    page = '<html><head><meta charset="windows-1258"></head><body><p>Số 45-KH/HU</p><p>Kế hoạch</p></body></html>'
    (tmp_path / "p.html").write_bytes(_cp1258(page))
    assert read_document(tmp_path / "p.html").split("\n")[:3] == ["Số 45-KH/HU", "", "Kế hoạch"]


def test_list_number_formats():
    assert [formats._roman(n) for n in (1, 4, 9, 14, 40, 1994)] == ["I", "IV", "IX", "XIV", "XL", "MCMXCIV"]
    assert [formats._letters(n) for n in (1, 4, 26, 27)] == ["a", "d", "z", "aa"]
    assert formats._FORMATS["lowerRoman"](3) == "iii" and formats._FORMATS["decimalZero"](7) == "07"


def _blank_pdf(tmp_path: Path, password: str | None = None) -> Path:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / ("locked.pdf" if password else "scan.pdf")
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("broken.docx", lambda p: p.write_bytes(b"PK\x03\x04 not really a zip"), "docx"),
        ("renamed.docx", lambda p: p.write_text("Số 45-KH/HU", "utf-8"), "docx"),
        ("broken.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n1 0 obj garbage"), "PDF"),
        ("scan.pdf", None, "no text layer"),
        ("locked.pdf", None, "encrypted"),
    ],
)
def test_damaged_office_files_say_why(tmp_path: Path, name: str, make, reason: str):
    path = tmp_path / name
    if make is None:
        path = _blank_pdf(tmp_path, "mật khẩu" if name == "locked.pdf" else None)
    else:
        make(path)
    with pytest.raises(ReadError, match=reason):
        read_document(path)


def test_the_formats_are_supported_and_old_word_files_are_not():
    assert all(supported(Path(f"a{ext}")) for ext in (".docx", ".DOCX", ".pdf", ".html", ".htm", ".txt", ".md"))
    with pytest.raises(ReadError, match="unsupported file type '.doc'"):
        read_document(Path(__file__).with_name("x.doc"))


def test_a_damaged_pdf_or_docx_is_a_read_error_whatever_the_damage():
    """Bytes of the committed PDF and of a real .docx changed at random: each file reads, or gets a ReadError
    with a reason; no other exception reaches the pipeline (whose catch-all would hide the reason)."""
    import random

    rng = random.Random(3)
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Số 45-KH/HU")
    document.save(buffer)
    for name, raw in (("plan.pdf", PDF_FIXTURE.read_bytes()), ("plan.docx", buffer.getvalue())):
        reader = formats.read_pdf if name.endswith(".pdf") else formats.read_docx
        for _ in range(150):
            damaged = bytearray(raw)
            for _ in range(rng.randrange(1, 40)):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
            if rng.random() < 0.3:
                damaged = damaged[: rng.randrange(len(damaged))]
            try:
                reader(bytes(damaged), Path(name))
            except ReadError as exc:
                assert str(exc), name
