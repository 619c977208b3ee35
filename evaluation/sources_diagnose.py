"""Where the exact-match errors of the attribution evaluation come from
(``python -m evaluation.sources --diagnose``).

Each predicted span of a type (source, cue, content) is *exact* (a gold span of the type has its
offsets), a *boundary* error (it overlaps a gold span of the type, offsets differ) or *spurious*
(it overlaps none); each gold span that no prediction overlaps is *missed*. Predictions are split
by relation kind (direct, indirect, according); boundary errors are further described by what
the prediction has too much or too little at each edge (the first word of the difference, with
long differences bucketed), so the commonest convention mismatches show up at the top.
"""

from __future__ import annotations

from collections import Counter

from evaluation.sources import TYPES, GoldArticle, _trim
from newsevents.extract.attribution import find_relations
from newsevents.records import Article


def _edge(text: str, pred: tuple[int, int], gold: tuple[int, int]) -> str:
    """ "left +that" / "right -”": what the prediction adds (+) or lacks (-) at each edge."""
    parts = []
    for side, (p, g) in (("left", (pred[0], gold[0])), ("right", (pred[1], gold[1]))):
        if p == g:
            continue
        sign = "+" if (p < g if side == "left" else p > g) else "-"
        extra = text[min(p, g) : max(p, g)].strip()
        words = extra.split()
        label = (words[0] if side == "left" else words[-1]) if words else "ws"
        if len(words) > 3:
            label = f"{label}…({'long' if len(words) > 10 else 'few'})"
        parts.append(f"{side} {sign}{label.lower()}")
    return " & ".join(parts) or "same"


def diagnose_article(gold: GoldArticle, doc, counts: Counter, edges: Counter) -> None:
    relations = find_relations(doc, Article(id=gold.name, headline="", body=gold.text))
    text = gold.text
    predicted = {t: [] for t in TYPES}
    for rel in relations:
        pieces = [("content", piece) for piece in rel.more]
        named = (("source", rel.source), ("cue", rel.cue), ("content", rel.content))
        for kind, span in (*named, *pieces):
            if span is not None and _trim(text, *span)[1] > _trim(text, *span)[0]:
                predicted[kind].append((_trim(text, *span), rel.kind))
    # each distinct span once, as the scorer counts them (evaluation/sources.py)
    predicted = {kind: _distinct(found) for kind, found in predicted.items()}
    for kind in TYPES:
        golds = set(gold.spans[kind])
        for span, rel_kind in predicted[kind]:
            overlapping = [g for g in golds if g[0] < span[1] and span[0] < g[1]]
            if span in golds:
                outcome = "exact"
            elif overlapping:
                outcome = "boundary"
                best = max(overlapping, key=lambda g: min(g[1], span[1]) - max(g[0], span[0]))
                edges[(kind, rel_kind, _edge(text, span, best))] += 1
            else:
                outcome = "spurious"
            counts[(kind, rel_kind, outcome)] += 1
        spans = [s for s, _ in predicted[kind]]
        for g in golds:
            if not any(g[0] < s[1] and s[0] < g[1] for s in spans):
                counts[(kind, "gold", "missed")] += 1


def _distinct(found: list) -> list:
    """(span, relation kind) pairs, each span once (with the kind of its first relation)."""
    first: dict = {}
    for span, rel_kind in found:
        first.setdefault(span, rel_kind)
    return list(first.items())


def report(pairs, top: int = 12) -> str:
    counts: Counter = Counter()
    edges: Counter = Counter()
    for gold, doc in pairs:
        diagnose_article(gold, doc, counts, edges)
    lines = []
    for kind in TYPES:
        lines.append(f"{kind}: missed={counts[(kind, 'gold', 'missed')]}")
        for rel_kind in ("direct", "indirect", "according"):
            row = {o: counts[(kind, rel_kind, o)] for o in ("exact", "boundary", "spurious")}
            lines.append(f"  {rel_kind:9} " + " ".join(f"{o}={n}" for o, n in row.items()))
        commonest = [(key, n) for key, n in edges.most_common() if key[0] == kind and n >= 2]
        for (_, rel_kind, edge), n in commonest[:top]:
            lines.append(f"    {n:4} {rel_kind:9} {edge}")
    return "\n".join(lines)
