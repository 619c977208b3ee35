"""The event sentence classifier: features, the model file, and how it re-weighs rule events.

Behaviours are tested on hand-made models and sentences we wrote; the shipped model's accuracy
is the evaluation's business (tests/test_eval_events.py).
"""

from __future__ import annotations

import logging

import numpy as np
import pytest

from newsevents.extract import event_classifier as ec
from newsevents.extract.event_rerank import EventOptions, Reading, added_type, adjust, anchor
from newsevents.ontology import event_lexicon
from newsevents.records import Event, Span

QUAD = event_lexicon().quad


def _event(kind="ASSAULT", confidence=0.7):
    return Event(id="e", type=kind, evidence=Span(0, 10, "x", 0), mode="firearms", confidence=confidence)


def _reading(*quad, types=None):
    types = types or {t: 1 / 16 for t in QUAD}
    return Reading(np.array(quad, dtype=float), types)


def test_word_features_have_words_and_pairs():
    assert ec.word_features("Troops entered the town") == [
        "troops", "entered", "the", "town", "troops entered", "entered the", "the town"]


def test_lemma_features_mark_verbs_root_and_arguments(nlp):
    sent = next(nlp("Rebels attacked the convoy.").sents)
    found = ec.lemma_features(sent)
    assert {"V:attack", "ROOT:attack", "dobj:attack", "nsubj:attack"} <= set(found)


@pytest.mark.parametrize("types, expected", [
    ((), ["RULE_NONE"]),
    (("ASSAULT", "ASSAULT"), ["RULE_ASSAULT", "RQ_4"]),
])
def test_rule_features_say_what_the_rules_found_once(types, expected):
    assert ec.rule_features(types, QUAD) == expected


def _tiny_model(path):
    """Two words, one rule token: "talks" pulls towards quad 1, "shelled" towards quad 4."""
    vocabs = {"word": ["shelled", "talks"], "lemma": ["talk"], "rule": ["RULE_NONE"]}
    idfs = {"word": np.array([1.0, 1.0]), "lemma": np.array([1.0]), "rule": None}
    quad = np.zeros((5, 4))
    quad[4, 0] = quad[1, 1] = 5.0
    kinds = np.zeros((2, 4))
    kinds[0, 0] = kinds[1, 1] = 5.0
    ec.save_model(path, vocabs=vocabs, idfs=idfs, quad=(quad, np.zeros(5)),
                  kinds=(kinds, np.zeros(2)), types=["ASSAULT", "CONSULT"])
    return ec.read_model(path)


def test_saved_model_reads_back_and_scores(tmp_path):
    model = _tiny_model(tmp_path / "m.npz")
    quad, types = model.predict({"word": ["shelled"], "lemma": [], "rule": ["RULE_NONE"]})
    assert int(np.argmax(quad)) == 4 and types["ASSAULT"] > types["CONSULT"]
    assert quad.sum() == pytest.approx(1.0)


def test_unknown_words_leave_the_intercepts(tmp_path):
    model = _tiny_model(tmp_path / "m.npz")
    quad, _ = model.predict({"word": ["football"], "lemma": [], "rule": []})
    assert quad == pytest.approx(np.full(5, 0.2))


def test_missing_model_means_rules_only_and_says_so_once(tmp_path, caplog):
    path = tmp_path / "absent.npz"
    with caplog.at_level(logging.WARNING):
        assert ec.sentence_model(path) is None
        assert ec.sentence_model(path) is None
    assert sum("rules only" in r.message for r in caplog.records) == 1


def test_shipped_model_loads_once():
    assert ec.sentence_model() is ec.sentence_model()


def test_statement_sentence_drops_the_rule_event():
    assert adjust(_event(), _reading(0.8, 0.05, 0.05, 0.05, 0.05), QUAD, EventOptions()) is None


def test_confident_other_quad_retypes_within_that_quad():
    types = {t: 0.0 for t in QUAD} | {"ACCUSE": 0.6, "ASSAULT": 0.4}
    event = adjust(_event(), _reading(0.05, 0.05, 0.05, 0.8, 0.05, types=types), QUAD, EventOptions())
    assert (event.type, event.mode) == ("ACCUSE", None)


def test_an_article_event_is_not_retyped():
    types = {t: 0.0 for t in QUAD} | {"ACCUSE": 0.6, "ASSAULT": 0.4}
    event = adjust(_event(), _reading(0.05, 0.05, 0.05, 0.8, 0.05, types=types), QUAD, EventOptions(),
                   may_retype=False)
    assert (event.type, event.mode) == ("ASSAULT", "firearms")


def test_an_articles_withdrawal_stays_a_withdrawal():
    from tests.test_events import _read

    # Read alone, the classifier makes this withdrawal a PROTEST; in an article it stays.
    text = ("Russian forces withdrew from northern Ukraine at the start of April, but mortar shelling "
            "and grenade attacks continue in Senkivka. Residents fear the troops will return. "
            "The village lies on the border. Few of its houses still have windows.")
    withdrawals = [e for e in _read(text).events if e.trigger and e.trigger.text == "withdrew"]
    assert [e.type for e in withdrawals] == ["RETREAT"]


def test_agreeing_classifier_keeps_type_and_blends_confidence():
    event = adjust(_event(confidence=0.6), _reading(0.0, 0.0, 0.0, 0.0, 1.0), QUAD, EventOptions())
    assert (event.type, event.mode, event.confidence) == ("ASSAULT", "firearms", 0.8)


@pytest.mark.parametrize("quad, expected", [
    ((0.1, 0.05, 0.05, 0.1, 0.7), "ASSAULT"),  # sure of material conflict
    ((0.3, 0.1, 0.1, 0.2, 0.3), None),  # not sure of anything
    ((0.9, 0.0, 0.0, 0.05, 0.05), None),  # a statement: nothing to add
])
def test_added_type_only_when_sure(quad, expected):
    types = {t: 0.0 for t in QUAD} | {"ASSAULT": 0.9, "AGREE": 0.1}
    assert added_type(_reading(*quad, types=types), QUAD, EventOptions()) == expected


def test_anchor_is_the_main_verb(nlp):
    sent = next(nlp("The minister, who arrived late, signed the accord.").sents)
    assert anchor(sent).lemma_ == "sign"


@pytest.mark.parametrize("text", [
    "The striker scored twice as United beat City 3-1 on Saturday.",
    "The company said its profits rose by a fifth last year.",
])
def test_no_events_added_to_sentences_without_political_actors(text):
    from tests.test_events import _read

    assert not [e for e in _read(text).events if "classifier" in e.context]


def test_rules_only_option_adds_nothing(nlp):
    from newsevents.extract.actors import extract_actors
    from newsevents.extract.event_rerank import RULES_ONLY
    from newsevents.extract.events import extract_events
    from newsevents.records import Article

    text = "Iraqi troops stormed the last bastion of the militants on Thursday."
    doc = nlp(text)
    article = Article(id="t", headline="", body=text)
    events = extract_events(doc, article, actors=extract_actors(doc, article), options=RULES_ONLY)
    assert not [e for e in events if "classifier" in e.context]


def test_sentence_the_rules_miss_gains_an_event_of_the_right_quad():
    from tests.test_events import _read

    events = _read("The Kenyan government gave shelter to refugees from Somalia.").events
    assert [QUAD[e.type] for e in events if "classifier" in e.context] == [2]


# An article about a record chart: no sentence the rules code, so the classifier adds none,
# though one sentence read alone ("The European Commission announced ...") gains an event.
_CHART_ARTICLE = (
    "The band's new album went straight to the top of the charts on Sunday. "
    "It sold more than 200,000 copies in its first week, the label said. "
    "The European Commission announced its support for a new digital music initiative in Brussels. "
    "The singer said the band would tour Europe in the summer. "
    "Tickets go on sale next month."
)


def test_an_article_the_rules_find_no_event_in_gains_none_from_the_classifier():
    from tests.test_events import _read

    assert not [e for e in _read(_CHART_ARTICLE).events if "classifier" in e.context]


def test_a_short_text_is_still_read_by_the_classifier():
    from tests.test_events import _read

    text = "The Kenyan government gave shelter to refugees from Somalia. Aid groups welcomed it."
    added = [e for e in _read(text).events if "classifier" in e.context]
    assert [QUAD[e.type] for e in added if e.evidence.sentence == 0] == [2]


@pytest.mark.parametrize("text", [
    "ICE handed back three stolen paintings to the museum in Vienna.",  # an acronym the parser calls a noun
    "The ELN announced a two-week truce in the north of the country.",  # an ORG no dictionary codes
])
def test_a_short_text_gains_an_event_a_named_uncoded_body_does(text):
    from tests.test_events import _read

    assert [QUAD[e.type] for e in _read(text).events if "classifier" in e.context] == [2]


def test_a_short_text_gains_an_event_a_coded_group_of_people_does():
    from tests.test_events import _read

    text = "Nurses walked off the job at three hospitals in the city."  # MED, no political sector
    assert [QUAD[e.type] for e in _read(text).events if "classifier" in e.context] == [4]


@pytest.mark.parametrize("text", [
    "The singer thanked her fans at the concert.",  # nobody named does it
    "BMW unveiled a new electric car at the motor show.",  # a firm
])
def test_a_short_text_gains_no_event_without_a_named_body(text):
    from tests.test_events import _read

    assert not [e for e in _read(text).events if "classifier" in e.context]


def test_acronyms_name_bodies(nlp):
    from newsevents.extract.events import _acronym

    doc = nlp("ICE and Ice met UN staff")
    assert [_acronym(t) for t in doc] == [True, False, False, False, True, False]


@pytest.mark.parametrize("kind, coded", [("AGREE", True), ("ASSAULT", False)])
def test_force_by_a_political_doer_is_not_added_at_the_short_text_bar(nlp, kind, coded):
    from newsevents.extract.actors import extract_actors
    from newsevents.extract.event_rerank import DEFAULT_OPTIONS
    from newsevents.extract.event_roles import ActorIndex
    from newsevents.extract.events import _named_anchor
    from newsevents.records import Article

    text = "Police in Delhi questioned the protesters on Monday."
    doc = nlp(text)
    article = Article(id="t", headline="", body=text)
    index = ActorIndex(doc, article, extract_actors(doc, article))
    found = _named_anchor(next(doc.sents), 0, kind, index, (), DEFAULT_OPTIONS, frozenset())
    assert (found is not None) == coded


class _Word:
    """A stand-in for a spaCy token: triggered_type reads only its position."""

    def __init__(self, i):
        self.i = i


@pytest.mark.parametrize("quad, words, expected", [
    # sure of material conflict, and "shelled" is an ASSAULT trigger: coded at it
    ((0.1, 0.05, 0.05, 0.1, 0.7), [(0, ["CONSULT"]), (1, ["ASSAULT"])], (1, "ASSAULT")),
    # sure of material conflict, but only a verbal-cooperation trigger: nothing
    ((0.1, 0.05, 0.05, 0.1, 0.7), [(0, ["CONSULT"])], None),
    # the trigger is there but the classifier is not sure enough
    ((0.3, 0.05, 0.05, 0.25, 0.35), [(1, ["ASSAULT"])], None),
    # a statement: nothing, whatever the words
    ((0.8, 0.05, 0.05, 0.05, 0.05), [(1, ["ASSAULT"])], None),
    # two triggers of the quad: the type the classifier likes better
    ((0.1, 0.05, 0.05, 0.1, 0.7), [(0, ["COERCE"]), (1, ["ASSAULT"])], (1, "ASSAULT")),
])
def test_triggered_type_needs_a_trigger_of_the_quad_the_classifier_is_sure_of(quad, words, expected):
    from newsevents.extract.event_rerank import triggered_type

    types = {t: 0.0 for t in QUAD} | {"ASSAULT": 0.6, "COERCE": 0.3, "CONSULT": 0.1}
    found = triggered_type(_reading(*quad, types=types), [(_Word(i), kinds) for i, kinds in words],
                           QUAD, threshold=0.4)
    assert (found if found is None else (found[0].i, found[1])) == expected



def test_a_short_text_gains_an_event_at_a_trigger_whose_doer_is_no_one_named():
    from tests.test_events import _read

    # "signed" is a trigger whose doer, "the group", no dictionary codes; the classifier reads
    # verbal cooperation, so the event stands at that word
    events = _read("The group signed a peace accord with the rebels.").events
    assert [(QUAD[e.type], e.trigger.text) for e in events if "classifier" in e.context] == [(1, "signed")]


@pytest.mark.parametrize("text, expected", [
    ("The group signed the accord.", "AGREE"),
    ("The group will not sign the accord.", "REJECT"),  # a refusal to cooperate happened
    ("The group did not sign the accord.", None),  # an act that did not happen: no added event
])
def test_a_trigger_is_read_as_written(nlp, text, expected):
    from newsevents.extract.events import _as_written

    token = next(t for t in nlp(text) if t.lemma_ == "sign")
    assert _as_written("AGREE", token) == expected
