"""The attribution span tagger: paragraphs, BIO decoding, span confidence, gold labels for
training, choosing between the rules' and the tagger's spans, and the shipped model end to end."""

from __future__ import annotations

import pytest
import spacy

from newsevents.extract import source_relations, source_tagger
from newsevents.extract.attribution import find_relations, rule_relations
from newsevents.extract.coref import context
from newsevents.extract.source_tagger import Tagged, paragraphs
from newsevents.extract.source_tagger_training import gold_labels, gold_spans
from newsevents.records import Article


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _tagged(doc, labels, marginals=None):
    words = [t for t in doc if not t.is_space]
    if marginals is None:
        marginals = {}
        for name in ("B-source", "I-source", "B-cue", "I-cue", "B-content", "I-content", "O"):
            marginals[name] = [1.0 if label == name else 0.0 for label in labels]
    return Tagged(words, labels, marginals)


# --- no model needed ---------------------------------------------------------------------------


def test_paragraphs_split_at_line_breaks_without_space_tokens(blank):
    doc = blank("He said no.\n\nShe  agreed.")
    words = [[t.text for t in p] for p in paragraphs(doc)]
    assert words == [["He", "said", "no", "."], ["She", "agreed", "."]]


@pytest.mark.parametrize(
    "labels, expected",
    [
        (
            ["B-source", "B-cue", "B-content", "I-content"],
            [("source", 0, 0), ("cue", 1, 1), ("content", 2, 3)],
        ),
        (["O", "I-content", "I-content", "O"], [("content", 1, 2)]),  # a lone I starts a span
        (["B-content", "B-content", "O", "O"], [("content", 0, 0), ("content", 1, 1)]),
        (["O", "O", "O", "O"], []),
    ],
)
def test_tagged_spans_from_bio_labels(blank, labels, expected):
    assert _tagged(blank("Kim said it worked"), labels).spans() == expected


def test_confidence_is_the_weakest_marginal_of_the_span(blank):
    doc = blank("Kim said it worked")
    labels = ["B-source", "B-cue", "B-content", "I-content"]
    tagged = _tagged(doc, labels)
    tagged.marginals["I-content"][3] = 0.4
    assert tagged.confidence("content", 2, 3) == pytest.approx(0.4)
    assert tagged.confidence("cue", 1, 1) == pytest.approx(1.0)
    # a span that stops before a word the model puts inside it is unlikely
    assert tagged.confidence("content", 2, 2) == pytest.approx(0.6)
    assert tagged.chars(2, 3) == (9, 18)


def test_gold_spans_trim_punctuation_and_split_broken_spans():
    text = "“Yes,” he said, “we will.”"
    ann = (
        "T1\tContent 0 6;16 26\t“Yes,” “we will.”\n"
        "T2\tSource 7 9\the\nT3\tCue 10 14\tsaid\n"
    )
    expected = [("content", 0, 6), ("content", 16, 26), ("source", 7, 9), ("cue", 10, 14)]
    assert gold_spans(ann, text) == expected
    ann = "T1\tContent 0 5\tA, b.\nT9\tAttribution 10 14\tsaid\n"
    assert gold_spans(ann, "A, b. and more") == [("content", 0, 4)]


def test_gold_labels_are_bio_per_span(blank):
    doc = blank("Kim said it worked well")
    spans = [("source", 0, 3), ("cue", 4, 8), ("content", 9, 23)]
    expected = ["B-source", "B-cue", "B-content", "I-content", "I-content"]
    assert gold_labels(list(doc), spans) == expected


def test_choose_spans_keeps_the_surer_of_overlapping_spans(blank, monkeypatch):
    monkeypatch.setattr(source_relations, "RULE_BONUS", 0.0)
    text = "Kim said it worked well"
    doc = blank(text)
    ctx = context(doc, Article(id="t", headline="", body=text))
    labels = ["B-source", "B-cue", "B-content", "I-content", "O"]
    tagged = _tagged(doc, labels)
    tagged.marginals["O"][4] = 0.7
    tagged.marginals["I-content"][4] = 0.3
    rule = source_relations.Relation("indirect", (9, 23), (4, 8), (0, 3))  # content with "well"
    chosen = source_relations.choose_spans(ctx, [rule], [tagged], 0.5)
    assert chosen == {"source": [(0, 3)], "cue": [(4, 8)], "content": [(9, 18)]}
    # below the threshold nothing is kept
    nothing = {"source": [], "cue": [], "content": []}
    assert source_relations.choose_spans(ctx, [rule], [tagged], 1.01) == nothing


def test_without_a_model_the_rules_stand_alone(nlp, monkeypatch):
    text = "The senator said that the bill would pass."
    doc = nlp(text)
    article = Article(id="t", headline="", body=text)
    monkeypatch.setattr(source_tagger, "load_tagger", lambda: None)
    assert find_relations(doc, article) == rule_relations(doc, article)


def test_choose_spans_lets_a_rule_span_win_a_near_tie(blank):
    text = "Kim said it worked well"
    doc = blank(text)
    ctx = context(doc, Article(id="t", headline="", body=text))
    tagged = _tagged(doc, ["B-source", "B-cue", "B-content", "I-content", "O"])
    tagged.marginals["O"][4] = 0.55
    tagged.marginals["I-content"][4] = 0.45  # the tagger leans to leaving "well" out, barely
    rule = source_relations.Relation("indirect", (9, 23), (4, 8), (0, 3))
    chosen = source_relations.choose_spans(ctx, [rule], [tagged], 0.0)
    assert chosen["content"] == [(9, 23)]


# --- the shipped model -------------------------------------------------------------------------


@pytest.mark.skipif(not source_tagger.MODEL.exists(), reason="no tagger model shipped")
@pytest.mark.parametrize(
    "text, source, cue, content",
    [
        (
            "The senator said that the bill would pass.",
            "The senator", "said", "that the bill would pass",
        ),
        ("“We will win,” Smith told reporters.", "Smith", "told", "“We will win,”"),
    ],
)
def test_shipped_tagger_keeps_clear_relations(nlp, text, source, cue, content):
    relations = find_relations(nlp(text), Article(id="t", headline="", body=text))
    found = [
        (_text(text, r.source), _text(text, r.cue), _text(text, r.content)) for r in relations
    ]
    assert (source, cue, content) in found


def _text(text: str, span):
    return text[span[0] : span[1]] if span else None


def test_free_source_replaces_a_speaker_the_tagger_did_not_keep(blank):
    text = "Smith won. The governor said no."
    doc = blank(text)
    ctx = context(doc, Article(id="t", headline="", body=text))
    governor, said, no = (11, 23), (24, 28), (29, 31)
    rule = source_relations.Relation("indirect", no, said, (0, 5))  # "Smith", found by coref
    chosen = source_relations.Chosen({"source": [governor], "cue": [said], "content": [no]})
    chosen.used |= {("cue", said), ("content", no)}
    [found] = source_relations._attach_free_sources(ctx, [rule], chosen)
    assert found.source == governor
    # a source the tagger kept stays
    kept = source_relations.Chosen({"source": [governor, (0, 5)], "cue": [said], "content": [no]})
    kept.used |= {("cue", said), ("content", no), ("source", (0, 5))}
    assert source_relations._attach_free_sources(ctx, [rule], kept) == [rule]


@pytest.mark.parametrize(
    "text, content",
    [
        ("As the Post reported, the inspector issued subpoenas.", "the inspector issued subpoenas"),
        ("As the Post reported, the inspector issued subpoenas.", None),  # the content is kept
    ],
)
def test_clause_around_a_cue_without_content(nlp, text, content):
    doc = nlp(text)
    ctx = context(doc, Article(id="t", headline="", body=text))
    cue = (text.index("reported"), text.index(","))
    spans = {"source": [(3, 11)], "cue": [cue], "content": []}
    if content is None:
        spans["content"] = [(text.index("subpoenas"), len(text) - 1)]
    found = source_relations._clause_around(ctx, cue, source_relations.Chosen(spans))
    assert (_text(text, found) if found else None) == content


@pytest.mark.parametrize("cue_text, attached", [("said", True), ("won", False)])
def test_free_cue_joins_a_relation_of_its_sentence_without_cue(nlp, cue_text, attached):
    text = f"Smith {cue_text} the vote was fair."
    doc = nlp(text)
    ctx = context(doc, Article(id="t", headline="", body=text))
    cue = (6, 6 + len(cue_text))
    content = (cue[1] + 1, len(text) - 1)
    rule = source_relations.Relation("indirect", content, None, (0, 5))
    chosen = source_relations.Chosen({"source": [(0, 5)], "cue": [cue], "content": [content]})
    chosen.used |= {("source", (0, 5)), ("content", content)}
    [found] = source_relations._attach_free_cues(ctx, [rule], chosen)
    assert (found.cue == cue) is attached  # "won" is no cue word: the relation stays cue-less


def test_a_relation_does_not_take_a_content_holding_its_own_cue(blank):
    # "*Three in four say they buy American*, according to the survey": the kept content holds
    # the inner relation's cue "say", so it is the outer relation's
    text = "Three in four say they buy American, according to the survey."
    doc = blank(text)
    ctx = context(doc, Article(id="t", headline="", body=text))
    say, content = (14, 17), (0, 35)
    inner = source_relations.Relation("indirect", (18, 35), say, (0, 13))
    assert source_relations._retag_content(ctx, inner, source_relations.Chosen(
        {"source": [], "cue": [], "content": [content]})) is None
    outer = source_relations.Relation("according", content, (37, 49), (50, 60))
    retagged = source_relations._retag_content(ctx, outer, source_relations.Chosen(
        {"source": [], "cue": [], "content": [content]}))
    assert retagged.content == content


@pytest.mark.parametrize(
    "text, source",
    [
        ("RENO, Nev. (AP) — Republican hopeful Donald Trump says no.", "Republican hopeful Donald Trump"),
        ("Republican hopeful Donald Trump says no.", "Republican hopeful Donald Trump"),
    ],
)
def test_a_source_drops_the_wire_dateline_it_opens_with(text, source):
    start = text.index("Republican")
    rule = source_relations.Relation("indirect", (len(text) - 3, len(text) - 1), None, (0, start + 31))
    trimmed = source_relations._without_datelines(text, rule)
    assert _text(text, trimmed.source) == source


@pytest.mark.parametrize(
    "text, content",
    [
        ("“It’s a reflection of anger,” McCain said.", "“It’s a reflection of anger,”"),
        ("“Can we win?” a reporter asked him.", "“Can we win?”"),
        # a quote that closes on no comma goes on into the writer's words
        ("“a total disaster” for his party.", "“a total disaster” for his party"),
        # quoted words in a list stay one content
        ("“Peace,” “Order,” and “Sanity.”", "“Peace,” “Order,” and “Sanity.”"),
    ],
)
def test_a_quote_content_ends_at_its_closing_mark(text, content):
    rule = source_relations.Relation("direct", (0, len(text.rstrip("."))), None, None)
    assert _text(text, source_relations._quotes_end_at_their_marks(text, rule).content) == content


@pytest.mark.parametrize(
    "text, cue, subject, raised",
    [
        ("The central bank appears to favour a rate rise.", "appears", "The central bank", True),
        ("Most voters seem to prefer an outsider.", "seem", "Most voters", True),
        ("The Fed is expected to raise rates in December.", "is expected", "The Fed", True),
        # what follows is itself speech: the subject speaks
        ("The senator seemed to suggest that taxes would rise.", "seemed", "The senator", False),
        # not a raising verb: the subject is the source
        ("The senator wants to cut taxes.", "wants", "The senator", False),
    ],
)
def test_the_subject_of_a_raising_cue_is_a_piece_of_the_content(nlp, text, cue, subject, raised):
    doc = nlp(text)
    ctx = context(doc, Article(id="t", headline="", body=text))
    cue_at, subject_at = text.index(cue), text.index(subject)
    cue_span, subject_span = (cue_at, cue_at + len(cue)), (subject_at, subject_at + len(subject))
    rest = (cue_span[1] + 1, len(text) - 1)
    rule = source_relations.Relation("indirect", rest, cue_span, subject_span)
    found = source_relations._raised_subject_as_content(ctx, rule)
    if raised:
        assert found.source is None and found.more == (subject_span,)
    else:
        assert found == rule


@pytest.mark.parametrize(
    "text, cue, source, piece",
    [
        ("Time, Mr. Pence added, was on their side.", "added", "Mr. Pence", "Time"),
        ("But, he said, it is a risky strategy.", "said", "he", "But"),
        # the cue heads the sentence: the words before it frame the cue, they are not the claim's
        ('Later in the piece, Tuttle wrote, "The plan is dead."', "wrote", "Tuttle", None),
    ],
)
def test_the_words_before_a_parenthetical_cue_are_a_piece_of_the_content(
    nlp, text, cue, source, piece
):
    doc = nlp(text)
    ctx = context(doc, Article(id="t", headline="", body=text))
    cue_at, source_at = text.index(cue), text.index(source)
    cue_span, source_span = (cue_at, cue_at + len(cue)), (source_at, source_at + len(source))
    content = (cue_span[1] + 2, len(text) - 1)
    rule = source_relations.Relation("indirect", content, cue_span, source_span)
    (found,) = source_relations._with_fronted_pieces(ctx, [rule])
    if piece is None:
        assert found == rule
    else:
        assert [_text(text, span) for span in found.more] == [piece]
        # a piece another relation's span holds stays with that relation
        other = source_relations.Relation("indirect", (0, len(piece)))
        assert source_relations._with_fronted_pieces(ctx, [rule, other])[0] == rule
