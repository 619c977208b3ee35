"""Article extraction against the article-extraction benchmark (181 pages with gold bodies).

Scores, per page, 4-word shingles of ``\\w+`` tokens (multiset matching, as the benchmark's own
evaluate.py): tp/fp/fn are normalised per page so long pages do not weigh more, averaged over
pages, then P = tp/(tp+fp), R = tp/(tp+fn), F1. Three systems in one run:
- html: ``clean`` on the page (trafilatura, then our text cleaner);
- text: the page's visible text (a crawler's text dump, via html-text) through our text cleaner;
- trafilatura_html: ``trafilatura.extract`` with its defaults, the published baseline (F1 0.960).

    python -m evaluation.articles [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from evaluation.common import shared_data, summary_line

_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def match(gold: str, predicted: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page."""
    true, pred = shingles(gold), shingles(predicted)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def prf(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    if not counts:
        return 0.0, 0.0, 0.0
    tp, fp, fn = (sum(c[i] for c in counts) / len(counts) for i in range(3))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def load_gold(limit: int | None = None) -> list[tuple[str, str, str, str]]:
    """(id, url, gold body, html) per page, validated: every gold id has its page and a body."""
    root = shared_data("gold", "article-extraction")
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth)[:limit]:
        entry = truth[key]
        if not isinstance(entry, dict) or "articleBody" not in entry:
            raise ValueError(f"ground-truth.json: {key} has no articleBody")
        path = root / "html" / f"{key}.html.gz"
        html = _decode(gzip.decompress(path.read_bytes()))
        pages.append((key, entry.get("url") or "", entry["articleBody"], html))
    return pages


def _decode(data: bytes) -> str:
    from newsevents.sources.raw import ReadProblem, decode

    try:
        return decode(data)
    except ReadProblem:
        return data.decode("utf-8", errors="replace")


def ours_html(html: str) -> str:
    from newsevents.clean import ArticleError, clean
    from newsevents.sources import RawDocument

    try:
        return clean(RawDocument("page", html, "html")).body
    except ArticleError:
        return ""


def ours_text(html: str) -> str:
    from newsevents.clean import ArticleError, clean
    from newsevents.sources import RawDocument

    try:
        return clean(RawDocument("page", text_dump(html), "text")).body
    except ArticleError:
        return ""


def text_dump(html: str) -> str:
    """All visible text of a page, as a crawler saves it (blocks on their own lines)."""
    import html_text

    return html_text.extract_text(html, guess_layout=True)


def trafilatura_html(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


SYSTEMS: dict[str, Callable[[str], str]] = {
    "html": ours_html,
    "text": ours_text,
    "trafilatura_html": trafilatura_html,
}


def evaluate(limit: int | None = None, verbose: bool = False) -> dict[str, float]:
    pages = load_gold(limit)
    counts: dict[str, list] = {name: [] for name in SYSTEMS}
    seconds: dict[str, float] = dict.fromkeys(SYSTEMS, 0.0)
    for key, _url, gold, html in pages:
        for name, system in SYSTEMS.items():
            started = time.perf_counter()
            predicted = system(html)
            seconds[name] += time.perf_counter() - started
            counts[name].append(match(gold, predicted))
            if verbose:
                print(f"{key[:12]} {name:17} f1={prf([counts[name][-1]])[2]:.3f}")
    scores: dict[str, float] = {}
    for name in SYSTEMS:
        p, r, f = prf(counts[name])
        ms = 1000 * seconds[name] / max(1, len(pages))
        print(f"{name:17} P={p:.3f} R={r:.3f} F1={f:.3f} ms/page={ms:.1f} pages={len(pages)}")
        scores[f"{name}_f1"] = round(f, 4)
    scores["ms_per_page"] = round(1000 * seconds["html"] / max(1, len(pages)), 1)
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    parser.add_argument("--verbose", action="store_true", help="print each page's F1")
    args = parser.parse_args()
    print(summary_line("articles", evaluate(args.limit, args.verbose)))


if __name__ == "__main__":
    main()
