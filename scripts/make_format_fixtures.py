"""Write tests/fixtures/formats/plan.pdf: the bundled district plan (data/samples/000_…) as a PDF with a
text layer, one paragraph after another, wrapped at the page width as word processors print it.

    pip install fpdf2 && python scripts/make_format_fixtures.py

fpdf2 and the DejaVu Sans font (Debian's fonts-dejavu-core) are needed only to make the file, which is
committed; the tests read it with pypdf, as policygraph reads any PDF.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from fpdf import FPDF

ROOT = Path(__file__).resolve().parent.parent
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def plain(markdown: str) -> str:
    """The sample without its Markdown marks: what a word processor's page shows."""
    lines = [re.sub(r"^#+\s*", "", line).replace("\\*", "*").replace("**", "").rstrip()
             for line in markdown.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def main() -> None:
    sample = next((ROOT / "data" / "samples").glob("000_*.txt"))
    pdf = FPDF()
    pdf.set_title("Kế hoạch 45-KH/HU")
    pdf.add_page()
    pdf.add_font("DejaVu", "", FONT)
    pdf.set_font("DejaVu", size=10)
    for line in plain(sample.read_text("utf-8")).split("\n"):
        pdf.multi_cell(0, 5, line or " ", new_x="LMARGIN", new_y="NEXT")
    out = ROOT / "tests" / "fixtures" / "formats" / "plan.pdf"
    out.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(out))
    print(f"wrote {out} ({out.stat().st_size} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
