"""RawDocument -> Article: headline, clean body, metadata, and the page furniture kept by kind.

Plain text is a crawler's dump (headline on the first line unless metadata gives it); HTML goes
through trafilatura first; "fields" (JSONL, CSV) already has its headline apart. All three end in
the same text cleaner, so a page read as HTML, as text or as a JSON record gives one article.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Optional

from newsevents.clean_html import extract_html
from newsevents.clean_meta import article_id, normalise_whitespace, outlet_from_url
from newsevents.clean_text import TextParts, clean_text
from newsevents.records import Article
from newsevents.sources.base import Metadata, RawDocument

MIN_BODY_WORDS = 3


class ArticleError(ValueError):
    """A document with no article in it; the message is one line naming where it came from."""

    def __init__(self, origin: str, message: str) -> None:
        self.origin = origin
        self.reason = " ".join(message.split())
        self.message = f"{origin}: {self.reason}"
        super().__init__(self.message)


def clean(raw: RawDocument) -> Article:
    """The article in a raw document; raises ArticleError if there is none."""
    meta = raw.metadata
    if raw.format == "html":
        parts, meta = _from_html(raw)
    elif raw.format == "fields":
        parts = clean_text(raw.content, headline=meta.headline or "")
    else:
        parts = clean_text(raw.content, headline=meta.headline)
    if len(parts.body.split()) < MIN_BODY_WORDS:
        raise ArticleError(raw.origin, f"no article text found ({raw.format} document)")
    return _article(raw.origin, parts, meta)


MAX_HTML_MB = 10  # past scripts and styles, no article page is this large; parsing it takes minutes
_SCRIPTS = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def _from_html(raw: RawDocument) -> tuple[TextParts, Metadata]:
    html = raw.content
    if len(html) > MAX_HTML_MB * 1_000_000:
        html = _SCRIPTS.sub("", html)
        if len(html) > MAX_HTML_MB * 1_000_000:
            raise ArticleError(raw.origin, f"HTML page of {len(raw.content) // 1_000_000} MB is larger "
                                           f"than any article page ({MAX_HTML_MB} MB without scripts); not read")
    found = extract_html(html, raw.metadata.url)
    if found is None:
        raise ArticleError(raw.origin, "no article found in the HTML page")
    page = Metadata(
        url=found.url,
        outlet=found.outlet,
        published=found.published,
        headline=found.headline,
        byline=found.byline,
        tags=found.tags,
    )
    meta = raw.metadata.filled_from(page)
    parts = clean_text(found.text, headline=meta.headline or "", select_region=False)
    return parts, meta


def _article(origin: str, parts: TextParts, meta: Metadata) -> Article:
    headline = " ".join(normalise_whitespace(meta.headline or parts.headline).split())
    url = meta.url.strip() if meta.url else None
    return Article(
        id=article_id(url, headline, parts.body),
        headline=headline,
        body=parts.body,
        url=url,
        outlet=_outlet(meta.outlet, url),
        published=meta.published,
        byline=meta.byline,
        tags=tuple(dict.fromkeys(meta.tags + parts.tags)),
        related=parts.related,
        photo_credit=parts.photo_credit,
        boilerplate=parts.boilerplate,
        origin=origin,
    )


def _outlet(outlet: Optional[str], url: Optional[str]) -> Optional[str]:
    """The publisher's name: given, or derived from a domain ("benzinga.com" -> "Benzinga")."""
    if outlet and "." in outlet and " " not in outlet.strip():
        return outlet_from_url(outlet) or outlet  # news-please gives a domain, not a name
    return outlet or outlet_from_url(url)


def with_metadata(article: Article, metadata: Metadata) -> Article:
    """An article with metadata filled in after cleaning (the id follows a newly known URL)."""
    url = article.url or metadata.url
    return dataclasses.replace(
        article,
        url=url,
        outlet=article.outlet or _outlet(metadata.outlet, url),
        published=article.published or metadata.published,
        id=article_id(url, article.headline, article.body),
    )
