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
    recipient_countries: frozenset[str] = frozenset()
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


# A report dated only "on or before" its publication date is taken to be about the last few days;
# a report with no date at all, or one as vague as a year, cannot say it is the same event as
# another: it stays a cluster of its own rather than inflate another's corroboration.
RECENT_DAYS = 3
VAGUEST_DAYS = 31
# A whole country in a given month holds many events of one type ("sanctions on North Korea" in
# August and again in September): at that scale only a date within a week can say it is one event.
VAGUEST_COUNTRY_DAYS = 7


def _when(row: dict[str, Any]) -> tuple[dt.date, dt.date] | None:
    start, end = _day(row, "date_start"), _day(row, "date_end")
    if start is None and end is not None:
        start = end - dt.timedelta(days=RECENT_DAYS)
    end = end or start
    vaguest = VAGUEST_COUNTRY_DAYS if row.get("place_feature") == "country" else VAGUEST_DAYS
    if start is None or (end - start).days > vaguest:
        return None
    return start, end


def _agree(ours: frozenset[str], theirs: frozenset[str]) -> bool:
    return not ours or not theirs or bool(ours & theirs)


def _countries(row: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(c for c in (row.get(key) or []) if c)


def cluster_events(rows: Iterable[dict[str, Any]], *, slack_days: int = 1) -> list[EventCluster]:
    """Group event rows of one type at one place whose dates overlap (± ``slack_days``) and whose
    actor and recipient countries agree, largest clusters first. Rows without a place are left
    out; rows without a usable date stay alone."""
    pad = dt.timedelta(days=slack_days)
    buckets: dict[tuple[str, str], list[EventCluster]] = defaultdict(list)
    alone: list[EventCluster] = []
    for row in rows:
        place = _place_key(row)
        if place is None:
            continue
        when = _when(row)
        actors, recipients = _countries(row, "actor_country"), _countries(row, "recipient_country")
        if when is None:
            alone.append(EventCluster(row["type"], row.get("place"), _day(row, "date_start"),
                                      _day(row, "date_end"), actors, recipients, [row]))
            continue
        start, end = when
        candidates = buckets[(row["type"], place)]
        match = next((c for c in candidates
                      if start - pad <= c.last and c.first <= end + pad
                      and _agree(actors, c.actor_countries) and _agree(recipients, c.recipient_countries)),
                     None)
        if match is None:
            match = EventCluster(row["type"], row.get("place"), start, end, actors, recipients)
            candidates.append(match)
        match.reports.append(row)
        match.actor_countries |= actors
        match.recipient_countries |= recipients
        match.first, match.last = min(match.first, start), max(match.last, end)
    clusters = [c for group in buckets.values() for c in group] + alone
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
