"""The throughput benchmark's small version: it runs, stores everything, prints its summary."""

from __future__ import annotations

import pytest

from benchmarks import throughput
from evaluation.common import GoldDataMissing


def test_bench_small_run(capsys):
    try:
        scores = throughput.run(limit=10, processes=1, profile=False)
    except GoldDataMissing as error:
        pytest.skip(str(error))
    assert scores["articles"] == 10
    assert scores["articles_per_s"] > 0 and scores["peak_rss_mb"] > 0
    assert scores["peak_pss_total_mb"] > 0 and scores["cpu_s"] > 0 and scores["gazetteer_load_ms"] > 0
    assert "0 failed" in capsys.readouterr().out
