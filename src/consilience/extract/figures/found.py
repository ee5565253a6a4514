"""The figure record while a sentence is being read, before it gets its id and offsets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from consilience.extract.claims import ASSERTED

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass
class Found:
    """A figure before it gets its id: token positions in the parse of one chunk."""

    first: int  # claim tokens [first, last]
    last: int
    number_first: int
    number_last: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    measure: str
    subject: str | None
    subject_inherited: bool
    trigger: Token
    implicit: bool
    anchor: Token
    # "asserted", or "projection" for a count the source says may, could or is expected to
    # be reached ("the toll could rise to 500"); see claims.MODALITIES.
    modality: str = ASSERTED
