"""The normalising arithmetic and the grammar, without the spaCy model."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.extract.times_grammar import find_candidates, select
from newsevents.extract.times_normalise import (
    duration_value,
    iso_week,
    nearest_date,
    quarter_ending,
    resolve_month,
    resolve_weekday,
)

TUESDAY = dt.date(2022, 7, 5)


@pytest.mark.parametrize(
    ("weekday", "tense", "rel", "expected"),
    [
        (0, "past", "", dt.date(2022, 7, 4)),  # Monday, past: the day before
        (2, "past", "", dt.date(2022, 6, 29)),  # Wednesday, past: last week's (dateparser's mistake is the other way)
        (2, "future", "", dt.date(2022, 7, 6)),
        (1, "past", "", TUESDAY),  # the publication weekday is the publication day
        (1, "future", "", TUESDAY),
        (1, "past", "last", dt.date(2022, 6, 28)),
        (1, None, "next", dt.date(2022, 7, 12)),
        (4, None, "", dt.date(2022, 7, 8)),  # no tense: the nearest (3 days ahead, 4 back)
        (6, None, "", dt.date(2022, 7, 3)),
    ],
)
def test_times_resolve_weekday(weekday, tense, rel, expected):
    assert resolve_weekday(TUESDAY, weekday, tense, rel) == expected


@pytest.mark.parametrize(
    ("month", "tense", "rel", "expected"),
    [
        (2, "past", "", 2022),
        (7, "past", "", 2022),
        (11, "past", "", 2021),
        (8, "past", "", 2022),  # "was due in August", written in July: still ahead
        (9, "past", "", 2021),  # "changed its fiscal year in September": two months ahead is last year's
        (11, "future", "", 2022),
        (3, "future", "", 2023),
        (7, None, "last", 2021),
        (12, None, "", 2022),
        (1, None, "", 2022),
    ],
)
def test_times_resolve_month(month, tense, rel, expected):
    assert resolve_month(TUESDAY, month, tense, rel) == expected


@pytest.mark.parametrize(
    ("month", "day", "tense", "expected"),
    [
        (7, 25, "past", dt.date(2022, 7, 25)),  # "was set for July 25": still ahead
        (9, 15, "past", dt.date(2022, 9, 15)),  # up to three months ahead
        (10, 23, "past", dt.date(2021, 10, 23)),  # "happened on Oct. 23": not 110 days ahead
        (12, 20, "past", dt.date(2021, 12, 20)),
        (12, 20, None, dt.date(2022, 12, 20)),  # 168 days ahead beats 198 back
        (1, 3, "future", dt.date(2023, 1, 3)),
    ],
)
def test_times_nearest_date(month, day, tense, expected):
    assert nearest_date(TUESDAY, month, day, tense) == expected


@pytest.mark.parametrize(
    ("num", "unit", "expected"),
    [(2, "days", "P2D"), (3, "hours", "PT3H"), (None, "years", "PXY"), (2, "decades", "P20Y"), (3, "quarters", "P9M"),
     (1.5, "minute", "PT1M30S"), (1.5, "hours", "PT1H30M"), (1.5, "years", "P1Y6M"),
     # an unknown count of decades or centuries: TimeBank's one-letter units
     (None, "centuries", "PXC"), (None, "decades", "PXE")],
)
def test_times_duration_value(num, unit, expected):
    assert duration_value(num, unit) == expected


def test_times_iso_week():
    assert iso_week(TUESDAY) == "2022-W27"
    assert iso_week(dt.date(2021, 1, 1)) == "2020-W53"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Friday, Oct. 23, 1998 at noon", ["Friday, Oct. 23, 1998", "noon"]),
        ("for the past five years", ["the past five years"]),
        ("in mid-1996", ["mid-1996"]),
        ("more than four decades ago", ["more than four decades ago"]),
        ("Nothing here, May or not.", []),  # a bare month needs the parse to be accepted; never matched lowercase
    ],
)
def test_times_grammar_longest_match(text, expected):
    chosen = select(find_candidates(text))
    got = [text[c.start : c.end] for c in chosen]
    if expected:
        assert got == expected
    else:
        assert all(g == "May" for g in got)


@pytest.mark.parametrize(
    ("end_month", "anchor", "expected"),
    [
        (9, dt.date(1989, 10, 26), "1989-Q3"),  # July-September
        (7, dt.date(1989, 10, 30), "1989-Q2"),  # May-July: mostly the second quarter
        (1, dt.date(2022, 3, 1), "2021-Q4"),  # November-January: mostly last year's fourth
        (12, dt.date(2022, 10, 1), "2021-Q4"),  # the last December before October 2022
    ],
)
def test_times_quarter_ending(end_month, anchor, expected):
    assert quarter_ending(end_month, anchor) == expected
