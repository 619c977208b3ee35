"""Points for gazetteer entries that GeoNames' city lists give no coordinates for: countries (from
Natural Earth outlines and the CIA World Factbook points) and admin-1 units (from their towns)."""

from __future__ import annotations

import json
import statistics
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
# (1). Gazetteers disagree on country points by more than 161 km for large countries (Russia,
# China: the CIA point, which GeoNames mostly copies; the US: the outline's centroid, as GeoNames
# has it). A quarter of the way towards the CIA point scored best on GWN and GeoVirus and within
# 0.01 of the best on LGL (weights 0.1 to 0.6 tried); the scores jump with it, country by country.
CIA_POINT_WEIGHT = 0.25


def country_point(outline, conventional) -> Optional[tuple[float, float]]:
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
