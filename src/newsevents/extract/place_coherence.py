"""Which readings of an article's place names lie near each other.

Local news names towns that share their names with bigger places elsewhere ("Alexandria" and
"Brandon" beside "Douglas County": all in Minnesota). Before any name is resolved, each reading of
a town or county scores the share of the article's other names that have a reading nearby: the
readings that fit together win over the more populous ones that stand alone. ``PlaceContext``
weighs the countries and provinces of the names as resolved.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsevents.extract.place_names import BROAD_FEATURES
from newsevents.gazetteer import Entry

NEIGHBOUR_KM = 200.0  # "nearby": a town, its county, the towns a local paper covers (tuned on GWN, LGL even)
MAX_READINGS = 30  # the most populous readings of one name that take part (Springfield has 40)
_POINTED = ("city", "adm2")
# A name read n times weighs n ** ADMIN1_MENTION_POWER in the article's admin-1 units: a local
# paper names its own state again and again ("Indiana" five times beside "Boone County",
# "Montgomery County"), a state it compares with once (tuned on the odd-numbered articles of GWN,
# LGL and GeoVirus: 0, 0.25, 0.5, 0.75, 1 tried; the same for the countries cost GWN)
ADMIN1_MENTION_POWER = 0.5


@dataclass(frozen=True)
class PlaceContext:
    """Where the article's other places lie: weight per country and per admin-1 unit (a name read
    several times weighs more there, ``ADMIN1_MENTION_POWER``), with each name's own share kept apart
    so that a name does not vote for itself."""

    countries: tuple = ()
    admin1s: tuple = ()
    own: tuple = ()

    @staticmethod
    def of(resolved: list, keys: list) -> "PlaceContext":
        countries: dict[str, float] = {}
        admin1s: dict[tuple, float] = {}
        own: dict[tuple, list] = {}
        mentions = Counter(keys)
        for pair, key in zip(resolved, keys):
            if pair is None or key in own:
                continue
            entry, confidence = pair
            weight = confidence * mentions[key] ** ADMIN1_MENTION_POWER
            own[key] = [entry.country, (entry.country, entry.admin1_code), confidence, weight]
            if entry.country:
                countries[entry.country] = countries.get(entry.country, 0.0) + confidence
            if entry.feature != "country" and entry.admin1_code:
                key1 = (entry.country, entry.admin1_code)
                admin1s[key1] = admin1s.get(key1, 0.0) + weight
        return PlaceContext(tuple(countries.items()), tuple(admin1s.items()), tuple(own.items()))

    def without(self, key) -> "PlaceContext":
        mine = dict(self.own).get(key)
        if mine is None:
            return self
        countries = {c: w - (mine[2] if c == mine[0] else 0.0) for c, w in self.countries}
        admin1s = {a: w - (mine[3] if a == mine[1] else 0.0) for a, w in self.admin1s}
        return PlaceContext(tuple(countries.items()), tuple(admin1s.items()), ())

    def shares(self, entry: Entry) -> tuple[float, float]:
        countries, admin1s = dict(self.countries), dict(self.admin1s)
        total_c = sum(w for w in countries.values() if w > 0)
        total_a = sum(w for w in admin1s.values() if w > 0)
        share_c = countries.get(entry.country, 0.0) / total_c if total_c > 0 else 0.0
        share_a = admin1s.get((entry.country, entry.admin1_code), 0.0) / total_a if total_a > 0 else 0.0
        return max(share_c, 0.0), max(share_a, 0.0)


def neighbour_shares(readings: Sequence[Sequence[Entry]], radius_km: float = NEIGHBOUR_KM,
                     provinces_count: bool = True) -> list[dict[Entry, float]]:
    """For each name (its list of gazetteer readings), each town or county reading's share of the
    other names (those with any town or county reading) that have a town or county reading within
    ``radius_km``, or (with ``provinces_count``) whose province reading contains it."""
    points: list[Entry] = []
    owners: list[int] = []
    provinces: dict[tuple[str, str], set[int]] = {}
    for name, entries in enumerate(readings):
        # a country's or a province's point says little about what is near it
        if any(e.feature in BROAD_FEATURES for e in entries):
            towns = []  # "China", "Florida", "New York": the broad unit is the usual reading
        else:
            towns = sorted((e for e in entries if e.feature in _POINTED), key=lambda e: -e.population)
        for entry in towns[:MAX_READINGS]:
            points.append(entry)
            owners.append(name)
        for entry in entries:
            if entry.feature == "adm1":
                provinces.setdefault((entry.country, entry.admin1_code), set()).add(name)
    shares: list[dict[Entry, float]] = [{} for _ in readings]
    named = set(owners) | {n for names in provinces.values() for n in names}
    if len(named) < 2 or not points:
        return shares
    lat = np.radians([e.lat for e in points])
    lon = np.radians([e.lon for e in points])
    half = np.sin((lat[:, None] - lat[None, :]) / 2) ** 2 + np.cos(lat[:, None]) * np.cos(lat[None, :]) * \
        np.sin((lon[:, None] - lon[None, :]) / 2) ** 2
    near = 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(half, 0.0, 1.0))) <= radius_km
    owner = np.array(owners)
    for i, entry in enumerate(points):
        others = set(owner[near[i]].tolist())
        if provinces_count:
            others |= provinces.get((entry.country, entry.admin1_code), set())
        others.discard(owners[i])
        shares[owners[i]][entry] = len(others) / (len(named) - 1)
    return shares
