"""One record of named fields (a JSON object, a CSV row) as a RawDocument.

Accepts our field names (url, outlet, title/headline, published, text/body) and those of
news-please / CC-News (title, maintext, date_publish, url, source_domain).
"""

from __future__ import annotations

from typing import Any, Mapping, Optional

from newsevents.sources.base import Metadata, RawDocument, parse_date

BODY_FIELDS = ("maintext", "text", "body", "content", "articleBody", "article", "description")
HTML_FIELDS = ("html", "raw_html", "content_html")
URL_FIELDS = ("url", "link", "canonical_url", "source_url")
OUTLET_FIELDS = (
    "outlet", "source_domain", "site_name", "sitename", "publisher", "source", "domain"
)
HEADLINE_FIELDS = ("title", "headline", "title_page", "title_rss")
DATE_FIELDS = (
    "published", "date_publish", "date_published", "published_at", "publish_date", "date"
)
BYLINE_FIELDS = ("byline", "author", "authors")
TAG_FIELDS = ("tags", "keywords", "categories")


class FieldProblem(ValueError):
    """A record without a usable body (the caller adds origin and line)."""


def document_from_fields(
    record: Mapping[str, Any], origin: str, defaults: Optional[Metadata]
) -> RawDocument:
    """A RawDocument from a record's fields; its own metadata wins over the caller's defaults."""
    if not isinstance(record, Mapping):
        raise FieldProblem(f"expected a JSON object, got {type(record).__name__}")
    fields = {str(k): v for k, v in record.items()}
    metadata = Metadata(
        url=_text(fields, URL_FIELDS),
        outlet=_outlet(fields),
        published=parse_date(_first(fields, DATE_FIELDS)),
        headline=_text(fields, HEADLINE_FIELDS),
        byline=_names(_first(fields, BYLINE_FIELDS)),
        tags=_tags(_first(fields, TAG_FIELDS)),
    ).filled_from(defaults)
    body = _text(fields, BODY_FIELDS[:-1])
    if body:
        return RawDocument(origin, body, "fields", metadata)
    html = _text(fields, HTML_FIELDS)
    if html:
        return RawDocument(origin, html, "html", metadata)
    body = _text(fields, BODY_FIELDS[-1:])
    if body:
        return RawDocument(origin, body, "fields", metadata)
    raise FieldProblem(
        "no article text (expected a non-empty field: " + ", ".join(BODY_FIELDS + HTML_FIELDS) + ")"
    )


def _first(fields: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = fields.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def _text(fields: Mapping[str, Any], names: tuple[str, ...]) -> Optional[str]:
    value = _first(fields, names)
    if isinstance(value, str) and value.strip():
        return value.strip() if "\n" not in value else value
    return None


def _outlet(fields: Mapping[str, Any]) -> Optional[str]:
    value = _first(fields, OUTLET_FIELDS)
    if isinstance(value, Mapping):  # {"name": ...} as in schema.org publisher objects
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _names(value: Any) -> Optional[str]:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (list, tuple)):
        names = [str(v).strip() for v in value if str(v).strip()]
        return ", ".join(names) or None
    return None


def _tags(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(",")
    if isinstance(value, (list, tuple)):
        return tuple(t for t in (str(v).strip() for v in value) if t)
    return ()
