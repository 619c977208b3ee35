"""Control claims against Wikipedia's record of who held which Ukrainian city (`python -m evaluation.control`).

Gold: ../shared/data/gold/control-wikipedia/snapshot-*.csv, month-end copies (2022-03-31 ..
2022-12-29, 2023-05-29, 2024-08-17) of "Control of cities during the Russo-Ukrainian War": per city,
who holds it (Ukraine; Russia, Luhansk PR or Donetsk PR, counted as one side; Contested), the date
the last source confirmed it ("As of"), and coordinates.

Claims: the pipeline's ControlClaims over the ukraine-media corpus, ingested into a store (or an
existing one with ``--db``). A claim says which side holds a place at a date (its as-of date, else
the article's publication date): "captured", "retaken" and "holds" give the controller, "withdrawn"
the other side, "contested" a contested city. It is matched to the gold city with its name within
30 km (claims on a region or country are not compared), and checked against the holder at that date: the snapshot after the date when it was
confirmed on or before it, else the holder of the snapshots on both sides when they agree. Claims
whose date falls in a change of hands that the snapshots cannot place are left out (``ambiguous``).

- claim_accuracy: claims whose side is the holder's, over the claims that could be checked;
- change_recall: changes of hands between consecutive snapshots (Ukraine <-> Russia) for which some
  claim, dated from a week before the earlier snapshot to a week after the later one, names the
  new holder: how much of the front line's movement the timeline catches.

    python -m evaluation.control [--limit N] [--db FILE] [--show-errors]

``--limit N`` ingests only the first N corpus articles that name a city which changed hands.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from evaluation.common import corpus_arguments, ingested, km, shared_data, summary_line

SIDES = {"Ukraine": "UKR", "Russia": "RUS", "Luhansk PR": "RUS", "Donetsk PR": "RUS", "Contested": "contested"}
OTHER_SIDE = {"UKR": "RUS", "RUS": "UKR"}
MATCH_KM = 30
WINDOW = dt.timedelta(days=7)


@dataclass(frozen=True, slots=True)
class Holding:
    side: str
    confirmed: dt.date | None  # "As of"
    lat: float
    lon: float


def _key(name: str) -> str:
    name = unicodedata.normalize("NFKD", name.split(",")[0]).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", name.lower())


def _date(text: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(text.strip(), "%d %B %Y").date()
    except ValueError:
        return None


def snapshots() -> list[tuple[dt.date, dict[str, list[Holding]]]]:
    """(snapshot date, city key -> holdings) in date order; several cities may share a name."""
    found = []
    for path in sorted(shared_data("gold", "control-wikipedia").glob("snapshot-*.csv")):
        taken = dt.date.fromisoformat(path.stem.removeprefix("snapshot-"))
        cities: dict[str, list[Holding]] = {}
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                side = SIDES.get(row.get("Held by", "").strip())
                try:
                    lat, lon = float(row["Lat"]), float(row["Lon"])
                except (TypeError, ValueError):
                    continue
                if side:
                    cities.setdefault(_key(row["Name"]), []).append(
                        Holding(side, _date(row.get("As of") or ""), lat, lon))
        found.append((taken, cities))
    return found


def _holding(cities: dict[str, list[Holding]], key: str, lat, lon) -> Holding | None:
    options = cities.get(key, [])
    if lat is None or lon is None:
        return options[0] if len(options) == 1 else None
    near = [(h, km(lat, lon, h.lat, h.lon)) for h in options]
    near = [(h, km) for h, km in near if km <= MATCH_KM]
    return min(near, key=lambda pair: pair[1])[0] if near else None


def holder(history, key: str, lat, lon, day: dt.date) -> str | None:
    """The side holding the city on ``day``, or None when the snapshots cannot say."""
    before = [(taken, _holding(cities, key, lat, lon)) for taken, cities in history if taken <= day]
    after = [(taken, _holding(cities, key, lat, lon)) for taken, cities in history if taken >= day]
    earlier = before[-1][1] if before else None
    later = after[0][1] if after else None
    if later and later.confirmed and later.confirmed <= day:
        return later.side
    if earlier and later:
        return later.side if earlier.side == later.side else None
    return earlier.side if earlier and not after else None


def claimed_side(claim: dict) -> str | None:
    if claim["status"] == "contested":
        return "contested"
    if claim["status"] == "withdrawn":
        return OTHER_SIDE.get(claim["controller"])
    return claim["controller"] if claim["controller"] in OTHER_SIDE else None


def _claim_day(claim: dict) -> dt.date | None:
    return claim.get("as_of_end") or claim.get("as_of_start") or claim.get("published")


def score(claims: list[dict], history, show_errors: bool = False) -> dict[str, float]:
    right = checked = ambiguous = 0
    for claim in claims:
        side, day = claimed_side(claim), _claim_day(claim)
        key = _key(claim["place"] or "")
        if claim.get("place_feature") not in (None, "city"):
            continue  # the gold lists cities: a claim on the Donetsk region is not one on Donetsk
        if side is None or day is None or not any(_holding(c, key, claim["lat"], claim["lon"]) for _, c in history):
            continue
        truth = holder(history, key, claim["lat"], claim["lon"], day)
        if truth is None:
            ambiguous += 1
            continue
        checked += 1
        right += truth == side
        if show_errors and truth != side:
            print(f"  {day} {claim['place']}: claimed {side} ({claim['controller']} {claim['status']},"
                  f" {claim['source'] or claim['outlet']}), Wikipedia {truth}: {claim['evidence'][:120]!r}")

    changes = caught = 0
    for (first, old), (second, new) in zip(history, history[1:]):
        for key, holdings in new.items():
            for now in holdings:
                was = _holding(old, key, now.lat, now.lon)
                if not was or {was.side, now.side} != {"UKR", "RUS"}:
                    continue
                changes += 1
                caught += any(
                    _key(c["place"] or "") == key and claimed_side(c) == now.side
                    and c.get("place_feature") in (None, "city")
                    and _claim_day(c) and first - WINDOW <= _claim_day(c) <= second + WINDOW
                    and (c["lat"] is None or km(c["lat"], c["lon"], now.lat, now.lon) <= MATCH_KM)
                    for c in claims)
    return {"claim_accuracy": right / checked if checked else 0.0, "checked": checked,
            "ambiguous": ambiguous, "change_recall": caught / changes if changes else 0.0,
            "changes": changes, "claims": len(claims)}


def _corpus_subset(limit: int | None, history, folder: Path) -> list[str]:
    """The corpus file, or its first ``limit`` articles naming a city that changed hands."""
    corpus = shared_data("corpora", "ukraine-media", "articles.jsonl")
    if not limit:
        return [str(corpus)]
    moved = {key for (_, old), (_, new) in zip(history, history[1:]) for key, holdings in new.items()
             if old.get(key) and {old[key][0].side, holdings[0].side} == {"UKR", "RUS"}}
    lines = []
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line).get("text") or ""
            if set(map(_key, re.findall(r"[A-Z][\w'-]+", text))) & moved:
                lines.append(line)
                if len(lines) >= limit:
                    break
    subset = folder / "articles.jsonl"
    subset.write_text("".join(lines), encoding="utf-8")
    return [str(subset)]


def evaluate(limit: int | None = None, db: Path | None = None, processes: int = 2,
             show_errors: bool = False) -> dict[str, float]:
    history = snapshots()
    with ingested(db, processes, lambda scratch: _corpus_subset(limit, history, scratch)) as store:
        claims = store.control_claims()
    return score(claims, history, show_errors)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus_arguments(parser, limit="only N articles naming a city that changed hands",
                     errors="print every claim Wikipedia contradicts")
    args = parser.parse_args(argv)
    scores = evaluate(args.limit, args.db, args.processes, args.show_errors)
    print(f"{scores['claims']} control claims; {scores['checked']} checked against Wikipedia, "
          f"{scores['ambiguous']} fall in a change the snapshots cannot date; "
          f"{scores['changes']} changes of hands between snapshots")
    print(summary_line("control", {k: scores[k] for k in ("claim_accuracy", "change_recall")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
