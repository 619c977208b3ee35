"""Duplicates: recrawls and wire copies group under one canonical article; distinct stories do not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsevents.clean import clean
from newsevents.dedup import canonical_ids, find_duplicates, merge_duplicates
from newsevents.records import Article
from newsevents.sources import RawDocument

FIXTURES = Path(__file__).parent / "fixtures" / "sources"

WIRE = [
    "Rescue teams searched through the rubble of a collapsed apartment block on Wednesday after a gas explosion in the early hours killed at least six people, local officials said.",
    "The blast tore through the fourth floor of the nine-storey building shortly after 3 a.m., sending debris into the street and shattering windows in nearby houses.",
    "Firefighters pulled eleven people alive from the ruins overnight, and four of them were taken to hospital with serious injuries, the emergency service said in a statement.",
    "The regional governor said an investigation had been opened into possible negligence by the company that maintains the building's gas supply.",
    "Residents said they had complained about a smell of gas for several days before the explosion, but no repairs were carried out.",
]


def _article(uid: str, headline: str, paragraphs: list[str], **fields) -> Article:
    return Article(id=uid, headline=headline, body="\n\n".join(paragraphs), **fields)


def test_dedup_recrawl_with_other_furniture_is_an_exact_copy():
    texts = [(FIXTURES / "plain" / "harbour.txt"), (FIXTURES / "harbour.recrawl.txt")]
    articles = [clean(RawDocument(str(p), p.read_text(encoding="utf-8"), "text")) for p in texts]
    (group,) = find_duplicates(articles)
    assert group.kind == "exact"


def test_dedup_wire_copy_with_new_headline_and_added_paragraph_is_near():
    original = _article("a", "Gas Blast Kills Six", WIRE, url="https://wire.example/a", outlet="Wire", published=dt.date(2023, 2, 1))
    copy = _article(
        "b",
        "Six Dead As Explosion Destroys Apartment Block",
        WIRE + ["The city's mayor declared a day of mourning for Friday."],
        url="https://paper.example/b",
        outlet="Paper",
        published=dt.date(2023, 2, 2),
    )
    other = _article("c", "Harbour Bridge Approved", ["The city council approved a new bridge across the harbour on Tuesday, ending a decade of delays over funding and design."] * 3)
    (group,) = find_duplicates([copy, other, original])
    assert group.kind == "near" and group.canonical == "a"  # the earlier publication
    assert set(group.members) == {"a", "b"}
    assert set(group.urls) == {"https://wire.example/a", "https://paper.example/b"}
    assert set(group.outlets) == {"Wire", "Paper"}
    assert canonical_ids([copy, other, original]) == {"a": "a", "b": "a"}


def test_dedup_merge_keeps_one_article_with_copies():
    original = _article("a", "Gas Blast Kills Six", WIRE, url="https://wire.example/a", published=dt.date(2023, 2, 1))
    copy = _article("b", "Explosion", ["LVIV (Wire) -- " + WIRE[0]] + WIRE[1:], url="https://paper.example/b")
    merged = merge_duplicates([original, copy])
    assert [a.id for a in merged] == ["a"]
    assert merged[0].copies == ("https://paper.example/b",)


@pytest.mark.parametrize(
    "second",
    [
        WIRE[:2],  # the first two paragraphs only: too little of the story is shared
        [p.replace("gas", "water").replace("six", "two") + " Officials gave no further details." for p in WIRE[2:]],
    ],
)
def test_dedup_different_stories_are_not_grouped(second):
    first = _article("a", "One", WIRE)
    other = _article("b", "Two", second)
    assert find_duplicates([first, other]) == []


def test_dedup_same_url_twice_is_one_group():
    one = _article("same", "Headline", ["Short body."])
    assert find_duplicates([one, one])[0].members == ("same",)


def test_dedup_a_short_body_is_a_copy_only_under_the_same_headline():
    promo = ["Chat with us in Facebook Messenger. Find out what's happening in the world as it unfolds."]
    shots = _article("a", "The first shots fired in Las Vegas", promo)
    oil = _article("b", "China accused of letting oil into North Korea", promo)
    again = _article("c", "The first shots fired in Las Vegas", promo, url="https://other.example/c")
    (group,) = find_duplicates([shots, oil, again])
    assert set(group.members) == {"a", "c"}


def test_dedup_index_keeps_short_bodies_apart_by_headline():
    from newsevents.dedup import DuplicateIndex, signature

    brief = ["Gunmen attacked a checkpoint overnight, officials said."]
    first, other = _article("a", "Checkpoint attacked", brief), _article("b", "Another story", brief)
    index = DuplicateIndex()
    index.add("a", signature(first))
    assert index.original_of("b", signature(other)) is None
    assert index.original_of("c", signature(_article("c", "Checkpoint attacked", brief))) == "a"
