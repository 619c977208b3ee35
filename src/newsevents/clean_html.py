"""HTML in, text and metadata out: trafilatura finds the article; our text cleaner finishes it."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from newsevents.sources.base import parse_date

SHORT_TEXT = 1500  # characters: below this, also try trafilatura's default (recall) setting
FALLBACK_RATIO = 0.2


@dataclass(frozen=True, slots=True)
class HtmlParts:
    text: str
    headline: Optional[str] = None
    byline: Optional[str] = None
    published: Optional[dt.date] = None
    outlet: Optional[str] = None
    url: Optional[str] = None
    tags: tuple[str, ...] = ()


def extract_html(html: str, url: Optional[str] = None) -> Optional[HtmlParts]:
    """The article text of a page (paragraphs one per line) and its metadata; None if none found."""
    data = _extract(html, url, favor_precision=True)
    if data is None or len(data.get("text") or "") < SHORT_TEXT:
        # favor_precision sometimes keeps only a fragment: fall back to the default extraction
        # when it found several times more text
        fuller = _extract(html, url)
        if fuller is not None and (
            data is None or len(data["text"]) < FALLBACK_RATIO * len(fuller["text"])
        ):
            data = fuller
    if data is None:
        return None
    text = _fuller_reading(html, data["text"])
    tags = tuple(_split(data.get("categories"))) + tuple(_split(data.get("tags")))
    return HtmlParts(
        text=text,
        headline=data.get("title") or None,
        byline=data.get("author") or None,
        published=parse_date(data.get("date")),
        outlet=data.get("sitename") or None,
        url=data.get("url") or None,
        tags=tuple(dict.fromkeys(tags)),
    )


@lru_cache(maxsize=1)
def _trafilatura():
    import trafilatura

    # trafilatura logs every hard page at WARNING; one bad page is our ArticleError instead
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    return trafilatura


def _extract(html: str, url: Optional[str], **options: bool) -> Optional[dict]:
    trafilatura = _trafilatura()
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            **options,
        )
    except Exception:  # trafilatura raises assorted parser errors on broken markup
        return None
    if doc is None:
        return None
    data = doc if isinstance(doc, dict) else doc.as_dict()
    return data if (data.get("text") or "").strip() else None


FRAGMENT_SHARE = 0.95  # trafilatura's text found this completely inside readability's ...
FRAGMENT_RATIO = 2.0  # ... which is this many times longer: trafilatura stopped early
_TOKEN = re.compile(r"\w+")
_BLOCK_TAGS = ("p", "div", "li", "tr", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote")


def _fuller_reading(html: str, text: str) -> str:
    """A second opinion from readability: when trafilatura's text is only a fragment of what
    readability finds (the same paragraphs, and many more after them), the article is longer than
    trafilatura saw, as when a story's markup changes halfway. Otherwise trafilatura's text,
    which is the more precise where the two disagree otherwise."""
    other = _readability_text(html)
    ours, theirs = _grams(text), _grams(other)
    if not ours or len(theirs) < FRAGMENT_RATIO * len(ours):
        return text
    return other if len(ours & theirs) >= FRAGMENT_SHARE * len(ours) else text


def _readability_text(html: str) -> str:
    try:
        import lxml.html
        from readability import Document

        tree = lxml.html.fromstring(Document(html).summary(html_partial=True))
    except Exception:  # readability and lxml raise assorted errors on broken or empty markup
        return ""
    for element in tree.iter(*_BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")  # one block a paragraph, as trafilatura's
    return tree.text_content()


def _grams(text: str) -> set[tuple[str, ...]]:
    tokens = _TOKEN.findall(text.casefold())
    return {tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3)}


def _split(value: object) -> list[str]:
    if isinstance(value, str):
        return [t.strip() for t in value.split(",") if t.strip()]
    if isinstance(value, (list, tuple)):
        return [str(t).strip() for t in value if str(t).strip()]
    return []
