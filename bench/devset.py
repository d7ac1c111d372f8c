"""Score policygraph on the development set of real documents (bench/devset/) against its hand-written key.

Each split (dev, heldout) is ingested into a fresh temporary store by whole CLI processes
(`policygraph --store … ingest`, then `export --format json`), and the export is compared with
`bench/devset/key.json`: own number, year, level, place, citations, relations, asserted edges
and assignments. Nobody tunes on the heldout split (see bench/devset/README.md).

The scorer depends only on the CLI and the export format, not on policygraph's modules, so the
same file can judge any branch: `--python /work/wt-12/.venv/bin/python` runs that tree's CLI.

    .venv/bin/python bench/devset.py                 # both splits, a table each
    .venv/bin/python bench/devset.py --split dev --details
    .venv/bin/python bench/devset.py --json
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

DEVSET = Path(__file__).resolve().parent / "devset"
SPLITS = ("dev", "heldout")
BASE_RELATIONS = ("implements", "based_on", "references")
RELATIONS_17 = ("amends", "replaces", "repeals", "guides", "consolidates", "continues", "reviews")
DOC_RELATIONS = BASE_RELATIONS + RELATIONS_17
PLACE_FIELDS = ("province", "district", "commune")
ABBREVIATIONS = {"ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "mttq": "mat tran to quoc",
                 "ubmttq": "uy ban mat tran to quoc", "&": " va "}


# --- normalising (own copies: the scorer must not depend on the code it judges) -----------------

def fold(text: str | None) -> str:
    """Lower case without diacritics, đ as d: 'Sở Y tế' and 'so y te' meet."""
    if not text:
        return ""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text.casefold()).strip()


def symbol_norm(symbol: str | None) -> str:
    """Comparison key of a symbol: case, diacritics, spaces and dash variants aside ('04 -CT/TU' = '04-CT/TU')."""
    if not symbol:
        return ""
    text = re.sub(r"\s*[\u2010-\u2015\u2212-]\s*", "-", symbol.strip())
    return fold(re.sub(r"\s*/\s*", "/", text)).replace(" ", "")


def unit_tokens(name: str) -> tuple[str, ...]:
    """Words of a unit name with abbreviations spelled out and punctuation dropped."""
    text = fold(name)
    for short, long in ABBREVIATIONS.items():
        text = re.sub(rf"(?<![a-z]){re.escape(short)}(?![a-z])", long, text)
    words = re.sub(r"[^a-z0-9 ]+", " ", text).split()
    if words and words[0] == "cac":
        words = words[1:]
    return tuple(words)


def unit_score(key_name: str, names: list[str]) -> int:
    """3 = same words, 2 = one is the other followed by more words (a place, 'có liên quan'), 1 = 75% shared, 0."""
    best = 0
    wanted = unit_tokens(key_name)
    for name in names:
        got = unit_tokens(name)
        if not got or not wanted:
            continue
        if got == wanted:
            return 3
        short, long = sorted((wanted, got), key=len)
        if len(short) >= 2 and long[: len(short)] == short:
            best = max(best, 2)
        elif len(set(wanted) & set(got)) / max(len(set(wanted)), len(set(got))) >= 0.75:
            best = max(best, 1)
    return best


# --- what the system produced, per ingested file ----------------------------------------------

@dataclass
class SystemDoc:
    """One ingested file's node and the edges its own text states."""

    node: dict
    relations: dict[str, set[str]] = field(default_factory=dict)  # cited symbol key -> edge types
    written: dict[str, str] = field(default_factory=dict)  # symbol key -> symbol as exported
    asserted: set[tuple[str, str, str]] = field(default_factory=set)
    units: list[tuple[list[str], str | None, str | None]] = field(default_factory=list)  # names, role, deadline


def read_export(export: dict) -> dict[str, SystemDoc]:
    """Index the export by the file name of each ingested document."""
    nodes = {node["id"]: node for node in export["nodes"]}
    docs: dict[str, SystemDoc] = {}
    by_id: dict[str, SystemDoc] = {}
    for node in export["nodes"]:
        if node.get("kind") == "document" and node.get("source"):
            doc = SystemDoc(node)
            docs[Path(node["source"]).name] = doc
            by_id[node["id"]] = doc
    for edge in export.get("links", export.get("edges", [])):
        doc = by_id.get(edge.get("stated_in") or edge["source"])
        if doc is None:
            continue
        source, target, kind = nodes.get(edge["source"], {}), nodes.get(edge["target"], {}), edge.get("type")
        if kind in DOC_RELATIONS and target.get("kind") == "document":
            if edge.get("asserted"):
                if source.get("symbol") and target.get("symbol"):
                    doc.asserted.add((symbol_norm(source["symbol"]), symbol_norm(target["symbol"]), kind))
            elif edge["source"] == doc.node["id"] and target.get("symbol"):
                key = symbol_norm(target["symbol"])
                doc.relations.setdefault(key, set()).add(kind)
                doc.written[key] = target["symbol"]
        elif kind == "assigns" and edge["source"] == doc.node["id"]:
            names = [n for n in (target.get("name"), target.get("label")) if n]
            doc.units.append((names, edge.get("role"), edge.get("deadline")))
    return docs


# --- scoring --------------------------------------------------------------------------------

def _accepts(entry: dict, name: str, value, same) -> str:
    """'right', 'wrong' or 'missed' for one identity field, with the key's alternatives (`name_ok`)."""
    wanted = [entry.get(name)] + [v for v in entry.get(f"{name}_ok", []) if v != entry.get(name)]
    if any(same(value, w) for w in wanted):
        return "right"
    return "missed" if value is None else "wrong"


def _same_place(a, b) -> bool:
    return fold(a) == fold(b)


def _same_symbol(a, b) -> bool:
    return symbol_norm(a) == symbol_norm(b)


def score_document(entry: dict, doc: SystemDoc | None, counts: Counter, details: list[str]) -> None:
    """Add one document's outcome to `counts` and a line per error to `details`."""
    counts["documents"] += 1
    node = doc.node if doc else {}
    counts["found" if doc else "not_found"] += 1
    if doc is None:
        details.append("not in the export (not ingested, or merged into another document)")

    own = _accepts(entry, "symbol", node.get("symbol"), _same_symbol)
    counts[f"own_{own}"] += 1
    cited = {symbol_norm(c["symbol"]) for c in entry["cites"] if not c.get("optional")}
    cited |= {symbol_norm(a[end]) for a in entry.get("asserted", []) for end in ("from", "to")}
    if own == "wrong" and symbol_norm(node.get("symbol")) in cited:
        counts["own_cited_as_own"] += 1
    if entry["has_frame"] and entry["symbol"]:
        counts["framed"] += 1
        counts["framed_right"] += own == "right"
    if own != "right":
        details.append(f"own number {own}: text {entry['symbol']!r}, got {node.get('symbol')!r}")

    for name, same in (("year", lambda a, b: a == b), ("level", lambda a, b: a == b)):
        outcome = _accepts(entry, name, node.get(name), same)
        counts[f"{name}_{outcome}"] += 1
        if outcome != "right":
            details.append(f"{name} {outcome}: text {entry[name]!r}, got {node.get(name)!r}")
    place = [_accepts(entry, name, node.get(name), _same_place) for name in PLACE_FIELDS]
    outcome = "right" if all(p == "right" for p in place) else ("wrong" if "wrong" in place else "missed")
    counts[f"place_{outcome}"] += 1
    if outcome != "right":
        wanted, got = [entry[n] for n in PLACE_FIELDS], [node.get(n) for n in PLACE_FIELDS]
        details.append(f"place {outcome}: text {wanted}, got {got}")

    _score_citations(entry, doc, counts, details)
    _score_assignments(entry, doc, counts, details)


def _score_citations(entry: dict, doc: SystemDoc | None, counts: Counter, details: list[str]) -> None:
    """Citations (precision, recall), relation types per citation, issue-17 relations and asserted edges."""
    got = dict(doc.relations) if doc else {}
    optional = set()
    for cite in entry["cites"]:
        keys = {symbol_norm(s) for s in [cite["symbol"], *cite.get("symbol_ok", [])]}
        found = next((k for k in keys if k in got), None)
        if cite.get("optional"):
            optional |= keys
            continue
        counts["cites_key"] += 1
        types = got.pop(found, set()) if found else set()
        counts["cites_matched"] += bool(found)
        if not found:
            details.append(f"citation missed: {cite['symbol']} ({'/'.join(cite['rel'])})")
        strong = types - {"references"} if types - {"references"} else types
        base = {t for t in strong if t in BASE_RELATIONS}
        for kind in BASE_RELATIONS:
            want, have = kind in cite["rel"], kind in base
            if want or have:
                result = "right" if want and have else ("missed" if want else "wrong")
                counts[f"rel_{kind}_{result}"] += 1
                if found and result != "right":
                    details.append(f"relation {kind} {result}: {cite['symbol']}"
                                   f" (text {cite['rel']}, got {sorted(types)})")
        if cite.get("rel17"):
            result = "right" if cite["rel17"] in types else "missed"
            counts[f"rel_{cite['rel17']}_{result}"] += 1
        for kind in types & set(RELATIONS_17) - {cite.get("rel17")}:
            counts[f"rel_{kind}_wrong"] += 1
    for key, types in got.items():
        if key in optional:
            continue
        counts["cites_extra"] += 1
        strong = types - {"references"} if types - {"references"} else types
        for kind in strong:
            counts[f"rel_{kind}_wrong"] += 1
        details.append(f"citation not in the text's key: {doc.written[key]} ({'/'.join(sorted(types))})")
    wanted = {(symbol_norm(a["from"]), symbol_norm(a["to"]), a["type"]) for a in entry.get("asserted", [])
              if not a["from"].startswith("~") and not a["to"].startswith("~") and "by" not in a}
    have = doc.asserted if doc else set()
    counts["asserted_right"] += len(wanted & have)
    counts["asserted_missed"] += len(wanted - have)
    counts["asserted_extra"] += len(have - wanted)
    for label, edges in (("missed", wanted - have), ("extra", have - wanted)):
        details.extend(f"asserted edge {label}: {a} {kind} {b}" for a, b, kind in sorted(edges))


def _score_assignments(entry: dict, doc: SystemDoc | None, counts: Counter, details: list[str]) -> None:
    """Match key units to system units one to one (best name match first), then compare role and deadline."""
    free = list(doc.units) if doc else []
    pairs = sorted(((unit_score(a["unit"], names), i, j) for i, a in enumerate(entry["assigns"])
                    for j, (names, _, _) in enumerate(free)), reverse=True)
    matched: dict[int, int] = {}
    for score, i, j in pairs:
        if score and i not in matched and j not in matched.values():
            matched[i] = j
    for i, wanted in enumerate(entry["assigns"]):
        counts["assign_key"] += 1
        if i not in matched:
            counts["assign_missed"] += 1
            details.append(f"assignment missed: {wanted['unit']} ({wanted['role']})")
            continue
        names, role, deadline = free[matched[i]]
        if role == wanted["role"]:
            counts["assign_right"] += 1
        else:
            counts["assign_wrong"] += 1
            details.append(f"assignment role wrong: {wanted['unit']} {wanted['role']}, got {names[0]} {role}")
        if wanted.get("deadline"):
            got = (deadline or "")[:10]
            result = "right" if got == wanted["deadline"] else ("missed" if not got else "wrong")
            counts[f"deadline_{result}"] += 1
    counts["assign_extra"] += len(free) - len(matched)
    taken = set(matched.values())
    details.extend(f"assignment not in the key: {names[0]} ({role})"
                   for j, (names, role, _) in enumerate(free) if j not in taken)


def score_split(key: dict, split: str, export: dict) -> tuple[Counter, dict[str, list[str]]]:
    """Counts for one split and the error lines per document id."""
    docs = read_export(export)
    counts: Counter = Counter()
    details: dict[str, list[str]] = {}
    for entry in key["documents"]:
        if entry["split"] != split:
            continue
        lines: list[str] = []
        score_document(entry, docs.get(Path(entry["file"]).name), counts, lines)
        if lines:
            details[f"{entry['id']} {Path(entry['file']).stem}"] = lines
    return counts, details


# --- running the CLI ------------------------------------------------------------------------

def ingest_and_export(python: str, texts: Path, workdir: Path) -> tuple[dict, float]:
    """Ingest one split into a fresh store and export it, each a whole CLI process."""
    store, out = workdir / "store", workdir / "export.json"
    started = time.perf_counter()
    for args in (["ingest", str(texts), "-q"], ["export", "--format", "json", str(out)]):
        done = subprocess.run([python, "-m", "policygraph", "--store", str(store), *args],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"error: policygraph {args[0]} failed on {texts}: {done.stderr.strip()[-400:]}")
    return json.loads(out.read_text(encoding="utf-8")), time.perf_counter() - started


def expected_split(key: dict) -> dict[str, str]:
    """The split each batch's recorded seed gives: a share of its slugs, sampled from their sorted list."""
    split: dict[str, str] = {}
    for batch in key["batches"]:
        slugs = sorted(Path(d["file"]).name.split("_", 1)[1] for d in key["documents"] if d["batch"] == batch["batch"])
        heldout = set(random.Random(batch["seed"]).sample(slugs, round(len(slugs) * batch["heldout_share"])))
        split.update({slug: "heldout" if slug in heldout else "dev" for slug in slugs})
    return split


# --- reporting ------------------------------------------------------------------------------

def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "0/0"


def summary(counts: Counter) -> dict:
    """The reported numbers of one split."""
    c = counts
    report = {
        "documents": c["documents"], "not_found": c["not_found"],
        "own": {k: c[f"own_{k}"] for k in ("right", "wrong", "missed", "cited_as_own")},
        "own_framed_right": [c["framed_right"], c["framed"]],
    }
    for name in ("year", "level", "place"):
        report[name] = {k: c[f"{name}_{k}"] for k in ("right", "wrong", "missed")}
    matched, found = c["cites_matched"], c["cites_matched"] + c["cites_extra"]
    report["citations"] = {"key": c["cites_key"], "matched": matched, "extra": c["cites_extra"],
                           "precision": round(matched / found, 3) if found else None,
                           "recall": round(matched / c["cites_key"], 3) if c["cites_key"] else None}
    report["relations"] = {kind: {k: c[f"rel_{kind}_{k}"] for k in ("right", "wrong", "missed")}
                           for kind in DOC_RELATIONS if any(c[f"rel_{kind}_{k}"] for k in ("right", "wrong", "missed"))}
    report["asserted"] = {k: c[f"asserted_{k}"] for k in ("right", "missed", "extra")}
    report["assignments"] = {k: c[f"assign_{k}"] for k in ("key", "right", "wrong", "missed", "extra")}
    report["deadlines"] = {k: c[f"deadline_{k}"] for k in ("right", "wrong", "missed")}
    return report


def print_report(split: str, report: dict, seconds: float | None) -> None:
    r = report
    timing = f", ingest+export {seconds:.1f} s" if seconds is not None else ""
    print(f"== {split}: {r['documents']} documents ({r['not_found']} not in the export){timing}")
    own = r["own"]
    print(f"own number      right {own['right']}  wrong {own['wrong']}  missed {own['missed']}"
          f"  | cited number taken as own: {own['cited_as_own']}"
          f"  | texts with a frame and a number: {_ratio(*r['own_framed_right'])} right")
    for name in ("year", "level", "place"):
        v = r[name]
        print(f"{name:<15} right {v['right']}  wrong {v['wrong']}  missed {v['missed']}")
    cit = r["citations"]
    print(f"citations       key {cit['key']}  matched {cit['matched']}  extra {cit['extra']}"
          f"  precision {cit['precision']}  recall {cit['recall']}")
    for kind, v in r["relations"].items():
        print(f"  {kind:<13} right {v['right']}  wrong {v['wrong']}  missed {v['missed']}")
    a = r["asserted"]
    print(f"asserted edges  right {a['right']}  missed {a['missed']}  extra {a['extra']}")
    s = r["assignments"]
    print(f"assignments     key {s['key']}  right {s['right']}  wrong role {s['wrong']}  missed {s['missed']}"
          f"  extra {s['extra']}  (recall {_ratio(s['right'] + s['wrong'], s['key'])})")
    d = r["deadlines"]
    print(f"deadlines       right {d['right']}  wrong {d['wrong']}  missed {d['missed']}")


def load_key(devset: Path) -> dict:
    try:
        return json.loads((devset / "key.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SystemExit(f"error: cannot read {devset / 'key.json'}: {error}") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devset", type=Path, default=DEVSET, help="folder with key.json and texts/")
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--python", default=sys.executable, help="interpreter whose policygraph CLI is scored")
    parser.add_argument("--export", action="append", default=[], metavar="SPLIT=FILE",
                        help="score an existing export instead of ingesting (for tests)")
    parser.add_argument("--json", action="store_true", help="print the numbers (and the dev split's details) as JSON")
    parser.add_argument("--details", action="store_true", help="list each dev document's errors (never heldout's)")
    parser.add_argument("--check-split", action="store_true", help="check the split against the recorded seed")
    args = parser.parse_args(argv)

    key = load_key(args.devset)
    if args.check_split:
        expected = expected_split(key)
        wrong = [d["file"] for d in key["documents"] if expected[Path(d["file"]).name.split("_", 1)[1]] != d["split"]]
        print("split matches the seed" if not wrong else f"split differs from the seed: {wrong}")
        return 1 if wrong else 0
    exports = dict(item.split("=", 1) for item in args.export)
    results = {}
    for split in SPLITS if args.split == "all" else (args.split,):
        seconds = None
        if split in exports:
            export = json.loads(Path(exports[split]).read_text(encoding="utf-8"))
        else:
            with tempfile.TemporaryDirectory(prefix=f"devset-{split}-") as tmp:
                export, seconds = ingest_and_export(args.python, args.devset / "texts" / split, Path(tmp))
        counts, details = score_split(key, split, export)
        if split == "heldout":  # nobody tunes on it: its errors are counted, never listed
            details = {}
        results[split] = {"report": summary(counts), "details": details, "seconds": seconds}
    if args.json:
        print(json.dumps({"load": os.getloadavg(), **results}, ensure_ascii=False, indent=1))
        return 0
    print(f"load average {os.getloadavg()[0]:.2f} (shared machine)")
    for split, result in results.items():
        print_report(split, result["report"], result["seconds"])
        if args.details:
            for doc, lines in result["details"].items():
                print(f"  {doc}")
                for line in lines:
                    print(f"    - {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
