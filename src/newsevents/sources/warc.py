"""WARC and WARC.gz: one HTML document per HTTP response record (warcio does the parsing)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO, Optional, Union

from newsevents.sources.base import Metadata, RawDocument, SourceError
from newsevents.sources.raw import MAX_DOCUMENT_BYTES, ReadProblem, decode

# Records that belong to every crawl and never hold a page: skipped without a word.
_SILENT = {"warcinfo", "request"}


def iter_warc(
    stream: BinaryIO, origin: str, metadata: Optional[Metadata]
) -> Iterator[Union[RawDocument, SourceError]]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for number, record in enumerate(ArchiveIterator(stream), start=1):
            item = _document(record, f"{origin}#{number}", metadata)
            if item is not None:
                yield item
    except ArchiveLoadFailed as exc:
        yield SourceError(origin, f"invalid WARC ({' '.join(str(exc).split())})")


def _document(
    record, where: str, metadata: Optional[Metadata]
) -> Union[RawDocument, SourceError, None]:
    kind = record.rec_type
    uri = record.rec_headers.get_header("WARC-Target-URI")
    where = f"{where} {uri}" if uri else where
    if kind in _SILENT:
        return None
    if kind != "response" or record.http_headers is None:
        return SourceError(where, f"WARC {kind} record skipped (not an HTTP response)")
    status = record.http_headers.get_statuscode()
    if status != "200":
        return SourceError(where, f"WARC response skipped (HTTP status {status})")
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    if ctype and "html" not in ctype and "xml" not in ctype:
        return SourceError(where, f"WARC response skipped (content type {ctype}, not HTML)")
    data = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        return SourceError(where, "WARC response skipped (page larger than the document cap)")
    if not data.strip():
        return SourceError(where, "WARC response skipped (empty page)")
    try:
        html = decode(data)
    except ReadProblem:
        html = data.decode("utf-8", errors="replace")  # pages declare their charset in meta tags
    return RawDocument(where, html, "html", Metadata(url=uri).filled_from(metadata))
