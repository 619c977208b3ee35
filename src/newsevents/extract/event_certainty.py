"""How sure the text is that an event happened, and on whose word.

Certainty comes from the trigger's clause and the clauses above it: negation or "failed to" ->
denied; modals and verbs of intent -> future or hypothetical; "reportedly" -> reported;
"claiming that" -> claimed; else the attribution whose claim covers the trigger (a report,
a quote) makes it reported or whatever that attribution says.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsevents.extract.times import event_date
from newsevents.records import Article, Attribution, Span, TimeRef

FUTURE_MODALS = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_MODALS = {"would", "could", "might", "may", "should", "must", "can", "ca", "ought"}
INTENT_VERBS = {"plan", "intend", "want", "seek", "prepare", "aim", "hope", "expect", "threaten",
                "vow", "promise", "pledge", "wish", "propose", "consider", "need", "decide", "agree",
                "offer", "prepare", "ready", "willing"}
ATTEMPT_VERBS = {"try", "attempt", "seek"}
FAIL_VERBS = {"fail", "refuse", "decline", "cease", "stop", "abandon"}
# The same, said with a noun the trigger completes ("its ambitions to capture Kyiv", "a bid to
# retake the city", "the failure to hold it"): a plan, an attempt or a failure, not a deed.
INTENT_NOUNS = {"plan", "ambition", "intention", "intent", "aim", "goal", "wish", "desire", "hope",
                "threat", "pledge", "promise", "vow", "readiness", "willingness", "decision",
                "proposal", "scheme", "dream"}
ATTEMPT_NOUNS = {"attempt", "bid", "effort", "push", "drive", "offensive", "campaign", "operation",
                 "mission", "try", "struggle", "fight", "battle"}
FAIL_NOUNS = {"failure", "inability", "refusal"}
CLAIM_VERBS = {"claim", "allege", "insist", "purport", "assert", "pretend"}
REPORTED_ADVERBS = {"reportedly", "purportedly", "apparently", "supposedly"}
CLAIMED_ADVERBS = {"allegedly"}
HEDGE_ADVERBS = {"possibly", "probably", "perhaps", "likely", "maybe"}
_CLAUSE_UP = {"acomp", "xcomp", "conj", "advcl", "ccomp", "acl", "relcl", "pcomp", "dobj", "pobj", "prep"}


def _chain(trigger: Token) -> list[tuple[Token, str]]:
    """The trigger and the words above it in its sentence, nearest first, each with the
    dependency by which the one below hangs from it ("xcomp" for "failed to occupy")."""
    chain = [(trigger, "")]
    node = trigger
    while (node.dep_ in _CLAUSE_UP and node.head.i != node.i and len(chain) < 6
           and not _describes(node) and not _in_adjunct(node)):
        chain.append((node.head, node.dep_))
        node = node.head
    return chain


def _describes(verb: Token) -> bool:
    """The clause tells what a noun's referent does or did ("the Russian military occupying the
    city", "the troops who shelled it"): whatever the sentence says of that noun ("refused to
    cooperate with the Russian military ...") does not make the act denied, hoped for or
    hypothetical. An infinitive ("its bid to retake the city") is no such clause."""
    return verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ in {"VBG", "VBN"})


# Prepositions of cause and time: what they name is the background of the clause, not in it.
_ADJUNCT_PREPS = {"because", "after", "before", "since", "during", "amid", "amidst", "following",
                  "despite", "throughout", "until"}


def _in_adjunct(node: Token) -> bool:
    """ "It's not business as usual because of Russia's invasion", "Prices did not fall after the
    attack": the clause's negation or mood does not reach the act its adjunct names."""
    return node.dep_ == "pobj" and node.head.lower_ in _ADJUNCT_PREPS


def _noun_completed(verb: Token) -> str | None:
    """The lemma of the noun an infinitive completes ("ambitions to capture"), read from the
    surface: the small parser hangs "to capture" on the main verb as often as on the noun."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to" and c.i < verb.i), None)
    if to is None or to.i == 0:
        return None
    before = verb.doc[to.i - 1]
    return before.lemma_.lower() if before.pos_ == "NOUN" else None


# Past-tense speech verbs whose "would" is a reported "will" ("said they would boycott").
_REPORTING_VERBS = {"say", "tell", "announce", "state", "declare", "warn", "add", "insist", "stress",
                    "reiterate", "indicate", "confirm"}


def reported_will(verb: Token) -> bool:
    """ "Palestinian leaders said they would boycott ...": the "would" of a clause a past-tense
    speech verb reports, about the speakers themselves (a pronoun subject), is their "will", a
    plan voiced, not a hypothesis. About others ("said the EU's changes would force Britain")
    it is a forecast."""
    head = verb.head
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return (verb.dep_ == "ccomp" and head.tag_ == "VBD" and head.lemma_.lower() in _REPORTING_VERBS
            and subject is not None and subject.lower_ in _SPEAKER_PRONOUNS)


_SPEAKER_PRONOUNS = {"he", "she", "it", "they", "we", "i"}


def certainty_of(trigger: Token) -> tuple[str, tuple[str, ...]]:
    """(certainty, extra context) read from the parse around the trigger."""
    chain = _chain(trigger)
    context: tuple[str, ...] = ()
    for depth, (node, link) in enumerate(chain):
        children = list(node.children)
        if link == "conj":
            break  # "failed to occupy X and has retaken Y": the second verb stands on its own
        lemma = node.lemma_.lower()
        if any(c.dep_ == "neg" for c in children) and depth <= 2:
            return "denied", context
        if depth > 0 and lemma in FAIL_VERBS and link == "xcomp":
            return "denied", ("failed",) if lemma == "fail" else ()
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in children):
            return "hypothetical", context
        modals = {c.lower_ for c in children if c.dep_ == "aux"}
        if (modals & FUTURE_MODALS or "would" in modals and reported_will(node)) and depth <= 1:
            return "future", context
        if modals & HYPOTHETICAL_MODALS and depth <= 1:
            return "hypothetical", context
        if depth > 0 and lemma in INTENT_VERBS and link in {"xcomp", "ccomp", "acomp"}:
            return "future", context
        if depth > 0 and lemma in ATTEMPT_VERBS and link == "xcomp":
            return "hedged", context
        if depth > 0 and lemma in CLAIM_VERBS:
            return "claimed", context
        noun = _noun_completed(node) if depth <= 1 else None
        if noun is not None:
            if noun in FAIL_NOUNS:
                return "denied", ("failed",) if noun == "failure" else ()
            if noun in INTENT_NOUNS:
                return "future", context
            if noun in ATTEMPT_NOUNS:
                return "hedged", context
    for node, _ in chain[:3]:
        adverbs = {c.lower_ for c in node.children if c.dep_ == "advmod"}
        if adverbs & CLAIMED_ADVERBS:
            return "claimed", context
        if adverbs & REPORTED_ADVERBS:
            return "reported", context
        if adverbs & HEDGE_ADVERBS:
            return "hedged", context
    return "asserted", context


COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
# A voiced plan to protest is a threat too: PLOVER THREATEN "restrict" covers boycotts, strikes,
# blockades.
CONFLICTUAL = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}


# Verbs that voice an intent to someone: a promise or a threat is itself an event.
VOICED_INTENT_VERBS = {"vow", "pledge", "promise", "threaten", "warn", "offer", "agree", "propose",
                       "willing", "ready"}  # "is willing to withdraw": an offer
VOICED_INTENT_NOUNS = {"threat", "pledge", "promise", "vow", "proposal"}


def voiced_intent(trigger: Token) -> bool:
    """Whether the future the trigger is in was voiced ("vowed to strike", "will send", "said it
    will support") rather than reported as a wish or plan ("wants his generals to move", "plans
    to"): only a voiced one is a promise or threat."""
    noun = _noun_completed(trigger)
    if noun in INTENT_NOUNS:  # "its threat to strike" was voiced; "its ambitions to" were not
        return noun in VOICED_INTENT_NOUNS
    lemmas = [node.lemma_.lower() for node, _ in _chain(trigger)[1:]]
    if any(lemma in VOICED_INTENT_VERBS for lemma in lemmas):
        return True
    return not any(lemma in INTENT_VERBS for lemma in lemmas)


_REFUSAL_MODALS = {"will", "wo", "would", "shall"}


# Verbs whose denial is a refusal whatever its tense: "has not accepted the recommendation"
_ACCEPT_VERBS = {"accept", "approve", "endorse", "ratify"}


def refused(trigger: Token) -> bool:
    """ "will not accept", "won't lift", "has not accepted": a refusal stated, itself an event
    (PLOVER REJECT)."""
    children = list(trigger.children)
    return any(c.dep_ == "neg" for c in children) and (
        trigger.lemma_.lower() in _ACCEPT_VERBS
        or any(c.dep_ == "aux" and c.lower_ in _REFUSAL_MODALS for c in children))


def as_intent(kind: str, certainty: str, voiced: bool = True, refusal: bool = False) -> str:
    """PLOVER codes a promise to cooperate as AGREE and a stated intent to hurt as THREATEN:
    "Hungary said it will support the resolution" is an AGREE that happened, not a future
    SUPPORT. A plan or wish no one voiced keeps its type, marked future. A refusal to cooperate
    ("Hungary says it will not accept refugees", ``refused``) is a REJECT that happened."""
    if certainty == "denied" and refusal and kind in COOPERATIVE | {"AGREE"}:
        return "REJECT"
    if certainty != "future" or not voiced:
        return kind
    if kind in COOPERATIVE:
        return "AGREE"
    return "THREATEN" if kind in CONFLICTUAL else kind


def attribution_of(trigger: Token, attributions: tuple[Attribution, ...]) -> Attribution | None:
    """The innermost attribution whose claim covers the trigger."""
    start = trigger.idx
    hits = [a for a in attributions if a.claim.start <= start < a.claim.end]
    if not hits:
        return None
    return min(hits, key=lambda a: a.claim.end - a.claim.start)


def combine(certainty: str, attribution: Attribution | None) -> str:
    """The parse's reading wins unless it found nothing; then the attribution's word counts."""
    if certainty != "asserted" or attribution is None:
        return certainty
    return attribution.certainty or "reported"


def date_of(doc: Doc, trigger: Token, times: tuple[TimeRef, ...], article: Article,
            sentence: Span) -> TimeRef | None:
    """The times stage's event_date; should it fail, the first time in the sentence."""
    try:
        return event_date(doc, trigger, times, article)
    except Exception:  # noqa: BLE001 - a date is optional; an error there must not lose the event
        pass
    same = [t for t in times if t.span is not None and t.span.sentence == sentence.sentence]
    return same[0] if same else None
