"""The attribute ruler's matches, found once per distinct kind of token instead of per token.

spaCy's AttributeRuler (tag map, exceptions) tries each of its patterns (179 in the small English
model) at every token with the generic Matcher: about 20 µs a token, a tenth of the whole parse.
Its patterns only look at a token's tag, lower-case text, dependency label and whether it is a
space, so whether a pattern token fits depends on those four values alone. ``AttributeMatches``
tests each combination once per process, then lists the matches the Matcher would list; the
attributes are set from them as the ruler's own ``set_annotations`` sets them (``set_annotations``
only skips the Span it makes per match), so the parse is unchanged.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Optional

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

FIELDS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_ARRAY = [TAG, LOWER, DEP, IS_SPACE]
Values = tuple[str, str, str, bool]  # a token's FIELDS
Test = Callable[[Values], bool]
# Distinct (tag, text, dependency) combinations grow slowly with the corpus (~25k in 500
# articles, ~150 bytes each); past this many the remembered ones are dropped and learnt again.
MOST_REMEMBERED = 100_000


def _test(spec: dict) -> Optional[Test]:
    """The Matcher's test of one pattern token, or None for what these patterns do not use
    (operators, other attributes, other predicates): the ruler then keeps its Matcher."""
    checks: list[Test] = []
    for name, want in spec.items():
        if name not in FIELDS:
            return None
        at = FIELDS.index(name)
        if not isinstance(want, dict):
            checks.append(lambda v, at=at, want=want: v[at] == want)
            continue
        for predicate, arg in want.items():
            if predicate == "IN":
                checks.append(lambda v, at=at, arg=frozenset(arg): v[at] in arg)
            elif predicate == "NOT_IN":
                checks.append(lambda v, at=at, arg=frozenset(arg): v[at] not in arg)
            elif predicate == "REGEX" and isinstance(arg, str) and at != FIELDS.index("IS_SPACE"):
                checks.append(lambda v, at=at, arg=re.compile(arg): bool(arg.search(v[at])))
            else:
                return None
    return lambda v: all(check(v) for check in checks)


def _lower_values(spec: dict) -> Optional[frozenset]:
    """The only texts a pattern token can match, when it names them (``LOWER`` equal or IN)."""
    want = spec.get("LOWER")
    if isinstance(want, str):
        return frozenset([want])
    if isinstance(want, dict) and set(want) == {"IN"}:
        return frozenset(want["IN"])
    return None


class AttributeMatches:
    """``ruler.match`` for a ruler whose patterns all pass ``_test``: (pattern number, match id,
    start, end) sorted, as the ruler's own ``match`` gives them."""

    def __init__(self, ruler: AttributeRuler, specs: list[dict], patterns: list[tuple]):
        self.strings = ruler.vocab.strings
        self.tests = [_test(spec) for spec in specs]
        # Which tests a token's text can pass: most name their words ("LOWER": {"IN": [...]}),
        # so a new text is tried on its own few; the rest depend on the other fields or on any text.
        self.by_word: dict[str, list[int]] = {}
        self.any_word: list[int] = []
        self.no_word: list[int] = []
        for n, spec in enumerate(specs):
            words = _lower_values(spec)
            if words is not None:
                for word in words:
                    self.by_word.setdefault(word, []).append(n)
            else:
                (self.any_word if "LOWER" in spec else self.no_word).append(n)
        self.opens: dict[int, list[tuple]] = {}  # test -> (number, match id, later tests)
        for number, match_id, tests in patterns:
            self.opens.setdefault(tests[0], []).append((number, match_id, tests[1:]))
        self.seen: dict[tuple[int, ...], tuple] = {}
        self.kinds: dict[tuple, tuple] = {}
        self.seen_without_word: dict[tuple[int, ...], frozenset] = {}

    @classmethod
    def of(cls, ruler: AttributeRuler) -> Optional[AttributeMatches]:
        specs: list[dict] = []
        patterns = []
        for number, entry in enumerate(ruler.patterns):
            match_id = ruler.vocab.strings[str(number)]
            for pattern in entry["patterns"]:
                if not pattern or any(not isinstance(s, dict) or _test(s) is None for s in pattern):
                    return None
                first = len(specs)
                specs.extend(pattern)
                patterns.append((number, match_id, tuple(range(first, len(specs)))))
        return cls(ruler, specs, patterns)

    def _kind(self, row: tuple[int, ...]) -> tuple:
        """For one combination of values: the one-token patterns that match it, the longer ones
        whose first token it fits, and every test it passes."""
        values = (self.strings[row[0]], self.strings[row[1]], self.strings[row[2]], bool(row[3]))
        other = (row[0], row[2], row[3])
        passed = self.seen_without_word.get(other)
        if passed is None:
            passed = self.seen_without_word[other] = frozenset(
                n for n in self.no_word if self.tests[n](values))
        worded = [n for n in (*self.by_word.get(values[1], ()), *self.any_word) if self.tests[n](values)]
        if worded:
            passed = passed | frozenset(worded)
        opened = [entry for n in sorted(passed) for entry in self.opens.get(n, ())]
        single = tuple((k, m) for k, m, rest in opened if not rest)
        longer = tuple(entry for entry in opened if entry[2])
        return single, longer, passed

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        if len(self.seen) > MOST_REMEMBERED:
            self.seen.clear()
            self.kinds.clear()
        kinds = []
        for row in map(tuple, doc.to_array(_ARRAY).tolist()):
            kind = self.seen.get(row)
            if kind is None:
                kind = self._kind(row)  # most combinations share a result: keep one copy of it
                kind = self.seen[row] = self.kinds.setdefault(kind, kind)
            kinds.append(kind)
        matches = []
        size = len(kinds)
        for i, (single, longer, _) in enumerate(kinds):
            matches += [(k, m, i, i + 1) for k, m in single]
            for k, m, rest in longer:
                end = i + 1 + len(rest)
                if end <= size and all(t in kinds[i + 1 + n][2] for n, t in enumerate(rest)):
                    matches.append((k, m, i, end))
        matches.sort()
        return matches


def set_annotations(ruler: AttributeRuler, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
    """``ruler.set_annotations``: each match's attributes set on its token, which is found by
    its offset rather than through a Span made for every match (one a token, for the tag map).
    An offset outside its match is left to spaCy's own method, which says what is wrong."""
    for attr_id, _, start, end in matches:
        index = ruler.indices[attr_id]
        at = (start if index >= 0 else end) + index
        if not start <= at < end:
            AttributeRuler.set_annotations(ruler, doc, matches)  # raises spaCy's ValueError
            return
        set_token_attrs(doc[at], ruler.attrs[attr_id])


def speed_up(ruler: AttributeRuler) -> bool:
    """Let ``ruler`` find its matches with ``AttributeMatches`` when its patterns allow it, and
    set what they say with ``set_annotations``."""
    matches = AttributeMatches.of(ruler)
    if matches is not None:
        ruler.match = matches
        ruler.set_annotations = functools.partial(set_annotations, ruler)
    return matches is not None
