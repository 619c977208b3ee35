"""Which of a sentence's places an event happened at.

``event_location`` picks one place for an event trigger among the places the places stage found;
the events stage calls it (through ``event_places``) for ``Event.place``, and ``coordinated_places``
gives the places named together with that one for ``Event.also_at``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Optional

from spacy.tokens import Doc, Span, Token

from newsevents.extract.parse_cache import token_strings
from newsevents.extract.place_candidates import cues, is_agent_word
from newsevents.gazetteer import load_gazetteer, normalize
from newsevents.records import Place

__all__ = ["event_location", "coordinated_places", "smallest_place", "places_naming", "without_containers",
           "pruned_subtree", "breadth", "COMPASS_POINTS"]


# Prepositions that say where something happened ("killed in Aleppo", "clashes near Izium"); "from"
# only for a retreat (``from_is_where``): "missiles fired from Belarus" happened elsewhere.
EVENT_LOCATIVE_PREPS = frozenset({"in", "at", "near", "around", "outside", "inside", "within", "across",
                                  "throughout", "on", "along", "off", "over", "through"})
_EMBEDDED_CLAUSES = frozenset({"advcl", "ccomp", "relcl", "acl", "csubj", "parataxis", "xcomp"})
# Only an active verb's object: a passive subject that looks like a place is mostly a person the
# NER took for one ("Montoya was captured"), measured on the event-location gold.
_OBJECT_DEPS = frozenset({"dobj", "obj"})
# A place that only describes a person or a group ("a US soldier", "Fiji's Vijay Singh"), or a
# country that describes a thing ("the 1967 Mideast war"), says who or what, not where; one that
# modifies a place noun ("Aziziyah district", "Syria's Aleppo province") still names a place.
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})
_PLACE_HEADS = frozenset({"area", "areas", "neighbourhood", "neighborhood", "countryside", "suburb",
                          "suburbs", "outskirts", "border", "capital", "camp", "streets", "street",
                          # sites: "at the Nicosia airport", "on a Hong Kong hotel"
                          "airport", "hotel", "headquarters", "base", "embassy", "consulate", "school",
                          "hospital", "market", "mosque", "church", "square", "bridge", "port",
                          "station", "checkpoint", "prison", "jail", "terminal", "terminals", "crossing",
                          "outpost", "junction", "plant", "compound", "highway", "road", "harbour",
                          "harbor", "refinery", "stadium", "office", "offices", "building", "parliament"})
# Where a phrase names several places, the smallest is where it happened: "in Syria's northern
# Aleppo province", "in the West Bank city of Nablus", "in Lamitan town, Basilan, Philippines". A
# name the gazetteer does not know is mostly a village or a neighbourhood ("the south Baghdad
# neighbourhood of Al-Bayaa"). A sea or a gulf is broad: "the Caribbean resort of Cancun" is Cancun.
_BREADTH = {"country": 2, "region": 2, "water": 2, "adm1": 1, "adm2": 0.5, "unresolved": -1}


def event_location(doc: Doc, trigger: Token, places: Sequence[Place], *,
                   object_is_where: bool = True, from_is_where: bool = False,
                   skip: frozenset[int] = frozenset()) -> Optional[Place]:
    """Where the event that ``trigger`` names happened, among ``places`` (the doc's places, in text
    order). In order: a place that is the trigger's object ("captured Bakwa"; unless
    ``object_is_where`` is off), a place in a locative phrase on the trigger or a verb joined to it
    ("shot and killed in Nablus"; "withdrew from Kherson" with ``from_is_where``), the narrowest
    place of the locative phrase nearest the trigger elsewhere in the sentence ("was shot while
    filming in Oaxaca City"; not among the tokens in ``skip``), a place that is the passive subject
    ("Jaffna was captured"), else None. Places that only describe a person or a thing ("a US
    soldier") are never chosen. (A bare place elsewhere in the clause, with no preposition, and
    "from" as a locative cost more precision than they gave recall on the event-location gold.)"""
    sentence = trigger.sent
    mine = [p for p in places if sentence.start_char <= p.span.start < sentence.end_char]
    if not mine:
        return None
    heads = [trigger, *[c for c in trigger.conjuncts if c.pos_ in ("VERB", "AUX", "NOUN")]]
    if object_is_where:
        objects = [x for c in trigger.children if c.dep_ in _OBJECT_DEPS for x in _clause(c)]
        found = _narrowest(objects, mine)
        if found is not None:
            return found
    extra = {"from", "out"} if from_is_where else set()
    for head in heads:
        for prep in _locative_preps(head.children, extra):
            found = _narrowest(_clause(prep), mine)
            if found is not None:
                return _place_it_locates(prep, found, mine) or found
    # the locative phrase nearest the trigger, and the narrowest place it names ("at the UAE's oil
    # terminal in the port city of Fujairah")
    nearest_first = sorted(_sentence_locative_preps(sentence), key=lambda t: abs(t.i - trigger.i))
    for prep in dict.fromkeys(_outermost(p) for p in nearest_first if p.i not in skip):
        found = _narrowest(_clause(prep), mine)
        if found is not None:
            return found
    # a direction on the trigger itself ("captured eight suspects in raids north of Baghdad")
    for direction in trigger.children:
        if direction.dep_ in ("npadvmod", "advmod") and direction.lower_ in _DIRECTIONS:
            found = _narrowest(_clause(direction), mine)
            if found is not None:
                return found
    if object_is_where and trigger.lemma_.lower() not in _DONE_TO_PEOPLE:
        # what was done to a place, said in the passive ("Jaffna was captured", "Grozny's streets
        # are patrolled"), when the gazetteer places it and it is no given name or surname
        # ("Montoya was captured" is a person)
        patients = [x for c in trigger.children if c.dep_ == "nsubjpass" for x in _name_core(c)]
        if trigger.dep_ == "acl" and trigger.tag_ == "VBN":  # "Eastern Slavonia, captured in 1991"
            patients += _name_core(trigger.head)
        personal = load_gazetteer().personal_names
        return smallest_place([p for p in places_naming(patients, mine)
                               if p.feature != "unresolved" and normalize(p.text) not in personal])
    return None


# What is only done to people: the passive subject of these is a person, whatever the tagger says
# ("Abu Nabil was killed").
_DONE_TO_PEOPLE = frozenset({"kill", "wound", "injure", "hurt", "shoot", "murder", "execute", "assassinate",
                             "arrest", "detain", "abduct", "kidnap", "torture", "behead", "sentence"})


def _place_it_locates(prep: Token, found: Place, places: Sequence[Place]) -> Optional[Place]:
    """A narrower place just before the comma that opens the phrase: "outside police headquarters
    in Fallujah, in the restive western province of Al-Anbar" says where Fallujah lies."""
    doc = prep.doc
    if prep.i < 2 or doc[prep.i - 1].text != ",":
        return None
    before = doc[prep.i - 2]
    return next((p for p in places if p.span.start <= before.idx < p.span.end
                 and breadth(p) < breadth(found)), None)


def _outermost(prep: Token) -> Token:
    """The outermost locative phrase, within its clause, that ``prep`` lies in: "near the village of
    Beit Lahya in northern Gaza Strip" for "in northern Gaza Strip", whose narrowest place is Beit
    Lahya."""
    outer = prep
    for node in prep.ancestors:
        if node.pos_ in ("VERB", "AUX"):
            break
        if node.dep_ == "prep" and node.lower_ in EVENT_LOCATIVE_PREPS:
            outer = node
    return outer


def pruned_subtree(head: Token, follow: Callable[[Token], bool]) -> list[Token]:
    """``head`` and the part of its subtree reached through children that ``follow`` accepts
    (depth first): a phrase without the phrases or clauses hanging off it."""
    found, stack = [], [head]
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend(c for c in node.children if follow(c))
    return found


def _name_core(head: Token) -> list[Token]:
    """A noun and the words that make up its name or say whose it is, not its phrases."""
    return pruned_subtree(head, lambda c: c.dep_ in ("compound", "flat", "poss", "nmod", "amod"))


def _locative_preps(tokens, extra: set = frozenset()) -> list[Token]:
    return [t for t in tokens if t.dep_ == "prep" and (t.lower_ in EVENT_LOCATIVE_PREPS or t.lower_ in extra)]


def _sentence_locative_preps(sentence: Span) -> list[Token]:
    """``_locative_preps`` of a sentence's tokens, picked out in the parse's strings: only the few
    prepositions become Token objects (this runs for every trigger, over its whole sentence)."""
    doc, w = sentence.doc, token_strings(sentence.doc)
    return [doc[i] for i in range(sentence.start, sentence.end)
            if w.dep[i] == "prep" and w.lower[i] in EVENT_LOCATIVE_PREPS]


COMPASS_POINTS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                            "southwest"})
_DIRECTIONS = COMPASS_POINTS | {"kilometers", "kilometres", "km", "miles"}


def _narrowest(tokens: Sequence[Token], places: Sequence[Place]) -> Optional[Place]:
    """The narrowest place the tokens name, leaving out one named only to say where another lies
    ("in Anbar province, west of Baghdad") unless there is no other ("an ambush south of
    Kandahar")."""
    if not tokens:
        return None
    doc = tokens[0].doc
    plain = [t for t in tokens if not _reference_point(t)]
    return (smallest_place(without_containers(places_naming(plain, places), doc))
            or smallest_place(without_containers(places_naming(tokens, places), doc)))


def _reference_point(token: Token) -> bool:
    """The token lies in "north of X" or "30 kilometers from X"."""
    for node in (token, *token.ancestors):
        if node.dep_ == "prep" and node.lower_ in ("of", "from") and node.head.lower_ in _DIRECTIONS:
            return True
        if node.dep_ == "prep":
            return False
    return False


def coordinated_places(doc: Doc, place: Optional[Place], places: Sequence[Place]) -> tuple[Place, ...]:
    """The other places named in coordination with ``place`` in its phrase, where the event
    happened too: "in Basra and Nasiriyah", "captured Qabasin and Bzaah", "the provinces of Ghazni
    and Paktika", "in Berlin and in Mainz", "a policeman in Yala, and another in Pattani"."""
    if place is None:
        return ()
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if span is None:
        return ()
    head = span.root
    others = list(head.conjuncts)
    found = []
    for prep in _parallel_preps(head) if head.dep_ == "pobj" and head.head.dep_ == "prep" else ():
        listed = _narrowest(_clause(prep), places)  # "and in the western cities of Bursa, Bergama"
        listed_span = listed and doc.char_span(listed.span.start, listed.span.end, alignment_mode="expand")
        if listed_span and listed is not place:
            found.append(listed)
            others += list(listed_span.root.conjuncts)
    for other in others:
        named = [p for p in places_naming(_name_core(other), places)
                 if not (p.span.start < place.span.end and place.span.start < p.span.end)]
        if named:
            found.append(smallest_place(without_containers(named, doc)))
    return tuple(sorted(dict.fromkeys(found), key=lambda p: p.span.start))


def _parallel_preps(pobj: Token) -> list[Token]:
    """The phrases listed after the preposition ``pobj`` hangs on: those joined to it ("in Berlin
    and in Mainz") and, for a locative one, those on the same preposition after an "and", on the
    same word or one joined to it ("shot a policeman in Yala, and another policeman in
    Pattani")."""
    prep = pobj.head
    doc, head = prep.doc, prep.head
    found = [c for c in prep.conjuncts if c.dep_ in ("prep", "conj")]
    if prep.lower_ not in EVENT_LOCATIVE_PREPS:
        return found
    for owner in (head, *head.conjuncts):
        for other in owner.children:
            if other.dep_ != "prep" or other.lower_ != prep.lower_ or other.i <= prep.i:
                continue
            # "and" between: "in Orgun, in the province of Paktika" names where Orgun lies
            between = doc[prep.right_edge.i + 1:other.i]
            if any(t.lower_ == "and" for t in between) and not any(t.pos_ == "VERB" for t in between):
                found.append(other)
    return found


def without_containers(found: Sequence[Place], doc: Doc) -> list[Place]:
    """The places left when those named only as the owner of another are set aside ("Yala's Betong
    district", "Iraq's restive city of Baquba"): the owner holds the other, which is narrower
    whatever the gazetteer's levels say."""
    def owns_another(place: Place) -> bool:
        for token in doc.char_span(place.span.start, place.span.end, alignment_mode="expand") or ():
            if token.dep_ == "poss" and not (place.span.start <= token.head.idx < place.span.end):
                owned = {t.idx for t in _owned(token.head)}
                if any(o is not place and o.span.start > token.idx and o.span.start in owned for o in found):
                    return True
        return False
    kept = [p for p in found if not owns_another(p) and not _holds_a_part(p, found, doc)]
    return kept or list(found)


# Nouns in a place's name for a part of a larger place, which its "of" phrase names ("the Ghazi
# Qala area of Ghazni city", "the East Ghouta region of rural Damascus").
_PART_NOUNS = frozenset({"area", "region", "district", "quarter", "neighbourhood", "neighborhood", "suburb",
                         "sector", "zone"})


def _holds_a_part(place: Place, found: Sequence[Place], doc: Doc) -> bool:
    """``place`` is named in the "of" phrase of another place's part noun: it holds that one."""
    for other in found:
        if other is place:
            continue
        for token in doc.char_span(other.span.start, other.span.end, alignment_mode="expand") or ():
            if token.lower_ not in _PART_NOUNS:
                continue
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ == "of" and any(
                        place.span.start <= t.idx < place.span.end for t in prep.subtree):
                    return True
    return False


def _owned(head: Token) -> list[Token]:
    """The noun and its name or "of" phrase ("city of Baquba"), not its other phrases ("border
    with Israel")."""
    return pruned_subtree(head, lambda c: c.dep_ != "prep" or c.lower_ == "of")


def smallest_place(found: Sequence[Place]) -> Optional[Place]:
    """The narrowest of places named together (the first of equals): where something happened."""
    return min(found, key=breadth, default=None)


def breadth(place: Place) -> float:
    """How broad a place is: a country 2, a first-level division 1, a town 0, an unknown name -1."""
    return _BREADTH.get(place.feature, 0)


def places_naming(tokens: Sequence[Token], places: Sequence[Place]) -> list[Place]:
    """The places that name one of ``tokens``, leaving out those that describe a non-place."""
    return [p for p in places
            if any(p.span.start <= t.idx < p.span.end and not _describes(t, p) for t in tokens)]


def _describes(token: Token, place: Place) -> bool:
    """A token of a place name that modifies a noun for a person or a group ("a US soldier",
    "Fiji's Vijay Singh"), or of a country's name that modifies a noun for a thing or an event
    ("the US air strike", "the 1967 Mideast war"): it says who, not where. A town that modifies
    one still says where ("a Sofia restaurant", "the Manbij campaign")."""
    node = token
    while node.head.i != node.i and node.ent_type_ in ("GPE", "LOC", "FAC") and node.dep_ in _MODIFIER_DEPS:
        node = node.head
    if node.i == token.i or node.ent_type_ in ("GPE", "LOC", "FAC") or node.pos_ not in ("NOUN", "PROPN"):
        return False
    word = node.lower_
    if word in _PLACE_HEADS or word in cues()["after"]:
        return False
    if node.ent_type_ in ("PERSON", "ORG", "NORP") or is_agent_word(node):
        return True
    return place.feature in ("country", "region")


def _clause(head: Token) -> list[Token]:
    """The tokens of ``head``'s subtree that are not inside a clause embedded under it."""
    return pruned_subtree(head, lambda c: c.dep_ not in _EMBEDDED_CLAUSES
                          and not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")))
