"""Rebuild cameo2plover.tsv and cameo_verbs.tsv from the shared data (run by hand).

    python src/newsevents/resources/ontology/compile.py ../shared/data

cameo2plover.tsv: the PLOVER project's CAMEO -> PLOVER conversion table (Schrodt, 2021), one
code a line. cameo_verbs.tsv: the verbs of the Phoenix CAMEO verb dictionary (MIT) whose block
has a code of its own, with that code, so the coder can fall back on them.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def cameo2plover(path: Path) -> list[tuple[str, str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)", line)
        if match and len(match.group(1)) >= 3:
            code, kind, mode, context = (g.strip() for g in match.groups())
            rows.append((code, kind, mode, context.replace(" ", "")))
    return rows


def cameo_verbs(path: Path) -> list[tuple[str, str]]:
    rows: dict[str, str] = {}
    code = None
    for line in path.read_text(encoding="latin-1").splitlines():
        head = re.match(r"^---\s+(\S+)\s+\[([^\]]+)\]", line)
        if head:
            code = head.group(2) if head.group(2)[:1].isdigit() else None
            continue
        if code and line[:1].isalpha():
            word = line.split("#")[0].split("{")[0].strip().lower()
            if word and " " not in word and "_" not in word:
                rows.setdefault(word, code.split(":")[0])
        if line.startswith(("&", "####")):
            code = None
    return sorted(rows.items())


def main(root: str) -> None:
    base = Path(root)
    rows = cameo2plover(base / "gold/plover/CAMEO2PLOVER-2021.txt")
    text = "# cameo\tplover\tmode\tcontext  (PLOVER project's CAMEO2PLOVER-2021)\n"
    (HERE / "cameo2plover.tsv").write_text(text + "\n".join("\t".join(r) for r in rows) + "\n")
    verbs = cameo_verbs(base / "dictionaries/phoenix/CAMEO.2.0.txt")
    text = "# verb\tcameo  (Phoenix CAMEO.2.0 verb dictionary, MIT)\n"
    (HERE / "cameo_verbs.tsv").write_text(text + "\n".join("\t".join(r) for r in verbs) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
