"""Actor mentions coded to a country (ISO3) and a PLOVER sector.

Find, then code: candidate mentions are the parse's noun chunks and named entities; each is coded
from dictionaries (``ontology.actor_lexicon``): named people and organisations ("Vladimir Putin",
"the Kremlin"), country names and demonyms ("Russian"), and agent nouns ("generals" -> MIL).
The head noun gives the sector and its modifiers or possessor give the country, so "Zelenskyy's
administration" is UKR GOV. Possessive pronouns and "the country" take the country of the
nearest earlier mention that has one ("his top generals" -> the possessor's country).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.attrs import LEMMA, ORTH
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsevents.extract.actor_forms import whole_word, written_as_name
from newsevents.extract.parse_cache import doc_text, entities, noun_chunks, token_strings
from newsevents.ontology import ActorLexicon, actor_lexicon, fold_accents
from newsevents.records import Actor, Article, Span

_MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "det", "case", "nummod", "quantmod"}
_POSSESSIVE_PRONOUNS = {"his", "her", "its", "their"}
_PERSON_PRONOUNS = {"he", "she", "his", "her", "him"}
_STATE_NOUNS = {"country", "nation", "state"}  # "the country failed to ..." refers to a state
_PERSON_NOUNS = {"president", "leader", "minister", "premier", "chancellor"}
_LOCATIVE_PREPS = {"in", "at", "near", "into", "towards", "toward", "to", "from", "across",
                   "around", "through", "outside", "inside", "within", "of", "on", "over"}
_DROP = {"'s", "’s", "'", "’"}
# A name followed by one of these is still that body: "the Islamic State group", "the Hamas movement".
_BODY_NOUNS = {"group", "organization", "organisation", "movement", "network", "faction", "outfit"}
# ... also with what kind of body it is between: "the al-Qaeda terror network".
_BODY_DESCRIPTORS = {"terror", "terrorist", "militant", "rebel", "jihadist", "extremist", "islamist",
                     "armed", "guerrilla", "insurgent", "separatist", "political", "opposition"}
_ENTITY_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
# Words that make a country's name a firm's when they come right before it ("Air France").
_FIRM_WORDS = {"air", "airlines", "airways", "telekom", "telecom", "telecoms", "motors", "rail",
               "steel", "petroleum", "oil", "gas", "tobacco", "mobile", "online", "holdings"}
_LOOKBACK_SENTENCES = 3
_POSSESSIVE_END = re.compile(r"[´'’]s$")
# Per-parse caches in ``doc.user_data`` (a parse never changes once read).
_STARTS, _CODES = "newsevents.sentence_starts", "newsevents.actor_codes"
_POSITIONS = {ORTH: "newsevents.orth_positions", LEMMA: "newsevents.lemma_positions"}


@dataclass(frozen=True, slots=True)
class _Code:
    name: str | None = None
    country: str | None = None
    sector: str | None = None


# --- spans ----------------------------------------------------------------------------------


def sentence_starts(doc: Doc) -> list[int]:
    """Token offsets where each sentence starts (position in list(doc.sents) = sentence index)."""
    # Every stage asks, once per span it makes: walk the sentences once per parse.
    if (found := doc.user_data.get(_STARTS)) is None:
        found = doc.user_data[_STARTS] = tuple(sent.start for sent in doc.sents)
    return list(found)


def to_span(doc: Doc, start: int, end: int, starts: list[int] | None = None) -> Span:
    """Our Span record for doc[start:end] (token offsets), with its sentence index. Whitespace
    tokens at either end (the paragraph break spaCy leaves on a sentence) are not part of it."""
    starts = starts if starts is not None else sentence_starts(doc)
    if end <= start:  # an empty span: spaCy's own offsets for it
        piece = doc[start:end]
        return Span(piece.start_char, piece.end_char, piece.text, bisect_right(starts, start) - 1)
    # Read from the parse's arrays (a spaCy Span and its tokens cost more than the record):
    # doc[start:end].text is the text between its first and last token's characters.
    words = token_strings(doc)
    while end - start > 1 and words.is_space[end - 1]:
        end -= 1
    while end - start > 1 and words.is_space[start]:
        start += 1
    first, last = words.idx[start], words.idx[end - 1] + len(words.text[end - 1])
    return Span(first, last, doc_text(doc)[first:last], bisect_right(starts, start) - 1)


# --- coding ---------------------------------------------------------------------------------


def _words(tokens: list[Token]) -> list[tuple[Token, str, str]]:
    return [(t, fold_accents(t.text.lower()), fold_accents(t.lemma_.lower()))
            for t in tokens if t.text not in _DROP]


def _longest_match(words, table, *, ending_at: int | None = None, longest: int = 8):
    """(start, end, value) of the longest phrase of ``table`` in ``words`` (texts or lemmas)."""
    best = None
    n = len(words)
    ends = [ending_at + 1] if ending_at is not None else range(1, n + 1)
    known = _known_words(table)
    for end in ends:
        # A phrase can only be in the table if each of its words' pieces (between spaces and
        # hyphens) is a piece of some phrase of it: no phrase starts before a word that is not,
        # and none ends at this word unless its text or its lemma is (a cheap test that leaves
        # the answer as the full search gives it).
        if not (known(words[end - 1][1]) or known(words[end - 1][2])):
            continue
        first = end - 1
        while first > 0 and known(words[first - 1][1]):
            first -= 1
        for start in range(max(0, end - longest, first), end):
            if best and end - start <= best[1] - best[0]:
                continue
            texts = [w[1] for w in words[start:end]]
            phrases = (" ".join(texts), " ".join(texts[:-1] + [words[end - 1][2]]))
            if "-" in texts:  # the tokenizer splits some hyphenated names: "Al - Qaeda"
                phrases = tuple(p.replace(" - ", "-") for p in phrases)
            for phrase in phrases:
                if phrase in table:
                    best = (start, end, table[phrase])
                    break
    return best


_PIECE_BREAKS = re.compile(r"[ -]")
_KNOWN: dict[int, tuple] = {}  # id(table) -> (table, its size, the test of its words)
_MOST_KNOWN_WORDS = 200_000


def _known_words(table):
    """A test of whether every piece of a word (split at spaces and hyphens) is a piece of some
    phrase of ``table``, remembered per table and per word (the tables are built once)."""
    found = _KNOWN.get(id(table))
    if found is None or found[0] is not table or found[1] != len(table):
        pieces = frozenset(piece for phrase in table for piece in _PIECE_BREAKS.split(phrase))
        seen: dict[str, bool] = {}

        def known(word: str) -> bool:
            if (answer := seen.get(word)) is None:
                if len(seen) > _MOST_KNOWN_WORDS:
                    seen.clear()  # a long-running server meets ever more words
                answer = seen[word] = all(
                    piece in pieces for piece in _PIECE_BREAKS.split(word) if piece)
            return answer

        found = _KNOWN[id(table)] = (table, len(table), known)
    return found[2]


def _head_index(words, head: Token) -> int:
    for i, (token, _, _) in enumerate(words):
        if token.i == head.i:
            return i
    return len(words) - 1


def code_tokens(tokens: list[Token], head: Token, lexicon: ActorLexicon | None = None) -> _Code:
    """Code a mention: named match over the head wins; else head agent + country modifiers."""
    lex = lexicon or actor_lexicon()
    words = _words(tokens)
    if not words:
        return _Code()
    h = _head_index(words, head)
    state = _state_by_full_name(words, h, lex)
    if state is not None:
        return _Code(None, state, "GOV")
    # A name ending at the head first ("German Chancellor Olaf Scholz" is Scholz, not the
    # title's earlier holder), then any name inside the mention (a possessor, a modifier).
    named = written_as_name(words, _longest_match(words, lex.named, ending_at=h, longest=lex.longest))
    named = named or written_as_name(words, _longest_match(words, lex.named, longest=lex.longest))
    if words[h][2] in _BODY_NOUNS:  # "the Islamic State group", "the al-Qaeda terror network"
        j = h - 1
        while j >= 0 and words[j][2] in _BODY_DESCRIPTORS:
            j -= 1
        body = None if j < 0 else written_as_name(
            words, _longest_match(words, lex.named, ending_at=j, longest=lex.longest))
        if body:
            return _Code(body[2].canonical, body[2].country, body[2].sector)
    if named and named[0] <= h < named[1]:
        actor = named[2]
        return _Code(actor.canonical, actor.country, actor.sector)
    country = None
    head_country = _longest_match(words, lex.countries, ending_at=h, longest=lex.longest)
    if named and named[2].country:
        country = named[2].country
    if country is None:
        country = _first_country(words, lex)
    agent = whole_word(words, _longest_match(words, lex.agents, ending_at=h, longest=lex.longest))
    if agent is None and head.pos_ == "PROPN":
        agent = _title(words, h, lex)  # "Serbian President Vojislav Kostunica": the title
    sector = agent[2] if agent else None
    if sector and country is None and not named and _is_title(words, agent, h) and _uncoded_owner(
        words[agent[1] - 1][0], lex
    ):
        return _Code()  # "an Apple spokesman", "Academy president X": an office of a body we cannot code
    if head_country and head_country[0] <= h:
        country = head_country[2]
        if head_country[0] > 0 and words[head_country[0] - 1][1] in _FIRM_WORDS:
            return _Code(None, country, "BUS")  # "Telekom Austria", "Air France": a firm, not the state
        is_name = words[h][1] in lex.country_names.get(country, "").lower() or words[h][0].ent_type_ == "GPE"
        # "Russia" or an adjective standing for the state ("Russian control") -> GOV;
        # a demonym noun ("Ukrainians") -> civilians.
        sector = sector or ("GOV" if is_name or head.pos_ == "ADJ" else "CVL")
    if sector is None and named and named[2].sector == "IGO" and named[1] <= h:
        return _Code(None, country, "IGO")  # "UN human rights experts", "the NATO alliance"
    if sector is None and not _is_entity_head(head):
        return _Code()  # "Russia's control": a modifier's country alone does not make an actor
    return _Code(None, country, sector)


def _first_country(words, lex: ActorLexicon) -> str | None:
    """The country of the first country name in the mention, by where the name ends ("the
    Ukrainian and Russian delegations": Ukraine). Only a word some name could end with is tried:
    ``_longest_match`` finds nothing ending at the others."""
    known = _known_words(lex.countries)
    for end in range(len(words)):
        if known(words[end][1]) or known(words[end][2]):
            found = _longest_match(words[: end + 1], lex.countries, ending_at=end, longest=4)
            if found:
                return found[2]
    return None


# Heads of a state's formal name: "the Republic of Korea", "the Kingdom of Saudi Arabia".
_STATE_HEADS = {"republic", "kingdom", "state", "federation", "commonwealth", "emirate", "sultanate"}


def _state_by_full_name(words, h: int, lex: ActorLexicon) -> str | None:
    """The country a mention names in full with "of" ("The Democratic Republic of Congo",
    "the Kingdom of Saudi Arabia"), whose head is the state noun rather than the country's name."""
    if words[h][2] not in _STATE_HEADS or h + 2 >= len(words) or words[h + 1][1] != "of":
        return None
    named = words[1:] if words[0][0].dep_ == "det" else words
    whole = " ".join(w[1] for w in named)
    if whole in lex.countries:
        return lex.countries[whole]
    found = _longest_match(words[h + 2:], lex.countries, ending_at=len(words) - h - 3)
    return found[2] if found and found[0] == 0 else None


def _title(words, h: int, lex: ActorLexicon):
    """The last agent word before a name's first token ("Lt. Gen. X", "President X")."""
    for end in range(h, 0, -1):
        if words[end - 1][1] == "-" and end > 1 and words[end - 2][0].pos_ == "PROPN":
            continue  # a hyphen inside the name ("Fayez al - Sarraj" as a tokenized text gives it)
        # Every word is tried, since an office may be a phrase none of whose words is one alone
        # ("Defense Secretary Jim Mattis": "defense secretary", not "secretary").
        found = whole_word(words, _longest_match(words[:end], lex.agents, ending_at=end - 1, longest=4))
        if found:
            return found
        if words[end - 1][0].pos_ != "PROPN":
            return None
    return None


# Offices that firms, clubs and shows have as well as states ("an Apple spokesman", "Academy
# president"); a minister, an MP or a secretary of something is always the state's or a party's.
# A division or a unit is part of a firm as well as of an army ("Universal's music division", "IBM's
# PC unit"): owned by a body we cannot code, it is no armed unit.
_SHARED_OFFICES = {"spokesman", "spokeswoman", "spokesperson", "president", "director", "chairman",
                   "chairwoman", "judge", "chief", "executive", "division", "unit"}


def _is_title(words, agent, h: int) -> bool:
    """The agent word is an office that bodies other than states have ("spokesman", "President X"),
    not the last word of a body's name ("Hir TV", "the European Political Community")."""
    title = words[agent[1] - 1][0]
    return title.lemma_.lower() in _SHARED_OFFICES and (title.is_lower or h >= agent[1])


def _uncoded_owner(title: Token, lex: ActorLexicon) -> bool:
    """A capitalised name right before the office that owns it ("an Apple spokesman", "Academy
    president Frank Pierson", "Microsoft's director") and is neither a place, a country nor an
    actor we know: the office belongs to that body (a firm, a club, a show), not to a state."""
    for token in title.lefts:
        if token.dep_ not in {"compound", "poss"} or not token.text[:1].isupper():
            continue  # lower-case text ("uttar pradesh governor") hides which names are places
        if token.is_sent_start and token.pos_ != "PROPN" and token.ent_type_ != "ORG":
            continue  # "Defence officials" opening a sentence: capitals tell nothing there
        if token.ent_type_ in {"GPE", "LOC", "NORP", "FAC"}:
            continue  # "Kherson governor": a place's office
        name = _POSSESSIVE_END.sub("", fold_accents(token.lower_))  # "Ukraine´s" is one token at times
        lemma = fold_accents(token.lemma_.lower())
        if name in lex.named or name in lex.countries or name in lex.agents or lemma in lex.agents:
            continue
        return True
    return False


def _is_entity_head(head: Token) -> bool:
    return head.ent_type_ in {"PERSON", "ORG"} and head.pos_ == "PROPN"


def _display_name(code: _Code, text: str, lex: ActorLexicon) -> str:
    if code.name:
        return code.name
    if code.country and code.sector:
        return f"{lex.country_names.get(code.country, code.country)} {code.sector}"
    return text


# --- mentions -------------------------------------------------------------------------------


def _mention_tokens(head: Token, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) leftwards over the head's modifiers ("Russian President" + "Putin")."""
    for child in head.lefts:
        if child.dep_ in _MODIFIER_DEPS and child.i < start:
            start = min(start, child.left_edge.i)
    return start, end


def _needs_antecedent(tokens: list[Token], head: Token) -> str | None:
    """'person', 'state' or None: which earlier mention a pronoun-like mention borrows from."""
    texts = {t.lower_ for t in tokens}
    if head.lower_ in _PERSON_PRONOUNS or texts & _POSSESSIVE_PRONOUNS & {"his", "her"}:
        return "person"
    if head.lemma_.lower() in _STATE_NOUNS and texts & {"the", "this", "that"}:
        return "state"
    if head.lower_ in {"it", "its"} or "its" in texts:
        return "any"  # "they"/"their" mostly stand for people or firms, not for a state
    if head.lemma_.lower() in _PERSON_NOUNS and "the" in texts:
        return "person"
    return None


def _antecedent(doc: Doc, before: int, want: str, lex: ActorLexicon) -> _Code:
    """The nearest earlier entity (within a few sentences) that codes to a country."""
    sentence = doc[before].sent
    floor = sentence.start
    for _ in range(_LOOKBACK_SENTENCES):
        if floor == 0:
            break
        floor = doc[floor - 1].sent.start
    earlier = [e for e in entities(doc) if floor <= e.start and e.end <= before]
    # Subjects first: "Russia invaded Ukraine claiming that it ..." -> Russia.
    subjects = [e for e in earlier if e.root.dep_ in {"nsubj", "nsubjpass"}]
    if want == "any":
        # "it" is the nearest subject that is no person, coded or not: in "Google said it was
        # investigating", it is Google, not a country named two sentences before.
        things = [e for e in subjects if e.label_ in _ENTITY_LABELS - {"PERSON"}]
        return _code_entity(doc, things[-1], want, lex) if things else _Code()
    for ent in reversed(subjects) if subjects else ():
        code = _code_entity(doc, ent, want, lex)
        if code.country:
            return code
    for ent in reversed(earlier):
        code = _code_entity(doc, ent, want, lex)
        if code.country:
            return code
    return _Code()


def _code_entity(doc: Doc, ent: SpacySpan, want: str, lex: ActorLexicon) -> _Code:
    """Code an entity if it is the kind of antecedent wanted ("person", "state", "any")."""
    if ent.label_ not in _ENTITY_LABELS or (want == "state" and ent.label_ not in {"GPE", "NORP"}):
        return _Code()
    start, end = _mention_tokens(ent.root, ent.start, ent.end)
    code = code_tokens(list(doc[start:end]), ent.root, lex)
    if want == "person" and ent.label_ != "PERSON" and code.name is None:
        return _Code()  # the small model often tags a leader's name ORG: a dictionary name counts
    return code


def _code_mention(
    doc: Doc, start: int, end: int, head: Token, lex: ActorLexicon, *, follow: bool = True
) -> _Code:
    # Quotes, attributions and events code the mentions the actors stage coded: once per parse.
    memo = doc.user_data.setdefault(_CODES, {})
    key = (start, end, head.i, follow, id(lex))
    if (code := memo.get(key)) is None:
        code = memo[key] = _code_mention_once(doc, start, end, head, lex, follow=follow)
    return code


def _code_mention_once(
    doc: Doc, start: int, end: int, head: Token, lex: ActorLexicon, *, follow: bool = True
) -> _Code:
    tokens = list(doc[start:end])
    code = code_tokens(tokens, head, lex)
    borrows = code.sector or head.pos_ == "PRON" or head.lemma_.lower() in _STATE_NOUNS
    if code.country is None and borrows:
        want = _needs_antecedent(tokens, head)
        if want:
            borrowed = _antecedent(doc, start, want, lex)
            if borrowed.country or (want == "any" and borrowed.name):  # "NATO ... it will not"
                own_sector = code.sector
                if head.lower_ in _PERSON_PRONOUNS | {"it", "they"} or (
                    want == "state" and own_sector is None
                ):
                    own_sector = borrowed.sector
                return _Code(code.name, borrowed.country, own_sector or borrowed.sector)
    if not follow:
        return code
    if code.country is None and head.pos_ == "PROPN":
        code = _same_name_earlier(doc, start, head, lex) or code
    elif code.country is None and code.sector and head.pos_ == "NOUN":
        code = _same_name_earlier(doc, start, head, lex, by_lemma=True) or code
    return code


def _same_name_earlier(
    doc: Doc, before: int, head: Token, lex: ActorLexicon, *, by_lemma: bool = False
) -> _Code | None:
    """'Haidai' after 'Luhansk governor Serhiy Haidai', 'top generals' after 'his top generals':
    reuse the fuller earlier mention's code (nouns only within a few sentences)."""
    floor = 0
    if by_lemma:
        floor = doc[before].sent.start
        for _ in range(_LOOKBACK_SENTENCES):
            floor = doc[floor - 1].sent.start if floor > 0 else 0
    same = _positions(doc, LEMMA)[head.lemma] if by_lemma else _positions(doc, ORTH)[head.orth]
    for i in reversed(same[bisect_left(same, floor) : bisect_left(same, before)]):
        if i != head.i:
            token = doc[i]
            start, end = _mention_tokens(token, token.i, token.i + 1)
            code = _code_mention(doc, start, end, token, lex, follow=False)
            if code.country:
                return code
    return None


def _positions(doc: Doc, attr: int) -> dict[int, list[int]]:
    """Token indices in order by the hash of their text (``ORTH``) or lemma (``LEMMA``): looking
    a word up earlier in a long article is then a lookup, not a walk back over every token."""
    if (found := doc.user_data.get(_POSITIONS[attr])) is None:
        found = doc.user_data[_POSITIONS[attr]] = {}
        for i, value in enumerate(doc.to_array(attr).tolist()):
            found.setdefault(value, []).append(i)
    return found


def actor_from_span(span: SpacySpan, article: Article | None = None) -> Actor:
    """Code any spaCy span (a quote's speaker, an event's subject) as an Actor."""
    lex = actor_lexicon()
    doc = span.doc
    head = span.root
    start, end = _mention_tokens(head, span.start, span.end)
    code = _code_mention(doc, start, end, head, lex)
    return Actor(
        text=span.text,
        name=_display_name(code, span.text, lex),
        country=code.country,
        sector=code.sector,
        span=to_span(doc, span.start, span.end),
    )


def _is_place_use(chunk: SpacySpan) -> bool:
    """'in Luhansk', 'towards Ukraine': a country or town named as a location, not an agent."""
    root = chunk.root
    return (
        root.dep_ == "pobj"
        and root.head.lower_ in _LOCATIVE_PREPS
        and root.ent_type_ in {"GPE", "LOC", "FAC"}
    )


def _candidates(doc: Doc):
    """(start, end, head) of noun chunks and of entities outside them, plus possessors."""
    chunk_end: dict[int, int] = {}  # each token in a noun chunk -> where its chunk ends
    for chunk in noun_chunks(doc):
        for token in chunk:
            if token.dep_ == "poss" and token.i != chunk.root.i and token.pos_ != "PRON":
                start, _ = _mention_tokens(token, token.i, token.i + 1)
                yield start, token.i + 1, token
        if not _is_place_use(chunk):
            yield chunk.start, chunk.end, chunk.root
        chunk_end.update(dict.fromkeys(range(chunk.start, chunk.end), chunk.end))
    for ent in entities(doc):
        if ent.label_ in _ENTITY_LABELS and ent.root.i not in chunk_end or (
                ent.label_ == "GPE" and ent.end > chunk_end.get(ent.root.i, ent.end)):
            yield ent.start, ent.end, ent.root  # also a state's name longer than its chunk


def extract_actors(doc: Doc, article: Article) -> tuple[Actor, ...]:
    """Every actor mention in the body, coded; mentions that code to nothing are left out."""
    lex = actor_lexicon()
    starts = sentence_starts(doc)
    actors: dict[tuple[int, int], Actor] = {}
    for start, end, head in _candidates(doc):
        if head.pos_ == "PRON" and (
            head.lower_ not in _PERSON_PRONOUNS | {"it", "they"} or not head.dep_.startswith("nsubj")
        ):
            continue  # only subject pronouns stand for actors (events need "it was sending")
        code = _code_mention(doc, start, end, head, lex)
        while start < end and doc[start].dep_ in {"det", "punct", "cc"}:
            start += 1  # the span shows the mention without "the"; coding saw it
        if start >= end:
            continue
        if not (code.country or code.sector or code.name):
            if head.ent_type_ != "PERSON":
                continue
        span = to_span(doc, start, end, starts)
        actors.setdefault(
            (span.start, span.end),
            Actor(span.text, _display_name(code, span.text, lex), code.country, code.sector, span),
        )
    return tuple(actors[key] for key in sorted(actors))
