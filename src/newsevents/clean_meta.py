"""Article identity and provenance: text normalisation, stable ids, canonical URLs, outlet names."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from typing import Optional
from urllib.parse import parse_qsl, urlencode, urlsplit

from newsevents.clean_lines import RESOURCES

# Two-part public suffixes common in news domains (bbc.co.uk -> bbc); enough for outlet names.
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "news", "go"}
_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|cmpid|ocid|smid|ref|src|s|cid|partner|share|taid|amp|mod"
    r"|guccounter)$",
    re.I,
)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# The Unicode space separators (category Zs) and the tab, each to a plain space: one translate
# call instead of a category lookup per character (tests check the list against unicodedata).
SPACE_SEPARATORS = "\u0020\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_SPACES = dict.fromkeys(map(ord, SPACE_SEPARATORS + "\t"), " ")
_PUNCT = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "―": "-", "…": "..."}
)


def normalise_whitespace(text: str) -> str:
    """NFC text, every Unicode space a plain space, invisible marks dropped, lines trimmed.

    Two crawls of one page differ in such bytes (a no-break space here, a thin space there).
    """
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_SPACES)
    return "\n".join(re.sub(r" {2,}", " ", line).strip() for line in text.split("\n"))


def fingerprint_text(text: str) -> str:
    """Text as recrawls agree on it: casefolded, quotes and dashes unified, spacing collapsed."""
    text = normalise_whitespace(text).translate(_PUNCT).casefold()
    return " ".join(re.sub(r"[^\w\s'\".,;:!?()-]", " ", text).split())


def _hash(value: str) -> str:
    return hashlib.sha1(value.encode("utf-8")).hexdigest()[:16]


def article_id(url: Optional[str], headline: str, body: str) -> str:
    """A stable id: of the canonical URL if there is one, else of normalised headline and body."""
    canonical = canonical_url(url) if url else None
    if canonical:
        return _hash("url:" + canonical)
    return _hash("text:" + fingerprint_text(headline) + "\n" + fingerprint_text(body))


def canonical_url(url: str) -> Optional[str]:
    """host/path?query without scheme, www., fragment, trailing slash or tracking parameters."""
    url = url.strip()
    if "://" not in url:
        url = "http://" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    for prefix in ("www.", "m.", "amp."):
        host = host.removeprefix(prefix)
    if not host or "." not in host:
        return None
    path = re.sub(r"/+", "/", parts.path or "/")
    path = re.sub(r"/(amp|index\.html?)/?$", "/", path).rstrip("/") or "/"
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = sorted((k, v) for k, v in pairs if not _TRACKING.match(k))
    return host + path + ("?" + urlencode(query) if query else "")


@lru_cache(maxsize=1)
def _outlets() -> dict[str, str]:
    table = {}
    for line in (RESOURCES / "outlets.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            domain, name = line.split("\t", 1)
            table[domain.strip()] = name.strip()
    return table


def outlet_from_url(url: Optional[str]) -> Optional[str]:
    """The publisher a URL belongs to: benzinga.com -> "Benzinga", bbc.co.uk -> "BBC"."""
    if not url:
        return None
    canonical = canonical_url(url)
    if not canonical:
        return None
    host = canonical.split("/", 1)[0].split(":", 1)[0]
    labels = host.split(".")
    for i in range(len(labels) - 1):
        name = _outlets().get(".".join(labels[i:]))
        if name:
            return name
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        site = labels[-3]
    else:
        site = labels[-2] if len(labels) >= 2 else labels[0]
    if site.isdigit() or not site:
        return None
    return site.upper() if len(site) <= 3 else site.capitalize()
