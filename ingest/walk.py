"""The files an ingest reads: folders walked as they are on disk, oddities named, never opened.

A folder may hold anything: symbolic link loops, links to nothing, FIFOs and sockets (opening
one blocks forever), devices (/dev/zero never ends), folders and files that cannot be read,
names that are not UTF-8, files far too large for a text. Each such path gets one Problem,
named as the user gave it (the folder given, joined with the names under it), and the walk goes
on. Only regular files are ever opened, by the reader, later.

Names that are not UTF-8 come from the system as str with surrogate escapes: they can be opened
but neither printed nor stored in SQLite. `escaped` writes their bytes as \\xNN, so every path
printed or stored is plain UTF-8; the store keys a file by `key_of` (absolute, links resolved,
escaped), which `remove` computes the same way.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from policygraph.ingest.reader import supported

DEFAULT_MAX_SIZE = 100_000_000  # bytes: a text this large is not a document (the largest gazette text is 2 MB)


@dataclass(frozen=True)
class Found:
    """A regular file to read."""

    path: str  # as the system names it (may hold surrogate escapes): what is opened
    key: str  # absolute, links resolved, escaped: what the store keys the file by
    shown: str  # as the user gave it, escaped: what messages name
    rel: str  # relative to the folder given (the file name for a file given itself), escaped
    size: int


@dataclass(frozen=True)
class Problem:
    """A path that is not read, and why."""

    shown: str
    reason: str


@dataclass
class Walk:
    files: list[Found] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def escaped(path: str | os.PathLike) -> str:
    """`path` as printable UTF-8: bytes that are not UTF-8, and control characters (a name may
    hold an escape sequence), written as \\xNN."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", text) if _CONTROLS.search(text) else text


def key_of(path: str | os.PathLike) -> str:
    """The key the store gives the file at `path`: absolute, symbolic links resolved, escaped."""
    return escaped(os.path.realpath(os.path.abspath(os.fspath(path))))


def size_text(n: int) -> str:
    """A byte count as people read it: '52.4 MB'."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} bytes"


_SPECIAL = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
            (stat.S_ISBLK, "a block device"))


def walk(paths, max_size: int | None = DEFAULT_MAX_SIZE) -> Walk:
    """The regular files under `paths` (folders recursively, hidden names skipped, only the
    suffixes a reader knows), sorted by key and each once, and the problems met on the way."""
    out = Walk()
    seen: dict[str, Found] = {}
    walked: set[tuple[int, int]] = set()
    for given in paths:
        given = os.fspath(given)
        _visit(given, escaped(given), None, frozenset(), out, seen, walked, max_size)
    out.files = sorted(seen.values(), key=lambda f: f.key)
    return out


def _visit(path: str, shown: str, rel: str | None, above: frozenset, out: Walk, seen: dict[str, Found],
           walked: set, max_size: int | None) -> None:
    """One path: `rel` is None for a path the user gave, else its place under the folder given;
    `above` the (device, inode) of the folders walked down to it (a link back to one is a loop)."""
    name = os.path.basename(path.rstrip("/")) or path
    named = rel is None or supported(Path(name)) or not Path(name).suffix  # worth a word when odd
    try:
        st = os.stat(path)
    except OSError as exc:
        if named:
            out.problems.append(Problem(shown, _unreachable(path, exc, rel is None)))
        return
    if stat.S_ISDIR(st.st_mode):
        _folder(path, shown, rel, st, above, out, seen, walked, max_size)
        return
    if rel is not None and not supported(Path(name)):
        return  # a file no reader knows, in a folder: not ours
    for test, kind in _SPECIAL:
        if test(st.st_mode):
            out.problems.append(Problem(shown, f"{kind}, not a regular file: not opened"))
            return
    if not stat.S_ISREG(st.st_mode):
        out.problems.append(Problem(shown, "not a regular file: not opened"))
        return
    if max_size is not None and st.st_size > max_size:
        out.problems.append(Problem(shown, f"file too large ({size_text(st.st_size)}; the limit is "
                                           f"{size_text(max_size)}): not read; raise --max-size to read it"))
        return
    key = key_of(path)
    if key not in seen:
        seen[key] = Found(path, key, shown, escaped(rel if rel is not None else name), st.st_size)


def _folder(path: str, shown: str, rel: str | None, st: os.stat_result, above: frozenset, out: Walk,
            seen: dict[str, Found], walked: set, max_size: int | None) -> None:
    ident = (st.st_dev, st.st_ino)
    if ident in above:
        out.problems.append(Problem(shown, "symbolic link loop: it leads back to a folder above it; not followed"))
        return
    if ident in walked:
        return  # the same folder reached again through another link: its files are in already
    walked.add(ident)
    try:
        with os.scandir(path) as entries:
            names = sorted(e.name for e in entries)
    except OSError as exc:
        out.problems.append(Problem(shown, f"folder cannot be read ({exc.strerror or exc}): skipped"))
        return
    below = above | {ident}
    for name in names:
        if name.startswith("."):
            continue
        child_rel = name if rel is None else f"{rel}/{name}"
        _visit(os.path.join(path, name), _join(shown, name), child_rel, below, out, seen, walked, max_size)


def _join(shown: str, name: str) -> str:
    """A name under a folder as shown: 'docs' + 'a.txt' is 'docs/a.txt', '/' + 'a.txt' is '/a.txt'."""
    return f"{shown.rstrip('/')}/{escaped(name)}"


def _unreachable(path: str, exc: OSError, given: bool) -> str:
    """Why a path cannot be followed: a link to nothing or a loop is named as a link."""
    try:
        is_link = stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError:
        is_link = False
    if is_link:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop: not followed"
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            try:
                target = escaped(os.readlink(path))
            except OSError:
                target = "?"
            return f"dangling symbolic link (to {target}, which does not exist)"
        return f"symbolic link cannot be followed ({exc.strerror or exc})"
    if exc.errno == errno.ENOENT:
        return "no such file or folder"
    if exc.errno == errno.EACCES:
        return "permission denied"
    return exc.strerror or str(exc)
