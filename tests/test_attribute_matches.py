"""The faster attribute-ruler matching lists exactly the matches spaCy's Matcher lists, so the
tags, parts of speech, morphology and lemmas it leads to stay those of the model."""

from __future__ import annotations

import pytest
from spacy.pipeline import AttributeRuler

from spacy.attrs import LEMMA, MORPH, POS, TAG

from newsevents.attribute_matches import AttributeMatches, set_annotations, speed_up
from newsevents.language import load_nlp
from newsevents.settings import DEFAULT_MODEL

# Words the model's exception patterns name ("n't", "'s", "ai", "y'all", "nothin'", "I" as an
# object, "there is", auxiliaries, "that" as a pronoun), among ordinary news sentences.
TEXTS = [
    "Russian forces shelled Kharkiv on Monday, killing two civilians, Ukraine's military said.",
    "It isn't over: y'all ain't seen nothin' yet, he told me. Give it to I and you.",
    "There are reports that troops have withdrawn, but officials did not confirm it.\n\nThat was all.",
    "We'd have gone if they'd asked; what do you think? Those who left got paid.",
]


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(DEFAULT_MODEL, with_gazetteer=False)


def test_every_model_pattern_is_understood(nlp):
    assert AttributeMatches.of(nlp.get_pipe("attribute_ruler")) is not None


@pytest.mark.parametrize("text", TEXTS)
def test_matches_are_the_matchers(nlp, text):
    ruler = nlp.get_pipe("attribute_ruler")
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        doc = nlp(text)
    fast = AttributeMatches.of(ruler)
    assert fast(doc) == AttributeRuler.match(ruler, doc)  # the class's method: spaCy's Matcher
    assert fast(doc) == AttributeRuler.match(ruler, doc)  # and again from what it remembered


def test_unknown_pattern_keeps_the_matcher(nlp):
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"LEMMA": "a"})
    assert not speed_up(ruler)
    assert "match" not in vars(ruler)


@pytest.mark.parametrize("text", TEXTS)
def test_set_annotations_sets_what_spacys_sets(nlp, text):
    ruler = nlp.get_pipe("attribute_ruler")
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        ours, theirs = nlp(text), nlp(text)
    matches = ruler.match(ours)
    set_annotations(ruler, ours, matches)
    AttributeRuler.set_annotations(ruler, theirs, matches)
    columns = [TAG, POS, MORPH, LEMMA]
    assert (ours.to_array(columns) == theirs.to_array(columns)).all()
    assert any(t.pos_ for t in ours)


def test_set_annotations_names_a_token_outside_its_match(nlp):
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "troops"}]], {"LEMMA": "troop"}, index=-2)
    doc = nlp.make_doc("troops withdrew")
    with pytest.raises(ValueError):
        set_annotations(ruler, doc, [(0, 0, 0, 1)])
