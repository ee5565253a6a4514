"""The Document record: one text and what is known about where it came from."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

from consilience.ingest.problems import InputRejected

# Metadata fields a user may set from a sidecar file or the command line.
METADATA_FIELDS = ("title", "publisher", "author", "published", "url")
# Half of a UTF-16 pair with no other half: JSON can spell one ("\ud800", common in
# scraped text cut inside an emoji), and a POSIX file name holding bytes that are not
# UTF-8 arrives as such characters too. No encoder or parser accepts them.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Metadata:
    """What a document says about itself, or what the user says about it."""

    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None

    def merged_over(self, base: Metadata) -> Metadata:
        """Fields set here win; unset ones fall back to `base`."""
        values = {
            name: getattr(self, name) if getattr(self, name) is not None else getattr(base, name)
            for name in METADATA_FIELDS
        }
        return Metadata(**values)


@dataclass(frozen=True)
class Document:
    """One ingested document. `text` is what every claim span points into."""

    id: str
    path: str
    source_file: str
    format: str
    text: str
    sha256: str
    encoding: str
    metadata: Metadata = field(default_factory=Metadata)

    @property
    def title(self) -> str | None:
        return self.metadata.title

    @property
    def published(self) -> str | None:
        return self.metadata.published


def make_document(
    *,
    text: str,
    path: str,
    source_file: str,
    format: str,
    encoding: str,
    metadata: Metadata,
) -> Document:
    """Build a Document whose id is a hash of its text and metadata.

    The metadata is part of the id because it changes what extraction finds (the
    publication date anchors relative dates) and because two outlets printing the same
    wire text are two documents, not one.

    Raises InputRejected when the text, a metadata field or the path holds a lone
    surrogate: no part of the pipeline can store or parse such a string.
    """
    if _LONE_SURROGATE.search(source_file):
        raise InputRejected("the file name is not valid UTF-8; rename the file")
    for name, value in [("text", text), *((n, getattr(metadata, n)) for n in METADATA_FIELDS)]:
        found = _LONE_SURROGATE.search(value or "")
        if found is not None:
            raise InputRejected(
                f"'{name}' holds a lone surrogate (U+{ord(found.group()):04X}) at character "
                f"{found.start()}, which is not valid Unicode text"
            )
    text_sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    identity = json.dumps(
        {"sha256": text_sha, **{name: getattr(metadata, name) for name in METADATA_FIELDS}},
        sort_keys=True,
        ensure_ascii=True,
    )
    doc_id = hashlib.sha256(identity.encode("ascii")).hexdigest()[:16]
    return Document(
        id=doc_id,
        path=path,
        source_file=source_file,
        format=format,
        text=text,
        sha256=text_sha,
        encoding=encoding,
        metadata=metadata,
    )
