"""Whether a trigger's conditions hold: who must take part and what the parse must show.

Each line of ``resources/ontology/triggers.tsv`` sets conditions ("armed", "place_obj",
"obj=sanction|ban", ...). ``needs_hold`` checks them on the arguments ``event_roles`` found;
``form_holds`` checks only those about the parse (object, particle, modifier), which the role
tagger's phrases cannot change.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.extract.event_roles import WEAPON_NOUNS, Roles, attack_in, is_armed
from newsevents.extract.event_senses import (
    habitual, met_with, named_in_passing, nobody_to_do, only_needed, passive, reflexive_object,
    ruled_out_cause, warns_ahead,
)
from newsevents.extract.place_sites import SITE_NAMES
from newsevents.ontology import STATE_SECTORS, Trigger, actor_lexicon
from newsevents.records import Actor


def _particle(token: Token) -> str | None:
    return next((c.lower_ for c in token.children if c.dep_ == "prt"), None)


def needs_hold(trigger: Trigger, token: Token, roles: Roles, sport: bool) -> bool:
    """True when every condition the trigger's lexicon line sets is met."""
    participants = roles.actor + roles.recipient
    shelled = _shelled_place(trigger, token, roles)
    if not any(a.sector for a in participants) and not _passive_arrest(trigger, token, roles) and not shelled:
        return False  # "No arrests were made", "the crowd protested": nobody the text names
    if not reports_an_act(token):
        return False
    violent = trigger.type in _VIOLENT_TYPES
    weapon = violent and (_weapon_subject(token) or shelled)
    if token.pos_ == "VERB" and not passive(token) and not weapon and not any(a.sector for a in roles.actor):
        return False  # an active verb whose doer we cannot code ("Asimo visited the UK")
    fought = trigger.type == "ASSAULT"
    if (sport or fought) and not trigger.curated and not any(is_armed(a, sport=True) for a in participants):
        return False  # a dictionary verb between teams ("Wales have beaten France", "face England"):
        # the dictionary's verbs of fighting (beat, crush, defeat, hammer) also say who won a game,
        # so outside the curated triggers a state that fights is one of its bodies, not its name
    for need in trigger.needs:
        if need == "armed" and not weapon and not any(
            is_armed(a, sport=sport, violent=violent) for a in participants
        ):
            return False
        if need == "mil_subj" and not any(a.sector in {"MIL", "REB"} for a in roles.actor):
            return False
        if need == "both_coded" and not _two_states(roles):
            return False
        if need == "worker_doer" and not any(a.sector in _WORKERS for a in roles.actor):
            return False  # a strike by the military is an attack
        if need == "civil_doer" and any(a.sector in _STATE_BODIES or _state_by_name(a) for a in roles.actor):
            return False  # a state that blocks a bid or a website refuses or censors; crowds block roads
        if need == "crowd_subj" and any(_state_by_name(a) for a in roles.actor):
            return False  # a state does not rally or march: "New Zealand rallied to a win" is a team
    return form_holds(trigger, token, roles)


def _shelled_place(trigger: Trigger, token: Token, roles: Roles) -> bool:
    """ "Kharkiv was shelled overnight", "a hospital in Mykolaiv was bombed": a place hit by heavy
    weapons, whoever fired them; the verb names the weapon and the text names where it struck."""
    if trigger.mode != "heavy-weapons" or token.pos_ != "VERB" or not passive(token) or roles.place is None:
        return False
    subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if subject is None:
        return False
    lo, hi = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
    # the place struck is the subject ("Kharkiv", "the hospital in Mykolaiv"), not "the proposal
    # was bombed by critics in Paris"
    return (lo < roles.place.span.end and roles.place.span.start < hi) or subject.lemma_.lower() in _STRUCK_SITES


# Sites a shelling strikes, named without their town ("the hospital was shelled").
_STRUCK_SITES = SITE_NAMES | {"city", "town", "village", "school", "building", "house", "district", "area",
                              "station", "market", "port", "dam", "ambulance", "convoy"}


def _passive_arrest(trigger: Trigger, token: Token, roles: Roles) -> bool:
    """ "50 persons were arrested", "they were detained": a group of people arrested by nobody
    named, which an authority did by the word's meaning (lower-cased crawled text codes no one
    there). One person held ("Brown was arrested") is court news more than public order."""
    if trigger.mode != "arrest" or token.pos_ != "VERB" or not passive(token) or not roles.object_is_person:
        return False
    return any(s.tag_ in {"NNS", "NNPS"} or s.lower_ in {"they", "those", "them"}
               or any(c.dep_ == "nummod" for c in s.children)
               for s in token.children if s.dep_ == "nsubjpass")


def _bare_participle(token: Token) -> bool:
    """A past participle with no "have": passive in all but form ("Kyiv wanted her fired", "got
    fired"), unlike "police have fired" or "police fired"."""
    return token.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children)


# Bodies of a state: what they block is a bid, a deal or a website, not a road in protest.
_STATE_BODIES = STATE_SECTORS | {"IGO"}
# Who strikes by stopping work: workers, teachers, doctors, farmers, journalists, students.
_WORKERS = {"LAB", "EDU", "MED", "AGR", "JRN", "CVL"}


def _weapon_subject(token: Token) -> bool:
    """ "a car bomb killed 75", "the blast wounded 12", "three were killed in shelling": the attack
    is the event even when nobody is named as its author."""
    if token.pos_ != "VERB":
        return False
    if passive(token):
        return attack_in(token) is not None
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in WEAPON_NOUNS


def _state_by_name(actor: Actor) -> bool:
    """A country named or adjectived as a whole ("France", "the British"), not a body of it."""
    lex = actor_lexicon()
    return actor.name == f"{lex.country_names.get(actor.country or '', '')} GOV" or (
        actor.text.lower().removeprefix("the ").strip() in lex.countries)


def reports_an_act(token: Token) -> bool:
    """The trigger word reports an act that happened or is to happen, whoever did it."""
    if habitual(token) or ruled_out_cause(token) or only_needed(token) or nobody_to_do(token):
        return False  # "3,000 visits a year", "not due to an attack", "needs to provide", "no one to
        # discuss": no event happened
    return not named_in_passing(token)  # "victims of the attacks": the sentence reports something else


def form_holds(trigger: Trigger, token: Token, roles: Roles) -> bool:
    """The trigger's conditions on the parse alone (its object, particle), not on who takes part."""
    objects = {c.lemma_.lower() for c in token.children if c.dep_ in {"dobj", "obj"}}
    for need in trigger.needs:
        if need == "place_obj" and not roles.object_is_place:
            return False
        if need == "person_obj" and (not roles.object_is_person or reflexive_object(token)):
            return False  # "killed himself": nobody acts on another
        if need == "mil_obj" and not roles.mil_argument:
            return False
        if need == "no_obj" and any(c.dep_ in {"dobj", "obj"} for c in token.children):
            return False
        if need == "no_that" and any(c.dep_ == "ccomp" for c in token.children):
            return False  # "demonstrate that things work" shows, it does not protest
        if need == "ahead" and not warns_ahead(token):
            return False
        if need == "not_met_with" and met_with(token):
            return False
        if need == "not_for" and any(c.dep_ == "prep" and c.lower_ == "for" for c in token.children):
            return False
        if need.startswith("prt=") and _particle(token) != need[4:]:
            return False
        if need.startswith("mod=") and not any(
            c.lemma_.lower() in need[4:].split("|") for c in token.children if c.dep_ in {"compound", "amod"}
        ):
            return False  # "air strikes", not a workers' strike
        if need.startswith("pobj=") and not any(
            g.lemma_.lower() in need[5:].split("|")
            for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
        ):
            return False  # "taken into custody", not "taken to hospital"
        if need.startswith("prep=") and not any(
            c.dep_ == "prep" and c.lower_ in need[5:].split("|") for c in token.children
        ):
            return False
        if need == "active" and (passive(token) or _bare_participle(token)):
            return False
        if need == "attack_in" and attack_in(token) is None:
            return False  # "died in police firing", not of old age
        if need.startswith("obj=") and objects.isdisjoint(need[4:].split("|")):
            return False
        if need.startswith("not_obj=") and not objects.isdisjoint(need[8:].split("|")):
            return False  # "met his golden rule", "help fight terror": no one met or fought
    return True


_VIOLENT_TYPES = {"ASSAULT", "COERCE", "MOBILIZE"}


def _two_states(roles: Roles) -> bool:
    """Fallback (CAMEO dictionary) verbs only between two different coded countries' actors."""
    actors = {a.country for a in roles.actor if a.country}
    recipients = {a.country for a in roles.recipient if a.country}
    return bool(actors and recipients and actors != recipients)
