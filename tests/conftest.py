"""Shared test setup. The helpers live in tests/support/ (imported as `support`: pyproject puts tests/ on
pytest's path); fixtures used by many test modules go here."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import ingest as support_ingest


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (the seeds, the answer key and its scorer): fails, never skips, when it is missing."""
    return support_ingest.shared_dir()
