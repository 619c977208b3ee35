"""Train the event sentence classifier (``resources/models/event_sentences.npz``) on train splits.

    python -m newsevents.train_events [--data ../shared/data] [--out PATH]

Needs scikit-learn (training only; the pipeline scores with numpy). Two heads share one feature
space (``extract.event_classifier.sentence_features``):
- quad class (0 statement .. 4 material conflict) on ConfliBERT ``cameo_class/train.tsv``;
- PLOVER type on the lead sentence of each NGEC synthetic story (``train/ngec-synthetic``).
Nothing else is read: test splits, the PLOVER gold records, IndiaPoliceEvents and BBC 2005 are
scoring data. Every sentence is read by the same pipeline stages as at run time, with the rule
coder alone, so the model sees the rule types it will see later. Training is deterministic
(lbfgs, sorted vocabularies, fixed seed) and takes a few minutes on one core.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import zipfile
from pathlib import Path

import numpy as np

from newsevents.extract.actors import extract_actors
from newsevents.extract.attribution import extract_attributions
from newsevents.extract.event_classifier import BLOCKS, MODEL_PATH, save_model, sentence_features
from newsevents.extract.event_rerank import RULES_ONLY
from newsevents.extract.events import extract_events
from newsevents.extract.places import extract_places
from newsevents.extract.quotes import extract_quotes
from newsevents.extract.times import extract_times
from newsevents.language import load_nlp
from newsevents.ontology import event_lexicon
from newsevents.records import Article
from newsevents.settings import shared_data_root

SEED = 13
DEFAULT_DATA = shared_data_root()
_FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def quad_rows(data: Path) -> list[tuple[str, int]]:
    path = data / "gold" / "conflibert" / "cameo_class" / "train.tsv"
    rows = [line.rstrip("\n").rsplit("\t", 1) for line in path.open(encoding="utf-8") if line.strip()]
    return [(text, int(label)) for text, label in rows]


def synthetic_rows(data: Path) -> list[tuple[str, str]]:
    """(lead sentence, PLOVER type) of each synthetic story: the lead states the event."""
    archive = next((data / "train" / "ngec-synthetic").glob("*.csv.zip"))
    with zipfile.ZipFile(archive) as zipped:
        name = next(n for n in zipped.namelist() if n.endswith(".csv"))
        text = zipped.read(name).decode("utf-8")
    rows = []
    for row in csv.DictReader(io.StringIO(text)):
        lead = _FIRST_SENTENCE.split(row["text"].strip(), maxsplit=1)[0]
        if lead and row["label"] in event_lexicon().quad:
            rows.append((lead, row["label"]))
    return rows


def featurise(texts: list[str]) -> list[dict]:
    """Sentence features of each text, read as the pipeline reads it (rules only)."""
    return featurise_docs(load_nlp().pipe(texts, batch_size=64))


def featurise_docs(docs) -> list[dict]:
    """Sentence features of each parsed text (rules only)."""
    quad = event_lexicon().quad
    found = []
    for i, doc in enumerate(docs):
        article = Article(id=f"train-{i}", headline="", body=doc.text)
        actors = extract_actors(doc, article)
        quotes = extract_quotes(doc, article, actors=actors)
        events = extract_events(
            doc, article, actors=actors, places=extract_places(doc, article),
            times=extract_times(doc, article), quotes=quotes,
            attributions=extract_attributions(doc, article, quotes=quotes, actors=actors),
            options=RULES_ONLY,
        )
        types = [e.type for e in events]
        found.append(_merge(sentence_features(s, types, quad) for s in doc.sents))
    return found


def _merge(parts) -> dict:
    """A text of several sentences (rare in the training files) is one training item."""
    merged: dict[str, list[str]] = {name: [] for name in BLOCKS}
    for part in parts:
        for name in BLOCKS:
            merged[name] += part[name]
    merged["rule"] = sorted(set(merged["rule"]) - {"RULE_NONE"}) or ["RULE_NONE"]
    return merged


def fit(quad_items, quad_labels, type_items, type_labels):
    """Vectorise both sets in one space and fit the two logistic-regression heads."""
    from scipy import sparse
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    everything = quad_items + type_items
    vectorizers = {
        "word": TfidfVectorizer(analyzer=_identity, sublinear_tf=True, min_df=2),
        "lemma": TfidfVectorizer(analyzer=_identity, sublinear_tf=True, min_df=2),
        "rule": CountVectorizer(analyzer=_identity),
    }
    for name, vectorizer in vectorizers.items():
        vectorizer.fit([item[name] for item in everything])

    def matrix(items):
        return sparse.hstack([v.transform([i[n] for i in items]) for n, v in vectorizers.items()]).tocsr()

    heads = []
    for items, labels in ((quad_items, quad_labels), (type_items, type_labels)):
        model = LogisticRegression(C=10.0, max_iter=5000, class_weight="balanced", random_state=SEED)
        model.fit(matrix(items), labels)
        heads.append(model)
    vocabs = {n: v.get_feature_names_out().tolist() for n, v in vectorizers.items()}
    idfs = {n: getattr(v, "idf_", None) for n, v in vectorizers.items()}
    return vocabs, idfs, heads, matrix


def _identity(features):
    return features


def train(data: Path, out: Path) -> None:
    quads = quad_rows(data)
    stories = synthetic_rows(data)
    print(f"quad sentences {len(quads)}, synthetic leads {len(stories)}")
    quad_items = featurise([t for t, _ in quads])
    type_items = featurise([t for t, _ in stories])
    vocabs, idfs, (quad_head, type_head), matrix = fit(
        quad_items, [q for _, q in quads], type_items, [k for _, k in stories])
    save_model(out, vocabs=vocabs, idfs=idfs, quad=(quad_head.coef_, quad_head.intercept_),
               kinds=(type_head.coef_, type_head.intercept_), types=list(type_head.classes_))
    _check(out, quad_items[:50], quad_head.predict_proba(matrix(quad_items[:50])))
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB, {sum(map(len, vocabs.values()))} features)")


def _check(path: Path, items, expected) -> None:
    """The numpy scorer must agree with the trained model (float16 weights: to 1e-2)."""
    from newsevents.extract.event_classifier import read_model

    model = read_model(path)
    got = np.array([model.predict(item)[0] for item in items])
    assert np.allclose(got, expected, atol=1e-2), float(np.abs(got - expected).max())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA.resolve(), help="shared data root")
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="model file to write")
    args = parser.parse_args()
    np.random.seed(SEED)
    train(args.data, args.out)


if __name__ == "__main__":
    main()
