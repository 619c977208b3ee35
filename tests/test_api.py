"""The Python API: newsevents.read on text and files, newsevents.Store."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import newsevents
from newsevents.api import ReadError

TEXT = (
    "Police detain protesters in Minsk\n\n"
    "Belarusian police detained dozens of protesters in Minsk on Saturday, "
    "the Viasna rights group said.\n"
)


def test_api_read_text_with_metadata():
    reading = newsevents.read(TEXT, published="2020-08-17", url="https://news.test/minsk")
    article = reading.article
    assert article.headline == "Police detain protesters in Minsk"
    assert article.published == dt.date(2020, 8, 17) and article.url == "https://news.test/minsk"
    assert any(p.name == "Minsk" and p.country == "BY" for p in reading.places)
    saturday = [t for t in reading.times if t.text == "Saturday"]
    assert saturday and saturday[0].value == "2020-08-15"


def test_api_read_without_date_leaves_relative_dates_unresolved():
    reading = newsevents.read(TEXT)
    saturday = [t for t in reading.times if t.text == "Saturday"]
    assert saturday and saturday[0].value is None and saturday[0].basis == "none"


def test_api_read_file_with_several_articles_asks_for_read_all(tmp_path):
    path = tmp_path / "two.jsonl"
    rows = [{"title": f"Story {i}", "text": "Troops withdrew from the village on Monday.",
             "url": f"https://news.test/{i}"} for i in range(2)]
    path.write_text("\n".join(json.dumps(r) for r in rows))
    with pytest.raises(ReadError, match="holds 2 articles"):
        newsevents.read(str(path))
    readings = list(newsevents.read_all([str(path)]))
    assert [r.article.headline for r in readings] == ["Story 0", "Story 1"]


def test_api_store_round_trip(tmp_path):
    reading = newsevents.read(TEXT, published="2020-08-17")
    with newsevents.Store(tmp_path / "s.duckdb") as store:
        store.write(reading)
        assert store.count() == 1
        assert len(store.events_df()) == len(reading.events)


def test_api_read_takes_a_long_one_line_text_for_text_not_a_file_name():
    # Longer than a file name may be (255 bytes), shorter than the 4,096 characters of a path.
    text = "Belarusian police detained dozens of protesters in Minsk on Saturday. " * 6
    reading = newsevents.read(text, published="2020-08-17")
    assert any(p.name == "Minsk" for p in reading.places)


def test_api_read_takes_a_publication_time_and_names_a_bad_date():
    reading = newsevents.read(TEXT, published="2020-08-17T09:30:00")
    assert reading.article.published == dt.date(2020, 8, 17)
    with pytest.raises(ReadError, match="'17/08/2020' is not a date"):
        newsevents.read(TEXT, published="17/08/2020")
