"""Values of a parse that several stages read, computed once per Doc.

spaCy rebuilds ``doc.text`` by joining every token on each access (a few ms on a long article),
and ``doc.ents`` builds new spans on each access. A parse never changes once read, so the first
stage that asks keeps the value in ``doc.user_data`` and the others read it from there.
"""

from __future__ import annotations

from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc
from spacy.tokens import Span as TokenSpan

_TEXT, _SENTENCE_CHARS, _ENTS = "newsevents.text", "newsevents.sentence_chars", "newsevents.ents"


def doc_text(doc: Doc) -> str:
    """``doc.text``."""
    if (text := doc.user_data.get(_TEXT)) is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def sentence_chars(doc: Doc) -> tuple[int, ...]:
    """Character offsets where sentences start, in order: the i-th is list(doc.sents)[i].start_char,
    read from arrays (iterating doc.sents costs milliseconds on a long article)."""
    if (starts := doc.user_data.get(_SENTENCE_CHARS)) is None:
        starts = (0,)
        if len(doc):
            array = doc.to_array([SENT_START, IDX])
            found = array[array[:, 0] == 1, 1].tolist()
            starts = tuple(found) if found and found[0] == 0 else (0, *found)
        doc.user_data[_SENTENCE_CHARS] = starts
    return starts


def entities(doc: Doc) -> tuple[TokenSpan, ...]:
    """``doc.ents``."""
    if (ents := doc.user_data.get(_ENTS)) is None:
        ents = doc.user_data[_ENTS] = doc.ents
    return ents
