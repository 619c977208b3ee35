"""The DuckDB store: one file, tables that mirror the records, one transaction per write.

Each table keeps flat columns to filter on and, where a record nests, its full JSON in ``record``
so a Reading can be rebuilt without loss (``store_rows`` turns a Reading into those rows). Writing
a Reading replaces every row of that article (same id), so re-ingesting is idempotent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from newsevents.ontology import acled_category
from newsevents.records import Article, Reading
from newsevents.store_rows import date_range, rows_of

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, url VARCHAR, outlet VARCHAR, headline VARCHAR, body VARCHAR,
    published DATE, byline VARCHAR, tags VARCHAR[], related VARCHAR[], photo_credit VARCHAR,
    origin VARCHAR, copies VARCHAR[], words INTEGER, ingested_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS boilerplate (article_id VARCHAR, ord INTEGER, kind VARCHAR, text VARCHAR);
CREATE TABLE IF NOT EXISTS sentences (
    article_id VARCHAR, sentence INTEGER, "start" INTEGER, "end" INTEGER, text VARCHAR
);
CREATE TABLE IF NOT EXISTS actors (
    article_id VARCHAR, ord INTEGER, text VARCHAR, name VARCHAR, country VARCHAR, sector VARCHAR,
    "start" INTEGER, "end" INTEGER, sentence INTEGER
);
CREATE TABLE IF NOT EXISTS places (
    article_id VARCHAR, ord INTEGER, text VARCHAR, name VARCHAR, geonameid BIGINT, lat DOUBLE,
    lon DOUBLE, feature VARCHAR, country VARCHAR, admin1 VARCHAR, confidence DOUBLE,
    "start" INTEGER, "end" INTEGER, sentence INTEGER
);
CREATE TABLE IF NOT EXISTS times (
    article_id VARCHAR, ord INTEGER, text VARCHAR, value VARCHAR, end_value VARCHAR,
    granularity VARCHAR, basis VARCHAR, kind VARCHAR, "start" INTEGER, "end" INTEGER,
    sentence INTEGER
);
CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR, ord INTEGER, text VARCHAR, kind VARCHAR, speaker VARCHAR,
    speaker_country VARCHAR, speaker_sector VARCHAR, channel VARCHAR, cue VARCHAR,
    "start" INTEGER, "end" INTEGER, sentence INTEGER, record JSON
);
CREATE TABLE IF NOT EXISTS attributions (
    article_id VARCHAR, ord INTEGER, source VARCHAR, cue VARCHAR, chain VARCHAR[],
    certainty VARCHAR, "start" INTEGER, "end" INTEGER, sentence INTEGER, record JSON
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR, article_id VARCHAR, ord INTEGER, type VARCHAR, mode VARCHAR, context VARCHAR[],
    actor VARCHAR[], actor_country VARCHAR[], actor_sector VARCHAR[],
    recipient VARCHAR[], recipient_country VARCHAR[], recipient_sector VARCHAR[],
    place VARCHAR, geonameid BIGINT, lat DOUBLE, lon DOUBLE, place_feature VARCHAR,
    targets VARCHAR[], date VARCHAR, date_start DATE, date_end DATE, date_basis VARCHAR,
    certainty VARCHAR, source VARCHAR, chain VARCHAR[], outlet VARCHAR, url VARCHAR,
    evidence VARCHAR, "start" INTEGER, "end" INTEGER, sentence INTEGER, confidence DOUBLE,
    record JSON, acled_event_type VARCHAR, acled_sub_event_type VARCHAR
);
CREATE TABLE IF NOT EXISTS signatures (article_id VARCHAR, exact_key VARCHAR, minhash BLOB);
CREATE TABLE IF NOT EXISTS article_copies (
    article_id VARCHAR, url VARCHAR, outlet VARCHAR, headline VARCHAR, published DATE
);
CREATE TABLE IF NOT EXISTS control_claims (
    article_id VARCHAR, ord INTEGER, place VARCHAR, geonameid BIGINT, lat DOUBLE, lon DOUBLE,
    controller VARCHAR, status VARCHAR, as_of VARCHAR, as_of_start DATE, as_of_end DATE,
    source VARCHAR, outlet VARCHAR, evidence VARCHAR, "start" INTEGER, "end" INTEGER,
    sentence INTEGER, record JSON
);
"""

# Rows that belong to one reading of an article and are replaced with it. ``article_copies``
# is not among them: other crawls of the story stay linked when the article is read again.
ARTICLE_TABLES = (
    "boilerplate", "sentences", "actors", "places", "times", "quotes", "attributions",
    "control_claims", "events", "signatures",
)
# Columns added since the first schema, (table, column, type). Rows are inserted by position, so a
# new column goes last, and a database written before it gets it when opened for writing.
ADDED_COLUMNS = (
    ("events", "acled_event_type", "VARCHAR"),
    ("events", "acled_sub_event_type", "VARCHAR"),
    ("events", "also_at", "VARCHAR[]"),
)


class StoreError(RuntimeError):
    pass


class Store:
    """A DuckDB file holding Readings. ``Store(path)`` creates it if needed."""

    def __init__(self, path: str | Path = "newsevents.duckdb", *, read_only: bool = False):
        self.path = str(path)
        try:
            self.db = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as error:
            raise StoreError(f"{self.path}: cannot open the database: {_one_line(error)}") from None
        if not read_only:
            self.db.execute(SCHEMA)
            self._upgrade()
        elif missing := self._missing_columns():
            raise StoreError(f"{self.path}: written by an older newsevents (no {', '.join(missing)});"
                             " open it once for writing (any `newsevents ingest --db` run) to upgrade it")

    def close(self) -> None:
        self.db.close()

    def _missing_columns(self) -> list[str]:
        found = set(self.db.execute(
            "SELECT table_name || '.' || column_name FROM information_schema.columns").fetchall())
        tables = {t for (t,) in self.db.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        return [f"{t}.{c}" for t, c, _ in ADDED_COLUMNS if t in tables and (f"{t}.{c}",) not in found]

    def _upgrade(self) -> None:
        """Add the columns an older database lacks, filled in for the rows it holds."""
        missing = self._missing_columns()
        if not missing:
            return
        self.db.execute("BEGIN TRANSACTION")
        try:
            for table, column, kind in ADDED_COLUMNS:
                if f"{table}.{column}" in missing:
                    self.db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
            combos = self.db.execute(
                "SELECT DISTINCT type, mode, actor_sector, recipient_sector FROM events").fetchall()
            for combo in combos:
                self.db.execute(
                    "UPDATE events SET acled_event_type = ?, acled_sub_event_type = ? WHERE type = ?"
                    " AND mode IS NOT DISTINCT FROM ? AND actor_sector IS NOT DISTINCT FROM ?"
                    " AND recipient_sector IS NOT DISTINCT FROM ?", [*acled_category(*combo), *combo])
            if "events.also_at" in missing:  # from the stored record (none before the field existed)
                self.db.execute("UPDATE events SET also_at ="
                                " coalesce(json_extract_string(record, '$.also_at[*].name'), [])")
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def thread_view(self) -> Store:
        """The same database through a new cursor: DuckDB wants one cursor per thread (a web
        server answers requests from a pool). Close the view when done; the store stays open."""
        view = object.__new__(Store)
        view.path, view.db = self.path, self.db.cursor()
        return view

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ------------------------------------------------------------------------------

    def write(self, readings: Reading | Sequence[Reading]) -> int:
        """Insert or replace the readings' articles, all in one transaction. Returns the count."""
        given = [readings] if isinstance(readings, Reading) else list(readings)
        if not given:
            return 0
        # The same article twice in one batch (a recrawl) is stored once: the last copy wins.
        batch = list({r.article.id: r for r in given}.values())
        rows: dict[str, list[tuple]] = {t: [] for t in ("articles", *ARTICLE_TABLES)}
        for reading in batch:
            for table, table_rows in rows_of(reading).items():
                rows[table].extend(table_rows)
        ids = list({r.article.id for r in batch})
        self.db.execute("BEGIN TRANSACTION")
        try:
            for table in ARTICLE_TABLES:
                self.db.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [ids])
            self.db.execute("DELETE FROM articles WHERE id IN (SELECT unnest(?))", [ids])
            for table, table_rows in rows.items():
                if table_rows:
                    self._insert(table, table_rows)
            self._relink_copies(ids)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return len(given)

    def add_copies(self, copies: Sequence[tuple[str, Article]]) -> int:
        """Record other crawls of stored stories, ``(original id, copy)`` pairs, in one
        transaction: each copy's URL, outlet, headline and date are kept (outlets count for
        corroboration) and its URL joins the original's ``copies``. Returns the count."""
        rows = [(original, c.url or c.origin, c.outlet, c.headline, c.published) for original, c in copies]
        if not rows:
            return 0
        self.db.execute("BEGIN TRANSACTION")
        try:
            self._insert("_copies_incoming", rows, create=True)
            self.db.execute(
                "DELETE FROM article_copies WHERE (article_id, url) IN "
                "(SELECT (c0, c1) FROM _copies_incoming)"
            )
            self.db.execute("INSERT INTO article_copies SELECT DISTINCT * FROM _copies_incoming")
            self.db.execute("DROP TABLE _copies_incoming")
            self._relink_copies(list({r[0] for r in rows}))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return len(rows)

    def _relink_copies(self, ids: list[str]) -> None:
        self.db.execute(
            "UPDATE articles SET copies = list_distinct(coalesce(copies, []) || coalesce(("
            " SELECT list(c.url) FROM article_copies c WHERE c.article_id = articles.id), []))"
            " WHERE id IN (SELECT unnest(?))",
            [ids],
        )

    def duplicate_index(self):
        """A DuplicateIndex of every stored article, in the order they were stored."""
        from newsevents.dedup import DuplicateIndex, Signature

        index = DuplicateIndex()
        rows = self.db.execute(
            "SELECT s.article_id, s.exact_key, s.minhash FROM signatures s"
            " JOIN articles a ON a.id = s.article_id ORDER BY a.ingested_at, s.article_id"
        ).fetchall()
        for article_id, key, minhash in rows:
            index.add(article_id, Signature(key, minhash))
        return index

    def _insert(self, table: str, rows: list[tuple], *, create: bool = False) -> None:
        # One columnar insert per table: far faster than executemany's row-at-a-time binding.
        columns = {f"c{i}": list(values) for i, values in enumerate(zip(*rows))}
        frame = pa.table(columns)
        self.db.register("_incoming", frame)
        verb = f"CREATE TEMP TABLE {table} AS" if create else f"INSERT INTO {table}"
        self.db.execute(f"{verb} SELECT * FROM _incoming")
        self.db.unregister("_incoming")

    # --- reading ------------------------------------------------------------------------------

    def count(self, table: str = "articles") -> int:
        if table not in ("articles", *ARTICLE_TABLES):
            raise StoreError(f"unknown table {table!r}; choose one of articles, {', '.join(ARTICLE_TABLES)}")
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def events(
        self,
        *,
        type: str | None = None,
        place: str | None = None,
        actor: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        source: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Events matching every filter given, newest first, as flat dicts."""
        sql, params = _events_query(type, place, actor, since, until, source, limit, offset)
        return self.query(sql, params)

    def count_events(self, **filters: Any) -> int:
        """How many events match the filters (``limit`` and ``offset`` aside): a page's total."""
        sql, params = _events_query(*(filters.get(k) for k in _FILTERS[:-2]), None, None)
        return self.db.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event by id, with the same columns as ``events``."""
        found = self.query(f"SELECT {EVENT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id"
                           " WHERE e.id = ?", [event_id])
        return found[0] if found else None

    def events_df(self, **filters: Any):
        """The same events as a pandas DataFrame."""
        sql, params = _events_query(*(filters.get(k) for k in _FILTERS))
        return self.db.execute(sql, params).df()

    def control_claims(self, *, place: str | None = None) -> list[dict[str, Any]]:
        """Control claims (who holds which place), oldest first, with the article's date."""
        sql = (
            "SELECT c.place, c.geonameid, c.lat, c.lon, "
            "json_extract_string(c.record, '$.place.feature') AS place_feature, c.controller, c.status, c.as_of, "
            "c.as_of_start, c.as_of_end, c.source, c.outlet, c.evidence, c.article_id, "
            "a.published, a.url FROM control_claims c JOIN articles a ON a.id = c.article_id"
        )
        params: list[Any] = []
        if place:
            sql += " WHERE c.place ILIKE ?"
            params.append(f"%{place}%")
        sql += " ORDER BY coalesce(c.as_of_end, c.as_of_start, a.published), c.place"
        return self.query(sql, params)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def article(self, article_id: str) -> dict[str, Any] | None:
        found = self.query("SELECT * FROM articles WHERE id = ?", [article_id])
        return found[0] if found else None


_FILTERS = ("type", "place", "actor", "since", "until", "source", "limit", "offset")

EVENT_COLUMNS = (
    "e.id, e.type, e.mode, e.context, e.acled_event_type, e.acled_sub_event_type, "
    "e.actor, e.actor_country, e.actor_sector, e.recipient, e.recipient_country, "
    "e.recipient_sector, e.place, "
    "e.place_feature, e.geonameid, e.lat, e.lon, e.also_at, e.targets, e.date, e.date_start, e.date_end, "
    "e.date_basis, e.certainty, e.source, "
    "e.chain, e.outlet, e.url, e.evidence, e.article_id, e.start, e.\"end\", e.sentence, "
    "e.confidence, a.headline, a.published, "
    "(SELECT list(DISTINCT c.outlet) FILTER (WHERE c.outlet IS NOT NULL) FROM article_copies c"
    " WHERE c.article_id = e.article_id) AS copy_outlets"
)


def _events_query(type, place, actor, since, until, source, limit, offset) -> tuple[str, list[Any]]:
    where, params = [], []
    if type:
        where.append("upper(e.type) = upper(?)")
        params.append(type)
    if place:
        # Any spelling the gazetteer knows finds the entry: --place Avdiivka matches "Avdiyivka".
        ids = _gazetteer_ids(place)
        where.append(
            "(e.place ILIKE ? OR list_contains(?, e.geonameid)"
            " OR EXISTS (SELECT 1 FROM unnest(e.targets || coalesce(e.also_at, [])) t(x) WHERE x ILIKE ?))"
        )
        params += [place, ids, place]
    if actor:
        where.append(
            "(list_contains(e.actor_country || e.recipient_country, upper(?))"
            " OR EXISTS (SELECT 1 FROM unnest(e.actor || e.recipient) t(x) WHERE x ILIKE ?))"
        )
        params += [actor, f"%{actor}%"]
    if since:
        where.append("coalesce(e.date_end, e.date_start, a.published) >= ?")
        params.append(_as_date(since, "--since"))
    if until:
        where.append("coalesce(e.date_start, e.date_end, a.published) <= ?")
        params.append(_as_date(until, "--until"))
    if source:
        where.append("(e.source ILIKE ? OR e.outlet ILIKE ? OR list_contains(e.chain, ?))")
        params += [f"%{source}%", f"%{source}%", source]
    sql = f"SELECT {EVENT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY coalesce(e.date_end, e.date_start, a.published) DESC NULLS LAST, e.article_id, e.ord"
    if limit:
        sql += f" LIMIT {int(limit)}"
    if offset:
        sql += f" OFFSET {int(offset)}"
    return sql, params


def _gazetteer_ids(name: str) -> list[int]:
    from newsevents.gazetteer import load_gazetteer

    return [entry.geonameid for entry in load_gazetteer().lookup(name)]


def _as_date(value: str | dt.date, option: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    start, _ = date_range(value)
    if start is None:
        raise StoreError(f"{option} {value!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY")
    return start


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


def write_all(store: Store, readings: Iterable[Reading], batch_size: int = 64) -> int:
    """Write many readings, ``batch_size`` articles per transaction."""
    total, batch = 0, []
    for reading in readings:
        batch.append(reading)
        if len(batch) >= batch_size:
            total += store.write(batch)
            batch = []
    return total + store.write(batch)
