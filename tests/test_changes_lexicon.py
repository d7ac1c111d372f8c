"""The change relations' words (data/lexicon/changes.json) checked both ways: every example
gives exactly the relations it names, and no negative gives any."""

from __future__ import annotations

from pathlib import Path

import pytest

from policygraph.ingest.changes import effective_date, lexicon
from policygraph.ingest.pipeline import parse_text


def relations(text: str) -> set[tuple[str, str, str, str]]:
    """(actor, type, object, scope) for every change read from `text`; 'self' is the text itself."""
    doc = parse_text(text)

    def name(index: int | None, named: bool) -> str:
        if index is None:
            return "self"
        return doc.unnumbered[index].name if named else doc.citations[index].symbol

    return {(name(c.source, c.source_named), c.type, name(c.target, c.target_named), c.scope) for c in doc.changes}


EXAMPLES = [(rel, ex["text"], {tuple(e) for e in ex["expect"]})
            for rel, spec in lexicon()["relations"].items() for ex in spec["examples"]]
NEGATIVES = [(rel, text) for rel, spec in lexicon()["relations"].items() for text in spec["negatives"]]


@pytest.mark.parametrize(("relation", "text", "expected"), EXAMPLES, ids=[f"{r}-{i}" for i, (r, _, _) in
                                                                           enumerate(EXAMPLES)])
def test_every_example_gives_what_it_names(relation, text, expected):
    got = relations(text)
    assert got == expected
    assert any(r[1] == relation for r in got)  # each example is matched by its own entry


def test_articles_are_those_of_the_changed_document():
    """'Điều 10 Nghị định 82/2019 …, được sửa đổi, bổ sung bởi Điều 85 Nghị định số 14/2026': Điều 85 is the
    amending decree's own article, Điều 10 the one changed."""
    for spec in lexicon()["relations"].values():
        for example in spec["examples"]:
            if "articles" in example:
                assert [c.articles for c in parse_text(example["text"]).changes] == [example["articles"]]


@pytest.mark.parametrize(("relation", "text"), NEGATIVES, ids=[f"{r}-{i}" for i, (r, _) in enumerate(NEGATIVES)])
def test_no_negative_gives_a_relation(relation, text):
    assert relations(text) == set()


def test_every_relation_has_examples_and_negatives():
    for relation, spec in lexicon()["relations"].items():
        if relation != "consolidates":  # a VBHN's opening lines, tested on real consolidated texts
            assert spec["examples"] and spec["negatives"], relation


@pytest.mark.parametrize(("text", "expected"), lexicon()["effective"]["examples"])
def test_effective_dates(text, expected):
    assert effective_date(text) == expected


def test_the_fast_trigger_scan_equals_the_plain_alternation():
    """triggers() tries the alternation only where a first word stands: the same matches, on real texts."""
    from policygraph.ingest import changes
    from policygraph.ingest.noise import mask_noise

    folder = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "gazette"
    texts = [mask_noise(f.read_text("utf-8")) for f in sorted(folder.glob("*.txt"))]
    texts += [ex["text"] for spec in lexicon()["relations"].values() for ex in spec["examples"]]
    assert len(texts) > 40
    for text in texts:
        plain = [(m.start(), m.end(), m.lastgroup.split("__")[:2]) for m in changes._trigger_re().finditer(text)]
        assert [(t.start, t.end, [t.relation, t.voice]) for t in changes.triggers(text)] == plain
