"""Sections of a long document, and moving a section's claims to their place in the whole.

A section is read as if it were a document of its own: its text is parsed and every
extractor runs over that text alone, so the work on one section never looks at another
(no extractor scans the whole document once per section) and its parse can be dropped
before the next is made.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any, TypeVar

from consilience.extract.claims import Claim, claim_id
from consilience.extract.nlp import CHUNK_CHARS, chunk_offsets

# The longest text read at once. Equal to the parse piece, so a document that was parsed
# in one piece before sections existed is one section and keeps exactly its claims.
SECTION_CHARS = CHUNK_CHARS
# Character offsets a claim record carries besides `start` and `end`.
_OFFSET_FIELDS = (
    "start",
    "end",
    "number_start",
    "number_end",
    "date_start",
    "date_end",
    "content_start",
    "content_end",
    "trigger_start",
    "trigger_end",
)

C = TypeVar("C", bound=Claim)


def section_offsets(text: str) -> list[tuple[int, int]]:
    """(start, end) of each section: at most SECTION_CHARS characters, cut at a paragraph
    end, else a line end, a sentence end or a space (see `nlp.chunk_offsets`)."""
    return chunk_offsets(text, SECTION_CHARS)


def one_section(text: str) -> bool:
    """Whether `text` is read whole, exactly as before sections existed."""
    return len(text) <= SECTION_CHARS


def moved(
    claim: C, kind: str, offset: int, index: int, incidents: Mapping[str, str] | None = None
) -> C:
    """`claim`, found in a section that starts at `offset`, with its offsets in the whole
    document and the id of the `index`-th claim of its kind there. A figure that names an
    incident of its section names it by the id `incidents` gives it in the whole."""
    changes: dict[str, Any] = {
        name: getattr(claim, name) + offset for name in _OFFSET_FIELDS if hasattr(claim, name)
    }
    incident = getattr(claim, "incident", None)
    if incident is not None and incidents:
        changes["incident"] = incidents.get(incident, incident)
    return replace(claim, id=claim_id(claim.doc, kind, index), **changes)
