"""Train the event-place model: ``python -m newsevents.extract.event_place_training [--limit N]``.

Data: the event-location examples (../shared/data/gold/event-location/) that were *not*
adjudicated and whose sentence no adjudicated example has; the adjudicated ones score the model
(``make eval-places``) and are never read here. Each place of an example's sentence is a row,
positive when it covers a gold LOCATION token. The model is first fitted without the first 1,500
examples kept, to report its choice F1 on them against the rules', then refitted on all.

One annotation source is left out: its annotators marked a place in only 12% of its examples (the
others: 42-86%), so its "nowhere" labels mostly mean "not annotated" (killed "in the city of
Aleppo", no place marked). Needs scikit-learn (training only); seeded, about a minute and a half
on one core, most of it parsing.
"""

from __future__ import annotations

import argparse
import json
import zipfile
from collections import Counter
from pathlib import Path

from newsevents.extract.event_place_model import (
    VERB_PREFIX, WEIGHTS, decide, load_model, place_features,
)
from newsevents.extract.linear import logistic
from newsevents.settings import shared_data_root

SEED = 13
HELD_OUT = 1500
MIN_FEATURE_COUNT = 3  # a feature must occur this often to get a weight
MIN_WEIGHT = 0.02  # smaller weights are left out of the shipped file
MIN_VERB_EXAMPLES = 20  # the model judges a trigger verb only when it trained on this many
MIN_LABELLED_SHARE = 0.3  # a source whose annotators marked a place less often went unannotated
DATA = shared_data_root() / "gold" / "event-location" / "labeled_text.jsonl.zip"


def token_ids(record: dict, label: str) -> set[int]:
    return {i for s in record.get("spans", ()) if s["label"] == label
            for i in range(s["token_start"], s["token_end"] + 1)}


def training_records(path: Path = DATA) -> list[dict]:
    """The non-adjudicated examples with a verb, in file order, none sharing an adjudicated text."""
    with zipfile.ZipFile(path) as archive:
        records = json.loads(archive.read("labeled_text.jsonl"))
    adjudicated = {r["text"] for r in records if r.get("source") == "RELABEL"}
    records = [r for r in records if r.get("source") != "RELABEL" and r["text"] not in adjudicated
               and token_ids(r, "VERB")]
    labelled, seen = Counter(), Counter()
    for record in records:
        seen[record.get("source")] += 1
        labelled[record.get("source")] += bool(token_ids(record, "LOCATION"))
    return [r for r in records if labelled[r.get("source")] >= MIN_LABELLED_SHARE * seen[r.get("source")]]


def example_rows(record: dict, doc) -> list[tuple[list[str], int]]:
    """One (features, label) row per place of the sentence, for the record's verb."""
    from newsevents.extract.event_places import event_place
    from newsevents.extract.places import extract_places, with_sites
    from newsevents.records import Article

    tokens = record["tokens"]
    verb = tokens[min(token_ids(record, "VERB"))]
    trigger = next((t for t in doc if t.idx <= verb["start"] < t.idx + len(t)), None)
    if trigger is None:
        return []
    places = list(with_sites(doc, extract_places(doc, Article(id="event-location", headline="",
                                                               body=record["text"]))))
    sentence = trigger.sent
    mine = [p for p in places if sentence.start_char <= p.span.start < sentence.end_char]
    rule_place = event_place(doc, trigger, places, use_model=False)
    gold = token_ids(record, "LOCATION")
    rows = []
    for place in mine:
        covered = {t["id"] for t in tokens if t["start"] < place.span.end and place.span.start < t["end"]}
        rows.append((place_features(trigger, place, rule_place, mine), int(bool(covered & gold))))
    return rows


def fit(data, c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for rows in data for feats, _ in rows for f in feats)
    flat = [(feats, label) for rows in data for feats, label in rows]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([{f: 1 for f in feats if counts[f] >= MIN_FEATURE_COUNT}
                                       for feats, _ in flat])
    model = LogisticRegression(C=c, max_iter=3000, random_state=SEED)
    model.fit(matrix, [label for _, label in flat])
    weights = {name: float(w) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0])}
    return weights, float(model.intercept_[0])


def choice_f1(data, weights: dict[str, float], bias: float, verbs: frozenset[str] | None = None) -> float:
    """F1 of the example-level choice (``decide``): right when the place chosen is gold. Examples
    whose verb is not in ``verbs`` keep the rules' choice."""
    tp = fp = fn = 0
    for rows in data:
        has_gold = any(label for _, label in rows)
        rule = next((i for i, (f, _) in enumerate(rows) if "rule=pick" in f), None)
        if verbs is not None and rows and _verb(rows[0][0]) not in verbs:
            chosen = rule
        else:
            scores = [logistic(f, weights, bias) for f, _ in rows]
            chosen = decide(scores, rule, max(range(len(rows)), key=scores.__getitem__)) if rows else None
        if chosen is None:
            fn += has_gold
            continue
        right = rows[chosen][1]
        tp, fp, fn = tp + right, fp + (not right), fn + (has_gold and not right)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _verb(features: list[str]) -> str:
    return next(f for f in features if f.startswith("lemma="))[len("lemma="):]


def frequent_verbs(data) -> frozenset[str]:
    """The verbs the model judges: frequent in training and no speech verb. An event anchored on
    "said" is what was said ("a plane crash in Costa Rica killed 12, officials said"), while these
    examples mark where the saying happened."""
    from newsevents.resources.cues import load_cues

    counts = Counter(_verb(rows[0][0]) for rows in data if rows)
    speech = load_cues().verbs
    return frozenset(v for v, n in counts.items() if n >= MIN_VERB_EXAMPLES and v not in speech)


def main(argv: list[str] | None = None) -> int:
    from newsevents.language import load_nlp

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="read only the first N examples")
    parser.add_argument("--out", type=Path, default=WEIGHTS, help="where to write the weights")
    parser.add_argument("--c", type=float, default=1.0,
                        help="inverse regularisation strength (1: the best held-out choice F1 of 0.3, 1 and 3)")
    args = parser.parse_args(argv)
    load_model.cache_clear()
    records = training_records()[:args.limit]
    docs = load_nlp().pipe([r["text"] for r in records], batch_size=32)
    data = [example_rows(r, doc) for r, doc in zip(records, docs)]
    held, train = data[:HELD_OUT], data[HELD_OUT:]
    weights, bias = fit(train, args.c)
    verbs = frequent_verbs(train)
    rules = choice_f1(held, {}, 0.0, frozenset())
    print(f"held-out {len(held)} examples: choice F1 {choice_f1(held, weights, bias, verbs):.3f} "
          f"(the rules alone: {rules:.3f})")
    weights, bias = fit(data, args.c)
    lines = [f"# event-place model: logistic regression on {len(data)} event-location examples "
             f"(python -m newsevents.extract.event_place_training); feature\tweight",
             f"__bias__\t{bias:.4f}"]
    lines += [f"{VERB_PREFIX}{verb}\t1" for verb in sorted(frequent_verbs(data))]
    lines += [f"{name}\t{w:.3f}" for name, w in sorted(weights.items()) if abs(w) >= MIN_WEIGHT]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.out}: {sum(len(r) for r in data)} places, {len(frequent_verbs(data))} verbs, "
          f"{len(lines) - 2} lines")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
