"""The records every stage passes on: the public output schema.

Field names are the contract that users, exports and the API see: add fields, never rename.
Every record is a frozen, slotted dataclass; sequences are tuples; offsets point into
``Article.body``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Optional

BOILERPLATE_KINDS = (
    "ad_disclosure",
    "read_next",
    "photo_credit",
    "tags",
    "comments",
    "newsletter",
    "navigation",
    "legal",
    "section_label",
    "dateline",
    "share",
    "copyright",
    "other",
)

CERTAINTIES = ("asserted", "reported", "claimed", "hedged", "denied", "future", "hypothetical")

CONTROL_STATUSES = ("captured", "holds", "retaken", "withdrawn", "contested")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``Article.body``: ``body[start:end] == text``."""

    start: int
    end: int
    text: str
    sentence: int = -1


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """A block removed from the article, kept with what kind of page furniture it was."""

    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    headline: str
    body: str
    url: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[dt.date] = None
    byline: Optional[str] = None
    tags: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    photo_credit: Optional[str] = None
    boilerplate: tuple[Boilerplate, ...] = ()
    origin: Optional[str] = None  # where it was read from: a path, "path:line", "<stdin>"
    copies: tuple[str, ...] = ()  # URLs or origins of other crawls of the same story


@dataclass(frozen=True, slots=True)
class Actor:
    text: str
    name: str
    country: Optional[str] = None  # ISO 3166-1 alpha-3
    sector: Optional[str] = None  # PLOVER sector: GOV, MIL, REB, COP, CVL, ...
    span: Optional[Span] = None


@dataclass(frozen=True, slots=True)
class Place:
    text: str
    span: Span
    name: str
    geonameid: Optional[int] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    feature: Optional[str] = None  # country, adm1, adm2, city, region, water, unresolved (point: its town's)
    country: Optional[str] = None  # ISO 3166-1 alpha-2
    admin1: Optional[str] = None
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class TimeRef:
    text: str
    span: Optional[Span]
    value: Optional[str]  # ISO 8601, partial allowed: 2022-07-04, 2022-02, 2022-W26, 2022-SU
    granularity: Optional[str] = None  # day, week, month, season, year, duration, ...
    basis: str = "none"  # explicit, publication_date, none
    kind: str = "point"  # point, duration, interval, set
    end: Optional[str] = None  # the interval's end when kind == "interval"; value is its start


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    span: Span
    kind: str  # direct, indirect
    speaker: Optional[Actor] = None
    channel: Optional[str] = None
    cue: Optional[str] = None


@dataclass(frozen=True, slots=True)
class Attribution:
    claim: Span
    source: Optional[Actor] = None
    cue: Optional[str] = None
    chain: tuple[str, ...] = ()  # outermost first: publisher -> cited outlet -> speaker/document
    certainty: str = "reported"


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: str  # PLOVER type
    evidence: Span
    mode: Optional[str] = None
    context: tuple[str, ...] = ()
    actor: tuple[Actor, ...] = ()
    recipient: tuple[Actor, ...] = ()
    place: Optional[Place] = None
    date: Optional[TimeRef] = None
    certainty: str = "asserted"
    attribution: Optional[Attribution] = None
    confidence: float = 0.5
    trigger: Optional[Span] = None
    targets: tuple[Place, ...] = ()  # places the event is aimed at ("towards Bakhmut")
    # other places it happened at, named with ``place`` in one phrase ("in Basra and Nasiriyah")
    also_at: tuple[Place, ...] = ()


@dataclass(frozen=True, slots=True)
class ControlClaim:
    place: Place
    controller: str  # ISO3 or a named armed group
    status: str  # captured, holds, retaken, withdrawn, contested
    evidence: Span
    as_of: Optional[TimeRef] = None
    attribution: Optional[Attribution] = None


@dataclass(frozen=True, slots=True)
class Reading:
    """One article and everything read from it."""

    article: Article
    sentences: tuple[Span, ...] = ()
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeRef, ...] = ()
    quotes: tuple[Quote, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    events: tuple[Event, ...] = ()
    control_claims: tuple[ControlClaim, ...] = ()


# --- dict conversion -------------------------------------------------------------------------


def to_dict(record: Any) -> Any:
    """A record as plain JSON-ready data: dates as ISO strings, tuples as lists."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_dict(item) for item in record]
    if isinstance(record, (dt.date, dt.datetime)):
        return record.isoformat()
    return record


def from_dict(cls: type, data: Any) -> Any:
    """Rebuild a record of type ``cls`` from ``to_dict`` output."""
    return _convert(cls, data)


def _convert(annotation: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _convert(inner[0], value)
    if origin is tuple:
        item_type = typing.get_args(annotation)[0]
        return tuple(_convert(item_type, item) for item in value)
    if annotation is dt.date and isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    if dataclasses.is_dataclass(annotation):
        hints = _hints(annotation)
        known = {f.name for f in dataclasses.fields(annotation)}
        return annotation(**{k: _convert(hints[k], v) for k, v in value.items() if k in known})
    return value


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def replace(record: Any, **changes: Any) -> Any:
    """A copy of a frozen record with some fields changed."""
    return dataclasses.replace(record, **changes)


__all__ = [
    "Actor",
    "Article",
    "Attribution",
    "Boilerplate",
    "ControlClaim",
    "Event",
    "Place",
    "Quote",
    "Reading",
    "Span",
    "TimeRef",
    "from_dict",
    "replace",
    "to_dict",
    "field",
]
