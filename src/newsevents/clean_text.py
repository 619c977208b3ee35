"""Text in, article parts out: headline, body paragraphs and the page furniture around them.

Blocks are built and labelled here (``clean_lines`` judges each alone; here a block is marked
by what surrounds it: the headline's repeat, a copy of the story, a photo's caption above its
credit); ``clean_region`` finds the run of blocks that is the story. Labelled furniture inside the
run (a "Read Next:" link, a photo credit) is removed and kept by kind.
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
    section_label,
    split_tags,
    words,
)
from newsevents.clean_meta import fingerprint_text, normalise_whitespace
from newsevents.clean_region import HEADLINE_REPEAT, Block, islands, region
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
    blocks = _mark_repeated_headline(_mark_captions(_mark_copies(blocks)), headline)
    start, end = region(blocks, headline) if select_region else (0, len(blocks))
    if start == end:
        start, end = 0, len(blocks)  # nothing reads like prose: keep whatever is not furniture
    skip = islands(blocks, start, end) if select_region else set()
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


def _block(text: str) -> Block:
    found = label(text)
    if found:
        return Block(text, found, -max(3.0, min(float(len(words(text))), 20.0)))
    return Block(text, None, prose_score(text))


def _take_headline(blocks: list[Block]) -> tuple[str, list[Block]]:
    for i, block in enumerate(blocks):
        if block.label:
            continue
        if len(words(block.text)) > HEADLINE_MAX_WORDS:
            return "", blocks  # a text that starts with prose has no headline line
        return block.text, blocks[:i] + blocks[i + 1:]
    return "", blocks


def _mark_repeated_headline(blocks: list[Block], headline: str) -> list[Block]:
    """Blocks repeating the headline are kept only as the anchor where the article starts."""
    if not headline:
        return blocks
    keys = {fingerprint_text(headline), fingerprint_text(_SITE_SUFFIX.sub("", headline))}
    return [
        Block(b.text, HEADLINE_REPEAT, -1.0)
        if not b.label and fingerprint_text(b.text) in keys
        else b
        for b in blocks
    ]


# a <title> names the site after the headline ("Story - Site", "Story | Section | Site")
_SITE_SUFFIX = re.compile(r"(?:\s+[|–—-]\s+[^|–—-]{1,60})+$")


_COPY = Label("copy", False)  # the story again in one block (a page's metadata, a print view)
COPY_WORDS = 100  # only a long block can hold a copy of several paragraphs
COPY_SHARE = 0.6


def _mark_copies(blocks: list[Block]) -> list[Block]:
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
                block = Block(block.text, _COPY, -20.0)
        out.append(block)
    return out


_CAPTION = Label("other", False)  # a photo's caption, as labels.tsv names captions
CAPTION_WORDS = 40
CREDIT_WORDS = 10
CAPTION_REACH = 2  # blocks after the credit where the story (or the next caption) goes on


def _mark_captions(blocks: list[Block]) -> list[Block]:
    """A short block straight above a short photo credit ("Jane Doe/Getty Images") with the
    story going on below is the photo's caption (said twice, in a gallery's viewer too). A
    credit that claims copyright heads its photo instead ("Image copyright Reuters"), and one
    after the story's last paragraph may be the story's own (a wire's name, the main image's)."""
    out = list(blocks)
    for i in range(len(blocks) - 1):
        credit, after = blocks[i + 1], blocks[i + 2:i + 2 + CAPTION_REACH]
        if credit.label is None or credit.label.kind != "photo_credit":
            continue
        if not any(b.score > 0 for b in after):
            continue
        if len(words(credit.text)) > CREDIT_WORDS or "copyright" in credit.text.casefold():
            continue
        key, j = fingerprint_text(blocks[i].text), i
        while j >= 0 and not blocks[j].label and fingerprint_text(blocks[j].text) == key:
            if len(words(blocks[j].text)) > CAPTION_WORDS:
                break
            out[j] = Block(blocks[j].text, _CAPTION, -max(3.0, float(len(words(blocks[j].text)))))
            j -= 1
    return out


def _grams(text: str) -> set[tuple[str, ...]]:
    tokens = [t.casefold() for t in words(text)]
    return {tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3)}


def _assemble(
    headline: str, blocks: list[Block], start: int, end: int, skip: set[int] = frozenset()
) -> TextParts:
    body: list[str] = []
    boilerplate: list[Boilerplate] = []
    related: list[str] = []
    tags: list[str] = []
    credit: Optional[str] = None
    previous_kind: Optional[str] = None
    for i, block in enumerate(blocks):
        if block.label is HEADLINE_REPEAT or block.label is _COPY:
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
