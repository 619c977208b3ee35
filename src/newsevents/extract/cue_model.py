"""Which candidate words are cues here: a logistic model over a word's syntax, trained on PolNeAR
train (``python -m newsevents.extract.cue_training``; weights in resources/cues/cue_model.tsv).

A word list alone cannot tell "Trump *called* for a wall" (a cue) from "Trump *called* his
lawyer" (none), or "the polls *show* that ..." from "the TV *show*": the context decides. The
candidates are the words of the hand-written verb list and the cue heads learned.tsv counts; the
model scores each from its lemma, part of speech, dependency label, children's labels, subject
kind and neighbours, a copula's predicate ("are *furious at*") and a light verb's object or
complement ("have *no idea*", "continued *to refute*"). Without the weights file every candidate
of the lists counts (the old rule).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Optional

from spacy.tokens import Doc, Token

from newsevents.extract.linear import logistic, read_weights
from newsevents.extract.parse_cache import TokenStrings, token_strings
from newsevents.resources.cues import load_cues

WEIGHTS = Path(__file__).resolve().parent.parent / "resources" / "cues" / "cue_model.tsv"
ONE_LINE = str.maketrans("\t\n\r", "   ")  # the weights file holds one feature a line
MIN_LEARNED = 2  # a learned head must have been a gold cue this often in train to be a candidate
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
PREDICATE_DEPS = ("acomp", "attr")  # a copula's predicate: "is *furious*", "is *a supporter*"
# How a content may hang from its cue (learned.tsv counts them per cue lemma; cue_verbs.py).
CONTENT_LINKS = frozenset(
    {"ccomp", "xcomp", "dobj", "advcl", "acl", "attr", "oprd", "dative", "pcomp", "prep>pobj",
     "prep>pcomp", "conj", "npadvmod", "parataxis", "dep"}
)


def is_candidate(token: Token) -> bool:
    return _is_candidate_word(token.lemma_.lower(), token.pos_)


def _is_candidate_word(lemma: str, pos: str) -> bool:
    """Whether a word of this lemma (lower case) and part of speech is a candidate cue."""
    cues = load_cues()
    if pos == "VERB" and lemma in cues.verbs:
        return True
    learned = cues.learned.get((lemma, pos))
    return learned is not None and learned.as_cue >= MIN_LEARNED


def features(token: Token, kids: Optional[list[Token]] = None) -> list[str]:
    """The sparse features of one candidate (strings; the model weighs each present one);
    ``kids``, its children in order, when the caller has them (spaCy walks the whole subtree
    to list them: for a sentence's root verb, the sentence)."""
    kids = list(token.children) if kids is None else kids
    return _features(token.doc, token.i, [c.i for c in kids])


def _features(doc: Doc, i: int, kids: list[int]) -> list[str]:
    """``features`` of token ``i`` with children ``kids`` (indices, in order), read from the
    parse's string table rather than from Token objects."""
    w = token_strings(doc)
    lemma, pos, dep = w.lemma[i], w.pos[i], w.dep[i]
    children = sorted({w.dep[c] for c in kids})
    found = [f"l={lemma}", f"p={pos}", f"t={w.tag[i]}", f"d={dep}", f"lp={lemma}|{pos}",
             f"ld={lemma}|{dep}", f"hd={w.lemma[w.head[i]]}|{dep}"]
    found += [f"c={c}" for c in children] + [f"lc={lemma}|{c}" for c in children]
    # "called *for*", "spoke *of*"; "said *that*": the words that introduce a content
    found += [f"lpr={lemma}|{w.lower[c]}" for c in kids if w.dep[c] in ("prep", "prt", "dative")]
    found += [
        f"mark={g.lower_}"
        for c in kids if w.dep[c] == "ccomp"
        for g in doc[c].children if g.dep_ == "mark"
    ]
    found += _predicate_features(doc, w, kids)
    found += _complement_features(w, lemma, kids)
    subjects = [c for c in kids if w.dep[c] in SUBJECT_DEPS]
    kind = _subject_kind(w, subjects[0]) if subjects else "none"
    found += [f"s={kind}", f"ls={lemma}|{kind}"]
    before = _word(w, i - 1) if i > 0 else "<s>"
    after = _word(w, i + 1) if i + 1 < len(w.lower) else "</s>"
    found += [f"b1={before}", f"n1={after}", f"ln1={lemma}|{after}", f"lb1={lemma}|{before}"]
    # (a printable string holds no tab or line break: translating it would give it back)
    return [f if f.isprintable() else f.translate(ONE_LINE) for f in found]


def _predicate_features(doc: Doc, w: TokenStrings, kids: list[int]) -> list[str]:
    """What a copula's predicate says: "are *furious at*", "is *a supporter of*", "is *confident*
    that". A stance PolNeAR marks as a cue lies in the predicate's word and in what it takes
    (a preposition, a clause), which the copula's own features do not show."""
    found = []
    for c in kids:
        if w.dep[c] not in PREDICATE_DEPS:
            continue
        found += [f"pr={w.lemma[c]}", f"prp={w.pos[c]}"]
        for g in doc[c].children:
            if g.dep_ in ("prep", "ccomp", "xcomp"):
                found += [f"prc={g.dep_}", f"prl={w.lemma[c]}|{g.dep_}"]
                if g.dep_ == "prep":
                    found += [f"prpr={g.lower_}", f"prlpr={w.lemma[c]}|{g.lower_}"]
    return found


def _complement_features(w: TokenStrings, lemma: str, kids: list[int]) -> list[str]:
    """The words a light or aspectual verb lends its sense to: "have *no idea*", "took *offense*",
    "continued *to refute*", "tended *to support*": the cue lies in the object or the verb that
    follows, not in the candidate's own lemma."""
    found = []
    for c in kids:
        if w.dep[c] == "dobj":
            found += [f"ob={w.lemma[c]}", f"lob={lemma}|{w.lemma[c]}"]
        elif w.dep[c] == "xcomp":
            found += [f"xc={w.lemma[c]}"]
    return found


def _word(w: TokenStrings, i: int) -> str:
    return "<sp>" if w.is_space[i] else w.lower[i]


def _subject_kind(w: TokenStrings, subject: int) -> str:
    if w.ent_type[subject]:
        return w.ent_type[subject]
    if w.pos[subject] == "PRON":
        return f"pron:{w.lower[subject]}"
    return w.pos[subject]


@functools.lru_cache(maxsize=1)
def load_model() -> Optional[tuple[dict[str, float], float, float]]:
    """(weights, bias, threshold), or None when the weights file is absent."""
    if not WEIGHTS.exists():
        return None
    weights = read_weights(WEIGHTS)
    return weights, weights.pop("__bias__", 0.0), weights.pop("__threshold__", 0.5)


@functools.lru_cache(maxsize=4)
def cue_probabilities(doc: Doc) -> dict[int, float]:
    """Each candidate's probability of being a cue head, by token index (cached: the rules and
    the span tagger ask many times)."""
    w = token_strings(doc)
    kids: dict[int, list[int]] = {}
    for i, head in enumerate(w.head):
        if head != i:
            kids.setdefault(head, []).append(i)
    model = load_model()
    found = {}
    for i, (lemma, pos) in enumerate(zip(w.lemma, w.pos)):
        if _is_candidate_word(lemma, pos):
            found[i] = 1.0 if model is None else logistic(
                _features(doc, i, kids.get(i, [])), model[0], model[1])
    return found


@functools.lru_cache(maxsize=4)
def cue_indices(doc: Doc) -> frozenset[int]:
    """Indices of the tokens the model takes for cue heads."""
    model = load_model()
    threshold = model[2] if model else 0.0
    return frozenset(i for i, p in cue_probabilities(doc).items() if p >= threshold)
