"""The names the graph is made of: levels, edge types, node kinds, roles and flags, one place each.

This module sits at the bottom of the package (beside ``text.py``, below ``ingest/``): every
layer (files -> ingest -> graph -> queries -> cli / viz) may import it and it imports nothing
of the project, so a name written here can never pull a higher layer in. The values are the
plain strings the store, the exports and the answer key already hold; the classes are only
namespaces (``Level.PROVINCE == "province"``), so a constant may stand wherever a string did,
in a ``match`` pattern too (dotted names are value patterns).
"""

from __future__ import annotations


class Level:
    """Where in the hierarchy a body or a document belongs."""

    CENTRAL = "central"
    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"


LEVELS: tuple[str, ...] = (Level.CENTRAL, Level.PROVINCE, Level.DISTRICT, Level.COMMUNE)
LEVEL_RANK: dict[str, int] = {name: rank for rank, name in enumerate(LEVELS)}
# the common noun of each local level as written before a place name ("tỉnh Gia Lai")
LEVEL_WORD: dict[str, str] = {Level.PROVINCE: "tỉnh", Level.DISTRICT: "huyện", Level.COMMUNE: "xã"}



class EdgeType:
    """The typed edges of the graph (docs/model.md)."""

    IMPLEMENTS = "implements"  # a document carries out another ("Thực hiện …")
    BASED_ON = "based_on"  # a document rests on another as its ground ("Căn cứ …")
    REFERENCES = "references"  # any other mention
    ASSIGNS = "assigns"  # document -> unit told to act
    ISSUED_BY = "issued_by"  # document -> issuing unit
    SENT_TO = "sent_to"  # document -> recipient unit
    REPORTS_TO = "reports_to"  # unit -> unit it reports to
    LOCATED_IN = "located_in"  # unit or document -> place
    PART_OF = "part_of"  # place -> larger place


# the relations between two documents, strongest first
DOCUMENT_RELATIONS: tuple[str, ...] = (EdgeType.IMPLEMENTS, EdgeType.BASED_ON, EdgeType.REFERENCES)


class NodeKind:
    """What a node stands for."""

    DOCUMENT = "document"
    UNIT = "unit"
    PLACE = "place"


class Grammar:
    """The two grammars of document symbols: Party ("25-NQ/TW") and State ("16/CT-TTg")."""

    PARTY = "party"
    STATE = "state"


class Role:
    """What a unit is told to do with a task."""

    LEAD = "lead"  # chủ trì
    EXECUTE = "execute"  # told to do the task itself
    SUPPORT = "support"  # phối hợp


ROLE_RANK: dict[str, int] = {Role.LEAD: 3, Role.EXECUTE: 2, Role.SUPPORT: 1}  # own task is more than a helper's


class Flag:
    """Doubts an extractor records on what it read instead of dropping it."""

    ISSUER_SLIP = "issuer_slip"  # the issuer code was repaired (25-NQ/TU written for a province body)
    ISSUER_UNKNOWN = "issuer_unknown"  # a State issuer code the table does not know, kept as written
    PLACE_UNRESOLVED = "place_unresolved"  # a local symbol whose place could not be told
    SYMBOL_INFERRED = "symbol_inferred"  # the own number was read outside the frame's number line
    SYMBOL_NONSTANDARD = "symbol_nonstandard"  # kept as the frame writes it: the grammar does not know the form
    NO_FRAME = "no_frame"  # the text has no frame, so no own number (an excerpt, a page begun mid-document)
    DATE_CONFLICT = "date_conflict"
    YEAR_ESTIMATED = "year_estimated"
    STATE_IN_PARTY_FORM = "state_in_party_form"  # "33-CT/TTg" written for 33/CT-TTg
    PARTY_IN_STATE_FORM = "party_in_state_form"
