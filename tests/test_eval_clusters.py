"""Cross-article merging floors on the 6 largest news-cluster stories (same code as `make eval-clusters`)."""

from __future__ import annotations

import pytest

from evaluation.common import floors

pytestmark = pytest.mark.eval

LIMIT = 6  # stories: 80 articles, a dozen merged report pairs


@pytest.fixture(scope="module")
def scores(evaluated):
    from evaluation.clusters import evaluate

    return evaluated(evaluate, limit=LIMIT)


def test_eval_clusters_merges_enough_pairs_to_judge(scores):
    assert scores["articles"] >= 70 and scores["merged_pairs"] >= 5


@pytest.mark.parametrize("metric", sorted(floors("clusters")))
def test_eval_clusters_floor(scores, metric):
    assert scores[metric] >= floors("clusters")[metric], f"{metric}={scores[metric]:.3f} fell below its floor"
