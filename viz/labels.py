"""Names of levels, edge types, roles and statuses as interface messages (English ids,
translated in viz/translations/vi.po). The keys are the model's own names (docs/model.md)."""

from __future__ import annotations

from policygraph.viz.i18n import N_

LEVEL_LABELS = {"central": N_("Central"), "province": N_("Province"), "district": N_("District"),
                "commune": N_("Commune"), None: N_("Unknown level")}
EDGE_LABELS = {"implements": N_("implements"), "based_on": N_("based on"), "references": N_("references"),
               "assigns": N_("assigns a task to"), "issued_by": N_("issued by"), "sent_to": N_("sent to"),
               "reports_to": N_("reports to"), "located_in": N_("located in"), "part_of": N_("part of"),
               # what one document did to another (issue 17)
               "amends": N_("amends"), "replaces": N_("replaces"), "repeals": N_("repeals"),
               "guides": N_("guides"), "consolidates": N_("consolidates"), "continues": N_("continues"),
               "reviews": N_("reviews")}
KIND_LABELS = {"document": N_("Ingested document"), "stub": N_("Cited document (no text)"),
               "unit": N_("Unit (body, office)"), "place": N_("Place")}
ROLE_LABELS = {"lead": N_("Lead"), "execute": N_("Carry out"), "support": N_("Support")}
# status key -> message; the key is also the badge's CSS class
STATUS_LABELS = {"acted": N_("acted"), "acted-late": N_("acted late"), "not-yet": N_("not yet"),
                 "late": N_("late")}
# whether a document is in force (queries/history.py); the key is also the badge's CSS class
STANDING_LABELS = {"in force": N_("in force"), "amended": N_("in force, amended"),
                   "partly repealed": N_("partly repealed"), "no longer in force": N_("no longer in force"),
                   "not yet in force": N_("not yet in force"), "unknown": N_("unknown")}
SCOPE_LABELS = {"whole": N_("whole"), "partial": N_("in part")}
# a node's flags (docs/model.md) as a reader says them; an unknown flag is shown as it is
FLAG_LABELS = {"ambiguous": N_("citation not pinned down"), "date_conflict": N_("dates disagree"),
               "issuer_slip": N_("issuer written differently"), "place_unresolved": N_("place not resolved"),
               "anachronism": N_("anachronism"), "state_in_party_form": N_("State symbol written the Party way"),
               "party_in_state_form": N_("Party symbol written the State way"),
               "symbol_inferred": N_("symbol inferred"), "year_estimated": N_("year estimated")}
