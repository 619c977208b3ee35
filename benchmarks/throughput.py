"""Throughput and memory of the whole pipeline: corpus JSONL -> fresh DuckDB file.

    python -m benchmarks.throughput --limit 500 [--processes 2] [--profile]

Last line: ``bench: articles=N articles_per_s=X words_per_s=X peak_rss_mb=X peak_pss_total_mb=X
cpu_s=X gazetteer_load_ms=X``
(peak_rss_mb: the largest single process; peak_pss_total_mb: all processes together, shared
pages counted once; cpu_s: CPU seconds of all processes, steadier than the wall clock when other
work shares the cores; gazetteer_load_ms: loading the built gazetteer index, which the places
issue wants well under a second).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import os
import resource
import sys
import tempfile
import threading
import time
from itertools import islice
from pathlib import Path

from evaluation.common import shared_data
from newsevents.engines.local import ingest
from newsevents.gazetteer import load_gazetteer
from newsevents.language import load_nlp
from newsevents.settings import Settings
from newsevents.store import Store

CORPUS = ("corpora", "ukraine-media", "articles.jsonl")


def subset(limit: int, folder: Path) -> tuple[Path, int]:
    """The first ``limit`` lines of the corpus (all if 0) as a file, and their word count."""
    source = shared_data(*CORPUS)
    target = folder / "articles.jsonl"
    words = 0
    with source.open(encoding="utf-8") as lines, target.open("w", encoding="utf-8") as out:
        for line in islice(lines, limit or None):
            out.write(line)
            words += len(json.loads(line).get("text", "").split())
    return target, words


class MemorySampler:
    """Peak proportional set size (PSS) of this process and its workers together, sampled
    every ``interval`` seconds. Summing RSS would count the pages forked workers share with the
    parent (the model, the gazetteer) once per process; PSS splits them between the sharers."""

    def __init__(self, interval: float = 0.5):
        self.interval, self.peak_kb = interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "MemorySampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(pid) for pid in _family(os.getpid())))
            self._stop.wait(self.interval)


def _family(pid: int) -> list[int]:
    """The process and its children (the worker pool)."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return [pid]
    return [pid, *(int(c) for c in children)]


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass  # a worker that just ended, or a system without /proc: counts nothing
    return 0


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024  # ru_maxrss is in KiB on Linux


def cpu_seconds() -> float:
    """User and system CPU time of this process and its reaped children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def profile_summary(profile: cProfile.Profile, top: int = 15) -> str:
    buffer = io.StringIO()
    stats = pstats.Stats(profile, stream=buffer)
    stats.sort_stats("cumulative").print_stats(r"newsevents|spacy/language|duckdb", top)
    return buffer.getvalue()


def run(limit: int, processes: int, profile: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        path, words = subset(limit, Path(folder))
        load_nlp(Settings().model)  # loading is start-up, not throughput
        gazetteer_ms = gazetteer_load_ms()
        store = Store(Path(folder) / "bench.duckdb")
        profiler = cProfile.Profile() if profile else None
        start, cpu_start = time.perf_counter(), cpu_seconds()
        if profiler:
            profiler.enable()
        with MemorySampler() as memory:
            summary = ingest([str(path)], store, settings=Settings(processes=processes))
        if profiler:
            profiler.disable()
        elapsed = time.perf_counter() - start
        store.close()
        cpu = cpu_seconds() - cpu_start
    if profiler:
        print(profile_summary(profiler))
    print(f"{summary.documents} documents, {summary.stored} stored, {summary.events} events, "
          f"{summary.failed} failed in {elapsed:.1f} s with {processes} process(es)")
    return {
        "articles": summary.stored,
        "articles_per_s": summary.stored / elapsed,
        "words_per_s": words / elapsed,
        "peak_rss_mb": peak_rss_mb(),
        "peak_pss_total_mb": memory.peak_kb / 1024,
        "cpu_s": cpu,
        "gazetteer_load_ms": gazetteer_ms,
    }


def gazetteer_load_ms() -> float:
    """Milliseconds to load the gazetteer index once it is built (the first use builds it)."""
    load_gazetteer()
    load_gazetteer.cache_clear()
    start = time.perf_counter()
    load_gazetteer()
    return 1000 * (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=500, help="articles to read; 0 = all")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--profile", action="store_true", help="print where the time goes")
    args = parser.parse_args(argv)
    scores = run(args.limit, args.processes, args.profile)
    print("bench: " + " ".join(
        f"{k}={v:.0f}" if k != "articles_per_s" else f"{k}={v:.1f}" for k, v in scores.items()
    ))
    return 0


if __name__ == "__main__":
    sys.exit(main())
