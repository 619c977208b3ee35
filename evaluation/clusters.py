"""Merging reports across articles, scored on the news-cluster corpus (`python -m evaluation.clusters`).

Gold: ../shared/data/corpora/news-cluster/*.json, 383 news-please articles each labelled with the
real-world story it reports (``newsCluster.EventId``, 69 stories, 2-19 articles each: a missile over
Hokkaido, the Las Vegas shooting, the Equifax breach, a Formula 1 crash, ...). The whole pipeline
ingests them into a temporary store (``engines.local.ingest``: dedup, events, clusters as users
get them), then:
- copy_precision: stored copies ("the same article again") whose gold story is their original's;
- merge_precision: pairs of reports from two different articles that ``corroborate.cluster_events``
  puts in one event cluster, counted right when both articles report the same gold story. This
  is what corroboration counts rest on: a wrong merge inflates "reported by N outlets";
- story_recall: pairs of articles of one gold story that share an event cluster or a copy link.
  Many stories here are not political events at all (sport, business, technology), which the
  coder rightly leaves alone, so this stays far from 1: read it as coverage, not as an error rate.
- merged_pairs: how many cross-article report pairs the precision rests on.

    python -m evaluation.clusters [--limit N] [--db FILE] [--show-errors]   (N: the N largest stories)

``--db`` keeps the ingested store (and reuses it if it exists), for looking at the clusters.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from evaluation.common import corpus_arguments, ingested, shared_data, summary_line
from newsevents.corroborate import cluster_events
from newsevents.store import Store


def gold_files(limit: int | None = None) -> dict[Path, tuple[str, str, str]]:
    """file -> (url, story id, story name), for every file or for the ``limit`` largest stories
    with all their articles, so that a subset still holds whole stories with many reports."""
    found = {}
    for path in sorted(shared_data("corpora", "news-cluster").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        cluster = record["newsCluster"]
        found[path] = (record["url"], str(cluster["EventId"]), cluster["Event"])
    sizes = Counter(story for _, story, _ in found.values())
    kept = sorted(sizes, key=lambda story: (-sizes[story], int(story)))[:limit or None]
    return {path: gold for path, gold in found.items() if gold[1] in kept}


def score(store: Store, stories: dict[str, tuple[str, str]], show_errors: bool = False) -> dict[str, float]:
    # Each gold URL is read as a stored article or as a copy of one: both point at an article id.
    article_of = {row["url"]: row["id"] for row in store.query("SELECT id, url FROM articles")}
    copies = store.query("SELECT article_id, url FROM article_copies")
    article_of.update({row["url"]: row["article_id"] for row in copies})
    read = {url: article_of[url] for url in stories if url in article_of}
    story_of = {row["id"]: stories[row["url"]][0]
                for row in store.query("SELECT id, url FROM articles") if row["url"] in stories}
    copies_right = sum(story_of.get(row["article_id"]) == stories[row["url"]][0]
                       for row in copies if row["url"] in stories)

    together: set[tuple[str, str]] = set()
    merged = merged_right = 0
    names = dict(stories.values())
    for cluster in cluster_events(store.events()):
        articles = sorted({r["article_id"] for r in cluster.reports if r["article_id"] in story_of})
        for a, b in itertools.combinations(articles, 2):
            merged += 1
            merged_right += story_of[a] == story_of[b]
            together.add((a, b))
            if show_errors and story_of[a] != story_of[b]:
                print(f"  wrong merge: {cluster.type} at {cluster.place} {cluster.first}..{cluster.last}:"
                      f" {names[story_of[a]]!r} with {names[story_of[b]]!r}")

    by_story = defaultdict(list)
    for url, article in read.items():
        by_story[stories[url][0]].append(article)
    gold_pairs = [tuple(sorted(pair)) for members in by_story.values()
                  for pair in itertools.combinations(members, 2)]
    found = sum(a == b or (a, b) in together for a, b in gold_pairs)
    return {
        "copy_precision": copies_right / len(copies) if copies else 1.0,
        "merge_precision": merged_right / merged if merged else 1.0,
        "story_recall": found / len(gold_pairs) if gold_pairs else 0.0,
        "merged_pairs": merged,
        "copies": len(copies),
        "articles": len(read),
    }


def evaluate(limit: int | None = None, db: Path | None = None, processes: int = 2,
             show_errors: bool = False) -> dict[str, float]:
    """Ingest the corpus (or ``limit`` whole stories) into ``db`` (a temporary file if None;
    reused if it exists) and score it."""
    files = gold_files(limit)
    stories = {url: (story, name) for url, story, name in files.values()}
    with ingested(db, processes, lambda _: [str(p) for p in files]) as store:
        scores = score(store, stories, show_errors)
    scores["stories"] = len({story for story, _ in stories.values()})
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus_arguments(parser, limit="only the N largest stories", errors="print every wrong merge")
    args = parser.parse_args(argv)
    scores = evaluate(args.limit, args.db, args.processes, args.show_errors)
    print(f"{scores['articles']} articles of {scores['stories']} stories; {scores['copies']} copies"
          f" linked, {scores['merged_pairs']} cross-article report pairs merged")
    print(summary_line("clusters", {k: scores[k] for k in ("copy_precision", "merge_precision", "story_recall")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
