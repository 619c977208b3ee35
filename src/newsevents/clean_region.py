"""Where the article is among a page's blocks: the region of the story and the islands in it.

The body is the best-scoring run of blocks (a maximum-sum segment over per-block prose scores, as
in body-text extraction), never crossing a barrier block (a tag list, a legal footer). A block is
judged with its neighbours too: a list the story introduces or an embedded post it quotes is
story (``clean_lists``), other stories' teasers are not (``clean_teasers``). ``clean_text``
builds the blocks and writes the parts; this module only decides which blocks are the story.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from newsevents.clean_lines import Label, ends_with_stop, timestamp, words
from newsevents.clean_lists import (
    LIST_ITEM_SCORE,
    embedded_posts,
    form_ends,
    gallery_captions,
    list_items,
    repeated_prose,
)
from newsevents.clean_teasers import (
    carded_teasers,
    doubled_headline_cards,
    inserts,
    teaser_summaries,
)


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-sized block: its text, its furniture label if any, its prose score."""

    text: str
    label: Optional[Label]
    score: float


HEADLINE_REPEAT = Label("headline", False)  # the headline again (a page's h1 under its <title>)


def region(blocks: list[Block], headline: str = "") -> tuple[int, int]:
    """The best run of blocks that crosses no barrier: [start, end).

    Candidate runs are the maximum-sum segments between resets (Kadane); a run that starts just
    after the headline's repeat on the page (the h1 under the <title>) counts double, one after a
    footer (copyright, comments, legal) counts little: teasers there can outweigh a short story.
    The best run then takes in neighbouring runs of strong prose across soft gaps (a bullet list,
    a photo gallery inside the story).
    """
    scores = _list_scored(blocks, _context_scores(blocks))
    hard = {i for i, b in enumerate(blocks) if _barrier(blocks, i) or timestamp(b.text)}
    kinds = [_kind(b) for b in blocks]
    candidates = _candidates(blocks, scores, hard | _gap_ends(scores) | form_ends(kinds))
    # a sign-up prompt after the story ends it for merging; one before it is a box mid-story
    ends = {i for i, b in enumerate(blocks) if _kind(b) in END_KINDS}
    bridges = {i for i, b in enumerate(blocks) if _kind(b) == "continues"}
    bridges |= gallery_captions([b.text for b in blocks], [b.score for b in blocks])
    anchor = _headline_anchor(blocks, headline)
    best, chosen = 0.0, None
    for run in candidates:
        value, run_start, _, after_footer = run
        weight = 0.3 if after_footer else 1.0
        if anchor is not None and _near_anchor(blocks, anchor, run_start):
            weight *= 3.0
        if value > 0 and value * weight > best:
            best, chosen = value * weight, run
    if chosen is None:
        return 0, 0
    start, end = _merge_neighbours(chosen, candidates, scores, hard, ends, bridges)
    if anchor is not None and start <= anchor < end - 1:
        start = anchor + 1  # teasers above the headline's repeat are not the story
    return start, end


def _list_scored(blocks: list[Block], scores: list[float]) -> list[float]:
    texts = [b.text for b in blocks]
    for i in list_items(texts, scores, [b.label is not None for b in blocks]):
        scores[i] = LIST_ITEM_SCORE  # a table or list in the story carries its run over it
    for i in embedded_posts(texts):
        if blocks[i].label is None:  # a quoted post carries the run on, even at the story's end
            scores[i] = max(scores[i], LIST_ITEM_SCORE)
    return scores


def _near_anchor(blocks: list[Block], anchor: int, start: int) -> bool:
    """Whether a run starts within ANCHOR_REACH unlabelled blocks after the headline's repeat
    (labelled share buttons between them do not count) with no paragraph before it: the first
    run of the story, not the teasers after it."""
    between = blocks[anchor + 1:start]
    if anchor >= start or any(b.score > ANCHOR_PARAGRAPH for b in between):
        return False
    return sum(1 for b in between if not b.label) < ANCHOR_REACH


_Run = tuple[float, int, int, bool]  # value, start, end, after a footer


def _candidates(blocks: list[Block], scores: list[float], resets: set[int]) -> list[_Run]:
    """Maximum-sum runs between resets, each with whether a footer came before it."""
    candidates: list[_Run] = []
    total, start, footer = 0.0, 0, False
    best_run = (0.0, 0, 0)
    for i, block in enumerate(blocks):
        if i in resets:
            candidates.append((*best_run, footer))
            closes = block.label is not None and block.label.kind in FOOTER_KINDS
            footer = footer or (closes and block.label.barrier and best_run[0] > 0)
            total, start, best_run = 0.0, i + 1, (0.0, i + 1, i + 1)
            continue
        if total <= 0:
            if best_run[0] > 0:
                candidates.append((*best_run, footer))
            total, start, best_run = 0.0, i, (0.0, i, i)
        total += scores[i]
        if total > best_run[0]:
            best_run = (total, start, i + 1)
    candidates.append((*best_run, footer))
    return [run for run in candidates if run[0] > 0]


MERGE_SHARE = 0.3  # a neighbouring run this strong (share of the story so far) is more story
MERGE_GAP = 30
MERGE_DENSITY = 0.6
END_KINDS = {"newsletter"}


def _merge_neighbours(
    chosen: _Run,
    candidates: list[_Run],
    scores: list[float],
    hard: set[int],
    ends: set[int],
    bridges: set[int],
) -> tuple[int, int]:
    """Extend the chosen run over soft gaps to runs that weigh as much as MERGE_SHARE of it
    (forward, not past an ending block), or to any dense run across a "story continues" line."""
    value, start, end, _ = chosen
    wanted = MERGE_SHARE * value
    merged = True
    while merged:
        merged = False
        for other, o_start, o_end, _ in candidates:
            if o_end <= start:
                gap = range(o_end, start)
            elif o_start >= end:
                gap = range(end, o_start)
            else:
                continue
            closed = hard | ends if o_start >= end else hard
            if len(gap) > MERGE_GAP or any(i in closed for i in gap):
                continue
            cost = sum(scores[i] for i in gap)
            dense = sum(1 for i in range(o_start, o_end) if scores[i] > 0) >= MERGE_DENSITY * (
                o_end - o_start
            )  # story paragraphs follow one another; teasers alternate with their headlines
            if dense and (other + cost >= wanted or any(i in bridges for i in gap)):
                start, end = min(start, o_start), max(end, o_end)
                merged = True
    return start, end


def _barrier(blocks: list[Block], i: int) -> bool:
    """A barrier label, unless it sits in a share bar ("Comments" between "Facebook" and "Email")."""
    found = blocks[i].label
    if found is None or not found.barrier:
        return False
    neighbours = blocks[max(0, i - 1):i] + blocks[i + 1:i + 2]
    if any(b.label is not None and b.label.kind == "share" for b in neighbours):
        return False
    # "Privacy Policy | Terms" just under a sign-up prompt is the fine print of a newsletter box,
    # which sits in the middle of a story as often as after it
    before = blocks[max(0, i - FORM_REACH):i]
    if found.kind == "legal" and any(_kind(b) == "newsletter" for b in before):
        return False
    # a sponsor's line straight above a paragraph introduces a sponsored part of the story
    following = blocks[i + 1:i + 2]
    sponsored = found.kind == "ad_disclosure" and following
    return not (sponsored and following[0].score > ANCHOR_PARAGRAPH)


FORM_REACH = 2


def _kind(block: Block) -> Optional[str]:
    return block.label.kind if block.label else None


FOOTER_KINDS = {"copyright", "comments", "legal"}
GAP_BLOCKS = 6  # this many furniture blocks in a row end an article (share bars, link lists)


def _gap_ends(scores: list[float]) -> set[int]:
    """Indexes that close a run of GAP_BLOCKS or more non-prose blocks: soft barriers."""
    ends, run = set(), 0
    for i, value in enumerate(scores):
        run = run + 1 if value <= 0 else 0
        if run >= GAP_BLOCKS:
            ends.add(i)
    return ends


ANCHOR_PARAGRAPH = 20.0  # a block scoring more is a paragraph, so a story already began
ANCHOR_REACH = 8  # blocks between the headline's repeat and the first paragraph (byline, date, ...)


def _context_scores(blocks: list[Block]) -> list[float]:
    """Prose scores, halved for a short prose block with no prose on either side (a teaser's
    one-line summary between headlines), as jusText judges a block by its neighbours."""
    scores = [b.score for b in blocks]
    out = list(scores)
    for i, value in enumerate(scores):
        if 0 < value < 40:
            before = scores[i - 1] if i > 0 else -1.0
            after = scores[i + 1] if i + 1 < len(scores) else -1.0
            if before <= 0 and after <= 0:
                out[i] = value * 0.5
    texts, labelled = [b.text for b in blocks], [b.label is not None for b in blocks]
    cards = carded_teasers(texts, scores, [_kind(b) for b in blocks])
    for i in teaser_summaries(texts, scores, labelled) | cards:
        out[i] = -0.5 * scores[i]  # a list of other stories, each headline with its summary
    for i in repeated_prose(texts, scores):
        out[i] = -1.0  # a caption twice: not story, but a gallery inside the story costs little
    return out


def _headline_anchor(blocks: list[Block], headline: str) -> int | None:
    """The index of the first short block that repeats most of the headline's words."""
    wanted = {w.casefold() for w in words(headline)}
    if len(wanted) < 3:
        return None
    for i, block in enumerate(blocks):
        if block.label is HEADLINE_REPEAT:
            return i
        if block.score > 0 and ends_with_stop(block.text):
            continue  # a lede sentence shares the headline's words but is the story itself
        found = {w.casefold() for w in words(block.text)}
        shared = len(wanted & found)
        if 0 < len(found) <= 40 and shared >= max(3, 0.4 * len(wanted)) and shared >= 0.6 * min(
            len(wanted), len(found)
        ):
            return i
    return None


def islands(blocks: list[Block], start: int, end: int) -> set[int]:
    """Blocks inside the region that are not the story: boxes and shouted links
    (``clean_teasers.inserts``), another story's card, and the links a bare "Related articles"
    header announces, up to the story's next paragraph."""
    scores = _list_scored(blocks, _context_scores(blocks))
    labelled = [b.label is not None for b in blocks]
    texts = [b.text for b in blocks]
    found = inserts(texts, scores, labelled, start, end)
    found |= {i for i in doubled_headline_cards(texts, scores, labelled) if start <= i < end}
    for i in range(start, end):
        if _kind(blocks[i]) == "read_next" and len(words(blocks[i].text)) <= HEADER_WORDS:
            j = i + 1
            while j < end and not labelled[j] and scores[j] <= 0:
                found.add(j)
                j += 1
    return found


HEADER_WORDS = 4
