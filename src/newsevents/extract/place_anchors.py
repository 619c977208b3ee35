"""Where a place the gazetteer lacks lies: the town (or, failing that, the unit) the article puts it in.

A news story names the sites of its town that no gazetteer of towns holds: a neighbourhood ("the
Faubourg Marigny"), a building ("the Third Presbyterian Church", "the West Wing"), a stadium
("Anfield"), a park. Such a name stays unresolved (it has no entry of its own), but it lies in a
town: the one the text names with it ("Kibera in Nairobi", "Liverpool's Anfield", "Balintawak,
Quezon City"), else the town the article names most in the country it names most, the one it
is about (``main_town``); where it names no town, the unit it names most at the narrowest level
(``main_unit``: a county, else a province, else the country). That point, with a low confidence,
is nearer the site than no point at all, which geoparsing scores count as the farthest miss.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Optional

from newsevents.extract.place_candidates import Candidate, cues
from newsevents.gazetteer import Entry

# The confidence of a site placed at its town: the town is where it lies, not what it is.
SITE_IN_TOWN_CONFIDENCE = 0.1


def anchor_towns(candidates: Sequence[Candidate], resolved: Sequence[Optional[tuple[Entry, float]]],
                 body: str) -> list[Optional[tuple[Entry, float]]]:
    """For each candidate the gazetteer left unresolved, the town it lies in (or the province or
    country named with it, where that does not hold the main town or unit) and a confidence; None
    where the article places nothing, and for every resolved candidate."""
    main = main_town(resolved) or main_unit(resolved)
    anchors: list[Optional[tuple[Entry, float]]] = []
    for i, pair in enumerate(resolved):
        if pair is not None:
            anchors.append(None)
            continue
        holder = _named_with(i, candidates, resolved, body)
        if holder is None or (main is not None and holder.feature != "city" and _holds(holder, main)):
            holder = main  # "Kibera, Kenya" in a story about Nairobi: the town is narrower
        anchors.append((holder, SITE_IN_TOWN_CONFIDENCE) if holder is not None else None)
    return anchors


def main_town(resolved: Sequence[Optional[tuple[Entry, float]]]) -> Optional[Entry]:
    """The town the article names most often (the first named among equals) in the country it
    names most (its places, countries and provinces included), else anywhere: a story on a
    Liverpool club's academy in Cairo names Liverpool as often as Cairo but Egypt's places more
    (tuned on the odd-numbered articles of GWN, LGL and GeoVirus: 5 toponyms of GWN's 1059 more;
    the even-numbered gained 2 of GWN's 986 and 1 of GeoVirus's 1106)."""
    places = [pair[0] for pair in resolved if pair is not None]
    towns = [place for place in places if place.feature == "city"]
    if not towns:
        return None
    top_country = _top_country(places)
    return _most_named([town for town in towns if town.country == top_country] or towns)


# The levels of unit a site falls back on where the article names no town, narrowest first
UNIT_LEVELS = ("adm2", "adm1", "country")


def main_unit(resolved: Sequence[Optional[tuple[Entry, float]]]) -> Optional[Entry]:
    """Where the article names no town: the unit it names most at the narrowest level it names
    one (a county, else a province, else the country) in the country it names most ("Bafokeng"
    in a story that names only North West province and South Africa lies in that province).
    (Tuned on the odd-numbered articles of GWN, LGL and GeoVirus: 1 toponym of GWN's 1059 more;
    the even-numbered gained 3 of GWN's 986, 7 of LGL's 2295 and 7 of GeoVirus's 1106.)"""
    places = [pair[0] for pair in resolved if pair is not None]
    top_country = _top_country(places)
    for level in UNIT_LEVELS:
        units = [place for place in places if place.feature == level and place.country == top_country]
        if units:
            return _most_named(units)
    return None


def _top_country(places: list[Entry]) -> Optional[str]:
    """The country the article names most (its places, provinces and itself), the first among equals."""
    countries = [place.country for place in places if place.country]
    nations = Counter(countries)
    return max(nations, key=lambda country: (nations[country], -countries.index(country)), default=None)


def _most_named(places: list[Entry]) -> Entry:
    counts = Counter(places)
    return max(counts, key=lambda place: (counts[place], -places.index(place)))


# What a site may be named as lying in
HOLDERS = ("city", "adm2", "adm1", "country")


def _holds(unit: Entry, town: Entry) -> bool:
    if unit.feature == "country":
        return town.country == unit.country
    return (town.country, town.admin1_code) == (unit.country, unit.admin1_code)


def _named_with(i: int, candidates: Sequence[Candidate], resolved: Sequence, body: str) -> Optional[Entry]:
    """The town, province or country named right after the site with a containment word between
    ("Kibera in Nairobi", "Balintawak, Quezon City", "Pingilikani, Kenya"), or the town named
    right before it as its owner ("Liverpool's Anfield")."""
    if i + 1 < len(candidates) and resolved[i + 1] is not None and resolved[i + 1][0].feature in HOLDERS:
        between = body[candidates[i].end:candidates[i + 1].start]
        if cues()["inside"].match(between):
            return resolved[i + 1][0]
    if i > 0 and resolved[i - 1] is not None and resolved[i - 1][0].feature == "city":
        between = body[candidates[i - 1].end:candidates[i].start]
        if between.strip() in ("'s", "’s", "'s the", "’s the"):
            return resolved[i - 1][0]
    return None
