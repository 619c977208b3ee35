"""The rule lemmatizer's lemmas, worked out once per kind of token instead of per token, and
each faster.

spaCy's rule lemmatizer keeps the lemmas it derives from its rules, but not those of words it
takes for base forms (a singular noun, an infinitive: most words), which it works out
again at every token from the token's morphology. Its rules read only a token's text, part of
speech and morphology, so the lemmas of one (text, part of speech, morphology) are the same at
every token: ``remember_lemmas`` keeps them all, keyed as the lemmatizer keys its own cache.

Deriving a lemma asks whether each candidate form is a known word of its part of speech, in lists
of up to 57,000 words (``lemma_index``), one comparison per word: about 0.1 ms a new word. The
lists become ``WordList``s, the same lists whose membership test is a set lookup.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.pipeline import Lemmatizer
from spacy.tokens import Token

# Distinct (text, part of speech, morphology) combinations grow slowly with the corpus (~12,000 in
# 200 articles, a few hundred bytes each); past this many the remembered ones are dropped and
# learnt again, which the set-backed word lists make cheap.
MOST_REMEMBERED = 50_000


class WordList(list):
    """A list of words whose ``in`` is a set lookup (it is still a list to whatever reads or
    saves the lemmatizer's tables)."""

    def __init__(self, words=()):
        super().__init__(words)
        self.known = frozenset(self)

    def __contains__(self, word: object) -> bool:
        return word in self.known


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
    """Let a rule lemmatizer look up the lemmas of a kind of token it has seen before, and test
    whether a form is a known word in a set."""
    if lemmatizer.mode != "rule":
        return False  # other modes read other attributes (the lookup mode: the text alone)
    index = lemmatizer.lookups.get_table("lemma_index", {})
    for pos, words in list(index.items()):
        index[pos] = WordList(words)
    lemmatizer.lemmatize = RememberedLemmas(lemmatizer.lemmatize)  # what it calls per token
    return True
