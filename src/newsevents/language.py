"""The one place that loads and configures spaCy.

The small English model alone tags Ukrainian towns as places about a quarter of the time, so an
entity ruler built from the gazetteer runs before its NER and marks known place names as GPE/LOC.
The model's attribute ruler finds its matches faster (``attribute_matches``) and its lemmatizer
remembers the lemmas it worked out (``lemma_memo``), with the same result. A small step after the
lemmatizer mends the few lemmas it gets wrong where event triggers depend on them (``lemma_fixes``).
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from newsevents.attribute_matches import speed_up
from newsevents.lemma_memo import remember_lemmas
from newsevents.settings import DEFAULT_MODEL


class ModelNotInstalled(RuntimeError):
    pass


# Words the small model's lemmatizer gets wrong where event triggers depend on the lemma
# ("staged a protest" -> "stag").
LEMMA_FIXES = {"staged": "stage", "staging": "stage"}


@Language.component("lemma_fixes")
def lemma_fixes(doc):
    """The right lemma for the verbs in ``LEMMA_FIXES``."""
    for token in doc:
        fixed = LEMMA_FIXES.get(token.lower_)
        if fixed is not None and token.pos_ == "VERB":
            token.lemma_ = fixed
    return doc


@functools.lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL, *, with_gazetteer: bool = True) -> Language:
    """The spaCy pipeline, loaded once per process: the model, then our gazetteer entity ruler."""
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ModelNotInstalled(
            f"spaCy model {model!r} is not installed; run `make install` "
            f"(or set NEWSEVENTS_MODEL to an installed model): {error}"
        ) from None
    if "attribute_ruler" in nlp.pipe_names:
        speed_up(nlp.get_pipe("attribute_ruler"))
    if "lemmatizer" in nlp.pipe_names:
        remember_lemmas(nlp.get_pipe("lemmatizer"))
        nlp.add_pipe("lemma_fixes", after="lemmatizer")
    if with_gazetteer:
        from newsevents.gazetteer_ruler import ruler_patterns

        ruler = nlp.add_pipe(
            "entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True}
        )
        with nlp.select_pipes(enable=[]):
            ruler.add_patterns(ruler_patterns())
    return nlp
