"""clean_text on page structures judged by their neighbours: a table after the story, an
embedded post that ends it, a photo's caption above its credit, the headline's repeat without
the site's name, a smiley closing a sentence. Crawler text dumps we write ourselves."""

from __future__ import annotations

import pytest

from newsevents.clean_lines import ends_sentence, label, prose_score
from newsevents.clean_lists import list_items
from newsevents.clean_text import clean_text

HEADLINE = "Harbour Bridge Approved After Decade of Dispute"
STORY = [
    "The city council on Tuesday approved the construction of a new bridge across the harbour, ending a dispute that had lasted for more than a decade.",
    "Work is expected to start in the spring, the mayor said after the vote, and the bridge should open to traffic within four years.",
    "Residents of the northern district, who now face a long detour through the city centre, welcomed the decision at a packed public meeting.",
    "The opposition said the cost of the project had doubled since it was first proposed and asked for an independent review of the budget.",
]
MENU = ["Home", "News", "Sport", "Business", "Travel", "Weather"]
FOOTER = ["Related Articles", *MENU, "© 2019 The Harbour Gazette. All rights reserved."]


def _page(*blocks: str) -> str:
    return "\n\n".join((HEADLINE, *MENU) + blocks)


def _meal_plan() -> list[str]:
    lines = []
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday"):
        lines += [f"Meal plan for {day}", "Breakfast", "Eat within an hour of waking",
                  f"Oats with {day.lower()} berries, 1 cup milk", "Lunch",
                  "Eat every three hours", f"Salad {len(day)} (1 cup greens, 4 oz. chicken)"]
    return lines


def test_clean_structure_table_of_items_after_the_story_is_story():
    # lines said once per item ("Eat every three hours") structure it, and nowhere else
    plan = _meal_plan()
    parts = clean_text(_page(*STORY, *plan, *FOOTER))
    assert parts.body.split("\n\n") == STORY + plan


def test_clean_structure_lines_repeated_in_the_menus_structure_no_table():
    links = [f"{section} {n}" for n in range(4) for section in ("Sport", "Weather", "Travel")]
    tail = [*links, "Sport", "Weather", "Travel", "Sport", "Weather", "Travel"]
    parts = clean_text(_page(*STORY, *tail, *FOOTER))
    assert parts.body.split("\n\n") == STORY


def test_clean_structure_prose_between_repeated_lines_is_no_table():
    # a caption repeated among the paragraphs marks no items: the story is still prose
    texts = ["The council approved the bridge on Tuesday after a decade of dispute."]
    for n in range(8):
        texts += ["Harbour Gazette photo series", f"Paragraph {n} of the story goes on here."]
    scores = [10.0] + [-4.0 if n % 2 == 0 else 12.0 for n in range(16)]
    assert list_items(texts, scores, [False] * len(texts)) == set()


def test_clean_structure_embedded_post_ending_the_story_is_kept():
    post = ["We did it: the bridge is coming https://t.co/abc123",
            "— Jane Doe (@janedoe) November 19, 2019"]
    parts = clean_text(_page(*STORY, *post, *FOOTER))
    assert parts.body.split("\n\n") == STORY + post


def test_clean_structure_caption_above_a_credit_mid_story_is_not_story():
    photo = ["The harbour at dusk, seen from the northern district.", "Jane Doe/Getty Images"]
    parts = clean_text(_page(*STORY[:2], *photo, *STORY[2:], *FOOTER))
    assert parts.body.split("\n\n") == STORY


@pytest.mark.parametrize(
    "credit",
    [
        "Image copyright Getty Images",  # a copyright credit heads the photo below it
        "Jane Doe/Getty Images",  # after the last paragraph: the story's own credit
    ],
)
def test_clean_structure_paragraph_above_a_credit_stays_story(credit):
    if credit.startswith("Image copyright"):
        blocks = [*STORY[:2], credit, *STORY[2:], *FOOTER]
    else:
        blocks = [*STORY, credit, *FOOTER]
    parts = clean_text(_page(*blocks))
    assert parts.body.split("\n\n") == STORY


def test_clean_structure_headline_repeated_without_the_site_name_is_not_story():
    headline = "Harbour Bridge Approved At Last After a Decade of Bitter Dispute!"  # no lede
    text = "\n\n".join([f"{headline} - The Harbour Gazette", *MENU, headline, *STORY, *FOOTER])
    parts = clean_text(text)
    assert parts.body.split("\n\n") == STORY


@pytest.mark.parametrize(
    "caption",
    [
        "The mayor and the engineers pose on the pier on June 28, 2019 in Harbour Town. "
        "(Photo by Jane Doe/Getty Images for the Harbour Authority)",
        "The simulated cable deck under load, the strain shown in red. "
        "(Image credit: Harbour Authority)",
        "The mayor speaks at the harbour on July 25, 2019. J. Jane Doe / AP file",
        "Image caption The mayor has backed the bridge since her first campaign",
    ],
)
def test_clean_structure_caption_ending_in_a_bracketed_credit_is_furniture(caption):
    found = label(caption)
    assert found is not None and found.kind == "other"


def test_clean_structure_long_caption_ending_in_a_credit_is_furniture():
    caption = ("A cross-section through the bridge deck showing the cable ducts, the drainage "
               "channel and the two cycle lanes that run along the outer edge of the road, with "
               "the service walkway below them and the lighting conduits set into the parapet "
               "on both sides of the span, as the authority's engineers drew it for the public "
               "consultation held last winter. Credit: Harbour Authority")
    found = label(caption)
    assert found is not None and found.kind == "other"


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("Come and see the show today! 🙂", True),
        ("You can feel the beauty of the old tunes 🙂", True),
        ("We hope to see you soon 👋🏽", True),
        ("Menu ☰", False),
        ("Breaking news", False),
    ],
)
def test_clean_structure_smiley_ends_a_sentence(text, ends):
    assert ends_sentence(text) is ends


def test_clean_structure_prose_ending_in_a_smiley_scores_as_prose():
    text = ("Book your tickets through the box office and come and experience this spectacular "
            "traditional performance today! 🙂")
    assert prose_score(text) > 0


def test_clean_structure_links_under_a_related_header_mid_story_are_not_story():
    links = "Mayor Opens New Park Storm Closes Schools Team Wins Cup Final"
    parts = clean_text(_page(*STORY[:2], "Related articles", links, *STORY[2:], *FOOTER))
    assert parts.body.split("\n\n") == STORY


def test_clean_structure_card_with_its_headline_twice_is_not_story():
    card = ["Column: Ferry operators fear the new bridge will sink their business",
            "Column: Ferry operators fear the new bridge will sink their business",
            "The ferry companies say they will lose half their passengers by 2025."]
    parts = clean_text(_page(*STORY[:2], *card, *STORY[2:], *FOOTER))
    assert parts.body.split("\n\n") == STORY


def test_clean_structure_byline_said_twice_before_the_lede_is_no_card():
    byline = "Associated Press November 19, 2019, 9:02 AM"
    parts = clean_text(_page(byline, byline, *STORY, *FOOTER))
    assert parts.body.split("\n\n") == STORY


def test_clean_structure_dateline_opens_a_lede_that_ends_in_a_colon():
    lede = ("HAYWARD, Calif. (AP) — The Latest on a deadly stabbing on a commuter train "
            "(all times local):")
    assert prose_score(lede) > 0
    assert prose_score("RSS - Comments") < 0  # a dateline's shape, with no sentence after it


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('I agree that The Harbour Gazette can send me the "Morning Tide" newsletter.', "newsletter"),
        ("Please check the opt-in box to acknowledge that you would like to subscribe.", "newsletter"),
        ("Write to Jane Doe at jane.doe@example.com", "other"),
    ],
)
def test_clean_structure_sign_up_and_contact_lines_are_furniture(text, kind):
    found = label(text)
    assert found is not None and found.kind == kind
