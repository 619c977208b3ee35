"""Train the attribution span tagger on PolNeAR *train* (never dev): ``python -m
newsevents.extract.source_tagger_training [--polnear DIR] [--limit N]``. Takes a few minutes on
one core, most of it parsing; crfsuite's L-BFGS is deterministic, so a rerun gives the same model.

Each word's gold label is the BIO tag of the gold Source, Cue or Content span holding it (spans
trimmed of the spaces and . , ; : the scorer ignores, so a final period is never learned as part
of a span). The features include the rules' own relations (source_tagger.py), computed on train
as at run time.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsevents.extract.crf import train_crf
from newsevents.extract.source_tagger import MODEL, paragraphs, sequence_features, trim_marks
from newsevents.settings import shared_data_root

DEFAULT_POLNEAR = shared_data_root() / "gold" / "polnear"
TYPES = {"Source": "source", "Cue": "cue", "Content": "content"}
# Chosen on a held-out fifth of train (every fifth article; trained on the rest): exact F1
# source/cue/content .743/.715/.642 with c1=0.3, .751/.721/.651 with 4.0; a strong L1 also keeps
# the model small (2.8 and 0.7 MB). L-BFGS had not converged after 100 iterations: 250 gave
# .752/.733/.653 against .750/.723/.647 on the same fifth (c1=1.0 with 250: .755/.731/.656, a
# model twice the size).
# The word-pair features (bg=, bgn=, dd=; source_tagger.sequence_features) on the same fifth:
# .775/.728/.658 against .775/.729/.655 without them (counting each distinct span once).
PARAMS = {
    "c1": 4.0,
    "c2": 0.01,
    "max_iterations": 250,
    "feature.possible_transitions": True,
    "feature.minfreq": 5,  # a feature must occur this often in train to get a weight
}


def gold_spans(ann: str, text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every Source, Cue and Content piece of a brat .ann file."""
    spans = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if not (line.startswith("T") and len(fields) >= 3):
            continue
        label, *offsets = fields[1].replace(";", " ").split()
        if label not in TYPES:
            continue
        numbers = [int(x) for x in offsets]
        for start, end in zip(numbers[::2], numbers[1::2]):
            start, end = trim_marks(text, start, end)
            if end > start:
                spans.append((TYPES[label], start, end))
    return spans


def articles(root: Path, split: str = "train", limit: int | None = None):
    """(name, text, gold spans) per article, one annotation each (the first in name order)."""
    chosen: dict[str, Path] = {}
    for ann in sorted((root / split / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    for base, ann in sorted(chosen.items())[:limit]:
        text = (root / split / "text" / f"{base}.txt").read_text(encoding="utf-8")
        yield base, text, gold_spans(ann.read_text(encoding="utf-8"), text)


def gold_labels(words, spans: list[tuple[str, int, int]]) -> list[str]:
    labels = []
    previous = None
    for token in words:
        hit = next((s for s in spans if s[1] <= token.idx < s[2]), None)
        if hit is None:
            labels.append("O")
        else:
            labels.append(("I-" if hit == previous else "B-") + hit[0])
        previous = hit
    return labels


def training_rows(name: str, text: str, spans, doc):
    """(features, labels) per paragraph of one parsed article."""
    from newsevents.extract.attribution import rule_relations
    from newsevents.extract.coref import context
    from newsevents.records import Article

    ctx = context(doc, Article(id=name, headline="", body=text))
    relations = rule_relations(doc, ctx.article, ctx)
    features = sequence_features(doc, relations, ctx.quoted)
    return [(f, gold_labels(words, spans)) for words, f in zip(paragraphs(doc), features)]


def train(rows, out: Path = MODEL, params: dict | None = None) -> None:
    train_crf(rows, {**PARAMS, **(params or {})}, out)


def main(argv: list[str] | None = None) -> int:
    from newsevents.language import load_nlp

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR)
    parser.add_argument("--limit", type=int, default=None, help="train on the first N articles")
    parser.add_argument("--out", type=Path, default=MODEL, help="where to write the model")
    args = parser.parse_args(argv)
    began = time.monotonic()
    items = list(articles(args.polnear, "train", args.limit))
    docs = load_nlp().pipe((text for _, text, _ in items), batch_size=16)
    rows = [
        row for (name, text, spans), doc in zip(items, docs)
        for row in training_rows(name, text, spans, doc)
    ]
    parsed = time.monotonic()
    train(rows, args.out)
    size = args.out.stat().st_size / 1e6
    print(f"{args.out}: {len(items)} articles, {len(rows)} paragraphs, {size:.1f} MB "
          f"(parse {parsed - began:.0f} s, train {time.monotonic() - parsed:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
