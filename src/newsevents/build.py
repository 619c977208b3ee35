"""Builds the resources that are derived from installed packages and ../shared/data, once, at
install time (``make install`` runs ``python -m newsevents.build``); later loads are fast.
Each builder is idempotent and writes atomically."""

from __future__ import annotations

import sys
import time


def main() -> int:
    from newsevents import gazetteer

    start = time.perf_counter()
    path = gazetteer.build()
    print(f"gazetteer index: {path} ({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
