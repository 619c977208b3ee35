"""Control claims: who holds which place, according to the article, as of when.

Two sources. Events: a seizure that is not denied, attempted or merely planned says its actor
captured the place (retook it, for "retake", "recapture", "liberate", "regain"); a withdrawal says
its actor left it. Phrases: "X's control over P", "P under X control", "X controls/holds P" say X holds P;
"fighting for P" says P is contested. A generic place noun ("an entire Ukrainian province")
resolves to the first-level unit of a place named in the same sentence.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Token

from newsevents.extract.actors import actor_from_span, sentence_starts, to_span
from newsevents.extract.event_certainty import attribution_of
from newsevents.extract.parse_cache import token_strings
from newsevents.records import Article, Attribution, ControlClaim, Event, Place, TimeRef

RETAKE_LEMMAS = {"retake", "recapture", "liberate", "regain", "reclaim", "recover"}
HOLD_VERBS = {"control", "hold"}
CONTEST_NOUNS = {"fighting", "battle", "fight", "struggle"}
_PHRASE_LEMMAS = {"control"} | HOLD_VERBS | CONTEST_NOUNS
SETTLING_VERBS = {"win", "lose", "end", "survive", "prepare", "remember", "recall", "finish", "conclude"}
PROVINCE_NOUNS = {"province", "region", "oblast", "state"}
# An attempt ("tried to capture") or a guess ("probably captured") says nothing about who holds it.
_UNSURE = {"denied", "hypothetical", "future", "hedged"}


def _publication(article: Article) -> TimeRef | None:
    published = article.published
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        published = published.date()
    return TimeRef(text="", span=None, value=published.isoformat(), granularity="day",
                   basis="publication_date")


def _controller(event: Event) -> str | None:
    for actor in event.actor:
        if actor.country:
            return actor.country
    for actor in event.actor:
        if actor.sector in {"REB", "MIL"}:
            return actor.name
    return None


def claims_from_events(events: tuple[Event, ...], article: Article) -> list[ControlClaim]:
    found = []
    for event in events:
        if event.place is None or event.certainty in _UNSURE:
            continue
        controller = _controller(event)
        if controller is None:
            continue
        trigger = (event.trigger.text.lower() if event.trigger else "")
        if event.type == "COERCE" and event.mode == "seize":
            status = "retaken" if any(trigger.startswith(w[:5]) for w in RETAKE_LEMMAS) else "captured"
        elif event.type == "RETREAT" and event.mode == "withdraw":
            status = "withdrawn"
        else:
            continue
        as_of = event.date if event.date is not None and (event.date.value or event.date.end) else None
        found.append(ControlClaim(event.place, controller, status, event.evidence,
                                  as_of or _publication(article), event.attribution))
    return found


def _place_of_phrase(token: Token, sentence_places: list[Place], all_places: tuple[Place, ...]):
    """The place a phrase names: a named place in it, or a province resolved from the sentence.
    A clause inside the phrase is not the phrase ("the resources that used to be under Kyiv's
    jurisdiction" names no place Russia controls)."""
    lo, hi = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    clauses = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
               for c in token.subtree if c.dep_ in {"relcl", "acl", "advcl"} and c.i != token.i]
    inside = [p for p in sentence_places if lo <= p.span.start and p.span.end <= hi
              and not any(a <= p.span.start < b for a, b in clauses)]
    if inside:
        return inside[-1]
    if token.lemma_.lower() in PROVINCE_NOUNS:
        for place in sentence_places:
            if place.admin1:
                match = _admin1_place(place, all_places)
                if match is not None:
                    return match
    return None


def _admin1_place(place: Place, all_places: tuple[Place, ...]) -> Place | None:
    """The first-level unit a place lies in, as the article names it elsewhere."""
    admin1 = (place.admin1 or "").lower()
    for other in all_places:
        if other.feature == "adm1" and admin1 and (
            admin1 in other.name.lower() or other.name.lower() in admin1
        ):
            return other
    return None


def _phrase_claims(doc: Doc, article: Article, places: tuple[Place, ...], events, attributions) -> list:
    starts = sentence_starts(doc)
    by_sentence: dict[int, list[Place]] = {}
    for place in places:
        by_sentence.setdefault(place.span.sentence, []).append(place)
    found = []
    lemmas = token_strings(doc).lemma
    for at, lemma in enumerate(lemmas):
        if lemma not in _PHRASE_LEMMAS:
            continue  # none of the branches below can hold (no Token made for the other words)
        token = doc[at]
        status, owner, target = None, None, None
        if lemma == "control" and token.pos_ == "NOUN":
            owner = next((c for c in token.children if c.dep_ in {"poss", "amod"}), None)
            prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in {"over", "of"}), None)
            target = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep else None
            status = "holds"
        elif lemma in HOLD_VERBS and token.pos_ == "VERB":
            owner = next((c for c in token.children if c.dep_ == "nsubj"), None)
            target = next((c for c in token.children if c.dep_ == "dobj"), None)
            status = "holds"
        elif lemma in CONTEST_NOUNS and token.pos_ == "NOUN" and not _settled(token):
            prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in {"for", "over"}), None)
            target = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep else None
            status = "contested"
        if status is None or target is None:
            continue
        sentence = bisect_sentence(starts, token.i)
        place = _place_of_phrase(target, by_sentence.get(sentence, []), places)
        if place is None:
            continue
        controller = "contested"
        if owner is not None:
            actor = actor_from_span(doc[owner.i:owner.i + 1], article)
            if not actor.country:
                continue
            controller = actor.country
        elif status != "contested":
            continue
        evidence = to_span(doc, token.sent.start, token.sent.end, starts)
        found.append(ControlClaim(place, controller, status, evidence,
                                  _sentence_date(events, evidence) or _publication(article),
                                  attribution_of(token, attributions)
                                  or _sentence_attribution(events, evidence)))
    return found


def _settled(noun: Token) -> bool:
    """Whether "the battle for X" is told as over, won, lost or yet to come ("fought in the battle
    for Kyiv", "has won the battle for Mariupol", "preparing for a battle"), not as going on: the
    verb it hangs from is in the past, or one that ends or awaits a fight."""
    verb = noun.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    past = verb.tag_ in {"VBD", "VBN"} or any(c.lower_ == "had" for c in verb.children)
    return past or verb.lemma_.lower() in SETTLING_VERBS


def bisect_sentence(starts: list[int], i: int) -> int:
    from bisect import bisect_right

    return bisect_right(starts, i) - 1


def _sentence_date(events, evidence):
    for event in events:
        if event.evidence.sentence == evidence.sentence and event.date is not None:
            return event.date
    return None


def _sentence_attribution(events, evidence):
    for event in events:
        if event.evidence.sentence == evidence.sentence and event.attribution is not None:
            return event.attribution
    return None


def extract_control(
    doc: Doc,
    article: Article,
    *,
    events: tuple[Event, ...] = (),
    places: tuple[Place, ...] = (),
    attributions: tuple[Attribution, ...] = (),
) -> tuple[ControlClaim, ...]:
    """Control claims in text order, one per (place, controller, status)."""
    claims = claims_from_events(events, article) + _phrase_claims(
        doc, article, places, events, attributions
    )
    seen: dict[tuple, ControlClaim] = {}
    for claim in sorted(claims, key=lambda c: c.evidence.start):
        key = (claim.place.name, claim.controller, claim.status)
        seen.setdefault(key, claim)
    return tuple(seen.values())
