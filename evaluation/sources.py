"""Attribution against PolNeAR (`python -m evaluation.sources [--limit N] [--split dev]`).

Gold: ../shared/data/gold/polnear/<split>/attributions/*.ann (brat: Source, Cue, Content spans)
beside <split>/text/*.txt. Articles annotated by several annotators are scored against the first
annotation in file-name order (one per article, 84 on dev). A discontinuous brat span counts as
its pieces ("“A,” he said. “B.”" is two content spans), as a tagger's BIO output would.

Predictions: ``newsevents.extract.attribution.find_relations``, the same relations the pipeline
writes as Quote and Attribution records, on the article text parsed by our spaCy pipeline (the
rules' relations on the edges the span tagger draws: extract/source_relations.py). A
relation whose cue splits its content ("*A*, he said, *B*") scores each piece (``Relation.more``).
``--diagnose`` adds where the exact-match errors come from (boundary, missed, spurious).

Scores, per span type (source, cue, content):
- exact: a predicted span counts when a gold span of the type has the same offsets, after both are
  trimmed of surrounding spaces and of . , ; : (annotators differ on a final period); each
  distinct span counts once, in the predictions as in the gold (one speaker of two relations is
  one Source annotation there);
- token: P/R/F1 over tokens (``\\w+`` and single punctuation marks) labelled with the type.
Direct quotes alone: gold contents in quote marks vs predicted direct quotes (exact content, and
content with the exact source).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from evaluation.common import shared_data, summary_line
from newsevents.extract.attribution import find_relations
from newsevents.language import load_nlp
from newsevents.records import Article

TYPES = ("source", "cue", "content")
LEARNED = Path(__file__).resolve().parent.parent / "src/newsevents/resources/cues/learned.tsv"
TRIM = " \t\n\r\xa0.,;:"
TOKEN = re.compile(r"\w+|[^\w\s]")
QUOTE_MARKS = "“”\"„«»"


@dataclass(frozen=True, slots=True)
class GoldArticle:
    name: str
    text: str
    spans: dict[str, tuple[tuple[int, int], ...]]  # type -> spans
    # (content, source, cue) of each relation; source and cue may be missing
    relations: tuple[tuple[tuple[int, int], tuple[int, int] | None, tuple[int, int] | None], ...]


class GoldError(ValueError):
    pass


def parse_ann(ann: str, text: str, name: str) -> GoldArticle:
    """Spans and relations of one .ann file, each span checked against the text."""
    spans: dict[str, dict[str, list[tuple[int, int]]]] = {t: {} for t in TYPES}
    links = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 3:
            label, *offsets = fields[1].replace(";", " ").split()
            kind = label.lower()
            if kind not in TYPES:
                continue
            numbers = [int(x) for x in offsets]
            first = text[numbers[0] : numbers[1]].split("\n")[0]  # brat cuts its copy at a newline
            if not fields[2].startswith(first):
                raise GoldError(f"{name}: {fields[0]} {first!r} is not the start of {fields[2]!r}")
            pieces = sorted(_trim(text, a, b) for a, b in zip(numbers[::2], numbers[1::2]))
            spans[kind][fields[0]] = [p for p in pieces if p[1] > p[0]]
        elif line.startswith("E"):
            roles = dict(part.split(":") for part in fields[1].split() if ":" in part)
            links.append(roles)
    relations = []
    for roles in links:
        source = (spans["source"].get(roles.get("Source", "")) or [None])[0]
        cue = (spans["cue"].get(roles.get("Cue", "")) or [None])[0]
        for content in spans["content"].get(roles.get("Content", ""), []):
            relations.append((content, source, cue))
    flat = {k: tuple(piece for pieces in v.values() for piece in pieces) for k, v in spans.items()}
    return GoldArticle(name, text, flat, tuple(relations))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def gold_articles(split: str = "dev", limit: int | None = None) -> Iterator[GoldArticle]:
    root = shared_data("gold", "polnear", split)
    chosen: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        base = ann.stem.rsplit("_", 1)[0]
        chosen.setdefault(base, ann)
    for count, (base, ann) in enumerate(sorted(chosen.items())):
        if limit is not None and count >= limit:
            return
        text = (root / "text" / f"{base}.txt").read_text(encoding="utf-8")
        yield parse_ann(ann.read_text(encoding="utf-8"), text, base)


def predict(gold: GoldArticle, doc) -> tuple[dict[str, list[tuple[int, int]]], list]:
    """Predicted spans per type, and (content, source) of the direct quotes, for one article."""
    article = Article(id=gold.name, headline="", body=gold.text)
    relations = find_relations(doc, article)
    spans: dict[str, list[tuple[int, int]]] = {t: [] for t in TYPES}
    for rel in relations:
        pieces = [("content", piece) for piece in rel.more]
        named = (("source", rel.source), ("cue", rel.cue), ("content", rel.content))
        for kind, span in (*named, *pieces):
            if span is not None:
                trimmed = _trim(gold.text, *span)
                if trimmed[1] > trimmed[0]:
                    spans[kind].append(trimmed)
    # a span several relations share ("He said A and added B": one speaker) is one span of the
    # text, as in the gold, where relations share a span by linking the same annotation
    spans = {kind: sorted(set(found)) for kind, found in spans.items()}
    direct = [
        (_trim(gold.text, *r.content), _trim(gold.text, *r.source) if r.source else None)
        for r in relations
        if r.kind == "direct"
    ]
    return spans, direct


def _tokens(text: str, spans) -> set[int]:
    chars = set()
    for start, end in spans:
        for match in TOKEN.finditer(text, start, end):
            chars.add(match.start())
    return chars


def _is_direct(text: str, span: tuple[int, int]) -> bool:
    body = text[span[0] : span[1]]
    body = body.replace("''", '"')  # doubled apostrophes stand for a straight mark (NYT)
    return len(body) > 2 and body[0] in QUOTE_MARKS and body.rstrip(".,!?")[-1] in QUOTE_MARKS


class Counts:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, predicted, gold) -> None:
        predicted, gold = list(predicted), list(gold)
        remaining = list(gold)
        for item in predicted:
            if item in remaining:
                remaining.remove(item)
                self.tp += 1
            else:
                self.fp += 1
        self.fn += len(remaining)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(limit: int | None = None, split: str = "dev") -> dict[str, float]:
    """Exact and token P/R/F1 per span type and for direct quotes, over ``limit`` articles."""
    nlp = load_nlp()
    golds = list(gold_articles(split, limit))
    return score(zip(golds, nlp.pipe(g.text for g in golds)))


def score(pairs) -> dict[str, float]:
    """The scores over (gold article, parsed doc) pairs."""
    counts = {f"{m}_{t}": Counts() for m in ("exact", "token") for t in TYPES}
    quote_counts = {"quote_content": Counts(), "quote_speaker": Counts()}
    articles = 0
    for gold, doc in pairs:
        articles += 1
        spans, direct = predict(gold, doc)
        for kind in TYPES:
            counts[f"exact_{kind}"].add(spans[kind], gold.spans[kind])
            counts[f"token_{kind}"].add(
                _tokens(gold.text, spans[kind]), _tokens(gold.text, gold.spans[kind])
            )
        gold_direct = [(c, s) for c, s, _ in gold.relations if _is_direct(gold.text, c)]
        quote_counts["quote_content"].add([c for c, _ in direct], [c for c, _ in gold_direct])
        quote_counts["quote_speaker"].add(direct, gold_direct)
    scores: dict[str, float] = {}
    for kind in TYPES:
        scores[f"{kind}_f1"] = counts[f"exact_{kind}"].prf()[2]
    for name, count in {**counts, **quote_counts}.items():
        p, r, f = count.prf()
        scores.update({f"{name}_p": p, f"{name}_r": r, f"{name}_f1": f})
    scores["articles"] = articles
    return scores


# --- learning the cue lexicon from train ---------------------------------------------------------


def _head(doc, span: tuple[int, int]):
    """The token of a char span whose head lies outside it (its syntactic head)."""
    tokens = [t for t in doc if span[0] <= t.idx < span[1]]
    for token in tokens:
        if not (span[0] <= token.head.idx < span[1]) or token.head.i == token.i:
            return token
    return None


def _link(cue, content) -> str:
    """How the content's head hangs from the cue: "ccomp", "prep>pobj", or "other"."""
    if content.head.i == cue.i:
        return content.dep_
    if content.head.head.i == cue.i:
        return f"{content.head.dep_}>{content.dep_}"
    return "other"


def learn(pairs) -> list[str]:
    """Rows of resources/cues/learned.tsv: for each cue head lemma and part of speech seen in
    the gold relations, how often it is a cue, how often it occurs at all, and how its content
    attaches to it (dependency labels with their counts)."""
    cues: Counter = Counter()
    totals: Counter = Counter()
    links: dict = defaultdict(Counter)
    for gold, doc in pairs:
        for token in doc:
            totals[(token.lemma_.lower(), token.pos_)] += 1
        for content, _, cue in gold.relations:
            cue_head = _head(doc, cue) if cue else None
            content_head = _head(doc, content)
            if cue_head is None or content_head is None:
                continue
            key = (cue_head.lemma_.lower(), cue_head.pos_)
            cues[key] += 1
            links[key][_link(cue_head, content_head)] += 1
    rows = ["# lemma\tpos\tas_cue\toccurrences\tcontent links (learned from PolNeAR train)"]
    for (lemma, pos), count in sorted(cues.items(), key=lambda kv: -kv[1]):
        if count < 2 or "\t" in lemma or not lemma.strip():
            continue
        deps = ",".join(f"{d}:{n}" for d, n in links[(lemma, pos)].most_common() if n >= 2)
        rows.append(f"{lemma}\t{pos}\t{count}\t{totals[(lemma, pos)]}\t{deps}")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument(
        "--learn", action="store_true",
        help=f"rebuild {LEARNED} from the train split (about 10 minutes) instead of scoring",
    )
    parser.add_argument(
        "--diagnose", action="store_true",
        help="also print where exact-match errors come from (evaluation/sources_diagnose.py)",
    )
    args = parser.parse_args(argv)
    if args.learn:
        nlp = load_nlp()
        golds = list(gold_articles("train", args.limit))
        rows = learn(zip(golds, nlp.pipe(g.text for g in golds)))
        LEARNED.write_text("\n".join(rows) + "\n", encoding="utf-8")
        print(f"{LEARNED}: {len(rows) - 1} cue lemmas from {len(golds)} train articles")
        return 0
    scores = evaluate(args.limit, args.split)
    if args.diagnose:
        from evaluation.sources_diagnose import report

        nlp = load_nlp()
        golds = list(gold_articles(args.split, args.limit))
        print(report(zip(golds, nlp.pipe(g.text for g in golds))))
    print(f"PolNeAR {args.split}: {scores['articles']} articles")
    for name in ("exact_source", "exact_cue", "exact_content", "token_source", "token_cue",
                 "token_content", "quote_content", "quote_speaker"):
        p, r, f = (scores[f"{name}_{x}"] for x in ("p", "r", "f1"))
        print(f"  {name:15} P={p:.3f} R={r:.3f} F1={f:.3f}")
    print(summary_line("sources", {f"{k}_f1": scores[f"{k}_f1"] for k in TYPES}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
