"""The block classifier: furniture kinds, prose scores, labels, tags, datelines (no model)."""

from __future__ import annotations

import pytest

from newsevents.clean_lines import (
    dateline,
    label,
    photo_credit,
    prose_score,
    section_label,
    split_tags,
    timestamp,
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Read Next: Prices Rise Again As Harvest Fails", "read_next"),
        ("Related: Ministers meet in Brussels", "read_next"),
        ("Posted In: EconomyMarketsNews", "tags"),
        ("Tags: economy, markets", "tags"),
        ("Photo by Jane Doe/AFP via Getty Images", "photo_credit"),
        ("Photo via Someone on Shutterstock", "photo_credit"),
        ("Advertiser Disclosure: We may be paid when you click a link.", "ad_disclosure"),
        ("Advertisement", "ad_disclosure"),
        ("Market data brought to you by Example APIs", "ad_disclosure"),
        ("Comments", "comments"),
        ("Loading...", "comments"),
        ("Sign up for our free daily newsletter", "newsletter"),
        ("Share Tweet Email", "share"),
        ("© 2021 Example Media. All rights reserved.", "copyright"),
        ("Privacy Policy | Terms of Use | Contact Us", "legal"),
        ("Skip to content", "navigation"),
        ("News » World » Europe", "navigation"),
        ("Você pode gostar...", "read_next"),
        ("Vous aimerez aussi", "read_next"),
    ],
)
def test_clean_lines_label_kind(text, kind):
    found = label(text)
    assert found is not None and found.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the newsletter published by the ministry had been misquoted by several outlets and called for a correction.",
        "Troops withdrew from the town on Sunday, officials said.",
        "Share prices fell sharply on Monday after the central bank raised rates.",
        "Comments made by the governor drew criticism from the opposition.",
    ],
)
def test_clean_lines_prose_is_not_furniture(text):
    assert label(text) is None
    assert prose_score(text) > 0


@pytest.mark.parametrize("text", ["Home", "World News Business Sport", "By JOHN SMITH", "LIVE UPDATES"])
def test_clean_lines_short_unpunctuated_blocks_score_negative(text):
    assert prose_score(text) < 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What Happened: The bank cut rates by half a point on Tuesday.", "What Happened:"),
        ("Why It Matters: Inflation has risen for six months in a row.", "Why It Matters:"),
        ("Background: The dispute began in 2019 over fishing rights.", "Background:"),
        ("Vladimir Putin: We will not stop until the goals are met.", None),
        ("Note: short", None),
        ("The minister said: we will act.", None),
    ],
)
def test_clean_lines_section_label(text, expected):
    assert section_label(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KYIV, Ukraine (AP) — Russian forces shelled the city overnight.", "KYIV, Ukraine (AP) —"),
        ("LONDON (Reuters) - British inflation rose to 9%.", "LONDON (Reuters) -"),
        ("WASHINGTON — The Senate voted on Tuesday.", "WASHINGTON —"),
        ("The Senate voted on Tuesday — again.", None),
        ("NATO leaders met in Madrid on Wednesday.", None),
    ],
)
def test_clean_lines_dateline(text, expected):
    assert dateline(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DonetskEurasiaLuhanskRussia-Ukraine WarVladimir PutinNewsTop Stories",
         ("Donetsk", "Eurasia", "Luhansk", "Russia-Ukraine War", "Vladimir Putin", "News", "Top Stories")),
        ("economy, markets | Europe", ("economy", "markets", "Europe")),
        ("iPhoneApple", ("iPhone", "Apple")),
        ("McDonald's", ("McDonald's",)),
        ("Single Tag", ("Single Tag",)),
    ],
)
def test_clean_lines_split_tags(text, expected):
    assert split_tags(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Photo via ID1974 on Shutterstock", "ID1974 on Shutterstock"),
        ("Photo by Jane Doe/AFP", "Jane Doe/AFP"),
        ("Image credit: Reuters", "Reuters"),
        ("(Photo: John Smith)", "John Smith"),
    ],
)
def test_clean_lines_photo_credit(text, expected):
    assert photo_credit(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Photos: North Korea launches rocket " + "The rocket blasted off from the launch site on Sunday morning and entered orbit. " * 6,
        "Read more: " + "the council said that the new rules would apply to every shop in the city from next year. " * 5,
    ],
)
def test_clean_lines_label_prefix_does_not_swallow_long_paragraphs(text):
    assert label(text) is None


def test_clean_lines_a_story_saved_as_one_line_is_not_its_closing_caption():
    story = "The festival will raise money for famine relief, its organisers said on Monday. " * 20
    assert label(story + "FILE - The host appears at a concert. (Photo by Jane Doe/AP, File)") is None
    assert label("The host appears at a concert in Paris. (Photo by Jane Doe/AP, File)") is not None


def test_clean_lines_long_paragraph_ending_in_contact_details_is_prose():
    text = "Volunteers drove three ambulances from the coast to the border over the weekend. " * 8
    text += "If you have a story suggestion email news@example.org"
    assert prose_score(text) > 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Milan Griffes on September 12, 2018 at 4:47 pm said:", True),
        ("2 days ago at 07:52 am", True),
        ("November 19, 2019 at 6:44 am", True),
        ("4:14 p.m.", False),  # a live story's entry header, not a post's date line
        ("The meeting ended at 4:47 pm on September 12, 2018, after the ministers had agreed on a text that none of them liked.", False),
    ],
)
def test_clean_lines_timestamp(text, expected):
    assert timestamp(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "The Harbour Council will be free to attend starting with the meeting of next summer",
        "Why the ferry company is taking its timetable dispute with the port to the courts",
    ],
)
def test_clean_lines_unpunctuated_headlines_in_a_list_score_negative(text):
    assert prose_score(text) < 0


def test_clean_lines_cjk_prose_is_judged_by_characters():
    sentence = "先日、不正に改造した携帯電話を販売したとして、商標法違反の疑いで男が逮捕されました。"
    assert prose_score(sentence) > 0
    assert prose_score("お問い合わせ") < 0


@pytest.mark.parametrize(
    "text",
    [
        "3 of 8 Farmers inspect a frozen orchard near the river on Wednesday.",
        "Protesters gathered outside the ministry on Monday (Image: Getty)",
    ],
)
def test_clean_lines_gallery_and_credited_captions_are_furniture(text):
    found = label(text)
    assert found is not None and found.kind == "other"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("In this Dec. 12, 2006, file photo, the crew gathers in the station's galley.", "other"),
        ("A model of the new bridge on display at the town hall. Credit: City Council", "other"),
        ("Related coverage from How to Do Everything: Money:", "read_next"),
        ("No spam, we promise. You can unsubscribe at any time.", "newsletter"),
        ("Need more news? Subscribe to our sister title for the latest updates!", "newsletter"),
        ("Story continues below gallery", "continues"),
        ("About Jane Doe", "author"),
        ("Über Moritz Beispiel", "author"),
        (
            "Click to share on Facebook (Opens in new window) Click to share on Twitter (Opens in new"
            " window) Click to email this to a friend (Opens in new window) Click to print (Opens in"
            " new window)",
            "share",
        ),
    ],
)
def test_clean_lines_more_label_kinds(text, kind):
    found = label(text)
    assert found is not None and found.kind == kind


@pytest.mark.parametrize("text", ["About the economy", "About 200 people marched on Sunday."])
def test_clean_lines_about_in_prose_is_no_author_box(text):
    found = label(text)
    assert found is None or found.kind != "author"


@pytest.mark.parametrize(
    "text",
    [
        # Korean glues its particles to words: there are no function words to count
        "정부는 월요일 새로운 다리 건설 계획을 발표했으며 공사는 내년 봄에 시작될 예정이라고 밝혔다.",
        # long prose naming a website is still prose
        "Visitors can meet the riders at a reception on the evening of the 27th, with seating limited"
        " to two hundred guests; tickets and the full programme are on www.example-show.com.",
    ],
)
def test_clean_lines_prose_in_hangul_or_with_an_address_scores_positive(text):
    assert prose_score(text) > 0
