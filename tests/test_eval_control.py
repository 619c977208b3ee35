"""Control-claim floors on 120 ukraine-media articles naming a city that changed hands (same code as `make eval-control`)."""

from __future__ import annotations

import pytest

from evaluation.common import GoldDataMissing, floors, shared_data

pytestmark = pytest.mark.eval

LIMIT = 120


@pytest.fixture(scope="module")
def scores():
    try:
        shared_data("gold", "control-wikipedia")
        shared_data("corpora", "ukraine-media", "articles.jsonl")
    except GoldDataMissing as missing:
        pytest.skip(f"gold data missing: {missing}")
    from evaluation.control import evaluate

    return evaluate(limit=LIMIT)


def test_eval_control_checks_enough_claims_to_judge(scores):
    assert scores["checked"] >= 10 and scores["changes"] >= 50


@pytest.mark.parametrize("metric", sorted(floors("control")))
def test_eval_control_floor(scores, metric):
    assert scores[metric] >= floors("control")[metric], f"{metric}={scores[metric]:.3f} fell below its floor"
