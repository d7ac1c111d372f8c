"""The stored form of a parse result: one row per file, the parse as JSON, compressed, with checksums.

Made in the worker processes of a parallel ingest (a pure function of the parse), so the
parent receives bytes it stores as they are; the store (graph/store.py) reads them back.
It lives in ingest, below the store, so the parsing side never imports the graph layer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from policygraph.ingest import codec
from policygraph.ingest.models import ParsedDocument


class FileRow(NamedTuple):
    """One row of the ``files`` table: what a parse result is stored as."""

    path: str
    sha256: str
    parsed: bytes  # the ParsedDocument without its text, JSON, compressed (ingest/codec.py)
    text: bytes  # the UTF-8 text, compressed
    parsed_sum: str  # checksums of the stored bytes, checked on every read
    text_sum: str


def file_row(doc: ParsedDocument) -> FileRow:
    """The stored form of a parse result (pure: parallel ingest runs it in the worker processes,
    and the parent stores the bytes as they are)."""
    parsed, text = codec.encode_parse(doc), codec.encode_text(doc.text)
    return FileRow(doc.path, doc.sha256, parsed, text, codec.checksum(parsed), codec.checksum(text))


# What the ingest says about each file it read: the store keeps the last one (graph/ingest_log.py).
@dataclass
class Entry:
    """One file's last ingest: `status` is added, updated or failed; `notes` its warnings, or the
    reason it failed."""

    path: str  # the store's key: absolute, links resolved
    shown: str  # as the user gave it to that ingest
    rel_path: str | None
    status: str
    at: str  # ISO time of the ingest
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return dict(vars(self))
