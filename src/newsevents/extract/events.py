"""PLOVER events: per sentence, what it reports someone did to someone, where, when, how surely.

Find, then write. Finding is dictionary lookup over the parse: a verb or noun lemma in
``resources/ontology/triggers.tsv`` (ours) or, failing that, in the CAMEO verb dictionary mapped
to PLOVER (``cameo_verbs.tsv`` + ``cameo2plover.tsv``). A trigger's conditions ("the object is a
place", "an armed or state actor takes part") are checked (``event_conditions``) on the arguments
``event_roles`` finds, which is what keeps a football report's "attack" from becoming an event:
there, a bare country name is a team, not a state. Writing builds one frozen ``Event`` per kept
trigger with the sentence as evidence, its certainty and attribution, its date, and a stable id.
Then the sentence classifier (``event_rerank``, ``EventOptions``) re-weighs or drops rule events;
in a short text (a snippet, not an article) it also re-types them and codes sentences the rules
left empty when it is sure and a named political actor does it, or at a trigger of the quad it
reads whose conditions on who takes part failed; without its model file the rules stand alone.
Last, the role tagger (``role_assign``) re-reads each event's actor and recipient lists as the
source and target phrases of its sentence; a trigger whose conditions fail on the parse's
arguments is tried once more on those phrases when they hold the trigger's doer. An article
written in sport's, technology's or entertainment's words (``quiet_report``) keeps only the events
that happened, that name both a doer and whom it was done to, and that a party placed in a state
takes part in (``weak_event``); one with half those words keeps the events a party placed in a
state takes part in (``unplaced``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsevents.extract.actors import sentence_starts, to_span
from newsevents.extract.event_certainty import (
    as_intent, attribution_of, certainty_of, combine, date_of, refused, voiced_intent,
)
from newsevents.extract.event_classifier import sentence_model
from newsevents.extract.event_patterns import (
    LEANING_QUIET_DENSITY, QUIET_DENSITY, pattern_candidates, quiet_density, sport_report, sport_sentence,
    sport_words, team_names, without_states_by_name, without_teams,
)
from newsevents.extract.event_rerank import (
    DEFAULT_OPTIONS, DOER_PRONOUNS, EventOptions, added_type, adjust, anchors, named_political_doer,
    read_sentences, triggered_type,
)
from newsevents.extract.event_conditions import form_holds, needs_hold, reports_an_act
from newsevents.extract.event_roles import ActorIndex, Roles, find_roles, state_of_place
from newsevents.extract.event_senses import asks_for_comment, in_a_title, is_question
from newsevents.extract.parse_cache import token_strings
from newsevents.extract.places import with_sites
from newsevents.extract.role_assign import TaggedRoles, doer_token, trigger_region, with_tagged_roles
from newsevents.ontology import Trigger, event_lexicon
from newsevents.records import (
    Actor, Article, Attribution, Event, Place, Quote, Span, TimeRef, replace,
)

_SKIP_DEPS = {"amod", "compound"}  # "attack helicopter", "strike force": modifiers, not events
# Types whose direct object, when a place, is where the event happened ("shelled Kharkiv");
# for others a place object is a recipient or a topic ("recognized the regions").
_OBJECT_IS_WHERE = {"ASSAULT", "COERCE", "RETREAT", "MOBILIZE"}
# Sentences: a text no longer than this is no article to judge the classifier's additions by.
_SHORT_TEXT = 3


@dataclass(frozen=True, slots=True)
class Candidate:
    """A trigger found in the parse, with its arguments, before it becomes an Event."""

    token: Token
    trigger: Trigger
    roles: Roles
    confidence: float


_TRIGGER_POS = {"VERB", "NOUN"}


def triggers_for(token: Token) -> tuple[Trigger, ...]:
    """Lexicon entries a token may trigger (by lemma and coarse part of speech)."""
    if token.pos_ not in _TRIGGER_POS or token.dep_ in _SKIP_DEPS or in_a_title(token):
        return ()  # a title or a name ("Kill Bill") names no act
    lex = event_lexicon()
    lemma = token.lemma_.lower()
    joined = hyphen_prefix(token)
    found = lex.triggers.get((f"{joined}-{lemma}", token.pos_), ()) if joined else ()
    found = found or lex.triggers.get((lemma, token.pos_), ())
    if not found and token.pos_ == "NOUN" and token.lower_ != lemma:
        found = lex.triggers.get((token.lower_, "NOUN"), ())
    return found


def hyphen_prefix(token: Token) -> str | None:
    """The word a hyphen joins to the token with no space ("cease" of "cease-fire", "lathi" of
    "lathi-charged"): the tokenizer splits such a word in three and the head is its last part."""
    if token.i < 2:
        return None
    hyphen, first = token.doc[token.i - 1], token.doc[token.i - 2]
    if hyphen.text != "-" or hyphen.whitespace_ or first.whitespace_ or not first.is_alpha:
        return None
    return first.lower_


def tagged_sides(token: Token, roles: Roles, tagged: TaggedRoles, sentence: int) -> Roles | None:
    """The roles with the role tagger's phrases as sides, when its source phrase holds the doer
    the parse finds for the trigger (and not the trigger itself: "the Glasgow meeting will see");
    None when the tagger reads the sentence otherwise or adds nothing."""
    subject = doer_token(token)
    sources = tagged.phrases(sentence, "S")
    if subject is None or not any(s <= subject.i < e for s, e in sources):
        return None  # the tagger's source is someone else (often the speaker of the sentence)
    if any(s <= token.i < e for s, e in sources):
        return None
    actor, recipient = tagged.sides(sentence, roles.actor, roles.recipient, trigger_region(token))
    if (actor, recipient) == (roles.actor, roles.recipient):
        return None
    return replace(roles, actor=actor, recipient=recipient)


def _with_tagged_sides(trigger: Trigger, token: Token, roles: Roles, sport: bool,
                       tagged: TaggedRoles | None, sentence: int, about_sport: bool = False) -> Roles | None:
    """The roles, when the trigger's conditions hold on them or on the role tagger's phrases
    of the sentence (a source the parse did not attach or code: "Syrian regime air strikes").
    In a sentence about sport, countries named as a whole are teams on either reading."""
    if about_sport:
        roles = without_states_by_name(roles)
    if needs_hold(trigger, token, roles, sport or about_sport):
        return roles
    if tagged is None or not trigger.curated or not form_holds(trigger, token, roles):
        return None  # the tagger can only bring in who takes part
    retried = tagged_sides(token, roles, tagged, sentence)
    if retried is not None and about_sport:
        retried = without_states_by_name(retried)
    return retried if retried is not None and needs_hold(trigger, token, retried, sport or about_sport) else None


def find_candidates(doc: Doc, index: ActorIndex, places: tuple[Place, ...],
                    tagged: TaggedRoles | None = None) -> list[Candidate]:
    """Every trigger in the body whose conditions hold, in text order."""
    sport = sport_report(doc)
    teams = team_names(doc)
    by_sentence: dict[int, list[Place]] = {}
    for place in places:
        by_sentence.setdefault(place.span.sentence, []).append(place)
    w = token_strings(doc)
    found: list[Candidate] = []
    for i, sent in enumerate(doc.sents):
        sentence_places = by_sentence.get(i, [])
        about_sport = sport_sentence(sent)
        for at in range(sent.start, sent.end):
            if w.pos[at] not in _TRIGGER_POS or w.dep[at] in _SKIP_DEPS:
                continue  # triggers_for finds none (read from the parse's strings: no Token)
            token = doc[at]
            for trigger in triggers_for(token):
                where = trigger.type in _OBJECT_IS_WHERE or "place_obj" in trigger.needs
                roles = find_roles(token, index, sentence_places, doc, object_is_where=where,
                                   from_is_where=trigger.type == "RETREAT")
                roles = without_teams(roles, teams)
                roles = _with_tagged_sides(trigger, token, roles, sport, tagged, i, about_sport)
                if roles is None:
                    continue
                confidence = 0.6 if trigger.curated else 0.4
                found.append(Candidate(token, trigger, roles, confidence))
                break
        found += pattern_candidates(sent, index, sentence_places, Candidate, sport or about_sport)
    return sorted(found, key=lambda c: c.token.i)


def _with_default_recipient(trigger: Trigger, roles: Roles) -> tuple[Actor, ...]:
    """A seizure or attack in a place whose state is not the actor's is done to that state."""
    if roles.recipient or trigger.type not in {"ASSAULT", "COERCE"}:
        return roles.recipient
    state = state_of_place(roles.place)
    actor_countries = {a.country for a in roles.actor}
    if state is None or state.country in actor_countries or not actor_countries - {None}:
        return roles.recipient
    return (state,)


def event_id(article: Article, evidence: Span, kind: str, trigger: Span) -> str:
    key = f"{article.id}:{evidence.start}:{evidence.end}:{kind}:{trigger.start}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


_UNSURE = {"hypothetical": 0.3, "future": 0.15}


def to_event(
    doc: Doc,
    article: Article,
    candidate: Candidate,
    *,
    times: tuple[TimeRef, ...],
    attributions: tuple[Attribution, ...],
    starts: list[int],
) -> Event:
    token, trigger, roles = candidate.token, candidate.trigger, candidate.roles
    sent = token.sent
    evidence = to_span(doc, sent.start, sent.end, starts)
    trigger_span = to_span(doc, token.i, token.i + 1, starts)
    certainty, extra_context = certainty_of(token)
    attribution = attribution_of(token, attributions)
    kind = as_intent(trigger.type, certainty, voiced_intent(token), refused(token))
    if kind != trigger.type:  # the promise or threat itself happened; what it promises is context
        extra_context += (trigger.type.lower(),)
        certainty = "asserted"
    recipient = _with_default_recipient(trigger, roles)
    confidence = candidate.confidence + 0.1 * bool(roles.actor) + 0.1 * bool(recipient)
    # An act on a condition or still to come ("unless Baghdad accepted", "wants to attack") is
    # less sure to happen than the act the sentence reports.
    confidence -= _UNSURE.get(certainty, 0.0)
    return Event(
        id=event_id(article, evidence, kind, trigger_span),
        type=kind,
        evidence=evidence,
        mode=trigger.mode if kind == trigger.type else None,
        context=tuple(dict.fromkeys(trigger.context + extra_context)),
        actor=roles.actor,
        recipient=recipient,
        place=roles.place,
        date=date_of(doc, token, times, article, evidence),
        certainty=combine(certainty, attribution),
        attribution=attribution,
        confidence=round(min(confidence, 0.95), 2),
        trigger=trigger_span,
        targets=roles.targets,
        also_at=roles.also_at,
    )


def weak_event(event: Event) -> bool:
    """An event a sport, technology or entertainment report (``quiet_report``) does not keep: one
    whose sides we can place in no state ("the Premier League is continuing investigations",
    "Police investigating Stefan's murder", "15 protesters were arrested after entering the Big
    Brother compound"), or one the sentence does not report as happened ("may be responsible for
    the bomb threat", "have decided to ban camera phones"). Such an article's league, police and
    plans are its own world, seldom the political news an analyst codes. Nor one with a single
    side ("there had been 11 arrests", "Finnish police raided a file-sharing site", "the singer
    was arrested"): what the act was done to, or by, is left to the article's own world (a site,
    a fan, a gig), where a political event names both its doer and whom it was done to."""
    if _certainty_class(event.certainty) != "happened":
        return True
    if not event.actor or not event.recipient:
        return True
    return unplaced(event)


def unplaced(event: Event) -> bool:
    """No side of the event is placed in a state ("police praised the rock star")."""
    return not any(a.country for a in event.actor + event.recipient)


def _same_event(a: Event, b: Event) -> bool:
    """Two mentions of one event in an article: same type and mode (or one says no mode: "a
    Russian missile slammed into a building" is one attack, at "missile" and at "slammed"), same
    sides, same place."""
    if a.type != b.type or (a.mode != b.mode and a.mode and b.mode):
        return False
    sides_a = ({x.country for x in a.actor}, {x.country for x in a.recipient})
    sides_b = ({x.country for x in b.actor}, {x.country for x in b.recipient})
    if not a.actor and not b.actor and a.evidence.sentence == b.evidence.sentence:
        # "Ukraine's president held talks with G7 leaders": the verb and its noun, one meeting
        # whose doer neither names; its parties as each reads them
        coded_a, coded_b = sides_a[1] - {None}, sides_b[1] - {None}
        if not (coded_a <= coded_b or coded_b <= coded_a):
            return False
        if a.place is not None and b.place is not None and a.place.name != b.place.name:
            return False
        return _certainty_class(a.certainty) == _certainty_class(b.certainty)
    if not sides_a[0] or not sides_b[0] or sides_a[0] != sides_b[0]:
        same_place = a.place is not None and b.place is not None and a.place.name == b.place.name
        if not (same_place and (not sides_a[0] or not sides_b[0])):
            return False
    elif sides_a[1] and sides_b[1] and sides_a[1] != sides_b[1]:
        return False
    if (a.place is None) != (b.place is None) and not (sides_a[1] and sides_a == sides_b):
        return False  # one says where, the other not: one event only if both sides match
    if a.place is not None and b.place is not None and a.place.name != b.place.name:
        return False
    if a.place is None and b.place is None and (a.date and a.date.value) != (b.date and b.date.value):
        return False
    return _certainty_class(a.certainty) == _certainty_class(b.certainty)


def _certainty_class(certainty: str) -> str:
    """Happened (asserted, reported, claimed), did not (denied), or not yet (the rest)."""
    if certainty in {"asserted", "reported", "claimed"}:
        return "happened"
    return certainty if certainty == "denied" else "unreal"


def _merge_repeats(events: list[Event]) -> list[Event]:
    """Keep the first mention of each event; a later one only fills what the first lacked."""
    kept: list[Event] = []
    for event in events:
        for i, earlier in enumerate(kept):
            if _same_event(earlier, event):
                kept[i] = _fill(earlier, event)
                break
        else:
            kept.append(event)
    return kept


def _fill(first: Event, later: Event) -> Event:
    return replace(
        first,
        mode=first.mode or later.mode,
        actor=first.actor or later.actor,
        recipient=first.recipient or later.recipient,
        place=first.place or later.place,
        also_at=first.also_at if first.place else later.also_at,
        date=first.date if first.date is not None and first.date.value else later.date or first.date,
        targets=tuple(dict.fromkeys(first.targets + later.targets)),
    )


_MOTION = {"shift", "move", "turn", "head", "advance", "focus", "push", "proceed", "switch"}


def _follow_on_targets(event: Event, doc: Doc, sentences: list, places: tuple[Place, ...]) -> Event:
    """A movement towards a region, then "the battle will shift to cities there such as A and B"
    in the next sentence: A and B are targets too (cities inside the targeted region)."""
    if event.type != "MOBILIZE" or not event.targets:
        return event
    regions = {t.admin1 or t.name for t in event.targets if t.feature == "adm1"}
    following = event.evidence.sentence + 1
    if not regions or following >= len(sentences):
        return event
    added = []
    for token in sentences[following]:
        if token.lemma_.lower() not in _MOTION or token.pos_ != "VERB":
            continue
        lo, hi = token.idx, token.right_edge.idx + len(token.right_edge)
        added += [
            p for p in places
            if p.span.sentence == following and lo <= p.span.start < hi
            and p.feature != "adm1" and p.admin1 in regions
        ]
    if not added:
        return event
    return replace(event, targets=tuple(dict.fromkeys(event.targets + tuple(added))))


def _political_anchor(sent, i: int, kind: str, index: ActorIndex, places: tuple[Place, ...],
                      options: EventOptions, teams: frozenset[str]) -> tuple[Token, Roles] | None:
    """The first anchor of sentence ``i`` whose doer is a named political actor, with its roles."""
    for token, roles in _anchored_roles(sent, i, kind, index, places, teams):
        if any(named_political_doer(a, options) for a in roles.actor):
            return token, roles
    return None


# Named doers an actor dictionary may not know: an agency, a state, a people.
_NAMED_DOER = {"ORG", "GPE", "NORP"}


def _named_anchor(sent, i: int, kind: str, index: ActorIndex, places: tuple[Place, ...],
                  options: EventOptions, teams: frozenset[str]) -> tuple[Token, Roles] | None:
    """The first anchor of sentence ``i`` whose doer is a named political actor, a group of people
    the actor dictionaries code ("nurses walked off the job") or a named organisation or state they
    do not ("ICE returned the paintings", "the ELN declared a ceasefire"), with its roles; not "the
    singer died", nor a firm's doing ("the company said"), nor in a sentence about sport, where
    the classifier mistakes play for events."""
    words = sport_words()
    if any(t.lemma_.lower() in words or t.lower_ in words for t in sent):
        return None
    for token, roles in _anchored_roles(sent, i, kind, index, places, teams):
        if kind in _FORCE and any(named_political_doer(a, options) for a in roles.actor):
            return None  # force by a state or armed actor: judged at the usual bar ("add") only
        if certainty_of(token)[0] == "denied":
            continue  # at this bar an act the sentence says did not happen is not worth coding
        subject = doer_token(token)
        named = subject is not None and (subject.ent_type_ in _NAMED_DOER or _acronym(subject))
        coded = [a for a in roles.actor if a.sector]
        if any(named_political_doer(a, options) or _people(a) for a in coded) or (named and not coded):
            return token, roles
    return None


# Police and army reports ("police said they were questioning ...") read like force to the
# classifier: force by a political doer needs its usual bar.
_FORCE = {"ASSAULT", "COERCE", "MOBILIZE"}


def _people(actor: Actor) -> bool:
    """A coded doer that is people, not a firm ("teachers", "nurses"), nor a pronoun, whose
    antecedent may be a firm or a singer."""
    return actor.sector not in {"BUS", None} and actor.text.lower() not in DOER_PRONOUNS


def _acronym(token: Token) -> bool:
    """ "ICE", "USAID", "ELN": capitals name an organisation even where the parser sees a noun."""
    return token.is_alpha and token.is_upper and len(token) >= 2


def _anchored_roles(sent, i: int, kind: str, index: ActorIndex, places: tuple[Place, ...],
                    teams: frozenset[str]):
    doc = sent.doc
    here = [p for p in places if p.span.sentence == i]
    for token in anchors(sent):
        roles = find_roles(token, index, here, doc, object_is_where=kind in _OBJECT_IS_WHERE,
                           from_is_where=kind == "RETREAT")
        yield token, without_teams(roles, teams)


def _as_written(kind: str, token: Token) -> str | None:
    """The type the trigger's wording makes of its act, as ``to_event`` codes it: a refusal to
    cooperate ("will not end the strike") is a REJECT, a voiced intent an AGREE or a THREATEN;
    None for an act the sentence says did not happen, which at this bar is not worth coding."""
    certainty, _ = certainty_of(token)
    written = as_intent(kind, certainty, voiced_intent(token), refused(token))
    return None if certainty == "denied" and written == kind else written


def _triggered_anchor(sent, i: int, reading, index: ActorIndex, places: tuple[Place, ...],
                      options: EventOptions, teams: frozenset[str]) -> tuple[str | None, tuple[Token, Roles] | None]:
    """(type, (trigger word, roles)) of an event at a lexicon trigger whose conditions failed, in a
    sentence the classifier reads as that trigger's quad (``triggered_type``); (None, None) if none.
    Only who takes part is waived, which the classifier judges; the trigger's form (its object,
    its voice: ``form_holds``) must hold and the words must report an act ("no officials to meet
    the buyers", "3,000 visits a year", "a danger of attacks" report none)."""
    here = [p for p in places if p.span.sentence == i]
    written, found = {}, {}
    for token in sent:
        for trigger in triggers_for(token):
            where = trigger.type in _OBJECT_IS_WHERE or "place_obj" in trigger.needs
            roles = find_roles(token, index, here, sent.doc, object_is_where=where,
                               from_is_where=trigger.type == "RETREAT")
            kind = _as_written(trigger.type, token)
            if kind and reports_an_act(token) and form_holds(trigger, token, roles):
                written[(token.i, kind)] = trigger.type
                found.setdefault(token.i, without_teams(roles, teams))  # the first trigger's reading
    words = [(sent.doc[at], [kind]) for at, kind in written]
    hit = triggered_type(reading, words, event_lexicon().quad, options.add_triggered)
    if hit is None:
        return None, None
    token, kind = hit[0], written[(hit[0].i, hit[1])]  # to_event makes the same type of it
    return kind, (token, found[token.i])


def _classified(doc: Doc, article: Article, events: list[Event], model, index: ActorIndex,
                places: tuple[Place, ...], options: EventOptions, context: dict) -> list[Event]:
    """Rule events re-weighed by the sentence classifier, plus the sentences it is sure of."""
    quad_of = event_lexicon().quad
    ruled = {e.evidence.sentence for e in events}
    sentences, teams = list(doc.sents), team_names(doc)
    sport = sport_report(doc)
    # Only a short text (a wire snippet, a gold sentence spaCy splits in two: a few sentences with
    # no article around them) gains events the rules did not find; there every sentence the rules
    # left empty is open, since its doer may be one our actor dictionaries do not know ("ICE
    # returned ..."). In an article the classifier reads a sentence as if it were a headline of
    # political news: of 38 events it added to 100 corpus articles, about 9 were right ("Zelensky
    # spoke to Russian soldiers" was a THREATEN, "the president cancels public events" another).
    # Sports reports gain none.
    # Nor does it re-type an article's events: it reads a sentence's quad and the article's long
    # sentences hold several events; of 45 it re-typed in 120 corpus articles, one was right
    # ("Russian forces withdrew from northern Ukraine, but shelling continues" made the withdrawal
    # a PROTEST, sanctions THREATENs, a mobilization a RETREAT).
    short = len(sentences) <= _SHORT_TEXT
    open_sentences = set(range(len(sentences))) - ruled if short and not sport else set()
    readings = read_sentences(doc, events, model, ruled | open_sentences, quad_of)
    kept = [e for e in (adjust(e, readings[e.evidence.sentence], quad_of, options, may_retype=short)
                        for e in events) if e]
    for i in sorted(open_sentences):
        if is_question(sentences[i]) or asks_for_comment(sentences[i]):
            continue  # the classifier reads a question or a request for comment as an act
        kind = added_type(readings[i], quad_of, options)
        found = _political_anchor(sentences[i], i, kind, index, places, options, teams) if kind else None
        if found is None:
            kind = added_type(readings[i], quad_of, options, threshold=options.add_unnamed)
            found = _named_anchor(sentences[i], i, kind, index, places, options, teams) if kind else None
        if found is None and not sport_sentence(sentences[i]):
            kind, found = _triggered_anchor(sentences[i], i, readings[i], index, places, options, teams)
        if found is None:
            continue  # the classifier knows the sentence, not who did it: no political doer, no event
        token, roles = found
        trigger = Trigger(token.lemma_.lower(), token.pos_, kind, None, ("classifier",), (), curated=False)
        # the added type is of the best quad (or, at a trigger, made of it as written: "will not end")
        confidence = 0.5 * float(readings[i].quad.max()) - 0.2
        kept.append(to_event(doc, article, Candidate(token, trigger, roles, confidence), **context))
    return sorted(kept, key=lambda e: (e.evidence.start, e.trigger.start if e.trigger else 0))


def extract_events(
    doc: Doc,
    article: Article,
    *,
    actors: tuple[Actor, ...] = (),
    places: tuple[Place, ...] = (),
    times: tuple[TimeRef, ...] = (),
    quotes: tuple[Quote, ...] = (),
    attributions: tuple[Attribution, ...] = (),
    options: EventOptions = DEFAULT_OPTIONS,
) -> tuple[Event, ...]:
    """The events the body reports, in text order (quotes are read through ``attributions``)."""
    del quotes  # a quote's claim reaches events as an Attribution covering its words
    places = with_sites(doc, places)  # an event may happen at a village or a site no gazetteer holds
    index = ActorIndex(doc, article, actors)
    tagged = TaggedRoles(doc, article, actors, places)
    starts = sentence_starts(doc)
    events = [
        to_event(doc, article, c, times=times, attributions=attributions, starts=starts)
        for c in find_candidates(doc, index, places, tagged)
    ]
    model = sentence_model() if options.classifier else None
    if model is not None:
        context = dict(times=times, attributions=attributions, starts=starts)
        events = _classified(doc, article, events, model, index, places, options, context)
    events = with_tagged_roles(events, tagged)
    density = quiet_density(doc) if events else 0.0
    if density >= QUIET_DENSITY:
        events = [e for e in events if not weak_event(e)]
    elif density >= LEANING_QUIET_DENSITY:
        # Half a quiet report's words ("the rock star", "the singer", "the band"): its police and
        # authorities may still be the story's own world, unless the text places them in a state.
        events = [e for e in events if not unplaced(e)]
    sentences = list(doc.sents)
    events = [_follow_on_targets(e, doc, sentences, places) for e in events]
    return tuple(_merge_repeats(events))
