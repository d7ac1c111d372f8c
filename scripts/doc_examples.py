"""Re-run the console examples in Markdown files so the documented output is real.

    python scripts/doc_examples.py README.md docs/queries.md

Every ```console block whose lines start with "$ policygraph" is re-run against a
fresh store of the bundled samples (COLUMNS=100) and its output replaced. A block that
was cut ("[… N more lines cut …]") keeps the same number of lines and a new marker.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)
CUT = re.compile(r"^\[… (\d+) more lines? cut(.*)\]$")


def run(command: str, store: str) -> list[str]:
    args = shlex.split(command)
    assert args[0] == "policygraph", command
    env = {**os.environ, "COLUMNS": "100", "POLICYGRAPH_STORE": store}
    out = subprocess.run([sys.executable, "-m", "policygraph", *args[1:]], capture_output=True, text=True, env=env)
    return (out.stdout + out.stderr).rstrip("\n").split("\n")


def redo_block(block: str, store: str) -> str:
    if not block.startswith("$ policygraph"):
        return block  # not an example of ours (e.g. a Python snippet's printed output)
    lines = block.rstrip("\n").split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not lines[i].startswith("$ policygraph"):
            i += 1
            continue
        command = lines[i][2:]
        j = i + 1
        while j < len(lines) and not lines[j].startswith("$ "):
            j += 1
        old = lines[i + 1:j]
        keep = next((k for k, line in enumerate(old) if CUT.match(line)), None)
        note = CUT.match(old[keep]).group(2) if keep is not None else ""
        new = run(command, store)
        out.append(lines[i])
        if keep is not None and len(new) > keep:
            out.extend(new[:keep])
            out.append(f"[… {len(new) - keep} more lines cut{note}]")
        else:
            out.extend(new)
        i = j
    return "\n".join(out) + "\n"


def main(files: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = str(Path(tmp) / "store")
        subprocess.run([sys.executable, "-m", "policygraph", "--store", store, "ingest", "-q",
                        str(ROOT / "data" / "samples")], check=True, capture_output=True)
        for name in files:
            path = Path(name)
            text = path.read_text("utf-8")
            text = BLOCK.sub(lambda m: "```console\n" + redo_block(m.group(1), store) + "```", text)
            path.write_text(text, "utf-8")
            print(f"updated {path}")


if __name__ == "__main__":
    main(sys.argv[1:])
