"""IndiaPoliceEvents sentence F1 (KILL, ARREST, FORCE, FAIL), split into tuning and held-out halves.

    python -m benchmarks.india_police [--half odd|even|all] [--show FILE] [--limit N]

The gold is scoring-only, so errors are read on one half only: odd-numbered data rows (1st, 3rd,
... in file order) are the tuning half, even-numbered ones are held out. Every chosen half is
scored separately, with labels mapped from events as evaluation.events does. ``--show FILE``
writes each odd-half sentence that was wrong on some label (gold, predicted, events, text) and is
refused unless only the odd half is read.
"""

from __future__ import annotations

import argparse
import csv

from evaluation.common import shared_data
from evaluation.events import _f1, _police_labels, _readings

LABELS = ("KILL", "ARREST", "FORCE", "FAIL")


def gold_rows() -> list[tuple[str, dict]]:
    with shared_data("gold", "india-police-events", "sents.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    # Row i (0-based) is the (i+1)-th data row: even i are the odd-numbered rows.
    return [("odd" if i % 2 == 0 else "even", row) for i, row in enumerate(rows)]


def _describe(events) -> str:
    return "; ".join(f"{e.type}/{e.mode or '-'}/{e.certainty}:{e.trigger.text if e.trigger else '-'}"
                     f" A={','.join(a.text for a in e.actor) or '-'}" for e in events) or "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", choices=("odd", "even", "all"), default="all")
    parser.add_argument("--show", help="write wrong odd-half sentences to this file")
    parser.add_argument("--limit", type=int, help="read only the first N rows of each half")
    args = parser.parse_args()
    if args.show and args.half != "odd":
        parser.error("--show reads errors, which is allowed on the odd (tuning) half only")
    halves = ("odd", "even") if args.half == "all" else (args.half,)
    rows = [(h, r) for h, r in gold_rows() if h in halves]
    if args.limit:
        rows = [x for h in halves for x in [(hh, r) for hh, r in rows if hh == h][: args.limit]]
    counts = {h: {k: [0, 0, 0] for k in LABELS} for h in halves}
    shown = open(args.show, "w", encoding="utf-8") if args.show else None
    for (half, row), (_, reading) in zip(rows, _readings([r["sent_text"] for _, r in rows])):
        predicted = _police_labels(reading.events)
        gold = {k for k in LABELS if row[k] in {"1", "True", "true"}}
        for label, c in counts[half].items():
            c[0] += label in gold and label in predicted
            c[1] += label not in gold and label in predicted
            c[2] += label in gold and label not in predicted
        if shown and gold != predicted:
            text = " ".join(row["sent_text"].split())
            print(f"{row['doc_id']}:{row['sent_id']}\tgold={','.join(sorted(gold)) or '-'}\t"
                  f"pred={','.join(sorted(predicted)) or '-'}\t{_describe(reading.events)}\t{text}", file=shown)
    for half in halves:
        figures = " ".join(f"{k.lower()}={_f1(*c):.3f}{tuple(c)}" for k, c in counts[half].items())
        print(f"india_police: half={half} rows={sum(1 for h, _ in rows if h == half)} {figures}")


if __name__ == "__main__":
    main()
