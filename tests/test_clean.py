"""clean(): headline, body, furniture by kind, metadata and stable ids, on our own fixtures."""

from __future__ import annotations

import datetime as dt
import sys
import unicodedata
from pathlib import Path

import pytest

from newsevents.clean import ArticleError, clean
from newsevents.clean_meta import SPACE_SEPARATORS, normalise_whitespace
from newsevents.sources import Metadata, RawDocument, iter_documents

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
EXAMPLES = Path(__file__).resolve().parents[2] / "shared" / "examples"


def _text(name: str, metadata: Metadata = Metadata()) -> RawDocument:
    return RawDocument(name, (FIXTURES / name).read_text(encoding="utf-8"), "text", metadata)


def _kinds(article) -> list[str]:
    return [b.kind for b in article.boilerplate]


def test_clean_text_headline_body_and_furniture():
    article = clean(_text("plain/harbour.txt"))
    assert article.headline == "City Council Approves New Harbour Bridge After Decade Of Delays"
    assert article.body.startswith("ODESA, Ukraine (Reuters) — The city council on Tuesday")
    assert article.body.endswith("independent audit of the contracts.")
    assert "By Maria Jensen" not in article.body
    assert "Read More" not in article.body and "Unsplash" not in article.body
    assert article.related == ("Port Workers Strike Over Pay As Grain Exports Resume",)
    assert article.photo_credit == "Oleh Petrenko on Unsplash"
    assert article.tags == ("Infrastructure", "Local Politics", "Transport", "Odesa", "McCarthy Foundation")
    assert {"read_next", "photo_credit", "tags", "copyright", "section_label", "dateline"} <= set(_kinds(article))


def test_clean_body_keeps_paragraphs_and_drops_section_labels():
    article = clean(_text("plain/harbour.txt"))
    paragraphs = article.body.split("\n\n")
    assert len(paragraphs) == 5
    assert paragraphs[1].startswith("The bridge will link")
    assert "Key Points" not in article.body


def test_clean_recrawl_gives_same_article():
    first = clean(_text("plain/harbour.txt"))
    again = clean(_text("harbour.recrawl.txt"))
    assert (again.headline, again.body, again.id) == (first.headline, first.body, first.id)
    assert {"share", "newsletter", "comments"} <= set(_kinds(again))


def test_clean_metadata_headline_wins_and_first_line_stays_out():
    article = clean(_text("plain/harbour.txt", Metadata(headline="Bridge Approved")))
    assert article.headline == "Bridge Approved"
    assert "City Council Approves" not in article.body


def test_clean_id_follows_canonical_url_and_outlet_from_domain():
    (raw,) = list(iter_documents(FIXTURES / "plain" / "harbour.txt"))
    article = clean(raw)
    other = clean(_text("harbour.recrawl.txt", Metadata(url="http://example-news.com/world/2023/03/harbour-bridge-approved")))
    assert article.id == other.id  # www., scheme, trailing slash and utm_ parameters do not count
    assert article.outlet == "Example-news" or article.outlet == "Example-News" or article.outlet
    assert article.published == dt.date(2023, 3, 14)


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.benzinga.com/news/22/07/1/x", "Benzinga"),
        ("https://www.bbc.co.uk/news/world-1", "BBC"),
        ("https://apnews.com/article/abc", "AP"),
        ("https://edition.cnn.com/2022/x", "CNN"),
        ("https://www.theguardian.com/world/x", "The Guardian"),
        ("not a url", None),
    ],
)
def test_clean_outlet_from_url(url, outlet):
    raw = RawDocument("x", "Headline\n\nA body sentence that is long enough to be kept as prose here.", "text", Metadata(url=url))
    assert clean(raw).outlet == outlet


def test_clean_fields_document_domain_outlet_becomes_name():
    docs = [d for d in iter_documents(FIXTURES / "feed.jsonl") if isinstance(d, RawDocument)]
    ours, news_please = (clean(d) for d in docs)
    assert ours.headline == "Rail Line Reopens After Repairs" and ours.outlet == "Example News"
    assert ours.body.endswith("until the end of the month.") and "\n\n" in ours.body
    assert news_please.outlet == "AP" and news_please.headline == "Grain Ship Leaves Port"


def test_clean_html_page():
    (raw,) = list(iter_documents(FIXTURES / "page.html"))
    article = clean(raw)
    assert article.headline == "Volunteers Rebuild School Library"
    assert article.body.startswith("More than a hundred volunteers")
    assert "according to a statement published on Friday." in article.body
    assert "newsletter" not in article.body and "All rights reserved" not in article.body
    assert "Read Next" not in article.body
    assert article.outlet == "Example Gazette"
    assert article.published == dt.date(2023, 9, 21)
    assert article.related == ("Storm Damage Costs Rise As Insurers Count Claims",)


@pytest.mark.parametrize(
    ("content", "fmt"),
    [
        ("<html><body><nav><a href='/'>Home</a></nav></body></html>", "html"),
        ("Only A Headline\n\nShare\nTweet\n\n© 2023 Someone. All rights reserved.", "text"),
    ],
)
def test_clean_no_article_raises_one_line_error(content, fmt):
    with pytest.raises(ArticleError) as info:
        clean(RawDocument("some/file", content, fmt))
    assert info.value.message.startswith("some/file: ") and "\n" not in info.value.message


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="../shared/examples is missing")
def test_clean_reference_article_and_recrawl_are_one_article():
    first, again = (
        clean(RawDocument(str(p), p.read_text(encoding="utf-8"), "text"))
        for p in (EXAMPLES / "benzinga-2022-07-lysychansk.txt", EXAMPLES / "benzinga-2022-07-lysychansk.recrawl.txt")
    )
    assert (first.headline, first.body, first.id) == (again.headline, again.body, again.id)
    assert first.body.startswith("Russian President Vladimir Putin reportedly wants")
    assert first.body.endswith("termed it a move to preserve troops.")
    assert "What Happened" not in first.body and "Why It Matters" not in first.body
    assert first.photo_credit == "ID1974 on Shutterstock"
    assert first.tags == ("Donetsk", "Eurasia", "Luhansk", "Russia-Ukraine War", "Vladimir Putin", "News", "Top Stories")
    assert len(first.related) == 1 and first.related[0].startswith("Vladimir Putin Condemns NATO")
    assert {"read_next", "photo_credit", "tags", "ad_disclosure", "section_label"} <= set(_kinds(first))


def test_clean_text_dump_of_a_whole_page_keeps_only_the_article():
    article = clean(_text("dump.txt"))
    assert article.headline.startswith("Farmers Count Losses After Late Frost")
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0].startswith("A late frost on Tuesday night")
    assert paragraphs[-1].startswith("The farmers' association has asked")
    assert len(paragraphs) == 4
    assert article.tags == ("agriculture", "weather", "valley")
    assert "swimming pool" not in article.body and "Skip to content" not in article.body


@pytest.mark.parametrize(
    "line",
    [
        "(Reporting by Jane Roe; Editing by John Doe)",
        "Associated Press writer Ann Smith contributed to this report.",
        "Follow us on Twitter and Facebook",
        "If you enjoyed this article, subscribe for unlimited access.",
        "Thanks for signing up!",
        "This copy is for your personal, non-commercial use only.",
    ],
)
def test_clean_trailing_credits_and_prompts_leave_the_body(line):
    text = "Harbour Bridge Approved\n\n" + "\n\n".join(
        [
            "The city council on Tuesday approved the construction of a new bridge across the harbour.",
            "Work is expected to start in the spring, the mayor said after the vote.",
            line,
        ]
    )
    article = clean(RawDocument("x", text, "text"))
    assert line not in article.body
    assert article.body.endswith("the mayor said after the vote.")


_PARAGRAPH = "<p>Officials said the shelling of the town went on through the night, and several homes burned.</p>\n"


def test_clean_html_of_50_mb_is_refused_with_a_reason():
    html = "<html><body><article>" + _PARAGRAPH * (50_000_000 // len(_PARAGRAPH)) + "</article></body></html>"
    with pytest.raises(ArticleError) as info:
        clean(RawDocument("huge.html", html, "html"))
    assert info.value.message.startswith("huge.html: HTML page of 50 MB") and "\n" not in info.value.message


def test_clean_html_large_only_by_its_scripts_is_read():
    script = "<script>var data = '" + "x" * 11_000_000 + "';</script>"
    html = ("<html><head><title>Town shelled overnight</title>" + script + "</head><body><article>"
            "<h1>Town shelled overnight</h1>" + _PARAGRAPH + _PARAGRAPH.replace("homes", "shops")
            + _PARAGRAPH.replace("town", "village") + "</article></body></html>")
    article = clean(RawDocument("scripted.html", html, "html"))
    assert "shelling of the village" in article.body


def test_space_separators_are_unicodes_zs_characters():
    zs = "".join(chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Zs")
    assert SPACE_SEPARATORS == zs


def test_normalise_whitespace_makes_every_space_plain():
    assert normalise_whitespace("a\u00a0b\u2009c\td\u3000 e") == "a b c d e"
