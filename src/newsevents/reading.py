"""Composes the stages: Article -> Reading, one at a time or as a batch.

Each stage is a pure function of the spaCy Doc, the Article and what earlier stages found; this
module is the only place that knows their order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from newsevents.extract.actors import extract_actors, sentence_starts, to_span
from newsevents.extract.attribution import extract_attributions
from newsevents.extract.control import extract_control
from newsevents.extract.events import extract_events
from newsevents.extract.parse_cache import remember_text
from newsevents.extract.places import extract_places
from newsevents.extract.quotes import extract_quotes
from newsevents.extract.times import extract_times
from newsevents.language import load_nlp
from newsevents.records import Article, Reading
from newsevents.settings import DEFAULT_SETTINGS, Settings

# Documents spaCy parses together. Larger batches are no faster here (the models are small CNNs)
# but each document in flight holds its activations: 32 long articles lift a worker by ~400 MB,
# 8 by ~150 MB. The parse of a document does not depend on its batch.
PARSE_BATCH = 8


def read_doc(doc: Doc, article: Article) -> Reading:
    """Every record the stages find in one parsed article."""
    starts = sentence_starts(doc)
    sentences = tuple(to_span(doc, s.start, s.end, starts) for s in doc.sents)
    places = extract_places(doc, article)
    times = extract_times(doc, article)
    actors = extract_actors(doc, article)
    quotes = extract_quotes(doc, article, actors=actors)
    attributions = extract_attributions(doc, article, quotes=quotes, actors=actors)
    events = extract_events(
        doc,
        article,
        actors=actors,
        places=places,
        times=times,
        quotes=quotes,
        attributions=attributions,
    )
    control = extract_control(
        doc, article, events=events, places=places, attributions=attributions
    )
    return Reading(
        article=article,
        sentences=sentences,
        actors=actors,
        places=places,
        times=times,
        quotes=quotes,
        attributions=attributions,
        events=events,
        control_claims=control,
    )


def read_article(article: Article, settings: Settings = DEFAULT_SETTINGS) -> Reading:
    nlp = load_nlp(settings.model)
    text = article.body[: settings.max_chars]
    return read_doc(remember_text(nlp(text), text), article)


def read_articles(
    articles: Iterable[Article], settings: Settings = DEFAULT_SETTINGS
) -> Iterator[Reading]:
    """Readings in input order; spaCy parses in batches (and processes, if settings ask)."""
    nlp = load_nlp(settings.model)
    pairs = ((a.body[: settings.max_chars], a) for a in articles)
    for doc, article in nlp.pipe(
        pairs,
        as_tuples=True,
        batch_size=min(settings.batch_size, PARSE_BATCH),
        n_process=settings.processes,
    ):
        yield read_doc(remember_text(doc, article.body[: settings.max_chars]), article)
