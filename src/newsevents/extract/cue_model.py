"""Which candidate words are cues here: a logistic model over a word's syntax, trained on PolNeAR
train (``python -m newsevents.extract.cue_training``; weights in resources/cues/cue_model.tsv).

A word list alone cannot tell "Trump *called* for a wall" (a cue) from "Trump *called* his
lawyer" (none), or "the polls *show* that ..." from "the TV *show*": the context decides. The
candidates are the words of the hand-written verb list and the cue heads learned.tsv counts; the
model scores each from its lemma, part of speech, dependency label, children's labels, subject
kind and neighbours. Without the weights file every candidate of the lists counts (the old rule).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Optional

from spacy.tokens import Doc, Token

from newsevents.extract.linear import logistic, read_weights
from newsevents.resources.cues import load_cues

WEIGHTS = Path(__file__).resolve().parent.parent / "resources" / "cues" / "cue_model.tsv"
ONE_LINE = str.maketrans("\t\n\r", "   ")  # the weights file holds one feature a line
MIN_LEARNED = 2  # a learned head must have been a gold cue this often in train to be a candidate
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# How a content may hang from its cue (learned.tsv counts them per cue lemma; cue_verbs.py).
CONTENT_LINKS = frozenset(
    {"ccomp", "xcomp", "dobj", "advcl", "acl", "attr", "oprd", "dative", "pcomp", "prep>pobj",
     "prep>pcomp", "conj", "npadvmod", "parataxis", "dep"}
)


def is_candidate(token: Token) -> bool:
    cues = load_cues()
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in cues.verbs:
        return True
    learned = cues.learned.get((lemma, token.pos_))
    return learned is not None and learned.as_cue >= MIN_LEARNED


def features(token: Token, kids: Optional[list[Token]] = None) -> list[str]:
    """The sparse features of one candidate (strings; the model weighs each present one);
    ``kids``, its children in order, when the caller has them (spaCy walks the whole subtree
    to list them: for a sentence's root verb, the sentence)."""
    lemma, pos, dep = token.lemma_.lower(), token.pos_, token.dep_
    kids = list(token.children) if kids is None else kids
    children = sorted({c.dep_ for c in kids})
    found = [f"l={lemma}", f"p={pos}", f"t={token.tag_}", f"d={dep}", f"lp={lemma}|{pos}",
             f"ld={lemma}|{dep}", f"hd={token.head.lemma_.lower()}|{dep}"]
    found += [f"c={c}" for c in children] + [f"lc={lemma}|{c}" for c in children]
    # "called *for*", "spoke *of*"; "said *that*": the words that introduce a content
    found += [f"lpr={lemma}|{c.lower_}" for c in kids if c.dep_ in ("prep", "prt", "dative")]
    found += [
        f"mark={g.lower_}"
        for c in kids if c.dep_ == "ccomp"
        for g in c.children if g.dep_ == "mark"
    ]
    subjects = [c for c in kids if c.dep_ in SUBJECT_DEPS]
    kind = _subject_kind(subjects[0]) if subjects else "none"
    found += [f"s={kind}", f"ls={lemma}|{kind}"]
    doc = token.doc
    before = _word(doc[token.i - 1]) if token.i > 0 else "<s>"
    after = _word(doc[token.i + 1]) if token.i + 1 < len(doc) else "</s>"
    found += [f"b1={before}", f"n1={after}", f"ln1={lemma}|{after}", f"lb1={lemma}|{before}"]
    return [f.translate(ONE_LINE) for f in found]


def _word(token: Token) -> str:
    return "<sp>" if token.is_space else token.lower_


def _subject_kind(subject: Token) -> str:
    if subject.ent_type_:
        return subject.ent_type_
    if subject.pos_ == "PRON":
        return f"pron:{subject.lower_}"
    return subject.pos_


@functools.lru_cache(maxsize=1)
def load_model() -> Optional[tuple[dict[str, float], float, float]]:
    """(weights, bias, threshold), or None when the weights file is absent."""
    if not WEIGHTS.exists():
        return None
    weights = read_weights(WEIGHTS)
    return weights, weights.pop("__bias__", 0.0), weights.pop("__threshold__", 0.5)


def probability(token: Token, kids: Optional[list[Token]] = None) -> float:
    model = load_model()
    if model is None:
        return 1.0
    weights, bias, _ = model
    return logistic(features(token, kids), weights, bias)


@functools.lru_cache(maxsize=4)
def cue_probabilities(doc: Doc) -> dict[int, float]:
    """Each candidate's probability of being a cue head, by token index (cached: the rules and
    the span tagger ask many times)."""
    tokens = list(doc)
    kids: dict[int, list[Token]] = {}
    for token in tokens:
        if token.head.i != token.i:
            kids.setdefault(token.head.i, []).append(token)
    return {t.i: probability(t, kids.get(t.i, [])) for t in tokens if is_candidate(t)}


@functools.lru_cache(maxsize=4)
def cue_indices(doc: Doc) -> frozenset[int]:
    """Indices of the tokens the model takes for cue heads."""
    model = load_model()
    threshold = model[2] if model else 0.0
    return frozenset(i for i, p in cue_probabilities(doc).items() if p >= threshold)
