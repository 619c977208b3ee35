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
