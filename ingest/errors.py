"""The error a reader raises for a file it cannot read (its own module: reader.py and formats.py both raise it,
and reader.py imports formats.py only when a file needs it)."""

from __future__ import annotations


class ReadError(Exception):
    """A file that cannot be read; the message names the reason (the caller names the file)."""
