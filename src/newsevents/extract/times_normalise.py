"""Normalising one matched time expression TimeML-style against an anchor date.

`normalise(candidate, text, anchor, tense, reference)` gives a `Value` (value, granularity, kind,
basis) or None when the match is not a time after all. The anchor is the publication date;
``reference`` is the last day-level date mentioned before (for "that day", "the next day").

Choices, each measured on TimeBank/AQUAINT where the gold allows:
- A weekday resolves backwards in a past-tense clause and forwards in a future-tense one. The
  publication day's own weekday means the publication day itself, in either tense (TimeBank: a
  Friday story's "said Friday" is that Friday). "last Monday" is always the previous one, never the
  publication day, and "next Monday" always a later one. Present tense or no verb: the nearest.
- A month without a year: the nearest past (or current) one in a past-tense clause, the nearest
  future (or current) one in a future-tense clause, else the nearest one. A past-tense clause
  still takes the next month in the same year ("the vote was set for April", written in March),
  but not one two ahead ("changed to a calendar year in December", written in October: last
  December; on the TimeBank/AQUAINT odd half one more right, the even half unchanged).
- A month and day without a year: the nearest such date, except that a past-tense clause does not
  reach more than three months ahead (nor a future-tense one three months back): a past-tense
  "declared a dividend payable Dec. 1" written on Oct. 27 still means the coming Dec. 1, "Oct. 23"
  in a past-tense clause written in May means last October (on TimeBank: 5 right of 6, against 4
  for the plain nearest date and 2 for "always the past one").
- No anchor: only expressions that carry their own year get a value; the rest get None with
  basis "none" (never today's date).

``date_range(value)`` gives the first and last day a value covers: the store filters on them, and
an event's date is weighed against the publication day with them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from newsevents.extract.times_grammar import Candidate, lexicon


@dataclass(frozen=True, slots=True)
class Value:
    value: Optional[str]
    granularity: str
    kind: str = "point"
    basis: str = "explicit"


def _month_number(word: str) -> int:
    lex = lexicon()
    word = word.rstrip(".")
    if word in lex["months"]:
        return lex["months"][word]
    return lex["month_abbreviations"][word]


def _number(word: str) -> Optional[float]:
    """A number written in digits or words; None for vague amounts ("a few", "several")."""
    word = word.lower().strip()
    if re.fullmatch(r"\d+(\.\d+)?", word):
        return float(word)
    if m := re.fullmatch(r"(\d+)\s+1/2", word):
        return int(m.group(1)) + 0.5
    numbers = lexicon()["numbers"]
    if word not in numbers and ("-" in word or " " in word):  # "twenty-four", "twenty four"
        tens, _, ones = word.replace(" ", "-").partition("-")
        if tens in numbers and ones in numbers:
            return numbers[tens] + numbers[ones]
    return numbers.get(word)


def _fmt_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def shift_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_ending(end_month: int, anchor: dt.date) -> str:
    """ "the quarter ended July 31": three months ending then, named by the calendar quarter that
    holds most of them (May-July is mostly the second quarter), the last such before the anchor."""
    year = anchor.year if end_month <= anchor.month else anchor.year - 1
    middle = end_month - 1 or 12
    year -= middle == 12  # a quarter ended January 31 is mostly the previous year's fourth
    return f"{year}-Q{(middle - 1) // 3 + 1}"


def resolve_weekday(anchor: dt.date, weekday: int, tense: Optional[str], rel: str = "") -> dt.date:
    """The date of a weekday named in a clause of this tense (see the module docstring)."""
    back = (anchor.weekday() - weekday) % 7
    forward = (weekday - anchor.weekday()) % 7
    if rel in ("last", "this past"):
        return anchor - dt.timedelta(days=back or 7)
    if rel in ("next", "this coming", "coming"):
        return anchor + dt.timedelta(days=forward or 7)
    if tense == "past":
        return anchor - dt.timedelta(days=back)
    if tense == "future":
        return anchor + dt.timedelta(days=forward)
    return anchor - dt.timedelta(days=back) if back <= forward else anchor + dt.timedelta(days=forward)


def resolve_month(anchor: dt.date, month: int, tense: Optional[str], rel: str = "") -> int:
    """The year of a month named without one."""
    year = anchor.year
    if rel == "last":
        return year if month < anchor.month else year - 1
    if tense == "past" and rel != "next":
        # the next month stays this year: "was due in April" written in March
        return year if month <= anchor.month + 1 else year - 1
    if rel == "next" or tense == "future":
        return year if month >= anchor.month and rel != "next" or month > anchor.month else year + 1
    if rel == "this":
        return year
    distance = month - anchor.month
    if distance > 6:
        return year - 1
    if distance < -6:
        return year + 1
    return year


def nearest_date(anchor: dt.date, month: int, day: int, tense: Optional[str] = None) -> Optional[dt.date]:
    """The date with this month and day nearest to the anchor (a year either side considered),
    except that a past-tense clause does not take one more than three months ahead, nor a
    future-tense clause one more than three months back."""
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if tense == "past":
        options = [d for d in options if (d - anchor).days <= 90] or options
    elif tense == "future":
        options = [d for d in options if (anchor - d).days <= 90] or options
    return min(options, key=lambda d: abs((d - anchor).days)) if options else None


def season_year(anchor: dt.date, season: str, tense: Optional[str], rel: str) -> int:
    """The year of a season named without one: like months, with the season's middle month."""
    month = lexicon()["season_months"][season]
    current = {12: "WI", 1: "WI", 2: "WI"}.get(anchor.month) or ("SP", "SU", "FA")[(anchor.month - 3) // 3]
    if rel in ("last", "this past"):
        return anchor.year - 1 if current == season or month > anchor.month else anchor.year
    if rel == "next":
        return anchor.year + 1 if current == season or month < anchor.month else anchor.year
    if current == season or rel == "this":
        return anchor.year
    return resolve_month(anchor, month, tense)


def unit_value(day: dt.date, unit: str) -> tuple[str, str]:
    """A date written at a unit's granularity: (value, granularity)."""
    unit = unit.lower().rstrip("s") if unit.lower() != "centuries" else "century"
    if unit in ("day", "night", "hour", "minute", "second"):
        return day.isoformat(), "day"
    if unit in ("week", "fortnight"):
        return iso_week(day), "week"
    if unit == "weekend":
        return iso_week(day) + "-WE", "week"
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}", "month"
    if unit == "quarter":
        return f"{day.year:04d}-Q{quarter_of(day)}", "quarter"
    if unit == "half":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}", "half"
    if unit == "decade":
        return f"{day.year // 10:03d}", "decade"
    if unit == "century":
        return f"{day.year // 100:02d}", "century"
    return f"{day.year:04d}", "year"


def shift(day: dt.date, unit: str, amount: float) -> dt.date:
    """The anchor moved by an amount of a unit (months and years keep the day where they can)."""
    unit = unit.lower()
    unit = "century" if unit == "centuries" else unit.rstrip("s")
    if unit in ("hour", "minute", "second"):
        return day
    if unit in ("day", "night"):
        return day + dt.timedelta(days=round(amount))
    if unit in ("week", "weekend"):
        return day + dt.timedelta(weeks=round(amount))
    if unit == "fortnight":
        return day + dt.timedelta(weeks=2 * round(amount))
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}[unit]
    year, month = shift_months(day, round(amount * months))
    return dt.date(year, month, min(day.day, 28))


CALENDAR_LETTERS = {"DE": "E", "CE": "C"}  # TimeBank's decade and century in a duration's value
SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60)}


def duration_value(num: Optional[float], unit: str) -> str:
    """ISO 8601 duration: P2D, PT3H, PXY (an unknown number of years)."""
    unit = unit.lower()
    unit = "century" if unit == "centuries" else unit.rstrip("s")
    if unit == "weekend":
        return "P2D" if num == 1 else ("PXWE" if num is None else f"P{_fmt_num(num)}WE")
    letter, _, is_time = lexicon()["units"][unit]
    prefix = "PT" if is_time else "P"
    if num is None:
        # an unknown number of decades or centuries has no years to count in: TimeBank writes
        # the unit's one letter, PXE ("decades"), PXC ("for centuries")
        return f"{prefix}X{CALENDAR_LETTERS.get(letter, letter)}"
    if not float(num).is_integer() and letter in SMALLER:
        # PT1M30S: a clock minute splits into seconds, a calendar month (P1M) into days
        whole, smaller, factor = int(num), *(("S", 60) if is_time and letter == "M" else SMALLER[letter])
        rest = f"{round((num - whole) * factor)}{smaller}"
        return f"{prefix}{whole}{letter}{rest}" if letter != "D" else f"P{whole}DT{rest}"
    if letter in ("DE", "CE"):
        return f"P{_fmt_num(num * (10 if letter == 'DE' else 100))}Y"
    if letter == "Q":
        return f"P{_fmt_num(num * 3)}M"
    if letter == "2W":
        return f"P{_fmt_num(num * 2)}W"
    return f"{prefix}{_fmt_num(num)}{letter}"


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")  # a time of day ("T06:00", "TEV") keeps the day
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_PART = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
# First and last month of a TimeML quarter, half or season; winter spans the turn of the year.
_PART_MONTHS = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12),
                "SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (0, 2)}


def date_range(value: str | None, end: str | None = None) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day a TimeML value covers: '2022-02' -> (2022-02-01, 2022-02-28),
    '2022-W26' -> its Monday and Sunday, '2022-Q3', '2022-SU', '201' (the 2010s) alike."""
    first = _bounds(value)[0] if value else None
    last = _bounds(end)[1] if end else (_bounds(value)[1] if value else None)
    return first, last


def _month_span(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year - 1, 12, 1) if first == 0 else dt.date(year, first, 1)
    return start, dt.date(year, last, calendar.monthrange(year, last)[1])


def _bounds(value: str) -> tuple[dt.date | None, dt.date | None]:
    value = value or ""
    try:
        if match := _DAY.match(value):
            day = dt.date(*map(int, match.groups()[:3]))
            return day, day
        if match := _MONTH.match(value):
            year, month = map(int, match.groups())
            return _month_span(year, month, month)
        if match := _WEEK.match(value):
            year, week = int(match[1]), int(match[2])
            if match[3]:  # the weekend
                return dt.date.fromisocalendar(year, week, 6), dt.date.fromisocalendar(year, week, 7)
            return dt.date.fromisocalendar(year, week, 1), dt.date.fromisocalendar(year, week, 7)
        if match := _PART.match(value):
            return _month_span(int(match[1]), *_PART_MONTHS[match[2]])
        if match := _YEAR.match(value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        if match := _DECADE.match(value):
            return dt.date(int(value) * 10, 1, 1), dt.date(int(value) * 10 + 9, 12, 31)
    except ValueError:  # a month 13, a week 54: no dates rather than wrong ones
        pass
    return None, None
