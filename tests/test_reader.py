"""Reading files (ingest/reader.py): every encoding a Vietnamese office produces comes out
as the same NFC text, and what cannot be read says why."""

from __future__ import annotations

import codecs
import struct
import unicodedata
import zlib

import pytest
from support import ingest as H

from policygraph.ingest.reader import ReadError, normalise, read_document

TEXT = (
    "ĐẢNG BỘ TỈNH BÌNH PHƯỚC\nHUYỆN ỦY HÒN QUẢN\nSố 45-KH/HU\n\nKẾ HOẠCH\n"
    "Thực hiện Đề án số 01-ĐA/TU ngày 31/8/2016 của Tỉnh ủy về “Nâng cao năng lực” công tác dân vận.\n"
)


def _write(tmp_path, name: str, raw: bytes):
    p = tmp_path / name
    p.write_bytes(raw)
    return p


@pytest.mark.parametrize(
    "name,encode",
    [
        ("utf8.txt", lambda t: t.encode("utf-8")),
        ("utf8-bom.txt", lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
        ("utf16le-bom.txt", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le")),
        ("utf16be-bom.txt", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be")),
        ("utf16le.txt", lambda t: t.encode("utf-16-le")),
        ("utf16be.txt", lambda t: t.encode("utf-16-be")),
        ("nfd.txt", lambda t: unicodedata.normalize("NFD", t).encode("utf-8")),
        ("nfd-utf16-bom.txt", lambda t: unicodedata.normalize("NFD", t).encode("utf-16")),
        ("crlf.txt", lambda t: t.replace("\n", "\r\n").encode("utf-8")),
        ("cr.txt", lambda t: t.replace("\n", "\r").encode("utf-8")),
        ("crlf-utf8-bom.md", lambda t: codecs.BOM_UTF8 + t.replace("\n", "\r\n").encode("utf-8")),
    ],
)
def test_every_encoding_reads_to_the_same_nfc_text(tmp_path, name, encode):
    text = read_document(_write(tmp_path, name, encode(TEXT)))
    assert text == TEXT
    assert unicodedata.is_normalized("NFC", text)
    assert "\r" not in text and "\ufeff" not in text


def test_nfd_and_nfc_parse_alike(tmp_path):
    from policygraph.ingest.pipeline import parse_file

    a = parse_file(_write(tmp_path, "nfc.txt", TEXT.encode("utf-8")))
    b = parse_file(_write(tmp_path, "nfd.txt", unicodedata.normalize("NFD", TEXT).encode("utf-8")))
    assert a.text == b.text and a.sha256 == b.sha256
    assert [c.symbol for c in a.citations] == [c.symbol for c in b.citations] == ["01-ĐA/TU"]
    assert a.symbol == b.symbol == "45-KH/HU"


def test_eth_and_no_break_space_are_read_as_what_they_stand_for():
    assert normalise("Quyết định số 432-QÐ/HU\u00a0ngày") == "Quyết định số 432-QĐ/HU ngày"


def test_runs_of_spaces_and_tabs_are_one_space():
    # PDF and word-processor exports space words out and flatten table columns into gaps
    assert normalise("Số  45-KH/HU\t\tHớn  Quản, ngày 15\n  tỉnh   Bình Phước") == (
        "Số 45-KH/HU Hớn Quản, ngày 15\n tỉnh Bình Phước"
    )
    assert normalise("một\tdòng") == "một\tdòng"  # a single tab is left alone


def test_invisible_characters_are_dropped_and_other_slashes_read_as_slashes():
    assert normalise("Nghị quy\u00adết \u200bsố 25\u2060-NQ\ufeff／TW") == "Nghị quyết số 25-NQ/TW"


def test_offsets_survive_normalisation(tmp_path):
    # a symbol's span in the normalised text points at the symbol
    from policygraph.ingest.pipeline import parse_file

    doc = parse_file(_write(tmp_path, "crlf.txt", unicodedata.normalize("NFD", TEXT).replace("\n", "\r\n").encode()))
    c = doc.citations[0]
    assert doc.text[c.start : c.end] == "01-ĐA/TU"


def _cp1258(text: str) -> bytes:
    return H.cp1258(text)


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 52)) + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    "name,raw,reason",
    [
        ("cp1258.txt", _cp1258("Nghị quyết số 25-NQ/TW của Đảng ủy xã Hưng Đạo về công tác"), "UTF-8"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\r\n\t \n", "empty"),
        ("bom-only.txt", codecs.BOM_UTF8, "empty"),
        ("image.txt", _png(), "binary"),
        ("zip.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + zlib.compress(TEXT.encode()) + b"\x00" * 30, "binary"),
        ("controls.txt", bytes(range(1, 32)) * 40, "binary"),
    ],
)
def test_unreadable_files_say_why(tmp_path, name, raw, reason):
    with pytest.raises(ReadError) as info:
        read_document(_write(tmp_path, name, raw))
    assert reason.lower() in str(info.value).lower()
    assert "\n" not in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(ReadError):
        read_document(tmp_path / "nowhere.txt")


def test_folder_is_not_a_document(tmp_path):
    (tmp_path / "d.txt").mkdir()
    with pytest.raises(ReadError):
        read_document(tmp_path / "d.txt")


def test_unsupported_suffix(tmp_path):
    with pytest.raises(ReadError) as info:
        read_document(_write(tmp_path, "plan.odt", b"PK\x03\x04"))
    assert ".odt" in str(info.value) and ".docx" in str(info.value)  # the reason lists what is read
