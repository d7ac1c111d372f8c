"""The document page says whether a document is in force and what changed it (issue 17), in both
languages, on the made history of tests/fixtures/history ingested for real."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policygraph.graph.store import Store
from policygraph.ingest.pipeline import ingest_paths
from policygraph.viz.app import create_app

FIXTURES = Path(__file__).parent / "fixtures" / "history"
VI = {"Accept-Language": "vi-VN,vi;q=0.9"}
EN = {"Accept-Language": "en-GB,en;q=0.8"}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    store = Store.open(tmp_path_factory.mktemp("standing") / "store")
    ingest_paths(store, [str(FIXTURES)], jobs=1)
    return create_app(store).test_client()


def standing(page) -> str:
    html = page.get_data(as_text=True)
    section = re.search(r'<section id="standing".*?</section>', html, re.S)
    assert section, "no standing section"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section.group(0)))


def test_a_replaced_decree_shows_its_history_in_vietnamese(client):
    page = client.get("/document", query_string={"id": "10/2010/NĐ-CP"}, headers=VI)
    assert page.status_code == 200
    text = standing(page)
    assert "hết hiệu lực" in text and "có hiệu lực từ ngày 01/03/2010" in text
    rows = re.findall(r'<tr class="act-(\w+)"><td>([^<]+)</td>', page.get_data(as_text=True))
    assert rows == [("amends", "01/07/2012"), ("amends", "01/06/2015"), ("replaces", "01/07/2018")]
    assert "một phần: Điều 1" in text  # the 2015 decree amends Article 1


def test_english_and_a_document_nothing_later_speaks_of(client):
    page = client.get("/document", query_string={"id": "10/2010/NĐ-CP"}, headers=EN)
    assert "no longer in force" in standing(page)
    page = client.get("/document", query_string={"id": "55/2016/QĐ-UBND"}, headers=EN)
    text = standing(page)
    assert "unknown" in text and "Nothing in the graph speaks of it after it was issued." in text
    assert "What changed it" not in text
