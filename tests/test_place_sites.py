"""Sites: places no gazetteer holds that the words around them mark, for where events happened."""

import pytest

from newsevents.extract.event_places import event_places
from newsevents.extract.places import extract_places, with_sites
from newsevents.records import Article


def where(nlp, sentence, trigger):
    """(place, places named with it) the events stage chooses, and the article's toponyms."""
    doc = nlp(sentence)
    listed = extract_places(doc, Article(id="t", headline="", body=sentence))
    place, also_at = event_places(doc, next(t for t in doc if t.text == trigger), list(with_sites(doc, listed)))
    return (None if place is None else place, [p.text for p in also_at], [p.text for p in listed])


@pytest.mark.parametrize(
    "sentence, trigger, expected",
    [
        # a capitalised word for a site ends its name
        ("Rebels stormed the Kindi Hospital on Tuesday.", "stormed", "Kindi Hospital"),
        # a lower-case one marks the name but is no part of it
        ("Jets bombed targets near the Tabqa airbase overnight.", "bombed", "Tabqa"),
        # an assault on a place happened there
        ("Five people were killed in an attack on Gashua village near Maiduguri.", "killed", "Gashua"),
        # a lower-case Arabic article joined to the name is part of it
        ("Gunmen killed five people in the village of al-Dalwa on Monday.", "killed", "al-Dalwa"),
    ],
)
def test_site_is_where_it_happened(nlp, sentence, trigger, expected):
    place, _, listed = where(nlp, sentence, trigger)
    assert place is not None and place.text.startswith(expected), place
    if place.feature == "unresolved":
        assert place.lat is None and place.lon is None  # no guessed point
        assert place.text not in listed  # the article's toponyms stay those the geoparser scores


def test_plural_word_lists_every_name(nlp):
    place, also_at, _ = where(nlp, "Militants shelled the villages of Kafr Nabudah, Habit and Hawash on Monday.",
                              "shelled")
    assert sorted([place.text, *also_at]) == ["Habit", "Hawash", "Kafr Nabudah"]
    # the one the gazetteer places (Al Hawash, Syria) puts the event on the map
    assert place.text == "Hawash" and place.country == "SY"


def test_a_person_taken_is_no_place(nlp):
    place, _, _ = where(nlp, "Soldiers captured Baitullah Mehsud in Peshawar on Friday.", "captured")
    assert place is not None and place.text == "Peshawar"


def test_parallel_locative_phrases(nlp):
    place, also_at, _ = where(nlp, "Gunmen shot a policeman in Yala, and another policeman in Pattani.", "shot")
    assert (place.text, also_at) == ("Yala", ["Pattani"])


def test_listed_town_the_gazetteer_places_comes_first(nlp):
    """Of a town and a site named together, the event is put at the one with a point."""
    place, also_at, _ = where(nlp, "Ukrainian troops captured the villages of Izium and Hrushkivka Yar on Friday.",
                              "captured")
    assert (place.text, place.lat is not None, also_at) == ("Izium", True, ["Hrushkivka Yar"])


def test_a_name_the_model_cut_short_is_no_site(nlp):
    """spaCy tags "the Port of" alone as a facility before "Los Angeles": no place "Port of"."""
    sentence = "Cargo piled up at the Port of Los Angeles on Monday."
    doc = nlp(sentence)
    assert any(e.text == "the Port of" for e in doc.ents)  # the model's cut, which this guards against
    places = with_sites(doc, extract_places(doc, Article(id="t", headline="", body=sentence)))
    assert [p.text for p in places] == ["Los Angeles"]
