"""clean_html: trafilatura's text, with readability as a second opinion (our own small pages)."""

from __future__ import annotations

from newsevents import clean_html

PARAGRAPHS = [
    f"Paragraph {n} of the story says that the harbour bridge vote went the council's way by a"
    f" wide margin, and that work on part {n} should start soon after the winter."
    for n in range(1, 9)
]


def test_clean_html_fragment_gives_way_to_readabilitys_fuller_text(monkeypatch):
    fuller = "\n\n".join(PARAGRAPHS)
    monkeypatch.setattr(clean_html, "_readability_text", lambda html: fuller)
    assert clean_html._fuller_reading("<html></html>", "\n\n".join(PARAGRAPHS[:2])) == fuller


def test_clean_html_different_or_similar_readability_text_is_not_taken(monkeypatch):
    ours = "\n\n".join(PARAGRAPHS[:2])
    other = "\n\n".join(p.replace("harbour", "river") for p in PARAGRAPHS)
    monkeypatch.setattr(clean_html, "_readability_text", lambda html: other)
    assert clean_html._fuller_reading("<html></html>", ours) == ours  # not the same paragraphs
    monkeypatch.setattr(clean_html, "_readability_text", lambda html: "\n\n".join(PARAGRAPHS[:3]))
    assert clean_html._fuller_reading("<html></html>", ours) == ours  # not much longer


def test_clean_html_readability_text_keeps_paragraphs_apart():
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = f"<html><body><nav><a href='/'>Home</a></nav><article>{body}</article></body></html>"
    text = clean_html._readability_text(html)
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    assert blocks == PARAGRAPHS
