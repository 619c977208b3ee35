"""Place candidates: the toponyms of a text, before resolution.

spaCy's GPE/LOC entities (which include the gazetteer ruler's), FAC entities the gazetteer knows,
names the small model mistook for a person or an organisation where only a place fits ("captured
Knin", "in Taji"), and names no model tagged that a generic word marks as a place ("the village of
Tamthil", "Nuwakot district"). Each candidate keeps the kind a generic word beside it gives
("Donetsk province" is the admin-1 unit, "the town of X" a town).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Optional

from spacy.tokens import Doc
from spacy.tokens import Span as TokenSpan

from newsevents.extract.parse_cache import doc_text, entities, token_strings
from newsevents.extract.place_names import BROAD_FEATURES, is_abbreviation, residents_place
from newsevents.extract.place_names import options as name_options
from newsevents.gazetteer import load_gazetteer, normalize
from newsevents.ontology import actor_lexicon

PLACE_LABELS = ("GPE", "LOC", "FAC")


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int  # end of the span as reported (name plus trailing cue word)
    name: str  # the name to look up, cue words removed
    label: str
    hint: Optional[str]  # adm1, adm2, city or None


@functools.lru_cache(maxsize=1)
def cues() -> dict:
    data = json.loads(resources.files("newsevents.resources.gazetteer").joinpath("cues.json").read_text())
    before = {kind: re.compile(r"\b(?:%s)[\s,]*$" % "|".join(map(re.escape, data[f"{kind}_before"])), re.I)
              for kind in ("adm1", "city")}
    after = {word: kind for kind in ("adm1", "adm2", "city") for word in data[f"{kind}_after"]}
    inside = re.compile(r"^\s*(?:%s)\s*$" % "|".join(map(re.escape, data["containment"])), re.I)
    return {"before": before, "after": after, "inside": inside}


def place_words() -> frozenset[str]:
    """The generic words a place's span may end with ("region", "district", "town", and those that
    mark a name no model tagged: "area", "camp")."""
    return frozenset(cues()["after"]) | frozenset(_MARK_AFTER)


def find_candidates(doc: Doc) -> list[Candidate]:
    """Every place candidate in the body, in text order."""
    text = doc_text(doc)
    tagged = _candidates(doc, text)
    found = sorted(tagged + _marked_names(doc, text, tagged, cues()), key=lambda c: c.start)
    return plural_cues(found, text)


def _candidates(doc: Doc, text: str) -> list[Candidate]:
    cue_words = cues()
    gazetteer = load_gazetteer()
    surnames, given_names = _surnames(doc), _given_names(doc)
    found = []
    for ent in entities(doc):
        if parts := _listed_regions(ent, gazetteer):
            found += [Candidate(p.start_char, p.end_char, p.text, "GPE", None) for p in parts]
            continue
        if ent.label_ not in PLACE_LABELS and not _place_in_disguise(ent, gazetteer, cue_words):
            continue
        tokens = list(ent)
        while tokens and tokens[0].lower_ in ("the", "a", "an"):
            tokens = tokens[1:]
        while tokens and tokens[-1].text in ("'s", "’s", "'", "’"):
            tokens = tokens[:-1]
        if not tokens or all(t.lower_ in _NAME_PARTICLES for t in tokens):
            continue  # "al-" of "al-Tijara", tagged apart from its name
        if found and tokens[0].idx < found[-1].end:
            continue  # read already as part of the name before ("Afar" of "Tal Afar")
        tokens, lookup = _widened(doc, tokens, gazetteer, cue_words)
        hint, name_end, end = None, tokens[-1].idx + len(tokens[-1]), tokens[-1].idx + len(tokens[-1])
        whole = text[tokens[0].idx:tokens[-1].idx + len(tokens[-1])]
        after = tokens[-1].i + 1
        if len(tokens) > 1 and tokens[-1].lower_ in cue_words["after"] and not gazetteer.lookup(whole):
            hint, name_end = cue_words["after"][tokens[-1].lower_], tokens[-2].idx + len(tokens[-2])
        elif after < len(doc) and doc[after].lower_ in cue_words["after"] and not doc[after].ent_type_:
            hint, end = cue_words["after"][doc[after].lower_], doc[after].idx + len(doc[after])
        start = tokens[0].idx
        name = lookup or text[start:name_end]
        entries = gazetteer.lookup(name)
        if ent.label_ == "FAC" and not entries:
            continue  # a building or road the gazetteer does not know: not a place we can place
        if not entries and (gazetteer.demonym(name) or residents_place(name)):
            continue  # "Ukrainian (forces)", "an entire Ukrainian province", "Texans": actors, not places
        if not entries and _known_actor(name):
            continue  # "Zelenskyy", "the Bidens" tagged as a place the gazetteer lacks: actors we know
        if whole != name and _known_actor(whole) and not gazetteer.lookup(whole):
            continue  # "the Shanghai Cooperation Organization": a body we know, named after a place
        if len(tokens) == 1 and tokens[0].i > 0 and doc[tokens[0].i - 1].text.rstrip(".") in _COURTESY_TITLES:
            continue  # "Mr Orel", "Mrs Marina": a person, not Orël, Russia
        if len(tokens) == 1 and not _well_known(entries) and _names_a_person(doc, tokens[0], given_names):
            continue  # "her husband Hugh", "Prof Yvonne McDermott Rees", "Natalia's story": a person
        if not any(c.isupper() for c in name):
            continue  # "eastern coast", "the north": a description, not a name
        if is_abbreviation(name) and not name_options(name):
            continue  # "AI", "ROC", "NATO": an abbreviation that names no place we know is no place
        if len(tokens) == 1 and tokens[0].is_sent_start and tokens[0].pos_ == "NOUN" and not entries:
            continue  # "Gunmen attacked ...": a common noun the capital of a sentence's start disguised
        if normalize(name) in cue_words["after"] or normalize(name) in _GENERIC_WORDS:
            continue  # "Airport" of "Baghdad International Airport", "Russia's Embassy": part of a name, a building
        if normalize(name) in _BODY_WORDS and not _tagged_a_place_by_the_model(ent):
            continue  # "the Commonwealth of Independent States": a body of people, not Commonwealth, Manila
        if normalize(name) in _BLOCS and (hint is None or doc[after].text in ("state", "states")):
            continue  # "sanctions by the West", "Western states": no West region of Cameroon
        if len(tokens) == 1 and name in surnames and not _well_known(entries):
            continue  # "Pompeo said" where the article names Mike Pompeo: the man, not Pompéu, Brazil
        if tokens[0].i > 0 and doc[tokens[0].i - 1].lower_ in _MEDIA_NOUNS:
            continue  # "news outlet Baza", "the newspaper Vedomosti": a title named like a town
        if len(tokens) == 1 and name.lower() in _OUTLET_WORDS and tokens[0].i > 0 and doc[tokens[0].i - 1].lower_ == "the":
            continue  # "according to The Sun": the paper, not Hailey, Idaho (once Sun Valley's town)
        if _names_a_company(doc, tokens, after):
            continue  # "Google Ireland Limited", "Gazprom Germania GmbH": a firm, named for where it works
        if _names_a_weapon(doc, after, name, gazetteer):
            continue  # "Grad rockets", "Tochka missiles": a weapon named after a town or nothing
        if _named_vessel(doc, tokens, name, gazetteer):
            continue  # "Russia's flagship Moskva", "the cruiser Moskva": the ship, not Moscow
        if hint is None:
            hint = hint_before(text[max(0, start - 30):start], cue_words)
        if len(tokens) == 1 and hint is None and not name_options(name) and not _set_as_a_place(doc, tokens[0]):
            continue  # "told Nebenzya", "Burgess said": a lone word no gazetteer or phrase makes a place
        found.append(Candidate(start, end, name, ent.label_, hint))
    return found


# Legal forms that end a firm's name ("Google Ireland Limited", "Shell Nigeria Ltd").
_COMPANY_FORMS = frozenset({"limited", "ltd", "llc", "inc", "plc", "gmbh", "corp", "corporation", "holdings"})


def _names_a_company(doc: Doc, tokens: list, after: int) -> bool:
    last = tokens[-1].lower_.rstrip(".")
    return last in _COMPANY_FORMS or (after < len(doc) and doc[after].lower_.rstrip(".") in _COMPANY_FORMS)


# Words that put the next word in a place's slot: "in Majorca", "the assault on Kulbus", "the Ozarks"
_PLACE_SLOT_WORDS = frozenset({"in", "at", "near", "from", "into", "onto", "on", "across", "outside", "around",
                               "throughout", "towards", "toward", "via", "inside", "along", "beyond", "the"})


def _set_as_a_place(doc: Doc, token) -> bool:
    return token.i > 0 and doc[token.i - 1].lower_ in _PLACE_SLOT_WORDS


# A name before a weapon noun names the weapon ("Grad rockets", "Tochka missiles", "Iskander
# launchers", "a Molotov cocktail"), and before a ship's or a unit's noun the ship or the unit ("the
# Moskva warship", "the Azov regiment"), unless the noun goes on to name an attack on the place
# ("a Kharkiv missile strike") or the name is a country's ("the Poland missile").
_VESSEL_AND_UNIT_NOUNS = frozenset({"warship", "cruiser", "flagship", "frigate", "destroyer", "submarine",
                                    "corvette", "yacht", "battalion", "battalions", "regiment", "regiments",
                                    "brigade", "brigades"})
_WEAPON_NOUNS = frozenset({"rocket", "rockets", "missile", "missiles", "launcher", "launchers", "howitzer",
                           "howitzers", "mlrs", "cocktail", "cocktails"}) | _VESSEL_AND_UNIT_NOUNS
_ATTACK_NOUNS = frozenset({"strike", "strikes", "attack", "attacks", "barrage", "barrages", "raid", "raids",
                           "hit", "hits", "fire"})


# How a person is addressed before the surname ("Mr Orel", "Mrs. Samar"); not "Dr." and "Miss.",
# which also end a sentence as "Drive" and "Mississippi" ("Tupelo, Miss. Columbus police said")
_COURTESY_TITLES = frozenset({"Mr", "Mrs", "Ms", "Mx", "Sir", "Dame", "Mme", "Mlle"})


def _names_a_weapon(doc: Doc, after: int, name: str, gazetteer) -> bool:
    if after >= len(doc) or doc[after].lower_ not in _WEAPON_NOUNS:
        return False
    if after + 1 < len(doc) and doc[after + 1].lower_ in _ATTACK_NOUNS:
        return False
    # a ship or a unit is named after a town; a sea or a country before one says whose ("its Black Sea
    # flagship", the flagship of the Black Sea Fleet)
    if doc[after].lower_ in _VESSEL_AND_UNIT_NOUNS:
        return not any(e.feature in BROAD_FEATURES and normalize(e.name) == normalize(name)
                       for e in gazetteer.lookup(name))
    return not any(e.feature == "country" for e in gazetteer.lookup(name))


def _named_vessel(doc: Doc, tokens: list, name: str, gazetteer) -> bool:
    """A town's name right after a ship's noun is the ship's ("its flagship Moskva"); a sea's or a
    country's is whose the ship is ("the flagship Black Sea Fleet" does not occur, "a frigate Ukraine
    sent" does)."""
    first = tokens[0].i
    if first == 0 or doc[first - 1].lower_ not in _SHIP_NOUNS:
        return False
    return not any(e.feature in BROAD_FEATURES and normalize(e.name) == normalize(name)
                   for e in gazetteer.lookup(name))


_SHIP_NOUNS = frozenset({"warship", "cruiser", "flagship", "frigate", "destroyer", "submarine", "corvette",
                         "yacht", "ship", "vessel", "tanker", "freighter", "ferry", "carrier", "icebreaker"})


# What a place's name does not read on into: "New York-based", "US-led" (the place says who, the
# word what kind), "the New York Times" (an outlet named after its town)
_ATTRIBUTIVE = frozenset({"based", "born", "led", "backed", "made", "bound", "owned", "funded", "supported",
                          "brokered", "controlled", "held", "run", "registered", "headquartered"})
_OUTLET_WORDS = frozenset({"times", "post", "herald", "tribune", "journal", "gazette", "chronicle", "globe",
                           "telegraph", "examiner", "courier", "observer", "daily", "star", "sun", "mirror",
                           "independent", "guardian", "inquirer", "register", "record", "review"})


def _widened(doc: Doc, tokens: list, gazetteer, cue_words: dict) -> tuple[list, Optional[str]]:
    """The tokens of a name the tagger cut short, and the name to look up when it is not the
    whole span. A name reads on over hyphens ("Mazar-e-Sharif", "Brest-Litovsk") and untagged
    capitalised words ("Tal Taranjeh", "Wadi Barada", "Malacca Straits"), and back over an
    article or an untagged word joined by a hyphen ("al-Tijara", "Waku-Congo") or an untagged
    word the gazetteer reads with it ("South Darfur"). The whole is looked up when the gazetteer knows it,
    else the name as tagged ("Tijara"; "Malacca" of "Malacca Straits")."""
    first, last = tokens[0].i, tokens[-1].i
    lead = first
    if first >= 2 and _joined(doc, first - 1) and (
            doc[first - 2].lower_ in _NAME_PARTICLES or (doc[first - 2].is_title and not doc[first - 2].ent_type_)):
        lead = first - 2  # "al-Tijara", "Waku-Congo"
    elif first >= 1 and doc[first - 1].is_title and not doc[first - 1].ent_type_ and doc[first - 1].whitespace_ \
            and not doc[first - 1].is_stop and gazetteer.lookup(doc[first - 1:last + 1].text):
        lead = first - 1  # "South Darfur", "Sangkhla Buri": one name the gazetteer knows
    tail, j = last, last + 1
    while j + 1 < len(doc) and _joined(doc, j) and doc[j + 1].is_alpha and not doc[j + 1].ent_type_ \
            and doc[j + 1].lower_ not in _ATTRIBUTIVE and _name_goes_on(doc, j + 1):
        tail, j = j + 1, j + 2
    if j + 2 < len(doc) and doc[j].lower_ in _NAME_PARTICLES and _joined(doc, j + 1) and _name_like(doc[j + 2]) \
            and doc[j - 1].whitespace_:
        tail, j = j + 2, j + 3  # "Bab al-Salama", whatever the tagger made of "Salama"
    run = j
    while (j < len(doc) and j - run < 3 and doc[j - 1].whitespace_ and _name_like(doc[j]) and not doc[j].ent_type_
           and not doc[j].is_stop and doc[j].lower_ not in cue_words["after"] and not is_agent_word(doc[j])
           and doc[j].lower_ not in _OUTLET_WORDS):
        j += 1
    # "Syria Foreign Minister Walid Muallem": a title and a name, not a longer place name
    if j > run and not (j < len(doc) and (doc[j].ent_type_ in ("PERSON", "ORG") or
                                          (doc[j].is_title and is_agent_word(doc[j])))):
        tail = j - 1
    nxt = tail + 1
    if nxt < len(doc) and doc[tail].whitespace_ and doc[nxt].ent_iob_ == "B" and doc[nxt].ent_type_ in PLACE_LABELS:
        end = next((k for k in range(nxt + 1, len(doc)) if doc[k].ent_iob_ != "I"), len(doc))
        if gazetteer.lookup(doc[lead:end].text):
            tail = end - 1  # "Tal Afar" tagged as two places: one name the gazetteer knows
    if (lead, tail) == (first, last):
        return tokens, None
    widened = list(doc[lead:tail + 1])
    whole = doc[lead:tail + 1].text
    if gazetteer.lookup(whole):
        return widened, None
    return widened, doc[first:last + 1].text


def _known_actor(name: str) -> bool:
    """A person or body the actor dictionaries name, or a family by its plural ("the Bidens")."""
    named = actor_lexicon().named
    lowered = name.lower()
    return lowered in named or (lowered.endswith("s") and lowered[:-1] in named)


def _name_goes_on(doc: Doc, i: int) -> bool:
    """A word joined by a hyphen is part of the name when capitalised, a particle, or a lower-case
    word that leads on to a capitalised one ("Brest-Litovsk", "Mazar-e-Sharif", "Rostov-on-Don");
    a lower-case word that ends the chain describes ("the Russia-border town of Volchansk")."""
    word = doc[i]
    if word.text[:1].isupper() or word.lower_ in _NAME_PARTICLES:
        return True
    return i + 2 < len(doc) and _joined(doc, i + 1) and doc[i + 2].text[:1].isupper()


def _name_like(token) -> bool:
    """Capitalised, the rest lower case, apostrophes allowed: "Rifa’at", "Mu'adham"."""
    rest = token.text[1:]
    return token.is_title or (token.text[:1].isupper() and rest.replace("'", "").replace("’", "").isalpha()
                              and rest == rest.lower())


def _joined(doc: Doc, i: int) -> bool:
    """Token i is a hyphen with no space on either side ("Mazar-e-Sharif")."""
    return doc[i].text in ("-", "‐") and i > 0 and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def is_agent_word(token) -> bool:
    """A noun the actor lexicon knows as a kind of person or group ("soldier", "President")."""
    agents = actor_lexicon().agents
    return token.lower_ in agents or token.lemma_.lower() in agents


# Words for a kind of place or building that the gazetteer also holds as the name of some hamlet ("Airport",
# "Quarter"): capitalised, they are the last word of a longer name, no place of their own.
_GENERIC_WORDS = frozenset({"airport", "airbase", "base", "camp", "quarter", "square", "station", "market",
                            "center", "centre", "embassy", "consulate", "ministry", "headquarters",
                            "parliament", "hospital", "university", "prison", "mosque", "church",
                            "cathedral", "palace", "metro"})
# Words for a body of people that the gazetteer also holds as some town's name ("the Commonwealth of
# Independent States" is no Commonwealth, Manila), unless the model itself read a place there. Not
# "alliance" (Alliance, Ohio is named so in its local news) nor "congress" (it cost a GeoWebNews
# toponym).
_BODY_WORDS = frozenset({"senate", "assembly", "commonwealth", "coalition", "cabinet", "government", "commission",
                         "committee", "league"})


def _tagged_a_place_by_the_model(ent: TokenSpan) -> bool:
    """The small model's own GPE or LOC tag, not the gazetteer ruler's (which marks every name a
    town bears) nor a name it tagged otherwise (an organisation: "the Commonwealth")."""
    return ent.label_ in ("GPE", "LOC") and not ent.ent_id_


def _surnames(doc: Doc) -> frozenset[str]:
    """The last names of the people the article names in full: "Mike Pompeo" tagged as a person,
    or a given name before a word the gazetteer ruler took for a town ("Edward Bondy")."""
    found = {ent[-1].text for ent in entities(doc) if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].is_title}
    given = load_gazetteer().personal_names
    # the words after which a place is marked, found in the parse's strings (no Token per word)
    marked = [i for i, label in enumerate(token_strings(doc).ent_type[1:]) if label in PLACE_LABELS]
    found.update(doc[i + 1].text for i in marked if doc[i].is_title and doc[i].whitespace_
                 and doc[i + 1].is_title and normalize(doc[i].text) in given)
    return frozenset(found)


def _given_names(doc: Doc) -> frozenset[str]:
    """The first names of the people the article names in full ("Natalia Chekotun" tagged as a
    person): alone later in it ("Natalia's story") the name is hers, not Natalia, Texas."""
    given = load_gazetteer().personal_names
    return frozenset(ent[0].text for ent in entities(doc) if ent.label_ == "PERSON" and len(ent) in (2, 3)
                     and all(t.is_title for t in ent) and normalize(ent[0].text) in given
                     and not any(is_agent_word(t) for t in ent))  # not "Buffalo Fire Chief Smith"


# Nouns for a person's relation to another ("her husband Hugh", "his daughter, Haven,"), which the
# actor lexicon does not hold: it knows people by what they do.
_KIN_NOUNS = frozenset({"husband", "wife", "son", "daughter", "brother", "sister", "father", "mother", "dad",
                        "mum", "mom", "partner", "friend", "neighbour", "neighbor", "boyfriend", "girlfriend",
                        "fiance", "fiancé", "fiancee", "fiancée", "cousin", "uncle", "aunt", "nephew", "niece",
                        "grandson", "granddaughter", "grandfather", "grandmother", "stepson", "stepdaughter",
                        "colleague", "widow", "widower"})


def _names_a_person(doc: Doc, token, given_names: frozenset[str]) -> bool:
    """A lone name that only a person's fits: right after a singular noun for a person ("blogger
    Yaroslava", "her husband Hugh", "Her husband, Serhii,"), right after a person's name the
    tagger cut short ("Prof Yvonne McDermott Rees") or the first name of a person the article names
    in full, alone ("Natalia's story" after "Natalia Chekotun")."""
    i = token.i
    if token.text in given_names:
        return not _set_as_a_place(doc, token)  # "homes near Weston" where Weston Smith speaks
    if i > 0 and doc[i - 1].ent_type_ == "PERSON" and doc[i - 1].whitespace_ and doc[i - 1].text[:1].isupper():
        return True
    before = i - 1
    if before >= 1 and doc[before].text == "," and i + 1 < len(doc) and doc[i + 1].text == ",":
        before -= 1  # "Her husband, Serhii, works for JCB"
    if i + 1 < len(doc) and doc[i + 1].is_title:
        return False  # "the firm Cambridge Analytica": the name goes on
    if (before < 0 or not doc[before].is_lower or doc[before].tag_ in ("NNS", "NNPS")
            or doc[before].pos_ not in ("NOUN", "PROPN")):
        return False  # a plural says who spoke of the place ("told reporters Kyiv would ...")
    return doc[before].lower_ in _KIN_NOUNS or is_agent_word(doc[before])


def _well_known(entries) -> bool:
    """A country, a province or a big city: a name that stands for the place even beside a
    namesake person ("Jordan", "Washington")."""
    return any(e.feature in ("country", "adm1", "region", "water") or e.capital or e.population >= 1_000_000
               for e in entries)


# Nouns for a publication or a channel, whose name follows them
_MEDIA_NOUNS = frozenset({"outlet", "newspaper", "paper", "daily", "tabloid", "magazine", "weekly", "agency",
                          "broadcaster", "channel", "website", "portal"})
# A compass word alone names a bloc or a side ("the West", "the North", "Western media"), not a
# region called so.
_BLOCS = frozenset({"west", "east", "north", "south", "western", "eastern", "northern", "southern"})

# Where a name the tagger called a person or an organisation still reads as a place: after a
# locative preposition, before a place word ("Aziziyah district") or as what was taken ("captured Knin").
_LOCATIVE_BEFORE = frozenset({"in", "near", "outside", "around", "into", "across"})
_TAKEN_VERBS = frozenset({"capture", "seize", "retake", "recapture", "liberate", "occupy", "storm",
                          "shell", "bomb", "besiege", "encircle", "overrun"})


def _place_in_disguise(ent: TokenSpan, gazetteer, cue_words: dict) -> bool:
    """A country's name tagged as an organisation; or a short PERSON, ORG or NORP entity that
    the gazetteer knows as a place (and, for one word, not as a given name or surname; for a
    nationality word, not as a demonym), in a context only a place fits. The small English model
    tags many small towns ("Taji", "Knin", "Kafr Nabuda", "Jezzine") as people, organisations or
    nationalities."""
    if ent.label_ == "ORG" and any(e.feature == "country" for e in gazetteer.lookup(ent.text)):
        return True  # "the U.S.", "DPRK", "United States": a country the tagger took for an organisation
    if ent.label_ not in ("PERSON", "ORG", "NORP") or len(ent) > 3 or not ent[0].is_title:
        return False
    name = ent.text
    if len(ent) == 1 and normalize(name) in gazetteer.personal_names:
        return False
    if not gazetteer.lookup(name) or gazetteer.demonym(name):
        return False
    doc, after = ent.doc, ent.end < len(ent.doc) and ent.doc[ent.end]
    if after and after.text in ("'s", "’s"):
        # whose site it is says where ("Bethlehem's Church of the Nativity", "Mecca's hospital"),
        # whose anything else says who ("Kabul's decision")
        return ent.root.dep_ == "poss" and ent.root.head.lower_ in _SITES_OWNED
    if after and after.lower_ in cue_words["after"]:
        return True
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and (before.lower_ in _LOCATIVE_BEFORE or before.lemma_ in _TAKEN_VERBS):
        return True
    return ent.root.dep_ == "dobj" and ent.root.head.lemma_ in _TAKEN_VERBS


def _listed_regions(ent: TokenSpan, gazetteer) -> list[TokenSpan]:
    """The names of a list the tagger took for one entity ("Ingushetia and North Ossetia" as an
    organisation), when each is a country, an admin-1 unit, a region or a sea; else nothing."""
    if len(ent) < 3 or not any(t.lower_ in ("and", ",") for t in ent) or gazetteer.lookup(ent.text):
        return []  # "Trinidad and Tobago" is one country
    parts, start = [], ent.start
    for token in (*ent, None):
        if token is None or token.lower_ in ("and", ","):
            end = token.i if token is not None else ent.end
            part = ent.doc[start:end]
            if not len(part) or not any(e.feature in BROAD_FEATURES for e in gazetteer.lookup(part.text)):
                return []
            parts.append(part)
            start = end + 1
    return parts


_SITES_OWNED = frozenset({"church", "cathedral", "mosque", "temple", "synagogue", "shrine", "hospital",
                          "airport", "port", "harbour", "harbor", "market", "square", "university", "embassy",
                          "consulate", "station", "prison", "stadium", "bridge", "camp", "outskirts",
                          "suburbs", "streets", "neighbourhood", "neighborhood", "old", "centre", "center"})

# Generic words that make the capitalised name beside them a place, whatever a model tagged it:
# "the village of Tamthil", "Nuwakot district". Wider than the kind cues: "island of", "areas".
_MARK_BEFORE = {"town": "city", "village": "city", "city": "city", "settlement": "city", "suburb": "city",
                "district": "adm2", "province": "adm1", "region": "adm1", "island": None,
                "neighbourhood": None, "neighborhood": None}
_MARK_AFTER = {"district": "adm2", "town": "city", "village": "city", "province": "adm1",
               "governorate": "adm1", "neighbourhood": None, "neighborhood": None, "area": None,
               "areas": None, "camp": None}
# "the villages of Mardes and Maharada", "four villages: Demsare, Dikajam and Taboungo": every
# name of the list that follows is one
_MARK_LIST_BEFORE = {"towns": "city", "villages": "city", "cities": "city", "settlements": "city",
                     "localities": "city", "suburbs": "city", "districts": "adm2", "provinces": "adm1",
                     "regions": "adm1", "islands": None, "neighbourhoods": None, "neighborhoods": None}
_NAME_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "-", "e", "de", "la", "bin"})
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "NORP", "MONEY", "PERCENT", "QUANTITY"})


def _marked_names(doc: Doc, text: str, tagged: list[Candidate], cue_words: dict) -> list[Candidate]:
    """Capitalised names no model tagged as a place that a generic word marks as one."""
    taken = [(c.start, c.end) for c in tagged]
    found: list[Candidate] = []
    gazetteer = load_gazetteer()

    def add(first: int, last: int, hint: Optional[str], end: int) -> None:
        start = doc[first].idx
        name_end = doc[last].idx + len(doc[last])
        if any(s < end and start < e for s, e in taken) or gazetteer.demonym(text[start:name_end]):
            return  # "an entire Ukrainian province" names no place of its own
        taken.append((start, end))
        found.append(Candidate(start, end, text[start:name_end], "GPE", hint))

    for at, word in enumerate(token_strings(doc).lower):
        if word not in ("of", ":") and word not in _MARK_AFTER:
            continue  # no branch below holds (no Token made for the other words)
        token = doc[at]
        if word == "of" and token.i > 0 and doc[token.i - 1].lower_ in _MARK_BEFORE:
            last = name_edge(doc, token.i + 1, +1)
            if last is not None:
                add(token.i + 1, last, _MARK_BEFORE[doc[token.i - 1].lower_], doc[last].idx + len(doc[last]))
        elif word in ("of", ":") and token.i > 0 and doc[token.i - 1].lower_ in _MARK_LIST_BEFORE:
            hint, first = _MARK_LIST_BEFORE[doc[token.i - 1].lower_], token.i + 1
            while (last := name_edge(doc, first, +1)) is not None:
                add(first, last, hint, doc[last].idx + len(doc[last]))
                first = last + 1
                first += first < len(doc) and doc[first].text == ","
                first += first < len(doc) and doc[first].lower_ in ("and", "or")
                if first == last + 1:
                    break  # the list ends where no comma or "and" follows a name
        elif word in _MARK_AFTER and token.i > 0 and token.is_lower:  # not "U.S. District Court"
            first = name_edge(doc, token.i - 1, -1)
            if first is not None:
                add(first, token.i - 1, _MARK_AFTER[word], token.idx + len(token))
    return found


_PEOPLE_ENDINGS = ("ish", "ese", "ian", "ic")


def _is_name_word(token, loose: bool = False) -> bool:
    """A capitalised word that can be part of a place's name. ``loose`` lets in one with an
    apostrophe ("Sa’eed") and one the small model tagged as a nationality when it is no demonym and no kind of person or group: it tags
    many unknown village names so ("Akida village", "the village of Sousan"), not "Kurdish"."""
    if not (token.is_title or (loose and _name_like(token))) or token.is_stop or token.is_sent_start:
        return False
    if loose and token.ent_type_ == "NORP":  # an adjective for a people or a faith is no name
        return not (load_gazetteer().demonym(token.text) or is_agent_word(token)
                    or token.lower_.endswith(_PEOPLE_ENDINGS))
    return token.ent_type_ not in _NOT_NAMES


def name_edge(doc: Doc, i: int, step: int, loose: bool = False) -> Optional[int]:
    """The far end of a name that starts at token i and reads on in the direction ``step`` (+1:
    "Hanish al-Kabir" after "island of"; -1: "Sere Kaniye" before "district"), or None
    (``loose``: see ``_is_name_word``)."""
    if not 0 <= i < len(doc) or not _is_name_word(doc[i], loose):
        return None
    edge, j = i, i + step
    while 0 <= j < len(doc):
        while 0 <= j < len(doc) and doc[j].lower_ in _NAME_PARTICLES and abs(j - edge) <= 3:
            j += step  # "al", "-": part of the name only when a name word follows
        if not 0 <= j < len(doc) or not _is_name_word(doc[j], loose):
            break
        edge, j = j, j + step
    if step < 0 and edge >= 2 and _joined(doc, edge - 1) and doc[edge - 2].lower_ in _NAME_PARTICLES:
        edge -= 2  # "al-Thawra areas": the article joined to the name
    return edge


def plural_hint_after(before: str, after: str, cue_words: dict) -> Optional[str]:
    """The kind a plural generic word right after the last name of a list gives it ("Douglas,
    Sarpy and Lancaster counties"). After a lone name the plural counts what lies inside it
    ("Indiana counties", "Texas towns"), and a singular one is as often part of a longer name the
    name is only a word of ("the Woodstock District Chamber of Commerce")."""
    if not _LIST_END.search(before):
        return None
    words = after.split(None, 1)
    word = words[0].lower().rstrip(",;:.") if words and after[:1].isspace() else ""
    return cue_words["after"].get(word) if word.endswith("s") else None


_LIST_END = re.compile(r"(?:,|\band|\bor)\s*$", re.I)


def hint_before(text: str, cue_words: dict) -> Optional[str]:
    for kind, pattern in cue_words["before"].items():
        if pattern.search(text):
            return kind
    return None


_PLURAL_BEFORE = re.compile(r"\b(?:regions|provinces|states|oblasts|cities|towns|villages) of\s*$", re.I)


def plural_cues(candidates: list[Candidate], body: str) -> list[Candidate]:
    """'the Luhansk and Donetsk regions': the plural cue after the last name covers both."""
    out = list(candidates)
    for i in range(len(out) - 2, -1, -1):
        left, right = out[i], out[i + 1]
        between = body[left.end:right.start]
        if left.hint is None and right.hint and _LIST_JOINT.fullmatch(between):
            out[i] = Candidate(left.start, left.end, left.name, left.label, right.hint)
    listed = False  # the name before was one of a list a plural cue opened
    for i in range(1, len(out)):  # "the regions of Luhansk, Donetsk and Kherson": a plural cue before
        left, right = out[i - 1], out[i]
        between = body[left.end:right.start]
        listed = bool(left.hint) and (listed or bool(_PLURAL_BEFORE.search(body[max(0, left.start - 30):left.start])))
        if listed and _LIST_JOINT.fullmatch(between):
            if right.hint is None:
                out[i] = Candidate(right.start, right.end, right.name, right.label, left.hint)
        else:
            listed = False
    return out


# What joins two names of a list: "Kharkiv, Kherson, and the Donbas regions"
_LIST_JOINT = re.compile(r"\s*(,|and|or|, and|, or)\s*(the\s+)?", re.I)
