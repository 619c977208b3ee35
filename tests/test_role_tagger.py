"""The role tagger: tag handling on hand-built Docs, the shipped model on parsed sentences, and
how its phrases become an event's actor and recipient lists."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsevents.extract.actors import extract_actors
from newsevents.extract.role_assign import TaggedRoles
from newsevents.extract.role_tagger import MODEL_PATH, sentence_features, spans_from_tags, tag_sentence
from newsevents.extract.role_training import _token_tags
from newsevents.records import Actor, Article, Span


def _doc(words):
    return Doc(Vocab(), words=words)


@pytest.mark.parametrize(
    "tags, expected",
    [
        (["B-S", "I-S", "O", "B-T"], [(0, 2, "S"), (3, 4, "T")]),
        (["I-S", "I-S", "O", "O"], [(0, 2, "S")]),  # a phrase may start on a stray I-
        (["B-T", "B-T", "O", "O"], [(0, 1, "T"), (1, 2, "T")]),  # B- always opens a phrase
        (["B-S", "I-T", "O", "O"], [(0, 1, "S"), (1, 2, "T")]),  # a role change opens one too
        (["O", "O", "O", "O"], []),
    ],
)
def test_spans_from_tags(tags, expected):
    doc = _doc(["Iraqi", "troops", "attacked", "rebels"])
    assert spans_from_tags(doc[:], tags) == expected


def test_token_tags_follow_gold_words_and_fold_recipients_into_targets():
    # spaCy may cut a gold word in two: only the first piece keeps B-.
    doc = Doc(Vocab(), words=["Kiev", "'s", "army", "hit", "rebels"], spaces=[False, True, True, True, False])
    words = [("Kiev's", "B-S"), ("army", "I-S"), ("hit", "O"), ("rebels", "B-R")]
    assert _token_tags(doc, words) == ["B-S", "I-S", "I-S", "O", "B-T"]


def test_features_one_list_per_token(nlp):
    doc = nlp("Iraqi troops attacked the rebel base near Mosul.")
    features = sentence_features(doc[:])
    assert len(features) == len(doc)
    assert "trigger=ASSAULT" in features[2]
    assert "side=left" in features[0] and "side=right" in features[5]


needs_model = pytest.mark.skipif(not MODEL_PATH.exists(), reason="role tagger model not built")


@needs_model
@pytest.mark.parametrize(
    "text, source, target",
    [
        ("Turkish police detained two opposition journalists in Ankara on Monday.", "police", "journalists"),
        ("The Kenyan government accused Somali militants of planning the attack.", "government", "militants"),
    ],
)
def test_model_tags_source_and_target(nlp, text, source, target):
    doc = nlp(text)
    article = Article(id="t", headline="", body=text)
    phrases = tag_sentence(next(doc.sents), extract_actors(doc, article))
    texts = {role: [doc[s:e].text for s, e, r in phrases if r == role] for role in ("S", "T")}
    assert any(source in t for t in texts["S"]), phrases
    assert any(target in t for t in texts["T"]), phrases


class _FixedTags(TaggedRoles):
    """TaggedRoles with given phrases instead of the model's."""

    def __init__(self, doc, phrases):
        super().__init__(doc, Article(id="t", headline="", body=doc.text), ())
        self._phrases = {0: phrases}


def _actor(doc, start, end, country=None, sector=None):
    span = doc[start:end]
    return Actor(span.text, span.text, country, sector,
                 Span(span.start_char, span.end_char, span.text, 0))


def test_rule_actor_inside_a_tagged_phrase_keeps_its_coding_and_takes_the_phrase(nlp):
    doc = nlp("The Swiss court rejected the Croatian government's request.")
    rule = _actor(doc, 1, 3, "CHE", "JUD")
    actor, _ = _FixedTags(doc, [(0, 3, "S")]).sides(0, (rule,), ())
    assert [(a.name, a.country, a.sector) for a in actor] == [("Swiss court", "CHE", "JUD")]
    assert [(a.text, a.span.text, a.span.start) for a in actor] == [("The Swiss court",) * 2 + (0,)]


def test_rule_actor_read_in_the_other_role_moves(nlp):
    doc = nlp("Erdogan will meet Italian President Sergio Mattarella in Rome.")
    erdogan = _actor(doc, 0, 1, "TUR", "GOV")
    actor, recipient = _FixedTags(doc, [(0, 1, "T"), (3, 7, "T")]).sides(0, (erdogan,), ())
    assert actor == ()
    assert [r.span.text for r in recipient] == ["Erdogan", "Italian President Sergio Mattarella"]


def test_no_phrase_for_a_role_keeps_the_rule_list(nlp):
    doc = nlp("Russian forces shelled Kharkiv.")
    rule = _actor(doc, 0, 2, "RUS", "MIL")
    actor, recipient = _FixedTags(doc, []).sides(0, (rule,), ())
    assert actor == (rule,) and recipient == ()


@pytest.mark.parametrize("source, expected", [((3, 4), ["police"]), ((0, 2), None)])
def test_tagged_sides_only_when_the_source_holds_the_doer(nlp, source, expected):
    # The tagger's source is often the speaker; then it says nothing of the arrest's doer.
    from newsevents.extract.event_roles import Roles
    from newsevents.extract.events import tagged_sides

    doc = nlp("The minister said police arrested the protesters.")
    arrested = next(t for t in doc if t.lower_ == "arrested")
    empty = Roles((), (), None, (), False, True)
    roles = tagged_sides(arrested, empty, _FixedTags(doc, [(*source, "S"), (5, 7, "T")]), 0)
    if expected is None:
        assert roles is None
    else:
        assert [a.span.text for a in roles.actor] == expected
        assert [a.span.text for a in roles.recipient] == ["the protesters"]


@pytest.mark.parametrize(
    "text, target, country",
    [
        ("A U.S. official praised Haiti's efforts to improve its record.", "Haiti's efforts", "HTI"),
        ("Israel agreed to US mediation in the talks.", "US mediation", "USA"),
        ("The army lifted a blockade on Palestinian lorries.", "Palestinian lorries", "PSE"),
        ("A U.S. official praised the efforts of the group.", "the efforts", None),
    ],
)
def test_uncoded_target_takes_the_country_of_its_owner(nlp, text, target, country):
    doc = nlp(text)
    start = text.index(target)
    span = doc.char_span(start, start + len(target))
    _, recipient = _FixedTags(doc, [(span.start, span.end, "T")]).sides(0, (), ())
    assert [(r.span.text, r.country, r.sector) for r in recipient] == [(target, country, None)]


def test_source_with_a_country_takes_the_sector_of_its_apposition(nlp):
    text = "Mohammad Radmanish , an Afghan defence spokesperson , welcomed the decision ."
    doc = nlp(text)
    tagged = TaggedRoles(doc, Article(id="t", headline="", body=text),
                         extract_actors(doc, Article(id="t", headline="", body=text)))
    tagged._phrases = {0: [(0, 8, "S")]}
    actor, _ = tagged.sides(0, (), ())
    assert [(a.country, a.sector) for a in actor] == [("AFG", "GOV")]


def test_doer_of_a_noun_trigger_under_a_light_noun(nlp):
    from newsevents.extract.role_assign import doer_token

    doc = nlp("The Taliban claimed responsibility for the attack on the base.")
    attack = next(t for t in doc if t.lower_ == "attack")
    assert doer_token(attack).lower_ == "taliban"


@pytest.mark.parametrize("text, country", [
    # the one country the sentence names, which no party holds: the leader acts at home
    ("President Abdelaziz Bouteflicka threatened to institute a curfew in Algiers.", "DZA"),
    # the country named is the other party's: the leader is not given it
    ("President Bush has threatened further action against Russia.", None),
])
def test_party_without_a_country_takes_the_one_its_sentence_names(nlp, text, country):
    from newsevents.reading import read_doc

    events = read_doc(nlp(text), Article(id="t", headline="", body=text)).events
    leader = next(a for e in events for a in e.actor if "President" in a.text)
    assert leader.country == country


def test_an_international_body_has_no_home_country_to_act_in(nlp):
    from newsevents.reading import read_doc

    text = "The European Union accused Moscow on Tuesday of conscripting men in Crimea."
    events = read_doc(nlp(text), Article(id="t", headline="", body=text)).events
    union = next(a for e in events for a in e.actor if "Union" in a.text)
    assert union.country is None  # not Ukraine, whose Crimea the sentence names


def test_region_of_a_pronoun_doer_holds_the_subject_that_reports_it(nlp):
    from newsevents.extract.role_assign import trigger_region

    doc = nlp("Myanmar's government has said it would allow UN agencies access to Rakhine state.")
    allow = next(t for t in doc if t.lower_ == "allow")
    government = next(t for t in doc if t.lower_ == "government")
    assert government.i in trigger_region(allow)
    # a named doer's region stays its own phrase and the trigger's
    doc = nlp("The minister said the army would allow aid convoys into the city.")
    allow = next(t for t in doc if t.lower_ == "allow")
    minister = next(t for t in doc if t.lower_ == "minister")
    assert minister.i not in trigger_region(allow)


def test_side_mention_takes_the_article_that_opens_its_phrase(nlp):
    from newsevents.extract.role_assign import _with_article
    from newsevents.extract.actors import to_span

    doc = nlp("The White House has asked the Pentagon to withdraw any U.S. troops.")
    pentagon = next(t for t in doc if t.text == "Pentagon")
    actor = Actor("Pentagon", "United States MIL", "USA", "MIL", to_span(doc, pentagon.i, pentagon.i + 1))
    assert _with_article(actor, doc).text == "the Pentagon"
    troops = next(t for t in doc if t.text == "troops")
    actor = Actor("U.S. troops", "United States MIL", "USA", "MIL", to_span(doc, troops.i - 1, troops.i + 1))
    assert _with_article(actor, doc).text == "any U.S. troops"
    # a mention that has its article already stands (the verb before it is no part of it), as
    # does one without a span
    whole = Actor("the Pentagon", "United States MIL", "USA", "MIL", to_span(doc, pentagon.i - 1, pentagon.i + 1))
    assert _with_article(whole, doc) is whole
    state = Actor("Iran", "Iran GOV", "IRN", "GOV", None)
    assert _with_article(state, doc) is state


def test_event_without_recipient_takes_the_party_its_object_names(nlp):
    from newsevents.reading import read_doc

    text = "An Italian tribunal has lifted a ban on veteran leader Silvio Berlusconi."
    events = read_doc(nlp(text), Article(id="t", headline="", body=text)).events
    assert [a.text for e in events for a in e.recipient] == ["veteran leader Silvio Berlusconi"]


@pytest.mark.parametrize("text, obj, party", [
    ("The tribunal lifted a ban on veteran leader Silvio Berlusconi.", "ban", "Berlusconi"),
    ("Armenian police detained dozens of demonstrators in Yerevan.", "dozens", "dozens"),  # the count
    ("The U.S. reduced tariffs on steel last year.", "tariffs", None),  # no party
])
def test_party_an_object_names(nlp, text, obj, party):
    from newsevents.extract.role_assign import _party_in

    doc = nlp(text)
    article = Article(id="t", headline="", body=text)
    tagged = TaggedRoles(doc, article, extract_actors(doc, article))
    found = _party_in(next(t for t in doc if t.text == obj), tagged)
    assert (found.text if found is not None else None) == party


def _event_at(doc, word, actor=(), recipient=()):
    from newsevents.records import Event

    token = next(t for t in doc if t.text == word)
    whole = Span(0, len(doc.text), doc.text, 0)
    trigger = Span(token.idx, token.idx + len(token), token.text, 0)
    return Event("e", "COERCE", whole, actor=actor, recipient=recipient, trigger=trigger)


def test_rule_party_the_tagger_does_not_read_leaves_a_noun_event(nlp):
    from newsevents.extract.role_assign import _as_tagged

    # The parse gives the arrest the pastor ("his") for its doer; the tagger reads the court.
    doc = nlp("A Zimbabwean court freed the pastor following his weekend arrest.")
    court, his = _actor(doc, 0, 3, "ZWE", "JUD"), _actor(doc, 7, 8, "ZWE", "CVL")
    tags = _FixedTags(doc, [(0, 3, "S"), (4, 6, "T")])
    assert _as_tagged((his,), tags, _event_at(doc, "arrest", actor=(his,)), "S") == ()
    assert _as_tagged((court,), tags, _event_at(doc, "arrest", actor=(court,)), "S") == (court,)
    # a named party modifying the noun is its doer, whatever the tagger reads
    doc = nlp("The withdrawal left the town exposed to Russian shelling.")
    russian = _actor(doc, 7, 8, "RUS", None)
    tags = _FixedTags(doc, [(0, 2, "S")])
    assert _as_tagged((russian,), tags, _event_at(doc, "shelling", actor=(russian,)), "S") == (russian,)
    doc = nlp("A Zimbabwean court freed the pastor following his weekend arrest.")
    # with no phrase of the role in the sentence the side stands
    assert _as_tagged((his,), _FixedTags(doc, [(4, 6, "T")]), _event_at(doc, "arrest", actor=(his,)), "S") == (his,)


def test_a_verbs_named_subject_stays_though_the_tagger_reads_another(nlp):
    from newsevents.extract.role_assign import _as_tagged

    doc = nlp("Uganda paid compensation to the Asians that Idi Amin expelled.")
    amin = _actor(doc, 7, 9, None, "GOV")
    tags = _FixedTags(doc, [(0, 1, "S"), (4, 6, "T")])
    assert _as_tagged((amin,), tags, _event_at(doc, "expelled", actor=(amin,)), "S") == (amin,)
    # a pronoun doer of a verb goes: the tagger names the party elsewhere
    doc = nlp("The Marines said it will not release the tanker.")
    it = _actor(doc, 3, 4, "GBR", "MIL")
    tags = _FixedTags(doc, [(0, 2, "S"), (7, 9, "T")])
    assert _as_tagged((it,), tags, _event_at(doc, "release", actor=(it,)), "S") == ()


def test_a_doer_the_triggers_own_words_name_is_the_actor(nlp):
    from newsevents.extract.role_assign import _with_named_doer

    # The tagger reads the passive's "by" agent as the target
    doc = nlp("The artillery was promised by the US and UK.")
    us, uk = _actor(doc, 5, 7, "USA", "GOV"), _actor(doc, 8, 9, "GBR", "GOV")
    event = _event_at(doc, "promised", actor=(us, uk))
    actor, recipient = _with_named_doer(event, _FixedTags(doc, [(5, 7, "T")]), (uk,), (us,))
    assert sorted(a.text for a in actor) == ["UK", "the US"] and recipient == ()
    # and the subject of the sentence's main verb as the doer of an attack "by Russia"
    doc = nlp("Zelenskyy made a plea for help in response to air attacks by Russia.")
    zelenskyy, russia = _actor(doc, 0, 1, "UKR", "GOV"), _actor(doc, 12, 13, "RUS", "GOV")
    event = _event_at(doc, "attacks", actor=(russia,))
    assert _with_named_doer(event, _FixedTags(doc, [(0, 1, "S")]), (zelenskyy,), (russia,)) == ((russia,), ())
    # a noun's owner is its doer too
    doc = nlp("Zelenskyy compared Russia's invasion to Covid.")
    russia = _actor(doc, 2, 3, "RUS", "GOV")
    event = _event_at(doc, "invasion", actor=(russia,))
    assert _with_named_doer(event, _FixedTags(doc, [(0, 1, "S")]), (zelenskyy,), ())[0] == (russia,)
    # and its phrase says on whom: a target the tagger reads elsewhere in the sentence is none
    doc = nlp("In the lead-up to Russia's invasion of Ukraine, he defended Putin.")
    russia, ukraine, putin = _actor(doc, 6, 7, "RUS", "GOV"), _actor(doc, 10, 11, "UKR", "GOV"), _actor(doc, 14, 15, "RUS", "GOV")
    event = _event_at(doc, "invasion", actor=(russia,), recipient=(ukraine,))
    assert _with_named_doer(event, _FixedTags(doc, [(14, 15, "T")]), (russia,), (putin,)) == ((russia,), (ukraine,))
    # with no doer named by the trigger's words, the tagger's reading stands
    doc = nlp("Zelenskyy condemned the attacks on Kharkiv.")
    event = _event_at(doc, "attacks", actor=(_actor(doc, 0, 1, "UKR", "GOV"),))
    sides = ((_actor(doc, 0, 1, "UKR", "GOV"),), ())
    assert _with_named_doer(event, _FixedTags(doc, [(0, 1, "S")]), *sides) == sides


def test_the_act_itself_is_no_recipient(nlp):
    from newsevents.extract.role_assign import _holds_trigger

    doc = nlp("Russian state media defended the withdrawal from Kherson.")
    event = _event_at(doc, "withdrawal")
    assert _holds_trigger(_actor(doc, 4, 8), event)
    assert not _holds_trigger(_actor(doc, 7, 8), event)


@pytest.mark.parametrize("text, country", [
    # a state's word about rebels it names without a country is domestic: they are its own
    ("The Sudanese government has accused Darfur rebels of violating a ceasefire.", "SDN"),
    # an international body has no home to share
    ("The United Nations accused the rebels of violating a ceasefire.", None),
    # violence says nothing of whose rebels they are
    ("Sudanese troops killed 12 rebels on Tuesday.", None),
])
def test_recipient_of_a_known_kind_without_a_country_shares_the_doers(nlp, text, country):
    from newsevents.reading import read_doc

    events = read_doc(nlp(text), Article(id="t", headline="", body=text)).events
    rebels = next(a for e in events for a in e.recipient if "rebels" in a.text)
    assert rebels.sector == "REB" and rebels.country == country


def test_doers_country_is_the_one_country_of_the_actors():
    from newsevents.extract.role_assign import _doers_country

    police = Actor(text="Egyptian police", name="Egypt", country="EGY", sector="COP", span=Span(0, 15, "Egyptian police"))
    army = Actor(text="Israeli army", name="Israel", country="ISR", sector="MIL", span=Span(20, 32, "Israeli army"))
    union = Actor(text="EU", name="European Union", country="EGY", sector="IGO", span=Span(40, 42, "EU"))
    assert _doers_country((police,)) == "EGY"
    assert _doers_country((police, army)) is None  # two countries: whose?
    assert _doers_country((police, union)) is None
    assert _doers_country(()) is None
