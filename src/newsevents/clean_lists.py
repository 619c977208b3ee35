"""Lists around and inside a story: which belong to it, which are other stories.

A table, tour dates or a numbered product list belong: their items are short and unpunctuated, so
block by block they read like a menu, but context tells them apart (an introducing line ending in
a colon, or a numbered or dated sequence right after story prose), and their items are not
menu-shaped (a few capitalised words) nor repeated elsewhere on the page, as navigation is.
Teasers do not: headlines each with a one-sentence summary, a box of headlines set inside the
story, a long all-capitals link to another story.
"""

from __future__ import annotations

import os
import re
from collections import Counter

from newsevents.clean_lines import stopwords, timestamp, words

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
    repeated = Counter(" ".join(t.casefold().split()) for t in texts)
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
            found |= _long_list(texts, labelled, i + 1)
    return found | _sequences(texts, scores, labelled, usable)


LONG_LIST = 12
ITEM_MARKS = 3


def _long_list(texts: list[str], labelled: list[bool], start: int) -> set[int]:
    """After a bare labelled header ("Don't Miss:"), a long list that is the story's own
    (products with their specs, price and "Buy Now"): up to the last of a line repeated once
    per item, ITEM_MARKS or more times, and nowhere else on the page, as navigation is."""
    stop = start
    while stop < len(texts) and not labelled[stop] and not timestamp(texts[stop]):
        stop += 1
    keys = [" ".join(t.casefold().split()) for t in texts]
    inside, everywhere = Counter(keys[start:stop]), Counter(keys)
    marks = [k for k, n in inside.items() if n >= ITEM_MARKS and everywhere[k] == n]
    if not marks:
        return set()
    end = max(j for j in range(start, stop) if keys[j] in marks) + 1
    return set(range(start, end)) if end - start >= LONG_LIST else set()


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


TEASER_WORDS = 40  # a teaser's summary is a sentence or two
TEASER_GAP = 4
MIN_TEASERS = 3


def teaser_summaries(texts: list[str], scores: list[float], labelled: list[bool]) -> set[int]:
    """Short prose blocks that each follow their own headline (a title, a kicker, a source line):
    a list of other stories, MIN_TEASERS or more in a row. Story paragraphs follow one another."""
    prose = [i for i, value in enumerate(scores) if value > 0]
    chain: list[int] = []
    found: set[int] = set()
    for before, i in zip([-1] + prose, prose):
        gap = range(before + 1, i)
        headed = 0 < len(gap) <= TEASER_GAP and any(
            not labelled[k] and _headline_shaped(texts[k]) for k in gap
        )
        if headed and _summary_shaped(texts[i]):
            chain.append(i)
            continue
        if len(chain) >= MIN_TEASERS:
            found.update(chain)
        chain = []
    if len(chain) >= MIN_TEASERS:
        found.update(chain)
    return found


def _headline_shaped(text: str) -> bool:
    n = len(words(text))
    return 2 <= n <= 20 and not text.rstrip().endswith(".")


def _summary_shaped(text: str) -> bool:
    """A sentence or two of running prose (not a box score's "Team (3-0): Doe 2 goals.")."""
    tokens = words(text)
    stop = sum(1 for t in tokens if t.casefold() in stopwords()) / max(1, len(tokens))
    return len(tokens) < TEASER_WORDS and stop >= SUMMARY_STOP


SUMMARY_STOP = 0.2


ISLAND_BLOCKS = 4
# an embedded post ("— Jane Doe (@jdoe) May 1, 2019") or a list of sources with their addresses
# is quoted by the story; teaser boxes show neither
_CITED = re.compile(r"https?://|\bpic\.twitter\.com/|\(@\w+\)")
SHOUTED_WORDS = 8


def inserts(
    texts: list[str], scores: list[float], labelled: list[bool], start: int, end: int
) -> set[int]:
    """Blocks inside the story region that are not the story: runs of ISLAND_BLOCKS or more
    non-prose blocks (a "Most read" box of teaser headlines, a gallery's captions), which the
    story goes around, and long all-capitals links to other stories."""
    found: set[int] = set()
    run: list[int] = []
    for i in range(start, end + 1):
        if i < end and scores[i] <= 0:
            run.append(i)
            continue
        cited = any(_CITED.search(texts[k]) for k in run)
        if not cited and sum(1 for k in run if not labelled[k]) >= ISLAND_BLOCKS:
            found.update(run)
        run = []
    return found | {i for i in range(start, end) if shouted(texts[i]) and scores[i] <= 0}


def shouted(text: str) -> bool:
    """A long all-capitals line with no end punctuation: a link to another story set inside this
    one ("SCIENTISTS FIND ..."), which a subheading, a few words long, rarely is."""
    ended = text.rstrip().endswith((".", "?", "!"))  # a question in capitals is a subheading
    return text.isupper() and len(words(text)) >= SHOUTED_WORDS and not ended


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



CARD_REACH = 2  # blocks between a "You may like" header and its first card


def carded_teasers(texts: list[str], scores: list[float], kinds: list) -> set[int]:
    """Prose blocks after a "You may also like" header, each under the same repeated line (a
    share bar, a source line): a box of other stories' cards, MIN_TEASERS or more. The story's
    own paragraph may sit under that line too, but before the header."""
    repeated = Counter(" ".join(t.casefold().split()) for t in texts)
    found: set[int] = set()
    for i, kind in enumerate(kinds):
        if kind != "read_next" or i + 1 >= len(texts):
            continue
        cards: list[int] = []
        line = None
        j = i + 1
        while j + 1 < len(texts) and j <= i + CARD_REACH + 2 * len(cards):
            key = " ".join(texts[j].casefold().split())
            if scores[j] <= 0 and repeated[key] > MIN_TEASERS and key == (line or key) and scores[j + 1] > 0:
                line = key
                cards.append(j + 1)
                j += 2
            elif cards:
                break
            else:
                j += 1
        if len(cards) >= MIN_TEASERS:
            found.update(cards)
    return found
