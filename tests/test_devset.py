"""The development set's key and its scorer (bench/devset.py), checked as whole processes.

The scorer is tested on a tiny hand-made key with a hand-made export whose right answers were
counted by hand, so a scorer bug shows up here and not as a silently wrong baseline.
"""
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "bench" / "devset"
TINY = ROOT / "tests" / "fixtures" / "devset_tiny"
SCORER = ROOT / "bench" / "devset.py"


def run_scorer(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCORER), *args], capture_output=True, text=True, cwd=ROOT)


@pytest.mark.parametrize("folder", [DEVSET, TINY], ids=["devset", "tiny"])
def test_key_follows_its_schema(folder):
    schema = json.loads((DEVSET / "key.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    key = json.loads((folder / "key.json").read_text(encoding="utf-8"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in jsonschema.Draft202012Validator(schema).iter_errors(key)]
    assert errors == []


def test_schema_rejects_a_key_entry_without_a_role():
    schema = json.loads((DEVSET / "key.schema.json").read_text(encoding="utf-8"))
    key = json.loads((TINY / "key.json").read_text(encoding="utf-8"))
    del key["documents"][1]["assigns"][0]["role"]
    assert not jsonschema.Draft202012Validator(schema).is_valid(key)


def test_every_text_has_one_key_entry_in_its_own_split():
    key = json.loads((DEVSET / "key.json").read_text(encoding="utf-8"))
    files = [d["file"] for d in key["documents"]]
    on_disk = sorted(str(p.relative_to(DEVSET)) for p in (DEVSET / "texts").rglob("*.txt"))
    assert sorted(files) == on_disk
    for doc in key["documents"]:
        assert doc["file"].split("/")[1] == doc["split"]
        assert Path(doc["file"]).name.startswith(doc["id"] + "_")
        assert (DEVSET / doc["file"]).read_text(encoding="utf-8").strip()
    assert len({d["id"] for d in key["documents"]}) == len(files) >= 50


def test_heldout_is_the_split_the_recorded_seed_gives():
    done = run_scorer("--check-split")
    assert done.returncode == 0, done.stdout + done.stderr
    key = json.loads((DEVSET / "key.json").read_text(encoding="utf-8"))
    heldout = sum(d["split"] == "heldout" for d in key["documents"])
    assert 0.35 <= heldout / len(key["documents"]) <= 0.45


def test_split_check_notices_a_text_moved_between_splits(tmp_path):
    key = json.loads((DEVSET / "key.json").read_text(encoding="utf-8"))
    moved = next(d for d in key["documents"] if d["split"] == "heldout")
    moved["split"], moved["file"] = "dev", moved["file"].replace("texts/heldout/", "texts/dev/")
    (tmp_path / "key.json").write_text(json.dumps(key, ensure_ascii=False), encoding="utf-8")
    done = run_scorer("--devset", str(tmp_path), "--check-split")
    assert done.returncode == 1
    assert moved["file"] in done.stdout


def test_scorer_counts_a_hand_made_export_as_counted_by_hand():
    done = run_scorer("--devset", str(TINY), "--split", "dev", "--export", f"dev={TINY / 'export_dev.json'}", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)["dev"]["report"]
    assert report["documents"] == 2 and report["not_found"] == 0
    # 001 takes its frame's number; 002 (a news page) takes the cited 42-CT/TW as its own: the worst error
    assert report["own"] == {"right": 1, "wrong": 1, "missed": 0, "cited_as_own": 1}
    assert report["own_framed_right"] == [1, 1]
    assert report["year"] == {"right": 1, "wrong": 1, "missed": 0}
    assert report["level"] == {"right": 1, "wrong": 0, "missed": 1}
    # 782/QĐ-TTg and 93-KL/TW found, 42-CT/TW missed, 1/QĐ-UBND is not in the text
    assert report["citations"] == {"key": 3, "matched": 2, "extra": 1, "precision": 0.667, "recall": 0.667}
    assert report["relations"]["based_on"] == {"right": 1, "wrong": 0, "missed": 0}
    assert report["relations"]["implements"] == {"right": 0, "wrong": 1, "missed": 1}
    assert report["relations"]["references"] == {"right": 0, "wrong": 1, "missed": 1}
    assert report["relations"]["continues"] == {"right": 0, "wrong": 0, "missed": 1}
    assert report["asserted"] == {"right": 1, "missed": 0, "extra": 0}
    # 'Các chi bộ …' right with its deadline, 'Ủy ban nhân dân huyện' has the wrong role,
    # 'Phòng Văn hóa và Thông tin' is missed ('Phòng Văn hóa & Thông tin' in the text), the front is extra
    assert report["assignments"] == {"key": 3, "right": 1, "wrong": 1, "missed": 1, "extra": 1}
    assert report["deadlines"] == {"right": 1, "wrong": 0, "missed": 0}


def test_heldout_errors_are_counted_but_never_listed():
    export = f"heldout={TINY / 'export_heldout.json'}"
    done = run_scorer("--devset", str(TINY), "--split", "heldout", "--export", export, "--json", "--details")
    result = json.loads(done.stdout)["heldout"]
    assert result["report"]["citations"]["recall"] == 0.0  # 8008/CT-TCTL was not found …
    assert result["details"] == {}  # … and nothing says so
    done = run_scorer("--devset", str(TINY), "--split", "heldout", "--export", export, "--details")
    assert "8008" not in done.stdout and "003_langson" not in done.stdout


def test_scorer_ingests_a_split_with_the_real_cli(tmp_path):
    done = run_scorer("--devset", str(TINY), "--split", "dev", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)["dev"]
    assert result["report"]["documents"] == 2 and result["report"]["not_found"] == 0
    # the Cà Mau plan's frame reads 'Số: 98/KH-UBND' plainly
    assert result["report"]["own_framed_right"] == [1, 1]
    assert "001 001_camau_kh98" not in result["details"] or not any(
        line.startswith("own number") for line in result["details"]["001 001_camau_kh98"])


def test_scorer_names_a_broken_key_in_one_line(tmp_path):
    (tmp_path / "key.json").write_text("{not json", encoding="utf-8")
    done = run_scorer("--devset", str(tmp_path), "--check-split")
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().startswith("error:") and str(tmp_path / "key.json") in done.stderr
