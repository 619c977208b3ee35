"""What one block of text is: article prose, or page furniture of a known kind.

General features only (length, punctuation, share of function words, link-like separators,
capitalisation, labels such as "Posted In:"), with the label patterns as data in
``resources/clean/labels.tsv``. ``clean_text`` decides, from these, where the article is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

RESOURCES = Path(__file__).resolve().parent / "resources" / "clean"
SHORT_LINE_WORDS = 25  # "line" patterns judge only blocks this short: prose may mention a newsletter
CAPTION_MAX_WORDS = 150  # no caption runs longer: a longer block ending in a credit is a story
LONG_BLOCK_WORDS = 60  # longer blocks dense in function words are prose whatever their ending
LABELLED_BLOCK_WORDS = 50
UNENDED_PROSE_WORDS = 25
DATELINE_LEDE_WORDS = 8
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.:]*")
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]」』）]*$|[\"”’」』]$")
# a smiley closing a line ends its sentence, with or without a full stop before it ("today! 🙂")
_CLOSING_EMOJI = re.compile(r"\s*(?:[\U0001F300-\U0001FAFF][\U0001F3FB-\U0001F3FF\uFE0F\u200D]*)+$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
CJK_CHARS_PER_WORD = 2  # Chinese and Japanese write no spaces: about two characters make a word
_LINKISH = re.compile(r"https?://|www\.|\S+@\S+\.\w+|\s[|»›•·]\s|^[|»›•·]|[|»›•·]$")


@dataclass(frozen=True, slots=True)
class Label:
    kind: str
    barrier: bool


@dataclass(frozen=True, slots=True)
class _Pattern:
    kind: str
    scope: str
    barrier: bool
    regex: re.Pattern[str]


def _resource(name: str) -> str:
    return (RESOURCES / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _patterns() -> tuple[_Pattern, ...]:
    patterns = []
    for line in _resource("labels.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, scope, barrier, regex = line.split("\t", 3)
        patterns.append(_Pattern(kind, scope, barrier == "yes", re.compile(regex, re.IGNORECASE)))
    return tuple(patterns)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """English function words first; other languages' too, so foreign prose still reads as prose."""
    return _word_list("stopwords.txt") | _word_list("stopwords_other.txt")


@lru_cache(maxsize=1)
def _section_words() -> frozenset[str]:
    return _word_list("section_labels.txt")


def _word_list(name: str) -> frozenset[str]:
    return frozenset(
        w.strip().casefold()
        for w in _resource(name).splitlines()
        if w.strip() and not w.startswith("#")
    )


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def label(text: str) -> Optional[Label]:
    """The furniture kind a block is labelled or shaped as, or None for a possible article block."""
    stripped = text.strip()
    count = len(words(stripped))
    for pattern in _patterns():
        if pattern.scope == "line" and count > SHORT_LINE_WORDS:
            continue
        if pattern.scope == "prefix" and not pattern.barrier and count > LABELLED_BLOCK_WORDS:
            if not _closing(pattern) or count > CAPTION_MAX_WORDS:
                continue  # "Photos: ..." opening a long paragraph is a caption glued to the story,
                # and so is "(Photo by ...)" closing a whole story a crawler saved as one line
        if pattern.regex.search(stripped):
            return Label(pattern.kind, pattern.barrier)
    return None


def _closing(pattern: _Pattern) -> bool:
    """A pattern of a block's last words ("... Credit: ESA"): a long caption still ends so, and
    a story paragraph does not (a leading "Photos:" may be a caption glued to the story)."""
    source = pattern.regex.pattern
    return source.endswith("$") and not source.startswith("^")


def prose_score(text: str) -> float:
    """How much a block reads like article prose: +1 a word for prose, negative for furniture.

    Running prose is long, ends like a sentence and is dense in function words; menus, bylines,
    captions and link lists are short, unpunctuated, capitalised or full of separators.
    """
    tokens = words(text)
    n = len(tokens)
    if n == 0:
        return -1.0
    stop = sum(1 for t in tokens if t.casefold().replace("’", "'") in stopwords()) / n
    cjk = len(_CJK.findall(text))
    if cjk * 2 > len(text):
        # no spaces and no stop-word list: judge length by characters and trust the punctuation
        n, stop = max(n, cjk // CJK_CHARS_PER_WORD), 0.2
    elif len(_HANGUL.findall(text)) * 2 > len(text):
        stop = 0.2  # Korean spaces its words but glues its particles on: no function words to count
    capitalised = sum(1 for t in tokens if t[0].isupper()) / n
    ends = ends_sentence(text)
    if n >= LONG_BLOCK_WORDS and stop >= 0.2:
        return float(n)  # a long run of function-word-dense text is prose whatever its last words
    lead = dateline(text)
    if lead and len(words(text[len(lead):])) >= DATELINE_LEDE_WORDS:
        return float(n)  # a wire dateline opens the story, however its first paragraph ends
    evidence = 0.0
    evidence += 1.0 if ends else -1.0
    evidence += 1.0 if stop >= 0.2 else (0.0 if stop >= 0.1 else -1.0)
    long_enough = n >= (12 if ends else UNENDED_PROSE_WORDS)  # a headline in a list has no full stop
    evidence += 1.0 if long_enough else (0.0 if n >= 6 else -1.0)
    if _LINKISH.search(text):
        evidence -= 1.5 if n < UNENDED_PROSE_WORDS else 0.5  # long prose may name a website
    evidence -= 1.0 if capitalised > 0.7 and n >= 3 else 0.0
    evidence -= 1.0 if text.isupper() and n >= 2 else 0.0
    if evidence >= 1.0:
        return float(n)
    return -max(1.0, min(float(n), 20.0)) * (0.5 if evidence >= 0 else 1.0)


def ends_sentence(text: str) -> bool:
    """Whether a block ends as a sentence does: end punctuation, maybe quoted, or a smiley."""
    stripped = text.strip()
    return bool(_SENTENCE_END.search(stripped) or _CLOSING_EMOJI.search(stripped))


def ends_with_stop(text: str) -> bool:
    """Whether a block ends with a full stop, "!" or "?" (a smiley after it aside)."""
    return _CLOSING_EMOJI.sub("", text.strip()).endswith((".", "!", "?"))


_TIME = re.compile(
    r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\b|[AP]M\b|GMT|UTC|E[SD]T|P[SD]T|C[SD]T)"
    r"|\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?)\s+ago\b",
    re.IGNORECASE,
)
TIMESTAMP_WORDS = 15


_DATE = re.compile(
    r"\b(?:19|20)\d\d\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\bago\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.IGNORECASE,
)


def timestamp(text: str) -> bool:
    """A short line dated to the minute or by age ("September 12, 2018 at 4:47 pm", "2 days
    ago"): the header of a post, a comment or a teaser, never a sentence of the story itself.
    A bare time ("4:14 p.m.") heads an entry of a live story and is not one."""
    return len(words(text)) <= TIMESTAMP_WORDS and bool(_TIME.search(text) and _DATE.search(text))


_SECTION = re.compile(r"^((?:[A-Z][\w’'-]*[ ]?){1,4}):[ \t]+(?=\S)")


def section_label(text: str) -> Optional[str]:
    """A leading section label ("What Happened:") the body should not keep, or None.

    A label is 1-4 capitalised words before a colon; a multi-word one must contain a function
    word ("Why It Matters") so that a speaker's name ("Vladimir Putin: ...") is not taken for one.
    """
    match = _SECTION.match(text)
    if not match:
        return None
    name = match.group(1).strip()
    rest = text[match.end():]
    if len(words(rest)) < 4:
        return None
    tokens = [t.casefold() for t in words(name)]
    if name.casefold() in _section_words():
        return match.group(0).strip()
    if 2 <= len(tokens) <= 4 and any(t in stopwords() for t in tokens):
        return match.group(0).strip()
    return None


_DATELINE = re.compile(
    r"^((?:[A-Z][A-Z.'’-]+\s?)+(?:,\s*[A-Z][\w.'’ -]{1,30}?)?\s*(?:\([\w .&'-]{1,30}\))?\s*[—–-]{1,2})\s"
)


def dateline(text: str) -> Optional[str]:
    """A leading dateline such as "KYIV, Ukraine (AP) —" or "LONDON (Reuters) -", or None."""
    match = _DATELINE.match(text)
    return match.group(1) if match else None


_CREDIT_LEAD = re.compile(
    r"^\(?(?:file\s+)?(?:(?:photo|image|picture|photograph|illustration|video)s?\s*(?:credits?)?|credits?)"
    r"\s*(?:via|by|courtesy(?: of)?|source|credit|©)?\s*:?\s*",
    re.IGNORECASE,
)


def photo_credit(text: str) -> str:
    """The credited party: "Photo via ID1974 on Shutterstock" -> "ID1974 on Shutterstock"."""
    credit = _CREDIT_LEAD.sub("", text.strip(), count=1).strip().rstrip(")").strip()
    return credit or text.strip()


_LABEL_LEAD = re.compile(r"^[^:|»›>]{1,40}?\s*[:|»›>]\s*")
_GLUE = re.compile(r"(?<=[a-z]{2})(?=[A-Z])|(?<=[a-z][a-z]\))(?=[A-Z])")


def after_label(text: str) -> str:
    """The text after a leading "Label:" ("Read Next: X" -> "X")."""
    return _LABEL_LEAD.sub("", text.strip(), count=1).strip()


def split_tags(text: str) -> tuple[str, ...]:
    """Tags from a tag list, separated or glued: "NewsTop Stories" -> ("News", "Top Stories").

    Separators (comma, pipe, bullet, semicolon) win; glued lists split where a lower-case letter
    meets an upper-case one, but not after a one-letter lead ("iPhone") or "Mc"/"Mac" (McCarthy).
    """
    parts = [p.strip() for p in re.split(r"\s*[,;|•·]\s*|\n+|\t+", text) if p.strip()]
    if len(parts) > 1:
        return tuple(dict.fromkeys(parts))
    tags = []
    for piece in _GLUE.split(text.strip()):
        if tags and re.search(r"(?:^|\s)(?:Mc|Mac)$", tags[-1]):
            tags[-1] += piece
        else:
            tags.append(piece.strip())
    return tuple(dict.fromkeys(t for t in tags if t))
