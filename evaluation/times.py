"""Score extract_times on TimeBank + AQUAINT (TBAQ-cleaned), the TempEval-3 way.

Gold: every TIMEX3 inside <TEXT>, its value normalised against the document's creation time (the
TIMEX3 with functionInDocument="CREATION_TIME"), which we pass as ``Article.published``.
Scores (TempEval-3, UzZaman et al. 2013):
- strict span P/R/F1: system and gold extents identical;
- relaxed span P/R/F1: extents overlap (one-to-one);
- value F1: over relaxed matches, a match counts when the values are equal;
  P = correct / system expressions, R = correct / gold expressions (so value F1 = relaxed F1 x
  value accuracy); value_acc = correct / relaxed matches.
Also measured, to decide dateparser vs own rules: on every gold DATE expression's own text, the
share of values dateparser (RELATIVE_BASE = the DCT) gets right vs our normaliser.

``--by-kind`` breaks the outcomes (right value, wrong value, spurious, missed) down by kind of
expression (weekdays, weeks, quarters, durations, sets, "now", vague references, ...), read from
the gold text, or the system's for a spurious one: where the value errors come from.

Also the Giveme5W1H "when" match rate: the share of its 96 news articles whose annotated "when"
phrase overlaps one of our time expressions.

``--by-corpus`` adds the scores of the TimeBank and the AQUAINT documents apart (the two were
annotated by different teams, and their conventions differ): which one carries the errors.

``--half odd|even`` scores only the odd-numbered (1st, 3rd, ...) or even-numbered documents in
file-name order, after ``--limit``: tune on one half, confirm on the other.

    python -m evaluation.times [--limit N] [--half odd|even] [--dateparser] [--errors] [--by-kind] [--by-corpus]
                               [--no-five-w1h]
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass

from evaluation.common import prf, shared_data, summary_line
from newsevents.extract.times import extract_times
from newsevents.language import load_nlp
from newsevents.records import Article, TimeRef

VALUE_RE = re.compile(r"^(?:[0-9X]{1,4}[-0-9A-Z:X.]*|P[0-9A-Z.X]+|PT[0-9A-Z.X]+|(?:PAST|PRESENT|FUTURE)_REF)$")
TAG_RE = re.compile(r"<(/?)(\w+)([^>]*)>")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class GoldDoc:
    id: str
    dct: dt.date
    body: str
    timexes: tuple[GoldTimex, ...]
    corpus: str = ""  # the folder it comes from: "TimeBank" or "AQUAINT"


class GoldError(ValueError):
    pass


def parse_tml(name: str, xml: str, corpus: str = "") -> GoldDoc:
    """One TimeML file as a GoldDoc: tags stripped from <TEXT>, TIMEX3 offsets into that text."""
    dct_match = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', xml)
    if not dct_match:
        raise GoldError(f"{name}: no CREATION_TIME TIMEX3")
    dct_value = re.search(r'value="([^"]+)"', dct_match.group(0)).group(1)
    inner = xml.split("<TEXT>", 1)[1].split("</TEXT>", 1)[0]
    body, timexes, open_timex, pos = [], [], None, 0
    length = 0
    for tag in TAG_RE.finditer(inner):
        chunk = html.unescape(inner[pos : tag.start()])
        body.append(chunk)
        length += len(chunk)
        pos = tag.end()
        closing, kind, attrs = tag.group(1), tag.group(2), tag.group(3)
        if kind != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(re.findall(r'(\w+)="([^"]*)"', attrs)))
        elif open_timex is not None:
            start, fields = open_timex
            timexes.append((start, length, fields))
            open_timex = None
    body.append(html.unescape(inner[pos:]))
    text = "".join(body)
    gold = tuple(
        GoldTimex(s, e, text[s:e], f.get("type", ""), f.get("value", "")) for s, e, f in timexes
    )
    return GoldDoc(name, dt.date.fromisoformat(dct_value[:10]), text, gold, corpus)


def validate(doc: GoldDoc) -> None:
    for t in doc.timexes:
        if doc.body[t.start : t.end] != t.text or not t.text.strip():
            raise GoldError(f"{doc.id}: bad span {t}")
        if t.type not in ("DATE", "TIME", "DURATION", "SET"):
            raise GoldError(f"{doc.id}: unknown TIMEX3 type {t.type!r}")
        if t.value and not VALUE_RE.match(t.value):
            raise GoldError(f"{doc.id}: unexpected value {t.value!r}")


def load_gold(limit: int | None = None, half: str | None = None) -> list[GoldDoc]:
    """The gold documents in file-name order; ``half`` "odd" keeps the 1st, 3rd, ..., "even" the
    2nd, 4th, ... of them."""
    root = shared_data("gold", "temporal", "TBAQ-cleaned")
    paths = sorted(root.glob("*/*.tml"), key=lambda p: p.name)
    if limit:
        paths = paths[:: max(1, len(paths) // limit)][:limit]  # spread over both corpora
    if half:
        paths = paths[{"odd": 0, "even": 1}[half] :: 2]
    docs = [parse_tml(p.stem, p.read_text(encoding="utf-8"), p.parent.name) for p in paths]
    for doc in docs:
        validate(doc)
    return docs


def _match(system: list[TimeRef], gold: tuple[GoldTimex, ...], strict: bool) -> list[tuple[TimeRef, GoldTimex]]:
    pairs, used = [], set()
    for s in system:
        for i, g in enumerate(gold):
            if i in used:
                continue
            hit = (s.span.start, s.span.end) == (g.start, g.end) if strict else s.span.start < g.end and g.start < s.span.end
            if hit:
                pairs.append((s, g))
                used.add(i)
                break
    return pairs


def score(docs: list[GoldDoc], show_errors: bool = False, by_kind: bool = False, by_corpus: bool = False) -> dict[str, float]:
    nlp = load_nlp(with_gazetteer=False)
    n_sys = n_gold = n_strict = n_relaxed = n_value = 0
    outcomes: Counter[tuple[str, str]] = Counter()
    per_corpus: dict[str, Counter[str]] = {}
    started = time.perf_counter()
    stage_seconds = 0.0
    for gold, doc in zip(docs, nlp.pipe(d.body for d in docs)):
        article = Article(id=gold.id, headline="", body=gold.body, published=gold.dct)
        t0 = time.perf_counter()
        system = list(extract_times(doc, article))
        stage_seconds += time.perf_counter() - t0
        relaxed = _match(system, gold.timexes, strict=False)
        counts = Counter(system=len(system), gold=len(gold.timexes), strict=len(_match(system, gold.timexes, strict=True)),
                         relaxed=len(relaxed), value=sum(s.value == g.value for s, g in relaxed))
        per_corpus.setdefault(gold.corpus, Counter()).update(counts)
        n_sys += counts["system"]
        n_gold += counts["gold"]
        n_strict += counts["strict"]
        n_relaxed += counts["relaxed"]
        n_value += counts["value"]
        if show_errors:
            _print_errors(gold, system, relaxed)
        outcomes.update(_outcomes(system, gold.timexes, relaxed))
    sp, sr, sf = prf(n_strict, n_sys, n_gold)
    rp, rr, rf = prf(n_relaxed, n_sys, n_gold)
    vp, vr, vf = prf(n_value, n_sys, n_gold)
    print(f"docs={len(docs)} gold={n_gold} system={n_sys} parse+extract={time.perf_counter() - started:.1f}s "
          f"extract_times={1000 * stage_seconds / max(1, len(docs)):.2f} ms/doc")
    print(f"strict  P={sp:.3f} R={sr:.3f} F1={sf:.3f}")
    print(f"relaxed P={rp:.3f} R={rr:.3f} F1={rf:.3f}")
    print(f"value   P={vp:.3f} R={vr:.3f} F1={vf:.3f} accuracy on relaxed matches={n_value / max(1, n_relaxed):.3f}")
    if by_kind:
        _print_by_kind(outcomes)
    if by_corpus:
        for corpus, counts in sorted(per_corpus.items()):
            print(corpus_line(corpus, counts))
    return {"strict_f1": sf, "relaxed_f1": rf, "value_acc": n_value / max(1, n_relaxed), "value_f1": vf, "span_f1": rf}


def corpus_line(corpus: str, counts: Counter) -> str:
    """One corpus's scores from its counts (system, gold, strict, relaxed, value), as `score` prints them."""
    strict, relaxed, value = (prf(counts[k], counts["system"], counts["gold"])[2] for k in ("strict", "relaxed", "value"))
    accuracy = counts["value"] / max(1, counts["relaxed"])
    return (f"{corpus or '?':9} gold={counts['gold']} system={counts['system']} strict F1={strict:.3f} "
            f"relaxed F1={relaxed:.3f} value F1={value:.3f} accuracy={accuracy:.3f}")


def _print_errors(gold: GoldDoc, system: list[TimeRef], relaxed: list) -> None:
    matched_sys = {id(s) for s, _ in relaxed}
    matched_gold = {id(g) for _, g in relaxed}
    for s, g in relaxed:
        if s.value != g.value:
            print(f"VALUE {gold.id} dct={gold.dct} {g.text!r} gold={g.value} sys={s.text!r}={s.value}")
    for s in system:
        if id(s) not in matched_sys:
            print(f"FP    {gold.id} {s.text!r}={s.value} | {gold.body[max(0, s.span.start - 40):s.span.end + 30]!r}")
    for g in gold.timexes:
        if id(g) not in matched_gold:
            print(f"FN    {gold.id} {g.text!r}={g.value} | {gold.body[max(0, g.start - 40):g.end + 30]!r}")


KINDS = (  # the first that matches an expression's text names its kind, for the error breakdown
    ("set", r"\b(?:every|each|daily|weekly|monthly|annually|quarterly|hourly)\b"),
    ("quarter/half/period", r"quarter|\bhalf\b|\bperiod\b"),
    ("now/current", r"^(?:right now|now|currently|current|these days|nowadays)$"),
    ("decade/century", r"\d0'?s\b|decade|centur|nineties|eighties"),
    ("week/weekend", r"week"),
    ("weekday", r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"),
    ("vague reference", r"^(?:the )?(?:recent(?:ly)?|past|future|soon|once|earlier|previously|already|then|yet)$"),
    ("ago/earlier/later", r"\b(?:ago|earlier|later)\b"),
    ("duration", r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|many|\w+teen|\w+ty)[ -](?:second|minute|hour|day|night|month|year)s?\b"),
    ("year-relative", r"\byear"),
    ("explicit date/year", r"\d{4}"),
    ("month/date", r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"),
    ("clock/part of day", r"a\.m|p\.m|noon|midnight|morning|afternoon|evening|night"),
    ("today/yesterday", r"today|yesterday|tomorrow|tonight"),
)


def expression_kind(text: str) -> str:
    lowered = text.lower().strip(" .,")
    return next((kind for kind, pattern in KINDS if re.search(pattern, lowered)), "other")


def _outcomes(system: list[TimeRef], gold: tuple[GoldTimex, ...], relaxed: list) -> list[tuple[str, str]]:
    """(kind, outcome) for every expression: right value, wrong value, spurious, missed."""
    matched_sys = {id(s) for s, _ in relaxed}
    matched_gold = {id(g) for _, g in relaxed}
    found = [(expression_kind(g.text), "right" if s.value == g.value else "wrong value") for s, g in relaxed]
    found += [(expression_kind(s.text), "spurious") for s in system if id(s) not in matched_sys]
    return found + [(expression_kind(g.text), "missed") for g in gold if id(g) not in matched_gold]


def _print_by_kind(outcomes: Counter) -> None:
    columns = ("right", "wrong value", "spurious", "missed")
    kinds = sorted({k for k, _ in outcomes}, key=lambda k: -sum(outcomes[k, c] for c in columns[1:]))
    print(f"{'kind':22}" + "".join(f"{c:>12}" for c in columns))
    for kind in kinds:
        print(f"{kind:22}" + "".join(f"{outcomes[kind, c]:12d}" for c in columns))


def dateparser_baseline(docs: list[GoldDoc]) -> tuple[float, float, float]:
    """On each gold DATE expression's own text, anchored on the DCT, without its sentence: the
    share of values dateparser gets right, the share our rules get right, and dateparser's cost
    in ms per call."""
    import dateparser  # only this comparison needs it

    from newsevents.extract.times_grammar import find_candidates, select
    from newsevents.extract.times_rules import normalise

    formats = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
    theirs = ours = total = 0
    spent = 0.0
    for doc in docs:
        base = dt.datetime.combine(doc.dct, dt.time(12))
        parser = dateparser.DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base})
        for t in (t for t in doc.timexes if t.type == "DATE"):
            total += 1
            started = time.perf_counter()
            data = parser.get_date_data(t.text)
            spent += time.perf_counter() - started
            if data.date_obj is not None:
                theirs += data.date_obj.strftime(formats.get(data.period, "%Y-%m-%d")) == t.value
            chosen = select(find_candidates(t.text))
            if chosen:
                value = normalise(max(chosen, key=lambda c: c.end - c.start), doc.dct, None, None)
                ours += value is not None and value.value == t.value
    return theirs / max(1, total), ours / max(1, total), 1000 * spent / max(1, total)


def when_match_rate(limit: int | None = None) -> float:
    """Giveme5W1H gold: the share of articles whose annotated "when" phrases (those found in the
    text) overlap at least one time expression we extract from that text."""
    import json

    articles = []
    for path in sorted(shared_data("gold", "five-w1h").glob("*.json"))[:limit]:
        data = json.loads(path.read_text(encoding="utf-8"))
        text = data.get("text") or ""
        phrases = [a.get("text", "").strip() for a in data["fiveWoneH"]["when"].get("annotated", [])]
        spans = [(i, i + len(p)) for p in phrases if p and (i := text.find(p)) >= 0]
        published = data.get("date_publish") if data.get("date_publish") not in (None, "None") else None
        if spans:
            articles.append((text, spans, dt.date.fromisoformat(published[:10]) if published else None))
    nlp = load_nlp(with_gazetteer=False)
    hits = 0
    for (text, spans, published), doc in zip(articles, nlp.pipe(a[0] for a in articles)):
        times = extract_times(doc, Article(id="w", headline="", body=text, published=published))
        hits += any(t.span.start < e and s < t.span.end for t in times for s, e in spans)
    rate = hits / max(1, len(articles))
    print(f"five-w1h: {len(articles)} articles with a located 'when' phrase; matched {hits} ({rate:.3f})")
    return rate


def evaluate(
    limit: int | None = None, with_dateparser: bool = False, show_errors: bool = False, five_w1h: bool = False,
    by_kind: bool = False, half: str | None = None, by_corpus: bool = False,
) -> dict[str, float]:
    docs = load_gold(limit, half)
    scores = score(docs, show_errors, by_kind, by_corpus)
    if five_w1h:
        scores = {"when_match": when_match_rate(limit), **scores}
    if with_dateparser:
        theirs, ours, cost = dateparser_baseline(docs)
        print(f"gold DATE texts alone, DCT as anchor: dateparser right {theirs:.3f} ({cost:.2f} ms/call), "
              f"our rules right {ours:.3f}")
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.times", description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score only N documents")
    parser.add_argument("--half", choices=("odd", "even"), help="score only the odd- or even-numbered documents")
    parser.add_argument("--dateparser", action="store_true", help="also measure dateparser on the gold texts")
    parser.add_argument("--errors", action="store_true", help="print every miss")
    parser.add_argument("--by-kind", action="store_true", help="right / wrong value / spurious / missed by kind of expression")
    parser.add_argument("--by-corpus", action="store_true", help="also score the TimeBank and AQUAINT documents apart")
    parser.add_argument("--no-five-w1h", action="store_true", help="skip the Giveme5W1H 'when' match rate")
    args = parser.parse_args(argv)
    scores = evaluate(args.limit, args.dateparser, args.errors, five_w1h=not args.no_five_w1h, by_kind=args.by_kind,
                      half=args.half, by_corpus=args.by_corpus)
    print(summary_line("times", scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
