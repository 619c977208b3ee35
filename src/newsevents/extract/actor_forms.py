"""How the text writes a mention, which dictionaries alone cannot tell: a name or common words
("the Foundation" or "the foundation"), a whole word or the end of a hyphenated one ("tank" in
"think-tank"). Matches come in as (start, end, value) over the (token, text, lemma) words of
``actors``; each check returns the match or None.
"""

from __future__ import annotations


def written_as_name(words, match):
    """A dictionary name only where the text writes it as one: some word of it capitalised
    beyond a sentence's first ("the foundation", "the cornerstone" are common words that some
    group once called itself). Text without capitals tells nothing, so there any match stands."""
    if match is None:
        return None
    tokens = [w[0] for w in words[match[0]:match[1]]]
    sent = tokens[0].sent
    if not any(t.text[:1].isupper() for t in sent[1:]):
        return match  # lower-case text ("uttar pradesh police")
    # A sentence's first word is capitalised anyway, and the tagger often takes a name there for
    # a noun ("Zelenskyy has accused"): only a function word ("The foundation") says no name.
    capitalised = any(t.text[:1].isupper() and (not t.is_sent_start or t.pos_ not in _FUNCTION_POS)
                      for t in tokens)
    return match if capitalised else None


_FUNCTION_POS = {"DET", "ADP", "PRON", "CCONJ", "SCONJ", "ADV", "AUX", "PART"}


# Bound prefixes that make an office out of an office ("ex-president", "vice-president").
_PREFIXES = {"ex", "vice", "co", "deputy", "pro", "non", "under", "sub", "arch"}


def whole_word(words, match):
    """An agent match unless its first word is the end of a hyphenated word whose first part is
    a word of its own: a "think-tank" is no tank, a "half-brother" no brother."""
    if match is None or match[0] < 2:
        return match
    hyphen, before = words[match[0] - 1][0], words[match[0] - 2][0]
    joined = hyphen.text == "-" and not hyphen.whitespace_ and not before.whitespace_
    return None if joined and before.lower_ not in _PREFIXES else match
