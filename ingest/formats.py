"""Readers for office and web formats: .docx, .pdf, .html. Each takes the file's bytes and
returns plain text laid out as the rules downstream expect a document: one paragraph, heading
or table cell a line, list numbers written out ("1.", "a)", "I."), no markup.

Each reader imports its library when first used, so the command line starts as fast as
before for plain text; a file the library cannot open raises ReadError with the reason.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from policygraph.ingest.errors import ReadError

# -- .docx (python-docx) --------------------------------------------------------------------
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(raw: bytes, path: Path) -> str:
    """Paragraphs and tables in body order; a table cell's paragraphs one line each (the frame of
    an administrative document is a two-column table: issuer and number left, motto and date right).
    Word's automatic list numbers are not in the paragraphs' text: they are written out."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise ReadError(f"not a Word .docx document ({type(exc).__name__}: {exc})") from None
    except Exception as exc:  # noqa: BLE001 - a broken zip or XML inside: the reason is in the message
        raise ReadError(f"damaged .docx document ({type(exc).__name__}: {exc})") from None
    numbers = _ListNumbers(document)
    lines: list[str] = []
    _docx_lines(document, numbers, lines, set())
    return "\n".join(lines)


def _docx_lines(container, numbers: _ListNumbers, lines: list[str], seen: set) -> None:
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell is listed once per column it spans
                        continue
                    seen.add(id(cell._tc))
                    _docx_lines(cell, numbers, lines, seen)
            lines.append("")
        else:
            label = numbers.label(block)
            lines.append(f"{label} {block.text}" if label else block.text)


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


# numFmt values of WordprocessingML, written as a document shows them
_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerLetter": _letters,
    "bullet": lambda n: "-",
    "none": lambda n: "",
}


class _ListNumbers:
    """The numbers Word draws before list paragraphs, counted as Word counts them: per list
    (numId), per level, deeper levels starting again under a new item above them."""

    def __init__(self, document) -> None:
        self._levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId -> ilvl -> (start, format, text)
        self._counts: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return  # no list in the document
        abstract = {a.get(f"{_W}abstractNumId"): a for a in root.iter(f"{_W}abstractNum")}
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            base = abstract.get(ref.get(f"{_W}val")) if ref is not None else None
            if base is None:
                continue
            levels = {int(lvl.get(f"{_W}ilvl", "0")): _level(lvl) for lvl in base.iter(f"{_W}lvl")}
            for override in num.iter(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                ilvl = int(override.get(f"{_W}ilvl", "0"))
                if start is not None and ilvl in levels:
                    levels[ilvl] = (int(start.get(f"{_W}val")), *levels[ilvl][1:])
            self._levels[num.get(f"{_W}numId")] = levels

    def label(self, paragraph) -> str:
        num_id, ilvl = _numbering_of(paragraph)
        levels = self._levels.get(num_id) if num_id else None
        if not levels or ilvl not in levels:
            return ""
        counts = self._counts.setdefault(num_id, [0] * 10)
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else levels[ilvl][0]
        for deeper in range(ilvl + 1, len(counts)):
            counts[deeper] = 0
        _, fmt, text = levels[ilvl]

        def level_number(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            start, kfmt, _ = levels.get(k, (1, "decimal", ""))
            return _FORMATS.get(kfmt, str)(counts[k] or start)

        return re.sub(r"%(\d)", level_number, text) if fmt != "bullet" else "-"


def _level(lvl) -> tuple[int, str, str]:
    def val(tag: str, default: str) -> str:
        el = lvl.find(f"{_W}{tag}")
        return el.get(f"{_W}val", default) if el is not None else default

    return int(val("start", "1")), val("numFmt", "decimal"), val("lvlText", "")


def _numbering_of(paragraph) -> tuple[str | None, int]:
    """(numId, level) of a paragraph: its own numbering properties, else its style's."""
    ppr = paragraph._p.pPr
    num_pr = ppr.numPr if ppr is not None else None
    if num_pr is None:
        style = paragraph.style
        while style is not None and num_pr is None:
            spr = style.element.pPr
            num_pr = spr.numPr if spr is not None else None
            style = style.base_style
    if num_pr is None or num_pr.numId is None:
        return None, 0
    return str(num_pr.numId.val), int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0


# -- .pdf (pypdf) ---------------------------------------------------------------------------
MIN_PDF_TEXT = 40  # characters of text below which a PDF is taken for a scan without a text layer


def read_pdf(raw: bytes, path: Path) -> str:
    """The text layer of each page, pages one after another. A scanned PDF has none: it needs
    OCR first, which policygraph does not do."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # pypdf logs what it repairs ("EOF marker not found") to stderr: a reason worth telling comes as an error
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        pdf = PdfReader(io.BytesIO(raw))
        if pdf.is_encrypted and not pdf.decrypt(""):
            raise ReadError("the PDF is encrypted with a password")
        pages = [page.extract_text() or "" for page in pdf.pages]
    except ReadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ReadError(f"not a readable PDF ({type(exc).__name__}: {exc})") from None
    except Exception as exc:  # noqa: BLE001 - a damaged file trips pypdf in many ways ("unsupported filter" …)
        raise ReadError(f"damaged or unsupported PDF ({type(exc).__name__}: {exc})") from None
    text = "\n".join(pages)
    if len(text.strip()) < MIN_PDF_TEXT:
        raise ReadError(f"the PDF has no text layer ({len(pages)} pages, a scan?): run OCR on it first")
    return text


# -- .html (Beautiful Soup) ----------------------------------------------------------------
# elements that start a line of their own; everything else flows inside a line
_BLOCKS = ("address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
           "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
           "table", "td", "th", "tr", "ul")
_HIDDEN = ("script", "style", "noscript", "template", "head", "iframe", "svg")
_SPACES = re.compile(r"\s+")
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


def read_html(raw: bytes, path: Path) -> str:
    """The visible text of a page: a line per block element (paragraph, heading, list item, table
    cell), `<br>` a line end, the spacing of the source folded as a browser folds it. Beautiful
    Soup finds the encoding (byte-order mark, `<meta charset>`, else a guess)."""
    from bs4 import BeautifulSoup, NavigableString
    from bs4.element import Comment, Doctype, ProcessingInstruction

    try:
        soup = BeautifulSoup(raw, "html.parser")
    except Exception as exc:  # noqa: BLE001 - the parser's reason is the message
        raise ReadError(f"not readable HTML ({type(exc).__name__}: {exc})") from None
    for tag in soup.find_all(_HIDDEN):
        tag.decompose()
    for node in soup.find_all(string=True):
        if isinstance(node, (Comment, Doctype, ProcessingInstruction)):
            node.extract()
        elif node.find_parent("pre") is None:
            node.replace_with(NavigableString(_SPACES.sub(" ", str(node))))
    for br in soup.find_all("br"):
        br.replace_with("\n")
    _write_list_numbers(soup)
    for tag in soup.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = (line.strip() for line in soup.get_text("").split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")


# <ol type="…"> as a document writes the numbers
_OL_TYPES = {"1": str, "I": _roman, "i": lambda n: _roman(n).lower(), "A": lambda n: _letters(n).upper(), "a": _letters}


def _write_list_numbers(soup) -> None:
    """The numbers a browser draws before list items, written into the text ("1. ", "a. "; "- " for <ul>)."""
    for ol in soup.find_all("ol"):
        fmt = _OL_TYPES.get(ol.get("type", "1"), str)
        try:
            n = int(ol.get("start", 1))
        except ValueError:
            n = 1
        for li in ol.find_all("li", recursive=False):
            li.insert(0, f"{fmt(n)}. ")
            n += 1
    for ul in soup.find_all("ul"):
        for li in ul.find_all("li", recursive=False):
            li.insert(0, "- ")
