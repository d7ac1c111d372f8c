"""Generate a synthetic corpus and its perfect graph (the generator lives in tests/support/generate.py,
where the tests import it; this is its command line for bench/queries.py and by hand).

    python bench/generate.py --docs 100000 --store /tmp/store
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from support.generate import main  # noqa: E402  (after the path is set)

if __name__ == "__main__":
    main()
