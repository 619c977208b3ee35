"""Word senses a trigger's lexicon line cannot tell apart, read from the parse around it: a
warning that threatens or one that informs, being "met with" approval, an object that is the
doer again ("killed himself"), a sentence that asks rather than reports.
"""

from __future__ import annotations

from spacy.tokens import Token

# Words that put a warned-of clause ahead of its warning ("would", "could", "if ...").
_AHEAD = {"will", "would", "'ll", "wo", "shall", "could", "can", "may", "might", "if", "unless"}


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
