"""extract_times and event_date on sentences with publication dates, negatives included."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.extract.times import event_date, extract_times
from newsevents.language import load_nlp
from newsevents.records import Article

TUESDAY = dt.date(2022, 7, 5)  # a Tuesday in ISO week 27
THURSDAY = dt.date(2022, 7, 7)


@pytest.fixture(scope="module")
def parse():
    nlp = load_nlp(with_gazetteer=False)  # times do not depend on the place gazetteer

    def run(text: str, published: dt.date | None = TUESDAY):
        article = Article(id="t", headline="", body=text, published=published)
        doc = nlp(text)
        return doc, article, extract_times(doc, article)

    return run


def _pairs(times):
    return [(t.text, t.value) for t in times]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # weekdays: past tense looks back, future tense forward, the publication weekday is that day
        ("Russian troops captured the village on Monday.", [("Monday", "2022-07-04")]),
        ("The envoy arrived in Kyiv on Friday.", [("Friday", "2022-07-01")]),
        ("The envoy will arrive in Kyiv on Friday.", [("Friday", "2022-07-08")]),
        ("Talks will resume on Monday.", [("Monday", "2022-07-11")]),
        ("Officials said on Tuesday that the bridge was destroyed.", [("Tuesday", "2022-07-05")]),
        ("The minister resigned last Tuesday.", [("last Tuesday", "2022-06-28")]),
        ("The vote is set for next Monday.", [("next Monday", "2022-07-11")]),
        # months without a year: past tense -> nearest past, future tense -> nearest future
        ("He was elected in November.", [("November", "2021-11")]),
        ("The summit will take place in November.", [("November", "2022-11")]),
        ("The army withdrew in early March.", [("early March", "2022-03")]),
        ("The regions were annexed in July.", [("July", "2022-07")]),
        # an ambiguous month word dating the noun after it ("May", "March" are otherwise a verb, a name, a walk)
        ("The March accession was celebrated in Warsaw.", [("March", "2022-03")]),
        # explicit and partial dates
        ("Parliament approved the law on March 3, 2021.", [("March 3, 2021", "2021-03-03")]),
        ("The offensive began on 24 February.", [("24 February", "2022-02-24")]),
        ("The blast happened on Oct. 23.", [("Oct. 23", "2021-10-23")]),
        ("The war in Donbas started in 2014.", [("2014", "2014")]),
        ("Sanctions were imposed in February 2022.", [("February 2022", "2022-02")]),
        ("The treaty was signed on 2021-12-17.", [("2021-12-17", "2021-12-17")]),
        ("Growth slowed in the 1990s.", [("the 1990s", "199")]),
        # relative to the publication date
        ("The ceasefire collapsed last week.", [("last week", "2022-W26")]),
        ("Two days ago, shelling hit the city.", [("Two days ago", "2022-07-03")]),
        ("Yesterday the mayor spoke; tomorrow he leaves.", [("Yesterday", "2022-07-04"), ("tomorrow", "2022-07-06")]),
        ("Prices rose sharply last year.", [("last year", "2021")]),
        ("Exports fell last month.", [("last month", "2022-06")]),
        ("The harvest failed last summer.", [("last summer", "2021-SU")]),
        ("The strike is planned for 10 p.m. Wednesday.", [("10 p.m. Wednesday", "2022-07-06T22:00")]),
        ("Profit rose in the third quarter.", [("the third quarter", "2022-Q3")]),
        # vague references
        ("The city is now under Russian control.", [("now", "PRESENT_REF")]),
        ("The rebels recently seized the port.", [("recently", "PAST_REF")]),
    ],
)
def test_times_values(parse, sentence, expected):
    _, article, times = parse(sentence)
    assert _pairs(times) == expected
    for t in times:
        assert article.body[t.span.start : t.span.end] == t.text
        assert t.span.sentence == 0 or ";" in sentence


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Fighting has lasted for two days.", [("two days", "P2D")]),
        ("The siege lasted three weeks.", [("three weeks", "P3W")]),
        ("Troops spent the past five years in the region.", [("the past five years", "P5Y")]),
        ("He signed a two-year contract.", [("two-year", "P2Y")]),
        ("He followed a several-year tenure as editor.", [("several-year", "PXY")]),
        ("The plant has been idle for years.", [("years", "PXY")]),
        # the modifier of an amount is inside the expression; a focus word or "over the" is not
        ("The talks took about five hours.", [("about five hours", "PT5H")]),
        ("The strike lasted only six months.", [("six months", "P6M")]),
        ("Prices rose over the past four months.", [("the past four months", "P4M")]),
    ],
)
def test_times_durations_kept_apart(parse, sentence, expected):
    _, _, times = parse(sentence)
    assert _pairs(times) == expected
    assert all(t.kind == "duration" and t.granularity == "duration" for t in times)


@pytest.mark.parametrize(
    "sentence",
    [
        "Theresa May said the deal was dead.",
        "You may leave whenever you like.",
        "Thousands joined the March for Our Lives in Washington.",
        "He told the Sunday Times that the plan had failed.",
        "The army sent 2000 troops to the border.",
        "The soldier is 52 years old.",
        "Black Friday sales were weak.",
        "He told the BBC's Today Programme that talks had stalled.",
        "The report appeared in USA Today.",
        "A second round of talks is planned.",
        "The board raised its quarterly dividend.",
        "A quarter of the population fled.",
        "Prices fell after the fall of the government.",
        "Rooms cost $55 a night.",
        "Sales are expected to rise 8.5% annually.",
        "The plant would produce about 10,000 units annually.",
        "That is very important to the future of our peoples.",
        "Crowds have gathered here for the past three summers.",
    ],
)
def test_times_negatives(parse, sentence):
    _, _, times = parse(sentence)
    assert _pairs(times) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russian troops captured the village on Monday.", [("Monday", None, "none")]),
        ("He was elected in November.", [("November", None, "none")]),
        ("Sanctions were imposed in February 2022.", [("February 2022", "2022-02", "explicit")]),
        ("Parliament approved the law on March 3, 2021.", [("March 3, 2021", "2021-03-03", "explicit")]),
    ],
)
def test_times_without_publication_date(parse, sentence, expected):
    _, _, times = parse(sentence, published=None)
    assert [(t.text, t.value, t.basis) for t in times] == expected


def test_times_basis_and_granularity(parse):
    _, _, times = parse("The army withdrew on Monday, in February and in 2014.")
    assert [(t.granularity, t.basis) for t in times] == [
        ("day", "publication_date"),
        ("month", "publication_date"),
        ("year", "explicit"),
    ]


def test_times_that_day_resolves_against_the_last_date(parse):
    _, _, times = parse("The convoy left on June 3, 2022. The next day it reached Kharkiv.")
    assert _pairs(times) == [("June 3, 2022", "2022-06-03"), ("The next day", "2022-06-04")]


def _trigger(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # the time governing the trigger's own clause wins over another in the sentence
        ("After the talks on Monday collapsed, the army shelled the city on Wednesday.", "shelled", "2022-07-06"),
        ("After the talks on Monday collapsed, the army shelled the city on Wednesday.", "collapsed", "2022-07-04"),
        # inherited from the same sentence
        ("The minister met the envoy on Monday and later signed the deal.", "signed", "2022-07-04"),
        # chained from the sentence before
        ("The rebels seized the airport in March. Then they attacked the capital.", "attacked", "2022-03"),
        ("The rebels seized the airport in March. Shortly afterwards, they attacked the capital.", "attacked", "2022-03"),
    ],
)
def test_event_date_from_text(parse, text, trigger, expected):
    doc, article, times = parse(text, published=THURSDAY)
    found = event_date(doc, _trigger(doc, trigger), times, article)
    assert found is not None and found.value == expected


def test_event_date_without_chain_is_on_or_before_publication(parse):
    doc, article, times = parse("The rebels seized the airport in March. The government denied it.", THURSDAY)
    found = event_date(doc, _trigger(doc, "denied"), times, article)
    assert (found.kind, found.value, found.end, found.basis, found.span) == (
        "interval", None, "2022-07-07", "publication_date", None
    )


def test_a_later_time_of_another_clause_does_not_date_an_act_that_happened(parse):
    text = ("Power plants have been damaged by shelling, leaving conditions that are expected to "
            "worsen in December.")
    doc, article, times = parse(text, THURSDAY)
    assert [t.value for t in times] == ["2022-12"]
    found = event_date(doc, _trigger(doc, "damaged"), times, article)
    assert (found.kind, found.end) == ("interval", "2022-07-07")


def test_a_later_time_still_dates_an_act_ahead(parse):
    doc, article, times = parse("The minister said the army will withdraw before the winter.", THURSDAY)
    assert event_date(doc, _trigger(doc, "withdraw"), times, article).text == "the winter"


def test_event_date_ignores_durations(parse):
    doc, article, times = parse("The siege lasted three weeks.", THURSDAY)
    assert event_date(doc, _trigger(doc, "lasted"), times, article).kind == "interval"


def test_event_date_none_without_publication_date(parse):
    doc, article, times = parse("The government denied it.", published=None)
    assert event_date(doc, _trigger(doc, "denied"), times, article) is None


# --- TimeML conventions as TimeBank/AQUAINT annotates them (sentences written for these tests) ---


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "later" / "after" / "before" are signals outside the expression, which is a duration
        ("The rebels held the town for three days. Three days later, the army returned.",
         [("three days", "P3D", "duration"), ("Three days", "P3D", "duration")]),
        ("The talks lasted an hour and a half.", [("an hour and a half", "PT1H30M", "duration")]),
        ("The vote took a minute and a half.", [("a minute and a half", "PT1M30S", "duration")]),
        ("Talks could take a couple of years.", [("a couple of years", "P2Y", "duration")]),
        # "recent weeks", "the coming months": durations of unknown length, not PAST_REF/FUTURE_REF
        ("Fighting has intensified in recent weeks.", [("recent weeks", "PXW", "duration")]),
        ("Prices will keep rising in the coming months.", [("the coming months", "PXM", "duration")]),
        ("Current prices are too high.", [("Current", "PRESENT_REF", "point")]),
        ("He bought shares at the then current price.", [("then current", "PAST_REF", "point")]),
        ("Much depends on his future.", [("future", "FUTURE_REF", "point")]),
        # a reporting year is a one-year duration
        ("Revenue rose for the year ended March 31.",
         [("the year", "P1Y", "duration"), ("March 31", "2022-03-31", "point")]),
        ("Investigators meet on a daily basis.", [("daily", "P1D", "set")]),
        ("He gave his weekly radio address.", [("weekly", "P1W", "set")]),
        ("Rallies take place each July.", [("each July", "XXXX-07", "set")]),
        ("January nineteen ninety-seven. Atlanta again.", [("January nineteen ninety-seven", "1997-01", "point")]),
        ("It happened in the winter of nineteen ninety-four.",
         [("the winter of nineteen ninety-four", "1994-WI", "point")]),
        ("The group split in mid-1996.", [("mid-1996", "1996", "point")]),
        # "soon as" links two events ("as soon as he arrived"), but "as soon as possible" is a time ahead
        ("The board will sell the unit as soon as possible.", [("as soon as possible", "FUTURE_REF", "point")]),
        # "the Nth day of" something as the predicate of "it is" / "today is": the publication day
        ("It's the second day of an offensive by the army.", [("the second day", "2022-07-05", "point")]),
        ("Today is the eighth day of the strike.", [("Today", "2022-07-05", "point"), ("the eighth day", "2022-07-05", "point")]),
        ("He was absent on the first day of the trial.", []),
        # the adjective "overnight" is the night before the day being reported; the adverb no time
        ("London shares fell on Friday, hit by overnight losses in New York.",
         [("Friday", "2022-07-01", "point"), ("overnight", "2022-06-30TNI", "point")]),
        ("Prices changed overnight.", []),
        ("The singer became an overnight success.", []),
        # "a day" after a counted unit of time is the period of a rate, no duration of its own
        ("Protesters watched the house 24 hours a day.", [("24 hours", "PT24H", "duration")]),
        ("\n``Today, we mourn,'' she said.", [("Today", "2022-07-05", "point")]),
    ],
)
def test_times_timeml_conventions(parse, sentence, expected):
    _, _, times = parse(sentence)
    assert [(t.text, t.value, t.kind) for t in times] == expected


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("Sales for this year's second quarter fell.", TUESDAY, [("this year's second quarter", "2022-Q2")]),
        ("The merger could close in next year's first quarter.", TUESDAY, [("next year's first quarter", "2023-Q1")]),
        # early in a quarter (the reporting season) "the quarter" is the one just ended
        ("Analysts expect a loss for the quarter.", TUESDAY, [("the quarter", "2022-Q2")]),
        ("Analysts expect a loss for the quarter.", dt.date(2022, 8, 30), [("the quarter", "2022-Q3")]),
        ("Profit fell in the quarter. In the 2021 quarter, it earned more.", TUESDAY,
         [("the quarter", "2022-Q2"), ("the 2021 quarter", "2021-Q2")]),
        ("Sales in last year's quarter were higher.", TUESDAY, [("last year's quarter", "2021-Q2")]),
        ("For the quarter a year ago, the bank lost money.", TUESDAY, [("the quarter a year ago", "2021-Q2")]),
        # "a year earlier" is the year-ago quarter, unless a longer period was named last
        ("Profit rose in the second quarter from $9 million a year earlier.", TUESDAY,
         [("the second quarter", "2022-Q2"), ("a year earlier", "2021-Q2")]),
        ("Profit rose in the second quarter. For the nine months, net fell from $9 million a year earlier.", TUESDAY,
         [("the second quarter", "2022-Q2"), ("the nine months", "P9M"), ("a year earlier", "2021")]),
    ],
)
def test_times_quarterly_reports(parse, sentence, published, expected):
    _, _, times = parse(sentence, published=published)
    assert _pairs(times) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The ocean current was strong.",
        "He faces a future in which nothing works.",
        "The company expects future earnings to fall.",
        "Average daily volume rose.",
        'He spoke on ABC\'s "This Week" programme.',
        "It was high noon for the government.",
        "Prices fell in the afternoon session.",
        "If I were choosing the people of tomorrow, I would have chosen these.",
    ],
)
def test_times_more_negatives(parse, sentence):
    _, _, times = parse(sentence)
    assert _pairs(times) == []
