"""Times evaluation floors on a 40-document subset of TimeBank + AQUAINT (same code as `make eval-times`)."""

from __future__ import annotations

import pytest

from evaluation.common import floors

pytestmark = pytest.mark.eval

LIMIT = 40


@pytest.fixture(scope="module")
def scores(evaluated):
    from evaluation.times import evaluate

    return evaluated(evaluate, limit=LIMIT)


@pytest.mark.parametrize("metric", sorted(floors("times")))
def test_eval_times_floor(scores, metric):
    assert scores[metric] >= floors("times")[metric], f"{metric}={scores[metric]:.3f} fell below its floor"
