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
