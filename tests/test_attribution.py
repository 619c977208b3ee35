"""Attribution: sources, cues, chains, certainty, "according to the report" (none of the
sentences are the reference article's)."""

from __future__ import annotations

import pytest

from newsevents.extract.attribution import attributions_for, extract_attributions, publisher
from newsevents.records import Article, Attribution, Span


def _article(text: str, url: str = "https://www.kyivpost.com/post/1", outlet=None) -> Article:
    return Article(id="t", headline="", body=text, url=url, outlet=outlet)


def _attributions(nlp, text: str, **kwargs) -> tuple[Attribution, ...]:
    return extract_attributions(nlp(text), _article(text, **kwargs), quotes=(), actors=())


# --- publisher (no model) ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, outlet, expected",
    [
        ("https://www.benzinga.com/news/22/07/1/x", None, "Benzinga"),
        ("https://www.reuters.com/world/europe/x", None, "Reuters"),
        ("https://www.bbc.co.uk/news/world-1", None, "BBC"),
        ("https://news.example.org/a", None, "Example"),
        ("https://www.reuters.com/world/x", "The Kyiv Independent", "The Kyiv Independent"),
        (None, None, None),
    ],
)
def test_attribution_publisher_from_outlet_or_url(url, outlet, expected):
    assert publisher(Article(id="t", headline="", body="", url=url, outlet=outlet)) == expected


# --- sources, cues, chains ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, claim, source, cue, certainty",
    [
        (
            "Ukrainian troops have retaken the village of Klishchiivka, reported the Guardian.",
            "Ukrainian troops have retaken the village of Klishchiivka", "the Guardian",
            "reported", "reported",
        ),
        (
            "According to the Institute for the Study of War, Russian units withdrew from the bank.",
            "Russian units withdrew from the bank", "the Institute for the Study of War",
            "according to", "reported",
        ),
        (
            "The separatists claimed that Ukrainian forces had fired first.",
            "that Ukrainian forces had fired first", "The separatists", "claimed", "claimed",
        ),
        (
            "Moscow denied that it had attacked the convoy.",
            "that it had attacked the convoy", "Moscow", "denied", "denied",
        ),
        (
            "The navy lost two landing craft, the agency said, citing military sources.",
            "The navy lost two landing craft", "the agency", "said", "reported",
        ),
    ],
)
def test_attribution_source_cue_certainty(nlp, text, claim, source, cue, certainty):
    found = [a for a in _attributions(nlp, text) if a.cue == cue]
    assert found, _attributions(nlp, text)
    attribution = found[0]
    assert attribution.claim.text == claim
    assert attribution.source.span.text == source or attribution.source.text == source
    assert attribution.certainty == certainty
    assert attribution.chain[0] == "Kyivpost"


@pytest.mark.parametrize(
    "text, source, claim, certainty",
    [
        ("The paper said the deal was close, citing people familiar with the matter.",
         "people familiar with the matter", "The paper said the deal was close", "reported"),
        # a reason is no source: the subject claims it
        ("Russia sent troops into Ukraine, citing Kiev's failure to implement the agreements.",
         "Russia", "Kiev's failure to implement the agreements", "claimed"),
        ("The airline cancelled its flights to Tel Aviv, citing security concerns.",
         "The airline", "security concerns", "claimed"),
    ],
)
def test_attribution_citing_an_informant_or_a_reason(nlp, text, source, claim, certainty):
    (cited,) = [a for a in _attributions(nlp, text) if a.cue == "citing"]
    assert (cited.source.span.text, cited.claim.text, cited.certainty) == (source, claim, certainty)


def test_attribution_chain_publisher_then_outlet(nlp):
    text = "Kyiv has retaken the village, reported the Guardian."
    (attribution,) = _attributions(nlp, text, url="https://www.benzinga.com/news/1")
    assert attribution.chain == ("Benzinga", "Guardian")


def test_attribution_according_to_the_report_inherits_the_outlet(nlp):
    text = (
        "The army captured the bridge at Antonivka, the Wall Street Journal reported. "
        "The offensive will now move south, according to the report."
    )
    found = _attributions(nlp, text)
    according = [a for a in found if a.cue == "according to"]
    assert len(according) == 1
    assert "Wall Street Journal" in according[0].source.text
    assert according[0].claim.text == "The offensive will now move south"
    assert according[0].claim.sentence == 1
    assert "Wall Street Journal" in according[0].chain


@pytest.mark.parametrize(
    "text, cue, certainty",
    [
        ("The commander reportedly fled the city before the assault.", "reportedly", "reported"),
        ("The militia allegedly executed two prisoners near the road.", "allegedly", "claimed"),
        ("It is unclear whether the dam was destroyed by shelling.", "It is unclear whether", "hedged"),
    ],
)
def test_attribution_adverb_marks_claim_without_source(nlp, text, cue, certainty):
    (attribution,) = _attributions(nlp, text)
    assert attribution.source is None
    assert attribution.cue == cue
    assert attribution.certainty == certainty
    assert attribution.claim.sentence == 0


@pytest.mark.parametrize(
    "text",
    [
        "The brigade attacked according to a previously approved plan.",
        "Russian forces shelled the town of Vuhledar overnight.",
        "The so-called “referendum” took place on Sunday.",
    ],
)
def test_attribution_none_where_nothing_is_attributed(nlp, text):
    assert _attributions(nlp, text) == ()


def test_attributions_for_finds_by_overlap_innermost_first():
    outer = Attribution(claim=Span(0, 100, "x" * 100, 0), cue="reported")
    inner = Attribution(claim=Span(10, 30, "x" * 20, 0), cue="said")
    other = Attribution(claim=Span(200, 220, "x" * 20, 2), cue="said")
    assert attributions_for(Span(12, 15, "xxx", 0), (outer, inner, other)) == (inner, outer)
    assert attributions_for(Span(150, 160, "x" * 10, 1), (outer, inner, other)) == ()


def test_certainty_markers_prefilter_finds_what_each_phrase_finds():
    from newsevents.extract.attribution import _certainty_patterns, certainty_markers

    texts = ["Troops reportedly entered the town.", "Nothing hedged here at all.",
             "It was unclear whether REPORTEDLY the talks, allegedly held, had ended; perhaps.",
             "unreportedly", ""]
    for text in texts:
        each = sorted((m.start(), m.end(), certainty) for pattern, certainty in _certainty_patterns()
                      for m in pattern.finditer(text))
        assert certainty_markers(text) == each
    assert certainty_markers(texts[1]) == [] and len(certainty_markers(texts[2])) == 4


def test_a_sourceless_cue_inside_a_certainty_phrase_is_left_to_the_phrase():
    from newsevents.extract.attribution import _marker_cue
    from newsevents.extract.cue_verbs import Relation

    markers = [(0, 21)]  # "It is unclear whether"
    assert _marker_cue(Relation("indirect", (22, 40), cue=(3, 5)), markers)
    assert not _marker_cue(Relation("indirect", (22, 40), cue=(3, 5), source=(0, 2)), markers)
    assert not _marker_cue(Relation("indirect", (22, 40), cue=(41, 45)), markers)
