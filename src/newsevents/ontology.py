"""The one place that loads the ontology and dictionary files under ``resources/``.

Every table is read once (``functools.lru_cache``) and handed out as immutable mappings, so the
extract stages stay pure functions of their inputs plus these resources.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Iterable, Mapping

RESOURCES = Path(__file__).resolve().parent / "resources"

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


def _rows(*parts: str) -> list[list[str]]:
    """Tab-separated rows of a resource file, comments and blank lines skipped."""
    text = RESOURCES.joinpath(*parts).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


# Letters NFKD does not split into a base letter and a mark.
_PLAIN_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})


def fold_accents(text: str) -> str:
    """ "erdoğan" -> "erdogan": the dictionaries spell most names in plain ASCII."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _with_folded(table: dict[str, object]) -> dict[str, object]:
    """The table, plus each accented phrase under its plain spelling (where that is free)."""
    for phrase, value in list(table.items()):
        table.setdefault(fold_accents(phrase), value)
    return table


@dataclass(frozen=True, slots=True)
class NamedActor:
    canonical: str
    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class ActorLexicon:
    """Lower-cased phrases -> what they code to."""

    named: Mapping[str, NamedActor]  # people, organisations, metonyms ("the kremlin")
    countries: Mapping[str, str]  # country names and demonyms -> ISO3
    country_names: Mapping[str, str]  # ISO3 -> canonical country name
    agents: Mapping[str, str]  # agent nouns ("generals", "armed forces") -> sector
    longest: int  # tokens in the longest phrase, to bound the n-gram search
    iso3: Mapping[str, str]  # ISO2 -> ISO3 (places carry ISO2, actors ISO3)


@functools.lru_cache(maxsize=1)
def actor_lexicon() -> ActorLexicon:
    countries: dict[str, str] = {}
    country_names: dict[str, str] = {}
    for phrase, iso3, kind in _rows("actors", "countries.tsv") + _rows("actors", "countries_extra.tsv"):
        countries.setdefault(phrase, iso3)
    for _, iso3, name in _rows("actors", "country_codes.tsv"):
        country_names[iso3] = name
    named: dict[str, NamedActor] = {}
    # Our supplement first: it wins over the older dictionaries.
    for row in _rows("actors", "supplement.tsv") + _rows("actors", "named.tsv"):
        phrase, canonical, country, sector = (row + ["", "", ""])[:4]
        if phrase in countries:
            continue  # country names are coded through `countries`
        named.setdefault(phrase, NamedActor(canonical, country or None, sector or None))
    agents: dict[str, str] = {}
    for phrase, sector in _rows("actors", "agents_extra.tsv") + _rows("actors", "agents.tsv"):
        agents.setdefault(phrase, sector)
    agents = {phrase: sector for phrase, sector in agents.items() if sector != "-"}  # vetoes
    named, agents, countries = _with_folded(named), _with_folded(agents), _with_folded(countries)
    longest = max(len(p.split()) for p in list(named) + list(agents) + list(countries))
    return ActorLexicon(
        MappingProxyType(named),
        MappingProxyType(countries),
        MappingProxyType(country_names),
        MappingProxyType(agents),
        min(longest, 8),
        MappingProxyType({iso2: iso3 for iso2, iso3, _ in _rows("actors", "country_codes.tsv")}),
    )


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    pos: str  # VERB or NOUN
    type: str  # PLOVER type
    mode: str | None
    context: tuple[str, ...]
    needs: tuple[str, ...]  # conditions, see resources/ontology/triggers.tsv
    curated: bool = True  # False: a fallback from the CAMEO verb dictionary


@dataclass(frozen=True, slots=True)
class EventLexicon:
    triggers: Mapping[tuple[str, str], tuple[Trigger, ...]]  # (lemma, pos) -> triggers
    quad: Mapping[str, int]  # PLOVER type -> quad class (1..4)
    modes: Mapping[str, tuple[str, ...]]
    cameo: Mapping[str, tuple[str, str | None, tuple[str, ...]]]  # CAMEO code -> type, mode, ctx


@functools.lru_cache(maxsize=1)
def event_lexicon() -> EventLexicon:
    quad, modes = {}, {}
    for row in _rows("ontology", "plover_types.tsv"):
        kind, q, mode_list = (row + [""])[:3]
        quad[kind] = int(q)
        modes[kind] = tuple(m for m in mode_list.split(",") if m)
    cameo = {}
    for row in _rows("ontology", "cameo2plover.tsv"):
        code, kind, mode, context = (row + ["", "", ""])[:4]
        cameo[code] = (kind, mode or None, tuple(c for c in context.split(";") if c))
    triggers: dict[tuple[str, str], list[Trigger]] = {}
    for row in _rows("ontology", "triggers.tsv"):
        lemma, pos, kind, mode, context, needs = (row + [""] * 6)[:6]
        trigger = Trigger(lemma, pos, kind, mode or None, tuple(c for c in context.split(";") if c),
                          tuple(n for n in needs.split(",") if n))
        triggers.setdefault((lemma, pos), []).append(trigger)
    for verb, code in _rows("ontology", "cameo_verbs.tsv"):
        if (verb, "VERB") in triggers:
            continue
        mapped = cameo.get(code) or cameo.get(code[:3])
        if mapped:
            kind, mode, context = mapped
            # Fallback verbs need a coded actor on both sides: they are broad ("add", "affect").
            triggers[(verb, "VERB")] = [Trigger(verb, "VERB", kind, mode, context,
                                                ("armed", "both_coded"), curated=False)]
    return EventLexicon(
        MappingProxyType({k: tuple(v) for k, v in triggers.items()}),
        MappingProxyType(quad),
        MappingProxyType(modes),
        MappingProxyType(cameo),
    )


STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})
ARMED_NON_STATE_SECTORS = frozenset({"REB", "UAF", "INS", "OPP"})
UNARMED_SECTORS = frozenset({"CVL", "REF", "JRN", "EDU", "MED", "REL", "LAB", "AGR", "HLH", "BUS"})


@functools.lru_cache(maxsize=1)
def acled_table() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(row[:6]) for row in _rows("ontology", "plover_acled.tsv"))


def acled_category(plover_type: str, mode: str | None, actor_sectors: Iterable[str | None] = (),
                   recipient_sectors: Iterable[str | None] = ()) -> tuple[str | None, str | None]:
    """(ACLED event type, sub-event type) nearest to a PLOVER event (our table), or (None, None)
    for events ACLED does not record. Who acts matters: state forces taking a place is
    "Government regains territory", armed groups taking one "Non-state actor overtakes territory"."""
    actors, recipients = set(actor_sectors), set(recipient_sectors)
    actor = "state" if actors & STATE_SECTORS else "non-state" if actors & ARMED_NON_STATE_SECTORS else ""
    recipient = "civilian" if recipients & UNARMED_SECTORS and not recipients & STATE_SECTORS else ""
    for kind, row_mode, row_actor, row_recipient, event_type, sub_type in acled_table():
        if (kind in (plover_type, "*") and row_mode in (mode or "", "*")
                and row_actor in (actor, "*") and row_recipient in (recipient, "*")):
            return (None, None) if event_type == "-" else (event_type, sub_type)
    return None, None
