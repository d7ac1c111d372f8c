"""Legacy Vietnamese font text (TCVN3, VNI), as raw bytes and as text already decoded wrongly, is
converted to Unicode and gives the same graph as the clean text; text that cannot be told apart
is refused with the reason."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from support import ingest as H

from policygraph.graph.export import node_link
from policygraph.graph.store import Store
from policygraph.ingest import legacy_fonts
from policygraph.ingest.pipeline import ingest_paths
from policygraph.ingest.reader import ReadError, read_text

# every Vietnamese letter with a diacritic, written out by hand: the base vowels with each tone, and đ
LOWER = ("áàảãạ ăắằẳẵặ âấầẩẫậ éèẻẽẹ êếềểễệ íìỉĩị óòỏõọ ôốồổỗộ ơớờởỡợ úùủũụ ưứừửữự ýỳỷỹỵ đ").replace(" ", "")
UPPER = ("ÁÀẢÃẠ ĂẮẰẲẴẶ ÂẤẦẨẪẬ ÉÈẺẼẸ ÊẾỀỂỄỆ ÍÌỈĨỊ ÓÒỎÕỌ ÔỐỒỔỖỘ ƠỚỜỞỠỢ ÚÙỦŨỤ ƯỨỪỬỮỰ ÝỲỶỸỴ Đ").replace(" ", "")


def test_the_letters_are_all_there():
    assert len(LOWER) == len(UPPER) == 67 and len(set(LOWER + UPPER)) == 134
    assert [c.upper() for c in LOWER] == list(UPPER)


def test_known_spellings():
    # as a Windows program shows the bytes: TCVN3 "Thùc hiÖn", VNI "Thöïc hieän" for "Thực hiện"
    assert legacy_fonts.encode("Thực hiện", "tcvn3") == "Thùc hiÖn"
    assert legacy_fonts.encode("Thực hiện", "vni") == "Thöïc hieän"
    assert legacy_fonts.decode("B¶o Th¾ng, M\xadêng Kh\xad¬ng, B¸t X¸t", "tcvn3") == "Bảo Thắng, Mường Khương, Bát Xát"
    assert legacy_fonts.decode("BAN TH¦êNG Vô TØNH ñY", "tcvn3") == "BAN THƯỜNG VỤ TỈNH ỦY"  # .VnTimeH capitals
    assert legacy_fonts.decode("Ban Th\xadêng vô", "tcvn3") == "Ban Thường vụ"
    assert legacy_fonts.decode("Ñaûng boä tænh", "vni") == "Đảng bộ tỉnh"


@pytest.mark.parametrize("encoding", legacy_fonts.ENCODINGS)
def test_every_letter_round_trips(encoding):
    for low, up in zip(LOWER, UPPER, strict=True):
        legacy = legacy_fonts.encode(low, encoding)
        assert all(c < 0x80 or 0xA0 <= c <= 0xFF for c in legacy.encode("cp1252")), (low, legacy)  # 8-bit
        assert legacy_fonts.decode(f"ban {legacy}ng", encoding) == f"ban {low}ng"
        # a capital: in a line set in capitals (TCVN3 has no codes of its own for most of them)
        line = legacy_fonts.encode(f"BAN {up}NG TỈNH", encoding)
        assert legacy_fonts.decode(line, encoding) == f"BAN {up}NG TỈNH", (up, line)


def _clean_graph(tmp_path) -> dict:
    return _graph(tmp_path / "clean", {p.name: p.read_bytes() for p in H.sample_files()})


def _graph(folder: Path, files: dict[str, bytes]) -> dict:
    (folder / "docs").mkdir(parents=True)
    for name, raw in files.items():
        (folder / "docs" / name).write_bytes(raw)
    store = Store.open(folder / "store")
    summary = ingest_paths(store, [folder / "docs"])
    assert summary.added == len(files) and not summary.failed, [o.error for o in summary.failed]
    return node_link(store.load_graph())


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    return _clean_graph(tmp_path_factory.mktemp("clean"))


@pytest.mark.parametrize("form", ["raw bytes", "mis-decoded UTF-8"])
@pytest.mark.parametrize("encoding", legacy_fonts.ENCODINGS)
def test_samples_in_a_legacy_font_give_the_same_graph(tmp_path, clean, encoding, form):
    files = {}
    for p in H.sample_files():
        legacy = legacy_fonts.encode(unicodedata.normalize("NFC", p.read_text("utf-8")), encoding)
        files[p.name] = legacy.encode("cp1252") if form == "raw bytes" else legacy.encode("utf-8")
        assert b"\xe1\xbb" not in files[p.name]  # no Unicode Vietnamese letter is left in it
    assert json.dumps(_graph(tmp_path, files), sort_keys=True) == json.dumps(clean, sort_keys=True)
    text, notes = read_text(tmp_path / "docs" / H.sample_files()[0].name)
    assert notes == [f"legacy {legacy_fonts.NAMES[encoding]} "
                     + ("bytes converted to Unicode" if form == "raw bytes"
                        else "text (decoded as Windows-1252) converted to Unicode")]


def test_unicode_text_is_left_alone():
    for p in H.sample_files():
        text = p.read_text("utf-8")
        assert legacy_fonts.repair(text).encoding is None
    # a few Latin-1 symbols in a Unicode text are no legacy font
    assert legacy_fonts.repair("Giá: 5 €, © 2024, nhiệt độ 30°, «trích» · mục ¶ 3").encoding is None


def test_text_that_cannot_be_told_apart_is_refused_with_the_reason(tmp_path):
    text = H.sample_files()[3].read_text("utf-8")
    # UTF-8 read as Windows-1252 ("Thá»±c hiá»‡n"): no legacy font makes sense of it
    (tmp_path / "mojibake.txt").write_text(text.encode("utf-8").decode("cp1252", errors="replace"), "utf-8")
    with pytest.raises(ReadError) as info:
        read_text(tmp_path / "mojibake.txt")
    assert "stay garbled" in str(info.value) and "TCVN3" in str(info.value) and "VNI" in str(info.value)
    # raw bytes of an encoding policygraph does not read (Windows-1258 writes tones as separate bytes)
    (tmp_path / "cp1258.txt").write_bytes(H.cp1258(text))
    with pytest.raises(ReadError) as info:
        read_text(tmp_path / "cp1258.txt")
    assert str(info.value).startswith("not UTF-8 or UTF-16 text (invalid byte at offset")
    # the ingest names it and goes on
    run = H.cli("ingest", tmp_path, store=tmp_path / "store")
    assert run.returncode == 1 and run.stderr.count("error: ") == 2 and "Traceback" not in run.stderr


def test_sparse_nuls_are_removed_with_a_warning_and_binaries_still_refused(tmp_path):
    text = H.sample_files()[1].read_bytes()
    (tmp_path / "pdf-text.txt").write_bytes(text[:500] + b"\x00" + text[500:900] + b"\x00\x00" + text[900:])
    read, notes = read_text(tmp_path / "pdf-text.txt")
    assert read == read_text(H.sample_files()[1])[0] and notes == ["3 NUL bytes removed from the text"]
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    with pytest.raises(ReadError, match="binary content"):
        read_text(tmp_path / "image.txt")
    (tmp_path / "mostly-text.txt").write_bytes(text[:2000] + b"\x00" * 100)  # NULs are 5% of it: a binary
    with pytest.raises(ReadError, match="binary content .100 NUL bytes"):
        read_text(tmp_path / "mostly-text.txt")
