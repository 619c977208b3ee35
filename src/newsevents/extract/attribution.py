"""Attribution: which claims the article owes to whom, and how sure it is of them.

``find_relations`` finds every attribution relation (source, cue, content as char offsets): the
quotes stage's speech, reports and beliefs, plus source phrases ("according to the report",
"citing officials"). ``extract_attributions`` writes them as ``Attribution`` records, adds the
claims an adverb alone marks ("reportedly", "allegedly": no source), and builds each chain from
the publisher (``article.outlet``, else the publisher the URL names) through the cited outlet to
the speaker and the document.

How to attach attributions to events: ``Attribution.claim`` is the attributed content (for a
direct quote, the words inside the marks); ``claim.sentence`` is the index in ``list(doc.sents)``
of the sentence it starts in, and a claim may run over several sentences. Use
``attributions_for(span, attributions)``: those whose claim overlaps the span, innermost first.

"according to the report" / "the newspaper said" refer back to the outlet cited last, which
becomes the source (the cited outlet stays in the chain). Beliefs and intentions ("X wants",
"X thinks") are scored as relations (PolNeAR annotates them) but are not Attribution records:
an event stated as someone's wish is the events stage's business (mode, certainty), not a source.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Optional
from urllib.parse import urlparse

from spacy.tokens import Doc, Token

from newsevents.extract.actors import code_tokens
from newsevents.extract.coref import Context, clean_name, context, make_actor, make_span
from newsevents.extract.cue_verbs import Relation, token_extent
from newsevents.extract.quote_marks import inner, quote_marks, trim
from newsevents.extract.quotes import find_quotes
from newsevents.extract.source_relations import tagged_relations
from newsevents.records import Actor, Article, Attribution, Quote, Span
from newsevents.resources.cues import load_cues

PHRASE_WORDS = re.compile(r"\b(?:according|citing|quoting)\b", re.IGNORECASE)
CERTAINTY_RANK = {"asserted": 0, "reported": 1, "hedged": 2, "claimed": 3, "denied": 4}


# --- source phrases ----------------------------------------------------------------------------


def phrase_relations(ctx: Context) -> list[Relation]:
    """"according to X", "citing X", "as reported by X": X is the source of the clause around.
    "citing X" where X is a reason, not someone who tells, is the clause's subject's claim of X
    ("Russia sent troops, citing Kiev's failure to ...": Russia claims the failure)."""
    found = []
    quoted = ctx.quoted
    for token in _phrase_words(ctx):
        if any(start <= token.idx < end for start, end in quoted):
            continue  # a source phrase inside a quote belongs to the quote's speaker
        source = _phrase_source(token)
        if source is None and (reason := _cited_reason(ctx, token)):
            found.append(reason)
            continue
        if source is None or source.lemma_.lower() in load_cues().non_sources:
            continue
        cue_start = token.idx
        cue_end = token.idx + len(token) if token.lower_ != "according" else _next_end(token)
        content = _clause_without(ctx.text, token, cue_start, token_extent(source)[1])
        if content is None:
            continue
        lemma = "according to" if token.lower_ == "according" else token.lower_
        certainty = load_cues().phrases.get(lemma, "reported")
        src = trim(ctx.text, *token_extent(source))
        found.append(Relation("according", content, (cue_start, cue_end), src, lemma, certainty))
    return found


def _cited_reason(ctx: Context, token: Token) -> Optional[Relation]:
    """"X did Y, citing Z" with Z a reason: X (the subject of what "citing" hangs on) claims Z."""
    if token.lower_ != "citing" or token.i == token.sent.start:
        return None
    reasons = [c for c in token.children if c.dep_ == "dobj"]
    subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
    if not reasons or not subjects or token.dep_ not in ("advcl", "xcomp", "conj"):
        return None
    return Relation("indirect", trim(ctx.text, *token_extent(reasons[0])),
                    (token.idx, token.idx + len(token)), trim(ctx.text, *token_extent(subjects[0])),
                    "citing", "claimed")


def _phrase_words(ctx: Context) -> list[Token]:
    """The tokens "according", "citing", "quoting" (found in the text: faster than every token)."""
    found = []
    for match in PHRASE_WORDS.finditer(ctx.text):
        span = ctx.doc.char_span(match.start(), match.end())
        if span is not None and len(span) == 1:
            found.append(span[0])
    return found


def _phrase_source(token: Token) -> Optional[Token]:
    if token.lower_ == "according":
        to = [c for c in token.children if c.lower_ == "to"] or (
            [token.nbor()] if token.i + 1 < len(token.doc) and token.nbor().lower_ == "to" else []
        )
        objects = [c for t in to for c in t.children if c.dep_ == "pobj"]
        return objects[0] if objects else None
    if token.lower_ in ("citing", "quoting") and token.i > token.sent.start:
        objects = [c for c in token.children if c.dep_ == "dobj"]
        return objects[0] if objects and _names_an_informant(objects[0]) else None
    return None


# What "citing X" names when X tells rather than explains: records and reports, and people
# whose word is the news (persons and bodies the actor dictionaries code count too)
CITED_INFORMANTS = frozenset({
    "witness", "eyewitness", "resident", "observer", "expert", "analyst", "insider", "aide",
    "participant", "activist", "monitor", "person", "people", "official", "doctor", "medic",
    "report", "data", "document", "figure", "statistic", "study", "survey", "poll", "statement",
    "letter", "memo", "record", "intelligence", "estimate", "assessment", "analysis", "research",
    "finding", "account", "source", "footage", "video", "email", "filing", "testimony",
    "transcript", "interview", "post", "tweet", "message", "website", "media",
})
INFORMANT_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _names_an_informant(head: Token) -> bool:
    """Whether the object of "citing" is someone or something that tells ("citing officials",
    "citing Reuters", "citing a report") rather than a reason ("citing Kiev's failure to
    implement the agreements", "citing security concerns"), which names no source."""
    if head.ent_type_ in INFORMANT_ENTITIES:
        return True
    lemma = head.lemma_.lower()
    if lemma in CITED_INFORMANTS or head.lower_ in CITED_INFORMANTS or lemma in load_cues().roles:
        return True
    return code_tokens([head], head).sector is not None


def _next_end(token: Token) -> int:
    nxt = token.nbor()
    return nxt.idx + len(nxt)


def _clause_without(text: str, token: Token, start: int, end: int) -> Optional[tuple[int, int]]:
    """The sentence around a source phrase, the phrase cut out: the longer side of it."""
    sent = token.sent
    left = trim(text, sent.start_char, start)
    right = trim(text, end, sent.end_char)
    best = max(left, right, key=lambda s: s[1] - s[0])
    return best if best[1] > best[0] else None


# "Graham: Trump's rhetoric destroying GOP's chance": a headline's speaker, a colon, the claim
HEADLINE_COLON = re.compile(r"([^\n:“”\"]{2,40}): (\S[^\n]*)")
HEADLINE_WORDS = 25  # a longer line is running text, where "X: Y" is no attribution
NAME_TAGS = frozenset({"PROPN", "NOUN", "PUNCT"})
# What pages put before a colon that names no one: captions, credits, links, notes
LINE_LABELS = frozenset({"photo", "photos", "picture", "image", "video", "watch", "listen", "source",
                         "sources", "credit", "credits", "caption", "map", "graphic", "file", "update",
                         "note", "related", "topics", "tags", "category", "subject", "title", "summary",
                         "correction", "disclaimer", "editor", "advertisement", "location", "date"})


def headline_relations(ctx: Context) -> list[Relation]:
    """A headline-style line "Speaker: claim" ("Lynch: No outside influence on FBI probe",
    "Poll: Trump ties Clinton"): the words before the colon name who says what follows, with no
    cue word. Only a short line whose speaker is a bare name (proper or common nouns, at most
    four words, no "The Latest" series title: a determiner makes it a label) and whose claim has
    three words or more (not "Clinton: 547." in a table of counts)."""
    found = []
    start = 0
    for line in ctx.text.split("\n"):
        relation = _headline_relation(ctx, start, line)
        if relation is not None:
            found.append(relation)
        start += len(line) + 1
    return found


def _headline_relation(ctx: Context, start: int, line: str) -> Optional[Relation]:
    match = HEADLINE_COLON.fullmatch(line.rstrip())
    if match is None or len(line.split()) > HEADLINE_WORDS:
        return None
    speaker = ctx.doc.char_span(start + match.start(1), start + match.end(1), alignment_mode="expand")
    claim = ctx.doc.char_span(start + match.start(2), start + match.end(2), alignment_mode="expand")
    if speaker is None or claim is None or not 1 <= len(speaker) <= 4 or match.group(1).isupper():
        return None
    if any(t.pos_ not in NAME_TAGS for t in speaker) or not speaker[0].is_title:
        return None
    if speaker[0].lower_ in LINE_LABELS:
        return None  # "Photo: Ukrainian soldiers fire a howitzer": a caption's label, no speaker
    if sum(t.is_alpha for t in claim) < 3:
        return None
    content = trim(ctx.text, start + match.start(2), start + match.end(2))
    source = (start + match.start(1), start + match.end(1))
    return Relation("indirect", content, None, source, None, "reported", verb_kind="learned")


def rule_relations(doc: Doc, article: Article, ctx: Optional[Context] = None) -> list[Relation]:
    """The relations the rules find (quotes, cue verbs, source phrases, headline speakers), in
    order of content."""
    ctx = ctx or context(doc, article)
    relations = find_quotes(doc, article, ctx) + phrase_relations(ctx) + headline_relations(ctx)
    return sorted(relations, key=lambda r: r.content)


def find_relations(doc: Doc, article: Article, ctx: Optional[Context] = None) -> list[Relation]:
    """Every attribution relation in the document, in order of content: the rules' relations
    with the edges the span tagger draws (source_relations.py; the rules alone without it)."""
    ctx = ctx or context(doc, article)
    return tagged_relations(ctx, rule_relations(doc, article, ctx))


# --- certainty ---------------------------------------------------------------------------------


def certainty_markers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, certainty) of each certainty cue ("reportedly", "it is unclear whether")."""
    if not _any_certainty_phrase().search(text):
        return []  # most claims have none: one pass over the text instead of one per phrase
    found = []
    for pattern, certainty in _certainty_patterns():
        for match in pattern.finditer(text):
            found.append((match.start(), match.end(), certainty))
    return sorted(found)


@functools.lru_cache(maxsize=1)
def _certainty_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    """Each certainty phrase as a whole-word pattern, compiled once (it is asked per relation)."""
    return tuple((re.compile(rf"\b{re.escape(phrase)}\b", flags=re.IGNORECASE), certainty)
                 for phrase, certainty in load_cues().certainty.items())


@functools.lru_cache(maxsize=1)
def _any_certainty_phrase() -> re.Pattern:
    """Any of the certainty phrases (it finds a match exactly where one of theirs would)."""
    return re.compile("|".join(pattern.pattern for pattern, _ in _certainty_patterns()),
                      flags=re.IGNORECASE)


def stronger(first: str, second: str) -> str:
    return first if CERTAINTY_RANK.get(first, 1) >= CERTAINTY_RANK.get(second, 1) else second


# --- chain -------------------------------------------------------------------------------------


def publisher(article: Article) -> Optional[str]:
    """The outlet that published the article: ``article.outlet``, else the one its URL names."""
    if article.outlet:
        return article.outlet
    if not article.url:
        return None
    host = (urlparse(article.url).hostname or "").lower().removeprefix("www.")
    outlets = load_cues().outlets
    for domain, name in outlets.items():
        if host == domain or host.endswith("." + domain):
            return name
    labels = [p for p in host.split(".") if p]
    if len(labels) < 2:
        return None
    core = labels[-3] if len(labels) >= 3 and labels[-2] in ("co", "com", "org", "net") else labels[-2]
    return core.capitalize()


def chain_name(actor: Actor) -> str:
    name = clean_name(actor.name or actor.text)
    return name[4:] if name.lower().startswith("the ") else name


# --- records -----------------------------------------------------------------------------------


def _is_outlet_reference(text: str) -> bool:
    words = text.lower().split()
    return len(words) <= 3 and bool(words) and load_cues().roles.get(words[-1]) == "outlet"


def _is_org(ctx: Context, start: int, end: int) -> bool:
    return any(
        m.label == "ORG" and m.start < end and start < m.end for m in ctx.mentions
    )


def to_attribution(ctx: Context, relation: Relation, speakers: dict, state: dict) -> Attribution:
    """One relation as an Attribution; ``state`` carries the outlet cited last."""
    text = ctx.text
    start, end = relation.content
    if relation.kind == "direct":
        start, end = inner(text, start, end)
    claim = make_span(ctx, start, end)
    source, via = None, None
    if relation.source is not None:
        src_text = text[slice(*relation.source)]
        if _is_outlet_reference(src_text) and state.get("outlet") is not None:
            source, via = state["outlet"], src_text.split()[-1].lower()
        else:
            source = speakers.setdefault(relation.source, make_actor(ctx, *relation.source))
            if relation.verb_kind == "report" or _is_org(ctx, *relation.source):
                state["outlet"] = source
    cue = text[slice(*relation.cue)] if relation.cue else None
    if relation.lemma and relation.kind == "according":
        cue = relation.lemma
    certainty = relation.certainty
    for _, _, marked in certainty_markers(text[relation.cue[0] if relation.cue else start : end]):
        certainty = stronger(marked, certainty)
    chain = [publisher(ctx.article)] + ([chain_name(source)] if source else [])
    chain += [relation.channel or via] if (relation.channel or via) else []
    return Attribution(claim, source, cue, tuple(c for c in chain if c), certainty)


def marker_attributions(ctx: Context, covered: list[Attribution]) -> list[Attribution]:
    """Sentences a certainty adverb marks with no source of their own ("X reportedly did Y")."""
    found = []
    text = ctx.text
    for start, end, certainty in certainty_markers(text):
        sent = next(s for s in ctx.doc.sents if s.start_char <= start < s.end_char)
        inside = [a for a in covered if a.claim.start <= start < a.claim.end]
        if inside:
            continue
        claim = make_span(ctx, *trim(text, sent.start_char, sent.end_char))
        found.append(Attribution(claim, None, text[start:end], (publisher(ctx.article),), certainty))
    return [a for a in found if a.chain[0] is not None] + [
        Attribution(a.claim, None, a.cue, (), a.certainty) for a in found if a.chain[0] is None
    ]


def extract_attributions(
    doc: Doc,
    article: Article,
    *,
    quotes: tuple[Quote, ...] = (),
    actors: tuple[Actor, ...] = (),
) -> tuple[Attribution, ...]:
    """Attributed claims in document order: speech, reports, source phrases and adverb-marked
    claims, each with its source Actor (None for "reportedly"), cue, chain and certainty."""
    ctx = context(doc, article, actors)
    speakers = {
        (q.speaker.span.start, q.speaker.span.end): q.speaker
        for q in quotes
        if q.speaker is not None and q.speaker.span is not None
    }
    state: dict = {}
    markers = [(start, end) for start, end, _ in certainty_markers(ctx.text)]
    found = [
        to_attribution(ctx, r, speakers, state)
        for r in find_relations(doc, article, ctx)
        if r.verb_kind != "cognition" and not _marker_cue(r, markers)
    ]
    found += marker_attributions(ctx, found)
    return nest_chains(sorted(found, key=lambda a: (a.claim.start, -a.claim.end)))


def _marker_cue(relation: Relation, markers: list[tuple[int, int]]) -> bool:
    """A relation with no source whose cue is a word of a certainty phrase ("It *is* unclear
    whether ..."): the phrase marks the claim, with its certainty (marker_attributions)."""
    if relation.source is not None or relation.cue is None:
        return False
    return any(start <= relation.cue[0] and relation.cue[1] <= end for start, end in markers)


def nest_chains(attributions: list[Attribution]) -> tuple[Attribution, ...]:
    """A claim inside another's claim is reported through it: "the FT reported that Putin said
    X" gives X the chain publisher → Financial Times → Putin. Outermost first, so each outer
    chain is complete before the claims inside it borrow it."""
    nested: list[Attribution] = []
    for attribution in sorted(attributions, key=lambda a: a.claim.start - a.claim.end):
        outer = _outer(attribution, nested)
        if outer is not None and len(outer.chain) > 1:
            inner = [c for c in attribution.chain[1:] if c not in outer.chain]
            attribution = replace(attribution, chain=(*outer.chain, *inner))
        nested.append(attribution)
    return tuple(sorted(nested, key=lambda a: (a.claim.start, -a.claim.end)))


def _outer(attribution: Attribution, candidates: list[Attribution]) -> Optional[Attribution]:
    """The smallest claim that strictly contains this one's claim."""
    claim = attribution.claim
    around = [
        a for a in candidates
        if a.claim.start <= claim.start and claim.end <= a.claim.end
        and (a.claim.end - a.claim.start) > (claim.end - claim.start)
    ]
    return min(around, key=lambda a: a.claim.end - a.claim.start) if around else None


def attributions_for(span: Span, attributions: tuple[Attribution, ...]) -> tuple[Attribution, ...]:
    """The attributions whose claim overlaps ``span``, innermost (shortest claim) first."""
    hits = [a for a in attributions if a.claim.start < span.end and span.start < a.claim.end]
    return tuple(sorted(hits, key=lambda a: a.claim.end - a.claim.start))
