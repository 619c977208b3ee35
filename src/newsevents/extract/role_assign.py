"""An event's actor and recipient lists, re-read from the role tagger's phrases of its sentence.

The parse gives each trigger its subject and object, but only those the actor dictionaries can
code, and only where the parse attaches them to the trigger. The role tagger (``role_tagger``)
proposes the sentence's source and target phrases whatever they are. Which phrases speak of which
event is decided in ``event_sides``. Per role, when phrases are proposed, they become the list: a
rule actor overlapping a phrase keeps its coding and takes the phrase as its mention, any other
phrase is coded from the actor dictionaries (``actor_from_span``), borrowing the coding of the known
actor mention holding its head when the head alone codes to nothing (or the sector of a mention
in apposition, when the head gives a country alone); a target phrase that codes to nothing is
aimed at the country of its owner or of the place it names. When the tagger proposes nothing for
a role, the rule list stands, less any actor it reads in the other role. Last, a party of a known
kind but no country (a leader named without it) takes the one country its sentence names that no
other party holds (``_home_country``), and the recipient of a word or non-violent act, of a known
kind but no country, takes the one country of the event's actors (``_doers_country``); an event
left with no recipient takes the party its trigger's object names, coded or not
(``_object_phrase``).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from newsevents.extract.actors import actor_from_span, to_span
from newsevents.extract.event_roles import PART_WORDS, PEOPLE_NOUNS, reporting_subject, subject_of
from newsevents.extract.role_tagger import chunk_positions, tag_sentence
from newsevents.ontology import actor_lexicon, event_lexicon
from newsevents.records import Actor, Article, Event, Place, replace

_OWNER_DEPS = {"poss", "compound", "amod", "nmod"}
MATERIAL_QUADS = {2, 4}  # material cooperation and conflict (CAMEO quad classes)
MATERIAL_CONFLICT = 4


def _overlaps(actor: Actor, lo: int, hi: int) -> bool:
    return actor.span is not None and actor.span.start < hi and lo < actor.span.end


class TaggedRoles:
    """The tagger's phrases per sentence of one document, tagged on first use."""

    def __init__(self, doc: Doc, article: Article, actors: tuple[Actor, ...],
                 places: tuple[Place, ...] = ()):
        self.doc, self.article, self.actors, self.places = doc, article, actors, places
        self._sentences: list | None = None
        self._chunks: dict[int, str] | None = None
        self._phrases: dict[int, list[tuple[int, int, str]]] = {}
        self._triggers: dict[tuple[int, int], Token | None] = {}

    def trigger_of(self, event: Event) -> Token | None:
        """The head word of the event's trigger (``trigger_token``), found once per trigger: each
        step of ``with_tagged_roles`` asks for it."""
        if event.trigger is None:
            return None
        key = (event.trigger.start, event.trigger.end)
        if key not in self._triggers:
            self._triggers[key] = trigger_token(event, self.doc)
        return self._triggers[key]

    def phrases(self, sentence: int, role: str, region: set[int] | None = None
                ) -> list[tuple[int, int]]:
        """The tagger's (start, end) token phrases of one role; with ``region``, only those
        touching it."""
        if sentence not in self._phrases:
            if self._sentences is None:
                self._sentences = list(self.doc.sents)
                self._chunks = chunk_positions(self.doc)
            self._phrases[sentence] = tag_sentence(self._sentences[sentence], self.actors,
                                                   self._chunks)
        return [(s, e) for s, e, r in self._phrases[sentence]
                if r == role and (region is None or any(i in region for i in range(s, e)))]

    def sides(self, sentence: int, actor: tuple[Actor, ...], recipient: tuple[Actor, ...],
              region: set[int] | None = None, speaker: tuple[int, int] | None = None
              ) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
        """(actor, recipient) with the tagger's phrases (those touching ``region``) in place of
        the rule lists where it has any; a rule actor the tagger reads in the other role leaves
        this one ("X met Y": both are targets in the annotators' reading of a meeting). The one
        who reports the event (``speaker``, char offsets) is no side of it."""
        sources, targets = self.phrases(sentence, "S", region), self.phrases(sentence, "T", region)
        if speaker is not None:
            sources = [(s, e) for s, e in sources if not _inside(self._chars(s, e), speaker)]
        actor = self._role_list(sources, actor, targets)
        recipient = self._role_list(targets, recipient, sources, target=True)
        return actor, tuple(r for r in recipient if r not in actor)

    def _role_list(self, phrases: list[tuple[int, int]], rule: tuple[Actor, ...],
                   other_role: list[tuple[int, int]], target: bool = False) -> tuple[Actor, ...]:
        if not phrases:
            other = [self._chars(s, e) for s, e in other_role]
            return tuple(a for a in rule if not any(_overlaps(a, lo, hi) for lo, hi in other))
        chosen: list[Actor] = []
        for start, end in phrases:
            lo, hi = self._chars(start, end)
            kept = [self._as_phrase(a, start, end) for a in rule if _overlaps(a, lo, hi)]
            chosen += kept or [self._coded(start, end, target)]
        # An actor with no mention (the state of a place attacked) is inferred, not read: it stays.
        chosen += [a for a in rule if a.span is None]
        if not any(a.country or a.sector for a in chosen):
            # phrases that code to nothing do not erase who the rules know takes part ("Mariupol
            # came under Russian control": the tagger's source is the city, the rules' actor Russia)
            other = [self._chars(s, e) for s, e in other_role]
            chosen += [a for a in rule if (a.country or a.sector)
                       and not any(_overlaps(a, lo, hi) for lo, hi in other)]
        return tuple(dict.fromkeys(chosen))

    def _as_phrase(self, actor: Actor, start: int, end: int) -> Actor:
        """A rule actor read inside a tagged phrase, shown as the whole phrase: its coding stands,
        its mention widens to the phrase ("the Iraqi parliament", "Mohammad Radmanish, an Afghan
        defence spokesperson"), as the annotators mark a side: the mention alone drops its
        article and its appositions."""
        span = to_span(self.doc, start, end)
        return replace(actor, text=span.text, span=span)

    def _chars(self, start: int, end: int) -> tuple[int, int]:
        last = self.doc[end - 1]
        return self.doc[start].idx, last.idx + len(last)

    def _coded(self, start: int, end: int, target: bool = False) -> Actor:
        """The phrase as an Actor, coded by its head, else by the known mention around its head
        ("the government of Liberia"; not "Japan's box office": Japan is not its head). A phrase
        whose head gives a country but no sector ("Mohammad Radmanish, an Afghan defence
        spokesperson") takes the sector of a mention in apposition to its head, of that country."""
        phrase = self.doc[start:end]
        actor = actor_from_span(phrase, self.article)
        if actor.country and actor.sector:
            return actor
        head = phrase.root.idx
        inner = next((a for a in self.actors if a.span and a.span.start <= head < a.span.end
                      and (a.country or a.sector)), None)
        if actor.country or actor.sector:
            inner = inner if inner is not None and inner.sector else self._appositive(phrase)
            if inner is None or inner.country not in {None, actor.country} or not inner.sector:
                return actor
            return replace(actor, name=inner.name, country=actor.country or inner.country,
                           sector=inner.sector)
        if inner is None:
            return self._target_country(phrase, actor) if target else actor
        return replace(actor, name=inner.name, country=inner.country, sector=inner.sector)

    def _target_country(self, phrase, actor: Actor) -> Actor:
        """An uncoded target phrase, given the country it is aimed at: the country naming its
        head's owner ("praised Haiti's efforts", "agreed to US mediation", "a blockade on
        Palestinian lorries"), else that of the place it names ("arrived in Amman"). No sector:
        it stays no participant that lets an event through (``event_conditions.needs_hold``)."""
        countries = actor_lexicon().countries
        for token in phrase.root.lefts:
            if token.dep_ in _OWNER_DEPS and phrase.start <= token.i:
                name = token.lower_.removesuffix("'s").removesuffix("’s")
                code = countries.get(name) or countries.get(token.lemma_.lower())
                if code:
                    return replace(actor, country=code)
        lo, hi = self._chars(phrase.start, phrase.end)
        iso3 = actor_lexicon().iso3
        for place in self.places:
            if lo <= place.span.start and place.span.end <= hi and place.country:
                code = iso3.get(place.country.upper())
                if code:
                    return replace(actor, country=code)
        return actor

    def _appositive(self, phrase) -> Actor | None:
        """The coded mention heading an apposition to the phrase's head, inside the phrase."""
        for token in phrase.root.children:
            if token.dep_ != "appos" or not (phrase.start <= token.i < phrase.end):
                continue
            found = next((a for a in self.actors if a.span and a.sector
                          and a.span.start <= token.idx < a.span.end), None)
            if found is not None:
                return found
        return None


def doer_token(token: Token) -> Token | None:
    """The subject of a verb trigger, or of the verb a noun trigger hangs on ("X launched attacks",
    "X claimed responsibility for the attack": four steps up, the noun, its preposition, the
    light noun, the verb)."""
    verb = token
    for _ in range(4):
        if verb.pos_ in {"VERB", "AUX"}:
            return subject_of(verb)[0]
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return None


def event_sides(event: Event, tagged: TaggedRoles, alone: bool
                ) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    """The event's (actor, recipient) as the tagger reads its sentence.

    The tagger reads whole sentences, the rules one trigger. Its phrases speak of this event
    when one of them lies inside the trigger's own phrase or holds the doer the parse finds for
    it; when none does ("said Putin ... after the leader met with top generals"), the rule lists
    stand. When several events share the sentence ("the country failed to occupy Kyiv and
    Ukraine has retaken territory"), each takes only the phrases inside its own region; an event
    ``alone`` in its sentence takes them all (the source is often the one who speaks), but for
    a material act whose clause has a doer of its own the speaker is no side (``_speaker``).
    """
    sentence = event.evidence.sentence
    word = tagged.trigger_of(event)
    if word is None:
        return event.actor, event.recipient
    region = trigger_region(word)
    if not any(tagged.phrases(sentence, role, region) for role in ("S", "T")):
        return event.actor, event.recipient
    if any(s <= i < e for s, e in tagged.phrases(sentence, "S", region) for i in _patients(word)):
        return event.actor, event.recipient  # "Ian Brown was arrested": the passive's subject is no doer
    speaker = _speaker(event)
    doer = doer_token(word)
    if (event_lexicon().quad.get(event.type) not in MATERIAL_QUADS or doer is None or doer.pos_ == "PRON"
            or (speaker and speaker[0] <= doer.idx < speaker[1])):
        # The speaker may be the doer: "The Pentagon said it hit five bases", "Turkey and Russia
        # announced a ceasefire"; and a verbal act reported by another ("A Turkish official says
        # Trump has accepted ...") has the speaker for its source in the annotators' reading. Only
        # a material act in a clause with a doer of its own ("X said Russian forces carried out
        # a strike") is no act of the speaker's.
        speaker = None
    return tagged.sides(sentence, event.actor, event.recipient, None if alone else region,
                        speaker=speaker)


def _speaker(event: Event) -> tuple[int, int] | None:
    """Where the one the event is attributed to is named, when it is named in the event's own
    sentence: "Tucker Carlson said ... Russia's barbaric invasion" reports an invasion by Russia,
    and "Mr Kirby said Ukraine combined information that the US provided" aid by the US, though
    the tagger, trained on sentences whose event is the saying, reads the speaker as the source."""
    source = event.attribution.source if event.attribution is not None else None
    if source is None or source.span is None:
        return None
    if not (event.evidence.start <= source.span.start and source.span.end <= event.evidence.end):
        return None
    return source.span.start, source.span.end


def _inside(phrase: tuple[int, int], speaker: tuple[int, int]) -> bool:
    """The phrase names the speaker: it lies within the speaker's mention or holds it."""
    (lo, hi), (s_lo, s_hi) = phrase, speaker
    return (s_lo <= lo and hi <= s_hi) or (lo <= s_lo and s_hi <= hi)


def _patients(verb: Token) -> set[int]:
    """The subject of a passive with no "by" phrase, the one the act was done to ("Ian Brown was
    arrested"); none for a stance said in the present ("Israel is opposed to the mediation")."""
    children = list(verb.children)
    if any(c.dep_ == "agent" for c in children):
        return set()
    stance = any(c.dep_ == "auxpass" and c.lower_ in ("is", "are", "am", "'s", "'re") for c in children) \
        and any(c.dep_ == "prep" and c.lower_ == "to" for c in children)
    return set() if stance else {c.i for c in children if c.dep_ == "nsubjpass"}


def trigger_region(trigger: Token) -> set[int]:
    """Token indices of the trigger's phrase and of its doer's: where its sides are named. A
    pronoun doer's side is named by the subject of the clause that reports it ("Myanmar's
    government said it would allow UN agencies access": the tagger's source is the government)."""
    region = {t.i for t in trigger.subtree}
    doer = doer_token(trigger)
    if doer is not None:
        region |= {t.i for t in doer.subtree}
        antecedent = reporting_subject(doer) if doer.pos_ == "PRON" else None
        if antecedent is not None:
            region |= {t.i for t in antecedent.subtree}
    return region


def trigger_token(event: Event, doc: Doc) -> Token | None:
    """The head word of the event's trigger in the parse, if it has one."""
    if event.trigger is None:
        return None
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return None if span is None else span.root


def with_tagged_roles(events: list[Event], tagged: TaggedRoles) -> list[Event]:
    """Each event with its actor and recipient lists re-read by the tagger (``event_sides``)."""
    per_sentence = Counter(e.evidence.sentence for e in events)
    result = []
    for event in events:
        actor, recipient = event_sides(event, tagged, per_sentence[event.evidence.sentence] == 1)
        actor, recipient = (_as_tagged(side, tagged, event, role)
                            for side, role in ((actor, "S"), (recipient, "T")))
        actor, recipient = _with_named_doer(event, tagged, actor, recipient)
        talked_of = _without_commenter(actor, event, tagged)
        if talked_of != actor and not talked_of and not recipient:
            continue  # an act only talked about, with no side left to it
        actor = talked_of
        recipient = tuple(r for r in recipient if r not in actor and not _holds_trigger(r, event))
        if not recipient:
            recipient = _object_phrase(event, tagged, actor)
        home = _home_country(event, actor + recipient, tagged)
        if home is not None:
            actor, recipient = (tuple(_at_home(a, home) for a in side)
                                for side in (actor, recipient))
        violent = event_lexicon().quad.get(event.type) == MATERIAL_CONFLICT
        home = None if violent else _doers_country(actor)
        if home is not None:
            recipient = tuple(_at_home(a, home) for a in recipient)
        actor, recipient = (tuple(_with_article(a, tagged.doc) for a in side)
                            for side in (actor, recipient))
        result.append(replace(event, actor=actor, recipient=recipient))
    return result


def _holds_trigger(party: Actor, event: Event) -> bool:
    """The party's phrase is the act itself ("defended the withdrawal from Kherson" is no
    withdrawal from the withdrawal)."""
    return (party.span is not None and event.trigger is not None
            and party.span.start <= event.trigger.start and event.trigger.end <= party.span.end)


def named_doer(trigger: Token) -> Token | None:
    """Who the trigger's own words name as doing it: the "by" agent of a passive verb ("the
    artillery promised by the US and UK"), the owner or "by" phrase of an event noun ("Russia's
    invasion", "air attacks by Russia"). The rules (``event_roles``) take these as the actor too;
    here they decide between the rules and the tagger."""
    if trigger.pos_ in {"VERB", "AUX"}:
        by = next((c for c in trigger.children if c.dep_ == "agent"), None)
    else:
        owner = next((c for c in trigger.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
        by = next((c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    return None if by is None else next((c for c in by.children if c.dep_ == "pobj"), None)


def _with_named_doer(event: Event, tagged: TaggedRoles, actor: tuple[Actor, ...],
                     recipient: tuple[Actor, ...]) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    """The sides when the trigger's own words name its doer and the rules coded it: that doer is
    the actor, whatever the tagger read. The tagger reads a sentence's main event, and the
    annotators' passives are few: it takes "the US" in "promised by the US" for the target, and
    the subject of "Zelenskyy made a plea in response to air attacks by Russia" for the doer."""
    trigger = tagged.trigger_of(event)
    doer = named_doer(trigger) if trigger is not None else None
    if doer is None:
        return actor, recipient
    lo, hi = tagged._chars(doer.left_edge.i, doer.right_edge.i + 1)
    named = [a for a in event.actor if _overlaps(a, lo, hi)]
    if not named:
        return actor, recipient
    read = [a for a in actor if _overlaps(a, lo, hi)]
    actor = tuple(dict.fromkeys(read + [a for a in named if not any(
        r.span.start <= a.span.start and a.span.end <= r.span.end for r in read)]))
    recipient = tuple(r for r in recipient if not _overlaps(r, lo, hi))
    if trigger.pos_ not in {"VERB", "AUX"}:
        # the noun's phrase says on whom too ("In the lead-up to Russia's invasion of Ukraine, he
        # defended Putin": Putin is no target of the invasion)
        t_lo, t_hi = tagged._chars(trigger.left_edge.i, trigger.right_edge.i + 1)
        inside = tuple(r for r in recipient if r.span is None or _overlaps(r, t_lo, t_hi))
        recipient = inside or tuple(r for r in event.recipient if not _overlaps(r, lo, hi))
    return actor, recipient


# Verbs whose object is an act talked about, not done: "blamed the attack on Ukraine", "has not
# commented on the latest attack", "condemned the shelling".
_TALK_VERBS = {"blame", "comment", "condemn", "denounce", "deplore", "deny", "discuss", "report",
               "investigate", "claim", "confirm", "praise", "criticise", "criticize"}


def _without_commenter(actor: tuple[Actor, ...], event: Event, tagged: TaggedRoles) -> tuple[Actor, ...]:
    """The actor of an act named by a noun, less whoever only talks about it: the subject of the
    verb whose object the noun is ("The Kremlin has blamed the attack on Ukraine" is no attack by
    the Kremlin, "Ukraine has not commented on the latest attack" none by Ukraine)."""
    if not actor:
        return actor
    noun = tagged.trigger_of(event)
    if noun is None or noun.pos_ == "VERB":
        return actor
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    if noun.dep_ not in {"dobj", "pobj"} or verb.lemma_.lower() not in _TALK_VERBS:
        return actor
    subject, _ = subject_of(verb)
    if subject is None:
        return actor
    lo, hi = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
    return tuple(a for a in actor if a.span is None or not (a.span.start < hi and lo < a.span.end))


def _as_tagged(side: tuple[Actor, ...], tagged: TaggedRoles, event: Event, role: str
               ) -> tuple[Actor, ...]:
    """The side less the rule parties the tagger does not read in this role, where it reads
    some party in it anywhere in the sentence: all such parties of an event at a noun, whose
    parties the parse often takes from another clause ("his weekend arrest" in "a court freed
    the pastor following his weekend arrest": his is no arrester; "an attack officials blamed on
    the militants"), but for a named party modifying the noun ("exposed to Russian shelling") or
    doing it by a light verb ("Russian forces carried out a missile strike"),
    and a pronoun of an event at a verb ("unless it can prove it was not breaking sanctions"). A
    verb's named subject stays: the tagger reads the sentence's main event, and the subject of
    another clause ("when Idi Amin expelled them") is this one's doer."""
    phrases = [tagged._chars(s, e) for s, e in tagged.phrases(event.evidence.sentence, role)]
    trigger = tagged.trigger_of(event)
    if not phrases or trigger is None:
        return side
    at_noun = trigger.pos_ != "VERB"
    doer = doer_token(trigger) if at_noun else None

    def read_elsewhere(actor: Actor) -> bool:
        if actor.span is None or any(_overlaps(actor, lo, hi) for lo, hi in phrases):
            return False
        mention = tagged.doc.char_span(actor.span.start, actor.span.end, alignment_mode="expand")
        if mention is None:
            return False
        pronoun = len(mention) == 1 and mention.root.pos_ == "PRON"
        if at_noun:
            held = doer is not None and mention.start <= doer.i < mention.end
            return pronoun or not (held or _modifies(mention.root, trigger))
        return pronoun

    return tuple(a for a in side if not read_elsewhere(a))


def _modifies(party: Token, noun: Token) -> bool:
    """The party names the noun trigger's doer within its own phrase ("Russian shelling", "US
    sanctions", "Russia's attack"); a possessive pronoun may be its patient ("his arrest")."""
    return party.head.i == noun.i and party.dep_ in {"amod", "compound", "nmod", "poss"}


_ARTICLE_DEPS = {"det", "predet"}


def _with_article(actor: Actor, doc: Doc) -> Actor:
    """The side's mention with the article or possessive pronoun that opens its noun phrase ("the
    Pentagon", "any U.S. troops", "their Chinese counterparts"): the actors stage shows a mention
    without it, the annotators mark a side with it (in 95% of ConfliBERT train phrases that
    follow one)."""
    if actor.span is None:
        return actor
    span = doc.char_span(actor.span.start, actor.span.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return actor
    before = doc[span.start - 1]
    opens = before.dep_ in _ARTICLE_DEPS or (before.dep_ == "poss" and before.pos_ == "PRON")
    if not opens or not span.start <= before.head.i < span.end:
        return actor
    wider = to_span(doc, span.start - 1, span.end)
    return replace(actor, text=wider.text, span=wider)


def _home_country(event: Event, parties: tuple[Actor, ...], tagged: TaggedRoles) -> str | None:
    """The one country the event's sentence names that none of its parties holds, when some
    party of a known kind has no country ("President Abdelaziz Bouteflicka threatened to institute
    a curfew in Algiers"): a leader or body named without its country acts at home."""
    if not any(_homeless(a) for a in parties):
        return None
    lo, hi = event.evidence.start, event.evidence.end
    named = {a.country for a in tagged.actors if a.country and a.span and lo <= a.span.start < hi}
    iso3 = actor_lexicon().iso3
    named |= {iso3.get(p.country.upper()) for p in tagged.places
              if p.country and lo <= p.span.start < hi}
    left = named - {None} - {a.country for a in parties}
    return left.pop() if len(left) == 1 else None


def _homeless(actor: Actor) -> bool:
    """A party of a known kind with no country; an international body ("the European Union",
    "NATO") has no home country to act in."""
    return bool(actor.sector and not actor.country and actor.span) and actor.sector != "IGO"


def _at_home(actor: Actor, country: str) -> Actor:
    return replace(actor, country=country) if _homeless(actor) else actor


def _doers_country(actor: tuple[Actor, ...]) -> str | None:
    """The one country of the event's actors, which a recipient of a known kind named without a
    country shares: a state's word or non-violent act towards its own rebels, parties, workers or
    officials is domestic, as the coders read it ("The Sudanese government has accused Darfur
    rebels": Sudanese rebels; "the Serbian parliament approved a law recognizing victories by
    Zoran Djindjic's opposition coalition": a Serbian party). None when an international body
    acts: it has no home. Not for violence: "Russian forces killed 12 civilians" says nothing of
    whose civilians."""
    countries = {a.country for a in actor if a.country}
    if len(countries) != 1 or any(a.sector == "IGO" for a in actor):
        return None
    return countries.pop()


# Prepositions whose object is whom a verb's act is done to or done with.
_OBJECT_PREPS = {"to", "with", "against", "on", "for", "upon"}
# Prepositions by which a thing names the party it concerns ("a ban on imports of British beef",
# "the demands of the protesting truck drivers", "a ceasefire in Tripoli").
_CONCERNS_PREPS = {"of", "on", "from", "against", "in", "to", "with", "for"}
# Parts of an object's phrase that say more about it, not who it is ("another ethnic Chechen who
# had fought on the Ukrainian side": the annotators mark "another ethnic Chechen").
_TRAILING_DEPS = {"relcl", "acl", "punct", "cc", "conj", "appos", "advcl"}
_PARTY_ENTITIES = {"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"}


def _object_phrase(event: Event, tagged: TaggedRoles, actor: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """The recipient of an event that has none: the party its trigger's object names, coded or
    not ("Armenian police detained dozens of demonstrators in Yerevan", "provided peacekeeping
    training to AMISOM"), or the party a thing as object concerns ("lifted a ban on veteran
    leader Silvio Berlusconi"); nothing for an object that names no party ("reduced tariffs")."""
    trigger = tagged.trigger_of(event)
    if trigger is None:
        return ()
    # what a mobilization moves is its own side ("Russia sent troops into Ukraine")
    direct = {"dative"} if event.type == "MOBILIZE" else {"dobj", "obj", "dative"}
    objects = [c for c in trigger.children if c.dep_ in direct]
    objects += [g for c in trigger.children if c.dep_ in {"prep", "dative"} and c.lower_ in _OBJECT_PREPS
                for g in c.children if g.dep_ == "pobj"]  # "provided training to AMISOM": dative
    for token in objects:
        party = _party_in(token, tagged)
        if party is None:
            continue
        end = max([party.i] + [c.right_edge.i for c in party.rights if c.dep_ not in _TRAILING_DEPS]) + 1
        lo, hi = tagged._chars(party.left_edge.i, end)
        if any(_overlaps(a, lo, hi) for a in actor):
            continue
        return (tagged._coded(party.left_edge.i, end, target=True),)
    return ()


def _party_in(token: Token, tagged: TaggedRoles, depth: int = 0) -> Token | None:
    """The head of the phrase naming a party in the noun phrase ``token`` heads: itself when it
    names one (a name, a people, an agent noun, a coded actor; a count of one: "dozens of
    demonstrators"), else the nearest party its prepositions name."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    if _names_party(token, tagged):
        return token
    parts = token.like_num or token.lemma_.lower() in PART_WORDS
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in _CONCERNS_PREPS):
        for inner in (g for g in prep.children if g.dep_ == "pobj"):
            found = _party_in(inner, tagged, depth + 1) if depth < 2 else None
            if found is not None:
                return token if parts and prep.lower_ == "of" else found
    return None


def _names_party(token: Token, tagged: TaggedRoles) -> bool:
    if token.ent_type_ in _PARTY_ENTITIES or token.lemma_.lower() in PEOPLE_NOUNS:
        return True
    if token.lemma_.lower() in actor_lexicon().agents or token.lower_ in actor_lexicon().agents:
        return True
    return any(a.span and a.span.start <= token.idx < a.span.end and (a.country or a.sector)
               for a in tagged.actors)
