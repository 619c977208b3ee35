"""The shipped logistic models' weights files (one ``feature<TAB>weight`` a line, ``#`` comments)
and their score: what the cue model and the event-place model share."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Iterable


def read_weights(path: Path) -> dict[str, float]:
    """Every feature and its weight, the special lines (``__bias__`` ...) included."""
    weights = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, value = line.rsplit("\t", 1)
            weights[name] = float(value)
    return weights


def logistic(features: Iterable[str], weights: dict[str, float], bias: float) -> float:
    z = bias + sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
