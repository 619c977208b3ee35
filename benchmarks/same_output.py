"""Do two versions of the pipeline read the same corpus into the same rows?

    python -m benchmarks.same_output dump --limit 300 --out ref.json [--processes 2]
    python -m benchmarks.same_output compare ref.json new.json

``dump`` ingests the first ``limit`` corpus articles into a fresh DuckDB file and writes every
article-table row (ingestion times left out) as JSON, sorted so row order does not matter;
``compare`` prints per-table differences and exits 1 if there are any.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

from benchmarks.throughput import subset
from newsevents.engines.local import ingest
from newsevents.settings import Settings
from newsevents.store import ARTICLE_TABLES, Store

TABLES = ("articles", *ARTICLE_TABLES)
SKIP = {"ingested_at"}
# ``origin`` holds the path of the run's temporary copy of the corpus: not an output.
TEMP_FOLDER = re.compile(r"/tmp/tmp\w+/")


def dump(limit: int, out: Path, processes: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path, _ = subset(limit, Path(folder))
        store = Store(Path(folder) / "same.duckdb")
        ingest([str(path)], store, settings=Settings(processes=processes))
        tables = {}
        for table in TABLES:
            cursor = store.db.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cursor.description]
            rows = [
                json.dumps({n: v for n, v in zip(names, row) if n not in SKIP},
                           default=str, sort_keys=True, ensure_ascii=False)
                for row in cursor.fetchall()
            ]
            tables[table] = sorted(rows)
        store.close()
    out.write_text(json.dumps(tables, ensure_ascii=False, indent=0))
    print(" ".join(f"{t}={len(r)}" for t, r in tables.items()))


def compare(a: Path, b: Path) -> int:
    left, right = (json.loads(TEMP_FOLDER.sub("<tmp>/", p.read_text())) for p in (a, b))
    differ = 0
    for table in TABLES:
        x, y = left.get(table, []), right.get(table, [])
        only_x = sorted(set(x) - set(y))
        only_y = sorted(set(y) - set(x))
        status = "same" if x == y else f"DIFFER (-{len(only_x)} +{len(only_y)})"
        print(f"{table}: {len(x)} vs {len(y)} rows: {status}")
        for row in only_x[:3]:
            print("  -", row[:300])
        for row in only_y[:3]:
            print("  +", row[:300])
        differ += x != y
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--limit", type=int, default=300)
    d.add_argument("--processes", type=int, default=2)
    d.add_argument("--out", type=Path, required=True)
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        dump(args.limit, args.out, args.processes)
        return 0
    return compare(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
