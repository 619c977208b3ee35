"""The Python API for notebooks and scripts: read text or files into Readings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsevents.clean import clean
from newsevents.engines.local import Failure, iter_articles, read_many
from newsevents.reading import read_article
from newsevents.records import Reading
from newsevents.settings import DEFAULT_SETTINGS, Settings
from newsevents.sources import Metadata, RawDocument, parse_date


class ReadError(ValueError):
    pass


def _metadata(published, url, outlet) -> Metadata | None:
    if published is not None:
        date = parse_date(published)
        if date is None:
            raise ReadError(f"published={published!r} is not a date; use YYYY-MM-DD")
        published = date
    if not (published or url or outlet):
        return None
    return Metadata(url=url, outlet=outlet, published=published)


def _names_a_file(text: str) -> bool:
    if "\n" in text or len(text) >= 4096:
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):  # a one-line article is too long (or too odd) for a file name
        return False


def read(
    text_or_path: str | Path,
    *,
    published: str | dt.date | dt.datetime | None = None,
    url: str | None = None,
    outlet: str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> Reading:
    """One article's Reading, from its text (headline on the first line) or a file holding one."""
    metadata = _metadata(published, url, outlet)
    if isinstance(text_or_path, Path) or _names_a_file(text_or_path):
        results = list(read_all([str(text_or_path)], metadata=metadata, settings=settings))
        if len(results) != 1:
            raise ReadError(f"{text_or_path}: holds {len(results)} articles; use read_all()")
        if isinstance(results[0], Failure):
            raise ReadError(str(results[0]))
        return results[0]
    return read_text(str(text_or_path), published=published, url=url, outlet=outlet, settings=settings)


def read_text(
    text: str,
    *,
    published: str | dt.date | dt.datetime | None = None,
    url: str | None = None,
    outlet: str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> Reading:
    """One article's Reading from its text, never taken for a file name (for text from outside,
    such as the web API's: a path in it must not read a local file)."""
    raw = RawDocument(origin="<text>", content=text, format="text",
                      metadata=_metadata(published, url, outlet) or Metadata())
    return read_article(clean(raw), settings)


def read_all(
    paths: Iterable[str],
    *,
    metadata: Metadata | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> Iterator[Reading | Failure]:
    """Readings (or Failures, with the reason) for every article under ``paths``."""
    return read_many(iter_articles(paths, metadata), settings)
