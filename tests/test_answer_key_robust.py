"""The seeds keep their answer-key score when their text is laid out as real sources lay it
out: Windows line ends, decomposed accents, old tone marks, text wrapped at a fixed width (as
PDF and gazette extraction give it), doubled spaces, non-breaking spaces, Markdown emphasis.
Each layout is a plain transformation of the seed files, scored by the real scorer."""

from __future__ import annotations

import re
import textwrap
import unicodedata

import pytest
from support import ingest as H

from policygraph.graph.export import write_json
from policygraph.graph.store import Store
from policygraph.ingest.pipeline import ingest_paths


def _wrap(text: str, width: int) -> str:
    lines = []
    for line in text.split("\n"):
        lines.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [""])
    return "\n".join(lines)


LAYOUTS = {
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "nfd": lambda t: unicodedata.normalize("NFD", t),
    "old tone marks": lambda t: t.replace("ủy", "uỷ").replace("Ủy", "Uỷ").replace("hòa", "hoà").replace("khóa", "khoá"),
    "wrapped at 50": lambda t: _wrap(t, 50),
    "wrapped at 55": lambda t: _wrap(t, 55),
    "wrapped at 60": lambda t: _wrap(t, 60),
    "wrapped at 65": lambda t: _wrap(t, 65),
    "wrapped at 70": lambda t: _wrap(t, 70),
    "wrapped at 78": lambda t: _wrap(t, 78),
    "wrapped at 90": lambda t: _wrap(t, 90),
    "doubled spaces": lambda t: t.replace(" ", "  "),
    "non-breaking spaces": lambda t: t.replace(" ", "\u00a0", 200),
    "markdown emphasis": lambda t: re.sub(r"(?m)^(KẾ HOẠCH|[IVX]+[.-] .*)$", r"**\1**", t),
    "blank line between lines": lambda t: t.replace("\n", "\n\n"),
    # copied from a web page: invisible characters inside words and symbols, other slashes
    "zero-width spaces": lambda t: t.replace(" số", " \u200bsố").replace("-NQ", "\u200b-NQ"),
    "soft hyphens": lambda t: t.replace("hiện", "hi\u00adện").replace("Nghị quyết", "Nghị quy\u00adết"),
    "word joiners and a BOM": lambda t: "\ufeff" + t.replace("KH/", "KH\u2060/"),
    "fullwidth slashes": lambda t: t.replace("-KH/HU", "-KH／HU"),
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_seeds_keep_their_score_in_every_layout(tmp_path, layout):
    shared = H.shared_dir()
    docs = tmp_path / "docs"
    docs.mkdir()
    for seed in sorted((shared / "corpus" / "seeds").glob("*.txt")):
        (docs / seed.name).write_text(LAYOUTS[layout](seed.read_text("utf-8")), "utf-8")
    store = Store.open(tmp_path / "store")
    ingest_paths(store, [docs])
    write_json(store.load_graph(), tmp_path / "graph.json")
    store.close()
    got = H.score(tmp_path / "graph.json")
    assert (got.own, got.implements, got.chains, got.distinct, got.same) == ((4, 4), (4, 4), (5, 5), (2, 2), (1, 1)), (
        got.report
    )
    assert got.cited_precision >= 0.98 and got.cited_recall >= 0.98, got.report
    assert got.units_recall >= 0.95, got.report
