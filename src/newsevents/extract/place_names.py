"""Which gazetteer entries a toponym as written may name.

The name itself first; a demonym stands for its country ("Ukrainian" -> Ukraine), a continent's or
country's adjective for it ("European" -> Europe, "Philippine" -> Philippines); a name the
gazetteer lacks falls back on a well-known place inside it: a direction before a name ("Eastern
Ghouta", "North Dallas": part of it, so within reach of its point) or a landmark named after the
town or region it stands in ("Manila Cathedral", "University of California", "Port of Los
Angeles"). The fallback takes only countries, admin-1 units, regions and towns of some size: a
small namesake ("Hall" in "City Hall") is more often a coincidence than the place.
"""

from __future__ import annotations

import functools
import re

from newsevents.gazetteer import Entry, _resource_lines, load_gazetteer, normalize

_DIRECTION = re.compile(
    r"^(?:(?:north|south|east|west|central|upper|lower|greater|inner|outer)(?:ern)?|"
    r"(?:north|south)[- ]?(?:east|west)(?:ern)?|[nsew]\.)\s+", re.I)
_FALLBACK_POPULATION = 50_000  # a town this big names the landmarks after it
# Features of places that are more than a point: a country, a province, a region, a sea.
BROAD_FEATURES = ("country", "adm1", "region", "water")


def options(name: str, *, inner: bool = True) -> list[Entry]:
    gazetteer = load_gazetteer()
    found = gazetteer.lookup(name)
    if gazetteer.demonym(name) and not _names_a_place_of_its_own(found, name):
        # "German" is Germany, not the German sheading of the Isle of Man; "Thai" no old name of
        # Alor Setar
        country = gazetteer.country(gazetteer.demonym(name))
        found = [country] if country else []
    if is_abbreviation(name):
        return _abbreviated(found, name)
    if name.endswith(".") and (units := _abbreviated_units(name)):
        # "Sulpher, La.": a unit's abbreviation with its full stop names that unit, not a town
        # whose name it spells ("La." is no Los Angeles, "Pa." no Pa, Burkina Faso)
        return [e for e in found if e.feature == "adm1" and (e.country, e.admin1_code) in units]
    if not found:
        found = _adjective_of(name) or residents_place(name)
    return _without_stray_aliases(found, normalize(name)) or (_inner(name) if inner else [])


def _names_a_place_of_its_own(entries: list[Entry], name: str) -> bool:
    """A country or a bloc among ``entries`` ("EU", which the demonym table lists), or a place of
    some size that bears ``name`` as its own ("Wales", which it gives the United Kingdom for)."""
    key = normalize(name)
    return any(e.feature in ("country", "region", "water")
               or (normalize(e.name) == key and e.population >= _FALLBACK_POPULATION) for e in entries)


# Adjectives of continents and countries that the demonym table lacks: "European" -> Europe,
# "African" -> Africa, "Asian" -> Asia, "Philippine" -> Philippines, "South Ossetian" -> South Ossetia.
_ADJECTIVE_ENDINGS = (("ean", "e"), ("ican", "ica"), ("ian", "ia"), ("ine", "ines"))


# Capitals ("WA", "NSW"), or a body's initials around a small word ("MoD", "DoD", "MoJ": Ministry of
# Defence), which GeoNames lists in capitals as airport codes ("MOD", Modesto)
_ABBREVIATION = re.compile(r"[A-Z]{2,4}|[A-Z][a-z][A-Z]")
_BIG_CITY = 1_000_000  # a city known by its initials ("LA", "KL") is a big one


def is_abbreviation(name: str) -> bool:
    return bool(_ABBREVIATION.fullmatch(name))


def _abbreviated(found: list[Entry], name: str) -> list[Entry]:
    """What an abbreviation in capitals ("WA", "UK", "NSW", "LA") names: a country or a region, a
    US state by its postal code, a unit our aliases table abbreviates, or a big city whose initials
    it is. Not a town spelled the same in lower case ("Wa", Ghana; "Nato", Philippines), nor one
    that lists it among its alternate names (GeoNames gives airport codes and old names there:
    "OAS", "SC", "ROC" for Rochester)."""
    state = load_gazetteer().admin1("US", name)
    kept = [e for e in found if e.feature in ("country", "region", "water")  # ours: "USSR", "EU"
            or (e.country, e.admin1_code) in _abbreviated_units(name)
            or (_initials(e.name) == name and (e.feature != "city" or e.population >= _BIG_CITY))]
    return kept + [state] if state is not None and state not in kept else kept


def _abbreviated_units(name: str) -> frozenset[tuple[str, str]]:
    """(country, admin-1 code) of the units the aliases table abbreviates as ``name``."""
    return _admin1_aliases().get(name, frozenset())


@functools.lru_cache(maxsize=1)
def _admin1_aliases() -> dict[str, frozenset[tuple[str, str]]]:
    """The aliases table, read once: alias -> (country, admin-1 code) of the units it names."""
    units: dict[str, set[tuple[str, str]]] = {}
    for line in _resource_lines("admin1_aliases.tsv"):
        alias, iso2, code = line.split("\t")
        units.setdefault(alias, set()).add((iso2, code))
    return {alias: frozenset(found) for alias, found in units.items()}


def _initials(name: str) -> str:
    return "".join(word[0] for word in re.findall(r"[A-Za-z]+", name) if word[0].isupper())


def _adjective_of(name: str) -> list[Entry]:
    gazetteer = load_gazetteer()
    for ending, place_ending in _ADJECTIVE_ENDINGS:
        if name[:1].isupper() and name.lower().endswith(ending):
            found = [e for e in gazetteer.lookup(name[: -len(ending)] + place_ending)
                     if e.feature in ("country", "region")]
            if found:
                return found
    return []


# How a place's residents are named: "Minnesotan(s)", "Ohioan(s)", "Texan(s)", "New Yorker(s)",
# "South Ossetians"; the demonym table has countries' people only.
_RESIDENT_ENDINGS = (("ians", "ia"), ("ians", "a"), ("ians", "y"), ("ans", "a"), ("ans", ""), ("ans", "as"),
                     ("ers", ""), ("ian", "ia"), ("ian", "a"), ("ian", "y"), ("an", "a"), ("an", ""), ("an", "as"),
                     ("er", ""))


def residents_place(name: str) -> list[Entry]:
    """The place whose residents ``name`` names: a country, region or province that bears the
    stem as its own name, or for "-er" a city of some size too ("Londoners"; a small town's name
    with "-er" is as often a surname: "Parker", "Walker")."""
    if not name[:1].isupper():
        return []
    gazetteer = load_gazetteer()
    for ending, place_ending in _RESIDENT_ENDINGS:
        if not name.lower().endswith(ending) or len(name) <= len(ending) + 2:
            continue
        stem = name[: -len(ending)] + place_ending
        found = [e for e in gazetteer.lookup(stem) if normalize(e.name) == normalize(stem) and (
            e.feature in ("country", "region", "adm1")
            or (ending.startswith("er") and e.feature == "city" and e.population >= _FALLBACK_POPULATION))]
        if found:
            return found
    return []


def _without_stray_aliases(entries: list[Entry], key: str) -> list[Entry]:
    """Where a country or admin-1 unit bears the name as its own, a small town that has it only
    as an alternate name (GeoNames lists "Minnesota" for Minneota) is a stray."""
    if not any(e.feature in BROAD_FEATURES and normalize(e.name) == key for e in entries):
        return entries
    return [e for e in entries if not (e.feature == "city" and normalize(e.name) != key
                                       and e.population < _FALLBACK_POPULATION)]


def _inner(name: str) -> list[Entry]:
    """Entries for the longest run of capitalised words inside ``name`` that the gazetteer knows
    as a large enough place; the leftmost wins among runs of one length."""
    gazetteer = load_gazetteer()
    stripped = _DIRECTION.sub("", name)
    if stripped != name and (found := _known(gazetteer.lookup(stripped))):
        return found
    words = name.split()
    for size in range(len(words) - 1, 0, -1):
        for start in range(len(words) - size + 1):
            run = words[start:start + size]
            if not (run[0][:1].isupper() and run[-1][:1].isupper()) or _DIRECTION.match(" ".join(run) + " "):
                continue  # "South" of "South Ossetian" is no place of its own
            if size == 1 and run[0].lower() in KIND_WORDS:
                continue  # "Valley" of "Rift Valley" says what kind of place it is, not where
            # an abbreviation ("W. Phila.") is only ever another name of the place
            found = _known(gazetteer.lookup(" ".join(run)), "" if run[-1].endswith(".") else " ".join(run))
            if found:
                return found
    return []


# Words that say what kind of place a longer name names; some are also places' names ("The
# Valley", Anguilla; the Bay region of Somalia; Delta, British Columbia), never the place inside.
KIND_WORDS = frozenset({
    "valley", "delta", "bay", "gulf", "island", "islands", "lake", "lakes", "river", "falls", "creek", "park",
    "hill", "hills", "heights", "mountain", "mountains", "plateau", "plain", "plains", "coast", "harbor",
    "harbour", "canal", "strait", "sea", "forest", "desert", "peninsula", "bend", "quarter", "centre",
    "center", "metro", "township", "central", "federal", "eastern", "western", "northern", "southern"})


def _known(entries: list[Entry], own_name: str = "") -> list[Entry]:
    """The broad units and the towns of some size among ``entries``; with ``own_name``, only towns
    that bear it as their own name: a word inside a longer name may be one of a town's old or
    generic alternate names (GeoNames lists "River" for New Brunswick, New Jersey, which would put
    every "Catawba River" there)."""
    key = normalize(own_name)
    return [e for e in entries if e.feature in BROAD_FEATURES
            or (e.population >= _FALLBACK_POPULATION and (not key or normalize(e.name) == key))
            or (e.feature == "adm2" and normalize(e.name) == key and key.endswith(_UNIT_WORDS))]


# A county or a district that gives its name to a landmark is named with its kind: "Butler County
# Sheriff's Office", not "University" (a parish of Jamaica) of "University of California".
_UNIT_WORDS = (" county", " district", " parish", " borough")
