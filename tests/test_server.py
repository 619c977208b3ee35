"""The REST API and the web page, over a temporary database holding the bundled examples."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsevents.api import read
from newsevents.cli import app as cli
from newsevents.server import WEB, create_app
from newsevents.store import Store, StoreError

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "benzinga-2022-07-lysychansk.txt"
HOSTILE = (Path(__file__).parent / "fixtures" / "hostile.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("server") / "served.duckdb"
    with Store(db) as store:
        store.write([read(EXAMPLE, published="2022-07-05", outlet="Benzinga"),
                     read(HOSTILE, published="2023-03-06", url="javascript:alert(3)")])
    with TestClient(create_app(db)) as test_client:
        yield test_client


def test_server_events_filter_page_and_count(client):
    everything = client.get("/api/events").json()
    assert everything["count"] == len(everything["data"]) > 2
    lysychansk = client.get("/api/events", params={"place": "Lysychansk"}).json()
    assert lysychansk["data"] and lysychansk["count"] < everything["count"]
    assert all("Lysychansk" in (e["place"] or "") or "Lysychansk" in e["targets"] for e in lysychansk["data"])
    first, second = (client.get("/api/events", params={"limit": 1, "offset": n}).json() for n in (0, 1))
    assert first["count"] == second["count"] == everything["count"]
    assert [first["data"][0]["id"], second["data"][0]["id"]] == [e["id"] for e in everything["data"][:2]]


def test_server_event_by_id_and_unknown_ids(client):
    some = client.get("/api/events", params={"limit": 1}).json()["data"][0]
    assert client.get(f"/api/events/{some['id']}").json() == some
    missing = client.get("/api/events/no-such-event")
    assert missing.status_code == 404 and "no-such-event" in missing.json()["detail"]
    assert client.get("/api/articles/no-such-article").status_code == 404


@pytest.mark.parametrize("params, named", [
    ({"since": "last week"}, "--since"),
    ({"limit": 0}, "limit"),
    ({"limit": 10**6}, "limit"),
])
def test_server_bad_query_values_are_422_naming_them(client, params, named):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert named.lstrip("-") in str(response.json()["detail"])


def test_server_geojson_has_only_placed_events(client):
    collection = client.get("/api/events.geojson", params={"place": "Lysychansk"}).json()
    assert collection["type"] == "FeatureCollection" and collection["features"]
    lon, lat = collection["features"][0]["geometry"]["coordinates"]
    assert 38 < lon < 39 and 48 < lat < 49  # Lysychansk, eastern Ukraine


def test_server_article_control_clusters_and_stats(client):
    event = client.get("/api/events", params={"place": "Lysychansk", "limit": 1}).json()["data"][0]
    article = client.get(f"/api/articles/{event['article_id']}").json()
    assert article["headline"] and event["id"] in [e["id"] for e in article["events"]]
    assert article["quotes"] and {b["kind"] for b in article["boilerplate"]}
    control = client.get("/api/control", params={"place": "Lysychansk"}).json()
    assert control["count"] and "RUS" in str(control["data"])
    clusters = client.get("/api/clusters").json()
    assert clusters["count"] >= 1 and all(c["reports"] for c in clusters["data"])
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 2 and stats["events"] == client.get("/api/events").json()["count"]


def test_server_returns_untrusted_text_as_data(client):
    events = client.get("/api/events", params={"since": "2023"}).json()["data"]
    assert events and all(e["url"] == "javascript:alert(3)" for e in events)
    headline = client.get(f"/api/articles/{events[0]['article_id']}").json()["headline"]
    assert "<script>" in headline  # stored verbatim; the page shows it as text, never as markup


def test_server_read_runs_the_pipeline_without_storing(client):
    before = client.get("/api/stats").json()["articles"]
    reading = client.post("/api/read", json={"text": HOSTILE, "published": "2023-03-06"}).json()
    assert {e["type"] for e in reading["events"]} & {"ASSAULT", "KILL"}
    assert client.get("/api/stats").json()["articles"] == before


@pytest.mark.parametrize("text", ["/etc/hostname", str(EXAMPLE)])
def test_server_read_never_opens_a_file_named_in_the_text(client, text):
    response = client.post("/api/read", json={"text": text})
    assert response.status_code == 422 and "no article text" in response.json()["detail"]


def test_server_basemap_from_the_shared_data(client, monkeypatch, tmp_path):
    outlines = client.get("/api/basemap", headers={"Accept-Encoding": "gzip"})
    assert outlines.headers["content-encoding"] == "gzip"
    ukraine = next(f for f in outlines.json()["features"] if f["properties"]["iso3"] == "UKR")
    lon, lat = ukraine["geometry"]["coordinates"][0][0][0]
    assert 22 < lon < 41 and 44 < lat < 53 and round(lon, 2) == lon
    monkeypatch.setenv("NEWSEVENTS_SHARED_DATA", str(tmp_path))
    missing = client.get("/api/basemap")
    assert missing.status_code == 404 and "no base map" in missing.json()["detail"]


def test_server_page_and_its_security_headers(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert client.get("/web/app.js").status_code == 200
    assert client.get("/web/../server.py").status_code == 404


def test_web_page_never_turns_data_into_markup():
    script = (WEB / "app.js").read_text(encoding="utf-8")
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function", script)
    assert "textContent" in script and "createTextNode" in script
    page = (WEB / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"<script>|\son\w+=|https?://", page)  # no inline script, handler or remote file


def test_server_needs_an_existing_database(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        create_app(tmp_path / "missing.duckdb")
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 2 and "no such database" in result.output
