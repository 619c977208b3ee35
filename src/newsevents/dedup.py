"""Duplicate articles: exact copies by normalised text, near copies by MinHash/LSH over shingles.

Recrawls (other page furniture), syndicated wire copies (another headline, an added paragraph)
and the same URL read twice become one group with one canonical article; every copy's URL and
outlet is kept. Each article is hashed once and looked up once in the LSH index: linear in the
corpus size.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Optional

from newsevents.clean_meta import fingerprint_text
from newsevents.records import Article

SHINGLE_WORDS = 5
# A body this short (a one-line brief, a video page's caption or promo line) says too little to
# tell the story: it counts as a copy only with the same headline, and never as a near copy.
# Crawls of two CNN video pages about different stories held the same promo line and nothing else.
SHORT_BODY_WORDS = 40
SCHEME = "affine32"  # stored sketches are 32-bit hash values: named, so a later default can't differ


@dataclass(frozen=True, slots=True)
class DedupOptions:
    threshold: float = 0.8  # estimated Jaccard similarity of body shingles for a near copy
    num_perm: int = 128
    seed: int = 1


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    canonical: str  # the id of the article the group keeps
    members: tuple[str, ...]  # every id in the group, canonical first
    urls: tuple[str, ...]  # every copy's URL (or origin when it has none)
    outlets: tuple[str, ...]
    kind: str  # "exact" when all bodies are equal once normalised, else "near"


@dataclass(frozen=True, slots=True)
class _Entry:
    index: int
    id: str
    where: Optional[str]
    outlet: Optional[str]
    rank: tuple
    exact_key: str


def find_duplicates(
    articles: Iterable[Article], options: DedupOptions = DedupOptions()
) -> list[DuplicateGroup]:
    """Groups of two or more articles that are copies of one story, in input order."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=options.threshold, num_perm=options.num_perm)
    entries: list[_Entry] = []
    parent: list[int] = []
    by_key: dict[str, int] = {}
    sketches: dict[int, object] = {}
    for index, article in enumerate(articles):
        entry = _entry(index, article)
        entries.append(entry)
        parent.append(index)
        for key in (f"id:{entry.id}", f"text:{entry.exact_key}"):
            if key in by_key:
                _union(parent, by_key[key], index)
            else:
                by_key[key] = index
        sig = signature(article, options)
        if sig.minhash is None:
            continue
        sketch = _sketch(sig.minhash, options)
        for other in lsh.query(sketch):
            if sketch.jaccard(sketches[other]) >= options.threshold:
                _union(parent, other, index)
        lsh.insert(index, sketch)
        sketches[index] = sketch
    return _groups(entries, parent)


def canonical_ids(
    articles: Iterable[Article], options: DedupOptions = DedupOptions()
) -> dict[str, str]:
    """Each duplicated article's id -> the id of its group's canonical article."""
    return {member: g.canonical for g in find_duplicates(articles, options) for member in g.members}


def merge_duplicates(
    articles: Iterable[Article], options: DedupOptions = DedupOptions()
) -> list[Article]:
    """One article per story: the canonical copy, with the others' URLs in ``copies``."""
    articles = list(articles)
    groups = find_duplicates(articles, options)
    by_id = {}
    for article in articles:
        by_id.setdefault(article.id, article)
    dropped = {m for g in groups for m in g.members[1:] if m != g.canonical}
    copies = {g.canonical: g for g in groups}
    merged, seen = [], set()
    for article in articles:
        if article.id in dropped or article.id in seen:
            continue
        seen.add(article.id)
        group = copies.get(article.id)
        if group:
            own = article.url or article.origin
            others = tuple(u for u in group.urls if u != own)
            copies_of = tuple(dict.fromkeys(article.copies + others))
            article = dataclasses.replace(article, copies=copies_of)
        merged.append(article)
    return merged


@dataclass(frozen=True, slots=True)
class Signature:
    """What an article is compared by: its normalised text's hash and a MinHash of its shingles
    (None for a body too short for near matching). Stored beside the article."""

    exact_key: str
    minhash: Optional[bytes]


@functools.lru_cache(maxsize=1024)  # ingest checks an article, then the store writes it: once
def signature(article: Article, options: DedupOptions = DedupOptions()) -> Signature:
    from datasketch import MinHash

    key = _exact_key(article)
    if _is_short(article):
        return Signature(key, None)
    grams = _shingles(article.body)
    sketch = MinHash(num_perm=options.num_perm, seed=options.seed, scheme=SCHEME)
    sketch.update_batch([g.encode("utf-8") for g in grams])
    return Signature(key, sketch.hashvalues.astype("<u4").tobytes())


class DuplicateIndex:
    """Every article seen so far (stored ones and this run's), to tell whether a new one is a
    copy: ``original_of`` answers with the id of the article it copies, or None. One LSH lookup
    per article: ingest stays linear in corpus size."""

    def __init__(self, options: DedupOptions = DedupOptions()):
        from datasketch import MinHashLSH

        self.options = options
        self._lsh = MinHashLSH(threshold=options.threshold, num_perm=options.num_perm)
        self._exact: dict[str, str] = {}
        self._sketches: dict[str, object] = {}
        self._order: dict[str, int] = {}

    def add(self, article_id: str, sig: Signature) -> None:
        self._exact.setdefault(sig.exact_key, article_id)
        self._order.setdefault(article_id, len(self._order))
        if sig.minhash is not None and article_id not in self._sketches:
            sketch = self._sketch(sig.minhash)
            self._lsh.insert(article_id, sketch)
            self._sketches[article_id] = sketch

    def original_of(self, article_id: str, sig: Signature) -> Optional[str]:
        """The id of an earlier article this one copies (same text, or near-same body)."""
        if article_id in self._sketches or self._exact.get(sig.exact_key) == article_id:
            return None  # the article itself, read again: re-reading replaces it
        if sig.exact_key in self._exact:
            return self._exact[sig.exact_key]
        if sig.minhash is None:
            return None
        sketch = self._sketch(sig.minhash)
        near = [other for other in self._lsh.query(sketch)
                if sketch.jaccard(self._sketches[other]) >= self.options.threshold]
        return min(near, key=self._order.__getitem__) if near else None  # the first one seen

    def _sketch(self, minhash: bytes):
        return _sketch(minhash, self.options)


def _sketch(minhash: bytes, options: DedupOptions):
    """The MinHash a stored signature's bytes stand for."""
    import numpy as np
    from datasketch import MinHash

    return MinHash(num_perm=options.num_perm, seed=options.seed,
                   hashvalues=np.frombuffer(minhash, dtype="<u4"), scheme=SCHEME)


def _entry(index: int, article: Article) -> _Entry:
    published = article.published.toordinal() if article.published else 10**9
    rank = (published, -len(article.body), index)  # earliest, then fullest, then first read
    return _Entry(index, article.id, article.url or article.origin, article.outlet, rank, _exact_key(article))


def _is_short(article: Article) -> bool:
    return len(article.body.split()) < SHORT_BODY_WORDS


def _exact_key(article: Article) -> str:
    text = fingerprint_text(article.body)
    if _is_short(article):
        text = fingerprint_text(article.headline) + "\n" + text
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _shingles(body: str) -> set[str]:
    words = fingerprint_text(body).split()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _union(parent: list[int], a: int, b: int) -> None:
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)


def _groups(entries: list[_Entry], parent: list[int]) -> list[DuplicateGroup]:
    members: dict[int, list[_Entry]] = {}
    for entry in entries:
        members.setdefault(_find(parent, entry.index), []).append(entry)
    groups = []
    for root in sorted(members):
        group = members[root]
        if len(group) < 2:
            continue
        group.sort(key=lambda e: e.rank)
        ids = tuple(dict.fromkeys(e.id for e in group))
        groups.append(
            DuplicateGroup(
                canonical=group[0].id,
                members=ids,
                urls=tuple(dict.fromkeys(e.where for e in group if e.where)),
                outlets=tuple(dict.fromkeys(e.outlet for e in group if e.outlet)),
                kind="exact" if len({e.exact_key for e in group}) == 1 else "near",
            )
        )
    return groups
