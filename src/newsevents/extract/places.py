"""Places: every toponym in the body, resolved to a gazetteer entry with coordinates.

Candidates are spaCy's GPE/LOC entities (which include the gazetteer ruler's) and FAC entities
that the gazetteer knows. Each is resolved by a score over its gazetteer entries: population,
feature level, a generic word beside it ("Donetsk province" is the admin-1 unit, "the town of X"
a town), the countries and admin-1 units the article names elsewhere, how many of its other
names have a reading nearby (``place_coherence``), and containment ("Bakhmut in the Donetsk
region", "Alexandria, Louisiana"). A name read twice resolves the same way. A name the gazetteer
lacks stays unresolved, with no entry of its own; it takes, with a low confidence, the point of the
town it lies in (``place_anchors``: "Kibera in Nairobi", else the town the article names most,
else the narrowest unit it names most), and no point where the article places nothing. A county
takes the point of the article's town in its province.

``Place.span`` covers the name as written plus a trailing generic word when there is one
("Luhansk region", "Donetsk province"); a leading one ("the city of", "the capital") is not part
of it.

``with_sites`` adds, for the events stage only, the names no gazetteer holds that the words
around them mark as places ("the Kindi Hospital", "Akida village"; ``place_sites``), unresolved.

Which of them an event happened at is ``place_choice``'s job (``event_location`` and the helpers it
shares with the events stage are re-exported here).
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from typing import Optional

from spacy.tokens import Doc

from newsevents.extract.place_anchors import anchor_towns
from newsevents.extract.place_candidates import (Candidate, cues, find_candidates, hint_before, place_words,
                                                plural_cues, plural_hint_after)
from newsevents.extract.place_choice import (coordinated_places, event_location, places_naming,
                                              smallest_place, without_containers)
from newsevents.extract.place_coherence import PlaceContext, neighbour_shares
from newsevents.extract.place_names import options as name_options
from newsevents.extract.parse_cache import doc_text, sentence_chars
from newsevents.extract.place_sites import find_sites
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
# A town that bears as its own the name of an admin-1 unit of its country takes this part of that
# weight: the article's places in that country speak for the unit as much as for the town ("deaths
# in Wales and in England" is Wales, not the English village of Wales; "the Kansas Treatment
# Center" beside Illinois towns is Kansas, not Kansas, Illinois). New York City, whose own name is
# longer, keeps the whole weight (tuned on the odd-numbered articles of GWN, LGL and GeoVirus: 0.25,
# 0.5, 0.75, 1 tried; 0.25 and 0.5 scored alike; a town with the name only as another name too cost
# GWN: "(NEW YORK) — Police officers" became the state)
UNIT_NAMESAKE_CONTEXT = 0.5
# An admin-1 unit whose country the article's other places lie in gains this much more per share:
# a state that shares its name with a country ("Georgia" beside Atlanta) or a town elsewhere
# (tuned on the odd-numbered articles of GWN, LGL and GeoVirus: 0, 1, 2 and 4 tried)
ADMIN1_IN_COUNTRY = 1.0
CAPITAL_BONUS = 1.0
# A reading within CLOSE_KM of another name's reading (a town and its county, two villages of one
# county) gains this much more per share: every US town is "nearby" some reading of a common county
# name within NEIGHBOUR_KM, and "Paris" beside "Henry County" is the Paris in that county (tuned
# on LGL odd-numbered articles: 25, 40, 80 km and 1, 2, 4 tried; GWN, GeoVirus unchanged)
CLOSE_KM, CLOSE_CONTEXT = 40.0, 1.0
NEIGHBOUR_CONTEXT = 4.0  # the weight of the share of other names with a reading nearby (tuned on GWN, LGL even)
# A town whose country's namesakes are all far less known than a namesake town abroad (fewer other
# names in GeoNames, ``_fame``) loses this much per tenfold: "London" beside American places is still
# London, England, not London, Ohio, unless the context places it there. Namesakes within one country
# are left to the context: a local paper's Huntsville is Texas's as often as Alabama's (tuned on the
# odd-numbered articles of GWN, LGL and GeoVirus: 1, 2 and 3 tried; weighing each town's own fame
# against the namesakes', in its country too, cost LGL)
FAME_ABROAD = 2.0
_HINT_BONUS = {("adm1", "adm1"): 10.0, ("adm1", "adm2"): 4.0, ("adm1", "region"): 4.0,
               ("adm2", "adm2"): 10.0, ("adm2", "adm1"): 3.0, ("city", "city"): 10.0}

__all__ = ["extract_places", "with_sites", "resolve_spans", "place_words", "country_of", "event_location", "smallest_place",
           "places_naming", "without_containers", "coordinated_places"]


def extract_places(doc: Doc, article: Article) -> tuple[Place, ...]:
    """Every place named in the body, in text order, resolved where the gazetteer allows."""
    return _resolve(doc, find_candidates(doc))


def with_sites(doc: Doc, places: Sequence[Place]) -> tuple[Place, ...]:
    """``places`` (what ``extract_places`` found) and the sites that the words around them mark as
    places where none was found (``place_sites``), in text order: where the events stage looks for
    where an event happened. A site stays unresolved, with no point: the gazetteer mostly lacks
    such names, and one it holds was not read as a place where the article's context could place
    it."""
    sites = find_sites(doc, [(p.span.start, p.span.end) for p in places])
    if not sites:
        return tuple(places)
    body, starts = doc_text(doc), list(sentence_chars(doc))
    added = [_place(site, None, body, starts) for site in sites]
    return tuple(sorted([*places, *added], key=lambda p: p.span.start))


def resolve_spans(doc: Doc, article: Article, spans: Sequence[tuple[int, int]]) -> tuple[Place, ...]:
    """Resolve toponyms someone else found (character spans of the body), e.g. gold toponyms; the
    places come back in the order of ``spans``, read in text order (which name follows which)."""
    cue_words = cues()
    text = doc_text(doc)
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    candidates = []
    for start, end in (spans[i] for i in order):
        words = text[start:end].split()
        hint, name = None, text[start:end]
        if len(words) > 1 and words[-1].lower() in cue_words["after"] and not name_options(name, inner=False):
            hint, name = cue_words["after"][words[-1].lower()], name[: name.rstrip().rfind(" ")]
        hint = hint or hint_before(text[max(0, start - 30):start], cue_words) \
            or plural_hint_after(text[max(0, start - 10):start], text[end:end + 20], cue_words)
        candidates.append(Candidate(start, end, name, "GPE", hint))
    # "Douglas, Sarpy and Lancaster counties": the plural cue after the last name covers them all
    resolved = _resolve(doc, plural_cues(candidates, text))
    places: list = [None] * len(spans)
    for i, place in zip(order, resolved):
        places[i] = place
    return tuple(places)


def _resolve(doc: Doc, candidates: list[Candidate]) -> tuple[Place, ...]:
    body = doc_text(doc)
    starts = list(sentence_chars(doc))
    cued = _cued_kinds(candidates)
    candidates = [Candidate(c.start, c.end, c.name, c.label, c.hint or cued.get(normalize(c.name)))
                  for c in candidates]
    options = [name_options(c.name) for c in candidates]
    for i, candidate in enumerate(candidates):
        if _a_building(doc, candidate):
            # "at the White House" is the building, not White House, Tennessee
            named = set(load_gazetteer().lookup(candidate.name))
            options[i] = [e for e in options[i] if e.feature not in ("city", "adm2") or e not in named]
    holders = _holders(candidates, body)
    for i in holders:
        broad = [e for e in options[i] if e.feature in ("country", "adm1", "region")]
        options[i] = broad or options[i]
    keys = [(normalize(c.name), c.hint) for c in candidates]
    distinct = list(dict.fromkeys(keys))  # a name read twice votes once
    readings = [options[keys.index(k)] for k in distinct]
    shares = dict(zip(distinct, neighbour_shares(readings)))
    close = dict(zip(distinct, neighbour_shares(readings, CLOSE_KM, provinces_count=False)))
    neighbours = [{e: v + CLOSE_CONTEXT / NEIGHBOUR_CONTEXT * close[k].get(e, 0.0) for e, v in shares[k].items()}
                  for k in keys]
    resolved = [_best(opts, c.hint, PlaceContext(), None, c.name, near)
                for c, opts, near in zip(candidates, options, neighbours)]
    for _ in range(2):  # context from the first reading, then from the second
        context = PlaceContext.of(resolved, keys)
        chosen: dict[tuple[str, Optional[str]], Optional[tuple[Entry, float]]] = {}
        for i, (candidate, opts) in enumerate(zip(candidates, options)):
            if keys[i] not in chosen:  # a name read twice resolves the same way
                container = _container(i, candidates, resolved, body, holders)
                chosen[keys[i]] = _or_its_province(_best(opts, candidate.hint, context.without(keys[i]), container,
                                                         candidate.name, neighbours[i]), container)
        resolved = [chosen[k] for k in keys]
    towns = anchor_towns(candidates, resolved, body)
    return tuple(_place(c, r, body, starts, town) for c, r, town in zip(candidates, resolved, towns))


# Nouns that end the names of buildings: "the White House", "the Windsor Castle".
_BUILDINGS = frozenset({"house", "palace", "tower", "hall", "castle", "church", "cathedral", "building", "centre",
                        "center", "court", "chapel", "abbey", "mansion"})


def _a_building(doc: Doc, candidate: Candidate) -> bool:
    """Whether the name ends with a building's noun and heads a noun phrase that opens with "the"
    ("the White House"): English puts no article before a town's name."""
    if candidate.hint or candidate.name.rsplit(" ", 1)[-1].lower() not in _BUILDINGS:
        return False
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if span is None or not len(span) or not span.start:
        return False
    before = doc[span.start - 1]
    return before.lower_ == "the" and span.start <= before.head.i < span.end


def _holders(candidates: list[Candidate], body: str) -> list[int]:
    """The names set after a place with only a comma between that end no list: the unit that holds
    it ("Buffalo, New York", "Paris, Tennessee, said", "Monrovia, Africa"), not a town of that
    name. In a list ("Mexico, China, Japan and Brazil") a comma says nothing of the kind."""
    found = []
    for i in range(1, len(candidates)):
        before, mine = candidates[i - 1], candidates[i]
        gap = body[before.end:mine.start]
        if "," not in gap or not _LIST_GAP.fullmatch(gap) or body.startswith(("'s", "’s"), mine.end):
            continue  # "Liberia, Africa's oldest republic": a phrase set beside it
        if i >= 2 and _LIST_GAP.fullmatch(body[candidates[i - 2].end:before.start]):
            continue  # the last of a list
        if i + 1 < len(candidates) and _LIST_GAP.fullmatch(body[mine.end:candidates[i + 1].start]):
            continue  # inside a list
        found.append(i)
    return found


# "China, Japan, and the United Kingdom": a list's last name may take its article
_LIST_GAP = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*(?:the\s+)?")


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
           name: str = "", nearby: float = 0.0, fame_gap: float = 0.0, unit_namesake: bool = False) -> float:
    score = math.log10(entry.population + 10) + _FEATURE_PRIOR.get(entry.feature, 0.0)
    if entry.feature == "city":
        score -= FAME_ABROAD * max(0.0, fame_gap)
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
    if entry.feature == "city" and unit_namesake:
        share_a *= UNIT_NAMESAKE_CONTEXT
    score += COUNTRY_CONTEXT * share_c + (ADMIN1_CONTEXT * share_a if entry.feature in ("city", "adm2") else 0.0)
    if entry.feature == "adm1":
        score += ADMIN1_IN_COUNTRY * share_c
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
    fame = _fame_by_country(options)
    units = {e.country for e in options if e.feature == "adm1" and normalize(e.name) == key}
    scored = sorted(((_score(e, hint, context, container, key, neighbours.get(e, 0.0), _fame_gap(e, fame),
                             e.country in units and normalize(e.name) == key), e)
                     for e in options), key=lambda pair: pair[0], reverse=True)
    top = scored[0][0]
    mass = sum(math.exp(s - top) for s, _ in scored[:20])
    return scored[0][1], 1.0 / mass


def _fame(entry: Entry) -> float:
    """How widely a town is known: the log of how many other names (mostly spellings in other
    languages) GeoNames gives it."""
    return math.log10(1 + entry.other_names)


def _fame_by_country(options: list[Entry]) -> dict[str, float]:
    """The fame of the best-known town among ``options``, per country."""
    fame: dict[str, float] = {}
    for entry in options:
        if entry.feature == "city":
            fame[entry.country] = max(fame.get(entry.country, 0.0), _fame(entry))
    return fame


def _fame_gap(entry: Entry, fame: dict[str, float]) -> float:
    """How much better known the best-known namesake town abroad is than the best-known one in
    ``entry``'s country: every namesake in one country takes the same gap, so that among them the
    context decides (Alexandria, Minnesota is as likely as Alexandria, Virginia beside Minnesotan
    towns; Egypt's Alexandria still outranks both where no context places it)."""
    abroad = max((f for country, f in fame.items() if country != entry.country), default=0.0)
    return abroad - fame.get(entry.country, 0.0)


# The confidence of a town the gazetteer lacks, placed at the province the text puts it in
PROVINCE_FOR_TOWN_CONFIDENCE = 0.1


def _or_its_province(resolved: Optional[tuple[Entry, float]], container: Optional[Entry]):
    """A town or county named with the admin-1 unit it lies in ("Greenwood, W. Va.", "born in
    Grantville, Pennsylvania") that no entry of its name in that unit matches is a village the
    gazetteer lacks: the unit the text puts it in is nearer than a namesake in another state (or no
    point at all). A broad reading (a country, a sea) keeps its own point."""
    if container is None or container.feature != "adm1":
        return resolved
    if resolved is not None and (_inside(resolved[0], container) or resolved[0].feature not in ("city", "adm2")):
        return resolved
    return container, PROVINCE_FOR_TOWN_CONFIDENCE


def _container(i: int, candidates: list[Candidate], first: list, body: str,
               holders: Sequence[int] = ()) -> Optional[Entry]:
    """What the text puts toponym i in: the next toponym (``_next_container``), else the country a
    demonym before its place noun names (``_demonym_container``)."""
    return _next_container(i, candidates, first, body, holders) or _demonym_container(candidates[i], body)


def _next_container(i: int, candidates: list[Candidate], first: list, body: str,
                    holders: Sequence[int]) -> Optional[Entry]:
    """'Bakhmut in the Donetsk region', 'Alexandria, Louisiana': the next toponym, when only a
    containment word stands between them and it is a country or admin-1 unit; after a bare comma,
    only when that comma ends no list (``holders``): in "Mexico, China, Japan" Japan holds nothing."""
    if i + 1 >= len(candidates) or first[i + 1] is None:
        return None
    between = body[candidates[i].end:candidates[i + 1].start]
    if between.strip() == "," and i + 1 not in holders:
        return None
    outer = first[i + 1][0]
    if outer.feature in ("country", "adm1") and cues()["inside"].match(between):
        return outer
    return None


# "the English city of Durham", "the Russian town of Azov": a people's word before a place noun.
_DEMONYM_BEFORE = re.compile(r"\b(?:the|a|an)\s+([A-Z][\w]+)\s+(?:city|town|village|port|capital|settlement|"
                             r"region|province|oblast|state|county|district|resort)\s+(?:of\s+)?$")


def _demonym_container(candidate: Candidate, body: str) -> Optional[Entry]:
    """The country a demonym before the place noun names ("the English city of Durham" is in the
    United Kingdom, not North Carolina); "the Russian-held town of" names who holds it, not where."""
    found = _DEMONYM_BEFORE.search(body[max(0, candidate.start - 60):candidate.start])
    if found is None:
        return None
    gazetteer = load_gazetteer()
    iso2 = gazetteer.demonym(found.group(1))
    return gazetteer.country(iso2) if iso2 else None


def _place(candidate: Candidate, resolved, body: str, starts: list[int], town=None) -> Place:
    """The place; one the gazetteer lacks stays "unresolved", with no entry of its own: it takes the
    point, country and province of the town or unit it lies in (``town``, with its confidence)
    where the article places it, else it has none."""
    text = body[candidate.start:candidate.end]
    span = Span(candidate.start, candidate.end, text, bisect.bisect_right(starts, candidate.start) - 1)
    if resolved is None and town is not None:
        entry, confidence = town
        return Place(text=text, span=span, name=candidate.name, lat=entry.lat, lon=entry.lon, feature="unresolved",
                     country=entry.country or None, admin1=entry.admin1 or None, confidence=confidence)
    if resolved is None:
        return Place(text=text, span=span, name=candidate.name, feature="unresolved")
    entry, confidence = resolved
    return Place(
        text=text,
        span=span,
        name=entry.name,
        geonameid=entry.geonameid if entry.geonameid > 0 else None,
        lat=entry.lat,
        lon=entry.lon,
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
