"""A Reading as the rows of the store's tables: pure functions, no database.

One tuple per row in the column order of ``store.SCHEMA``; a nested record also keeps its full
JSON (``record``) so a Reading can be rebuilt without loss. Dates that TimeML leaves partial
('2022-02', '2022-W26') become the first and last day they cover (``times_normalise.date_range``),
so queries can filter on real dates.
"""

from __future__ import annotations

import datetime as dt
import json

from newsevents.dedup import signature
from newsevents.extract.times_normalise import date_range
from newsevents.ontology import acled_category
from newsevents.records import Reading, Span, TimeRef, to_dict

def _span_cols(span: Span | None) -> tuple:
    return (span.start, span.end, span.sentence) if span else (None, None, None)


def _time_cols(time: TimeRef | None) -> tuple:
    if time is None:
        return None, None, None, None
    start, end = date_range(time.value, time.end)
    label = time.value if not time.end else f"{time.value or '..'}/{time.end}"
    return label, start, end, time.basis


def rows_of(reading: Reading) -> dict[str, list[tuple]]:
    """Every table's rows for one Reading, keyed by table name (articles and ARTICLE_TABLES)."""
    a = reading.article
    aid = a.id
    rows: dict[str, list[tuple]] = {}
    rows["articles"] = [(
        aid, a.url, a.outlet, a.headline, a.body, a.published, a.byline, list(a.tags),
        list(a.related), a.photo_credit, a.origin, list(a.copies), len(a.body.split()),
        dt.datetime.now(),
    )]
    sig = signature(a)
    rows["signatures"] = [(aid, sig.exact_key, sig.minhash)]
    rows["boilerplate"] = [(aid, i, b.kind, b.text) for i, b in enumerate(a.boilerplate)]
    rows["sentences"] = [(aid, s.sentence, s.start, s.end, s.text) for s in reading.sentences]
    rows["actors"] = [
        (aid, i, x.text, x.name, x.country, x.sector, *_span_cols(x.span))
        for i, x in enumerate(reading.actors)
    ]
    rows["places"] = [
        (aid, i, p.text, p.name, p.geonameid, p.lat, p.lon, p.feature, p.country, p.admin1,
         p.confidence, *_span_cols(p.span))
        for i, p in enumerate(reading.places)
    ]
    rows["times"] = [
        (aid, i, t.text, t.value, t.end, t.granularity, t.basis, t.kind, *_span_cols(t.span))
        for i, t in enumerate(reading.times)
    ]
    rows["quotes"] = [
        (aid, i, q.text, q.kind, q.speaker.name if q.speaker else None,
         q.speaker.country if q.speaker else None, q.speaker.sector if q.speaker else None,
         q.channel, q.cue, *_span_cols(q.span), json.dumps(to_dict(q)))
        for i, q in enumerate(reading.quotes)
    ]
    rows["attributions"] = [
        (aid, i, t.source.name if t.source else None, t.cue, list(t.chain), t.certainty,
         *_span_cols(t.claim), json.dumps(to_dict(t)))
        for i, t in enumerate(reading.attributions)
    ]
    rows["events"] = [_event_row(reading, i, e) for i, e in enumerate(reading.events)]
    rows["control_claims"] = [
        (aid, i, c.place.name, c.place.geonameid, c.place.lat, c.place.lon, c.controller,
         c.status, *_time_cols(c.as_of)[:3], _source_name(c.attribution), a.outlet,
         c.evidence.text, *_span_cols(c.evidence), json.dumps(to_dict(c)))
        for i, c in enumerate(reading.control_claims)
    ]
    return rows


def _source_name(attribution) -> str | None:
    if attribution is None:
        return None
    if attribution.source is not None:
        return attribution.source.name
    return attribution.chain[-1] if attribution.chain else None


def _event_row(reading: Reading, i: int, e) -> tuple:
    a = reading.article
    p = e.place
    date_label, date_start, date_end, basis = _time_cols(e.date)
    chain = list(e.attribution.chain) if e.attribution else ([a.outlet] if a.outlet else [])
    return (
        e.id, a.id, i, e.type, e.mode, list(e.context),
        [x.name for x in e.actor], [x.country for x in e.actor], [x.sector for x in e.actor],
        [x.name for x in e.recipient], [x.country for x in e.recipient],
        [x.sector for x in e.recipient],
        p.name if p else None, p.geonameid if p else None, p.lat if p else None,
        p.lon if p else None, p.feature if p else None, [t.name for t in e.targets],
        date_label, date_start, date_end, basis, e.certainty, _source_name(e.attribution), chain,
        a.outlet, a.url, e.evidence.text, *_span_cols(e.evidence), e.confidence,
        json.dumps(to_dict(e)),
        *acled_category(e.type, e.mode, [x.sector for x in e.actor], [x.sector for x in e.recipient]),
        [x.name for x in e.also_at],
    )
