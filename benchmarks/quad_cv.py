"""Five-fold cross-validation of the quad decision on ConfliBERT cameo_class *train* (tuning only).

    PYTHONPATH=src:. python -m benchmarks.quad_cv [--folds 5] [--reparse]

Each fold trains the sentence classifier (``train_events.fit``) on four fifths of train.tsv (plus
the synthetic leads for the type head) and reads the held-out fifth with the whole reader, the
sentence decided as ``evaluation.events.quad_class`` decides it (the most confident event's quad,
none = 0). Parses and features are cached under /tmp/quad_cv. The test split is never read.
"""

from __future__ import annotations

import argparse
import pickle
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
from spacy.tokens import DocBin

from newsevents import train_events as te
from newsevents.extract import events as events_module
from newsevents.extract.event_classifier import read_model
from newsevents.extract.event_rerank import DEFAULT_OPTIONS, is_appeal
from newsevents.language import load_nlp
from newsevents.ontology import event_lexicon
from newsevents.reading import read_doc
from newsevents.records import Article
from newsevents.settings import shared_data_root

CACHE = Path("/tmp/quad_cv")
SEED = 13


def _docs(name: str, texts: list[str], reparse: bool):
    nlp = load_nlp()
    path = CACHE / f"{name}.spacy"
    if path.exists() and not reparse:
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=64))
    CACHE.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(path)
    return list(DocBin().from_disk(path).get_docs(nlp.vocab))  # same path as a cached run


def macro_f1(gold: list[int], pred: list[int]) -> tuple[float, float, list[float]]:
    scores = []
    for label in range(5):
        tp = sum(g == p == label for g, p in zip(gold, pred))
        fp = sum(p == label != g for g, p in zip(gold, pred))
        fn = sum(g == label != p for g, p in zip(gold, pred))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    accuracy = sum(g == p for g, p in zip(gold, pred)) / len(gold)
    return sum(scores) / 5, accuracy, scores


def folds_of(n: int, k: int) -> list[np.ndarray]:
    order = np.random.default_rng(SEED).permutation(n)
    return [order[i::k] for i in range(k)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--only", type=int, default=None, help="run only this fold")
    parser.add_argument("--reparse", action="store_true")
    parser.add_argument("--tag", default="base", help="name of the cached feature set")
    parser.add_argument("--model-tag", default="base", help="name of the cached fold models")
    parser.add_argument("--dump", type=Path, default=None, help="pickle per-sentence readings here")
    parser.add_argument("--options", default="", help="EventOptions overrides: add_any=0.4,retype=0.5")
    args = parser.parse_args()
    overrides = {k: float(v) for k, v in (kv.split("=") for kv in args.options.split(",") if kv)}
    events_module.extract_events.__kwdefaults__["options"] = replace(DEFAULT_OPTIONS, **overrides)
    data = shared_data_root()
    quads = te.quad_rows(data)
    stories = te.synthetic_rows(data)
    start = time.perf_counter()
    quad_docs = _docs("quad", [t for t, _ in quads], args.reparse)
    story_docs = _docs("stories", [t for t, _ in stories], args.reparse)
    print(f"parsed ({time.perf_counter() - start:.0f} s)")
    features = CACHE / f"features-{args.tag}.pkl"
    if features.exists():
        quad_items, type_items = pickle.loads(features.read_bytes())
    else:
        quad_items = te.featurise_docs(quad_docs)
        type_items = te.featurise_docs(story_docs)
        features.write_bytes(pickle.dumps((quad_items, type_items)))
    print(f"featurised ({time.perf_counter() - start:.0f} s)")
    labels = np.array([q for _, q in quads])
    quad_of = event_lexicon().quad
    pred = np.zeros(len(quads), dtype=int)
    done = np.zeros(len(quads), dtype=bool)
    dump = {}
    for k, held in enumerate(folds_of(len(quads), args.folds)):
        if args.only is not None and k != args.only:
            continue
        train = np.setdiff1d(np.arange(len(quads)), held)
        path = CACHE / f"fold{k}-{args.model_tag}.npz"
        if not path.exists():
            vocabs, idfs, (quad_head, type_head), _ = te.fit(
                [quad_items[i] for i in train], labels[train].tolist(), type_items, [s for _, s in stories])
            te.save_model(path, vocabs=vocabs, idfs=idfs, quad=(quad_head.coef_, quad_head.intercept_),
                          kinds=(type_head.coef_, type_head.intercept_), types=list(type_head.classes_))
        model = read_model(path)
        events_module.sentence_model = lambda model=model: model
        for i in held:
            doc = quad_docs[i]
            doc.user_data.clear()
            reading = read_doc(doc, Article(id=f"cv-{i}", headline="", body=doc.text))
            best = max(reading.events, key=lambda e: e.confidence) if reading.events else None
            # as evaluation.events.quad_class decides: an appeal reads as a statement there
            pred[i] = 0 if best is None or is_appeal(best) else quad_of[best.type]
            done[i] = True
            dump[int(i)] = ([(e.type, e.confidence) for e in reading.events], model.predict(quad_items[i]))
        f1, acc, _ = macro_f1(labels[held].tolist(), pred[held].tolist())
        print(f"fold {k}: macro F1 {f1:.3f} accuracy {acc:.3f} ({time.perf_counter() - start:.0f} s)")
    f1, acc, per = macro_f1(labels[done].tolist(), pred[done].tolist())
    print("per class", " ".join(f"{s:.3f}" for s in per))
    confusion = np.zeros((5, 5), dtype=int)
    for g, p in zip(labels[done], pred[done]):
        confusion[g, p] += 1
    print("confusion (rows gold, columns predicted)", confusion.tolist(), sep="\n")
    print(f"cv: quad_macro_f1={f1:.4f} quad_accuracy={acc:.4f} n={int(done.sum())}")
    if args.dump:
        with args.dump.open("wb") as handle:
            pickle.dump({"pred": pred, "labels": labels, "events": dump}, handle)


if __name__ == "__main__":
    main()
