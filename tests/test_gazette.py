"""Official Gazette texts (../shared/corpus/gazette): own numbers against the gazette's own
metadata, and page furniture (headers, e-signature stamps, footnotes) kept out of the graph."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from support import ingest as H

from policygraph.ingest import symbols
from policygraph.ingest.noise import mask_noise
from policygraph.ingest.pipeline import parse_text
from policygraph.ingest.reader import read_document


def _gazette() -> Path:
    return H.shared_dir() / "corpus" / "gazette"


@lru_cache(maxsize=1)
def _parsed() -> list[tuple[dict, str, object]]:
    folder = _gazette()
    meta = json.loads((folder / "meta.json").read_text("utf-8"))
    out = []
    for d in meta["documents"]:
        text = read_document(folder / d["file"])
        out.append((d, text, parse_text(text, d["file"])))
    return out


def _symbol_keys_in(text: str) -> set[str]:
    keys = set()
    for m in symbols.SYMBOL_RE.finditer(text):
        try:
            keys.add(symbols.symbol_key(str(symbols.from_match(m))))
        except symbols.InvalidSymbol:
            continue
    return keys


def test_own_symbols_match_the_gazette_metadata():
    rows = _parsed()
    assert len(rows) == 42
    misses = []
    for d, _text, doc in rows:
        got = symbols.symbol_key(doc.symbol) if doc.symbol else None
        if got != d["symbol_key"]:
            misses.append((d["file"], d["symbol_key"], doc.symbol))
    # the texts we miss must be those that do not carry their own number at all
    for file, key, got in misses:
        text = next(t for d, t, _ in rows if d["file"] == file)
        assert got is None, f"{file}: own symbol {got!r}, the gazette says {key!r}"
        assert key not in _symbol_keys_in(text), f"{file}: {key} is written in the text but was not found"
    print("gazette texts without their own number:", [m[0] for m in misses])
    assert len(rows) - len(misses) >= 40, misses


def test_own_symbol_is_never_a_citation_of_itself():
    for d, _text, doc in _parsed():
        if doc.symbol:
            assert doc.symbol not in {c.symbol for c in doc.citations}, d["file"]


HEADER = re.compile(r"^[ \t]*CÔNG BÁO\s*/\s*Số", re.IGNORECASE)
SIGNATURE = re.compile(r"^[ \t]*(Ký bởi|Người ký|Email|Cơ quan|Thời gian ký)\s*:", re.IGNORECASE)


def test_page_headers_and_signature_stamps_are_never_citations():
    checked = 0
    for d, text, doc in _parsed():
        lines = text.split("\n")
        starts = [0]
        for line in lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        furniture = [
            (s, s + len(line))
            for s, line in zip(starts, lines, strict=True)
            if HEADER.match(line) or SIGNATURE.match(line)
        ]
        checked += len(furniture)
        for c in doc.citations:
            for a, b in furniture:
                assert not (a <= c.start < b), (d["file"], c.symbol, text[a:b])
    assert checked > 100  # the corpus really has page headers and stamps


HAND_MADE = """CÔNG BÁO/Số 987 + 988/Ngày 25-8-2024
3

CHÍNH PHỦ
Số: 112/2024/NĐ-CP

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Hà Nội, ngày 11 tháng 9 năm 2024

NGHỊ ĐỊNH
Quy định chi tiết về đất trồng lúa

Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
Căn cứ Luật Đất đai số 31/2024/QH15;
Thực hiện Nghị quyết số 19-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng khóa XIII;

Chính phủ ban hành Nghị định quy định chi tiết về đất trồng lúa.
Ký bởi: Cổng Thông tin điện tử Chính phủ
Email: thongtinchinhphu@chinhphu.vn
Cơ quan: Văn phòng Chính phủ
Thời gian ký: 25.08.2024 10:15:40 +07:00

4
CÔNG BÁO/Số 987 + 988/Ngày 25-8-2024

Điều 1. Phạm vi điều chỉnh
Nghị định này quy định chi tiết khoản 5 Điều 182 Luật Đất đai.

1 Điều này được sửa đổi theo Nghị định số 88/2023/NĐ-CP ngày 01/01/2023 của Chính phủ.
2 Khoản này được bổ sung theo Thông tư số 07/2022/TT-BTC.

5
CÔNG BÁO/Số 987 + 988/Ngày 25-8-2024
Điều 2. Đối tượng áp dụng
Người sử dụng đất trồng lúa.
"""


def test_hand_made_gazette_page():
    doc = parse_text(HAND_MADE)
    assert doc.symbol == "112/2024/NĐ-CP"
    assert doc.date == "2024-09-11"  # the document's date, not the gazette issue's 25-8-2024
    cited = {c.symbol: c for c in doc.citations}
    assert set(cited) == {"31/2024/QH15", "19-NQ/TW"}  # not the footnotes' 88/2023/NĐ-CP, 07/2022/TT-BTC
    assert cited["31/2024/QH15"].relation == "based_on"
    assert cited["19-NQ/TW"].relation == "implements"
    assert cited["19-NQ/TW"].date == "2022-06-16" and cited["19-NQ/TW"].term == "XIII"


def test_masking_keeps_offsets_and_blanks_only_furniture():
    masked = mask_noise(HAND_MADE)
    assert len(masked) == len(HAND_MADE)
    assert "CÔNG BÁO" not in masked and "Ký bởi" not in masked and "Thời gian ký" not in masked
    assert "88/2023/NĐ-CP" not in masked and "07/2022/TT-BTC" not in masked
    for kept in ("Số: 112/2024/NĐ-CP", "31/2024/QH15", "Điều 1. Phạm vi", "Điều 2. Đối tượng", "Người sử dụng đất"):
        assert kept in masked
        assert masked.index(kept) == HAND_MADE.index(kept)


def test_a_header_number_alone_is_not_an_own_number():
    text = (
        "CÔNG BÁO/Số 987 + 988/Ngày 25-8-2024\n12\n\nTHÔNG TƯ\nHướng dẫn thi hành\n\n"
        "Căn cứ Nghị định số 30/2020/NĐ-CP;\n"
    )
    doc = parse_text(text)
    assert doc.symbol is None
    assert [c.symbol for c in doc.citations] == ["30/2020/NĐ-CP"]
