"""Quotes: who said what, through which channel.

Find, then write (as spaCy's span ruler does): ``find_quotes`` returns ``Relation`` records (char
offsets of source, cue and content, plus the cue's certainty and channel); ``extract_quotes``
turns them into ``Quote`` records. The attribution stage and the PolNeAR evaluation reuse the
same relations, so what is scored is what the pipeline outputs.

Direct quotes come from quote marks scanned paragraph by paragraph (curly and straight marks; an
odd mark is dropped, not the paragraph; a quote whose paragraph ends without a closing mark runs
on when the next paragraph opens with a mark, as news style has it). A quote is speech when a cue
verb governs it ("..., said Putin", "He said: ..."), or when it continues the previous speaker's
quote with no cue of its own. A short quote governed by nothing is a scare quote ("sending in
“peacekeepers”") and is no speech. Indirect speech is a cue verb with a clausal complement
("X said (that) ...", "X denied ...", "X wants to ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from spacy.tokens import Doc, Token

from newsevents.extract.coref import Context, context, make_actor, make_span
from newsevents.records import Actor, Article, Quote
from newsevents.resources.cues import load_cues

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
EDGE_PUNCT = " \t\n\r\xa0\u2009,;:.—–-"
# Verbs whose infinitive complement is the attributed content ("wants to ...", "vowed to ...").
XCOMP_CUES = frozenset(
    {"want", "hope", "expect", "promise", "pledge", "vow", "threaten", "claim", "refuse", "plan"}
)
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# "citing X", "quoting X" name a source, not a claim: the attribution stage reads them as phrases.
SOURCE_PHRASE_VERBS = frozenset({"citing", "quoting"})
MIN_SPEECH_WORDS = 6  # an uncued quote shorter than this is a scare quote, not speech
MIN_CUE_COUNT = 3  # a learned cue head must have been a cue this often in train ...
MIN_CUE_RATIO = 0.3  # ... and in this share of its occurrences
MIN_LINK_SHARE = 0.1  # a content link must carry this share of a cue's train relations
CONTENT_LINKS = frozenset(
    {"ccomp", "xcomp", "dobj", "advcl", "acl", "attr", "oprd", "dative", "pcomp", "prep>pobj",
     "prep>pcomp", "conj", "npadvmod", "parataxis", "dep"}
)


@dataclass(frozen=True, slots=True)
class Relation:
    """One attribution found in the text: char offsets into the body (end exclusive)."""

    kind: str  # direct, indirect, according
    content: tuple[int, int]
    cue: Optional[tuple[int, int]] = None
    source: Optional[tuple[int, int]] = None
    lemma: Optional[str] = None  # the cue's lemma: say, according to, citing
    certainty: str = "reported"
    channel: Optional[str] = None
    continues: bool = False  # a direct quote with no cue, spoken by the previous quote's speaker
    verb_kind: str = "speech"  # speech, report (a publication, a finding), cognition (a belief)


# --- quote marks -------------------------------------------------------------------------------


def quote_marks(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each quote, marks included; a quote running over paragraphs is cut at
    each paragraph end (each piece is its own stretch, the later ones continue the first)."""
    found: list[tuple[int, int]] = []
    pending: Optional[tuple[int, int]] = None
    for start, end in _paragraphs(text):
        stripped = text[start:end].lstrip()
        if pending is not None and stripped[:1] in OPENING + STRAIGHT:
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
    for i in range(start, end):
        role = _mark_role(text, i)
        if role is None:
            continue
        if role == "open" or (role == "either" and open_at is None):
            open_at = i  # an earlier unclosed mark is dropped: odd marks don't sink the paragraph
        elif open_at is not None:
            closed.append((open_at, i + 1))
            open_at = None
    return closed, open_at


def _mark_role(text: str, i: int) -> Optional[str]:
    char = text[i]
    if char in OPENING:
        return "open"
    if char in CLOSING:
        return "close"
    if char != STRAIGHT:
        return None
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
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


def close_quote(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in the closing mark of a quote the span opens but does not close ("... in “peacekeepers.”")."""
    inside = text[start:end]
    opens = sum(inside.count(m) for m in OPENING) - sum(inside.count(m) for m in CLOSING)
    if opens > 0:
        for i in range(end, min(end + 3, len(text))):
            if text[i] in CLOSING:
                return start, i + 1
    return start, end


# --- cue verbs ---------------------------------------------------------------------------------


def cue_info(token: Token) -> Optional[tuple[str, str, dict[str, int]]]:
    """(certainty, kind, content links) when the token heads a cue, else None.

    A cue is a verb of the hand-written list (verbs.tsv) or a head that PolNeAR train shows to be
    a cue often enough (learned.tsv: at least MIN_CUE_COUNT times and in MIN_CUE_RATIO of its
    uses). Learned-only cues have kind "learned": they count as relations, not as quotes.
    """
    cues = load_cues()
    lemma = token.lemma_.lower()
    hand = cues.verbs.get(lemma) if token.pos_ == "VERB" else None
    learned = cues.learned.get((lemma, token.pos_))
    if hand is not None:
        links = dict(learned.links) if learned else {}
        links.setdefault("ccomp", 1)
        if lemma in XCOMP_CUES:
            links.setdefault("xcomp", 1)
        return hand[0], hand[1], links
    if learned and learned.as_cue >= MIN_CUE_COUNT and learned.ratio >= MIN_CUE_RATIO:
        return "reported", "learned", learned.links
    return None


def is_cue(token: Token) -> bool:
    return cue_info(token) is not None


def subject(verb: Token) -> Optional[Token]:
    """The verb's subject, borrowed from the verb it is coordinated with when it has none."""
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subjects:
            return subjects[0]
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agents:
            return agents[0]
        # "reported the Financial Times": an inverted source parses as the object of a final cue
        if verb.dep_ == "conj" and verb.i > verb.head.i:
            objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
            if objects and not any(c.dep_ == "ccomp" for c in verb.children):
                return objects[0]
        if verb.dep_ not in ("conj", "xcomp", "advcl") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def token_extent(token: Token) -> tuple[int, int]:
    """Char offsets of a token's whole subtree."""
    doc = token.doc
    return doc[token.left_edge.i].idx, doc[token.right_edge.i].idx + len(doc[token.right_edge.i])


def cue_extent(verb: Token) -> tuple[int, int]:
    """The cue: the verb with its adjacent auxiliaries, negation and adverbs, and its particle."""
    left = verb.i
    for child in sorted((c for c in verb.lefts), key=lambda c: -c.i):
        if child.i == left - 1 and child.dep_ in ("aux", "auxpass", "neg", "advmod"):
            left = child.i
    right = verb.i
    for child in verb.rights:
        if child.i == right + 1 and child.dep_ == "prt":
            right = child.i
    doc = verb.doc
    return doc[left].idx, doc[right].idx + len(doc[right])


def _channel_prep(prep: Token) -> Optional[str]:
    """ "in a Kremlin statement" -> "Kremlin statement" when the object is a channel noun."""
    if prep.dep_ != "prep" or prep.lower_ not in ("in", "on", "via", "during", "at", "through"):
        return None
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        if obj.lower_ in load_cues().channels:
            words = [t for t in obj.subtree if t.dep_ not in ("det", "poss") or t.i > obj.i]
            return " ".join(t.text for t in words)
    return None


def channel(verb: Token) -> Optional[str]:
    """How the words came out: "in a Kremlin statement", "on Telegram", "told reporters"."""
    who = subject(verb)
    for prep in list(verb.children) + (list(who.rights) if who is not None else []):
        found = _channel_prep(prep)
        if found:
            return found
    if verb.lemma_ == "tell":
        for obj in verb.children:
            if obj.dep_ in ("dobj", "dative") and obj.lower_ in ("reporters", "journalists"):
                return f"{verb.text} {obj.text}"
    return None


def source_extent(who: Token) -> tuple[int, int]:
    """The source's words: its subtree, less a channel phrase parsed into it ("X on Telegram")."""
    start, end = token_extent(who)
    for prep in who.rights:
        if _channel_prep(prep):
            end = min(end, prep.idx)
    return start, end


def content_clause(verb: Token) -> Optional[Token]:
    """The head of what a cue introduces: the child its most frequent content link names
    ("ccomp" -> the clause, "dobj" -> "criticized *the plan*", "prep>pobj" -> "spoke of *it*")."""
    info = cue_info(verb)
    if info is None:
        return None
    links = info[2]
    total = sum(links.values()) or 1
    who = subject(verb)
    for link, count in sorted(links.items(), key=lambda kv: -kv[1]):
        if link not in CONTENT_LINKS or count / total < MIN_LINK_SHARE:
            continue
        first, _, second = link.partition(">")
        for child in verb.children:
            if child.dep_ != first or child == who or child.lower_ in SOURCE_PHRASE_VERBS:
                continue  # "reported *the FT*" is the source; "citing X" is a source phrase
            if not second:
                return child
            for grandchild in child.children:
                if grandchild.dep_ == second:
                    return grandchild
    return None


def _relation(ctx: Context, verb: Token, content: tuple[int, int], kind: str) -> Relation:
    lemma = verb.lemma_.lower()
    certainty, verb_kind, _ = cue_info(verb)
    if any(c.dep_ == "neg" for c in verb.children):
        certainty = "denied" if lemma in ("say", "confirm", "claim") else certainty
    who = subject(verb)
    source = trim(ctx.doc.text, *source_extent(who)) if who is not None else None
    return Relation(
        kind, content, cue_extent(verb), source, lemma, certainty, channel(verb), False, verb_kind
    )


def clause_final_content(verb: Token) -> Optional[tuple[int, int]]:
    """"..., reported the Financial Times." / "X, he says, Y.": the sentence around a cue that
    hangs from its main clause, less the cue's own words (the longer side of them)."""
    sent = verb.sent
    if verb.dep_ not in ("conj", "parataxis") or verb.i == sent.start:
        return None
    words = [t for t in verb.subtree if not t.is_punct]  # the parser hangs the comma on the cue
    left, right = words[0].idx, token_extent(verb)[1]
    before = [t for t in sent if t.idx < left]
    if not before or before[-1].text not in (",", "—", "–"):
        return None
    text = verb.doc.text
    sides = [trim(text, sent.start_char, left), trim(text, right, sent.end_char)]
    best = max(sides, key=lambda s: s[1] - s[0])
    return best if best[1] > best[0] else None


EXTEND_DEPS = frozenset({"prep", "dative", "oprd", "xcomp", "ccomp", "advcl", "acomp", "attr"})


def content_extent(verb: Token, head: Token) -> tuple[int, int]:
    """The content's characters: the head's subtree and, for a noun object, the complements the
    parser hung on the verb after it ("endorsed *Bush for president*")."""
    start, end = token_extent(head)
    if head.i < verb.i:  # "The city fell, he said.": the content runs up to the cue
        return start, min(end, token_extent(subject(verb) or verb)[0])
    if head.dep_ in ("ccomp", "xcomp"):
        return start, end
    for child in verb.rights:
        if child.i <= head.i:
            continue
        if child.dep_ not in EXTEND_DEPS or _channel_prep(child) or _is_time(child):
            break
        end = token_extent(child)[1]
    return start, end


def _is_time(prep: Token) -> bool:
    return any(t.ent_type_ in ("DATE", "TIME") for t in prep.children)


def indirect_relations(ctx: Context, quoted: tuple[tuple[int, int], ...]) -> list[Relation]:
    """Cue verbs outside quotes with a clause (or an object) they attribute."""
    found = []
    text = ctx.doc.text
    for token in ctx.doc:
        if not is_cue(token) or _inside(token.idx, quoted) or token.lower_ in SOURCE_PHRASE_VERBS:
            continue
        head = content_clause(token)
        if head is not None:
            content = close_quote(text, *trim(text, *content_extent(token, head)))
        else:
            content = clause_final_content(token)
        if content and content[1] > content[0]:
            found.append(_relation(ctx, token, trim(text, *content), "indirect"))
    return found


def _inside(char: int, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(start <= char < end for start, end in spans)


# --- direct quotes -----------------------------------------------------------------------------


SPEECH_DEPS = frozenset({"ccomp", "dobj", "parataxis", "xcomp", "advcl", "dep", "conj", "npadvmod"})


def governing_cue(ctx: Context, start: int, end: int, quoted) -> tuple[Optional[Token], bool]:
    """The cue verb a quote is the speech of, and whether the quote is only part of the clause
    the cue governs (a mixed quote: 'said the campaign has “always run lean”'). The cue governs
    a top token of the quote as its complement, or stands right beside the quote ("...," said X /
    X said: "...")."""
    doc = ctx.doc
    text = doc.text
    for token in (t for t in doc if start <= t.idx < end):
        head = token.head
        if not (start <= head.idx < end) and is_cue(head) and token.dep_ in SPEECH_DEPS:
            left, right = token_extent(token)
            mixed = bool(text[left:start].strip(EDGE_PUNCT)) or bool(text[end:right].strip(EDGE_PUNCT + "”\""))
            return head, mixed
    outside = [t for t in doc if not _inside(t.idx, quoted) and is_cue(t)]
    closes_clause = text[start:end].rstrip(CLOSING + STRAIGHT)[-1:] in (",", "?", "!", "—")
    after = [
        t for t in outside
        if end <= t.idx and _gap(doc, end, t.idx, 6)
        and (closes_clause or text[end:t.idx].lstrip()[:1] in (",", "—"))
    ]
    before = [
        t for t in outside
        if t.idx < start and _gap(doc, t.idx + len(t), start, 4)
        and text[t.idx : start].rstrip()[-1:] in (",", ":")
    ]
    return (after[:1] or before[-1:] or [None])[0], False


def _gap(doc: Doc, start: int, end: int, most: int) -> bool:
    """At most ``most`` words and no verb between start and end; no paragraph break unless the
    stretch ends with a colon ("He said:" then the quote as its own paragraph)."""
    text = doc.text[start:end]
    if "\n" in text and not text.rstrip().endswith(":"):
        return False
    words = [t for t in doc if start <= t.idx < end and not (t.is_punct or t.is_space)]
    return len(words) <= most and not any(t.pos_ in ("VERB", "AUX") for t in words)


def direct_relations(ctx: Context, quoted: tuple[tuple[int, int], ...]) -> list[Relation]:
    """Speech in quote marks: cued, continuing the last speaker, or left without a speaker."""
    found: list[Relation] = []
    text = ctx.doc.text
    for start, end in quoted:
        verb, mixed = governing_cue(ctx, start, end, quoted)
        if mixed:
            continue  # the cue's clause, quote and all, is indirect speech: indirect_relations
        if verb is not None:
            found.append(_relation(ctx, verb, (start, end), "direct"))
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


def find_quotes(doc: Doc, article: Article, ctx: Optional[Context] = None) -> list[Relation]:
    """Direct and indirect speech in document order; indirect relations whose content is a
    direct quote are left out (the direct one stands for them)."""
    ctx = ctx or context(doc, article)
    quoted = quote_marks(doc.text)
    direct = direct_relations(ctx, quoted)
    direct_cues = {r.cue for r in direct if r.cue}
    indirect = [r for r in indirect_relations(ctx, quoted) if r.cue not in direct_cues]
    return sorted(direct + indirect, key=lambda r: r.content)


def to_quote(ctx: Context, relation: Relation, speakers: dict) -> Quote:
    start, end = relation.content
    if relation.kind == "direct":
        start, end = _inner(ctx.doc.text, start, end)
    speaker: Optional[Actor] = None
    if relation.source is not None:
        key = relation.source
        speaker = speakers.setdefault(key, make_actor(ctx, *key))
    cue_text = ctx.doc.text[slice(*relation.cue)] if relation.cue else None
    span = make_span(ctx, start, end)
    return Quote(span.text, span, relation.kind, speaker, relation.channel, cue_text)


def _inner(text: str, start: int, end: int) -> tuple[int, int]:
    """The words of a direct quote, without its marks or a trailing comma."""
    if text[start] in OPENING + STRAIGHT:
        start += 1
    if end > start and text[end - 1] in CLOSING + STRAIGHT:
        end -= 1
    while end > start and text[end - 1] in " ,\xa0":
        end -= 1
    return start, end


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
