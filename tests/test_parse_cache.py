"""The per-parse caches give what spaCy's own attributes give, and what the stages found the
slow way."""

from __future__ import annotations

from newsevents.extract.cue_model import cue_probabilities, features, is_candidate, load_model
from newsevents.extract.linear import logistic
from newsevents.extract.event_patterns import quiet_density, quiet_words
from newsevents.extract.parse_cache import doc_text, remember_text, token_strings
from newsevents.extract.place_candidates import PLACE_LABELS, _surnames
from newsevents.extract.place_choice import EVENT_LOCATIVE_PREPS, _locative_preps, _sentence_locative_preps
from newsevents.extract.role_tagger import chunk_positions
from newsevents.gazetteer import load_gazetteer, normalize
from newsevents.extract.quotes import find_quotes
from newsevents.records import Article

TEXT = (
    "Russian forces shelled Kharkiv on Monday, killing two civilians, Ukraine's military said.\n\n"
    '"We will respond," President Volodymyr Zelenskyy told reporters in Kyiv. '
    "Officials in Moscow denied the attack, according to the Interfax news agency.\n"
    "The staged protest  went on; the U.S. said it hoped talks would resume."
)


def test_token_strings_are_the_tokens_attributes(nlp):
    doc = nlp(TEXT)
    words = token_strings(doc)
    assert token_strings(doc) is words  # built once per parse
    for token in doc:
        i = token.i
        assert (words.text[i], words.lower[i], words.lemma[i]) == (
            token.text, token.lower_, token.lemma_.lower())
        assert (words.pos[i], words.tag[i], words.dep[i]) == (token.pos_, token.tag_, token.dep_)
        assert (words.ent_iob[i], words.ent_type[i]) == (token.ent_iob_, token.ent_type_)
        assert words.head[i] == token.head.i and words.is_space[i] == token.is_space
        assert words.is_punct[i] == token.is_punct and words.idx[i] == token.idx
    assert any(words.is_space) and "B" in words.ent_iob  # the text exercises both


def test_token_strings_of_an_empty_doc(nlp):
    assert token_strings(nlp("")).text == []


def test_cue_probabilities_score_the_features_of_each_candidate(nlp):
    doc = nlp(TEXT)
    found = cue_probabilities(doc)
    assert sorted(found) == [t.i for t in doc if is_candidate(t)] and found
    weights, bias, _ = load_model()
    for i, probability in found.items():  # the index path scores what the Token path lists
        assert probability == logistic(features(doc[i]), weights, bias)
    said = next(t for t in doc if t.text == "said")
    assert {"l=say", "s=NOUN", "b1=military", "n1=.", "c=ccomp"} <= set(features(said))


def test_find_quotes_is_found_once_per_parse_and_copied_per_caller(nlp):
    doc = nlp(TEXT)
    article = Article(id="a", headline="h", body=TEXT)
    first = find_quotes(doc, article)
    assert first and find_quotes(doc, article) == first
    first.clear()  # a caller changing its list changes no other caller's
    assert find_quotes(doc, article)
    fresh = nlp(TEXT)  # a new parse of the same text finds the same relations
    assert find_quotes(fresh, article) == find_quotes(doc, article)


def test_to_span_reads_what_spacy_spans_give(nlp):
    from newsevents.extract.actors import sentence_starts, to_span

    doc = nlp(TEXT)
    starts = sentence_starts(doc)
    for start in range(len(doc) + 1):
        for end in range(start, min(len(doc), start + 12) + 1):
            span = to_span(doc, start, end, starts)
            trimmed_start, trimmed_end = start, end  # the old way: spaCy's span, spaces trimmed
            while trimmed_end - trimmed_start > 1 and doc[trimmed_end - 1].is_space:
                trimmed_end -= 1
            while trimmed_end - trimmed_start > 1 and doc[trimmed_start].is_space:
                trimmed_start += 1
            piece = doc[trimmed_start:trimmed_end]
            assert (span.start, span.end, span.text) == (piece.start_char, piece.end_char, piece.text)


def test_noun_chunks_are_spacys_found_once_per_parse(nlp):
    from newsevents.extract.parse_cache import noun_chunks

    doc = nlp(TEXT)
    chunks = noun_chunks(doc)
    assert noun_chunks(doc) is chunks and chunks
    assert [(c.start, c.end, c.root.i) for c in chunks] == [
        (c.start, c.end, c.root.i) for c in doc.noun_chunks]


SPORT = ("England beat France in the rugby final. The coach praised the team's defence after the "
         "match, and the striker scored a late goal in the tournament. Russian forces shelled Kharkiv.")


def test_sport_checks_read_from_the_arrays_as_from_the_tokens(nlp):
    from newsevents.extract.event_patterns import (
        _sport_only_words, sport_report, sport_sentence, sport_words,
    )

    for text in (SPORT, TEXT):
        doc = nlp(text)
        words = sport_words()
        hits = [t.lemma_.lower() for t in doc if t.lemma_.lower() in words or t.lower_ in words]
        assert sport_report(doc) == (len(set(hits)) >= 3 or len(hits) >= 6)
        assert sport_report(doc) is doc.user_data["newsevents.sport_report"]  # once per parse
        only = _sport_only_words()
        for sent in doc.sents:
            assert sport_sentence(sent) == any(t.lemma_.lower() in only or t.lower_ in only for t in sent)
    assert sport_report(nlp(SPORT)) and not sport_report(nlp(TEXT))
    assert [sport_sentence(s) for s in nlp(SPORT).sents] == [True, True, False]


def test_pattern_verbs_are_the_only_verbs_a_seizure_pattern_reads(nlp):
    """The early exit in pattern_candidates: "came under control" and "fell to" still match."""
    from newsevents.extract.actors import extract_actors
    from newsevents.extract.events import extract_events

    text = ("Lysychansk came under Russian control on Sunday. "
            "The town of Sievierodonetsk fell to Russian forces last week.")
    doc = nlp(text)
    article = Article(id="p", headline="h", body=text)
    from newsevents.extract.places import extract_places
    events = extract_events(doc, article, actors=extract_actors(doc, article),
                            places=extract_places(doc, article))
    seized = [e for e in events if e.type == "COERCE" and e.mode == "seize"]
    assert {e.trigger.text for e in seized} >= {"came"}



def test_remember_text_is_the_docs_text(nlp):
    text = TEXT + "\n"
    doc = remember_text(nlp(text), text)
    assert doc_text(doc) is text and doc.text == text


def test_sentence_locative_preps_are_those_of_its_tokens(nlp):
    doc = nlp(TEXT + " Fighting went on near Izium, in Kherson and at the port outside Odesa.")
    for sent in doc.sents:
        assert _sentence_locative_preps(sent) == _locative_preps(sent)
    assert [t.text for t in _sentence_locative_preps(list(doc.sents)[-1])] == ["near", "in", "outside"]
    assert "outside" in EVENT_LOCATIVE_PREPS


def test_chunk_positions_mark_each_chunk(nlp):
    doc = nlp(TEXT)
    slow = {t.i: ("B" if t.i == c.start else "I") + ("root" if t.i == c.root.i else "")
            for c in doc.noun_chunks for t in c}
    assert chunk_positions(doc) == slow and "Broot" in slow.values() and "I" in slow.values()


def test_quiet_density_counts_alphabetic_quiet_words(nlp):
    doc = nlp(TEXT + " The striker scored twice. The album and the band's tour sold out. Broadband users grew.")
    words = quiet_words()
    hits = sum(1 for t in doc if t.is_alpha and t.lemma_.lower() in words)
    assert hits and quiet_density(doc) == 100 * hits / len(doc)
    assert quiet_density(nlp("The striker scored. The band played.")) == 0.0  # a snippet


def test_surnames_after_a_given_name(nlp):
    doc = nlp("Edward Bondy met Mike Pompeo in Kyiv. Later, Pompeo and Bondy left Kyiv.")
    given = load_gazetteer().personal_names
    slow = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 and e[-1].is_title}
    slow |= {doc[t.i + 1].text for t in doc[:-1] if t.is_title and t.whitespace_ and doc[t.i + 1].is_title
             and doc[t.i + 1].ent_type_ in PLACE_LABELS and normalize(t.text) in given}
    assert _surnames(doc) == slow == {"Bondy", "Pompeo"}
