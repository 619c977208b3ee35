"""The gazetteer index and the entity-ruler patterns built from it."""

import time

import pytest

from newsevents.gazetteer import load_gazetteer, normalize, ruler_patterns


@pytest.mark.parametrize(
    "raw, key",
    [("Kyiv", "kyiv"), ("Lysychans’k", "lysychansk"), ("Ivano-Frankivsk", "ivano frankivsk"),
     ("the Hague", "hague"), ("Zürich", "zurich"), ("  São  Paulo ", "sao paulo")],
)
def test_normalize(raw, key):
    assert normalize(raw) == key


@pytest.mark.parametrize(
    "name, feature, country, lat, lon",
    [
        ("Kharkiv", "city", "UA", 49.98, 36.25),
        ("Kiev", "city", "UA", 50.45, 30.52),  # an older spelling finds the same city
        ("Germany", "country", "DE", 51.0, 10.3),
        ("Britain", "country", "GB", 53.0, -2.0),  # a hand-written alias
        ("Sea of Azov", "water", "", 46.1, 36.6),
        ("Texas", "adm1", "US", 31.0, -97.5),
    ],
)
def test_lookup_finds_the_entry(name, feature, country, lat, lon):
    entries = [e for e in load_gazetteer().lookup(name) if e.feature == feature and e.country == country]
    assert entries, name
    best = max(entries, key=lambda e: e.population)
    assert abs(best.lat - lat) < 2.5 and abs(best.lon - lon) < 3.5


def test_admin1_has_the_oblast_form():
    entries = [e for e in load_gazetteer().lookup("Zaporizhzhia") if e.feature == "adm1"]
    assert entries and entries[0].country == "UA"


def test_unknown_name_finds_nothing():
    assert load_gazetteer().lookup("Qwzxplatz") == []


def test_demonyms_are_not_place_names():
    gazetteer = load_gazetteer()
    assert gazetteer.demonym("Ukrainian") == "UA"
    assert gazetteer.demonym("Kramatorsk") is None


def test_loading_is_fast_once_built():
    load_gazetteer.cache_clear()
    started = time.perf_counter()
    load_gazetteer()
    assert time.perf_counter() - started < 2.0


@pytest.fixture(scope="module")
def patterns():
    return {p["pattern"]: p["label"] for p in ruler_patterns()}


@pytest.mark.parametrize("name, label", [("Lysychansk", "GPE"), ("Popasna", "GPE"), ("Ukraine", "GPE"),
                                         ("Sea of Azov", "LOC"), ("Donbas", "LOC")])
def test_ruler_knows(patterns, name, label):
    assert patterns.get(name) == label


@pytest.mark.parametrize("word", ["Split", "Bath", "Mobile", "Of", "Hill", "March", "President",
                                  "Vladimir", "Johnson", "Ukrainian"])
def test_ruler_leaves_out_words_and_personal_names(patterns, word):
    assert word not in patterns


def test_ruler_stays_small(patterns):
    assert 5_000 < len(patterns) < 60_000
