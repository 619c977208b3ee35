"""Readers: every supported input (text, HTML, JSON/JSONL, CSV, WARC, gzip of any) as RawDocuments.

``iter_documents(paths)`` yields a ``RawDocument`` per document, or a ``SourceError`` value (one
line naming the file and the problem) for each thing it could not read; it never raises on bad
input. ``newsevents.clean.clean`` turns a RawDocument into an Article.
"""

from newsevents.sources.base import FORMATS, Metadata, RawDocument, SourceError, parse_date
from newsevents.sources.readers import iter_documents, read_file, sidecar_path

__all__ = [
    "FORMATS",
    "Metadata",
    "RawDocument",
    "SourceError",
    "iter_documents",
    "parse_date",
    "read_file",
    "sidecar_path",
]
