"""A sentence classifier beside the rule coder: how likely a sentence reports each quad class.

The rule coder finds triggers it knows and nothing else; a linear model over the sentence's words,
its lemmas and dependency heads, and the types the rules found, says how the whole sentence reads:
a statement (0), verbal or material cooperation (1, 2), verbal or material conflict (3, 4), and
which PLOVER type it most resembles. ``event_rerank`` uses that to weigh, re-type, drop or add
events. The model is plain arrays (vocabularies, idf weights, coefficients) in one ``.npz`` file
under ``resources/models/``: scoring needs numpy only, not the library that trained it
(``python -m newsevents.train_events`` rebuilds it). Without the file the coder runs on rules
alone and says so once.
"""

from __future__ import annotations

import functools
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Mapping, Sequence

import numpy as np
from spacy.tokens import Span as SpacySpan

from newsevents.extract.parse_cache import token_strings
from newsevents.ontology import RESOURCES

log = logging.getLogger(__name__)

MODEL_PATH = RESOURCES / "models" / "event_sentences.npz"
# Blocks of features, in the order the coefficient columns follow. "rule" is binary and unscaled:
# it carries what the rule coder found, which the model learns to trust or overrule.
BLOCKS = ("word", "lemma", "rule")
_WORD = re.compile(r"(?u)\b\w\w+\b")
_ARG_DEPS = {"dobj", "pobj", "nsubj", "nsubjpass", "attr"}


def word_features(text: str) -> list[str]:
    """Lower-cased words and word pairs (the surface wording: "called for", "talks with")."""
    words = _WORD.findall(text.lower())
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def lemma_features(sent: SpacySpan) -> list[str]:
    """Lemmas, verbs marked as verbs, the root, each argument with its head, entity kinds.

    These generalise over inflection ("rejected"/"rejects") and say who governs what, which
    surface word pairs miss ("troops ... entered", "talks" as object of "hold").
    """
    found: list[str] = []
    w = token_strings(sent.doc)  # the parse's strings: no Token object per word
    for i in range(sent.start, sent.end):
        if w.is_punct[i] or w.is_space[i]:
            continue
        lemma = w.lemma[i]
        found.append(lemma)
        if w.pos[i] == "VERB":
            found.append(f"V:{lemma}")
        dep = w.dep[i]
        if dep == "ROOT":
            found.append(f"ROOT:{lemma}")
        if dep in _ARG_DEPS:
            found.append(f"{dep}:{w.lemma[w.head[i]]}")
        if w.ent_iob[i] == "B":
            found.append(f"ENT:{w.ent_type[i]}")
    return found


def rule_features(rule_types: Sequence[str], quad: Mapping[str, int]) -> list[str]:
    """What the rules coded in the sentence: each type and its quad, or that they found none."""
    kinds = sorted(set(rule_types))  # a type found twice in a sentence says no more than once
    if not kinds:
        return ["RULE_NONE"]
    return [f"RULE_{t}" for t in kinds] + [f"RQ_{quad.get(t, 0)}" for t in kinds]


def sentence_features(sent: SpacySpan, rule_types: Sequence[str], quad: Mapping[str, int]) -> dict:
    """The three feature lists of one sentence, keyed by block (training and scoring share this)."""
    return {
        "word": word_features(sent.text),
        "lemma": lemma_features(sent),
        "rule": rule_features(rule_types, quad),
    }


@dataclass(frozen=True)
class _Block:
    vocab: Mapping[str, int]  # feature -> column, offset into the whole coefficient matrix
    idf: np.ndarray | None  # None: binary counts, not normalised (the rule block)
    offset: int  # first column of the block


@dataclass(frozen=True)
class SentenceModel:
    """Two linear heads over one feature space: quad class (0-4) and PLOVER type."""

    blocks: Mapping[str, _Block]
    quad_coef: np.ndarray  # (5, features)
    quad_intercept: np.ndarray
    type_coef: np.ndarray  # (types, features)
    type_intercept: np.ndarray
    types: tuple[str, ...]

    def _vector(self, features: Mapping[str, list[str]]) -> tuple[np.ndarray, np.ndarray]:
        """(columns, values) of the sparse feature vector: sublinear tf-idf, l2 per block."""
        columns: list[int] = []
        values: list[float] = []
        for name, block in self.blocks.items():
            counts = Counter(f for f in features.get(name, ()) if f in block.vocab)
            cols = [block.vocab[f] for f in counts]
            if block.idf is None:
                vals = [float(n) for n in counts.values()]
            else:
                vals = [(1.0 + math.log(n)) * block.idf[block.vocab[f] - block.offset]
                        for f, n in counts.items()]
                norm = math.sqrt(sum(v * v for v in vals)) or 1.0
                vals = [v / norm for v in vals]
            columns += cols
            values += vals
        return np.asarray(columns, dtype=np.int64), np.asarray(values, dtype=np.float32)

    def predict(self, features: Mapping[str, list[str]]) -> tuple[np.ndarray, dict[str, float]]:
        """(quad probabilities, PLOVER type -> probability) for one sentence."""
        cols, vals = self._vector(features)
        quad = _softmax(self.quad_coef[:, cols].astype(np.float32) @ vals + self.quad_intercept)
        kinds = _softmax(self.type_coef[:, cols].astype(np.float32) @ vals + self.type_intercept)
        return quad, dict(zip(self.types, kinds.tolist()))


def _softmax(scores: np.ndarray) -> np.ndarray:
    scores = scores - scores.max()
    exp = np.exp(scores)
    return exp / exp.sum()


def save_model(path: Path, *, vocabs: Mapping[str, list[str]], idfs: Mapping[str, np.ndarray | None],
               quad: tuple[np.ndarray, np.ndarray], kinds: tuple[np.ndarray, np.ndarray],
               types: Sequence[str]) -> None:
    """Write the model as plain arrays (float16 weights keep the file to a few MB)."""
    arrays: dict[str, np.ndarray] = {"types": np.asarray(types, dtype=str)}
    for name in BLOCKS:
        arrays[f"vocab_{name}"] = np.asarray(vocabs[name], dtype=str)
        if idfs[name] is not None:
            arrays[f"idf_{name}"] = np.asarray(idfs[name], dtype=np.float32)
    arrays["quad_coef"], arrays["quad_intercept"] = quad[0].astype(np.float16), quad[1].astype(np.float32)
    arrays["type_coef"], arrays["type_intercept"] = kinds[0].astype(np.float16), kinds[1].astype(np.float32)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **arrays)


def read_model(path: Path) -> SentenceModel:
    with np.load(path, allow_pickle=False) as data:
        blocks, offset = {}, 0
        for name in BLOCKS:
            words = data[f"vocab_{name}"].tolist()
            vocab = MappingProxyType({w: offset + i for i, w in enumerate(words)})
            idf = data[f"idf_{name}"] if f"idf_{name}" in data.files else None
            blocks[name] = _Block(vocab, idf, offset)
            offset += len(words)
        return SentenceModel(
            blocks=MappingProxyType(blocks),
            quad_coef=data["quad_coef"], quad_intercept=data["quad_intercept"],
            type_coef=data["type_coef"], type_intercept=data["type_intercept"],
            types=tuple(data["types"].tolist()),
        )


@functools.lru_cache(maxsize=4)
def sentence_model(path: Path = MODEL_PATH) -> SentenceModel | None:
    """The trained model, loaded once; None (rules only, logged once) when the file is missing."""
    if not path.exists():
        log.warning("event sentence model %s not found: events are coded by rules only "
                    "(rebuild it with `python -m newsevents.train_events`)", path)
        return None
    return read_model(path)
