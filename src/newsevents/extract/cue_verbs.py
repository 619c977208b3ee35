"""Cue verbs and indirect speech: which words introduce attributed content, and its extent.

A cue is a verb of the hand-written list (resources/cues/verbs.tsv) or a head that PolNeAR train
shows to be a cue often enough (learned.tsv). Its source is its subject (or an inverted object,
"reported the FT"); its content is the child its commonest content link names ("ccomp" -> the
clause, "dobj" -> "criticized *the plan*"), or, for a cue hung from a clause ("X, he said, Y"),
the sentence around it. Spans follow PolNeAR's conventions: the content keeps "that" and the
closing mark of a quote it opens; the cue keeps auxiliaries, negation and a particle.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Token

from newsevents.extract.coref import Context
from newsevents.extract.cue_model import CONTENT_LINKS, cue_indices
from newsevents.extract.quote_marks import close_quote, trim
from newsevents.resources.cues import load_cues

# Verbs whose infinitive complement is the attributed content ("wants to ...", "vowed to ...").
XCOMP_CUES = frozenset(
    {"want", "hope", "expect", "promise", "pledge", "vow", "threaten", "claim", "refuse", "plan"}
)
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# "citing X", "quoting X" name a source, not a claim: the attribution stage reads them as phrases.
SOURCE_PHRASE_VERBS = frozenset({"citing", "quoting"})
MIN_PIECE_WORDS = 2  # the shorter side of a cue that splits its content counts from this size
MIN_LINK_SHARE = 0.1  # a content link must carry this share of a cue's train relations



@dataclass(frozen=True, slots=True)
class Relation:
    """One attribution found in the text: char offsets into the body (end exclusive)."""

    kind: str  # direct, indirect, according
    content: tuple[int, int]
    cue: Optional[tuple[int, int]] = None
    source: Optional[tuple[int, int]] = None
    lemma: Optional[str] = None  # the cue's lemma: say, according to, citing
    certainty: str = "reported"
    channel: Optional[str] = None
    continues: bool = False  # a direct quote with no cue, spoken by the previous quote's speaker
    verb_kind: str = "speech"  # speech, report (a publication, a finding), cognition (a belief)
    # further pieces of a content the cue splits ("*The museum*, he said, *would open in May*"):
    # ``content`` is the longest piece, the claim records carry; PolNeAR scores every piece
    more: tuple[tuple[int, int], ...] = ()


def cue_info(token: Token) -> Optional[tuple[str, str, dict[str, int]]]:
    """(certainty, kind, content links) when the token heads a cue here, else None.

    The cue model (cue_model.py, trained on PolNeAR train) decides whether a candidate word is a
    cue in its context. A verb of the hand-written list (verbs.tsv) brings its certainty and kind;
    other cues have kind "learned": they count as relations, not as quotes. The content links
    (how content hangs from the cue) come from learned.tsv.
    """
    if token.i not in cue_indices(token.doc):
        return None
    cues = load_cues()
    lemma = token.lemma_.lower()
    hand = cues.verbs.get(lemma) if token.pos_ == "VERB" else None
    learned = cues.learned.get((lemma, token.pos_))
    links = dict(learned.links) if learned else {}
    if hand is not None:
        links.setdefault("ccomp", 1)
        if lemma in XCOMP_CUES:
            links.setdefault("xcomp", 1)
        return hand[0], hand[1], links
    return "reported", "learned", links


def is_cue(token: Token) -> bool:
    return token.i in cue_indices(token.doc)


def subject(verb: Token) -> Optional[Token]:
    """The verb's subject, borrowed from the verb it is coordinated with when it has none. A
    passive cue's source is its agent ("was criticized *by X*"), else unknown: its grammatical
    subject is what is said ("*He* has been criticized"), the content (PolNeAR)."""
    for _ in range(3):
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agents:
            return agents[0]
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS and _same_paragraph(c, verb)]
        if subjects and _is_expletive(subjects[0]):
            return None
        if subjects:
            return subjects[0] if subjects[0].dep_ != "nsubjpass" else None
        # "reported the Financial Times": an inverted source parses as the object of a final cue
        if verb.dep_ == "conj" and verb.i > verb.head.i:
            objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
            if objects and not any(c.dep_ == "ccomp" for c in verb.children):
                return objects[0]
        if verb.dep_ not in ("conj", "xcomp", "advcl") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _is_expletive(subject: Token) -> bool:
    """ "*It* is unclear whether ...": the "it" of a copula whose clause comes after the predicate
    stands for that clause and names no one (PolNeAR leaves such a cue without source)."""
    verb = subject.head
    if subject.lower_ != "it" or verb.lemma_ != "be":
        return False
    predicates = [c for c in verb.children if c.dep_ in ("acomp", "attr")]
    return any(c.dep_ in ("ccomp", "csubj") and c.i > subject.i
               for p in predicates for c in [*verb.children, *p.children])


def _same_paragraph(a: Token, b: Token) -> bool:
    """Whether no line break stands between two words. The parser runs a sentence over a
    paragraph break ("9:30 p.m.\n\nDonald Trump says ..." parses "p.m." as a second subject of
    "says"); a speaker is named in the paragraph of its cue (PolNeAR's spans never cross one)."""
    first, last = sorted((a.i, b.i))
    return not any("\n" in t.text_with_ws for t in a.doc[first:last])


def token_extent(token: Token) -> tuple[int, int]:
    """Char offsets of a token's whole subtree."""
    doc = token.doc
    return doc[token.left_edge.i].idx, doc[token.right_edge.i].idx + len(doc[token.right_edge.i])


def cue_extent(verb: Token, content: Optional[Token] = None) -> tuple[int, int]:
    """The cue: the verb with its adjacent auxiliaries, negation and adverbs, its particle, and
    the preposition that introduces its content ("called for *X*", "spoke of *X*": PolNeAR; the
    "by" of a passive's agent mostly stays out of the cue in PolNeAR train)."""
    left = verb.i
    for child in sorted((c for c in verb.lefts), key=lambda c: -c.i):
        if child.i == left - 1 and child.dep_ in ("aux", "auxpass", "neg", "advmod"):
            left = child.i
    right = verb.i
    for child in verb.rights:
        if child.i == right + 1 and child.dep_ == "prt":
            right = child.i
    if content is not None and content.dep_ in ("pobj", "pcomp"):
        prep = content.head
        if prep.dep_ == "prep" and prep.head.i == verb.i and prep.i == right + 1:
            right = prep.i
    doc = verb.doc
    return doc[left].idx, doc[right].idx + len(doc[right])


def _channel_prep(prep: Token) -> Optional[str]:
    """ "in a Kremlin statement" -> "Kremlin statement" when the object is a channel noun."""
    if prep.dep_ != "prep" or prep.lower_ not in ("in", "on", "via", "during", "at", "through"):
        return None
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        if obj.lower_ in load_cues().channels:
            words = [t for t in obj.subtree if t.dep_ not in ("det", "poss") or t.i > obj.i]
            return " ".join(t.text for t in words)
    return None


def channel(verb: Token) -> Optional[str]:
    """How the words came out: "in a Kremlin statement", "on Telegram", "told reporters"."""
    who = subject(verb)
    for prep in list(verb.children) + (list(who.rights) if who is not None else []):
        found = _channel_prep(prep)
        if found:
            return found
    if verb.lemma_ == "tell":
        for obj in verb.children:
            if obj.dep_ in ("dobj", "dative") and obj.lower_ in ("reporters", "journalists"):
                return f"{verb.text} {obj.text}"
    return None


def source_extent(who: Token) -> tuple[int, int]:
    """The source's words: its subtree, less a channel phrase parsed into it ("X on Telegram")."""
    start, end = token_extent(who)
    for prep in who.rights:
        if _channel_prep(prep):
            end = min(end, prep.idx)
    return start, end


def content_clause(verb: Token) -> Optional[Token]:
    """The head of what a cue introduces: the child its most frequent content link names
    ("ccomp" -> the clause, "dobj" -> "criticized *the plan*", "prep>pobj" -> "spoke of *it*")."""
    info = cue_info(verb)
    if info is None:
        return None
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return passive[0]  # "*He* has been criticized for ...": what the cue is about
    links = info[2]
    total = sum(links.values()) or 1
    who = subject(verb)
    for link, count in sorted(links.items(), key=lambda kv: -kv[1]):
        if link not in CONTENT_LINKS or count / total < MIN_LINK_SHARE:
            continue
        first, _, second = link.partition(">")
        for child in verb.children:
            if child.dep_ != first or child == who or child.lower_ in SOURCE_PHRASE_VERBS:
                continue  # "reported *the FT*" is the source; "citing X" is a source phrase
            if not second:
                return child
            for grandchild in child.children:
                if grandchild.dep_ == second:
                    return grandchild
    return None


def relation_for(
    ctx: Context, verb: Token, content: tuple[int, int], kind: str, more: tuple = (),
    head: Optional[Token] = None,
) -> Relation:
    lemma = verb.lemma_.lower()
    certainty, verb_kind, _ = cue_info(verb)
    if any(c.dep_ == "neg" for c in verb.children):
        certainty = "denied" if lemma in ("say", "confirm", "claim") else certainty
    who = subject(verb)
    source = trim(ctx.text, *source_extent(who)) if who is not None else None
    return Relation(
        kind, content, cue_extent(verb, head), source, lemma, certainty, channel(verb), False,
        verb_kind, more,
    )


def clause_final_content(verb: Token, text: str) -> Optional[tuple[tuple[int, int], tuple]]:
    """"..., reported the Financial Times." / "X, he says, Y.": the sentence around a cue that
    hangs from its main clause, less the cue's own words: (the longer side, (the other side,))
    (the other side only when it has MIN_PIECE_WORDS words or more)."""
    sent = verb.sent
    if verb.dep_ not in ("conj", "parataxis") or verb.i == sent.start:
        return None
    words = [t for t in verb.subtree if not t.is_punct]  # the parser hangs the comma on the cue
    left, right = words[0].idx, token_extent(verb)[1]
    before = [t for t in sent if t.idx < left]
    if not before or before[-1].text not in (",", "—", "–"):
        return None
    sides = sorted(
        [trim(text, sent.start_char, left), trim(text, right, sent.end_char)],
        key=lambda s: s[0] - s[1],
    )
    best, other = sides
    if best[1] <= best[0]:
        return None
    more = (other,) if len(text[other[0] : other[1]].split()) >= MIN_PIECE_WORDS else ()
    return best, more


EXTEND_DEPS = frozenset({"prep", "dative", "oprd", "xcomp", "ccomp", "advcl", "acomp", "attr"})


def content_extent(verb: Token, head: Token) -> tuple[int, int]:
    """The content's characters: the head's subtree and, for a noun object, the complements the
    parser hung on the verb after it ("endorsed *Bush for president*")."""
    start, end = token_extent(head)
    if head.dep_ == "nsubjpass":
        return start, end
    if head.i < verb.i:  # "The city fell, he said.": the content runs up to the cue
        return start, min(end, token_extent(subject(verb) or verb)[0])
    if head.dep_ in ("ccomp", "xcomp"):
        return start, end
    for child in verb.rights:
        if child.i <= head.i:
            continue
        if child.dep_ not in EXTEND_DEPS or _channel_prep(child) or _is_time(child):
            break
        end = token_extent(child)[1]
    return start, end


def _is_time(prep: Token) -> bool:
    return any(t.ent_type_ in ("DATE", "TIME") for t in prep.children)


def indirect_relations(ctx: Context, quoted: tuple[tuple[int, int], ...]) -> list[Relation]:
    """Cue verbs outside quotes with a clause (or an object) they attribute."""
    found = []
    text = ctx.text
    for token in (ctx.doc[i] for i in sorted(cue_indices(ctx.doc))):
        if inside(token.idx, quoted) or token.lower_ in SOURCE_PHRASE_VERBS:
            continue
        head = content_clause(token)
        more: tuple = ()
        if head is not None:
            content = close_quote(text, *trim(text, *content_extent(token, head)))
            content = _before_participle_cue(ctx.doc, content)
        else:
            content, more = clause_final_content(token, text) or (None, ())
        if content and content[1] > content[0]:
            found.append(relation_for(ctx, token, trim(text, *content), "indirect", more, head))
    return found


def _before_participle_cue(doc, content: tuple[int, int]) -> tuple[int, int]:
    """"said A, *arguing* that B": a participle cue after a comma starts the source's next
    attribution, which PolNeAR keeps out of the first one's content."""
    span = doc.char_span(*content, alignment_mode="expand") if content[1] > content[0] else None
    if span is None:
        return content
    for token in span[1:]:
        if token.tag_ == "VBG" and is_cue(token) and doc[token.i - 1].text == ",":
            return content[0], doc[token.i - 1].idx
    return content


def inside(char: int, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(start <= char < end for start, end in spans)

