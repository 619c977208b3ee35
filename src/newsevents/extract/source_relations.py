"""Relations with the tagger's edges: the rules propose, the span tagger (source_tagger.py) decides.

The rules know which source, cue and content belong together, and what the cue says about
certainty, channel and kind; the tagger knows better where PolNeAR's spans start and end, and
finds spans the rules miss. First the spans: the rules' spans and the tagger's best sequence's
compete, surest first (the tagger's marginal probability of the span), and a span is kept when it
overlaps none kept before, as PolNeAR gives each word at most one role. Then the relations: each
rule relation keeps its links and attributes but takes the kept span of each kind that overlaps
its own, inner relations' contents first (a relation left with no content is dropped, unless
its content holds another relation: the chain of sources needs it). Kept spans no rule relation took become
relations of their own: a cue takes the nearest free content of its paragraph and the nearest
free source of its sentence (with a source and no content, the clause it governs); a paraphrase
left over is one more piece of the nearest relation whose cue stands in its sentence, a quote
left over a relation without cue or source; a cue left over joins the nearest relation of its
sentence that has no cue, then a source left over the nearest with a cue (or a quote) there and
no source the tagger kept. Last, a content that opens a quote stops at the quote's closing
mark when the quote closes on a comma ("*“It’s anger,”* McCain said"), and the subject of a
raising cue is a piece of the content, not its source ("*The bank* appears *to favour a rise*"),
and so are the words before a cue set off by commas inside the claim ("*Time*, he added, *was on
their side*").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from typing import Optional

from spacy.tokens import Token

from newsevents.clean_lines import dateline
from newsevents.extract.coref import Context, sentence_index
from newsevents.extract.cue_verbs import Relation, channel, cue_info, token_extent
from newsevents.extract.quote_marks import CLOSING, DOUBLED, OPENING, STRAIGHT
from newsevents.extract.cue_model import cue_probabilities
from newsevents.resources.cues import load_cues
from newsevents.extract.source_tagger import KINDS, LOOSE_CUE, Tagged, tag, trim_marks

QUOTE_EDGES = OPENING + CLOSING + STRAIGHT
# The least confidence a span needs. 0 (keep every span that overlaps no surer one) scored best
# on a held-out fifth of train: source/cue/content F1 .736/.704/.619 at 0, .727/.697/.621 at 0.3.
THRESHOLD = 0.0
# The rules' spans win near-ties: neutral on the held-out fifth of train (F1 within .001), and
# it keeps what PolNeAR shows too seldom for the tagger to learn ("..., reported *the Guardian*").
RULE_BONUS = 0.2
PHRASE_WORDS = frozenset({"according", "citing", "quoting"})
RAISING = frozenset({"appear", "seem"})  # "X appears to Y": X is a piece of the content
PASSIVE_RAISING = frozenset({"expect"})  # "X is expected to Y" likewise


@dataclass
class Chosen:
    """The tagger's spans of each kind, and which of them a relation has taken."""

    spans: dict[str, list[tuple[int, int]]]
    used: set = field(default_factory=set)

    def take(
        self, kind: str, around: Optional[tuple[int, int]], avoid: Optional[tuple[int, int]] = None
    ) -> Optional[tuple[int, int]]:
        """The free span of this kind overlapping ``around`` most and not ``avoid``, marked as
        taken."""
        if around is None:
            return None
        best = max(
            (s for s in self.spans[kind] if (kind, s) not in self.used and _overlap(s, around) > 0
             and (avoid is None or _overlap(s, avoid) <= 0)),
            key=lambda s: _overlap(s, around),
            default=None,
        )
        if best is not None:
            self.used.add((kind, best))
        return best

    def take_all(
        self, kind: str, around: list[tuple[int, int]], avoid: Optional[tuple[int, int]] = None
    ) -> list[tuple[int, int]]:
        found = []
        for span in around:
            while (hit := self.take(kind, span, avoid)) is not None:
                found.append(hit)
        return sorted(found)

    def free(self, kind: str) -> list[tuple[int, int]]:
        return [s for s in self.spans[kind] if (kind, s) not in self.used]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def tagged_relations(ctx: Context, relations: list[Relation]) -> list[Relation]:
    """The rules' relations on the tagger's spans, plus relations from spans the rules missed;
    the rules' relations unchanged when no tagger model is installed."""
    tagged = tag(ctx.doc, relations, ctx.quoted)
    if tagged is None:
        return relations
    chosen = Chosen(choose_spans(ctx, relations, tagged))
    by_rule: dict[int, Relation] = {}
    # contents go to inner relations first, so an outer one cannot take the content of one
    # nested in it; cues and sources go in text order (a speaker's first relation takes them)
    for n in sorted(range(len(relations)), key=lambda n: _length(relations[n].content)):
        retagged = _retag_content(ctx, relations[n], chosen)
        if retagged is not None:
            by_rule[n] = retagged
    for n, rel in enumerate(relations):
        if n in by_rule:
            cue, source = chosen.take("cue", rel.cue), chosen.take("source", rel.source)
            if source is None and (rel.kind == "direct" or _inverted(rel)):
                # a quote keeps its speaker when the tagger kept no span there, and so does a
                # source after its cue ("..., reported the Guardian"): PolNeAR has too few to learn
                source = rel.source
            by_rule[n] = replace(by_rule[n], cue=cue, source=source)
        elif any(_within(r.content, rel.content) for r in by_rule.values()):
            by_rule[n] = _around(rel, chosen)
    found: list[Relation] = []
    sources: dict = {}  # rule source -> the tagged source it became
    for n, rel in enumerate(relations):
        retagged = by_rule.get(n)
        if retagged is None:
            continue
        if rel.continues:  # a quote that goes on: the same speaker as the quote before it
            retagged = replace(retagged, source=sources.get(rel.source))
        elif rel.source is not None:
            sources[rel.source] = retagged.source
        found.append(retagged)
    found += _from_free_cues(ctx, chosen)
    found = _attach_free_contents(ctx, found, chosen)
    found += [_bare(ctx, span) for span in chosen.free("content")]
    found = _attach_free_cues(ctx, found, chosen)
    found = _attach_free_sources(ctx, found, chosen)
    # a paraphrase with neither cue nor source attributes nothing (a quote still marks speech);
    # leaving them out also scored better on a held-out fifth of train (content F1 +.003)
    found = [r for r in found if r.cue or r.source or r.kind == "direct"]
    found = [_without_datelines(ctx.text, r) for r in found]
    found = [_quotes_end_at_their_marks(ctx.text, r) for r in found]
    found = [_raised_subject_as_content(ctx, r) for r in found]
    found = _with_fronted_pieces(ctx, found)
    return sorted(found, key=lambda r: r.content)


def _with_fronted_pieces(ctx: Context, relations: list[Relation]) -> list[Relation]:
    """Each relation with the words before its cue's commas as one more piece of its content, when
    the cue is a parenthetical inside the claim ("*Time*, Mr. Pence added, *was on their side*";
    "*But*, he said, *it is a risky strategy*"): the parser hangs such a cue from the claim's
    verb (parataxis), so the words before the first comma are the claim's own, not a frame of
    the cue's ("Later in the piece, Tuttle wrote, ..." hangs the cue as the root and stays out).
    Only words no span of any relation holds (PolNeAR gives each word one role). Held-out fifth of
    PolNeAR train: 15 such pieces, 11 of them gold contents."""
    taken = sorted(
        span for r in relations for span in (r.content, *r.more, r.cue, r.source) if span is not None
    )
    found = []
    for rel in relations:
        piece = _fronted_piece(ctx, rel)
        if piece is not None and not any(_overlap(piece, other) > 0 for other in taken):
            rel = replace(rel, more=tuple(sorted((*rel.more, piece))))
            bisect.insort(taken, piece)
        found.append(rel)
    return found


def _fronted_piece(ctx: Context, rel: Relation) -> Optional[tuple[int, int]]:
    """The words from the sentence start to the comma before a parenthetical cue and its source
    ("*Time*, Mr. Pence added, was on their side"), when the content starts right after the comma
    that closes the cue; None otherwise."""
    if rel.cue is None:
        return None
    text = ctx.text
    verb = _cue_head(ctx, rel.cue)
    if verb is None or verb.dep_ != "parataxis":
        return None
    opening = verb.sent.start_char
    comma = text.rfind(",", opening, rel.cue[0])
    if comma < 0:
        return None
    between = trim_marks(text, comma + 1, rel.cue[0])
    if between[1] > between[0] and (rel.source is None or trim_marks(text, *rel.source) != between):
        return None  # more than the speaker between the comma and the cue
    after = text[rel.cue[1] : rel.content[0]]
    if after.strip(" ,\"“‘'") != "" or after.count(",") != 1:
        return None  # the content does not start right after the cue's closing comma
    piece = trim_marks(text, opening, comma)
    return piece if piece[1] > piece[0] else None


def _raised_subject_as_content(ctx: Context, rel: Relation) -> Relation:
    """"*The central bank* appears/seems/is expected *to raise rates*": the subject of a raising
    cue is what the claim is about, a piece of the content, not who makes it (the writer, or
    whoever expects it, does). Unless what follows is itself speech ("he seemed to suggest"): then
    the subject speaks (_speaks). PolNeAR train (first 400 of the tuning part): the subject of "appear" is
    content 26 times, source 3; of "seem" 17 and 9; of a passive "expect" 31 and 1."""
    if rel.cue is None:
        return rel
    doc = ctx.doc
    cue = doc.char_span(*rel.cue, alignment_mode="expand")
    if cue is None:
        return rel
    for verb in cue:
        passive = verb.lemma_.lower() in PASSIVE_RAISING and any(
            c.dep_ == "auxpass" for c in verb.children)
        if verb.lemma_.lower() not in RAISING and not passive:
            continue
        complements = [c for c in verb.children if c.dep_ == "xcomp"]
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not complements or not subjects or _speaks(complements[0]):
            continue
        piece = trim_marks(ctx.text, *token_extent(subjects[0]))
        pieces = [rel.content, *rel.more, rel.cue]
        if piece[1] <= piece[0] or any(_overlap(piece, other) > 0 for other in pieces):
            continue
        source = rel.source if rel.source is None or _overlap(rel.source, piece) <= 0 else None
        return replace(rel, source=source, more=tuple(sorted((*rel.more, piece))))
    return rel


def _speaks(verb: Token) -> bool:
    """Whether a verb says something: a speech verb of the hand-written list, or one with a
    clause it governs ("seemed to *suggest* that ...", "appeared to *concede* it was over")."""
    return verb.lemma_.lower() in load_cues().verbs or any(c.dep_ == "ccomp" for c in verb.children)


def _without_dateline(text: str, span: Optional[tuple[int, int]]) -> Optional[tuple[int, int]]:
    """A span less the wire dateline it opens with ("RENO, Nev. (AP) — *Donald Trump* says"):
    the dateline names where the story was filed, not who spoke or what was said."""
    if span is None:
        return None
    lead = dateline(text[span[0] : span[1]])
    if lead is None:
        return span
    start, end = trim_marks(text, span[0] + len(lead), span[1])
    return (start, end) if end > start else span


def _without_datelines(text: str, rel: Relation) -> Relation:
    source, content = _without_dateline(text, rel.source), _without_dateline(text, rel.content)
    if (source, content) == (rel.source, rel.content):
        return rel
    return replace(rel, source=source, content=content)


def _quote_end(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A content that opens a quote, less the words after the quote's closing mark when the quote
    closes on a comma, question or exclamation mark ("*“It’s a reflection of anger,”* McCain
    said"): what follows such a mark is the quote's cue and speaker, or the writer's words, not
    more of what was said. A second quote right after ("“Peace,” “Order,” and “Sanity.”") is a
    list of quoted words and stays whole."""
    start, end = span
    if not (text[start] in OPENING + STRAIGHT):
        return span
    close = next((n for n in range(start + 1, end) if text[n] in CLOSING + STRAIGHT), None)
    if close is None or text[close - 1] not in ",?!":
        return span
    rest = text[close + 1 : end].strip()
    if not any(c.isalnum() for c in rest) or rest[0] in OPENING + STRAIGHT:
        return span
    return start, close + 1


def _quotes_end_at_their_marks(text: str, rel: Relation) -> Relation:
    content = _quote_end(text, rel.content)
    more = tuple(_quote_end(text, piece) for piece in rel.more)
    if (content, more) == (rel.content, rel.more):
        return rel
    return replace(rel, content=content, more=more)


def choose_spans(
    ctx: Context, relations: list[Relation], tagged: list[Tagged], least: float = THRESHOLD
) -> dict[str, list[tuple[int, int]]]:
    """The spans to keep, per kind: the rules' and the tagger's best sequence's, surest first,
    each kept when the tagger gives it at least ``least`` and it overlaps no span kept before."""
    by_token = {t.i: par for par in tagged for t in par.words}
    candidates = []
    for par in tagged:
        candidates += [(par.confidence(k, a, b), k, par, a, b) for k, a, b in par.spans()]
    for kind, span in _rule_spans(relations):
        tokens = ctx.doc.char_span(*trim_marks(ctx.text, *span), alignment_mode="expand")
        words = [t for t in tokens or () if not t.is_space]
        par = by_token.get(words[0].i) if words else None
        if par is None or by_token.get(words[-1].i) is not par:
            continue
        a, b = par.position(words[0].i), par.position(words[-1].i)
        candidates.append((par.confidence(kind, a, b) + RULE_BONUS, kind, par, a, b))
    kept: dict[str, list[tuple[int, int]]] = {kind: [] for kind in KINDS}
    taken: list[tuple[int, int]] = []  # the kept spans of every kind, in text order
    for sure, kind, par, a, b in sorted(candidates, key=lambda c: -c[0]):
        span = par.chars(a, b)
        if sure < least or _overlaps_taken(span, taken):
            continue
        kept[kind].append(span)
        bisect.insort(taken, span)
    return {kind: sorted(spans) for kind, spans in kept.items()}


def _overlaps_taken(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    """Whether ``span`` overlaps one of ``taken``. The taken spans overlap no other and none is
    empty, so in text order their ends are in order too: of those that start before ``span`` ends,
    the last one reaches furthest, and it alone needs a look (not every span taken so far)."""
    before_end = bisect.bisect_left(taken, (span[1],))
    return before_end > 0 and _overlap(span, taken[before_end - 1]) > 0


def _rule_spans(relations: list[Relation]):
    for rel in relations:
        yield "content", rel.content
        yield from (("content", piece) for piece in rel.more)
        if rel.cue is not None:
            yield "cue", rel.cue
        if rel.source is not None:
            yield "source", rel.source


def _retag_content(ctx: Context, rel: Relation, tagged: Chosen) -> Optional[Relation]:
    """The relation on the kept contents overlapping its own (None when there are none). A kept
    content that holds the relation's own cue is not its content but an outer relation's ("*Nearly
    three in four say they would like to buy American*, according to the survey")."""
    pieces = tagged.take_all("content", [rel.content, *rel.more], avoid=rel.cue)
    if not pieces:
        return None
    content = max(pieces, key=lambda s: s[1] - s[0])
    more = tuple(p for p in pieces if p != content)
    kind = rel.kind
    if kind == "direct" and not _opens_quote(ctx.text, content):
        kind = "indirect"  # the tagger kept a part of the quote: a paraphrase around words quoted
    return replace(rel, kind=kind, content=content, more=more)


def _inverted(rel: Relation) -> bool:
    return rel.source is not None and rel.cue is not None and rel.source[0] >= rel.cue[1]


def _length(span: tuple[int, int]) -> int:
    return span[1] - span[0]


def _within(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1] and inner != outer


def _around(rel: Relation, tagged: Chosen) -> Relation:
    """A relation whose content holds another one ("the FT reported that *Y said Z*") keeps its
    own content: PolNeAR gives the words to the inner one, but the chain of sources from the
    outlet to the speaker needs both (on dev, keeping them costs exact F1 source .747 -> .740,
    cue .704 -> .698, and keeping only reports' scored lower still)."""
    cue = tagged.take("cue", rel.cue) or rel.cue
    source = tagged.take("source", rel.source) or rel.source
    return replace(rel, cue=cue, source=source)


def _opens_quote(text: str, span: tuple[int, int]) -> bool:
    return text[span[0]] in QUOTE_EDGES or text.startswith(DOUBLED, span[0])


def _is_quote(text: str, span: tuple[int, int]) -> bool:
    words = text[span[0] : span[1]].replace(DOUBLED, STRAIGHT)
    return len(words) > 2 and words[0] in QUOTE_EDGES and words.rstrip(".,!?")[-1] in QUOTE_EDGES


def _paragraph(text: str, char: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    return start, len(text) if end < 0 else end


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(a[0] - b[1], b[0] - a[1], 0)


def _nearest(spans: list[tuple[int, int]], to: tuple[int, int], within: tuple[int, int]):
    inside = [s for s in spans if within[0] <= s[0] and s[1] <= within[1]]
    return min(inside, key=lambda s: _distance(s, to), default=None)


def _cue_head(ctx: Context, cue: tuple[int, int]) -> Optional[Token]:
    tokens = ctx.doc.char_span(*cue, alignment_mode="expand")
    if tokens is None or not len(tokens):
        return None
    return tokens.root


def _from_free_cues(ctx: Context, tagged: Chosen) -> list[Relation]:
    """A relation for each tagged cue no rule relation took, when a free content is near."""
    found = []
    likely = cue_probabilities(ctx.doc)
    for cue in tagged.free("cue"):
        if not _has_likely_cue(ctx, cue, likely):
            continue
        paragraph = _paragraph(ctx.text, cue[0])
        content = _nearest(tagged.free("content"), cue, paragraph)
        sentence = _sentence(ctx, cue[0])
        source = _nearest(tagged.free("source"), cue, sentence)
        if content is None and source is not None:
            content = _clause_around(ctx, cue, tagged)
        if content is None:
            continue
        tagged.used |= {("cue", cue), ("content", content)}
        if source is not None:
            tagged.used.add(("source", source))
        found.append(_relation(ctx, content, cue, source))
    return found


def _clause_around(ctx: Context, cue: tuple[int, int], tagged: Chosen) -> Optional[tuple[int, int]]:
    """The content of a cue with a source but no tagged content ("As *the Post* *reported*, the
    Inspector General issued subpoenas"): the words its clause governs after it, or for a cue
    hung from a clause, that clause less the cue's own words. None when that would cross a kept
    span (PolNeAR gives each word one role) or is a single word."""
    verb = _cue_head(ctx, cue)
    if verb is None:
        return None
    if verb.dep_ == "ROOT" or verb.head.i == verb.i:
        start, end = cue[1], verb.right_edge.idx + len(verb.right_edge)
    else:
        clause = verb.head
        before = (clause.left_edge.idx, verb.left_edge.idx)
        after = (verb.right_edge.idx + len(verb.right_edge),
                 clause.right_edge.idx + len(clause.right_edge))
        start, end = max(before, after, key=_length)
    start, end = trim_marks(ctx.text, start, end)
    span = (start, end)
    if len(ctx.text[start:end].split()) < 2:
        return None
    if any(_overlap(span, other) > 0 for spans in tagged.spans.values() for other in spans):
        return None
    return span


def _has_likely_cue(ctx: Context, cue: tuple[int, int], likely: dict[int, float]) -> bool:
    """The cue model gives one of the cue's words at least LOOSE_CUE: a cue only the tagger sees
    in a word no list knows ("reportedly" is a certainty marker, "attacked according to" none)
    would make a relation the rules have good reason not to."""
    tokens = list(ctx.doc.char_span(*cue, alignment_mode="expand") or ())
    if any(t.lower_ in PHRASE_WORDS for t in tokens):
        return False  # "according to X": attribution.py's phrase rules judge X (a plan is none)
    if ctx.text[cue[0] : cue[1]].lower() in load_cues().certainty:
        return False  # "X reportedly fled": attribution.py marks the claim, with no source
    return any(likely.get(t.i, 0.0) >= LOOSE_CUE for t in tokens)


def _sentence(ctx: Context, char: int) -> tuple[int, int]:
    index = sentence_index(ctx, char)
    starts = ctx.sentence_starts
    end = starts[index + 1] if index + 1 < len(starts) else len(ctx.text)
    return starts[index], end


def _relation(ctx: Context, content, cue, source) -> Relation:
    verb = _cue_head(ctx, cue)
    info = cue_info(verb) if verb is not None else None
    certainty, verb_kind = (info[0], info[1]) if info else ("reported", "learned")
    kind = "direct" if _is_quote(ctx.text, content) else "indirect"
    lemma = verb.lemma_.lower() if verb is not None else None
    said_by = channel(verb) if verb is not None and verb.pos_ == "VERB" else None
    return Relation(kind, content, cue, source, lemma, certainty, said_by, False, verb_kind)


def _bare(ctx: Context, content: tuple[int, int]) -> Relation:
    kind = "direct" if _is_quote(ctx.text, content) else "indirect"
    return Relation(kind, content, verb_kind="learned")


def _attach_free_contents(
    ctx: Context, relations: list[Relation], tagged: Chosen
) -> list[Relation]:
    """A free paraphrase is one more piece of the nearest relation whose cue stands in its
    sentence ("*The museum*, he said, *would open in May*")."""
    relations = list(relations)
    for content in tagged.free("content"):
        if _is_quote(ctx.text, content):
            continue
        sentence = _sentence(ctx, content[0])
        candidates = [
            (n, r) for n, r in enumerate(relations)
            if r.cue is not None and sentence[0] <= r.cue[0] < sentence[1]
        ]
        if not candidates:
            continue
        n, rel = min(candidates, key=lambda nr: _distance(nr[1].cue, content))
        relations[n] = replace(rel, more=tuple(sorted((*rel.more, content))))
        tagged.used.add(("content", content))
    return relations


def _attach_free_cues(ctx: Context, relations: list[Relation], tagged: Chosen) -> list[Relation]:
    """A free cue (one a candidate word heads) goes to the nearest relation without a cue whose
    source (else content) stands in its sentence: a rule relation whose cue the tagger drew
    elsewhere, or a content the tagger found alone."""
    relations = list(relations)
    likely = cue_probabilities(ctx.doc)
    for cue in tagged.free("cue"):
        if not _has_likely_cue(ctx, cue, likely):
            continue
        sentence = _sentence(ctx, cue[0])
        candidates = [
            (n, r) for n, r in enumerate(relations)
            if r.cue is None and sentence[0] <= (r.source or r.content)[0] < sentence[1]
        ]
        if not candidates:
            continue
        n, rel = min(candidates, key=lambda nr: _distance(nr[1].content, cue))
        relations[n] = replace(rel, cue=cue)
        tagged.used.add(("cue", cue))
    return relations


def _attach_free_sources(ctx: Context, relations: list[Relation], tagged: Chosen) -> list[Relation]:
    """A free source goes to the nearest relation with a cue in its sentence (or a quote there
    without one) and no source the tagger kept: none, or a quote's speaker as the rules found it
    (PolNeAR marks the mention beside the cue, "Gov. John Kasich (R-OH), said", the rules may
    name an earlier one). A paraphrase with neither cue nor source stays unattributed."""
    relations = list(relations)
    kept = set(tagged.spans["source"])
    for source in tagged.free("source"):
        sentence = _sentence(ctx, source[0])
        candidates = [
            (n, r) for n, r in enumerate(relations)
            if sentence[0] <= (r.cue or r.content)[0] < sentence[1] and r.source not in kept
            and (r.cue is not None or r.kind == "direct")
        ]
        if not candidates:
            continue
        n, rel = min(candidates, key=lambda nr: _distance(nr[1].cue or nr[1].content, source))
        relations[n] = replace(rel, source=source)
        tagged.used.add(("source", source))
    return relations
