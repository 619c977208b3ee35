"""The reference article's events, control claims and non-events, through the whole pipeline.

/work/shared/examples/README.md lists what a correct reading contains; this pins it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsevents.reading import read_article
from newsevents.records import Article

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "benzinga-2022-07-lysychansk.txt"
URL = (
    "https://www.benzinga.com/news/22/07/27947552/putins-generals-now-occupy-an-entire-ukrainian-"
    "province-but-the-russian-presidents-wants-them-to-do"
)


@pytest.fixture(scope="module")
def reading():
    headline, rest = EXAMPLE.read_text(encoding="utf-8").split("\n", 1)
    body = rest.split("Read Next:")[0].strip()
    article = Article(id="x", headline=headline, body=body, published=dt.date(2022, 7, 5), url=URL)
    return read_article(article)


def _countries(actors):
    return {a.country for a in actors}


def _source(event_or_claim):
    attribution = event_or_claim.attribution
    if attribution is None:
        return ""
    return " ".join(attribution.chain) + " " + (attribution.source.name if attribution.source else "")


def _find(reading, kind, **where):
    found = [e for e in reading.events if e.type == kind]
    for key, test in where.items():
        found = [e for e in found if test(getattr(e, key))]
    return found


def test_capture_of_lysychansk(reading):
    found = _find(reading, "COERCE", place=lambda p: p is not None and p.name == "Lysychansk")
    assert found, reading.events
    event = found[0]
    assert event.mode == "seize"
    assert _countries(event.actor) == {"RUS"} and _countries(event.recipient) == {"UKR"}
    assert event.certainty == "reported" and "Financial Times" in _source(event)


def test_control_claims(reading):
    claims = {(c.place.name, c.place.feature, c.controller, c.status) for c in reading.control_claims}
    assert ("Lysychansk", "city", "RUS", "captured") in claims
    assert ("Luhansk", "adm1", "RUS", "holds") in claims
    assert any(p == "Kherson" and c == "UKR" and s == "retaken" for p, _, c, s in claims)
    kherson = next(c for c in reading.control_claims if c.place.name == "Kherson")
    assert "Times" in _source(kherson)
    assert all(c.as_of is not None for c in reading.control_claims)


def test_putin_meets_generals(reading):
    (event,) = _find(reading, "CONSULT")
    assert {(a.country, a.sector) for a in event.actor} == {("RUS", "GOV")}
    assert {(a.country, a.sector) for a in event.recipient} == {("RUS", "MIL")}
    assert event.date is not None and event.date.value == "2022-07-04"


def test_generals_ordered_towards_donetsk(reading):
    found = _find(reading, "MOBILIZE", certainty=lambda c: c == "reported")
    event = next(e for e in found if e.place is not None and e.place.name == "Donetsk")
    assert event.mode == "troops" and _countries(event.actor) == {"RUS"}
    assert event.place.feature == "adm1"
    assert {"Bakhmut", "Kramatorsk"} <= {t.name for t in event.targets}
    assert "Financial Times" in _source(event)


def test_recognition_of_breakaway_regions(reading):
    (event,) = _find(reading, "SUPPORT")
    assert _countries(event.actor) == {"RUS"} and event.certainty == "asserted"
    assert event.date is not None and event.date.value == "2022-02"


def test_invasion_and_its_claimed_pretext(reading):
    (event,) = _find(reading, "ASSAULT")
    assert _countries(event.actor) == {"RUS"} and _countries(event.recipient) == {"UKR"}
    assert event.certainty == "asserted" and event.date.value == "2022-02"
    claimed = [e for e in reading.events if e.evidence.sentence == event.evidence.sentence and e is not event]
    assert claimed and all(e.certainty == "claimed" for e in claimed)


def test_failed_to_take_kyiv(reading):
    (event,) = _find(reading, "COERCE", place=lambda p: p is not None and p.name == "Kyiv")
    assert event.certainty == "denied" and _countries(event.actor) == {"RUS"}


def test_ukraine_retakes_territory_around_kherson(reading):
    (event,) = _find(reading, "COERCE", place=lambda p: p is not None and p.name == "Kherson")
    assert _countries(event.actor) == {"UKR"} and "Times" in _source(event)


def test_retreat_in_luhansk(reading):
    (event,) = _find(reading, "RETREAT")
    assert event.mode == "withdraw" and _countries(event.actor) == {"UKR"}
    assert event.place is not None and event.place.name == "Luhansk" and event.certainty == "reported"


def test_nothing_else(reading):
    """No event from the quotes' hopes and orders, none from the page furniture, ids unique."""
    body = reading.article.body
    assert all(body[e.evidence.start:e.evidence.end] == e.evidence.text for e in reading.events)
    quoted = {4, 5}
    assert {e.type for e in reading.events if e.evidence.sentence in quoted} <= {"CONSULT"}
    assert len({e.id for e in reading.events}) == len(reading.events)
    assert len(reading.events) <= 11
    names = {a.name for e in reading.events for a in e.actor + e.recipient}
    assert not names & {"FDIC", "NCUA", "Bankrate", "NATO", "Finland", "Sweden"}
