"""The kinds the times evaluation breaks its errors down by (`python -m evaluation.times --by-kind`)."""

from __future__ import annotations

import pytest

from evaluation.times import expression_kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("last week", "week/weekend"),
        ("the weekend", "week/weekend"),
        ("Friday night", "weekday"),
        ("the year-earlier period", "quarter/half/period"),
        ("a year ago", "ago/earlier/later"),
        ("now", "now/current"),
        ("recently", "vague reference"),
        ("three days", "duration"),
        ("the 1980s", "decade/century"),
        ("annually", "set"),
        ("Oct. 23", "month/date"),
        ("1988", "explicit date/year"),
        ("10 p.m.", "clock/part of day"),
        ("yesterday", "today/yesterday"),
        ("a while", "other"),
    ],
)
def test_times_expression_kind(text, kind):
    assert expression_kind(text) == kind


def test_times_halves_split_the_documents():
    """`--half odd|even`: the two halves share no document and together are the whole set."""
    from evaluation.common import GoldDataMissing
    from evaluation.times import load_gold

    try:
        whole = [d.id for d in load_gold(limit=10)]
    except GoldDataMissing as missing:
        pytest.skip(f"gold data missing: {missing}")
    odd, even = [d.id for d in load_gold(10, "odd")], [d.id for d in load_gold(10, "even")]
    assert odd == whole[::2] and even == whole[1::2]


def test_times_corpus_line_scores_one_corpus():
    """`--by-corpus`: one corpus's line, from its counts as `score` keeps them."""
    from collections import Counter

    from evaluation.times import corpus_line

    counts = Counter(system=10, gold=10, strict=8, relaxed=9, value=6)
    assert corpus_line("AQUAINT", counts) == (
        "AQUAINT   gold=10 system=10 strict F1=0.800 relaxed F1=0.900 value F1=0.600 accuracy=0.667")


def test_times_gold_documents_know_their_corpus():
    from evaluation.common import GoldDataMissing
    from evaluation.times import load_gold

    try:
        docs = load_gold(limit=10)
    except GoldDataMissing as missing:
        pytest.skip(f"gold data missing: {missing}")
    corpora = {d.id: d.corpus for d in docs}
    assert set(corpora.values()) == {"AQUAINT", "TimeBank"}
    assert all(corpus == "TimeBank" for doc_id, corpus in corpora.items() if doc_id.startswith("wsj_"))
