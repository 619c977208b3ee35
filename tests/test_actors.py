"""Actor coding on sentences other than the reference article's (needs the spaCy model)."""

from __future__ import annotations

import pytest

from newsevents.extract.actors import actor_from_span, extract_actors
from newsevents.records import Article


def _actors(nlp, text):
    return extract_actors(nlp(text), Article(id="t", headline="", body=text))


def _coded(nlp, text):
    return {(a.text, a.country, a.sector) for a in _actors(nlp, text)}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Russian forces shelled the town overnight.", ("Russian forces", "RUS", "MIL")),
        ("Separatists blocked the road.", ("Separatists", None, "REB")),
        ("Ukrainian troops repelled the assault.", ("Ukrainian troops", "UKR", "MIL")),
        ("Russia denied the report.", ("Russia", "RUS", "GOV")),
        ("French President Emmanuel Macron spoke to reporters.", ("French President Emmanuel Macron", "FRA", "GOV")),
        # an office that is a phrase before the name, no word of which is an office alone
        ("Defense Secretary Jim Mattis visited troops in Iraq.", ("Defense Secretary Jim Mattis", None, "GOV")),
        ("Turkish police detained the suspects.", ("Turkish police", "TUR", "COP")),
        ("Joe Biden's administration announced new aid.", ("Joe Biden's administration", "USA", "GOV")),
        ("Air France cancelled the flights.", ("Air France", "FRA", "BUS")),  # a firm named for its country
        ("The network was built by Telecom Portugal.", ("Telecom Portugal", "PRT", "BUS")),
        ("North Korea fired a missile.", ("North Korea", "PRK", "GOV")),
    ],
)
def test_actors_coded(nlp, text, expected):
    assert expected in _coded(nlp, text)


def test_actors_possessive_pronoun_takes_antecedent_country(nlp):
    coded = _coded(nlp, "German Chancellor Olaf Scholz met his ministers on Friday.")
    assert ("his ministers", "DEU", "GOV") in coded


def test_actors_the_country_refers_to_earlier_state(nlp):
    coded = _coded(nlp, "Belarus has hosted the drills. The country denied any plan to invade.")
    assert ("country", "BLR", "GOV") in coded


@pytest.mark.parametrize(
    "text, not_actor",
    [
        ("The convoy arrived in Poland on Monday.", "Poland"),
        ("Russia's control of the port is complete.", "Russia’s control"),
        ("The town lies near the Russian border.", "Russian border"),
    ],
)
def test_actors_places_and_things_are_not_actors(nlp, text, not_actor):
    assert not_actor not in {a.text for a in _actors(nlp, text)}


@pytest.mark.parametrize(
    "text, phrase, country, sector",
    [
        ("“We will win,” said Russian President Vladimir Putin.", "Putin", "RUS", "GOV"),
        ("The Kremlin said talks would go on.", "The Kremlin", "RUS", "GOV"),
        ("NATO chief Jens Stoltenberg said allies agreed.", "Jens Stoltenberg", None, "IGO"),
        ("John Smith said nothing.", "John Smith", None, None),
        # a tokenized text splits a name at its hyphen: the title before it still codes it
        ("Libyan Prime Minister Fayez al - Sarraj rejected the plan .",
         "Libyan Prime Minister Fayez al - Sarraj", "LBY", "GOV"),
        # a body of an international organisation is the organisation's
        ("UN human rights experts urged the government to act.", "UN human rights experts", None, "IGO"),
        ("The United States Treasury imposed sanctions.", "The United States Treasury", "USA", "GOV"),
    ],
)
def test_actor_from_span(nlp, text, phrase, country, sector):
    doc = nlp(text)
    start = text.index(phrase)
    actor = actor_from_span(doc.char_span(start, start + len(phrase)))
    assert (actor.country, actor.sector) == (country, sector)
    assert text[actor.span.start:actor.span.end] == actor.span.text == phrase


@pytest.mark.parametrize(
    "text, mention, sector",
    [
        ("A Sony spokesman said the games would ship in May.", "Sony spokesman", None),
        ("A Kremlin spokesman said the talks would go on.", "Kremlin spokesman", "GOV"),
        ("The Donetsk governor said the shelling went on.", "Donetsk governor", "GOV"),
    ],
)
def test_actors_office_of_an_uncoded_body_has_no_sector(nlp, text, mention, sector):
    doc = nlp(text)
    found = {a.text: a.sector for a in extract_actors(doc, Article(id="t", headline="", body=text))}
    assert found.get(mention) == sector, found


@pytest.mark.parametrize(
    "text, mention, sector",
    [
        # a dictionary alias made of common words ("the foundation") is no name in lower case
        ("The foundation moved the building in Seattle in 2002.", "foundation", None),
        ("Zelenskyy has accused Russia of blackmail.", "Zelenskyy", "GOV"),  # a name, first word
        # a "think-tank" is no tank; an "ex-president" is still a president
        ("The US think-tank Pew Internet says blogs grow fast.", "US think-tank Pew Internet", None),
        ("The Serbian ex-president rejected the plan.", "Serbian ex-president", "GOV"),
    ],
)
def test_actors_names_and_words_as_written(nlp, text, mention, sector):
    found = {a.text: a.sector for a in _actors(nlp, text)}
    assert found.get(mention) == sector, found


@pytest.mark.parametrize(
    "text, expected",
    [
        # accents the dictionaries spell in plain letters
        ("Erdoğan met the delegation on Monday.", ("Erdoğan", "TUR", "GOV")),
        # international militant groups (Phoenix codes them IMG, with no single country)
        ("The Islamic State group released at least 19 Christians.", ("Islamic State group", None, "REB")),
        ("Al-Qaeda claimed the bombing.", ("Al-Qaeda", None, "REB")),
        ("AQAP has carried out numerous attacks.", ("AQAP", None, "REB")),
        ("The UAE lifted the restrictions.", ("UAE", "ARE", "GOV")),
        ("Burma has agreed to allow international aid.", ("Burma", "MMR", "GOV")),
    ],
)
def test_actors_names_the_2014_dictionaries_spell_otherwise(nlp, text, expected):
    assert expected in _coded(nlp, text)


@pytest.mark.parametrize("text, name, country", [
    ("The Democratic Republic of Congo has freed a US diplomat.", "Democratic Republic of Congo", "COD"),
    ("The Kingdom of Saudi Arabia condemned the attack.", "Kingdom of Saudi Arabia", "SAU"),
])
def test_a_state_named_in_full_with_of(text, name, country):
    from newsevents.language import load_nlp
    from newsevents.records import Article

    doc = load_nlp()(text)
    actors = extract_actors(doc, Article(id="t", headline="", body=text))
    assert (name, country, "GOV") in {(a.text, a.country, a.sector) for a in actors}


@pytest.mark.parametrize("text, mention, sector", [
    ("UK and EU negotiators have agreed a landmark free trade agreement.", "UK and EU negotiators", "GOV"),
    ("Nearly 70 countries have agreed to share information.", "Nearly 70 countries", "GOV"),
    ("Yemen's warring parties have agreed to a ceasefire.", "Yemen's warring parties", "MIL"),
    ("Syrian opposition members said they will release the hostages.", "Syrian opposition members", "OPP"),
])
def test_agent_words_for_sides_in_talks_and_wars(text, mention, sector):
    from newsevents.language import load_nlp

    doc = load_nlp()(text)
    actors = extract_actors(doc, Article(id="t", headline="", body=text))
    assert (mention, sector) in {(a.text, a.sector) for a in actors}


def test_a_body_named_with_its_kind_between():
    from newsevents.language import load_nlp

    text = "Osama bin Laden's al-Qaeda terror network has threatened the United States."
    actors = extract_actors(load_nlp()(text), Article(id="t", headline="", body=text))
    assert any(a.text.endswith("al-Qaeda terror network") and a.sector == "REB" for a in actors)


def test_us_agencies():
    from newsevents.language import load_nlp

    text = "Immigration and Customs Enforcement returned 12 human skulls to Peru."
    actors = extract_actors(load_nlp()(text), Article(id="t", headline="", body=text))
    assert ("USA", "COP") in {(a.country, a.sector) for a in actors}


def _plain_longest_match(words, table, *, ending_at=None, longest=8):
    """The full n-gram search, as actors._longest_match did it before it skipped phrases holding
    a word no phrase of the table has."""
    best = None
    ends = [ending_at + 1] if ending_at is not None else range(1, len(words) + 1)
    for end in ends:
        for start in range(max(0, end - longest), end):
            if best and end - start <= best[1] - best[0]:
                continue
            texts = [w[1] for w in words[start:end]]
            phrases = (" ".join(texts), " ".join(texts[:-1] + [words[end - 1][2]]))
            if "-" in texts:
                phrases = tuple(p.replace(" - ", "-") for p in phrases)
            for phrase in phrases:
                if phrase in table:
                    best = (start, end, table[phrase])
                    break
    return best


def test_longest_match_skips_no_phrase_the_full_search_finds(nlp):
    from newsevents.extract.actors import _longest_match, _words
    from newsevents.ontology import actor_lexicon

    lex = actor_lexicon()
    doc = nlp("The al - Qaeda terror network and Ukrainian President Volodymyr Zelenskyy's top "
              "generals met Russian Defence Minister Sergei Shoigu, the Islamic State group, "
              "U.S. armed forces and the Democratic Republic of Congo's border guards in Kyiv.")
    words = _words(list(doc))
    for table in (lex.named, lex.countries, lex.agents, {"al-qaeda": 1, "top generals": 2}):
        for end in range(len(words)):
            for longest in (4, lex.longest):
                assert _longest_match(words, table, ending_at=end, longest=longest) == \
                    _plain_longest_match(words, table, ending_at=end, longest=longest)
        assert _longest_match(words, table) == _plain_longest_match(words, table)
    assert _longest_match(words, {"al-qaeda": 1}, ending_at=3)[2] == 1  # "al - qaeda" joined


def test_first_country_is_the_first_name_the_full_search_finds(nlp):
    from newsevents.extract.actors import _first_country, _words
    from newsevents.ontology import actor_lexicon

    lex = actor_lexicon()
    doc = nlp("The Ukrainian and Russian delegations, the Democratic Republic of Congo's border "
              "guards, South Korean troops and the United States met in New York.")
    words = _words(list(doc))
    for start in range(len(words)):
        piece = words[start:]
        plain = next((found[2] for end in range(len(piece)) if (found := _plain_longest_match(
            piece[: end + 1], lex.countries, ending_at=end, longest=4))), None)
        assert _first_country(piece, lex) == plain
    assert _first_country(words, lex) == lex.countries["ukrainian"]
    assert _first_country(words[:1], lex) is None  # "The"


@pytest.mark.parametrize(
    "text, coded",
    [
        ("Universal's music division provided some demos for the album.", False),
        ("Sony's games unit will deliver the console in March.", False),
        ("Russia's tank division crossed the border.", True),
    ],
)
def test_a_division_of_a_firm_is_no_armed_unit(nlp, text, coded):
    """ "Division" and "unit" name parts of firms as well as of armies: owned by a body we
    cannot code, they are no MIL."""
    assert any(a.sector == "MIL" for a in _actors(nlp, text)) == coded
