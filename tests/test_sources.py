"""Readers: every input format to RawDocuments, and bad input to one-line SourceErrors."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import shutil
import sys
from pathlib import Path

import pytest

from newsevents.sources import Metadata, RawDocument, SourceError, iter_documents, sidecar_path

FIXTURES = Path(__file__).parent / "fixtures" / "sources"


def _docs(items):
    return [i for i in items if isinstance(i, RawDocument)]


def _errors(items):
    return [i for i in items if isinstance(i, SourceError)]


def test_sources_text_file_with_sidecar_metadata():
    (doc,) = list(iter_documents(FIXTURES / "plain" / "harbour.txt"))
    assert doc.format == "text"
    assert doc.content.startswith("City Council Approves")
    assert doc.metadata.published == dt.date(2023, 3, 14)
    assert doc.metadata.url.startswith("https://www.example-news.com/")
    assert doc.metadata.byline == "Maria Jensen"


def test_sources_caller_metadata_fills_gaps_but_sidecar_wins():
    given = Metadata(outlet="Gazette", published=dt.date(2020, 1, 1))
    (doc,) = list(iter_documents([FIXTURES / "plain" / "harbour.txt"], metadata=given))
    assert doc.metadata.outlet == "Gazette"
    assert doc.metadata.published == dt.date(2023, 3, 14)


def test_sources_directory_is_recursive_and_skips_sidecars():
    items = list(iter_documents(FIXTURES))
    origins = [i.origin for i in _docs(items)]
    assert any(o.endswith("harbour.txt") for o in origins)
    assert any(o.endswith("harbour.recrawl.txt") for o in origins)
    assert not any(o.endswith("harbour.json") for o in origins)
    assert any(o.endswith("page.html") for o in origins)


def test_sources_jsonl_our_fields_and_news_please_fields():
    items = list(iter_documents(FIXTURES / "feed.jsonl"))
    ours, news_please = _docs(items)
    assert ours.format == "fields" and ours.metadata.headline == "Rail Line Reopens After Repairs"
    assert ours.metadata.outlet == "Example News" and ours.metadata.published == dt.date(2023, 5, 2)
    assert news_please.content.startswith("A ship carrying")
    assert news_please.metadata.outlet == "apnews.com"
    assert news_please.metadata.published == dt.date(2023, 6, 9)
    assert news_please.metadata.byline == "Ivan Shevchenko, Lena Ortiz"
    assert ours.origin.endswith("feed.jsonl:1") and news_please.origin.endswith("feed.jsonl:2")


def test_sources_jsonl_bad_lines_are_errors_and_the_rest_is_read():
    errors = _errors(list(iter_documents(FIXTURES / "feed.jsonl")))
    assert [e.origin.rsplit(":", 1)[1] for e in errors] == ["3", "4", "6"]
    assert "invalid JSON line" in errors[0].message
    assert "no article text" in errors[1].message
    assert all("\n" not in e.message and "feed.jsonl" in e.message for e in errors)


def test_sources_html_by_content_not_suffix(tmp_path):
    target = tmp_path / "page.dat"
    shutil.copy(FIXTURES / "page.html", target)
    (doc,) = list(iter_documents(target))
    assert doc.format == "html"


def test_sources_csv_with_header():
    items = list(iter_documents(FIXTURES / "stories.csv"))
    (doc,) = _docs(items)
    assert doc.metadata.headline == "Market Reopens" and doc.content.startswith("The central market")
    (error,) = _errors(items)
    assert "no article text" in error.message


def test_sources_gzip_of_jsonl(tmp_path):
    target = tmp_path / "feed.data.gz"
    target.write_bytes(gzip.compress((FIXTURES / "feed.jsonl").read_bytes()))
    assert len(_docs(list(iter_documents(target)))) == 2


def test_sources_stdin(monkeypatch):
    data = (FIXTURES / "plain" / "harbour.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
    (doc,) = list(iter_documents("-", metadata=Metadata(outlet="Example")))
    assert doc.origin == "<stdin>" and doc.format == "text" and doc.metadata.outlet == "Example"


def test_sources_latin1_text_is_decoded(tmp_path):
    target = tmp_path / "old.txt"
    target.write_bytes("Café owners in Zürich protest new rules\n\nThe owners said the rules were unfair to small cafés and would raise prices for everyone.".encode("latin-1"))
    (doc,) = list(iter_documents(target))
    assert "Café" in doc.content


def test_sources_mixed_encodings_decode_line_by_line(tmp_path):
    target = tmp_path / "mixed.txt"
    target.write_bytes(
        "Zelenskyy’s office says talks go on\n\n".encode("utf-8")
        + "The café near the station was damaged, the mayor said.\n".encode("cp1252")
        + "Kyiv’s mayor said “repairs start on Monday.”\n".encode("utf-8")
    )
    (doc,) = list(iter_documents(target))
    assert "Zelenskyy’s office" in doc.content and "The café near" in doc.content
    assert "Kyiv’s mayor said “repairs" in doc.content and "â€" not in doc.content


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    cases = {
        "empty": (b"", "empty file"),
        "blank": (b"  \n\n \n", "empty file"),
        "binary": (b"\x00\x01\x02\x03binary\x00\xff" * 50, "binary file"),
        "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + b"x" * 100, "PDF"),
        "truncated": (gzip.compress(b"hello world, a news article " * 200)[:60], "truncated gzip"),
        "badgzip": (b"\x1f\x8b\x08\x00garbage-not-deflate" * 3, "gzip"),
        "undecodable": (bytes(range(128, 256)) * 4, "encoded"),
        "badjson": (b'{"title": "x", "text": ', "invalid JSON"),
    }
    paths = {}
    for name, (data, expected) in cases.items():
        path = tmp_path / (name + (".json" if name == "badjson" else ".txt"))
        path.write_bytes(data)
        paths[name] = (path, expected)
    return paths


@pytest.mark.parametrize(
    "name", ["empty", "blank", "binary", "pdf", "truncated", "badgzip", "undecodable", "badjson"]
)
def test_sources_bad_input_is_one_line_error(tmp_path, name):
    path, expected = _bad_inputs(tmp_path)[name]
    items = list(iter_documents(path))
    errors = _errors(items)
    assert errors, items
    assert expected.lower() in errors[-1].message.lower()
    assert str(path) in errors[-1].message and "\n" not in errors[-1].message
    assert isinstance(errors[-1], Exception)


def test_sources_missing_file_is_an_error(tmp_path):
    (error,) = list(iter_documents(tmp_path / "nope.txt"))
    assert "no such file" in error.message


def test_sources_gzip_bomb_is_capped(tmp_path, monkeypatch):
    from newsevents.sources import raw

    monkeypatch.setattr(raw, "MAX_STREAM_BYTES", 1024 * 1024)
    target = tmp_path / "bomb.txt.gz"
    target.write_bytes(gzip.compress(b"a" * (4 * 1024 * 1024)))
    monkeypatch.setattr("newsevents.sources.readers.MAX_STREAM_BYTES", 1024 * 1024)
    (error,) = list(iter_documents(target))
    assert "gzip bomb" in error.message


def test_sources_unreadable_file_is_an_error(tmp_path, monkeypatch):
    target = tmp_path / "secret.txt"
    target.write_text("Some headline\n\nSome body text that nobody may read.")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    # chmod does not stop root (CI containers), so the refusal is simulated where the reader opens
    monkeypatch.setattr("newsevents.sources.readers.open", refuse, raising=False)
    (error,) = list(iter_documents(target))
    assert "unreadable (Permission denied)" in error.message


def _warc(tmp_path: Path) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    target = tmp_path / "crawl.warc.gz"
    html = (FIXTURES / "page.html").read_bytes()
    with open(target, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))
        for uri, ctype, payload in [
            ("https://gazette.example.org/a", "text/html; charset=utf-8", html),
            ("https://gazette.example.org/logo.png", "image/png", b"\x89PNG...."),
        ]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers)
            )
        writer.write_record(
            writer.create_warc_record("urn:x", "metadata", payload=io.BytesIO(b"k: v"), warc_content_type="application/warc-fields")
        )
    return target


def test_sources_warc_gz_reads_html_responses_and_explains_skips(tmp_path):
    items = list(iter_documents(_warc(tmp_path)))
    (doc,) = _docs(items)
    assert doc.format == "html" and doc.metadata.url == "https://gazette.example.org/a"
    reasons = [e.message for e in _errors(items)]
    assert any("image/png" in r for r in reasons)
    assert any("metadata record skipped" in r for r in reasons)


@pytest.mark.parametrize(
    ("path", "expected"),
    [("a/NAME.txt", "a/NAME.json"), ("NAME.html.gz", "NAME.json"), ("x.recrawl.txt", "x.recrawl.json")],
)
def test_sources_sidecar_path(path, expected):
    assert sidecar_path(Path(path)) == Path(expected)
