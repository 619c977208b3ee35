"""The remembered lemmas and the set-backed word lists give exactly the lemmas of spaCy's own
rule lemmatizer."""

from __future__ import annotations

import pickle

import spacy

from newsevents.lemma_memo import WordList, remember_lemmas
from newsevents.settings import DEFAULT_MODEL

TEXTS = [
    "Russian forces shelled Kharkiv on Monday, killing two civilians, Ukraine's military said.",
    "The generals were meeting; the meetings went on. Troops had withdrawn from the villages.",
    "He says she said they'd have been going. Better, best, worse; mice, geese and data.",
]


def test_lemmas_are_the_lemmatizers():
    plain = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    fast = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    assert remember_lemmas(fast.get_pipe("lemmatizer"))
    for _ in range(2):  # worked out, then remembered
        for text in TEXTS:
            assert [t.lemma_ for t in fast(text)] == [t.lemma_ for t in plain(text)]


def test_word_list_is_a_list_with_set_membership():
    words = WordList(["go", "goose", "datum"])
    assert words == ["go", "goose", "datum"] and isinstance(words, list)
    assert "goose" in words and "geese" not in words
    copy = pickle.loads(pickle.dumps(words))
    assert copy == words and "datum" in copy
