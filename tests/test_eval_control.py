"""Control-claim floors on 120 ukraine-media articles naming a city that changed hands (same code as `make eval-control`)."""

from __future__ import annotations

import pytest

from evaluation.common import floors

pytestmark = pytest.mark.eval

LIMIT = 120


@pytest.fixture(scope="module")
def scores(evaluated):
    from evaluation.control import evaluate

    return evaluated(evaluate, limit=LIMIT)


def test_eval_control_checks_enough_claims_to_judge(scores):
    assert scores["checked"] >= 10 and scores["changes"] >= 50


@pytest.mark.parametrize("metric", sorted(floors("control")))
def test_eval_control_floor(scores, metric):
    assert scores[metric] >= floors("control")[metric], f"{metric}={scores[metric]:.3f} fell below its floor"
