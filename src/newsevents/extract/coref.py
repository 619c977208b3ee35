"""A small resolver for speakers and sources: "he", "the leader", "the Russian president", "the
ministry" -> the named person or organisation mentioned earlier in the article.

No coreference model runs offline here (coreferee and fastcoref download at run time), and
attribution needs only one narrow case: a pronoun or a role noun in subject position that refers
back to a named speaker. The rule: the nearest earlier named mention of the right kind, preferring
one whose title or text contains the role word ("the president" -> "President Vladimir Putin").
Also here: turning a stretch of text into an ``Actor`` (through the actors stage when it exists).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc

from newsevents.extract.parse_cache import doc_text, entities, per_parse, sentence_chars
from newsevents.records import Actor, Article, Span
from newsevents.resources.cues import load_cues

PERSON_LABELS = frozenset({"PERSON"})
ORG_LABELS = frozenset({"ORG", "NORP", "GPE"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


@dataclass(frozen=True, slots=True)
class Mention:
    """A named mention: an entity with the few words before it (where titles stand)."""

    start: int
    end: int
    text: str
    label: str
    title: str  # lower-cased words just before the name: "russian president"


@per_parse("newsevents.coref_mentions")  # quotes and attributions both ask
def mentions(doc: Doc) -> tuple[Mention, ...]:
    """Named people and organisations in document order, with their preceding title words."""
    found = []
    for ent in entities(doc):
        if ent.label_ not in PERSON_LABELS | ORG_LABELS:
            continue
        before = doc[max(ent.sent.start, ent.start - 4) : ent.start]
        title = " ".join(t.lower_ for t in before if t.is_alpha)
        found.append(Mention(ent.start_char, ent.end_char, ent.text, ent.label_, title))
    return tuple(found)


def role_kind(words: list[str]) -> Optional[str]:
    """person / org / outlet when the phrase is a pronoun or a role noun ("the Russian president")."""
    if not words:
        return None
    roles = load_cues().roles
    head = words[-1].lower()
    if len(words) == 1 and head in roles and head in {"he", "she", "him", "her", "they", "it"}:
        return roles[head]
    if words[0].lower() not in DETERMINERS and words[0].lower() not in {"his", "her", "its", "their"}:
        return None
    return roles.get(head)


def resolve(words: list[str], before: int, found: tuple[Mention, ...]) -> Optional[Mention]:
    """The named mention a pronoun or role phrase ending before char ``before`` refers to."""
    kind = role_kind(words)
    if kind not in ("person", "org"):
        return None
    labels = PERSON_LABELS if kind == "person" else ORG_LABELS
    if words[-1].lower() == "they":
        labels = ORG_LABELS | PERSON_LABELS
    earlier = [m for m in found if m.end <= before and m.label in labels]
    if not earlier:
        return None
    role = words[-1].lower()
    titled = [m for m in earlier if role in m.title.split() or role in m.text.lower().split()]
    return (titled or earlier)[-1]


def full_name(text: str, found: tuple[Mention, ...]) -> str:
    """The longest earlier form of a person's name: "Putin" -> "Vladimir Putin"."""
    last = text.split()[-1] if text.split() else text
    longer = [m.text for m in found if m.label == "PERSON" and m.text.split()[-1:] == [last]]
    return max(longer, key=len) if longer else text


def clean_name(text: str) -> str:
    """A source's name without a leading article or a possessive ending."""
    words = text.split()
    if words and words[0].lower() in {"a", "an"}:
        words = words[1:]
    name = " ".join(words)
    for ending in ("’s", "'s", "’", "'"):
        if name.endswith(ending):
            return name[: -len(ending)]
    return name


@dataclass(frozen=True, slots=True)
class Context:
    """What the quote and attribution rules need about one document, computed once per call."""

    doc: Doc
    article: Article
    actors: tuple[Actor, ...]
    sentence_starts: tuple[int, ...]
    mentions: tuple[Mention, ...]
    text: str  # doc.text
    quoted: tuple[tuple[int, int], ...]  # (start, end) of each quote, marks included


def context(doc: Doc, article: Article, actors: tuple[Actor, ...] = ()) -> Context:
    from newsevents.extract.quote_marks import quote_marks  # quote_marks imports nothing of ours

    starts = sentence_chars(doc)
    text = doc_text(doc)
    return Context(doc, article, tuple(actors), starts, mentions(doc), text, quote_marks(text))


def sentence_index(ctx: Context, char: int) -> int:
    """Index in ``list(doc.sents)`` of the sentence holding character ``char``."""
    return max(0, bisect.bisect_right(ctx.sentence_starts, char) - 1)


def make_span(ctx: Context, start: int, end: int) -> Span:
    return Span(start, end, ctx.text[start:end], sentence_index(ctx, start))


def make_actor(ctx: Context, start: int, end: int) -> Actor:
    """The Actor for body[start:end]: one the actors stage found there, or a fresh one.

    A pronoun or role noun ("he", "the Russian president") becomes the earlier named mention
    it refers to, keeping the span of the named mention.
    """
    words = ctx.text[start:end].split()
    antecedent = resolve(words, start, ctx.mentions)
    if antecedent is not None:
        start, end = antecedent.start, antecedent.end
    for actor in ctx.actors:
        if actor.span is not None and actor.span.start < end and start < actor.span.end:
            return actor
    span = make_span(ctx, start, end)
    built = _actor_from_span()
    if built is not None:
        spacy_span = ctx.doc.char_span(start, end, alignment_mode="expand")
        try:
            if spacy_span is not None:
                return built(spacy_span, ctx.article)
        except (LookupError, TypeError, ValueError, OSError, AttributeError):
            # The actors stage failing on one span must not lose the quote: keep a plain Actor.
            pass
    name = clean_name(span.text)
    if antecedent is not None and antecedent.label == "PERSON" or _is_person(ctx, start, end):
        name = full_name(name, ctx.mentions)
    return Actor(text=span.text, name=name, span=span)


def _is_person(ctx: Context, start: int, end: int) -> bool:
    return any(m.label == "PERSON" and m.start < end and start < m.end for m in ctx.mentions)


def _actor_from_span():
    """The actors stage's ``actor_from_span(spacy_span, article) -> Actor`` when that module
    provides it (imported lazily, so this stage works before and without it)."""
    try:
        from newsevents.extract.actors import actor_from_span
    except ImportError:
        return None
    return actor_from_span
