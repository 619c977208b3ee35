"""Rebuild the actor data files in this folder from the shared dictionaries (run by hand).

    python src/newsevents/resources/actors/compile.py ../shared/data/dictionaries

Sources (both MIT): Phoenix TABARI actor files (countries' people and organisations,
international actors) and the NGEC PLOVER agents list. Only entries still current after 2010
are kept, so the shipped files stay small; `supplement.tsv` (ours) adds later names.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CUTOFF = 20100101
CODE = re.compile(r"\[([^\]\s]*)\s*([^\]]*)\]")
# Phoenix sector codes -> the PLOVER sectors we report.
AGENT_SECTOR = {"UAF": "REB", "SPY": "MIL"}  # NGEC agents already use PLOVER's JRN/MED split
SECTOR = {"MED": "JRN", "ELI": "GOV", "UAF": "REB", "SPY": "MIL", "OPP": "OPP", "IGO": "IGO"}


def _norm(phrase: str) -> str:
    text = phrase.strip().rstrip("_").replace("_", " ").lower()
    return re.sub(r"\s+", " ", text).strip()


def _date(text: str) -> int:
    digits = re.sub(r"\D", "", text)
    if len(digits) == 6:  # YYMMDD
        year = int(digits[:2])
        digits = str(1900 + year if year > 30 else 2000 + year) + digits[2:]
    return int(digits) if len(digits) == 8 else 0


def _active_code(codes: list[tuple[str, str]]) -> str | None:
    """The code valid most recently, if it is still valid after CUTOFF."""
    best, best_end = None, -1
    for code, dates in codes:
        if not code or code.startswith("-") or code == "ELI":
            continue
        dates = dates.strip()
        if not dates or dates.startswith(">"):
            end = 99999999
        elif "-" in dates:
            end = _date(dates.split("-")[1])
        elif dates.startswith("<"):
            end = _date(dates[1:])
        else:
            end = 99999999
        if end >= CUTOFF and end > best_end and not code.endswith("ELI"):
            best, best_end = code, end
    return best


def _split(code: str) -> tuple[str, str]:
    if code.startswith(("IGO", "NGO", "MNC")):
        return "", code[:3]
    if code.startswith("IMG"):  # international militarised groups: al-Qaeda, the Islamic State
        return "", "REB"
    country, sector = code[:3], code[3:6] or "GOV"
    return country, SECTOR.get(sector, sector)


def _blocks(path: Path):
    names: list[str] = []
    codes: list[tuple[str, str]] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line[0] in "\t ":
            codes += CODE.findall(line)
            continue
        if not line.startswith("+") and names and codes:
            yield names, codes
            names, codes = [], []
        name = CODE.sub("", line.lstrip("+")).strip()
        codes += CODE.findall(line)
        if name:
            names.append(name)
    if names and codes:
        yield names, codes


SECTORS = {"GOV", "MIL", "REB", "COP", "JUD", "LEG", "PTY", "CVL", "JRN", "BUS", "IGO", "NGO", "OPP",
           "REF", "CRM", "LAB", "EDU", "REL", "MED", "HLH", "AGR", "ENV", "HRI"}


def compile_named(paths: list[Path], iso3: set[str]) -> list[tuple[str, str, str, str]]:
    rows = {}
    for path in paths:
        for names, codes in _blocks(path):
            code = _active_code(codes)
            if code is None:
                continue
            if len(code) == 3 and not code.startswith(("IGO", "NGO", "MNC", "IMG")):
                continue  # a country's own block: its aliases are mostly cities, coded as places
            country, sector = _split(code)
            if (country and country not in iso3) or sector not in SECTORS:
                continue  # regional codes ("UKRPRE") and sectors we do not report
            canonical = _norm(names[0]).title()
            for name in names:
                phrase = _norm(name)
                if 2 < len(phrase) < 60 and phrase.count(" ") < 7:
                    rows.setdefault(phrase, (phrase, canonical, country, sector))
    return sorted(rows.values())


def compile_agents(path: Path) -> list[tuple[str, str]]:
    subs: dict[str, list[str]] = {}
    rows = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if "=" in line and line.startswith("!"):
            key, values = line.split("=", 1)
            subs[key.strip()] = [v.strip() for v in values.split(",")]
            continue
        match = CODE.search(line)
        if not match or not match.group(1).startswith("~"):
            continue
        phrase, sector = line[: match.start()], match.group(1)[1:4]
        variants = [phrase]
        for key, values in subs.items():
            if key in phrase:
                variants = [v.replace(key, value) for v in variants for value in values]
        for variant in variants:
            norm = _norm(variant)
            if norm and AGENT_SECTOR.get(sector, sector) in SECTORS:
                rows.setdefault(norm, (norm, AGENT_SECTOR.get(sector, sector)))
    return sorted(rows.values())


def compile_countries(path: Path) -> list[tuple[str, str, str]]:
    rows = {}
    with path.open(encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            iso3 = record["CCA3"]
            if len(iso3) != 3 or iso3 == "UNO":  # the UN is an international body, not a state
                continue  # sub-national rows such as "UKRPRE" (Donetsk): places, not countries
            rows.setdefault(record["Name"].lower(), (record["Name"].lower(), iso3, "name"))
            for alias in record["Nationality"].split(","):
                alias = alias.strip().lower()
                if alias and alias not in rows:
                    rows[alias] = (alias, iso3, "alias")
    return sorted(rows.values())


def compile_codes(path: Path) -> list[tuple[str, str, str]]:
    with path.open(encoding="utf-8") as handle:
        return sorted(
            (r["CCA2"], r["CCA3"], r["Name"]) for r in csv.DictReader(handle)
            if len(r["CCA3"]) == 3 and r["CCA3"] != "UNO"
        )


def _write(path: Path, header: str, rows) -> None:
    lines = [header] + ["\t".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(root: str) -> None:
    base = Path(root)
    countries = compile_countries(base / "ngec/countries.csv")
    named = compile_named(
        [base / "phoenix/Phoenix.Countries.actors.txt", base / "phoenix/Phoenix.International.actors.txt",
         base / "phoenix/Phoenix.MilNonState.actors.txt"],
        {row[1] for row in countries},
    )
    _write(HERE / "named.tsv", "# phrase\tcanonical\tcountry\tsector  (compiled from Phoenix, MIT)", named)
    _write(HERE / "agents.tsv", "# phrase\tsector  (compiled from NGEC PLOVER_agents, MIT)",
           compile_agents(base / "ngec/PLOVER_agents.txt"))
    _write(HERE / "countries.tsv", "# phrase\tcountry\tkind  (compiled from NGEC countries.csv)",
           countries)
    _write(HERE / "country_codes.tsv", "# iso2\tiso3\tname  (NGEC countries.csv)",
           compile_codes(base / "ngec/countries.csv"))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/dictionaries")
