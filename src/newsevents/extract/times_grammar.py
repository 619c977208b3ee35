"""Finding time expressions: one regular expression per kind of expression, built from the lexicon.

`find_candidates(text)` returns every match of every rule; `select` keeps the longest
non-overlapping ones. Nothing here knows the publication date or the parse: normalising is in
`times_normalise`, filtering with the parse (``May`` the verb, ``the Sunday Times``) in `times`.
Regular expressions over the raw text are cheap (well under a millisecond for a news article),
so no token loop and no date parser runs on text that holds no date word.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stretch of text one rule matched, with its named groups (the parts the normaliser reads)."""

    start: int
    end: int
    rule: str
    parts: tuple[tuple[str, str], ...]

    def get(self, name: str) -> str | None:
        for key, value in self.parts:
            if key == name:
                return value
        return None


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The word lists in resources/times/lexicon.json, loaded once."""
    path = resources.files("newsevents") / "resources" / "times" / "lexicon.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _alt(words: list[str]) -> str:
    """An alternation that tries longer words first (so 'a few' wins over 'a')."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _pieces() -> dict[str, str]:
    lex = lexicon()
    numbers = list(lex["numbers"]) + lex["vague_numbers"]
    units = list(lex["units"]) + ["weekend"]
    return {
        "MONTH": f"\\b(?:{_alt(list(lex['months']))})",
        "MONABBR": f"\\b(?:(?:{_alt(list(lex['month_abbreviations']))})(?:\\.|(?![a-z]))|{_alt(list(lex['months']))})",
        "WEEKDAY": f"\\b(?:{_alt(list(lex['weekdays']))})",
        "DAY": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?",
        "YEAR": r"(?:1[6-9]\d\d|20\d\d)",
        "NUM": rf"(?<![\w,.-])(?:\d{{1,3}}(?:\.\d+)?(?:\s+1/2)?|(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|five|six|seven|eight|nine)\b|{_alt(numbers)}))",
        "UNIT": f"(?i:{_alt(units)})",
        "UNITS": r"(?i:seconds|minutes|hours|days|nights|weeks|weekends|months|quarters|years|decades|centuries)",
        "SEASON": f"(?i:{_alt(list(lex['seasons']))})",
        "PART": f"(?i:{_alt(list(lex['parts_of_day']))})",
        "ORD": f"(?i:{_alt(list(lex['ordinals']))})",
        # a modifier of the amount is part of the expression; "only", "just" are focus words and
        # "over the past two years" a preposition, outside it (TimeML's extents, as TimeBank marks them)
        "MOD": r"(?i:about|around|nearly|almost|roughly|some|more than|less than|at least|at most|over(?!\s+the\b)|under|approximately|up to|fewer than|well over)",
        "REL": r"(?i:last|next|this|this past|the past|the last|the previous|the coming|the current|the following|the next|the latest|earlier this|later this|late last|early last|early next|late next|early this|late this|the same)",
    }


def _rules() -> dict[str, str]:
    p = _pieces()
    lex = lexicon()
    y = rf"(?<![\d$£€.,/])(?<!\d-)(?P<year>{p['YEAR']})(?![\d%]|,\d|\.\d|-\d)"
    refs = _alt(list(lex["references"]))
    sets = _alt(list(lex["sets"]))
    holidays = _alt(list(lex["holidays"]))
    return {
        # "Friday, Oct. 23, 1998", "July 4", "Aug. 7, 1998", "July 4th"
        "date_mdy": rf"(?:(?P<weekday>{p['WEEKDAY']}),?\s+)?(?P<month>{p['MONABBR']})\s+(?P<day>{p['DAY']})(?!\d|:\d)(?:,?\s+{y})?",
        # "4 July 2022", "the 4th of July"
        # "April 24 and 25": the second day of the month just named
        "date_and_day": rf"(?P<month>{p['MONABBR']})\s+{p['DAY']}\s+(?i:and|or|to|through)\s+(?P<core>(?P<day>{p['DAY']}))(?![\d:]|\s*(?:%|percent|[A-Za-z]))(?:,?\s+{y})?",
        "date_dmy": rf"(?:(?P<weekday>{p['WEEKDAY']}),?\s+)?(?:the\s+)?(?<![\d.])(?P<day>{p['DAY']})\s+(?:of\s+)?(?P<month>{p['MONABBR']})(?:,?\s+{y})?",
        "date_iso": r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-2]\d|3[01])(?![\d-])",
        "date_slash": r"(?<![\d/])(?P<month>0?[1-9]|1[0-2])/(?P<day>[0-2]?\d|3[01])/(?P<year>(?:19|20)\d\d)(?![\d/])",
        "month_year": rf"(?:(?P<mod>(?i:early|mid|late|the end of|the beginning of|the start of|the middle of))\s+|mid-)?(?P<month>{p['MONABBR']})(?:\s+of)?,?\s+{y}",
        "month_rel_year": rf"(?P<month>{p['MONTH']})\s+(?P<rel>(?i:last|this|next))\s+year",
        "month": rf"(?:(?P<rel>(?i:last|next|this|this past|early|mid|late|earlier|the end of|the beginning of|the start of|the middle of))\s+|mid-)?(?P<month>{p['MONTH']})(?![\w-])",
        "year": rf"(?:(?P<mod>(?i:early|mid|late|fiscal|calendar|the year|the end of|the beginning of|the start of|the middle of|the summer of|the spring of|the fall of|the autumn of|the winter of))\s+|mid-)?{y}",
        # "the last half of the '80s": TimeML keeps the decade's value (the half is a mod)
        "decade": rf"(?:(?i:the)\s+(?i:first|second|last|latter)\s+(?i:half)\s+(?i:of)\s+)?(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late))[\s-]+)?(?P<decade>1[6-9]\d0|20\d0|'\d0)'?s\b",
        "century": r"(?:(?i:the)\s+)?\b(?P<ord>\d{1,2})(?:st|nd|rd|th)[\s-]+(?i:century)",
        "weekday": rf"(?:(?P<rel>(?i:last|next|this|this past|this coming|earlier|early|late|later|coming|the previous|the following|the next))\s+)?(?P<weekday>{p['WEEKDAY']})(?:\s+(?P<part>{p['PART']}))?(?!\w)",
        "month_set": rf"(?i:every|each)\s+(?P<month>{p['MONTH']})\b",
        "weekday_set": rf"(?:(?i:every|each)\s+(?P<weekday>{p['WEEKDAY']})|(?P<weekdays>{p['WEEKDAY']})s?\s+(?P<part>(?i:mornings|afternoons|evenings|nights))|(?P<plural>{p['WEEKDAY']})s)\b",
        "clock": r"(?<![\d:.])(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>(?i:a\.m\.?|p\.m\.?|am|pm))(?!\w)(?:\s+(?P<zone>[A-Z]{2,4}T|GMT|UTC|(?i:local time)))?|\b(?P<named>(?i:noon|midnight|midday))\b|(?<![\d:.$])\b(?P<hour2>1[0-2]|0?[1-9])(?:[:.](?P<minute2>[0-5]\d))?\s+(?:(?i:o'clock)\s+)?(?i:in)\s+(?i:the)\s+(?P<daypart>(?i:morning|afternoon|evening))\b",
        # "at 00:48", "at 17:30 GMT": a 24-hour clock, told by an hour over 12, a leading zero or a zone
        # (a bare "at 3:30" is a 12-hour time of unknown half)
        "clock24": r"\b(?i:at|by|until|till|before|after|from|since)\s+(?P<core>(?P<hour>0\d|1[3-9]|2[0-3]|1[0-2](?=:\d\d\s+(?:GMT|UTC)))[:.](?P<minute>[0-5]\d)(?![\d:.]|\s*(?i:a\.m|p\.m|am\b|pm\b))(?:\s+(?P<zone>GMT|UTC))?)",
        "rel_day": rf"(?:(?P<rel>(?i:earlier|later|late|early))\s+|(?i:mid)[- ]?(?P<prepart>(?i:morning|afternoon|evening))\s+)?(?P<word>(?i:the day before yesterday|the day after tomorrow|today|yesterday|tomorrow|tonight))(?:\s+(?P<part>{p['PART']}))?\b",
        # "in the morning", "by mid-afternoon": a part of the day last mentioned
        "part_of_day": r"(?<![\w-])(?:(?i:the)\s+(?:(?i:early|late)\s+)?(?P<part>(?i:morning|afternoon|evening))|(?i:mid)[- ]?(?P<midpart>(?i:morning|afternoon|evening)))\b",
        # "today is the eighth day of the operation", "it's the second day of the offensive"
        "ordinal_day": r"(?<![\w-])(?:(?i:the)\s+)?(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,3}(?:st|nd|rd|th))\s+(?i:day)\b(?=\s+(?i:of)\b)",
        # "overnight losses in New York": the night before the day being reported
        "overnight": r"(?<![\w-])(?i:overnight)(?![\w-])",
        "this_part": rf"(?P<rel>(?i:this|last|later this|earlier this))\s+(?P<part>{p['PART']})\b",
        "rel_unit": rf"(?P<rel>{p['REL']})\s+(?P<fiscal>(?i:fiscal|calendar)\s+)?(?P<unit>(?i:week|weekend|month|quarter|year|decade|century|half))\b",
        "anaphoric": r"(?:(?P<later>(?i:later|earlier))\s+)?(?P<rel>(?i:that same|that|the same|the next|the following|the previous|the preceding))\s+(?P<unit>(?i:day|week|month|quarter|year|morning|afternoon|evening|night))\b",
        "rel_season": rf"(?:(?P<rel>(?i:last|next|this|this past|early|late|the early|the late|mid|the))\s+)(?P<season>{p['SEASON']})\b(?:\s+(?:of\s+)?{y})?",
        "season_year": rf"(?P<season>{p['SEASON']})\s+(?:of\s+)?{y}",
        # TimeML keeps "ago" inside the expression but "later", "after", "before" are signals outside
        # it: "three days later" is the duration "three days" (the duration rule)
        "ago": rf"\b(?:(?P<mod>{p['MOD']})\s+)?(?P<num>{p['NUM']})\s+(?P<unit>{p['UNIT']}|{p['UNITS']})(?:\s+(?i:or\s+so))?\s+(?P<dir>(?i:ago|earlier|from now|hence))\b",
        # "Islam will one day be ...": "one day" between a modal and its verb is "some day"
        "some_day": r"\b(?i:will|would|could|might|may|can|shall|to)\s+(?P<core>(?i:one|some)\s+day)\s+(?=[a-z])",
        "duration": rf"\b(?:(?P<mod>{p['MOD']})\s+)?(?:(?P<the>(?i:the|the past|the last|the next|the first|the previous|the coming|the final|the remaining|the following|the latest|the year-earlier|the year-ago|the comparable|another|an additional|an extra))\s+)?(?P<num>{p['NUM']})(?:\s+(?:or|to)\s+(?P<num2>{p['NUM']}))?\s+(?:(?i:more|full|long|straight|consecutive|trading|business|working|calendar)\s+)?(?P<unit>{p['UNITS']}|{p['UNIT']})\b(?P<half>\s+(?i:and\s+a\s+half)\b)?",
        # "the year ended June 30": TimeBank annotates a reporting year as a one-year duration
        "fiscal_period": r"(?P<core>(?i:the)\s+(?:(?i:fiscal)\s+)?(?P<unit>(?i:year)))\s+(?i:ended|ending)\b",
        # "for the year", "the full year", "earlier in the year": in a report, the current year
        # (a capital "Year" is a title: "Person of the Year")
        "the_year": r"(?:(?i:earlier|later)\s+(?i:in)\s+)?(?i:the)\s+(?:(?i:full|entire|whole|fiscal)\s+)?year\b(?![-'’]|\s+(?i:ago|earlier|end|before|ended|ending|later|after|two)\b|\s+(?i:of\s+the)\b)",
        # "at this crucial moment": the present, as "now" is
        "this_moment": r"(?<![\w-])(?i:this)\s+(?:[a-z]+\s+)?(?i:moment)\b(?![-'’])",
        # "a two-year contract", "a several-year tenure" (a vague amount: PXY)
        "duration_adj": rf"(?P<num>\d+|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|several))-(?P<unit>(?i:second|minute|hour|day|week|month|year|decade))(?:-long)?(?!-old)\b",
        # "for an additional year", "another week": one more unit
        "one_more": r"\b(?i:another|an\s+additional|an\s+extra)\s+(?P<unit>(?i:hour|day|week|month|year))\b(?![-'’])",
        # "a day-long meeting", "a year-long inquiry": one unit, written without its number
        "unit_long": r"(?<![\w-])(?P<unit>(?i:day|week|month|year))-long\b",
        "bare_units": rf"\b(?i:for|over|within|in|take|took|takes|last|lasted)\s+(?P<core>(?P<unit>(?i:days|weeks|months|years|decades|centuries|hours)))\b(?!\s+(?:of|ago|later|earlier|before|after))",
        "reference": rf"(?<![\w-])(?P<ref>(?i:{refs}))(?![\w-])",
        "set": rf"(?<![\w-])(?P<set>(?i:{sets}))(?![\w-])|(?i:every|each|once a|twice a|per)\s+(?P<unit>(?i:day|week|month|year|quarter|hour|morning|night|evening))\b",
        # "the third quarter" but "the third-quarter loss": before an adjective the article is the noun's
        "quarter": rf"(?:(?i:the)\s+(?=(?:[\w-]+\s+)*?(?:{p['ORD']})\s)|(?P<relyear>(?i:this|last|next))\s+year(?:'s|’s)\s+)?(?:(?P<pre>(?i:fiscal|latest|current|same|year-ago|year-earlier|previous|{p['YEAR']}))\s+)*(?P<ord>{p['ORD']})[\s-]+(?:(?i:fiscal|calendar)\s+)?(?P<unit>(?i:quarter|half))\b(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?{y})?",
        # "the quarter", "the 1988 quarter", "last year's quarter", "the quarter a year ago"
        "the_quarter": rf"(?:(?i:the)\s+(?:(?P<pre>(?i:latest|current|same|year-ago|year-earlier|previous|recent|fiscal))|(?P<year>{p['YEAR']}))?\s*|(?P<relyear>(?i:this|last))\s+year(?:'s|’s)\s+)(?P<unit>(?i:quarter))\b(?:\s+(?P<ago>(?i:a\s+year\s+(?:ago|earlier))))?(?=\s+(?i:ended|ending)\s+(?P<endmonth>{p['MONABBR']})|)",
        "weekend": r"(?P<core>(?i:the)\s+(?i:weekend))\b",
        "period_end": rf"(?P<pre>(?i:the end of|the beginning of|the start of|the middle of))\s+(?P<rel>(?i:the|this|next|last))\s+(?P<unit>(?i:year|month|week|quarter))\b|(?P<yearend>(?i:year-end|year end|year's end))\b",
        "year_ago_adj": r"(?:(?i:the)\s+(?=(?:(?i:comparable|corresponding)\s+)?\S+\s+(?i:period|quarter)\b))?(?:(?i:comparable|corresponding)\s+)?(?P<adj>(?i:year-ago|year-earlier|year-before|prior-year))(?:\s+(?P<unit>(?i:period|quarter)))?\b",
        # "the corresponding period last year", "the same period a year ago"
        "period_year_ago": r"(?i:the)\s+(?:(?i:comparable|corresponding|same|year-earlier)\s+)?(?i:period)\s+(?:(?i:last\s+year)|(?i:a\s+year\s+(?:ago|earlier)))\b",
        # "the 1989 period": a period of a named year, the reported quarter in a quarterly report
        "year_period": rf"(?i:the)\s+{y}\s+(?i:period)\b",
        "spoken_year": rf"(?:(?P<month>{p['MONTH']})\s+|(?:(?i:the)\s+)?(?P<season>{p['SEASON']})\s+(?i:of)\s+)?\b(?:(?i:the\s+year\s+)?(?i:nineteen)[\s-]+(?P<tens>(?i:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))(?:-(?P<ones>(?i:one|two|three|four|five|six|seven|eight|nine)))?|(?i:the\s+year\s+)(?P<y2k>(?i:two\s+thousand)))\b",
        "holiday": rf"(?P<holiday>{holidays})(?:\s+{y})?",
        # "the nineties" (broadcast transcripts); "in his fifties" is an age, so "the" is required
        "spoken_decade": r"(?i:the)\s+(?:(?P<mod>(?i:early|mid|late))[\s-]+)?(?P<tens>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b",
        # "the last half of 1989", "the first two quarters of 1990": a half of a named year
        "half_of_year": rf"\b(?:(?P<mod>{p['MOD']})\s+)?(?:(?i:the)\s+)?(?P<which>(?i:first|second|last|latter))\s+(?:(?i:two)\s+(?P<quarters>(?i:quarters))|(?i:half))\s+(?i:of)\s+(?:(?i:fiscal)\s+)?{y}",
    }


def _key_classes() -> dict[str, str]:
    """Words one of which every match of a rule contains, by class, all lower case."""
    lex = lexicon()
    low = lambda words: _alt([w.lower() for w in words])  # noqa: E731
    return {  # the first class that matches at a position takes it
        "month": rf"\b(?:{low(list(lex['months']) + list(lex['month_abbreviations']))})(?![a-z])",
        "weekday": low(list(lex["weekdays"])),
        "set": low(list(lex["sets"])),
        "unit": r"second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur|half|morning|afternoon|evening",
        "digit": r"\d",
        "clock": r"noon|midnight|midday",
        "rel_day": r"today|yesterday|tomorrow|tonight",
        "season": r"spring|summer|fall|autumn|winter",
        "reference": low(list(lex["references"])),
        "holiday": low(list(lex["holidays"])),
        "moment": r"moment",
        "spoken": r"nineteen|two thousand|(?:twen|thir|for|fif|six|seven|eigh|nine)ties",
    }


RULE_KEYS = {
    "date_mdy": "month", "date_and_day": "month", "date_dmy": "month", "month_year": "month", "month_rel_year": "month",
    "month": "month", "date_iso": "digit", "date_slash": "digit", "year": "digit", "decade": "digit",
    "century": "digit", "weekday": "weekday", "weekday_set": "weekday", "month_set": "month", "clock": ("digit", "clock"), "clock24": "digit",
    "rel_day": "rel_day", "this_part": "unit", "rel_season": "season", "season_year": "season",
    "reference": "reference", "this_moment": "moment", "set": ("set", "unit"), "holiday": "holiday", "spoken_year": "spoken", "spoken_decade": "spoken", "year_period": "digit",
}
BEFORE, AFTER = 60, 70  # no expression reaches further from its key word


@functools.lru_cache(maxsize=1)
def compiled_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Every rule compiled once."""
    return tuple((name, re.compile(pattern)) for name, pattern in _rules().items())


@functools.lru_cache(maxsize=1)
def _key_pattern() -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _key_classes().items()))


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each key class, the merged stretches of text around its words."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few Unicode letters change length when lowered
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    windows: dict[str, list[tuple[int, int]]] = {}
    for hit in _key_pattern().finditer(lowered):
        start, end = max(0, hit.start() - BEFORE), min(len(text), hit.end(hit.lastgroup) + AFTER)
        spans = windows.setdefault(hit.lastgroup, [])
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return windows


def find_candidates(text: str) -> list[Candidate]:
    """Every match of every rule, overlapping ones included. A rule only runs in the windows
    around its key words (see RULE_KEYS; the default is a unit word): a third of the cost."""
    windows = _windows(text)
    found = set()
    for name, pattern in compiled_rules():
        keys = RULE_KEYS.get(name, "unit")
        spans = windows.get(keys, []) if isinstance(keys, str) else sorted(w for k in keys for w in windows.get(k, []))
        for start, end in spans:
            for match in pattern.finditer(text, start, end):
                if match.end() <= match.start():
                    continue
                parts = tuple((k, v) for k, v in match.groupdict().items() if v is not None)
                # a rule that needs context to match ("for years") marks the expression as "core"
                span = match.span("core") if "core" in match.groupdict() else match.span()
                found.add(Candidate(span[0], span[1], name, parts))
    return sorted(found, key=lambda c: (c.start, c.end, c.rule))


RULE_ORDER = {name: i for i, name in enumerate(_rules())}


def select(candidates: list[Candidate]) -> list[Candidate]:
    """The longest non-overlapping candidates, earlier rules winning ties; in text order."""
    ranked = sorted(candidates, key=lambda c: (-(c.end - c.start), c.start, RULE_ORDER[c.rule]))
    taken: list[Candidate] = []
    for cand in ranked:
        if all(cand.end <= t.start or cand.start >= t.end for t in taken):
            taken.append(cand)
    return sorted(taken, key=lambda c: c.start)
