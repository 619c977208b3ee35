"""Other stories' teasers around and inside a story: what the story goes around.

Headlines each with a one-sentence summary, a card with its headline twice, cards under a "You
may also like" header, a box of headlines set inside the story, a long all-capitals link to
another story. A story's paragraphs follow one another; teasers alternate with their headlines.
"""

from __future__ import annotations

import re
from collections import Counter

from newsevents.clean_lines import stopwords, timestamp, words
from newsevents.clean_lists import POST_BYLINE

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


CARD_SUMMARY_WORDS = 60


def doubled_headline_cards(
    texts: list[str], scores: list[float], labelled: list[bool]
) -> set[int]:
    """Another story's card: its headline twice (the photo's alt text, then the link), one
    block apart at most, then its summary. A story does not say a line twice before a paragraph
    (its byline and date, a table's header row may be: they are no headline)."""
    keys = [" ".join(t.casefold().split()) for t in texts]
    found: set[int] = set()
    for i in range(1, len(texts) - 1):
        for before in (i - 1, i - 2):
            if before < 0 or keys[before] != keys[i] or scores[i] > 0 or labelled[i]:
                continue
            if not _card_headline(texts[i]):
                continue
            summary = i + 1
            if scores[summary] > 0 and len(words(texts[summary])) <= CARD_SUMMARY_WORDS:
                found.update(range(before, summary + 1))
    return found


def _card_headline(text: str) -> bool:
    shaped = _headline_shaped(text) and len(words(text)) >= CARD_HEADLINE_WORDS
    return shaped and not timestamp(text) and not POST_BYLINE.match(text.strip())


CARD_HEADLINE_WORDS = 6
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
