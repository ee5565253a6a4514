"""Why an input was not ingested, as one line a user can act on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IngestProblem:
    """An input that was skipped. `where` is the file, or `file:line` inside JSONL."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


class InputRejected(Exception):
    """Raised inside readers; turned into an IngestProblem by the caller."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
