"""Plain records that ingesters produce and the graph consumes.

Everything here is data: no parsing, no storage. Offsets (`start`, `end`) are
character offsets into the NFC-normalised text that the reader returned.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from policygraph.vocabulary import EdgeType, Level


@dataclass(frozen=True)
class Place:
    """Where a document or unit belongs; None means unknown, not 'nowhere'."""

    province: str | None = None
    district: str | None = None
    commune: str | None = None

    def scope(self, level: str | None) -> Place:
        """The part of this place that matters for something at `level`."""
        if level == Level.CENTRAL:
            return Place()
        if level == Level.PROVINCE:
            return Place(self.province)
        if level == Level.DISTRICT:
            return Place(self.province, self.district)
        return self


@dataclass
class Citation:
    """One numbered document mentioned in a text (one per symbol in an enumeration)."""

    symbol: str  # canonical, e.g. "25-NQ/TW", "16/CT-TTg"
    written: str  # exactly as in the text
    doc_type: str | None  # type code from the type table, e.g. "NQ"; None for untyped letters
    number: str
    grammar: str  # "party" | "state"
    issuer_code: str  # e.g. "TW", "HU", "TTg", "UBND-VX"
    level: str | None  # level of the issuing body: central/province/district/commune
    date: str | None = None  # ISO date when written
    year: int | None = None  # from the date or the symbol (18/2000/CT-TTg)
    term: str | None = None  # congress term (khóa) as a Roman numeral, when written
    issuer_text: str | None = None  # issuing body as written ("Ban Chấp hành Trung ương")
    subject: str | None = None  # the "về ..." phrase
    place: Place = field(default_factory=Place)  # scope for local symbols
    relation: str = EdgeType.REFERENCES  # implements | based_on | references
    start: int = 0
    end: int = 0
    evidence: str = ""  # the sentence that holds the citation
    flags: list[str] = field(default_factory=list)  # e.g. "issuer_slip", "place_unresolved"


@dataclass
class AssertedEdge:
    """An edge the text states between two documents it cites (indexes into citations)."""

    source: int
    target: int
    type: str  # "implements"
    evidence: str
    start: int
    end: int


@dataclass
class Change:
    """What one document does to another: amends, replaces, repeals, guides, consolidates,
    continues, reviews (ingest/changes.py). The actor is this document (`source` None) or, when
    the text says it of two documents it names, the one at `source`."""

    type: str
    target: int  # index into citations, or into unnumbered when `target_named`
    source: int | None = None
    target_named: bool = False
    source_named: bool = False
    scope: str = "whole"  # whole | partial (certain articles)
    articles: str | None = None  # the articles named, as written ("các khoản 1, khoản 3 Điều 1")
    evidence: str = ""
    start: int = 0
    end: int = 0


@dataclass
class UnnumberedMention:
    """A document named without a number: a congress or plenum resolution, a law by its name."""

    kind: str  # congress_resolution | plenum_resolution | law
    doc_type: str  # "NQ" for resolutions, "Luật" for laws
    name: str  # canonical name ("Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Gia Lai lần thứ XV")
    written: str  # exactly as in the text
    level: str  # level of the body that issued it: central/province/district/commune
    place: Place = field(default_factory=Place)  # the citing document's place, scoped to `level`
    issuer: str | None = None  # "Đại hội đại biểu Đảng bộ tỉnh Gia Lai", "Quốc hội"
    ordinal: str | None = None  # congress ordinal (Roman, "XIII") or plenum number ("4")
    term: str | None = None  # khóa of a plenum (Roman)
    period: str | None = None  # a congress's term years, "2015-2020"
    year: int | None = None  # a law's year, when written ("Luật Đất đai năm 2013")
    key: str | None = None  # a law's folded name ("thuc hien dan chu o co so")
    relation: str = EdgeType.REFERENCES  # implements | based_on | references, as for numbered citations
    start: int = 0
    end: int = 0
    evidence: str = ""
    flags: list[str] = field(default_factory=list)  # "place_unresolved"


@dataclass
class UnitMention:
    """A named unit (body, office, organisation) or a collective of units."""

    name: str  # canonical name: abbreviations expanded, spacing folded
    written: str
    unit_type: str  # party_committee, party_board, peoples_committee, department, front, ...
    level: str | None
    place: Place = field(default_factory=Place)
    collective: bool = False  # "Các sở, ban, ngành": stands for many units one level down
    start: int = 0
    end: int = 0


@dataclass
class Assignment:
    """A task given to a unit ("assigns" edge)."""

    unit: UnitMention
    role: str  # lead | support | execute
    task: str
    section: str | None = None  # heading number of "Tổ chức thực hiện", e.g. "IV"
    in_body: bool = False  # given outside the "Tổ chức thực hiện" section
    deadline: str | None = None  # ISO date
    deadline_rule: str | None = None  # e.g. "yearly:12-10", "quarterly", "by:2016-12-31"
    deadline_text: str | None = None
    evidence: str = ""
    start: int = 0
    end: int = 0


@dataclass
class Recipient:
    unit: UnitMention
    for_report: bool = False  # "B/c", "để báo cáo"
    written: str = ""


@dataclass
class ReportLine:
    """'báo cáo ... về A qua B': reports go to `to`, through `via`."""

    to: UnitMention
    via: UnitMention | None
    evidence: str = ""
    start: int = 0
    end: int = 0


@dataclass
class UnitExtraction:
    issuer: UnitMention | None = None
    signer_name: str | None = None
    signer_title: str | None = None
    assigns: list[Assignment] = field(default_factory=list)
    recipients: list[Recipient] = field(default_factory=list)
    reports_to: list[ReportLine] = field(default_factory=list)


@dataclass
class Identity:
    """What a document says about itself: number, type, title, date, level, place, issuer."""

    symbol: str | None = None
    doc_type: str | None = None
    doc_type_name: str | None = None
    grammar: str | None = None
    issuer_code: str | None = None
    title: str | None = None
    date: str | None = None
    year: int | None = None
    term: str | None = None
    level: str | None = None
    place: Place = field(default_factory=Place)
    issuer: str | None = None
    flags: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class ParsedDocument(Identity):
    """Everything one file says, before identities are resolved against the store."""

    path: str
    sha256: str
    text: str
    citations: list[Citation] = field(default_factory=list)
    asserted: list[AssertedEdge] = field(default_factory=list)
    units: UnitExtraction = field(default_factory=UnitExtraction)
    unnumbered: list[UnnumberedMention] = field(default_factory=list)  # documents named without a number
    # the path relative to the folder ingested (the file name for a file given itself): what pages and exports
    # show, where `path` (absolute, what `remove` matches) stays in the store
    rel_path: str | None = None
    changes: list[Change] = field(default_factory=list)  # what it does to the documents it names
    effective: str | None = None  # when it takes effect: ISO date, or "signing" ("kể từ ngày ký")

    def to_dict(self) -> dict:
        return asdict(self)
