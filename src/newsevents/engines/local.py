"""The local engine: files -> Articles -> Readings -> store, on one machine's processes.

Bad documents never stop a batch: each is recorded as a Failure with a one-line reason, and the
rest is read and stored.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import gc
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice

from newsevents.clean import ArticleError, clean
from newsevents.dedup import signature
from newsevents.reading import read_articles
from newsevents.records import Article, Reading
from newsevents.settings import DEFAULT_SETTINGS, Settings
from newsevents.sources import Metadata, SourceError, iter_documents


@dataclass(frozen=True, slots=True)
class Failure:
    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


@dataclass(frozen=True, slots=True)
class Copy:
    """An article that repeats one already read (a recrawl, a syndicated copy): linked, not read."""

    original: str
    article: Article


@dataclass(slots=True)
class IngestSummary:
    documents: int = 0
    stored: int = 0
    copies: int = 0
    events: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)


def iter_articles(
    paths: Iterable[str], metadata: Metadata | None = None
) -> Iterator[Article | Failure]:
    """Clean Articles from files, directories or "-" (stdin); failures in their place."""
    for item in iter_documents(paths, metadata=metadata):
        if isinstance(item, SourceError):
            yield Failure(item.origin, item.reason)
            continue
        try:
            yield clean(item)
        except ArticleError as error:
            yield Failure(item.origin, error.reason)


def read_many(
    articles: Iterable[Article | Failure], settings: Settings = DEFAULT_SETTINGS
) -> Iterator[Reading | Failure]:
    """Readings in input order, in ``settings.processes`` worker processes; documents that could
    not be cleaned (``iter_articles``' Failures) come out as they went in."""
    chunks = _chunks(articles, settings.batch_size)
    if settings.processes <= 1:
        for chunk in chunks:
            yield from _read_chunk(chunk, settings)
        return
    context = multiprocessing.get_context("fork")
    # Each worker parses its chunks itself: spaCy must not try to fork again inside a worker.
    in_worker = replace(settings, processes=1)
    warm_up(settings)
    with context.Pool(settings.processes) as pool:
        work = ((chunk, in_worker) for chunk in chunks)
        for results in pool.imap(_read_chunk_star, work):
            yield from results


# A short article that goes through every stage, so that each loads what it reads from disk.
_WARM_UP = Article(
    id="warm-up",
    headline="Russian forces shelled Kharkiv, Ukraine's military said",
    body=(
        "Russian forces shelled Kharkiv on Monday, killing two civilians, Ukraine's military said. "
        '"We will respond," President Volodymyr Zelenskyy told reporters in Kyiv on Tuesday. '
        "Officials in Moscow denied the attack, according to the Interfax news agency. "
        "Ukrainian troops retook the village of Izium last week, a spokesman said."
    ),
    published=dt.date(2022, 3, 1),
)

_warm = False


def warm_up(settings: Settings = DEFAULT_SETTINGS) -> None:
    """Load the spaCy model, the gazetteer and every stage's tables in this process, once, before
    workers are forked: they then share those pages instead of each loading its own copy.
    ``gc.freeze()`` moves everything loaded so far out of the collector's sight, so that its passes
    in the workers do not write to (and so copy) the shared pages."""
    global _warm
    if _warm:
        return
    from newsevents.gazetteer import load_gazetteer

    load_gazetteer()
    list(read_articles([_WARM_UP], replace(settings, processes=1)))
    gc.collect()
    gc.freeze()
    _warm = True


def _read_chunk_star(args: tuple[list[Article], Settings]) -> list[Reading | Failure]:
    try:
        return _read_chunk(*args)
    finally:
        _release_memory()


def _release_memory() -> None:
    """Hand the heap's free pages back to the system between chunks (glibc keeps them otherwise),
    so a worker's footprint is that of its current chunk, not of the longest one it has read."""
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass  # not glibc


def _read_chunk(chunk: list[Article | Failure], settings: Settings) -> list[Reading | Failure]:
    """The chunk's readings in order; a document that failed before reading stays its Failure."""
    read = iter(_read_articles(
        [item for item in chunk if not isinstance(item, Failure)], settings))
    return [item if isinstance(item, Failure) else next(read) for item in chunk]


def _read_articles(chunk: list[Article], settings: Settings) -> list[Reading | Failure]:
    try:
        return list(read_articles(chunk, settings))
    except Exception:  # one bad article must not lose its neighbours: retry them one by one
        results: list[Reading | Failure] = []
        for article in chunk:
            try:
                results.extend(read_articles([article], settings))
            except Exception as error:  # noqa: BLE001 - recorded, reported, batch goes on
                origin = article.origin or article.id
                results.append(Failure(origin, f"could not be read: {type(error).__name__}: {error}"))
        return results


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def ingest(
    paths: Iterable[str],
    store,
    *,
    metadata: Metadata | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    on_document: Callable[[Reading | Failure | Copy], None] | None = None,
) -> IngestSummary:
    """Read every document under ``paths`` into ``store``; return what happened."""
    summary = IngestSummary()
    failures = summary.failures
    seen = store.duplicate_index()
    copies: list[Copy] = []

    def articles() -> Iterator[Article]:
        for item in iter_articles(paths, metadata):
            summary.documents += 1
            if isinstance(item, Article):
                sig = signature(item)
                original = seen.original_of(item.id, sig)
                if original is None:
                    seen.add(item.id, sig)
                    yield item
                    continue
                item = Copy(original, item)
                copies.append(item)
            else:
                failures.append(item)
            if on_document:
                on_document(item)

    batch: list[Reading] = []
    for result in read_many(articles(), settings):
        if on_document:
            on_document(result)
        if isinstance(result, Failure):
            failures.append(result)
            continue
        batch.append(result)
        summary.events += len(result.events)
        if len(batch) >= 64:
            summary.stored += store.write(batch)
            batch = []
    summary.stored += store.write(batch)
    # Copies are linked once every original is stored (an original may still be in a worker).
    summary.copies = store.add_copies([(c.original, c.article) for c in copies])
    return summary
