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
