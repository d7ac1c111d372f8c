"""Ingest speed: documents/s and MB/s, end to end, against a plain spaCy pass.

    python bench/ingest.py [-n 2000] [--jobs 1,2] [--repeat 3] [--spacy-docs 200]

Writes N variants of the bundled samples, each moved to another province and district
of the gazetteer (so local identities differ), ingests them into a fresh store (read,
parse, resolve, write), then runs `spacy.blank("vi")` (pyvi word segmentation, the
default) over a sample of the same texts and prints both rates and their ratio, with
the time per document spent parsing, storing (one transaction per file) and rebuilding
the graph. The machine may be shared: use --repeat and look at the load.
Targets: >= 500 documents/s on one core and >= 15x the spaCy pass.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import tempfile
import time
from importlib import resources
from pathlib import Path

from policygraph.graph.store import Store
from policygraph.ingest.pipeline import ingest_paths

PLACES_IN_SAMPLES = {
    "000": ("Bình Phước", ["Hòn Quản", "Hớn Quản"]),
    "001": ("Bắc Kạn", ["Bạch Thông"]),
    "002": ("Gia Lai", []),
    "003": ("Tuyên Quang", []),
}


OWN_NUMBER_RE = re.compile(r"^(Số\s+)\d+(-[^\s/]+/)", re.M)  # a sample's own number line: "Số 45-KH/HU"


def samples() -> dict[str, str]:
    folder = resources.files("policygraph").joinpath("data", "samples")
    return {p.name[:3]: p.read_text("utf-8") for p in sorted(folder.iterdir()) if p.name.endswith(".txt")}


def variants(n: int, out: Path, seed: int = 7) -> list[Path]:
    """N distinct texts: the samples in turn, each moved to a random province and district.

    Three samples name no district, so a place alone repeats texts (2,000 variants held only
    822 distinct ones, and the resolver folds a repeated text into one document): each
    variant also gets its own number where the sample has one ("Số 45-KH/HU") and a closing
    line with its serial, so every file is a document of its own.
    """
    legacy = json.loads(resources.files("policygraph").joinpath("data", "gazetteer", "legacy.json").read_text("utf-8"))
    provinces = [p for p in legacy["provinces"] if p["districts"]]
    rng = random.Random(seed)
    texts = samples()
    keys = sorted(texts)
    paths = []
    for i in range(n):
        key = keys[i % len(keys)]
        province, districts = PLACES_IN_SAMPLES[key]
        target = rng.choice(provinces)
        district = rng.choice(target["districts"])["name"]
        text = texts[key].replace(province, target["name"])
        for d in districts:
            text = text.replace(d, district)
        text = OWN_NUMBER_RE.sub(rf"\g<1>{1000 + i}\g<2>", text, count=1)
        text = f"{text.rstrip()}\n\n(Bản {i + 1:07d})\n"
        path = out / f"{i:07d}_{key}.txt"
        path.write_text(text, "utf-8")
        paths.append(path)
    return paths


def _ingest_once(corpus: Path, store_dir: Path, jobs: int) -> tuple[float, object, dict]:
    """One ingest into a fresh store: (seconds, summary, store counts)."""
    shutil.rmtree(store_dir, ignore_errors=True)
    store = Store.open(store_dir)
    t0 = time.perf_counter()
    summary = ingest_paths(store, [corpus], jobs=jobs)
    seconds = time.perf_counter() - t0
    counts = store.counts()
    store.close()
    return seconds, summary, counts


def _add_one(corpus: Path, store_dir: Path, work: Path) -> tuple[float, float]:
    """Seconds to ingest one new file into the store left by the last run, and to re-ingest
    the whole unchanged corpus (the cost of growing a store, not of filling it)."""
    extra = work / "extra"
    extra.mkdir(exist_ok=True)
    variants(1, extra, seed=99)
    store = Store.open(store_dir)
    t0 = time.perf_counter()
    ingest_paths(store, [extra])
    one = time.perf_counter() - t0
    t0 = time.perf_counter()
    ingest_paths(store, [corpus, extra])
    unchanged = time.perf_counter() - t0
    store.close()
    return one, unchanged


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=2000, help="documents to generate and ingest")
    ap.add_argument("--jobs", default="1,2", help="worker processes, comma-separated runs (default: 1,2)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per jobs value; the median run is reported")
    ap.add_argument("--spacy-docs", type=int, default=200, help="documents for the spaCy comparison")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pg-bench-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        paths = variants(args.n, corpus)
        size = sum(p.stat().st_size for p in paths)
        print(f"corpus: {args.n} documents, {size / 1e6:.1f} MB ({size / args.n / 1e3:.1f} KB each)")
        rates = {}
        for jobs in (int(j) for j in args.jobs.split(",")):
            runs = sorted((_ingest_once(corpus, work / "store", jobs) for _ in range(args.repeat)), key=lambda r: r[0])
            seconds, summary, counts = runs[len(runs) // 2]
            docs_s = summary.files / seconds
            rates[jobs] = docs_s
            per_doc = "  ".join(f"{k} {v / summary.files * 1e3:.2f}" for k, v in summary.seconds.items())
            all_runs = ", ".join(f"{summary.files / r[0]:.0f}" for r in runs)
            print(
                f"policygraph ingest (jobs={jobs}): {seconds:.2f} s: {docs_s:.0f} documents/s, "
                f"{size / 1e6 / seconds:.2f} MB/s  [runs: {all_runs} documents/s]"
            )
            print(f"  ms per document: {per_doc}  (parse = read, parse and encode; with jobs > 1 the wait for workers)")
        print(
            f"  graph: {counts.get('document_nodes', 0)} document nodes, {counts.get('unit_nodes', 0)} unit nodes, "
            f"{sum(v for k, v in counts.items() if k.endswith('_edges'))} edges; {len(summary.failed)} failed"
        )
        one, unchanged = _add_one(corpus, work / "store", work)
        print(
            f"growing that store: one new file {one:.2f} s (the graph is re-resolved whole); "
            f"the unchanged corpus again {unchanged:.2f} s"
        )

        import spacy

        nlp = spacy.blank("vi")
        sample = paths[: args.spacy_docs]
        texts = [p.read_text("utf-8") for p in sample]
        t0 = time.perf_counter()
        for text in texts:
            nlp(text)
        t_spacy = time.perf_counter() - t0
        spacy_docs_s = len(texts) / t_spacy
        spacy_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        print(
            f"spacy.blank('vi') (pyvi segmentation): {len(texts)} documents in {t_spacy:.2f} s: "
            f"{spacy_docs_s:.1f} documents/s, {spacy_mb / t_spacy:.3f} MB/s"
        )
        for jobs, docs_s in rates.items():
            print(f"ratio (jobs={jobs}): policygraph ingest is {docs_s / spacy_docs_s:.1f}x the plain spaCy pass")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
