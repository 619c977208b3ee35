"""Events out of the store as JSON Lines, CSV, Parquet or GeoJSON, provenance included."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

FORMATS = ("jsonl", "csv", "parquet", "geojson")


class ExportError(ValueError):
    pass


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def write_rows(rows: Iterable[dict[str, Any]], stream: IO[str], fmt: str) -> int:
    """Write event rows to an open text stream as jsonl or csv; lists become '; '-joined in csv."""
    count = 0
    if fmt == "jsonl":
        for row in rows:
            stream.write(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False) + "\n")
            count += 1
        return count
    if fmt == "csv":
        writer = None
        for row in rows:
            flat = {k: "; ".join(map(str, v)) if isinstance(v, list) else _plain(v) for k, v in row.items()}
            if writer is None:
                writer = csv.DictWriter(stream, fieldnames=list(flat))
                writer.writeheader()
            writer.writerow(flat)
            count += 1
        return count
    raise ExportError(f"format {fmt!r} cannot be streamed; choose jsonl or csv")


def geojson(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """A FeatureCollection of the events that have coordinates."""
    features = []
    for row in rows:
        if row.get("lat") is None or row.get("lon") is None:
            continue
        properties = {k: _plain(v) for k, v in row.items() if k not in ("lat", "lon")}
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": properties,
        })
    return {"type": "FeatureCollection", "features": features}


def export_events(store, path: str | Path, fmt: str) -> int:
    """Write every event of ``store`` to ``path``; the file is replaced only once complete."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    path = Path(path)
    rows = store.events()
    partial = path.with_name(path.name + ".partial")
    if fmt == "parquet":
        frame = store.events_df()
        frame.to_parquet(partial, index=False)
    elif fmt == "geojson":
        partial.write_text(json.dumps(geojson(rows), ensure_ascii=False), encoding="utf-8")
    else:
        with partial.open("w", encoding="utf-8", newline="") as stream:
            write_rows(rows, stream, fmt)
    partial.replace(path)
    return len(rows)
