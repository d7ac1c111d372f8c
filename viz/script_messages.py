"""Messages the browser scripts show, handed to them translated (base.html, messages.js)."""

from __future__ import annotations

from policygraph.viz.i18n import N_

SCRIPT_MESSAGES = (
    N_("{shown} of {total} nodes shown · {edges} edges"),
    N_("cited only"),
    N_("No chain between these two documents."),
    N_("{steps} steps: {names}"),
    N_("Path failed: {error}"),
    N_("Could not load: {error}"),
    N_("Central"), N_("Province"), N_("District"), N_("Commune"), N_("Unknown level"),
)
