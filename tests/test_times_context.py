"""Time expressions whose value depends on their context: signals before them ("since", "until",
"effective"), the clause they sit in, the day last mentioned, and the report they appear in."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.extract.times import extract_times
from newsevents.language import load_nlp
from newsevents.records import Article

TUESDAY = dt.date(2022, 7, 5)  # a Tuesday in ISO week 27, early in the third quarter
MONDAY = dt.date(2022, 10, 31)


@pytest.fixture(scope="module")
def parse():
    nlp = load_nlp(with_gazetteer=False)

    def run(text: str, published: dt.date | None = TUESDAY):
        article = Article(id="t", headline="", body=text, published=published)
        return [(t.text, t.value) for t in extract_times(nlp(text), article)]

    return run


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # "since" looks back whatever the verb
        ("Police have been searching for him since shortly after the Oct. 23 shooting.", dt.date(2022, 5, 6),
         [("Oct. 23", "2021-10-23")]),
        # a present-perfect clause, the time inside a noun phrase: the past
        ("They have gathered evidence in the October killing.", dt.date(2022, 4, 19), [("October", "2021-10")]),
        # ... but not after "until": "has given them until 9 a.m. Tuesday" lies ahead
        ("The agency has given them until 9 a.m. Tuesday to sign.", dt.date(2022, 7, 4),
         [("9 a.m. Tuesday", "2022-07-05T09:00")]),
        # an infinitive under a present-tense clause looks ahead
        ("The sale is scheduled to close Monday.", dt.date(2022, 11, 3), [("Monday", "2022-11-07")]),
        ("The stock is to resume trading in Paris Tuesday.", dt.date(2022, 10, 28), [("Tuesday", "2022-11-01")]),
        # "effective" names a start date ahead, even in a past-tense clause
        ("The bank created an office of the chairman, effective Feb. 1.", dt.date(2022, 10, 26),
         [("Feb. 1", "2023-02-01")]),
        # a weekday in the possessive names what has happened
        ("The offer is a 24% premium over Thursday's closing price.", MONDAY, [("Thursday", "2022-10-27")]),
        # a participle clause under a present perfect is in the past
        ("The stock has fluctuated sharply, rising to a high in June from $29.75 in March.", dt.date(2022, 10, 31),
         [("June", "2022-06"), ("March", "2022-03")]),
        # a time after a past verb of planning may lie ahead; one before it dates the planning
        ("Protesters planned a large demonstration on Saturday.", dt.date(2022, 7, 8), [("Saturday", "2022-07-09")]),
        ("On Saturday, protesters planned a large demonstration.", dt.date(2022, 7, 6), [("Saturday", "2022-07-02")]),
    ],
)
def test_times_signals_and_clauses(parse, sentence, published, expected):
    assert parse(sentence, published) == expected


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("In March, the company got an offer. The following month, it put itself up for sale.", MONDAY,
         [("March", "2022-03"), ("The following month", "2022-04")]),
        ("Stocks closed lower Friday, down 4.5% from the previous Friday.", MONDAY,
         [("Friday", "2022-10-28"), ("the previous Friday", "2022-10-21")]),
        ("Shares fell Friday. Dealers placed heavy buy orders in the morning.", MONDAY,
         [("Friday", "2022-10-28"), ("the morning", "2022-10-28TMO")]),
        ("In London at mid-afternoon yesterday, the shares were up.", MONDAY,
         [("mid-afternoon yesterday", "2022-10-30TAF")]),
        ("The shares fell yesterday afternoon.", MONDAY, [("yesterday afternoon", "2022-10-30TAF")]),
        ("The blast occurred at about 10:35 a.m. (0735 GMT) Friday.", dt.date(2022, 8, 6),
         [("10:35 a.m.", "2022-08-05T10:35"), ("Friday", "2022-08-05")]),
        ("The father will leave at 4 in the morning.", TUESDAY, [("4 in the morning", "2022-07-05T04:00")]),
        ("The summit will be held on April 24 and 25.", dt.date(2022, 2, 10),
         [("April 24", "2022-04-24"), ("25", "2022-04-25")]),
        ("Officials will meet the week of March 6.", dt.date(2022, 2, 24), [("the week of March 6", "2022-W09")]),
        ("The day before last Tuesday's hearing, he went to Miami.", dt.date(2022, 7, 7),
         [("The day before last Tuesday", "2022-07-04")]),
    ],
)
def test_times_relative_to_what_was_said(parse, sentence, published, expected):
    assert parse(sentence, published) == expected


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("Sales for the full year were $6.6 billion.", MONDAY, [("the full year", "2022")]),
        ("Herbicide use was delayed earlier in the year by rains.", MONDAY, [("earlier in the year", "2022")]),
        ("The stock rose to a high for the year in June.", MONDAY, [("the year", "2022"), ("June", "2022-06")]),
        ("Earnings fell in the last half of 1989.", MONDAY, [("the last half of 1989", "1989-H2")]),
        ("The slump will last through at least the first two quarters of 2023.", MONDAY,
         [("at least the first two quarters of 2023", "2023-H1")]),
        # in a quarterly report, "the 2022 period" is the reported quarter, "the corresponding
        # period last year" the year-ago one, and "the quarter ended July 31" mostly May-July
        ("Profit rose in the third quarter. In the 2022 period, interest costs fell.", MONDAY,
         [("the third quarter", "2022-Q3"), ("the 2022 period", "2022-Q3")]),
        ("Net fell in the third quarter from $1.8 million for the corresponding period last year.", MONDAY,
         [("the third quarter", "2022-Q3"), ("the corresponding period last year", "2021-Q3")]),
        ("In the quarter ended July 31, the company earned $2 million.", MONDAY,
         [("the quarter", "2022-Q2"), ("July 31", "2022-07-31")]),
        # "a quarter-century low" does not make a monthly jobs report quarterly
        ("Unemployment is near its quarter-century low. Wages rose 3.8% from a year earlier.", MONDAY,
         [("a year earlier", "2021")]),
        ("Net for the year-earlier nine months included a gain.", MONDAY, [("the year-earlier nine months", "P9M")]),
        # "the year-earlier period" after "the nine months" is those nine months a year before
        ("Net rose in the third quarter. For the nine months, net was $81 million. In the year-earlier period, "
         "net was $77 million.", MONDAY,
         [("the third quarter", "2022-Q3"), ("the nine months", "P9M"), ("the year-earlier period", "P9M")]),
        # the article before an adjective belongs to the noun: "the third-quarter loss"
        ("The company posted the third-quarter loss.", MONDAY, [("third-quarter", "2022-Q3")]),
        ("Profit rose in the third quarter from the year-ago quarter.", MONDAY,
         [("the third quarter", "2022-Q3"), ("the year-ago quarter", "2021-Q3")]),
        # in a quarterly report an amount "last year" is the year-ago quarter's; the year elsewhere
        ("Third-quarter profit was $24 million, compared with a loss of $3 million last year.", MONDAY,
         [("Third-quarter", "2022-Q3"), ("last year", "2021-Q3")]),
        ("Third-quarter profit was $24 million. The unit was sold last year.", MONDAY,
         [("Third-quarter", "2022-Q3"), ("last year", "2021")]),
    ],
)
def test_times_financial_reports(parse, sentence, published, expected):
    assert parse(sentence, published) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Hate crimes were dropping through the nineties.", [("the nineties", "199")]),
        ("Profit fell in the second quarter of 2021. Results for that quarter included a charge.",
         [("the second quarter of 2021", "2021-Q2"), ("that quarter", "2021-Q2")]),
        ("Sales follow the trend of the last half of the '80s.", [("the last half of the '80s", "198")]),
        ("It will be our theme from now to Election Day.", [("now", "PRESENT_REF"), ("Election Day", "2022-11-08")]),
        ("Islam will one day be the second largest religion there.", [("one day", "FUTURE_REF")]),
        ("They emerged from their third day-long meeting.", [("day-long", "P1D")]),
        ("The loan may be extended for an additional year.", [("an additional year", "P1Y")]),
        ("A week or so ago, the general changed the plan.", [("A week or so ago", "2022-W26")]),
        # "the latest" unit is the last complete one, like "the latest quarter"
        ("It had sales of $7 billion in the latest fiscal year.", [("the latest fiscal year", "2021")]),
        ("The post-1959 politics split families.", [("1959", "1959")]),
        ("The company's 1989 operating results were hurt.", [("1989", "1989")]),
        ("Prices rose in the last twenty four hours.", [("the last twenty four hours", "PT24H")]),
        ("It lasted almost a hundred years.", [("almost a hundred years", "P100Y")]),
        # a 24-hour clock, told by a leading zero, an hour over 12 or a zone; a bare "3:30" is not
        ("At 00:48 in Cleveland, the game ended.", [("00:48", "2022-07-05T00:48")]),
        ("The talks ended at 17:30 GMT.", [("17:30 GMT", "2022-07-05T17:30")]),
        ("They met at 3:30 and left.", []),
        ("The police arrived on July 1. The office was closed that same day.",
         [("July 1", "2022-07-01"), ("that same day", "2022-07-01")]),
        # a link word after a noun-phrase reference is no "soon after that"
        ("The economy will slow in coming months as exports fall.", [("coming months", "PXM")]),
        # "a year earlier of $382 million": the "of" belongs to the amount, not to "a year"
        ("It compared with earnings a year earlier of $382.2 million.", [("a year earlier", "2021")]),
        # "this crucial moment" is now, unless the story is told in the past
        ("He would not travel at this crucial moment if Baghdad had no plan.", [("this crucial moment", "PRESENT_REF")]),
        ("At this moment, the guard turned around.", []),
        # nothing counts earnings: a year before them dates them ("2000 troops" stays a count)
        ("Analysts were predicting 1990 BellSouth earnings of $3.90 a share.", [("1990", "1990")]),
    ],
)
def test_times_more_expressions(parse, sentence, expected):
    assert parse(sentence) == expected


def test_times_the_past_week_is_the_seven_days_up_to_now(parse):
    friday = dt.date(2022, 7, 8)  # ISO week 27
    assert parse("He has been in Bethesda for the last week.", friday) == [("the last week", "2022-W27")]
    assert parse("Prices fell in the past week.", friday) == [("the past week", "2022-W27")]
    # "last week" without the article is the calendar week before
    assert parse("Prices fell last week.", friday) == [("last week", "2022-W26")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The quarter-to-quarter comparison was also enhanced.",
        "When you wake up in the morning, you check the news.",
        "He was in his fifties.",
        "She was named Person of the Year.",
        "The fighters rested, only to be jailed for several months of the year of the tiger.",
        "Now, he says, the plan looks like a good one.",
        "He was taken to a hospital and was soon released.",
        '"Now, following asset sales, the company is profitable," she said.',
    ],
)
def test_times_context_negatives(parse, sentence):
    found = parse(sentence)
    assert all(text.lower() not in ("the quarter", "the morning", "fifties", "the year", "now", "soon") for text, _ in found)


def test_times_now_without_comma_is_a_time(parse):
    assert parse("Now officials are investigating the blast.") == [("Now", "PRESENT_REF")]


def test_times_soon_ahead_is_a_time(parse):
    assert parse("Prosecutors may soon seek an indictment.") == [("soon", "FUTURE_REF")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "today's" meaning nowadays dates nothing ...
        ("The case is for today's youth what the blockade was for their parents.", []),
        ("Barriers remain in today's world, where paternity can be proven.", []),
        ("The chips are used in many of today's personal computers.", []),
        # ... an event of today is dated
        ("Today's meeting was cancelled.", [("Today", "2022-07-05")]),
        ("Now for today's geography quiz.", [("Now", "PRESENT_REF"), ("today", "2022-07-05")]),
    ],
)
def test_times_todays_meaning_nowadays(parse, sentence, expected):
    assert parse(sentence) == expected
