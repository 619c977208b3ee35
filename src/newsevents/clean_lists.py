"""Lists and inserts inside a story that belong to it though block by block they read like menus.

A table, tour dates or a numbered product list belong: their items are short and unpunctuated, so
block by block they read like a menu, but context tells them apart (an introducing line ending in
a colon, a numbered or dated sequence right after story prose, lines said once per item), and
their items are not menu-shaped (a few capitalised words) nor repeated elsewhere on the page, as
navigation is. An embedded post the story quotes belongs too. Other stories' teasers do not
(``clean_teasers``); nor do a gallery's captions, said twice.
"""

from __future__ import annotations

import os
import re
from collections import Counter

from newsevents.clean_lines import timestamp, words

LIST_ITEM_SCORE = 1.0  # per item: enough to carry the story's run over the list, no more
MIN_ITEMS = 3
INTRO_MAX_WORDS = 40
MENU_WORDS = 3
SEQUENCE_REACH = 2  # blocks between story prose and a numbered list (a heading, a blank label)
_LEAD = re.compile(
    r"^(?:\d{1,4}(?:[.)]|\s)|[-*•·]\s*\S"  # "1) ...", "38 Name 6 0 0", "• ..."
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)",  # "June 9 -- ..."
    re.IGNORECASE,
)


def list_items(texts: list[str], scores: list[float], labelled: list[bool]) -> set[int]:
    """Indexes of blocks that are items of a list inside the story."""
    keys = [" ".join(t.casefold().split()) for t in texts]
    repeated = Counter(keys)
    stops = _list_stops(texts, labelled)
    usable = [
        not labelled[i] and scores[i] <= 0 and _item_shaped(t, repeated)
        for i, t in enumerate(texts)
    ]
    # after an introducing line, headings inside the list ("NOT SCARY") are items too
    loose = [
        not labelled[i] and scores[i] <= 0 and _item_shaped(t, repeated, menus=True)
        for i, t in enumerate(texts)
    ]
    found: set[int] = set()
    for i, text in enumerate(texts):
        if not labelled[i] and _introduces(text):
            found |= _following(loose, scores, i + 1)
        elif labelled[i] and text.rstrip().endswith(":") and len(words(text)) <= MENU_WORDS:
            found |= _long_list(keys, repeated, i + 1, stops[i + 1])
        elif scores[i] > 0 and i + 1 < len(texts) and scores[i + 1] <= 0 and not labelled[i + 1]:
            found |= _patterned_list(keys, repeated, scores, i + 1, stops[i + 1])
    return found | _sequences(texts, scores, labelled, usable)


def _list_stops(texts: list[str], labelled: list[bool]) -> list[int]:
    """For each block, the first block from it on that no list crosses (furniture, a dated
    header): a list is a run of unlabelled lines."""
    stops = [len(texts)] * (len(texts) + 1)
    for i in range(len(texts) - 1, -1, -1):
        stops[i] = i if labelled[i] or timestamp(texts[i]) else stops[i + 1]
    return stops


LONG_LIST = 12
ITEM_MARKS = 3


MARK_WORDS = 2  # a bare "0" (a comment's like count) marks nothing
PATTERNED_PROSE_SHARE = 0.25


def _patterned_list(
    keys: list[str], everywhere: Counter, scores: list[float], start: int, stop: int
) -> set[int]:
    """Right after story prose, a long stretch of short lines structured by lines said once per
    item (a menu's "Eat every 2-3 hours", a spec sheet's "Battery life"): the story's own table.
    Mostly not prose, or it is the story going on with a repeated caption."""
    found = _long_list(keys, everywhere, start, stop, MARK_WORDS)
    prose = sum(1 for i in found if scores[i] > 0)
    return found if prose <= PATTERNED_PROSE_SHARE * len(found) else set()


def _long_list(
    keys: list[str], everywhere: Counter, start: int, stop: int, mark_words: int = 1
) -> set[int]:
    """After a bare labelled header ("Don't Miss:"), a long list that is the story's own
    (products with their specs, price and "Buy Now"): up to the last of a line repeated once
    per item, ITEM_MARKS or more times, and nowhere else on the page, as navigation is; the
    last item's lines after its mark too. ``stop`` ends the unlabelled run from ``start``."""
    inside = Counter(keys[start:stop])
    marks = {
        k
        for k, n in inside.items()
        if n >= ITEM_MARKS and everywhere[k] == n and len(words(k)) >= mark_words
    }
    if not marks:
        return set()
    places = [j for j in range(start, stop) if keys[j] in marks]
    end = places[-1] + 1
    # the last item's own lines after its last mark: fewer than the lines between two marks
    shortest_item = _shortest_gap(keys, places)
    if stop - end < shortest_item:
        end = stop
    return set(range(start, end)) if end - start >= LONG_LIST else set()


def _shortest_gap(keys: list[str], places: list[int]) -> int:
    """The fewest blocks between two occurrences of the same mark."""
    last: dict[str, int] = {}
    gap = len(keys)
    for j in places:
        if keys[j] in last:
            gap = min(gap, j - last[keys[j]])
        last[keys[j]] = j
    return gap


def _introduces(text: str) -> bool:
    """A line announcing a list ("The 2020 tour dates:"), not a form's "Search for:"."""
    n = len(words(text))
    return 3 <= n <= INTRO_MAX_WORDS and text.rstrip().endswith(":")


def _following(usable: list[bool], scores: list[float], start: int) -> set[int]:
    """The items after an introducing line, up to story prose or the first non-item."""
    items = []
    for j in range(start, len(usable)):
        if not usable[j]:
            break
        items.append(j)
    return set(items) if len(items) >= MIN_ITEMS - 1 else set()


def _item_shaped(text: str, repeated: Counter, menus: bool = False) -> bool:
    """Not a menu entry: menus are a few capitalised words with no figures, often repeated."""
    if repeated[" ".join(text.casefold().split())] > 1 or timestamp(text):
        return False
    if menus:
        return True
    tokens = words(text)
    menu = len(tokens) <= MENU_WORDS and all(t[0].isupper() for t in tokens)
    return bool(tokens) and not (menu and not any(c.isdigit() for c in text))


def _sequences(
    texts: list[str], scores: list[float], labelled: list[bool], usable: list[bool]
) -> set[int]:
    """Runs of numbered or dated items (one other line, a link, may follow each) that start
    within SEQUENCE_REACH unlabelled blocks after story prose."""
    found: set[int] = set()
    i = 0
    while i < len(texts):
        run = _sequence_at(texts, usable, i)
        if len(run) >= MIN_ITEMS and _after_prose(scores, labelled, i):
            found.update(range(i, run[-1] + 1))
            i = run[-1] + 1
        else:
            i += 1
    return found


def _sequence_at(texts: list[str], usable: list[bool], i: int) -> list[int]:
    """The numbered/dated items of a run starting at i (empty if i is not one)."""
    leads = []
    j = i
    while j < len(texts) and usable[j] and _LEAD.match(texts[j]):
        leads.append(j)
        if j + 1 < len(texts) and usable[j + 1] and _LEAD.match(texts[j + 1]):
            j += 1
        elif j + 2 < len(texts) and usable[j + 1] and usable[j + 2] and _LEAD.match(texts[j + 2]):
            j += 2  # an item and its line (a link, a price) alternate
        else:
            break
    return leads


def _after_prose(scores: list[float], labelled: list[bool], i: int) -> bool:
    for k in range(i - 1, max(-1, i - 1 - SEQUENCE_REACH - 1), -1):
        if scores[k] > 0:
            return True
        if labelled[k]:
            return False
    return False


# an embedded post's byline: "— Jane Doe (@jdoe) November 18, 2019"
POST_BYLINE = re.compile(
    r"^[—–-]\s*[^()]{1,80}\(@\w{1,30}\)\s+[\w .,]{0,30}\b(?:19|20)\d\d\b\W{0,3}$"
)


def embedded_posts(texts: list[str]) -> set[int]:
    """An embedded post (its text, then its byline) that the story quotes: short, unpunctuated
    or made of a link, it reads like furniture, yet the story goes on through it (or ends on it)."""
    found: set[int] = set()
    for i, text in enumerate(texts):
        if POST_BYLINE.match(text.strip()):
            found.add(i)
            if i > 0:
                found.add(i - 1)
    return found


FORM_BLOCKS = 3


def form_ends(kinds: list) -> set[int]:
    """The last block of a sign-up form (FORM_BLOCKS or more newsletter lines in a row): the run
    of the story stops there; one after it may still join it backwards, as after a box."""
    ends, run = set(), 0
    for i, kind in enumerate(kinds):
        run = run + 1 if kind == "newsletter" else 0
        if run >= FORM_BLOCKS:
            ends.add(i)
    return ends


def repeated_prose(texts: list[str], scores: list[float]) -> set[int]:
    """Prose blocks said twice in a row: a gallery's caption (under the photo and again in its
    viewer, maybe cut short there: "... relations... more"), never a story, which does not
    repeat a paragraph back to back."""
    keys = [" ".join(t.casefold().split()) for t in texts]
    found: set[int] = set()
    for i in range(1, len(keys)):
        if scores[i] > 0 and scores[i - 1] > 0 and _same_start(keys[i - 1], keys[i]):
            found.update((i - 1, i))
    return found


def gallery_captions(texts: list[str], scores: list[float]) -> set[int]:
    """Sentences said twice, word for word, back to back: a gallery's captions, which the story
    goes around (it continues after the gallery); a title said twice is no more than a title."""
    keys = [" ".join(t.casefold().split()) for t in texts]
    return {
        k
        for i in range(1, len(keys))
        if scores[i] >= CAPTION_WORDS and keys[i] == keys[i - 1]
        for k in (i - 1, i)
    }


CAPTION_WORDS = 15


CUT_SHARE = 0.7  # a caption cut short keeps this much of its start


def _same_start(a: str, b: str) -> bool:
    if a == b:
        return True
    shared = len(os.path.commonprefix([a, b]))
    return shared >= CUT_SHARE * max(len(a), len(b))
