"""Ingest keeps one article per story: a syndicated or recrawled copy is linked, not read again,
whether the original came in the same run or an earlier one."""

from __future__ import annotations

import json

import pytest

from newsevents.engines.local import ingest
from newsevents.store import Store

from tests.test_dedup import WIRE


def _jsonl(path, *records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


ORIGINAL = {"url": "https://wire.example/a/1", "outlet": "Wire", "title": "Gas blast kills six",
            "published": "2023-03-01", "text": "\n\n".join(WIRE)}
SYNDICATED = {"url": "https://paper.example/world/blast", "outlet": "Paper",
              "title": "Six dead as gas explosion destroys apartment block", "published": "2023-03-01",
              "text": "\n\n".join(WIRE + ["Paper's correspondent contributed to this report."])}
OTHER = {"url": "https://wire.example/a/2", "outlet": "Wire", "title": "Harbour bridge approved",
         "published": "2023-03-02",
         "text": "The city council approved a new harbour bridge on Thursday after a decade of delays, "
                 "and construction is expected to start next spring with money from the regional budget."}


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "d.duckdb") as s:
        yield s


def test_dedup_ingest_links_a_syndicated_copy_in_the_same_run(store, tmp_path):
    summary = ingest([_jsonl(tmp_path / "a.jsonl", ORIGINAL, SYNDICATED, OTHER)], store)
    assert (summary.documents, summary.stored, summary.copies, summary.failed) == (3, 2, 1, 0)
    (article,) = store.query("SELECT copies FROM articles WHERE url = ?", [ORIGINAL["url"]])
    assert article["copies"] == [SYNDICATED["url"]]
    copies = store.query("SELECT url, outlet, headline FROM article_copies")
    assert copies == [{"url": SYNDICATED["url"], "outlet": "Paper", "headline": SYNDICATED["title"]}]


def test_dedup_ingest_finds_the_original_of_an_earlier_run_and_keeps_the_link(store, tmp_path):
    ingest([_jsonl(tmp_path / "a.jsonl", ORIGINAL)], store)
    later = ingest([_jsonl(tmp_path / "b.jsonl", SYNDICATED)], store)
    assert (later.stored, later.copies) == (0, 1)
    again = ingest([_jsonl(tmp_path / "c.jsonl", ORIGINAL)], store)  # the original read again
    assert (again.stored, again.copies) == (1, 0)
    assert store.count() == 1
    (article,) = store.query("SELECT copies FROM articles")
    assert article["copies"] == [SYNDICATED["url"]]


def test_dedup_ingest_a_copy_read_twice_is_linked_once(store, tmp_path):
    ingest([_jsonl(tmp_path / "a.jsonl", ORIGINAL, SYNDICATED)], store)
    ingest([_jsonl(tmp_path / "b.jsonl", SYNDICATED)], store)
    assert store.count("articles") == 1
    assert len(store.query("SELECT * FROM article_copies")) == 1


def test_dedup_ingest_copy_outlets_reach_the_events(store, tmp_path):
    ingest([_jsonl(tmp_path / "a.jsonl", ORIGINAL, SYNDICATED)], store)
    rows = store.events()
    assert rows and all(r["copy_outlets"] == ["Paper"] for r in rows)
