"""Write data/tables/legacy_fonts.json: every Vietnamese letter as the TCVN3 (ABC) and VNI fonts
write it, each byte given as the character Windows (cp1252) shows for it.

The tables are written out here from the two standards' code charts, letter by letter; the JSON
is what policygraph reads (ingest/legacy_fonts.py) and tests/test_legacy_fonts.py round-trips it.
Run once after changing this file: python scripts/make_legacy_fonts.py
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "tables" / "legacy_fonts.json"

# base vowel -> the letter with each tone: none, acute (sắc), grave (huyền), hook (hỏi), tilde (ngã), dot (nặng)
VOWELS = {
    "a": "aáàảãạ", "ă": "ăắằẳẵặ", "â": "âấầẩẫậ", "e": "eéèẻẽẹ", "ê": "êếềểễệ", "i": "iíìỉĩị",
    "o": "oóòỏõọ", "ô": "ôốồổỗộ", "ơ": "ơớờởỡợ", "u": "uúùủũụ", "ư": "ưứừửữự", "y": "yýỳỷỹỵ",
}

# TCVN 5712:1993 VN3 ("ABC", the .VnTime fonts): one byte per lower-case letter; of the upper-case
# letters only Ă Â Ê Ô Ơ Ư Đ have their own bytes (the .VnTimeH fonts draw the lower-case bytes as
# capitals). Bytes per base vowel, tones in the order of VOWELS.
TCVN3_LOWER = {
    "a": [None, 0xB8, 0xB5, 0xB6, 0xB7, 0xB9],
    "ă": [0xA8, 0xBE, 0xBB, 0xBC, 0xBD, 0xC6],
    "â": [0xA9, 0xCA, 0xC7, 0xC8, 0xC9, 0xCB],
    "e": [None, 0xD0, 0xCC, 0xCE, 0xCF, 0xD1],
    "ê": [0xAA, 0xD5, 0xD2, 0xD3, 0xD4, 0xD6],
    "i": [None, 0xDD, 0xD7, 0xD8, 0xDC, 0xDE],
    "o": [None, 0xE3, 0xDF, 0xE1, 0xE2, 0xE4],
    "ô": [0xAB, 0xE8, 0xE5, 0xE6, 0xE7, 0xE9],
    "ơ": [0xAC, 0xED, 0xEA, 0xEB, 0xEC, 0xEE],
    "u": [None, 0xF3, 0xEF, 0xF1, 0xF2, 0xF4],
    "ư": [0xAD, 0xF8, 0xF5, 0xF6, 0xF7, 0xF9],
    "y": [None, 0xFD, 0xFA, 0xFB, 0xFC, 0xFE],
}
TCVN3_OTHER = {"đ": 0xAE, "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}

# VNI Windows: a base letter followed by a mark byte (ơ, ư, đ and some i, y forms are one byte).
VNI_TONES_LOWER = ["", "ù", "ø", "û", "õ", "ï"]  # bytes F9 F8 FB F5 EF
VNI_TONES_UPPER = ["", "Ù", "Ø", "Û", "Õ", "Ï"]  # bytes D9 D8 DB D5 CF
VNI_BASES = {  # the toneless vowel and, for â ê ô ă, the marks that carry the tone with the hat
    "a": ("a", None), "ă": ("a", ["ê", "é", "è", "ú", "ü", "ë"]), "â": ("a", ["â", "á", "à", "å", "ã", "ä"]),
    "e": ("e", None), "ê": ("e", ["â", "á", "à", "å", "ã", "ä"]), "o": ("o", None),
    "ô": ("o", ["â", "á", "à", "å", "ã", "ä"]), "ơ": ("ô", None), "u": ("u", None), "ư": ("ö", None),
    "y": ("y", None),
}
VNI_I = ["i", "í", "ì", "æ", "ó", "ò"]  # i and its tones are single bytes: ED EC E6 F3 F2
VNI_Y_DOT = "î"  # ỵ is a single byte (EE)
VNI_OTHER = {"đ": "ñ", "Đ": "Ñ"}


def _cp1252(byte: int) -> str:
    return bytes([byte]).decode("cp1252")


def tcvn3() -> dict[str, str]:
    letters: dict[str, str] = {}
    for base, codes in TCVN3_LOWER.items():
        for letter, code in zip(VOWELS[base], codes, strict=True):
            if code is not None:
                letters[letter] = _cp1252(code)
    letters.update({letter: _cp1252(code) for letter, code in TCVN3_OTHER.items()})
    return letters


def vni() -> dict[str, str]:
    letters: dict[str, str] = {}
    for base, (written, hat_marks) in VNI_BASES.items():
        for tone, letter in enumerate(VOWELS[base]):
            if hat_marks:
                lower = written + hat_marks[tone]
            else:
                lower = written + VNI_TONES_LOWER[tone]
            if base == "y" and tone == 5:
                lower = VNI_Y_DOT
            if lower != letter:
                letters[letter] = lower
            upper = lower.upper()
            if upper != letter.upper():
                letters[letter.upper()] = upper
    for tone, letter in enumerate(VOWELS["i"]):
        if tone:
            letters[letter] = VNI_I[tone]
            letters[letter.upper()] = VNI_I[tone].upper()
    letters.update(VNI_OTHER)
    return letters


def main() -> None:
    table = {
        "about": "Vietnamese letters as legacy 8-bit font encodings write them; each legacy byte is given as "
                 "the character Windows code page 1252 shows for it (what a mis-decoded text holds). "
                 "Written by scripts/make_legacy_fonts.py.",
        "tcvn3": {"name": "TCVN3 (ABC, .VnTime fonts)",
                  "note": "upper-case letters other than Ă Â Ê Ô Ơ Ư Đ have no code: .VnTimeH fonts draw the "
                          "lower-case codes as capitals",
                  "capitalised": {"about": "words that documents write with a capital inside a sentence, which "
                                           "TCVN3 cannot encode: converted text gets the capital back (always, or "
                                           "when the next word has a capital: 'Ủy viên Ban Thường vụ', 'các ủy "
                                           "viên')",
                                  "always": ["Ủy ban"], "before a capital": ["Ủy viên"]},
                  "letters": tcvn3()},
        "vni": {"name": "VNI Windows (VNI-Times fonts)", "letters": vni()},
    }
    OUT.write_text(json.dumps(table, ensure_ascii=False, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(table['tcvn3']['letters'])} TCVN3 and {len(table['vni']['letters'])} VNI letters")


if __name__ == "__main__":
    main()
