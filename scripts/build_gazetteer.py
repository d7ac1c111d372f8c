"""Build data/gazetteer/legacy.json: Vietnam's units before the 2025 reform.

The `vietnam-provinces` package (a runtime dependency) describes today's two-level
units (34 provinces, wards). Documents written before 1 July 2025 name the old
63 provinces and their districts, which only the package's 0.6 series carries, and
one environment cannot install both series. This script turns the 0.6 data into a
small JSON that ships with policygraph:

    pip download --no-deps vietnam-provinces==0.6.0 -d /tmp/vp && \
    unzip -o /tmp/vp/*.whl -d /tmp/vp && \
    python scripts/build_gazetteer.py /tmp/vp/vietnam_provinces/data/nested-divisions.json
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

PREFIX = re.compile(r"^(Thành phố|Tỉnh|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn)\s+")


def short(name: str) -> str:
    return PREFIX.sub("", name).strip()


def main(source: str) -> None:
    rows = json.loads(Path(source).read_text("utf-8"))
    out = []
    for p in rows:
        out.append(
            {
                "name": short(p["name"]),
                "full": p["name"],
                "code": p["code"],
                "districts": [
                    {
                        "name": short(d["name"]),
                        "full": d["name"],
                        "communes": sorted({short(w["name"]) for w in d["wards"]}),
                    }
                    for d in p["districts"]
                ],
            }
        )
    target = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "legacy.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        json.dumps(
            {"about": "Units before 1 July 2025, from vietnam-provinces 0.6.0", "provinces": out},
            ensure_ascii=False,
            separators=(",", ":"),
        ),
        "utf-8",
    )
    print(f"{target}: {len(out)} provinces, {sum(len(p['districts']) for p in out)} districts")


if __name__ == "__main__":
    main(sys.argv[1])
