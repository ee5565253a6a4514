"""Ingest: files on disk to Document records, with a clear reason for every skipped input."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from consilience.lazy import load_name

if TYPE_CHECKING:
    from consilience.defaults import DEFAULT_MAX_BYTES
    from consilience.ingest.discover import Discovery
    from consilience.ingest.document import Document, Metadata, make_document
    from consilience.ingest.inputs import FileRead, ingest_file, iter_inputs
    from consilience.ingest.problems import IngestProblem, IngestWarning


__all__ = [
    "DEFAULT_MAX_BYTES",
    "Discovery",
    "Document",
    "FileRead",
    "IngestProblem",
    "IngestWarning",
    "Metadata",
    "ingest_file",
    "iter_inputs",
    "make_document",
]


# Where each name lives: loaded on first use, so that the ledger and the views, which need
# only the Document record, do not load the readers (trafilatura). The function `discover`
# is imported from its module, `consilience.ingest.discover`, whose name it shares.
_HOMES = {
    "DEFAULT_MAX_BYTES": "consilience.defaults",
    "Discovery": "consilience.ingest.discover",
    "Document": "consilience.ingest.document",
    "Metadata": "consilience.ingest.document",
    "make_document": "consilience.ingest.document",
    "FileRead": "consilience.ingest.inputs",
    "ingest_file": "consilience.ingest.inputs",
    "iter_inputs": "consilience.ingest.inputs",
    "IngestProblem": "consilience.ingest.problems",
    "IngestWarning": "consilience.ingest.problems",
}


def __getattr__(name: str) -> Any:
    return load_name(_HOMES, __name__, name)
