"""Files, directories and stdin as a stream of RawDocuments (or SourceErrors, never a crash)."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Optional, Union

from newsevents.sources.base import Metadata, RawDocument, SourceError
from newsevents.sources.fields import FieldProblem, document_from_fields
from newsevents.sources.raw import (
    MAX_DOCUMENT_BYTES,
    MAX_STREAM_BYTES,
    SNIFF_BYTES,
    ReadProblem,
    binary_kind,
    decode,
    open_stream,
    sniff,
)
from newsevents.sources.warc import iter_warc

PathLike = Union[str, Path]
Item = Union[RawDocument, SourceError]
STDIN = "<stdin>"


def iter_documents(
    paths: Union[PathLike, Iterable[PathLike]], *, metadata: Optional[Metadata] = None
) -> Iterator[Item]:
    """Every document in ``paths`` ("-" is stdin; directories are walked recursively).

    ``metadata`` fills what a document does not say itself (a sidecar or a record's fields win).
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    for path in paths:
        if str(path) == "-":
            yield from _read_stream(sys.stdin.buffer, STDIN, STDIN, metadata, None)
            continue
        path = Path(path)
        if path.is_dir():
            for file in _walk(path):
                yield from read_file(file, metadata)
        elif not path.exists():
            yield SourceError(str(path), "no such file or directory")
        else:
            yield from read_file(path, metadata)


def read_file(path: Path, metadata: Optional[Metadata] = None) -> Iterator[Item]:
    """The documents in one file; a sidecar ``NAME.json`` beside it adds metadata."""
    origin = str(path)
    try:
        stream = open(path, "rb")
    except OSError as exc:
        yield SourceError(origin, f"unreadable ({exc.strerror or exc})")
        return
    with stream:
        yield from _read_stream(stream, origin, path.name, metadata, path)


def _read_stream(
    stream: BinaryIO, origin: str, name: str, metadata: Optional[Metadata], path: Optional[Path]
) -> Iterator[Item]:
    try:
        yield from _dispatch(stream, origin, name, metadata, path)
    except ReadProblem as exc:
        yield SourceError(origin, str(exc))
    except OSError as exc:
        yield SourceError(origin, f"unreadable ({exc.strerror or exc})")
    except Exception as exc:  # one bad file must never stop the batch
        yield SourceError(origin, f"could not be read ({type(exc).__name__}: {exc})")


def _dispatch(
    stream: BinaryIO, origin: str, name: str, metadata: Optional[Metadata], path: Optional[Path]
) -> Iterator[Item]:
    raw_head = stream.peek(SNIFF_BYTES)[:4] if hasattr(stream, "peek") else b""
    data_stream = open_stream(stream, raw_head, MAX_STREAM_BYTES)
    head = data_stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    if not head.strip():
        if not head or not data_stream.read(MAX_DOCUMENT_BYTES).strip():
            yield SourceError(origin, "empty file")
            return
    kind = binary_kind(head)
    if kind:
        yield SourceError(origin, f"binary file ({kind}), not text, HTML, JSON or WARC")
        return
    fmt = sniff(head.decode("utf-8", errors="replace"), name)
    if fmt == "warc":
        yield from iter_warc(data_stream, origin, metadata)
        return
    if fmt == "jsonl":
        yield from _read_jsonl(data_stream, origin, metadata)
        return
    data = data_stream.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ReadProblem(f"larger than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB; not read")
    text = decode(data)
    if not text.strip():
        yield SourceError(origin, "empty file")
    elif fmt == "json":
        yield from _read_json(text, origin, metadata)
    elif fmt == "csv":
        yield from _read_csv(text, origin, name, metadata)
    else:
        own, problem = _sidecar(path)
        if problem:
            yield problem
        yield RawDocument(origin, text, fmt, (own or Metadata()).filled_from(metadata))


def _read_jsonl(stream: BinaryIO, origin: str, metadata: Optional[Metadata]) -> Iterator[Item]:
    for number, line in enumerate(stream, start=1):
        where = f"{origin}:{number}"
        if not line.strip():
            continue
        try:
            record = json.loads(decode(line))
        except ReadProblem as exc:
            yield SourceError(where, str(exc))
            continue
        except ValueError as exc:
            yield SourceError(where, f"invalid JSON line ({exc})")
            continue
        yield _from_fields(record, where, metadata)


def _read_json(text: str, origin: str, metadata: Optional[Metadata]) -> Iterator[Item]:
    try:
        value = json.loads(text)
    except ValueError as exc:
        yield SourceError(origin, f"invalid JSON ({exc})")
        return
    if isinstance(value, list):
        for number, record in enumerate(value):
            yield _from_fields(record, f"{origin}:{number}", metadata)
    else:
        yield _from_fields(value, origin, metadata)


def _read_csv(text: str, origin: str, name: str, metadata: Optional[Metadata]) -> Iterator[Item]:
    try:
        dialect = csv.Sniffer().sniff(text[:SNIFF_BYTES], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel_tab if name.lower().endswith(".tsv") else csv.excel
    csv.field_size_limit(MAX_DOCUMENT_BYTES)
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    try:
        for row in reader:
            yield _from_fields(row, f"{origin}:{reader.line_num}", metadata)
    except csv.Error as exc:
        yield SourceError(f"{origin}:{reader.line_num}", f"invalid CSV ({exc})")


def _from_fields(record: object, where: str, metadata: Optional[Metadata]) -> Item:
    try:
        return document_from_fields(record, where, metadata)  # type: ignore[arg-type]
    except FieldProblem as exc:
        return SourceError(where, str(exc))


def sidecar_path(path: Path) -> Path:
    """NAME.txt -> NAME.json (NAME.html.gz -> NAME.json too)."""
    name = path.name.removesuffix(".gz")
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return path.with_name(stem + ".json")


def _sidecar(path: Optional[Path]) -> tuple[Optional[Metadata], Optional[SourceError]]:
    if path is None:
        return None, None
    side = sidecar_path(path)
    if side == path or not side.is_file():
        return None, None
    try:
        record = json.loads(side.read_text(encoding="utf-8"))
        if not isinstance(record, dict):
            raise ValueError("not a JSON object")
    except (OSError, ValueError) as exc:
        return None, SourceError(str(side), f"sidecar metadata ignored ({exc})")
    record = {k: v for k, v in record.items() if k not in ("text", "body", "maintext", "html")}
    return document_from_fields({**record, "text": "-"}, str(path), None).metadata, None


def _walk(root: Path) -> Iterator[Path]:
    """Files under ``root`` in a stable order, without hidden files or sidecars."""
    files = sorted(p for p in root.rglob("*") if p.is_file() and not _hidden(p, root))
    taken = {sidecar_path(p) for p in files if not p.name.endswith(".json")}
    for file in files:
        if file not in taken:
            yield file


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
