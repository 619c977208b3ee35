"""Attribution spans as PolNeAR draws them: doubled-apostrophe quotes, passive cues, prepositions
in the cue, contents a cue splits, participle cues, the cue model (none from PolNeAR)."""

from __future__ import annotations

import pytest

from newsevents.extract.attribution import find_relations
from newsevents.extract.cue_model import cue_indices, features, load_model
from newsevents.extract.quote_marks import close_quote, inner, quote_marks
from newsevents.records import Article


def _relations(nlp, text: str):
    found = find_relations(nlp(text), Article(id="t", headline="", body=text))
    return [
        (
            text[slice(*r.cue)] if r.cue else None,
            text[slice(*r.source)] if r.source else None,
            text[slice(*r.content)],
            [text[a:b] for a, b in r.more],
        )
        for r in found
    ]


# --- quote marks (no model) ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("''We will win,'' she said.", ["''We will win,''"]),
        ("He said ''no'' and ''never''.", ["''no''", "''never''"]),
        # an apostrophe is no mark: only a doubled one is
        ("The voters' choice and the candidates' plans.", []),
        # a nested single quote before the closing pair
        ("''I thought, 'This is it.'.'' he said.", ["''I thought, 'This is it.'.''"]),
    ],
)
def test_quote_marks_doubled_apostrophes(text, expected):
    assert [text[s:e] for s, e in quote_marks(text)] == expected


@pytest.mark.parametrize(
    "text, span, expected",
    [
        # PolNeAR's content ends with the closing mark (and the period inside it)
        ('said that "we will appeal." Next', (5, 25), 'that "we will appeal."'),
        ("said that ''we will appeal.'' Next", (5, 26), "that ''we will appeal.''"),
        ("said that “we will appeal.” Next", (5, 25), "that “we will appeal.”"),
        # a span that opens no quote takes nothing in
        ("said that we will appeal. Next", (5, 24), "that we will appeal"),
    ],
)
def test_close_quote_takes_in_the_closing_mark(text, span, expected):
    start, end = close_quote(text, *span)
    assert text[start:end] == expected


@pytest.mark.parametrize(
    "text, expected",
    [("''We will win,''", "We will win"), ("“We will win.”", "We will win."), ('"Yes"', "Yes")],
)
def test_inner_strips_marks(text, expected):
    start, end = inner(text, 0, len(text))
    assert text[start:end] == expected


# --- spans (model) ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # a passive cue: its subject is the content, its agent (if any) the source; the "for"
        # after "criticized/blamed/praised/accused" is in the cue 17 times in PolNeAR train, out
        # of it 8, and what it introduces is content too (the span tagger learned both)
        (
            "The senator has been sharply criticized for his vote on the bill.",
            ("has been sharply criticized for", None, "The senator", ["his vote on the bill"]),
        ),
        (
            "The proposal was criticized by several economists.",
            ("was criticized", "several economists", "The proposal", []),
        ),
        # the preposition that introduces the content belongs to the cue
        (
            "The governor called for an inquiry into the shooting.",
            ("called for", "The governor", "an inquiry into the shooting", []),
        ),
        (
            "The mayor spoke of a difficult year for the city.",
            ("spoke of", "The mayor", "a difficult year for the city", []),
        ),
        # a cue inside its content splits it into two pieces
        (
            "The new tax, the minister said on Monday, will pay for the schools.",
            ("said", "the minister", "will pay for the schools", ["The new tax"]),
        ),
        # doubled apostrophes: a direct quote with its marks, governed by its cue
        (
            "''We will win this state,'' the candidate said.",
            ("said", "the candidate", "''We will win this state,''", []),
        ),
        (
            "The candidate said that ''the race is not over.''",
            ("said", "The candidate", "that ''the race is not over.''", []),
        ),
    ],
)
def test_relation_spans_follow_polnear(nlp, text, expected):
    assert expected in _relations(nlp, text)


def test_participle_cue_after_a_comma_ends_the_first_content(nlp):
    text = "The agency said the plan would cut costs, arguing that the old system was too slow."
    found = {cue: content for cue, _, content, _ in _relations(nlp, text)}
    assert found["said"] == "the plan would cut costs"
    assert found["arguing"] == "that the old system was too slow"


# --- the cue model -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, word, is_cue",
    [
        ("Recent polls show that the race is tightening.", "show", True),
        ("She watched a show about cooking last night.", "show", False),
        ("The minister said the talks would resume.", "said", True),
        ("The minister walked to the car.", "walked", False),
        # a light verb's object carries the stance; a copula's predicate decides
        ("Trump has no idea what he is talking about.", "has", True),
        ("The markets are open on Monday.", "are", False),
    ],
)
def test_cue_model_reads_the_context(nlp, text, word, is_cue):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert (token.i in cue_indices(doc)) is is_cue


def test_cue_features_name_a_copulas_predicate_and_what_it_takes(nlp):
    doc = nlp("Indiana politicians are furious at the company.")
    found = set(features(doc[2]))
    assert {"pr=furious", "prp=ADJ", "prc=prep", "prpr=at", "prlpr=furious|at"} <= found
    doc = nlp("His supporters are optimistic that he will win.")
    assert {"pr=optimistic", "prl=optimistic|ccomp"} <= set(features(doc[2]))


def test_cue_features_name_a_light_verbs_object_and_complement(nlp):
    doc = nlp("Trump has no idea. Cruz continued to refute the claims.")
    assert {"ob=idea", "lob=have|idea"} <= set(features(doc[1]))
    continued = next(t for t in doc if t.text == "continued")
    assert "xc=refute" in features(continued)


def test_cue_model_ships_and_features_are_one_line_each(nlp):
    assert load_model() is not None
    doc = nlp("He said:\n\n“We\twill win.”")
    for token in doc:
        assert all("\n" not in f and "\t" not in f for f in features(token))


def test_a_subject_across_a_paragraph_break_is_no_speaker(nlp):
    # the parser runs the sentence over the break and makes "p.m." a second subject of "says"
    from newsevents.extract.cue_verbs import subject

    doc = nlp("9:30 p.m.\n\nDonald Trump says he may move to the South.")
    says = next(t for t in doc if t.text == "says")
    assert subject(says).text == "Trump"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It is unclear whether the dam was destroyed.", None),  # "it" stands for the clause
        ("It is true, he said.", "It"),  # no clause after the predicate: "it" refers back
        ("The mayor is sure that the dam held.", "mayor"),
    ],
)
def test_the_expletive_it_of_a_copula_is_no_source(nlp, text, expected):
    from newsevents.extract.cue_verbs import subject

    doc = nlp(text)
    verb = next(t for t in doc if t.lemma_ == "be")
    found = subject(verb)
    assert (found.text if found is not None else None) == expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Lynch: No outside influence on FBI probe into Clinton emails.",
         ("Lynch", "No outside influence on FBI probe into Clinton emails")),
        ("The Latest: Cruz to give away engraved shotgun.", None),  # a series title, no speaker
        ("Clinton: 547.", None),  # a table of counts
        ("FIX IS IN: PBS Moderators Ignore Clinton Scandals.", None),
        ("Photo: Ukrainian soldiers fire a howitzer near Bakhmut", None),  # a caption's label
    ],
)
def test_headline_speaker_before_a_colon(nlp, line, expected):
    from newsevents.extract.attribution import headline_relations
    from newsevents.extract.coref import context

    text = line + "\n\nThe rest of the story."
    found = headline_relations(context(nlp(text), Article(id="t", headline="", body=text)))
    got = [(text[slice(*r.source)], text[slice(*r.content)]) for r in found]
    assert got == ([expected] if expected else [])
