"""Which of a sentence's places an event happened at, weighed by a logistic model.

The rules of ``event_places`` read one parse path at a time and stop at the first that names a
place, so they cannot weigh "in Kabul" two clauses away against "Afghan" beside the verb, nor say
"nowhere" when every place of the sentence only describes a person ("a Kurdish lawmaker was
arrested"). This model scores each place of the sentence from the rules' own choice, the
dependency path from the trigger to the place, the preposition that introduces it, its distance,
its kind and the trigger's lemma, and keeps the best one when it is likely enough.

It is trained by ``python -m newsevents.extract.event_place_training`` on the event-location
examples that were not adjudicated (the adjudicated ones score it); weights in
``resources/models/event_places.tsv``. Without that file the rules' choice stands.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

from spacy.tokens import Doc, Token

from newsevents.extract.linear import logistic, read_weights
from newsevents.extract.place_choice import coordinated_places
from newsevents.records import Place

WEIGHTS = Path(__file__).resolve().parents[1] / "resources" / "models" / "event_places.tsv"
# How likely the chosen place must be: little when the rules named a place (the likeliest place
# replaces their choice, and their choice is dropped, "nowhere named", only when every place is
# unlikely), more than even when they named none (an addition is where a misread name, "Abu" or
# "the West", would become a place on the map). Chosen on the held-out training examples, whose
# "nowhere" labels are partly places the annotators did not mark: choice F1 .833 (the rules alone
# .806); keeping at 0.05 or 0.2 gives .831 / .832, adding at 0.26 the same .833 with twice the
# additions.
KEEP_RULE_CHOICE = 0.1
NEW_PLACE = 0.5
# Trained on verbs of violence, arrest and protest, it would read "denounced Pyongyang's launch" or
# "Beijing has supported" (places that name a government) as where something happened: it judges
# only the verbs it saw often enough in training (VERB_PREFIX lines of the weights file).
VERB_PREFIX = "__verb__="
MAX_PATH = 3  # dependency labels kept whole on each side of the path


def place_features(trigger: Token, place: Place, rule_place: Optional[Place],
                   places: Sequence[Place]) -> list[str]:
    """The sparse features of one (trigger, place) pair: strings, each weighed when present."""
    head = _place_head(trigger.doc, place) or trigger
    if rule_place is None:
        rule = "none"
    else:
        rule = "pick" if rule_place.span == place.span else "other"
    up, down = _path(trigger, head)
    path = ">".join(_ends(up)) + "|" + "<".join(_ends(down))
    prep = _preposition(head)
    distance = head.i - trigger.i
    nearer = sum(1 for p in places if p is not place and (other := _place_head(trigger.doc, p)) is not None
                 and abs(other.i - trigger.i) < abs(distance))
    kind = place.feature or "site"
    lemma = trigger.lemma_.lower()
    found = [
        f"rule={rule}", f"path={path}", f"up={min(len(up), 5)}", f"down={min(len(down), 5)}",
        f"prep={prep}", f"dist={_bucket(distance)}", f"nearer={min(nearer, 3)}", f"kind={kind}",
        f"n={min(len(places), 4)}", f"dep={head.dep_}", f"ent={head.ent_type_ or '-'}",
        f"tpos={trigger.pos_}", f"lemma={lemma}", f"lprep={lemma}|{prep}",
        f"rprep={rule}|{prep}", f"rkind={rule}|{kind}", f"rpath={rule}|{path}",
        f"prepkind={prep}|{kind}", f"hhead={head.head.lemma_.lower()}|{head.dep_}",
    ]
    if head.dep_ in ("compound", "amod", "poss", "nmod"):
        found.append(f"modifies={head.head.pos_}")
    if head.dep_ == "pobj":  # what the preposition hangs on: "in" on the verb, on "embassy", on "attack"
        held_by = head.head.head
        found += [f"phead={held_by.lemma_.lower()}|{held_by.pos_}", f"pheadpos={held_by.pos_}|{prep}",
                  f"ontrigger={held_by.i == trigger.i}|{prep}"]
    located = any(c.dep_ == "prep" and c.lower_ in ("in", "at", "near") for c in trigger.children)
    above = {t.i for t in head.ancestors} | {head.i}
    in_subject = any(c.i in above for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass"))
    found += [f"trigger_located={located}", f"in_subject={in_subject}",
              f"opens_sentence={head.i - trigger.sent.start < 3}"]
    return found


def _ends(labels: list[str]) -> list[str]:
    """A long path's first label and its last two: where it leaves the trigger ("conj": another
    verb's phrase) and how it reaches the place ("prep<pobj")."""
    return labels if len(labels) <= MAX_PATH else [labels[0], "..", *labels[-2:]]


def _place_head(doc: Doc, place: Place) -> Optional[Token]:
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    return None if span is None or not len(span) else min(span, key=_depth)


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def _path(trigger: Token, head: Token) -> tuple[list[str], list[str]]:
    """The labels climbed from the trigger to the lowest shared ancestor, and those descended from
    there to the place; across sentences (no shared ancestor) both are just "far"."""
    above_trigger = [trigger, *trigger.ancestors]
    above_place = [head, *head.ancestors]
    shared = {t.i for t in above_trigger} & {t.i for t in above_place}
    if not shared:
        return ["far"], ["far"]
    up = []
    for token in above_trigger:
        if token.i in shared:
            break
        up.append(token.dep_)
    down = []
    for token in above_place:
        if token.i in shared:
            break
        down.append(token.dep_)
    return up, list(reversed(down))


def _preposition(head: Token) -> str:
    if head.dep_ == "pobj" and head.head.dep_ in ("prep", "agent", "dative"):
        return head.head.lower_
    return "-"


def _bucket(distance: int) -> str:
    size = abs(distance)
    band = "1-2" if size <= 2 else "3-5" if size <= 5 else "6-10" if size <= 10 else "11+"
    return ("-" if distance < 0 else "+") + band


@dataclass(frozen=True)
class PlaceModel:
    weights: dict[str, float]
    bias: float
    verbs: frozenset[str]  # the trigger lemmas it learned from: it judges only these


@functools.lru_cache(maxsize=1)
def load_model() -> Optional[PlaceModel]:
    """The shipped model, or None when the weights file is absent."""
    if not WEIGHTS.exists():
        return None
    weights = read_weights(WEIGHTS)
    bias = weights.pop("__bias__", 0.0)
    verbs = frozenset(name[len(VERB_PREFIX):] for name in weights if name.startswith(VERB_PREFIX))
    return PlaceModel({n: w for n, w in weights.items() if not n.startswith(VERB_PREFIX)}, bias, verbs)


def weighed_place(trigger: Token, places: Sequence[Place], rule_place: Optional[Place]) -> Optional[Place]:
    """The sentence's place the model finds likeliest to be where the event happened, if likely
    enough; the rules' choice when the model is not shipped or never learned the trigger's verb."""
    model = load_model()
    sentence = trigger.sent
    mine = [p for p in places if sentence.start_char <= p.span.start < sentence.end_char]
    if model is None or not mine or trigger.lemma_.lower() not in model.verbs:
        return rule_place
    scores = [logistic(place_features(trigger, p, rule_place, mine), model.weights, model.bias) for p in mine]
    rule = next((i for i, p in enumerate(mine) if p is rule_place), None)
    if rule is None:  # "as Moscow and Kyiv accused each other of a strike": a place that acts is no scene
        scores = [0.0 if _acts(trigger.doc, p) else score for p, score in zip(mine, scores)]
    best = max(range(len(mine)), key=scores.__getitem__)
    if rule is not None and best != rule and mine[best] in coordinated_places(trigger.doc, rule_place, mine):
        best = rule  # "captured Goma and Bukavu": the first named leads, the others are also_at
    chosen = decide(scores, rule, best)
    return None if chosen is None else mine[chosen]


def _acts(doc: Doc, place: Place) -> bool:
    """The place is a verb's subject, alone or in a list: it stands for a government or a side."""
    head = _place_head(doc, place)
    while head is not None and head.dep_ == "conj":
        head = head.head
    return head is not None and head.dep_ == "nsubj" and head.head.pos_ in ("VERB", "AUX")


def decide(scores: Sequence[float], rule: Optional[int], best: int) -> Optional[int]:
    """Which place (an index into ``scores``; ``rule`` is the rules' choice, ``best`` the
    likeliest) the event happened at, or None."""
    return best if scores[best] >= (NEW_PLACE if rule is None else KEEP_RULE_CHOICE) else None
