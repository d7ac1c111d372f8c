"""Parse results as data: JSON of the ingest dataclasses, compressed, with a checksum.

The store keeps nothing a reader would have to execute: a parse result is written as plain
JSON (dicts, lists, strings, numbers) and read back by building the dataclasses of
ingest/models.py field by field from their type hints, so a crafted row can at worst fail
to decode. Every stored blob carries a checksum (BLAKE2b of the stored bytes) that is checked
before the bytes are decompressed: a flipped bit is reported as a damaged row, not as a
zstandard traceback.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
import zlib
from functools import cache
from typing import Any

import zstandard

from policygraph.ingest import models
from policygraph.ingest.models import ParsedDocument


class DamagedBlob(ValueError):
    """A stored blob whose checksum, compression or JSON does not hold."""


# Zstandard's level 1 compresses a 17 KB text and its parse to 30% in about 0.1 ms.
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_compressor = zstandard.ZstdCompressor(level=1)
_decompressor = zstandard.ZstdDecompressor()


def checksum(blob: bytes) -> str:
    return hashlib.blake2b(blob, digest_size=16).hexdigest()


def compress(data: bytes) -> bytes:
    return _compressor.compress(data)


def decompress(blob: bytes) -> bytes:
    """zstandard, or zlib for texts written by the first schemas; DamagedBlob when neither reads."""
    try:
        return _decompressor.decompress(blob) if blob[:4] == _ZSTD_MAGIC else zlib.decompress(blob)
    except (zstandard.ZstdError, zlib.error) as exc:
        raise DamagedBlob(f"cannot be decompressed ({exc})") from None


def open_blob(blob: bytes, expected: str | None) -> bytes:
    """The decompressed bytes of a stored blob, after checking its checksum."""
    if not isinstance(blob, bytes):
        raise DamagedBlob("is not a blob")
    if expected is not None and checksum(blob) != expected:
        raise DamagedBlob("checksum mismatch")
    return decompress(blob)


# -- dataclasses <-> plain dicts ------------------------------------------------------------

def to_data(value: Any) -> Any:
    """A dataclass tree as dicts and lists (what json.dumps writes)."""
    if dataclasses.is_dataclass(value):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_data(v) for v in value]
    return value


_SCALARS = (str, int, bool, float)


@cache
def _reader(cls: Any) -> Any:
    """A function that builds `cls` from plain data (worked out once per type from its hints)."""
    origin = typing.get_origin(cls)
    if origin in (typing.Union, types.UnionType):
        inner = _reader([a for a in typing.get_args(cls) if a is not type(None)][0])
        return lambda data: None if data is None else inner(data)
    if origin is list:
        item = _reader(typing.get_args(cls)[0])

        def read_list(data: Any) -> list:
            if not isinstance(data, list):
                raise DamagedBlob(f"expected a list, found {type(data).__name__}")
            return [item(v) for v in data] if item is not None else list(data)

        return read_list
    if dataclasses.is_dataclass(cls):
        hints = typing.get_type_hints(cls, vars(models))
        fields = {f.name: _reader(hints[f.name]) for f in dataclasses.fields(cls)}

        def read_object(data: Any) -> Any:
            if not isinstance(data, dict):
                raise DamagedBlob(f"expected an object for {cls.__name__}")
            try:
                return cls(**{k: (v if (r := fields[k]) is None else r(v)) for k, v in data.items() if k in fields})
            except (TypeError, KeyError) as exc:
                raise DamagedBlob(f"{cls.__name__}: {exc}") from None

        return read_object
    if cls in _SCALARS:
        def read_scalar(data: Any) -> Any:
            if data is not None and not isinstance(data, _SCALARS):
                raise DamagedBlob(f"expected {cls.__name__}, found {type(data).__name__}")
            return data

        return read_scalar
    return None


def from_data(cls: Any, data: Any) -> Any:
    """Build `cls` (a dataclass of ingest/models.py, a list of them, an optional, a scalar)
    from what to_data made; anything of the wrong shape raises DamagedBlob."""
    reader = _reader(cls)
    return data if reader is None else reader(data)


def encode_parse(doc: ParsedDocument) -> bytes:
    """The parse result without its text (stored apart), as compressed JSON."""
    data = to_data(doc)
    data["text"] = ""
    return compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def decode_parse(blob: bytes, expected: str | None) -> ParsedDocument:
    raw = open_blob(blob, expected)
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise DamagedBlob(f"is not JSON ({exc})") from None
    return from_data(ParsedDocument, data)


def encode_text(text: str) -> bytes:
    return compress(text.encode("utf-8"))


def decode_text(blob: bytes, expected: str | None) -> str:
    try:
        return open_blob(blob, expected).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DamagedBlob(f"is not UTF-8 ({exc})") from None


def model_fingerprint() -> str:
    """Names of the parse dataclasses and their fields: a stored parse is read by these names."""
    classes = sorted(
        (c for c in vars(models).values() if isinstance(c, type) and dataclasses.is_dataclass(c)),
        key=lambda c: c.__name__,
    )
    spec = ";".join(f"{c.__name__}:{','.join(f.name for f in dataclasses.fields(c))}" for c in classes)
    return hashlib.sha1(spec.encode("utf-8")).hexdigest()[:12]
