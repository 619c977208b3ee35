"""The gazetteer: every place name we can resolve, with coordinates, feature level and population.

Built once (``gazetteer_build``: GeoNames towns, admin-1 and admin-2 units and countries, plus a
small hand-written table of named regions and seas), then pickled to a cache file so that later
loads take a fraction of a second. Build it explicitly with ``python -m newsevents.build`` (what
``make install`` runs); otherwise the first ``load_gazetteer()`` builds it. The entity-ruler
patterns made from it are in ``gazetteer_ruler``.
"""

from __future__ import annotations

import functools
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Optional

from newsevents.settings import shared_data_root

INDEX_VERSION = 28
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
    # how many other names (spellings in other languages) GeoNames gives a town: how widely it is
    # known (Venice, Italy has 66, Venice, California 15); 0 for other entries
    other_names: int = 0


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


@functools.lru_cache(maxsize=1 << 14)  # the stages ask for the same few thousand names again and again
def normalize(name: str) -> str:
    """The index key of a name: no accents, apostrophes or case; hyphens as spaces; no 'the'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).translate(_APOSTROPHES)
    text = re.sub(r"[\s\-–]+", " ", text.casefold()).strip(" .,")
    return text[4:] if text.startswith("the ") else text


def _latin(name: str) -> bool:
    stripped = normalize(name)
    return bool(stripped) and all(ord(c) < 0x250 for c in stripped)


# --- files ---------------------------------------------------------------------------------------


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


# --- loading -------------------------------------------------------------------------------------


def build(path: Optional[Path] = None) -> Path:
    """Build the index and write it atomically to the cache (or ``path``)."""
    path = path or _cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    from newsevents.gazetteer_build import build_index

    built = build_index()
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
