"""place_names.options: the gazetteer entries a toponym as written may name."""

import pytest

from newsevents.extract.place_names import options, residents_place


@pytest.mark.parametrize(
    "name, country, feature",
    [
        ("Kharkiv", "UA", "city"),
        ("Ukrainian", "UA", "country"),  # a demonym stands for its country
        ("Eastern Aleppo", "SY", "city"),  # a direction before a known name
        ("Manila Cathedral", "PH", "city"),  # a landmark named after its town
        ("University of California", "US", "adm1"),
    ],
)
def test_options_include(name, country, feature):
    assert any(e.country == country and e.feature == feature for e in options(name)), name


@pytest.mark.parametrize("name", ["City Hall Plaza", "Zzyzx Qwerty"])
def test_no_fallback_on_direction_words_or_small_namesakes(name):
    assert not options(name)


def test_fallback_can_be_turned_off():
    assert options("Manila Cathedral", inner=False) == []


@pytest.mark.parametrize("name", ["Catawba River", "St. Marys River", "James River"])
def test_no_fallback_on_a_towns_alternate_name(name):
    # GeoNames lists "River" among New Brunswick, New Jersey's alternate names
    assert all(e.name != "New Brunswick" for e in options(name)), name


@pytest.mark.parametrize(
    "name, expected",
    [
        ("WA", {("Washington", "US")}),  # not Wa, Ghana
        ("PA", {("Pennsylvania", "US")}),  # not Pa, Burkina Faso, nor Chongqing (old name Ba)
        ("UK", {("United Kingdom", "GB")}),  # not Uk, Russia
        ("NSW", {("New South Wales", "AU")}),  # from the aliases table
        ("LA", {("Los Angeles", "US"), ("Louisiana", "US")}),  # a big city's initials, a postal code
    ],
)
def test_abbreviation_names_a_country_state_or_big_city(name, expected):
    assert {(e.name, e.country) for e in options(name)} == expected


@pytest.mark.parametrize("name", ["OAS", "NATO"])
def test_abbreviation_unknown_as_such_names_nothing(name):
    # "OAS": an alternate name of two towns; "NATO": Nato, Philippines, spelled in lower case
    assert options(name) == []


@pytest.mark.parametrize("name, country", [("PRC", "CN"), ("ROC", "TW"), ("DPRK", "KP"), ("ROK", "KR")])
def test_abbreviated_countries(name, country):
    assert [(e.feature, e.country) for e in options(name)] == [("country", country)]


@pytest.mark.parametrize("adjective, place", [("South Ossetian", "South Ossetia"), ("Latin American", "Latin America")])
def test_a_two_word_adjective_names_its_region(adjective, place):
    assert [e.name for e in options(adjective)][:1] == [place]


@pytest.mark.parametrize("residents, place", [("Minnesotans", "Minnesota"), ("Ohioan", "Ohio"), ("Texans", "Texas"),
                                              ("South Ossetians", "South Ossetia"), ("Londoners", "London")])
def test_a_residents_name_names_their_place(residents, place):
    assert options(residents) and all(e.name == place for e in options(residents))


@pytest.mark.parametrize("name", ["Parker", "Republicans", "Brian", "Walker"])
def test_a_surname_or_party_is_no_residents_name(name):
    assert residents_place(name) == []


@pytest.mark.parametrize("name", ["Thames Valley", "Danube Delta", "Mahim Bay", "Convention Centre", "Farallon Islands"])
def test_a_word_for_a_kind_of_place_is_no_place_inside_a_name(name):
    assert not [e for e in options(name) if e.name.lower().endswith(name.split()[-1].lower())]


def test_a_town_inside_a_natural_features_name_still_places_it():
    assert any(e.name == "Boston" and e.country == "US" for e in options("Boston Harbor"))


@pytest.mark.parametrize("demonym, country", [("German", "DE"), ("Thai", "TH")])
def test_a_demonym_names_its_country_before_a_small_namesake(demonym, country):
    assert [(e.feature, e.country) for e in options(demonym)] == [("country", country)]


def test_a_country_of_its_own_is_kept_over_the_demonym_table():
    assert any(e.feature == "adm1" and e.name == "Wales" for e in options("Wales"))


def test_a_bloc_is_kept_over_the_demonym_table():
    assert [e.name for e in options("EU") if e.feature != "city"] == ["European Union"]


@pytest.mark.parametrize("abbreviation, state", [("La.", "Louisiana"), ("Pa.", "Pennsylvania"), ("Mo.", "Missouri")])
def test_a_states_abbreviation_with_its_full_stop_names_the_state_only(abbreviation, state):
    assert [e.name for e in options(abbreviation)] == [state]


def test_korea_alone_is_south_korea():
    assert options("Korea")[0].feature == "country" and options("Korea")[0].country == "KR"
