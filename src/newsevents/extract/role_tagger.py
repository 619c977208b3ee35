"""Who did it and to whom, as spans: a CRF tagger of source (S) and target (T) phrases per sentence.

Event roles from the parse alone come from coded actors only, so a source the actor dictionaries
cannot code ("a car bomb", "a group of prominent Liberians") is never proposed. This tagger reads
each sentence of an event the way the ConfliBERT CAMEO annotators did (BIO tags: B-S, I-S for
the source, B-T, I-T for the target or recipient) and proposes whole phrases; ``role_assign`` then
prefers them to the parse's arguments and still codes country and sector from the actor
dictionaries.

Features come from our spaCy parse only: word shape and lemma, part of speech, dependency and
head, entity type, whether the word is a trigger in the event lexicon, on which side of the
sentence's trigger it stands and in which of the trigger's arguments it sits (with the trigger's
type), its position in a noun chunk, the sector of an actor mention covering it, and the words
around it. The model
(``resources/models/event_roles.crfsuite``) is trained by ``python -m
newsevents.extract.role_training``; without it ``tag_sentence`` proposes nothing and the rule roles
stand alone.
"""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsevents.extract.crf import bio_spans, crf_tagger
from newsevents.ontology import event_lexicon
from newsevents.records import Actor

MODEL_PATH = Path(__file__).resolve().parents[1] / "resources" / "models" / "event_roles.crfsuite"
ROLES = ("S", "T")
_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "agent"}
_OBJECTS = {"dobj", "obj", "dative", "pobj", "attr", "oprd"}


def role_model():
    """The trained tagger, loaded once; None (and a log line) when the model file is missing."""
    return crf_tagger(MODEL_PATH, "event roles come from the parse alone")


def _trigger_type(token: Token) -> str | None:
    if token.pos_ not in {"VERB", "NOUN"}:
        return None
    found = event_lexicon().triggers.get((token.lemma_.lower(), token.pos_), ())
    return found[0].type if found else None


def _main_trigger(sent: SpacySpan, triggers: dict[int, str]) -> Token:
    """The verb the sentence reports: the lexicon trigger nearest the root, else the root."""
    def depth(token: Token) -> int:
        steps = 0
        while token.head.i != token.i and steps < 20:
            token, steps = token.head, steps + 1
        return steps

    verbs = [sent.doc[i] for i in triggers if sent.doc[i].pos_ == "VERB"]
    if verbs:
        return min(verbs, key=lambda t: (depth(t), t.i))
    return sent.root


def _argument_of(token: Token, trigger: Token) -> str:
    """'subj' / 'obj' / 'prep:WORD' when the token lies inside an argument of the trigger."""
    node = token
    for _ in range(12):
        if node.head.i == trigger.i and node.i != trigger.i:
            if node.dep_ in _SUBJECTS:
                return "subj"
            if node.dep_ in _OBJECTS:
                return "obj"
            if node.dep_ == "prep":
                return f"prep:{node.lower_}"
            return f"other:{node.dep_}"
        if node.head.i == node.i:
            break
        node = node.head
    return "none"


def _shape(text: str) -> str:
    if text.isupper() and len(text) > 1:
        return "UPPER"
    if text[:1].isupper():
        return "Title"
    if text.isdigit():
        return "digit"
    if text.isalpha():
        return "lower"
    return "other"


def _actor_sectors(sent: SpacySpan, actors: tuple[Actor, ...]) -> dict[int, str]:
    """Token index -> 'B-SECTOR' / 'I-SECTOR' for tokens inside actor mentions of the sentence."""
    lo, hi = sent.start_char, sent.end_char
    marks: dict[int, str] = {}
    for actor in actors:
        if actor.span is None or actor.span.end <= lo or actor.span.start >= hi:
            continue
        inside = [t for t in sent if actor.span.start <= t.idx < actor.span.end]
        for n, token in enumerate(inside):
            marks.setdefault(token.i, ("B-" if n == 0 else "I-") + (actor.sector or "NONE"))
    return marks


def chunk_positions(doc: Doc) -> dict[int, str]:
    """Token index -> position in its noun chunk (B, I, +root), for the whole document at once
    (a span's noun_chunks walks the whole document again each time)."""
    positions: dict[int, str] = {}
    try:
        chunks = list(doc.noun_chunks)
    except ValueError:  # no parse: no chunks
        chunks = []
    for chunk in chunks:
        for token in chunk:
            where = "B" if token.i == chunk.start else "I"
            positions[token.i] = where + ("root" if token.i == chunk.root.i else "")
    return positions


def sentence_features(sent: SpacySpan, actors: tuple[Actor, ...] = (),
                      chunks: dict[int, str] | None = None) -> list[list[str]]:
    """One list of feature strings per token of the sentence (``chunks``: ``chunk_positions`` of
    its document, computed once per document by the caller, else here)."""
    triggers = {t.i: kind for t in sent if (kind := _trigger_type(t))}
    main = _main_trigger(sent, triggers)
    sectors = _actor_sectors(sent, actors)
    chunks = chunk_positions(sent.doc) if chunks is None else chunks
    kind = triggers.get(main.i, "none")
    words = []
    for token in sent:
        head = token.head
        side = "at" if token.i == main.i else ("left" if token.i < main.i else "right")
        argument = _argument_of(token, main)
        words.append([
            "bias",
            f"lower={token.lower_}",
            f"lemma={token.lemma_.lower()}",
            f"suffix={token.lower_[-3:]}",
            f"shape={_shape(token.text)}",
            f"pos={token.pos_}",
            f"tag={token.tag_}",
            f"dep={token.dep_}",
            f"head_lemma={head.lemma_.lower()}",
            f"head_dep={head.dep_}",
            f"dep_head={token.dep_}>{head.dep_}",
            f"ent={token.ent_iob_}-{token.ent_type_}",
            f"trigger={triggers.get(token.i, 'no')}",
            f"side={side}",
            f"arg={argument}",
            f"side_arg={side}|{argument}",
            f"type_arg={kind}|{argument}",  # who is the source depends on the kind of event
            f"ent_arg={token.ent_type_}|{argument}",
            f"head_head_lemma={head.head.lemma_.lower()}",
            f"chunk={chunks.get(token.i, 'O')}",
            f"actor={sectors.get(token.i, 'O')}",
            f"main_lemma={main.lemma_.lower()}|{side}",
        ])
    for i, feats in enumerate(words):  # a window of one word on each side, two for words
        for offset, name in ((-1, "prev"), (1, "next")):
            j = i + offset
            if 0 <= j < len(words):
                token = sent[j]
                feats += [f"{name}_lower={token.lower_}", f"{name}_pos={token.pos_}",
                          f"{name}_chunk={chunks.get(token.i, 'O')}",
                          f"{name}_actor={sectors.get(token.i, 'O')}"]
            else:
                feats.append(f"{name}=edge")
        for offset, name in ((-2, "prev2"), (2, "next2")):
            if 0 <= i + offset < len(words):
                feats.append(f"{name}_lower={sent[i + offset].lower_}")
    return words


def spans_from_tags(sent: SpacySpan, tags: list[str]) -> list[tuple[int, int, str]]:
    """(start token, end token, role) of each tagged phrase; a stray I- starts a phrase."""
    return [(sent[first].i, sent[last].i + 1, role) for role, first, last in bio_spans(tags)]


def tag_sentence(sent: SpacySpan, actors: tuple[Actor, ...] = (),
                 chunks: dict[int, str] | None = None) -> list[tuple[int, int, str]]:
    """The source and target phrases the tagger proposes for a sentence (token offsets)."""
    model = role_model()
    if model is None or len(sent) == 0:
        return []
    return spans_from_tags(sent, model.tag(sentence_features(sent, actors, chunks)))
