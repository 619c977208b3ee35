"""The reference article, read end to end: every fact listed in examples' README.

The article is the bundled copy in examples/ (metadata from its sidecar JSON: URL, Benzinga,
published 2022-07-05).
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest

import newsevents
from newsevents.records import Attribution, Event, Place

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ARTICLE = EXAMPLES / "benzinga-2022-07-lysychansk.txt"
RECRAWL = EXAMPLES / "benzinga-2022-07-lysychansk.recrawl.txt"
PUBLISHED = dt.date(2022, 7, 5)


@pytest.fixture(scope="module")
def reading():
    return newsevents.read(ARTICLE)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def places_named(reading, text: str) -> list[Place]:
    return [p for p in reading.places if text.lower() in p.text.lower()]


def sentence_of(reading, fragment: str) -> int:
    for s in reading.sentences:
        if fragment in s.text:
            return s.sentence
    raise AssertionError(f"no sentence contains {fragment!r}")


def source_names(record) -> str:
    """Every name in the source chain of an Attribution, or of an Event's or claim's."""
    attribution = record if isinstance(record, Attribution) else record.attribution
    if attribution is None:
        return ""
    names = list(attribution.chain)
    if attribution.source is not None:
        names.append(attribution.source.name)
    return " | ".join(names)


def countries(actors) -> set[str]:
    return {a.country for a in actors if a.country}


def date_upper_bound(event: Event) -> dt.date | None:
    """The last day the event's date allows (a point's day, a month's end, an interval's end)."""
    from newsevents.store import date_range

    if event.date is None:
        return None
    return date_range(event.date.value, event.date.end)[1]


# --- the article ------------------------------------------------------------------------------


def test_reference_headline_and_body(reading):
    article = reading.article
    assert article.headline == (
        "Vladimir Putin's Generals Already Occupy An Entire Ukrainian Province — "
        "Now, He Wants Them To Do This"
    )
    assert article.body.startswith("Russian President Vladimir Putin reportedly wants")
    assert article.body.rstrip().endswith("termed it a move to preserve troops.")
    for leftover in ("What Happened:", "Why It Matters:", "Read Next", "Shutterstock",
                     "Posted In", "Bankrate", "Ad Disclosure"):
        assert leftover not in article.body
    assert article.published == PUBLISHED
    assert article.outlet == "Benzinga"


def test_reference_boilerplate_by_kind(reading):
    article = reading.article
    kinds = {b.kind for b in article.boilerplate}
    assert {"read_next", "photo_credit", "tags", "ad_disclosure"} <= kinds
    assert list(article.tags) == [
        "Donetsk", "Eurasia", "Luhansk", "Russia-Ukraine War", "Vladimir Putin", "News",
        "Top Stories",
    ]
    assert any("Condemns NATO" in r for r in article.related)
    assert article.photo_credit and "ID1974 on Shutterstock" in article.photo_credit


def test_reference_recrawl_is_the_same_article(reading):
    again = newsevents.read(RECRAWL)
    assert again.article.id == reading.article.id
    assert again.article.headline == reading.article.headline
    assert again.article.body == reading.article.body


def test_reference_offsets_point_into_the_body(reading):
    body = reading.article.body
    spans = [s for s in reading.sentences]
    spans += [p.span for p in reading.places] + [q.span for q in reading.quotes]
    spans += [e.evidence for e in reading.events]
    for span in spans:
        assert body[span.start:span.end] == span.text


# --- sources and quotes -----------------------------------------------------------------------


def test_reference_quotes(reading):
    direct = [q for q in reading.quotes if q.kind == "direct"]
    units = [q for q in direct if "units that took part" in q.text]
    formations = [q for q in direct if q.text.lstrip("“\" ").startswith("And other military formations")]
    assert units and formations
    for quote in (units[0], formations[0]):
        assert quote.speaker is not None and "Putin" in quote.speaker.name
        assert quote.speaker.country == "RUS"
        assert quote.channel and "kremlin statement" in quote.channel.lower()
    assert not [q for q in reading.quotes if q.kind == "direct" and "peacekeepers" == q.text.strip("“”\" ")]


def test_reference_cited_outlets(reading):
    def sources_of(fragment):
        index = sentence_of(reading, fragment)
        return " | ".join(source_names(a) for a in reading.attributions if a.claim.sentence == index)

    assert "Financial Times" in sources_of("ordered his generals to move towards Donetsk")
    assert "Financial Times" in sources_of("according to the report")
    assert "Times" in sources_of("failed to occupy the capital Kyiv")
    assert "Financial Times" not in sources_of("failed to occupy the capital Kyiv")


def test_reference_reportedly_marks_claims_as_reported(reading):
    for fragment in ("reportedly wants his top generals", "reportedly defended the retreat"):
        index = sentence_of(reading, fragment)
        certainties = {a.certainty for a in reading.attributions if a.claim.sentence == index}
        assert "reported" in certainties, fragment


# --- places -----------------------------------------------------------------------------------

CITIES = {
    "Lysychansk": (48.90, 38.44),
    "Bakhmut": (48.59, 38.00),
    "Kramatorsk": (48.72, 37.56),
    "Kyiv": (50.45, 30.52),
}


@pytest.mark.parametrize("name,coords", CITIES.items())
def test_reference_cities(reading, name, coords):
    found = places_named(reading, name)
    assert found, name
    for place in found:
        assert place.feature == "city" and place.country == "UA"
        assert km(place.lat, place.lon, *coords) < 25


@pytest.mark.parametrize(
    "text,oblast,centre",
    [("Luhansk region", "Luhansk", (48.9, 39.1)), ("Donetsk province", "Donetsk", (48.1, 37.7)),
     ("Donetsk region", "Donetsk", (48.1, 37.7))],
)
def test_reference_regions_are_oblasts_not_cities(reading, text, oblast, centre):
    body = reading.article.body
    start = body.index(text)
    covering = [p for p in reading.places if p.span.start <= start < p.span.end]
    assert covering, text
    place = covering[0]
    assert place.feature == "adm1" and oblast in place.name and place.country == "UA"
    assert place.lat is not None and km(place.lat, place.lon, *centre) < 120


def test_reference_other_places(reading):
    kherson = places_named(reading, "Kherson")
    assert kherson and all(km(p.lat, p.lon, 46.64, 32.61) < 80 for p in kherson)
    crimea = places_named(reading, "Crimea")
    assert crimea and crimea[0].feature == "region" and km(crimea[0].lat, crimea[0].lon, 45.3, 34.4) < 150
    for name, code in (("Ukraine", "UA"), ("Russia", "RU")):
        found = [p for p in reading.places if p.text == name]
        assert found and all(p.feature == "country" and p.country == code for p in found), name
    for absent in ("Finland", "Sweden"):
        assert not places_named(reading, absent)


# --- events and control claims ----------------------------------------------------------------


def events_of(reading, *types: str) -> list[Event]:
    return [e for e in reading.events if e.type in types]


def test_reference_event_lysychansk_taken(reading):
    taken = [e for e in events_of(reading, "ASSAULT", "COERCE")
             if e.place and e.place.name.startswith("Lysychansk")]
    assert taken
    event = taken[0]
    assert "RUS" in countries(event.actor)
    assert "Financial Times" in source_names(event)
    assert date_upper_bound(event) is not None and date_upper_bound(event) <= PUBLISHED
    claims = [c for c in reading.control_claims if c.place.name.startswith("Lysychansk")]
    assert claims and claims[0].controller == "RUS" and claims[0].status in ("captured", "holds")


def test_reference_control_of_luhansk_oblast(reading):
    claims = [c for c in reading.control_claims
              if c.place.feature == "adm1" and "Luhansk" in c.place.name and c.controller == "RUS"]
    assert claims
    assert any("Financial Times" in source_names(c) for c in claims)


def test_reference_event_putin_meets_generals(reading):
    consult = events_of(reading, "CONSULT")
    assert consult
    event = consult[0]
    assert ("RUS", "GOV") in {(a.country, a.sector) for a in event.actor}
    assert ("RUS", "MIL") in {(a.country, a.sector) for a in event.actor + event.recipient}
    assert event.date is not None and event.date.value == "2022-07-04"


def test_reference_event_generals_ordered_to_donetsk(reading):
    mobilize = [e for e in events_of(reading, "MOBILIZE") if "RUS" in countries(e.actor)]
    assert mobilize
    aimed = {p.name.split()[0] for e in mobilize for p in (e.place, *e.targets) if p}
    assert {"Donetsk", "Bakhmut", "Kramatorsk"} <= aimed
    assert any(e.certainty == "reported" for e in mobilize)
    assert any("Financial Times" in source_names(e) for e in mobilize)


def test_reference_event_recognition_in_february(reading):
    support = [e for e in events_of(reading, "SUPPORT") if "RUS" in countries(e.actor)]
    assert support
    assert support[0].date is not None and support[0].date.value == "2022-02"
    assert support[0].date.granularity == "month"


def test_reference_event_invasion(reading):
    invasion = [e for e in events_of(reading, "ASSAULT")
                if "RUS" in countries(e.actor) and "UKR" in countries(e.recipient)
                and "invaded" in e.evidence.text]
    assert invasion
    assert invasion[0].date is not None and invasion[0].date.value == "2022-02"
    claimed = [a for a in reading.attributions
               if a.claim.sentence == invasion[0].evidence.sentence and a.certainty == "claimed"]
    claimed_events = [e for e in reading.events
                      if e.evidence.sentence == invasion[0].evidence.sentence and e.certainty == "claimed"]
    assert claimed or claimed_events


def test_reference_event_failed_to_take_kyiv(reading):
    failed = [e for e in reading.events if e.place and e.place.name.startswith("Kyiv")]
    assert failed
    assert any((e.mode or "").lower() in ("failed", "fail", "attempt") or e.certainty == "denied"
               for e in failed)


def test_reference_ukraine_retakes_kherson_area(reading):
    claims = [c for c in reading.control_claims if c.controller == "UKR" and c.status == "retaken"]
    assert claims and any("Kherson" in c.place.name for c in claims)
    assert any("Times" in source_names(c) for c in claims)


def test_reference_event_retreat_in_luhansk(reading):
    retreat = [e for e in events_of(reading, "RETREAT") if "UKR" in countries(e.actor)]
    assert retreat
    assert retreat[0].place and "Luhansk" in retreat[0].place.name
    assert retreat[0].place.feature == "adm1"
    assert retreat[0].certainty == "reported"


def test_reference_not_events(reading):
    names = {a.name for a in reading.actors} | {p.name for p in reading.places}
    for noise in ("FDIC", "NCUA", "Bankrate", "Finland", "Sweden", "NATO"):
        assert not any(noise in n for n in names), noise
    for event in reading.events:
        assert "He Wants Them" not in event.evidence.text
        assert "NATO" not in event.evidence.text
