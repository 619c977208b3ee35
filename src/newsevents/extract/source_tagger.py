"""A sequence tagger for attribution spans: each word is Source, Cue, Content or none (BIO), as
PolNeAR annotates them (every word has at most one label, so one tag sequence holds them all).

The rules (quotes.py, cue_verbs.py, attribution.py) find most relations but often miss a span's
exact edges, and the edges are what the exact-match scores count. The tagger is a linear-chain
CRF (python-crfsuite) trained on PolNeAR train (``python -m newsevents.extract.
source_tagger_training``; model in resources/cues/source_tagger.crfsuite). It reads the words and
our parse, and also what the rules proposed (each word's rule label), so it learns where the
rules' edges are right and where PolNeAR draws them elsewhere. One sequence is one paragraph: no
PolNeAR span crosses a line break. source_relations.py turns the tagged spans back into relations.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from spacy.attrs import SENT_START
from spacy.tokens import Doc, Token

from newsevents.extract.crf import bio_spans, crf_tagger
from newsevents.extract.cue_model import cue_indices, cue_probabilities
from newsevents.extract.cue_verbs import Relation
from newsevents.extract.parse_cache import TokenStrings, token_strings

MODEL = Path(__file__).resolve().parent.parent / "resources" / "cues" / "source_tagger.crfsuite"
KINDS = ("source", "cue", "content")
TRIM = " \t\n\r\xa0.,;:"
ANCESTOR_STEPS = 8  # how far up the parse a word looks for the cue it belongs to
WINDOW = (-2, -1, 1, 2)
LOOSE_CUE = 0.2  # candidates this likely to be cues count as cues for the path features


def trim_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """A span less the spaces and . , ; : at its edges. PolNeAR's annotators differ on them, so
    the tagger learns spans without them (training) and the rules' spans meet it so (runtime)."""
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def paragraphs(doc: Doc) -> list[list[Token]]:
    """The doc's words (no whitespace tokens) grouped by paragraph (a line of the text)."""
    found: list[list[Token]] = []
    current: list[Token] = []
    for token in doc:
        if not token.is_space:
            current.append(token)
        breaks = "\n" in token.whitespace_ or (token.is_space and "\n" in token.text)
        if breaks and current:  # (token.text_with_ws builds a string per token: slower)
            found.append(current)
            current = []
    if current:
        found.append(current)
    return found


def rule_labels(doc: Doc, relations: list[Relation]) -> dict[str, dict[int, str]]:
    """Per kind, the BIO letter the rules give each token index ("B" wins over "I" where the
    rules' relations nest)."""
    labels: dict[str, dict[int, str]] = {kind: {} for kind in KINDS}
    for rel in relations:
        spans = [("source", rel.source), ("cue", rel.cue), ("content", rel.content)]
        spans += [("content", piece) for piece in rel.more]
        for kind, span in spans:
            if span is None:
                continue
            tokens = doc.char_span(*span, alignment_mode="expand")
            if tokens is None:
                continue
            marks = labels[kind]
            for n, token in enumerate(t for t in tokens if not t.is_space):
                marks[token.i] = "B" if n == 0 else marks.get(token.i, "I")
    return labels


def _kinds_by_content(doc: Doc, relations: list[Relation]) -> dict[int, str]:
    kinds: dict[int, str] = {}
    for rel in relations:
        tokens = doc.char_span(*rel.content, alignment_mode="expand")
        for token in tokens or ():
            kinds.setdefault(token.i, rel.kind)
    return kinds


@functools.lru_cache(maxsize=1 << 14)  # a pure function of the word, and words repeat
def _shape(text: str) -> str:
    shape = []
    for char in text[:6]:
        kind = "X" if char.isupper() else "x" if char.islower() else "d" if char.isdigit() else char
        if not shape or shape[-1] != kind:
            shape.append(kind)
    return "".join(shape)


def _cue_path(i: int, cues: dict[int, float], w: TokenStrings) -> tuple[str, int, Optional[int]]:
    """How word ``i`` hangs from the nearest likely cue above it: the label of the cue's child on
    the way ("ccomp": inside the said clause, "nsubj": inside the speaker), the number of steps,
    and that child's index (its subtree's edges are likely span edges). Walked up through the
    parse's head indices: no Token object per step."""
    heads, child, steps = w.head, i, 0
    if child in cues:
        return "self", 0, None
    while steps < ANCESTOR_STEPS and heads[child] != child:
        steps += 1
        if heads[child] in cues:
            return w.dep[child], steps, child
        child = heads[child]
    return "none", steps, None


def _quote_state(doc: Doc, quoted: tuple[tuple[int, int], ...]) -> dict[int, str]:
    """Per token index: "open"/"close" for a quote's first/last token, "in" inside."""
    state: dict[int, str] = {}
    for start, end in quoted:
        tokens = doc.char_span(start, end, alignment_mode="expand")
        if tokens is None or not len(tokens):
            continue
        for token in tokens:
            state[token.i] = "in"
        state[tokens[0].i] = "open"
        state[tokens[-1].i] = "close"
    return state


@dataclass(frozen=True)
class _Tree:
    """Each token's strings and head index, whether it starts a sentence, and the subtree edges
    of the tokens asked about, read once per document."""

    words: TokenStrings
    starts: list[bool]
    edges: dict[int, tuple[int, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc) -> "_Tree":
        starts = [flag == 1 for flag in doc.to_array(SENT_START).tolist()] if len(doc) else []
        return cls(token_strings(doc), starts)

    def edge(self, doc: Doc, i: int) -> tuple[int, int]:
        """(left_edge.i, right_edge.i) of token ``i``."""
        if (found := self.edges.get(i)) is None:
            token = doc[i]
            found = self.edges[i] = (token.left_edge.i, token.right_edge.i)
        return found


def word_features(doc: Doc, i: int, cues, likely, quotes, rules, kinds, tree: _Tree) -> list[str]:
    """The features of word ``i`` that do not look at its neighbours. ``cues`` are the cue
    model's cues, ``likely`` its likely candidates with their probabilities."""
    w = tree.words
    lower, lemma, dep = w.lower[i], w.lemma[i], w.dep[i]
    path, steps, child = _cue_path(i, likely, w)
    head = w.head[i]
    found = [
        f"w={lower}", f"l={lemma}", f"p={w.pos[i]}", f"t={w.tag[i]}", f"d={dep}",
        f"sh={_shape(w.text[i])}", f"suf={lower[-3:]}",
        f"hl={w.lemma[head]}", f"hp={w.pos[head]}", f"dhp={dep}|{w.pos[head]}",
        f"e={w.ent_iob[i]}{w.ent_type[i]}", f"cp={path}", f"cps={path}|{min(steps, 4)}",
        f"q={quotes.get(i, 'out')}",
    ]
    if i in cues:
        found.append(f"cue={lemma}")
    if i in likely:
        found.append(f"cprob={int(likely[i] * 5)}")
    if child is not None:
        found.append(f"cpp={path}|{int(likely[w.head[child]] * 5)}")
        left, right = tree.edge(doc, child)
        if left == i:
            found.append(f"cfirst={path}")
        if right == i:
            found.append(f"clast={path}")
    if tree.starts[i]:
        found.append("sent_start")
    if i + 1 == len(tree.starts) or tree.starts[i + 1]:
        found.append("sent_end")
    for kind in KINDS:
        found.append(f"r{kind}={rules[kind].get(i, 'O')}")
    found.append(f"rk={kinds.get(i, 'none')}")
    return found


def _shown(feats: list[str]) -> list[str]:
    """What the next words see of a word: its word, part of speech, dependency, quote and rule
    marks (and the cue marks that start with the same letters)."""
    return [f for f in feats if f[0] in "wprqc" or f.startswith("d=")]


def sequence_features(
    doc: Doc, relations: list[Relation], quoted, pars: Optional[list[list[Token]]] = None
) -> list[list[list[str]]]:
    """Per paragraph (``pars``, when the caller has them), per word, its features and the main
    ones of its neighbours."""
    cues = cue_indices(doc)
    likely = {i: p for i, p in cue_probabilities(doc).items() if p >= LOOSE_CUE}
    quotes = _quote_state(doc, quoted)
    rules = rule_labels(doc, relations)
    kinds = _kinds_by_content(doc, relations)
    tree = _Tree.of(doc)
    lower, dep = tree.words.lower, tree.words.dep
    sequences = []
    for words in paragraphs(doc) if pars is None else pars:
        at_ = [t.i for t in words]
        own = [word_features(doc, i, cues, likely, quotes, rules, kinds, tree) for i in at_]
        shown = [_shown(feats) for feats in own]
        rows = []
        last = len(own) - 1
        for n, feats in enumerate(own):
            row = list(feats)
            # word pairs: where PolNeAR draws an edge often depends on the two words around it
            # ("said that", "for president ,")
            word = lower[at_[n]]
            before = lower[at_[n - 1]] if n else "<p>"
            after = lower[at_[n + 1]] if n < last else "</p>"
            row += [f"bg={before}|{word}", f"bgn={word}|{after}",
                    f"dd={dep[at_[n - 1]] if n else '<p>'}|{dep[at_[n]]}"]
            if n == 0:
                row.append("par_start")
            if n == last:
                row.append("par_end")
            for offset in WINDOW:
                at = n + offset
                if not 0 <= at <= last:
                    row.append(f"{offset}:edge")
                    continue
                if abs(offset) == 1:
                    row += [f"{offset}:{f}" for f in shown[at]]
                else:
                    row.append(f"{offset}:{own[at][2]}")  # part of speech
            rows.append(row)
        sequences.append(rows)
    return sequences


def load_tagger():
    """The CRF tagger, or None when its model file is absent (the rules stand alone then)."""
    return crf_tagger(MODEL, "attribution comes from the rules alone")


@dataclass
class Tagged:
    """One paragraph as the tagger reads it: its words, the best label sequence, and each
    label's marginal probability at each word (how sure the model is of it there)."""

    words: list[Token]
    labels: list[str]
    marginals: dict[str, list[float]]
    indices: list[int] = field(init=False)  # the words' token indices, for ``position``

    def __post_init__(self) -> None:
        self.indices = [t.i for t in self.words]

    def position(self, token_index: int) -> Optional[int]:
        first = self.words[0].i
        at = bisect.bisect_left(self.indices, token_index) if self.words else 0
        if first <= token_index and at < len(self.words) and self.words[at].i == token_index:
            return at
        return None

    def confidence(self, kind: str, first: int, last: int) -> float:
        """How sure the model is that words first..last (positions) are one span of the kind:
        the least of the marginals of B at its first word, I inside, and not I right after."""
        inside = self.marginals[f"I-{kind}"]
        sure = self.marginals[f"B-{kind}"][first]
        for n in range(first + 1, last + 1):
            sure = min(sure, inside[n])
        if last + 1 < len(self.words):
            sure = min(sure, 1.0 - inside[last + 1])
        return sure

    def spans(self) -> list[tuple[str, int, int]]:
        """(kind, first, last) word positions of the best sequence's spans."""
        return bio_spans(self.labels)

    def chars(self, first: int, last: int) -> tuple[int, int]:
        end = self.words[last]
        return self.words[first].idx, end.idx + len(end)


def tag(doc: Doc, relations: list[Relation], quoted) -> Optional[list[Tagged]]:
    """Each paragraph tagged, or None without a model (the rules stand alone then)."""
    tagger = load_tagger()
    if tagger is None:
        return None
    labels = [y for y in tagger.labels() if y != "O"]  # confidence reads only B and I
    found = []
    pars = paragraphs(doc)
    for words, features in zip(pars, sequence_features(doc, relations, quoted, pars)):
        best = tagger.tag(features)
        marginals = {y: [tagger.marginal(y, n) for n in range(len(words))] for y in labels}
        for kind in KINDS:
            for prefix in "BI":
                marginals.setdefault(f"{prefix}-{kind}", [0.0] * len(words))
        found.append(Tagged(words, best, marginals))
    return found
