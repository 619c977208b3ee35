"""event_location: which of a sentence's places an event happened at."""

import pytest

from newsevents.extract.place_choice import event_location
from newsevents.extract.places import extract_places
from newsevents.records import Article


def located(nlp, sentence, trigger, **options):
    doc = nlp(sentence)
    places = extract_places(doc, Article(id="t", headline="", body=sentence))
    token = next(t for t in doc if t.text == trigger)
    place = event_location(doc, token, places, **options)
    return None if place is None else place.text


@pytest.mark.parametrize(
    "sentence, trigger, expected",
    [
        ("Three civilians were killed in Kharkiv on Monday.", "killed", "Kharkiv"),
        ("In Kherson, Russian troops shelled a hospital.", "shelled", "Kherson"),
        ("Two soldiers were shot and killed near Bakhmut.", "shot", "Bakhmut"),  # shared by the conjunct
        ("Protesters marched in Syria's Aleppo province on Friday.", "marched", "Aleppo province"),
        ("A bomb exploded in the Iraqi city of Mosul.", "exploded", "Mosul"),  # the smallest place
        ("Rebels captured Goma after a week of fighting.", "captured", "Goma"),  # the object
        ("A journalist was shot while filming a protest in Oaxaca.", "shot", "Oaxaca"),
        # a town that modifies a thing is where it is
        ("Gunmen shot a banker on the doorstep of his Moscow apartment.", "shot", "Moscow"),
        # a place named only to say where another lies is not where it happened, unless alone
        ("Fighting broke out at Gbarnga, northeast of Monrovia, on Sunday.", "broke", "Gbarnga"),
        ("A soldier was shot in an ambush south of Kandahar.", "shot", "Kandahar"),
        # what was done to a place, in the passive
        ("Kismayo was captured by government forces in 2012.", "captured", "Kismayo"),
        # the nearest place phrase, and the narrowest place in it
        ("Two guards were killed in the raid to stop trucks from causing damage at the UAE's oil "
         "terminal in the port city of Fujairah.", "killed", "Fujairah"),
    ],
)
def test_locates(nlp, sentence, trigger, expected):
    assert located(nlp, sentence, trigger) == expected


@pytest.mark.parametrize(
    "sentence, trigger",
    [
        ("A US soldier was killed on Tuesday.", "killed"),  # a place that says who, not where
        ("Five people were killed in a US air strike.", "killed"),  # a country that says who
        ("Two French peacekeepers were shot by snipers.", "shot"),  # no place at all
        ("Israel captured the compound in the 1967 Mideast war.", "captured"),  # an event's name
    ],
)
def test_no_location(nlp, sentence, trigger):
    assert located(nlp, sentence, trigger) is None


def test_object_can_be_left_out(nlp):
    sentence = "Russian forces shelled Kramatorsk from positions near Donetsk."
    assert located(nlp, sentence, "shelled") == "Kramatorsk"
    assert located(nlp, sentence, "shelled", object_is_where=False) == "Donetsk"


def test_from_is_where_only_when_asked(nlp):
    sentence = "Russian troops withdrew from Kherson on Friday."
    assert located(nlp, sentence, "withdrew") is None
    assert located(nlp, sentence, "withdrew", from_is_where=True) == "Kherson"


@pytest.mark.parametrize(
    "sentence, trigger, expected",
    [
        # the narrowest of the places named together, not the last one
        ("Nine fighters were killed in the village of Ashmi in northern Syria on Tuesday.", "killed", "Ashmi"),
        ("Government forces liberated the cities of Palmyra and Quaryatayn in the Homs province.",
         "liberated", "Palmyra"),
        # a place that names a site ("the Nicosia airport") still says where
        ("Officials detonated the last mine at the Nicosia airport on Monday.", "detonated", "Nicosia"),
    ],
)
def test_event_place_is_the_narrowest(nlp, sentence, trigger, expected):
    from newsevents.extract.event_places import event_places

    doc = nlp(sentence)
    places = extract_places(doc, Article(id="t", headline="", body=sentence))
    token = next(t for t in doc if t.text == trigger)
    place, _ = event_places(doc, token, list(places))  # as the events stage reads it
    assert place is not None and place.text == expected, place


def test_a_town_the_gazetteer_lacks_is_named_with_the_one_it_places(nlp):
    # "the cities of" marks Quaryatayn, which GeoNames lacks: the event is put at Palmyra, which
    # has a point, with Quaryatayn beside it
    from newsevents.extract.event_places import event_places

    sentence = "Government forces liberated the cities of Palmyra and Quaryatayn in the Homs province."
    doc = nlp(sentence)
    places = extract_places(doc, Article(id="t", headline="", body=sentence))
    place, also_at = event_places(doc, next(t for t in doc if t.text == "liberated"), list(places))
    assert (place.text, [p.text for p in also_at]) == ("Palmyra", ["Quaryatayn"])


def test_passive_subject_place_only_as_last_resort(nlp):
    """Where the patient is from says where the event happened only when nothing else does."""
    from newsevents.extract.event_places import event_place

    def placed(sentence, trigger):
        doc = nlp(sentence)
        places = extract_places(doc, Article(id="t", headline="", body=sentence))
        place = event_place(doc, next(t for t in doc if t.text == trigger), places)
        return None if place is None else place.text

    assert placed("Novak, an officer with a brigade in the port city of Gdansk, was shot during an "
                  "ambush near Basra.", "shot") == "Basra"
    assert placed("A Dutch engineer working in northern Mali was shot dead.", "shot") == "Mali"


def test_town_modifying_a_site_is_narrower_than_the_region(nlp):
    from newsevents.extract.event_places import event_place

    sentence = "Gunmen shot a policeman at a Kirkuk market in northern Iraq."
    doc = nlp(sentence)
    places = extract_places(doc, Article(id="t", headline="", body=sentence))
    assert event_place(doc, doc[1], places).text == "Kirkuk"


def where_all(nlp, sentence, trigger):
    from newsevents.extract.event_places import event_places

    doc = nlp(sentence)
    places = extract_places(doc, Article(id="t", headline="", body=sentence))
    place, also_at = event_places(doc, next(t for t in doc if t.text == trigger), list(places))
    return None if place is None else place.text, [p.text for p in also_at]


@pytest.mark.parametrize(
    "sentence, trigger, expected",
    [
        # the places named in coordination with the chosen one are where it happened too
        ("Protesters marched in Berlin and Munich on Saturday.", "marched", ("Berlin", ["Munich"])),
        ("Rebels captured Goma and Bukavu after a week of fighting.", "captured", ("Goma", ["Bukavu"])),
        ("Two soldiers were killed in the provinces of Kandahar and Helmand.", "killed",
         ("Kandahar", ["Helmand"])),
        # a place elsewhere in the sentence is not named with it
        ("Rebels captured Goma, and talks resumed in Nairobi.", "captured", ("Goma", [])),
    ],
)
def test_event_places_take_the_coordinated_places(nlp, sentence, trigger, expected):
    assert where_all(nlp, sentence, trigger) == expected


@pytest.mark.parametrize(
    "sentence, trigger, expected",
    [
        # a place noun's phrase gives its narrowest place, not the region its span ends in
        ("Soldiers shot dead two men in the West Bank town of Hebron.", "shot", "Hebron"),
        # the owner of a place holds it ("Kenya's Garissa county")
        ("Gunmen killed four teachers in a village in Kenya's Garissa county.", "killed", "Garissa county"),
        # where someone comes from is not where it happened
        ("A bomber from a village near the city of Tulkarm blew himself up at a market in Hadera.",
         "blew", "Hadera"),
        # what else happened in the same action happened where it did
        ("Militants stormed the town of Baga, killing dozens of people.", "killing", "Baga"),
        # a neighbourhood's phrase gives the neighbourhood, not the city that owns it
        ("Three people were killed in the Aleppo neighbourhood of Bustan al-Qasr.", "killed", "Bustan al-Qasr"),
        # a direction on the trigger, when nothing else says where
        ("Soldiers arrested six suspects in raids south of Kandahar on Monday.", "arrested", "Kandahar"),
        # a participle on a place is done to it ("the Golan Heights, captured in 1967")
        ("Damascus wants back the Golan Heights, captured by Israel in 1967.", "captured", "Golan Heights"),
        # an object the parse hangs on a date, or shares with the verb joined after it
        ("Riot police patrolled Harare Saturday.", "patrolled", "Harare"),
        ("The army captured and held Jenin for a week.", "captured", "Jenin"),
        # an "on" phrase the parse hangs on the verb of an assault says where it happened
        ("Gunmen staged the assault on Kulbus in West Darfur state on Sunday.", "staged", "Kulbus"),
        # the place in the "of" phrase of a part noun holds that part
        ("Rebels launched a counter-offensive in the East Ghouta region of rural Damascus on Saturday.",
         "launched", "East Ghouta region"),
        # a place set beside a place noun names it; the one before it says where it lies
        ("Four other teenagers were shot in a nearby Brooklyn neighborhood, Canarsie.", "shot", "Canarsie"),
        # a place the sentence opens with sets the scene for a narrower one said after
        ("In the Midwest, several buildings were destroyed in the small town of Poplar Grove, Illinois.",
         "destroyed", "Poplar Grove"),
        # ... also one on the verb paired with it ("shot and killed")
        ("In Dagestan Wednesday, police shot and killed two gunmen in the town of Buinaksk.", "shot", "Buinaksk"),
        # ... but not for a broader one, nor for one inside the opening phrase
        ("In Basra, two soldiers were killed in southern Iraq.", "killed", "Basra"),
        ("In Saboti in the Mt. Elgon region, seven died in what has been described as a daring day-light "
         "attack from unknown raiders.", "died", "Saboti"),
        # a sea is broader than a town on it
        ("Mexican police clashed with protesters in the hotel zone of the Caribbean resort of Cancun.",
         "clashed", "Cancun"),
        # a place phrase after a comma says where the place before it lies
        ("In the deadliest attack, a suicide bomber killed 15 people and wounded 30 when he blew himself up "
         "amid dozens of police recruits queueing outside police headquarters in Fallujah, in the restive "
         "western province of Al-Anbar.", "killed", "Fallujah"),
    ],
)
def test_event_place_choice(nlp, sentence, trigger, expected):
    assert where_all(nlp, sentence, trigger)[0] == expected


@pytest.mark.parametrize(
    "sentence, trigger",
    [
        # a direction on another verb says where that happened
        ("He was captured and sent to a labour camp north of Budapest.", "captured"),
        # a place named in coordination with no place of the event is not one
        ("Rebels from Chad and Sudan captured two aid workers.", "captured"),
    ],
)
def test_event_place_none(nlp, sentence, trigger):
    assert where_all(nlp, sentence, trigger) == (None, [])


@pytest.mark.parametrize(
    "sentence, trigger, expected",
    [
        # the rules stop at the first place phrase on the trigger's path; the model weighs them all
        ("Some 300 New Zealand demonstrators protested in Auckland against the Israeli offensive in Gaza.",
         "protested", "Auckland"),
        # a place that only says whose the subject is, is not where it happened
        ("A Kurdish lawmaker from Diyarbakir was arrested in Ankara on Monday.", "arrested", "Ankara"),
        # places that act (subjects) are no scene: the strike was on a prison somewhere else
        ("Dozens of prisoners were feared dead as Moscow and Kyiv accused each other of carrying out "
         "a missile strike on a prison in Russian-controlled territory.", "strike", None),
    ],
)
def test_event_place_model_weighs_the_sentence(nlp, sentence, trigger, expected):
    from newsevents.extract.event_place_model import load_model

    assert load_model() is not None, "resources/models/event_places.tsv is shipped"
    assert where_all(nlp, sentence, trigger)[0] == expected


def test_the_rules_choice_needs_less_evidence_than_a_new_place():
    from newsevents.extract.event_place_model import KEEP_RULE_CHOICE, NEW_PLACE, decide

    assert KEEP_RULE_CHOICE < NEW_PLACE
    # the likeliest place replaces the rules' choice; their choice goes only when all are unlikely
    assert decide([0.3, 0.6], rule=0, best=1) == 1
    assert decide([0.3, 0.1], rule=0, best=0) == 0
    assert decide([KEEP_RULE_CHOICE / 2, 0.01], rule=0, best=0) is None
    # with no choice from the rules, the likeliest place when more likely than not
    assert decide([0.6, 0.2], rule=None, best=0) == 0
    assert decide([0.45, 0.2], rule=None, best=0) is None


def test_part_of_a_place_is_narrower_than_the_place_holding_it(nlp):
    from newsevents.extract.event_places import event_place

    sentence = "A bomb detonated in a football field in the Ghazi Qala area of Ghazni city."
    doc = nlp(sentence)
    places = extract_places(doc, Article(id="t", headline="", body=sentence))
    place = event_place(doc, doc[2], places, use_model=False)
    assert place is not None and place.text == "Ghazi Qala area"


@pytest.mark.parametrize(
    "sentence, trigger, expected",
    [
        # a protest's grievance names where what it is about happened, not where it was held
        ("Some 200 demonstrators in Nepal Thursday protested against the bombing of the Chinese Embassy "
         "in Belgrade.", "protested", "Nepal"),
        ("The demonstrators were protesting against the detention of Sabahattin Suvagci, chairman of the "
         "Democratic People's Party in Hakkari province.", "protesting", None),
        ("Some 30 protestors demonstrated outside the embassy here Tuesday demanding the release of their "
         "activists arrested in Beijing.", "demonstrated", None),
        # a place phrase of the protest itself still says where it was held
        ("Thousands protested in Ankara against the detention of a party chairman.", "protested", "Ankara"),
    ],
)
def test_protest_grievance_is_not_where_it_was_held(nlp, sentence, trigger, expected):
    from newsevents.extract.event_places import event_place

    doc = nlp(sentence)
    places = extract_places(doc, Article(id="t", headline="", body=sentence))
    token = next(t for t in doc if t.text == trigger)
    place = event_place(doc, token, places, use_model=False)  # the rules' choice, which the model weighs
    assert (place and place.text) == expected
