"""The DuckDB store on hand-built Readings: no model needed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from newsevents.export import export_events, geojson
from newsevents.records import (
    Actor, Article, Attribution, Boilerplate, ControlClaim, Event, Place, Reading, Span, TimeRef,
    from_dict, to_dict,
)
from newsevents.store import Store, StoreError, date_range

BODY = "Rebels shelled Avdiivka on Monday, officials said. Troops withdrew from Marinka."


def make_reading(article_id: str = "a1", *, headline: str = "Shelling", outlet: str = "Wire") -> Reading:
    article = Article(
        id=article_id, headline=headline, body=BODY, outlet=outlet, url=f"https://x.test/{article_id}",
        published=dt.date(2022, 7, 5), tags=("War",),
        boilerplate=(Boilerplate("read_next", "Read Next: something"),),
    )
    s0 = Span(0, 50, BODY[0:50], 0)
    avdiivka = Place("Avdiivka", Span(15, 23, "Avdiivka", 0), "Avdiivka", 712165, 48.14, 37.74, "city", "UA", "Donetsk", 0.9)
    marinka = Place("Marinka", Span(71, 78, "Marinka", 1), "Marinka", 702320, 47.94, 37.50, "city", "UA", "Donetsk", 0.9)
    monday = TimeRef("Monday", Span(27, 33, "Monday", 0), "2022-07-04", "day", "publication_date")
    rebels = Actor("Rebels", "rebels", "UKR", "REB", Span(0, 6, "Rebels", 0))
    troops = Actor("Troops", "troops", None, "MIL", Span(51, 57, "Troops", 1))
    said = Attribution(s0, Actor("officials", "officials", None, "GOV"), "said", (outlet, "officials"))
    events = (
        Event("e1", "ASSAULT", s0, mode="shell", actor=(rebels,), place=avdiivka, date=monday,
              certainty="reported", attribution=said),
        Event("e2", "RETREAT", Span(51, 79, BODY[51:79], 1), actor=(troops,), place=marinka,
              date=TimeRef("", None, None, "day", "publication_date", "interval", "2022-07-05")),
    )
    control = (ControlClaim(marinka, "RUS", "captured", Span(51, 79, BODY[51:79], 1)),)
    return Reading(article, sentences=(s0,), actors=(rebels, troops), places=(avdiivka, marinka),
                   times=(monday,), attributions=(said,), events=events, control_claims=control)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as s:
        yield s


def test_store_write_and_query(store):
    store.write(make_reading())
    assert store.count() == 1 and store.count("events") == 2 and store.count("control_claims") == 1
    rows = store.events(place="avdiivka")
    assert [r["type"] for r in rows] == ["ASSAULT"]
    assert rows[0]["actor_country"] == ["UKR"] and rows[0]["source"] == "officials"
    assert rows[0]["evidence"] == BODY[0:50]


def test_store_rewrite_replaces_the_article(store):
    store.write(make_reading())
    store.write(make_reading(headline="Shelling (updated)"))
    assert store.count() == 1 and store.count("events") == 2
    assert store.article("a1")["headline"] == "Shelling (updated)"


@pytest.mark.parametrize(
    "filters,types",
    [
        ({"type": "retreat"}, ["RETREAT"]),
        ({"actor": "COP"}, []),
        ({"actor": "UKR"}, ["ASSAULT"]),
        ({"actor": "rebel"}, ["ASSAULT"]),
        ({"since": "2022-07-05"}, ["RETREAT"]),
        ({"until": "2022-07-04"}, ["ASSAULT"]),
        ({"source": "officials"}, ["ASSAULT"]),
        ({"source": "Wire"}, ["RETREAT", "ASSAULT"]),
        ({"place": "Kyiv"}, []),
    ],
)
def test_store_event_filters(store, filters, types):
    store.write(make_reading())
    assert [r["type"] for r in store.events(**filters)] == types


def test_store_bad_date_filter_is_a_clear_error(store):
    with pytest.raises(StoreError, match="not a date"):
        store.events(since="last week")


def test_store_failed_write_keeps_what_was_stored(store):
    store.write(make_reading())
    broken = make_reading("a2")
    broken = Reading(broken.article, events=(object(),))  # not an Event: the write must fail
    with pytest.raises(Exception):
        store.write([make_reading("a1", headline="changed"), broken])
    assert store.count() == 1 and store.article("a1")["headline"] == "Shelling"
    assert store.count("events") == 2


def test_store_events_dataframe(store):
    store.write([make_reading("a1"), make_reading("a2")])
    frame = store.events_df(type="ASSAULT")
    assert len(frame) == 2 and set(frame["article_id"]) == {"a1", "a2"}


@pytest.mark.parametrize(
    "value,end,expected",
    [
        ("2022-02", None, (dt.date(2022, 2, 1), dt.date(2022, 2, 28))),
        ("2022-07-04", None, (dt.date(2022, 7, 4), dt.date(2022, 7, 4))),
        (None, "2022-07-05", (None, dt.date(2022, 7, 5))),
        ("2022", None, (dt.date(2022, 1, 1), dt.date(2022, 12, 31))),
        ("2022-W26", None, (dt.date(2022, 6, 27), dt.date(2022, 7, 3))),
        ("2022-W26-WE", None, (dt.date(2022, 7, 2), dt.date(2022, 7, 3))),
        ("2017-08-29T06:00", None, (dt.date(2017, 8, 29), dt.date(2017, 8, 29))),
        ("2022-Q3", None, (dt.date(2022, 7, 1), dt.date(2022, 9, 30))),
        ("2022-SU", None, (dt.date(2022, 6, 1), dt.date(2022, 8, 31))),
        ("2023-WI", None, (dt.date(2022, 12, 1), dt.date(2023, 2, 28))),
        ("201", None, (dt.date(2010, 1, 1), dt.date(2019, 12, 31))),
        ("2022-02-30", None, (None, None)),
        ("2022-W54", None, (None, None)),
        ("20", None, (None, None)),  # a century filters nothing
        ("PRESENT_REF", None, (None, None)),
    ],
)
def test_store_date_range(value, end, expected):
    assert date_range(value, end) == expected


def test_records_round_trip():
    reading = make_reading()
    assert from_dict(Reading, json.loads(json.dumps(to_dict(reading)))) == reading


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "geojson", "plover"])
def test_store_export(store, tmp_path, fmt):
    store.write(make_reading())
    path = tmp_path / f"events.{fmt}"
    assert export_events(store, path, fmt) == 2
    assert path.exists() and path.stat().st_size > 0
    if fmt == "geojson":
        features = json.loads(path.read_text())["features"]
        assert {f["geometry"]["coordinates"][0] for f in features} == {37.74, 37.50}


def test_store_export_plover_records(store, tmp_path):
    store.write(make_reading())
    path = tmp_path / "events.jsonl"
    export_events(store, path, "plover")
    withdrew, shelled = (json.loads(line) for line in path.read_text().splitlines())  # newest first
    assert shelled["event"] == ["ASSAULT"] and shelled["quad_code"] == 4 and shelled["date"] == "2022-07-04"
    assert shelled["actor"] == [{"entity_text": "rebels", "code": "UKR", "sector": "REB"}]
    assert (shelled["acled_event_type"], shelled["acled_sub_event_type"]) == ("Battles", "Armed clash")
    assert shelled["event_loc"]["geonameid"] == 712165 and shelled["event_loc"]["resolution"] == 4
    info = shelled["text_info"]
    assert BODY[info["start"]:info["end"]] == shelled["text"] and shelled["source_chain"] == ["Wire", "officials"]
    # Dated only "on or before" publication: no date is made up, the bound is the end date.
    assert withdrew["date"] is None and withdrew["enddate"] == "2022-07-05"


@pytest.mark.parametrize("kind, mode, actors, recipients, expected", [
    ("COERCE", "seize", ["MIL"], [], ("Battles", "Government regains territory")),
    ("COERCE", "seize", ["REB"], ["MIL"], ("Battles", "Non-state actor overtakes territory")),
    ("COERCE", "seize", [None], [], ("Strategic developments", "Other")),
    ("ASSAULT", "heavy-weapons", ["MIL"], ["CVL"], ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("ASSAULT", None, ["REB"], ["CVL"], ("Violence against civilians", "Attack")),
    ("ASSAULT", None, ["REB"], ["MIL"], ("Battles", "Armed clash")),
    ("PROTEST", "riot", ["CVL"], [], ("Riots", "Violent demonstration")),
    ("CONSULT", "visit", ["GOV"], ["GOV"], (None, None)),  # ACLED records no meetings
])
def test_store_events_carry_their_acled_category(store, kind, mode, actors, recipients, expected):
    reading = make_reading()
    who = [Actor(s or "someone", s or "someone", "UKR", s) for s in actors]
    whom = [Actor(s, s, "RUS", s) for s in recipients]
    event = dataclasses.replace(reading.events[0], type=kind, mode=mode, actor=tuple(who), recipient=tuple(whom))
    store.write(dataclasses.replace(reading, events=(event,)))
    (row,) = store.events()
    assert (row["acled_event_type"], row["acled_sub_event_type"]) == expected


def test_store_upgrades_a_database_from_before_the_acled_columns(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.write(make_reading())
        for column in ("acled_event_type", "acled_sub_event_type", "also_at"):  # added in this order
            store.db.execute(f"ALTER TABLE events DROP COLUMN {column}")
    with pytest.raises(StoreError, match="older newsevents.*open it once for writing"):
        Store(path, read_only=True)
    with Store(path) as store:  # opening for writing adds and fills the columns
        assert {r["acled_event_type"] for r in store.events()} == {"Battles", "Strategic developments"}
        assert [r["also_at"] for r in store.events()] == [[], []]  # the old records name no other place
        store.write(make_reading("a2"))
        assert store.count("events") == 4


def with_also_at(reading: Reading) -> Reading:
    """The shelling happened in Marinka too ("shelled Avdiivka and Marinka")."""
    marinka = reading.places[1]
    return dataclasses.replace(reading, events=(dataclasses.replace(reading.events[0], also_at=(marinka,)),
                                                reading.events[1]))


def test_store_events_carry_the_places_named_with_their_place(store, tmp_path):
    store.write(with_also_at(make_reading()))
    withdrew, shelled = store.events()  # newest first
    assert (shelled["place"], shelled["also_at"], withdrew["also_at"]) == ("Avdiivka", ["Marinka"], [])
    assert [r["type"] for r in store.events(place="Marinka")] == ["RETREAT", "ASSAULT"]
    (record,) = [from_dict(Event, json.loads(r)) for (r,) in store.db.execute(
        "SELECT record FROM events WHERE type = 'ASSAULT'").fetchall()]
    assert [p.geonameid for p in record.also_at] == [702320]
    path = tmp_path / "events.plover.jsonl"
    export_events(store, path, "plover")
    shelled_record = json.loads(path.read_text().splitlines()[1])
    assert shelled_record["event_loc"]["also_at"] == ["Marinka"]


def test_store_upgrade_fills_also_at_from_the_stored_record(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.write(with_also_at(make_reading()))
        store.db.execute("ALTER TABLE events DROP COLUMN also_at")
    with Store(path) as store:
        assert sorted(r["also_at"] for r in store.events()) == [[], ["Marinka"]]


def test_export_geojson_skips_events_without_coordinates():
    collection = geojson([{"type": "ASSAULT", "lat": None, "lon": None}])
    assert collection["features"] == []


def test_store_control_claims(store):
    store.write(make_reading())
    claims = store.control_claims(place="marinka")
    assert [(c["controller"], c["status"]) for c in claims] == [("RUS", "captured")]
    assert claims[0]["published"] == dt.date(2022, 7, 5)


def test_store_place_filter_knows_other_spellings(store):
    reading = make_reading()
    spelled = dataclasses.replace(
        reading.events[0],
        place=dataclasses.replace(reading.events[0].place, name="Avdiyivka", geonameid=713122),
    )
    store.write(dataclasses.replace(reading, events=(spelled,)))
    assert [r["place"] for r in store.events(place="Avdiivka")] == ["Avdiyivka"]
    assert store.events(place="Bakhmut") == []
