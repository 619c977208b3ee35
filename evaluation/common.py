"""What every evaluation shares: where the gold data is, the summary line, the floors.

The `make eval-NAME` runner and the CI floor tests share one code path: a test calls the same
``evaluate(...)`` function on a subset and compares its scores with ``floors/NAME.json``.
"""

from __future__ import annotations

import argparse
import json
import math
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from newsevents.settings import shared_data_root

FLOORS = Path(__file__).resolve().parent / "floors"


class GoldDataMissing(FileNotFoundError):
    pass


def shared_data(*parts: str) -> Path:
    """A path under ../shared/data (or $NEWSEVENTS_SHARED_DATA); a clear error if it is missing."""
    path = shared_data_root().joinpath(*parts)
    if not path.exists():
        raise GoldDataMissing(f"{path}: gold data not found (expected ../shared/data beside the repo)")
    return path


def prf(correct: int, n_predicted: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts."""
    p = correct / n_predicted if n_predicted else 0.0
    r = correct / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def summary_line(name: str, scores: dict[str, float]) -> str:
    """The last line of `make eval-NAME`: `NAME: key=value key=value`."""
    parts = " ".join(f"{k}={_fmt(v)}" for k, v in scores.items())
    return f"{name}: {parts}"


def _fmt(value: float) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 100 else f"{value:.1f}"
    return str(value)


def floors(name: str) -> dict[str, float]:
    """The guarded minimum scores for a component (lowering one is a visible change)."""
    return json.loads((FLOORS / f"{name}.json").read_text())


@contextmanager
def ingested(db: Path | None, processes: int, inputs: Callable[[Path], list[str]]) -> Iterator:
    """A read-only Store of what the whole pipeline makes of ``inputs(scratch folder)``: ingested
    into ``db`` (kept) or a temporary file, or ``db`` as it is when it exists already."""
    from newsevents.engines.local import ingest
    from newsevents.settings import Settings
    from newsevents.store import Store

    with tempfile.TemporaryDirectory() as scratch:
        db = db or Path(scratch) / "ingested.duckdb"
        if not db.exists():
            with Store(db) as store:
                ingest(inputs(Path(scratch)), store, settings=Settings(db=str(db), processes=processes))
        with Store(db, read_only=True) as store:
            yield store


def corpus_arguments(parser: argparse.ArgumentParser, *, limit: str, errors: str) -> None:
    """The options of an evaluation that ingests a corpus: --limit, --db, --processes, --show-errors."""
    parser.add_argument("--limit", type=int, default=None, help=limit)
    parser.add_argument("--db", type=Path, default=None, help="keep (or reuse) the ingested store here")
    parser.add_argument("--processes", "-p", type=int, default=2)
    parser.add_argument("--show-errors", action="store_true", help=errors)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
