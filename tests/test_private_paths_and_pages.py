"""Pages and exports name a document's file by its path relative to the folder ingested (the
absolute path, home directory and all, stays in the store for `remove`); a large document's page
comes in pages; the CSV download works for every symbol, Đ included."""

from __future__ import annotations

import csv
import io
import json
import shutil
from urllib.parse import unquote

import pytest
from support import ingest as H

from policygraph.graph.store import Store
from policygraph.viz.app import attachment, create_app

PLAN = "doc:45-KH/HU|binh-phuoc/hon-quan|2016"
PROJECT = "doc:01-ĐA/TU|binh-phuoc|2016"


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    home = tmp_path_factory.mktemp("home-of-nguyen-van-an")
    docs = home / "Tài liệu" / "docs"
    (docs / "huyen").mkdir(parents=True)
    samples = H.sample_files()
    for p in samples[1:]:
        shutil.copyfile(p, docs / p.name)
    # the Hớn Quản plan, made large: 1.2 MB of text after its own
    text = samples[0].read_text("utf-8")
    filler = "\n".join(f"Dòng {i}: nội dung báo cáo bổ sung về công tác dân vận ở cơ sở." for i in range(20_000))
    (docs / "huyen" / "ke-hoach-45.txt").write_text(text + "\n" + filler + "\nDÒNG CUỐI CÙNG.\n", "utf-8")
    run = H.cli("ingest", docs, store=home / "store")
    assert run.returncode == 0, run.stderr
    return home, docs, home / "store"


def test_export_names_files_relative_to_the_folder_ingested(ingested, tmp_path):
    home, docs, store = ingested
    out = tmp_path / "graph.json"
    assert H.cli("export", out, store=store).returncode == 0
    text = out.read_text("utf-8")
    assert str(home) not in text and "home-of-nguyen-van-an" not in text
    nodes = {n["id"]: n for n in json.loads(text)["nodes"]}
    assert nodes[PLAN]["source"] == "huyen/ke-hoach-45.txt" and nodes[PLAN]["file_name"] == "ke-hoach-45.txt"
    # the full path stays in the store, and `remove` takes it
    assert str(docs / "huyen" / "ke-hoach-45.txt") in Store.open(store).file_hashes()


def test_viz_and_web_pages_show_the_relative_path_only(ingested, tmp_path):
    home, docs, store = ingested
    page = tmp_path / "page.html"
    assert H.cli("viz", "45-KH/HU", "-o", page, store=store).returncode == 0
    assert "home-of-nguyen-van-an" not in page.read_text("utf-8")
    client = create_app(Store.open(store)).test_client()
    for url in (f"/document?id={PLAN}", f"/api/document?id={PLAN}", f"/api/graph?id={PLAN}",
                f"/api/expand?id={PLAN}", f"/graph?id={PLAN}"):
        body = client.get(url).get_data(as_text=True)
        assert "home-of-nguyen-van-an" not in body and "Tài liệu" not in body, url
    facts = dict(client.get(f"/api/document?id={PLAN}").json["node"]["facts"])
    assert facts["File"] == "huyen/ke-hoach-45.txt"


def test_a_large_document_page_shows_its_text_in_pages(ingested):
    _, _, store = ingested
    client = create_app(Store.open(store)).test_client()
    first = client.get(f"/document?id={PLAN}", headers={"Accept-Language": "en"})  # the page in English
    body = first.get_data(as_text=True)
    assert first.status_code == 200 and len(first.data) < 400_000, len(first.data)  # the text is 1.3 MB
    assert "Page 1 of " in body and 'rel="next"' in body and "DÒNG CUỐI CÙNG" not in body
    assert "<mark" in body  # the cited spans at the start are highlighted on the first page
    data = client.get(f"/api/document?id={PLAN}").json
    pages = data["pages"]
    assert pages > 1 and data["text_chars"] > 1_200_000
    last = client.get(f"/document?id={PLAN}&page={pages}").get_data(as_text=True)
    assert "DÒNG CUỐI CÙNG" in last and 'rel="prev"' in last and 'rel="next"' not in last
    # the pages hold the whole text, each cut after a line end
    texts = [client.get(f"/api/document?id={PLAN}&page={n}").json["text"] for n in range(1, pages + 1)]
    assert len("".join(texts)) == data["text_chars"] and all(t.endswith("\n") for t in texts[:-1])


def test_csv_download_works_for_a_symbol_with_d_stroke(ingested):
    _, _, store = ingested
    client = create_app(Store.open(store)).test_client()
    response = client.get("/api/reports/implementers.csv", query_string={"id": PROJECT})
    assert response.status_code == 200
    disposition = response.headers["Content-Disposition"]
    disposition.encode("latin-1")  # a header must be Latin-1
    assert 'filename="implementers-01-DA-TU.csv"' in disposition
    assert unquote(disposition.split("filename*=UTF-8''")[1]) == "implementers-01-ĐA-TU.csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert any(r["symbol"] == "45-KH/HU" for r in rows)


@pytest.mark.parametrize("name,fallback,real", [
    ("coverage-01-ĐA/TU.csv", "coverage-01-DA-TU.csv", "coverage-01-ĐA-TU.csv"),
    ('a"b\r\n;c.csv', "a-b---c.csv", "a-b---c.csv"),
    ("Quyết định.csv", "Quyet-dinh.csv", "Quyết-định.csv"),
])
def test_attachment_header(name, fallback, real):
    value = attachment(name)
    value.encode("latin-1")
    assert f'filename="{fallback}"' in value
    assert unquote(value.split("filename*=UTF-8''")[1]) == real
