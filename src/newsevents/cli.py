"""The `newsevents` command. Each command parses, calls the Python API of the same name, prints."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsevents.records import Reading, to_dict

app = typer.Typer(
    help="Read news articles into source-attributed PLOVER events, store them, query them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    Path, typer.Option("--db", help="DuckDB file to write or query.", envvar="NEWSEVENTS_DB")
]
PublishedOption = Annotated[
    Optional[str], typer.Option("--published", help="Publication date (YYYY-MM-DD) of the input.")
]
UrlOption = Annotated[Optional[str], typer.Option("--url", help="URL of the input article.")]
OutletOption = Annotated[Optional[str], typer.Option("--outlet", help="Publisher of the input.")]


class EventFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    geojson = "geojson"
    plover = "plover"


def _fail(message: str, code: int = 2) -> None:
    err.print(f"[red]error:[/red] {message}", markup=True, highlight=False)
    raise typer.Exit(code)


def _metadata(published: str | None, url: str | None, outlet: str | None):
    from newsevents.sources import Metadata, parse_date

    date = None
    if published:
        date = parse_date(published)
        if date is None:
            _fail(f"--published {published!r} is not a date; use YYYY-MM-DD")
    if not (date or url or outlet):
        return None
    return Metadata(url=url, outlet=outlet, published=date)


@app.command()
def read(
    files: Annotated[list[str], typer.Argument(help="Files or directories to read; - for stdin.")],
    published: PublishedOption = None,
    url: UrlOption = None,
    outlet: OutletOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print each Reading as one JSON line.")] = False,
) -> None:
    """Read articles and print what was found in each (nothing is stored)."""
    from newsevents.engines.local import Failure, iter_articles, read_many

    failed = 0
    for result in read_many(iter_articles(files, _metadata(published, url, outlet))):
        if isinstance(result, Failure):
            failed += 1
            err.print(f"error: {result}", markup=False)
        elif as_json:
            print(json.dumps(to_dict(result), ensure_ascii=False))
        else:
            _print_reading(result)
    if failed:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or directories to ingest; - for stdin.")],
    db: DbOption = Path("newsevents.duckdb"),
    published: PublishedOption = None,
    url: UrlOption = None,
    outlet: OutletOption = None,
    processes: Annotated[int, typer.Option("--processes", "-p", min=1, help="Worker processes.")] = 1,
) -> None:
    """Read articles into the database; re-ingesting an article replaces it."""
    from newsevents.engines.local import Failure, ingest as run_ingest
    from newsevents.settings import Settings
    from newsevents.store import Store, StoreError

    try:
        store = Store(db)
    except StoreError as error:
        _fail(str(error))
    before = store.count()
    with _progress() as progress:
        task = progress.add_task("reading", total=None)

        def on_document(result) -> None:
            if isinstance(result, Failure):
                progress.console.print(f"error: {result}", markup=False, highlight=False)
            progress.advance(task)

        summary = run_ingest(
            paths,
            store,
            metadata=_metadata(published, url, outlet),
            settings=Settings(db=str(db), processes=processes),
            on_document=on_document,
        )
    after = store.count()
    store.close()
    err.print(
        f"{summary.documents} documents read: {summary.stored} stored "
        f"({after - before} new articles, {after} in {db}), {summary.copies} copies of "
        f"stored stories linked, {summary.events} events, {summary.failed} failed",
        markup=False,
    )
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def events(
    db: DbOption = Path("newsevents.duckdb"),
    type: Annotated[Optional[str], typer.Option(help="PLOVER type, e.g. ASSAULT.")] = None,
    place: Annotated[Optional[str], typer.Option(help="Place name (event place or target).")] = None,
    actor: Annotated[Optional[str], typer.Option(help="Actor or recipient name or ISO3 code.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Events on or after this date.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Events on or before this date.")] = None,
    source: Annotated[Optional[str], typer.Option(help="Cited source or publishing outlet.")] = None,
    limit: Annotated[Optional[int], typer.Option(min=1, help="At most this many events.")] = None,
    format: Annotated[EventFormat, typer.Option("--format", help="Output format.")] = EventFormat.table,
) -> None:
    """List stored events, filtered."""
    from newsevents.store import StoreError

    store = _open_existing(db)
    try:
        rows = store.events(
            type=type, place=place, actor=actor, since=since, until=until, source=source, limit=limit
        )
    except StoreError as error:
        _fail(str(error))
    if format is EventFormat.table:
        _print_events(rows)
    else:
        from newsevents.export import write_rows

        write_rows(rows, sys.stdout, format.value)


@app.command()
def clusters(
    db: DbOption = Path("newsevents.duckdb"),
    type: Annotated[Optional[str], typer.Option(help="PLOVER type, e.g. ASSAULT.")] = None,
    place: Annotated[Optional[str], typer.Option(help="Place name.")] = None,
    min_outlets: Annotated[int, typer.Option(min=1, help="Only events reported by this many outlets.")] = 1,
    limit: Annotated[int, typer.Option(min=1, help="At most this many clusters.")] = 30,
) -> None:
    """Reports of the same event merged across articles, most corroborated first."""
    from newsevents.corroborate import cluster_events

    store = _open_existing(db)
    found = [c for c in cluster_events(store.events(type=type, place=place))
             if c.corroboration >= min_outlets][:limit]
    table = Table(title=f"{len(found)} event clusters")
    for column in ("type", "place", "dates", "actors", "outlets", "reports"):
        table.add_column(column, overflow="fold")
    for c in found:
        dates = f"{c.first or '?'} … {c.last or '?'}" if c.first != c.last else str(c.first or "")
        table.add_row(c.type, c.place or "", dates, ", ".join(sorted(c.actor_countries)),
                      f"{c.corroboration}: {', '.join(c.outlets)}"
                      + (f" (copies in {', '.join(c.carried_by)})" if c.carried_by else ""),
                      str(len(c.reports)))
    out.print(table)


@app.command()
def control(
    db: DbOption = Path("newsevents.duckdb"),
    place: Annotated[Optional[str], typer.Option(help="Place name.")] = None,
) -> None:
    """Who controls which place over time, with conflicting claims side by side."""
    from newsevents.corroborate import control_timeline

    store = _open_existing(db)
    timeline = control_timeline(store.control_claims(place=place))
    table = Table(title=f"control claims for {len(timeline)} places")
    for column in ("place", "as of", "controller", "status", "source"):
        table.add_column(column, overflow="fold")
    for name, states in sorted(timeline.items()):
        for state in states:
            for claim in state.claims:
                controller = claim["controller"] + (" (contested)" if state.contested else "")
                source = " via ".join(x for x in (claim["source"], claim["outlet"]) if x)
                table.add_row(name, str(state.date or ""), controller, claim["status"], source)
    out.print(table)


@app.command()
def export(
    output: Annotated[Path, typer.Argument(help="File to write.")],
    db: DbOption = Path("newsevents.duckdb"),
    format: Annotated[
        Optional[ExportFormat], typer.Option("--format", help="Default: from the file suffix.")
    ] = None,
) -> None:
    """Export every stored event (with its evidence and provenance) to a file."""
    from newsevents.export import export_events

    chosen = format.value if format else output.suffix.lstrip(".").lower()
    if chosen not in {f.value for f in ExportFormat}:
        _fail(f"cannot tell the format of {output}; pass --format jsonl|csv|parquet|geojson|plover")
    store = _open_existing(db)
    count = export_events(store, output, chosen)
    err.print(f"{count} events written to {output} ({chosen})", markup=False)


@app.command()
def serve(
    db: DbOption = Path("newsevents.duckdb"),
    host: Annotated[str, typer.Option(help="Address to listen on (0.0.0.0: every interface).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """The REST API (/api/events, /api/clusters, /api/control, /docs) and the web page (/), read-only."""
    try:
        import uvicorn

        from newsevents.server import create_app
    except ImportError as missing:
        _fail(f"serving needs the server extra ({missing.name} is missing): pip install 'newsevents[server]'")
    from newsevents.store import StoreError

    try:
        server_app = create_app(db)
    except StoreError as error:
        _fail(str(error))
    err.print(f"newsevents: {db} on http://{host}:{port}/ (API docs at /docs)", markup=False)
    uvicorn.run(server_app, host=host, port=port, log_level="warning")


def _open_existing(db: Path):
    from newsevents.store import Store, StoreError

    if not db.exists():
        _fail(f"{db}: no such database; create it with `newsevents ingest PATH --db {db}`")
    try:
        return Store(db, read_only=True)
    except StoreError as error:
        _fail(str(error))


def _progress() -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


def _actors(names, countries) -> str:
    return ", ".join(
        f"{n} ({c})" if c and c.lower() not in (n or "").lower() else (n or c or "?")
        for n, c in zip(names or [], countries or [])
    )


def _print_events(rows: list[dict]) -> None:
    table = Table(title=f"{len(rows)} events", expand=False)
    for column in ("type", "who → whom", "place", "date", "certainty", "according to"):
        table.add_column(column, overflow="fold")
    for row in rows:
        kind = f"{row['type']}/{row['mode']}" if row["mode"] else row["type"]
        who = _actors(row["actor"], row["actor_country"]) or "?"
        whom = _actors(row["recipient"], row["recipient_country"])
        place = ", ".join([row["place"] or "", *(row.get("also_at") or [])]).strip(", ")
        if row["targets"]:
            place = f"{place} → {', '.join(row['targets'])}".strip(" →")
        table.add_row(kind, f"{who} → {whom}" if whom else who, place,
                      _date_text(row["date"]), row["certainty"], _source_text(row))
    out.print(table)


def _date_text(label: str | None) -> str:
    """'../2022-07-05' (an open interval) reads as '≤ 2022-07-05'."""
    if not label:
        return ""
    if label.startswith("../") or label.startswith("…/"):
        return f"≤ {label[3:] if label.startswith('../') else label[2:]}"
    return label


def _source_text(row: dict) -> str:
    chain = [c for c in (row.get("chain") or []) if c]
    if len(chain) > 1:
        return f"{' → '.join(chain[1:])} (via {chain[0]})"
    return chain[0] if chain else (row.get("outlet") or "")


def _print_reading(reading: Reading) -> None:
    article = reading.article
    out.print(f"[bold]{article.headline}[/bold]", markup=True, highlight=False)
    meta = [article.outlet, article.published and article.published.isoformat(), article.url]
    out.print(" · ".join(m for m in meta if m), markup=False)
    kinds = sorted({b.kind for b in article.boilerplate})
    out.print(f"body: {len(article.body.split())} words; removed: {', '.join(kinds) or 'nothing'}")
    if article.tags:
        out.print(f"tags: {', '.join(article.tags)}", markup=False)
    for place in reading.places:
        out.print(
            f"place: {place.text} → {place.name} ({place.feature}, {place.country}) "
            f"{place.lat:.2f},{place.lon:.2f}" if place.lat is not None
            else f"place: {place.text} (unresolved)",
            markup=False,
        )
    for quote in reading.quotes:
        speaker = quote.speaker.name if quote.speaker else "?"
        out.print(f"quote ({quote.kind}) by {speaker} via {quote.channel or '-'}: {quote.text[:90]}",
                  markup=False)
    rows = [
        {
            "type": e.type, "mode": e.mode, "actor": [a.name for a in e.actor],
            "actor_country": [a.country for a in e.actor],
            "recipient": [a.name for a in e.recipient],
            "recipient_country": [a.country for a in e.recipient],
            "place": e.place.name if e.place else None, "also_at": [p.name for p in e.also_at],
            "targets": [t.name for t in e.targets],
            "date": _date_label(e.date), "certainty": e.certainty,
            "chain": list(e.attribution.chain) if e.attribution else [article.outlet or ""],
            "outlet": article.outlet,
        }
        for e in reading.events
    ]
    _print_events(rows)


def _date_label(time) -> str:
    if time is None:
        return ""
    if time.end and time.value != time.end:
        return f"{time.value or '..'}/{time.end}"
    return time.value or ""


def main() -> None:  # pragma: no cover - console entry point
    app()
