"""Multi-word event patterns the one-word trigger lexicon cannot express, and the sports check.

"Lysychansk came under Russian control", "the town fell to Russian forces": a seizure whose
place is the subject and whose actor sits in a prepositional phrase. "The U.S. said North Korea
must disarm": a demand, whose trigger is a speech verb and whose recipient is the must-clause's subject.
"""

from __future__ import annotations

import functools

from spacy.attrs import DEP, ENT_TYPE
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsevents.extract.parse_cache import per_parse, sentence_chars, token_strings
from newsevents.ontology import RESOURCES, Trigger
from newsevents.records import Place, replace

_COME_UNDER = {"come", "fall", "pass", "be"}
_FALL_TO = {"fall"}
_PATTERN_VERBS = _COME_UNDER | _FALL_TO
SEIZE = Trigger("control", "NOUN", "COERCE", "seize", ("military",), ())
# "The U.S. said North Korea must disarm": a demand made of the reported clause's subject.
DEMAND = Trigger("must", "VERB", "REQUEST", None, (), ())
_SPEECH_VERBS = {"say", "tell", "insist", "stress", "add", "warn", "state", "declare", "reiterate"}
_DEMANDING = {"GOV", "MIL", "REB", "COP", "JUD", "LEG", "PTY", "IGO", "OPP", "NGO"}


@functools.lru_cache(maxsize=1)
def sport_words() -> frozenset[str]:
    text = (RESOURCES / "ontology" / "sport_words.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@per_parse("newsevents.sport_report")  # events asks twice
def sport_report(doc: Doc) -> bool:
    """A sports report: several distinct sports words, or many in all (then "attack" is play)."""
    words = sport_words()
    w = token_strings(doc)  # the parse's strings: no Token object per word
    hits = [lemma for lemma, lower in zip(w.lemma, w.lower) if lemma in words or lower in words]
    return len(set(hits)) >= 3 or len(hits) >= 6


# Sports words that also name things in political news ("the final deal", "a policy goal", "the
# league of nations", "try to"): a sentence needs one of the others to be about sport.
_SHARED_WITH_NEWS = frozenset({
    "set", "final", "try", "goal", "match", "penalty", "season", "club", "cup", "captain", "coach",
    "champion", "seed", "league", "medal", "defender", "keeper", "championship"})


@functools.lru_cache(maxsize=1)
def _sport_only_words() -> frozenset[str]:
    return sport_words() - _SHARED_WITH_NEWS


def sport_sentence(sent: SpacySpan) -> bool:
    """A sentence about sport by its own words ("England will protest to the International Rugby
    Board about the referee's performance"), in an article that may not read as a sports report."""
    words = _sport_only_words()
    w = token_strings(sent.doc)
    return any(w.lemma[i] in words or w.lower[i] in words for i in range(sent.start, sent.end))


@functools.lru_cache(maxsize=1)
def quiet_words() -> frozenset[str]:
    """Sport's, technology's and entertainment's words: the vocabulary of news that seldom
    reports a political event."""
    text = (RESOURCES / "ontology" / "quiet_words.txt").read_text(encoding="utf-8")
    own = (w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))
    return frozenset(own) | sport_words()


# Share of an article's words (per 100 tokens) from quiet_words that makes it a quiet report:
# on BBC 2005 (read on the odd half) 86% of sport, tech and entertainment articles reach it and
# 3% of politics and business ones (8 of 233 read).
QUIET_DENSITY = 2.0
# Half that density: 95-100% of sport, tech and entertainment articles (odd half) reach it, and
# 10% of politics and 17% of business ones, so only events no state takes part in go there.
LEANING_QUIET_DENSITY = 1.0
# Sentences: a text no longer than this is a snippet (a gold sentence), no article to judge.
_SNIPPET_SENTENCES = 3


def quiet_report(doc: Doc, density: float = QUIET_DENSITY) -> bool:
    """An article written in sport's, technology's or entertainment's words ("the band's album",
    "broadband users", "the striker"), at least two in every hundred (or ``density``): an event
    there whose sides are weakly known is more likely the article's own world than political news.
    A snippet of a few sentences is none."""
    return quiet_density(doc) >= density


def quiet_density(doc: Doc) -> float:
    """Words of sport, technology and entertainment per hundred of the article's tokens; 0 for a
    snippet of a few sentences, which is no article to judge."""
    if len(sentence_chars(doc)) <= _SNIPPET_SENTENCES:
        return 0.0
    words = quiet_words()
    w = token_strings(doc)
    # the lemma first: only the few words it finds need a Token to say whether they are alphabetic
    hits = sum(1 for i, lemma in enumerate(w.lemma) if lemma in words and doc[i].is_alpha)
    return 100 * hits / max(len(doc), 1)


def team_names(doc: Doc) -> frozenset[str]:
    """Country names the article treats as teams: a singular name with a plural verb ("France
    have beaten", "Italy were"), as British sports writing has it and news of states does not.
    Names plural in form ("the Netherlands", "Wales") and joined subjects tell nothing."""
    found = set()
    # The few place-name subjects, found in the parse's arrays rather than by walking every token.
    wanted = [doc.vocab.strings["nsubj"], doc.vocab.strings["GPE"]]
    rows = doc.to_array([DEP, ENT_TYPE]).tolist() if len(doc) else []
    for token in (doc[i] for i, row in enumerate(rows) if row == wanted):
        if token.lower_.endswith("s"):
            continue
        if token.conjuncts:
            continue  # "France and Germany have agreed"
        verb = token.head
        verbs = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}] + [verb]
        finite = min(verbs, key=lambda t: t.i)  # "have" in "have beaten"
        if finite.tag_ == "VBP" or finite.lower_ == "were":
            found.add(token.lower_)
    return frozenset(found)


def is_team(actor, teams: frozenset[str]) -> bool:
    """An actor named by one of the article's team names ("France", "New Zealand")."""
    words = actor.text.lower().split()
    return bool(words) and words[-1] in teams


def _controller(control: Token, index) -> tuple:
    """"Russian control", "Russia's control", "the control of Russian forces"."""
    for child in control.children:
        if child.dep_ in {"amod", "poss", "compound"}:
            actor = index.for_token(child)
            if actor is not None:
                return (actor,)
        if child.dep_ == "prep" and child.lower_ in {"of", "by"}:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return index.group(pobj)
    return ()


def _subject_place(verb: Token, places: list[Place]) -> Place | None:
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return None
    lo = subject.left_edge.idx
    hi = subject.right_edge.idx + len(subject.right_edge)
    # "the last city in the Luhansk region — Lysychansk —": the appositive names the place.
    inside = [p for p in places if lo <= p.span.start and p.span.end <= hi]
    for place in inside:
        if place.span.start <= subject.idx < place.span.end:
            return place
    return inside[-1] if inside else None


def _appositive_place(verb: Token, places: list[Place]) -> Place | None:
    """Dashes often split "the last city — Lysychansk — came under": take the place before."""
    before = [p for p in places if p.span.end <= verb.idx]
    return before[-1] if before else None


def _demands(sent: SpacySpan, index, make) -> list:
    """A political actor saying that another must do something: a REQUEST of that other, made
    when it was said (the speech verb is the trigger; the must-clause would read hypothetical)."""
    from newsevents.extract.event_roles import Roles, subject_of

    found = []
    doc, w = sent.doc, token_strings(sent.doc)
    for i in range(sent.start, sent.end):
        if w.dep[i] != "ccomp" or w.lemma[w.head[i]] not in _SPEECH_VERBS:
            continue  # read from the parse's strings: most words are no such clause
        clause = doc[i]
        speech = clause.head
        if not any(c.dep_ == "aux" and c.lower_ == "must" for c in clause.children):
            continue
        speaker_token, _ = subject_of(speech)
        addressee_token = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if speaker_token is None or addressee_token is None:
            continue
        speaker, addressee = index.group(speaker_token), index.group(addressee_token)
        speaker_countries = {a.country for a in speaker}
        if not any(a.sector in _DEMANDING for a in speaker) or not any(
            a.sector in _DEMANDING and a.country not in speaker_countries for a in addressee
        ):
            continue  # "Lebanon says it must ...": a duty one takes on is no demand of another
        found.append(make(speech, DEMAND, Roles(speaker, addressee, None, (), False, False), 0.5))
    return found


def pattern_candidates(sent: SpacySpan, index, places: list[Place], make, sport: bool) -> list:
    """Seizures written as "X came under Y control" / "X fell to Y"; demands ("X said Y must")."""
    from newsevents.extract.event_roles import Roles

    found = [] if sport else _demands(sent, index, make)
    doc, w = sent.doc, token_strings(sent.doc)
    for i in range(sent.start, sent.end):
        lemma = w.lemma[i]
        if w.pos[i] not in {"VERB", "AUX"} or lemma not in _PATTERN_VERBS:
            continue  # only these verbs can find an actor below: no Token for the others
        token = doc[i]
        actor: tuple = ()
        for prep in token.children:
            if prep.dep_ != "prep":
                continue
            pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if pobj is None:
                continue
            if lemma in _COME_UNDER and prep.lower_ == "under" and pobj.lemma_.lower() == "control":
                actor = _controller(pobj, index)
            elif lemma in _FALL_TO and prep.lower_ == "to":
                actor = index.group(pobj)
        if not actor or (sport and not any(a.sector in {"MIL", "REB"} for a in actor)):
            continue
        place = _subject_place(token, places) or _appositive_place(token, places)
        if place is None:
            continue
        roles = Roles(actor, (), place, (), True, False)
        found.append(make(token, SEIZE, roles, 0.6))
    return found


def without_states_by_name(roles):
    """The roles less the countries named as a whole ("England", "the Welsh"): in a sentence
    about sport they are teams ("England will protest to the International Rugby Board")."""
    from newsevents.extract.event_roles import country_only

    return replace(roles, actor=tuple(a for a in roles.actor if not country_only(a)),
                   recipient=tuple(a for a in roles.recipient if not country_only(a)))


def without_teams(roles, teams: frozenset[str]):
    """The roles less the sides that are sports teams named after countries ("France have
    brought Betsen back to face England"): a team is not the state."""
    if not teams:
        return roles
    return replace(roles, actor=tuple(a for a in roles.actor if not is_team(a, teams)),
                   recipient=tuple(a for a in roles.recipient if not is_team(a, teams)))
