"""One normaliser per grammar rule: `normalise(candidate, anchor, tense, reference) -> Value | None`.

``anchor`` is the publication date (or None), ``tense`` the tense of the clause the expression sits
in ("past", "present", "future" or None), ``reference`` the last day-level date mentioned before
it (for "that day", "the next day"). Expressions that need an anchor and have none get
``Value(None, granularity, basis="none")``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable, Optional

from newsevents.extract.times_grammar import Candidate, lexicon
from newsevents.extract.times_normalise import (
    Value,
    _month_number,
    _number,
    duration_value,
    iso_week,
    nearest_date,
    quarter_ending,
    quarter_of,
    resolve_month,
    resolve_weekday,
    season_year,
    shift,
    unit_value,
)

Anchor = Optional[dt.date]
PUB = "publication_date"


def _rel(c: Candidate, name: str = "rel") -> str:
    return (c.get(name) or "").lower()


def _date(c: Candidate, anchor: Anchor, tense, reference) -> Optional[Value]:
    month = c.get("month")
    month_n = int(month) if month.isdigit() else _month_number(month)
    day = int("".join(ch for ch in c.get("day") if ch.isdigit()))
    if c.get("year"):
        try:
            return Value(dt.date(int(c.get("year")), month_n, day).isoformat(), "day")
        except ValueError:
            return None
    if anchor is None:
        return Value(None, "day", basis="none")
    date = nearest_date(anchor, month_n, day, tense)
    return Value(date.isoformat(), "day", basis=PUB) if date else None


def _month_year(c: Candidate, anchor, tense, reference) -> Value:
    return Value(f"{int(c.get('year')):04d}-{_month_number(c.get('month')):02d}", "month")


def _month_rel_year(c: Candidate, anchor, tense, reference) -> Value:
    if anchor is None:
        return Value(None, "month", basis="none")
    year = anchor.year + {"last": -1, "this": 0, "next": 1}[_rel(c)]
    return Value(f"{year:04d}-{_month_number(c.get('month')):02d}", "month", basis=PUB)


def _month(c: Candidate, anchor, tense, reference) -> Value:
    if anchor is None:
        return Value(None, "month", basis="none")
    month = _month_number(c.get("month"))
    rel = _rel(c)
    rel = rel if rel in ("last", "next", "this") else ("last" if rel == "this past" else "")
    year = resolve_month(anchor, month, tense, rel)
    return Value(f"{year:04d}-{month:02d}", "month", basis=PUB)


def _year(c: Candidate, anchor, tense, reference) -> Value:
    return Value(c.get("year"), "year")


def _decade(c: Candidate, anchor, tense, reference) -> Optional[Value]:
    decade = c.get("decade")
    if decade.startswith("'"):
        if anchor is None:
            return Value(None, "decade", basis="none")
        century = anchor.year // 100
        if int(decade[1]) * 10 > anchor.year % 100:
            century -= 1
        return Value(f"{century:02d}{decade[1]}", "decade", basis=PUB)
    return Value(decade[:3], "decade")


def _century(c: Candidate, anchor, tense, reference) -> Value:
    return Value(f"{int(c.get('ord')) - 1:02d}", "century")


def _weekday(c: Candidate, anchor, tense, reference) -> Value:
    part = c.get("part")
    if anchor is None:
        return Value(None, "day", basis="none")
    weekday = lexicon()["weekdays"][c.get("weekday")]
    rel = _rel(c)
    if rel in ("the previous", "the following", "the next"):
        # "down 4.5% from the previous Friday": the one before the day last mentioned
        base = reference or anchor
        date = resolve_weekday(base, weekday, None, "last" if rel == "the previous" else "next")
    else:
        date = resolve_weekday(anchor, weekday, tense, rel)
    return Value(date.isoformat() + (_part_suffix(part) if part else ""), "day", basis=PUB)


def _part_suffix(part: str) -> str:
    return "T" + lexicon()["parts_of_day"][part.lower()]


def _weekday_set(c: Candidate, anchor, tense, reference) -> Value:
    name = c.get("weekday") or c.get("weekdays") or c.get("plural")  # "Tuesday nights" too
    number = lexicon()["weekdays"][name] + 1
    suffix = _part_suffix(c.get("part").rstrip("s")) if c.get("part") else ""
    return Value(f"XXXX-WXX-{number}{suffix}", "day", kind="set")


def _clock(c: Candidate, anchor, tense, reference) -> Value:
    if c.get("named"):
        hour, minute = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[c.get("named").lower()]
    else:  # "10:35 a.m." or "4 in the morning"; "at 17:30" (clock24) is on a 24-hour clock
        hour, minute = int(c.get("hour") or c.get("hour2")), int(c.get("minute") or c.get("minute2") or 0)
        if c.get("ampm") or c.get("daypart"):
            pm = c.get("ampm").lower().startswith("p") if c.get("ampm") else c.get("daypart").lower() != "morning"
            hour = (hour % 12) + (12 if pm else 0)
    if anchor is None:
        return Value(None, "time", basis="none")
    return Value(f"{anchor.isoformat()}T{hour:02d}:{minute:02d}", "time", basis=PUB)


def _rel_day(c: Candidate, anchor, tense, reference) -> Value:
    word = c.get("word").lower()
    if anchor is None:
        return Value(None, "day", basis="none")
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
              "the day before yesterday": -2, "the day after tomorrow": 2}[word]
    day = (anchor + dt.timedelta(days=offset)).isoformat()
    part = c.get("prepart") or c.get("part")  # "mid-afternoon yesterday", "yesterday afternoon"
    return Value(day + (_part_suffix(part) if part else ""), "day", basis=PUB)


def _part_of_day(c: Candidate, anchor, tense, reference) -> Value:
    """ "in the morning", "by mid-afternoon": that part of the day last mentioned, else of the
    publication day."""
    day = reference or anchor
    if day is None:
        return Value(None, "day", basis="none")
    part = c.get("part") or c.get("midpart")
    return Value(day.isoformat() + _part_suffix(part), "day", basis=PUB)


def _ordinal_day(c: Candidate, anchor, tense, reference) -> Value:
    """ "It's the second day of the offensive": said of the present, the publication day (the
    filter keeps only such predicates)."""
    if anchor is None:
        return Value(None, "day", basis="none")
    return Value(anchor.isoformat(), "day", basis=PUB)


def _overnight(c: Candidate, anchor, tense, reference) -> Value:
    """ "overnight losses": the night before the day last mentioned, else before publication."""
    day = reference or anchor
    if day is None:
        return Value(None, "day", basis="none")
    return Value((day - dt.timedelta(days=1)).isoformat() + _part_suffix("night"), "day", basis=PUB)


def _this_part(c: Candidate, anchor, tense, reference) -> Value:
    if anchor is None:
        return Value(None, "day", basis="none")
    day = anchor - dt.timedelta(days=1) if _rel(c) == "last" else anchor
    return Value(day.isoformat() + _part_suffix(c.get("part")), "day", basis=PUB)


# "the latest fiscal year" is the last complete one, like "the latest quarter"
BACK = {"last", "the past", "the last", "the previous", "this past", "late last", "early last", "the latest"}
AHEAD = {"next", "the coming", "the next", "the following", "early next", "late next"}


def _rel_unit(c: Candidate, anchor, tense, reference) -> Optional[Value]:
    rel, unit = _rel(c), c.get("unit").lower()
    base = reference if rel in ("the following", "the same") and reference else anchor
    if base is None:
        return Value(None, unit_value(dt.date(2000, 1, 1), unit)[1], basis="none")
    amount = -1 if rel in BACK else 1 if rel in AHEAD else 0
    if rel in ("the past", "the last") and unit == "week":
        # "the past week" is the seven days up to now: the week holding most of them
        return Value(iso_week(base - dt.timedelta(days=3)), "week", basis=PUB)
    value, granularity = unit_value(shift(base, unit, amount), unit)
    return Value(value, granularity, basis=PUB)


def _anaphoric(c: Candidate, anchor, tense, reference) -> Value:
    unit, rel = c.get("unit").lower(), _rel(c)
    base = reference or anchor
    if base is None:
        return Value(None, "day", basis="none")
    part = unit if unit in lexicon()["parts_of_day"] else None
    step = {"the next": 1, "the following": 1, "the previous": -1, "the preceding": -1}.get(rel, 0)
    value, granularity = unit_value(shift(base, "day" if part else unit, step), "day" if part else unit)
    return Value(value + (_part_suffix(part) if part else ""), granularity, basis=PUB)


def _season(c: Candidate, anchor, tense, reference) -> Value:
    season = lexicon()["seasons"][c.get("season").lower()]
    if c.get("year"):
        return Value(f"{c.get('year')}-{season}", "season")
    if anchor is None:
        return Value(None, "season", basis="none")
    rel = _rel(c).replace("the ", "").replace("early", "").replace("late", "").replace("mid", "").strip()
    return Value(f"{season_year(anchor, season, tense, rel)}-{season}", "season", basis=PUB)


def _ago(c: Candidate, anchor, tense, reference) -> Value:
    num, unit, direction = _number(c.get("num")), c.get("unit"), c.get("dir").lower()
    if direction in ("before", "after"):
        return Value(duration_value(num, unit), "duration", kind="duration")
    if num is None:
        return Value("FUTURE_REF" if direction in ("later", "from now", "hence") else "PAST_REF", "reference", basis=PUB)
    if anchor is None:
        return Value(None, unit_value(dt.date(2000, 1, 1), unit)[1], basis="none")
    sign = 1 if direction in ("later", "from now", "hence") else -1
    value, granularity = unit_value(shift(anchor, unit, sign * num), "year" if unit.lower().startswith("decade") else unit)
    return Value(value, granularity, basis=PUB)


def _duration(c: Candidate, anchor, tense, reference) -> Value:
    num = _number(c.get("num"))
    if num is not None and c.get("half"):
        num += 0.5  # "an hour and a half"
    return Value(duration_value(num, c.get("unit")), "duration", kind="duration")


def _some_day(c: Candidate, anchor, tense, reference) -> Value:
    return Value("FUTURE_REF", "reference", basis=PUB)


def _one_unit(c: Candidate, anchor, tense, reference) -> Value:
    return Value(duration_value(1, c.get("unit")), "duration", kind="duration")


def _fiscal_period(c: Candidate, anchor, tense, reference) -> Value:
    return Value("P1Y", "duration", kind="duration")


def _the_year(c: Candidate, anchor, tense, reference) -> Value:
    if anchor is None:
        return Value(None, "year", basis="none")
    return Value(f"{anchor.year:04d}", "year", basis=PUB)


def _this_moment(c: Candidate, anchor, tense, reference) -> Optional[Value]:
    """ "at this crucial moment" is now; told in the past ("at this moment he turned") it is a
    moment of the story, no time of its own."""
    return None if tense == "past" else Value("PRESENT_REF", "reference", basis=PUB)


def _month_set(c: Candidate, anchor, tense, reference) -> Value:
    return Value(f"XXXX-{_month_number(c.get('month')):02d}", "month", kind="set")


def _bare_units(c: Candidate, anchor, tense, reference) -> Value:
    return Value(duration_value(None, c.get("unit")), "duration", kind="duration")


def _reference(c: Candidate, anchor, tense, reference) -> Value:
    value = lexicon()["references"][c.get("ref").lower()]
    if re.match(r"P[\dX]", value):  # "recent years", "the coming weeks": TimeML durations of unknown length
        return Value(value, "duration", kind="duration")
    return Value(value, "reference", basis=PUB)


def _set(c: Candidate, anchor, tense, reference) -> Value:
    if c.get("set"):
        return Value(lexicon()["sets"][c.get("set").lower()], "set", kind="set")
    unit = c.get("unit").lower()
    unit = "day" if unit in ("morning", "night", "evening") else unit
    return Value(duration_value(1, unit), "set", kind="set")


def _quarter(c: Candidate, anchor, tense, reference) -> Optional[Value]:
    number = lexicon()["ordinals"][c.get("ord").lower()]
    letter = "Q" if c.get("unit").lower() == "quarter" else "H"
    if letter == "Q" and number > 4 or letter == "H" and number > 2:
        return None
    pre = (c.get("pre") or "").lower()
    if c.get("year") or pre.isdigit():
        return Value(f"{c.get('year') or pre}-{letter}{number}", "quarter")
    if anchor is None:
        return Value(None, "quarter", basis="none")
    if c.get("relyear"):  # "next year's first quarter"
        return Value(f"{anchor.year + REL_YEAR[_rel(c, 'relyear')]}-{letter}{number}", "quarter", basis=PUB)
    year = anchor.year - (1 if pre in ("year-ago", "year-earlier") else 0)
    current = quarter_of(anchor) if letter == "Q" else (1 if anchor.month <= 6 else 2)
    if tense == "past" and number > current and not pre:
        year -= 1
    return Value(f"{year}-{letter}{number}", "quarter", basis=PUB)


REL_YEAR = {"last": -1, "this": 0, "next": 1}
REPORTING_DAYS = 45  # companies report a quarter within about six weeks of its end


def _the_quarter(c: Candidate, anchor, tense, reference) -> Value:
    """ "the quarter" is the one being reported: the last one in a past-tense clause and, early in
    a quarter (the reporting season), in any clause that is not future; "the quarter a year ago",
    "last year's quarter" and "the year-ago quarter" are that quarter a year before."""
    if anchor is None:
        return Value(None, "quarter", basis="none")
    if c.get("endmonth") and not (c.get("ago") or c.get("relyear") or c.get("year")):
        return Value(quarter_ending(_month_number(c.get("endmonth")), anchor), "quarter", basis=PUB)
    pre = (c.get("pre") or "").lower()
    into = (anchor - dt.date(anchor.year, 3 * quarter_of(anchor) - 2, 1)).days
    reporting = tense == "past" or (tense != "future" and into <= REPORTING_DAYS)
    year_ago = pre in ("year-ago", "year-earlier") or c.get("ago") or _rel(c, "relyear") == "last"
    back = pre in ("latest", "previous", "recent") or (reporting and pre not in ("current", "fiscal"))
    # a quarter named with its year is the reported one, in that year
    day = shift(anchor, "quarter", -1) if back or year_ago or c.get("year") or c.get("relyear") else anchor
    if year_ago:
        day = shift(day, "year", -1)
    year = int(c.get("year")) if c.get("year") else day.year
    return Value(f"{year}-Q{quarter_of(day)}", "quarter", basis=PUB)


def _holiday(c: Candidate, anchor, tense, reference) -> Optional[Value]:
    key = lexicon()["holidays"][c.get("holiday")]
    year = int(c.get("year")) if c.get("year") else None
    if year is None and anchor is None:
        return Value(None, "day", basis="none")
    if key == "THANKSGIVING":
        def day_in(y: int) -> dt.date:
            first = dt.date(y, 11, 1)
            return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    elif key == "ELECTION_DAY":  # the US one: the Tuesday after the first Monday of November
        def day_in(y: int) -> dt.date:
            first = dt.date(y, 11, 1)
            return first + dt.timedelta(days=(0 - first.weekday()) % 7 + 1)
    else:
        month, day = (int(x) for x in key.split("-"))
        def day_in(y: int) -> dt.date:
            return dt.date(y, month, day)
    if year is not None:
        return Value(day_in(year).isoformat(), "day")
    options = [day_in(y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    return Value(min(options, key=lambda d: abs((d - anchor).days)).isoformat(), "day", basis=PUB)


def _weekend(c: Candidate, anchor, tense, reference) -> Value:
    if anchor is None:
        return Value(None, "week", basis="none")
    saturday = resolve_weekday(anchor, 5, "future" if tense == "future" else "past")
    return Value(iso_week(saturday) + "-WE", "week", basis=PUB)


def _period_end(c: Candidate, anchor, tense, reference) -> Value:
    unit = (c.get("unit") or "year").lower()
    if anchor is None:
        return Value(None, unit, basis="none")
    amount = {"next": 1, "last": -1}.get(_rel(c), 0)
    value, granularity = unit_value(shift(anchor, unit, amount), unit)
    return Value(value, granularity, basis=PUB)


def _year_ago_adj(c: Candidate, anchor, tense, reference) -> Value:
    """ "the year-ago period": the year before (a quarter, in a quarterly report: see times.py)."""
    if anchor is None:
        return Value(None, "year", basis="none")
    return Value(f"{anchor.year - 1}", "year", basis=PUB)


TENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def _spoken_year(c: Candidate, anchor, tense, reference) -> Value:
    """ "nineteen ninety-six" (broadcast transcripts), "the year two thousand"."""
    if c.get("y2k"):
        year = "2000"
    else:
        ones = lexicon()["numbers"][c.get("ones").lower()] if c.get("ones") else 0
        year = f"19{TENS[c.get('tens').lower()] + ones:02d}"
    if c.get("month"):  # "January nineteen ninety-seven"
        return Value(f"{year}-{_month_number(c.get('month')):02d}", "month")
    if c.get("season"):  # "the winter of nineteen ninety-four"
        return Value(f"{year}-{lexicon()['seasons'][c.get('season').lower()]}", "season")
    return Value(year, "year")


def _spoken_decade(c: Candidate, anchor, tense, reference) -> Value:
    """ "the nineties": a decade of the twentieth century, as broadcast transcripts write it."""
    return Value(f"19{TENS[c.get('tens').lower()[:-3] + 'y'] // 10}", "decade")


def _half_of_year(c: Candidate, anchor, tense, reference) -> Value:
    half = 1 if c.get("which").lower() == "first" else 2
    return Value(f"{c.get('year')}-H{half}", "half")


NORMALISERS: dict[str, Callable[..., Optional[Value]]] = {
    "date_mdy": _date, "date_and_day": _date, "date_dmy": _date, "date_iso": _date, "date_slash": _date,
    "month_year": _month_year, "month_rel_year": _month_rel_year, "month": _month,
    "year": _year, "decade": _decade, "century": _century, "weekday": _weekday,
    "weekday_set": _weekday_set, "clock": _clock, "clock24": _clock, "rel_day": _rel_day, "this_part": _this_part, "overnight": _overnight, "ordinal_day": _ordinal_day,
    "part_of_day": _part_of_day, "rel_unit": _rel_unit, "anaphoric": _anaphoric,
    "rel_season": _season, "season_year": _season, "ago": _ago, "some_day": _some_day,
    "duration": _duration, "duration_adj": _duration, "bare_units": _bare_units,
    "unit_long": _one_unit, "one_more": _one_unit, "fiscal_period": _fiscal_period,
    "the_year": _the_year, "this_moment": _this_moment, "month_set": _month_set, "reference": _reference, "set": _set,
    "quarter": _quarter, "the_quarter": _the_quarter, "holiday": _holiday, "weekend": _weekend,
    "period_end": _period_end, "year_ago_adj": _year_ago_adj, "period_year_ago": _year_ago_adj,
    "year_period": _year, "spoken_year": _spoken_year, "spoken_decade": _spoken_decade,
    "half_of_year": _half_of_year,
}


def normalise(c: Candidate, anchor: Anchor, tense: Optional[str], reference: Optional[dt.date]) -> Optional[Value]:
    """The TimeML value of one candidate, or None when it turns out not to be a time."""
    return NORMALISERS[c.rule](c, anchor, tense, reference)
