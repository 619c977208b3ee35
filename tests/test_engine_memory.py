"""What the local engine does to keep workers small must not change what they read."""

from __future__ import annotations

import gc
from dataclasses import replace
from pathlib import Path

from newsevents.engines import local
from newsevents.engines.local import iter_articles, warm_up
from newsevents.reading import read_articles
from newsevents.records import Article, to_dict
from newsevents.settings import Settings

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_warm_up_loads_once_and_freezes_the_heap(monkeypatch):
    monkeypatch.setattr(local, "_warm", False)
    try:
        warm_up(Settings())
        frozen = gc.get_freeze_count()
        assert frozen > 0
        warm_up(Settings())  # a second call does nothing
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_parse_batch_does_not_change_readings():
    articles = [a for a in iter_articles([str(EXAMPLES)]) if isinstance(a, Article)]
    articles = articles * 5  # more than one parse batch
    one_by_one = [to_dict(r) for r in read_articles(articles, replace(Settings(), batch_size=1))]
    batched = [to_dict(r) for r in read_articles(articles, Settings())]
    assert batched == one_by_one


def test_release_memory_is_harmless():
    local._release_memory()
