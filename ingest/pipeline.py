"""files -> ParsedDocument -> store. The one place where the extractors are put together.

Parsing is pure and runs in worker processes with ``jobs > 1``; only the parent writes
to the store, one transaction per file, so a bad file or a crash never loses what was
already stored.
"""

from __future__ import annotations

import errno
import gc
import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from policygraph.ingest.changes import effective_date, find_changes
from policygraph.ingest.citations import extract_citations, scope_citations
from policygraph.ingest.header import identify
from policygraph.ingest.layout import Layout, read_layout
from policygraph.ingest.models import ParsedDocument
from policygraph.ingest.noise import mask_noise
from policygraph.ingest.reader import ReadError, read_text
from policygraph.ingest.rows import Entry, FileRow, file_row
from policygraph.ingest.units import UnitContext, extract_units
from policygraph.ingest.unnumbered import find_unnumbered, law_key
from policygraph.ingest.walk import DEFAULT_MAX_SIZE, Found, key_of, walk


def parse_text(text: str, path: str = "<text>") -> ParsedDocument:
    """Everything policygraph reads from one text (already NFC)."""
    masked = mask_noise(text)
    layout = read_layout(masked)  # the zones every extractor reads by, found once
    citations, asserted = extract_citations(masked)
    ident = identify(text, masked, citations)
    scope_citations(citations, ident.level, ident.place)
    if ident.symbol:  # the document's own number repeated in its text is not a citation
        kept = [
            i
            for i, c in enumerate(citations)
            if not (c.symbol == ident.symbol and c.place.scope(c.level) == ident.place.scope(c.level))
        ]
        remap = {old: new for new, old in enumerate(kept)}
        asserted = [a for a in asserted if a.source in remap and a.target in remap]
        for a in asserted:
            a.source, a.target = remap[a.source], remap[a.target]
        citations = [citations[i] for i in kept]
    doc = ParsedDocument(
        path=path,
        sha256=_sha256(text),
        text=text,
        citations=citations,
        asserted=asserted,
        unnumbered=_not_itself(find_unnumbered(masked, ident.level, ident.place, citations), ident.title),
        **vars(ident),
    )
    doc.changes = find_changes(masked, doc.citations, doc.unnumbered, doc.doc_type, doc.title, doc.symbol)
    doc.effective = effective_date(masked)
    _add_units(doc, masked, layout)
    return doc


def _not_itself(mentions: list, title: str | None) -> list:
    """A law names itself ("Quốc hội ban hành Luật Đầu tư", "Luật Đầu tư quy định …"): those are
    not documents it cites, as its own number repeated is not a citation."""
    own = law_key(title)
    if own is None or not mentions:
        return mentions
    return [u for u in mentions if not (u.kind == "law" and u.key == own)]


def _add_units(doc: ParsedDocument, masked: str, layout: Layout) -> None:
    # deadlines are read from the document's date; without one, from the start of its year (known or estimated
    # from what it cites): "trước ngày 10/12 hằng năm" in a 2017 plan is due first on 10 December 2017
    since = doc.date or (f"{doc.year}-01-01" if doc.year else None)
    doc.units = extract_units(
        masked,
        UnitContext(level=doc.level, place=doc.place, issuer_code=doc.issuer_code, doc_date=since,
                    doc_type=doc.doc_type),
        layout,
    )


def _sha256(text: str) -> str:
    """The content hash a file row is stored under: of the normalised text, not the bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_file(path: str | Path) -> ParsedDocument:
    """Read and parse one file; raises ReadError for files that cannot be read."""
    doc = parse_text(read_text(path)[0], key_of(path))
    doc.rel_path = Path(path).name
    return doc


@dataclass
class Outcome:
    """One file's result: its stored form and counts, or the reason it failed.

    `doc` is the parse result when the file was parsed in this process (the rebuild reuses
    it); a worker process sends only `row`, already encoded, which the parent stores as it is.
    `path` is the store's key for the file, `shown` the path as the user gave it (both escaped).
    """

    path: str
    doc: ParsedDocument | None = None
    error: str | None = None
    row: FileRow | None = None
    citations: int = 0
    warnings: int = 0
    unchanged: bool = False  # the store already holds this text: it was not parsed again
    shown: str = ""
    rel_path: str | None = None
    size: int = 0
    notes: list[str] = field(default_factory=list)  # the warnings, in words

    @property
    def name(self) -> str:
        """How messages name the file: as the user gave it."""
        return self.shown or self.path


def warnings_of(doc: ParsedDocument) -> list[str]:
    """The flags of a parse result, one line each: the document's, then each citation's."""
    notes = [f"document: {flag}" for flag in doc.flags]
    notes += [f"citation {c.written!r}: {flag}" for c in doc.citations for flag in c.flags]
    return notes


def _safe_parse(found: Found, keep_doc: bool = True, known: str | None = None) -> Outcome:
    """Parse one file found by the walk into its row; `known` is the hash the store holds for
    it, so an unchanged file is read and hashed but not parsed."""
    where = {"shown": found.shown, "rel_path": found.rel, "size": found.size}
    try:
        text, notes = read_text(found.path)
        if known is not None and _sha256(text) == known:
            return Outcome(found.key, unchanged=True, **where)
        doc = parse_text(text, found.key)
        doc.rel_path = found.rel
        row = file_row(doc)
    except ReadError as exc:
        return Outcome(found.key, error=str(exc), **where)
    except Exception as exc:  # noqa: BLE001 - a parser bug on one file must not stop the batch
        return Outcome(found.key, error=f"could not be parsed ({type(exc).__name__}: {exc})", **where)
    notes += warnings_of(doc)
    return Outcome(found.key, doc if keep_doc else None, row=row, citations=len(doc.citations),
                   warnings=len(notes), notes=notes, **where)


def _worker_parse(job: tuple[Found, str | None]) -> Outcome:
    found, known = job
    return _safe_parse(found, keep_doc=False, known=known)


AUTO_MIN_FILES = 64  # below this many files, starting worker processes costs more than it saves
AUTO_MAX_JOBS = 8


def worker_count(jobs: int | None, files: int) -> int:
    """Worker processes for a batch of `files`: `jobs` when given; for None ("auto") the CPUs
    this process may run on (its affinity, so a container's limit counts), at most 8, when
    the batch is large enough to repay the workers' start."""
    if jobs is not None:
        return max(1, jobs)
    if files < AUTO_MIN_FILES:
        return 1
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cpus, AUTO_MAX_JOBS))


def parse_many(
    files: list[Found],
    jobs: int | None = 1,
    known: dict[str, str] | None = None,
    initializer: Callable[[], None] | None = None,
) -> Iterator[Outcome]:
    """Outcomes in file order; `known` maps keys to the hashes already stored; `jobs` None is "auto";
    `initializer` runs first in each worker process (the store's drop_inherited_locks)."""
    known = known or {}
    jobs = worker_count(jobs, len(files))
    if jobs <= 1 or len(files) < 2:
        for found in files:
            yield _safe_parse(found, known=known.get(found.key))
        return
    import multiprocessing

    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    with ctx.Pool(jobs, initializer=initializer) as pool:
        yield from pool.imap(_worker_parse, [(found, known.get(found.key)) for found in files], chunksize=8)


@dataclass
class Summary:
    """What a batch did. Every path met is counted once: files = added + updated + unchanged + failed."""

    files: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[Outcome] = field(default_factory=list)
    citations: int = 0  # in the files parsed (added or updated)
    warnings: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # wall time of parse / store / rebuild
    bytes: int = 0  # the size of the files read


class DiskFull(Exception):
    """The disk filled up while the store was written; the batch was undone (the message says so)."""


def disk_full(exc: BaseException) -> bool:
    """Whether `exc` is the system's or SQLite's way of saying there is no room left."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return True
    return isinstance(exc, sqlite3.OperationalError) and "full" in str(exc).lower()


@contextmanager
def _collector_for_batch(young: int = 50_000, every: int = 256) -> Iterator[Callable[[], None]]:
    """Keep the cyclic garbage collector out of a batch's way; yields `settle`, called per stored file.

    Parsing allocates many short-lived containers and makes almost no cycles, while the
    parse results kept for the rebuild grow the set each full collection walks: with the
    default settings the collector took 0.4 ms of each document's 3.6 ms. So collections
    run in larger steps, and every `every` files `settle` moves what is alive into the
    permanent generation (gc.freeze), which collections skip; it is released at the end.
    """
    before = gc.get_threshold()
    gc.set_threshold(max(young, before[0]), *before[1:])
    count = 0

    def settle() -> None:
        nonlocal count
        count += 1
        if count % every == 0:
            gc.freeze()

    try:
        yield settle
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def ingest_paths(
    store,
    paths: Iterable[str | Path],
    jobs: int | None = 1,
    progress: Callable[[Outcome], None] | None = None,
    found: Callable[[int, int], None] | None = None,
    max_size: int | None = DEFAULT_MAX_SIZE,
) -> Summary:
    """Parse files into the store, then rebuild the graph once.

    Each file is committed on its own: a failure is reported and the batch goes on; `jobs`
    None picks the number of worker processes (worker_count). The
    store's ingest lock is held throughout (StoreError if another ingest holds it).
    `progress` hears of each path's outcome (the walk's problems first); `found` of how many
    files there are and their bytes, first. Files over `max_size` bytes are not read.

    A full disk stops the batch: what it stored is undone, so the store is as it was before
    (its last graph still served), and DiskFull says so.
    """
    with store.writing(), _collector_for_batch() as settle:
        saved: list = []
        dirty = store.is_dirty()
        try:
            return _ingest(store, paths, jobs, progress, found, settle, max_size, saved)
        except (OSError, sqlite3.Error) as exc:
            if not disk_full(exc):
                raise
            try:
                store.restore(saved, dirty)
            except (OSError, sqlite3.Error) as again:
                raise DiskFull(f"the disk is full ({exc}); undoing this ingest failed too ({again}): "
                               "free some space, and the next ingest repairs the store") from None
            raise DiskFull(f"the disk is full ({exc}); this ingest was undone and the store at {store.path} "
                           "is as it was before it: free some space and run it again") from None


def _ingest(
    store,
    paths: Iterable[str | Path],
    jobs: int | None,
    progress: Callable[[Outcome], None] | None,
    found: Callable[[int, int], None] | None,
    settle: Callable[[], None],
    max_size: int | None,
    saved: list,
) -> Summary:
    walked = walk(paths, max_size)
    files = walked.files
    summary = Summary(files=len(files) + len(walked.problems), bytes=sum(f.size for f in files))
    if found:
        found(summary.files, summary.bytes)
    for problem in walked.problems:
        outcome = Outcome(problem.shown, error=problem.reason, shown=problem.shown)
        summary.failed.append(outcome)
        if progress:
            progress(outcome)
    known = store.file_hashes()
    log: list[Entry] = []
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    clock = time.perf_counter
    spent = {"parse": 0.0, "store": 0.0, "rebuild": 0.0}
    outcomes = parse_many(files, jobs, known, getattr(store, "drop_inherited_locks", None))
    while True:
        t0 = clock()
        outcome = next(outcomes, None)  # with jobs > 1: the wait for the workers
        t1 = clock()
        spent["parse"] += t1 - t0
        if outcome is None:
            break
        row = outcome.row
        if outcome.unchanged:
            summary.unchanged += 1
        elif row is None:
            summary.failed.append(outcome)
            log.append(Entry(outcome.path, outcome.name, outcome.rel_path, "failed", now, [outcome.error or ""]))
        else:
            summary.citations += outcome.citations
            summary.warnings += outcome.warnings
            saved.append((row.path, store.saved_row(row.path) if row.path in known else None))
            store.put_row(row, outcome.doc)
            settle()
            status = "updated" if row.path in known else "added"
            if row.path in known:
                summary.updated += 1
            else:
                summary.added += 1
            log.append(Entry(row.path, outcome.name, outcome.rel_path, status, now, outcome.notes))
        spent["store"] += clock() - t1
        if progress:
            progress(outcome)
    t0 = clock()
    if log:
        with store.transaction():
            store.record_ingest(log)
    if summary.added or summary.updated or store.is_dirty():  # nothing new: the graph stands as it is
        store.rebuild()
    spent["rebuild"] = clock() - t0
    summary.seconds = spent
    return summary
