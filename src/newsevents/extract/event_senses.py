"""Word senses a trigger's lexicon line cannot tell apart, read from the parse around it: a
warning that threatens or one that informs, being "met with" approval, an object that is the
doer again ("killed himself"), a sentence that asks rather than reports, and wordings that
name an act without reporting one: a rate ("3,000 visits a year"), a cause ruled out ("not due
to an attack"), what someone needs to do, nobody there to do it.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

# Words that put a warned-of clause ahead of its warning ("would", "could", "if ...").
_AHEAD = {"will", "would", "'ll", "wo", "shall", "could", "can", "may", "might", "if", "unless"}
# Verbs of an amount changing: what a warning says "could rise" is a forecast, not a threat.
_AMOUNT_CHANGES = {"rise", "fall", "increase", "decrease", "grow", "double", "triple", "climb",
                   "soar", "drop", "decline", "reach", "top", "exceed", "surge", "slump"}


def warns_ahead(token: Token) -> bool:
    """A warning that threatens: someone is warned ("warned Russia"), of or against something,
    or its that-clause says what may come ("warned it would retaliate"); a that-clause about
    what is so ("warned that a virus is being spread", "that there were no guarantees") informs."""
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    if not clauses or any(c.dep_ in {"dobj", "obj", "dative"} for c in token.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ in {"of", "against"} for c in token.children):
        return True
    for clause in clauses:
        if clause.lemma_.lower() in _AMOUNT_CHANGES:
            continue  # "warned that the number killed could rise": a forecast, which nobody does
        if any(c.dep_ == "aux" and c.lower_ in _AHEAD for c in clause.children):
            return True
        if any(m.dep_ == "mark" and m.lower_ in _AHEAD for c in clause.children if c.dep_ == "advcl"
               for m in c.children):
            return True  # "warned that MEPs will not ratify ... if no agreement is secured"
    return False


_REFLEXIVES = {"himself", "herself", "itself", "themselves", "myself", "yourself", "ourselves"}


def reflexive_object(token: Token) -> bool:
    return any(c.dep_ in {"dobj", "obj"} and c.lower_ in _REFLEXIVES for c in token.children)


def passive(token: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children)


def met_with(token: Token) -> bool:
    """"The plan was met with criticism": a reception, not a meeting."""
    return passive(token) and any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)


def is_question(sent) -> bool:
    """A sentence that asks ("what aid group could give ...?") reports nothing that happened."""
    words = [t for t in sent if not t.is_space and not t.is_quote]
    return bool(words) and words[-1].text == "?"


_TIME_UNITS = {"year", "month", "week", "day", "hour"}


def habitual(token: Token) -> bool:
    """Acts counted at a rate ("make 3,000 visits a year", "200 raids per month") keep happening;
    no one of them is an event. Said of a noun trigger or of the verb it is the object of (of a
    verb, the rate is often an amount's: "wanted to provide $10bn a year")."""
    if token.pos_ != "NOUN":
        return False
    holders = [token] + ([token.head] if token.dep_ in {"dobj", "obj"} else [])
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "npadvmod" and child.lemma_.lower() in _TIME_UNITS and any(
                d.dep_ == "det" and d.lower_ in {"a", "an", "per"} for d in child.children
            ):
                return True
            if child.dep_ == "prep" and child.lower_ == "per" and any(
                g.lemma_.lower() in _TIME_UNITS for g in child.children
            ):
                return True
    return False


# Words that hold an event as its occasion or its count, not as a topic: "took part in a protest",
# "a wave of attacks", "a round of talks" still report the protest, the attacks, the talks; so does
# "claimed responsibility for the attack", "responsible for mass killings".
_CARRIERS = {"part", "wave", "series", "spate", "string", "round", "rash", "campaign", "day",
             "course", "wake", "midst", "aftermath", "scene", "site", "case", "face",
             "responsibility", "responsible"}


def named_in_passing(token: Token) -> bool:
    """A noun event named inside another phrase, as what a person, a feeling or a time is of or
    for ("victims of the suicide attacks", "highly critical of the US-led invasion", "the best
    year for the capture, arrest and sentencing of virus writers"): the sentence reports
    something else and mentions the act as background. Not when the noun is what a light noun
    carries ("took part in a protest", "a wave of attacks")."""
    if token.pos_ != "NOUN":
        return False
    head = token
    while head.dep_ == "conj" and head.head is not head:
        head = head.head  # "the capture, arrest and sentencing of ...": the list's first noun
    preposition = head.head
    if head.dep_ != "pobj" or preposition.dep_ != "prep" or preposition.lower_ not in {"of", "for"}:
        return False
    holder = preposition.head
    return holder.pos_ in {"NOUN", "ADJ"} and holder.lemma_.lower() not in _CARRIERS


_CAUSE_WORDS = {"due", "cause", "result"}


def ruled_out_cause(token: Token) -> bool:
    """An attack named as a cause the sentence rules out ("the outage was not due to an attack",
    "was not the result of an attack", "was not caused by an attack"): nothing happened, so there
    is no event to code. The cause word must be what is denied (the predicate the negation sits
    on), not a reason given for something else that did not happen."""
    if token.pos_ != "NOUN":
        return False
    node = token
    for _ in range(4):
        node = node.head
        if node.lemma_.lower() in _CAUSE_WORDS:
            break
        if node.dep_ not in {"prep", "pobj", "agent"} and node.pos_ != "ADP":
            return False
    else:
        return False
    if node.dep_ not in {"acomp", "attr"} and not (node.lemma_.lower() == "cause" and passive(node)):
        return False
    chain = [node]
    while chain[-1].dep_ in {"acomp", "attr", "xcomp"} and chain[-1].head is not chain[-1]:
        chain.append(chain[-1].head)
    return any(c.dep_ == "neg" for n in chain for c in n.children)


def only_needed(token: Token) -> bool:
    """ "The government needs to provide facilities": what someone needs to do is an opinion of
    what should happen, not a plan its doer voiced or an act that happened."""
    return token.dep_ == "xcomp" and token.head.lemma_.lower() == "need"


def nobody_to_do(token: Token) -> bool:
    """ "There were no officials to discuss the plans": the one who would act is said to be absent."""
    infinitive = token.dep_ in {"acl", "relcl"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    return infinitive and any(c.dep_ == "det" and c.lower_ == "no" for c in token.head.children)


_OPENERS = {'"', "“", "‘", "'", "``", "(", "[", ":", "-", "–", "—", "*", "•"}


def in_a_title(token: Token) -> bool:
    """A capitalised word inside a sentence written in ordinary case names something: a film,
    an album, a game or a body ("Kill Bill", "Attack of the Clones", "the Volatiles Investigating
    Polar Exploration Rover"), not an act. Not the sentence's first word, nor one after an opening
    quote or a colon (where speech may begin), nor in a sentence written in headline case, where
    capitals tell nothing ("U.S. Lifts Travel Ban to Lebanon")."""
    if not token.text[:1].isupper() or token.is_upper or token.i == token.sent.start:
        return False
    if token.doc[token.i - 1].text in _OPENERS:
        return False
    # Headline case capitalises every content word; ordinary case leaves some in lower case.
    return any(t.is_alpha and t.text.islower() and not t.is_stop for t in token.sent)


# Newsroom formulas about asking for comment: the outlet's own enquiry, never a political act.
_FOR_COMMENT = re.compile(
    r"\b(?:request|requests|asked|reached|reach|contacted)\b[^.]{0,40}\bfor comment\b"
    r"|\bdeclined to comment\b", re.IGNORECASE)


def asks_for_comment(sent) -> bool:
    """ "X did not immediately respond to a request for comment", "declined to comment"."""
    return _FOR_COMMENT.search(sent.text) is not None

