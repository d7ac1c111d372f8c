"""Turn a file into NFC text; one reader per format, chosen by the file's suffix.

Plain text (.txt, .md) is read here; Word, PDF and web pages by ingest/formats.py. A new
format plugs in by adding a function to READERS: it takes the raw bytes and the path and
returns text, or raises ReadError with a reason a person can act on. Whatever the format,
the text then goes through the same `normalise`.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from collections.abc import Callable
from pathlib import Path

from policygraph.ingest.errors import ReadError
from policygraph.ingest.legacy_fonts import NAMES, LegacyError, repair

# C0 controls other than the whitespace ones: a text has almost none, a binary file many
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
# the same characters one by one, NUL aside (_decode handles it first): `c in text` is a memchr
# in C, 4x faster than re's scan of the set, and a text usually holds none of them, so they are
# counted only when one is there
_CONTROL_CHARS = tuple(chr(c) for c in [*range(0x01, 0x09), *range(0x0E, 0x20)])


MAX_NUL_SHARE = 0.01  # NUL bytes above this share of a file: a binary, not a text with a few stray NULs


def _decode(raw: bytes, notes: list[str]) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8) :].decode("utf-8")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    head = raw[:400]
    odd_zero, even_zero = head[1::2].count(b"\x00"), head[0::2].count(b"\x00")
    if max(odd_zero, even_zero) > 20 and min(odd_zero, even_zero) * 10 <= max(odd_zero, even_zero):
        # UTF-16 without a byte-order mark: the zero high bytes of ASCII sit on one side only
        return raw.decode("utf-16-le" if odd_zero > even_zero else "utf-16-be")
    if b"\x00" in raw:
        # text extracted from PDFs carries a few NUL bytes inside readable UTF-8; a binary file has many
        nuls = raw.count(b"\x00")
        if nuls > len(raw) * MAX_NUL_SHARE:
            raise ReadError(f"binary content ({nuls} NUL bytes), not a text document")
        raw = raw.replace(b"\x00", b"")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ReadError(f"binary content ({nuls} NUL bytes and no UTF-8 text), not a text document") from None
        notes.append(f"{nuls} NUL byte{'s' if nuls > 1 else ''} removed from the text")
        return text
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = exc.start
    # not UTF-8: an 8-bit legacy Vietnamese font (TCVN3, VNI) is read as Windows-1252 shows it, which is also how
    # mis-decoded text holds it; repair() converts it, or it is refused
    try:
        fixed = repair(raw.decode("cp1252", errors="replace"))
    except LegacyError as exc:
        raise ReadError(f"not UTF-8 or UTF-16 text (invalid byte at offset {where}); {exc}") from None
    if fixed.encoding is None:
        raise ReadError(f"not UTF-8 or UTF-16 text (invalid byte at offset {where}), nor TCVN3 or VNI: "
                        "convert it to UTF-8 first")
    notes.append(f"legacy {NAMES[fixed.encoding]} bytes converted to Unicode")
    return fixed.text


# C0 and C1 controls other than tab and line end, DEL, and the terminal escape sequences built on ESC
# (CSI "ESC [ … m", OSC "ESC ] 8;; … ESC \\" hyperlinks, two-byte escapes) or on the 8-bit CSI/OSC:
# a document's text never needs them, and a terminal would obey them
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?|\x9b[0-?]*[ -/]*[@-~]?"  # CSI
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"  # OSC, up to its terminator or the line's end
    r"|\x1b[ -/]*[0-~]?"  # any other escape
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)


def drop_controls(text: str) -> str:
    """`text` without control characters and terminal escape sequences (tabs and line ends kept)."""
    return _ESCAPES.sub("", text) if _ESCAPES.search(text) else text


# Characters that text copied from web pages and word processors carries and that mean
# nothing to a reader: zero-width (non-)joiners and spaces, word joiner, a BOM inside the
# text, soft hyphens; and slashes written as other characters ("45-KH／HU"). Each is looked
# for on its own (a one-character search is a memchr) and replaced only when there.
_REPLACED = {
    "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "", "\u00ad": "",
    "\uff0f": "/", "\u2215": "/", "\u2044": "/",
}
# a run of spaces and tabs inside a line: PDF and word-processor exports space words out
# ("Số  45-KH/HU", "tỉnh  Bình  Phước") and flatten table columns into wide gaps
_SPACE_RUN = re.compile(r"[ \t]{2,}")


def normalise(text: str) -> str:
    """NFC, Windows line ends folded, U+00D0 (Ð, Icelandic eth) read as Đ, no-break spaces
    as spaces, invisible characters, controls and terminal escapes dropped and other slashes as "/"
    (_REPLACED), every run of spaces and tabs as one space, and no space at a line's end.

    Every offset policygraph stores is into this text (it is what the store keeps), so the
    rules downstream see one spelling of a gap and never need to allow for doubled spaces.
    """
    text = unicodedata.normalize("NFC", text)
    if "\r" in text:  # a one-character test is a memchr; replace("\r\n", …) scans for two characters
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for page_break in ("\x0c", "\x0b"):  # form feeds between the pages of a PDF's text, vertical tabs
        if page_break in text:
            text = text.replace(page_break, "\n")
    text = drop_controls(text.replace("Ð", "Đ").replace("\u00a0", " "))
    for char, replacement in _REPLACED.items():
        if char in text:
            text = text.replace(char, replacement)
    if "  " in text or "\t" in text:
        text = _SPACE_RUN.sub(" ", text)
    # no space before a line end: Markdown's hard break ("…  \n"), PDF text layers, lines that hold only a space
    # (a blank line, as PDF writers often draw one). Runs are single by now, so one space or tab at most stands
    # there, and str.replace (a C loop) takes it; a regex would test every character.
    for trailing in (" \n", "\t\n"):
        if trailing in text:
            text = text.replace(trailing, "\n")
    return text


def read_plain(raw: bytes, path: Path, notes: list[str] | None = None) -> str:
    """A .txt or .md file's text; what was mended on the way (NULs removed, a legacy font
    converted) is added to `notes`."""
    try:
        text = _decode(raw, notes if notes is not None else [])
    except UnicodeDecodeError as exc:
        raise ReadError(f"undecodable text: {exc.reason}") from None
    if "\x00" in text:  # UTF-16 with NUL characters
        raise ReadError("binary content (NUL characters), not a text document")
    sample = text[:8192]
    controls = len(_CONTROL.findall(sample)) if any(c in sample for c in _CONTROL_CHARS) else 0
    if controls > max(8, len(sample) // 100):
        raise ReadError("binary content (control characters), not a text document")
    return text


def _from_formats(name: str) -> Callable[[bytes, Path], str]:
    """A reader of ingest/formats.py, imported when first used: its libraries load only for its files."""

    def read(raw: bytes, path: Path) -> str:
        from policygraph.ingest import formats

        return getattr(formats, name)(raw, path)

    read.__name__ = name
    return read


READERS: dict[str, Callable[[bytes, Path], str]] = {
    ".txt": read_plain,
    ".md": read_plain,
    ".docx": _from_formats("read_docx"),
    ".pdf": _from_formats("read_pdf"),
    ".html": _from_formats("read_html"),
    ".htm": _from_formats("read_html"),
}


def supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


def read_document(path: str | Path) -> str:
    """Read one file into normalised text, or raise ReadError."""
    return read_text(path)[0]


def read_text(path: str | Path) -> tuple[str, list[str]]:
    """One file's normalised text and the notes of what was mended on the way, or ReadError.

    Only a regular file is read: it is opened without blocking and checked before a byte is read,
    so a FIFO or a device that takes a file's place is refused instead of hanging the ingest."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ReadError(f"unsupported file type {path.suffix or '(none)'!r}; supported: {', '.join(READERS)}")
    raw = _read_regular(path)
    notes: list[str] = []
    text = read_plain(raw, path, notes) if reader is read_plain else reader(raw, path)
    try:
        fixed = repair(text)
    except LegacyError as exc:
        raise ReadError(str(exc)) from None
    if fixed.encoding:
        notes.append(f"legacy {NAMES[fixed.encoding]} text (decoded as Windows-1252) converted to Unicode")
    text = normalise(fixed.text)
    if not text.strip():
        raise ReadError("empty document")
    return text, notes


def _read_regular(path: Path) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise ReadError(f"cannot be read: {exc.strerror or exc}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ReadError("not a regular file: not read")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    except OSError as exc:
        raise ReadError(f"cannot be read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
