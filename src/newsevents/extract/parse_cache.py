"""Values of a parse that several stages read, computed once per Doc.

spaCy rebuilds ``doc.text`` by joining every token on each access (a few ms on a long article),
and ``doc.ents`` builds new spans on each access. A parse never changes once read, so the first
stage that asks keeps the value in ``doc.user_data`` and the others read it from there.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable, TypeVar

import numpy
from spacy.attrs import (
    DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, IS_PUNCT, IS_SPACE, LEMMA, LOWER, ORTH, POS, SENT_START, TAG,
)
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc
from spacy.tokens import Span as TokenSpan

T = TypeVar("T")


def per_parse(key: str) -> Callable[[Callable[[Doc], T]], Callable[[Doc], T]]:
    """A function of a Doc computed once per parse: the first call keeps its value in
    ``doc.user_data[key]`` and later calls read it from there."""
    def decorate(compute: Callable[[Doc], T]) -> Callable[[Doc], T]:
        @functools.wraps(compute)
        def once(doc: Doc) -> T:
            if (value := doc.user_data.get(key)) is None:
                value = doc.user_data[key] = compute(doc)
            return value
        return once
    return decorate


_TEXT = "newsevents.text"


@per_parse(_TEXT)
def doc_text(doc: Doc) -> str:
    """``doc.text``."""
    return doc.text


def remember_text(doc: Doc, text: str) -> Doc:
    """Keep ``text``, the string ``doc`` was parsed from, as its ``doc_text``: spaCy's tokenizer
    loses no character, so the parse's text is that string, and joining 700 tokens back into it
    (what ``doc.text`` does) is work done for nothing."""
    doc.user_data[_TEXT] = text
    return doc


@per_parse("newsevents.sentence_chars")
def sentence_chars(doc: Doc) -> tuple[int, ...]:
    """Character offsets where sentences start, in order: the i-th is list(doc.sents)[i].start_char,
    read from arrays (iterating doc.sents costs milliseconds on a long article)."""
    if not len(doc):
        return (0,)
    array = doc.to_array([SENT_START, IDX])
    found = array[array[:, 0] == 1, 1].tolist()
    return tuple(found) if found and found[0] == 0 else (0, *found)


@per_parse("newsevents.ents")
def entities(doc: Doc) -> tuple[TokenSpan, ...]:
    """``doc.ents``."""
    return doc.ents


@per_parse("newsevents.noun_chunks")
def noun_chunks(doc: Doc) -> tuple[TokenSpan, ...]:
    """``doc.noun_chunks`` (the actors stage and the role tagger both walk them; spaCy finds them
    anew on each access). Raises ValueError, as spaCy does, when the doc has no parse."""
    return tuple(doc.noun_chunks)


_IOB = ("", "I", "O", "B")  # Token.ent_iob_ by the ENT_IOB value


@dataclass(frozen=True, slots=True)
class TokenStrings:
    """Each token's strings and head index, by token index: ``text[i]`` is ``doc[i].text``,
    ``lemma[i]`` is ``doc[i].lemma_.lower()``, ``head[i]`` is ``doc[i].head.i``. The feature
    functions of the taggers ask a dozen of these per token; each ``doc[i]`` makes a Token object
    and each string property looks its string up again, so a table read once from the parse's
    arrays is several times faster (and gives the same strings)."""

    text: list[str]
    lower: list[str]
    lemma: list[str]
    pos: list[str]
    tag: list[str]
    dep: list[str]
    ent_iob: list[str]
    ent_type: list[str]
    head: list[int]
    is_space: list[bool]
    is_punct: list[bool]
    idx: list[int]  # character offset of each token in the text


@per_parse("newsevents.token_strings")
def token_strings(doc: Doc) -> TokenStrings:
    """The doc's ``TokenStrings``, built once per parse."""
    if not len(doc):
        return TokenStrings([], [], [], [], [], [], [], [], [], [], [], [])
    array = doc.to_array([ORTH, LOWER, LEMMA, TAG, DEP, ENT_TYPE, POS, ENT_IOB, IS_SPACE, IS_PUNCT, IDX])
    strings = doc.vocab.strings

    def named(column: int, how=lambda s: s) -> list[str]:
        values = array[:, column].tolist()
        names = {value: how(strings[value]) for value in set(values)}  # each string once
        return [names[value] for value in values]

    pos = [POS_NAMES[value] for value in array[:, 6].tolist()]
    heads = (doc.to_array(HEAD).astype(numpy.int64) + numpy.arange(len(doc))).tolist()
    return TokenStrings(
        text=named(0), lower=named(1), lemma=named(2, str.lower), pos=pos, tag=named(3),
        dep=named(4), ent_iob=[_IOB[v] for v in array[:, 7].tolist()], ent_type=named(5),
        head=heads, is_space=[bool(v) for v in array[:, 8].tolist()],
        is_punct=[bool(v) for v in array[:, 9].tolist()], idx=array[:, 10].tolist(),
    )
