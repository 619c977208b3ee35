"""Entity-ruler patterns (GPE, LOC) made from the gazetteer for places spaCy's small model tends to
miss; cached beside the index."""

from __future__ import annotations

import functools
import hashlib
import json
import os
from importlib import resources

from newsevents.gazetteer import (_RESOURCES, INDEX_VERSION, Entry, _cache_path, _resource_lines, load_gazetteer,
                                  normalize)

RULER_VERSION = 4  # bump when the pattern selection code changes (the cache key)


@functools.lru_cache(maxsize=1)
def _ruler_config() -> tuple[dict, frozenset[str]]:
    config = json.loads(resources.files(_RESOURCES).joinpath("ruler.json").read_text())
    stop = frozenset(normalize(line) for line in _resource_lines("stopnames.txt"))
    config["keep_keys"] = sorted(normalize(name) for name in config.get("keep", ()))
    return config, stop


def ruler_patterns() -> list[dict]:
    """EntityRuler patterns (GPE, LOC) for places spaCy's small model tends to miss; computed once
    and cached beside the index, keyed by the ruler settings so that editing them takes effect."""
    config, stop = _ruler_config()
    digest = hashlib.sha1(json.dumps([RULER_VERSION, config, sorted(stop)]).encode()).hexdigest()[:12]
    path = _cache_path().with_name(f"ruler-v{INDEX_VERSION}-{digest}.json")
    if path.exists():
        return json.loads(path.read_text())
    patterns = _compute_ruler_patterns()
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_text(json.dumps(patterns))
    os.replace(tmp, path)
    return patterns


def _compute_ruler_patterns() -> list[dict]:
    gazetteer = load_gazetteer()
    config, stop = _ruler_config()
    patterns: dict[str, tuple[str, str]] = {}
    for key, indexes in gazetteer.names().items():
        if key in stop or len(key) < config["min_name_length"]:
            continue
        if key in gazetteer.demonyms:
            continue
        entries = sorted((gazetteer.entry(i) for i in indexes), key=_prominence, reverse=True)
        entry = next((e for e in entries if _in_ruler(e, key, config)), None)
        if entry is None:
            continue
        label = "LOC" if entry.feature in ("region", "water") else "GPE"
        for surface in _surfaces(entry, key):
            patterns.setdefault(surface, (label, entry.feature))
    # The id (the entry's feature, read as ``ent_id_``) lets ``language.ruler_yields_to_names``
    # tell a town from a country.
    return [{"label": label, "pattern": text, "id": feature}
            for text, (label, feature) in sorted(patterns.items())]


def _in_ruler(entry: Entry, key: str, config: dict) -> bool:
    """Towns above a population, under their own name; other spellings (Kiev, Artemivsk) only for
    sizeable towns in focus countries: most alternate names are other languages' forms."""
    by_country = config["min_population_by_country"]
    own = key in (normalize(entry.name), normalize(entry.admin1))
    if key in config["keep_keys"]:
        return True
    if entry.feature in ("adm1", "city") and key in load_gazetteer().personal_names:
        return False  # "Vladimir Putin", "Charlotte Smith": the NER still tags these in context
    if entry.feature == "adm1":
        return own
    if entry.feature == "adm2":
        return False  # county names are mostly town or person names; the NER and cues find them
    if entry.feature != "city":
        return True
    if entry.population < by_country.get(entry.country, config["min_population"]):
        return False
    alternate_min = config["alternate_min_population_by_country"].get(
        entry.country, config["alternate_min_population"]
    )
    return own or (entry.country in by_country and entry.population >= alternate_min)


def _prominence(entry: Entry) -> tuple[int, int]:
    rank = {"country": 3, "region": 2, "water": 2, "adm1": 1}.get(entry.feature, 0)
    return rank, entry.population


def _surfaces(entry: Entry, key: str) -> list[str]:
    """How a name keyed ``key`` is written in English text: its own spelling if it has that key,
    else the key in title case ("kiev" -> "Kiev")."""
    own = entry.name if normalize(entry.name) == key and entry.name.isascii() else None
    titled = " ".join(w if w in ("of", "de", "la", "al", "el", "upon", "on") else w.capitalize()
                      for w in key.split())
    return [s for s in {own, titled} if s]


if __name__ == "__main__":
    import sys

    from newsevents.gazetteer import build

    print(build(), file=sys.stderr)
    print(f"{len(load_gazetteer())} entries, {len(ruler_patterns())} ruler patterns", file=sys.stderr)
