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
from newsevents.extract.parse_cache import TokenStrings, noun_chunks, token_strings
from newsevents.ontology import event_lexicon
from newsevents.records import Actor

MODEL_PATH = Path(__file__).resolve().parents[1] / "resources" / "models" / "event_roles.crfsuite"
ROLES = ("S", "T")
_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "agent"}
_OBJECTS = {"dobj", "obj", "dative", "pobj", "attr", "oprd"}


def role_model():
    """The trained tagger, loaded once; None (and a log line) when the model file is missing."""
    return crf_tagger(MODEL_PATH, "event roles come from the parse alone")


def _trigger_type(lemma: str, pos: str) -> str | None:
    """The event type a word of this lemma (lower case) and part of speech triggers, if any."""
    if pos not in {"VERB", "NOUN"}:
        return None
    found = event_lexicon().triggers.get((lemma, pos), ())
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


def _argument_of(w: TokenStrings, i: int, trigger: int) -> str:
    """'subj' / 'obj' / 'prep:WORD' when token ``i`` lies inside an argument of the trigger
    (walked up through the parse's head indices: no Token object per step)."""
    node = i
    for _ in range(12):
        head = w.head[node]
        if head == trigger and node != trigger:
            dep = w.dep[node]
            if dep in _SUBJECTS:
                return "subj"
            if dep in _OBJECTS:
                return "obj"
            if dep == "prep":
                return f"prep:{w.lower[node]}"
            return f"other:{dep}"
        if head == node:
            break
        node = head
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
    idx = token_strings(sent.doc).idx
    marks: dict[int, str] = {}
    for actor in actors:
        if actor.span is None or actor.span.end <= lo or actor.span.start >= hi:
            continue
        # the parse's character offsets, not a Token per word of the sentence per actor
        inside = [i for i in range(sent.start, sent.end) if actor.span.start <= idx[i] < actor.span.end]
        for n, i in enumerate(inside):
            marks.setdefault(i, ("B-" if n == 0 else "I-") + (actor.sector or "NONE"))
    return marks


def chunk_positions(doc: Doc) -> dict[int, str]:
    """Token index -> position in its noun chunk (B, I, +root), for the whole document at once
    (a span's noun_chunks walks the whole document again each time)."""
    positions: dict[int, str] = {}
    try:
        chunks = noun_chunks(doc)
    except ValueError:  # no parse: no chunks
        chunks = []
    for chunk in chunks:
        root = chunk.root.i  # found once per chunk (spaCy walks the chunk's heads for it)
        for i in range(chunk.start, chunk.end):
            positions[i] = ("B" if i == chunk.start else "I") + ("root" if i == root else "")
    return positions


def sentence_features(sent: SpacySpan, actors: tuple[Actor, ...] = (),
                      chunks: dict[int, str] | None = None) -> list[list[str]]:
    """One list of feature strings per token of the sentence (``chunks``: ``chunk_positions`` of
    its document, computed once per document by the caller, else here)."""
    w = token_strings(sent.doc)
    positions = range(sent.start, sent.end)
    triggers = {i: kind for i in positions if (kind := _trigger_type(w.lemma[i], w.pos[i]))}
    main = _main_trigger(sent, triggers)
    sectors = _actor_sectors(sent, actors)
    chunks = chunk_positions(sent.doc) if chunks is None else chunks
    kind = triggers.get(main.i, "none")
    at_main = main.i
    main_lemma = w.lemma[at_main]
    words = []
    for i in positions:
        head = w.head[i]
        lower, dep, ent_type = w.lower[i], w.dep[i], w.ent_type[i]
        side = "at" if i == at_main else ("left" if i < at_main else "right")
        argument = _argument_of(w, i, at_main)
        words.append([
            "bias",
            f"lower={lower}",
            f"lemma={w.lemma[i]}",
            f"suffix={lower[-3:]}",
            f"shape={_shape(w.text[i])}",
            f"pos={w.pos[i]}",
            f"tag={w.tag[i]}",
            f"dep={dep}",
            f"head_lemma={w.lemma[head]}",
            f"head_dep={w.dep[head]}",
            f"dep_head={dep}>{w.dep[head]}",
            f"ent={w.ent_iob[i]}-{ent_type}",
            f"trigger={triggers.get(i, 'no')}",
            f"side={side}",
            f"arg={argument}",
            f"side_arg={side}|{argument}",
            f"type_arg={kind}|{argument}",  # who is the source depends on the kind of event
            f"ent_arg={ent_type}|{argument}",
            f"head_head_lemma={w.lemma[w.head[head]]}",
            f"chunk={chunks.get(i, 'O')}",
            f"actor={sectors.get(i, 'O')}",
            f"main_lemma={main_lemma}|{side}",
        ])
    for n, feats in enumerate(words):  # a window of one word on each side, two for words
        for offset, name in ((-1, "prev"), (1, "next")):
            m = n + offset
            if 0 <= m < len(words):
                j = positions[m]
                feats += [f"{name}_lower={w.lower[j]}", f"{name}_pos={w.pos[j]}",
                          f"{name}_chunk={chunks.get(j, 'O')}",
                          f"{name}_actor={sectors.get(j, 'O')}"]
            else:
                feats.append(f"{name}=edge")
        for offset, name in ((-2, "prev2"), (2, "next2")):
            if 0 <= n + offset < len(words):
                feats.append(f"{name}_lower={w.lower[positions[n + offset]]}")
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
