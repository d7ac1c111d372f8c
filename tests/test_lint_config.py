"""ruff's verdict does not depend on the folder a clone sits in: `git clone …/policygraph` gives a
folder named like the package, which ruff would otherwise take for first-party code."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _copy(to: Path) -> Path:
    files = subprocess.run(["git", "ls-files", "*.py", "pyproject.toml"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split()
    for name in files:
        if (ROOT / name).is_file():
            (to / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ROOT / name, to / name)
    return to


@pytest.mark.parametrize("folder", ["policygraph", "some-other-name"])
def test_ruff_passes_whatever_the_clone_folder_is_called(tmp_path, folder):
    copy = _copy(tmp_path / folder)
    run = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."], cwd=copy, capture_output=True,
                         text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_first_party_package_is_named():
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    assert 'known-first-party = ["policygraph"]' in text
