"""Control claims on sentences other than the reference article's (full pipeline)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.reading import read_article
from newsevents.records import Article


def _claims(text):
    reading = read_article(Article(id="t", headline="H", body=text, published=dt.date(2022, 11, 12)))
    return {(c.place.text, c.controller, c.status) for c in reading.control_claims}, reading


@pytest.mark.parametrize(
    "text, place, controller, status",
    [
        ("Russian forces captured the city of Izium.", "Izium", "RUS", "captured"),
        ("Mariupol came under Russian control in May.", "Mariupol", "RUS", "captured"),
        ("Ukrainian troops recaptured Kherson on Friday.", "Kherson", "UKR", "retaken"),
        ("Russian troops withdrew from Kherson.", "Kherson", "RUS", "withdrawn"),
        ("Russia's control over Melitopol remains firm.", "Melitopol", "RUS", "holds"),
        ("Heavy fighting for Severodonetsk is under way.", "Severodonetsk", "contested", "contested"),
    ],
)
def test_control_claims(text, place, controller, status):
    claims, _ = _claims(text)
    assert (place, controller, status) in claims, claims


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces failed to capture Kyiv.",
        "Russian forces may try to take Odesa.",
        "The mayor of Kharkiv said the city was calm.",
        "Russian forces tried to capture Kyiv in March.",
        "Russia scaled back its ambitions to capture the capital, Kyiv.",
        "Russia launched an offensive to capture Kyiv.",
        "The failure to capture Kyiv embarrassed Moscow.",
        "His friend, who fought in the battle for Kyiv, is still in the capital.",
        "Residents are preparing for a battle for Odesa.",
        "Russia controls assets that used to be under Kyiv's jurisdiction.",
    ],
)
def test_control_nothing_from_failed_planned_or_plain_mentions(text):
    claims, _ = _claims(text)
    assert claims == set()


def test_control_as_of_falls_back_to_publication_date():
    _, reading = _claims("Russian forces captured the city of Izium.")
    (claim,) = reading.control_claims
    assert claim.as_of is not None
    assert claim.evidence.text.startswith("Russian forces captured")


def test_control_a_clause_inside_the_object_names_no_controlled_place():
    claims, _ = _claims("Russian forces control the city of Izium, which lies on the road to Sloviansk.")
    assert {(place, who) for place, who, _ in claims} == {("Izium", "RUS")}
