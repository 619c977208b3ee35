"""Quotes: marks, speakers, channels, continuations, scare quotes (none of them from the
reference article)."""

from __future__ import annotations

import pytest

from newsevents.extract.quotes import extract_quotes, quote_marks
from newsevents.records import Article


def _article(text: str) -> Article:
    return Article(id="t", headline="", body=text, url="https://www.example.com/news/1")


def _quotes(nlp, text: str):
    return extract_quotes(nlp(text), _article(text), actors=())


# --- quote marks (no model) ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He said “we will win” today.", ["“we will win”"]),
        ('He said "we will win" and "soon".', ['"we will win"', '"soon"']),
        # an odd mark drops only itself: the quote after it is still found
        ('A 12" gun. Then "we hold the line," he said.', ['"we hold the line,"']),
        ("“One.” Two “three”", ["“One.”", "“three”"]),
        # a quote running over paragraphs: each paragraph's piece, the later one reopened
        ("“First part of it\n\n“and the rest.” he said.", ["“First part of it", "“and the rest.”"]),
        # an unclosed mark at a paragraph end that nothing reopens is dropped
        ("“Nothing closes this\n\nNext paragraph.", []),
        ("No quotes here at all.", []),
    ],
)
def test_quote_marks_pairs_marks_per_paragraph(text, expected):
    assert [text[s:e] for s, e in quote_marks(text)] == expected


# --- speakers and cues ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, kind, speaker, cue, channel",
    [
        (
            "“We will not retreat,” Oleksii Reznikov said in an interview with the BBC.",
            "direct", "Reznikov", "said", "interview with the BBC",
        ),
        (
            'Zelenskyy said: "The army is holding the line in Bakhmut."',
            "direct", "Zelenskyy", "said", None,
        ),
        (
            "“The bridge is closed,” said Andriy Yermak on Telegram.",
            "direct", "Yermak", "said", "Telegram",
        ),
        (
            "The Defence Ministry said on Telegram that two missiles had struck the port.",
            "indirect", "Ministry", "said", "Telegram",
        ),
        (
            "The Kremlin denied that its troops had shelled the plant.",
            "indirect", "Kremlin", "denied", None,
        ),
    ],
)
def test_quotes_speaker_cue_channel(nlp, text, kind, speaker, cue, channel):
    quotes = [q for q in _quotes(nlp, text) if q.kind == kind]
    assert len(quotes) == 1, quotes
    quote = quotes[0]
    assert speaker in quote.speaker.span.text
    assert quote.cue == cue
    assert quote.channel == channel
    assert text[quote.span.start : quote.span.end] == quote.text


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Emmanuel Macron met the delegation on Tuesday. He told reporters that talks would go on.",
            "Emmanuel Macron",
        ),
        (
            "German Chancellor Olaf Scholz arrived in Kyiv on Friday. “We stand with Ukraine,” the "
            "chancellor said.",
            "Olaf Scholz",
        ),
    ],
)
def test_quotes_resolve_pronoun_and_role_speakers(nlp, text, speaker):
    quotes = _quotes(nlp, text)
    assert quotes and quotes[-1].speaker.span.text == speaker


def test_quotes_told_reporters_is_a_channel(nlp):
    text = "Emmanuel Macron told reporters that the talks would go on."
    (quote,) = _quotes(nlp, text)
    assert quote.channel == "told reporters"


def test_quotes_uncued_paragraph_continues_previous_speaker(nlp):
    text = (
        "“The front is stable,” General Valerii Zaluzhnyi said on Sunday.\n\n"
        "“Our reserves are ready for the next phase of the operation.”"
    )
    quotes = [q for q in _quotes(nlp, text) if q.kind == "direct"]
    assert [q.text for q in quotes] == [
        "The front is stable",
        "Our reserves are ready for the next phase of the operation.",
    ]
    assert quotes[1].speaker == quotes[0].speaker
    assert quotes[1].cue is None


@pytest.mark.parametrize(
    "text",
    [
        "Officials described the convoy as “humanitarian aid” for the region.",
        "The so-called “referendum” took place on Sunday.",
        'Troops moved into the "buffer zone" overnight.',
    ],
)
def test_quotes_scare_quotes_are_not_speech(nlp, text):
    assert not [q for q in _quotes(nlp, text) if q.kind == "direct"]


def test_quotes_plain_sentence_has_none(nlp):
    assert _quotes(nlp, "Russian forces shelled the town of Vuhledar overnight.") == ()
