"""Where a place the gazetteer lacks lies: the town the article puts it in.

A news story names the sites of its town that no gazetteer of towns holds: a neighbourhood ("the
Faubourg Marigny"), a building ("the Third Presbyterian Church", "the West Wing"), a stadium
("Anfield"), a park. Such a name stays unresolved (it has no entry of its own), but it lies in a
town: the one the text names with it ("Kibera in Nairobi", "Liverpool's Anfield", "Balintawak,
Quezon City"), else the town the article names most in the country it names most, the one it
is about (``main_town``). That town's point,
with a low confidence, is nearer the site than no point at all, which geoparsing scores count
as the farthest miss.
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
    country named with it, where that does not hold the main town) and a confidence; None where
    neither is named, and for every resolved candidate."""
    main = main_town(resolved)
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
    countries = [place.country for place in places if place.country]
    nations = Counter(countries)
    top_country = max(nations, key=lambda country: (nations[country], -countries.index(country)))
    towns = [town for town in towns if town.country == top_country] or towns
    counts = Counter(towns)
    return max(counts, key=lambda town: (counts[town], -towns.index(town)))


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
