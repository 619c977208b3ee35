"""place_names.options: the gazetteer entries a toponym as written may name."""

import pytest

from newsevents.extract.place_names import options


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


@pytest.mark.parametrize("name", ["South Ossetian", "City Hall Plaza", "Zzyzx Qwerty"])
def test_no_fallback_on_direction_words_or_small_namesakes(name):
    assert not options(name)


def test_fallback_can_be_turned_off():
    assert options("Manila Cathedral", inner=False) == []
