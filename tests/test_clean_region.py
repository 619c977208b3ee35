"""clean_text's choice of the story region on crawler text dumps we write ourselves."""

from __future__ import annotations

from newsevents.clean_text import clean_text

STORY = [
    "The city council on Tuesday approved the construction of a new bridge across the harbour, ending a dispute that had lasted for more than a decade.",
    "Work is expected to start in the spring, the mayor said after the vote, and the bridge should open to traffic within four years.",
    "Residents of the northern district, who now face a long detour through the city centre, welcomed the decision at a packed public meeting.",
    "The opposition said the cost of the project had doubled since it was first proposed and asked for an independent review of the budget.",
]


def _page(*blocks: str) -> str:
    return "\n\n".join(("Harbour Bridge Approved After Decade of Dispute",) + blocks)


def test_clean_region_comment_thread_after_the_story_is_dropped():
    comments = []
    for n in range(6):
        comments += [
            f"reader{n} on November 19, 2019 at 6:{10 + n} am said:",
            "I have lived in the northern district for thirty years and I have heard this promise from every single mayor we have had, so forgive me if I do not believe a word of it until I see the cranes.",
        ]
    parts = clean_text(_page(*STORY, *comments))
    assert parts.body.split("\n\n") == STORY


def test_clean_region_comments_button_in_a_share_bar_is_no_barrier():
    parts = clean_text(_page(STORY[0], "Facebook", "Comments", "Email", *STORY[1:]))
    assert parts.body.split("\n\n") == STORY


def test_clean_region_story_continues_after_a_bullet_list():
    items = ["timber", "steel", "concrete", "glass", "cable", "paint", "asphalt"]
    parts = clean_text(_page(STORY[0], STORY[1], "Materials needed:", *items, STORY[2], STORY[3]))
    assert parts.body.startswith(STORY[0]) and parts.body.endswith(STORY[3])


def test_clean_region_story_glued_into_one_block_is_a_copy():
    glued = " ".join(STORY) + " Read the full council decision on the city website."
    parts = clean_text(_page(*STORY, "Share", "Tweet", "Email", glued))
    assert parts.body.split("\n\n") == STORY


def test_clean_region_subheading_with_headline_words_does_not_cut_the_story():
    # the <title> line carries the site's name; a subheading shares only some of its words
    text = "\n\n".join(
        ["Harbour Bridge Approved After Decade of Dispute - The Harbour Gazette", STORY[0], STORY[1]]
        + ["Harbour bridge approved: what next", STORY[2], STORY[3]]
    )
    parts = clean_text(text)
    assert parts.body.startswith(STORY[0]) and parts.body.endswith(STORY[3])


MORE = [
    "Engineers will survey the seabed over the winter to decide where the foundations of the two towers should go, the harbour authority said.",
    "The council expects to sign the construction contract in March, after a public consultation on the design of the approach roads.",
    "Traffic on the ring road is expected to fall by a fifth once the bridge opens, according to the council's own transport model.",
]


def test_clean_region_list_introduced_by_a_colon_line_is_story():
    dates = [f"June {d} – Town {d}, Harbour Hall" for d in range(1, 9)]
    parts = clean_text(_page(*STORY, "The public meetings on the design are on these dates:", *dates))
    assert parts.body.endswith(dates[-1])


def test_clean_region_numbered_list_right_after_the_story_is_story():
    items = []
    for n, name in enumerate(["Stone Arch", "Steel Truss", "Cable Stay", "Swing Deck"], 1):
        items += [f"{n}) {name} design, estimate in euros", f"http://example.org/designs/{n}"]
    parts = clean_text(_page(*STORY, *items, "Leave a comment", "Reader comments are closed"))
    assert "4) Swing Deck design" in parts.body and "comments" not in parts.body


def test_clean_region_menu_after_a_colon_line_is_not_a_list():
    menu = ["Home", "World", "Business", "Sport", "Contact"]
    parts = clean_text(_page(*STORY, "Find more of our stories in:", *menu))
    assert parts.body.split("\n\n") == STORY


def test_clean_region_newsletter_box_fine_print_mid_story_is_no_barrier():
    box = ["Get the morning briefing delivered to your inbox.", "Sign Up",
           "This site is protected by reCAPTCHA. Privacy Policy | Terms of Service"]
    parts = clean_text(_page(*STORY[:3], *box, STORY[3], *MORE))
    assert parts.body.split("\n\n") == STORY + MORE


def test_clean_region_newsletter_box_before_the_longer_part_joins_the_story():
    box = ["Newsletter", "Get the morning briefing delivered to your inbox", "Subscribe now"]
    parts = clean_text(_page(*STORY[:2], "Share this article", *box, *STORY[2:], *MORE))
    assert parts.body.startswith(STORY[0]) and parts.body.endswith(MORE[-1])


def test_clean_region_teasers_with_summaries_after_the_story_are_dropped():
    teasers = []
    for topic in ["Ferry Fares", "Tram Line", "Port Strike", "Fish Market"]:
        teasers += [
            f"Why The {topic} Plan Is In Trouble",
            f"The {topic.lower()} plan was delayed again this week, and the council said it was not"
            " clear when it would come back to the committee or who would pay for it in the end.",
        ]
    parts = clean_text(_page(*STORY, *teasers))
    assert parts.body.split("\n\n") == STORY


def test_clean_region_box_of_headlines_inside_the_story_is_dropped():
    box = ["Most read", "Mayor Opens New Park", "Storm Closes Schools", "Team Wins Cup Final",
           "Prices Rise At The Pump"]
    parts = clean_text(_page(*STORY[:2], *box, *STORY[2:]))
    assert parts.body.split("\n\n") == STORY


def test_clean_region_embedded_post_inside_the_story_is_kept():
    post = ["The bridge vote is a great day for the north", "Thanks to everyone who came",
            "See you at the groundbreaking pic.twitter.com/abc123",
            "— Jane Doe (@janedoe) November 19, 2019"]
    parts = clean_text(_page(*STORY[:2], *post, *STORY[2:]))
    assert "(@janedoe)" in parts.body


def test_clean_region_capitalised_link_to_another_story_is_dropped():
    link = "MAYOR SAYS SECOND BRIDGE COULD FOLLOW WITHIN TEN YEARS"
    parts = clean_text(_page(*STORY[:2], link, *STORY[2:]))
    assert parts.body.split("\n\n") == STORY


def test_clean_region_story_continues_after_a_gallery():
    gallery = ["Story continues below gallery"] + [f"Photo {n}: the harbour at dusk" for n in range(8)]
    parts = clean_text(_page(*STORY[:2], *gallery, *STORY[2:], *MORE))
    assert parts.body.startswith(STORY[0]) and parts.body.endswith(MORE[-1])


def test_clean_region_author_box_ends_the_story():
    bio = "Jane Doe has covered the city council for the Harbour Gazette since 2010 and before that reported on transport and housing for a regional weekly paper in the north."
    parts = clean_text(_page(*STORY, "About Jane Doe", bio))
    assert parts.body.split("\n\n") == STORY


def test_clean_region_sponsor_line_above_a_paragraph_is_no_barrier():
    parts = clean_text(_page(*STORY[:2], "This offer is brought to you by Example Bank.", *STORY[2:]))
    assert parts.body.split("\n\n") == STORY


def test_clean_region_sign_up_form_after_the_story_ends_it():
    form = ["Stay up to date with the harbour news.", "Thanks for signing up!",
            "You have successfully subscribed to our newsletter."]
    promo = ("Our news service brings every release of the harbour office directly to your desktop"
             " or to your mobile device as soon as it is published, at no cost to you.")
    parts = clean_text(_page(*STORY, *form, promo, promo.replace("harbour office", "council")))
    assert parts.body.split("\n\n") == STORY


def test_clean_region_caption_said_twice_in_a_row_is_not_story():
    caption = ("The mayor of the city, left, and the harbour master look at the plans for the new"
               " bridge in the council chamber on Tuesday.")
    parts = clean_text(_page(caption, caption, "Photo: Jane Doe", *STORY))
    assert parts.body.split("\n\n") == STORY


def test_clean_region_near_identical_captions_above_the_story_are_not_story():
    caption = ("The mayor of the city, left, and the harbour master look at the plans for the new"
               " bridge in the council chamber on Tuesday, after a vote that ended a long dispute.")
    cut = caption[:-20] + "... more"
    parts = clean_text(_page(caption + " less", cut, "Photo: Jane Doe", caption + " less", cut,
                             "Back to Gallery", *STORY))
    assert parts.body.split("\n\n") == STORY


def test_clean_region_story_joins_across_a_gallery_of_repeated_captions():
    caption = ("The mayor of the city, left, and the harbour master look at the plans for the new"
               " bridge in the council chamber on Tuesday.")
    gallery = [caption, caption, "Photo: Jane Doe", "Photo: Jane Doe", "Image 1 of / 4",
               "Caption", "Close", "Image 1 of 4", caption, caption, "Photo: Jane Doe",
               "1 / 4", "Back to Gallery"]
    parts = clean_text(_page(*STORY, *gallery, *(MORE * 4)))
    assert parts.body.startswith(STORY[0]) and caption not in parts.body


def test_clean_region_cards_under_a_you_may_like_header_are_not_story():
    share = "Whatsapp Facebook Pinterest Download"
    cards = [
        "Life asks us for optimism and courage, to hope for the best and to make the best happen, because pessimism only wears us down.",
        "What unites a family is love and care; a united family is strength, the certainty of support and of understanding in hard times.",
        "I am who I am, full of flaws, errors and limits, but also full of life, of dreams, of love and of the will to keep going.",
        "Strength to win and faith to believe that everything is possible and that every obstacle can be overcome with patience.",
    ]
    # long blocks: not one-sentence teaser summaries, which another rule already drops
    boxed = [x for n, card in enumerate(cards) for x in (share, card + " " + cards[n - 1])]
    story = " ".join(STORY)
    parts = clean_text(_page(share, story, "You may also like", *boxed))
    assert parts.body == story


def test_clean_region_product_list_after_a_bare_label_is_story():
    products = []
    for name in ("Harbour Lamp", "Bridge Model", "Tide Clock", "Dock Chair"):
        products += [name, "Solid brass finish", "Fits any desk", "$39.99", "Available from Example", "Buy Now"]
    parts = clean_text(_page(*STORY[:2], "Don't Miss:", *products, "Menu", "Home", "About"))
    assert parts.body.startswith(STORY[0]) and parts.body.split("\n\n")[-1] == "Buy Now"
    assert "Tide Clock" in parts.body
