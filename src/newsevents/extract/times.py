"""Time expressions in an article, normalised TimeML-style, and the date that governs an event.

`extract_times(doc, article)` finds every time expression in the body (`times_grammar`), drops the
matches the parse shows are not times (`times_filters`: ``May`` the verb or the surname, "the March
for Our Lives", "the Sunday Times", "2,000 troops"), reads the tense of the clause each one sits in, and normalises
it against ``article.published`` (`times_rules`). Durations keep ``kind="duration"`` and sets
``kind="set"``; vague references get ``PAST_REF`` / ``PRESENT_REF`` / ``FUTURE_REF``.

The "tense" also reads the words that fix a direction whatever the verb ("since November" looks
back, "effective Feb. 1" ahead), participle and infinitive clauses take it from the clause they
hang from ("is scheduled to close Monday" looks ahead), a past verb of planning fixes no direction
("planned a demonstration on Saturday"), and anaphora resolve against what was said before ("the
following month", "the previous Friday", "in the morning": the day last named, "that quarter").

Own rules rather than dateparser, measured (`python -m evaluation.times --dateparser`): on the
1,505 TimeBank/AQUAINT gold DATE expressions, each read alone with the document date as anchor,
dateparser gets 53.8% of the values right and these rules 80.7%; dateparser also resolves a bare
weekday a week wrong under PREFER_DATES_FROM="past" and costs about 1 ms a call, where this whole
stage costs a few ms per article. So dateparser is not called at all.

`event_date(doc, trigger, times, article)` is the date of one event; see its docstring.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from typing import Optional

from spacy.tokens import Doc, Token

from newsevents.extract.parse_cache import doc_text, sentence_chars
from newsevents.extract.times_filters import plausible, root_token
from newsevents.extract.times_grammar import Candidate, find_candidates, lexicon, select
from newsevents.extract.times_normalise import Value, date_range, iso_week, shift_months
from newsevents.extract.times_rules import normalise
from newsevents.records import Article, Span, TimeRef

FUTURE_AUX = {"will", "shall", "'ll", "wo"}
SIGNALS = {"since", "until", "till", "through", "by", "effective"}  # prepositions that fix a time's direction
CLAUSE_DEPS = {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "conj", "csubj", "parataxis", "acl", "pcomp"}


def extract_times(doc: Doc, article: Article) -> tuple[TimeRef, ...]:
    """Every time expression in the body, in text order, normalised against the publication date."""
    text = doc_text(doc)
    anchor = article.published
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    starts = sentence_starts(doc)
    kept = select([c for c in find_candidates(text) if plausible(c, doc)])
    found: list[TimeRef] = []
    day_ref: Optional[dt.date] = None  # the last day mentioned, for "the next day"
    coarse_ref: Optional[dt.date] = None  # the last date of any grain, for "later that year"
    for cand in kept:
        tense = clause_tense(root_token(doc, cand.start, cand.end))
        if cand.rule == "weekday" and text.startswith(("'s", "’s"), cand.end) and tense != "future":
            tense = "past"  # "Thursday's closing price", "Wednesday's ruling": what has happened
        if cand.rule == "part_of_day" and (tense != "past" or re.search(r"\bof\s+$", text[max(0, cand.start - 4) : cand.start])):
            continue  # "when you wake up in the morning" is a habit, "that time of the morning" no time
        if cand.rule == "reference" and tense == "past" and (cand.get("ref") or "").lower() == "soon":
            continue  # "he was soon released": soon after another event, no time relative to now
        coarse = cand.rule in ("anaphoric", "rel_unit") and cand.get("unit").lower() in ("year", "month", "week", "quarter")
        value = normalise(cand, anchor, tense, coarse_ref if coarse else day_ref)
        if value is None:
            continue
        sentence = bisect.bisect_right(starts, cand.start) - 1
        sentence_end = starts[sentence + 1] if sentence + 1 < len(starts) else len(text)
        value = _year_ago_in_quarter_context(cand, value, anchor, text, sentence_end)
        span = Span(cand.start, cand.end, text[cand.start : cand.end], sentence)
        found.append(TimeRef(span.text, span, value.value, value.granularity, value.basis, value.kind))
        day_ref, coarse_ref = _references(value, day_ref, coarse_ref)
    return tuple(_around_day(_merge_clock_and_day(found, text), text))


def _references(value: Value, day_ref: Optional[dt.date], coarse_ref: Optional[dt.date]):
    """The dates later anaphora ("that day", "later that year") resolve against."""
    v = value.value or ""
    if value.kind != "point" or not re.match(r"\d{4}", v):
        return day_ref, coarse_ref
    if value.granularity == "day" and re.match(r"\d{4}-\d\d-\d\d", v):
        day = dt.date.fromisoformat(v[:10])
        return day, day
    if re.fullmatch(r"\d{4}(-\d\d)?", v):
        return day_ref, dt.date(int(v[:4]), int(v[5:7] or 1) if len(v) > 4 else 1, 1)
    if quarter := re.fullmatch(r"(\d{4})-Q([1-4])", v):  # "that quarter": the one named last
        return day_ref, dt.date(int(quarter.group(1)), 3 * int(quarter.group(2)) - 2, 1)
    return day_ref, coarse_ref


# "quarter" as a reporting period, not "a quarter-century low" or "a quarter of the shares"
QUARTER_PERIOD = r"quarter(?![- ](?:century|point|mile|pound|hour)|\s+of\s+(?:a|an|the|all|its|their|his|her)\b)"
REPORTING_PERIOD = re.compile(r"\b(?:" + QUARTER_PERIOD + r"|(?:nine|six|twelve|9|6|12)[ -]months?|first half|(?:full|fiscal) year|year end(?:ed|ing))", re.I)


def _year_ago_in_quarter_context(cand: Candidate, value: Value, anchor, text: str, sentence_end: int) -> Value:
    """In a quarterly report (a quarter named earlier in the article or in this sentence) "a year
    ago" / "a year earlier" / "the year-ago period" / "the corresponding period last year" is the
    year-ago quarter, and so is "last year" right after an amount ("compared with a loss of $3
    million last year"), and "the 1989 period" the reported quarter of 1989, unless the period named
    last before it is longer ("For the nine months, net fell from $9 million a year earlier": the
    year). On TimeBank a window of the 3 sentences before missed 3 quarterly reports."""
    if anchor is None or value.granularity != "year":
        return value
    if cand.rule == "ago":
        if not (cand.get("unit") or "").lower().startswith("year") or (cand.get("num") or "").lower() not in ("a", "one", "1"):
            return value
    elif cand.rule == "rel_unit":
        # "compared with a loss of $3 million last year": an amount for the year-ago period
        amount = re.search(r"(?:\d|million|billion|cents?|a share)\s*$", text[max(0, cand.start - 20) : cand.start])
        if (cand.get("rel") or "").lower() != "last" or (cand.get("unit") or "").lower() != "year" or not amount:
            return value
    elif cand.rule not in ("year_ago_adj", "period_year_ago", "year_period"):
        return value
    if (cand.get("unit") or "").lower() != "quarter":  # "the year-ago quarter" names its grain
        if not re.search(r"\b" + QUARTER_PERIOD, text[:sentence_end], re.IGNORECASE):
            return value
        periods = REPORTING_PERIOD.findall(text, 0, cand.start)
        names_period = (cand.get("unit") or "").lower() == "period" or cand.rule == "period_year_ago"
        if periods and names_period and (months := _months_of_period(periods[-1])):
            # "For the nine months, ... In the year-earlier period": the same stretch a year before,
            # a duration as "the year-earlier nine months" is
            return Value(f"P{months}M", "duration", kind="duration")
        if periods and not periods[-1].lower().startswith("quarter"):
            return value
    year, month = shift_months(anchor, -3 - 12)
    if cand.rule == "year_period":  # "the 1989 period": the reported quarter, in the year named
        year = int(value.value)
    return Value(f"{year}-Q{(month - 1) // 3 + 1}", "quarter", basis=value.basis)


MONTH_COUNTS = {"six": 6, "nine": 9, "twelve": 12}


def _months_of_period(period: str) -> int | None:
    """The months a reporting period named by its length spans: "nine months" 9, "6-month" 6."""
    count = re.match(r"(\w+)[ -]months?$", period.lower())
    if not count:
        return None
    word = count.group(1)
    return int(word) if word.isdigit() else MONTH_COUNTS.get(word)


def sentence_starts(doc: Doc) -> list[int]:
    """Character offsets where sentences start, in order: the i-th is list(doc.sents)[i].start_char."""
    return list(sentence_chars(doc))


# --- tense ------------------------------------------------------------------------------------


def governing_verb(token: Optional[Token]) -> Optional[Token]:
    """The verb whose clause a token sits in: up the dependency tree to the first verb."""
    seen = 0
    while token is not None and seen < 12:
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
            return token
        if token.head == token:
            return None
        token, seen = token.head, seen + 1
    return None


def clause_tense(token: Optional[Token], nested: bool = False) -> Optional[str]:
    """'past', 'present', 'future' or None for the clause a token sits in. A time after "since"
    is in the past whatever the verb ("have been searching since the Oct. 23 slaying")."""
    signal = _opening_word(token)
    if signal == "since":
        return "past"
    if signal in ("until", "till"):
        return None  # "postponed until Tuesday" looks ahead from a past clause, "stayed until" not
    if signal == "effective":
        return "future"  # "created an office of the chairman, effective Feb. 1": a start date ahead
    verb = governing_verb(token)
    if verb is None:
        return None
    aux = [t for t in verb.children if t.dep_ in ("aux", "auxpass")]
    words = {t.lower_ for t in aux}
    if words & FUTURE_AUX or "going" in words and any(t.lower_ == "to" for t in aux):
        return "future"
    if "would" in words or "could" in words or "might" in words:
        return None
    if verb.tag_ == "VBG" and not aux and verb.dep_ in ("advcl", "conj", "xcomp") and not nested:
        # a participle clause takes the tense of the clause it hangs from: "the stock rose
        # sharply, rising to a high in June from $29.75 in March"
        return clause_tense(verb.head, nested=True)
    if words & {"have", "has", "'ve"} and verb.tag_ == "VBN" and not signal and (nested or not _modifies(token, verb)):
        # present perfect, the time inside a noun phrase: "have gathered evidence in the October
        # slaying", or in a participle clause hanging from it: "has fluctuated sharply, rising to
        # a high in June from $29.75 in March" (a time modifying the perfect verb itself may lie
        # ahead: "has extended loans through January")
        return "past"
    if verb.tag_ == "VB" and "to" in words and verb.dep_ in ("xcomp", "ccomp", "advcl") and _modifies(token, verb) and not nested:
        # "is scheduled to close Monday", "is to resume trading Tuesday": an infinitive under a
        # present or future clause looks ahead; under a past one ("had been due to expire
        # Friday") it may not, so it stays undecided
        return "future" if clause_tense(verb.head, nested=True) in ("present", "future") else None
    if verb.tag_ == "VBD" or any(t.tag_ == "VBD" for t in aux):
        # "planned a demonstration on Saturday", "postponed the vote to Tuesday": a time after a
        # past verb of planning may still lie ahead ("On Friday, the government planned ..." not)
        prospective = verb.lemma_.lower() in lexicon()["prospective_verbs"] and token.i > verb.i
        return None if prospective else "past"
    if verb.tag_ == "VBN" and not aux:
        return "past"  # reduced passives ("the city captured on Monday")
    if verb.tag_ in ("VBZ", "VBP") or any(t.tag_ in ("VBZ", "VBP") for t in aux):
        return "present"
    return None


def _modifies(token: Token, verb: Token) -> bool:
    """Whether a time modifies the verb itself ("close Monday", "resume on Tuesday"), not a noun
    in its clause ("sell itself under a June agreement")."""
    head = token.head
    return head == verb or head.pos_ == "ADP" and head.head == verb


def _opening_word(token: Optional[Token]) -> str:
    """The preposition that opens the phrase a token sits in ("since November", "since shortly
    after the Oct. 23 slaying", "until 9 a.m. Tuesday"), read from the words before it, as the
    parse often hangs the preposition elsewhere; "" when there is none."""
    if token is None:
        return ""
    start = token.left_edge.i
    for word in reversed(token.doc[max(0, start - 4) : start]):
        if word.lower_ in SIGNALS:
            return word.lower_
        if word.is_punct or word.pos_ in ("VERB", "AUX"):
            return ""
    return ""


# --- clock times joined to their day ------------------------------------------------------------


def _merge_clock_and_day(found: list[TimeRef], text: str) -> list[TimeRef]:
    """'10 p.m. Wednesday' is one expression: the day's date with the clock time. Across a
    bracketed other zone ("10:35 a.m. (0735 GMT) Friday") they stay two, the clock on that day."""
    merged: list[TimeRef] = []
    i = 0
    while i < len(found):
        cur = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        gap = text[cur.span.end : nxt.span.start] if nxt is not None else ""
        joined = re.fullmatch(r"\s*(?:,|on)?\s*", gap)
        if (
            cur.granularity == "time"
            and nxt is not None
            and nxt.granularity == "day"
            and nxt.kind == "point"
            and (joined or re.fullmatch(r"\s*\([^()]{1,20}\)\s*(?:,|on)?\s*", gap))
        ):
            value = nxt.value[:10] + cur.value[10:16] if nxt.value and cur.value else None
            if joined:
                span = Span(cur.span.start, nxt.span.end, text[cur.span.start : nxt.span.end], cur.span.sentence)
                merged.append(TimeRef(span.text, span, value, "time", nxt.basis, "point"))
                i += 2
                continue
            cur = TimeRef(cur.text, cur.span, value, "time", nxt.basis, "point")
        merged.append(cur)
        i += 1
    return merged


AROUND_DAY = re.compile(r"(?i:the\s+(?:(?P<week>week\s+of)|day\s+(?P<dir>before|after)))\s+$")


def _around_day(found: list[TimeRef], text: str) -> list[TimeRef]:
    """ "the week of March 6" is that date's week; "the day before last Tuesday" the Monday."""
    out = []
    for t in found:
        around = AROUND_DAY.search(text, max(0, t.span.start - 20), t.span.start)
        if around and t.kind == "point" and t.granularity == "day" and t.value and re.match(r"\d{4}-\d\d-\d\d", t.value):
            span = Span(around.start(), t.span.end, text[around.start() : t.span.end], t.span.sentence)
            day = dt.date.fromisoformat(t.value[:10])
            if around.group("week"):
                t = TimeRef(span.text, span, iso_week(day), "week", t.basis, "point")
            else:
                day += dt.timedelta(days=1 if around.group("dir").lower() == "after" else -1)
                t = TimeRef(span.text, span, day.isoformat(), "day", t.basis, "point")
        out.append(t)
    return out


# --- the date of an event ----------------------------------------------------------------------


def _chain_pattern() -> re.Pattern[str]:
    words = sorted(lexicon()["chain_markers"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def _dates_event(t: TimeRef) -> bool:
    """Points (with a value) can date an event; durations, sets and vague references cannot."""
    return t.kind == "point" and t.span is not None and t.granularity != "reference"


def _attachment(doc: Doc, t: TimeRef) -> Optional[Token]:
    """The word a time expression modifies ("met ... on Monday" -> met), over its preposition."""
    root = root_token(doc, t.span.start, t.span.end)
    if root is None:
        return None
    head = root.head
    while head.pos_ == "ADP" and head.head != head:
        head = head.head
    return head


def _clause_head(token: Optional[Token]) -> Optional[Token]:
    while token is not None:
        if token.pos_ in ("VERB", "AUX") and token.dep_ in CLAUSE_DEPS:
            return token
        if token.head == token:
            return token
        token = token.head
    return None


def _in_sentence(doc: Doc, trigger: Token, times: Sequence[TimeRef], index: int,
                 published: Optional[dt.date] = None) -> Optional[TimeRef]:
    """The time governing the trigger's clause, else the nearest one in its sentence. A time not
    attached to the trigger that lies after the publication date dates only an act the trigger's
    clause puts in the future: not one that has happened ("have been damaged by Russian bombardment,
    leaving conditions only expected to worsen as the winter grows near")."""
    candidates = [t for t in times if t.span.sentence == index and _dates_event(t)]
    if not candidates:
        return None
    clause = _clause_head(trigger)
    ahead = None  # whether the trigger's clause is future, worked out when a later time needs it
    best: tuple[int, int, TimeRef] | None = None
    for t in candidates:
        attached = _attachment(doc, t)
        rank = 0 if attached == trigger else 1 if _clause_head(attached) == clause else 2
        if rank > 0 and published is not None and _starts_after(t.value, published):
            ahead = clause_tense(trigger) == "future" if ahead is None else ahead
            if not ahead:
                continue
        distance = abs(t.span.start - trigger.idx)
        if best is None or (rank, distance) < best[:2]:
            best = (rank, distance, t)
    return best[2] if best is not None else None


def _starts_after(value: Optional[str], day: dt.date) -> bool:
    """The TimeML value begins after ``day``: "2023-WI" (from December 2022), "2022-09" after
    2022-08-21."""
    first, _ = date_range(value)
    return first is not None and first > day


def _chained(text: str, times: Sequence[TimeRef], starts: list[int], index: int) -> Optional[TimeRef]:
    """A time from the sentence before when this one chains to it ("Soon after that, ...")."""
    pattern = _chain_pattern()
    hops = 0

    def sentence(i: int) -> str:
        return text[starts[i] : starts[i + 1] if i + 1 < len(starts) else len(text)]

    while index > 0 and hops < 3 and pattern.search(sentence(index)):
        index, hops = index - 1, hops + 1
        earlier = [t for t in times if t.span.sentence == index and _dates_event(t)]
        if earlier:
            return earlier[-1]
    return None


def event_date(doc: Doc, trigger: Token, times: Sequence[TimeRef], article: Article) -> Optional[TimeRef]:
    """The date of the event whose verb or noun is ``trigger``; ``times`` is extract_times' result.

    In order:
    1. the point time whose dependency attachment is the trigger itself, else one attached to a
       word in the trigger's clause ("met with top generals on Monday" -> Monday);
    2. else the nearest point time in the same sentence (the event inherits it);
    3. else, when the sentence chains to the one before ("Soon after that", "then", "later",
       "afterwards", "the next day", ...), the last point time of the previous sentence (walking
       back over sentences that chain again), returned as that very TimeRef (its span shows where
       the date was read);
    4. else "on or before the publication date": ``TimeRef(text="", span=None, value=None,
       granularity="day", basis="publication_date", kind="interval", end=<publication date ISO>)``,
       an interval whose open start is ``value=None`` and whose end is the publication day;
    5. else (no publication date) None.
    Durations, sets and PAST_REF/PRESENT_REF/FUTURE_REF never date an event. A future-tense event
    also gets step 4; its certainty, set by the events stage, says it has not happened.
    """
    starts = sentence_starts(doc)
    index = bisect.bisect_right(starts, trigger.idx) - 1
    published = article.published
    day = published.date() if isinstance(published, dt.datetime) else published
    found = _in_sentence(doc, trigger, times, index, day) or _chained(doc_text(doc), times, starts, index)
    if found is not None:
        return found
    if day is None:
        return None
    return TimeRef(text="", span=None, value=None, granularity="day", basis="publication_date",
                   kind="interval", end=day.isoformat())
