"""newsevents: raw news articles in, source-attributed PLOVER events out.

    >>> import newsevents
    >>> reading = newsevents.read("article.txt", published="2022-07-05")
    >>> [(e.type, e.place and e.place.name) for e in reading.events]
    >>> store = newsevents.Store("news.duckdb"); store.events_df(place="Lysychansk")
"""

from __future__ import annotations

import os

# numpy's OpenBLAS starts a thread per core, and between the parser's and entity recogniser's
# small matrix products those threads spin on their locks: about a tenth of the parse's CPU time
# for nothing. Documents are read in parallel by processes (engines/local.py), so one BLAS thread
# a process is enough. It must be set before numpy loads; a value the user set is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"

__all__ = ["Store", "read", "read_all", "__version__"]


def __getattr__(name: str):
    # Lazy, so that `import newsevents` does not load spaCy or DuckDB until they are used.
    if name in ("read", "read_all"):
        from newsevents import api

        return getattr(api, name)
    if name == "Store":
        from newsevents.store import Store

        return Store
    raise AttributeError(f"module 'newsevents' has no attribute {name!r}")
