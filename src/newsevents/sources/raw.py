"""Bytes in, text out: gzip with a size cap, binary and encoding checks, format sniffing.

Readers never trust the suffix alone: a ``.txt`` may hold HTML, a ``.gz`` any format.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from typing import BinaryIO, Optional

# A gzip bomb inflates a few kilobytes into gigabytes; one document never needs more than this.
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
# Streams (JSONL, WARC) are read record by record, so their cap is only a guard against bombs.
MAX_STREAM_BYTES = 8 * 1024 * 1024 * 1024
SNIFF_BYTES = 64 * 1024

_BINARY_MAGIC = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"BZh": "a bzip2 archive",
    b"\xfd7zXZ": "an xz archive",
    b"7z\xbc\xaf": "a 7z archive",
    b"\x7fELF": "an executable",
}


class ReadProblem(Exception):
    """Why bytes could not become a document (the caller adds the origin)."""


class CappedReader(io.RawIOBase):
    """Reads a stream, raising ReadProblem once more than ``cap`` bytes have come out."""

    def __init__(self, stream: BinaryIO, cap: int) -> None:
        self._stream = stream
        self._cap = cap
        self._count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        try:
            data = self._stream.read(len(buffer))
        except EOFError as exc:
            raise ReadProblem(f"truncated gzip ({exc})") from exc
        except (gzip.BadGzipFile, zlib.error) as exc:
            raise ReadProblem(f"corrupt gzip ({exc})") from exc
        self._count += len(data)
        if self._count > self._cap:
            raise ReadProblem(
                f"decompresses to more than {self._cap // (1024 * 1024)} MB "
                "(a gzip bomb?); not read"
            )
        buffer[: len(data)] = data
        return len(data)


def is_gzip(head: bytes) -> bool:
    return head[:2] == b"\x1f\x8b"


def open_stream(stream: BinaryIO, head: bytes, cap: int) -> io.BufferedReader:
    """The decompressed bytes of ``stream`` (gzip or not), capped at ``cap``."""
    inner: BinaryIO = gzip.GzipFile(fileobj=stream) if is_gzip(head) else stream
    return io.BufferedReader(CappedReader(inner, cap), buffer_size=SNIFF_BYTES)


def binary_kind(head: bytes) -> Optional[str]:
    """What a binary file is ("a PDF file"), or None for text."""
    for magic, kind in _BINARY_MAGIC.items():
        if head.startswith(magic):
            return kind
    sample = head[:8192]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 text has NULs by design
    if b"\x00" in sample:
        return "binary data"
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if sample and controls / len(sample) > 0.1:
        return "binary data"
    return None


def decode(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 by BOM, else a detected encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReadProblem(f"wrongly encoded: invalid UTF-16 at byte {exc.start}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    mixed = _decode_mixed(data)
    return mixed if mixed is not None else _decode_detected(data, first_bad)


def _decode_mixed(data: bytes) -> str | None:
    """UTF-8 with some lines in Windows-1252 (a page pasted together from two sources): each
    line in its own encoding. Only when other lines prove UTF-8 with non-ASCII characters;
    decoding the whole as one detected encoding would garble every UTF-8 character."""
    lines, utf8_non_ascii = [], False
    for line in data.split(b"\n"):
        try:
            text = line.decode("utf-8")
            utf8_non_ascii = utf8_non_ascii or not text.isascii()
        except UnicodeDecodeError:
            text = line.decode("cp1252", errors="replace")
        lines.append(text)
    return "\n".join(lines).removeprefix("\ufeff") if utf8_non_ascii else None


def _decode_detected(data: bytes, first_bad: int) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:SNIFF_BYTES * 4]).best()
    if best is None or best.encoding in ("utf_8", "ascii") or best.chaos > 0.3:
        raise ReadProblem(
            f"wrongly encoded: not UTF-8 (invalid byte at {first_bad}) and no other "
            "encoding fits; convert it to UTF-8"
        )
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise ReadProblem(f"wrongly encoded: not UTF-8, and not {best.encoding} either") from exc


def sniff(head_text: str, name: str) -> str:
    """The format of a document from its first characters (and, as a hint, its name).

    One of: warc, jsonl, json, html, csv, text.
    """
    lower_name = name.lower().removesuffix(".gz")
    start = head_text.lstrip("\ufeff \t\r\n")
    if start.startswith("WARC/"):
        return "warc"
    if start.startswith("{") or start.startswith("["):
        kind = _json_kind(start, lower_name)
        if kind:
            return kind
    if lower_name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if _looks_like_html(start) or lower_name.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if lower_name.endswith((".csv", ".tsv")) or _looks_like_csv(start):
        return "csv"
    return "text"


def _json_kind(start: str, lower_name: str) -> Optional[str]:
    first_line = start.split("\n", 1)[0]
    try:
        value = json.loads(first_line)
    except ValueError:
        value = None
    if isinstance(value, dict):
        return "jsonl"
    if lower_name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if lower_name.endswith(".json") or start.startswith("{") and '":' in start[:2000]:
        return "json"
    return None


def _looks_like_html(start: str) -> bool:
    head = start[:4096].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in head[:4096] + "<html":
        return True
    return any(tag in head for tag in ("<html", "<head>", "<body", "<article", "<p>", "<div"))


_BODY_COLUMNS = ("text", "body", "maintext", "content", "articlebody", "article", "html")


def _looks_like_csv(start: str) -> bool:
    header = start.split("\n", 1)[0].lower()
    for delimiter in (",", "\t", ";"):
        names = [n.strip().strip('"') for n in header.split(delimiter)]
        if len(names) >= 2 and any(n in _BODY_COLUMNS for n in names):
            return True
    return False
