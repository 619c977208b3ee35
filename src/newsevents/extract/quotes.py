"""Quotes: who said what, through which channel.

Find, then write (as spaCy's span ruler does): ``find_quotes`` returns ``Relation`` records (char
offsets of source, cue and content, plus the cue's certainty and channel); ``extract_quotes``
turns them into ``Quote`` records. The attribution stage and the PolNeAR evaluation reuse the
same relations, so what is scored is what the pipeline outputs.

Direct quotes come from quote marks (quote_marks.py). A quote is speech when a cue verb governs it
("..., said Putin", "He said: ..."), or when it continues the previous speaker's quote with no cue
of its own. A short quote governed by nothing is a scare quote ("sending in “peacekeepers”") and
is no speech. Indirect speech is a cue verb with a clausal complement ("X said (that) ...",
"X denied ...", "X wants to ...") or a clause around it: cue_verbs.py.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from typing import Optional

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from newsevents.extract.coref import Context, context, make_actor, make_span
from newsevents.extract.cue_model import cue_indices
from newsevents.extract.cue_verbs import (
    Relation,
    inside,
    relation_for,
    indirect_relations,
    is_cue,
    token_extent,
)
from newsevents.extract.quote_marks import (
    CLOSING,
    EDGE_PUNCT,
    STRAIGHT,
    close_quote,
    inner,
    quote_marks,
    trim,
)
from newsevents.records import Actor, Article, Quote

__all__ = [
    "Relation", "close_quote", "extract_quotes", "find_quotes", "quote_marks", "token_extent",
    "trim",
]

MIN_SPEECH_WORDS = 6  # an uncued quote shorter than this is a scare quote, not speech


# --- direct quotes -----------------------------------------------------------------------------


SPEECH_DEPS = frozenset({"ccomp", "dobj", "parataxis", "xcomp", "advcl", "dep", "conj", "npadvmod"})


@dataclass(frozen=True)
class Scan:
    """What the direct-quote rules look up many times per document, computed once."""

    doc: Doc
    text: str
    starts: list[int]  # each token's char offset, for bisecting a char range into tokens
    cues: list[Token]  # cue tokens outside quotes, in order


def scan(ctx: Context, quoted: tuple[tuple[int, int], ...]) -> Scan:
    doc = ctx.doc
    cues = [doc[i] for i in sorted(cue_indices(doc)) if not inside(doc[i].idx, quoted)]
    return Scan(doc, ctx.text, doc.to_array(IDX).tolist(), cues)


def _tokens(sc: Scan, start: int, end: int):
    return sc.doc[bisect.bisect_left(sc.starts, start) : bisect.bisect_left(sc.starts, end)]


def governing_cue(sc: Scan, start: int, end: int) -> tuple[Optional[Token], bool]:
    """The cue verb a quote is the speech of, and whether the quote is only part of the clause
    the cue governs (a mixed quote: 'said the campaign has “always run lean”'). The cue governs
    a top token of the quote as its complement, or stands right beside the quote ("...," said X /
    X said: "...")."""
    text = sc.text
    for token in _tokens(sc, start, end):
        head = token.head
        if not (start <= head.idx < end) and is_cue(head) and token.dep_ in SPEECH_DEPS:
            left, right = token_extent(token)
            mixed = bool(text[left:start].strip(EDGE_PUNCT)) or bool(
                text[end:right].strip(EDGE_PUNCT + CLOSING + STRAIGHT + "'")
            )
            return head, mixed
    closes_clause = text[start:end].rstrip(CLOSING + STRAIGHT + "'")[-1:] in (",", "?", "!", "—")
    at = bisect.bisect_left([t.idx for t in sc.cues], start)
    after = [
        t for t in sc.cues[at : at + 3]
        if end <= t.idx and _gap(sc, end, t.idx, 6)
        and (closes_clause or text[end:t.idx].lstrip()[:1] in (",", "—"))
    ]
    before = [
        t for t in sc.cues[max(0, at - 3) : at]
        if _gap(sc, t.idx + len(t), start, 4) and text[t.idx : start].rstrip()[-1:] in (",", ":")
    ]
    return (after[:1] or before[-1:] or [None])[0], False


def _gap(sc: Scan, start: int, end: int, most: int) -> bool:
    """At most ``most`` words and no verb between start and end; no paragraph break unless the
    stretch ends with a colon ("He said:" then the quote as its own paragraph)."""
    between = sc.text[start:end]
    if "\n" in between and not between.rstrip().endswith(":"):
        return False
    if len(between.split()) > 3 * most:
        return False
    words = [t for t in _tokens(sc, start, end) if not (t.is_punct or t.is_space)]
    return len(words) <= most and not any(t.pos_ in ("VERB", "AUX") for t in words)


def direct_relations(ctx: Context, quoted: tuple[tuple[int, int], ...]) -> list[Relation]:
    """Speech in quote marks: cued, continuing the last speaker, or left without a speaker."""
    found: list[Relation] = []
    sc = scan(ctx, quoted)
    text = sc.text
    for start, end in quoted:
        verb, mixed = governing_cue(sc, start, end)
        if mixed:
            continue  # the cue's clause, quote and all, is indirect speech: indirect_relations
        if verb is not None:
            found.append(relation_for(ctx, verb, (start, end), "direct"))
            continue
        previous = found[-1] if found else None
        if previous is not None and _continues(text, previous.content[1], start):
            found.append(replace(previous, content=(start, end), cue=None, continues=True))
        elif len(text[start:end].split()) >= MIN_SPEECH_WORDS and _stands_alone(text, start, end):
            found.append(Relation("direct", (start, end)))
    return found


def _continues(text: str, previous_end: int, start: int) -> bool:
    """A quote right after the previous one: same paragraph, or the next paragraph opens with it."""
    between = text[previous_end:start]
    if between.count("\n\n") > 1 or between.count("\n") > 2:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() or len(between.split()) <= 3


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Speech is a sentence of its own, not a phrase inside one (a mixed quote)."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].strip()
    return not before or before[-1] in ".:!?"


# Per-parse memo in ``doc.user_data``: the quotes and the attribution stages both ask.
_FOUND = "newsevents.quote_relations"


def find_quotes(doc: Doc, article: Article, ctx: Optional[Context] = None) -> list[Relation]:
    """Direct and indirect speech in document order; indirect relations whose content is a
    direct quote are left out (the direct one stands for them).

    The relations read only the parse and its text (not the article or the actors), so they are
    found once per parse and kept in ``doc.user_data``; each caller gets its own list."""
    if (found := doc.user_data.get(_FOUND)) is None:
        found = doc.user_data[_FOUND] = tuple(_find_quotes(ctx or context(doc, article)))
    return list(found)


def _find_quotes(ctx: Context) -> list[Relation]:
    quoted = ctx.quoted
    direct = direct_relations(ctx, quoted)
    direct_cues = {r.cue for r in direct if r.cue}
    indirect = [r for r in indirect_relations(ctx, quoted) if r.cue not in direct_cues]
    return sorted(direct + indirect, key=lambda r: r.content)


def to_quote(ctx: Context, relation: Relation, speakers: dict) -> Quote:
    start, end = relation.content
    if relation.kind == "direct":
        start, end = inner(ctx.text, start, end)
    speaker: Optional[Actor] = None
    if relation.source is not None:
        key = relation.source
        speaker = speakers.setdefault(key, make_actor(ctx, *key))
    cue_text = ctx.text[slice(*relation.cue)] if relation.cue else None
    span = make_span(ctx, start, end)
    return Quote(span.text, span, relation.kind, speaker, relation.channel, cue_text)


def extract_quotes(doc: Doc, article: Article, *, actors: tuple[Actor, ...] = ()) -> tuple[Quote, ...]:
    """Direct quotes (with continuations) and indirect speech, each with its speaker Actor
    (pronouns and role nouns resolved to the named person), channel and cue. Reports ("the FT
    reported") and beliefs ("X wants") are attributions, not quotes: see attribution.py."""
    ctx = context(doc, article, actors)
    speakers: dict = {}
    relations = find_quotes(doc, article, ctx)
    return tuple(
        to_quote(ctx, r, speakers) for r in relations if r.kind == "direct" or r.verb_kind == "speech"
    )
