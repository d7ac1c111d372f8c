"""docs/rules.md's worked example, followed step by step: a new trigger word and a new unit are data edits.

The edits are made on a temporary copy of the lexicon, which POLICYGRAPH_LEXICON points a fresh process at;
before the edit the words are not recognised, after it they are, and the edited copy still follows the schema.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib import resources

import jsonschema

TEXT = (
    "HUYỆN ỦY BẠCH THÔNG\nSố: 12-KH/HU\n\nKẾ HOẠCH\nvề phòng, chống thiên tai\n\n"
    "Thể chế hóa Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương,\n"
    "Ban Thường vụ Huyện ủy xây dựng kế hoạch như sau:\n\nI. MỤC ĐÍCH\n"
    "1. Ban Quản lý dự án huyện chủ trì thực hiện.\n"
)
PROBE = (
    "import json, sys\n"
    "from policygraph.ingest.pipeline import parse_text\n"
    "doc = parse_text(sys.stdin.read())\n"
    "print(json.dumps({'relations': {c.symbol: c.relation for c in doc.citations},\n"
    "                  'assigns': [[a.unit.name, a.role] for a in doc.units.assigns]}, ensure_ascii=False))\n"
)


def _read(lexicon_dir=None) -> dict:
    env = dict(os.environ)
    env.pop("POLICYGRAPH_LEXICON", None)
    if lexicon_dir:
        env["POLICYGRAPH_LEXICON"] = str(lexicon_dir)
    run = subprocess.run([sys.executable, "-c", PROBE], input=TEXT, capture_output=True, text=True, env=env,
                         timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def _edit(path, change) -> None:
    data = json.loads(path.read_text("utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")


def test_a_new_trigger_and_a_new_unit_are_data_edits(tmp_path):
    before = _read()
    assert before["relations"] == {"18-NQ/TW": "references"}
    assert before["assigns"] == []

    installed = resources.files("policygraph").joinpath("data", "lexicon")
    lexicon = tmp_path / "lexicon"
    lexicon.mkdir()
    for name in ("patterns", "levels", "units", "tasks", "headings", "triggers", "changes", "schema"):
        with resources.as_file(installed.joinpath(f"{name}.json")) as src:
            shutil.copy(src, lexicon / f"{name}.json")

    # step 1 (docs/rules.md, "A trigger"): the words, and an example the tests check
    def add_trigger(data):
        data["relations"]["implements"]["phrases"] += ["thể chế hóa", "thể chế hoá"]
        data["relations"]["implements"]["examples"].append("Thể chế hóa Nghị quyết số 18-NQ/TW")

    _edit(lexicon / "triggers.json", add_trigger)

    # step 2 (docs/rules.md, "A unit"): a head, its tail, its type and examples
    def add_unit(data):
        data["heads"].append({"phrases": ["ban quản lý dự án"], "unit_type": "other", "tail": "level",
                              "canonical": "Ban Quản lý dự án", "examples": ["Ban Quản lý dự án huyện"]})

    _edit(lexicon / "units.json", add_unit)

    schema = json.loads((lexicon / "schema.json").read_text("utf-8"))
    for name in ("triggers", "units"):
        jsonschema.validate(json.loads((lexicon / f"{name}.json").read_text("utf-8")),
                            {"$defs": schema["$defs"], **schema["files"][name]})

    after = _read(lexicon)
    assert after["relations"] == {"18-NQ/TW": "implements"}
    assert after["assigns"] == [["Ban Quản lý dự án huyện", "lead"]]
