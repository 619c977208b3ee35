"""The records the readers hand to ``clean``: raw content plus what we know about it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Optional

FORMATS = ("text", "html", "fields")


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the caller, a sidecar file or a record's own fields say about a document."""

    url: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[dt.date] = None
    headline: Optional[str] = None
    byline: Optional[str] = None
    tags: tuple[str, ...] = ()

    def filled_from(self, other: "Metadata | None") -> "Metadata":
        """This metadata with its empty fields taken from ``other`` (ours win)."""
        if other is None:
            return self
        changes = {
            f.name: getattr(other, f.name)
            for f in dataclasses.fields(self)
            if not getattr(self, f.name) and getattr(other, f.name)
        }
        return dataclasses.replace(self, **changes) if changes else self


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document as read: ``format`` says how ``content`` is to be cleaned.

    ``text``: a crawler's text dump (headline on the first line unless metadata gives it);
    ``html``: a web page; ``fields``: a body already split from its headline (JSONL, CSV).
    """

    origin: str
    content: str
    format: str
    metadata: Metadata = Metadata()


class SourceError(Exception):
    """A document that could not be read: a value the batch records and goes on past."""

    def __init__(self, origin: str, message: str) -> None:
        # One line, naming the file (and line) first, so a log of many is greppable.
        self.origin = origin
        self.reason = " ".join(message.split())
        self.message = f"{origin}: {self.reason}"
        super().__init__(self.message)

    def __repr__(self) -> str:
        return f"SourceError({self.message!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SourceError) and other.message == self.message

    def __hash__(self) -> int:
        return hash(self.message)


_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_date(value: Any) -> Optional[dt.date]:
    """A publication date from a date, a datetime or an ISO-like string; None if unreadable."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    match = _ISO_DATE.search(value)
    if match:
        try:
            return dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            return None
    return _parse_rfc2822(value)


def _parse_rfc2822(value: str) -> Optional[dt.date]:
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None
