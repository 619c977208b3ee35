"""What the two CRF taggers share (attribution spans, event roles): opening a shipped model once,
training one, and reading BIO labels back as spans. python-crfsuite is the only dependency."""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Sequence
from pathlib import Path

_log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=4)
def crf_tagger(path: Path, without: str):
    """The tagger in ``path``, opened once; None, said once in the log, when the file is absent
    (``without`` says what the pipeline does then)."""
    if not path.exists():
        _log.info("no CRF model at %s: %s", path, without)
        return None
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def train_crf(sequences: Iterable[tuple[list, list[str]]], params: dict, path: Path) -> None:
    """Fit a CRF on (features, labels) sequences with ``params`` and write it to ``path``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for features, labels in sequences:
        trainer.append(features, labels)
    trainer.set_params(params)
    trainer.train(str(path))


def bio_spans(labels: Sequence[str]) -> list[tuple[str, int, int]]:
    """(kind, first, last) positions of the spans a BIO sequence marks; a stray I- starts one."""
    found: list[tuple[str, int, int]] = []
    for n, label in enumerate(labels):
        prefix, _, kind = label.partition("-")
        if prefix == "I" and found and found[-1][0] == kind and found[-1][2] == n - 1:
            found[-1] = (kind, found[-1][1], n)
        elif prefix in ("B", "I"):
            found.append((kind, n, n))
    return found
