"""Who did it, to whom, where, aimed at what: the arguments of an event trigger in the parse.

The actor is the trigger's subject (or the "by" agent of a passive), read through appositives,
counting heads, reported pronouns and capitals (``doer_group``); a verb with no subject of its
own borrows one from the verb that governs it ("Putin moved to recognize" -> Putin; "ordered his
generals to move" -> his generals; "the country failed to occupy" -> the country). A noun trigger
takes its possessor or demonym ("Russia's invasion", "Russian shelling"), else the subject of a
light verb it is the object of ("launched an attack", "defended the retreat"). Where it happened
comes from ``event_places``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsevents.extract.actors import actor_from_span, to_span
from newsevents.extract.event_places import (
    OBJECT_DEPS, PLACE_NOUNS, object_tokens, place_at, placed_first, where_it_happened,
)
from newsevents.gazetteer import load_gazetteer
from newsevents.ontology import actor_lexicon
from newsevents.records import Actor, Article, Place

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}
RECIPIENT_PREPS = {"with", "on", "against", "to", "at", "upon"}
# Verbs whose object noun is an event the subject's side carries out or stands behind.
LIGHT_VERBS = {
    "launch", "carry", "conduct", "stage", "mount", "begin", "start", "continue", "resume",
    "step", "intensify", "escalate", "complete", "order", "announce", "defend", "justify",
    "hold", "make", "undertake", "press", "wage", "go",  # "went on strike"
    "resort",  # "police resorted to a lathi charge"
}
_CONTROL_OBJECT_VERBS = {"order", "tell", "instruct", "ask", "urge", "command", "want", "force",
                         "send", "allow", "direct"}
# Courts (JUD) do not count: as political actors they added 0.54 false events per 100 BBC sport,
# tech and entertainment articles (trials and doping appeals) for +0.003 quad F1.
_ARMED = {"MIL", "REB", "COP", "GOV", "LEG", "IGO", "PTY", "OPP", "SPY"}
# Who can carry out material conflict: armed groups, police, criminals, or a state by name.
_VIOLENT = {"MIL", "REB", "COP", "SPY", "CRM"}


# What does the killing when no one is named: "a car bomb killed 75", "the blast wounded 12".
WEAPON_NOUNS = frozenset({
    "bomb", "bombing", "attack", "blast", "explosion", "airstrike", "strike", "shelling", "missile",
    "rocket", "mortar", "gunfire", "raid", "ambush", "shell", "drone", "grenade", "mine", "ied"})


# Plain words for people, which no dictionary codes and, in lower-cased text, no entity tagger
# marks: "arrested 200 persons", "three others were killed".
PEOPLE_NOUNS = frozenset({
    "person", "people", "man", "woman", "men", "women", "youth", "boy", "girl", "child", "other",
    "villager", "resident", "supporter", "suspect", "accused", "culprit", "devotee", "pilgrim",
    "adult", "teenager", "teen", "baby", "infant", "pupil", "student", "passenger", "pedestrian",
    "bystander", "hostage", "worshipper", "shopper", "father", "mother", "son", "daughter", "brother",
    "sister", "husband", "wife", "parent", "relative", "grandfather", "grandmother", "uncle", "cousin"})
# Verbs whose subject is the victim, whose doer is the owner of the attack they happened in.
_DYING_VERBS = {"die", "perish", "succumb"}


@dataclass(frozen=True, slots=True)
class Roles:
    actor: tuple[Actor, ...]
    recipient: tuple[Actor, ...]
    place: Place | None
    targets: tuple[Place, ...]
    object_is_place: bool
    object_is_person: bool
    mil_argument: bool = False  # an object or prepositional argument is armed ("sent in troops")
    also_at: tuple[Place, ...] = ()  # the places named with ``place`` ("in Basra and Nasiriyah")


_UNASKED = object()


class ActorIndex:
    """Actors of the stage before, found by token; uncoded spans are coded on demand."""

    def __init__(self, doc: Doc, article: Article, actors: tuple[Actor, ...]):
        self.doc, self.article, self.actors = doc, article, actors
        self.by_char = {}
        # for_token's answer by token index: every trigger's roles ask for the same few heads
        self._by_token: dict[int, Actor | None] = {}
        for actor in actors:
            if actor.span is not None:
                self.by_char.setdefault(actor.span.end, []).append(actor)

    def for_token(self, token: Token) -> Actor | None:
        """The mention headed by ``token``: its noun phrase, coded."""
        if (found := self._by_token.get(token.i, _UNASKED)) is _UNASKED:
            found = self._by_token[token.i] = self._for_token(token)
        return found

    def _for_token(self, token: Token) -> Actor | None:
        end = token.i + 1
        for right in token.rights:
            if right.dep_ in {"compound", "flat", "appos"}:
                end = max(end, right.i + 1)
        if token.ent_type_ == "GPE":  # "the Kingdom of Saudi Arabia": the whole name
            while end < len(self.doc) and self.doc[end].ent_iob_ == "I":
                end += 1
        known = self.by_char.get(self.doc[end - 1].idx + len(self.doc[end - 1]), [])
        for actor in known:
            if actor.span.start <= token.idx:
                return actor
        start = min([token.i] + [c.left_edge.i for c in token.lefts if c.dep_ != "punct"])
        actor = actor_from_span(self.doc[start:end], self.article)
        return actor if (actor.country or actor.sector) else None

    def group(self, token: Token) -> tuple[Actor, ...]:
        """The actor headed by ``token`` and those joined to it by "and" (compound actors)."""
        found = []
        for member in [token] + [c for c in token.conjuncts if c.i > token.i]:
            if _appositive_name(member):
                continue  # "occupy the capital Kyiv and Ukraine has retaken": Kyiv is a place
            actor = self.for_token(member)
            if actor is not None:
                found.append(actor)
                found += self._shared_head(member, actor)
        return tuple(found)

    def _shared_head(self, token: Token, actor: Actor) -> list[Actor]:
        """"Russian and Belarusian troops": one more actor per joined demonym."""
        extra = []
        for modifier in token.children:
            if modifier.dep_ != "amod":
                continue
            for other in modifier.conjuncts:
                coded = actor_from_span(self.doc[other.i:other.i + 1], self.article)
                if coded.country and coded.country != actor.country:
                    name = f"{actor_lexicon().country_names.get(coded.country, coded.country)} {actor.sector}"
                    extra.append(Actor(coded.text, name, coded.country, actor.sector, coded.span))
        return extra


def _appositive_name(token: Token) -> bool:
    """A name right after a place noun ("the capital Kyiv") that the parser cut off from it."""
    return token.i > 0 and token.nbor(-1).lemma_.lower() in PLACE_NOUNS and token.pos_ == "PROPN"


def is_armed(actor: Actor, *, sport: bool = False, violent: bool = False) -> bool:
    """A state or armed actor. In a sports report a country's name or people ("France", "the
    Irish") is a team: there only armed, police or named government actors count."""
    if sport:
        return actor.sector in {"MIL", "REB", "COP"} or (
            actor.sector == "GOV" and actor.name not in {actor.text, ""} and not country_only(actor)
        )
    if violent:
        return actor.sector in _VIOLENT or (actor.sector == "GOV" and actor.country is not None)
    return actor.sector in _ARMED


def country_only(actor: Actor) -> bool:
    """A country by its name alone ("France", "the French"), not a body of its state."""
    lex = actor_lexicon()
    return actor.name == f"{lex.country_names.get(actor.country or '', '')} GOV" or (
        actor.text.lower().strip() in lex.countries
    )


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    """(subject token, passive?) of a verb, walking up control and conjunction chains."""
    node = verb
    for _ in range(4):
        for child in node.children:
            if child.dep_ in {"nsubj", "csubj"}:
                return child, False
            if child.dep_ == "nsubjpass":
                agent = next((g for g in node.children if g.dep_ == "agent"), None)
                by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
                return by, True
        # the parser sometimes hangs the subject on the auxiliary ("France however have opposed")
        for aux in (c for c in node.children if c.dep_ == "aux" and c.i < node.i):
            subject = next((g for g in aux.children if g.dep_ == "nsubj"), None)
            if subject is not None:
                return subject, False
        head = node.head
        if node.dep_ == "xcomp" and head.lemma_.lower() in _CONTROL_OBJECT_VERBS:
            obj = next((c for c in head.children if c.dep_ in {"dobj", "obj"}), None)
            if obj is not None:
                return obj, False
        if node.dep_ in {"xcomp", "conj", "advcl", "ccomp"} and head.pos_ in {"VERB", "AUX"}:
            node = head
            continue
        if node.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
            node = head.head  # "Pakistan is willing to withdraw": the copula's subject
            continue
        if node.dep_ in {"relcl", "acl"} and head.pos_ in {"NOUN", "PROPN"}:
            return head, False
        break
    return None, False


# Verbs whose that-clause names who is told to act ("demanded that the US cancel the sale").
_DEMAND_VERBS = {"demand", "urge", "insist", "ask", "request", "call", "warn", "press", "order"}
# Nouns whose owner or "from" phrase is who made the proposal ("rejected a U.S. request",
# "dismissed an appeal from President Gbagbo", "accepted demands from the rebels").
_PROPOSAL_NOUNS = {"request", "offer", "demand", "call", "appeal", "ultimatum", "proposal",
                   "plan", "invitation", "bid", "initiative", "plea"}


def _recipient_tokens(trigger: Token, *, depth: int = 0) -> list[Token]:
    found = [c for c in trigger.children if c.dep_ in {"nsubjpass"} | OBJECT_DEPS]
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ in RECIPIENT_PREPS | {"of"} and not _allied(prep):
            found += [g for g in prep.children if g.dep_ == "pobj"]
    for obj in [c for c in found if c.lemma_.lower() in _PROPOSAL_NOUNS]:
        found += [c for c in obj.children if c.dep_ in {"poss", "compound", "amod"}]
        found += [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "from"
                  for g in c.children if g.dep_ == "pobj"]
    if trigger.lemma_.lower() in _DEMAND_VERBS:
        found += [g for c in trigger.children if c.dep_ == "ccomp"
                  for g in c.children if g.dep_ in {"nsubj", "nsubjpass"} and g.pos_ != "PRON"]
    light = _light_verb(trigger) if trigger.pos_ == "NOUN" else None
    found += _protested(light if light is not None else trigger, noun=light is not None)
    if not found and depth == 0:
        # "threatened to break relations with Russia", "offered to hand over to Great Britain":
        # the recipient of what the trigger's verb says will be done
        for clause in (c for c in trigger.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
            found += [t for t in _recipient_tokens(clause, depth=1) if t.dep_ != "nsubjpass"]
            found += [g for obj in clause.children if obj.dep_ in OBJECT_DEPS  # "cut ties with"
                      for c in obj.children if c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS
                      for g in c.children if g.dep_ == "pobj"]
    return found


def _allied(prep: Token) -> bool:
    """ "fought together with Syrian troops", "along with": whom the doer acts with, not on."""
    return prep.lower_ == "with" and prep.i > 0 and prep.doc[prep.i - 1].lower_ in {"together", "along"}


_PROTEST_WORDS = {"protest", "defiance"}


def _pobjs(prep: Token) -> list[Token]:
    return [g for g in prep.children if g.dep_ == "pobj"]


def _protested(verb: Token, *, noun: bool) -> list[Token]:
    """What an act is aimed against where the parse hangs it on the verb rather than the act:
    "staged rallies in Gaza against the party's leader" (a noun act under its light verb), "began
    a hunger strike to protest against Sweden's decision", "in protest against violations by
    Algerian security forces" (who did what is protested, when the "by" phrase names them)."""
    found = []
    for child in verb.children:
        if noun and child.dep_ == "prep" and child.lower_ == "against":
            found += _pobjs(child)
        elif child.dep_ in {"advcl", "xcomp"} and child.lemma_.lower() == "protest":
            found += [c for c in child.children if c.dep_ in {"dobj", "obj"}]
            found += [g for c in child.children if c.dep_ == "prep" and c.lower_ in {"against", "at", "over"}
                      for g in _pobjs(c)]
        elif child.dep_ == "prep" and child.lower_ == "in":
            found += [g for p in _pobjs(child) if p.lemma_.lower() in _PROTEST_WORDS
                      for c in p.children if c.dep_ == "prep" and c.lower_ in {"against", "of", "at"}
                      for g in _pobjs(c)]
    return found + [g for t in found for c in t.children if c.dep_ == "prep" and c.lower_ == "by"
                    for g in _pobjs(c)]


_OWNER_ENTITIES = {"NORP", "GPE", "ORG"}


def _noun_actor(trigger: Token, index: ActorIndex) -> tuple[Actor, ...]:
    light = _light_verb(trigger)
    for child in trigger.children:
        if child.dep_ == "poss" and not (child.pos_ == "PRON" and light is not None):
            return index.group(child)  # "continued their hunger strike": the subject's, below
    for child in trigger.children:
        if child.dep_ in {"amod", "compound", "nmod"} and (child.ent_type_ in _OWNER_ENTITIES or any(
                g.dep_ in {"amod", "compound"} and g.ent_type_ in _OWNER_ENTITIES for g in child.children)):
            actor = index.for_token(child)  # "Russian shelling", "U.S. military airstrikes"
            if actor is not None:
                return (actor,)
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return index.group(pobj)
    for clause in (c for c in trigger.children if c.dep_ == "acl"):  # "missiles fired by the army"
        for agent in (c for c in clause.children if c.dep_ == "agent"):
            pobj = next((g for g in agent.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return index.group(pobj)
    if light is not None:
        subject, _ = subject_of(light)
        if subject is not None:
            return doer_group(subject, index)
    return ()


def _light_verb(trigger: Token) -> Token | None:
    """The light verb a noun event is the object of ("launched an attack", "went on strike")."""
    head = trigger.head
    if trigger.dep_ not in {"dobj", "pobj"} or head.lemma_.lower() not in LIGHT_VERBS | {"of", "in", "on", "to"}:
        return None
    verb = head if head.pos_ in {"VERB", "AUX"} else head.head
    return verb if verb.lemma_.lower() in LIGHT_VERBS else None


# Attacks a passive verb happens "in": their owner did it ("killed in police firing").
_ATTACK_NOUNS = {"firing", "fire", "shelling", "strike", "airstrike", "attack", "raid", "bombing",
                 "bombardment", "ambush", "crossfire", "assault", "offensive", "shootout", "shooting",
                 "gunfire", "stabbing", "massacre", "rampage"}


def attack_in(verb: Token) -> Token | None:
    """The attack a verb happened in ("killed in Russian shelling", "during an air strike"): its
    noun, or the owner spaCy made its head ("in police firing" read as police, which is firing)."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "during"}:
            continue
        for noun in (g for g in prep.children if g.dep_ == "pobj"):
            if noun.lemma_.lower() in _ATTACK_NOUNS or any(
                    c.dep_ == "acl" and c.lemma_.lower() in _ATTACK_NOUNS for c in noun.children):
                return noun
            if any(c.dep_ == "compound" and c.lemma_.lower() in {"bomb", "car", "suicide"}
                   for c in noun.children):
                return noun  # "killed in a car bomb explosion"
            following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
            if following is not None and following.head == verb and following.lower_ in _ATTACK_NOUNS:
                return noun  # "in Israeli tank shelling", read as "in Israeli tank" + "shelling"
    return None


def _attack_owner(verb: Token, index: ActorIndex) -> tuple[Actor, ...]:
    """Who did a passive act with no "by" agent: whoever owns the attack it happened in ("two
    people were killed in police firing", "wounded in Russian shelling")."""
    noun = attack_in(verb)
    if noun is None:
        return ()
    if noun.lemma_.lower() not in _ATTACK_NOUNS:
        return index.group(noun)  # the misparsed owner itself
    return _noun_actor(noun, index) or tuple(
        a for c in noun.children if c.dep_ == "compound" and (a := index.for_token(c)) is not None
        and a.sector not in _VENUE_SECTORS)


# Sectors a noun before an attack names as its scene, not its author ("a school shooting", "a
# mosque bombing", "the supermarket stabbing"), unlike "police firing" or "army shelling".
_VENUE_SECTORS = {"EDU", "MED", "REL", "BUS"}


# Heads that count or take part of the group that acts ("Thousands of students demonstrated",
# "members of the opposition", "one third of the guerrillas").
PART_WORDS = {"thousand", "hundred", "dozen", "score", "million", "ten", "group", "number",
               "member", "majority", "third", "half", "some", "many", "most", "all", "one",
               "handful", "delegation", "crowd"}
_PRONOUN_KINDS = {"he": "person", "she": "person", "it": "body", "they": "any"}


def doer_group(subject: Token, index: ActorIndex) -> tuple[Actor, ...]:
    """The actor a subject names, also when it names it only through an appositive ("Kenzo
    Oshima, the UN relief coordinator, demanded"), a counting head ("Thousands of students"), a
    pronoun whose antecedent is the subject of the clause that reports it ("Palestinian leaders
    said they would boycott") or a national capital standing for its government ("Berlin
    rejected the calls")."""
    actor = index.group(subject)
    if any(a.sector for a in actor):
        return actor
    for appositive in (c for c in subject.children if c.dep_ == "appos" and not _former(c)):
        found = index.group(appositive)
        if any(a.sector for a in found):
            return found  # the name's role: "Mohammad Radmanish, an Afghan defence spokesperson"
    if actor:
        return actor
    if subject.like_num or subject.lemma_.lower() in PART_WORDS:
        for of in (c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"):
            for whole in (g for g in of.children if g.dep_ == "pobj"):
                if actor := doer_group(whole, index):
                    return actor
    kind = _PRONOUN_KINDS.get(subject.lower_)
    if kind is not None:
        antecedent = reporting_subject(subject)
        if antecedent is not None and _agrees(antecedent, kind):
            return doer_group(antecedent, index)
        return ()
    state = capital_government(subject)
    return (state,) if state is not None else ()


def reporting_subject(pronoun: Token) -> Token | None:
    """The subject of the nearest clause above the pronoun's own that has one, when the
    pronoun's clause is what that clause says, plans or does next ("said they would",
    "announced that it has", "rejected the plan, saying it was")."""
    clause = pronoun.head
    while clause.dep_ in {"ccomp", "advcl", "conj", "xcomp"} and clause.head.pos_ in {"VERB", "AUX"}:
        if clause.dep_ == "advcl" and any(c.dep_ == "mark" for c in clause.children):
            return None  # "if they are to deliver", "because it ...": anyone may be meant
        clause = clause.head
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return None if subject.pos_ == "PRON" else subject
    return None


def _former(role: Token) -> bool:
    """ "the former U.S. special envoy": who held an office no longer acts for it."""
    return any(c.lower_ in {"former", "ex", "ex-", "retired"} for c in role.children)


def _agrees(antecedent: Token, kind: str) -> bool:
    """Whether a pronoun of this kind can stand for the antecedent: "he" for a person, "it" for
    a body, "they" for a group or plural, not a single person ("They couldn't even meet," Rep.
    Burgess said: the quote's "they" are others)."""
    person = antecedent.ent_type_ == "PERSON"
    if kind == "person":
        return person or antecedent.lemma_.lower() in actor_lexicon().agents
    if kind == "body":
        return not person
    return not person and (antecedent.tag_ in {"NNS", "NNPS"} or antecedent.ent_type_ in {"NORP", "ORG", "GPE"})


def capital_government(token: Token) -> Actor | None:
    """A national capital's bare name as the state's government ("Berlin", "Washington"), when
    the name's likeliest place, by population, is that capital."""
    if token.pos_ != "PROPN" or token.ent_type_ != "GPE" or any(
            c.dep_ in {"compound", "amod", "poss", "det"} for c in token.children):
        return None
    entries = [e for e in load_gazetteer().lookup(token.text) if e.feature in {"city", "country"}]
    if not entries:
        return None
    likeliest = max(entries, key=lambda e: e.population)
    state = _state(likeliest.country) if likeliest.capital else None
    if state is None:
        return None
    iso3, name = state
    return Actor(token.text, f"{name} GOV", iso3, "GOV", to_span(token.doc, token.i, token.i + 1))


def _state(iso2: str) -> tuple[str, str] | None:
    """(ISO3 code, name) of the country with this ISO2 code."""
    lex = actor_lexicon()
    iso3 = lex.iso3.get(iso2.upper())
    return None if iso3 is None else (iso3, lex.country_names.get(iso3, iso3))


def _titled_name(token: Token) -> bool:
    """A name with a rank or office before it ("the Colombian Sergeant Pablo Emilio Moncayo"),
    which the tagger may not have marked as a person."""
    agents = actor_lexicon().agents
    return token.pos_ == "PROPN" and any(
        c.dep_ == "compound" and c.lower_ in agents for c in token.subtree if c.i < token.i)


def _argument_tokens(trigger: Token) -> list[Token]:
    found = [c for c in trigger.children if c.dep_ in OBJECT_DEPS]
    for prep in trigger.children:
        if prep.dep_ == "prep":
            found += [g for g in prep.children if g.dep_ == "pobj"]
    return found


def find_roles(trigger: Token, index: ActorIndex, places: list[Place], doc: Doc,
               *, object_is_where: bool = True, from_is_where: bool = False) -> Roles:
    """The arguments of one trigger (places: those of its sentence, in text order)."""
    if trigger.pos_ == "NOUN":
        actor = _noun_actor(trigger, index)
    else:
        subject, passive = subject_of(trigger)
        if trigger.lemma_.lower() in _DYING_VERBS:
            subject = None  # who died is no doer ("125 people died in police firing")
        if subject is not None and subject.lemma_.lower() in WEAPON_NOUNS:
            actor = _noun_actor(subject, index)  # "a Taliban car bomb killed": whose the bomb was
        else:
            actor = doer_group(subject, index) if subject is not None else ()
        if not actor and (passive or trigger.lemma_.lower() in _DYING_VERBS):
            actor = _attack_owner(trigger, index)  # "were killed" / "died" "in police firing"
    recipient: list[Actor] = []
    if trigger.pos_ == "NOUN" and any(c.dep_ == "poss" for c in trigger.children):
        # "its Ukrainian invasion": with a possessor as actor, the demonym is the recipient.
        for child in trigger.children:
            if child.dep_ == "amod" and child.ent_type_ in {"NORP", "GPE"}:
                found = index.for_token(child)
                if found is not None and found.country not in {a.country for a in actor}:
                    recipient.append(found)
    objects = object_tokens(trigger)
    place, targets, object_is_place = where_it_happened(
        doc, trigger, places, objects, object_is_where=object_is_where, from_is_where=from_is_where)
    for token in _recipient_tokens(trigger):
        named = place_at(token, places)
        if named is None or named.feature == "country":  # a country object is a state
            recipient.extend(a for a in index.group(token) if a not in actor)
    mil_argument = any(
        a.sector in {"MIL", "REB"} for t in _argument_tokens(trigger) for a in index.group(t)
    )
    # whom the act was done to: its object, or the subject of its passive ("three were wounded"),
    # unless that names a place or a thing ("Hotel Rwanda was shot in South Africa": a film)
    patients = objects + [c for c in trigger.children if c.dep_ == "nsubjpass"
                          and c.ent_type_ not in {"GPE", "LOC", "FAC", "ORG", "WORK_OF_ART", "PRODUCT"}]
    patients += [c for t in patients for c in t.conjuncts]  # "three adults and two children"
    object_is_person = any(
        t.ent_type_ in {"PERSON", "NORP", "ORG", "CARDINAL"} or t.pos_ in {"PRON", "NUM"}
        or t.lemma_.lower() in PEOPLE_NOUNS
        or index.for_token(t) is not None or _titled_name(t) for t in patients
    )
    place, also_at = placed_first(doc, place, places)
    return Roles(tuple(actor), tuple(recipient), place, targets, object_is_place, object_is_person,
                 mil_argument, also_at)


def state_of_place(place: Place | None) -> Actor | None:
    """The state a place belongs to, as the default recipient of a seizure or an attack there."""
    state = _state(place.country) if place is not None and place.country else None
    if state is None:
        return None
    iso3, name = state
    return Actor(text=name, name=name, country=iso3, sector="GOV", span=None)
