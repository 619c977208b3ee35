"""Attribution floors on 30 PolNeAR dev articles (same code as `make eval-sources`)."""

from __future__ import annotations

import pytest

from evaluation.common import floors

pytestmark = pytest.mark.eval

LIMIT = 30


@pytest.fixture(scope="module")
def scores(evaluated):
    from evaluation.sources import evaluate

    return evaluated(evaluate, limit=LIMIT)


@pytest.mark.parametrize("metric", sorted(floors("sources")))
def test_eval_sources_floor(scores, metric):
    assert scores[metric] >= floors("sources")[metric], f"{metric}={scores[metric]:.3f} fell below its floor"
