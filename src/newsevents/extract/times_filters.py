"""Filtering time-expression matches with the parse: ``May`` the verb or the surname, "the March
for Our Lives", "the Sunday Times", "2,000 troops", ABC's "This Week" are not times.

`plausible(candidate, doc)` runs the check for the candidate's grammar rule, if it has one.
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsevents.extract.times_grammar import Candidate, lexicon

NAME_ENTS = {"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "EVENT", "NORP", "LAW"}


def tokens(doc: Doc, start: int, end: int) -> Optional[SpacySpan]:
    return doc.char_span(start, end, alignment_mode="expand")


def root_token(doc: Doc, start: int, end: int) -> Optional[Token]:
    span = tokens(doc, start, end)
    return span.root if span is not None and len(span) else None


def _starts_compound(span: SpacySpan, doc: Doc) -> bool:
    """Whether a hyphen and a word follow the span without a space: the start of a compound."""
    if span.end + 1 >= len(doc) or span[-1].whitespace_:
        return False
    hyphen, word = doc[span.end], doc[span.end + 1]
    return hyphen.text == "-" and not hyphen.whitespace_ and word.text[:1].isalpha()


def _prev_word(doc: Doc, span: SpacySpan) -> str:
    return doc[span.start - 1].lower_ if span.start > 0 else ""


def plausible(c: Candidate, doc: Doc) -> bool:
    """False for the matches the parse shows are not times."""
    span = tokens(doc, c.start, c.end)
    if span is None or not len(span):
        return False
    if _starts_compound(span, doc):
        return False  # "the quarter-to-quarter comparison"
    lex = lexicon()
    check = _CHECKS.get(c.rule)
    return check(c, span, doc, lex) if check else True


def _month_ok(c: Candidate, span: SpacySpan, doc: Doc, lex: dict) -> bool:
    if c.get("rel") or span[0].text.startswith("mid-"):
        return True
    token = span[0]
    if token.tag_ == "MD" or token.ent_type_ in NAME_ENTS:
        return False
    return _prev_word(doc, span) in lex["month_prepositions"] or _names_a_time_of(token) or (
        token.ent_type_ == "DATE" and c.get("month") not in ("May", "March")
    )


def _names_a_time_of(token: Token) -> bool:
    """A month between a determiner and the common noun it dates is a time even when the word is
    ambiguous: "the March accession", "a May meeting", "its June agreement" (not "the March for
    Our Lives", whose head is no lower-case noun)."""
    head = token.head
    before = token.doc[token.i - 1] if token.i > 0 else None
    return (
        token.dep_ in ("compound", "nmod", "amod") and head.i == token.i + 1 and head.pos_ == "NOUN"
        and head.text.islower() and before is not None and before.tag_ in ("DT", "PRP$", "POS")
    )


def _rel_day_ok(c: Candidate, span: SpacySpan, doc: Doc, lex: dict) -> bool:
    """Not a programme or a paper ("the BBC's Today programme", "USA Today"): mid-sentence, a
    capitalised "Today" is a name. Not "the people of tomorrow", "the cities of tomorrow": after
    a noun and "of", "tomorrow" is the future in general, no day; nor is "today's world" (see
    `_nowadays`)."""
    token = span[0]
    before = doc[span.start - 1] if span.start > 0 else None
    if len(span) == 1 and token.lower_ == "tomorrow" and before is not None and before.lower_ == "of" and before.head.pos_ == "NOUN":
        return False
    if len(span) == 1 and token.lower_ == "today" and _nowadays(span, doc, lex):
        return False
    if not token.text[0].isupper() or token.is_sent_start or before is None:
        return True
    # "``Today, ..." opens a quotation: the backtick is not tagged as punctuation
    punct = before.is_punct or not any(ch.isalnum() for ch in before.text)
    return before.is_space or (punct and before.text not in ("'s", "’s"))


def _nowadays(span: SpacySpan, doc: Doc, lex: dict) -> bool:
    """ "today's world", "today's youth", "many of today's computers": "today's" meaning nowadays,
    no day (not "today's meeting", "today's geography quiz")."""
    after = doc[span.end : span.end + 3]
    if not len(after) or after[0].text not in ("'s", "’s"):
        return False
    possessed = span[0].head if span[0].dep_ == "poss" else None
    nouns = lex["nowadays_nouns"]
    if possessed is not None and (possessed.lower_ in nouns or possessed.lemma_.lower() in nouns):
        return True
    if " ".join(t.lower_ for t in after[1:3]) in nouns:  # "today's young people"
        return True
    # partitive "many of today's personal computers": a share of what exists nowadays
    return span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in ("many", "most", "some", "all", "much")


def _weekday_ok(c: Candidate, span: SpacySpan, doc: Doc, lex: dict) -> bool:
    after = doc[span.end].text if span.end < len(doc) else ""
    after2 = doc[span.end : span.end + 2].text
    if after in lex["not_after_weekday"] or after2 in lex["not_after_weekday"]:
        return False
    before = doc[span.start - 1].text if span.start > 0 else ""
    if before in ("'", "‘", "``", '"', "“") or doc[span.start].ent_type_ in ("ORG", "WORK_OF_ART"):
        return False
    return not (span.start > 0 and doc[span.start - 1].text in lex["not_before_weekday"])


def _year_ok(c: Candidate, span: SpacySpan, doc: Doc, lex: dict) -> bool:
    if c.get("mod") or span[0].lower_.startswith("mid-"):
        return True
    token = span[-1]
    if re.fullmatch(r"(?i:pre|post|mid)-\d{4}", token.text):
        return True  # "the post-1959 politics"
    if token.ent_type_ in ("MONEY", "QUANTITY", "PERCENT") or token.like_num is False:
        return False
    head = token.head
    # "2000 troops" counts; "the 1995 shooting" dates: a year before a plural noun is a count,
    # unless a determiner or possessive stands before it ("the company's 1989 operating results")
    before_word = doc[span.start - 1] if span.start > 0 else None
    determined = before_word is not None and (before_word.tag_ in ("DT", "PRP$", "POS") and before_word.lower_ not in ("no", "some", "all", "these", "those", "both"))
    # but nothing counts earnings: "predicting 1990 BellSouth earnings" dates them
    counted = head.lemma_ not in lex["units"] and head.lower_ not in lex["dated_plurals"]
    if token.dep_ == "nummod" and head.tag_ == "NNS" and counted and not determined:
        return False
    if token.ent_type_ == "DATE" or _prev_word(doc, span) in lex["year_prepositions"]:
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    return not (before is not None and (before.text in ("$", "#", "No.", "no.") or before.like_num))


def _duration_ok(c: Candidate, span: SpacySpan, doc: Doc, lex: dict) -> bool:
    unit, num = (c.get("unit") or "").lower(), (c.get("num") or "").lower()
    after = doc[span.end] if span.end < len(doc) else None
    if unit == "second" and not (after is None or after.is_punct):
        return False
    if unit in ("quarter", "half") and after is not None and after.lower_ in ("of", "century", "a", "an"):
        return False
    if c.rule != "ago" and num in ("a", "an", "one") and after is not None and after.lower_ == "of":
        return False  # "a quarter of the shares"; not "earnings a year earlier of $382 million"
    if after is not None and after.lower_ in ("old", "older", "younger"):
        return False  # ages: "52 years old"
    before = doc[span.start - 1] if span.start > 0 else None
    if c.rule != "ago" and num in ("a", "an", "per") and before is not None and (
        before.like_num or before.lower_ in ("times", "twice", "thrice") or _counted_time_unit(before, lex)
    ):
        return False  # rates: "$55 a night", "24 hours a day", "three times a week"
    unit = c.get("unit") or ""
    if unit[:1].isupper() and not span[0].is_sent_start:
        return False  # titles: "60 Minutes"
    return not (span[-1].ent_type_ in ("MONEY", "PERCENT"))


def _counted_time_unit(token: Token, lex: dict) -> bool:
    """A plural unit of time with its number: "hours" in "24 hours a day", "days" in "seven days a
    week" (what follows is the rate's period, no time of its own)."""
    return token.tag_ == "NNS" and token.lemma_.lower() in lex["units"] and any(
        child.dep_ == "nummod" or child.like_num for child in token.children)


def _reference_ok(c: Candidate, span: SpacySpan, doc: Doc, lex: dict) -> bool:
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    ref = c.get("ref").lower()
    if len(span) == 1 and after in ("after", "before", "afterwards", "afterward", "thereafter", "than", "as"):
        return False  # "soon after that", "as soon as" link events; "in coming months as ..." is a time
    if ref in ("current", "future"):
        return _adjective_reference_ok(span)
    if ref == "now" and after == "," and _opens_sentence(span, doc):
        return False  # "Now, he says, ...": the discourse marker that turns to a new point, no time

    if ref == "the past" and span.end < len(doc) and (doc[span.end].like_num or after in ("few", "several", "many", "couple")):
        return False  # "the past three summers": "the past" opens an amount of a unit, no reference of its own
    if ref == "the future" and after == "of":
        return False  # "the future of our peoples": their prospects, not a time
    return not (ref == "the past" and after in ("tense",))


def _opens_sentence(span: SpacySpan, doc: Doc) -> bool:
    """Whether the span starts its sentence, after any opening quotation marks."""
    i = span.start
    while i > 0 and not doc[i].is_sent_start and (doc[i - 1].is_quote or doc[i - 1].text in ("``", "\"", "“", "'")):
        i -= 1
    return doc[i].is_sent_start or i == 0


def _adjective_reference_ok(span: SpacySpan) -> bool:
    """ "current prices" and "the boy's future" are times, as TimeBank annotates them; an ocean
    current, "a future in which ...", "the foreseeable future" are not, and neither, mostly, is the
    adjective "future" ("future earnings": 5 annotated of 14 on TimeBank/AQUAINT)."""
    token = span[0]
    if token.pos_ == "ADJ":
        return token.lower_ == "current" and (token.dep_ == "amod" or token.head.pos_ in ("NOUN", "PROPN"))
    first = token.left_edge
    return token.pos_ == "NOUN" and first.i < token.i and first.tag_ in ("PRP$", "NNP", "NNPS") and all(
        t.tag_ in ("PRP$", "POS", "NNP", "NNPS") for t in token.doc[first.i : token.i])


def _season_ok(c: Candidate, span: SpacySpan, doc: Doc, lex: dict) -> bool:
    if c.get("year"):
        return True
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    return after != "of" and span[-1].pos_ != "VERB"


def _set_ok(c: Candidate, span: SpacySpan, doc: Doc, lex: dict) -> bool:
    word = (c.get("set") or "").lower()
    if word in lex["sets"] and _after_amount(span, doc):
        return False  # rates: "rise 8.5% annually", "10,000 units annually", like "$55 a night"
    if word not in lex["adverb_sets"] or span[0].pos_ == "ADV" and span[0].dep_ == "advmod":
        return True
    # "a daily basis", "hourly earnings" are frequencies; "quarterly dividend" is a kind of payment
    # and "average daily volume" a statistic's name, as TimeBank annotates them
    return word in lex["adjective_sets"] and span[0].pos_ == "ADJ" and _prev_word(doc, span) != "average"


def _after_amount(span: SpacySpan, doc: Doc) -> bool:
    """Whether the word before the span is an amount: a number, a percentage or sum, or a noun
    counted by a number ("10,000 units")."""
    if span.start == 0:
        return False
    before = doc[span.start - 1]
    return (before.like_num or before.text == "%" or before.ent_type_ in ("MONEY", "PERCENT", "QUANTITY")
            or any(child.dep_ == "nummod" for child in before.children))


def _rel_unit_ok(c: Candidate, span: SpacySpan, doc: Doc, lex: dict) -> bool:
    """Not a title: ABC's "This Week" has a capital unit mid-sentence."""
    return not ((c.get("unit") or "")[:1].isupper() and not span[0].is_sent_start)


def _clock_ok(c: Candidate, span: SpacySpan, doc: Doc, lex: dict) -> bool:
    return not (c.get("named") and _prev_word(doc, span) == "high")  # "High Noon", "high noon comes"


def _part_of_day_ok(c: Candidate, span: SpacySpan, doc: Doc, lex: dict) -> bool:
    """Not a modifier of a later noun: "the afternoon session", "the morning papers"."""
    last = span[-1]
    return not (last.head.i > last.i and last.dep_ in ("compound", "amod", "nmod"))


def _ordinal_day_ok(c: Candidate, span: SpacySpan, doc: Doc, lex: dict) -> bool:
    """ "the Nth day of" something dates a day only as the predicate of a present-tense "it is" or
    "today is": "It's the second day of an offensive"; "on the first day of the trial" is a day
    counted from an event this rule cannot date."""
    day = span[-1]
    verb = day.head
    if day.dep_ != "attr" or verb.lemma_ != "be" or verb.tag_ not in ("VBZ", "VBP"):
        return False
    return any(child.dep_ == "nsubj" and child.lower_ in ("it", "today", "this") for child in verb.children)


def _overnight_ok(c: Candidate, span: SpacySpan, doc: Doc, lex: dict) -> bool:
    """The adjective dates its noun ("overnight losses", "the overnight raids"); the adverb is a
    manner ("changed overnight": suddenly) or a stay ("stayed overnight"), and after "a"/"an" the
    adjective names a kind ("an overnight success", "an overnight stay")."""
    return span[0].pos_ == "ADJ" and span[0].dep_ == "amod" and _prev_word(doc, span) not in ("a", "an")


_CHECKS = {
    "overnight": _overnight_ok,
    "ordinal_day": _ordinal_day_ok,
    "part_of_day": _part_of_day_ok,
    "rel_unit": _rel_unit_ok,
    "clock": _clock_ok,
    "set": _set_ok,
    "rel_day": _rel_day_ok,
    "month": _month_ok,
    "weekday": _weekday_ok,
    "year": _year_ok,
    "duration": _duration_ok,
    "ago": _duration_ok,
    "reference": _reference_ok,
    "rel_season": _season_ok,
}
