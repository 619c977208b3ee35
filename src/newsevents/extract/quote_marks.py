"""Quote marks: where quotes open and close, and span edges around them (no model needed).

Curly marks, straight marks and the doubled apostrophes (``''``) some archives (the New York Times
among them) print for a straight double mark are paired paragraph by paragraph. An odd mark is
dropped, not the paragraph; a quote whose paragraph ends without a closing mark runs on when the
next paragraph opens with a mark, as news style has it.
"""

from __future__ import annotations

import re
from typing import Optional

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
DOUBLED = "''"  # two apostrophes standing for a straight double mark
MARKS = OPENING + CLOSING + STRAIGHT
MARK = re.compile("''|[" + re.escape(MARKS) + "]")
EDGE_PUNCT = " \t\n\r\xa0\u2009,;:.—–-"


def quote_marks(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each quote, marks included; a quote running over paragraphs is cut at
    each paragraph end (each piece is its own stretch, the later ones continue the first)."""
    found: list[tuple[int, int]] = []
    pending: Optional[tuple[int, int]] = None
    for start, end in _paragraphs(text):
        stripped = text[start:end].lstrip()
        if pending is not None and (stripped[:1] in MARKS or stripped.startswith(DOUBLED)):
            found.append(pending)
        closed, open_at = _paragraph_quotes(text, start, end)
        found.extend(closed)
        pending = (open_at, _rstrip(text, open_at, end)) if open_at is not None else None
    return tuple(found)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"\n", text):
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _paragraph_quotes(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], Optional[int]]:
    closed, open_at = [], None
    for match in MARK.finditer(text, start, end):
        i, width = match.start(), match.end() - match.start()
        role = _mark_role(text, i, width)
        if role == "open" or (role == "either" and open_at is None):
            open_at = i  # an earlier unclosed mark is dropped: odd marks don't sink the paragraph
        elif role is not None and open_at is not None:
            closed.append((open_at, i + width))
            open_at = None
    return closed, open_at


def mark_width(text: str, i: int) -> int:
    """1 for a quote mark at ``i``, 2 for a doubled apostrophe, 0 for anything else."""
    if text[i] in MARKS:
        return 1
    return 2 if text.startswith(DOUBLED, i) else 0


def _mark_role(text: str, i: int, width: int) -> Optional[str]:
    char = text[i]
    if char in OPENING:
        return "open"
    if char in CLOSING:
        return "close"
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if (before.isspace() or before in "([{—–-/") and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-"):
        return "close"
    return "either"


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without surrounding spaces and clause punctuation (quote marks are kept)."""
    while start < end and text[start] in EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCT:
        end -= 1
    return start, end


def opens_quote(text: str, i: int) -> bool:
    return text[i:i + 1] in OPENING + STRAIGHT or text.startswith(DOUBLED, i)


def close_quote(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in the closing mark (and the period before it) of a quote the span opens but does not
    close ('said that if "we lose, we will appeal."': PolNeAR content ends at the mark)."""
    inside = text[start:end]
    curly = sum(inside.count(m) for m in OPENING) - sum(inside.count(m) for m in CLOSING)
    straight = inside.count(STRAIGHT) % 2 + inside.count(DOUBLED) % 2
    if curly > 0 or straight > 0:
        for i in range(end, min(end + 3, len(text))):
            if text[i] in CLOSING + STRAIGHT or text.startswith(DOUBLED, i):
                return start, i + mark_width(text, i)
            if text[i] not in ".,!?":
                break
    return start, end


def inner(text: str, start: int, end: int) -> tuple[int, int]:
    """The words of a direct quote, without its marks or a trailing comma."""
    if text.startswith(DOUBLED, start):
        start += 2
    elif text[start] in OPENING + STRAIGHT:
        start += 1
    if text[start:end].endswith(DOUBLED):
        end -= 2
    elif end > start and text[end - 1] in CLOSING + STRAIGHT:
        end -= 1
    while end > start and text[end - 1] in " ,\xa0":
        end -= 1
    return start, end
