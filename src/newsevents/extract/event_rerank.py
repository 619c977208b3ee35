"""Weigh rule events by how the sentence classifier reads their sentence; fill sentences it is sure of.

The rules know trigger words; the classifier (``event_classifier``) knows how whole sentences of
each quad class read. Where they disagree and the classifier is confident, it wins: a rule event in
a sentence that reads as a plain statement is dropped, one whose quad the classifier rules out is
re-typed to the classifier's likeliest PLOVER type in the quad it prefers, in a short text only.
In a short text (a snippet, not an article, and no sports report) a sentence the rules left empty
gets an event only when the classifier is sure and a political actor the sentence names does it
(as the subject of its main verb or of a clause that verb reports), or when a word of the
sentence is a lexicon trigger of the quad the classifier reads (``triggered_type``), whoever does
it. Each kept event's confidence blends both readings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping

import numpy as np
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsevents.extract.event_classifier import SentenceModel, sentence_features
from newsevents.records import Actor, Event, replace


@dataclass(frozen=True, slots=True)
class EventOptions:
    """How the events stage uses the sentence classifier (thresholds are probabilities)."""

    classifier: bool = True  # False: the rule coder alone
    drop_statement: float = 0.8  # drop a rule event when the sentence reads as a statement
    retype: float = 0.45  # re-type when another quad is this likely ...
    keep: float = 0.3  # ... and the rule's own quad less likely than this
    drop: float = 0.05  # drop a rule event whose quad is less likely than this, if not re-typed
    # In a short text (no article around it), code a sentence the rules left empty when its best
    # quad is this likely and a political actor does it ...
    add: float = 0.5
    # ... or a named body our dictionaries do not code ("ICE returned ..."), when this likely
    add_unnamed: float = 0.3
    # ... or when its best quad is this likely and the sentence holds a lexicon trigger of that
    # quad whose conditions on who takes part failed ("The group signed a peace accord with the
    # rebels": no dictionary codes "the group")
    add_triggered: float = 0.3  # on 5-fold CV of train: .3 and .4 alike, .5 lower
    weight: float = 0.5  # the classifier's share of an event's confidence
    # Who must do an added event: states, armed groups, courts, parties, international bodies.
    # Businesses, schools, media and "voters" do things a classifier trained on politics misreads.
    political: frozenset[str] = frozenset(
        {"GOV", "MIL", "REB", "COP", "JUD", "LEG", "PTY", "IGO", "OPP", "SPY", "NGO"})


DEFAULT_OPTIONS = EventOptions()
RULES_ONLY = EventOptions(classifier=False)


@dataclass(frozen=True, slots=True)
class Reading:
    """The classifier's view of one sentence."""

    quad: np.ndarray  # probabilities of quad classes 0..4
    types: Mapping[str, float]  # PLOVER type -> probability

    def best_type(self, quad_class: int, quad_of: Mapping[str, int]) -> str:
        """The likeliest PLOVER type within one quad class."""
        inside = {t: p for t, p in self.types.items() if quad_of.get(t) == quad_class}
        return max(sorted(inside), key=inside.__getitem__)


def read_sentences(doc: Doc, events: list[Event], model: SentenceModel, wanted: set[int],
                   quad_of: Mapping[str, int]) -> dict[int, Reading]:
    """Classifier readings of the sentences in ``wanted`` (indices), given the rule events."""
    rule_types: dict[int, list[str]] = {}
    for event in events:
        rule_types.setdefault(event.evidence.sentence, []).append(event.type)
    readings = {}
    for i, sent in enumerate(doc.sents):
        if i in wanted:
            quad, types = model.predict(sentence_features(sent, rule_types.get(i, ()), quad_of))
            readings[i] = Reading(quad, types)
    return readings


def adjust(event: Event, reading: Reading, quad_of: Mapping[str, int], options: EventOptions,
           may_retype: bool = True) -> Event | None:
    """The rule event as the classifier would have it: kept, re-typed (when ``may_retype``), or
    dropped (None)."""
    probs = reading.quad
    best = int(np.argmax(probs))
    kind, mode = event.type, event.mode
    appeal = is_appeal(event)
    if best == 0 and probs[0] >= options.drop_statement and not appeal:
        return None
    own = 0 if appeal else quad_of.get(kind, 0)  # an appeal reads as a statement
    # An act the sentence says did not happen keeps its own type: the classifier reads the
    # sentence's act ("refusing to allow her to visit" is a REJECT), not this one's.
    retyped = may_retype and event.certainty != "denied"
    if retyped and best != own and best != 0 and probs[best] >= options.retype and probs[own] < options.keep:
        kind, mode = reading.best_type(best, quad_of), None
    elif probs[own] < options.drop:
        return None  # the sentence reads unlike any event of this kind, and no other is sure
    support = probs[own] if kind == event.type else probs[quad_of[kind]]
    confidence = (1 - options.weight) * event.confidence + options.weight * float(support)
    return replace(event, type=kind, mode=mode, confidence=round(confidence, 2))


# Verbs of appeal ("urged Iran to stop", "called on Russia to withdraw"): PLOVER's REQUEST, which
# the classifier's training labels (ConfliBERT cameo_class, where 15 of 17 sentences with "urge"
# are class 0) read as statements. The request stands all the same.
_APPEAL = re.compile(r"(?:urg|appeal|call|ask|plead|implor|beg)", re.IGNORECASE)


def is_appeal(event: Event) -> bool:
    """A REQUEST made by a verb of appeal, not a demand, to a party we can code ("urged Iran",
    not "appealed for public help" or "urged music fans")."""
    if event.type != "REQUEST" or event.trigger is None or not _APPEAL.match(event.trigger.text):
        return False
    return any(r.country or r.sector for r in event.recipient)


def added_type(reading: Reading, quad_of: Mapping[str, int], options: EventOptions,
               threshold: float | None = None) -> str | None:
    """The type of an event for a sentence the rules left empty, when the classifier is sure
    (its best quad at least ``threshold``, by default ``options.add``)."""
    best = int(np.argmax(reading.quad))
    if best == 0 or reading.quad[best] < (options.add if threshold is None else threshold):
        return None
    return reading.best_type(best, quad_of)


def triggered_type(reading: Reading, triggers: Iterable[tuple[Token, Iterable[str]]],
                   quad_of: Mapping[str, int], threshold: float) -> tuple[Token, str] | None:
    """The word and type of an event for a sentence the rules left empty, when the classifier's
    best quad is at least ``threshold`` likely and a word of the sentence is a lexicon trigger of
    a type in that quad (``triggers``: each word with the types it may trigger). Of several, the
    type the classifier likes best, then the first word."""
    best = int(np.argmax(reading.quad))
    if best == 0 or reading.quad[best] < threshold:
        return None
    found = [(token, kind) for token, kinds in triggers for kind in kinds if quad_of.get(kind) == best]
    if not found:
        return None
    return max(found, key=lambda pair: (reading.types.get(pair[1], 0.0), -pair[0].i))


def anchor(sent: SpacySpan) -> Token | None:
    """The word an added event hangs on: the sentence's main verb, else its first verb."""
    return next(anchors(sent), None)


def anchors(sent: SpacySpan):
    """Words an added event may hang on, best first: the main verb, then the clauses it reports
    ("Hezbollah guerrillas killed the chief, sources said": the event is in the said clause),
    else the first verb."""
    root = sent.root
    if root.pos_ != "VERB":
        first = next((t for t in sent if t.pos_ == "VERB"), None)
        if first is not None:
            yield first
        return
    if not (root.lemma_.lower() in _SPEECH_VERBS and _quoted_before(sent, root)):
        yield root  # the speaker after a direct quote ("'Go talk to Rudy,' recalled X") did no act
    yield from (c for c in root.children if c.dep_ == "ccomp" and c.pos_ == "VERB")


_SPEECH_VERBS = {"say", "tell", "recall", "add", "write", "explain", "continue", "note", "recount"}
_QUOTE_MARKS = {'"', "“", "”", "'", "‘", "’", "``", "''"}


def _quoted_before(sent: SpacySpan, verb: Token) -> bool:
    return any(t.text in _QUOTE_MARKS for t in sent if t.i < verb.i)


# Doers that name no one: their antecedent may be a firm or a singer
DOER_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i", "you"})
# Courts and lawyers also hear commercial, civil and celebrity cases ("the judge upheld Lee's
# demand"): from the classifier alone, only a court placed in a state codes a political event.
_PLACED_ONLY = {"JUD"}


def named_political_doer(actor: Actor, options: EventOptions) -> bool:
    """A political doer the sentence itself names (a pronoun's antecedent may be a firm or a
    singer: "It said TV companies faced ...", "he gave more to me")."""
    if actor.sector not in options.political or actor.text.lower() in DOER_PRONOUNS:
        return False
    return actor.sector not in _PLACED_ONLY or actor.country is not None
