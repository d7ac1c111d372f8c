"""Finding a document from what a user types, and the row that every answer shows for it.

A symbol is not an identity: two 25-NQ/TW (2003 and 2013) or 28-CT/TU in two provinces
are different documents. `resolve` therefore never guesses; it raises `Ambiguous` with
the candidates so that the caller can ask again with a year or a province.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from policygraph.queries.backend import Backend
from policygraph.text import fold
from policygraph.vocabulary import Level


@dataclass
class DocRow:
    """What the user needs to recognise a document."""

    id: str
    symbol: str | None
    title: str | None
    doc_type: str | None
    level: str | None
    province: str | None
    district: str | None
    commune: str | None
    issuer: str | None
    date: str | None
    year: int | None
    stub: bool
    flags: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """Symbol when there is one, else the title: how a row is labelled."""
        return self.symbol or self.title or self.id

    @property
    def place(self) -> str:
        return ", ".join(p for p in (self.commune, self.district, self.province) if p)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def doc_row(backend: Backend, node_id: str) -> DocRow:
    attrs = backend.node(node_id) or {}
    return DocRow(
        id=node_id,
        symbol=attrs.get("symbol"),
        title=attrs.get("title") or attrs.get("subject") or attrs.get("label"),
        doc_type=attrs.get("doc_type"),
        level=attrs.get("level"),
        province=attrs.get("province"),
        district=attrs.get("district"),
        commune=attrs.get("commune"),
        issuer=attrs.get("issuer"),
        date=attrs.get("date"),
        year=attrs.get("year") or _year(attrs.get("date")),
        stub=bool(attrs.get("stub", attrs.get("source") is None)),
        flags=list(attrs.get("flags") or []),
    )


def doc_when(doc: DocRow) -> date | None:
    """The document's date (its year's first day when only the year is known): which map applies."""
    return parse_date(doc.date) or (date(doc.year, 1, 1) if doc.year else None)


def parse_date(value: str | None) -> date | None:
    """ISO date or None; partial dates ('2013', '2013-06') count as unknown days."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _year(value: str | None) -> int | None:
    if value and len(value) >= 4 and value[:4].isdigit():
        return int(value[:4])
    return None


class NotFound(LookupError):
    """No document matches what was asked."""


class Ambiguous(LookupError):
    """Several documents carry the symbol; `candidates` lets the user choose."""

    def __init__(self, symbol: str, candidates: list[DocRow]) -> None:
        super().__init__(f"{symbol} names {len(candidates)} documents; give --year or --province")
        self.symbol = symbol
        self.candidates = candidates


def candidates(
    backend: Backend, ref: str, year: int | None = None, province: str | None = None
) -> list[DocRow]:
    """All documents that `ref` (a symbol or a node id) may name, after the filters."""
    if ref.startswith("doc:") and backend.node(ref) is not None:
        return [doc_row(backend, ref)]
    rows = [doc_row(backend, nid) for nid in backend.documents_by_symbol(ref)]
    # A node flagged ambiguous is a citation that could not be pinned down, not a
    # document in its own right: it is not a candidate when real ones exist.
    real = [r for r in rows if "ambiguous" not in r.flags]
    rows = real or rows
    if year is not None:
        rows = [r for r in rows if r.year == year]
    if province is not None:
        want = fold(province)
        rows = [r for r in rows if fold(r.province) == want or (r.level == Level.CENTRAL and not r.province)]
    return sorted(rows, key=lambda r: (r.year or 0, r.province or "", r.id))


def resolve(backend: Backend, ref: str, year: int | None = None, province: str | None = None) -> str:
    """The one document `ref` names, or `NotFound` / `Ambiguous`."""
    rows = candidates(backend, ref, year, province)
    if not rows:
        raise NotFound(f"no document {ref}" + (f" of {year}" if year else ""))
    if len(rows) > 1:
        raise Ambiguous(ref, rows)
    return rows[0].id
