"""Train the role tagger on ConfliBERT cameo_ner *train* (never test):
``python -m newsevents.extract.role_training [--data DIR] [--holdout]``.

Each gold sentence (words with B-S/I-S, B-T/I-T, B-R/I-R tags) is joined with spaces, parsed by
our spaCy pipeline and read by the actors stage, and every spaCy token takes the tag of the gold
word it falls in (B- only on the word's first token). Recipients (R) train as targets (T): both
answer "to whom", and events carry one recipient list. ``--holdout`` first fits on four fifths of
train and prints span F1 on the other fifth (every fifth sentence; token overlap, as the
evaluation matches), to choose settings without looking at test. Needs only python-crfsuite; a
minute or two on one core, most of it parsing. Deterministic (crfsuite's L-BFGS has no randomness).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsevents.extract.actors import extract_actors
from newsevents.extract.crf import train_crf
from newsevents.extract.role_tagger import (
    MODEL_PATH, chunk_positions, sentence_features, spans_from_tags,
)
from newsevents.language import load_nlp
from newsevents.records import Article
from newsevents.settings import shared_data_root

DEFAULT_DATA = shared_data_root()
# L1 keeps few features (a small file); L2 smooths the rest. Chosen with --holdout.
PARAMS = {"c1": 0.1, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True}


def bio_sentences(path: Path) -> list[list[tuple[str, str]]]:
    """(word, tag) lists, one per blank-line separated sentence."""
    sentences, words = [], []
    for line in path.open(encoding="utf-8"):
        parts = line.split()
        if not parts:
            if words:
                sentences.append(words)
            words = []
        elif len(parts) >= 2:
            words.append((parts[0], parts[-1]))
    if words:
        sentences.append(words)
    return sentences


def _token_tags(doc, words: list[tuple[str, str]]) -> list[str]:
    """A tag per spaCy token from the gold word it starts in (R folds into T)."""
    owner, offset = {}, 0
    for n, (word, _) in enumerate(words):
        for c in range(offset, offset + len(word)):
            owner[c] = (n, c == offset)
        offset += len(word) + 1
    tags = []
    for token in doc:
        n, first = owner.get(token.idx, (None, False))
        tag = words[n][1] if n is not None else "O"
        if tag == "O":
            tags.append("O")
            continue
        prefix, role = tag.split("-", 1)
        role = "T" if role == "R" else role
        tags.append(f"{'B' if prefix == 'B' and first else 'I'}-{role}")
    return tags


def examples(sentences: list[list[tuple[str, str]]]):
    """(features, tags) per spaCy sentence of each gold sentence."""
    nlp = load_nlp()
    texts = [" ".join(w for w, _ in words) for words in sentences]
    for n, (doc, words) in enumerate(zip(nlp.pipe(texts, batch_size=64), sentences)):
        actors = extract_actors(doc, Article(id=f"train-{n}", headline="", body=doc.text))
        tags = _token_tags(doc, words)
        chunks = chunk_positions(doc)
        for sent in doc.sents:
            yield sent, sentence_features(sent, actors, chunks), tags[sent.start:sent.end]


def fit(data: list, path: Path) -> None:
    train_crf(((features, tags) for _, features, tags in data), PARAMS, path)


def span_f1(data: list, path: Path) -> float:
    """Overlap-matched span F1 (one to one, same role), as ``evaluation.events`` scores roles."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    tp = fp = fn = 0
    for sent, features, tags in data:
        gold = spans_from_tags(sent, tags)
        unmatched = list(gold)
        for start, end, role in spans_from_tags(sent, tagger.tag(features)):
            hit = next((g for g in unmatched if g[2] == role and g[0] < end and start < g[1]), None)
            if hit is None:
                fp += 1
            else:
                unmatched.remove(hit)
                tp += 1
        fn += len(unmatched)
    return 2 * tp / max(2 * tp + fp + fn, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--holdout", action="store_true",
                        help="first report F1 on a held-out fifth of train")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    sentences = bio_sentences(args.data / "gold" / "conflibert" / "cameo_ner" / "train.txt")
    data = list(examples(sentences))
    print(f"{len(sentences)} gold sentences, {len(data)} parsed sentences")
    if args.holdout:
        scratch = args.out.with_suffix(".holdout")
        fit([d for i, d in enumerate(data) if i % 5], scratch)
        print(f"held-out fifth: span F1 {span_f1(data[::5], scratch):.3f}")
        scratch.unlink()
    fit(data, args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
