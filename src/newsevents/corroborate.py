"""Across articles: reports of the same event merged, and who controls which place over time.

Both work on the store's flat rows (dicts), so they are pure functions a caller feeds with
``Store.events()`` / ``Store.control_claims()`` and that tests feed with hand-made rows.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class EventCluster:
    """Reports that describe one real-world event."""

    type: str
    place: str | None
    first: dt.date | None
    last: dt.date | None
    actor_countries: frozenset[str]
    reports: list[dict[str, Any]] = field(default_factory=list)

    @property
    def outlets(self) -> list[str]:
        return sorted({r["outlet"] for r in self.reports if r.get("outlet")})

    @property
    def sources(self) -> list[str]:
        return sorted({r["source"] or r["outlet"] for r in self.reports if r.get("source") or r.get("outlet")})

    @property
    def carried_by(self) -> list[str]:
        """Outlets that ran a copy of a report (a syndicated wire story) without reporting it
        themselves: the same source again, so they do not add to ``corroboration``."""
        copies = {o for r in self.reports for o in (r.get("copy_outlets") or []) if o}
        return sorted(copies - set(self.outlets))

    @property
    def corroboration(self) -> int:
        """Independent outlets reporting it: the number researchers filter on."""
        return len(self.outlets)


def _place_key(row: dict[str, Any]) -> str | None:
    if row.get("geonameid") is not None:
        return str(row["geonameid"])
    return (row.get("place") or "").lower() or None


def _day(row: dict[str, Any], key: str) -> dt.date | None:
    value = row.get(key)
    return value if isinstance(value, dt.date) else None


def _overlaps(cluster: EventCluster, start: dt.date | None, end: dt.date | None, slack: int) -> bool:
    if cluster.first is None or start is None or end is None:
        return True  # undated reports join on type, place and actors alone
    pad = dt.timedelta(days=slack)
    return start - pad <= cluster.last and cluster.first <= end + pad


def cluster_events(rows: Iterable[dict[str, Any]], *, slack_days: int = 1) -> list[EventCluster]:
    """Group event rows of one type at one place whose dates overlap (± ``slack_days``) and whose
    actor countries agree, largest clusters first. Rows without a place are left out."""
    buckets: dict[tuple[str, str], list[EventCluster]] = defaultdict(list)
    for row in rows:
        place = _place_key(row)
        if place is None:
            continue
        start = _day(row, "date_start") or _day(row, "date_end")
        end = _day(row, "date_end") or start
        countries = frozenset(c for c in (row.get("actor_country") or []) if c)
        candidates = buckets[(row["type"], place)]
        match = next(
            (c for c in candidates
             if _overlaps(c, start, end, slack_days)
             and (not countries or not c.actor_countries or countries & c.actor_countries)),
            None,
        )
        if match is None:
            match = EventCluster(row["type"], row.get("place"), start, end, countries)
            candidates.append(match)
        match.reports.append(row)
        match.actor_countries |= countries
        if start and (match.first is None or start < match.first):
            match.first = start
        if end and (match.last is None or end > match.last):
            match.last = end
    clusters = [c for group in buckets.values() for c in group]
    return sorted(clusters, key=lambda c: (-c.corroboration, -len(c.reports), c.type))


@dataclass(frozen=True, slots=True)
class ControlState:
    """What the sources say about one place on one date: several controllers = a conflict."""

    place: str
    date: dt.date | None
    claims: tuple[dict[str, Any], ...]

    @property
    def controllers(self) -> list[str]:
        return sorted({c["controller"] for c in self.claims})

    @property
    def contested(self) -> bool:
        return len(self.controllers) > 1


def control_timeline(claims: Iterable[dict[str, Any]]) -> dict[str, list[ControlState]]:
    """Per place, claims grouped by date in order; conflicting claims stay side by side."""
    by_place: dict[str, dict[dt.date | None, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for claim in claims:
        date = _day(claim, "as_of_end") or _day(claim, "as_of_start") or _day(claim, "published")
        by_place[claim["place"]][date].append(claim)
    timeline = {}
    for place, dated in by_place.items():
        order = sorted(dated, key=lambda d: (d is None, d or dt.date.min))
        timeline[place] = [ControlState(place, d, tuple(dated[d])) for d in order]
    return timeline
