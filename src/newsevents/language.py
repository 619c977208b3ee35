"""The one place that loads and configures spaCy.

The small English model alone tags Ukrainian towns as places about a quarter of the time, so an
entity ruler built from the gazetteer runs before its NER and marks known place names as GPE/LOC.
A town's name that starts a longer name ("Antony Blinken", "Darya Morozova") is left to the NER
(``ruler_yields_to_names``).
The model's attribute ruler finds its matches faster (``attribute_matches``) and its lemmatizer
remembers the lemmas it worked out (``lemma_memo``), with the same result. A small step after the
lemmatizer mends the few lemmas it gets wrong where event triggers depend on them (``lemma_fixes``).
"""

from __future__ import annotations

import functools

import numpy
import spacy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.strings import hash_string

from newsevents.attribute_matches import speed_up
from newsevents.lemma_memo import remember_lemmas
from newsevents.settings import DEFAULT_MODEL


class ModelNotInstalled(RuntimeError):
    pass


# Words the small model's lemmatizer gets wrong where event triggers depend on the lemma
# ("staged a protest" -> "stag").
LEMMA_FIXES = {"staged": "stage", "staging": "stage"}


_FIXED_WORDS = numpy.array([hash_string(word) for word in LEMMA_FIXES], dtype=numpy.uint64)


@Language.component("lemma_fixes")
def lemma_fixes(doc):
    """The right lemma for the verbs in ``LEMMA_FIXES``. The few tokens with such a word are found
    in the parse's array of lower-case forms: a Token object for every word costs more."""
    if not len(doc):
        return doc
    for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), _FIXED_WORDS)).tolist():
        token = doc[i]
        if token.pos_ == "VERB":
            token.lemma_ = LEMMA_FIXES[token.lower_]
    return doc


# A one-word town name followed by a capitalised word is mostly the first word of a longer name:
# "Antony Blinken" (Antony is a town near Paris), "Darya Morozova", "Human Rights Watch", "Nord
# Stream". The NER cannot undo the ruler's mark, so the mark is taken back and the NER reads the
# two words together. A title or a word for a kind of place or site after the town keeps it
# ("Kharkiv Mayor Ihor Terekhov", "Kherson Oblast", "Salamiyah-Raqqa Highway", "Manila Cathedral",
# which is in Manila); countries and
# provinces keep their mark ("Ukraine President").
RULER_TOWNS = frozenset({"city"})


@Language.component("ruler_yields_to_names")
def ruler_yields_to_names(doc):
    """Un-mark ruler town names that begin a longer capitalised name, for the NER to read."""
    from newsevents.extract.place_candidates import is_agent_word

    yielded = [ent for ent in doc.ents if len(ent) == 1 and ent.ent_id_ in RULER_TOWNS and (
        (ent.end < len(doc) and _name_goes_on(doc[ent.end]) and not is_agent_word(doc[ent.end]))
        or (ent.start > 0 and _given_name(doc[ent.start - 1])) or _second_of_a_double_surname(doc, ent.start))]
    if yielded:
        doc.set_ents([], missing=yielded, default="unmodified")
    return doc


# Words that begin a place's own name ("New Paris", "East Jerusalem", "Greater Manchester")
_NAME_OPENERS = frozenset({"new", "old", "east", "west", "north", "south", "upper", "lower", "greater", "little",
                           "great", "central", "saint", "st", "san", "santa", "port", "fort", "mount", "lake",
                           "cape", "el", "al", "la", "le", "los", "las"})


def _given_name(token) -> bool:
    """A capitalised word that could be the given name before a surname the ruler took for a town
    ("Yury Borisov"): not a sentence's first word, a stop word, a title, a demonym or a word that
    opens place names."""
    from newsevents.extract.place_candidates import is_agent_word
    from newsevents.gazetteer import load_gazetteer

    return (token.is_title and token.is_alpha and not token.is_sent_start and not token.is_stop
            and token.lower_ not in _NAME_OPENERS and token.lower_ not in _place_kind_words()
            and not token.ent_type_ and not is_agent_word(token) and not load_gazetteer().demonym(token.text))


def _second_of_a_double_surname(doc, i: int) -> bool:
    """Token i ends a double-barrelled surname whose first part is a common name: "Linda
    Thomas-Greenfield" (not Greenfield, Indiana); "Izyum-Barvinkove", two towns, keeps both."""
    from newsevents.gazetteer import load_gazetteer, normalize

    if i < 2 or doc[i - 1].text not in ("-", "‐") or doc[i - 2].whitespace_ or doc[i - 1].whitespace_:
        return False
    first = doc[i - 2]
    return first.is_title and not first.ent_type_ and normalize(first.text) in load_gazetteer().personal_names


def _name_goes_on(token) -> bool:
    return token.is_title and token.is_alpha and token.lower_ not in _place_kind_words()


@functools.lru_cache(maxsize=1)
def _place_kind_words() -> frozenset[str]:
    from newsevents.extract.place_candidates import place_words
    from newsevents.extract.place_names import KIND_WORDS
    from newsevents.extract.place_sites import SITE_NAMES

    return place_words() | KIND_WORDS | SITE_NAMES | {
        "highway", "avenue", "port", "dam", "cathedral", "church", "mosque", "temple", "palace", "stadium",
        "museum", "embassy", "consulate", "station", "cemetery", "zoo"}


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
        nlp.add_pipe("ruler_yields_to_names", after="entity_ruler")
    return nlp
