"""The units a document's frame and closing name: the issuer (the "T/M …" signature, else the body that
says it issues the document), the signer, the recipients ("Nơi nhận") and a letter's addressees
("Kính gửi"). Their zones come from the layout pass (layout.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from policygraph.ingest import lexicon as T
from policygraph.ingest.layout import ON_BEHALF_RE, Layout
from policygraph.ingest.models import Recipient, UnitExtraction
from policygraph.ingest.unit_finder import ENACTING_RE, Found, find_units, unit_at, unit_list_at
from policygraph.ingest.unit_names import canonical_unit_name
from policygraph.ingest.unit_patterns import (
    BULLET_RE,
    FOR_REPORT_RE,
    HAS_LOWER_RE,
    ISSUE_VERB_RE,
    ITEM_PREFIX_RE,
    ITEM_RE,
    PERSON_RE,
    PIECE_RE,
    RECIPIENT_SKIP_RE,
    SIGN_SKIP_RE,
    TITLE_WORDS,
)
from policygraph.ingest.unit_resolve import UnitContext, resolve_unit
from policygraph.text import name_key


def read_signature(text: str, layout: Layout, ctx: UnitContext, out: UnitExtraction) -> int | None:
    """Issuer, signer and title from the last "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ / name"; returns where it starts."""
    if not layout.on_behalf:
        return None
    sig = ON_BEHALF_RE.rx.match(text, layout.on_behalf[-1].start)
    body = sig.group("body").strip(" *")
    found = unit_at(body, 0)
    if found:
        out.issuer = resolve_unit(found, ctx)
        out.issuer.start, out.issuer.end = sig.start("body"), sig.start("body") + len(body)
    title = None
    for line in text[sig.end():sig.end() + 400].split("\n")[1:]:
        line = line.strip(" *#\t")
        if not line or SIGN_SKIP_RE.match(line):
            continue
        letters = [c for c in line if c.isalpha()]
        if PERSON_RE.match(line) and title:
            out.signer_name = line
            break
        if letters and len(line) < 60:
            title = line
    if title:
        t = title.lower()
        for low, cap in TITLE_WORDS:
            t = t.replace(low, cap)
        out.signer_title = t[:1].upper() + t[1:]
    return sig.start()


def _issue_verb(text: str) -> int | None:
    """Where the spaces before the first "ban hành Kế hoạch" of the intro start: r"\\s+" + ISSUE_VERB_RE's start."""
    m = ISSUE_VERB_RE.search(text, 0, min(len(text), 4000))
    return len(text[: m.start()].rstrip()) if m else None


def issuer_from_intro(text: str, ctx: UnitContext, out: UnitExtraction) -> None:
    """"…, Ủy ban nhân dân tỉnh ban hành Kế hoạch": the body that says it issues the document."""
    verb = _issue_verb(text)
    if verb is None:
        return
    line_start = text.rfind("\n", 0, verb) + 1
    cut = max(text.rfind(",", line_start, verb), text.rfind(".", line_start, verb))
    pos = cut + 1 if cut >= 0 else line_start
    while pos < verb and text[pos].isspace():
        pos += 1
    found = unit_at(text, pos, verb)
    if found and found.end == verb:
        out.issuer = resolve_unit(found, ctx)


def read_recipients(text: str, layout: Layout, ctx: UnitContext, out: UnitExtraction) -> int | None:
    """The first "Nơi nhận" list as recipients; "Lưu" lines and internal notes are left out."""
    for head in layout.recipients:
        got: list[Recipient] = []
        _bullet_list(text, head.end, ctx, got)
        if got:
            out.recipients.extend(got)
            return head.start
    return layout.recipients[0].start if layout.recipients else None


def _bullet_list(text: str, pos: int, ctx: UnitContext, got: list[Recipient]) -> None:
    """The bulleted lines from `pos` (blank lines and short sub-headings ending in ':' skipped)."""
    while pos < len(text):
        nl = text.find("\n", pos)
        le = len(text) if nl < 0 else nl
        line = text[pos:le]
        stripped = line.strip(" *\t")
        if stripped and not BULLET_RE.match(stripped):
            if stripped.endswith(":") and len(stripped) < 40:
                pos = le + 1
                continue
            break
        if stripped:
            b = BULLET_RE.match(text, pos + (len(line) - len(line.lstrip(" *\t"))))
            _recipient_items(text, b.end(), le, ctx, got)
        pos = le + 1


# "Kính gửi: …" in a letter's frame: whom it is addressed to, on its line or in a list below
def read_addressees(text: str, layout: Layout, ctx: UnitContext, out: UnitExtraction) -> None:
    """The addressees of a letter ("Kính gửi: - Các chi, đảng bộ cơ sở; …") as recipients."""
    head = layout.addressees
    if head is None:
        return
    got: list[Recipient] = []
    le = text.find("\n", head.end)
    le = len(text) if le < 0 else le
    if text[head.end:le].strip(" *\t"):  # "Kính gửi: Ban Thường vụ Tỉnh ủy"
        b = BULLET_RE.match(text, head.end)
        _recipient_items(text, b.end() if b else head.end, le, ctx, got)
    else:
        _bullet_list(text, le + 1, ctx, got)
    out.recipients.extend(got)


def _recipient_items(text: str, start: int, end: int, ctx: UnitContext, got: list[Recipient]) -> None:
    for part in ITEM_RE.finditer(text[start:end]):
        ps, pe = start + part.start(), start + part.end()
        item = text[ps:pe]
        lead = len(item) - len(item.lstrip())
        ps += lead
        item = item.strip().rstrip(",.;")
        if not item or RECIPIENT_SKIP_RE.match(item):
            continue
        for_report = bool(FOR_REPORT_RE.search(item))
        item = (FOR_REPORT_RE.sub("", item) if for_report else item).split(" + ")[0].strip(" ,.")
        prefix = ITEM_PREFIX_RE.match(item)
        pieces = []
        if prefix:  # "Chi bộ: Trường Tiểu học, Trường Mầm non"
            off = prefix.end()
            for sub in PIECE_RE.finditer(item[off:]):
                s = sub.group(0).strip()
                if s:
                    lead_ws = len(sub.group(0)) - len(sub.group(0).lstrip())
                    pieces.append((prefix.group(1) + " " + s, ps + off + sub.start() + lead_ws,
                                   len(prefix.group(1)) + 1))
        else:
            pieces.append((item, ps, 0))
        for piece, offset, shift in pieces:
            for u in _piece_units(piece):
                mention = resolve_unit(u, ctx)
                mention.written = piece[u.start:u.end]  # this piece's own text, not the equal one cached with u
                mention.start = offset + max(0, u.start - shift)
                mention.end = offset + max(0, min(u.end, len(piece)) - shift)
                got.append(Recipient(unit=mention, for_report=for_report, written=piece))


@lru_cache(maxsize=4096)
def _piece_units(piece: str) -> tuple[Found, ...]:
    """The units one recipient line names; cached, as the same lines close many documents (read-only results)."""
    units = unit_list_at(piece, 0)
    if not units:
        units = find_units(piece)
    if not units and HAS_LOWER_RE.search(piece) and len(piece.split()) >= 2:
        units = [Found(0, len(piece), piece, canonical_unit_name(piece), "other")]
    return tuple(units)


MINISTER_RE = re.compile(r"(?<!\w)Bộ\s+trưởng\s+(?=Bộ\s)")
ENACTING_HEAD_CHARS = 8000  # the enacting formula closes the preamble, within the first pages
_BARE_MINISTER = name_key("Bộ trưởng")


def issuing_ministry(text: str, ctx: UnitContext) -> Found | None:
    """The ministry whose minister issues the document ("Bộ trưởng Bộ Tài chính ban hành Thông tư"), for the
    types one minister issues (lexicon.MINISTER_DOC_TYPES); None otherwise."""
    if ctx.doc_type not in T.MINISTER_DOC_TYPES:
        return None
    for m in MINISTER_RE.finditer(text, 0, min(len(text), ENACTING_HEAD_CHARS)):
        unit = unit_at(text, m.end())
        if unit is not None and not unit.collective and ENACTING_RE.match(text, unit.end):
            return unit
    return None


def own_minister(units: list[Found], ministry: Found) -> list[Found]:
    """A bare "Bộ trưởng" in a circular is its issuing minister: the ministry. Followed by the heads of other
    bodies ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ …") it is every minister, as in a decree."""
    out = list(units)
    for i, u in enumerate(units):
        if not u.titled or name_key(u.written) != _BARE_MINISTER:
            continue
        nxt = units[i + 1] if i + 1 < len(units) else None
        if nxt is not None and nxt.titled and nxt.collective:
            continue
        out[i] = Found(u.start, u.end, u.written, ministry.name, ministry.unit_type, False, ministry.level,
                       ministry.explicit_level, False, None, ministry.head, titled=True)
    return out
