"""The REST API and the web page over one store: `newsevents serve --db FILE`.

Read-only over the database (ingesting stays the CLI's job, so a running server can never corrupt
what is stored), plus ``POST /api/read`` to try the pipeline on a text without storing it. Lists
come as ``{"data": [...], "count": N}`` where N counts every match, not just the page. The page
under ``/`` (``web/``) shows the same data on a map, a timeline and a table, and puts article text
into the page as text only: articles are untrusted, and the page's content security policy
allows no script but its own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
from collections.abc import Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from newsevents.settings import shared_data_root
from newsevents.store import Store, StoreError

WEB = Path(__file__).parent / "web"
BASEMAP = "ne_50m_admin_0_countries.json"
MAX_PAGE = 1000
MAX_TEXT = 200_000
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def open_store(request: Request) -> Iterator[Store]:
    """The app's store through a cursor of its own for this request."""
    view = request.app.state.store.thread_view()
    try:
        yield view
    finally:
        view.close()


StoreDep = Annotated[Store, Depends(open_store)]


@dataclasses.dataclass(frozen=True)
class EventFilters:
    type: str | None = None
    place: str | None = None
    actor: str | None = None
    since: str | None = None
    until: str | None = None
    source: str | None = None


def event_filters(
    type: Annotated[str | None, Query(description="PLOVER type, e.g. ASSAULT.")] = None,
    place: Annotated[str | None, Query(description="Place name (event place or target).")] = None,
    actor: Annotated[str | None, Query(description="Actor or recipient name or ISO3 code.")] = None,
    since: Annotated[str | None, Query(description="On or after: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(description="On or before: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    source: Annotated[str | None, Query(description="Cited source or publishing outlet.")] = None,
) -> EventFilters:
    return EventFilters(type, place, actor, since, until, source)


FiltersDep = Annotated[EventFilters, Depends(event_filters)]


def _checked(call, *args, **kwargs):
    """A store call whose bad filter value (StoreError) becomes a 422 naming it."""
    try:
        return call(*args, **kwargs)
    except StoreError as error:
        raise HTTPException(status_code=422, detail=str(error)) from None


def _found(record: dict[str, Any] | None, missing: str) -> dict[str, Any]:
    if record is None:
        raise HTTPException(status_code=404, detail=missing)
    return record


events = APIRouter(prefix="/api/events", tags=["events"])


@events.get("")
def list_events(store: StoreDep, filters: FiltersDep,
                limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
                offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    """Events matching every filter, newest first, a page at a time."""
    given = dataclasses.asdict(filters)
    data = _checked(store.events, **given, limit=limit, offset=offset)
    return {"data": data, "count": _checked(store.count_events, **given)}


@events.get(".geojson")
def events_geojson(store: StoreDep, filters: FiltersDep,
                   limit: Annotated[int, Query(ge=1, le=50_000)] = 5000) -> dict[str, Any]:
    """The matching events that have coordinates, as a GeoJSON FeatureCollection."""
    from newsevents.export import geojson

    return geojson(_checked(store.events, **dataclasses.asdict(filters), limit=limit))


@events.get("/{event_id}")
def get_event(event_id: str, store: StoreDep) -> dict[str, Any]:
    return _found(store.event(event_id), f"no event {event_id!r}")


articles = APIRouter(prefix="/api/articles", tags=["articles"])


@articles.get("/{article_id}")
def get_article(article_id: str, store: StoreDep) -> dict[str, Any]:
    """One stored article: its text, boilerplate, quotes, attributions and events."""
    article = _found(store.article(article_id), f"no article {article_id!r}")
    by_article = "SELECT * EXCLUDE (article_id) FROM {} WHERE article_id = ? ORDER BY ord"
    for table in ("boilerplate", "quotes", "attributions"):
        article[table] = store.query(by_article.format(table), [article_id])
    article["events"] = store.query(
        "SELECT id, type, mode, evidence, start, \"end\" FROM events WHERE article_id = ? ORDER BY ord",
        [article_id])
    return article


across = APIRouter(prefix="/api", tags=["across articles"])


@across.get("/clusters")
def list_clusters(store: StoreDep, filters: FiltersDep,
                  min_outlets: Annotated[int, Query(ge=1)] = 1,
                  limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100) -> dict[str, Any]:
    """Reports of the same event merged across articles, most corroborated first."""
    from newsevents.corroborate import cluster_events

    rows = _checked(store.events, **dataclasses.asdict(filters))
    found = [c for c in cluster_events(rows) if c.corroboration >= min_outlets]
    data = [{
        "type": c.type, "place": c.place, "first": c.first, "last": c.last,
        "actor_countries": sorted(c.actor_countries), "outlets": c.outlets,
        "carried_by": c.carried_by, "corroboration": c.corroboration,
        "reports": [r["id"] for r in c.reports],
    } for c in found[:limit]]
    return {"data": data, "count": len(found)}


@across.get("/control")
def control(store: StoreDep, place: str | None = None) -> dict[str, Any]:
    """Who controls which place over time; conflicting claims of one date side by side."""
    from newsevents.corroborate import control_timeline

    timeline = control_timeline(store.control_claims(place=place))
    data = [{"place": name, "date": state.date, "controllers": state.controllers,
             "contested": state.contested, "claims": list(state.claims)}
            for name, states in sorted(timeline.items()) for state in states]
    return {"data": data, "count": len(data)}


@across.get("/stats")
def stats(store: StoreDep) -> dict[str, Any]:
    """What the database holds: counts per table and the span of publication dates."""
    first, last = store.db.execute("SELECT min(published), max(published) FROM articles").fetchone()
    tables = ("articles", "events", "places", "quotes", "attributions", "control_claims")
    return {"db": Path(store.path).name, **{t: store.count(t) for t in tables},
            "published_first": first, "published_last": last}


@functools.lru_cache(maxsize=1)
def _basemap(path: Path) -> dict[str, Any]:
    """Country outlines with names only and coordinates to 0.01 degree (about a kilometre): a
    tenth of the file's size, which is plenty to draw under the events."""
    def rounded(coords):
        return [rounded(c) for c in coords] if isinstance(coords[0], list) else [round(c, 2) for c in coords]

    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": f["properties"].get("NAME"), "iso3": f["properties"].get("ADM0_A3")},
         "geometry": {"type": f["geometry"]["type"], "coordinates": rounded(f["geometry"]["coordinates"])}}
        for f in features if f.get("geometry")]}


@across.get("/basemap")
def basemap() -> dict[str, Any]:
    """Natural Earth country outlines (public domain) from the shared data, to draw the map on."""
    path = shared_data_root() / "map" / BASEMAP
    if not path.is_file():
        raise HTTPException(status_code=404, detail=f"{path}: no base map here; the page draws a bare grid")
    return _basemap(path)


class ReadRequest(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT, description="Headline on the first line, then the body.")
    published: dt.date | None = None
    url: str | None = None
    outlet: str | None = None


@across.post("/read")
def read(request: ReadRequest) -> dict[str, Any]:
    """Run the whole pipeline on one text and return its Reading; nothing is stored."""
    from newsevents.api import read_text as read_one
    from newsevents.records import to_dict

    try:
        reading = read_one(request.text, published=request.published, url=request.url,
                           outlet=request.outlet)
    except ValueError as error:
        raise HTTPException(status_code=422, detail=" ".join(str(error).split())) from None
    return to_dict(reading)


def create_app(db: str | Path) -> FastAPI:
    """The app over the DuckDB file ``db``, which must exist (``newsevents ingest`` makes it)."""
    path = Path(db)
    if not path.is_file():
        raise StoreError(f"{path}: no such database; create it with `newsevents ingest PATH --db {path}`")
    Store(path, read_only=True).close()  # a database it cannot serve fails here, in one line

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.store = Store(path, read_only=True)
        try:
            yield
        finally:
            app.state.store.close()

    app = FastAPI(title="newsevents", summary="Source-attributed events from news", lifespan=lifespan)
    app.add_middleware(GZipMiddleware, minimum_size=2000)
    for router in (events, articles, across):
        app.include_router(router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(WEB / "index.html")

    app.mount("/web", StaticFiles(directory=WEB), name="web")
    return app
