"""Article extraction floors on the first 40 benchmark pages (the same code path as make eval-articles)."""

from __future__ import annotations

import pytest

from evaluation.common import floors

SUBSET = 40


@pytest.mark.eval
def test_eval_articles_floors(evaluated):
    from evaluation import articles

    scores = evaluated(articles.evaluate, limit=SUBSET)
    for name, floor in floors("articles").items():
        assert scores[name] >= floor, f"{name} {scores[name]:.3f} fell below its floor {floor}"


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("one two three four five", "one two three four five", (1.0, 0.0, 0.0)),
        ("one two three four five", "", (0.0, 0.0, 1.0)),
        ("one two three four", "one two three four five", (0.5, 0.5, 0.0)),
    ],
)
def test_eval_articles_shingle_match(gold, predicted, expected):
    from evaluation.articles import match

    assert match(gold, predicted) == pytest.approx(expected)
