"""The rule lemmatizer's lemmas, worked out once per kind of token instead of per token.

spaCy's rule lemmatizer keeps the lemmas it derives from its rules, but not those of words it
takes for base forms (a singular noun, an infinitive: most words), which it works out
again at every token from the token's morphology. Its rules read only a token's text, part of
speech and morphology, so the lemmas of one (text, part of speech, morphology) are the same at
every token: ``remember_lemmas`` keeps them all, keyed as the lemmatizer keys its own cache.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.pipeline import Lemmatizer
from spacy.tokens import Token

# Distinct (text, part of speech, morphology) combinations grow slowly with the corpus; past this
# many the remembered ones are dropped and learnt again.
MOST_REMEMBERED = 200_000


class RememberedLemmas:
    """A rule lemmatizer's ``lemmatize``, remembering the lemmas of each kind of token."""

    def __init__(self, lemmatize: Callable[[Token], list[str]]):
        self.lemmatize = lemmatize
        self.remembered: dict[tuple[int, int, int], list[str]] = {}

    def __call__(self, token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        if (found := self.remembered.get(key)) is None:
            if len(self.remembered) > MOST_REMEMBERED:
                self.remembered.clear()
            found = self.remembered[key] = self.lemmatize(token)
        return found


def remember_lemmas(lemmatizer: Lemmatizer) -> bool:
    """Let a rule lemmatizer look up the lemmas of a kind of token it has seen before."""
    if lemmatizer.mode != "rule":
        return False  # other modes read other attributes (the lookup mode: the text alone)
    lemmatizer.lemmatize = RememberedLemmas(lemmatizer.lemmatize)  # what it calls per token
    return True
