"""Cue words for quotes and attribution, loaded once from the data files beside this module.

Each file is a small TSV (``#`` starts a comment): verbs.tsv (source verbs with the certainty they
give their content), phrases.tsv ("according to"), certainty.tsv ("reportedly"), channels.tsv
("statement", "Telegram"), roles.tsv ("he", "the ministry", "the report"), outlets.tsv (web
domain -> publisher name), non_sources.txt ("according to a plan"), learned.tsv (cue heads
learned from PolNeAR train by ``python -m evaluation.sources --learn``). cue_model.tsv, the
weights of the cue model (``python -m newsevents.extract.cue_training``), is read by
newsevents.extract.cue_model.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class LearnedCue:
    """A cue head learned from PolNeAR train (``python -m evaluation.sources --learn``)."""

    as_cue: int  # times it headed a gold cue
    occurrences: int  # times the lemma occurred with this part of speech
    links: dict[str, int]  # how the content's head hangs from it: "ccomp" -> count

    @property
    def ratio(self) -> float:
        return self.as_cue / max(self.occurrences, 1)


@dataclass(frozen=True, slots=True)
class Cues:
    verbs: dict[str, tuple[str, str]]  # lemma -> (certainty, kind)
    phrases: dict[str, str]  # "according to" -> certainty
    certainty: dict[str, str]  # "reportedly" -> certainty
    channels: dict[str, str]  # "statement" -> kind
    roles: dict[str, str]  # "president" -> person | org | outlet
    outlets: dict[str, str]  # "ft.com" -> "Financial Times"
    non_sources: frozenset[str]  # "plan": "according to a plan" attributes nothing
    learned: dict[tuple[str, str], LearnedCue]  # (lemma, POS) -> learned cue statistics


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@functools.lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The cue lists, read once per process."""
    return Cues(
        verbs={r[0]: (r[1], r[2]) for r in _rows("verbs.tsv")},
        phrases={r[0]: r[1] for r in _rows("phrases.tsv")},
        certainty={r[0]: r[1] for r in _rows("certainty.tsv")},
        channels={r[0]: r[1] for r in _rows("channels.tsv")},
        roles={r[0]: r[1] for r in _rows("roles.tsv")},
        outlets={r[0]: r[1] for r in _rows("outlets.tsv")},
        non_sources=frozenset(r[0] for r in _rows("non_sources.txt")),
        learned=_learned(),
    )


def _learned() -> dict[tuple[str, str], LearnedCue]:
    """learned.tsv when it has been built; without it only the hand-written lists count."""
    if not (HERE / "learned.tsv").exists():
        return {}
    table = {}
    for row in _rows("learned.tsv"):
        links = {}
        for item in filter(None, (row[4] if len(row) > 4 else "").split(",")):
            name, _, count = item.rpartition(":")
            links[name] = int(count)
        table[(row[0], row[1])] = LearnedCue(int(row[2]), int(row[3]), links)
    return table
