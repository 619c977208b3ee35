"""False events on BBC 2005 sport, tech and entertainment, split into tuning and held-out halves.

    python -m benchmarks.bbc_false_events [--half odd|even|all] [--show] [--sections sport,tech]

bbc-2005 is scoring-only, so errors are read on one half only: odd-numbered files (001, 003, ...)
are the tuning half, even-numbered ones are held out. ``--show`` prints each false event (section,
file, type, trigger, actor, recipient, sentence) and is refused on the held-out half. The last
line gives false events per 100 articles for the chosen half, as evaluation.events counts them.
"""

from __future__ import annotations

import argparse

from evaluation.common import shared_data
from evaluation.events import QUIET_SECTIONS
from newsevents.language import load_nlp
from newsevents.reading import read_doc
from newsevents.records import Article


def quiet_files(half: str, sections: tuple[str, ...]) -> list:
    paths = []
    for section in sections:
        for path in sorted(shared_data("corpora", "bbc-2005", section).glob("*.txt")):
            odd = int(path.stem) % 2 == 1
            if half == "all" or (half == "odd") == odd:
                paths.append(path)
    return paths


def _sides(actors) -> str:
    return "; ".join(f"{a.text}[{a.country or '-'} {a.sector or '-'}]" for a in actors) or "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", choices=("odd", "even", "all"), default="odd")
    parser.add_argument("--show", action="store_true", help="print each false event (odd half only)")
    parser.add_argument("--sections", default=",".join(QUIET_SECTIONS))
    args = parser.parse_args()
    if args.show and args.half != "odd":
        parser.error("--show reads errors, which is allowed on the odd (tuning) half only")
    paths = quiet_files(args.half, tuple(args.sections.split(",")))
    # Line 1 is the headline: only the body is read, as in evaluation.events.
    texts = [p.read_text(encoding="latin-1").split("\n", 1)[-1].strip() for p in paths]
    nlp = load_nlp()
    total = 0
    for path, doc in zip(paths, nlp.pipe(texts, batch_size=64)):
        reading = read_doc(doc, Article(id=f"bbc-{path.parent.name}-{path.stem}", headline="", body=doc.text))
        total += len(reading.events)
        if not args.show:
            continue
        for e in reading.events:
            trigger = e.trigger.text if e.trigger else "-"
            print(f"{path.parent.name}/{path.name}\t{e.type}/{e.mode or '-'}\t{trigger}\t"
                  f"A={_sides(e.actor)}\tR={_sides(e.recipient)}\t{e.confidence}\t"
                  f"{' '.join(e.evidence.text.split())[:220]}")
    print(f"bbc_false_events: half={args.half} articles={len(paths)} events={total} "
          f"false_per_100={100 * total / max(len(paths), 1):.3f}")


if __name__ == "__main__":
    main()
