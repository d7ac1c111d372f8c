"""The interface's English messages, from the app's templates and Python code (Babel's
extractors), merged into viz/translations/vi.po so translators see what is new.

    .venv/bin/python scripts/extract_messages.py          # add new messages (empty) to vi.po
    .venv/bin/python scripts/extract_messages.py --check  # exit 1 listing untranslated ones
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

VIZ = Path(__file__).resolve().parent.parent / "viz"
CATALOGUE = VIZ / "translations" / "vi.po"
METHODS = [("templates/**.html", "jinja2"), ("**.py", "python")]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
OPTIONS = {"templates/**.html": {"extensions": "jinja2.ext.i18n"}}


def messages() -> dict[str, list[str]]:
    """{message id: [where it is used]} of every message in viz/."""
    found: dict[str, list[str]] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
            str(VIZ), METHODS, options_map=OPTIONS, keywords=KEYWORDS, strip_comment_tags=True):
        key = message[0] if isinstance(message, tuple) else message
        if key:
            found.setdefault(key, []).append(f"{filename}:{lineno}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    with CATALOGUE.open("rb") as handle:
        catalogue: Catalog = read_po(handle, locale="vi")
    found = messages()
    missing = [m for m in found if not (catalogue.get(m) and catalogue.get(m).string)]
    if args.check:
        for message in missing:
            print(f"untranslated: {message!r} ({found[message][0]})")
        return 1 if missing else 0
    for message in missing:
        if catalogue.get(message) is None:
            catalogue.add(message, "", locations=[(f, 0) for f in found[message][:1]])
    with CATALOGUE.open("wb") as handle:
        write_po(handle, catalogue, width=120, omit_header=False, sort_output=False, include_lineno=False)
    print(f"{len(found)} messages, {len(missing)} without translation")
    return 0


if __name__ == "__main__":
    sys.exit(main())
