"""Where an event happened and what it was aimed at, read from the parse around its trigger.

A place object ("shelled Kharkiv"), else a place phrase on the trigger ("in Basra"), else a place
it was aimed at ("moved towards Donetsk"), else the nearest place phrase of the sentence
(``place_choice.event_location``). ``event_places`` also gives the places named with it ("in Basra
and Nasiriyah"), which ``Event.also_at`` carries.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsevents.extract.event_place_model import weighed_place
from newsevents.extract.place_choice import (
    COMPASS_POINTS, breadth, coordinated_places, event_location, places_naming, pruned_subtree, smallest_place,
    without_containers,
)
from newsevents.records import Place

OBJECT_DEPS = {"dobj", "obj", "dative", "attr", "oprd"}
LOCATIVE_PREPS = {"in", "at", "near", "around", "outside", "inside", "within", "across", "throughout"}
TARGET_PREPS = {"towards", "toward", "to", "into", "on", "against", "onto"}
PLACE_NOUNS = {"city", "town", "village", "territory", "region", "province", "area", "capital",
               "oblast", "district", "port", "base", "airport", "settlement", "positions", "position",
               "stronghold", "bastion", "bridge", "outpost", "enclave", "border", "hill", "airfield",
               "neighbourhood", "neighborhood", "suburb", "quarter", "slum", "township", "county", "state",
               "headquarters", "camp", "checkpoint", "compound", "embassy", "barracks", "depot",
               "garrison", "parliament", "prison", "facility", "field", "refinery", "palace", "mosque",
               "church", "station", "school", "hospital", "market"}


def object_tokens(trigger: Token) -> list[Token]:
    objs = [c for c in trigger.children if c.dep_ in OBJECT_DEPS]
    if trigger.pos_ == "NOUN":
        objs += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in {"of", "on", "against"}
                 for g in c.children if g.dep_ == "pobj"]
    return objs


def event_place(doc: Doc, trigger: Token, places: list[Place], *, object_is_where: bool = True,
                from_is_where: bool = False, use_model: bool = True) -> Place | None:
    """Where the event a trigger names happened (``use_model`` off: the rules' choice alone)."""
    objects = object_tokens(trigger)
    return where_it_happened(doc, trigger, places, objects, object_is_where=object_is_where,
                             from_is_where=from_is_where, use_model=use_model)[0]


def event_places(doc: Doc, trigger: Token, places: list[Place],
                 **options) -> tuple[Place | None, tuple[Place, ...]]:
    """Where the event a trigger names happened and the places named with it (``Event.place``
    and ``Event.also_at``: what the evaluation scores)."""
    return placed_first(doc, event_place(doc, trigger, places, **options), places)


def placed_first(doc: Doc, place: Place | None,
                 places: list[Place]) -> tuple[Place | None, tuple[Place, ...]]:
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


def where_it_happened(doc: Doc, trigger: Token, places: list[Place], objects: list[Token], *,
                      object_is_where: bool, from_is_where: bool, use_model: bool = True):
    """(place, targets, object_is_place): a place object ("failed to occupy the capital Kyiv"),
    else a place phrase on the trigger, else a place it was aimed at ("moved towards Donetsk"),
    else the places stage's event_location (a place phrase elsewhere in the sentence); then, with
    ``use_model``, the event-place model weighs that choice against the sentence's other places."""
    object_place = next((p for t in objects if (p := place_at(t, places)) is not None), None)
    object_is_place = object_place is not None or any(
        t.lemma_.lower() in PLACE_NOUNS for t in objects
    )
    where = object_place if object_is_place and object_is_where else None
    if where is None and object_is_where:
        where = next((p for t in _misparsed_objects(trigger) if (p := place_at(t, places)) is not None), None)
    place, targets = _locate(trigger, places, where, from_is_where)
    if place is None:
        # where a passive subject is or was going ("a sailor from the port of Gdansk was shot ...
        # near Basra", "a tanker bound for Aden was seized off Socotra") only when
        # nothing else in the sentence says where
        grievance = _grievance_tokens(trigger)
        for skip in (_patient_tokens(trigger) | grievance, grievance):
            place = event_location(doc, trigger, places, object_is_where=object_is_where,
                                   from_is_where=from_is_where, skip=skip)
            if place is not None:
                break
    if place is None and trigger.dep_ in _SHARED_PLACE_DEPS and trigger.head.pos_ == "VERB":
        place = where_it_happened(doc, trigger.head, places, object_tokens(trigger.head),
                                  object_is_where=True, from_is_where=False, use_model=False)[0]
    if use_model:
        place = weighed_place(trigger, places, place)
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


def place_at(token: Token, places: list[Place], *, modifier: bool = False) -> Place | None:
    """The place whose span covers the token or its phrase (token = a phrase head); with
    ``modifier``, also a town that modifies the head ("at a Kirkuk market in northern Iraq")."""
    lo, hi = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    inside = [p for p in places if lo <= p.span.start and p.span.end <= hi]
    # "territory ... around Kherson", "the cities of Palmyra and Quaryatayn in the Homs province",
    # "the West Bank town of Jenin" (whose place span ends in "town"): the narrowest place named
    # in the phrase of a place noun.
    if inside and token.lemma_.lower() in PLACE_NOUNS:
        # of equals, the one the noun belongs to ("the Ghazi Qala area of Ghazni"), then one set
        # beside it that names it ("a nearby Brooklyn neighborhood, Canarsie")
        inside.sort(key=lambda p: (not p.span.start <= token.idx < p.span.end, not _names_beside(p, token)))
        return smallest_place(without_containers(inside, token.doc))
    for place in inside:
        if place.span.start <= token.idx < place.span.end:
            return place
    if not inside and token.lemma_.lower() in PLACE_NOUNS:
        after = token.right_edge.idx + len(token.right_edge) + 1
        return next((p for p in places if p.span.start == after), None)  # "the capital Kyiv"
    if modifier:
        return smallest_place(places_naming([t for c in token.lefts for t in c.subtree], inside))
    return None


def _names_beside(place: Place, noun: Token) -> bool:
    """The place is set beside the noun as its name ("a Brooklyn neighborhood, Canarsie")."""
    return any(place.span.start <= c.idx < place.span.end for c in noun.rights if c.dep_ == "appos")


def _locate(trigger: Token, places: list[Place], object_place: Place | None, from_is_where: bool):
    """(place, targets): where it happened and the places it was aimed at."""
    located: list[Place] = []
    scene: list[Place] = []  # "In the Midwest, ...": set aside for a narrower place said after
    targets: list[Place] = []
    patient = _patient_tokens(trigger) | _grievance_tokens(trigger)
    paired = _paired_verb_tokens(trigger)
    for owner, token in [(trigger, t) for t in clause_tokens(trigger)] + paired:
        if owner is not trigger and (located or not scene):
            break  # the paired verb's phrase only places a scene the trigger set
        if token.dep_ != "pobj" or token.head.dep_ != "prep" or not _reaches(token, owner):
            continue
        prep = token.head.lower_
        place = place_at(token, places, modifier=True)
        if place is None or _is_reference_point(token.head) or token.i in patient:
            continue
        if prep in LOCATIVE_PREPS or (from_is_where and prep in {"from", "out"}) or (
                prep == "on" and _names_an_assault(token.head.head)):
            if _opens_sentence(token.head):
                scene.append(place)
                continue
            located.append(place)  # "withdrew from Kherson": a retreat happens where it leaves
        elif prep in TARGET_PREPS:
            targets.append(place)
            targets += [p for c in token.conjuncts if (p := place_at(c, places)) is not None]
    narrowest = smallest_place(without_containers(located, trigger.doc))
    setting = smallest_place(scene)
    if setting is not None and (narrowest is None or breadth(narrowest) > max(breadth(setting), 1)):
        narrowest = smallest_place(without_containers(located + scene, trigger.doc))
    place = object_place or narrowest
    if place is None and targets:
        place = targets[0]
    return place, tuple(dict.fromkeys(t for t in targets))


def _paired_verb_tokens(trigger: Token) -> list[tuple[Token, Token]]:
    """The clause of a verb joined right after the trigger that names the same action with it
    ("police shot and killed two gunmen in the town of Buinaksk"), with no subject of its own."""
    paired = [c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i - trigger.i == 2
              and trigger.doc[trigger.i + 1].lower_ == "and"
              and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
    return [(c, t) for c in paired for t in clause_tokens(c)]


def _opens_sentence(prep: Token) -> bool:
    """A locative phrase the sentence opens with, before its subject ("In the Midwest, several
    buildings were destroyed in the small town of Poplar Grove"): it sets the scene, and a place
    the clause names after it says where in that scene."""
    outer = prep
    while outer.head.i != outer.i and outer.head.pos_ not in ("VERB", "AUX"):
        outer = outer.head  # "In Saboti in the Mt. Elgon region, ...": the whole opening phrase
    return outer.dep_ == "prep" and outer.i == outer.sent.start and outer.head.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i > outer.i for c in outer.head.children)


# An assault "on" a place happened there ("killed in attacks on Akida village").
_ASSAULT_NOUNS = {"attack", "assault", "raid", "strike", "airstrike", "offensive", "bombing", "bombardment",
                  "shelling", "ambush", "crackdown", "incursion"}


def _names_an_assault(holder: Token) -> bool:
    """What an "on" phrase hangs on names an assault: the noun ("attacks on Akida village") or a
    verb whose object is one, where the parse hangs the phrase on the verb ("staged the assault on
    Kulbus")."""
    return holder.lemma_.lower() in _ASSAULT_NOUNS or (holder.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _ASSAULT_NOUNS for c in holder.children))


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


# A protest's grievance and demands name places of their own ("protested against the offensive in
# Gaza", "demonstrated outside the embassy, demanding the release of activists arrested in
# Beijing"): what the protest is about happened there, not the protest.
_PROTEST_LEMMAS = frozenset({"protest", "demonstrate", "march", "rally"})
_GRIEVANCE_PREPS = frozenset({"against", "over", "about"})
_DEMAND_LEMMAS = frozenset({"demand", "call", "urge", "ask", "denounce", "condemn", "accuse", "seek", "press",
                            "protest", "express", "chant", "say"})


def _grievance_tokens(trigger: Token) -> frozenset[int]:
    """The tokens of a protest verb's grievance phrase and of the demand clauses on it."""
    if trigger.lemma_.lower() not in _PROTEST_LEMMAS:
        return frozenset()
    about = [c for c in trigger.children
             if (c.dep_ == "prep" and c.lower_ in _GRIEVANCE_PREPS)
             or (c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in _DEMAND_LEMMAS)]
    return frozenset(t.i for c in about for t in c.subtree)


_CLAUSE_DEPS = {"advcl", "ccomp", "relcl", "acl", "conj", "csubj", "parataxis", "xcomp"}


def clause_tokens(trigger: Token) -> list[Token]:
    """The trigger's own clause: its subtree without the clauses embedded in it."""
    found = pruned_subtree(trigger, lambda c: c.dep_ not in _CLAUSE_DEPS or c.pos_ not in {"VERB", "AUX"})
    return sorted(found, key=lambda t: t.i)


def _is_reference_point(prep: Token) -> bool:
    """"north of Crimea": a place named only to say where another one lies."""
    return prep.lower_ == "of" and prep.head.lower_ in COMPASS_POINTS
