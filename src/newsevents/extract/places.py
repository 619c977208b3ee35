"""Places: every toponym in the body, resolved to a gazetteer entry with coordinates.

Candidates are spaCy's GPE/LOC entities (which include the gazetteer ruler's) and FAC entities
that the gazetteer knows. Each is resolved by a score over its gazetteer entries: population,
feature level, a generic word beside it ("Donetsk province" is the admin-1 unit, "the town of X"
a town), the countries and admin-1 units the article names elsewhere, how many of its other
names have a reading nearby (``place_coherence``), and containment ("Bakhmut in the Donetsk
region", "Alexandria, Louisiana"). A name read twice resolves the same way. A name the gazetteer
lacks stays unresolved but is put at the article's focus; a county at the article's town in its
province.

``Place.span`` covers the name as written plus a trailing generic word when there is one
("Luhansk region", "Donetsk province"); a leading one ("the city of", "the capital") is not part
of it.

``event_location`` picks, among a sentence's places, the one an event trigger happened at; the
events stage calls it for ``Event.place``.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from typing import Optional

from spacy.tokens import Doc, Token

from newsevents.extract.place_candidates import (Candidate, cues, find_candidates, hint_before, is_agent_word,
                                                  place_words)
from newsevents.extract.place_coherence import PlaceContext, article_focus, local_towns, neighbour_shares
from newsevents.extract.place_names import options as name_options
from newsevents.gazetteer import Entry, load_gazetteer, normalize
from newsevents.records import Article, Place, Span

# Log-population is the base score; these shift it per feature level (regions and seas carry no
# population, and a plain name is more often the town than the province of the same name).
_FEATURE_PRIOR = {"country": 2.0, "region": 6.0, "water": 6.0, "adm1": -1.5, "adm2": -3.0, "city": 0.0}
# A name that is only another spelling or an old name of an entry ("Salisbury" for Harare) is
# less likely that entry than one that bears the name as its own.
ALIAS_PENALTY = 1.5
COUNTRY_CONTEXT = 4.0  # the weight of the article's other places' countries (tuned on LGL)
ADMIN1_CONTEXT = 4.0  # the weight of their admin-1 units, for towns and counties (tuned on LGL)
CAPITAL_BONUS = 1.0
NEIGHBOUR_CONTEXT = 4.0  # the weight of the share of other names with a reading nearby (tuned on GWN, LGL even)
_HINT_BONUS = {("adm1", "adm1"): 10.0, ("adm1", "adm2"): 4.0, ("adm1", "region"): 4.0,
               ("adm2", "adm2"): 10.0, ("adm2", "adm1"): 3.0, ("city", "city"): 10.0}

__all__ = ["extract_places", "resolve_spans", "place_words", "country_of", "event_location", "smallest_place",
           "places_naming"]


def extract_places(doc: Doc, article: Article) -> tuple[Place, ...]:
    """Every place named in the body, in text order, resolved where the gazetteer allows."""
    return _resolve(doc, find_candidates(doc))


def resolve_spans(doc: Doc, article: Article, spans: Sequence[tuple[int, int]]) -> tuple[Place, ...]:
    """Resolve toponyms someone else found (character spans of the body), e.g. gold toponyms."""
    cue_words = cues()
    text = doc.text  # spaCy joins every token to build it: once per document, not per name
    candidates = []
    for start, end in spans:
        words = text[start:end].split()
        hint, name = None, text[start:end]
        if len(words) > 1 and words[-1].lower() in cue_words["after"] and not name_options(name, inner=False):
            hint, name = cue_words["after"][words[-1].lower()], name[: name.rstrip().rfind(" ")]
        hint = hint or hint_before(text[max(0, start - 30):start], cue_words)
        candidates.append(Candidate(start, end, name, "GPE", hint))
    return _resolve(doc, candidates)


def _resolve(doc: Doc, candidates: list[Candidate]) -> tuple[Place, ...]:
    body = doc.text
    starts = [s.start_char for s in doc.sents]
    cued = _cued_kinds(candidates)
    candidates = [Candidate(c.start, c.end, c.name, c.label, c.hint or cued.get(normalize(c.name)))
                  for c in candidates]
    options = [name_options(c.name) for c in candidates]
    keys = [(normalize(c.name), c.hint) for c in candidates]
    distinct = list(dict.fromkeys(keys))  # a name read twice votes once
    shares = dict(zip(distinct, neighbour_shares([options[keys.index(k)] for k in distinct])))
    neighbours = [shares[k] for k in keys]
    resolved = [_best(opts, c.hint, PlaceContext(), None, c.name, near)
                for c, opts, near in zip(candidates, options, neighbours)]
    for _ in range(2):  # context from the first reading, then from the second
        context = PlaceContext.of(resolved, keys)
        chosen: dict[tuple[str, Optional[str]], Optional[tuple[Entry, float]]] = {}
        for i, (candidate, opts) in enumerate(zip(candidates, options)):
            if keys[i] not in chosen:  # a name read twice resolves the same way
                container = _container(i, candidates, resolved, body)
                chosen[keys[i]] = _best(opts, candidate.hint, context.without(keys[i]), container,
                                        candidate.name, neighbours[i])
        resolved = [chosen[k] for k in keys]
    entries = [r[0] for r in resolved if r is not None]
    focus, towns = article_focus(entries), local_towns(entries)
    return tuple(_place(c, r, body, starts, focus, towns) for c, r in zip(candidates, resolved))


def _cued_kinds(candidates: list[Candidate]) -> dict[str, str]:
    """A bare name takes the kind its cued mentions in the same article give it: after "Ukraine's
    Donetsk province", a later "towards Donetsk" is the province too (the first cue wins)."""
    kinds: dict[str, str] = {}
    for candidate in candidates:
        if candidate.hint:
            kinds.setdefault(normalize(candidate.name), candidate.hint)
    return kinds


# --- resolution ----------------------------------------------------------------------------------


def _score(entry: Entry, hint: Optional[str], context: PlaceContext, container: Optional[Entry],
           name: str = "", nearby: float = 0.0) -> float:
    score = math.log10(entry.population + 10) + _FEATURE_PRIOR.get(entry.feature, 0.0)
    score += NEIGHBOUR_CONTEXT * nearby
    if name and normalize(entry.name) != name and entry.geonameid > 0:
        score -= ALIAS_PENALTY  # hand-written region aliases ("Mideast") are English names
    if hint:
        score += _HINT_BONUS.get((hint, entry.feature), -5.0)
    share_c, share_a = context.shares(entry)
    if entry.feature in ("water", "region"):
        # a sea or a region lies in no one country: whatever the article's places, it fits them as
        # well as a town in their country would ("Atlantic" the ocean, not Atlantic, Iowa)
        share_c = 1.0 if context.countries else 0.0
    score += COUNTRY_CONTEXT * share_c + (ADMIN1_CONTEXT * share_a if entry.feature in ("city", "adm2") else 0.0)
    if entry.capital:
        score += CAPITAL_BONUS
    if container is not None:
        score += 10.0 if _inside(entry, container) else -10.0
    return score


def _inside(entry: Entry, container: Entry) -> bool:
    if container.feature == "country":
        return entry.country == container.country and entry.feature != "country"
    return (entry.country, entry.admin1_code) == (container.country, container.admin1_code) and \
        entry.feature in ("city", "adm2")


def _best(options: list[Entry], hint, context: PlaceContext, container,
          name: str = "", neighbours: Optional[dict] = None) -> Optional[tuple[Entry, float]]:
    """The best entry and a confidence: its share of the score mass (a softmax)."""
    if not options:
        return None
    key = normalize(name)
    if hint is None and any(e.feature == "country" and normalize(e.name) == key for e in options):
        # a country's own name is the country, not a place that has it as another name ("Mexico"
        # beside "Mexico City"); a place that bears the same name itself still competes (Georgia)
        options = [e for e in options if normalize(e.name) == key]
    neighbours = neighbours or {}
    scored = sorted(((_score(e, hint, context, container, key, neighbours.get(e, 0.0)), e) for e in options),
                    key=lambda pair: pair[0], reverse=True)
    top = scored[0][0]
    mass = sum(math.exp(s - top) for s, _ in scored[:20])
    return scored[0][1], 1.0 / mass


def _container(i: int, candidates: list[Candidate], first: list, body: str) -> Optional[Entry]:
    """'Bakhmut in the Donetsk region', 'Alexandria, Louisiana': the next toponym, when only a
    containment word stands between them and it is a country or admin-1 unit."""
    if i + 1 >= len(candidates) or first[i + 1] is None:
        return None
    between = body[candidates[i].end:candidates[i + 1].start]
    outer = first[i + 1][0]
    if outer.feature in ("country", "adm1") and cues()["inside"].match(between):
        return outer
    return None


def _place(candidate: Candidate, resolved, body: str, starts: list[int], focus: Optional[Entry] = None,
           towns: Optional[dict] = None) -> Place:
    """The place; one the gazetteer lacks stays "unresolved", with no entry, country or confidence,
    but takes the article's focus point as its best guess of where it lies. A county takes the
    point of the article's most-named town in its province (``local_towns``) when there is one."""
    text = body[candidate.start:candidate.end]
    span = Span(candidate.start, candidate.end, text, bisect.bisect_right(starts, candidate.start) - 1)
    if resolved is None:
        return Place(text=text, span=span, name=candidate.name, feature="unresolved",
                     lat=focus.lat if focus else None, lon=focus.lon if focus else None)
    entry, confidence = resolved
    town = (towns or {}).get((entry.country, entry.admin1_code)) if entry.feature == "adm2" else None
    return Place(
        text=text,
        span=span,
        name=entry.name,
        geonameid=entry.geonameid if entry.geonameid > 0 else None,
        lat=(town or entry).lat,
        lon=(town or entry).lon,
        feature=entry.feature,
        country=entry.country or None,
        admin1=entry.admin1 or None,
        confidence=round(confidence, 3),
    )


def country_of(name: str) -> Optional[str]:
    """The ISO 3166-1 alpha-3 code of a country named ``name`` ("Ukraine", "U.S.", "Britain")."""
    import pycountry

    for entry in load_gazetteer().lookup(name):
        if entry.feature == "country":
            record = pycountry.countries.get(alpha_2=entry.country)
            return record.alpha_3 if record else None
    return None


# --- where an event happened ---------------------------------------------------------------------

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
# neighbourhood of Al-Bayaa").
_BREADTH = {"country": 2, "region": 2, "adm1": 1, "adm2": 0.5, "unresolved": -1}


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
                return found
    # the locative phrase nearest the trigger, and the narrowest place it names ("at the UAE's oil
    # terminal in the port city of Fujairah")
    nearest_first = sorted(_locative_preps(sentence), key=lambda t: abs(t.i - trigger.i))
    for prep in (p for p in nearest_first if p.i not in skip):
        found = _narrowest(_clause(prep), mine)
        if found is not None:
            return found
    if object_is_where and trigger.lemma_.lower() not in _DONE_TO_PEOPLE:
        # what was done to a place, said in the passive ("Jaffna was captured", "Grozny's streets
        # are patrolled"), when the gazetteer places it and it is no given name or surname
        # ("Montoya was captured" is a person)
        patients = [x for c in trigger.children if c.dep_ == "nsubjpass" for x in _name_core(c)]
        personal = load_gazetteer().personal_names
        return smallest_place([p for p in places_naming(patients, mine)
                               if p.feature != "unresolved" and normalize(p.text) not in personal])
    return None


# What is only done to people: the passive subject of these is a person, whatever the tagger says
# ("Abu Nabil was killed").
_DONE_TO_PEOPLE = frozenset({"kill", "wound", "injure", "hurt", "shoot", "murder", "execute", "assassinate",
                             "arrest", "detain", "abduct", "kidnap", "torture", "behead", "sentence"})


def _name_core(head: Token) -> list[Token]:
    """A noun and the words that make up its name or say whose it is, not its phrases."""
    found, stack = [], [head]
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend(c for c in node.children if c.dep_ in ("compound", "flat", "poss", "nmod", "amod"))
    return found


def _locative_preps(tokens, extra: set = frozenset()) -> list[Token]:
    return [t for t in tokens if t.dep_ == "prep" and (t.lower_ in EVENT_LOCATIVE_PREPS or t.lower_ in extra)]


_DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                         "kilometers", "kilometres", "km", "miles"})


def _narrowest(tokens: Sequence[Token], places: Sequence[Place]) -> Optional[Place]:
    """The narrowest place the tokens name, leaving out one named only to say where another lies
    ("in Anbar province, west of Baghdad") unless there is no other ("an ambush south of
    Kandahar")."""
    plain = [t for t in tokens if not _reference_point(t)]
    return smallest_place(places_naming(plain, places)) or smallest_place(places_naming(tokens, places))


def _reference_point(token: Token) -> bool:
    """The token lies in "north of X" or "30 kilometers from X"."""
    for node in (token, *token.ancestors):
        if node.dep_ == "prep" and node.lower_ in ("of", "from") and node.head.lower_ in _DIRECTIONS:
            return True
        if node.dep_ == "prep":
            return False
    return False


def smallest_place(found: Sequence[Place]) -> Optional[Place]:
    """The narrowest of places named together (the first of equals): where something happened."""
    return min(found, key=lambda p: _BREADTH.get(p.feature, 0), default=None)


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
    found, stack = [], [head]
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend(c for c in node.children
                     if c.dep_ not in _EMBEDDED_CLAUSES and not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")))
    return found
