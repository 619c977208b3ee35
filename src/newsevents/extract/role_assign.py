"""An event's actor and recipient lists, re-read from the role tagger's phrases of its sentence.

The parse gives each trigger its subject and object, but only those the actor dictionaries can
code, and only where the parse attaches them to the trigger. The role tagger (``role_tagger``)
proposes the sentence's source and target phrases whatever they are. Which phrases speak of which
event is decided in ``event_sides``. Per role, when phrases are proposed, they become the list: a
rule actor overlapping a phrase is kept as it was (its coding and mention stand), any other phrase
is coded from the actor dictionaries (``actor_from_span``), borrowing the coding of the known
actor mention holding its head when the head alone codes to nothing. When the tagger proposes
nothing for a role, the rule list stands, less any actor it reads in the other role.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from newsevents.extract.actors import actor_from_span
from newsevents.extract.event_roles import subject_of
from newsevents.extract.role_tagger import chunk_positions, tag_sentence
from newsevents.records import Actor, Article, Event, replace


def _overlaps(actor: Actor, lo: int, hi: int) -> bool:
    return actor.span is not None and actor.span.start < hi and lo < actor.span.end


class TaggedRoles:
    """The tagger's phrases per sentence of one document, tagged on first use."""

    def __init__(self, doc: Doc, article: Article, actors: tuple[Actor, ...]):
        self.doc, self.article, self.actors = doc, article, actors
        self._sentences: list | None = None
        self._chunks: dict[int, str] | None = None
        self._phrases: dict[int, list[tuple[int, int, str]]] = {}

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
              region: set[int] | None = None) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
        """(actor, recipient) with the tagger's phrases (those touching ``region``) in place of
        the rule lists where it has any; a rule actor the tagger reads in the other role leaves
        this one ("X met Y": both are targets in the annotators' reading of a meeting)."""
        sources, targets = self.phrases(sentence, "S", region), self.phrases(sentence, "T", region)
        actor = self._role_list(sources, actor, targets)
        recipient = self._role_list(targets, recipient, sources)
        return actor, tuple(r for r in recipient if r not in actor)

    def _role_list(self, phrases: list[tuple[int, int]], rule: tuple[Actor, ...],
                   other_role: list[tuple[int, int]]) -> tuple[Actor, ...]:
        if not phrases:
            other = [self._chars(s, e) for s, e in other_role]
            return tuple(a for a in rule if not any(_overlaps(a, lo, hi) for lo, hi in other))
        chosen: list[Actor] = []
        for start, end in phrases:
            lo, hi = self._chars(start, end)
            kept = [a for a in rule if _overlaps(a, lo, hi)]
            chosen += kept or [self._coded(start, end)]
        # An actor with no mention (the state of a place attacked) is inferred, not read: it stays.
        chosen += [a for a in rule if a.span is None]
        if not any(a.country or a.sector for a in chosen):
            # phrases that code to nothing do not erase who the rules know takes part ("Mariupol
            # came under Russian control": the tagger's source is the city, the rules' actor Russia)
            other = [self._chars(s, e) for s, e in other_role]
            chosen += [a for a in rule if (a.country or a.sector)
                       and not any(_overlaps(a, lo, hi) for lo, hi in other)]
        return tuple(dict.fromkeys(chosen))

    def _chars(self, start: int, end: int) -> tuple[int, int]:
        last = self.doc[end - 1]
        return self.doc[start].idx, last.idx + len(last)

    def _coded(self, start: int, end: int) -> Actor:
        """The phrase as an Actor, coded by its head, else by the known mention around its head
        ("the government of Liberia"; not "Japan's box office": Japan is not its head)."""
        phrase = self.doc[start:end]
        actor = actor_from_span(phrase, self.article)
        if actor.country or actor.sector:
            return actor
        head = phrase.root.idx
        inner = next((a for a in self.actors if a.span and a.span.start <= head < a.span.end
                      and (a.country or a.sector)), None)
        if inner is None:
            return actor
        return replace(actor, name=inner.name, country=inner.country, sector=inner.sector)


def doer_token(token: Token) -> Token | None:
    """The subject of a verb trigger, or of the verb a noun trigger hangs on ("X launched attacks",
    "X claimed responsibility for the attack")."""
    verb = token
    for _ in range(3):
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
    ``alone`` in its sentence takes them all (the source is often the one who speaks).
    """
    sentence = event.evidence.sentence
    span = None
    if event.trigger is not None:
        span = tagged.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None:
        return event.actor, event.recipient
    region = trigger_region(span.root)
    if not any(tagged.phrases(sentence, role, region) for role in ("S", "T")):
        return event.actor, event.recipient
    return tagged.sides(sentence, event.actor, event.recipient, None if alone else region)


def trigger_region(trigger: Token) -> set[int]:
    """Token indices of the trigger's phrase and of its doer's: where its sides are named."""
    region = {t.i for t in trigger.subtree}
    doer = doer_token(trigger)
    if doer is not None:
        region |= {t.i for t in doer.subtree}
    return region


def with_tagged_roles(events: list[Event], tagged: TaggedRoles) -> list[Event]:
    """Each event with its actor and recipient lists re-read by the tagger (``event_sides``)."""
    per_sentence = Counter(e.evidence.sentence for e in events)
    result = []
    for event in events:
        actor, recipient = event_sides(event, tagged, per_sentence[event.evidence.sentence] == 1)
        recipient = tuple(r for r in recipient if r not in actor)
        result.append(replace(event, actor=actor, recipient=recipient))
    return result
