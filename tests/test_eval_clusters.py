"""Cross-article merging floors on the 6 largest news-cluster stories (same code as `make eval-clusters`)."""

from __future__ import annotations

import pytest

from evaluation.common import GoldDataMissing, floors, shared_data

pytestmark = pytest.mark.eval

LIMIT = 6  # stories: 80 articles, a dozen merged report pairs


@pytest.fixture(scope="module")
def scores():
    try:
        shared_data("corpora", "news-cluster")
    except GoldDataMissing as missing:
        pytest.skip(f"gold data missing: {missing}")
    from evaluation.clusters import evaluate

    return evaluate(limit=LIMIT)


def test_eval_clusters_merges_enough_pairs_to_judge(scores):
    assert scores["articles"] >= 70 and scores["merged_pairs"] >= 5


@pytest.mark.parametrize("metric", sorted(floors("clusters")))
def test_eval_clusters_floor(scores, metric):
    assert scores[metric] >= floors("clusters")[metric], f"{metric}={scores[metric]:.3f} fell below its floor"
