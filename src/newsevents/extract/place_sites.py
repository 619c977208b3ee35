"""Sites: names of places the gazetteer mostly lacks, found only for where events happened.

Where an event happened is often a village, a neighbourhood, a road or a building no gazetteer
holds ("Kafr Sousah", "the Kindi Hospital", "Route 9", "Akida village"), and the small English
model tags such names as people, organisations or nationalities. These candidates add them where
the words around them say a place is meant: a generic word beside the name ("the towns of Khan
Touman, Aleis and Alzorba", "Kweires airbase", "Taksim Square"), a building or road the model
tagged as such, or a locative phrase or a verb of taking or entering ("inside Kafr Sousah",
"captured Kasumbalesa").

They go to the events stage only (``places.with_sites``), not to the article's list of toponyms:
such a name has no point, and the geoparsing scores count a toponym with no point as a miss at
the maximum distance, so the list stays what the gazetteer can place or a generic word marks.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc
from spacy.tokens import Span as TokenSpan

from newsevents.extract.parse_cache import doc_text, entities, token_strings
from newsevents.extract.place_candidates import Candidate, cues, is_agent_word, name_edge
from newsevents.gazetteer import load_gazetteer, normalize
from newsevents.ontology import actor_lexicon

# Generic words before "of" and the kind of place they give; a plural one lists several names.
_MARK_BEFORE = {"town": "city", "village": "city", "city": "city", "settlement": "city", "suburb": "city",
                "district": "adm2", "province": "adm1", "region": "adm1", "island": None,
                "neighbourhood": None, "neighborhood": None}
_PLURAL_BEFORE = {"towns": "city", "villages": "city", "cities": "city", "settlements": "city",
                  "suburbs": "city", "districts": "adm2", "provinces": "adm1", "regions": "adm1",
                  "neighbourhoods": None, "neighborhoods": None}
# Lower-case generic words after a name that are part of its span ("Akida village").
_MARK_AFTER = {"district": "adm2", "town": "city", "village": "city", "province": "adm1",
               "governorate": "adm1", "neighbourhood": None, "neighborhood": None, "area": None, "camp": None}
# Plural generic words after names that list them: "the Al-Assad and Minyan suburbs", "Noushera
# and Samba sectors".
_PLURAL_AFTER = {"villages": "city", "towns": "city", "cities": "city", "districts": "adm2", "suburbs": None,
                 "neighbourhoods": None, "neighborhoods": None, "sectors": None, "areas": None}
# Lower-case words for a site after a name that make it a place but are no part of its name
# ("Kweires airbase", "Siinaay junction", "Noushera and Samba sectors").
_SITE_AFTER = frozenset({"airbase", "base", "prison", "hospital", "junction", "mountain", "sector", "commune",
                         "township", "crossing", "checkpoint", "airport"})
# Capitalised words that end a site's name, which is the whole ("Kindi Hospital", "Taksim Square",
# "Biju Hill"), or a capitalised generic word ("Dara'a Governorate", "Al-Manishiyah District").
SITE_NAMES = frozenset({"hospital", "airport", "airbase", "base", "camp", "prison", "checkpoint", "street",
                         "square", "farms", "hill", "hills", "valley", "mountains", "mountain", "gorge",
                         "suburb", "factory", "plant", "forest", "forests", "junction", "bridge", "crossing",
                         "road", "field", "fields", "quarter", "neighborhood", "neighbourhood"})
# Where only a place fits a name no model tagged as one.
_LOCATIVE = frozenset({"in", "inside", "near", "outside", "around", "into", "across", "at"})
# Verbs whose object is a place, not a person ("captured Saddam" is a person): "entered Dahiyat
# Al-Assad", "patrolled Katmandu".
_ENTERED_VERBS = frozenset({"retake", "recapture", "liberate", "occupy", "storm", "shell", "besiege", "encircle",
                            "overrun", "enter", "patrol", "raid"})
# Words of an organisation's name ("the Group of Eight", "Occidental Petroleum").
_ORGANISATION_WORDS = frozenset({"group", "company", "corp", "corporation", "inc", "ltd", "bank", "party",
                                 "council", "ministry", "university", "petroleum", "oil", "airlines", "news",
                                 "agency", "committee", "association", "union", "front", "of", "and"})


def find_sites(doc: Doc, taken: list[tuple[int, int]]) -> list[Candidate]:
    """Site candidates that overlap none of the ``taken`` character spans, in text order."""
    taken = list(taken)
    found = [c for c in _tagged_sites(doc) + _marked_sites(doc) if not _overlaps(c, taken)]
    kept: list[Candidate] = []
    for candidate in sorted(found, key=lambda c: (c.start, -c.end)):
        if not _overlaps(candidate, [(k.start, k.end) for k in kept]):
            kept.append(candidate)
    return kept


_DANGLING = frozenset({"of", "and", "for", "at", "in", "on", "de", "&"})


def _overlaps(candidate: Candidate, spans: list[tuple[int, int]]) -> bool:
    return any(s < candidate.end and candidate.start < e for s, e in spans)


def _tagged_sites(doc: Doc) -> list[Candidate]:
    """Buildings and roads the model tagged (FAC: "Route 9", "Fort Bute") and names it took for a
    person or an organisation where only a place fits."""
    gazetteer = load_gazetteer()
    found = []
    for ent in entities(doc):
        if ent.label_ != "FAC" and not _unknown_place(ent, gazetteer):
            continue
        if _owner_or_actor(ent):
            continue  # "the Islamic State's positions": whose, not where
        tokens = [t for t in ent if t.lower_ not in ("the", "a", "an")]
        while tokens and tokens[-1].text in ("'s", "’s", "'", "’"):
            tokens = tokens[:-1]
        if not tokens or not any(c.isupper() for t in tokens for c in t.text):
            continue
        if tokens[-1].lower_ in _DANGLING:
            continue  # the model cut the name short: "the Port of" before "Los Angeles"
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        found.append(Candidate(start, end, doc_text(doc)[start:end], ent.label_, None))
    return found


def _unknown_place(ent: TokenSpan, gazetteer) -> bool:
    """A name the model tagged as a person or an organisation, in a locative phrase or the object
    of a verb of taking or entering ("inside Kafr Sousah", "captured Kasumbalesa"); not a given
    name, an acronym, an actor the lexicon knows or a name with a word for a person or a group."""
    if ent.label_ not in ("PERSON", "ORG") or len(ent) > 4 or not ent[0].is_title or ent.text.isupper():
        return False
    if normalize(ent[0].text) in gazetteer.personal_names or any(is_agent_word(t) for t in ent):
        return False
    if ent.label_ == "ORG" and any(t.lower_ in _ORGANISATION_WORDS for t in ent):
        return False
    root = ent.root
    if root.dep_ == "pobj":
        return root.head.lower_ in _LOCATIVE
    return root.dep_ == "dobj" and root.head.lemma_ in _ENTERED_VERBS


def _owner_or_actor(ent: TokenSpan) -> bool:
    """A name that owns something ("the Islamic State's") or that the actor lexicon knows."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    owner = any(t.text in ("'s", "’s") for t in ent) or (after is not None and after.text in ("'s", "’s"))
    words = [t.text for t in ent if t.lower_ not in ("the", "'s", "’s")]
    return owner or normalize(" ".join(words)) in actor_lexicon().named


def _marked_sites(doc: Doc) -> list[Candidate]:
    """Capitalised names a generic word marks as a place, read more loosely than the places stage
    does (``name_edge`` with ``loose``: names the model took for nationalities count)."""
    text, found = doc_text(doc), []

    def add(first: int, last: int, hint: Optional[str], end: int, name_last: Optional[int] = None) -> None:
        name_last = last if name_last is None else name_last
        start, name_end = doc[first].idx, doc[name_last].idx + len(doc[name_last])
        name = text[start:name_end]
        if not load_gazetteer().demonym(name):
            found.append(Candidate(start, end, name, "GPE", hint))

    def end_of(i: int) -> int:
        return doc[i].idx + len(doc[i])

    lowers, after = token_strings(doc).lower, cues()["after"]
    for i, word in enumerate(lowers):
        if word != "of" and word not in _MARK_AFTER and word not in _SITE_AFTER \
                and word not in _PLURAL_AFTER and word not in SITE_NAMES and word not in after:
            continue  # no branch below holds (no Token made for the other words)
        token = doc[i]
        before = lowers[i - 1] if i > 0 else ""
        if word == "of" and (before in _MARK_BEFORE or before in _PLURAL_BEFORE):
            hint = _MARK_BEFORE.get(before, _PLURAL_BEFORE.get(before))
            for first, last in _listed_names(doc, i + 1, plural=before in _PLURAL_BEFORE):
                add(first, last, hint, end_of(last))
        elif i == 0:
            continue
        elif token.is_lower and (word in _MARK_AFTER or word in _SITE_AFTER or word in _PLURAL_AFTER):
            first = name_edge(doc, i - 1, -1, loose=True)
            if first is not None and word in _MARK_AFTER:
                add(first, i, _MARK_AFTER[word], end_of(i), name_last=i - 1)
            elif first is not None:  # "Kweires airbase": the name only
                add(first, i - 1, _PLURAL_AFTER.get(word), end_of(i - 1))
            while first is not None and word in _PLURAL_AFTER and first >= 2 and doc[first - 1].lower_ in (",", "and"):
                last = first - 2 if doc[first - 2].text != "," else first - 3  # ", and"
                first = name_edge(doc, last, -1, loose=True)  # "the Al-Assad and Minyan suburbs"
                if first is not None:
                    add(first, last, _PLURAL_AFTER[word], end_of(last))
        elif token.is_title and (word in SITE_NAMES or word in _MARK_AFTER or word in cues()["after"]) \
                and not (i + 1 < len(doc) and doc[i + 1].is_title):  # not "District Court"
            first = name_edge(doc, i - 1, -1, loose=True)
            kind = cues()["after"].get(word)
            if first is not None and kind:  # "Dara'a Governorate": the province Dara'a
                add(first, i, kind, end_of(i), name_last=i - 1)
            elif first is not None:  # "Kindi Hospital": the whole is the name
                add(first, i, None, end_of(i))
    return found


def _listed_names(doc: Doc, i: int, *, plural: bool) -> list[tuple[int, int]]:
    """The names that start at token i (first and last token of each): one, or after a plural
    word all those listed with commas and "and" ("the towns of Khan Touman, Aleis and Alzorba")."""
    found = []
    while (last := name_edge(doc, _after_article(doc, i), +1, loose=True)) is not None:
        found.append((i, last))
        j = last + 1
        if not plural or j >= len(doc) or doc[j].text not in (",", "and"):
            break
        j += 1 if doc[j].text == "and" or doc[j + 1:j + 2].text != "and" else 2
        i = j
    return found


_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "an", "at", "az"})


def _after_article(doc: Doc, i: int) -> int:
    """Where the name proper starts after a lower-case Arabic article joined to it ("the town of
    al-Wafa"): the article is part of the name, but no name word."""
    if i + 2 < len(doc) and doc[i].text in _ARTICLES and doc[i + 1].text == "-" \
            and not doc[i].whitespace_ and not doc[i + 1].whitespace_:
        return i + 2
    return i
