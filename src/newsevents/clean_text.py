"""Text in, article parts out: headline, body paragraphs and the page furniture around them.

The body is the best-scoring run of blocks (a maximum-sum segment over per-block prose scores, as
in body-text extraction), never crossing a barrier block (a tag list, a legal footer). Labelled
furniture inside the run (a "Read Next:" link, a photo credit) is removed and kept by kind, and so
are boxes of other stories' headlines set inside it; a list introduced by the story is part of it
(``clean_lists``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from newsevents.clean_lines import (
    Label,
    after_label,
    dateline,
    label,
    photo_credit,
    prose_score,
    timestamp,
    section_label,
    split_tags,
    words,
)
from newsevents.clean_lists import (
    LIST_ITEM_SCORE,
    carded_teasers,
    gallery_captions,
    form_ends,
    inserts,
    list_items,
    repeated_prose,
    teaser_summaries,
)
from newsevents.clean_meta import fingerprint_text, normalise_whitespace
from newsevents.records import Boilerplate

HEADLINE_MAX_WORDS = 40


@dataclass(frozen=True, slots=True)
class TextParts:
    headline: str
    body: str
    boilerplate: tuple[Boilerplate, ...] = ()
    related: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    photo_credit: Optional[str] = None


@dataclass(frozen=True, slots=True)
class _Block:
    text: str
    label: Optional[Label]
    score: float


def clean_text(
    text: str, *, headline: Optional[str] = None, select_region: bool = True
) -> TextParts:
    """Split ``text`` into headline, body and furniture.

    ``headline`` given: it is the headline (and dropped if the text repeats it first); None: the
    first block that is not furniture is the headline, as in a crawler's text dump.
    """
    blocks = [_block(t) for t in split_blocks(normalise_whitespace(text))]
    if headline is None:
        headline, blocks = _take_headline(blocks)
    headline = " ".join(headline.split())
    blocks = _mark_repeated_headline(_mark_copies(blocks), headline)
    start, end = _region(blocks, headline) if select_region else (0, len(blocks))
    if start == end:
        start, end = 0, len(blocks)  # nothing reads like prose: keep whatever is not furniture
    skip = _islands(blocks, start, end) if select_region else set()
    return _assemble(headline, blocks, start, end, skip)


def split_blocks(text: str) -> list[str]:
    """Paragraph-sized blocks: blank lines separate; lines inside a block stay apart unless the
    block is hard-wrapped prose (then its lines are one paragraph)."""
    blocks = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if _hard_wrapped(lines):
            blocks.append(" ".join(lines))
        else:
            blocks.extend(lines)
    return blocks


def _hard_wrapped(lines: list[str]) -> bool:
    if len(lines) < 2:
        return False
    longest = max(len(line) for line in lines)
    if longest > 100 or longest < 40:
        return False
    return all(
        len(line) >= 0.6 * longest and not line.endswith((".", ":", "!", "?")) for line in lines[:-1]
    )


def _block(text: str) -> _Block:
    found = label(text)
    if found:
        return _Block(text, found, -max(3.0, min(float(len(words(text))), 20.0)))
    return _Block(text, None, prose_score(text))


def _take_headline(blocks: list[_Block]) -> tuple[str, list[_Block]]:
    for i, block in enumerate(blocks):
        if block.label:
            continue
        if len(words(block.text)) > HEADLINE_MAX_WORDS:
            return "", blocks  # a text that starts with prose has no headline line
        return block.text, blocks[:i] + blocks[i + 1:]
    return "", blocks


_REPEAT = Label("headline", False)  # the headline again (a page's h1 under its <title>)


def _mark_repeated_headline(blocks: list[_Block], headline: str) -> list[_Block]:
    """Blocks repeating the headline are kept only as the anchor where the article starts."""
    if not headline:
        return blocks
    key = fingerprint_text(headline)
    return [
        _Block(b.text, _REPEAT, -1.0) if not b.label and fingerprint_text(b.text) == key else b
        for b in blocks
    ]


_COPY = Label("copy", False)  # the story again in one block (a page's metadata, a print view)
COPY_WORDS = 100  # only a long block can hold a copy of several paragraphs
COPY_SHARE = 0.6


def _mark_copies(blocks: list[_Block]) -> list[_Block]:
    """Long blocks whose word 4-grams mostly appear in other, shorter blocks of the page are a
    copy of the story glued into one line: the paragraphs themselves are the story."""
    grams = [_grams(b.text) for b in blocks]
    sizes = [len(g) for g in grams]
    smallest: dict[tuple[str, ...], int] = {}
    for i, found in enumerate(grams):
        for gram in found:
            smallest[gram] = min(smallest.get(gram, sizes[i]), sizes[i])
    out = []
    for block, found, size in zip(blocks, grams, sizes):
        if not block.label and len(words(block.text)) >= COPY_WORDS:
            shared = sum(1 for gram in found if smallest[gram] < size)
            if shared >= COPY_SHARE * size:
                block = _Block(block.text, _COPY, -20.0)
        out.append(block)
    return out


def _grams(text: str) -> set[tuple[str, ...]]:
    tokens = [t.casefold() for t in words(text)]
    return {tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3)}


def _region(blocks: list[_Block], headline: str = "") -> tuple[int, int]:
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


def _list_scored(blocks: list[_Block], scores: list[float]) -> list[float]:
    for i in list_items([b.text for b in blocks], scores, [b.label is not None for b in blocks]):
        scores[i] = LIST_ITEM_SCORE  # a table or list in the story carries its run over it
    return scores


def _near_anchor(blocks: list[_Block], anchor: int, start: int) -> bool:
    """Whether a run starts within ANCHOR_REACH unlabelled blocks after the headline's repeat
    (labelled share buttons between them do not count) with no paragraph before it: the first
    run of the story, not the teasers after it."""
    between = blocks[anchor + 1:start]
    if anchor >= start or any(b.score > ANCHOR_PARAGRAPH for b in between):
        return False
    return sum(1 for b in between if not b.label) < ANCHOR_REACH


_Run = tuple[float, int, int, bool]  # value, start, end, after a footer


def _candidates(blocks: list[_Block], scores: list[float], resets: set[int]) -> list[_Run]:
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


def _barrier(blocks: list[_Block], i: int) -> bool:
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


def _kind(block: _Block) -> Optional[str]:
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


def _context_scores(blocks: list[_Block]) -> list[float]:
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


def _headline_anchor(blocks: list[_Block], headline: str) -> int | None:
    """The index of the first short block that repeats most of the headline's words."""
    wanted = {w.casefold() for w in words(headline)}
    if len(wanted) < 3:
        return None
    for i, block in enumerate(blocks):
        if block.label is _REPEAT:
            return i
        if block.score > 0 and block.text.rstrip().endswith((".", "!", "?")):
            continue  # a lede sentence shares the headline's words but is the story itself
        found = {w.casefold() for w in words(block.text)}
        shared = len(wanted & found)
        if 0 < len(found) <= 40 and shared >= max(3, 0.4 * len(wanted)) and shared >= 0.6 * min(
            len(wanted), len(found)
        ):
            return i
    return None


def _islands(blocks: list[_Block], start: int, end: int) -> set[int]:
    scores = _list_scored(blocks, _context_scores(blocks))
    labelled = [b.label is not None for b in blocks]
    return inserts([b.text for b in blocks], scores, labelled, start, end)


def _assemble(
    headline: str, blocks: list[_Block], start: int, end: int, skip: set[int] = frozenset()
) -> TextParts:
    body: list[str] = []
    boilerplate: list[Boilerplate] = []
    related: list[str] = []
    tags: list[str] = []
    credit: Optional[str] = None
    previous_kind: Optional[str] = None
    for i, block in enumerate(blocks):
        if block.label is _REPEAT or block.label is _COPY:
            continue
        if block.label:
            kind = previous_kind = block.label.kind
            boilerplate.append(Boilerplate(kind, block.text))
            if kind == "read_next" and after_label(block.text) not in ("", block.text):
                related.append(after_label(block.text).strip("\"'“”‘’ "))
            elif kind == "tags":
                tags.extend(split_tags(after_label(block.text)))
            elif kind == "photo_credit" and credit is None:
                credit = photo_credit(block.text)
        elif start <= i < end and i not in skip:
            body.append(_body_block(block.text, boilerplate, first=not body))
            previous_kind = None
        else:
            kind = previous_kind or ("navigation" if i < start else "other")
            _extend(boilerplate, kind, block.text)
            previous_kind = kind
    return TextParts(
        headline=headline,
        body="\n\n".join(body),
        boilerplate=tuple(boilerplate),
        related=tuple(dict.fromkeys(related)),
        tags=tuple(dict.fromkeys(tags)),
        photo_credit=credit,
    )


def _body_block(text: str, boilerplate: list[Boilerplate], *, first: bool) -> str:
    """A body paragraph without its section label; a dateline is kept but recorded."""
    label_text = section_label(text)
    if label_text:
        boilerplate.append(Boilerplate("section_label", label_text))
        text = text[len(label_text):].lstrip()
    if first:
        found = dateline(text)
        if found:
            boilerplate.append(Boilerplate("dateline", found))  # recognised; stays in the body
    return text


def _extend(boilerplate: list[Boilerplate], kind: str, text: str) -> None:
    """Consecutive furniture of one kind is one removed block (an ad disclosure's paragraphs)."""
    if boilerplate and boilerplate[-1].kind == kind:
        boilerplate[-1] = Boilerplate(kind, boilerplate[-1].text + "\n\n" + text)
    else:
        boilerplate.append(Boilerplate(kind, text))
