"""Train the cue model on PolNeAR *train* (never dev): ``python -m newsevents.extract.cue_training
[--polnear DIR] [--limit N]``. Needs scikit-learn (a training-only dependency); takes a few
minutes on one core, most of it parsing. Seeded, so a rerun gives the same weights.

Each candidate word (cue_model.is_candidate) is a positive when it is the syntactic head of a
gold Cue span, else a negative. The threshold is chosen on a held-out fifth of train (best F1),
then the model is refitted on all of train and written to resources/cues/cue_model.tsv.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from newsevents.extract.cue_model import WEIGHTS, features, is_candidate
from newsevents.settings import shared_data_root

SEED = 13
MIN_FEATURE_COUNT = 5  # a feature must occur this often in train to get a weight
MIN_WEIGHT = 0.05  # smaller weights are left out of the shipped file
DEFAULT_POLNEAR = shared_data_root() / "gold" / "polnear"


def cue_spans(ann: str) -> list[tuple[int, int]]:
    """Char spans of the Cue annotations of a brat .ann file (each piece of a broken span)."""
    spans = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 3 and fields[1].startswith("Cue "):
            numbers = [int(x) for x in fields[1][4:].replace(";", " ").split()]
            spans += list(zip(numbers[::2], numbers[1::2]))
    return spans


def examples(root: Path, limit: int | None):
    """(texts, cue spans) of train, one annotation per article (the first in name order)."""
    chosen: dict[str, Path] = {}
    for ann in sorted((root / "train" / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    items = sorted(chosen.items())[:limit]
    texts = [(root / "train" / "text" / f"{b}.txt").read_text(encoding="utf-8") for b, _ in items]
    return texts, [cue_spans(a.read_text(encoding="utf-8")) for _, a in items]


def rows(doc, spans) -> list[tuple[list[str], int]]:
    """One (features, label) row per candidate: label 1 when it heads a gold cue."""
    heads = set()
    for start, end in spans:
        inside = [t for t in doc if start <= t.idx < end]
        heads |= {t.i for t in inside if not (start <= t.head.idx < end) or t.head.i == t.i}
    return [(features(t), int(t.i in heads)) for t in doc if is_candidate(t)]


def fit(data, c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for feats, _ in data for f in feats)
    vectorizer = DictVectorizer()  # rare features would only bloat the shipped weights
    matrix = vectorizer.fit_transform(
        [{f: 1 for f in feats if counts[f] >= MIN_FEATURE_COUNT} for feats, _ in data]
    )
    model = LogisticRegression(C=c, max_iter=2000, random_state=SEED)
    model.fit(matrix, [label for _, label in data])
    return vectorizer, model


def best_threshold(vectorizer, model, held) -> tuple[float, float]:
    """The probability cut with the best cue-head F1 on held-out rows, and that F1."""
    scores = model.predict_proba(vectorizer.transform([{f: 1 for f in x} for x, _ in held]))[:, 1]
    best, best_f1 = 0.5, -1.0
    for step in range(10, 91, 2):
        t = step / 100
        tp = sum(1 for s, (_, y) in zip(scores, held) if s >= t and y)
        fp = sum(1 for s, (_, y) in zip(scores, held) if s >= t and not y)
        fn = sum(1 for s, (_, y) in zip(scores, held) if s < t and y)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best_f1:
            best, best_f1 = t, f1
    return best, best_f1


def main(argv: list[str] | None = None) -> int:
    from newsevents.language import load_nlp

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR)
    parser.add_argument("--limit", type=int, default=None, help="train on the first N articles")
    parser.add_argument("--out", type=Path, default=WEIGHTS, help="where to write the weights")
    parser.add_argument(
        "--c", type=float, default=0.3,
        help="inverse regularisation strength (0.3: the best held-out F1 of 0.3, 0.5 and 1)",
    )
    args = parser.parse_args(argv)
    texts, spans = examples(args.polnear, args.limit)
    docs = load_nlp().pipe(texts, batch_size=16)
    per_doc = [rows(doc, s) for doc, s in zip(docs, spans)]
    random.Random(SEED).shuffle(per_doc)
    cut = len(per_doc) // 5
    held = [r for doc_rows in per_doc[:cut] for r in doc_rows]
    train = [r for doc_rows in per_doc[cut:] for r in doc_rows]
    threshold, held_f1 = best_threshold(*fit(train, args.c), held)
    print(f"held-out fifth of train: cue-head F1 {held_f1:.3f} at threshold {threshold:.2f}")
    vectorizer, model = fit(train + held, args.c)
    write(vectorizer, model, threshold, len(per_doc), args.out)
    print(f"{args.out}: {len(train) + len(held)} candidates, threshold {threshold:.2f}")
    return 0


def write(vectorizer, model, threshold: float, articles: int, out: Path = WEIGHTS) -> None:
    lines = [f"# cue model: logistic regression on {articles} PolNeAR train articles "
             f"(python -m newsevents.extract.cue_training); feature\tweight",
             f"__bias__\t{model.intercept_[0]:.4f}", f"__threshold__\t{threshold:.2f}"]
    for name, weight in zip(vectorizer.get_feature_names_out(), model.coef_[0]):
        if abs(weight) >= MIN_WEIGHT:
            lines.append(f"{name}\t{weight:.3f}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
