"""Events out of the store as JSON Lines, CSV, Parquet, GeoJSON or PLOVER JSON, provenance included."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

FORMATS = ("jsonl", "csv", "parquet", "geojson", "plover")
# PLOVER's location "resolution": 1 country, 2 province, 3 district, 4 city (manual, Data Fields).
RESOLUTION = {"country": 1, "adm1": 2, "adm2": 3, "city": 4}


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


def _day(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def _entities(names, countries, sectors) -> list[dict[str, Any]]:
    return [{"entity_text": name, "code": code, "sector": sector}
            for name, code, sector in zip(names or [], countries or [], sectors or [])]


def plover_record(row: dict[str, Any], quad: dict[str, int]) -> dict[str, Any]:
    """One event row as a PLOVER JSON record (the manual's "Data Fields" names), with our own
    fields (ACLED category, certainty, source chain, corroboration) added under their own names.
    An event dated only "on or before" the publication date has no ``date``, its ``enddate``
    says the bound: PLOVER's date is required, but inventing one would be worse."""
    start, end = _day(row.get("date_start")), _day(row.get("date_end"))
    record: dict[str, Any] = {
        "id": row["id"],
        "has_event": True,
        "date": start,
        "enddate": end if end != start else None,
        "actor": _entities(row.get("actor"), row.get("actor_country"), row.get("actor_sector")),
        "recipient": _entities(row.get("recipient"), row.get("recipient_country"), row.get("recipient_sector")),
        "event": [row["type"]],
        "mode": [row["mode"]] if row.get("mode") else [],
        "context": list(row.get("context") or []),
        "quad_code": quad.get(row["type"]),
        "event_text": [row.get("evidence")],
        "text": row.get("evidence"),
        "text_info": {"sequence": row.get("sentence"), "start": row.get("start"), "end": row.get("end")},
        "cite_info": {"url": row.get("url"), "title": row.get("headline"), "publication": row.get("outlet"),
                      "language": "en", "coder": "newsevents", "codebook": "PLOVER"},
        "acled_event_type": row.get("acled_event_type"),
        "acled_sub_event_type": row.get("acled_sub_event_type"),
        "certainty": row.get("certainty"),
        "source": row.get("source"),
        "source_chain": list(row.get("chain") or []),
        "date_basis": row.get("date_basis"),
        "published": _day(row.get("published")),
        "article_id": row.get("article_id"),
        "corroborating_outlets": list(row.get("copy_outlets") or []),
        "confidence": row.get("confidence"),
    }
    if row.get("place"):
        record["event_loc"] = {
            "resolved_place": row["place"],
            "geonameid": row.get("geonameid"), "lat": row.get("lat"), "lon": row.get("lon"),
            "feature": row.get("place_feature"), "resolution": RESOLUTION.get(row.get("place_feature")),
            "also_at": list(row.get("also_at") or []),
        }
    return record


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
    elif fmt == "plover":
        from newsevents.ontology import event_lexicon

        quad = dict(event_lexicon().quad)
        with partial.open("w", encoding="utf-8") as stream:
            for row in rows:
                stream.write(json.dumps(plover_record(row, quad), ensure_ascii=False) + "\n")
    else:
        with partial.open("w", encoding="utf-8", newline="") as stream:
            write_rows(rows, stream, fmt)
    partial.replace(path)
    return len(rows)
