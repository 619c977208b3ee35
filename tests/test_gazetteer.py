"""The gazetteer index and the entity-ruler patterns built from it."""

import pytest

from newsevents.gazetteer import load_gazetteer, normalize
from newsevents.gazetteer_ruler import ruler_patterns


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
        ("Texas", "adm1", "US", 31.0, -100.0),  # admin-1 units at their conventional point,
        ("NSW", "adm1", "AU", -32.0, 147.0),  # not where most of their people live
        ("B.C.", "adm1", "CA", 54.0, -125.0),
        ("Holy See", "country", "VA", 41.9, 12.45),
        ("North Africa", "region", "", 27.0, 17.0),  # a part of a continent
        ("Korean Peninsula", "region", "", 37.5, 127.5),
        ("Eastern Ghouta", "region", "SY", 33.6, 36.4),  # a war's region no city list holds
        ("Java", "region", "ID", -7.5, 110.0),  # the island, beside Java, Georgia (a town)
        ("Ceredigion", "adm2", "GB", 52.3, -4.0),  # GeoNames: "County of Ceredigion"
        ("St. Lucia", "country", "LC", 13.9, -61.0),  # GeoNames spells only "Saint Lucia"
        ("St Kitts and Nevis", "country", "KN", 17.3, -62.7),
        ("Anbar", "adm1", "IQ", 33.0, 42.0),  # GeoNames: "Al Anbar"
        ("Ingushetia", "adm1", "RU", 43.2, 45.0),  # GeoNames: "Ingushetiya Republic"
        ("North Darfur", "adm1", "SD", 16.0, 25.0),  # GeoNames: "Northern Darfur"
        ("North Ossetia", "adm1", "RU", 43.0, 44.2),  # a hand-written alias
    ],
)
def test_lookup_finds_the_entry(name, feature, country, lat, lon):
    entries = [e for e in load_gazetteer().lookup(name) if e.feature == feature and e.country == country]
    assert entries, name
    best = max(entries, key=lambda e: e.population)
    assert abs(best.lat - lat) < 2.5 and abs(best.lon - lon) < 3.5


@pytest.mark.parametrize(
    "name, admin1, lat, lon",
    [
        # the middle of the county's own towns, not a town of its name elsewhere in the state
        # (Lamar, Texas lies 600 km south) nor the middle of Texas
        ("Lamar County", "Texas", 33.66, -95.57),
        ("Cooke County", "Texas", 33.64, -97.21),
        ("Riley County", "Kansas", 39.30, -96.74),
    ],
)
def test_county_points_lie_in_the_county(name, admin1, lat, lon):
    entry = next(e for e in load_gazetteer().lookup(name) if e.feature == "adm2" and e.admin1 == admin1)
    assert abs(entry.lat - lat) < 0.4 and abs(entry.lon - lon) < 0.4


def test_admin1_has_the_oblast_form():
    entries = [e for e in load_gazetteer().lookup("Zaporizhzhia") if e.feature == "adm1"]
    assert entries and entries[0].country == "UA"


def test_a_bare_direction_is_no_admin1_name_of_its_own_making():
    # "Southern District" (Israel) is "Southern" by GeoNames' stem; "South" comes from elsewhere
    # and "North Darfur" must not bring a bare "North"
    assert not [e for e in load_gazetteer().lookup("North") if e.country == "SD"]


def test_unknown_name_finds_nothing():
    assert load_gazetteer().lookup("Qwzxplatz") == []


def test_demonyms_are_not_place_names():
    gazetteer = load_gazetteer()
    assert gazetteer.demonym("Ukrainian") == "UA"
    assert gazetteer.demonym("Kramatorsk") is None


@pytest.fixture(scope="module")
def patterns():
    return {p["pattern"]: p["label"] for p in ruler_patterns()}


@pytest.mark.parametrize("name, label", [("Lysychansk", "GPE"), ("Popasna", "GPE"), ("Ukraine", "GPE"),
                                         ("Sea of Azov", "LOC"), ("Donbas", "LOC")])
def test_ruler_knows(patterns, name, label):
    assert patterns.get(name) == label


@pytest.mark.parametrize("word", ["Split", "Bath", "Mobile", "Of", "Hill", "March", "President",
                                  "Vladimir", "Johnson", "Ukrainian", "Congress", "Federal", "Fleet"])
def test_ruler_leaves_out_words_and_personal_names(patterns, word):
    assert word not in patterns


def test_ruler_stays_small(patterns):
    assert 5_000 < len(patterns) < 60_000


def test_country_point_lies_between_the_outline_and_the_conventional_point():
    from newsevents.gazetteer_points import CIA_POINT_WEIGHT, country_point

    lat, lon = country_point((60.0, 100.0), (64.0, 96.0))
    assert (lat, lon) == pytest.approx((60.0 + 4 * CIA_POINT_WEIGHT, 100.0 - 4 * CIA_POINT_WEIGHT))
    assert country_point(None, (1.0, 2.0)) == (1.0, 2.0)
    assert country_point((1.0, 2.0), None) == (1.0, 2.0)


@pytest.mark.parametrize(
    "country, lat, lon",
    [("RU", 60.0, 100.0), ("CN", 35.0, 105.0), ("US", 39.8, -98.6)],  # conventional country points
)
def test_large_countries_lie_near_their_conventional_points(country, lat, lon):
    from evaluation.common import km

    entry = load_gazetteer().country(country)
    assert km(entry.lat, entry.lon, lat, lon) < 161


def test_an_admin1_point_leans_from_its_conventional_point_towards_its_towns():
    from newsevents.gazetteer_points import ADMIN1_TOWNS_WEIGHT, admin1_point, weighted_point

    towns = [{"latitude": 21.3, "longitude": -157.8}, {"latitude": 20.9, "longitude": -156.5}]
    middle = weighted_point(towns)
    lat, lon = admin1_point((19.6, -155.4), towns)
    assert (lat, lon) == pytest.approx((19.6 + ADMIN1_TOWNS_WEIGHT * (middle[0] - 19.6),
                                        -155.4 + ADMIN1_TOWNS_WEIGHT * (middle[1] + 155.4)), abs=1e-4)
    assert admin1_point(None, towns) == middle
    assert admin1_point((1.0, 2.0), []) == (1.0, 2.0)


def test_hawaii_lies_off_the_big_island_towards_its_people():
    """ISO 3166-2 puts Hawaii on the Big Island, 160 km from where GeoNames puts it (Maui)."""
    from evaluation.common import km

    hawaii = next(e for e in load_gazetteer().lookup("Hawaii") if e.feature == "adm1")
    assert km(hawaii.lat, hawaii.lon, 20.8, -156.4) < 161  # the ISO point is 167 km away


def test_subdivision_points_meet_geonames_names():
    from newsevents.gazetteer_points import subdivision_point, subdivision_points

    points = subdivision_points()
    # ISO 3166-2 writes "Donetska oblast", GeoNames "Donetsk Oblast"; "Ontario" is both
    donetsk = subdivision_point(points, "UA", "Donetsk Oblast")
    assert donetsk and abs(donetsk[0] - 48.0) < 1.0 and abs(donetsk[1] - 37.8) < 1.5
    ontario = subdivision_point(points, "CA", "Ontario")
    assert ontario and abs(ontario[0] - 50.0) < 1.5 and abs(ontario[1] + 85.5) < 2.0
    assert subdivision_point(points, "UA", "Atlantis") is None


@pytest.mark.parametrize("written, indexed", [("Diwaniyah", "Al Diwaniyah"), ("Qamishli", "Al Qāmishlī")])
def test_an_arabic_name_is_found_without_its_article(written, indexed):
    assert indexed in {e.name for e in load_gazetteer().lookup(written)}


@pytest.mark.parametrize("name, feature, lat, lon", [
    ("Washington", "adm1", 47.4, -120.5),  # the state, not the District of Columbia's other name
    ("United States", "country", 39.8, -98.6),  # the agreed centre of the contiguous states
])
def test_point_of(name, feature, lat, lon):
    entry = next(e for e in load_gazetteer().lookup(name) if e.feature == feature and e.name == name)
    assert abs(entry.lat - lat) < 1.0 and abs(entry.lon - lon) < 1.0


def test_a_county_has_the_population_of_its_towns():
    counties = {e.admin1: e.population for e in load_gazetteer().lookup("Henry County") if e.feature == "adm2"}
    assert counties["Georgia"] > counties["Tennessee"] > 10_000


def test_a_town_keeps_how_many_other_names_geonames_gives_it():
    towns = {e.country: e.other_names for e in load_gazetteer().lookup("Venice")
             if e.feature == "city" and e.name == "Venice"}
    assert towns["IT"] > 3 * max(n for country, n in towns.items() if country != "IT")
    assert load_gazetteer().country("IT").other_names == 0  # kept for towns only
