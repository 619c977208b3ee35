"""The `newsevents` command end to end; results checked through the Python API."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.store import Store

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
runner = CliRunner()

WIRE = (
    "Troops shell Avdiivka\n\n"
    "Russian troops shelled the town of Avdiivka in the Donetsk region on Sunday, "
    "Ukrainian officials said.\n"
)


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "examples.duckdb"
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def test_cli_ingest_examples_makes_one_article(examples_db):
    with Store(examples_db, read_only=True) as store:
        assert store.count() == 1  # the recrawl lands as the same article
        assert store.count("events") > 0


def test_cli_ingest_in_two_processes_reads_the_same(examples_db, tmp_path):
    db = tmp_path / "two.duckdb"
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db), "--processes", "2"])
    assert result.exit_code == 0, result.output
    assert "0 failed" in result.output
    with Store(db, read_only=True) as two, Store(examples_db, read_only=True) as one:
        query = "SELECT type, evidence FROM events ORDER BY start, type"
        assert two.query(query) == one.query(query) != []


def test_cli_events_filters_and_formats(examples_db):
    result = runner.invoke(app, ["events", "--db", str(examples_db), "--place", "Lysychansk",
                                 "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert rows and all("Lysychansk" in (r["place"] or "") or "Lysychansk" in r["targets"] for r in rows)
    table = runner.invoke(app, ["events", "--db", str(examples_db)])
    assert table.exit_code == 0 and "events" in table.stdout
    csv_out = runner.invoke(app, ["events", "--db", str(examples_db), "--format", "csv"])
    assert csv_out.stdout.splitlines()[0].startswith("id,type,mode")


def test_cli_events_missing_db_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no such database" in result.stderr


def test_cli_events_bad_date_is_a_usage_error(examples_db):
    result = runner.invoke(app, ["events", "--db", str(examples_db), "--since", "yesterday"])
    assert result.exit_code == 2 and "not a date" in result.stderr


def test_cli_read_json_from_stdin():
    result = runner.invoke(app, ["read", "-", "--published", "2023-02-14", "--json"], input=WIRE)
    assert result.exit_code == 0, result.output
    reading = json.loads(result.stdout.splitlines()[0])
    assert reading["article"]["headline"] == "Troops shell Avdiivka"
    assert reading["article"]["published"] == "2023-02-14"
    # GeoNames spells it Avdiyivka; the text's spelling stays on the place.
    assert any(p["text"] == "Avdiivka" and p["admin1"] == "Donetsk" for p in reading["places"])


def test_cli_read_bad_published_is_a_usage_error():
    result = runner.invoke(app, ["read", "-", "--published", "14/02/2023"], input=WIRE)
    assert result.exit_code == 2 and "not a date" in result.stderr


def test_cli_export(examples_db, tmp_path):
    target = tmp_path / "events.geojson"
    result = runner.invoke(app, ["export", str(target), "--db", str(examples_db)])
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text())["type"] == "FeatureCollection"
    unknown = runner.invoke(app, ["export", str(tmp_path / "events.xyz"), "--db", str(examples_db)])
    assert unknown.exit_code == 2


def test_cli_bad_input_is_reported_and_the_rest_is_stored(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "good.txt").write_text(WIRE)
    (folder / "menu.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (folder / "lines.jsonl").write_text(
        json.dumps({"title": "Strike on Kharkiv", "text": "A missile struck Kharkiv on Friday, "
                    "the regional governor said.", "published": "2022-05-06"}) + "\n{not json\n"
    )
    db = tmp_path / "t.duckdb"
    first = runner.invoke(app, ["ingest", str(EXAMPLES / "benzinga-2022-07-lysychansk.txt"), "--db", str(db)])
    assert first.exit_code == 0, first.output
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    named = " ".join(errors)
    assert "empty.txt" in named and "binary.txt" in named and "lines.jsonl:2" in named
    assert all(line.count(str(folder)) == 1 for line in errors)  # each names its file once
    (menu,) = [line for line in errors if "menu.html" in line]
    assert menu.count("menu.html") == 1 and "no article" in menu  # the file named once
    assert "4 failed" in result.stderr
    with Store(db, read_only=True) as store:
        headlines = {r["headline"] for r in store.query("SELECT headline FROM articles")}
    assert "Troops shell Avdiivka" in headlines and "Strike on Kharkiv" in headlines
    assert any(h.startswith("Vladimir Putin's Generals") for h in headlines)


def test_cli_read_reports_a_bad_file_and_reads_the_rest(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "good.txt").write_text(WIRE)
    result = runner.invoke(app, ["read", str(tmp_path / "empty.txt"), str(tmp_path / "good.txt")])
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("error:")] == [
        f"error: {tmp_path / 'empty.txt'}: empty file"]  # the file named once
    assert "Troops shell Avdiivka" in result.stdout


def test_cli_help_is_clear():
    for command in ("read", "ingest", "events", "export"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "Usage" in result.stdout
