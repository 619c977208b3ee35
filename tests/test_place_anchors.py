"""Where a place the gazetteer lacks lies: the town named with it, else the article's main town."""

import pytest

from newsevents.extract.place_anchors import SITE_IN_TOWN_CONFIDENCE, anchor_towns, main_town, main_unit
from newsevents.extract.place_candidates import Candidate
from newsevents.gazetteer import Entry

NAIROBI = Entry(184745, "Nairobi", -1.28, 36.82, "city", "KE", "Nairobi Area", 2750547, "05")
MOMBASA = Entry(186301, "Mombasa", -4.05, 39.66, "city", "KE", "Mombasa", 799668, "19")
KENYA = Entry(192950, "Kenya", 1.0, 38.0, "country", "KE", "", 51393010)
COAST = Entry(-1, "Coast", -2.5, 39.5, "adm1", "KE", "Coast", 3325307, "02")
KILIFI = Entry(-2, "Kilifi", -3.5, 39.7, "adm2", "KE", "Coast", 1453787, "02")
MERSEYSIDE = Entry(-3, "Merseyside", 53.4, -2.9, "adm2", "GB", "England", 1423065, "ENG")
LIVERPOOL = Entry(2644210, "Liverpool", 53.41, -2.98, "city", "GB", "England", 864122, "ENG")


def anchors(text: str, names: list[str], entries: list):
    """The anchors of ``names`` (each at its first occurrence; None entries are unresolved)."""
    candidates = [Candidate(text.index(n), text.index(n) + len(n), n, "GPE", None) for n in names]
    resolved = [(e, 0.9) if e is not None else None for e in entries]
    return anchor_towns(candidates, resolved, text)


@pytest.mark.parametrize("text, names, entries, expected", [
    # the town named after it with a containment word
    ("Mombasa police raided Kibera in Nairobi and Mombasa again.", ["Mombasa", "Kibera", "Nairobi"],
     [MOMBASA, None, NAIROBI], NAIROBI),
    ("Mombasa police raided Kibera, Nairobi.", ["Mombasa", "Kibera", "Nairobi"], [MOMBASA, None, NAIROBI], NAIROBI),
    # the town that owns it
    ("Fans from Mombasa filled Liverpool's Anfield.", ["Mombasa", "Liverpool", "Anfield"],
     [MOMBASA, LIVERPOOL, None], LIVERPOOL),
    # else the article's main town
    ("Kibera lies in Nairobi. Nairobi police and Mombasa police met.", ["Kibera", "Nairobi", "Mombasa"],
     [None, NAIROBI, MOMBASA], NAIROBI),
    # a country named with it holds the main town: the town is narrower
    ("Kibera, Kenya, is a slum. Nairobi police said so.", ["Kibera", "Kenya", "Nairobi"], [None, KENYA, NAIROBI],
     NAIROBI),
    # a country named with it that does not hold the main town: the country
    ("Kibera, Kenya, is a slum, Liverpool fans said.", ["Kibera", "Kenya", "Liverpool"], [None, KENYA, LIVERPOOL],
     KENYA),
    # no town at all: the unit the article names most, at the narrowest level
    ("Kibera, a slum, lies in Kenya.", ["Kibera", "Kenya"], [None, KENYA], KENYA),
    # nothing placed at all: no point
    ("Kibera, a slum.", ["Kibera"], [None], None),
])
def test_a_site_lies_in_the_town_named_with_it_else_the_articles_main_town(text, names, entries, expected):
    found = anchors(text, names, entries)[entries.index(None)]
    assert (found and found[0]) == expected
    if found:
        assert found[1] == SITE_IN_TOWN_CONFIDENCE


def test_a_resolved_place_keeps_its_own_entry():
    assert anchors("Kibera in Nairobi.", ["Kibera", "Nairobi"], [None, NAIROBI])[1] is None


def test_the_main_town_is_the_most_named_the_first_among_equals():
    assert main_town([(MOMBASA, 0.9), (NAIROBI, 0.5), (NAIROBI, 0.5)]) == NAIROBI
    assert main_town([(MOMBASA, 0.9), (NAIROBI, 0.9), None]) == MOMBASA
    assert main_town([(KENYA, 1.0), None]) is None


def test_the_main_town_lies_in_the_country_the_article_names_most():
    # Liverpool named twice, but Kenya's places (its towns and the country) thrice
    resolved = [(LIVERPOOL, 0.9), (LIVERPOOL, 0.9), (NAIROBI, 0.9), (KENYA, 1.0), (MOMBASA, 0.9)]
    assert main_town(resolved) == NAIROBI
    assert main_town([(KENYA, 1.0), (KENYA, 1.0), (LIVERPOOL, 0.9)]) == LIVERPOOL  # no Kenyan town: anywhere


def test_with_no_town_the_main_unit_is_the_narrowest_most_named_in_the_main_country():
    assert main_unit([(KENYA, 1.0), (COAST, 0.9), (KENYA, 1.0)]) == COAST  # a province before its country
    assert main_unit([(COAST, 0.9), (KILIFI, 0.9), (COAST, 0.9)]) == KILIFI  # a county before its province
    # Merseyside is narrower, but Kenya's places are named more
    assert main_unit([(MERSEYSIDE, 0.9), (KENYA, 1.0), (COAST, 0.9)]) == COAST
    assert main_unit([(KENYA, 1.0), None]) == KENYA
    assert main_unit([None]) is None
