"""The events evaluation on a small subset must stay above its floors (evaluation/floors/events.json)."""

from __future__ import annotations

import pytest

from evaluation.common import floors

pytestmark = pytest.mark.eval

LIMIT = 40


@pytest.fixture(scope="module")
def scores(evaluated):
    from evaluation import events

    return evaluated(events.evaluate, limit=LIMIT)


@pytest.mark.parametrize("name", sorted(floors("events")))
def test_eval_events_floor(scores, name):
    floor = floors("events")[name]
    if name.startswith("false_"):  # a ceiling: fewer false events is better
        assert scores[name] <= floor, f"{name} = {scores[name]:.3f} above its ceiling {floor}"
    else:
        assert scores[name] >= floor, f"{name} = {scores[name]:.3f} below its floor {floor}"


def test_police_labels_need_an_act_that_happened_and_the_police_as_doer_of_force():
    from evaluation.events import _police_labels
    from newsevents.records import Actor, Event, Span

    def event(kind, mode, trigger, sector, certainty="asserted"):
        actor = (Actor(text="x", name="x", country=None, sector=sector, span=None),) if sector else ()
        span = Span(0, len(trigger), trigger, 0)
        return Event(id="e", type=kind, evidence=span, mode=mode, context=(), actor=actor, recipient=(),
                     place=None, date=None, certainty=certainty, attribution=None, confidence=0.8,
                     trigger=span)

    assert _police_labels([event("ASSAULT", None, "killed", "COP")]) == {"KILL", "FORCE"}
    assert _police_labels([event("ASSAULT", None, "killed", "CVL")]) == set()  # a mob's killing
    assert _police_labels([event("COERCE", "arrest", "arrested", None)]) == {"ARREST"}
    assert _police_labels([event("COERCE", "arrest", "arrested", None, "hypothetical")]) == set()
    assert _police_labels([event("COERCE", "restrict", "prevent", "COP", "denied")]) == {"FAIL"}
