"""Who did it, to whom, where, aimed at what: the arguments of an event trigger in the parse.

The actor is the trigger's subject (or the "by" agent of a passive); a verb with no subject of its
own borrows one from the verb that governs it ("Putin moved to recognize" -> Putin; "ordered his
generals to move" -> his generals; "the country failed to occupy" -> the country). A noun trigger
takes its possessor or demonym ("Russia's invasion", "Russian shelling"), else the subject of a
light verb it is the object of ("launched an attack", "defended the retreat").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsevents.extract.actors import actor_from_span
from newsevents.extract.place_choice import (COMPASS_POINTS, coordinated_places, event_location, places_naming,
                                             pruned_subtree, smallest_place, without_containers)
from newsevents.ontology import actor_lexicon
from newsevents.records import Actor, Article, Place

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}
OBJECT_DEPS = {"dobj", "obj", "dative", "attr", "oprd"}
RECIPIENT_PREPS = {"with", "on", "against", "to", "at", "upon"}
LOCATIVE_PREPS = {"in", "at", "near", "around", "outside", "inside", "within", "across", "throughout"}
TARGET_PREPS = {"towards", "toward", "to", "into", "on", "against", "onto"}
# Verbs whose object noun is an event the subject's side carries out or stands behind.
LIGHT_VERBS = {
    "launch", "carry", "conduct", "stage", "mount", "begin", "start", "continue", "resume",
    "step", "intensify", "escalate", "complete", "order", "announce", "defend", "justify",
    "hold", "make", "undertake", "press", "wage",
}
_CONTROL_OBJECT_VERBS = {"order", "tell", "instruct", "ask", "urge", "command", "want", "force",
                         "send", "allow", "direct"}
# Courts (JUD) do not count: as political actors they added 0.54 false events per 100 BBC sport,
# tech and entertainment articles (trials and doping appeals) for +0.003 quad F1.
_ARMED = {"MIL", "REB", "COP", "GOV", "LEG", "IGO", "PTY", "OPP", "SPY"}
# Who can carry out material conflict: armed groups, police, criminals, or a state by name.
_VIOLENT = {"MIL", "REB", "COP", "SPY", "CRM"}
_PLACE_NOUNS = {"city", "town", "village", "territory", "region", "province", "area", "capital",
                "oblast", "district", "port", "base", "airport", "settlement", "positions", "position",
                "stronghold", "bastion", "bridge", "outpost", "enclave", "border", "hill", "airfield",
                "neighbourhood", "neighborhood", "suburb", "quarter", "slum", "township", "county", "state",
                "headquarters", "camp", "checkpoint", "compound", "embassy", "barracks", "depot",
                "garrison", "parliament", "prison", "facility", "field", "refinery", "palace"}


# What does the killing when no one is named: "a car bomb killed 75", "the blast wounded 12".
WEAPON_NOUNS = frozenset({
    "bomb", "bombing", "attack", "blast", "explosion", "airstrike", "strike", "shelling", "missile",
    "rocket", "mortar", "gunfire", "raid", "ambush", "bomber", "gunman", "shell", "drone", "grenade",
    "mine", "ied"})


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


class ActorIndex:
    """Actors of the stage before, found by token; uncoded spans are coded on demand."""

    def __init__(self, doc: Doc, article: Article, actors: tuple[Actor, ...]):
        self.doc, self.article, self.actors = doc, article, actors
        self.by_char = {}
        for actor in actors:
            if actor.span is not None:
                self.by_char.setdefault(actor.span.end, []).append(actor)

    def for_token(self, token: Token) -> Actor | None:
        """The mention headed by ``token``: its noun phrase, coded."""
        end = token.i + 1
        for right in token.rights:
            if right.dep_ in {"compound", "flat", "appos"}:
                end = max(end, right.i + 1)
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
    return token.i > 0 and token.nbor(-1).lemma_.lower() in _PLACE_NOUNS and token.pos_ == "PROPN"


def is_armed(actor: Actor, *, sport: bool = False, violent: bool = False) -> bool:
    """A state or armed actor. In a sports report a country's name or people ("France", "the
    Irish") is a team: there only armed, police or named government actors count."""
    if sport:
        return actor.sector in {"MIL", "REB", "COP"} or (
            actor.sector == "GOV" and actor.name not in {actor.text, ""} and not _country_only(actor)
        )
    if violent:
        return actor.sector in _VIOLENT or (actor.sector == "GOV" and actor.country is not None)
    return actor.sector in _ARMED


def _country_only(actor: Actor) -> bool:
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


def _object_tokens(trigger: Token) -> list[Token]:
    objs = [c for c in trigger.children if c.dep_ in OBJECT_DEPS]
    if trigger.pos_ == "NOUN":
        objs += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in {"of", "on", "against"}
                 for g in c.children if g.dep_ == "pobj"]
    return objs


# Verbs whose that-clause names who is told to act ("demanded that the US cancel the sale").
_DEMAND_VERBS = {"demand", "urge", "insist", "ask", "request", "call", "warn", "press", "order"}
# Nouns whose owner or "from" phrase is who made the proposal ("rejected a U.S. request",
# "dismissed an appeal from President Gbagbo", "accepted demands from the rebels").
_PROPOSAL_NOUNS = {"request", "offer", "demand", "call", "appeal", "ultimatum", "proposal",
                   "plan", "invitation", "bid", "initiative", "plea"}


def _recipient_tokens(trigger: Token, *, depth: int = 0) -> list[Token]:
    found = [c for c in trigger.children if c.dep_ in {"nsubjpass"} | OBJECT_DEPS]
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ in RECIPIENT_PREPS | {"of"}:
            found += [g for g in prep.children if g.dep_ == "pobj"]
    for obj in [c for c in found if c.lemma_.lower() in _PROPOSAL_NOUNS]:
        found += [c for c in obj.children if c.dep_ in {"poss", "compound", "amod"}]
        found += [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "from"
                  for g in c.children if g.dep_ == "pobj"]
    if trigger.lemma_.lower() in _DEMAND_VERBS:
        found += [g for c in trigger.children if c.dep_ == "ccomp"
                  for g in c.children if g.dep_ in {"nsubj", "nsubjpass"} and g.pos_ != "PRON"]
    if not found and depth == 0:
        # "threatened to break relations with Russia", "offered to hand over to Great Britain":
        # the recipient of what the trigger's verb says will be done
        for clause in (c for c in trigger.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
            found += [t for t in _recipient_tokens(clause, depth=1) if t.dep_ != "nsubjpass"]
            found += [g for obj in clause.children if obj.dep_ in OBJECT_DEPS  # "cut ties with"
                      for c in obj.children if c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS
                      for g in c.children if g.dep_ == "pobj"]
    return found


def _noun_actor(trigger: Token, index: ActorIndex) -> tuple[Actor, ...]:
    for child in trigger.children:
        if child.dep_ == "poss":
            return index.group(child)
    for child in trigger.children:
        if child.dep_ in {"amod", "compound"} and child.ent_type_ in {"NORP", "GPE", "ORG"}:
            actor = index.for_token(child)
            if actor is not None:
                return (actor,)
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return index.group(pobj)
    head = trigger.head
    if trigger.dep_ in {"dobj", "pobj"} and head.lemma_.lower() in LIGHT_VERBS | {"of", "in"}:
        verb = head if head.pos_ in {"VERB", "AUX"} else head.head
        subject, _ = subject_of(verb)
        if subject is not None and verb.lemma_.lower() in LIGHT_VERBS:
            return index.group(subject)
    return ()


def _titled_name(token: Token) -> bool:
    """A name with a rank or office before it ("the Colombian Sergeant Pablo Emilio Moncayo"),
    which the tagger may not have marked as a person."""
    agents = actor_lexicon().agents
    return token.pos_ == "PROPN" and any(
        c.dep_ == "compound" and c.lower_ in agents for c in token.subtree if c.i < token.i)


def find_roles(trigger: Token, index: ActorIndex, places: list[Place], doc: Doc,
               *, object_is_where: bool = True, from_is_where: bool = False) -> Roles:
    """The arguments of one trigger (places: those of its sentence, in text order)."""
    if trigger.pos_ == "NOUN":
        actor = _noun_actor(trigger, index)
    else:
        subject, _ = subject_of(trigger)
        if subject is not None and subject.lemma_.lower() in WEAPON_NOUNS:
            actor = _noun_actor(subject, index)  # "a Taliban car bomb killed": whose the bomb was
        else:
            actor = index.group(subject) if subject is not None else ()
    recipient: list[Actor] = []
    if trigger.pos_ == "NOUN" and any(c.dep_ == "poss" for c in trigger.children):
        # "its Ukrainian invasion": with a possessor as actor, the demonym is the recipient.
        for child in trigger.children:
            if child.dep_ == "amod" and child.ent_type_ in {"NORP", "GPE"}:
                found = index.for_token(child)
                if found is not None and found.country not in {a.country for a in actor}:
                    recipient.append(found)
    objects = _object_tokens(trigger)
    place, targets, object_is_place = _where(doc, trigger, places, objects,
                                             object_is_where=object_is_where,
                                             from_is_where=from_is_where)
    for token in _recipient_tokens(trigger):
        named = _place_at(token, places)
        if named is None or named.feature == "country":  # a country object is a state
            recipient.extend(a for a in index.group(token) if a not in actor)
    mil_argument = any(
        a.sector in {"MIL", "REB"} for t in _argument_tokens(trigger) for a in index.group(t)
    )
    object_is_person = any(
        t.ent_type_ in {"PERSON", "NORP", "ORG", "CARDINAL"} or t.pos_ in {"PRON", "NUM"}
        or index.for_token(t) is not None or _titled_name(t) for t in objects
    )
    place, also_at = _placed_first(doc, place, places)
    return Roles(tuple(actor), tuple(recipient), place, targets, object_is_place, object_is_person,
                 mil_argument, also_at)


def event_place(doc: Doc, trigger: Token, places: list[Place], *, object_is_where: bool = True,
                from_is_where: bool = False) -> Place | None:
    """Where the event a trigger names happened."""
    objects = _object_tokens(trigger)
    return _where(doc, trigger, places, objects, object_is_where=object_is_where,
                  from_is_where=from_is_where)[0]


def event_places(doc: Doc, trigger: Token, places: list[Place],
                 **options) -> tuple[Place | None, tuple[Place, ...]]:
    """Where the event a trigger names happened and the places named with it (``Event.place``
    and ``Event.also_at``: what the evaluation scores)."""
    return _placed_first(doc, event_place(doc, trigger, places, **options), places)


def _placed_first(doc: Doc, place: Place | None, places: list[Place]) -> tuple[Place | None, tuple[Place, ...]]:
    """The place and those named with it, a town the gazetteer places first: of "the villages of
    Verbivka and Volokhiv Yar", Verbivka has a point to put the event (and a control claim) at."""
    also_at = coordinated_places(doc, place, places)
    if place is None or place.feature != "unresolved":
        return place, also_at
    town = next((p for p in also_at if p.feature == "city"), None)
    if town is None:
        return place, also_at
    return town, tuple(sorted([place, *(p for p in also_at if p is not town)], key=lambda p: p.span.start))


# A verb that says what else happened in the same action ("stormed Mainok, killing 39",
# "attacked the town and burned houses") happened where it did.
_SHARED_PLACE_DEPS = frozenset({"advcl", "conj"})


def _where(doc: Doc, trigger: Token, places: list[Place], objects: list[Token], *,
           object_is_where: bool, from_is_where: bool):
    """(place, targets, object_is_place): a place object ("failed to occupy the capital Kyiv"),
    else a place phrase on the trigger, else a place it was aimed at ("moved towards Donetsk"),
    else the places stage's event_location (a place phrase elsewhere in the sentence)."""
    object_place = next((p for t in objects if (p := _place_at(t, places)) is not None), None)
    object_is_place = object_place is not None or any(
        t.lemma_.lower() in _PLACE_NOUNS for t in objects
    )
    where = object_place if object_is_place and object_is_where else None
    if where is None and object_is_where:
        where = next((p for t in _misparsed_objects(trigger) if (p := _place_at(t, places)) is not None), None)
    place, targets = _locate(trigger, places, where, from_is_where)
    if place is None:
        # where a passive subject is or was going ("a sailor from the port of Gdansk was shot ...
        # near Basra", "a tanker bound for Aden was seized off Socotra") only when
        # nothing else in the sentence says where
        for skip in (_patient_tokens(trigger), frozenset()):
            place = event_location(doc, trigger, places, object_is_where=object_is_where,
                                   from_is_where=from_is_where, skip=skip)
            if place is not None:
                break
    if place is None and trigger.dep_ in _SHARED_PLACE_DEPS and trigger.head.pos_ == "VERB":
        place = _where(doc, trigger.head, places, _object_tokens(trigger.head), object_is_where=True,
                       from_is_where=False)[0]
    return place, targets, object_is_place


def _misparsed_objects(trigger: Token) -> list[Token]:
    """Objects the parse hangs elsewhere: a place read as a date's modifier ("patrolled Harare
    Saturday") and, for a verb with no object, that of the verb joined after it ("captured and
    annexed east Jerusalem")."""
    found = [g for c in trigger.children if c.dep_ == "npadvmod" and c.ent_type_ == "DATE"
             for g in c.children if g.dep_ == "compound" and g.ent_type_ in ("GPE", "LOC", "FAC")]
    if not any(c.dep_ in OBJECT_DEPS for c in trigger.children):
        joined = next((c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
        if joined is not None and any(c.dep_ == "cc" and c.i < joined.i for c in trigger.children):
            found += [c for c in joined.children if c.dep_ in ("dobj", "obj")]
    return found


def _argument_tokens(trigger: Token) -> list[Token]:
    found = [c for c in trigger.children if c.dep_ in OBJECT_DEPS]
    for prep in trigger.children:
        if prep.dep_ == "prep":
            found += [g for g in prep.children if g.dep_ == "pobj"]
    return found


def _place_at(token: Token, places: list[Place], *, modifier: bool = False) -> Place | None:
    """The place whose span covers the token or its phrase (token = a phrase head); with
    ``modifier``, also a town that modifies the head ("at a Kirkuk market in northern Iraq")."""
    lo, hi = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    inside = [p for p in places if lo <= p.span.start and p.span.end <= hi]
    # "territory ... around Kherson", "the cities of Palmyra and Quaryatayn in the Homs province",
    # "the West Bank town of Jenin" (whose place span ends in "town"): the narrowest place named
    # in the phrase of a place noun.
    if inside and token.lemma_.lower() in _PLACE_NOUNS:
        # of equals, the one the noun belongs to ("the Ghazi Qala area of Ghazni")
        inside.sort(key=lambda p: not p.span.start <= token.idx < p.span.end)
        return smallest_place(without_containers(inside, token.doc))
    for place in inside:
        if place.span.start <= token.idx < place.span.end:
            return place
    if not inside and token.lemma_.lower() in _PLACE_NOUNS:
        after = token.right_edge.idx + len(token.right_edge) + 1
        return next((p for p in places if p.span.start == after), None)  # "the capital Kyiv"
    if modifier:
        return smallest_place(places_naming([t for c in token.lefts for t in c.subtree], inside))
    return None


def _locate(trigger: Token, places: list[Place], object_place: Place | None, from_is_where: bool):
    """(place, targets): where it happened and the places it was aimed at."""
    located: list[Place] = []
    targets: list[Place] = []
    patient = _patient_tokens(trigger)
    for token in clause_tokens(trigger):
        if token.dep_ != "pobj" or token.head.dep_ != "prep" or not _reaches(token, trigger):
            continue
        prep = token.head.lower_
        place = _place_at(token, places, modifier=True)
        if place is None or _is_reference_point(token.head) or token.i in patient:
            continue
        if prep in LOCATIVE_PREPS or (from_is_where and prep in {"from", "out"}) or (
                prep == "on" and token.head.head.lemma_.lower() in _ASSAULT_NOUNS):
            located.append(place)  # "withdrew from Kherson": a retreat happens where it leaves
        elif prep in TARGET_PREPS:
            targets.append(place)
            targets += [p for c in token.conjuncts if (p := _place_at(c, places)) is not None]
    place = object_place or smallest_place(located)
    if place is None and targets:
        place = targets[0]
    return place, tuple(dict.fromkeys(t for t in targets))


# An assault "on" a place happened there ("killed in attacks on Akida village").
_ASSAULT_NOUNS = {"attack", "assault", "raid", "strike", "airstrike", "offensive", "bombing", "bombardment",
                  "shelling", "ambush", "crackdown", "incursion"}
_TEMPORAL_PREPS = {"after", "before", "since", "until", "during", "following", "prior", "by"}


def _reaches(token: Token, trigger: Token) -> bool:
    """A place phrase hangs on the trigger through prepositions, not through a time phrase."""
    node = token
    while node.i != trigger.i and node.head.i != node.i:
        node = node.head
        if node.dep_ == "prep" and node.lower_ in _TEMPORAL_PREPS:
            return False
        if node.dep_ == "prep" and node.lower_ == "from" and node.head.pos_ in {"NOUN", "PROPN"}:
            return False  # where someone comes from ("a bomber from a village near Jenin")
        if node.i != trigger.i and node.pos_ in {"VERB", "AUX"}:
            return False
    return node.i == trigger.i


def _patient_tokens(trigger: Token) -> frozenset[int]:
    """The tokens of the trigger's passive subject: they say where the patient is, not where it
    happened to it."""
    return frozenset(t.i for c in trigger.children if c.dep_ == "nsubjpass" for t in c.subtree)


_CLAUSE_DEPS = {"advcl", "ccomp", "relcl", "acl", "conj", "csubj", "parataxis", "xcomp"}


def clause_tokens(trigger: Token) -> list[Token]:
    """The trigger's own clause: its subtree without the clauses embedded in it."""
    found = pruned_subtree(trigger, lambda c: c.dep_ not in _CLAUSE_DEPS or c.pos_ not in {"VERB", "AUX"})
    return sorted(found, key=lambda t: t.i)


def _is_reference_point(prep: Token) -> bool:
    """"north of Crimea": a place named only to say where another one lies."""
    return prep.lower_ == "of" and prep.head.lower_ in COMPASS_POINTS


def state_of_place(place: Place | None) -> Actor | None:
    """The state a place belongs to, as the default recipient of a seizure or an attack there."""
    if place is None or not place.country:
        return None
    lex = actor_lexicon()
    iso3 = lex.iso3.get(place.country.upper())
    if iso3 is None:
        return None
    name = lex.country_names.get(iso3, iso3)
    return Actor(text=name, name=name, country=iso3, sector="GOV", span=None)
